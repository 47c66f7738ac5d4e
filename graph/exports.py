"""RDF exports, written by Oxigraph's own serialisers straight from the store.

Going through rdflib's serialisers would convert every term to Python and back;
Oxigraph writes a national-scale plan in a fraction of that time.  Every writer
goes through :func:`~kraftgraf.graph.store.atomic_write`, so a failed export
leaves an earlier file in place.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
from kraftgraf.graph.store import PREFIXES, KnowledgeGraph, atomic_write

__all__ = ["write_turtle", "write_ntriples", "write_trig", "write_nquads", "write_jsonld"]

# Every triple once, in a fixed order, whichever named graph holds it: the same
# store gives the same bytes.
_UNION = """
CONSTRUCT { ?s ?p ?o } WHERE {
  { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?s ?p ?o }
}"""


def _merged(kg: KnowledgeGraph, path, fmt: ox.RdfFormat) -> None:
    triples = kg.store.query(_UNION)
    prefixes = dict(PREFIXES) if fmt is not ox.RdfFormat.N_TRIPLES else None
    atomic_write(path, lambda tmp: ox.serialize(triples, tmp, format=fmt, prefixes=prefixes))


def write_turtle(kg: KnowledgeGraph, path: str | Path) -> None:
    """Turtle, every graph merged, in a fixed order."""
    _merged(kg, path, ox.RdfFormat.TURTLE)


def write_ntriples(kg: KnowledgeGraph, path: str | Path) -> None:
    """N-Triples, every graph merged, in a fixed order."""
    _merged(kg, path, ox.RdfFormat.N_TRIPLES)


def write_trig(kg: KnowledgeGraph, path: str | Path) -> None:
    """TriG, one named graph per source (the store's own format)."""
    kg.save(path, "ox-trig")


def write_nquads(kg: KnowledgeGraph, path: str | Path) -> None:
    """N-Quads, one named graph per source."""
    kg.save(path, "ox-nquads")


def write_jsonld(kg: KnowledgeGraph, path: str | Path) -> None:
    """JSON-LD with a ``@context`` of the store's prefixes, all graphs merged."""
    from rdflib import Graph

    g = Graph()
    g.parse(data=ox.serialize(kg.store.query(_UNION), format=ox.RdfFormat.N_TRIPLES), format="nt")
    context = dict(PREFIXES)
    text = g.serialize(format="json-ld", context=context, auto_compact=True, sort_keys=True)
    json.loads(text)  # fail here, not in the user's tool, if the serialiser ever emits bad JSON
    atomic_write(path, lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))
