"""Write a plan as the memo's "samlad initiativlista": XLSX (with header comments) or CSV.

One row per initiative in the plan's order; one line per outcome and per
commitment inside a cell; an open commitment as the mark the plan wrote ("…").
Side sheets list the actors (which column is whose), the law links and the
determinant links; an XLSX also has a sheet Instruktioner, which says how to
fill in the others (languages included) and is not read back.  The layout is
:mod:`kraftgraf.loaders.sheet.layout`, the same the import reads.  A text
beginning with ``=``, ``+``, ``-`` or ``@`` is
written as text, never as a formula.
"""

from __future__ import annotations

import functools
import io
from pathlib import Path
from typing import TYPE_CHECKING

from kraftgraf.errors import DataError
from kraftgraf.files import atomic_write, check_target
from kraftgraf.loaders.sheet.languages import split_header
from kraftgraf.loaders.sheet.layout import (
    COMMENTS,
    INSTRUCTION_SHEET,
    INSTRUCTIONS,
    MAX_CELL,
    PLAN_SHEET,
    csv_escape,
    csv_sibling,
)
from kraftgraf.loaders.sheet.rows import plan_sheets

if TYPE_CHECKING:  # the store passes itself in; a loader does not reach up to it
    from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf import safe_csv

__all__ = ["write_template"]

_WIDTH = {"Id": 8, "Målsättning": 28, "Fokusområde": 28, "Initiativ": 40, "Åtaganden": 50}


def _check(sheets: dict[str, list[list[str]]]) -> None:
    for name, rows in sheets.items():
        for n, row in enumerate(rows, start=1):
            for header, text in zip(rows[0], row):
                if len(text) > MAX_CELL:
                    raise DataError(f"sheet {name}, row {n}, column {header}: {len(text)} characters; "
                                    f"a spreadsheet cell holds at most {MAX_CELL}")


def _comment(sheet: str, header: str) -> str:
    base, lang = split_header(header)
    said = COMMENTS.get((sheet, base)) or COMMENTS["actor"].format(actor=base)
    if lang is None or sheet != PLAN_SHEET:
        return said
    return f"{said} Kolumnens språk: {lang} (se bladet {INSTRUCTION_SHEET})."


def _instructions(wb) -> None:
    """The sheet that says how to fill in the others; the import does not read it."""
    from openpyxl.styles import Alignment, Font

    ws = wb.create_sheet(INSTRUCTION_SHEET)
    ws.column_dimensions["A"].width = 110
    first = 1
    for heading, lines in INSTRUCTIONS:
        ws.cell(row=first, column=1, value=heading).font = Font(bold=True)
        for n, line in enumerate(lines, start=first + 1):
            ws.cell(row=n, column=1, value=line).alignment = Alignment(wrap_text=True, vertical="top")
        first += len(lines) + 2  # a blank row before the next heading


def _write_xlsx(sheets: dict[str, list[list[str]]], props: dict[str, str], path: str) -> None:
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill

    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r, row in enumerate(rows, start=1):
            for c, text in enumerate(row, start=1):
                cell = ws.cell(row=r, column=c, value=text or None)
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                if text and cell.data_type != "s":  # '=…' would be a formula: keep it text
                    cell.data_type = "s"
                if text.startswith(("=", "+", "-", "@")):
                    cell.quotePrefix = True  # and stays text when someone edits the cell
        for c, header in enumerate(rows[0], start=1):
            cell = ws.cell(row=1, column=c)
            cell.font, cell.fill = Font(bold=True), PatternFill("solid", fgColor="DDE7F0")
            note = Comment(_comment(name, header), "kraftgraf")
            note.width, note.height = 300, 120
            cell.comment = note
            letter = cell.column_letter
            ws.column_dimensions[letter].width = _WIDTH.get(header, 40 if name == PLAN_SHEET else 24)
        ws.freeze_panes = "A2"
    _instructions(wb)
    wb.properties.identifier, wb.properties.title = props["identifier"], props["title"]
    wb.properties.language, wb.properties.creator = props["language"], "kraftgraf"
    buffer = io.BytesIO()  # openpyxl leaves its zip open when a write fails (a full disk): save in memory
    wb.save(buffer)
    Path(path).write_bytes(buffer.getvalue())


def _write_csv(rows: list[list[str]], path: str) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        safe_csv.writer(f, escape=csv_escape, delimiter=";").writerows(rows)  # CR/LF cells quoted


def write_template(kg: KnowledgeGraph, path: str | Path, plan: str | None = None) -> dict[str, int]:
    """Write plan ``plan`` (default: the store's only plan) to ``path``; returns rows per sheet.

    ``.xlsx`` gives one workbook; ``.csv`` gives the plan sheet there and each side
    sheet beside it (``plan.aktorer.csv``, ``plan.lagar.csv``, ``plan.bestamningsfaktorer.csv``),
    semicolon-separated UTF-8 with a BOM, as Excel reads it.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise DataError(f"{path}: write the template as .xlsx or .csv")
    check_target(path)  # a wrong -o fails before the sheets are built
    sheets, props = plan_sheets(kg, plan)
    _check(sheets)
    if suffix == ".csv":  # every file checked before the first is written
        for name in sheets:
            check_target(path if name == PLAN_SHEET else csv_sibling(path, name))
    if suffix == ".xlsx":
        atomic_write(path, lambda tmp: _write_xlsx(sheets, props, tmp))
    else:
        for name, rows in sheets.items():
            target = path if name == PLAN_SHEET else csv_sibling(path, name)
            atomic_write(target, functools.partial(_write_csv, rows))
    return {name: len(rows) - 1 for name, rows in sheets.items()}
