"""One class of expectations for the gap queries, run against every backend that can answer them.

As ontology-access-kit does for its implementations: :class:`Compliance` says what
the answers on the seed plan are, and each backend runs the whole class.

- ``embedded``: the store and its SPARQL texts; always.
- ``falkordb``: the ``.cypher`` texts on FalkorDB (an embedded openCypher engine,
  not Neo4j) after the Neo4j push's own statements; skipped when its
  redis-server cannot start here.
- ``neo4j``: the same texts on the Neo4j 5 server that ``KRAFTGRAF_NEO4J_URI``
  names, after a push of the seed plan into ``$KRAFTGRAF_NEO4J_DATABASE`` (default
  ``neo4j``; the push prunes, so that database ends up holding the seed plan
  only, as after tests/test_neo4j.py); skipped when it is unset.

Beside the stated answers, every section of every query must equal the embedded
backend's, row for row, with the same ``why`` and ``sources``, on the seed plan and
(not on Neo4j) on a small synthetic plan; and every Cypher text gives the rows of
its SPARQL twin.
"""

from __future__ import annotations

import os

import pytest
from cypher_engines import compliance_cases, neo4j_settings, push_to_falkordb, twin_cases

from kraftgraf.errors import NotFoundError
from kraftgraf.graph.neo4j.props import push_graph
from kraftgraf.graph.store.build import build
from kraftgraf.queries.backend import Embedded
from kraftgraf.queries.common import iris
from kraftgraf.queries.coverage import answer as coverage
from kraftgraf.queries.cypher_backend import falkordb_backend, neo4j_backend
from kraftgraf.queries.laws import answer as laws
from kraftgraf.queries.overlaps.answer import SAME_ACTOR, text_overlaps
from kraftgraf.queries.registry import question
from kraftgraf.queries.silos import answer as silos
from kraftgraf.queries.trace import answer as trace
from kraftgraf.queries.unowned import answer as unowned

BACKENDS = ["embedded", pytest.param("falkordb", marks=pytest.mark.falkordb),
            pytest.param("neo4j", marks=pytest.mark.neo4j)]
# (question, options) pairs whose sections must match the embedded backend's: the registry's examples
QUESTIONS = compliance_cases()
QUESTION_IDS = [m + "".join(f"-{v}" for v in o.values()) for m, o in QUESTIONS]
# every text with a twin, run once per value of each parameter it takes (tests/cypher_engines.py: TWIN_VALUES)
TWINS = twin_cases()


@pytest.fixture(scope="module")
def seed():
    return build()


def _cypher(request, name: str, kg):
    """A Cypher backend over ``kg`` pushed into FalkorDB or Neo4j, or a skip that says why not."""
    if name == "falkordb":
        graph = request.getfixturevalue("falkordb_server").graph(f"kraftgraf-{id(kg)}")
        push_to_falkordb(graph, push_graph(kg), batch_size=100)
        return falkordb_backend(graph)
    settings = neo4j_settings()
    if settings is None:
        pytest.skip("no Neo4j server: set KRAFTGRAF_NEO4J_URI (and _USER, _PASSWORD) to run these")
    from kraftgraf.graph.neo4j.push import connect, push

    driver = connect(*settings)
    request.addfinalizer(driver.close)
    database = os.environ.get("KRAFTGRAF_NEO4J_DATABASE", "neo4j")
    push(driver, push_graph(kg), database, prune=True)  # the database holds this plan and nothing else
    return neo4j_backend(driver, database)


@pytest.fixture(scope="module", params=BACKENDS)
def backend(request, seed):
    return Embedded(seed) if request.param == "embedded" else _cypher(request, request.param, seed)


@pytest.fixture(scope="module")
def synthetic_backend(request, backend, synthetic):
    if backend.name == "embedded":
        return Embedded(synthetic)
    if backend.name.startswith("neo4j"):
        pytest.skip("on Neo4j only the seed plan: the tests use one database, and it holds one plan")
    return _cypher(request, "falkordb", synthetic)


def canonical(row: dict) -> tuple:
    """A row as comparable values: a list of IRIs (a Cypher list, a GROUP_CONCAT cell) as a sorted tuple."""
    listed = {"hits", "commitments", "slots", "groups", "sectors"}
    return tuple(sorted((k, tuple(iris(v)) if k in listed else v) for k, v in row.items()))


class TestCompliance:
    """What every backend answers on the seed plan (the reasoning is in tests/test_query_*.py)."""

    def test_unowned(self, backend):
        assert [r.code for r in unowned.unowned_initiatives(backend)] == ["C4", "C5", "C6", "H3", "I4", "I5"]
        assert unowned.number_of_unowned_initiatives(backend) == 6
        assert unowned.is_unowned(backend, "c4") and not unowned.is_unowned(backend, "A1")

    def test_lacking_an_actor(self, backend):
        rows = unowned.initiatives_lacking(backend, "civilsamhället")
        assert [r.code for r in rows if r.status == "no commitment"] == ["D1"]

    def test_coverage(self, backend):
        last = coverage.coverage_matrix(backend)[-1]
        assert (last.label, last.lifestyle, last.total) == ("Staten", 2, 14)
        assert [r.label for r in coverage.uncovered_layers(backend)] == ["Ålder, kön och arv"]

    def test_laws(self, backend):
        row = laws.law_changes(backend)[0]
        assert (row.code, row.sfs, row.status, row.pushed_by) == (
            "A2-staten-1", "2001:453", "replaced by SFS 2025:400 from 2025-07-01", "Staten")

    def test_trace_both_directions(self, backend):
        assert {p.route for p in trace.trace(backend, "Staten")} == {"commitment", "law", "mandate"}
        back = trace.trace(backend, "Arbetsmiljö")
        assert back and {p.target for p in back} == {"Arbetsmiljö"}

    def test_silos(self, backend):
        assert round(silos.ei_index(backend, by="column"), 3) == 0.333
        assert round(silos.sector_modularity(backend, by="column"), 3) == -0.125
        assert [r.sector for r in silos.isolated_sectors(backend, by="column")] == ["Kultur och fritid"]
        # on likely owners by mandate, since issue 17's mandates (SKL none, Folkhälsomyndigheten Folkhälsa)
        assert round(silos.ei_index(backend), 3) == 0.179

    def test_overlaps(self, backend):
        first = text_overlaps(backend, kind=SAME_ACTOR)[0]
        assert (first.first, first.second, first.score) == (
            "A1-kommuner-och-regioner-1", "D1-kommuner-och-regioner-1", 100.0)

    def test_unknown_names_say_what_is_close(self, backend):
        with pytest.raises(NotFoundError, match="no actor called 'Statn'.*'Staten'"):
            unowned.initiatives_lacking(backend, "Statn")
        evil = "Sta'ten\"}) `x` DETACH DELETE n //"
        with pytest.raises(NotFoundError, match="no actor called"):
            unowned.initiatives_lacking(backend, evil)
        with pytest.raises(NotFoundError, match="no actor called 'zz'.*no determinant called 'zz'"):
            trace.trace(backend, "zz")

    @pytest.mark.parametrize(("name", "params"), TWINS,
                             ids=[n + "".join(f"-{v.rsplit('/', 1)[-1]}" for v in p.values())
                                  for n, p in TWINS])
    def test_each_text_gives_the_rows_of_its_twin(self, backend, seed, name, params):
        from collections import Counter

        rows = backend.rows(name, **params)
        assert Counter(map(canonical, rows)) == Counter(map(canonical, Embedded(seed).rows(name, **params)))

    @pytest.mark.parametrize("name", sorted({n for n, _ in TWINS}))
    def test_each_twin_answers_something_on_the_seed_plan(self, backend, name):
        # a twin whose every case answers nothing checks nothing
        assert any(backend.rows(text, **params) for text, params in TWINS if text == name)

    @pytest.mark.parametrize(("module", "options"), QUESTIONS, ids=QUESTION_IDS)
    def test_every_section_as_embedded(self, backend, seed, module, options):
        sections = question(module).ask
        assert sections(backend, **options) == sections(seed, **options)

    @pytest.mark.parametrize(("module", "options"), [q for q in QUESTIONS if q[0] != "trace"],
                             ids=[i for i in QUESTION_IDS if not i.startswith("trace")])
    def test_a_synthetic_plan_as_embedded(self, synthetic_backend, synthetic, module, options):
        if options.get("actor") in ("SKL", "Civilsamhället"):
            pytest.skip("the synthetic plan has no such actor")
        sections = question(module).ask
        assert sections(synthetic_backend, **options) == sections(synthetic, **options)
