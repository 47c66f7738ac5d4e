"""The side sheets of a plan spreadsheet: actors (which column is whose), laws, determinant links.

A column of the plan sheet is an actor's when the sheet Aktörer, an
``--actor-column`` option or (with neither) the memo's own three columns say
so.  An actor the store does not know yet is new: it is added with the plan,
named as the sheet names it.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from kraftgraf.errors import DataError
from kraftgraf.loaders.sheet.io import Cell, Item, Workbook
from kraftgraf.loaders.sheet.layout import ACTOR_SHEET, DETERMINANT_SHEET, LAW_SHEET, SIDE_COLUMNS
from kraftgraf.ontology.vocab import slug

__all__ = ["Known", "ActorColumn", "LinkRow", "SideRows", "read_side", "actor_columns", "ACTOR_KINDS"]

ACTOR_KINDS = ("Government", "StateAgency", "Region", "Municipality", "MembersOrganisation",
               "CivilSocietyOrganisation", "University", "OrganisationalUnit", "ActorGroup")
_SFS = r"[0-9]{4}:[1-9][0-9]*"


@dataclass
class Known:
    """What the store already holds outside the plan being imported."""

    actors: dict[str, set[str]] = field(default_factory=dict)  # id -> its names, lower case
    laws: set[str] = field(default_factory=set)  # SFS numbers
    determinants: set[str] = field(default_factory=set)  # determinant and layer ids
    links: set[tuple] = field(default_factory=set)  # (s, p, o) already asserted elsewhere
    reasons: dict[tuple, str] = field(default_factory=dict)  # (s, p, o) -> its reason there


@dataclass
class ActorColumn:
    """Whose an actor column is; ``new`` when the store has no such actor yet."""

    id: str
    name: str
    kind: str | None
    new: bool
    item: Item | None = None  # the cell that names it, when a sheet does


@dataclass(frozen=True)
class LinkRow:
    """A row of Lagar or Bestämningsfaktorer: subject id -> target id, the reason, the quoted cell."""

    subject: str
    target: str
    reason: str
    item: Item
    subject_cell: Cell


@dataclass
class SideRows:
    """The checked rows of the side sheets."""

    actors: dict[str, ActorColumn] = field(default_factory=dict)  # column header -> actor
    laws: list[LinkRow] = field(default_factory=list)
    determinants: list[LinkRow] = field(default_factory=list)

    def check_subjects(self, plan) -> None:
        """Every link names an initiative (or, for a law, a commitment) of the plan sheet."""
        initiatives = {row.id for row in plan.initiatives}
        commitments = {f"{row.id}-{actor}-{n}" for row in plan.initiatives
                       for actor, items in row.commitments.items() for n in range(1, len(items) + 1)}
        for link in self.laws:
            if link.subject not in initiatives | commitments:
                link.subject_cell.fail(f"no initiative or commitment '{link.subject}' in the plan sheet "
                                       "(an initiative id such as A2, or a commitment such as A2-staten-1)")
        for link in self.determinants:
            if link.subject not in initiatives:
                link.subject_cell.fail(f"no initiative '{link.subject}' in the plan sheet")


def _closest(value: str, known) -> str:
    return ", ".join(difflib.get_close_matches(value, sorted(known), n=3)) or "none close"


def _rows(wb: Workbook, sheet: str, required: tuple[str, ...]):
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


def _actor_rows(wb: Workbook, known: Known, side: SideRows) -> None:
    first: dict[str, int] = {}
    for cell in _rows(wb, ACTOR_SHEET, ("Id", "Namn", "Kolumn")):
        key, column, name = cell["Id"].text, cell["Kolumn"], cell["Namn"]
        kind = cell["Typ"].text if "Typ" in cell else ""
        if key != slug(key) or not key:
            cell["Id"].fail(f"'{key}' is not an actor id (lower-case ASCII and hyphens, e.g. staten)")
        if not column.text:
            column.fail("empty: which column of the plan sheet is this actor's?")
        if column.text in first:
            column.fail(f"duplicate column '{column.text}' (first on row {first[column.text]})")
        first[column.text] = column.row
        new = key not in known.actors
        if new and kind and kind not in ACTOR_KINDS:
            cell["Typ"].fail(f"unknown actor kind '{kind}' (one of {', '.join(ACTOR_KINDS)})")
        if new and not name.text:
            name.fail(f"empty: '{key}' is a new actor, so it needs a name")
        side.actors[column.text] = ActorColumn(key, name.text, kind or None, new,
                                               Item(name.text, name, 0) if name.text else None)


def _links(wb: Workbook, sheet: str, known_targets, what: str, pattern: str | None = None):
    subject_col, target_col = SIDE_COLUMNS[sheet][:2]
    for cell in _rows(wb, sheet, (subject_col, target_col)):
        subject, target = cell[subject_col], cell[target_col]
        for c in (subject, target):
            if not c.text:
                c.fail("empty cell")
        if pattern and not re.fullmatch(pattern, target.text):
            target.fail(f"'{target.text}' is not an SFS number of the form YYYY:N")
        if target.text not in known_targets:
            target.fail(f"unknown {what} '{target.text}' (closest: {_closest(target.text, known_targets)})")
        reason = cell["Motivering"].text if "Motivering" in cell else ""
        yield LinkRow(subject.text, target.text, reason, Item(target.text, target, 0), subject)


def read_side(wb: Workbook, known: Known) -> SideRows:
    """Check and read the sheets Aktörer, Lagar and Bestämningsfaktorer (each may be absent)."""
    side = SideRows()
    _actor_rows(wb, known, side)
    side.laws = list(_links(wb, LAW_SHEET, known.laws, "law", _SFS))
    side.determinants = list(_links(wb, DETERMINANT_SHEET, known.determinants, "determinant"))
    return side


def _by_name(known: Known, header: str) -> str | None:
    name = header.strip().lower()
    for key, names in known.actors.items():
        if name in names or slug(header) == key:
            return key
    return None


def actor_columns(wb: Workbook, known: Known, side: SideRows, cli: list[str] | None,
                  defaults: dict[str, str]) -> dict[str, ActorColumn]:
    """Column header -> actor: from ``--actor-column``, else the sheet Aktörer, else ``defaults``."""
    if cli:
        out = _cli_columns(known, side, cli)
    elif ACTOR_SHEET in wb.sheets:  # the sheet says whose each column is, even when it lists none
        out = side.actors
    else:
        out = {h: ActorColumn(key, h, None, key not in known.actors) for h, key in defaults.items()}
    ids = [a.id for a in out.values()]
    for key in ids:
        if ids.count(key) > 1:
            raise DataError(f"{wb.path}: two actor columns name the same actor '{key}'")
    return out


def _cli_columns(known: Known, side: SideRows, cli: list[str]) -> dict[str, ActorColumn]:
    out = {}
    for spec in cli:
        header, _, key = (part.strip() for part in spec.partition("="))
        if not header:
            raise DataError(f"--actor-column '{spec}': give a column header, optionally '=actor-id'")
        if key and key not in known.actors and key not in {a.id for a in side.actors.values()}:
            raise DataError(f"--actor-column '{spec}': unknown actor '{key}' "
                            f"(closest: {_closest(key, known.actors)})")
        if header in side.actors and not key:
            out[header] = side.actors[header]
            continue
        key = key or _by_name(known, header) or slug(header)
        if not key:
            raise DataError(f"--actor-column '{spec}': the header makes no actor id; add '=actor-id'")
        out[header] = ActorColumn(key, header, None, key not in known.actors)
    return out
