"""Which language a text cell is written in, Swedish or English: a small detector that shows its evidence.

No model is downloaded or trained: the evidence is two kinds of clue a reader
would use, each listed in this module.

- **Function words**: "och", "att", "för", "som" are Swedish; "the", "and",
  "of", "to" English.  Each one in the text is a point for its language.
- **Letters and word endings**: å, ä and ö are Swedish (two points a word);
  so are the endings of Swedish inflection ("-heten", "-ningar", "-liga",
  "-arna", "-ande") and the clusters "sj", "tj", "kv" at a word's start.
  English has "w", "th", the vowel pairs "ou", "ee" and "oo", and endings
  Swedish does not ("-tions", "-ity", "-ness", "-ly", "-ed").  One point each.

The language with more points wins, when it leads by at least :data:`MARGIN`;
otherwise the text does not tell (a name such as "Information systems", a
number, an abbreviation) and :func:`detect` gives its ``default``: a column's
language, or the plan's.

Examples
--------
>>> detect("Stöd till efterlevande"), detect("Support the training of health workers")
('sv', 'en')
>>> detect("Information systems") is None, detect("Information systems", "en")
(True, 'en')
>>> evidence("Stärka arbetet med psykisk hälsa").points
{'sv': 5, 'en': 0}
>>> evidence("Stärka arbetet med psykisk hälsa").clues["sv"]
['ä', 'med', 'ä']

"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

__all__ = ["LANGUAGES", "MARGIN", "Evidence", "evidence", "detect"]

LANGUAGES = ("sv", "en")
MARGIN = 1  # points the winning language must lead by

# Function words, disjoint between the two lists; words both languages write ("under",
# "man", "all", "i"/"I") are left out, as are words too rare to count.
FUNCTION_WORDS = {
    "sv": frozenset("och att för som med av på till är inte den det de en ett om vid från samt eller "
                    "inom mot hos sina sin sitt där när efter genom ska skall kan bör har varit vara blir "
                    "också även mellan utan dess deras vilka vilket vi ni alla andra sig här nya ökad ökat "
                    "både hur vad detta dessa".split()),
    "en": frozenset("the and of to for with on by is are an their from or within at through into "
                    "including such its be will should can has have been this these those which who "
                    "that not also between without other new increased both how what as".split()),
}
# Word endings, letter clusters and letters one language writes and the other hardly does.
_SV_ENDINGS = ("heten", "heter", "het", "ningar", "ningen", "ningarna", "liga", "ligt", "lig", "arna",
               "erna", "orna", "ande", "ende", "tioner", "tionen", "iska", "iskt")
_SV_STARTS = ("sj", "tj", "kv", "skj", "stj")
_EN_ENDINGS = ("tions", "ity", "ities", "ness", "ly", "ed", "ship")
_EN_LETTERS = ("w", "th", "ou", "ee", "oo")
_WORD = re.compile(r"[^\W\d_]+")


@dataclass
class Evidence:
    """The clues found in a text, by language, and the points they give."""

    points: dict[str, int] = field(default_factory=lambda: dict.fromkeys(LANGUAGES, 0))
    clues: dict[str, list[str]] = field(default_factory=lambda: {lang: [] for lang in LANGUAGES})

    def add(self, lang: str, clue: str, points: int = 1) -> None:
        """Count one clue for ``lang``."""
        self.points[lang] += points
        self.clues[lang].append(clue)

    @property
    def language(self) -> str | None:
        """The language with the most points, when it leads by :data:`MARGIN`; else None."""
        (first, a), (_, b) = sorted(self.points.items(), key=lambda kv: -kv[1])
        return first if a - b >= MARGIN else None


@functools.lru_cache(maxsize=65536)  # a plan's texts share their words: an import asks 100,000 texts
def _word_clues(word: str) -> tuple[tuple[str, str, int], ...]:
    """The clues one word gives: (language, clue, points) each."""
    for lang, words in FUNCTION_WORDS.items():
        if word in words:
            return ((lang, word, 1),)
    swedish = [c for c in "åäö" if c in word]
    if swedish:
        return (("sv", swedish[0], 2),)
    found = []
    if len(word) > 4 and word.endswith(_SV_ENDINGS):
        found.append(("sv", "-" + next(e for e in _SV_ENDINGS if word.endswith(e)), 1))
    elif word.startswith(_SV_STARTS):
        found.append(("sv", word[:2] + "-", 1))
    letters = [c for c in _EN_LETTERS if c in word]
    if letters:
        found.append(("en", letters[0], 1))
    elif len(word) > 4 and word.endswith(_EN_ENDINGS):
        found.append(("en", "-" + next(e for e in _EN_ENDINGS if word.endswith(e)), 1))
    return tuple(found)


def evidence(text: str) -> Evidence:
    """The clues of each language in ``text``, word by word."""
    found = Evidence()
    for word in _WORD.findall(text.lower()):
        for lang, clue, points in _word_clues(word):
            found.add(lang, clue, points)
    return found


def detect(text: str, default: str | None = None) -> str | None:
    """'sv' or 'en' when the text's clues tell, else ``default``."""
    return _detected(text) or default


@functools.lru_cache(maxsize=1 << 17)  # an import asks a commitment's text twice: its name and its text
def _detected(text: str) -> str | None:
    """:func:`evidence`'s language, from the points alone."""
    points = dict.fromkeys(LANGUAGES, 0)
    for word in _WORD.findall(text.lower()):
        for lang, _, n in _word_clues(word):
            points[lang] += n
    return Evidence(points).language
