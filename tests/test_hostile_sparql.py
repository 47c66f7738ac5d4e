"""`kraftgraf sparql` on hostile queries: no network, no writes, no foreign graphs, no hangs.

A listener on 127.0.0.1 stands in for a remote SPARQL endpoint: every query
that tries to hide a SERVICE aims at it, and the test fails if it is ever
reached (a refusal on the text alone would not prove that).
"""

from __future__ import annotations

import socket
import threading
import time
from importlib.resources import files

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kraftgraf.errors import DataError
from kraftgraf.graph.store.build import build
from kraftgraf.queries.common import run_rq
from kraftgraf.queries.sparql_guard import read_only, run_select

KG_NS = "PREFIX kg: <https://w3id.org/kraftgraf/ontology#> "
COUNT = KG_NS + "SELECT (COUNT(?i) AS ?n) WHERE { ?i a kg:Initiative }"
CURATED = "https://w3id.org/kraftgraf/id/graph/curated"


@pytest.fixture(scope="module")
def kg():
    return build()


@pytest.fixture(scope="module")
def endpoint():
    """A TCP listener that counts who connects: the stand-in for any remote endpoint."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    hits = []

    def serve():
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return
            hits.append(conn.recv(64))
            conn.close()

    threading.Thread(target=serve, daemon=True).start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}/sparql", hits
    server.close()


def _hidden_services(url):
    """SERVICE clauses hidden from a search of the text, each a complete SELECT."""
    svc = f"SERVICE SILENT <{url}> {{ ?s ?p ?o }}"
    return {
        "after an escaped quote": f'SELECT * WHERE {{ BIND("\\"" AS ?x) {svc} BIND("a" AS ?y) }}',
        "between < and >": f"SELECT * WHERE {{ ?a ?b ?c FILTER(?c < 3) {svc} FILTER(?c > 2) }}",
        "after a quote in a comment": f'SELECT * WHERE {{ # "\n {svc} # "\n }}',
        "in lower case, no spaces": f"SELECT * WHERE{{service<{url}>{{?s ?p ?o}}}}",
        "as a code-point escape": f"SELECT * WHERE {{ \\u0053ERVICE SILENT <{url}> {{ ?s ?p ?o }} }}",
        "escaped quotes that end strings":
            f'SELECT * WHERE {{ BIND("\\u0022 AS ?x) {svc} BIND(\\u0022" AS ?y) }}',
        "in FILTER EXISTS": f"SELECT * WHERE {{ ?a ?b ?c FILTER EXISTS {{ {svc} }} }}",
        "in FILTER NOT EXISTS": f"SELECT * WHERE {{ ?a ?b ?c FILTER NOT EXISTS {{ {svc} }} }} LIMIT 1",
        "in a subquery": f"SELECT * WHERE {{ {{ SELECT * WHERE {{ {svc} }} }} }}",
        "in OPTIONAL, MINUS and UNION": f"SELECT * WHERE {{ {{ ?a ?b ?c }} UNION {{ OPTIONAL {{ {svc} }} "
                                        f"MINUS {{ {svc} }} }} }}",
        "in GRAPH": f"SELECT * WHERE {{ GRAPH ?g {{ {svc} }} }}",
        "in BIND's EXISTS": f"SELECT * WHERE {{ BIND(EXISTS {{ {svc} }} AS ?x) }}",
        "as a variable": f"SELECT * WHERE {{ VALUES ?e {{ <{url}> }} SERVICE SILENT ?e {{ ?s ?p ?o }} }}",
        "behind a prefix": f"PREFIX r: <{url.rsplit('/', 1)[0]}/> SELECT * WHERE {{ SERVICE SILENT r:sparql "
                           f"{{ ?s ?p ?o }} }}",
        "behind a base": f"BASE <{url}> SELECT * WHERE {{ SERVICE SILENT <> {{ ?s ?p ?o }} }}",
    }


@pytest.mark.parametrize("case", list(_hidden_services("http://h/")))
def test_a_hidden_service_is_refused_and_reaches_nobody(kg, endpoint, case):
    url, hits = endpoint
    before = len(hits)
    with pytest.raises(DataError, match="SERVICE is not allowed"):
        run_rq(kg, _hidden_services(url)[case])
    assert len(hits) == before


def test_the_listener_would_see_a_service_if_one_got_through(kg, endpoint):
    # The oracle works: Oxigraph itself, asked directly, does connect out.
    url, hits = endpoint
    before = len(hits)
    list(kg.store.query(f"SELECT * WHERE {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }}"))
    deadline = time.monotonic() + 5
    while len(hits) == before and time.monotonic() < deadline:
        time.sleep(0.01)
    assert len(hits) == before + 1


@pytest.mark.parametrize("text", [
    "SELECT ?service WHERE { ?service ?p ?o } LIMIT 1",
    "SELECT ?x WHERE { BIND('SERVICE <http://h/> { ?s ?p ?o }' AS ?x) }",
    'SELECT ?x WHERE { BIND("""LOAD <http://h/>; SERVICE""" AS ?x) } # SERVICE <http://h/> {}',
    "SELECT ?x WHERE { BIND(<http://example.org/SERVICE/FROM> AS ?x) }",
    "PREFIX service: <http://example.org/> SELECT ?x WHERE { BIND(service:load AS ?x) }",
])
def test_the_words_themselves_are_allowed(kg, text):
    assert len(run_rq(kg, text)) == 1


@pytest.mark.parametrize("text", [
    "SELECT * FROM<file:///etc/passwd> WHERE { ?s ?p ?o }",
    "SELECT * FROM NAMED<http://127.0.0.1:9/g> WHERE { GRAPH ?g { ?s ?p ?o } }",
    "PREFIX f: <file:///etc/> SELECT * FROM f:passwd WHERE { ?s ?p ?o }",
    "BASE <file:///etc/> SELECT * FROM <passwd> WHERE { ?s ?p ?o }",
    "SELECT * FROM <https://w3id.org/kraftgraf/id/graph/nope> WHERE { ?s ?p ?o }",
    f"SELECT * FROM <{CURATED}> FROM <http://example.org/g> WHERE {{ ?s ?p ?o }}",
])
def test_from_names_only_the_stores_own_graphs(kg, text):
    with pytest.raises(DataError, match="FROM may only name graphs of this store"):
        run_rq(kg, text)


def test_from_one_of_its_graphs_reads_that_graph(kg):
    everything = run_rq(kg, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0]["n"]
    curated = run_rq(kg, f"SELECT (COUNT(*) AS ?n) FROM <{CURATED}> WHERE {{ ?s ?p ?o }}")[0]["n"]
    named = run_rq(kg, f"SELECT (COUNT(*) AS ?n) FROM NAMED <{CURATED}> "
                       "WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert 0 < curated < everything and named[0]["n"] == curated


@pytest.mark.parametrize("text, word", [
    ("LOAD <http://127.0.0.1:9/x.ttl>", "LOAD"),
    ("LOAD SILENT <file:///etc/passwd> INTO GRAPH <urn:g>", "LOAD"),
    ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "INSERT DATA"),
    ("DELETE WHERE { ?s ?p ?o }", "DELETE WHERE"),
    ("DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }", "INSERT/DELETE"),
    ("CLEAR ALL", "CLEAR"), ("DROP DEFAULT", "DROP"), ("CREATE GRAPH <urn:g>", "CREATE"),
    ("ADD DEFAULT TO <urn:g>", "ADD"), ("MOVE DEFAULT TO <urn:g>", "MOVE"),
    ("COPY DEFAULT TO <urn:g>", "COPY"),
    ("CLEAR ALL ; LOAD <http://h/>", "CLEAR, LOAD"),
])
def test_updates_are_refused_by_name_and_change_nothing(kg, text, word):
    size = len(kg)
    with pytest.raises(DataError, match=f"refused: {word} is not allowed"):
        run_rq(kg, text)
    assert len(kg) == size


@pytest.mark.parametrize("text, words", [
    ("SELEC ?x WHERE {", "syntax error at line 1, column 1"),
    ("SELECT ?x\nWHERE { ?x ?y }", "syntax error at line 2"),
    ("SELECT * WHERE { ?s nope:p ?o }", "Unknown namespace prefix"),
    ("ASK { ?s ?p ?o }", "only SELECT queries"),
    ("CONSTRUCT WHERE { ?s ?p ?o }", "only SELECT queries"),
    ('SELECT ("\\U00110000" AS ?x) WHERE {}', "not a Unicode code point"),
    ('SELECT ("\\u005Cu0053" AS ?x) WHERE {}', "spells another escape"),
    ("SELECT * WHERE { FILTER(" + "(" * 3000 + "1" + ")" * 3000 + ") }", "nests too deeply"),
    ("SELECT * WHERE { " + "{" * 3000 + "}" * 3000 + " }", "nests too deeply"),
])
def test_what_cannot_be_read_is_one_line(kg, text, words):
    with pytest.raises(DataError, match=words) as caught:
        run_rq(kg, text)
    assert "\n" not in str(caught.value)


def _rq_files(folder):
    for item in folder.iterdir():  # the .rq texts, in the package's folder or in one per question
        if item.is_dir():
            yield from _rq_files(item)
        elif item.name.endswith(".rq"):
            yield item


def test_every_shipped_query_passes_the_check():
    shipped = list(_rq_files(files("kraftgraf.queries")))
    assert len(shipped) > 20
    for path in shipped:
        read_only(path.read_text(encoding="utf-8"))


# --- the property: whatever the text, no connection ------------------------------------------

_PIECES = ['"', "'", '"""', "'''", "\\", '\\"', "\\'", "#", "\n", "\r", "<", ">", "{", "}", "(", ")",
           "\\u0022", "\\u0027", "\\u0023", "\\u003C", "\\u003E", "\\u007B", "ex:a\\'b", "ex:a\\#b",
           " ", ".", ";", "?x", "BIND(", " AS ?v)", "FILTER(", "<http://h/a#b>", "SERVICE", "service"]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(before=st.lists(st.sampled_from(_PIECES), max_size=8),
       after=st.lists(st.sampled_from(_PIECES), max_size=8), silent=st.booleans())
def test_no_text_around_a_service_reaches_the_network(kg, endpoint, before, after, silent):
    url, hits = endpoint
    count = len(hits)
    text = (f"PREFIX ex: <http://example.org/> SELECT * WHERE {{ ?x ?p ?o . {''.join(before)} SERVICE "
            f"{'SILENT ' if silent else ''}<{url}> {{ ?s ?p ?o }} {''.join(after)} }} LIMIT 1")
    try:
        run_rq(kg, text)
    except DataError:
        pass
    assert len(hits) == count, text


# --- the CLI: the time limit, the query's bytes ------------------------------------------------

def test_a_query_that_runs_too_long_is_stopped(run):
    start = time.monotonic()
    result = run("sparql", "--timeout", "0.5",
                 "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
    assert time.monotonic() - start < 10
    assert result.exit_code == 2 and "stopped after 0.5 s" in result.output
    assert len(result.output.strip().splitlines()) == 1
    import multiprocessing

    assert multiprocessing.active_children() == []  # the worker is gone, not left running


def test_a_normal_query_answers_within_the_limit(kg):
    assert run_select(kg, COUNT, timeout=30) == [{"n": 33}]
    with pytest.raises(DataError, match="SERVICE"):
        run_select(kg, "SELECT * WHERE { SERVICE <http://h/> { ?s ?p ?o } }")


def test_the_timeout_must_be_positive(run):
    assert run("sparql", "--timeout", "0", COUNT).exit_code == 2


@pytest.mark.parametrize("data", [b'SELECT * WHERE { ?s ?p "\xff" }', b"\xfe\xff\x00S\x00E", b"SELECT \x80"])
def test_a_query_that_is_not_utf8_is_one_line(run, tmp_path, data):
    (tmp_path / "q.rq").write_bytes(data)
    for result in (run("sparql", "q.rq"), _stdin(run, data)):
        assert result.exit_code == 2 and "not UTF-8 text" in result.output
        assert len(result.output.strip().splitlines()) == 1


def _stdin(run, data):
    from click.testing import CliRunner

    from kraftgraf.cli import main

    return CliRunner().invoke(main, ["sparql", "-"], input=data)


def test_a_utf8_file_with_a_bom_and_a_long_inline_query_are_read(run, tmp_path):
    (tmp_path / "q.rq").write_bytes(b"\xef\xbb\xbf" + COUNT.encode())
    assert run("sparql", "q.rq", "--format", "csv").output.splitlines() == ["n", "33"]
    long = COUNT + " # " + "x" * 5000  # longer than a file name may be
    assert run("sparql", long, "--format", "csv").output.splitlines() == ["n", "33"]


def test_a_query_file_that_cannot_be_read_is_one_line(run, tmp_path):
    (tmp_path / "dir.rq").mkdir()
    result = run("sparql", "dir.rq")
    assert result.exit_code == 2 and "dir.rq: cannot read it" in result.output
    assert "no such file" in run("sparql", "nope.rq").output
