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

import pyoxigraph as ox
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from kraftgraf.loaders.sheet import terms as t
from kraftgraf.loaders.sheet.changes import same_facts
from kraftgraf.loaders.sheet.indicator_sheet import add_indicators, indicator_links
from kraftgraf.loaders.sheet.io import Item
from kraftgraf.loaders.sheet.read import SheetPlan
from kraftgraf.loaders.sheet.triples import Triples
from kraftgraf.ontology.provenance import Quote, add_document, add_link
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
    """Writes the plan's items in Oxigraph terms, as the shared builders of the other loaders do.

    :func:`~kraftgraf.loaders.memo.plan_node`, :func:`~kraftgraf.loaders.memo.commitment_links`
    and :func:`~kraftgraf.ontology.provenance.add_source` write the same triples in rdflib's
    terms (tests/test_sheet_terms.py holds the two to each other); a national plan has
    55,000 items, and rdflib's terms made the import minutes long.
    """

    def __init__(self, g: Triples, source: SheetSource, plan: SheetPlan):
        self.g, self.s, self.languages = g, source, plan.languages
        converted = cast(Graph, t.Converted(g))  # the shared builder adds rdflib terms: converted
        doc = add_document(converted, "sheet-" + slug(source.filename), source.filename, source.filename)
        self.doc, self.plan = t.named(doc), t.named(plan_iri(source.key))
        self._plain: dict = {}  # sheet names, rows, headers and offsets recur: each literal made once
        self.cited: list[tuple[ox.NamedNode, Item]] = []  # sources to write once every fact is in

    def plain(self, value: str | int) -> ox.Literal:
        """A plain literal, or an xsd:integer for a number."""
        term = self._plain.get(value)
        if term is None:
            term = self._plain[value] = (ox.Literal(value) if isinstance(value, str) else
                                         ox.Literal(str(value), datatype=t.XSD.integer))
        return term

    def quote(self, item: Item) -> Quote:
        c = item.cell
        return Quote(URIRef(self.doc.value), item.text, c.sheet, str(c.row), c.column, item.start,
                     item.start + len(item.text))

    def cite(self, node: ox.NamedNode, item: Item) -> None:
        """``item``'s cell as the source of ``node``, written by :meth:`write_sources`."""
        self.cited.append((node, item))

    def write_sources(self, old: Triples | None = None) -> set:
        """Write the sources cited, but for the nodes ``old`` has with the same facts; returns those.

        Such a node keeps its old sources (:func:`~kraftgraf.loaders.sheet.merge.keep_sources`):
        most of a national plan, whose 500,000 source triples need not be made to be dropped.
        """
        alike = set()
        for node, item in self.cited:
            if node in alike:
                continue
            if old is not None and (node, t.PROV.wasDerivedFrom, None) in old and same_facts(old, self.g,
                                                                                              node):
                alike.add(node)
            else:
                self.source(node, item)
        return alike

    def source(self, node: ox.NamedNode, item: Item) -> None:
        """``item``'s cell as the source of ``node`` (as ``add_source``)."""
        c, add, plain = item.cell, self.g.add, self.plain
        src = ox.NamedNode(node.value + "#source")
        add((node, t.PROV.wasDerivedFrom, src))
        add((src, t.RDF.type, t.KG.Source))
        add((src, t.KG.document, self.doc))
        add((src, t.PROV.value, ox.Literal(item.text)))
        for prop, value in ((t.KG.section, c.sheet), (t.KG.row, str(c.row)), (t.KG.column, c.column),
                            (t.KG.charStart, item.start), (t.KG.charEnd, item.start + len(item.text))):
            add((src, prop, plain(value)))

    def lang(self, item: Item) -> str:
        """The language tag of the item's text."""
        return self.languages.of(item, self.s.lang)

    def node(self, kind: str, key: str, cls: ox.NamedNode, item: Item, label: str | None = None,
             order: int | None = None) -> ox.NamedNode:
        """An item of the plan (as ``plan_node``), its order and source, and its name's translation."""
        g = self.g
        node = t.named(plan_item(self.s.key, kind, key))
        g.add((node, t.RDF.type, cls))
        g.add((node, t.KG.code, ox.Literal(key)))
        g.add((node, t.KG.inPlan, self.plan))
        if label is not None:
            name = ox.Literal(label, language=self.lang(item))
            g.add((node, t.RDFS.label, name))
            g.add((node, t.SKOS.prefLabel, name))
        if order is not None:
            g.add((node, t.KG.order, self.plain(order)))
        self.cite(node, item)
        translation = self.languages.translations.get(item)
        if translation is not None:  # the same name in the other language, quoting its own cell
            name = ox.Literal(translation.text, language=self.lang(translation))
            g.add((node, t.RDFS.label, name))
            g.add((node, t.SKOS.prefLabel, name))
            self.cite(node, translation)
        return node

    def commitment(self, node: ox.NamedNode, who: str, initiative: ox.NamedNode, item: Item,
                   header: str) -> None:
        """A commitment's links (as ``commitment_links``), its text and its column's header."""
        g = self.g
        g.add((node, t.KG.byActor, t.named(actor_iri(who))))
        g.add((node, t.KG.toInitiative, initiative))
        g.add((node, t.KG.text, ox.Literal(item.text, language=self.lang(item))))
        g.add((node, t.KG.column, ox.Literal(header, language=self.s.lang)))


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
        w.cite(t.named(node), law.title)
    for actor in plan.actors.values():
        for sector, item in actor.sectors:
            if (actor.id, sector) not in mandates_elsewhere:
                add_link(g, actor_iri(actor.id), KG.hasMandateIn, sector_iri(sector), w.quote(item),
                         "the plan's sheet Aktörer names this sector for the actor")


def sheet_graph(plan: SheetPlan, source: SheetSource, elsewhere: AbstractSet[tuple] = frozenset(),
                mandates_elsewhere: AbstractSet[tuple] = frozenset(),
                old: Triples | None = None) -> tuple[Triples, set]:
    """The plan's named graph, in Oxigraph terms; links already in ``elsewhere`` are not repeated.

    ``elsewhere`` holds rdflib's terms, as :func:`sheet_links` gives them (e.g. the curated links).
    Also returns the nodes ``old`` (the graph the import replaces) has with the same facts: they
    are not cited here, since the merge gives them their old sources.

    A focus area may sit under several goals (``kg:partOf`` each); then an initiative
    says which goal its row is under (``dcterms:isPartOf``).  A goal coded '3.1' is part
    of goal '3' when the plan has one (a sub-goal).
    """
    g = Triples()  # a national plan is a million triples: plain sets, not rdflib's stores
    shared = cast(Graph, t.Converted(g))  # for the builders the other loaders share: documents, laws, links
    w = _Writer(g, source, plan)
    lang = source.lang
    g.add((w.plan, t.RDF.type, t.KG.Plan))
    g.add((w.plan, t.RDFS.label, ox.Literal(source.title, language=lang)))
    goals = {}
    for code, h in plan.goals.items():
        goals[code] = w.node("goal", code, t.KG.Goal, h.item, h.label, h.order)
    for code in goals:
        if "." in code and code.rsplit(".", 1)[0] in goals:
            g.add((goals[code], t.DCTERMS.isPartOf, goals[code.rsplit(".", 1)[0]]))
    focus_areas = {}
    for code, h in plan.focus_areas.items():
        focus_areas[code] = focus = w.node("focus-area", code, t.KG.FocusArea, h.item, h.label, h.order)
        for parent in h.parents:
            g.add((focus, t.KG.partOf, goals[parent]))
    for header, actor in plan.actors.items():
        if actor.new:
            node = t.named(actor_iri(actor.id))
            g.add((node, t.RDF.type, t.KG[actor.kind] if actor.kind else t.KG.Actor))  # as curated actors are
            named = actor.item or Item(header, plan.headers[header], 0)
            name = ox.Literal(actor.name, language=w.lang(named))
            g.add((node, t.RDFS.label, name))
            g.add((node, t.SKOS.prefLabel, name))
            w.cite(node, named)
    for row in plan.initiatives:
        initiative = w.node("initiative", row.id, t.KG.Initiative, row.label, row.label.text, row.order)
        g.add((initiative, t.KG.inFocusArea, focus_areas[row.focus]))
        if len(plan.focus_areas[row.focus].parents) > 1:
            g.add((initiative, t.DCTERMS.isPartOf, goals[row.goal]))
        for n, item in enumerate(row.outcomes, start=1):
            outcome = w.node("outcome", f"{row.id}-{n}", t.KG.Outcome, item)
            g.add((outcome, t.KG.text, ox.Literal(item.text, language=w.lang(item))))
            g.add((initiative, t.KG.hasOutcome, outcome))
        for who, item in row.open.items():
            node = w.node("open-commitment", f"{row.id}-{who}", t.KG.OpenCommitment, item)
            w.commitment(node, who, initiative, item, row.headers[who])
        for who, items in row.commitments.items():
            for n, item in enumerate(items, start=1):
                node = w.node("commitment", f"{row.id}-{who}-{n}", t.KG.Commitment, item, item.text)
                w.commitment(node, who, initiative, item, row.headers[who])
    _laws_and_mandates(shared, w, plan, mandates_elsewhere)
    add_indicators(shared, lambda node, item: w.cite(t.named(node), item), plan.side.new_indicators, lang)
    for s, p, o, link in sheet_links(plan, source.key):
        if (s, p, o) not in elsewhere:
            add_link(shared, s, p, o, w.quote(link.item), link.reason or None)  # reasons: @en, as curated
    return g, w.write_sources(old)
