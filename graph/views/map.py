"""The interactive map: pyvis builds the network, our own template makes the page.

Why our own template (see decisions/0005-own-viz-template.md): pyvis 0.3.2 links
Bootstrap and other files from a CDN even in ``in_line`` mode, writes a ``lib/``
folder into the working directory, and switches tooltips to raw ``innerHTML``
when a title holds "href".  Our page inlines every script and style, escapes
every label, builds tooltips with ``textContent``, and has a legend that filters.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

import jinja2
import networkx as nx
from pyvis.network import Network
from rdflib import URIRef

from kraftgraf.files import atomic_write, check_target
from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.graph.views.map_data import (
    KIND_LABELS,
    STYLE,
    layer_order,
    map_graph,
    rainbow_positions,
    unowned_nodes,
)
from kraftgraf.ontology.vocab import local_name

__all__ = ["MapPage", "render_map", "write_map", "find_node", "PHYSICS_UP_TO"]

PHYSICS_UP_TO = 300  # above this many nodes, positions are precomputed and physics is off
_FACETS = ("goals", "layers", "sectors")


def _facets(g: nx.MultiDiGraph) -> dict[str, dict[str, set[str]]]:
    """Per node, the goals, layers and sectors it belongs to, for the page's filters.

    Each is seeded where it is a fact (a focus area's goal, a determinant's layer,
    an actor's mandate) and then spread along the plan's links twice, which is
    enough to reach from a goal to a commitment and from a layer to an actor.
    """
    f = {n: {k: set() for k in _FACETS} for n in g}
    for n, d in g.nodes(data=True):
        label = d["label"]
        if d["kind"] == "Goal":
            f[n]["goals"].add(label)
        elif d["kind"] == "DeterminantLayer":
            f[n]["layers"].add(label)
        elif d["kind"] == "Sector":
            f[n]["sectors"].add(label)
    for _ in range(3):
        for s, o, rel in g.edges(keys=True):
            if rel in ("partOf", "inFocusArea", "toInitiative"):
                f[s]["goals"] |= f[o]["goals"]
            if rel in ("layer", "addresses"):
                f[s]["layers"] |= f[o]["layers"]
            if rel in ("hasMandateIn", "inSector", "byActor"):
                f[s]["sectors"] |= f[o]["sectors"]
            # and back, so an actor gets the goals of what it commits to
            for key in _FACETS:
                if rel in ("byActor", "toInitiative", "addresses", "commits", "requiresChangeTo",
                           "inFocusArea", "partOf"):
                    f[o][key] |= f[s][key]
    return f


def _network(kg: KnowledgeGraph, g: nx.MultiDiGraph, layout: str, highlight: str | None) -> Network:
    net = Network(directed=True)
    unowned = unowned_nodes(g)
    facets = _facets(g)
    pos = rainbow_positions(g, layer_order(kg)) if layout == "rainbow" else None
    if pos is None and g.number_of_nodes() > PHYSICS_UP_TO:
        pos = {n: (x * 1500, y * 1500) for n, (x, y) in nx.spring_layout(g, seed=1, iterations=40).items()}
    quotes = {n: kg.quotes(URIRef(n))[:1] for n in g if not n.startswith("group:")}
    for n, d in sorted(g.nodes(data=True)):
        kind = "Actor" if d["actor"] and d["kind"] != "ActorGroupNode" else d["kind"]
        shape, colour, size = STYLE[kind]
        gap = n in unowned
        options = dict(
            shape=shape, color=colour, size=size, kind=kind, kindLabel=KIND_LABELS[kind],
            quote=(quotes.get(n) or [""])[0], unowned=gap, labelEn=d.get("label_en", ""),
            **{k: sorted(v) for k, v in facets[n].items()},
        )
        if gap and highlight == "unowned":
            options.update(borderWidth=5, color={"background": colour, "border": "#D55E00"})
        if kind == "OpenCommitment":
            options.update(shapeProperties={"borderDashes": [4, 3]}, borderWidth=2,
                           color={"background": colour, "border": "#777777"})
        if kind == "Law":
            options.update(color={"background": colour, "border": "#882255"})
        if pos is not None:
            options.update(x=pos[n][0], y=pos[n][1], physics=False)
        # commitments are many and long: their text is in the tooltip; in the rainbow
        # the rings name the layers, so the layer nodes need no label of their own
        quiet = kind in ("Commitment", "OpenCommitment") or (
            layout == "rainbow" and kind == "DeterminantLayer")
        label = " " if quiet else _short(d["label"])  # pyvis draws the node's IRI for an empty label
        net.add_node(n, label=label, fullLabel=d["label"], **options)
    # thousands of links would paint over the rings and nodes: fade them at scale
    colour = "#BBBBBB" if g.number_of_edges() <= 1000 else "rgba(120, 120, 120, 0.08)"
    for s, o, rel, data in g.edges(keys=True, data=True):
        extra = {"value": data["count"], "texts": data["texts"]} if rel == "commits" else {}
        net.add_edge(s, o, rel=rel, arrows="to", color=colour, **extra)
    return net


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _script_json(value) -> str:
    """JSON safe inside a <script> element: no '<', '>' or '&' that could end it."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _vis_assets() -> tuple[str, str]:
    """vis-network's script and style, read from the installed pyvis package."""
    import pyvis

    lib = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
    return ((lib / "vis-network.min.js").read_text(encoding="utf-8"),
            (lib / "vis-network.css").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class MapPage:
    """A rendered map: the HTML and how much it draws."""

    html: str
    nodes: int
    edges: int


def render_map(kg: KnowledgeGraph, focus_node: str | None = None, depth: int = 2,
               layout: str = "force", highlight: str | None = None, title: str = "") -> MapPage:
    """The whole self-contained HTML page of the map."""
    g = map_graph(kg, focus_node, depth)
    net = _network(kg, g, layout, highlight)
    nodes, edges, *_ = net.get_network_data()
    physics = layout != "rainbow" and g.number_of_nodes() <= PHYSICS_UP_TO
    layers = sorted(layer_order(kg).items(), key=lambda kv: kv[1])
    data = {
        "nodes": nodes, "edges": edges, "physics": physics, "layout": layout,
        "kinds": [{"kind": k, "label": KIND_LABELS[k], "shape": STYLE[k][0], "color": STYLE[k][1]}
                  for k in STYLE if any(n["kind"] == k for n in nodes)],
        "rings": [{"label": kg.label(URIRef(iri)), "radius": 160 + 180 * k} for iri, k in layers],
        "highlight": highlight or "", "unowned": sum(1 for n in nodes if n["unowned"]),
    }
    script, style = _vis_assets()
    env = jinja2.Environment(autoescape=True, loader=jinja2.FileSystemLoader(
        str(files("kraftgraf.graph.views") / "templates")))
    html = env.get_template("map.html.j2").render(
        title=title or "Kraftgraf – karta", vis_script=script, vis_style=style,
        data_json=_script_json(data),
        facets={k: sorted({v for n in nodes for v in n[k]}) for k in _FACETS})
    return MapPage(html, len(nodes), len(edges))


def write_map(kg: KnowledgeGraph, path: str | Path, **options) -> MapPage:
    """Write the map atomically."""
    check_target(path)  # a wrong -o fails before the map is laid out
    page = render_map(kg, **options)
    atomic_write(path, lambda tmp: Path(tmp).write_text(page.html, encoding="utf-8"))
    return page


def find_node(kg: KnowledgeGraph, name: str) -> str:
    """The map node whose label, code or IRI tail is ``name`` (any case), or the closest names."""
    from kraftgraf.errors import lookup

    p = kg.projection()
    names: dict[str, str] = {}
    for n, d in p.nodes(data=True):
        for key in (d["label"], d["label_en"], local_name(n)):
            names.setdefault(key.lower(), n)
    return lookup(names, name, "node for --focus", lambda n: p.nodes[n]["label"])
