"""Exports for network tools.

GraphML and GEXF (Gephi, Cytoscape, igraph), CSV for ``neo4j-admin database
import``, and Kumu's JSON blueprint.

All start from :func:`~kraftgraf.graph.store.property_graph.property_graph`, whose
properties are already flat; lists are joined with "; " where a format has no
lists, and GraphML, GEXF and Kumu carry the map's look and each link's weight,
reason and quote (:mod:`kraftgraf.graph.exporters.network_style`).
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import networkx as nx

from kraftgraf import safe_csv
from kraftgraf.files import atomic_write, check_target, output_folder
from kraftgraf.graph.exporters.json_streamed import write_member_list
from kraftgraf.graph.exporters.network_style import display_labels, link_facts, looks
from kraftgraf.graph.exporters.xml_streamed import write_gexf_streamed, write_graphml_streamed
from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.graph.store.property_graph import PropertyGraph, property_graph

__all__ = ["write_graphml", "write_gexf", "write_csv", "write_kumu"]

NODE_HEADER = ["iri:ID", "kind", "label_sv", "label_en", "code", "layers:string[]",
               "sectors:string[]", "quote", ":LABEL"]
EDGE_HEADER = [":START_ID", ":END_ID", ":TYPE"]


def _networkx(kg: KnowledgeGraph, pg: PropertyGraph, gexf: bool) -> nx.MultiDiGraph:
    """The property graph with the map's look, one attribute per layer and sector, and weighted links.

    GEXF takes the look as its ``viz:`` elements (colour, size, position, shape);
    GraphML as the attributes Gephi's importer reads (r, g, b, size, x, y) and a
    ``color`` Cytoscape can map.  Layers and sectors are each a true/false
    attribute ("layer: …", "sector: …") beside the joined text.
    """
    look = looks(kg, pg)
    names = display_labels(pg)
    every_layer = sorted({v for n in pg.nodes.values() for v in n.layers})
    every_sector = sorted({v for n in pg.nodes.values() for v in n.sectors})
    g = nx.MultiDiGraph()
    for node in pg.nodes.values():
        props = asdict(node)
        props["layers"] = "; ".join(node.layers)
        props["sectors"] = "; ".join(node.sectors)
        props["label"] = names[node.id]  # the attribute Gephi and Cytoscape show by default
        props.update({f"layer: {v}": v in node.layers for v in every_layer})
        props.update({f"sector: {v}": v in node.sectors for v in every_sector})
        del props["id"]
        lk = look[node.id]
        r, gr, b = lk.rgb
        if gexf:
            props["viz"] = {"color": {"r": r, "g": gr, "b": b, "a": 1.0}, "size": lk.size,
                            "position": {"x": lk.x, "y": lk.y, "z": 0.0},
                            "shape": _GEXF_SHAPES.get(lk.shape, "disc")}
        else:
            props.update(r=r, g=gr, b=b, color=lk.colour, size=lk.size, x=lk.x, y=lk.y, shape=lk.shape)
        g.add_node(node.id, **props)
    facts = link_facts(kg, pg)
    for edge in pg.edges:
        g.add_edge(edge.start, edge.end, key=edge.type, type=edge.type,
                   **facts[(edge.start, edge.type, edge.end)])
    return g


# vis-network's shapes as GEXF 1.2's (disc, square, triangle, diamond, image)
_GEXF_SHAPES = {"dot": "disc", "box": "square", "square": "square", "triangle": "triangle",
                "triangleDown": "triangle", "diamond": "diamond", "star": "diamond", "hexagon": "disc"}


def write_graphml(kg: KnowledgeGraph, path: str | Path) -> None:
    """GraphML with every property as a typed attribute, the map's look and weighted links."""
    g = _networkx(kg, property_graph(kg), gexf=False)
    atomic_write(path, lambda tmp: write_graphml_streamed(g, tmp))


def write_gexf(kg: KnowledgeGraph, path: str | Path) -> None:
    """GEXF 1.2 for Gephi, with the map's colours, sizes and rainbow positions as ``viz:`` elements."""
    g = _networkx(kg, property_graph(kg), gexf=True)
    atomic_write(path, lambda tmp: write_gexf_streamed(g, tmp))


def _write_rows(path: Path, header: list[str], rows) -> None:
    def write(tmp):
        with open(tmp, "w", encoding="utf-8", newline="") as f:
            out = safe_csv.writer(f)  # text cells neutralised, CR/LF quoted
            out.writerow(header)
            out.writerows(rows)

    atomic_write(path, write)


def write_csv(kg: KnowledgeGraph, path: str | Path) -> None:
    """A folder with nodes.csv and relationships.csv in neo4j-admin's import layout.

    Arrays use neo4j-admin's default delimiter ";".  Text cells that start with
    "=", "+", "-" or "@" get a leading apostrophe so spreadsheets do not run them.
    """
    with output_folder(path) as folder:  # a file there, or no parent folder: one line, not a traceback
        for name in ("nodes.csv", "relationships.csv"):
            check_target(folder / name)  # both checked before either is written
        pg = property_graph(kg)
        _write_rows(folder / "nodes.csv", NODE_HEADER, (
            [n.id, n.kind, n.label_sv, n.label_en, n.code, ";".join(n.layers), ";".join(n.sectors),
             n.quote, n.kind] for n in pg.nodes.values()))
        _write_rows(folder / "relationships.csv", EDGE_HEADER,
                    ([e.start, e.end, e.type] for e in pg.edges))


def write_kumu(kg: KnowledgeGraph, path: str | Path) -> None:
    """Kumu's JSON blueprint: elements with unique ids and the map's look, connections with reason and quote.

    Each element carries its type and the map's colour, size and shape as fields,
    so Kumu's decorations (``element["element type"="Initiative"] { color: … }``,
    or ``color: field("color")``) draw it as the map does.
    """
    pg = property_graph(kg)
    look = looks(kg, pg)
    names = display_labels(pg)
    facts = link_facts(kg, pg)
    elements = (
        {"id": n.id, "label": names[n.id], "type": n.kind, "description": n.quote,
         "tags": n.layers + n.sectors, "layers": n.layers, "sectors": n.sectors, "code": n.code,
         "label_en": n.label_en, "color": look[n.id].colour, "size": look[n.id].size,
         "shape": look[n.id].shape}
        for n in pg.nodes.values()
    )
    connections = (
        {"from": e.start, "to": e.end, "type": e.type, "direction": "directed",
         **facts[(e.start, e.type, e.end)]}
        for e in pg.edges
    )

    def write(tmp):
        with open(tmp, "w", encoding="utf-8") as out:
            out.write("{\n")
            write_member_list(out, "elements", elements)
            out.write(",\n")
            write_member_list(out, "connections", connections)
            out.write("\n}")

    atomic_write(path, write)

