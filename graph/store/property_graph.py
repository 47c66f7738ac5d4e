"""The plan as a property graph: what Gephi, Cytoscape, Kumu and Neo4j take.

Nodes carry flat properties (no lists of lists, no nested dicts): the kind, the
labels in both languages, the code, the Dahlgren–Whitehead layer(s), the
sector(s) and the first source quote.  Relationship types come from the fixed
list in :mod:`kraftgraf.graph.store.projection`, never from data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph

__all__ = ["Node", "Edge", "PropertyGraph", "property_graph", "relationship_type"]

_QUOTES = """
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?node ?quote WHERE { ?node prov:wasDerivedFrom ?src . ?src prov:value ?quote }
ORDER BY ?node ?src"""
_CODES = "SELECT ?node ?code WHERE { ?node <https://w3id.org/kraftgraf/ontology#code> ?code }"


@dataclass
class Node:
    """One node with flat properties; ``layers`` and ``sectors`` are label lists."""

    id: str
    kind: str
    label_sv: str
    label_en: str
    code: str = ""
    layers: list[str] = field(default_factory=list)
    sectors: list[str] = field(default_factory=list)
    quote: str = ""


@dataclass(frozen=True)
class Edge:
    """A typed relationship between two node ids."""

    start: str
    type: str
    end: str


@dataclass
class PropertyGraph:
    """Nodes by id, and edges, in a stable order."""

    nodes: dict[str, Node]
    edges: list[Edge]
    # what only the Cypher gap queries read (kraftgraf.graph.neo4j.props): by node id, by (start, type, end)
    node_props: dict[str, dict] = field(default_factory=dict)
    edge_props: dict[tuple[str, str, str], dict] = field(default_factory=dict)


def relationship_type(rel: str) -> str:
    """'byActor' -> 'BY_ACTOR': Neo4j's naming for relationship types."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", rel).upper()


def _first_per_node(kg: KnowledgeGraph, text: str, column: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for row in kg.store.query(text, use_default_graph_as_union=True):
        out.setdefault(row["node"].value, row[column].value)
    return out


def property_graph(kg: KnowledgeGraph) -> PropertyGraph:
    """The store's projection with layers, sectors, codes and quotes as flat properties."""
    p = kg.projection()
    quotes = _first_per_node(kg, _QUOTES, "quote")
    codes = _first_per_node(kg, _CODES, "code")
    nodes = {
        n: Node(n, d["kind"], d["label"], d["label_en"], codes.get(n, ""), quote=quotes.get(n, ""))
        for n, d in sorted(p.nodes(data=True))
    }
    for s, o, rel in sorted(p.edges(keys=True)):
        if rel == "layer" and s != o:
            nodes[s].layers.append(nodes[o].label_sv)
        elif rel in ("hasMandateIn", "inSector"):
            nodes[s].sectors.append(nodes[o].label_sv)
    # an initiative sits in the layers of the determinants it addresses
    for s, o, rel in sorted(p.edges(keys=True)):
        if rel == "addresses":
            layers = nodes[o].layers or [nodes[o].label_sv]
            nodes[s].layers = sorted(set(nodes[s].layers) | set(layers))
    edges = [Edge(s, relationship_type(rel), o) for s, o, rel in sorted(p.edges(keys=True))]
    return PropertyGraph(nodes, edges)
