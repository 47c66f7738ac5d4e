"""GraphML and GEXF written a slice at a time: byte for byte what networkx writes from the whole tree."""

from __future__ import annotations

import networkx as nx
import pytest

from kraftgraf.graph.exporters import xml_streamed
from kraftgraf.graph.exporters.network import _networkx
from kraftgraf.graph.store.build import build
from kraftgraf.graph.store.property_graph import property_graph

WRITERS = {"graphml": (lambda g, p: nx.write_graphml(g, p, encoding="utf-8"),
                       xml_streamed.write_graphml_streamed),
           "gexf": (lambda g, p: nx.write_gexf(g, p, encoding="utf-8", version="1.2draft"),
                    xml_streamed.write_gexf_streamed)}


def same_bytes(fmt: str, g: nx.MultiDiGraph, tmp_path) -> bool:
    whole, sliced = WRITERS[fmt]
    whole(g, tmp_path / "whole.xml")
    sliced(g, tmp_path / "sliced.xml")
    return (tmp_path / "whole.xml").read_bytes() == (tmp_path / "sliced.xml").read_bytes()


@pytest.fixture(scope="module")
def kg():
    return build()


@pytest.mark.parametrize("fmt", WRITERS)
@pytest.mark.parametrize("size", [7, 5000])  # many slices, and one
def test_the_seed_plan_in_slices_is_networkx_own_xml(fmt, size, kg, tmp_path, monkeypatch):
    g = _networkx(kg, property_graph(kg), gexf=fmt == "gexf")
    monkeypatch.setattr(xml_streamed, "SLICE", size)
    assert g.number_of_nodes() > 3 * size or size == 5000
    assert same_bytes(fmt, g, tmp_path)
    if fmt == "gexf":
        assert (tmp_path / "sliced.xml").read_text(encoding="utf-8").count("xmlns:viz=") == 1


@pytest.mark.parametrize("fmt", WRITERS)
def test_odd_graphs_are_networkx_own_xml(fmt, tmp_path, monkeypatch):
    monkeypatch.setattr(xml_streamed, "SLICE", 2)
    g = nx.MultiDiGraph()
    g.add_node("bare")  # no attributes: an empty element
    g.add_node("a", label="<Å & ö>", size=2.5, flag=True, n=3)
    g.add_node("b", label="tab\tand\nnewline", n=4)
    if fmt == "gexf":  # GraphML has no nested values
        g.nodes["b"]["viz"] = {"size": 3.0, "color": {"r": 1, "g": 2, "b": 3, "a": 1.0}}
    g.add_edge("a", "b", key="X", weight=1.0)
    g.add_edge("a", "b", key="Y", id="own-id")
    g.add_edge("b", "bare", key="X", reason="\u2028")
    assert same_bytes(fmt, g, tmp_path)
    assert same_bytes(fmt, nx.MultiDiGraph(), tmp_path)  # no nodes: networkx writes it
    g.graph["name"] = "with graph data"
    assert same_bytes(fmt, g, tmp_path)
