"""The side sheets of a plan spreadsheet: actors (which column is whose), laws, links, indicators.

The sheet Indikatorer is read by :mod:`~kraftgraf.loaders.sheet.indicator_sheet`.

A column of the plan sheet is an actor's when the sheet Aktörer, an
``--actor-column`` option or (with neither) the memo's own three columns say
so.  An actor the store does not know yet is new: it is added with the plan,
named as the sheet names it.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from kraftgraf.errors import DataError
from kraftgraf.loaders.sheet.codes import actor_kind
from kraftgraf.loaders.sheet.indicator_sheet import (
    IndicatorLink,
    NewIndicator,
    check_indicator_subjects,
    read_indicators,
)
from kraftgraf.loaders.sheet.io import Cell, Item, Workbook
from kraftgraf.loaders.sheet.known import Known, LinkRow, closest, side_rows
from kraftgraf.loaders.sheet.layout import ACTOR_SHEET, DETERMINANT_SHEET, LAW_SHEET, SIDE_COLUMNS
from kraftgraf.ontology.vocab import slug

__all__ = ["Known", "ActorColumn", "LinkRow", "NewLaw", "SideRows", "read_side", "actor_columns",
           "ACTOR_KINDS"]

ACTOR_KINDS = ("Government", "StateAgency", "Region", "Municipality", "MembersOrganisation",
               "CivilSocietyOrganisation", "University", "OrganisationalUnit", "ActorGroup")
_SFS = r"[0-9]{4}:[1-9][0-9]*"
_URL = r"https?://\S+"



@dataclass
class ActorColumn:
    """Whose an actor column is; ``new`` when the store has no such actor yet."""

    id: str
    name: str
    kind: str | None
    new: bool
    item: Item | None = None  # the cell that names it, when a sheet does
    sectors: list[tuple[str, Item]] = field(default_factory=list)  # sector id, the cell naming it


@dataclass(frozen=True)
class NewLaw:
    """A law the store does not know yet, as the sheet Lagar names it."""

    sfs: str
    title: Item
    link: str | None


@dataclass
class SideRows:
    """The checked rows of the side sheets."""

    actors: dict[str, ActorColumn] = field(default_factory=dict)  # column header -> actor
    laws: list[LinkRow] = field(default_factory=list)
    determinants: list[LinkRow] = field(default_factory=list)
    new_laws: dict[str, NewLaw] = field(default_factory=dict)  # SFS number -> the law
    indicators: list[IndicatorLink] = field(default_factory=list)
    new_indicators: dict[str, NewIndicator] = field(default_factory=dict)  # id -> the indicator
    notes: list[str] = field(default_factory=list)  # warnings that do not stop the import

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
        check_indicator_subjects(self.indicators, initiatives, plan.focus_areas)


def _actor_rows(wb: Workbook, known: Known, side: SideRows) -> None:
    first: dict[str, int] = {}
    for cell in side_rows(wb, ACTOR_SHEET, ("Id", "Namn", "Kolumn")):
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
        if new and kind and actor_kind(kind) is None:
            cell["Typ"].fail(f"unknown actor kind '{kind}' (e.g. Myndighet, Kommun, Region, Regering, "
                             "Intresseorganisation, Civilsamhälle, Lärosäte, Aktörsgrupp, or in English "
                             f"agency, municipality, …; or one of {', '.join(ACTOR_KINDS)})")
        if new and not name.text:
            name.fail(f"empty: '{key}' is a new actor, so it needs a name")
        if new:
            side.notes += near_duplicates(known, key, name.text, f"{name.where}, row {name.row}")
        actor = ActorColumn(key, name.text, actor_kind(kind) if kind else None, new,
                            Item(name.text, name, 0) if name.text else None)
        if "Sektorer" in cell:
            actor.sectors = _sectors(known, cell["Sektorer"])
        side.actors[column.text] = actor


def near_duplicates(known: Known, key: str, name: str, where: str) -> list[str]:
    """A warning when a new actor's name is (nearly) the name of an actor the store has."""
    if not name:
        return []
    names = {n: k for k, ns in known.actors.items() for n in ns if k != key}
    close = difflib.get_close_matches(name.lower(), list(names), n=1, cutoff=0.85)
    if not close:
        return []
    other = names[close[0]]
    same = "the same name as" if close[0] == name.lower() else "nearly the name of"
    return [f"{where}: new actor '{key}' ({name}) has {same} the actor '{other}' the store has; if it is "
            f"the same actor, use the id '{other}' (kraftgraf actors lists them)"]


def _sectors(known: Known, cell: Cell) -> list[tuple[str, Item]]:
    """The sectors a cell names (ids or names, Swedish or English, separated by ',' ';' or lines)."""
    out = []
    by_name = {n: k for k, ns in known.sectors.items() for n in (k, *ns)}
    for word in re.split(r"[,;\n]", cell.text):
        word = word.strip()
        if not word:
            continue
        sector = by_name.get(word.lower()) or by_name.get(slug(word))
        if sector is None:
            cell.fail(f"unknown sector '{word}' (the sectors are: {', '.join(sorted(known.sectors))}; "
                      f"closest: {closest(word.lower(), by_name)})")
        out.append((sector, Item(word, cell, cell.text.find(word))))
    return out


def _links(wb: Workbook, sheet: str, known_targets, what: str, pattern: str | None = None,
           new_laws: dict[str, NewLaw] | None = None, own_laws: AbstractSet[str] = frozenset()):
    subject_col, target_col = SIDE_COLUMNS[sheet][:2]
    for cell in side_rows(wb, sheet, (subject_col, target_col)):
        subject, target = cell[subject_col], cell[target_col]
        for c in (subject, target):
            if not c.text:
                c.fail("empty cell")
        if pattern and not re.fullmatch(pattern, target.text):
            target.fail(f"'{target.text}' is not an SFS number of the form YYYY:N")
        unknown = target.text not in known_targets
        if new_laws is not None and (unknown or target.text in own_laws):  # the sheet owns the law
            unknown = not _new_law(cell, new_laws) and unknown
        if unknown:
            hint = " — a new law needs its name in column Lag" if new_laws is not None else ""
            target.fail(f"unknown {what} '{target.text}' (closest: "
                        f"{closest(target.text, known_targets)}){hint}")
        reason = cell["Motivering"].text if "Motivering" in cell else ""
        yield LinkRow(subject.text, target.text, reason, Item(target.text, target, 0), subject)


def _new_law(cell: dict[str, Cell], new_laws: dict[str, NewLaw]) -> bool:
    """Read a law the store does not know from its row; False when the row does not name it."""
    sfs, title = cell["SFS"].text, cell["Lag"] if "Lag" in cell else None
    if sfs in new_laws:
        return True
    if title is None or not title.text:
        return False
    link = cell["Länk"] if "Länk" in cell else None
    if link is not None and link.text and not re.fullmatch(_URL, link.text):
        link.fail(f"'{link.text}' is not a link (http:// or https://)")
    new_laws[sfs] = NewLaw(sfs, Item(title.text, title, 0), link.text if link is not None and link.text
                           else None)
    return True


def read_side(wb: Workbook, known: Known) -> SideRows:
    """Check and read the sheets Aktörer, Lagar, Bestämningsfaktorer and Indikatorer (each may be absent)."""
    side = SideRows()
    _actor_rows(wb, known, side)
    side.laws = list(_links(wb, LAW_SHEET, known.laws, "law", _SFS, side.new_laws, known.own))
    side.determinants = list(_links(wb, DETERMINANT_SHEET, known.determinants, "determinant"))
    side.indicators, side.new_indicators = read_indicators(wb, known)
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
                            f"(closest: {closest(key, known.actors)})")
        if header in side.actors and not key:
            out[header] = side.actors[header]
            continue
        key = key or _by_name(known, header) or slug(header)
        if not key:
            raise DataError(f"--actor-column '{spec}': the header makes no actor id; add '=actor-id'")
        out[header] = ActorColumn(key, header, None, key not in known.actors)
        if key not in known.actors:
            side.notes += near_duplicates(known, key, header, f"--actor-column '{spec}'")
    return out
