"""Read the plan's spreadsheet (see :mod:`~kraftgraf.loaders.sheet.layout`) into checked rows.

Every problem is one :class:`~kraftgraf.errors.DataError` that names the file,
the sheet, the row and the column, and says what was expected.  Nothing here
touches a graph; :mod:`kraftgraf.loaders.sheet.graph` turns the checked rows into RDF.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from kraftgraf.errors import DataError
from kraftgraf.loaders.sheet.codes import CodeRules, is_placeholder
from kraftgraf.loaders.sheet.io import Cell, Item, Workbook, column_letter
from kraftgraf.loaders.sheet.languages import CellLanguages, header_languages
from kraftgraf.loaders.sheet.layout import (
    DEFAULT_ACTOR_COLUMNS,
    PLAN_COLUMNS,
    PLAN_SHEET,
    lines,
)
from kraftgraf.loaders.sheet.side import ActorColumn, Known, SideRows, actor_columns, read_side

__all__ = ["Heading", "InitiativeRow", "SheetPlan", "read_plan"]


@dataclass
class Heading:
    """A goal or focus area as the plan sheet names it."""

    code: str
    label: str
    order: int
    item: Item
    parents: list[str] = field(default_factory=list)  # a focus area's goals, in the sheet's order

    @property
    def parent(self) -> str | None:
        """The first goal a focus area is under."""
        return self.parents[0] if self.parents else None


@dataclass
class InitiativeRow:
    """One row of the plan sheet: an initiative, its outcomes and each actor's cell."""

    id: str
    goal: str
    focus: str
    label: Item
    order: int
    outcomes: list[Item]
    commitments: dict[str, list[Item]]  # actor id -> real commitments
    open: dict[str, Item]  # actor id -> the placeholder of an open commitment
    headers: dict[str, str]  # actor id -> its column header


@dataclass
class SheetPlan:
    """Everything a plan spreadsheet holds, checked."""

    goals: dict[str, Heading] = field(default_factory=dict)
    focus_areas: dict[str, Heading] = field(default_factory=dict)
    initiatives: list[InitiativeRow] = field(default_factory=list)
    side: SideRows = field(default_factory=SideRows)
    actors: dict[str, ActorColumn] = field(default_factory=dict)  # column header -> actor
    headers: dict[str, Cell] = field(default_factory=dict)  # column header -> its header cell
    languages: CellLanguages = field(default_factory=CellLanguages)  # set per column; names in two


def _items(cell: Cell) -> list[Item]:
    items, pos = [], 0
    for line in lines(cell.text):
        start = cell.text.find(line, pos)
        items.append(Item(line, cell, start))
        pos = start + len(line)
    return items


def _whole(cell: Cell) -> Item | None:
    """The whole cell as one item (a name may span lines), or None when it is empty."""
    text = cell.text.strip()
    return Item(text, cell, cell.text.find(text)) if text else None


def _heading(plan: SheetPlan, kind: str, cell: Cell, previous: Heading | None, n: int,
             rules: CodeRules) -> Heading:
    table = plan.goals if kind == "goal" else plan.focus_areas
    if not cell.text.strip():
        if previous is None:
            cell.fail(f"empty, and no row above names a {kind.replace('-', ' ')}")
        return previous
    parsed = rules.heading("goal" if kind == "goal" else "focus", cell.text)
    if isinstance(parsed, str):
        cell.fail(parsed)
    code, label = parsed
    known = table.get(code)
    if known is None:
        start = cell.text.find(label)
        table[code] = known = Heading(code, label, n, Item(label, cell, start))
    elif known.label != label:
        cell.fail(f"{code} is named '{label}' here but '{known.label}' on row {known.item.cell.row}")
    return known


def _header(wb: Workbook, rows: list[list[str]], mapping: dict[str, str]):
    """Column -> index, the languages the header sets, and the columns that translate names."""
    where = wb.where(PLAN_SHEET)
    header, languages, beside = header_languages([h.strip() for h in rows[0]], where)
    index: dict[str, int] = {}
    for i, h in enumerate(header):
        if h in index:
            raise DataError(f"{where}, row 1, column {column_letter(i)}: duplicate column '{h}' "
                            f"(also column {column_letter(index[h])}); one column per heading")
        if h:
            index[h] = i
    for n, row in enumerate(rows[1:], start=2):  # a value under no heading would be lost
        for i, value in enumerate(row):
            if value.strip() and (i >= len(header) or not header[i]):
                raise DataError(f"{where}, row {n}, column {column_letter(i)}: '{value.strip()[:40]}' "
                                "stands under no heading; give the column a heading or move the text")
    for column in (*PLAN_COLUMNS, *mapping):
        if column not in index:
            hint = ("" if column in PLAN_COLUMNS else
                    " — a plan with other actors names its columns with --actor-column or the sheet Aktörer")
            raise DataError(f"{where}, row 1: missing column '{column}' (the header has: "
                            f"{', '.join(index) or 'nothing'}){hint}")
    for h, i in index.items():
        if h not in PLAN_COLUMNS and h not in mapping and h not in beside.values():
            close = difflib.get_close_matches(h, list(mapping), n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            raise DataError(
                f"{where}, row 1, column {h} ({column_letter(i)}): unknown actor column '{h}' "
                f"(the actor columns are: {', '.join(mapping)}){hint} — declare it with "
                f"--actor-column '{h}' or in the sheet Aktörer")
    return index, languages, beside


def _translate(plan: SheetPlan, kind: str, heading: Heading | None, cell: Cell | None,
               rules: CodeRules) -> None:
    """A goal's or focus area's name in the second-language column, as the item's translation."""
    if heading is None or cell is None or not cell.text.strip():
        return
    parsed = rules.heading("goal" if kind == "goal" else "focus", cell.text)
    if isinstance(parsed, str):
        cell.fail(parsed)
    code, label = parsed
    if code != heading.code:
        cell.fail(f"{kind.replace('-', ' ')} {code} here, {heading.code} in the column before: "
                  "the same goal or focus area, in the other language, has the same code")
    known = plan.languages.translations.get(heading.item)
    if known is None:
        plan.languages.translations[heading.item] = Item(label, cell, cell.text.find(label))
    elif known.text != label:
        cell.fail(f"{code} is named '{label}' here but '{known.text}' on row {known.cell.row}")


def _heading_row(plan: SheetPlan, cell: dict[str, Cell], goal, order: int, rules: CodeRules,
                 beside: dict[str, str]):
    """A row with only a goal (and perhaps a focus area): a goal or sub-goal with no initiative yet."""
    if cell["Målsättning"].text.strip():
        goal = _heading(plan, "goal", cell["Målsättning"], goal, order, rules)
        _translate(plan, "goal", goal, cell.get(beside.get("Målsättning", "")), rules)
    elif goal is None:
        cell["Målsättning"].fail("empty, and no row above names a goal (a row with no Id names a goal "
                                 "or a focus area that has no initiative yet)")
    focus = None
    if cell["Fokusområde"].text.strip():
        focus = _heading(plan, "focus-area", cell["Fokusområde"], None, order, rules)
        _translate(plan, "focus-area", focus, cell.get(beside.get("Fokusområde", "")), rules)
        if goal.code not in focus.parents:
            focus.parents.append(goal.code)
    return goal, focus


def read_plan(wb: Workbook, known: Known, cli_columns: list[str] | None = None,
              rules: CodeRules | None = None) -> SheetPlan:
    """Check and read the plan sheet and its side sheets.

    ``cli_columns`` are ``--actor-column`` values ('Header' or 'Header=actor-id');
    without them the sheet Aktörer, or else the memo's three columns, name the actors.
    ``rules`` say how goals, focus areas and ids are written (:class:`CodeRules`).
    A row with no Id, initiative, outcome or commitment names a goal or focus area
    that has no initiative of its own (an overarching goal, a sub-goal).
    """
    rules = rules or CodeRules()
    rows = wb.sheets.get(PLAN_SHEET)
    if rows is None:
        raise DataError(f"{wb.path}: no sheet {PLAN_SHEET} (the sheets are: {', '.join(wb.sheets)})")
    while rows and not any(c.strip() for c in rows[-1]):
        rows = rows[:-1]
    if len(rows) < 2:
        raise DataError(f"{wb.where(PLAN_SHEET)}: the sheet is empty (expected a header row with "
                        f"{', '.join(PLAN_COLUMNS)} and the actor columns, then one row per initiative)")
    side = read_side(wb, known)
    actors = actor_columns(wb, known, side, cli_columns, DEFAULT_ACTOR_COLUMNS)
    index, languages, beside = _header(wb, rows, {h: a.id for h, a in actors.items()})
    plan = SheetPlan(side=side, actors=actors, languages=languages)
    where = wb.where(PLAN_SHEET)  # the same for every cell: said once
    plan.headers = {h: Cell(where, PLAN_SHEET, 1, h, i, h) for h, i in index.items()}
    seen: dict[str, int] = {}
    ids = {r[index["Id"]].strip() for r in rows[1:] if len(r) > index["Id"]}
    goal = focus = None
    body = ("Id", "Initiativ", "Åtaganden", *actors)
    for n, raw in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in raw):
            continue
        raw = raw + [""] * (len(rows[0]) - len(raw))
        # an empty actor cell says nothing: most of a national plan's 340,000 cells are
        cell = {h: Cell(where, PLAN_SHEET, n, h, i, raw[i]) for h, i in index.items()
                if raw[i] or h not in actors}
        order = len(plan.initiatives)
        if not any(cell[h].text.strip() for h in body if h in cell):
            goal, focus = _heading_row(plan, cell, goal, order, rules, beside)
            continue
        goal = _heading(plan, "goal", cell["Målsättning"], goal, order, rules)
        written = bool(cell["Fokusområde"].text.strip())
        focus = _heading(plan, "focus-area", cell["Fokusområde"], focus, order, rules)
        for kind, column, heading in (("goal", "Målsättning", goal), ("focus-area", "Fokusområde", focus)):
            _translate(plan, kind, heading, cell.get(beside.get(column, "")), rules)
        key = cell["Id"].text.strip()
        if not key:
            free = next(f"{focus.code}{k}" for k in range(1, len(rows) + 2) if f"{focus.code}{k}" not in ids)
            cell["Id"].fail(f"empty: every initiative needs a stable id; the next free one in "
                            f"focus area {focus.code} is {free}")
        problem = rules.check_id(key)
        if problem:
            cell["Id"].fail(problem)
        if key in seen:
            cell["Id"].fail(f"duplicate id '{key}' (first on row {seen[key]})")
        seen[key] = n
        if goal.code not in focus.parents:
            if focus.parents and not written:
                cell["Fokusområde"].fail(
                    f"empty, so focus area {focus.code} of goal {'/'.join(focus.parents)} from the row "
                    f"above; this row is under goal {goal.code}: name the focus area (one may sit under "
                    "several goals)")
            focus.parents.append(goal.code)
        outcomes = _items(cell["Åtaganden"])
        label = _whole(cell["Initiativ"]) or (outcomes[0] if outcomes else None)
        if label is None:
            cell["Initiativ"].fail("empty, and so is Åtaganden: an initiative needs a name or an outcome")
        translation = _whole(cell[beside["Initiativ"]]) if "Initiativ" in beside else None
        if translation is not None and label.cell.column == "Initiativ":  # not a name from an outcome
            plan.languages.translations[label] = translation
        row = InitiativeRow(key, goal.code, focus.code, label, order, outcomes, {}, {}, {})
        for header, actor in actors.items():
            items = _items(cell[header]) if header in cell else []
            real = [i for i in items if not is_placeholder(i.text)]
            row.headers[actor.id] = header
            if real:
                row.commitments[actor.id] = real
            elif items:
                row.open[actor.id] = items[0]
        plan.initiatives.append(row)
    side.check_subjects(plan)
    return plan
