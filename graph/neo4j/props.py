"""What the Cypher gap queries read beyond the flat export properties.

:func:`property_graph` gives what Gephi, Cytoscape and Kumu show: one quote,
labels, layers, sectors.  A gap query asked of Neo4j (``queries/*.cypher``) needs
what the SPARQL texts read from the store: every source quote of a node (and its source), its
``kg:order``, ``kg:text``, ``kg:column``, the law's SFS number, form, first and
last day and the part of it that moved to another act, the
scheme a layer belongs to, the names it can be looked up by, and, on a
relationship, the reified statement behind it (``statement``), its quotes,
``kg:reason`` and ``kg:confidence``.  :func:`push_graph` adds them to the property
graph that ``kraftgraf neo4j push`` writes; exports do without them.

A layer is its own layer (``kg:layer`` points at itself); the projection leaves
that loop out for drawing, the push puts it back so that ``ADDRESSES``/``LAYER``
reads as ``kg:addresses/kg:layer`` does.
"""

from __future__ import annotations

from typing import Any

from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.graph.store.projection import ACTOR_KINDS
from kraftgraf.graph.store.property_graph import Edge, PropertyGraph, property_graph, relationship_type
from kraftgraf.ontology.vocab import local_name

__all__ = ["push_graph"]

_PREFIXES = """PREFIX kg: <https://w3id.org/kraftgraf/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""
# node property -> the SPARQL that gives (?node, ?value), one value kept per node
_SINGLE = {
    "order": "SELECT ?node ?value WHERE { ?node kg:order ?value }",
    "text": "SELECT ?node ?value WHERE { ?node kg:text ?value }",
    "column": "SELECT ?node ?value WHERE { ?node kg:column ?value }",
    "sfs": "SELECT ?node ?value WHERE { ?node eli:id_local ?value }",
    "valid_until": "SELECT ?node ?value WHERE { ?node kg:validUntil ?value }",
    "in_force_from": "SELECT ?node ?value WHERE { ?node eli:first_date_entry_in_force ?value }",
    "form": "SELECT ?node ?value WHERE { ?node kg:form ?value }",
    "replaced_part": "SELECT ?node ?value WHERE { ?node kg:replacedPart ?value }",
    "publisher": "SELECT ?node ?value WHERE { ?node a kg:Indicator ; dcterms:publisher ?value }",
    "identifier": "SELECT ?node ?value WHERE { ?node a kg:Indicator ; dcterms:identifier ?value }",
    "url": "SELECT ?node ?value WHERE { ?node a kg:Indicator ; rdfs:seeAlso ?value }",
}
# node property -> the SPARQL that gives (?node, ?value), every value kept, in order
_LISTS = {
    "quotes": ("SELECT ?node ?value WHERE { ?node prov:wasDerivedFrom ?src . ?src prov:value ?value } "
               "ORDER BY ?node ?src"),
    "sources": ("SELECT ?node ?value WHERE { ?node prov:wasDerivedFrom ?value . ?value prov:value ?q } "
                "ORDER BY ?node ?value"),
    "names": ("SELECT ?node ?value WHERE { VALUES ?p { skos:prefLabel skos:altLabel rdfs:label kg:code } "
              "?node ?p ?value }"),
    "schemes": "SELECT ?node ?value WHERE { ?node a kg:DeterminantLayer ; skos:inScheme ?value }",
}
# kraftgraf's KnowledgeGraph.label: a Swedish prefLabel, else a Swedish rdfs:label, else any label
_LABELS = """SELECT ?node ?value WHERE {
  VALUES (?p ?rank) { (skos:prefLabel 0) (rdfs:label 1) } ?node ?p ?value .
  BIND(IF(lang(?value) = "sv", ?rank, 2 + ?rank) AS ?r) } ORDER BY ?node ?r"""
_STATEMENTS = """SELECT ?s ?p ?o ?statement ?quote ?reason ?confidence WHERE {
  ?statement rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
  OPTIONAL { ?statement prov:wasDerivedFrom ?src . ?src prov:value ?quote }
  OPTIONAL { ?statement kg:reason ?reason }
  OPTIONAL { ?statement kg:confidence ?confidence } } ORDER BY ?statement ?src"""
_LOOPS = "SELECT ?node WHERE { ?node kg:layer ?node }"


def _rows(kg: KnowledgeGraph, text: str):
    return kg.store.query(_PREFIXES + text, use_default_graph_as_union=True)


def _value(term):
    if getattr(term, "datatype", None) is not None and term.datatype.value.endswith("#integer"):
        return int(term.value)
    return term.value


def _node_props(kg: KnowledgeGraph, pg: PropertyGraph) -> None:
    actor_kinds = {local_name(k) for k in ACTOR_KINDS}
    props: dict[str, dict[str, Any]] = {
        n: {"actor": node.kind in actor_kinds, "quotes": [], "sources": [], "schemes": [],
            "names": [local_name(n).lower()]} for n, node in pg.nodes.items()}
    for key, text in [*_SINGLE.items(), ("label", _LABELS)]:
        for r in _rows(kg, text):
            if r["node"].value in props:
                props[r["node"].value].setdefault(key, _value(r["value"]))
    for key, text in _LISTS.items():
        for r in _rows(kg, text):
            if r["node"].value in props:
                props[r["node"].value][key].append(r["value"].value.lower() if key == "names"
                                                    else r["value"].value)
    for n, p in props.items():
        p.setdefault("label", local_name(n))
        p["names"] = sorted(set(p["names"]))
    pg.node_props.update(props)


def _edge_props(kg: KnowledgeGraph, pg: PropertyGraph) -> None:
    edges = {(e.start, e.type, e.end) for e in pg.edges}
    for r in _rows(kg, _STATEMENTS):
        key = (r["s"].value, relationship_type(local_name(r["p"].value)), r["o"].value)
        if key in edges:
            p = pg.edge_props.setdefault(key, {"statement": r["statement"].value, "quotes": []})
            if r["quote"] is not None and r["quote"].value not in p["quotes"]:
                p["quotes"].append(r["quote"].value)
            for prop in ("reason", "confidence"):
                if r[prop] is not None:
                    p[prop] = r[prop].value


def push_graph(kg: KnowledgeGraph) -> PropertyGraph:
    """The property graph of ``kg`` with what the Cypher gap queries need; see the module's docstring."""
    pg = property_graph(kg)
    pg.edges += [Edge(r["node"].value, "LAYER", r["node"].value) for r in _rows(kg, _LOOPS)
                 if r["node"].value in pg.nodes]
    _node_props(kg, pg)
    _edge_props(kg, pg)
    return pg
