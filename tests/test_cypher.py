"""The Cypher gap queries without a server: the texts, their parameters, what the push writes for them.

The answers themselves are checked in tests/test_backends.py, on FalkorDB and Neo4j.
"""

from __future__ import annotations

import re
from importlib.resources import files
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import URIRef

from kraftgraf.cli import main
from kraftgraf.graph.neo4j.props import push_graph
from kraftgraf.graph.neo4j.push import LABELS, REL_TYPES, plan_push
from kraftgraf.graph.store.build import build
from kraftgraf.queries.cypher_backend import CypherBackend, cypher_text, parameters, without_comments
from kraftgraf.queries.unowned.answer import initiatives_lacking

QUERIES = Path(str(files("kraftgraf.queries")))
CYPHER = sorted(p.stem for p in QUERIES.rglob("*.cypher"))
# the only literals a text may hold: the ontology's scheme, kinds, and the words of a status
LITERALS = {"https://w3id.org/kraftgraf/id/scheme/dahlgren-whitehead-1991", "Initiative", "Commitment",
            "via group", "open slot", "no commitment", "commitment", "slot"}
# SPARQL texts with no Cypher twin, and why: they read what only the store has.
STORE_ONLY = {
    "diff_items": "kraftgraf diff compares two store or plan files",
    "compare_plan_determinants": "plans are named graphs of one store; a Neo4j database holds one plan",
    "suggest_unlinked": "kraftgraf suggest writes accepted links into the store's plan graph",
    "suggest_indicators": "kraftgraf suggest writes accepted indicator links into the store's plan graph",
}


@pytest.fixture(scope="module")
def pg():
    return push_graph(build())


def test_every_sparql_text_has_a_cypher_twin_and_the_modules_ask_only_those():
    asked = set()
    for module in QUERIES.rglob("*.py"):
        asked |= set(re.findall(r'rows\("(\w+)"', module.read_text(encoding="utf-8")))
    sparql = {p.stem for p in QUERIES.rglob("*.rq")}
    assert asked and asked <= set(CYPHER) == sparql - set(STORE_ONLY)
    assert set(STORE_ONLY) <= sparql and not asked & set(STORE_ONLY)


@pytest.mark.parametrize("name", CYPHER)
def test_a_text_says_what_it_finds_and_which_parameters_it_takes(name):
    text = cypher_text(name)
    header = [line for line in text.splitlines() if line.startswith("//")]
    assert len(header) >= 2 and f"({name}.rq)" in " ".join(header)
    declared = re.search(r"Parameters: (.*)", " ".join(header)).group(1)
    assert set(re.findall(r"\$(\w+)", declared)) == set(parameters(text))
    if not parameters(text):
        assert declared.startswith("none")


@pytest.mark.parametrize("name", CYPHER)
def test_a_text_holds_no_data_and_only_the_ontologys_names(name):
    code = without_comments(cypher_text(name))
    assert set(re.findall(r"'([^']*)'", code)) <= LITERALS
    assert '"' not in code
    labels = set(re.findall(r"\(\w*:(\w+)", code))
    assert labels <= LABELS | {"Resource"}
    types = {t for group in re.findall(r"\[\w*:([\w|*.1]+)", code) for t in re.split(r"[|*]", group) if t}
    assert types - {"0..", "1.."} <= REL_TYPES  # variable-length paths
    assert "EXISTS {" not in code and "CALL {" not in code  # the subset FalkorDB runs too


def test_names_and_iris_travel_as_parameters_whatever_they_hold():
    sent = []

    def run(text, params):
        sent.append((text, params))
        return []

    backend = CypherBackend(run, "recorder")
    evil = "https://example.org/actor/Sta'ten\"}) `x` DETACH DELETE n //"
    assert initiatives_lacking(backend, URIRef(evil)) == []
    assert sent and all(evil not in text for text, _ in sent)
    assert any(params.get("actor") == evil for _, params in sent)
    assert all(set(params) == set(parameters(text)) for text, params in sent)  # unbound ones as null


def test_a_backend_refuses_a_relation_the_ontology_does_not_have():
    backend = CypherBackend(lambda text, params: [], "recorder")
    with pytest.raises(ValueError, match="not a relation"):
        backend.related("x", "knows]->() DETACH DELETE")


def test_the_push_writes_what_the_queries_read(pg):
    nodes = {r["iri"]: r["props"] for s in plan_push(pg) for b in s.batches for r in b if "iri" in r}
    a1 = nodes["https://w3id.org/kraftgraf/id/plan/kraftsamling-2019/initiative/A1"]
    assert isinstance(a1["order"], int) and a1["quotes"] and a1["label"] == a1["label_sv"]
    law = next(p for p in nodes.values() if p["kind"] == "Law" and p.get("sfs") == "2001:453")
    assert law["valid_until"] == "2025-06-30" and law["names"]
    staten = nodes["https://w3id.org/kraftgraf/id/actor/staten"]
    assert staten["actor"] and "staten" in staten["names"]
    edges = [r for s in plan_push(pg) for b in s.batches for r in b if "start" in r]
    mandates = [r["props"] for s in plan_push(pg) if ":HAS_MANDATE_IN]" in s.cypher
                for b in s.batches for r in b]
    assert mandates and all(p["statement"] and p["quotes"] for p in mandates)
    loops = [r for r in edges if r["start"] == r["end"]]
    assert len(loops) == 5  # the five 1991 layers are their own layers


def test_the_cypher_is_the_same_for_any_data(pg):
    texts = {s.cypher for s in plan_push(pg, batch_size=3)}
    assert all("Arbetsmiljö" not in t and "2001:453" not in t for t in texts)


def test_query_with_neo4j_needs_a_server_and_says_so(monkeypatch):
    monkeypatch.delenv("KRAFTGRAF_NEO4J_URI", raising=False)
    for args in (["query", "unowned", "--backend", "neo4j"], ["trace", "Staten", "--backend", "neo4j"]):
        result = CliRunner().invoke(main, args)
        lines = [ln for ln in result.output.splitlines() if ln.strip()]
        assert result.exit_code == 2 and len(lines) == 1 and "KRAFTGRAF_NEO4J_URI" in lines[0]
    result = CliRunner().invoke(main, ["query", "laws", "--backend", "neo4j", "--uri", "neo4j://127.0.0.1:9"])
    assert result.exit_code == 2 and "cannot reach Neo4j at neo4j://127.0.0.1:9" in result.output
