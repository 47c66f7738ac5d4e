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
    ring_radius,
    unowned_nodes,
)
from kraftgraf.graph.views.map_facets import FACETS, codes, facets, gap_flags
from kraftgraf.graph.views.map_overview import (
    FOLD_FOCUS_FROM,
    MAX_DRAWN,
    OPEN_AROUND_FOCUS_UP_TO,
    fold_homes,
    overview_positions,
    summary_links,
)
from kraftgraf.ontology.vocab import local_name

__all__ = ["MapPage", "render_map", "write_map", "find_node"]

# level of detail by importance: the font each kind's label is drawn in (0: no label, text in the panel)
FONT = {"Goal": 34, "FocusArea": 22, "Initiative": 18, "Commitment": 0, "OpenCommitment": 0, "Actor": 26,
        "ActorGroupNode": 28, "Determinant": 22, "DeterminantLayer": 26, "Sector": 22, "Law": 16,
        "Indicator": 16}
_ALIASES = "SELECT ?s ?alias WHERE { ?s <http://www.w3.org/2004/02/skos/core#altLabel> ?alias }"


def _aliases(kg: KnowledgeGraph) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for row in kg.store.query(_ALIASES, use_default_graph_as_union=True):
        found.setdefault(row["s"].value, []).append(row["alias"].value)
    return {k: sorted(set(v)) for k, v in found.items()}


def _network(kg: KnowledgeGraph, g: nx.MultiDiGraph, layout: str, highlight: str | None,
             focus: str | None) -> Network:
    net = Network(directed=True)
    # a focus view keeps its node and what it touches drawn, unless that is hundreds (the state's
    # initiatives in a national plan); the rest of the map starts folded
    near = set(nx.all_neighbors(g, focus)) if focus is not None and focus in g else set()
    keep_open: set[str] = set() if focus is None else {focus, *near} if len(near) <= OPEN_AROUND_FOCUS_UP_TO \
        else {focus}
    if focus is not None and g.number_of_nodes() <= FOLD_FOCUS_FROM:
        keep_open = set(g)  # a small focus view is drawn whole
    home = fold_homes(g, keep_open)
    links = summary_links(g, home)
    unowned = unowned_nodes(g)
    facet = facets(g)
    flags = gap_flags(g, unowned)
    code = codes(g)
    aliases = _aliases(kg)
    # precomputed: the same picture in every run, nothing drifting off the view
    pos = rainbow_positions(g, layer_order(kg)) if layout == "rainbow" else overview_positions(g, home, links)
    quotes = {n: kg.quotes(URIRef(n))[:3] for n in g if not n.startswith("group:")}
    actor_of = {c: g.nodes[a]["label"] for c, a, rel in g.edges(keys=True) if rel == "byActor"}
    for n, d in g.nodes(data=True):
        kind = "Actor" if d["actor"] and d["kind"] != "ActorGroupNode" else d["kind"]
        shape, colour, size = STYLE[kind]
        gap = n in unowned
        options = dict(
            shape=shape, color=colour, size=size, kind=kind, kindLabel=KIND_LABELS[kind],
            quote=(quotes.get(n) or [""])[0], quotes=quotes.get(n) or [], unowned=gap,
            labelEn=d.get("label_en", ""), code=code.get(n, ""), aliases=aliases.get(n, []),
            flags=flags.get(n, []), actorName=actor_of.get(n, ""), home=home.get(n, ""), weight=g.degree(n),
            hidden=n in home,  # folded at first: the page need not hide a thousand nodes on load
            **{k: sorted(v) for k, v in facet[n].items()},
        )
        if gap and highlight == "unowned":
            options.update(borderWidth=5, color={"background": colour, "border": "#D55E00"})
        if kind == "OpenCommitment":
            options.update(shapeProperties={"borderDashes": [4, 3]}, borderWidth=2,
                           color={"background": colour, "border": "#777777"})
        if kind == "Law":
            options.update(color={"background": colour, "border": "#882255"})
        if FONT[kind]:
            options.update(font={"size": FONT[kind]})
        options.update(x=round(pos[n][0], 1), y=round(pos[n][1], 1), physics=False)
        # an initiative is drawn with its code (A1) and named in the panel; commitments are many
        # and long: their text is in the tooltip and the panel; in the rainbow the rings name the layers
        quiet = not FONT[kind] or (layout == "rainbow" and kind == "DeterminantLayer")
        label = " " if quiet else code[n] if kind == "Initiative" and n in code else _short(d["label"], 32)
        net.add_node(n, label=label, fullLabel=d["label"], **options)  # pyvis draws the IRI for ""
    # thousands of links, or links across the rings, would paint over them: fade them
    faded = layout == "rainbow" or g.number_of_edges() > 1000
    edge_colour = {"color": "rgba(120, 120, 120, 0.18)" if faded else "#BBBBBB", "highlight": "#D55E00",
              "hover": "#555555"}
    for s, o, rel, data in g.edges(keys=True, data=True):
        extra = {"value": data["count"], "texts": data["texts"]} if rel == "commits" else {}
        net.add_edge(s, o, rel=rel, arrows="to", color=edge_colour, **extra)
    summary_colour = edge_colour if layout == "rainbow" else {**edge_colour, "color": "rgba(90,90,90,0.35)"}
    for j, link in enumerate(links):  # a folded focus area's links, drawn until it is unfolded
        net.add_edge(link["from"], link["to"], id=f"summary-{j}", rel=link["rel"], arrows="to",
                     via=KIND_LABELS[link["via"]], value=link["value"], summary=link["summary"],
                     color=summary_colour)
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
    net = _network(kg, g, layout, highlight, focus_node)
    nodes, edges, *_ = net.get_network_data()
    physics = False
    layers = sorted(layer_order(kg).items(), key=lambda kv: kv[1])
    data = {
        "nodes": nodes, "edges": edges, "physics": physics, "layout": layout,
        "kinds": [{"kind": k, "label": KIND_LABELS[k], "shape": STYLE[k][0], "color": STYLE[k][1]}
                  for k in STYLE if any(n["kind"] == k for n in nodes)],
        "rings": [{"label": kg.label(URIRef(iri)), "radius": ring_radius(k)} for iri, k in layers],
        "highlight": highlight or "", "unowned": sum(1 for n in nodes if n["unowned"]),
        "focus": focus_node or "", "maxDrawn": MAX_DRAWN,
    }
    script, style = _vis_assets()
    env = jinja2.Environment(autoescape=True, loader=jinja2.FileSystemLoader(
        str(files("kraftgraf.graph.views") / "templates")))
    html = env.get_template("map.html.j2").render(
        title=title or "Kraftgraf – karta", vis_script=script, vis_style=style,
        data_json=_script_json(data),
        facets={k: sorted({v for n in nodes for v in n[k]}) for k in FACETS})
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
