"""Turn a checked plan spreadsheet (:class:`~kraftgraf.loaders.sheet.read.SheetPlan`) into RDF.

The graph has the same shape as the memo loader's (same IRIs, same classes, the
same PROV sources), so every query works on it.  Each source quotes the line of
the cell it rests on: the document is the file, the section the sheet, then the
row (as the spreadsheet numbers it) and the column header; the offsets count
characters inside the cell.  Every text has its own language tag
(:mod:`kraftgraf.loaders.sheet.languages`), and a name the sheet gives in two
languages has a label in each.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import cast

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS, XSD

from kraftgraf.loaders.memo import commitment_links, plan_node
from kraftgraf.loaders.sheet.indicator_sheet import add_indicators, indicator_links
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
    def __init__(self, g: Graph, source: SheetSource, plan: SheetPlan):
        self.g, self.s, self.languages = g, source, plan.languages
        self.doc = add_document(g, "sheet-" + slug(source.filename), source.filename, source.filename)

    def quote(self, item: Item) -> Quote:
        c = item.cell
        return Quote(self.doc, item.text, c.sheet, str(c.row), c.column, item.start,
                     item.start + len(item.text))

    def cite(self, node: URIRef, item: Item) -> None:
        add_source(self.g, node, self.quote(item))

    def lang(self, item: Item) -> str:
        """The language tag of the item's text."""
        return self.languages.of(item, self.s.lang)

    def node(self, kind: str, key: str, cls: URIRef, item: Item, label: str | None = None,
             order: int | None = None) -> URIRef:
        node = plan_node(self.g, self.s.key, kind, key, cls, label, self.lang(item))
        if order is not None:
            self.g.add((node, KG.order, Literal(order, datatype=XSD.integer)))
        self.cite(node, item)
        translation = self.languages.translations.get(item)
        if translation is not None:  # the same name in the other language, quoting its own cell
            for prop in (RDFS.label, SKOS.prefLabel):
                self.g.add((node, prop, Literal(translation.text, lang=self.lang(translation))))
            self.cite(node, translation)
        return node

    def commitment(self, node: URIRef, who: str, initiative: URIRef, item: Item, header: str) -> None:
        """A commitment's links; its text in its own language, its column's header in the plan's."""
        commitment_links(self.g, node, who, initiative, item.text, header, self.s.lang)
        self.g.set((node, KG.text, Literal(item.text, lang=self.lang(item))))


def sheet_links(plan: SheetPlan, key: str) -> list[tuple]:
    """(subject, predicate, object, row) for each link row of Lagar, Bestämningsfaktorer, Indikatorer."""
    commitments = {f"{r.id}-{a}-{n}" for r in plan.initiatives for a, items in r.commitments.items()
                   for n in range(1, len(items) + 1)}
    links = [(plan_item(key, "commitment" if link.subject in commitments else "initiative",
                        link.subject), KG.requiresChangeTo, law_iri(link.target), link)
             for link in plan.side.laws]
    return links + [(plan_item(key, "initiative", link.subject), KG.addresses,
                     determinant_iri(link.target), link) for link in plan.side.determinants
                    ] + indicator_links(plan, key)


def _laws_and_mandates(g: Graph, w: _Writer, plan: SheetPlan, mandates_elsewhere) -> None:
    """New laws from the sheet Lagar; the sectors the sheet Aktörer gives its actors, as mandates."""
    for law in plan.side.new_laws.values():
        node = law_iri(law.sfs)
        g.add((node, RDF.type, KG.Law))
        g.add((node, RDF.type, ELI.LegalResource))
        g.add((node, ELI.id_local, Literal(law.sfs)))
        for prop in (RDFS.label, SKOS.prefLabel):
            g.add((node, prop, Literal(law.title.text, lang=w.lang(law.title))))
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
    w = _Writer(g, source, plan)
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
            named = actor.item or Item(header, plan.headers[header], 0)
            for prop in (RDFS.label, SKOS.prefLabel):
                g.add((node, prop, Literal(actor.name, lang=w.lang(named))))
            w.cite(node, named)
    for row in plan.initiatives:
        initiative = w.node("initiative", row.id, KG.Initiative, row.label, row.label.text, row.order)
        g.add((initiative, KG.inFocusArea, plan_item(source.key, "focus-area", row.focus)))
        if len(plan.focus_areas[row.focus].parents) > 1:
            g.add((initiative, DCTERMS.isPartOf, goals[row.goal]))
        for n, item in enumerate(row.outcomes, start=1):
            outcome = w.node("outcome", f"{row.id}-{n}", KG.Outcome, item)
            g.add((outcome, KG.text, Literal(item.text, lang=w.lang(item))))
            g.add((initiative, KG.hasOutcome, outcome))
        for who, item in row.open.items():
            node = w.node("open-commitment", f"{row.id}-{who}", KG.OpenCommitment, item)
            w.commitment(node, who, initiative, item, row.headers[who])
        for who, items in row.commitments.items():
            for n, item in enumerate(items, start=1):
                node = w.node("commitment", f"{row.id}-{who}-{n}", KG.Commitment, item, item.text)
                w.commitment(node, who, initiative, item, row.headers[who])
    _laws_and_mandates(g, w, plan, mandates_elsewhere)
    add_indicators(g, w.cite, plan.side.new_indicators, lang)
    for s, p, o, link in sheet_links(plan, source.key):
        if (s, p, o) not in elsewhere:
            add_link(g, s, p, o, w.quote(link.item), link.reason or None)  # reasons: @en, as curated
    return triples
