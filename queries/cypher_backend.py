"""The gap queries on a Cypher server, over the graph that `kraftgraf neo4j push` writes.

:class:`CypherBackend` runs ``queries/<name>.cypher`` through one function
``run(text, params) -> list[dict]``; :func:`neo4j_backend` gives it the official
driver's, :func:`falkordb_backend` FalkorDB's (used by the tests: an embedded
openCypher engine, not Neo4j).  The texts keep to Cypher that both Neo4j 5 and
FalkorDB run: no ``EXISTS {…}`` or ``CALL {…}`` subqueries, patterns as predicates,
and where an ``OPTIONAL MATCH`` could match part of its pattern (FalkorDB then
gives a row of nulls beside the matches) the matches are collected first.
Every value is a parameter; a parameter a text names but the caller leaves out is
``null`` ("not bound").
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files
from pathlib import Path

from rdflib import RDFS, Graph, URIRef

from kraftgraf.errors import lookup
from kraftgraf.graph.neo4j.push import REL_TYPES, Neo4jError
from kraftgraf.graph.store.projection import NODE_KINDS
from kraftgraf.graph.store.property_graph import relationship_type
from kraftgraf.ontology.vocab import local_name
from kraftgraf.queries.common import query_text

__all__ = ["cypher_text", "parameters", "without_comments", "CypherBackend", "neo4j_backend",
           "falkordb_backend"]

_PARAM = re.compile(r"\$(\w+)")
_COMMENT = re.compile(r"(^|\s)//.*$", re.M)  # not the // of an IRI
_QUOTES = "UNWIND $iris AS iri MATCH (n:Resource {iri: iri}) RETURN n.iri AS iri, n.quotes AS quotes"
_LINK_QUOTES = ("MATCH (:Resource)-[r]->(:Resource) WHERE r.statement IS NOT NULL "
                "RETURN r.statement AS iri, r.quotes AS quotes")
_LABELS = "MATCH (n:Resource) RETURN n.iri AS iri, n.label AS label"
_RELATED = "MATCH (a:Resource {{iri: $iri}})-[:{type}]->(b:Resource) RETURN DISTINCT b.iri AS iri"
_RELATED_TO = "MATCH (b:Resource)-[:{type}]->(a:Resource {{iri: $iri}}) RETURN DISTINCT b.iri AS iri"
_NAMED = ("MATCH (n:Resource) WHERE n.kind IN $kinds "
          "RETURN n.iri AS iri, n.names AS names, n.label AS label ORDER BY n.iri")


def cypher_text(name: str) -> str:
    """The Cypher text shipped as ``queries/<name>.cypher``."""
    return query_text(name, ".cypher")


def without_comments(text: str) -> str:
    """The Cypher text without its ``//`` comments."""
    return _COMMENT.sub("", text)


def parameters(text: str) -> list[str]:
    """The names of the parameters a Cypher text takes (``$actor`` -> 'actor'), comments left out."""
    return sorted(set(_PARAM.findall(without_comments(text))))


@cache
def _kinds(kind: str) -> tuple[str, ...]:
    """The node labels of ``kind`` and its subclasses, from the ontology."""
    g = Graph().parse(Path(str(files("kraftgraf.ontology") / "kraftgraf.ttl")), format="turtle")
    below = {str(c) for c in g.transitive_subjects(RDFS.subClassOf, URIRef(kind))}
    return tuple(local_name(c) for c in NODE_KINDS if str(c) in below)


class CypherBackend:
    """The gap queries' questions answered by Cypher through ``run(text, params)``.

    Labels, and the quotes of the statements behind links, are read in one pass
    each the first time they are asked for and kept: a backend lives for one
    answer (one command), and a round trip per row cost seconds on a national plan.
    """

    def __init__(self, run, name: str):
        self._run, self.name = run, name
        self._labels: dict[str, str] | None = None  # read once, at the first question: one pass
        self._link_quotes: dict[str, list[str]] | None = None  # beats a pass per row

    def run(self, text: str, **params) -> list[dict]:
        """Rows of a Cypher text; parameters it names and ``params`` lacks are null."""
        values = {k: (str(v) if isinstance(v, URIRef) else v) for k, v in params.items()}
        return self._run(text, {**dict.fromkeys(parameters(text)), **values})

    def rows(self, query: str, **params) -> list[dict]:
        """See :class:`~kraftgraf.queries.backend.Backend`."""
        return self.run(cypher_text(query), **params)

    def tuples(self, query: str) -> list[tuple]:
        """See :class:`~kraftgraf.queries.backend.Backend`: a row's values in the order RETURN names them."""
        return [tuple(r.values()) for r in self.rows(query)]

    def label(self, iri: str) -> str:
        """See :class:`~kraftgraf.queries.backend.Backend`."""
        if self._labels is None:
            self._labels = {r["iri"]: r["label"] for r in self.run(_LABELS)}
        return self._labels.get(str(iri)) or local_name(iri)

    def quotes(self, iris) -> dict[str, list[str]]:
        """See :class:`~kraftgraf.queries.backend.Backend`."""
        iris = list(dict.fromkeys(map(str, iris)))
        found: dict[str, list[str]] = {i: [] for i in iris}
        for r in self.run(_QUOTES, iris=iris):
            found[r["iri"]] = list(r["quotes"] or [])
        if any(not found[i] for i in iris):  # not a node: the statement behind a link
            if self._link_quotes is None:
                self._link_quotes = {r["iri"]: list(r["quotes"] or []) for r in self.run(_LINK_QUOTES)}
            found.update({i: self._link_quotes[i] for i in iris if not found[i] and i in self._link_quotes})
        return found

    def related(self, iri: str, rel: str, inverse: bool = False) -> list[str]:
        """See :class:`~kraftgraf.queries.backend.Backend`."""
        kind = relationship_type(rel)
        if kind not in REL_TYPES:
            raise ValueError(f"{rel!r} is not a relation of the ontology")
        text = (_RELATED_TO if inverse else _RELATED).format(type=kind)
        return sorted(r["iri"] for r in self.run(text, iri=str(iri)))

    def resolve(self, name: str, kind: URIRef, what: str) -> str:
        """See :class:`~kraftgraf.queries.backend.Backend`."""
        candidates: dict[str, str] = {}
        labels: dict[str, str] = {}
        for r in self.run(_NAMED, kinds=list(_kinds(str(kind)))):
            labels[r["iri"]] = r["label"]
            for n in r["names"] or []:
                candidates.setdefault(n, r["iri"])
        return lookup(candidates, name, what, lambda iri: labels[iri])


def neo4j_backend(driver, database: str = "neo4j") -> CypherBackend:
    """The gap queries on a Neo4j 5 server, read-only, on the named database."""
    from neo4j import RoutingControl, exceptions

    def run(text: str, params: dict) -> list[dict]:
        try:
            records, _, _ = driver.execute_query(text, params, database_=database,
                                                 routing_=RoutingControl.READ)
        except exceptions.Neo4jError as exc:
            raise Neo4jError(f"Neo4j rejected a query: {exc.message}") from None
        except exceptions.DriverError as exc:  # e.g. the server went away after the login
            raise Neo4jError(f"Neo4j could not answer: {str(exc).splitlines()[0]}") from None
        return [r.data() for r in records]

    return CypherBackend(run, f"neo4j ({database})")


def falkordb_backend(graph) -> CypherBackend:
    """The gap queries on a FalkorDB graph (``falkordb.Graph``): FalkorDB, not Neo4j."""

    def run(text: str, params: dict) -> list[dict]:
        # its client writes parameters as text before the query (CYPHER name=value …): a NUL ends it
        if any("\x00" in v for p in params.values() for v in (p if isinstance(p, list) else [p])
               if isinstance(v, str)):
            raise ValueError("FalkorDB's client cannot pass a NUL character in a parameter")
        result = graph.ro_query(text, params)
        names = [column[1] for column in result.header]
        return [dict(zip(names, row)) for row in result.result_set]

    return CypherBackend(run, "falkordb")
