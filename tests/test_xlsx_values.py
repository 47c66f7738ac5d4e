"""The C parser's read of a plain-text sheet gives openpyxl's values, and passes anything else back."""

from __future__ import annotations

import zipfile

import openpyxl
import pytest

from kraftgraf.graph.store.build import build
from kraftgraf.loaders.sheet.template import write_template
from kraftgraf.loaders.sheet.xlsx_values import plain_values


def _both(path):
    """(the C parser's rows or None, openpyxl's rows) for each sheet of ``path``."""
    wb = openpyxl.load_workbook(path, read_only=True)
    with zipfile.ZipFile(path) as archive:
        for ws in wb.worksheets:
            fast = plain_values(archive, ws._worksheet_path, wb.shared_strings)
            ws.reset_dimensions()
            yield fast, [tuple(row) for row in ws.iter_rows(values_only=True)]


def test_the_template_reads_as_openpyxl_reads_it(tmp_path):
    write_template(build(), tmp_path / "plan.xlsx")  # inline strings
    wb = openpyxl.load_workbook(tmp_path / "plan.xlsx")
    wb.active["B40"] = "  två\nrader "  # saved again: shared strings, a gap of rows and columns
    wb.save(tmp_path / "saved.xlsx")
    for name in ("plan.xlsx", "saved.xlsx"):
        for fast, slow in _both(tmp_path / name):
            assert fast == slow


@pytest.mark.parametrize("value", [12, 1.5, True, "=1+1"])
def test_a_cell_not_plain_text_is_left_to_openpyxl(tmp_path, value):
    wb = openpyxl.Workbook()
    wb.active.append(["Id", "Initiativ"])
    wb.active.append(["A1", value])
    wb.save(tmp_path / "x.xlsx")
    assert [fast for fast, _ in _both(tmp_path / "x.xlsx")] == [None]


def test_a_document_type_is_left_to_openpyxls_guarded_parser(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.append(["Id"])
    wb.save(tmp_path / "x.xlsx")
    with zipfile.ZipFile(tmp_path / "x.xlsx") as archive:
        member = openpyxl.load_workbook(tmp_path / "x.xlsx", read_only=True).active._worksheet_path
        xml = archive.read(member.lstrip("/"))
        head = xml.index(b"?>") + 2 if xml.startswith(b"<?xml") else 0
        xml = xml[:head] + b'<!DOCTYPE worksheet [<!ENTITY a "b">]>' + xml[head:]
    with zipfile.ZipFile(tmp_path / "y.xlsx", "w") as out:
        out.writestr(member.lstrip("/"), xml)
    with zipfile.ZipFile(tmp_path / "y.xlsx") as archive:
        assert plain_values(archive, member, []) is None
