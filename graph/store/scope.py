"""Curated facts are Swedish: a plan in another language sees only those it uses.

The curated data (``data/*.csv``, the graph ``curated``) is about the Swedish plan:
Swedish agencies and their mandates, SFS laws, the state's earlier programmes.  A
question asked of a plan written in another language (WHO's action plan, imported
with ``--lang en``) would count them as its own: ``stats --plan who-2013`` said the
plan had 23 actors and 10 laws, and a Swedish agency's mandate placed sectors in its
answers.  :func:`scope_curated` keeps of the curated facts only those about the
actors (and their members) the plan's commitments name and the laws its items
link to; the ontology's determinants, layers and sectors stay, as does where a
determinant's sector is.  Whatever its language, a plan does not see the curated
links about items it does not have (another plan's initiatives and focus areas).
"""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import RDF, RDFS

from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.ontology.vocab import ID, KG, ORG, PROV, graph_iri, plan_iri

__all__ = ["is_swedish", "scope_curated"]

_CURATED = ox.NamedNode(str(graph_iri("curated")))
_OWN = tuple(str(ID[kind + "/"]) for kind in ("actor", "law", "programme"))


def _node(term) -> ox.NamedNode:
    return ox.NamedNode(str(term))


def is_swedish(kg: KnowledgeGraph, key: str) -> bool:
    """True when plan ``key``'s title is Swedish (or has no language): the curated facts are its own."""
    for q in kg.store.quads_for_pattern(_node(plan_iri(key)), _node(RDFS.label), None):
        if getattr(q.object, "language", None) not in (None, "sv"):
            return False
    return True


def _used(kg: KnowledgeGraph, plan_graph: ox.NamedNode) -> set[str]:
    """The actors (with their members) and laws plan ``plan_graph`` names."""
    used = {q.object.value for p in (KG.byActor, KG.requiresChangeTo)
            for q in kg.store.quads_for_pattern(None, _node(p), None, plan_graph)}
    todo = list(used)
    while todo:  # a group's members, and theirs
        for q in kg.store.quads_for_pattern(ox.NamedNode(todo.pop()), _node(ORG.hasMember), None):
            if q.object.value not in used:
                used.add(q.object.value)
                todo.append(q.object.value)
    for q in kg.store.quads_for_pattern(None, None, None, plan_graph):  # laws and actors it defines
        if q.subject.value.startswith(_OWN):
            used.add(q.subject.value)
    return used


def _described(kg: KnowledgeGraph, iri: str, plan_graph: ox.NamedNode) -> bool:
    return next(iter(kg.store.quads_for_pattern(ox.NamedNode(iri), None, None, plan_graph)), None) is not None


def scope_curated(kg: KnowledgeGraph, key: str, plan_graph: ox.NamedNode) -> list[ox.Quad]:
    """The curated quads plan ``key`` does not use: drop them from its view.

    For every plan, the curated links about another plan's items (the bundled plan's
    determinant, law and indicator links, seen from a plan that lacks those items);
    for a plan not in Swedish, also the Swedish actors, laws and programmes it does not name.
    """
    curated = list(kg.store.quads_for_pattern(None, None, None, _CURATED))
    subject_of = {q.subject.value: q.object.value for q in curated if q.predicate.value == str(RDF.subject)}
    items = str(ID["plan/"])
    swedish = is_swedish(kg, key)
    used = set() if swedish else _used(kg, plan_graph)

    def foreign(iri: str) -> bool:
        if iri in subject_of:  # a reified link: foreign when what it is about is
            return foreign(subject_of[iri])
        if iri.startswith(items):
            return not _described(kg, iri, plan_graph)
        return not swedish and iri.startswith(_OWN) and iri not in used

    dropped = [q for q in curated if isinstance(q.subject, ox.NamedNode) and foreign(q.subject.value)]
    gone = {q.subject for q in dropped}
    derived = str(PROV.wasDerivedFrom)
    kept_sources = {q.object for q in curated if q.predicate.value == derived and q.subject not in gone}
    orphans = {q.object for q in dropped if q.predicate.value == derived} - kept_sources
    return dropped + [q for q in curated if q.subject in orphans]
