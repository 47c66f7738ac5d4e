"""Links a person confirms into a plan's graph: a suggested determinant link made a fact of the plan.

Writing is the store's business; the suggestion itself (which initiative, which
determinant, the keywords and the text that matched) comes from
:mod:`kraftgraf.queries.suggest`, which only reads.
"""

from __future__ import annotations

from rdflib import RDF, URIRef

from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.graph.store.plans import plan_keys
from kraftgraf.loaders.indicators import indicator_iri
from kraftgraf.ontology.provenance import Quote, add_document, add_link
from kraftgraf.ontology.vocab import ID, KG, PROV, determinant_iri, iri, local_name

__all__ = ["ACTIVITY", "confirmed_in", "confirm_link", "confirm_indicator"]

ACTIVITY = ID["activity/keyword-suggestion"]  # what generated a link confirmed from a suggestion


def _code(g, initiative) -> str:
    return str(g.value(initiative, KG.code) or local_name(initiative))


def _document(kg: KnowledgeGraph, initiative: URIRef, plan: str) -> URIRef:
    for src in kg.dataset.objects(initiative, PROV.wasDerivedFrom):
        doc = kg.dataset.value(src, KG.document)
        if doc is not None:
            return iri(doc)
    return add_document(kg.graph(f"plan/{plan}"), f"plan-{plan}", plan, plan)


def confirmed_in(kg: KnowledgeGraph, code: str, det: str) -> list[str]:
    """The plans in which initiative ``code`` has a link to ``det`` confirmed from a suggestion."""
    target = determinant_iri(det)
    found = []
    for key in plan_keys(kg):
        g = kg.graph(f"plan/{key}")
        for link in g.subjects(PROV.wasGeneratedBy, ACTIVITY):
            if g.value(link, RDF.object) == target and _code(g, g.value(link, RDF.subject)) == code:
                found.append(key)
    return found


def confirm_link(kg: KnowledgeGraph, plan: str, code: str, det: str, quote: str, reason: str) -> URIRef:
    """Add ``kg:addresses`` from initiative ``code`` of ``plan`` to ``det``, as a person confirmed it.

    The link is reified with ``quote`` (the text that matched) as its source and
    ``reason``, in the plan's own graph, and marked as generated from a suggestion.
    """
    target = kg.graph(f"plan/{plan}")
    initiative = iri(next(i for i in target.subjects(RDF.type, KG.Initiative) if _code(target, i) == code))
    link = add_link(target, initiative, KG.addresses, determinant_iri(det),
                    Quote(_document(kg, initiative, plan), quote), reason)
    target.add((link, PROV.wasGeneratedBy, ACTIVITY))
    return link


def confirm_indicator(kg: KnowledgeGraph, plan: str, code: str, indicator: str, quote: str,
                      reason: str) -> URIRef:
    """Add ``kg:measuredBy`` from initiative (else focus area) ``code`` of ``plan`` to ``indicator``.

    As :func:`confirm_link`: reified with the matched text as its source and ``reason``, in
    the plan's own graph, marked as generated from a suggestion.
    """
    target = kg.graph(f"plan/{plan}")
    item = iri(next(i for cls in (KG.Initiative, KG.FocusArea) for i in target.subjects(RDF.type, cls)
                    if _code(target, i) == code))
    link = add_link(target, item, KG.measuredBy, indicator_iri(indicator),
                    Quote(_document(kg, item, plan), quote), reason)
    target.add((link, PROV.wasGeneratedBy, ACTIVITY))
    return link
