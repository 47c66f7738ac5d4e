"""Merge an imported plan graph with the one it replaces: keep what the table did not change.

- A node whose facts are what the old graph says (:func:`~kraftgraf.loaders.sheet.changes.facts`)
  keeps its old sources, so the memo's quotes survive a round trip.
- What the table does not describe (actors the plan itself defines, their mandates) is
  carried over unchanged, even when the table adds to it (a sector in Aktörer): a node
  counts as the table's only when the table gives its type.  The table owns the plan's
  items (``kg:inPlan``), the plan node and its determinant and law links; everything else
  in the old graph is not its to drop.
- A goal or focus area keeps the order it had: the table orders initiatives by row, and
  names a goal or focus area only where its rows begin, which says nothing of its own rank.
- Documents no source cites any more are dropped; those a kept source cites come along.

The old graph comes without its source records (:mod:`~kraftgraf.loaders.sheet.records`):
a record kept stays in the store as it is, and ``records`` says which.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet

import pyoxigraph as ox

from kraftgraf.loaders.sheet.changes import PROVENANCE, same_facts
from kraftgraf.loaders.sheet.records import Records
from kraftgraf.loaders.sheet.terms import KG, PROV, RDF
from kraftgraf.loaders.sheet.triples import Triples

__all__ = ["merge", "keep_sources", "carry_over"]

_TABLE_LINKS = {KG.addresses, KG.requiresChangeTo, KG.measuredBy}


def keep_sources(new: Triples, old: Triples, alike: AbstractSet = frozenset(),
                 records: Records | None = None) -> int:
    """Give each node of ``new`` whose facts ``old`` has unchanged its old sources; returns how many.

    ``alike``: nodes already found so, and not cited in ``new``
    (:func:`~kraftgraf.loaders.sheet.graph.sheet_graph`); ``records``: the old graph's records.
    """
    records = records or Records()
    kept = 0
    for node in set(new.subjects(PROV.wasDerivedFrom, None)) | alike:
        if node not in alike and ((node, PROV.wasDerivedFrom, None) not in old
                                  or not same_facts(old, new, node)):
            continue
        kept += 1
        for src in list(new.objects(node, PROV.wasDerivedFrom)):
            new.remove((src, None, None))
        new.take(old, node, PROVENANCE)
        records.keep(new, old, node)
    return kept


def carry_over(new: Triples, old: Triples, plan: ox.NamedNode, records: Records | None = None) -> int:
    """Copy into ``new`` the nodes of ``old`` the table does not own, with their sources; returns how many."""
    records = records or Records()
    carried = 0
    for node in set(old.subjects()):
        if node == plan or (node, RDF.type, None) in new or (node, KG.inPlan, plan) in old:
            continue
        types = set(old.objects(node, RDF.type))
        if types & {KG.Source, KG.Document} or (RDF.Statement in types
                                                 and old.value(node, RDF.predicate) in _TABLE_LINKS):
            continue
        carried += 1
        new.copy_subject(old, node)
        records.keep(new, old, node)
    return carried


def merge(new: Triples, old: Triples, plan: ox.NamedNode, alike: AbstractSet = frozenset(),
          records: Records | None = None) -> None:
    """Keep unchanged sources, carry over what the table does not own, tidy the documents.

    ``alike``: the nodes of ``new`` found to have ``old``'s facts and so not cited;
    ``records``: the old graph's records, left out of ``old`` (it notes those kept).
    """
    records = records or Records()
    keep_sources(new, old, alike, records)
    carry_over(new, old, plan, records)
    for cls in (KG.Goal, KG.FocusArea):
        for node in set(new.subjects(RDF.type, cls)):
            order = old.value(node, KG.order)
            if order is not None:
                new.set((node, KG.order, order))
    used = set(new.objects(None, KG.document)) | records.cited()
    for doc in set(new.subjects(RDF.type, KG.Document)) - used:
        new.remove((doc, None, None))
    for doc in used - set(new.subjects(RDF.type, KG.Document)):
        new.copy_subject(old, doc)
