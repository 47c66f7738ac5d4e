"""The side sheet Indikatorer: which public indicator follows which focus area or initiative.

One row a link (Följer, Indikator, Motivering); a row with an empty Följer lists an
indicator the plan does not use yet.  An indicator kraftgraf knows
(``data/indicators.csv``, ``kraftgraf`` lists them with ``query followup``) needs
only its id; a new one needs its name, publisher and https address (Namn, Utgivare,
Länk) on one of its rows, and goes into the plan's graph like a new law.  The
template writes the same sheet back, so an unchanged sheet imports to no change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS

from kraftgraf.loaders.indicators import indicator_iri
from kraftgraf.loaders.sheet.io import Item, Workbook
from kraftgraf.loaders.sheet.known import Known, LinkRow, closest, side_rows
from kraftgraf.loaders.sheet.layout import INDICATOR_SHEET, SIDE_COLUMNS
from kraftgraf.ontology.provenance import link_iri
from kraftgraf.ontology.vocab import ID, KG, graph_iri, iri, plan_item
from kraftgraf.ontology.vocab import local_name as _tail

if TYPE_CHECKING:  # the store passes itself in; a loader does not reach up to it
    from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph

__all__ = ["IndicatorLink", "NewIndicator", "read_indicators", "check_indicator_subjects",
           "indicator_links", "add_indicators", "known_indicators", "indicator_rows"]

_ID = r"[a-z0-9][a-z0-9-]*"
_URL = r"https://[^\s<>\"{}|\\^`]+"
_FOCUS = re.compile(r"(?:fokusområde|focus area)\s+(\S.*)", re.I)  # names a focus area, not an initiative
_PREFIX = str(ID["indicator/"])


@dataclass(frozen=True)
class IndicatorLink(LinkRow):
    """A row of Indikatorer that links an item to an indicator; ``focus``: Följer said "Fokusområde"."""

    focus: bool = False


@dataclass(frozen=True)
class NewIndicator:
    """An indicator the store does not know yet (or the plan itself defines), as the sheet names it."""

    id: str
    name: Item
    publisher: str
    identifier: str
    link: str


def _new(cell: dict, key: str) -> NewIndicator | None:
    """The indicator a row defines, checked; None when its Namn is empty."""
    name = cell["Namn"] if "Namn" in cell else None
    if name is None or not name.text:
        return None
    text = {c: cell[c].text if c in cell else "" for c in ("Utgivare", "Utgivarens id", "Länk")}
    if not text["Utgivare"]:
        (cell.get("Utgivare") or name).fail(f"empty: the new indicator '{key}' needs its publisher")
    if not re.fullmatch(_URL, text["Länk"]):
        (cell.get("Länk") or name).fail(f"'{text['Länk']}' is not the https:// address where the indicator "
                                        f"'{key}' is published")
    return NewIndicator(key, Item(name.text, name, 0), text["Utgivare"], text["Utgivarens id"], text["Länk"])


def read_indicators(wb: Workbook, known: Known) -> tuple[list[IndicatorLink], dict[str, NewIndicator]]:
    """The links of the sheet Indikatorer and the indicators it defines (checked; none when absent)."""
    subject_col, target_col = SIDE_COLUMNS[INDICATOR_SHEET][:2]
    links, new = [], {}
    for cell in side_rows(wb, INDICATOR_SHEET, (subject_col, target_col)):
        subject, target = cell[subject_col], cell[target_col]
        key = target.text
        if not re.fullmatch(_ID, key):
            target.fail(f"'{key}' is not an indicator id (lower-case ASCII, digits and hyphens, "
                        "e.g. kolada-n00914)" if key else "empty cell")
        if key not in new and (key not in known.indicators or key in known.own_indicators):
            found = _new(cell, key)  # the plan's own indicator is defined again by the sheet
            if found is not None:
                new[key] = found
            elif key not in known.indicators:
                target.fail(f"unknown indicator '{key}' (closest: {closest(key, known.indicators)}) — a new "
                            "indicator needs its name in Namn, its publisher in Utgivare and its https "
                            "address in Länk")
        if subject.text:
            focus = _FOCUS.fullmatch(subject.text)
            reason = cell["Motivering"].text if "Motivering" in cell else ""
            links.append(IndicatorLink(focus.group(1).strip() if focus else subject.text, key, reason,
                                       Item(key, target, 0), subject, bool(focus)))
    return links, new


def _kind(link: IndicatorLink, initiatives, focus_areas) -> str | None:
    """'initiative' or 'focus-area' for the item the link follows; an initiative's id wins."""
    if not link.focus and link.subject in initiatives:
        return "initiative"
    return "focus-area" if link.subject in focus_areas else None


def check_indicator_subjects(links: list[IndicatorLink], initiatives, focus_areas) -> None:
    """Every link follows a focus area or an initiative of the plan sheet."""
    for link in links:
        if _kind(link, initiatives, focus_areas) is None:
            what = "focus area" if link.focus else "initiative or focus area"
            link.subject_cell.fail(f"no {what} '{link.subject}' in the plan sheet (an initiative id such as "
                                   "E2, or a focus area's code such as D)")


def indicator_links(plan, key: str) -> list[tuple]:
    """(subject, kg:measuredBy, indicator, row) for each link of the sheet Indikatorer of ``plan``."""
    initiatives = {row.id for row in plan.initiatives}
    return [(plan_item(key, _kind(link, initiatives, plan.focus_areas) or "", link.subject), KG.measuredBy,
             indicator_iri(link.target), link) for link in plan.side.indicators]


def add_indicators(g: Graph, cite, new: dict[str, NewIndicator], lang: str) -> None:
    """The indicators the sheet defines, into the plan's graph (``cite(node, item)`` quotes the cell)."""
    for ind in new.values():
        node = indicator_iri(ind.id)
        g.add((node, RDF.type, KG.Indicator))
        for prop in (RDFS.label, SKOS.prefLabel):
            g.add((node, prop, Literal(ind.name.text, lang=lang)))
        g.add((node, DCTERMS.publisher, Literal(ind.publisher)))
        if ind.identifier:
            g.add((node, DCTERMS.identifier, Literal(ind.identifier)))
        g.add((node, RDFS.seeAlso, URIRef(ind.link)))
        cite(node, ind.name)


def known_indicators(kg: KnowledgeGraph, graph_name: str, known: Known) -> None:
    """Fill ``known`` with the store's indicators, and those only the plan's own graph defines."""
    where: dict[str, set[str]] = {}
    for r in kg.store.query(f"SELECT ?s ?g WHERE {{ GRAPH ?g {{ ?s a {KG.Indicator.n3()} }} }}"):
        if r["s"].value.startswith(_PREFIX):
            where.setdefault(r["s"].value[len(_PREFIX):], set()).add(r["g"].value)
    known.indicators = set(where)
    known.own_indicators = {k for k, gs in where.items() if gs == {str(graph_iri(graph_name))}}


def indicator_rows(kg: KnowledgeGraph, g: Graph, order) -> list[list[str]]:
    """The sheet Indikatorer of the plan in ``g``: its links (curated ones too), then unused own indicators.

    ``order(node)`` ranks an initiative; a focus area comes before its first initiative.
    """
    ds = kg.dataset
    initiatives = {i: _tail(i) for i in g.subjects(RDF.type, KG.Initiative)}
    focus_areas = {f: str(g.value(f, KG.code) or _tail(f)) for f in g.subjects(RDF.type, KG.FocusArea)}
    first = {f: min((order(i) for i in g.subjects(KG.inFocusArea, f)), default=0) for f in focus_areas}
    own = {i for i in g.subjects(RDF.type, KG.Indicator) if str(i).startswith(_PREFIX)}

    def cells(indicator, follows: str, reason: str) -> list[str]:
        values = (ds.value(indicator, p) for p in (DCTERMS.publisher, DCTERMS.identifier, RDFS.seeAlso))
        return [follows, str(indicator)[len(_PREFIX):], kg.label(indicator),
                *(str(v) if v is not None else "" for v in values), reason]

    found = []
    for s, o in ds.subject_objects(KG.measuredBy):
        if s in initiatives:
            rank, follows = (order(s), 1), initiatives[s]
        elif s in focus_areas:
            code = focus_areas[s]
            rank, follows = (first[s], 0), f"Fokusområde {code}" if code in initiatives.values() else code
        else:
            continue
        own.discard(o)
        reason = ds.value(link_iri(iri(s), KG.measuredBy, iri(o)), KG.reason)
        found.append(((*rank, follows, str(o)), cells(o, follows, str(reason or ""))))
    found += [((1 << 30, 0, "", str(i)), cells(i, "", "")) for i in own]
    return [list(SIDE_COLUMNS[INDICATOR_SHEET])] + [row for _, row in sorted(found)]
