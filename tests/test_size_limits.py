"""Size limits on memos and sheets: refused in about a second, before the parsing they guard.

Each test makes its input past a limit (most with small limits of their own, so
the files stay small) and checks the one-line error and that it came fast.
"""

from __future__ import annotations

import io
import os
import time
import zipfile

import openpyxl
import pytest
from test_cli import one_line_error

from kraftgraf.errors import DataError
from kraftgraf.graph.store.build import build
from kraftgraf.loaders.limits import MAX_MEMO_BYTES, SheetLimits
from kraftgraf.loaders.memo import read_memo
from kraftgraf.loaders.sheet.importer import import_sheet
from kraftgraf.loaders.sheet.io import read_workbook

HEADER = ["Id", "Målsättning", "Fokusområde", "Initiativ", "Åtaganden", "Staten"]
SMALL = SheetLimits(rows=100, columns=20, sheet_bytes=1024 * 1024)


def xlsx(path, rows: bytes, dimension: str | None = None):
    """A workbook whose plan sheet is the row elements ``rows``, with a <dimension> if given."""
    wb = openpyxl.Workbook()
    wb.active.title = "Initiativlista"
    buffer = io.BytesIO()
    wb.save(buffer)
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                dim = f'<dimension ref="{dimension}"/>'.encode() if dimension else b""
                data = (b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
                        b'openxmlformats.org/spreadsheetml/2006/main">' + dim + b"<sheetData>" + rows
                        + b"</sheetData></worksheet>")
            dst.writestr(item.filename, data)
    return path


def row(n: int, text: str = "x", column: str = "A") -> bytes:
    return f'<row r="{n}"><c r="{column}{n}" t="inlineStr"><is><t>{text}</t></is></c></row>'.encode()


def refused_fast(call, *fragments, seconds=3.0):
    started = time.perf_counter()
    with pytest.raises(DataError) as caught:
        call()
    assert time.perf_counter() - started < seconds
    for fragment in fragments:
        assert fragment in str(caught.value), str(caught.value)
    return str(caught.value)


def test_a_memo_past_the_limit_is_refused_before_it_is_read(tmp_path, run):
    memo = tmp_path / "memo.txt"
    memo.write_bytes(b"x" * (MAX_MEMO_BYTES + 1))
    refused_fast(lambda: read_memo(memo), f"{MAX_MEMO_BYTES + 1:,} bytes, more than a memo's",
                 "build --plan")
    one_line_error(run("build", memo), "refused", "more than a memo's")
    os.mkfifo(tmp_path / "pipe.txt")  # read, it would wait for a writer for ever
    refused_fast(lambda: read_memo(tmp_path / "pipe.txt"), "not a regular file")
    one_line_error(run("build", tmp_path, "--loader", "memo"), "is a directory")


def test_an_xlsx_sheet_past_the_byte_limit_is_refused_by_the_zip_directory(tmp_path, run):
    rows = b"".join(row(i, os.urandom(300).hex()) for i in range(1, 1800))  # ~2 MB, barely compressible
    path = xlsx(tmp_path / "big.xlsx", rows)
    refused_fast(lambda: read_workbook(path, SMALL), "xl/worksheets/sheet1.xml: refused",
                 "bytes of XML, more than the 1 MB a sheet may have", "--max-sheet-mb")
    one_line_error(run("import", path, "--dry-run", "--max-sheet-mb", 1), "bytes of XML", "--max-sheet-mb")
    raised = read_workbook(path, SheetLimits(sheet_bytes=4 * 1024 * 1024))  # the option raises it
    assert len(raised.sheets["Initiativlista"]) == 1799


def test_an_xlsx_with_too_many_rows_is_refused_before_openpyxl_parses_them(tmp_path, run):
    many = xlsx(tmp_path / "many.xlsx", b"".join(row(i) for i in range(1, 100_002)))  # 100,001 rows
    message = refused_fast(lambda: read_workbook(many), "more than the 20,000 rows a sheet may have",
                           "import --max-rows", seconds=2.0)
    assert message.startswith(f"{many}, xl/worksheets/sheet1.xml: refused")
    started = time.perf_counter()
    one_line_error(run("import", many, "--dry-run"), "more than the 20,000 rows")
    assert time.perf_counter() - started < 5  # 142 s before: the whole sheet was read and checked
    # a sheet that declares more rows than it has is refused by its <dimension>, unread
    declared = xlsx(tmp_path / "declared.xlsx", row(1), dimension="A1:F1048576")
    refused_fast(lambda: read_workbook(declared, SMALL), "1,048,576 rows, more than the 100")
    # one row far down: openpyxl makes the rows between; they count too
    sparse = xlsx(tmp_path / "sparse.xlsx", row(1) + row(1_000_000))
    refused_fast(lambda: read_workbook(sparse, SMALL), "more than the 100 rows", seconds=2.0)
    # a limit raised reads what the lower one refused
    some = xlsx(tmp_path / "some.xlsx", b"".join(row(i) for i in range(1, 151)))
    refused_fast(lambda: read_workbook(some, SMALL), "more than the 100 rows")
    assert len(read_workbook(some, SheetLimits(rows=150)).sheets["Initiativlista"]) == 150


def test_too_many_columns_are_refused_declared_or_found(tmp_path):
    wide = xlsx(tmp_path / "wide.xlsx", row(1), dimension="A1:XFD2")
    refused_fast(lambda: read_workbook(wide, SMALL), "16,384 columns, more than the 20", "--max-columns")
    far = xlsx(tmp_path / "far.xlsx", row(1, column="ZZ"))  # no <dimension>: openpyxl pads the row
    refused_fast(lambda: read_workbook(far, SMALL), "702 columns, more than the 20")


def test_a_csv_sheet_past_each_limit(tmp_path, run):
    def csv(name, lines):
        path = tmp_path / name
        path.write_text("\n".join([";".join(HEADER), *lines]) + "\n", encoding="utf-8")
        return path

    long = csv("long.csv", [f"A{i};1. Mål;A. Fokus;Initiativ {i};;• gör" for i in range(100_001)])
    refused_fast(lambda: read_workbook(long), f"{long}: refused: more than the 20,000 rows")
    one_line_error(run("import", long, "--dry-run"), "more than the 20,000 rows", "--max-rows")
    wide = csv("wide.csv", [";".join(["x"] * 25)])
    refused_fast(lambda: read_workbook(wide, SMALL), "25 columns, more than the 20")
    big = csv("big.csv", ["A1;1. Mål;A. Fokus;" + "x" * (2 * 1024 * 1024)])
    refused_fast(lambda: read_workbook(big, SMALL), "bytes, more than the 1 MB")
    one_line_error(run("import", big, "--dry-run", "--max-sheet-mb", 1), "more than the 1 MB")
    side = csv("plan.csv", ["A1;1. Mål;A. Fokus;Initiativ;;• gör"])
    (tmp_path / "plan.aktorer.csv").write_text("x" * (2 * 1024 * 1024), encoding="utf-8")
    refused_fast(lambda: read_workbook(side, SMALL), "plan.aktorer.csv: refused")
    os.mkfifo(tmp_path / "pipe.csv")
    one_line_error(run("import", tmp_path / "pipe.csv", "--dry-run"), "not a regular file")


def test_the_limits_reach_the_import_and_the_defaults_fit_the_bundled_plan(tmp_path, run):
    assert run("template", "-o", "plan.xlsx").exit_code == 0
    kg = build()
    assert import_sheet(kg, tmp_path / "plan.xlsx").initiatives == 33  # the defaults: no refusal
    refused_fast(lambda: import_sheet(kg, tmp_path / "plan.xlsx", limits=SheetLimits(rows=20)),
                 "more than the 20 rows")
    one_line_error(run("import", "plan.xlsx", "--dry-run", "--max-rows", 20), "more than the 20 rows")
    one_line_error(run("import", "plan.xlsx", "--dry-run", "--max-rows", 0), "--max-rows")


def test_a_sheet_that_declares_too_few_rows_loses_none(tmp_path):
    # openpyxl stops at the last row a <dimension> declares; rows 3 to 5 went without a word
    under = xlsx(tmp_path / "under.xlsx", b"".join(row(i, f"r{i}") for i in range(1, 6)), dimension="A1:A2")
    assert read_workbook(under).sheets["Initiativlista"] == [["r1"], ["r2"], ["r3"], ["r4"], ["r5"]]
