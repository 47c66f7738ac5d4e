"""Push the store into Neo4j 5 with the official driver: idempotent, batched, prunable.

- Uniqueness constraint first: every node is a ``:Resource`` with a unique ``iri``.
- Nodes, then relationships, in ``UNWIND $rows … MERGE … SET`` batches, one
  transaction per batch (``execute_write``), always on the named database.
- Labels and relationship types come from the ontology's fixed lists
  (:mod:`kraftgraf.graph.store.projection`); every value from the data is a parameter.
- Each push stamps what it writes with ``run``; ``prune`` then deletes what the
  current build no longer has.  A push that fails half-way leaves whole batches
  behind (each batch is one transaction) and the next push, MERGE being
  idempotent, completes it.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from kraftgraf.errors import KraftgrafError
from kraftgraf.graph.store.projection import EDGE_KINDS, NODE_KINDS
from kraftgraf.graph.store.property_graph import PropertyGraph, relationship_type
from kraftgraf.ontology.vocab import local_name

__all__ = ["Statement", "plan_push", "push", "connect", "LABELS", "REL_TYPES"]

LABELS = frozenset(local_name(c) for c in NODE_KINDS)
REL_TYPES = frozenset(relationship_type(local_name(r)) for r in EDGE_KINDS)

CONSTRAINT = ("CREATE CONSTRAINT kraftgraf_resource_iri IF NOT EXISTS "
              "FOR (n:Resource) REQUIRE n.iri IS UNIQUE")
# A node whose kind changed since the last push loses its old kind's label (REMOVE {others}).
NODE_MERGE = ("UNWIND $rows AS row MERGE (n:Resource {{iri: row.iri}}) "
              "REMOVE n{others} SET n:{label}, n += row.props, n.run = $run")
EDGE_MERGE = ("UNWIND $rows AS row MATCH (a:Resource {{iri: row.start}}) "
              "MATCH (b:Resource {{iri: row.end}}) MERGE (a)-[r:{type}]->(b) "
              "SET r += row.props, r.run = $run")
PRUNE_EDGES = "MATCH (:Resource)-[r]->(:Resource) WHERE r.run <> $run DELETE r"
PRUNE_NODES = "MATCH (n:Resource) WHERE n.run <> $run DETACH DELETE n"


@dataclass(frozen=True)
class Statement:
    """One Cypher text and the batches of rows it runs with."""

    cypher: str
    batches: list[list[dict]]


class Neo4jError(KraftgrafError):
    """The server cannot be reached, refuses the login, or rejects a statement."""


def _checked(name: str, allowed: frozenset[str]) -> str:
    """Labels and types are pasted into Cypher, so only the ontology's own may pass."""
    if name not in allowed:
        raise ValueError(f"{name!r} is not a label or relationship type of the ontology")
    return name


def _batches(rows: list[dict], size: int) -> list[list[dict]]:
    return [rows[i:i + size] for i in range(0, len(rows), size)]


def plan_push(pg: PropertyGraph, batch_size: int = 5000, prune: bool = False) -> list[Statement]:
    """The statements a push runs, in order, with their parameter batches."""
    if batch_size < 1:
        raise KraftgrafError("--batch-size must be at least 1")
    by_label: dict[str, list[dict]] = {}
    for node in pg.nodes.values():
        props = {**pg.node_props.get(node.id, {}), "kind": node.kind, "label_sv": node.label_sv,
                 "label_en": node.label_en, "code": node.code, "layers": node.layers,
                 "sectors": node.sectors, "quote": node.quote}
        by_label.setdefault(node.kind, []).append({"iri": node.id, "props": props})
    by_type: dict[str, list[dict]] = {}
    for edge in pg.edges:
        props = pg.edge_props.get((edge.start, edge.type, edge.end), {})
        by_type.setdefault(edge.type, []).append({"start": edge.start, "end": edge.end, "props": props})
    out = [Statement(CONSTRAINT, [[]])]
    out += [Statement(NODE_MERGE.format(label=_checked(label, LABELS),
                                        others="".join(f":{o}" for o in sorted(LABELS - {label}))),
                      _batches(rows, batch_size))
            for label, rows in sorted(by_label.items())]
    out += [Statement(EDGE_MERGE.format(type=_checked(t, REL_TYPES)), _batches(rows, batch_size))
            for t, rows in sorted(by_type.items())]
    if prune:
        out += [Statement(PRUNE_EDGES, [[]]), Statement(PRUNE_NODES, [[]])]
    return out


_SCHEMES = frozenset(f"{kind}{tls}" for kind in ("neo4j", "bolt") for tls in ("", "+s", "+ssc"))


def open_driver(uri: str | None, user: str, password: str):
    """A verified driver for the server at ``uri``, or one clear error line (also when none is given)."""
    if not uri:
        raise Neo4jError("no Neo4j server given: set KRAFTGRAF_NEO4J_URI or pass --uri")
    return connect(uri, user, password)


def connect(uri: str, user: str, password: str):
    """A verified driver, or one clear error line."""
    import neo4j
    from neo4j import exceptions

    # the driver logs connection failures itself; the error below says it once
    logging.getLogger("neo4j").addHandler(logging.NullHandler())
    try:
        parts = urlsplit(uri)
        parts.port  # noqa: B018 - read for its check: a port past 65535 is a ValueError
    except ValueError as exc:  # an IPv6 host that is not one ('[::1', '[gg::1]')
        raise Neo4jError(f"'{uri}' is not a Neo4j URI ({exc})") from None
    if parts.scheme not in _SCHEMES:  # the driver takes http:// for a preview API it lacks
        raise Neo4jError(f"'{uri}' is not a Neo4j URI (use neo4j://host:7687 or bolt://…)")
    try:
        driver = neo4j.GraphDatabase.driver(uri, auth=(user, password))
        driver.verify_connectivity()
    except exceptions.ConfigurationError:
        raise Neo4jError(f"'{uri}' is not a Neo4j URI (use neo4j://host:7687 or bolt://…)") from None
    except exceptions.AuthError:
        raise Neo4jError(f"Neo4j at {uri} refused the login for user '{user}'") from None
    except (exceptions.ServiceUnavailable, ValueError, OSError) as exc:
        raise Neo4jError(f"cannot reach Neo4j at {uri} ({str(exc).splitlines()[0]})") from None
    return driver


def _write(tx, cypher: str, rows: list[dict], run: str) -> None:
    tx.run(cypher, rows=rows, run=run).consume()


def _run_batches(driver, database: str, statements: list[Statement], run: str) -> Iterator[int]:
    from neo4j import exceptions

    with driver.session(database=database) as session:
        for st in statements:
            for batch in st.batches:
                try:
                    session.execute_write(_write, st.cypher, batch, run)
                except exceptions.Neo4jError as exc:
                    raise Neo4jError(f"Neo4j rejected a statement: {exc.message}") from None
                yield len(batch)


def push(driver, pg: PropertyGraph, database: str = "neo4j", batch_size: int = 5000,
         prune: bool = False, run: str | None = None) -> int:
    """Push ``pg`` into ``database``; returns the number of rows written."""
    run = run or uuid.uuid4().hex
    return sum(_run_batches(driver, database, plan_push(pg, batch_size, prune), run))
