"""The import's terms: Oxigraph's own, as the store holds them, not rdflib's.

An import of a national plan reads, builds and compares about a million triples.
rdflib's terms hash and compare in Python code and a literal takes microseconds to
make; Oxigraph's hash and compare in its own code, and the store reads and writes
them as they are.  So the import's graphs (:class:`~kraftgraf.loaders.sheet.triples.Triples`)
hold Oxigraph terms, and the vocabulary is here as Oxigraph named nodes, each made
once (``KG.Initiative``, ``RDF.type``).  The few parts of the import that reuse the
builders the other loaders share (documents, links, laws) write rdflib terms into a
:class:`Converted` graph, which turns them into Oxigraph's.
"""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib import namespace as ns

from kraftgraf.ontology import vocab

__all__ = ["Vocab", "RDF", "RDFS", "SKOS", "XSD", "DCTERMS", "KG", "PROV", "ox_term", "rdflib_term",
           "Converted", "named", "text", "tail"]


class Vocab:
    """A namespace whose terms are Oxigraph named nodes, each made the first time it is asked for.

    The name is asked of the rdflib namespace first, so a term the ontology does not
    define (``KG.Initiativ``) fails here as it does in rdflib's own.
    """

    def __init__(self, namespace):
        self._namespace = namespace

    def __getattr__(self, name: str) -> ox.NamedNode:
        if name.startswith("__"):
            raise AttributeError(name)
        node = ox.NamedNode(str(getattr(self._namespace, name)))
        setattr(self, name, node)  # next time a plain attribute
        return node

    def __getitem__(self, name: str) -> ox.NamedNode:
        return getattr(self, name)


RDF, RDFS, SKOS = Vocab(ns.RDF), Vocab(ns.RDFS), Vocab(ns.SKOS)
XSD, DCTERMS = Vocab(ns.XSD), Vocab(ns.DCTERMS)
KG, PROV = Vocab(vocab.KG), Vocab(vocab.PROV)


def ox_term(t):
    """An rdflib term as Oxigraph's (a plain literal is xsd:string there, as the store reads it back)."""
    if isinstance(t, URIRef):
        return ox.NamedNode(t)
    if isinstance(t, BNode):
        return ox.BlankNode(t)
    return ox.Literal(t, language=t.language, datatype=ox.NamedNode(t.datatype) if t.datatype else None)


def rdflib_term(t):
    """An Oxigraph term as rdflib's, as rdflib reads it from the store (a plain literal: no xsd:string)."""
    if t is None or isinstance(t, ox.NamedNode):
        return t and URIRef(t.value)
    if isinstance(t, ox.BlankNode):
        return BNode(t.value)
    if t.language:
        return Literal(t.value, lang=t.language)
    if t.datatype == XSD.string:
        return Literal(t.value)
    return Literal(t.value, datatype=URIRef(t.datatype.value))


def named(node: URIRef) -> ox.NamedNode:
    """An IRI made by :mod:`kraftgraf.ontology.vocab` (``plan_item(…)``) as Oxigraph's."""
    return ox.NamedNode(str(node))


def text(term) -> str:
    """What a term says: a literal's text, an IRI; '' for None."""
    return "" if term is None else term.value


def tail(node) -> str:
    """The readable tail of an IRI: '.../initiative/A1' -> 'A1' (and 'None' for None, as rdflib's str)."""
    return vocab.local_name(node if node is None else node.value)


class Converted:
    """A graph that takes rdflib triples and adds them to ``g`` as Oxigraph's (for the shared builders)."""

    def __init__(self, g):
        self.g = g

    def add(self, triple: tuple) -> None:
        """Add one triple of rdflib terms."""
        self.g.add(tuple(ox_term(t) for t in triple))
