"""GraphML and GEXF written a slice at a time, byte for byte as networkx's own writers write them.

networkx (without lxml) builds the whole XML tree before writing a byte: on a
plan of 3 million triples that tree and the graph beside it took 5.4 GB.  Here
its writers make the elements of a few thousand nodes or links at a time; they
are indented as the whole tree would be and written to side files, and the
document around them (the keys or attribute declarations, known only at the
end) is networkx's tree with one stand-in element where each list goes.
"""

from __future__ import annotations

import shutil
import tempfile
from itertools import chain, islice
from pathlib import Path
from xml.etree.ElementTree import Element, tostring

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter
from networkx.readwrite.graphml import GraphMLWriter

__all__ = ["write_graphml_streamed", "write_gexf_streamed"]

SLICE = 5000  # nodes or links whose elements are held at once
_DECLARATION = "<?xml version='1.0' encoding='utf-8'?>\n"
_STAND_IN = "kraftgraf-stand-in"


class _Slice:
    """A few of a graph's nodes or links, as networkx's writers read a graph."""

    def __init__(self, g: nx.MultiDiGraph, nodes=None, edges=()):
        self.graph, self._edges = g.graph, list(edges)
        self.nodes = g.nodes if nodes is None else lambda data: nodes  # links look their ends up

    def edges(self, data: bool, keys: bool = False):
        return self._edges

    def is_multigraph(self) -> bool:
        return True

    def is_directed(self) -> bool:
        return True


def _node_slices(g: nx.MultiDiGraph):
    nodes = iter(g.nodes(data=True))
    while part := list(islice(nodes, SLICE)):
        yield _Slice(g, nodes=part)


def _edge_slices(g: nx.MultiDiGraph):
    edges = iter(g.edges(data=True, keys=True))
    while part := list(islice(edges, SLICE)):
        yield _Slice(g, edges=part)


def _write_body(body, batches, indent, level: int, declared: str = "") -> None:
    """Each element of each batch, indented ``level`` deep, with the whitespace the whole tree has between.

    ``declared``: a namespace declaration the document's root makes, left out of each element.
    """
    first = True
    for elements in batches:
        for element in elements:
            indent(element, level)
            element.tail = None  # the whitespace between elements is written here instead
            text = tostring(element, encoding="unicode")
            if declared and declared in text[:text.find(">")]:
                text = text.replace(declared, "", 1)
            body.write(text if first else "\n" + "  " * level + text)
            first = False


def _assemble(path, root: Element, stand_ins: list[str], bodies) -> None:
    """The whole document: ``root`` serialised, each stand-in replaced by its side file."""
    text = tostring(root, encoding="unicode")
    with open(path, "w", encoding="utf-8", errors="xmlcharrefreplace") as out:
        out.write(_DECLARATION)
        for stand_in, body in zip(stand_ins, bodies):
            before, _, text = text.partition(f"<{stand_in} />")
            out.write(before)
            body.seek(0)
            shutil.copyfileobj(body, out)
        out.write(text)


def _side_file(path):
    return tempfile.TemporaryFile("w+", encoding="utf-8", errors="xmlcharrefreplace", dir=Path(path).parent)


def write_graphml_streamed(g: nx.MultiDiGraph, path: str | Path) -> None:
    """What ``nx.write_graphml(g, path, encoding="utf-8")`` writes, holding only a slice of its elements."""
    if not g.number_of_nodes() or g.graph:  # nothing to stream, or graph data this does not write
        nx.write_graphml(g, path, encoding="utf-8")
        return
    writer = GraphMLWriter(encoding="utf-8")

    def batches():
        parts = chain(((writer.add_nodes, s) for s in _node_slices(g)),
                      ((writer.add_edges, s) for s in _edge_slices(g)))
        for add, part in parts:
            held = Element("graph")
            add(part, held)
            for element, data in writer.attributes.items():  # as add_graph_element does at its end
                for k, v, scope, default in data:
                    element.append(writer.add_data(str(k), writer.attr_type(k, scope, v), str(v), scope,
                                                   default))
            writer.attributes.clear()
            yield list(held)

    with _side_file(path) as body:
        _write_body(body, batches(), writer.indent, 2)
        graph = Element("graph", edgedefault="directed")
        graph.append(Element(_STAND_IN))
        writer.xml.append(graph)
        writer.indent(writer.xml)
        _assemble(path, writer.xml, [_STAND_IN], [body])


def write_gexf_streamed(g: nx.MultiDiGraph, path: str | Path) -> None:
    """What ``nx.write_gexf(g, path, encoding="utf-8", version="1.2draft")`` writes, a slice at a time."""
    if not g.number_of_nodes() or not g.number_of_edges() or g.graph:  # networkx writes these alike
        nx.write_gexf(g, path, encoding="utf-8", version="1.2draft")
        return
    writer = GEXFWriter(encoding="utf-8", version="1.2draft")
    writer.all_edge_ids = {str(d["id"]) for *_, d in g.edges(data=True) if d.get("id") is not None}
    writer.graph_element = graph = Element("graph", defaultedgetype="directed", mode="static", name="")

    def batches(add, slices):
        for part in slices:
            held = Element("graph")
            add(part, held)
            yield list(held[0])  # the node or edge elements of the one <nodes> or <edges> made

    stand_ins = [f"{{{writer.NS_VIZ}}}{_STAND_IN}", _STAND_IN]
    viz = f' xmlns:viz="{writer.NS_VIZ}"'
    with _side_file(path) as nodes, _side_file(path) as edges:
        _write_body(nodes, batches(writer.add_nodes, _node_slices(g)), writer.indent, 3, viz)
        _write_body(edges, batches(writer.add_edges, _edge_slices(g)), writer.indent, 3, viz)
        for name, stand_in in zip(("nodes", "edges"), stand_ins):  # a viz: stand-in: the root declares viz:
            graph.append(Element(name))
            graph[-1].append(Element(stand_in))
        writer.xml.append(graph)
        writer.indent(writer.xml)
        _assemble(path, writer.xml, [f"viz:{_STAND_IN}", _STAND_IN], [nodes, edges])
