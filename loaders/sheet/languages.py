"""The language of each text in a plan sheet, and names given in two languages.

A plan may mix Swedish and English (an English quote in a Swedish plan, a
Swedish name in an English one), so every text gets its own language tag:

1. a column whose header ends in a language, ``Initiativ [en]`` or
   ``Staten [sv]``, sets it for all its cells (the header is read without it);
2. a name beside its translation (below) is in the other language;
3. else the text's own words tell (:func:`kraftgraf.loaders.language.detect`);
4. else the plan's language (``import --lang``, the workbook's, else sv).

**Names in two languages.** Målsättning, Fokusområde and Initiativ may each have
a second column of the same name with a language, right beside it:
``Initiativ [en]`` next to ``Initiativ``.  The first column of a name is the
plan's own text (ids, sources and commitments hang on it); the second gives the
same goal, focus area or initiative a name in that language, and the first is
then taken to be in the other one.  Both are labels of the item (``@sv`` and
``@en``), each quoting its cell.  A goal or focus area in the second column is
written as in the first ("1. A healthier society"), with the same code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kraftgraf.errors import DataError
from kraftgraf.loaders.language import LANGUAGES, detect
from kraftgraf.loaders.sheet.io import Item, column_letter

__all__ = ["NAMED", "split_header", "tagged", "other", "cell_language", "CellLanguages", "header_languages",
           "column_header"]

NAMED = ("Målsättning", "Fokusområde", "Initiativ")  # the columns that may have a second language
_TAG = re.compile(r"^(?P<base>.*?\S)\s*\[(?P<lang>" + "|".join(LANGUAGES) + r")\]$")


def split_header(header: str) -> tuple[str, str | None]:
    """'Initiativ [en]' -> ('Initiativ', 'en'); a header without a language -> (header, None)."""
    m = _TAG.match(header.strip())
    return (m["base"], m["lang"]) if m else (header.strip(), None)


def tagged(base: str, lang: str) -> str:
    """The header of column ``base`` set to ``lang``: 'Initiativ [en]'."""
    return f"{base} [{lang}]"


def other(lang: str) -> str:
    """The other of the two languages."""
    return next(x for x in LANGUAGES if x != lang)


def cell_language(text: str, default: str, column: str | None = None, beside: str | None = None) -> str:
    """A text's language: its column's, else the other of its translation's, its words', ``default``."""
    return column or (other(beside) if beside else detect(text, default) or default)


@dataclass
class CellLanguages:
    """What the sheet says about languages: columns set to one, and names with a translation."""

    columns: dict[str, str] = field(default_factory=dict)  # header (as cells name it) -> language
    translations: dict[Item, Item] = field(default_factory=dict)  # a name -> the same name in another

    def of(self, item: Item, default: str) -> str:
        """The language tag of ``item``, by the rules of this module."""
        beside = self.translations.get(item)
        return cell_language(item.text, default, self.columns.get(item.cell.column),
                             self.of(beside, default) if beside is not None else None)


def header_languages(header: list[str], where: str) -> tuple[list[str], CellLanguages, dict[str, str]]:
    """The header with the languages read off its main columns, what they set, and the translation columns.

    Returns (header, languages, translation column of each name column).  A second
    column of a name is a translation only when it carries a language and the name
    may have one (:data:`NAMED`); two columns with one name otherwise stay two, and the
    reader calls them duplicates.
    """
    out, languages, beside = [], CellLanguages(), {}
    seen: dict[str, int] = {}
    for i, raw in enumerate(header):
        base, lang = split_header(raw)
        if base in seen and lang is not None:
            if base not in NAMED:
                raise DataError(f"{where}, row 1, column {column_letter(i)}: '{raw.strip()}' repeats column "
                                f"'{base}' in another language; only {', '.join(NAMED)} may have a second "
                                "column, for names in two languages")
            if base in beside:
                raise DataError(f"{where}, row 1, column {column_letter(i)}: a third column '{raw.strip()}'; "
                                f"'{base}' may have one more column, in the other language")
            beside[base] = raw.strip()
            languages.columns[raw.strip()] = lang
            out.append(raw.strip())
            continue
        seen.setdefault(base, i)
        if lang is not None:
            languages.columns[base] = lang
        out.append(base if lang is not None else raw)
    for base, column in beside.items():
        if languages.columns.get(base) == languages.columns[column]:
            raise DataError(f"{where}, row 1: '{column}' and the column before it are both set to "
                            f"{languages.columns[column]}; a second column gives the names in the other "
                            "language")
    return out, languages, beside


def column_header(base: str, cells: list[tuple[str, str, str | None]], default: str) -> str:
    """The header to write for column ``base`` so that an import gives each cell its tag back.

    ``cells`` are (text, its tag, the tag of its translation or None).  When the rules
    give every tag back, the plain header; when they do not but the column has one
    language, the header sets it ('Initiativ [sv]'); a column of mixed tags the rules
    cannot give back keeps the plain header (those cells are tagged by their words).
    """
    if all(cell_language(text, default, beside=beside) == tag for text, tag, beside in cells):
        return base
    tags = {tag for _, tag, _ in cells}
    return tagged(base, tags.pop()) if len(tags) == 1 and tags <= set(LANGUAGES) else base
