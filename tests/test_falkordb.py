"""FalkorDB as the tests' Cypher engine: the push's statements, the CLI's --backend, parameters.

FalkorDB is not Neo4j; tests/test_backends.py says what both must answer.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from cypher_engines import push_to_falkordb
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import URIRef

from kraftgraf.cli import main
from kraftgraf.graph.neo4j.props import push_graph
from kraftgraf.graph.store.build import build
from kraftgraf.queries import cypher_backend
from kraftgraf.queries.cypher_backend import falkordb_backend

pytestmark = pytest.mark.falkordb


@pytest.fixture(scope="module")
def seed():
    return build()


def test_pushing_twice_into_falkordb_gives_the_same_graph(falkordb_server, seed):
    pg = push_graph(seed)
    graph = falkordb_server.graph("twice")
    counts = []
    for size in (1000, 7):
        push_to_falkordb(graph, pg, batch_size=size)
        counts.append([graph.ro_query(q).result_set[0][0] for q in (
            "MATCH (n:Resource) RETURN count(n)", "MATCH (:Resource)-[r]->(:Resource) RETURN count(r)")])
    assert counts[0] == counts[1] == [len(pg.nodes), len(pg.edges)]


def test_a_node_whose_kind_changed_loses_its_old_label(falkordb_server, seed):
    pg = push_graph(seed)
    graph = falkordb_server.graph("kinds")
    push_to_falkordb(graph, pg)
    node = next(n for n in pg.nodes.values() if n.kind == "Initiative")
    node.kind = "Outcome"  # as if the next build read that row as an outcome
    push_to_falkordb(graph, pg)
    labels = graph.ro_query("MATCH (n:Resource {iri: $iri}) RETURN labels(n)", {"iri": node.id}).result_set
    assert sorted(labels[0][0]) == ["Outcome", "Resource"]


@pytest.mark.parametrize("args", [["query", "unowned", "--actor", "SKL"], ["query", "silos"],
                                  ["trace", "arbetsmiljö"], ["query", "laws", "--format", "json"]])
def test_the_cli_prints_the_same_from_a_cypher_backend(falkordb_server, seed, monkeypatch, tmp_path, args):
    """`--backend neo4j` end to end, with FalkorDB standing in for the server and its driver."""
    graph = falkordb_server.graph("cli")
    push_to_falkordb(graph, push_graph(seed))

    class NoDriver:
        def close(self):
            pass

    monkeypatch.setattr("kraftgraf.graph.neo4j.push.open_driver", lambda uri, user, password: NoDriver())
    monkeypatch.setattr(cypher_backend, "neo4j_backend", lambda driver, database: falkordb_backend(graph))
    monkeypatch.delenv("KRAFTGRAF_STORE", raising=False)
    monkeypatch.chdir(tmp_path)  # no store file here: the bundled plan, as pushed
    embedded = CliRunner().invoke(main, args + ["--explain"] * (args[-1] != "json"))
    served = CliRunner().invoke(main, args + ["--explain"] * (args[-1] != "json") + ["--backend", "neo4j"])
    assert embedded.exit_code == served.exit_code == 0, served.output
    assert served.output == embedded.output


def test_any_text_travels_as_a_parameter(falkordb_server, seed):
    """Quotes, braces, backticks, newlines: an IRI or name a caller passes never breaks the Cypher."""
    graph = falkordb_server.graph("parameters")
    push_to_falkordb(graph, push_graph(seed))
    backend = falkordb_backend(graph)

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=30) | st.sampled_from(
        ["'", '"', "`", "}", "\\", "$actor", "') DETACH DELETE n //", "Staten'}) RETURN 1 //", "a\x00b"]))
    def check(text):
        if "\x00" in text:  # no IRI or label holds one; FalkorDB's client would cut the query there
            with pytest.raises(ValueError, match="NUL"):
                backend.rows("trace_laws", actor=URIRef(text))
            return
        assert backend.rows("initiatives_lacking_actor", actor=URIRef("https://example.org/" + text)) == []
        assert backend.rows("trace_laws", actor=URIRef(text)) == []
        assert backend.quotes([text]) == {text: []}

    check()
    assert backend.label("https://w3id.org/kraftgraf/id/actor/staten") == "Staten"  # the graph is intact
