"""Answers on an imported plan say what they rest on, instead of a confident figure from what is left."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kraftgraf.cli import main
from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.loaders.curated import load_curated

FIXTURES = Path(__file__).parent / "fixtures"
SP = FIXTURES / "suicidprevention-2008.csv"
WHO = FIXTURES / "who-mhap-2013-2030.csv"
WHO_COLUMNS = [a for actor in ("Member States", "Secretariat", "International and national partners")
               for a in ("--actor-column", actor)]


def cli(store: Path, *args: str, ok: bool = True):
    result = CliRunner().invoke(main, [*map(str, args), "--store", str(store)], catch_exceptions=False)
    assert not ok or result.exit_code == 0, result.output
    return result


def ask(store: Path, *args: str) -> dict:
    return json.loads(cli(store, *args, "--format", "json").stdout)


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    """The seed plan, the WHO plan (English, 8 of 9 areas linked), the suicide-prevention plan (no links)."""
    path = tmp_path_factory.mktemp("basis") / "store.trig"
    assert CliRunner().invoke(main, ["build", "-o", str(path)]).exit_code == 0
    cli(path, "import", WHO, "--plan", "who-2013", "--lang", "en", *WHO_COLUMNS)
    cli(path, "import", SP, "--plan", "sp-2008")
    return path


def test_trace_shows_commitments_whose_initiatives_have_no_link(store):
    answer = ask(store, "trace", "Trafikverket", "--plan", "sp-2008")
    assert [(r["step"], r["initiative"]) for r in answer["unlinked"]] == [("SP-3-trafikverket-1", "SP-3")]
    assert answer["commitment"] == []
    (basis,) = answer["basis"]
    assert basis["what"] == "9 of 9 initiatives have no determinant link yet"
    assert "kraftgraf suggest" in basis["meaning"]


def test_silos_and_coverage_by_sector_name_the_actors_without_a_sector(store):
    silos = ask(store, "query", "silos", "--plan", "who-2013")
    whats = [r["what"] for r in silos["basis"]]
    assert "3 of 3 committed actors have no sector (no mandate)" in whats
    assert "towards silos" in silos["basis"][0]["meaning"]
    table = cli(store, "query", "silos", "--plan", "who-2013").stdout
    assert "Only 0 of the 3 committed actors have a sector" in table
    coverage = ask(store, "query", "coverage", "--by", "sector", "--plan", "who-2013")
    assert {r["what"] for r in coverage["basis"]} == {"1 of 9 initiatives have no determinant link yet",
                                                      "3 of 3 committed actors have no sector (no mandate)"}
    assert "basis" not in ask(store, "query", "coverage", "--plan", "kraftsamling-2019")


def test_silos_counts_the_initiatives_nobody_committed_to(store):
    (gap,) = [r for r in ask(store, "query", "silos", "--plan", "kraftsamling-2019")["basis"]
              if "no commitment" in r["what"]]
    assert gap["what"] == "6 of 33 initiatives have no commitment by any actor"
    assert all(code in gap["why"] for code in ("C4", "C5", "C6", "H3", "I4", "I5"))
    assert "kraftgraf query unowned" in gap["meaning"]


def test_unowned_says_its_orphans_may_be_unlinked_initiatives(store):
    answer = ask(store, "query", "unowned", "--plan", "sp-2008")
    assert answer["basis"][0]["lacking"] == 9
    assert "basis" not in ask(store, "query", "unowned", "--plan", "kraftsamling-2019")


def test_compare_says_no_links_yet_rather_than_lost(store):
    result = cli(store, "query", "compare", "kraftsamling-2019", "sp-2008")
    assert "sp-2008 has no links yet" in result.stdout
    answer = ask(store, "query", "compare", "kraftsamling-2019", "sp-2008")
    assert answer["lost"]
    assert all("sp-2008 has no determinant link yet" in r["why"] for r in answer["lost"])
    whats = [r["what"] for r in answer["basis"]]
    assert whats == ["sp-2008: 9 of 9 initiatives have no determinant link yet"]


def test_diff_warns_when_two_plans_share_few_ids(store):
    def diff(*plans):
        args = ["diff", str(store), str(store), *[a for p in plans for a in ("--plan", p)],
                "--format", "json"]
        return json.loads(CliRunner().invoke(main, args, catch_exceptions=False).stdout)

    (warning,) = diff("who-2013", "sp-2008")["warning"]
    assert warning["score"] == 0.0 and "share 0 of their initiative ids" in warning["why"]
    assert "warning" not in diff("sp-2008")


def test_curated_swedish_facts_are_not_counted_for_a_plan_in_english(store):
    counts = lambda plan: {r["kind"]: r["count"] for r in ask(store, "stats", "--plan", plan)}  # noqa: E731
    who, sp = counts("who-2013"), counts("sp-2008")
    assert (who["actors"], who["laws"], who["programmes"]) == (3, 0, 0)
    assert sp["programmes"] > 0 and sp["actors"] > 6 and sp["laws"] >= 11


def test_a_line_repeated_word_for_word_is_one_overlap(tmp_path):
    store = tmp_path / "s.trig"
    kg = KnowledgeGraph()
    kg.add_ontology()
    load_curated(kg.graph("curated"))
    kg.save(store)
    line = "Ta fram en regional handlingsplan för suicidprevention"
    rows = [["Id", "Målsättning", "Fokusområde", "Initiativ", "Åtaganden", "Region"]]
    rows += [[f"X{n}", "1. Mål", "A. Område", f"Initiativ {n}", "", line] for n in range(1, 6)]
    with open(tmp_path / "plan.csv", "w", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter=";").writerows(rows)
    cli(store, "import", tmp_path / "plan.csv", "--plan", "p", "--actor-column", "Region")
    (row,) = ask(store, "query", "overlaps")["same_actor"]
    assert row["second"].endswith("(5 in all)") and "one row for its 10 pairs" in row["why"]


@pytest.mark.parametrize("args", [("whatif", "--rank"), ("whatif", "--without", "Staten"),
                                  ("query", "mandates")])
def test_whatif_and_mandates_say_their_counts_rest_on_links_the_plan_lacks(store, args):
    basis = ask(store, *args, "--plan", "sp-2008")["basis"]
    assert [(r["lacking"], r["total"]) for r in basis] == [(9, 9)]
    assert "run `kraftgraf suggest`" in basis[0]["meaning"]
    assert "basis" not in ask(store, *args, "--plan", "kraftsamling-2019")  # every initiative linked


def test_the_report_says_why_a_heat_map_is_empty_instead_of_drawing_a_blank_grid(store, tmp_path):
    # sp-2008 has commitments but no determinant links: no actor or sector reaches a layer
    cli(store, "report", "--plan", "sp-2008", "-o", tmp_path / "r.html")
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert '<table class="heat"' not in page  # no empty grids
    assert "Aktörer × lager: tom. Inget åtagande i planen går från en aktör" in page
    assert "Sektorer × lager: tom." in page
    cli(store, "report", "--plan", "kraftsamling-2019", "-o", tmp_path / "seed.html")
    seed = (tmp_path / "seed.html").read_text(encoding="utf-8")
    assert seed.count('<table class="heat"') == 2 and "× lager: tom." not in seed
