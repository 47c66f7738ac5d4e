"""GraphML written a slice at a time: byte for byte what networkx writes from the whole tree."""

from __future__ import annotations

import networkx as nx
import pytest

from kraftgraf.graph.exporters import graphml
from kraftgraf.graph.exporters.network import _networkx
from kraftgraf.graph.store.build import build
from kraftgraf.graph.store.property_graph import property_graph


def same_bytes(g: nx.MultiDiGraph, tmp_path) -> bool:
    nx.write_graphml(g, tmp_path / "whole.graphml", encoding="utf-8")
    graphml.write_graphml_streamed(g, tmp_path / "sliced.graphml")
    return (tmp_path / "whole.graphml").read_bytes() == (tmp_path / "sliced.graphml").read_bytes()


@pytest.mark.parametrize("size", [7, 5000])  # many slices, and one
def test_the_seed_plan_in_slices_is_networkx_own_graphml(size, tmp_path, monkeypatch):
    kg = build()
    g = _networkx(kg, property_graph(kg), gexf=False)
    monkeypatch.setattr(graphml, "SLICE", size)
    assert g.number_of_nodes() > 3 * size or size == 5000
    assert same_bytes(g, tmp_path)


def test_odd_graphs_are_networkx_own_graphml(tmp_path, monkeypatch):
    monkeypatch.setattr(graphml, "SLICE", 2)
    g = nx.MultiDiGraph()
    g.add_node("bare")  # no attributes: an empty element
    g.add_node("a", label="<Å & ö>", size=2.5, flag=True, n=3)
    g.add_node("b", label="tab\tand\nnewline", n="three")  # one name, two types: two keys
    g.add_edge("a", "b", key="X", weight=1.0)
    g.add_edge("a", "b", key="Y")
    g.add_edge("b", "bare", key="X", reason="\u2028")
    assert same_bytes(g, tmp_path)
    assert same_bytes(nx.MultiDiGraph(), tmp_path)  # no nodes: networkx writes it
    g.graph["name"] = "with graph data"
    assert same_bytes(g, tmp_path)
