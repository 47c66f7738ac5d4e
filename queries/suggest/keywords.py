"""The keyword rules behind `kraftgraf suggest`: ``data/determinant_keywords.csv`` read and matched.

Each determinant has Swedish and English keywords (``|``-separated; a keyword
of several words is a phrase), on one row or several, each row saying in
``comment`` where its words come from.  Each text is matched in its own
language (:func:`language`: its tag, which the import gives each cell), so a plan
that mixes Swedish and English is read right.  A text word matches a keyword word when their
Snowball stems are equal (Swedish for ``sv``, English for ``en``), so "skolan"
and "skola" or "schools" and "school" meet.  A trailing ``*`` makes the word a
prefix of the text word ("sjukskriv*" matches "sjukskrivningar"), a leading
``*`` a suffix of its stem ("*vård" matches "primärvården"): Swedish compounds.

Examples
--------
>>> rules = read_rules()
>>> [(r.determinant, r.keyword, words) for r, words in match(rules, "Förkorta sjukskrivningar", "sv")]
[('arbetsmiljo', 'sjukskriv*', ['sjukskrivningar'])]

"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files

import snowballstemmer

from kraftgraf.errors import DataError
from kraftgraf.loaders.language import detect

__all__ = ["LANGUAGES", "Rule", "Words", "read_rules", "match", "words", "language"]

LANGUAGES = {"sv": "swedish", "en": "english"}
_WORD = re.compile(r"\w+")
_KEY_WORD = re.compile(r"\*?\w+\*?")
FILE = "determinant_keywords.csv"


@cache
def _stemmer(lang: str):
    return lru_cache(maxsize=None)(snowballstemmer.stemmer(LANGUAGES[lang]).stemWord)


@dataclass(frozen=True)
class Words:
    """A text's words as written, lower-cased and as stems, with lookups for ruling rules out."""

    written: list[str]
    lower: list[str]
    stems: list[str]
    joined: str  # " " + the lower-cased words, each after a space
    stem_set: frozenset[str]

    def may_have(self, how: str, what: str) -> bool:
        """Whether some word could fit (how, what); False means none does."""
        if how == "stem":
            return what in self.stem_set
        if how == "prefix":
            return " " + what in self.joined
        return any(stem.endswith(what) for stem in self.stem_set)


@dataclass(frozen=True)
class Rule:
    """One keyword of one determinant in one language, as matchers per word."""

    determinant: str
    lang: str
    keyword: str
    parts: tuple[tuple[str, str], ...]  # (how, what): 'stem', 'prefix' or 'suffix'

    def hits(self, text: Words) -> list[list[int]]:
        """The runs of word positions of ``text`` where this keyword occurs."""
        if not all(text.may_have(how, what) for how, what in self.parts):
            return []  # most rules miss most texts: rule them out before going word by word
        n, tokens, stems = len(self.parts), text.lower, text.stems
        return [list(range(i, i + n)) for i in range(len(tokens) - n + 1)
                if all(_fits(how, what, tokens[i + k], stems[i + k])
                       for k, (how, what) in enumerate(self.parts))]


def _fits(how: str, what: str, token: str, stem: str) -> bool:
    if how == "prefix":
        return token.startswith(what)
    if how == "suffix":
        return stem.endswith(what)
    return stem == what


def _parts(keyword: str, lang: str) -> tuple[tuple[str, str], ...]:
    stem, parts = _stemmer(lang), []
    for piece in _KEY_WORD.findall(keyword.lower()):
        if piece.endswith("*"):
            parts.append(("prefix", piece.strip("*")))
        elif piece.startswith("*"):
            parts.append(("suffix", stem(piece[1:])))
        else:
            parts.append(("stem", stem(piece)))
    return tuple(parts)


def read_rules(path=None, known: frozenset[str] | None = None, column: str = "determinant") -> list[Rule]:
    """The rules of the keyword file (default: the one the package ships).

    ``known`` are the ids a row may name in ``column`` (determinants; indicators for
    ``data/indicator_keywords.csv``); a row naming another is a DataError.
    """
    source = files("kraftgraf.data") / FILE if path is None else path
    where = f"data/{FILE}" if path is None else str(path)
    try:
        text = source.read_text(encoding="utf-8-sig")
    except (FileNotFoundError, UnicodeDecodeError) as exc:
        raise DataError(f"{where}: cannot read it ({exc.__class__.__name__})") from None
    rules = []
    for n, row in enumerate(csv.DictReader(text.splitlines()), start=2):
        det = (row.get(column) or "").strip()
        if not det or (known is not None and det not in known):
            raise DataError(f"{where} row {n}, column {column}: unknown {column} '{det}'")
        for lang in LANGUAGES:
            for keyword in filter(None, (k.strip() for k in (row.get(lang) or "").split("|"))):
                rules.append(Rule(det, lang, keyword, _parts(keyword, lang)))
    return rules


def words(text: str, lang: str) -> Words:
    """The words of ``text`` as written, lower-cased, and as stems in ``lang``."""
    written = _WORD.findall(text)
    lower = [w.lower() for w in written]
    stems = [_stemmer(lang)(w) for w in lower]
    return Words(written, lower, stems, "".join(" " + w for w in lower), frozenset(stems))


def language(text: str, tagged: str | None = None) -> str:
    """The language to read one text in: its tag (``tagged``), when that is Swedish or English.

    The import tags each cell by itself (its column's language, else its words'),
    so the tag is the text's own; a text without one, or with another language's,
    is read by its words (:func:`kraftgraf.loaders.language.detect`), else as Swedish.

    >>> language("Stöd till efterlevande", "sv"), language("Support the training of health workers", None)
    ('sv', 'en')
    >>> language("Information systems", "en"), language("Information systems", "fi")
    ('en', 'sv')
    """
    return tagged if tagged in LANGUAGES else detect(text, "sv") or "sv"


def match(rules: list[Rule], text: str, lang: str | None) -> list[tuple[Rule, list[str]]]:
    """Each rule of the text's language that ``text`` matches, with the words of ``text`` it matched.

    The language is the text's own (:func:`language` of ``lang``, its tag); stems and
    keywords are that language's.
    """
    lang = language(text, lang)
    seen = words(text, lang)
    found = []
    for rule in rules:
        if rule.lang == lang:
            runs = rule.hits(seen)
            if runs:
                found.append((rule, list(dict.fromkeys(" ".join(seen.written[i] for i in run)
                                                       for run in runs))))
    return found
