"""Neo4j sync: the Cypher and batches we build (no server needed), and a real push when
KRAFTGRAF_NEO4J_URI names a Neo4j 5 server."""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

from kraftgraf.cli import main
from kraftgraf.graph.neo4j.push import LABELS, plan_push
from kraftgraf.graph.store.build import build
from kraftgraf.graph.store.property_graph import Edge, Node, PropertyGraph, property_graph


@pytest.fixture(scope="module")
def pg():
    return property_graph(build())


def test_constraint_first_then_nodes_then_relationships(pg):
    statements = plan_push(pg, batch_size=1000)
    assert statements[0].cypher.startswith("CREATE CONSTRAINT") and "IF NOT EXISTS" in statements[0].cypher
    kinds = [("MERGE (n:" in s.cypher, "MERGE (a)-" in s.cypher) for s in statements[1:]]
    first_edge = kinds.index((False, True))
    assert all(node for node, _ in kinds[:first_edge]) and all(edge for _, edge in kinds[first_edge:])


def test_every_node_and_edge_is_in_exactly_one_batch(pg):
    for size in (1, 7, 5000):
        statements = plan_push(pg, batch_size=size)
        rows = [row for s in statements for batch in s.batches for row in batch]
        assert len([r for r in rows if "iri" in r]) == len(pg.nodes)
        assert len([r for r in rows if "start" in r]) == len(pg.edges)
        assert all(len(b) <= size for s in statements for b in s.batches)


def test_data_goes_in_parameters_and_labels_come_from_the_ontology():
    evil = 'x"}) DETACH DELETE n //'
    node = Node("https://example.org/" + evil, "Initiative", evil, evil, quote="<script>")
    other = Node("https://example.org/b", "Commitment", "b", "b")
    pg = PropertyGraph({node.id: node, other.id: other},
                       [Edge(other.id, "TO_INITIATIVE", node.id)])
    for st in plan_push(pg):
        assert evil not in st.cypher
    with pytest.raises(ValueError, match="not a label"):
        plan_push(PropertyGraph({"x": Node("x", "Evil` DETACH", "x", "x")}, []))
    with pytest.raises(ValueError, match="not a label or relationship type"):
        plan_push(PropertyGraph({}, [Edge("a", "KNOWS]->() DELETE", "b")]))


def test_swedish_and_english_labels_are_separate_properties(pg):
    rows = [r for s in plan_push(pg) for b in s.batches for r in b if "iri" in r]
    arbetsmiljo = next(r for r in rows if r["iri"].endswith("/determinant/arbetsmiljo"))
    assert arbetsmiljo["props"]["label_sv"] == "Arbetsmiljö"
    assert arbetsmiljo["props"]["label_en"] == "Work environment"
    assert {r["props"]["kind"] for r in rows} <= LABELS


def test_prune_adds_the_delete_statements_last(pg):
    statements = plan_push(pg, prune=True)
    assert "DELETE r" in statements[-2].cypher and "DETACH DELETE n" in statements[-1].cypher
    assert all("$run" in s.cypher for s in statements[-2:])


def test_dry_run_needs_no_server(monkeypatch):
    monkeypatch.delenv("KRAFTGRAF_NEO4J_URI", raising=False)
    result = CliRunner().invoke(main, ["neo4j", "push", "--dry-run", "--batch-size", "10"])
    assert result.exit_code == 0, result.output
    assert "CREATE CONSTRAINT" in result.output
    assert "// 4 batch(es), 33 row(s)" in result.output  # the 33 initiatives, 10 per batch
    assert "Ändringar i Socialtjänstlagen" not in result.output  # statements, not data


@pytest.mark.parametrize("uri, words", [
    ("neo4j://127.0.0.1:9", "cannot reach Neo4j"),
    ("nonsense://x", "is not a Neo4j URI"),
    ("http://localhost:7474", "is not a Neo4j URI"),  # the driver would try a preview HTTP API
])
def test_connection_errors_are_one_line_and_exit_2(monkeypatch, uri, words):
    monkeypatch.setenv("KRAFTGRAF_NEO4J_URI", uri)
    result = CliRunner().invoke(main, ["neo4j", "push"])
    assert result.exit_code == 2
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and words in lines[0]


NEO4J_URI = os.environ.get("KRAFTGRAF_NEO4J_URI")
needs_server = pytest.mark.skipif(
    not NEO4J_URI, reason="set KRAFTGRAF_NEO4J_URI (and _USER, _PASSWORD) to a Neo4j 5 server")


@pytest.fixture
def driver():
    from kraftgraf.graph.neo4j.push import connect

    d = connect(NEO4J_URI, os.environ.get("KRAFTGRAF_NEO4J_USER", "neo4j"),
                os.environ.get("KRAFTGRAF_NEO4J_PASSWORD", ""))
    yield d
    d.close()


def count(driver, cypher):
    database = os.environ.get("KRAFTGRAF_NEO4J_DATABASE", "neo4j")
    records, _, _ = driver.execute_query(cypher, database_=database)
    return records[0][0]


@pytest.mark.neo4j
@needs_server
def test_push_twice_gives_the_same_graph_and_prune_removes_the_rest(driver, pg):
    from kraftgraf.graph.neo4j.push import push

    database = os.environ.get("KRAFTGRAF_NEO4J_DATABASE", "neo4j")
    push(driver, pg, database, batch_size=50, prune=True)
    nodes = count(driver, "MATCH (n:Resource) RETURN count(n)")
    rels = count(driver, "MATCH (:Resource)-[r]->(:Resource) RETURN count(r)")
    assert nodes == len(pg.nodes) and rels == len(pg.edges)
    push(driver, pg, database, batch_size=7)
    assert count(driver, "MATCH (n:Resource) RETURN count(n)") == nodes
    smaller = PropertyGraph(dict(list(pg.nodes.items())[:10]), [])
    push(driver, smaller, database, prune=True)
    assert count(driver, "MATCH (n:Resource) RETURN count(n)") == 10
    push(driver, pg, database, prune=True)  # leave the full plan behind

