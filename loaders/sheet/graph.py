"""Turn a checked plan spreadsheet (:class:`~kraftgraf.loaders.sheet.read.SheetPlan`) into RDF.

The graph has the same shape as the memo loader's (same IRIs, same classes, the
same PROV sources), so every query works on it.  Each source quotes the line of
the cell it rests on: the document is the file, the section the sheet, then the
row (as the spreadsheet numbers it) and the column header; the offsets count
characters inside the cell.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import cast

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS, XSD

from kraftgraf.loaders.memo import commitment_links, plan_node
from kraftgraf.loaders.sheet.io import Item
from kraftgraf.loaders.sheet.read import SheetPlan
from kraftgraf.loaders.sheet.triples import Triples
from kraftgraf.ontology.provenance import Quote, add_document, add_link, add_source
from kraftgraf.ontology.vocab import (
    ELI,
    KG,
    actor_iri,
    determinant_iri,
    law_iri,
    plan_iri,
    plan_item,
    sector_iri,
    slug,
)

__all__ = ["SheetSource", "sheet_graph", "sheet_links"]


@dataclass(frozen=True)
class SheetSource:
    """Which plan the sheet is, and how to name it and its file."""

    key: str
    title: str
    lang: str
    filename: str


class _Writer:
    def __init__(self, g: Graph, source: SheetSource):
        self.g, self.s = g, source
        self.doc = add_document(g, "sheet-" + slug(source.filename), source.filename, source.filename)

    def quote(self, item: Item) -> Quote:
        c = item.cell
        return Quote(self.doc, item.text, c.sheet, str(c.row), c.column, item.start,
                     item.start + len(item.text))

    def cite(self, node: URIRef, item: Item) -> None:
        add_source(self.g, node, self.quote(item))

    def node(self, kind: str, key: str, cls: URIRef, item: Item, label: str | None = None,
             order: int | None = None) -> URIRef:
        node = plan_node(self.g, self.s.key, kind, key, cls, label, self.s.lang)
        if order is not None:
            self.g.add((node, KG.order, Literal(order, datatype=XSD.integer)))
        self.cite(node, item)
        return node


def sheet_links(plan: SheetPlan, key: str) -> list[tuple]:
    """(subject, predicate, object, row) for each row of the sheets Lagar and Bestämningsfaktorer."""
    commitments = {f"{r.id}-{a}-{n}" for r in plan.initiatives for a, items in r.commitments.items()
                   for n in range(1, len(items) + 1)}
    links = [(plan_item(key, "commitment" if link.subject in commitments else "initiative",
                        link.subject), KG.requiresChangeTo, law_iri(link.target), link)
             for link in plan.side.laws]
    return links + [(plan_item(key, "initiative", link.subject), KG.addresses,
                     determinant_iri(link.target), link) for link in plan.side.determinants]


def _laws_and_mandates(g: Graph, w: _Writer, plan: SheetPlan, mandates_elsewhere) -> None:
    """New laws from the sheet Lagar; the sectors the sheet Aktörer gives its actors, as mandates."""
    for law in plan.side.new_laws.values():
        node = law_iri(law.sfs)
        g.add((node, RDF.type, KG.Law))
        g.add((node, RDF.type, ELI.LegalResource))
        g.add((node, ELI.id_local, Literal(law.sfs)))
        for prop in (RDFS.label, SKOS.prefLabel):
            g.add((node, prop, Literal(law.title.text, lang=w.s.lang)))
        if law.link:
            g.add((node, RDFS.seeAlso, URIRef(law.link)))
        w.cite(node, law.title)
    for actor in plan.actors.values():
        for sector, item in actor.sectors:
            if (actor.id, sector) not in mandates_elsewhere:
                add_link(g, actor_iri(actor.id), KG.hasMandateIn, sector_iri(sector), w.quote(item),
                         "the plan's sheet Aktörer names this sector for the actor")


def sheet_graph(plan: SheetPlan, source: SheetSource, elsewhere: AbstractSet[tuple] = frozenset(),
                mandates_elsewhere: AbstractSet[tuple] = frozenset()) -> Triples:
    """The plan's named graph; links already in ``elsewhere`` (e.g. curated) are not repeated.

    A focus area may sit under several goals (``kg:partOf`` each); then an initiative
    says which goal its row is under (``dcterms:isPartOf``).  A goal coded '3.1' is part
    of goal '3' when the plan has one (a sub-goal).
    """
    triples = Triples()  # a national plan is a million triples: plain sets, not rdflib's stores
    g = cast(Graph, triples)  # for the writers below it is a Graph: they only add triples
    w = _Writer(g, source)
    lang = source.lang
    g.add((plan_iri(source.key), RDF.type, KG.Plan))
    g.add((plan_iri(source.key), RDFS.label, Literal(source.title, lang=lang)))
    goals = {}
    for code, h in plan.goals.items():
        goals[code] = w.node("goal", code, KG.Goal, h.item, h.label, h.order)
    for code in goals:
        if "." in code and code.rsplit(".", 1)[0] in goals:
            g.add((goals[code], DCTERMS.isPartOf, goals[code.rsplit(".", 1)[0]]))
    for code, h in plan.focus_areas.items():
        focus = w.node("focus-area", code, KG.FocusArea, h.item, h.label, h.order)
        for parent in h.parents:
            g.add((focus, KG.partOf, goals[parent]))
    for header, actor in plan.actors.items():
        if actor.new:
            node = actor_iri(actor.id)
            g.add((node, RDF.type, KG[actor.kind] if actor.kind else KG.Actor))  # as curated actors are
            for prop in (RDFS.label, SKOS.prefLabel):
                g.add((node, prop, Literal(actor.name, lang=lang)))
            w.cite(node, actor.item or Item(header, plan.headers[header], 0))
    for row in plan.initiatives:
        initiative = w.node("initiative", row.id, KG.Initiative, row.label, row.label.text, row.order)
        g.add((initiative, KG.inFocusArea, plan_item(source.key, "focus-area", row.focus)))
        if len(plan.focus_areas[row.focus].parents) > 1:
            g.add((initiative, DCTERMS.isPartOf, goals[row.goal]))
        for n, item in enumerate(row.outcomes, start=1):
            outcome = w.node("outcome", f"{row.id}-{n}", KG.Outcome, item)
            g.add((outcome, KG.text, Literal(item.text, lang=lang)))
            g.add((initiative, KG.hasOutcome, outcome))
        for who, item in row.open.items():
            node = w.node("open-commitment", f"{row.id}-{who}", KG.OpenCommitment, item)
            commitment_links(g, node, who, initiative, item.text, row.headers[who], lang)
        for who, items in row.commitments.items():
            for n, item in enumerate(items, start=1):
                node = w.node("commitment", f"{row.id}-{who}-{n}", KG.Commitment, item, item.text)
                commitment_links(g, node, who, initiative, item.text, row.headers[who], lang)
    _laws_and_mandates(g, w, plan, mandates_elsewhere)
    for s, p, o, link in sheet_links(plan, source.key):
        if (s, p, o) not in elsewhere:
            add_link(g, s, p, o, w.quote(link.item), link.reason or None)  # reasons: @en, as curated
    return triples
