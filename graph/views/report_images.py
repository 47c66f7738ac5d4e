"""The report's image: the rainbow, as a PNG data URI (the heat-maps are tables: report_heat.py).

Every label is drawn as plain text (``text.parse_math`` off), so a name with
``$x$`` in it is printed as written, never read as mathematics.
"""

from __future__ import annotations

import base64
import io
import math
from itertools import product

import networkx as nx
import numpy as np
from rdflib import URIRef

from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.graph.store.projection import local_name, project
from kraftgraf.graph.views.map_data import layer_order, rainbow_positions, ring_radius
from kraftgraf.graph.views.report_labels import Placer, around, shorten
from kraftgraf.ontology.vocab import KG
from kraftgraf.queries.backend import Embedded

__all__ = ["rainbow_image", "rainbow_figure", "rainbow_graph", "layer_names", "PLAIN"]

PLAIN = {"text.parse_math": False, "text.usetex": False, "font.size": 8}
RING_COLOURS = ["#f6e8c3", "#dfc27d", "#c7eae5", "#80cdc1", "#d8daeb"]


def _plt():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _png(fig, dpi: int = 110) -> str:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, bbox_inches="tight")
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode()


def layer_names(kg: KnowledgeGraph, lang: str) -> list[str]:
    """The Dahlgren–Whitehead layers' names in ``lang``, innermost first (the coverage columns' order)."""
    return [kg.label(URIRef(iri), lang) for iri, _ in sorted(layer_order(kg).items(), key=lambda kv: kv[1])]


def _wrap(text: str, width: int = 16) -> str:
    lines, line = [], ""
    for w in text.split():
        if line and len(line) + len(w) > width:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}".strip()
    return "\n".join(lines + [line])


def _arc_text(ax, text: str, radius: float, units_per_inch: float, fontsize: float, gid: str) -> list:
    """Write ``text`` along the top of a circle of ``radius``, centred, one glyph at a time; the glyphs."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath

    prop = FontProperties(size=fontsize, weight="bold")
    measure = TextToPath()

    def width(s: str) -> float:
        return measure.get_text_width_height_descent(s, prop, ismath=False)[0]

    # each glyph's advance (in points, then data units), measured with what follows it, once a letter
    x = width("x")
    advance = {ch: width(ch + "x") - x for ch in set(text)}
    widths = [advance[ch] / 72 * units_per_inch for ch in text]
    angle = math.pi / 2 + sum(widths) / radius / 2
    glyphs = []
    for ch, w in zip(text, widths):
        middle = angle - w / radius / 2
        glyphs.append(ax.text(radius * math.cos(middle), radius * math.sin(middle), ch, fontsize=fontsize,
                              weight="bold", ha="center", va="center", rotation=math.degrees(middle) - 90,
                              zorder=3, color="#333", gid=gid))
        angle -= w / radius
    return glyphs


def rainbow_graph(kg: KnowledgeGraph) -> tuple[nx.MultiDiGraph, set[str]]:
    """What the report's rainbow draws, without the rest of the map: (graph, the initiatives nobody owns).

    The graph holds the map's initiatives, determinants and layers (as ``map_graph``
    has them) and the links between them, in the same order, so ``rainbow_positions``
    puts each where it puts it on the map.  Unowned: no commitment points to it (as
    ``unowned_nodes`` on the map and `kraftgraf query unowned` say).  A national
    plan's map graph took seconds to build for the thousand marks the rainbow places.

    The unowned are the rows of `query unowned`'s own listing (``unowned_initiatives.rq``:
    an initiative no ``kg:Commitment`` points to, with an actor or without), which the
    report has read already while the store is unchanged; a query of its own for the
    owned ones cost a tenth of a second on a national plan.
    """
    layers = layer_order(kg)
    p = project(kg.store, (KG.Initiative, KG.Determinant, KG.DeterminantLayer), (KG.addresses, KG.layer))
    keep = [n for n, d in p.nodes(data=True) if d["kind"] != "DeterminantLayer" or n in layers]
    g = nx.MultiDiGraph()
    g.add_nodes_from(sorted((n, p.nodes[n]) for n in keep))
    g.add_edges_from((s, o, rel, {"rel": rel})
                     for s, o, rel in sorted(p.subgraph(keep).edges(keys=True)))
    unowned = {r["initiative"] for r in Embedded(kg).rows("unowned_initiatives")}
    return g, {n for n, d in g.nodes(data=True) if d["kind"] == "Initiative" and n in unowned}


# what the rainbow leaves unnamed, and where the names are
LEFT_OUT = {
    "sv": {"head": "Fick inte plats",
           "codes": "initiativ utan kod: {n} (alla i bilagans tabell ”Sektorer per initiativ”)",
           "short": "förkortade namn (…): {n}",
           "dropped": "bestämningsfaktorer utan namn: {n} (alla: kraftgraf determinants)"},
    "en": {"head": "No room",
           "codes": "initiatives without a code: {n} (all in the appendix table “Sectors per initiative”)",
           "short": "names shortened (…): {n}",
           "dropped": "determinants unnamed: {n} (all: kraftgraf determinants)"},
}


def rainbow_figure(kg: KnowledgeGraph, lang: str = "sv"):
    """The rainbow as a matplotlib figure (see :func:`rainbow_image`); a label's ``gid`` is what it names.

    Labels go by importance, each to the first free place beside its mark: the rings'
    names, the determinants' (reached, then by how many initiatives reach them), then
    the initiatives' codes (unowned first, then by how many determinants they address).
    A name with no room is shortened or left out, and a line under the rings says how many.
    """
    from matplotlib.patches import Wedge

    plt = _plt()
    g, gaps = rainbow_graph(kg)
    layers = layer_order(kg)
    pos = rainbow_positions(g, layers)
    reach: dict[str, int] = {}  # how many initiatives address a determinant, or determinants an initiative
    for s, o, rel in g.edges(keys=True):
        if rel == "addresses":
            reach[o] = reach.get(o, 0) + 1
            reach[s] = reach.get(s, 0) + 1
    names = layer_names(kg, lang)
    limit = ring_radius(max(layers.values(), default=4)) + 110
    dets = sorted((n for n, d in g.nodes(data=True) if d["kind"] == "Determinant"),
                  key=lambda n: (-reach.get(n, 0), str(n)))
    inits = sorted((n for n, d in g.nodes(data=True)
                    if d["kind"] == "Initiative" and math.hypot(*pos[n]) < limit),
                   key=lambda n: (n not in gaps, -reach.get(n, 0), local_name(n), str(n)))
    coded = len([n for n, d in g.nodes(data=True) if d["kind"] == "Initiative"]) <= 80
    left = {"codes": 0 if coded else len(inits), "short": 0, "dropped": 0}
    with plt.rc_context(PLAIN):
        fig, ax = plt.subplots(figsize=(7.4, 4.4), dpi=150)  # measured at the PNG's resolution
        ax.set_xlim(-limit, limit)
        ax.set_ylim(-ring_radius(0) if any(pos[n][1] > 0 for n in gaps) else -40, limit)
        ax.set_aspect("equal")
        ax.axis("off")
        ax.apply_aspect()  # data to pixels is fixed from here on
        place = Placer(fig)
        unit = ax.transData.transform((1, 0))[0] - ax.transData.transform((0, 0))[0]  # pixels per data unit
        for k in range(len(names) - 1, -1, -1):
            ax.add_patch(Wedge((0, 0), ring_radius(k) + 90, 0, 180, color=RING_COLOURS[k % 5], alpha=0.6,
                               zorder=0))
            glyphs = [ax.text(0, ring_radius(0) - 40, _wrap(names[0], 14), ha="center", va="center",
                              fontsize=6.5, weight="bold", zorder=3, gid="ring-0")] if k == 0 else \
                _arc_text(ax, names[k], ring_radius(k) + 66, 2 * limit / 7.4, 6.5, f"ring-{k}")
            for glyph in glyphs:
                place.take_text(glyph)
        def pixels(nodes):  # where the nodes' marks are, in pixels (the plot's y is the screen's upside down)
            return ax.transData.transform(np.array([(pos[n][0], -pos[n][1]) for n in nodes]).reshape(-1, 2))

        # the marks' radii in pixels; a determinant's is never covered, an initiative's only if need be
        for px, py in pixels(dets):
            place.take((px - 6.5, py - 6.5, px + 6.5, py + 6.5))
        place.add_marks(pixels(inits), 5.0)
        for n in dets:  # the screen's y grows downwards, the plot's upwards
            x, y = pos[n][0], -pos[n][1]
            name = g.nodes[n]["label"] if lang == "sv" else g.nodes[n]["label_en"] or g.nodes[n]["label"]
            text = ax.text(x, y, "", fontsize=5.2, zorder=4, gid=n, color="#222" if n in reach else "#888")
            d = 8 / unit  # clear of its own mark
            places = [(x, y - d, "center", "top"), (x, y + d, "center", "bottom")] + around(x, y, d) \
                + around(x, y, 2.5 * d)
            for over_marks, label in product((False, True), (_wrap(name, 18), _wrap(name, 30), name,
                                                              shorten(name))):
                text.set_text(label)
                if place.place(text, places, over_marks):
                    left["short"] += label.endswith("…") and not name.endswith("…")
                    break
            else:
                text.remove()
                left["dropped"] += 1
        ax.scatter([pos[n][0] for n in dets], [-pos[n][1] for n in dets], s=34, c="#DDCC77",
                   edgecolors="#333", linewidths=0.8, zorder=2, marker="h", gid="determinants")
        if inits:  # one scatter for all: a thousand of them took seconds to build and to draw
            ax.scatter([pos[n][0] for n in inits], [-pos[n][1] for n in inits], s=20, c="#44AA99", zorder=3,
                       edgecolors=["#D55E00" if n in gaps else "#333" for n in inits],
                       linewidths=[1.6 if n in gaps else 0.6 for n in inits], gid="initiatives")
        for n in inits if coded else []:  # a national plan's thousand codes would hide the rings
            text = ax.text(0, 0, local_name(n), fontsize=4.8, zorder=4, gid=n,
                           color="#D55E00" if n in gaps else "#114")
            x, y = pos[n][0], -pos[n][1]
            if not place.place(text, around(x, y, 6 / unit) + around(x, y, 12 / unit)):
                text.remove()
                left["codes"] += 1
        said = [LEFT_OUT[lang][k].format(n=v) for k, v in left.items() if v]
        if said:
            ax.text(0.0, -0.03, LEFT_OUT[lang]["head"] + ": " + ";\n".join(said) + ".",
                    transform=ax.transAxes, fontsize=5.2, ha="left", va="top", color="#444", gid="left-out")
    return fig


def rainbow_image(kg: KnowledgeGraph, lang: str = "sv") -> str:
    """The rainbow as a PNG: the half rings named, each determinant named on its ring, initiatives by code.

    An initiative nobody owns has an orange ring; a determinant no initiative reaches is grey.
    No two labels overlap; what has no room is said under the rings.
    """
    plt = _plt()
    fig = rainbow_figure(kg, lang)
    with plt.rc_context(PLAIN):
        image = _png(fig, dpi=150)
    plt.close(fig)
    return image
