"""A second, real plan of the same shape (WHO's action plan) through the import, and the gap queries on it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from kraftgraf.graph.store import KnowledgeGraph
from kraftgraf.loaders.curated import load_curated
from kraftgraf.ontology.vocab import KG
from rdflib import Graph
from rdflib.compare import isomorphic

from kraftgraf.cli import main

FIXTURE = Path(__file__).parent / "fixtures" / "who-mhap-2013-2030.csv"
ACTORS = ("Member States", "Secretariat", "International and national partners")
IMPORT = ["import", str(FIXTURE), "--plan", "who-2013", "--lang", "en",
          "--title", "Comprehensive Mental Health Action Plan 2013–2030",
          *[a for actor in ACTORS for a in ("--actor-column", actor)]]


@pytest.fixture(scope="module")
def who_store(tmp_path_factory):
    """A store with the ontology, the curated facts and only the WHO plan, imported by the CLI."""
    store = tmp_path_factory.mktemp("who") / "who.trig"
    kg = KnowledgeGraph()
    kg.add_ontology()
    load_curated(kg.graph("curated"))
    kg.save(store)
    result = CliRunner().invoke(main, [*IMPORT, "--store", str(store)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "9 initiatives, 29 commitments" in result.stdout
    return store


def ask(store, *args):
    result = CliRunner().invoke(main, [*args, "--store", str(store), "--format", "json"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_the_plan_is_its_own_named_graph_and_conforms_to_the_shapes(who_store):
    kg = KnowledgeGraph.load(who_store)
    assert len(kg.graph("plan/who-2013")) > 300
    assert len(kg.graph("plan/kraftsamling-2019")) == 0
    result = CliRunner().invoke(main, ["validate", "--store", str(who_store)])
    assert result.exit_code == 0, result.output
    labels = {kg.label(a) for a in kg.subjects_of_type(KG.Actor)}
    assert set(ACTORS) <= labels


def test_unowned_every_action_area_has_all_three_actors(who_store):
    answer = ask(who_store, "query", "unowned")
    assert answer["unowned"] == [] and answer["single_actor"] == []
    for actor in ACTORS:
        assert ask(who_store, "query", "unowned", "--actor", actor)["lacking"] == []
    orphans = {row["id"] for row in answer["orphan_determinants"]}
    assert {"jordbruk-och-livsmedel", "vatten-och-sanitet"} <= orphans


def test_coverage_reaches_four_layers_but_not_lifestyle(who_store):
    answer = ask(who_store, "query", "coverage")
    rows = {row["label"]: row for row in answer["coverage"]}
    assert set(rows) == set(ACTORS)
    for row in rows.values():  # 8 of 9 action areas are linked; 4.1 is not
        assert (row["total"], row["lifestyle"], row["social_community"]) == (8, 0, 1)
        assert row["living_working"] == 5 and row["socioeconomic"] == 4
    uncovered = {row["id"] for row in answer["uncovered_layers"]}
    assert uncovered == {"alder-kon-arv", "individuell-livsstil"}


def test_sources_point_back_to_the_cells(who_store):
    answer = ask(who_store, "query", "laws")  # no law links: an empty answer, not an error
    assert all(rows == [] for rows in answer.values())
    trace = ask(who_store, "trace", "Secretariat")
    quotes = json.dumps(trace, ensure_ascii=False)
    assert "Provide technical guidance on evidence-based interventions for promotion and prevention" in quotes


def test_the_who_plan_round_trips_through_its_own_template(who_store, tmp_path):
    runner = CliRunner()
    out = tmp_path / "who.xlsx"
    result = runner.invoke(main, ["template", "-o", str(out), "--plan", "who-2013",
                                  "--store", str(who_store)])
    assert result.exit_code == 0, result.output
    before = Graph()
    for triple in KnowledgeGraph.load(who_store).graph("plan/who-2013"):
        before.add(triple)
    copy = tmp_path / "copy.trig"
    copy.write_bytes(who_store.read_bytes())
    # the plan's key, language and title come from the workbook this time
    result = runner.invoke(main, ["import", str(out), "--store", str(copy)])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().endswith("no changes")
    after = Graph()
    for triple in KnowledgeGraph.load(copy).graph("plan/who-2013"):
        after.add(triple)
    assert isomorphic(before, after)


def test_the_template_keeps_the_actor_columns_in_the_plans_own_order(who_store, tmp_path):
    # the fixture's order is not alphabetical: Member States, Secretariat, then the partners
    out = tmp_path / "who.csv"
    result = CliRunner().invoke(main, ["template", "-o", str(out), "--plan", "who-2013",
                                       "--store", str(who_store)])
    assert result.exit_code == 0, result.output
    header = out.read_text(encoding="utf-8-sig").splitlines()[0].split(";")
    assert header[5:] == list(ACTORS)
    actors = (tmp_path / "who.aktorer.csv").read_text(encoding="utf-8-sig").splitlines()[1:]
    assert [line.split(";")[2] for line in actors] == list(ACTORS)
