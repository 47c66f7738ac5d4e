"""CSV out: any text is one cell when read back, and never starts a formula.

Every CSV writer is checked: the answers (`query`, `sparql`, `diff`, `validate`
through kraftgraf.cli.output), the neo4j-admin export and the spreadsheet template.
"""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from kraftgraf.cli.output import render, render_sections
from kraftgraf.graph.exporters.network import _write_rows
from kraftgraf.loaders.limits import DEFAULT_SHEET_LIMITS
from kraftgraf.loaders.sheet.io import _read_csv_file
from kraftgraf.loaders.sheet.template import _write_csv
from kraftgraf.queries.common import Section
from kraftgraf.safe_csv import FORMULA_START, neutralise, writer

# Any text, with what breaks CSV or makes a formula more often than chance would.
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"])) | st.lists(
    st.sampled_from(["\r", "\n", "\r\n", "\t", "=1+1", "+", "-", "@SUM(A1)", '"', ";", ",", "'", " ", "x"]),
    max_size=8).map("".join)


def read(text: str, delimiter: str = ",") -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))


def is_cell_of(cell: str, text: str) -> bool:
    """``cell`` shows ``text``: the same, or with the one apostrophe that keeps it from being a formula."""
    assert not cell.startswith(FORMULA_START), repr(cell)
    return cell == text or (cell == "'" + text and text.startswith(FORMULA_START))


@settings(max_examples=300)
@given(text=TEXT, delimiter=st.sampled_from([",", ";"]), end=st.sampled_from(["\n", "\r\n"]))
def test_the_writer_keeps_any_text_in_one_cell(text, delimiter, end):
    out = io.StringIO()
    writer(out, delimiter=delimiter, lineterminator=end).writerows([[text, "x"], ["y", text]])
    assert read(out.getvalue(), delimiter) == [[neutralise(text), "x"], ["y", neutralise(text)]]
    assert is_cell_of(neutralise(text), text)


@settings(max_examples=150)
@given(text=TEXT, number=st.integers())
def test_answers_in_csv_keep_any_text_in_one_cell(text, number):
    rows = read(render([{"label": text, "n": number}], "csv"))
    assert rows[0] == ["label", "n"] and len(rows) == 2 and is_cell_of(rows[1][0], text)
    section = Section("added", "Added", "…", [{"id": text, "why": "\r=1+1", "sources": [text]}], ("id",))
    rows = read(render_sections([section], "csv"))
    assert rows[0] == ["section", "id", "why", "sources"] and len(rows) == 2
    assert is_cell_of(rows[1][1], text) and is_cell_of(rows[1][2], "\r=1+1")


@settings(max_examples=100, deadline=None)
@given(text=TEXT)
def test_the_export_and_the_template_keep_any_text_in_one_cell(text):
    with tempfile.TemporaryDirectory() as tmp:
        nodes = Path(tmp) / "nodes.csv"
        _write_rows(nodes, ["id:ID", "label"], [["n1", text], ["n2", 3]])
        assert read(nodes.read_bytes().decode("utf-8")) == [["id:ID", "label"], ["n1", neutralise(text)],
                                                           ["n2", "3"]]
        sheet = Path(tmp) / "plan.csv"
        _write_csv([["Id", "Text"], ["A1", text]], str(sheet))  # the template's writer; the import's reader
        assert _read_csv_file(sheet, [], DEFAULT_SHEET_LIMITS) == [["Id", "Text"], ["A1", text]]
        raw = read(sheet.read_bytes().decode("utf-8-sig"), ";")
        assert len(raw) == 2 and not raw[1][1].startswith(FORMULA_START)


def test_a_carriage_return_from_sparql_stays_in_its_cell(run):
    result = run("sparql", 'SELECT ?x ?y WHERE { BIND("a\\r=1+1" AS ?x) BIND("\\r@SUM(1)" AS ?y) }',
                 "--format", "csv")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "x,y"
    assert read(result.stdout) == [["x", "y"], ["a\r=1+1", "'\r@SUM(1)"]]
    assert '"a\r=1+1"' in result.stdout  # quoted: a spreadsheet does not start a row at the CR
