"""Exports for network tools, read back with independent readers."""

from __future__ import annotations

import csv
import json
from collections import Counter

import networkx as nx
import pytest
from click.testing import CliRunner
from rdflib import RDFS, Literal
from rdflib.namespace import SKOS

from kraftgraf.cli import main
from kraftgraf.graph.exporters.network import write_csv, write_gexf, write_graphml, write_kumu
from kraftgraf.graph.store.build import build
from kraftgraf.graph.store.property_graph import property_graph
from kraftgraf.ontology.vocab import plan_item


@pytest.fixture(scope="module")
def kg():
    return build()


@pytest.fixture(scope="module")
def expected(kg):
    pg = property_graph(kg)
    return pg, Counter(n.kind for n in pg.nodes.values()), Counter(e.type for e in pg.edges)


def test_graphml_opens_in_igraph_with_the_same_counts_and_kinds(kg, expected, tmp_path):
    igraph = pytest.importorskip("igraph", reason="igraph is the independent GraphML reader")
    pg, kinds, types = expected
    write_graphml(kg, tmp_path / "plan.graphml")
    g = igraph.Graph.Read_GraphML(str(tmp_path / "plan.graphml"))
    assert g.vcount() == len(pg.nodes) and g.ecount() == len(pg.edges)
    assert Counter(g.vs["kind"]) == kinds
    assert Counter(g.es["type"]) == types
    arbetsmiljo = g.vs.find(label_sv="Arbetsmiljö")
    assert arbetsmiljo["label_en"] == "Work environment"
    assert arbetsmiljo["layers"] == "Levnads- och arbetsförhållanden"


def test_gexf_reads_back_in_networkx(kg, expected, tmp_path):
    pg, kinds, _ = expected
    write_gexf(kg, tmp_path / "plan.gexf")
    g = nx.read_gexf(tmp_path / "plan.gexf")
    assert g.number_of_nodes() == len(pg.nodes) and g.number_of_edges() == len(pg.edges)
    assert Counter(d["kind"] for _, d in g.nodes(data=True)) == kinds
    assert any(d.get("label") == "Socialtjänst och omsorg" for _, d in g.nodes(data=True))


def test_csv_is_what_neo4j_admin_import_reads(kg, expected, tmp_path):
    pg, kinds, types = expected
    write_csv(kg, tmp_path / "csv")
    with open(tmp_path / "csv" / "nodes.csv", encoding="utf-8", newline="") as f:
        nodes = list(csv.DictReader(f))
    with open(tmp_path / "csv" / "relationships.csv", encoding="utf-8", newline="") as f:
        rels = list(csv.DictReader(f))
    assert len(nodes) == len(pg.nodes) and len(rels) == len(pg.edges)
    assert Counter(n[":LABEL"] for n in nodes) == kinds
    assert Counter(r[":TYPE"] for r in rels) == types
    ids = {n["iri:ID"] for n in nodes}
    assert all(r[":START_ID"] in ids and r[":END_ID"] in ids for r in rels)


def test_csv_cells_cannot_run_as_formulas(tmp_path):
    kg = build()
    node = plan_item("kraftsamling-2019", "initiative", "A1")
    g = kg.graph("plan/kraftsamling-2019")
    for prop in (RDFS.label, SKOS.prefLabel):
        g.remove((node, prop, None))
        g.add((node, prop, Literal('=HYPERLINK("http://evil.example","klicka")', lang="sv")))
    write_csv(kg, tmp_path / "csv")
    text = (tmp_path / "csv" / "nodes.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK" in text and ',"=HYPERLINK' not in text


def test_kumu_blueprint_shape(kg, expected, tmp_path):
    pg, _, _ = expected
    write_kumu(kg, tmp_path / "kumu.json")
    blueprint = json.loads((tmp_path / "kumu.json").read_text(encoding="utf-8"))
    assert set(blueprint) == {"elements", "connections"}
    ids = [e["id"] for e in blueprint["elements"]]
    assert len(ids) == len(set(ids)) == len(pg.nodes)  # unique ids: labels may repeat
    assert all(c["from"] in set(ids) and c["to"] in set(ids) for c in blueprint["connections"])
    assert "Kommunerna" in {e["label"] for e in blueprint["elements"]}


def test_export_cli_for_network_formats(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for fmt, out in (("graphml", "p.graphml"), ("gexf", "p.gexf"), ("csv", "csvdir"), ("kumu", "k.json")):
        result = CliRunner().invoke(main, ["export", "--format", fmt, "-o", out])
        assert result.exit_code == 0, result.output
        assert (tmp_path / out).exists()


def test_plan_narrows_viz_report_export_and_sparql(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    for args in (["build"], ["synth", "--municipalities", "3", "--regions", "1", "--initiatives", "5",
                              "-o", "small.ttl"],
                 ["build", "--add", "small.ttl", "--plan", "small"]):
        assert runner.invoke(main, args).exit_code == 0, args
    count = "SELECT (COUNT(?i) AS ?n) WHERE { ?i a <https://w3id.org/kraftgraf/ontology#Initiative> }"
    both = runner.invoke(main, ["sparql", count, "--format", "json"])
    small = runner.invoke(main, ["sparql", count, "--plan", "small", "--format", "json"])
    assert json.loads(small.stdout)[0]["n"] == 5 and json.loads(both.stdout)[0]["n"] == 38
    assert runner.invoke(main, ["export", "--plan", "small", "--format", "ttl", "-o", "s.ttl"]).exit_code == 0
    text = (tmp_path / "s.ttl").read_text(encoding="utf-8")
    # synth's own IRIs; the curated links name the seed plan's initiatives, but none of its focus areas
    assert "plan/synth-1/initiative" in text and "kraftsamling-2019/focus-area" not in text
    drawn = {}
    for key in ("small", "kraftsamling-2019"):
        result = runner.invoke(main, ["viz", "--plan", key, "-o", f"{key}.html"])
        assert result.exit_code == 0, result.output
        drawn[key] = (tmp_path / f"{key}.html").read_text(encoding="utf-8")
    assert "kraftsamling-2019/initiative/A1" not in drawn["small"]
    assert "plan/synth-1/" not in drawn["kraftsamling-2019"] and "plan/synth-1/" in drawn["small"]
    result = runner.invoke(main, ["export", "--plan", "nosuch", "--format", "ttl", "-o", "x.ttl"])
    assert result.exit_code == 2 and not (tmp_path / "x.ttl").exists()


ARBETSMILJO = "https://w3id.org/kraftgraf/id/determinant/arbetsmiljo"


def test_gexf_opens_in_gephi_as_the_rainbow_map(kg, tmp_path):
    import math

    from kraftgraf.graph.views.map_data import STYLE, ring_radius

    write_gexf(kg, tmp_path / "plan.gexf")
    g = nx.read_gexf(tmp_path / "plan.gexf")
    viz = g.nodes[ARBETSMILJO]["viz"]
    colour = STYLE["Determinant"][1]
    assert (viz["color"]["r"], viz["color"]["g"], viz["color"]["b"]) == tuple(
        int(colour[i:i + 2], 16) for i in (1, 3, 5))
    assert viz["size"] == STYLE["Determinant"][2]
    # on its own ring (Levnads- och arbetsförhållanden, the fourth), in the upper half
    assert math.hypot(viz["position"]["x"], viz["position"]["y"]) == pytest.approx(ring_radius(3), abs=0.2)
    assert viz["position"]["y"] > 0
    assert all("viz" in d and "position" in d["viz"] for _, d in g.nodes(data=True))
    node = g.nodes[ARBETSMILJO]
    assert node["layer: Levnads- och arbetsförhållanden"] is True
    assert node["layer: Individuella livsstilsfaktorer"] is False
    weights = [d["weight"] for *_, d in g.edges(data=True)]
    assert weights and min(weights) >= 1 and all(d["reason"] for *_, d in g.edges(data=True))


def test_graphml_carries_the_look_for_gephi_and_cytoscape(kg, tmp_path):
    igraph = pytest.importorskip("igraph", reason="igraph is the independent GraphML reader")
    write_graphml(kg, tmp_path / "plan.graphml")
    g = igraph.Graph.Read_GraphML(str(tmp_path / "plan.graphml"))
    a1 = g.vs.find(id=str(plan_item("kraftsamling-2019", "initiative", "A1")))
    assert a1["color"] == "#44AA99" and (a1["r"], a1["g"], a1["b"]) == (0x44, 0xAA, 0x99)
    assert a1["size"] == 14 and isinstance(a1["x"], float)
    skola = [v for v in g.vs if v["sector: Skola"]]
    assert skola and all("Skola" in v["sectors"].split("; ") for v in skola)
    assert all(w >= 1 for w in g.es["weight"])


def test_kumu_elements_are_styled_and_connections_say_why(kg, tmp_path):
    write_kumu(kg, tmp_path / "kumu.json")
    blueprint = json.loads((tmp_path / "kumu.json").read_text(encoding="utf-8"))
    labels = [e["label"] for e in blueprint["elements"]]
    assert not [x for x in labels if x.strip("•. …") == ""]  # the plan's "…" cells are named
    assert "Öppet åtagande C4 – Staten" in labels
    by_type = {}
    for e in blueprint["elements"]:
        by_type.setdefault(e["type"], set()).add(e["color"])
    assert by_type["Initiative"] == {"#44AA99"} and by_type["Determinant"] == {"#DDCC77"}
    assert all(c["reason"] and "quote" in c and c["weight"] >= 1 for c in blueprint["connections"])
    quoted = [c for c in blueprint["connections"] if c["type"] == "BY_ACTOR" and c["quote"]]
    assert len(quoted) > 50


def test_kumu_is_written_as_json_lays_it_out(kg, tmp_path):
    """Written one element at a time, the blueprint has the bytes json.dumps(…, indent=1) gives it whole."""
    write_kumu(kg, tmp_path / "kumu.json")
    text = (tmp_path / "kumu.json").read_text(encoding="utf-8")
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=1)
    assert "Öppet åtagande" in text  # UTF-8 as written, not escaped
