"""`kraftgraf suggest` for indicators: keyword rules with sources, suggestions, and --accept."""

from __future__ import annotations

import csv
import json
from importlib.resources import files

import pytest
from rdflib import RDF

from kraftgraf.graph.store.build import build
from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.graph.store.links import ACTIVITY
from kraftgraf.loaders.indicators import indicator_iri
from kraftgraf.ontology.vocab import KG, PROV, plan_item
from kraftgraf.queries.suggest.indicators import FILE, indicator_suggestions


def _csv(name: str) -> list[dict]:
    return list(csv.DictReader((files("kraftgraf.data") / name).read_text(encoding="utf-8").splitlines()))


def test_every_indicator_has_keywords_and_every_row_says_where_they_come_from():
    indicators = {r["id"]: r for r in _csv("indicators.csv")}
    rows = _csv(FILE)
    assert {r["indicator"] for r in rows} == set(indicators)
    for row in rows:
        assert row["sv"] and row["en"], row["indicator"]
        title = indicators[row["indicator"]]["quote"].split(" efter ")[0]
        assert len(row["comment"]) > 40 and title.split(",")[0] in row["comment"], row["indicator"]


@pytest.fixture(scope="module")
def without_links():
    """The bundled plan with its curated indicator links taken out."""
    kg = build()
    ds = kg.dataset
    for quad in list(ds.quads((None, KG.measuredBy, None, None))):
        ds.remove(quad)
    return kg


def test_taken_out_links_come_back_as_suggestions_with_the_words_that_matched(without_links):
    found = {(s.item, s.indicator): s for s in indicator_suggestions(without_links)}
    curated = {(r["subject"].partition(":")[2], r["indicator"]) for r in _csv("indicator_links.csv")}
    assert len(curated & set(found)) >= 6  # benchmarks/bench_suggest_indicators.py gives the figures
    safety_net = found["I", "kolada-n31001"]
    assert safety_net.kind == "focus area" and safety_net.matched == ["skyddsnät"]
    assert "skyddsnät* (sv)" in safety_net.keywords and safety_net.publisher == "RKA (Kolada)"
    assert "--accept I:kolada-n31001" in safety_net.why and "indicator_keywords.csv" in safety_net.why
    assert safety_net.sources == ["Ett skyddsnät med täta maskor"]  # the memo's words, quoted


def test_an_item_with_a_curated_indicator_gets_no_suggestion(seed_kg):
    items = {s.item for s in indicator_suggestions(seed_kg)}
    assert items and not items & {"C", "D", "D4", "E", "E2", "G", "I"}


def _unfollowed(run, code: str) -> str | None:
    """The status `query followup` gives the item ``code``, None when it is followed."""
    rows = json.loads(run("query", "followup", "--format", "json").stdout)["unfollowed"]
    return next((r["status"] for r in rows if r["code"] == code), None)


def test_accept_writes_the_link_to_the_plan_once_and_followup_sees_it(run, tmp_path):
    assert run("build").exit_code == 0
    assert _unfollowed(run, "A1") == "none"
    listed = json.loads(run("suggest", "--format", "json").stdout)
    assert any(r["item"] == "A1" and r["indicator"] == "fohm-gott-psykiskt-valbefinnande"
               for r in listed["indicator_suggestions"])
    result = run("suggest", "--accept", "A1:fohm-gott-psykiskt-valbefinnande")
    assert result.exit_code == 0, result.output
    assert "accepted A1 → indicator fohm-gott-psykiskt-valbefinnande" in result.stdout
    kg = KnowledgeGraph.load(tmp_path / "kraftgraf-store.trig")
    plan = kg.graph("plan/kraftsamling-2019")
    a1 = plan_item("kraftsamling-2019", "initiative", "A1")
    assert (a1, KG.measuredBy, indicator_iri("fohm-gott-psykiskt-valbefinnande")) in plan
    link = next(plan.subjects(RDF.subject, a1))
    assert (link, PROV.wasGeneratedBy, ACTIVITY) in plan and "välmående" in kg.quotes(link)[0]
    assert run("validate").exit_code == 0
    assert _unfollowed(run, "A1") is None  # followed now
    again = run("suggest", "--accept", "A1:fohm-gott-psykiskt-valbefinnande")
    assert again.exit_code == 0 and "already accepted" in again.stderr
    wrong = run("suggest", "--accept", "A1:kolada-n31001")
    assert wrong.exit_code == 2 and "not among the suggestions" in wrong.output
