"""GraphML written a slice at a time, byte for byte as networkx's own writer writes it.

networkx (without lxml) builds the whole XML tree before writing a byte: on a
plan of 3 million triples that tree and the graph beside it took 5.4 GB.  Here
its writer makes the elements of a few thousand nodes or links at a time; they
are indented as the whole tree would be and written to a side file, and the
keys, known only at the end, are written before them.
"""

from __future__ import annotations

import shutil
import tempfile
from itertools import islice
from pathlib import Path
from xml.etree.ElementTree import Element, tostring

import networkx as nx
from networkx.readwrite.graphml import GraphMLWriter

__all__ = ["write_graphml_streamed"]

SLICE = 5000  # nodes or links whose elements are held at once
_DECLARATION = "<?xml version='1.0' encoding='utf-8'?>\n"


class _Slice:
    """A few of a graph's nodes or links, as networkx's GraphML writer reads a graph."""

    def __init__(self, graph: nx.MultiDiGraph, nodes=(), edges=()):
        self.graph, self._nodes, self._edges = graph.graph, list(nodes), list(edges)

    def nodes(self, data: bool):
        return self._nodes

    def edges(self, data: bool, keys: bool):
        return self._edges

    def is_multigraph(self) -> bool:
        return True


def _slices(g: nx.MultiDiGraph):
    """(method of the writer, slice): every node, then every link, SLICE at a time."""
    nodes = iter(g.nodes(data=True))
    while part := list(islice(nodes, SLICE)):
        yield GraphMLWriter.add_nodes, _Slice(g, nodes=part)
    edges = iter(g.edges(data=True, keys=True))
    while part := list(islice(edges, SLICE)):
        yield GraphMLWriter.add_edges, _Slice(g, edges=part)


def write_graphml_streamed(g: nx.MultiDiGraph, path: str | Path) -> None:
    """What ``nx.write_graphml(g, path, encoding="utf-8")`` writes, holding only a slice of its elements."""
    if not g.number_of_nodes() or g.graph:  # nothing to stream, or graph data this does not write
        nx.write_graphml(g, path, encoding="utf-8")
        return
    writer = GraphMLWriter(encoding="utf-8")
    with tempfile.TemporaryFile("w+", encoding="utf-8", errors="xmlcharrefreplace",
                                dir=Path(path).parent) as body:
        first = True
        for add, part in _slices(g):
            held = Element("graph")
            add(writer, part, held)
            for element, data in writer.attributes.items():  # as add_graph_element does at its end
                for k, v, scope, default in data:
                    element.append(writer.add_data(str(k), writer.attr_type(k, scope, v), str(v), scope,
                                                   default))
            writer.attributes.clear()
            for element in held:
                writer.indent(element, 2)
                element.tail = None  # the whitespace between elements is written here instead
                body.write(("" if first else "\n    ") + tostring(element, encoding="unicode"))
                first = False
        # the keys and the graph's start and end, from the whole tree with one stand-in element
        graph = Element("graph", edgedefault="directed")
        graph.append(Element("kraftgraf-stand-in"))
        writer.xml.append(graph)
        writer.indent(writer.xml)
        head, _, tail = tostring(writer.xml, encoding="unicode").partition("<kraftgraf-stand-in />")
        body.seek(0)
        with open(path, "w", encoding="utf-8", errors="xmlcharrefreplace") as out:
            out.write(_DECLARATION + head)
            shutil.copyfileobj(body, out)
            out.write(tail)
