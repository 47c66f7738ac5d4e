"""Where a gap query's rows come from: the embedded store (SPARQL) or a Cypher server.

The query modules build their rows, reasons and sources from six questions and
ask nothing else of the graph, so the same code answers from either backend:

- ``rows(name, **params)``: the named query, ``queries/<name>.rq`` on the
  embedded store or ``queries/<name>.cypher`` on a Cypher server, as dicts with the
  same keys.  Values are plain (text, numbers); a list of IRIs may come as a
  GROUP_CONCAT cell or a list (:func:`kraftgraf.queries.common.iris` reads both);
- ``tuples(name)``: the same rows as tuples of their columns in the query's order,
  for a listing of text columns read once into what the questions share (the
  commitments: 52,000 rows of a national plan, where dicts cost more than the reading);
- ``label(iri)``, ``quotes(iris)`` (of nodes or of the statements behind links);
- ``related(iri, rel, inverse=False)``: the nodes one relation (its local name,
  e.g. ``"hasMember"``) leads to, or comes from;
- ``resolve(name, kind, what)``: a node of a kind by label, alias, code or id.

:class:`Embedded` wraps a :class:`~kraftgraf.graph.store.knowledge_graph.KnowledgeGraph`; the Cypher
backends are in :mod:`kraftgraf.queries.cypher_backend`.  Parameters are values,
never text pasted into a query.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Protocol, TypeVar, runtime_checkable

from rdflib import URIRef

from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.graph.store.projection import EDGE_KINDS
from kraftgraf.ontology.vocab import local_name

__all__ = ["Backend", "Embedded", "backend_of", "shared"]

_RELATIONS = {local_name(r): r for r in EDGE_KINDS}
T = TypeVar("T")


@runtime_checkable
class Backend(Protocol):
    """What a gap query asks of the graph it runs on."""

    name: str

    def rows(self, query: str, **params) -> list[dict]:
        """The rows of the named query, with ``params`` bound (IRIs as ``URIRef``)."""

    def tuples(self, query: str) -> list[tuple]:
        """The rows of the named query as tuples in its column order; text columns only (no numbers)."""

    def label(self, iri: str) -> str:
        """The node's Swedish label (as :meth:`KnowledgeGraph.label` gives it)."""

    def quotes(self, iris) -> dict[str, list[str]]:
        """Each IRI (node or reified statement) -> its source quotes, in source order."""

    def related(self, iri: str, rel: str, inverse: bool = False) -> list[str]:
        """The nodes ``iri`` links to by ``rel`` (or, ``inverse``, that link to it), sorted."""

    def resolve(self, name: str, kind: URIRef, what: str) -> str:
        """The node of ``kind`` (or a subclass) called ``name``; NotFoundError with close names."""


class Embedded:
    """The embedded store: the ``.rq`` texts on Oxigraph, lookups through rdflib."""

    name = "embedded"

    def __init__(self, kg: KnowledgeGraph):
        self.kg = kg
        # every question asked while the store is unchanged looks a node's label up once
        self.label = kg.shared(("labels",), lambda: lru_cache(maxsize=None)(self._label))

    def rows(self, query: str, **params) -> list[dict]:
        """See :class:`~kraftgraf.queries.backend.Backend`."""
        from kraftgraf.queries.common import rq_text, run_rq

        # a shipped text with the same values gives the same rows while the store is unchanged
        return self.kg.shared(("rows", query, *sorted(params.items())),
                              lambda: run_rq(self.kg, rq_text(query), **params),
                              lambda rows: list(map(dict, rows)))

    def tuples(self, query: str) -> list[tuple]:
        """See :class:`~kraftgraf.queries.backend.Backend`; not kept, as its reader shares what it makes."""
        from kraftgraf.queries.common import rq_text, run_rq_rows

        return run_rq_rows(self.kg, rq_text(query))

    def _label(self, iri: str) -> str:
        return self.kg.label(URIRef(iri))

    def quotes(self, iris) -> dict[str, list[str]]:
        """See :class:`~kraftgraf.queries.backend.Backend`."""
        from kraftgraf.queries.common import quotes_of

        return quotes_of(self.kg, iris)

    def related(self, iri: str, rel: str, inverse: bool = False) -> list[str]:
        """See :class:`~kraftgraf.queries.backend.Backend`."""
        ds, node, prop = self.kg.dataset, URIRef(iri), _RELATIONS[rel]
        found = ds.subjects(prop, node) if inverse else ds.objects(node, prop)
        return sorted(set(map(str, found)))

    def resolve(self, name: str, kind: URIRef, what: str) -> str:
        """See :class:`~kraftgraf.queries.backend.Backend`."""
        from kraftgraf.queries.common import resolve

        return str(resolve(self.kg, name, kind, what))


def backend_of(graph) -> Backend:
    """``graph`` itself if it is a backend, else the embedded backend of a KnowledgeGraph."""
    return graph if isinstance(graph, Backend) else Embedded(graph)


def shared(b: Backend, key: tuple, read: Callable[[], T]) -> T:
    """``read()``, read once per store while it is unchanged (:meth:`KnowledgeGraph.unchanged`).

    For what several questions build from the same listings.  Only the embedded store
    shares it; a Cypher server is read each time, since nothing says it did not change.
    The value is handed to every reader as it is: readers must not change it.
    """
    return b.kg.shared(key, read) if isinstance(b, Embedded) else read()
