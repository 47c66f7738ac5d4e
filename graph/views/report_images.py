"""The report's images: the coverage heat-maps and the rainbow, as PNG data URIs.

Every label is drawn as plain text (``text.parse_math`` off), so a name with
``$x$`` in it is printed as written, never read as mathematics.
"""

from __future__ import annotations

import base64
import io
import math

from rdflib import URIRef

from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.graph.store.projection import local_name
from kraftgraf.graph.views.map_data import (
    layer_order,
    map_graph,
    rainbow_positions,
    ring_radius,
    unowned_nodes,
)
from kraftgraf.queries.common import as_dict

__all__ = ["heatmap", "rainbow_image", "layer_names", "PLAIN", "HEATMAP_ROWS"]

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


HEATMAP_ROWS = 16  # more rows (a national plan's 311 actors) and the heat-map shows those that reach most


def heatmap(section, layers: list[str], title: str, names: dict[str, str] | None = None,
            more: str = "{shown} of {total}") -> str:
    """A coverage section (rows × layer columns) as a heat-map with the layers' names on its axis.

    Above :data:`HEATMAP_ROWS` rows, the rows with the largest totals, and ``more`` in the title.
    """
    names_in = names or {}
    plt = _plt()
    rows = [as_dict(r) for r in section.rows]
    if len(rows) > HEATMAP_ROWS:
        total = len(rows)
        rows = sorted(rows, key=lambda r: -int(r.get("total", 0) or 0))[:HEATMAP_ROWS]
        title = f"{title} ({more.format(shown=HEATMAP_ROWS, total=total)})"
    columns = [c for c in section.columns[1:] if c != "total" and all(isinstance(r[c], int) for r in rows)]
    row_names = [_wrap(names_in.get(str(r[section.columns[0]]), str(r[section.columns[0]])), 34)
                 for r in rows]
    values = [[r[c] for c in columns] for r in rows]
    ticks = [_wrap(layers[i] if i < len(layers) else c, 15) for i, c in enumerate(columns)]
    with plt.rc_context(PLAIN):
        fig, ax = plt.subplots(figsize=(1.2 + 0.95 * len(columns), 0.5 + 0.3 * max(len(row_names), 2)))
        ax.imshow(values or [[0] * len(columns)], cmap="YlGnBu", aspect="auto", vmin=0)
        ax.set_xticks(range(len(columns)), ticks, fontsize=7)
        ax.xaxis.tick_top()
        ax.set_yticks(range(len(row_names)), row_names, fontsize=7)
        top = max((v for row in values for v in row), default=0)
        for i, row in enumerate(values):
            for j, v in enumerate(row):
                ax.text(j, i, str(v), ha="center", va="center", fontsize=7,
                        color="white" if top and v > top / 2 else "black")
        ax.set_title(title, fontsize=9, loc="left")
        image = _png(fig)
        plt.close(fig)
    return image


def _arc_text(ax, text: str, radius: float, units_per_inch: float, fontsize: float = 7) -> None:
    """Write ``text`` along the top of a circle of ``radius``, centred, one glyph at a time."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath

    prop = FontProperties(size=fontsize, weight="bold")
    measure = TextToPath()
    # each glyph's advance (in points, then data units), measured with what follows it
    widths = [measure.get_text_width_height_descent(ch + "x", prop, ismath=False)[0]
              - measure.get_text_width_height_descent("x", prop, ismath=False)[0] for ch in text]
    widths = [w / 72 * units_per_inch for w in widths]
    angle = math.pi / 2 + sum(widths) / radius / 2
    for ch, w in zip(text, widths):
        middle = angle - w / radius / 2
        ax.text(radius * math.cos(middle), radius * math.sin(middle), ch, fontsize=fontsize, weight="bold",
                ha="center", va="center", rotation=math.degrees(middle) - 90, zorder=3, color="#333")
        angle -= w / radius


def rainbow_image(kg: KnowledgeGraph, lang: str = "sv") -> str:
    """The rainbow as a PNG: the half rings named, each determinant named on its ring, initiatives by code.

    An initiative nobody owns has an orange ring; a determinant no initiative reaches is grey.
    """
    from matplotlib.patches import Wedge

    plt = _plt()
    g = map_graph(kg)
    layers = layer_order(kg)
    pos = rainbow_positions(g, layers)
    gaps = unowned_nodes(g)
    reached = {o for _, o, rel in g.edges(keys=True) if rel == "addresses"}
    names = layer_names(kg, lang)
    coded = sum(1 for _, d in g.nodes(data=True) if d["kind"] == "Initiative") <= 80
    limit = ring_radius(max(layers.values(), default=4)) + 110
    with plt.rc_context(PLAIN):
        fig, ax = plt.subplots(figsize=(7.4, 4.4))
        for k in range(len(names) - 1, -1, -1):
            ax.add_patch(Wedge((0, 0), ring_radius(k) + 90, 0, 180, color=RING_COLOURS[k % 5], alpha=0.6,
                               zorder=0))
            if k == 0:
                ax.text(0, ring_radius(0) - 40, _wrap(names[0], 14), ha="center", va="center", fontsize=6.5,
                        weight="bold", zorder=3)
            else:
                _arc_text(ax, names[k], ring_radius(k) + 66, 2 * limit / 7.4, fontsize=6.5)
        dots: list[tuple[float, float, str, float]] = []  # the initiatives: x, y, edge colour, edge width
        for n, d in g.nodes(data=True):
            if d["kind"] == "Determinant":
                x, y = pos[n][0], -pos[n][1]  # the screen's y grows downwards, the plot's upwards
                ax.scatter([x], [y], s=34, c="#DDCC77", edgecolors="#333", linewidths=0.8, zorder=2,
                           marker="h")
                name = d["label"] if lang == "sv" else d["label_en"] or d["label"]
                ax.text(x, y - 16, _wrap(name, 18), fontsize=5.2, ha="center", va="top", zorder=4,
                        color="#222" if n in reached else "#888")
            elif d["kind"] == "Initiative" and math.hypot(*pos[n]) < limit:
                x, y = pos[n][0], -pos[n][1]
                gap = n in gaps
                dots.append((x, y, "#D55E00" if gap else "#333", 1.6 if gap else 0.6))
                if coded:  # a national plan's thousand codes would hide the rings
                    ax.text(x + 14, y + 4, local_name(n), fontsize=4.8, ha="left", va="bottom",
                            zorder=4, color="#D55E00" if gap else "#114")
        if dots:  # one scatter for all: a thousand of them took seconds to build and to draw
            xs, ys, edges, widths = zip(*dots)
            ax.scatter(xs, ys, s=20, c="#44AA99", edgecolors=edges, linewidths=widths, zorder=3)
        ax.set_xlim(-limit, limit)
        ax.set_ylim(-ring_radius(0) if any(pos[n][1] > 0 for n in gaps) else -40, limit)
        ax.set_aspect("equal")
        ax.axis("off")
        image = _png(fig, dpi=150)
        plt.close(fig)
    return image
