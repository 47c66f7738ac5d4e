"""RDF exports, written by Oxigraph's own serialisers straight from the store.

Going through rdflib's serialisers would convert every term to Python and back;
Oxigraph writes a national-scale plan in a fraction of that time.  Every writer
goes through :func:`~kraftgraf.files.atomic_write`, so a failed export
leaves an earlier file in place.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import RDF

from kraftgraf.files import atomic_write
from kraftgraf.graph.exporters.json_streamed import nested, write_member_list
from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.ontology.vocab import PREFIXES

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
    """JSON-LD with a ``@context`` of the store's prefixes, all graphs merged, in a fixed order.

    One node object per subject, IRIs written short (``kg:code``, ``actor:staten``)
    by the prefixes of the context.  Built straight from Oxigraph's quads:
    rdflib's parser and compacting serialiser took ten times as long as rdflib's
    own N-Triples on a national-scale plan.  Written a subject at a time, as
    ``json.dumps(…, indent=1)`` of the whole document would be: holding every
    node object at once took 6 GB on a plan of 3 million triples.
    """
    subjects: dict[str, list] = {}  # the short name -> the subjects written so (one, but for a clash)
    for (s,) in kg.store.query(_SUBJECTS):
        subjects.setdefault(_term(s), []).append(s)

    def write(tmp: str) -> None:
        with open(tmp, "w", encoding="utf-8") as out:
            out.write('{\n "@context": ' + nested(PREFIXES, 1) + ',\n')
            objects = (_node_object(kg, node, subjects[node]) for node in sorted(subjects))
            write_member_list(out, "@graph", objects)
            out.write("\n}")

    atomic_write(path, write)


# Every subject once, whichever graph (the default one included) holds it.
_SUBJECTS = "SELECT DISTINCT ?s WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"


def _node_object(kg: KnowledgeGraph, node: str, subjects: list) -> dict[str, Any]:
    """The node object of the subjects written ``node``: a triple in two graphs once, values sorted."""
    props: dict[str, set] = {}
    for s in subjects:
        for _, p, o, _ in kg.store.quads_for_pattern(s, None, None):
            props.setdefault(_term(p), set()).add(_value(o) if p != _TYPE else _term(o))
    entry: dict[str, Any] = {"@id": node}
    for prop, values in sorted(props.items()):
        key = "@type" if prop == "rdf:type" else prop
        entry[key] = sorted(values) if key == "@type" else [dict(v) for v in sorted(values)]
    return entry


_TYPE = ox.NamedNode(str(RDF.type))
_NAMESPACES = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))  # the longest namespace first
_STRING = "http://www.w3.org/2001/XMLSchema#string"


@cache
def _short(iri: str) -> str:
    """'https://w3id.org/kraftgraf/id/actor/staten' -> 'actor:staten' (the IRI itself without a prefix)."""
    for prefix, ns in _NAMESPACES:
        if iri.startswith(ns) and len(iri) > len(ns) and not iri[len(ns):].startswith("//"):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def _term(term) -> str:
    return f"_:{term.value}" if isinstance(term, ox.BlankNode) else _short(term.value)


def _value(term) -> tuple:
    """An object as the (sortable, hashable) items of its JSON-LD value object."""
    if not isinstance(term, ox.Literal):
        return (("@id", _term(term)),)
    if term.language:
        return (("@language", term.language), ("@value", term.value))
    if term.datatype.value == _STRING:
        return (("@value", term.value),)
    return (("@type", _short(term.datatype.value)), ("@value", term.value))
