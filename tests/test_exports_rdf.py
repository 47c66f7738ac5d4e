"""The RDF exports written a piece at a time: the same document as one whole serialisation."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from rdflib import RDFS, BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kraftgraf.graph.exporters.rdf import write_jsonld
from kraftgraf.graph.store.build import build
from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.ontology.vocab import KG, PREFIXES

STATEN = URIRef("https://w3id.org/kraftgraf/id/actor/staten")
OTHER = URIRef("http://example.org/elsewhere")


def written(kg: KnowledgeGraph, tmp_path) -> tuple[str, dict]:
    write_jsonld(kg, tmp_path / "out.jsonld")
    text = (tmp_path / "out.jsonld").read_text(encoding="utf-8")
    return text, json.loads(text)


def test_jsonld_of_the_seed_plan_is_one_json_dumps_of_the_document(tmp_path):
    text, doc = written(build(), tmp_path)
    assert text == json.dumps(doc, ensure_ascii=False, indent=1)  # byte for byte, streamed or not
    ids = [node["@id"] for node in doc["@graph"]]
    assert len(ids) > 800 and ids == sorted(set(ids))
    assert doc["@context"] == PREFIXES


def test_jsonld_of_an_empty_store(tmp_path):
    text, doc = written(KnowledgeGraph(), tmp_path)
    assert doc == {"@context": PREFIXES, "@graph": []}
    assert text == json.dumps(doc, ensure_ascii=False, indent=1)


@pytest.fixture
def small():
    """Two named graphs sharing a triple, a blank node, and a triple in the default graph."""
    kg = KnowledgeGraph()
    blank = BNode("b1")
    for name in ("plan/x", "plan/y"):
        kg.graph(name).add((STATEN, RDFS.label, Literal("Staten", lang="sv")))
    kg.graph("plan/x").add((STATEN, KG.byActor, blank))
    kg.graph("plan/y").add((blank, RDFS.comment, Literal("åtagande utan namn")))
    kg.store.add(ox.Quad(ox.NamedNode(str(OTHER)), ox.NamedNode(str(RDFS.label)), ox.Literal("3",
                         datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))))
    return kg, blank


def test_jsonld_merges_the_graphs_and_keeps_blank_nodes_and_the_default_graph(small, tmp_path):
    kg, blank = small
    text, doc = written(kg, tmp_path)
    assert text == json.dumps(doc, ensure_ascii=False, indent=1)
    nodes = {node["@id"]: node for node in doc["@graph"]}
    assert list(nodes) == sorted(nodes) and len(nodes) == 3
    assert nodes["actor:staten"]["rdfs:label"] == [{"@language": "sv", "@value": "Staten"}]  # once
    assert nodes[str(OTHER)]["rdfs:label"] == [{"@type": "xsd:integer", "@value": "3"}]
    expected = Graph()
    for triple in ((STATEN, RDFS.label, Literal("Staten", lang="sv")), (STATEN, KG.byActor, blank),
                   (blank, RDFS.comment, Literal("åtagande utan namn")),
                   (OTHER, RDFS.label, Literal("3", datatype=URIRef(PREFIXES["xsd"] + "integer")))):
        expected.add(triple)
    assert isomorphic(Graph().parse(tmp_path / "out.jsonld", format="json-ld"), expected)
