"""What a side sheet is checked against, and how its rows are read (shared by the side sheets).

:class:`Known` is what the store holds outside the plan being imported; a side
sheet's rows come as dicts of :class:`~kraftgraf.loaders.sheet.io.Cell` by header,
each cell able to fail with its file, sheet, row and column.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from kraftgraf.errors import DataError
from kraftgraf.loaders.sheet.io import Cell, Item, Workbook

__all__ = ["Known", "LinkRow", "closest", "side_rows"]


@dataclass
class Known:
    """What the store already holds outside the plan being imported."""

    actors: dict[str, set[str]] = field(default_factory=dict)  # id -> its names, lower case
    laws: set[str] = field(default_factory=set)  # SFS numbers
    sectors: dict[str, set[str]] = field(default_factory=dict)  # sector id -> its names, lower case
    mandates: set[tuple[str, str]] = field(default_factory=set)  # (actor id, sector id) held elsewhere
    own: set[str] = field(default_factory=set)  # SFS numbers only the plan itself defines
    determinants: set[str] = field(default_factory=set)  # determinant and layer ids
    links: set[tuple] = field(default_factory=set)  # (s, p, o) already asserted elsewhere
    reasons: dict[tuple, str] = field(default_factory=dict)  # (s, p, o) -> its reason there
    indicators: set[str] = field(default_factory=set)  # indicator ids
    own_indicators: set[str] = field(default_factory=set)  # indicator ids only the plan itself defines


@dataclass(frozen=True)
class LinkRow:
    """A row of a link sheet: subject id -> target id, the reason, the quoted cell."""

    subject: str
    target: str
    reason: str
    item: Item
    subject_cell: Cell


def closest(value: str, known) -> str:
    """Up to three of ``known`` spelt nearly as ``value``, for an error message."""
    return ", ".join(difflib.get_close_matches(value, sorted(known), n=3)) or "none close"


def side_rows(wb: Workbook, sheet: str, required: tuple[str, ...]):
    """The non-empty rows of ``sheet`` (none when it is absent), each header -> its cell."""
    rows = wb.sheets.get(sheet) or []
    if not rows:
        return
    index = {h.strip(): i for i, h in enumerate(rows[0]) if h.strip()}
    for column in required:
        if column not in index:
            raise DataError(f"{wb.where(sheet)}, row 1: missing column '{column}' "
                            f"(the header has: {', '.join(index) or 'nothing'})")
    for n, raw in enumerate(rows[1:], start=2):
        if any(c.strip() for c in raw):
            raw = raw + [""] * (len(rows[0]) - len(raw))
            yield {h: Cell(wb.where(sheet), sheet, n, h, i, raw[i].strip()) for h, i in index.items()}
