"""The map's overview: goals, focus areas, actors and determinants first, the rest on demand.

A plan of a thousand initiatives and fifty thousand commitments drawn at once is a
hairball.  The map opens instead with each focus area *folded*: its initiatives and
their commitments are in the page but not drawn, and their links to what is drawn
(actors, determinants, laws, indicators) are drawn as one link of the focus area,
weighted by how many links it stands for.  Unfolding a focus area (double-click, or
the button in its panel) draws its items and hides those summary links.

The layout follows the same split: the spring layout places the overview only (a few
hundred nodes at national scale, not thousands), and each focus area's items sit in
a sunflower spiral around it, so unfolding one never moves anything else.
"""

from __future__ import annotations

import math
from collections import Counter

import networkx as nx

__all__ = ["FOLDED_KINDS", "FOLD_FOCUS_FROM", "MAX_DRAWN", "OPEN_AROUND_FOCUS_UP_TO", "fold_homes",
           "summary_links", "overview_positions"]

FOLDED_KINDS = ("Initiative", "Commitment", "OpenCommitment")
MAX_DRAWN = 2000  # no view draws more nodes than this (the page refuses to unfold past it)
OPEN_AROUND_FOCUS_UP_TO = 100  # a focus view opens with its node's neighbours unfolded, up to this many
FOLD_FOCUS_FROM = 300  # a focus view of fewer nodes is drawn whole
PHYSICS_UP_TO = 300  # above this many nodes the spring layout takes fewer steps
_GOLDEN = math.pi * (3 - math.sqrt(5))
_SPACING = 70  # distance between neighbouring initiatives in a focus area's spiral


def fold_homes(g: nx.MultiDiGraph, keep_open: set[str]) -> dict[str, str]:
    """The focus area each initiative, commitment and open commitment is folded into.

    An initiative under no focus area on the map, and whatever is in ``keep_open``
    (a focus view's node and its neighbours), is never folded.
    """
    kind = {n: d["kind"] for n, d in g.nodes(data=True)}
    home: dict[str, str] = {}
    for s, o, rel in g.edges(keys=True):  # sorted edges: an item under two focus areas goes to the first
        if rel == "inFocusArea" and kind[s] == "Initiative" and s not in keep_open:
            home.setdefault(s, o)
    for s, o, rel in g.edges(keys=True):
        if rel == "toInitiative" and o in home and kind[s] in FOLDED_KINDS and s not in keep_open:
            home.setdefault(s, home[o])
    return home


def summary_links(g: nx.MultiDiGraph, home: dict[str, str]) -> list[dict]:
    """The links between folded items and drawn nodes, as links of the focus area, one per kind and relation.

    Each says how many links it stands for (``value``) and of which kind of item
    (``via``), so a tooltip can say "12 åtaganden" and the line is drawn thicker.
    """
    count: Counter = Counter()
    for s, o, rel, d in g.edges(keys=True, data=True):
        if (s in home) == (o in home):
            continue  # inside a folded focus area, or between drawn nodes: drawn as it is
        a, b = home.get(s, s), home.get(o, o)
        if a != b:
            via = g.nodes[s if s in home else o]["kind"]
            count[(a, b, rel, via)] += d.get("count", 1)
    folds = set(home.values())
    return [{"from": a, "to": b, "rel": rel, "via": via, "value": n, "summary": a if a in folds else b}
            for (a, b, rel, via), n in sorted(count.items())]


def overview_positions(g: nx.MultiDiGraph, home: dict[str, str], links: list[dict],
                       scale: float = 1500) -> dict[str, tuple[float, float]]:
    """A seeded spring layout of the overview, and each folded item in a spiral around its focus area."""
    drawn = nx.Graph()
    drawn.add_nodes_from(n for n in g if n not in home)
    drawn.add_edges_from((s, o) for s, o in g.edges() if s not in home and o not in home)
    drawn.add_edges_from((e["from"], e["to"]) for e in links)
    pos = spread_positions(drawn, scale)
    spiral: Counter = Counter()
    initiative_of = {s: o for s, o, rel in g.edges(keys=True) if rel == "toInitiative" and s in home}
    for n in sorted(home, key=lambda n: (g.nodes[n]["kind"] != "Initiative", n)):
        if g.nodes[n]["kind"] == "Initiative":  # a sunflower: evenly spread, however many
            k = spiral[home[n]]
            spiral[home[n]] += 1
            x, y = pos[home[n]]
            r, angle = _SPACING * math.sqrt(k + 1.5), k * _GOLDEN
            pos[n] = (x + r * math.cos(angle), y + r * math.sin(angle))
    ring: Counter = Counter()
    for n in sorted(home):
        if n not in pos:  # a commitment: on a small ring around its initiative
            x, y = pos[initiative_of[n]]
            k = ring[initiative_of[n]]
            ring[initiative_of[n]] += 1
            pos[n] = (x + 28 * math.cos(1.1 * k), y + 28 * math.sin(1.1 * k))
    return pos


def spread_positions(simple: nx.Graph, scale: float) -> dict[str, tuple[float, float]]:
    """A seeded spring layout of what is linked, and a row under it of what is linked to nothing.

    Unlinked nodes (a law no commitment names) would otherwise be pushed off the view.
    """
    alone = sorted(n for n in simple if simple.degree(n) == 0)
    linked = simple.subgraph(n for n in simple if simple.degree(n) > 0)
    iterations = 60 if linked.number_of_nodes() <= PHYSICS_UP_TO else 30
    spread = 2 / max(linked.number_of_nodes(), 1) ** 0.5  # twice networkx's default distance
    pos = {n: (x * scale, y * scale) for n, (x, y) in
           nx.spring_layout(linked, seed=1, iterations=iterations, k=spread).items()} if len(linked) else {}
    for j, n in enumerate(alone):
        pos[n] = (-scale + 2 * scale * (j + 0.5) / len(alone), scale * 1.15)
    return pos
