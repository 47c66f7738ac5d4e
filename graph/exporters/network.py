"""Exports for network tools.

GraphML and GEXF (Gephi, Cytoscape, igraph), CSV for ``neo4j-admin database
import``, and Kumu's JSON blueprint.

All start from :func:`~kraftgraf.graph.store.property_graph.property_graph`, whose
properties are already flat; lists are joined with "; " where a format has no
lists.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import networkx as nx

from kraftgraf import safe_csv
from kraftgraf.files import atomic_write, check_target, output_folder
from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.graph.store.property_graph import PropertyGraph, property_graph

__all__ = ["write_graphml", "write_gexf", "write_csv", "write_kumu"]

NODE_HEADER = ["iri:ID", "kind", "label_sv", "label_en", "code", "layers:string[]",
               "sectors:string[]", "quote", ":LABEL"]
EDGE_HEADER = [":START_ID", ":END_ID", ":TYPE"]


def _networkx(pg: PropertyGraph) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for node in pg.nodes.values():
        props = asdict(node)
        props["layers"] = "; ".join(node.layers)
        props["sectors"] = "; ".join(node.sectors)
        props["label"] = node.label_sv  # the attribute Gephi and Cytoscape show by default
        del props["id"]
        g.add_node(node.id, **props)
    for edge in pg.edges:
        g.add_edge(edge.start, edge.end, key=edge.type, type=edge.type)
    return g


def write_graphml(kg: KnowledgeGraph, path: str | Path) -> None:
    """GraphML with every property as a typed attribute."""
    g = _networkx(property_graph(kg))
    atomic_write(path, lambda tmp: nx.write_graphml(g, tmp, encoding="utf-8"))


def write_gexf(kg: KnowledgeGraph, path: str | Path) -> None:
    """GEXF 1.2 for Gephi."""
    g = _networkx(property_graph(kg))
    atomic_write(path, lambda tmp: nx.write_gexf(g, tmp, encoding="utf-8", version="1.2draft"))


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
    """Kumu's JSON blueprint: elements with unique ids, connections between ids."""
    pg = property_graph(kg)
    blueprint = {
        "elements": [
            {"id": n.id, "label": n.label_sv, "type": n.kind, "description": n.quote,
             "tags": n.layers + n.sectors, "code": n.code, "label_en": n.label_en}
            for n in pg.nodes.values()
        ],
        "connections": [{"from": e.start, "to": e.end, "type": e.type} for e in pg.edges],
    }
    text = json.dumps(blueprint, ensure_ascii=False, indent=1)
    atomic_write(path, lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))
