"""Where a fact came from, in PROV-O.

Every asserted node carries ``prov:wasDerivedFrom`` a ``kg:Source`` that names
the document, the section, the table row and column, the character offsets and
the verbatim quote (``prov:value``).  Links that are facts of their own (an
initiative addresses a determinant, an actor holds a mandate) are reified as
``rdf:Statement`` nodes so that they can carry a source and a reason too.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, XSD

from kraftgraf.ontology.vocab import ID, KG, PROV

__all__ = ["Quote", "document_iri", "add_document", "add_source", "add_link", "link_iri"]


@dataclass(frozen=True)
class Quote:
    """A verbatim span of a source document and where it sits."""

    document: URIRef
    text: str
    section: str | None = None
    row: str | None = None
    column: str | None = None
    start: int | None = None
    end: int | None = None


def document_iri(key: str) -> URIRef:
    """IRI of a source document."""
    return ID[f"document/{key}"]


def add_document(g: Graph, key: str, title: str, filename: str) -> URIRef:
    """Describe a source document (its title and file name); returns its IRI."""
    doc = document_iri(key)
    g.add((doc, RDF.type, KG.Document))
    g.add((doc, DCTERMS.title, Literal(title, lang="sv")))
    g.add((doc, DCTERMS.identifier, Literal(filename)))
    return doc


def add_source(g: Graph, subject: URIRef, quote: Quote, suffix: str = "source") -> URIRef:
    """Attach ``quote`` to ``subject`` as its source; returns the source node."""
    src = URIRef(f"{subject}#{suffix}")
    g.add((subject, PROV.wasDerivedFrom, src))
    g.add((src, RDF.type, KG.Source))
    g.add((src, KG.document, quote.document))
    g.add((src, PROV.value, Literal(quote.text)))
    for prop, value in ((KG.section, quote.section), (KG.row, quote.row), (KG.column, quote.column)):
        if value is not None:
            g.add((src, prop, Literal(value)))
    for prop, offset in ((KG.charStart, quote.start), (KG.charEnd, quote.end)):
        if offset is not None:
            g.add((src, prop, Literal(offset, datatype=XSD.integer)))
    return src


def link_iri(subject: URIRef, predicate: URIRef, obj: URIRef) -> URIRef:
    """Stable IRI for the reified statement (subject, predicate, obj)."""
    digest = hashlib.sha1(f"{subject} {predicate} {obj}".encode()).hexdigest()[:12]
    name = str(predicate).rsplit("#", 1)[-1]
    return ID[f"link/{name}/{digest}"]


def add_link(g: Graph, subject: URIRef, predicate: URIRef, obj: URIRef,
             quote: Quote, reason: str | None = None) -> URIRef:
    """Assert ``subject predicate obj`` and reify it with its source and reason."""
    g.add((subject, predicate, obj))
    stmt = link_iri(subject, predicate, obj)
    g.add((stmt, RDF.type, RDF.Statement))
    g.add((stmt, RDF.subject, subject))
    g.add((stmt, RDF.predicate, predicate))
    g.add((stmt, RDF.object, obj))
    if reason:
        g.add((stmt, KG.reason, Literal(reason, lang="en")))
    add_source(g, stmt, quote)
    return stmt
