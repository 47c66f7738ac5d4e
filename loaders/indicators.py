"""Indicators as nodes: public statistics that follow the plan, and the links to what they follow.

``data/indicators.csv`` lists each indicator once: its publisher, the publisher's
own id (a Folkhälsodata table, a Kolada key figure), its name and, as
``public_ref``, where it is published; the quote is its title at the source.
``data/indicator_links.csv`` links a focus area (``focus-area:D``) or an initiative
(``initiative:E2``) of the seed plan to an indicator that would show its progress,
with the reason and the memo's words for what is followed.  Both are read and
checked with the other curated files (:mod:`kraftgraf.loaders.curated`).
"""

from __future__ import annotations

from rdflib import RDFS, Literal, URIRef
from rdflib.namespace import DCTERMS

from kraftgraf.ontology.vocab import ID, KG, plan_item

__all__ = ["FILES", "SUBJECT", "check_indicators", "indicator_iri", "load_indicators"]

FILES = {
    "indicators.csv": "id label_sv label_en publisher identifier source_doc quote",
    "indicator_links.csv": "subject indicator reason source_doc quote",
}
SUBJECT = r"(focus-area:[A-Z]|initiative:[A-Z][0-9]+)"


def indicator_iri(key: str) -> URIRef:
    """IRI of an indicator: 'kolada-n00914' gives …/id/indicator/kolada-n00914."""
    return ID["indicator/" + key]


def check_indicators(t: dict, unique) -> None:
    """Each indicator once, with a public source; each link to a known indicator and a plan item."""
    t.setdefault("indicators.csv", [])  # a folder of curated files without indicators has none
    t.setdefault("indicator_links.csv", [])
    known = unique(t["indicators.csv"], "id")
    for row in t["indicators.csv"]:
        if row["source_doc"] != "public" or not row["public_ref"].startswith("https://"):
            row.fail("public_ref", "an indicator needs source_doc 'public' and its https address")
    for row in t["indicator_links.csv"]:
        row.matches("subject", SUBJECT, "'focus-area:D' or 'initiative:E2'")
        row.known("indicator", known, "indicator")


def load_indicators(g, t: dict, plan: str, node, link) -> None:
    """Add the indicators (``node``) and their links (``link``, each with its source and reason)."""
    for row in t["indicators.csv"]:
        indicator = indicator_iri(row["id"])
        node(indicator, KG.Indicator, row)
        g.add((indicator, DCTERMS.publisher, Literal(row["publisher"])))
        g.add((indicator, DCTERMS.identifier, Literal(row["identifier"])))
        g.add((indicator, RDFS.seeAlso, URIRef(row["public_ref"])))
    for row in t["indicator_links.csv"]:
        kind, _, key = row["subject"].partition(":")
        link(plan_item(plan, kind, key), KG.measuredBy, indicator_iri(row["indicator"]), row)
