"""What the network exports carry of the map: node colours, sizes, shapes, positions; link weights, reasons.

Each node gets its colour, size, shape and rainbow position, each link its
weight, reason and quote.  So Gephi, Cytoscape and Kumu open the plan as the analyst saw it in `kraftgraf viz
--layout rainbow`: the same colours and sizes by kind, the determinants on their
Dahlgren–Whitehead rings.  A node the map does not draw (an outcome, a programme,
a municipality inside a national-scale group) sits beside the first of its
neighbours that the map draws, else on an outer ring.
"""

from __future__ import annotations

import math
import zlib
from dataclasses import dataclass

from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.graph.store.property_graph import PropertyGraph
from kraftgraf.graph.views.map_data import STYLE, layer_order, map_graph, rainbow_positions, ring_radius

__all__ = ["Look", "looks", "link_facts", "display_labels", "OTHER"]

OTHER = ("dot", "#BBBBBB", 8)  # kinds the map leaves out (outcomes, programmes)


@dataclass(frozen=True)
class Look:
    """How the map draws a node."""

    colour: str  # "#RRGGBB"
    size: float
    shape: str  # vis-network's shape name
    x: float
    y: float  # grows upwards, as Gephi and Cytoscape expect

    @property
    def rgb(self) -> tuple[int, int, int]:
        """The colour as red, green, blue (0–255)."""
        return tuple(int(self.colour[i:i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


def _map_kind(pg: PropertyGraph, actors: set[str], node: str) -> str:
    kind = pg.nodes[node].kind
    return "Actor" if node in actors else kind


def looks(kg: KnowledgeGraph, pg: PropertyGraph) -> dict[str, Look]:
    """Every node's look, keyed by its id."""
    p = kg.projection()
    actors = {n for n, d in p.nodes(data=True) if d.get("actor")}
    layers = layer_order(kg)
    pos = rainbow_positions(map_graph(kg), layers)
    neighbours: dict[str, list[str]] = {}
    for e in pg.edges:
        neighbours.setdefault(e.start, []).append(e.end)
        neighbours.setdefault(e.end, []).append(e.start)
    outer = ring_radius(max(layers.values(), default=4)) + 700
    out = {}
    for node in pg.nodes:
        shape, colour, size = STYLE.get(_map_kind(pg, actors, node), OTHER)
        if node in pos:
            x, y = pos[node]
        else:
            anchor = next((m for m in neighbours.get(node, ()) if m in pos), None)
            spin = zlib.crc32(node.encode())
            if anchor is not None:
                x = pos[anchor][0] + 40 * math.cos(spin % 360)
                y = pos[anchor][1] + 40 * math.sin(spin % 360)
            else:
                x, y = outer * math.cos(spin % 360), outer * math.sin(spin % 360)
        out[node] = Look(colour, float(size), shape, round(float(x), 1), round(float(-y), 1))
    return out


def link_facts(kg: KnowledgeGraph, pg: PropertyGraph) -> dict[tuple[str, str, str], dict]:
    """Per link (start, type, end): its weight (the source quotes behind it, at least 1), reason and quote.

    The reason is the store's own ``kg:reason`` where a statement has one, else the
    link in words; the quote is the statement's, else the start node's.
    """
    from kraftgraf.graph.neo4j.props import _edge_props  # the statements behind links, as the push reads them

    if not pg.edge_props:
        _edge_props(kg, pg)
    names = display_labels(pg)
    out = {}
    for e in pg.edges:
        props = pg.edge_props.get((e.start, e.type, e.end), {})
        quotes = props.get("quotes", [])
        start, end = pg.nodes[e.start], pg.nodes[e.end]
        words = e.type.lower().replace("_", " ")
        reason = props.get("reason") or f"{names[e.start]} {words} {names[e.end]}"
        out[(e.start, e.type, e.end)] = {"weight": float(max(len(quotes), 1)), "reason": reason,
                                         "quote": quotes[0] if quotes else start.quote or end.quote}
    return out


def display_labels(pg: PropertyGraph) -> dict[str, str]:
    """Each node's Swedish label; an open commitment ("…" in the plan) is named by its row and actor."""
    actor = {e.start: pg.nodes[e.end].label_sv for e in pg.edges if e.type == "BY_ACTOR"}
    row = {e.start: pg.nodes[e.end].code for e in pg.edges if e.type == "TO_INITIATIVE"}
    out = {}
    for node, n in pg.nodes.items():
        if n.kind == "OpenCommitment":
            name = f"Öppet åtagande {row.get(node) or n.code}".strip()
            out[node] = name + (f" – {actor[node]}" if node in actor else "")
        else:
            out[node] = n.label_sv
    return out
