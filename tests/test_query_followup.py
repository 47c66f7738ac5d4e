"""followup: indicators as nodes, what the plan can be followed up with, and what it cannot."""

from __future__ import annotations

import pytest
from peers_plan import mini_plan

from kraftgraf.errors import DataError
from kraftgraf.graph.store.build import build
from kraftgraf.loaders.curated import read_curated
from kraftgraf.ontology.vocab import KG
from kraftgraf.queries.followup.answer import sections


@pytest.fixture(scope="module")
def parts():
    return {s.key: s for s in sections(build())}


def test_indicators_are_nodes_with_a_publisher_and_a_public_source():
    kg = build()
    found = list(kg.subjects_of_type(KG.Indicator))
    assert len(found) == 9
    for node in found:
        assert kg.quotes(node) and kg.label(node)
    rows = read_curated()["indicators.csv"]
    assert {r["publisher"] for r in rows} == {"Folkhälsomyndigheten", "RKA (Kolada)"}
    assert all(r["public_ref"].startswith("https://") for r in rows)


def test_what_the_seed_plan_can_be_followed_up_with(parts):
    followed = {r.code: r.indicators for r in parts["followed"].rows}
    assert followed["D"] == "fohm-gott-psykiskt-valbefinnande; fohm-psykisk-pafrestning"
    assert followed["E2"] == "kolada-n17461" and set(followed) == {"C", "D", "E", "G", "I", "D4", "E2"}
    # every link carries its reason and the memo's words for what it follows
    assert all(len(r.sources) >= 2 for r in parts["followed"].rows)


def test_what_nothing_follows(parts):
    rows = {r.code: r for r in parts["unfollowed"].rows}
    # A, B, F and H, and their initiatives, have no indicator at all
    assert {c for c, r in rows.items() if r.status == "none"} >= {"A", "B", "F", "H", "A1", "H3"}
    assert rows["C2"].status == "only through focus area C"  # sick leave: no indicator of its own
    assert rows["2"].status == "only through D, D4, E and E2"
    assert "No indicator follows initiative C2 itself" in rows["C2"].why


def test_indicators_nothing_uses(parts):
    rows = parts["unused"].rows
    assert [(r.id, r.publisher, r.identifier) for r in rows] == [
        ("fohm-saknar-praktiskt-stod", "Folkhälsomyndigheten", "praksto"),
        ("fohm-saknar-tillit", "Folkhälsomyndigheten", "litaYreg")]
    assert "https://fohm-app.folkhalsomyndigheten.se/" in rows[0].why


def test_the_neo4j_push_carries_an_indicators_publisher_id_and_address():
    from kraftgraf.graph.neo4j.props import push_graph

    props = push_graph(build()).node_props
    n00914 = next(p for n, p in props.items() if n.endswith("/indicator/kolada-n00914"))
    assert (n00914["publisher"], n00914["identifier"]) == ("RKA (Kolada)", "N00914")
    assert n00914["url"] == "https://api.kolada.se/v2/kpi/N00914"


def test_a_plan_without_the_seeds_items_uses_no_indicator():
    # The curated links name the seed plan's focus areas and initiatives; the four-row plan has
    # none of them, so every indicator is unused and every initiative unfollowed.
    parts = {s.key: s for s in sections(mini_plan())}
    assert len(parts["unused"].rows) == 9 and parts["followed"].rows == []
    assert [(r.code, r.status) for r in parts["unfollowed"].rows] == [
        (code, "none") for code in ("M1", "M2", "M3", "M4")]


def test_a_bad_indicator_link_is_one_line(tmp_path):
    from importlib.resources import files

    for f in files("kraftgraf.data").iterdir():
        if f.name.endswith(".csv"):
            (tmp_path / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    links = tmp_path / "indicator_links.csv"
    links.write_text(links.read_text(encoding="utf-8").replace("kolada-n00914", "kolada-n0914"),
                     encoding="utf-8")
    with pytest.raises(DataError, match=r"indicator_links.csv row \d+, column indicator: unknown indicator"):
        read_curated(tmp_path)


def test_the_cli(run):
    assert "indicator" in run("query", "followup", "--help").output
    result = run("query", "followup", "--format", "json")
    assert result.exit_code == 0 and '"unused"' in result.output
