"""What the interactive map draws: which nodes, their style, filters and positions.

pyvis builds the network (nodes and edges with their vis-network options); the
page around it is the project's own template (:mod:`kraftgraf.graph.views.map`).
At national scale the map stays readable by grouping: municipalities and
regions become one node each, and when there are too many commitments to draw
they become weighted actor → initiative edges instead of nodes.
"""

from __future__ import annotations

import math
import zlib
from collections import defaultdict

import networkx as nx

from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph

__all__ = ["STYLE", "KIND_LABELS", "map_graph", "rainbow_positions", "ring_radius", "layer_order",
           "unowned_nodes"]

# kind -> (shape, colour, size): colour-blind-safe palette (Tol's "muted").
STYLE = {
    "Goal": ("star", "#332288", 30),
    "FocusArea": ("diamond", "#88CCEE", 22),
    "Initiative": ("dot", "#44AA99", 14),
    "Commitment": ("square", "#117733", 8),
    "OpenCommitment": ("square", "#DDDDDD", 8),
    "Actor": ("triangle", "#CC6677", 20),
    "ActorGroupNode": ("triangle", "#CC6677", 30),
    "Determinant": ("hexagon", "#DDCC77", 16),
    "DeterminantLayer": ("hexagon", "#999933", 26),
    "Sector": ("triangleDown", "#AA4499", 18),
    "Law": ("box", "#E8C6D3", 12),
    "Indicator": ("diamond", "#882255", 12),  # small, apart from the focus areas by colour
}
KIND_LABELS = {
    "Goal": "målsättning", "FocusArea": "fokusområde", "Initiative": "initiativ",
    "Commitment": "åtagande", "OpenCommitment": "öppet åtagande (”…”)", "Actor": "aktör",
    "ActorGroupNode": "grupp av aktörer", "Determinant": "bestämningsfaktor",
    "DeterminantLayer": "lager (Dahlgren–Whitehead)", "Sector": "sektor", "Law": "lag",
    "Indicator": "indikator",
}
GROUPED_KINDS = {"Municipality": "kommuner", "Region": "regioner"}
GROUP_FROM = 30        # more members than this and a kind is drawn as one group node
COMMITMENT_NODES_UP_TO = 600  # more commitments than this and they are drawn as edges
_ORDER = """
SELECT ?layer ?order WHERE {
  ?layer a <https://w3id.org/kraftgraf/ontology#DeterminantLayer> ;
         <https://w3id.org/kraftgraf/ontology#order> ?order }"""


def layer_order(kg: KnowledgeGraph) -> dict[str, int]:
    """The 1991 Dahlgren–Whitehead layers, innermost 0 (the memo's rings have no order)."""
    rows = kg.store.query(_ORDER, use_default_graph_as_union=True)
    return {r["layer"].value: int(r["order"].value) for r in rows}


def _kind(data: dict) -> str:
    return "Actor" if data["actor"] else data["kind"]


def map_graph(kg: KnowledgeGraph, focus: str | None = None, depth: int = 2) -> nx.MultiDiGraph:
    """The graph the map draws.

    That is the projection without outcomes and programmes, or the neighbourhood of
    ``focus`` up to ``depth`` steps; either grouped at national scale (the focus itself
    stays a node of its own).  Nodes and edges come in sorted order, the same in every run.

    At national scale the projection has over 100,000 links; the groups and the
    commitments drawn as links are worked out on its adjacency, and only what the map
    draws is made into a graph (copying the projection first cost seconds).
    """
    p = kg.projection()
    layers = layer_order(kg)
    keep = {n for n, d in p.nodes(data=True)
            if d["kind"] not in ("Outcome", "Programme") and (d["kind"] != "DeterminantLayer" or n in layers)}
    if focus is not None:  # the neighbourhood, grouped as the whole map is when it is as large
        near = _near(p, keep, focus, depth)
        keep = near | (_reached(p, near, focus) & keep)
    kind = {n: p.nodes[n]["kind"] for n in keep}
    group_of: dict[str, str] = {}
    groups = []
    for grouped, word in GROUPED_KINDS.items():
        members = sorted(n for n in keep if kind[n] == grouped and n != focus)
        if len(members) > GROUP_FROM:
            key = f"group:{grouped}"
            group_of.update((m, key) for m in members)
            groups.append((key, dict(kind="ActorGroupNode", label=f"{len(members)} {word}",
                                     label_en=f"{len(members)} {word}", actor=True, members=len(members))))
    commitments = sorted(n for n in keep if kind[n] == "Commitment")
    as_edges = set(commitments) if len(commitments) > COMMITMENT_NODES_UP_TO else set()
    g = nx.MultiDiGraph()
    g.add_nodes_from(sorted((n, p.nodes[n]) for n in keep if n not in group_of and n not in as_edges))
    g.add_nodes_from(groups)
    g.add_edges_from((s, o, rel, {"rel": rel}) for s, o, rel in sorted(_edges(p, keep, group_of, as_edges)))
    if as_edges:
        g.add_edges_from(_commitment_edges(p, commitments, group_of, g))
    return g


def _near(p: nx.MultiDiGraph, keep: set[str], focus: str, depth: int) -> set[str]:
    """The nodes within ``depth`` steps of ``focus``, either way along a link, among ``keep``."""
    seen, frontier = {focus}, [focus]
    for _ in range(depth):
        step = [m for n in frontier for m in (*p.succ[n], *p.pred[n]) if m in keep and m not in seen]
        seen.update(step)
        frontier = list(dict.fromkeys(step))
    return seen


def _out(p: nx.MultiDiGraph, n: str, rel: str) -> list[str]:
    return [o for o, keys in p.succ[n].items() if rel in keys]


def _reached(p: nx.MultiDiGraph, near: set[str], focus: str) -> set[str]:
    """What the committed initiatives of a focus view reach: their determinants and the layers of those.

    The rainbow needs both to put a determinant on its own ring, and "who owns which
    determinant" needs the determinants whatever the depth.
    """
    kind = {n: p.nodes[n]["kind"] for n in near}
    committed = {o for n in near if kind[n] == "Commitment" for o in _out(p, n, "toInitiative")}
    # an initiative reached only through an open slot ("…" in the focus's column) is not the focus's work
    found = {o for n in near if kind[n] == "Initiative" and (n in committed or n == focus)
             for o in _out(p, n, "addresses")}
    found |= {n for n in near if kind[n] == "Determinant"}
    # and the focus areas of its initiatives: a large focus view folds its initiatives into them
    areas = {o for n in near if kind[n] == "Initiative" for o in _out(p, n, "inFocusArea")}
    return found | areas | {o for n in found for o in _out(p, n, "layer")}


def _edges(p: nx.MultiDiGraph, keep: set[str], group_of: dict[str, str], as_edges: set[str]) -> set[tuple]:
    """The links among ``keep``, a member's drawn as its group's, none of a commitment drawn as a link.

    A group's own "has member" links to its members are left out, and so are links
    between members of one group.
    """
    found = set()
    for s in keep:
        if s in as_edges:
            continue
        for o, keys in p.succ[s].items():
            if o not in keep or o in as_edges:
                continue
            a, b = group_of.get(s, s), group_of.get(o, o)
            if a == b:
                continue
            for rel in keys:
                if not (rel == "hasMember" and o in group_of):
                    found.add((a, b, rel))
    return found


def _commitment_edges(p: nx.MultiDiGraph, commitments: list[str], group_of: dict[str, str], drawn):
    """Commitments as weighted actor → initiative links between drawn nodes: how many, the first 5 texts."""
    weight: dict[tuple[str, str], list[str]] = defaultdict(list)
    for c in commitments:
        actors = [a for a in dict.fromkeys(group_of.get(a, a) for a in _out(p, c, "byActor")) if a in drawn]
        for a in actors:
            for i in _out(p, c, "toInitiative"):
                if i not in drawn:
                    continue
                weight[(a, i)].append(p.nodes[c]["label"])
    for (a, i), texts in weight.items():
        yield a, i, "commits", {"rel": "commits", "count": len(texts), "texts": texts[:5]}


def unowned_nodes(g: nx.MultiDiGraph) -> set[str]:
    """Initiatives on the map that no commitment (node or grouped edge) points to."""
    owned = {o for s, o, rel in g.edges(keys=True)
             if (rel == "toInitiative" and g.nodes[s]["kind"] == "Commitment") or rel == "commits"}
    return {n for n, d in g.nodes(data=True) if d["kind"] == "Initiative" and n not in owned}


RING_START, RING_STEP = 160, 180  # the radius of ring k (innermost 0) is RING_START + RING_STEP * k
_OUTSIDE_ORDER = ("Goal", "FocusArea", "Actor", "ActorGroupNode", "Sector", "Law")


def ring_radius(k: int) -> float:
    """Where the determinants of layer ``k`` sit; the ring's band is 90 either side."""
    return RING_START + RING_STEP * k


def rainbow_positions(g: nx.MultiDiGraph, layers: dict[str, int]) -> dict[str, tuple[float, float]]:
    """Positions for the rainbow view, the half circle of the memo's Bilaga 2 (y grows downwards).

    Determinants sit on the upper half of their own Dahlgren–Whitehead ring (a
    determinant of a layer outside the view's rings goes on the outermost), initiatives
    just outside the layers they address, commitments beside their initiative;
    below the baseline: the initiatives that address nothing, and the actors (by
    sector), sectors, goals, focus areas and laws in arcs.
    """
    count = len(set(layers.values())) or 5
    outer = ring_radius(count - 1) + 260
    pos: dict[str, tuple[float, float]] = {}
    by_layer: dict[int, list[str]] = defaultdict(list)
    for n, d in g.nodes(data=True):
        if d["kind"] == "Determinant":
            layer = next((layers[o] for _, o, r in g.out_edges(n, keys=True) if r == "layer" and o in layers),
                         count - 1)
            by_layer[layer].append(n)
    ring_of: dict[str, float] = {}
    for k, nodes in by_layer.items():
        for j, n in enumerate(sorted(nodes)):
            pos[n] = _polar(ring_radius(k), -math.pi + math.pi * (j + 0.5) / len(nodes))
            ring_of[n] = ring_radius(k)
    for layer_node, k in layers.items():
        if layer_node in g:  # the layer's own node, on the baseline at the left end of its band
            pos[layer_node] = (-ring_radius(k), 40.0)
            ring_of[layer_node] = ring_radius(k)
    unaddressed = sorted(n for n, d in g.nodes(data=True) if d["kind"] == "Initiative"
                         and not any(r == "addresses" and o in pos for _, o, r in g.out_edges(n, keys=True)))
    for n, d in g.nodes(data=True):
        if d["kind"] == "Initiative" and n not in unaddressed:
            pos[n] = _between(n, g, pos, ring_of)
    for j, n in enumerate(unaddressed):  # a band below the baseline, so the gap shows
        pos[n] = _polar(ring_radius(count - 1) - 40 * (j % 3), math.pi * (j + 0.5) / len(unaddressed))
    inner = ("Commitment", "OpenCommitment")
    rest = sorted((n for n in g if n not in pos and g.nodes[n]["kind"] not in inner),
                  key=lambda n: _outside_key(g, n))
    for j, n in enumerate(rest):  # a flat arc under the baseline: the view stays wider than tall
        x, y = _polar(outer + 110 * (j % 3), 0.05 * math.pi + 0.9 * math.pi * (j + 0.5) / len(rest))
        pos[n] = (x, 150 + 0.6 * y)
    for n in g:
        if n not in pos:
            target = next((o for _, o, r in g.out_edges(n, keys=True) if r == "toInitiative"), None)
            x, y = pos.get(target, (0.0, 0.0)) if target is not None else (0.0, 0.0)
            pos[n] = (x + 25 * math.cos(_spin(n) % 360), y + 25 * math.sin(_spin(n) % 360))
    return pos


def _outside_key(g: nx.MultiDiGraph, n: str) -> tuple:
    """Actors next to the others of their sector, then by name; each kind together."""
    d = g.nodes[n]
    kind = "Actor" if d.get("actor") and d["kind"] != "ActorGroupNode" else d["kind"]
    sectors = sorted(o for _, o, r in g.out_edges(n, keys=True) if r == "hasMandateIn")
    rank = _OUTSIDE_ORDER.index(kind) if kind in _OUTSIDE_ORDER else len(_OUTSIDE_ORDER)
    return (rank, sectors[:1], d["label"], n)


def _spin(n: str) -> int:
    """A stable pseudo-random number per node (Python's hash() changes between runs)."""
    return zlib.crc32(n.encode())


def _polar(r: float, angle: float) -> tuple[float, float]:
    return (r * math.cos(angle), r * math.sin(angle))


def _between(n, g, pos, ring_of: dict[str, float]) -> tuple[float, float]:
    """An initiative just outside the rings it addresses, in the direction of its determinants."""
    targets = [o for _, o, r in g.out_edges(n, keys=True) if r == "addresses" and o in pos]
    x = sum(math.cos(math.atan2(pos[t][1], pos[t][0])) for t in targets)
    y = sum(math.sin(math.atan2(pos[t][1], pos[t][0])) for t in targets)
    # opposite directions cancel out: then follow the first determinant
    angle = math.atan2(y, x) if math.hypot(x, y) > 0.3 else math.atan2(pos[targets[0]][1], pos[targets[0]][0])
    radius = sum(ring_of[t] for t in targets) / len(targets) + 45
    jitter = (_spin(n) % 100 - 50) / 400  # neighbours in one direction should not overlap
    return _polar(radius, angle + jitter)
