"""A second, real plan of the same shape (WHO's action plan) through the import, and the gap queries on it."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import isomorphic

from kraftgraf.cli import main
from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.loaders.curated import load_curated
from kraftgraf.ontology.vocab import KG

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


# What `kraftgraf import` says it changes: in the sheet's words, each change once.

def _read(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f, delimiter=";"))


def _write(path, rows):
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f, delimiter=";").writerows(rows)


def test_the_diff_says_in_words_what_changed_and_counts_each_change_once(who_store, tmp_path):
    plan = _read(FIXTURE)
    header = plan[0]
    row = {r[0]: r for r in plan[1:]}
    outcomes = row["1.1"][4].split("\n")
    row["1.1"][4] = "\n".join(["Global target 1.1: every country has a policy", *outcomes[1:]])
    row["1.2"][header.index("Member States")] += "\nTrain planners in costing mental health services"
    links = _read(FIXTURE.with_name(FIXTURE.stem + ".bestamningsfaktorer.csv"))
    dropped = links.pop()
    links[1][3] = "Laws are governance."
    links.append(["1.1", "boende", "", "Housing policy is part of mental health policy."])
    edited = tmp_path / "who.csv"
    _write(edited, plan)
    _write(tmp_path / "who.bestamningsfaktorer.csv", links)
    store = tmp_path / "who.trig"
    store.write_bytes(who_store.read_bytes())
    args = [a if a != str(FIXTURE) else str(edited) for a in IMPORT]
    result = CliRunner().invoke(main, [*args, "--store", str(store), "--dry-run"])
    assert result.exit_code == 0, result.output
    diff = result.stdout.splitlines()[1:]
    assert diff == [
        "changed: outcome 1 of initiative 1.1 (Åtaganden): “" + outcomes[0] + "” → "
        "“Global target 1.1: every country has a policy”",
        "added: commitment 1.2-member-states-2 by Member States: "
        "“Train planners in costing mental health services”",
        "added: a link from initiative 1.1 to determinant “Boende”",
        "changed: the reason for a link from initiative 1.1 to determinant "
        "“Politik, lagstiftning och styrning” (Motivering): "
        "“Policy and law for mental health are governance.” → “Laws are governance.”",
        f"dropped: a link from initiative {dropped[0]} to determinant “Hälso- och sjukvård”",
        "2 added, 1 dropped, 2 changed"]
    for line in diff:  # no RDF predicate names
        assert not re.search(r"hasOutcome|addresses|label|byActor|toInitiative", line)
