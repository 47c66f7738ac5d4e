"""Rebuild the annex table of a plan memo as a reader of the printed page sees it.

The memo's annex (Bilaga 1) is tab-separated rows whose cells hold HTML list
fragments, split over pages.  A page break can cut a row (the next page starts
with a row whose outcome cell is empty or plain text) and even a word
("åtgärdsprogram" + "et").  The first page has a column for the goal number,
later pages do not, yet one later row does; one row lacks its last cell.
Empty cells are written "...", "• ...", "• ..", "•" or nothing.

This module only parses: it returns rows of cells of items, each item made of
the fragments it was joined from, each fragment with its character offsets in
the source text, so every fact keeps a verbatim quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kraftgraf.errors import DataError

__all__ = ["Fragment", "Item", "Row", "Table", "parse_annex", "is_placeholder"]

OUTCOME_HEADER = "Vad vi ser behöver åstadkommas"
PAGE_MARKER = "[UTKAST ARBETSMATERIAL]"
_LI = re.compile(r"<li>(.*?)</li>", re.S)
_BULLET = re.compile(r"\s*(?:•\s*)?")
_GOAL_NUMBER = re.compile(r"(\d+)\.(?:\s+|$)")
_FOCUS_CODE = re.compile(r"([A-Z])\.\s")
_PLACEHOLDER = re.compile(r"•?\s*(?:\.{2,}|…)?")
# Endings that a page break cut off a word ("åtgärdsprogram" + "et"): a fragment
# that starts with one of these joins the previous text without a space.
_WORD_TAILS = {"et", "ets", "en", "ens", "na", "nas", "erna", "arna", "orna"}


@dataclass
class Fragment:
    """A verbatim span of the source: ``text == source[start:end]``."""

    text: str
    start: int
    end: int


@dataclass
class Item:
    """One bullet of a cell, possibly joined from fragments on two pages."""

    fragments: list[Fragment]

    @property
    def text(self) -> str:
        """The item's text, its fragments joined as a reader would."""
        out = self.fragments[0].text
        for frag in self.fragments[1:]:
            word = re.match(r"\w*", frag.text)
            assert word is not None  # \w* matches at the start of any text
            first_word = word.group(0)
            out += frag.text if first_word in _WORD_TAILS else " " + frag.text
        return out


def is_placeholder(text: str) -> bool:
    """True for the marks the memo writes in an empty cell: '...', '• ..', '…', '•'."""
    return _PLACEHOLDER.fullmatch(text.strip()) is not None


@dataclass
class Row:
    """One initiative row: goal, focus area, outcomes and one cell per actor column."""

    line: int
    goal_number: str | None = None
    goal: list[Item] = field(default_factory=list)
    focus: list[Item] = field(default_factory=list)
    outcomes: list[Item] = field(default_factory=list)
    actors: list[list[Item] | None] = field(default_factory=list)


@dataclass
class Table:
    """The rebuilt annex: its actor column headers and its rows."""

    actor_headers: list[str]
    rows: list[Row]
    start: int
    end: int


def _cell_items(cell: str, offset: int) -> tuple[list[Item], bool]:
    """Items of one cell and whether the cell was a list (else a plain fragment)."""
    if "<li>" not in cell:
        stripped = cell.strip()
        if not stripped:
            return [], False
        start = offset + cell.index(stripped)
        return [Item([Fragment(stripped, start, start + len(stripped))])], False
    items = []
    for m in _LI.finditer(cell):
        raw = m.group(1)
        # a placeholder keeps its marks ("• ...") as the quote; a bullet loses its "•"
        if is_placeholder(raw):
            lead = len(raw) - len(raw.lstrip())
        else:
            bullet = _BULLET.match(raw)
            assert bullet is not None  # _BULLET matches the empty string too
            lead = bullet.end()
        text = raw[lead:].rstrip()
        start = offset + m.start(1) + lead
        items.append(Item([Fragment(text, start, start + len(text))]))
    return items, True


def _continue(previous: list[Item], items: list[Item], was_list: bool) -> None:
    """Join a continued cell onto the same cell of the previous row."""
    if not items:
        return
    first = items[0]
    continues_word = not was_list or first.fragments[0].text[:1].islower()
    if previous and continues_word and not is_placeholder(first.text):
        previous[-1].fragments.extend(first.fragments)
        items = items[1:]
    previous.extend(items)


def _header_layout(cells: list[str]) -> tuple[int, int]:
    """(index of the outcome column, number of actor columns) in a header row."""
    outcome = cells.index(OUTCOME_HEADER)
    return outcome, len(cells) - outcome - 1


def _split_row(cells: list[str], offsets: list[int], outcome_col: int):
    """Cells as (goal_number, goal, focus, outcome, actors...), each with its offset.

    A row on a later page may still carry the goal-number column; it is
    recognised by a first cell that is only a number such as "2.".
    """
    pairs = list(zip(cells, offsets))
    number = None
    if outcome_col == 3 or (outcome_col == 2 and re.fullmatch(r"\d+\.", cells[0].strip())):
        number, pairs = pairs[0][0].strip() or None, pairs[1:]
    return number, pairs


def parse_annex(text: str, source_name: str = "memo") -> Table:
    """Find the annex table in ``text`` and rebuild its rows.

    Raises
    ------
    DataError
        When the text has no line holding the column "Vad vi ser behöver åstadkommas".

    """
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    first = next((i for i, ln in enumerate(lines) if OUTCOME_HEADER in ln.split("\t")), None)
    if first is None:
        raise DataError(f"{source_name}: no annex table found (no column '{OUTCOME_HEADER}')")
    outcome_col, n_actors = _header_layout(lines[first].split("\t"))
    headers = [h.strip() for h in lines[first].split("\t")[outcome_col + 1:]]
    rows: list[Row] = []
    end = starts[first]
    for i in range(first + 1, len(lines)):
        line = lines[i]
        if not line.strip() or line.strip() == PAGE_MARKER:
            continue
        if "\t" not in line:
            break
        cells = line.split("\t")
        if OUTCOME_HEADER in cells:
            outcome_col, n_actors = _header_layout(cells)
            continue
        end = starts[i] + len(line)
        offsets = [starts[i] + sum(len(c) + 1 for c in cells[:k]) for k in range(len(cells))]
        number, pairs = _split_row(cells, offsets, outcome_col)
        parsed: list[tuple[list[Item], bool] | None] = [_cell_items(c, o) for c, o in pairs]
        parsed += [None] * (3 + n_actors - len(parsed))  # a missing last cell
        outcome_items, outcome_is_list = parsed[2] or ([], False)
        if outcome_is_list:
            if number is not None and not re.fullmatch(r"\d+\.?", number):  # it names the goal's IRI
                raise DataError(f"{source_name} line {i + 1}: the goal number {number!r} is not a number "
                                "such as '1.'")
            rows.append(Row(line=i + 1, goal_number=number))
        elif not rows:
            raise DataError(f"{source_name} line {i + 1}: the annex starts with a continued row")
        row = rows[-1]
        targets = [row.goal, row.focus, row.outcomes] + [None] * n_actors
        if outcome_is_list:
            row.actors = [None if cell is None else [] for cell in parsed[3:]]
        for k, cell in enumerate(parsed):
            if cell is None:
                continue
            items, was_list = cell
            target = targets[k] if k < 3 else row.actors[k - 3]
            if target is None:  # a continued row fills a cell the first part lacked
                row.actors[k - 3] = target = []
            if outcome_is_list:
                target.extend(items)
            else:
                _continue(target, items, was_list)
    if not rows:
        raise DataError(f"{source_name}: the annex table has a header but no rows")
    return Table(actor_headers=headers, rows=rows, start=starts[first], end=end)


def goal_number(row: Row) -> str | None:
    """The goal number of a row, from its own column or the start of its goal text."""
    if row.goal_number:
        return row.goal_number.rstrip(".")
    if row.goal:
        m = _GOAL_NUMBER.match(row.goal[0].text)
        return m.group(1) if m else None
    return None


def focus_code(row: Row) -> str | None:
    """The focus-area letter that starts a row's focus cell ("A. En samhällsdesign…")."""
    if row.focus:
        m = _FOCUS_CODE.match(row.focus[0].text)
        return m.group(1) if m else None
    return None
