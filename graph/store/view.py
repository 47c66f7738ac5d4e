"""A store seen through some of its graphs: one plan with the shared graphs, without copying a quad.

:func:`restricted` gives a :class:`KnowledgeGraph` over the same Oxigraph store
whose every read sees only the graphs named: SPARQL through Oxigraph's own
dataset restriction (``default_graph=[…]`` for the union, ``named_graphs=[…]``
for ``GRAPH ?g``), rdflib's lookups and quad scans filtered by graph.  A plan of
a national store was a copy of about a million quads (≈4 s); this costs nothing.
The view is read-only.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox
from oxrdflib.store import OxigraphStore
from rdflib import Dataset

from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph

__all__ = ["GraphsView", "restricted"]

_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


class GraphsView:
    """The part of a ``pyoxigraph.Store`` in ``graphs`` (named graphs, and ``DefaultGraph()`` if given)."""

    def __init__(self, store: ox.Store, graphs: Iterable):
        self._store = store
        self._graphs = list(graphs)
        self._names = set(self._graphs)
        self._named = [g for g in self._graphs if not isinstance(g, ox.DefaultGraph)]

    def query(self, query, *, use_default_graph_as_union: bool = False, default_graph=None,
              named_graphs=None, **options):
        """``Store.query`` over the view's graphs only (their union when ``use_default_graph_as_union``)."""
        if use_default_graph_as_union and default_graph is None:
            default_graph = self._graphs
        for g in default_graph if isinstance(default_graph, list) else [default_graph]:
            if g is not None and g not in self._names:
                default_graph = [] if isinstance(default_graph, list) else ox.DefaultGraph()
        named = self._named if named_graphs is None else [g for g in named_graphs if g in self._names]
        return self._store.query(query, default_graph=default_graph, named_graphs=named, **options)

    def quads_for_pattern(self, subject=None, predicate=None, object=None, graph_name=None):  # noqa: A002
        """The view's quads that match (``graph_name`` None: in any of its graphs)."""
        if graph_name is not None:
            found = self._store.quads_for_pattern(subject, predicate, object, graph_name)
            return found if graph_name in self._names else iter(())
        found = self._store.quads_for_pattern(subject, predicate, object, None)
        return (q for q in found if q.graph_name in self._names)

    def __iter__(self):
        return self.quads_for_pattern()

    def __len__(self) -> int:
        total = 0
        for g in self._graphs:
            result = self._store.query(_COUNT, default_graph=g)
            assert isinstance(result, ox.QuerySolutions)  # a SELECT
            total += int(next(iter(result))["n"].value)
        return total

    def named_graphs(self):
        """The view's named graphs."""
        return iter(self._named)

    def contains_named_graph(self, graph) -> bool:
        """Whether ``graph`` is one of the view's named graphs."""
        return graph in self._names and not isinstance(graph, ox.DefaultGraph)

    def dump(self, *args, **kwargs):
        """Write the view's quads (what ``Store.dump`` writes of a store that holds only them)."""
        copy = ox.Store()
        copy.bulk_extend(self)
        return copy.dump(*args, **kwargs)

    def _read_only(self, *args, **kwargs):
        raise TypeError("a view of some of a store's graphs is read-only; change the store itself")

    def add_graph(self, graph) -> None:
        """Nothing: rdflib's ``Dataset.graph`` calls it to read a graph (one outside the view reads empty)."""

    add = remove = extend = bulk_extend = load = bulk_load = update = clear_graph = remove_graph = _read_only
    clear = _read_only


def restricted(kg: KnowledgeGraph, graphs: Iterable) -> KnowledgeGraph:
    """``kg`` seen through ``graphs`` only (see :class:`GraphsView`)."""
    view = OxigraphStore(store=GraphsView(kg.store, graphs))  # type: ignore[arg-type]  # duck-typed Store
    return KnowledgeGraph(Dataset(store=view, default_union=True))
