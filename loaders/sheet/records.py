"""The old plan's source records: left in the store, not read into Python.

A source record (a ``kg:Source`` node: the quote, its document, sheet, row, column
and offsets) is eight triples for each item of a plan, about half of a national
plan's million.  An import compares items, never records, and keeps the records of
every item whose facts did not change, as they are; so the old graph is read
without them (:func:`read_old`), the merge notes which records it keeps
(:meth:`Records.keep`), and a real import takes the others out of the store
(:meth:`Records.dropped`), where they are found by their subject.  The records the
sheet makes for new and changed items are in the new graph as before.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pyoxigraph as ox

from kraftgraf.loaders.sheet.terms import KG, PROV, RDF
from kraftgraf.loaders.sheet.triples import Triples, from_store

__all__ = ["Records", "read_old"]


@dataclass
class Records:
    """The records of the old graph (each with the documents it cites), and those the new one keeps."""

    documents: dict = field(default_factory=dict)  # record -> set of its kg:document
    kept: set = field(default_factory=set)

    def keep(self, new: Triples, old: Triples, node) -> None:
        """Keep ``node``'s old sources for ``new``: a record stays in the store, anything else is copied."""
        for src in old.objects(node, PROV.wasDerivedFrom):
            if src in self.documents:
                self.kept.add(src)
            else:
                new.copy_subject(old, src)

    def cited(self) -> set:
        """The documents the kept records cite."""
        return {doc for src in self.kept for doc in self.documents[src]}

    def dropped(self, store: ox.Store, graph: ox.NamedNode) -> Iterator[ox.Quad]:
        """The quads of the records not kept, in ``graph`` of ``store``."""
        for src in self.documents.keys() - self.kept:
            yield from store.quads_for_pattern(src, None, None, graph)


def read_old(store: ox.Store, graph: ox.NamedNode) -> tuple[Triples, Records]:
    """The graph ``graph`` of ``store`` but for its records, and the records with their documents."""
    documents: dict = {s: set() for s, _, _, _ in store.quads_for_pattern(None, RDF.type, KG.Source, graph)}
    for s, _, doc, _ in store.quads_for_pattern(None, KG.document, None, graph):
        if s in documents:
            documents[s].add(doc)
    return from_store(store, graph, documents.keys()), Records(documents)
