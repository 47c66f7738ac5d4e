"""Indicators through the spreadsheet: the sheet Indikatorer out with `template`, back in with `import`."""

from __future__ import annotations

import csv

import openpyxl
import pytest
from rdflib import RDFS, URIRef
from rdflib.namespace import DCTERMS

from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.loaders.indicators import indicator_iri
from kraftgraf.ontology.vocab import KG, plan_item

HEADER = ["Följer", "Indikator", "Namn", "Utgivare", "Utgivarens id", "Länk", "Motivering"]
# a made-up indicator of the plan's own (a municipality's survey), so no public fact is invented
NEW = ["A2", "egen-foreningsliv", "Invånare som deltar i föreningsliv, andel (%)", "Exempelkommunen", "F1",
       "https://example.org/enkat/foreningsliv", "Föreningsliv är en del av samhällsdesignen."]


@pytest.fixture
def template(run, tmp_path):
    """A store with the bundled plan, and its template as XLSX."""
    assert run("build").exit_code == 0
    assert run("template", "-o", "plan.xlsx").exit_code == 0
    return tmp_path / "plan.xlsx"


def _sheet(path) -> list[list]:
    ws = openpyxl.load_workbook(path)["Indikatorer"]
    return [[c or "" for c in row] for row in ws.iter_rows(values_only=True)]


def _with_rows(path, target, *rows) -> None:
    wb = openpyxl.load_workbook(path)
    for row in rows:
        wb["Indikatorer"].append(row)
    wb.save(target)


def test_the_template_lists_the_seed_plans_curated_indicator_links(template):
    rows = _sheet(template)
    assert rows[0] == HEADER
    by_link = {(r[0], r[1]): r for r in rows[1:]}
    assert len(by_link) == 8  # data/indicator_links.csv, each once
    e2 = by_link["E2", "kolada-n17461"]
    assert e2[3:6] == ["RKA (Kolada)", "N17461", "https://api.kolada.se/v2/kpi/N17461"]
    assert "four years" in e2[6]
    assert [r[0] for r in rows[1:]] == ["C", "D", "D", "D4", "E", "E2", "G", "I"]  # a focus area first
    comments = openpyxl.load_workbook(template)["Indikatorer"][1]
    assert all(c.comment and len(c.comment.text) > 20 for c in comments)


def test_an_unchanged_sheet_imports_to_no_change(run, tmp_path, template):
    store = tmp_path / "kraftgraf-store.trig"
    before = store.read_bytes()
    result = run("import", template)
    assert result.exit_code == 0 and "no changes" in result.stdout, result.output
    assert store.read_bytes() == before


def test_a_new_indicator_and_its_links_round_trip(run, tmp_path, template):
    _with_rows(template, tmp_path / "edited.xlsx", NEW, ["Fokusområde B", NEW[1], "", "", "", "", "Också B."])
    result = run("import", "edited.xlsx")
    assert result.exit_code == 0, result.output
    assert f"added: indicator egen-foreningsliv: “{NEW[2]}”" in result.stdout
    assert "added: a link from initiative A2 to indicator" in result.stdout
    assert "added: a link from focus area B to indicator" in result.stdout
    assert "3 added, 0 dropped, 0 changed" in result.stdout
    kg = KnowledgeGraph.load(tmp_path / "kraftgraf-store.trig")
    node = indicator_iri("egen-foreningsliv")
    plan = kg.graph("plan/kraftsamling-2019")
    assert (plan_item("kraftsamling-2019", "initiative", "A2"), KG.measuredBy, node) in plan
    assert plan.value(node, DCTERMS.publisher).toPython() == "Exempelkommunen"
    assert plan.value(node, RDFS.seeAlso) == URIRef(NEW[5])
    assert "föreningsliv" in kg.quotes(node)[0]  # the cell it came from
    assert run("validate").exit_code == 0
    followup = run("query", "followup", "--format", "json").stdout
    assert "Invånare som deltar i föreningsliv" in followup
    # the store's template has them, and reads back to no change
    assert run("template", "-o", "again.xlsx").exit_code == 0
    rows = _sheet(tmp_path / "again.xlsx")
    assert [r[:2] for r in rows if r[1] == NEW[1]] == [["A2", NEW[1]], ["B", NEW[1]]]
    again = run("import", "again.xlsx")
    assert again.exit_code == 0 and "no changes" in again.stdout, again.output
    # the plan's own indicator is the sheet's: a new name there is a change
    wb = openpyxl.load_workbook(tmp_path / "again.xlsx")
    for row in wb["Indikatorer"].iter_rows(min_row=2):
        if row[1].value == NEW[1] and row[0].value == "A2":
            row[2].value = "Nytt namn"
    wb.save(tmp_path / "renamed.xlsx")
    renamed = run("import", "renamed.xlsx")
    assert f"changed: indicator egen-foreningsliv: “{NEW[2]}” → “Nytt namn”" in renamed.stdout, renamed.output


def test_indikatorer_as_csv_beside_the_plan(run, tmp_path):
    assert run("build").exit_code == 0
    assert run("template", "-o", "plan.csv").exit_code == 0
    with open(tmp_path / "plan.indikatorer.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    assert rows[0] == HEADER and len(rows) == 9
    result = run("import", "plan.csv")
    assert result.exit_code == 0 and "no changes" in result.stdout, result.output


BAD = {
    "unknown indicator": (["A2", "kolada-n00000", "", "", "", "", ""],
                          ["row 10, column Indikator (B)", "unknown indicator 'kolada-n00000'",
                           "kolada-n00914", "Namn"]),
    "not an id": (["A2", "Kolada N00914", "", "", "", "", ""], ["'Kolada N00914' is not an indicator id"]),
    "unknown item": (["Q9", "kolada-n00914", "", "", "", "", ""],
                     ["row 10, column Följer (A)", "no initiative or focus area 'Q9'"]),
    "not a focus area": (["Fokusområde A2", "kolada-n00914", "", "", "", "", ""], ["no focus area 'A2'"]),
    "no publisher": (["A2", "ny-indikator", "Ett namn", "", "", "https://example.org/x", ""],
                     ["column Utgivare (D)", "'ny-indikator' needs its publisher"]),
    "no https": (["A2", "ny-indikator", "Ett namn", "SCB", "", "http://example.org/x", ""],
                 ["column Länk (F)", "'http://example.org/x' is not the https:// address"]),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_rows_are_one_line_exit_2_and_the_store_is_unchanged(run, tmp_path, template, case):
    row, fragments = BAD[case]
    _with_rows(template, tmp_path / "bad.xlsx", row)
    store = tmp_path / "kraftgraf-store.trig"
    before = store.read_bytes()
    result = run("import", "bad.xlsx")
    assert result.exit_code == 2, result.output
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: bad.xlsx, sheet Indikatorer"), result.output
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    assert store.read_bytes() == before
