"""The one-page report: what the plan holds, its gaps, a coverage heat-map and the rainbow.

One HTML file with the images inline (PNG as data URIs), readable when printed
and with nothing fetched.  The gap tables are the queries' own sections, so the
report says exactly what `kraftgraf query …` says.
"""

from __future__ import annotations

import base64
import io
import math
from dataclasses import dataclass
from datetime import date
from importlib.resources import files
from pathlib import Path

import jinja2
from rdflib import URIRef

from kraftgraf.files import atomic_write, check_target
from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.graph.store.stats import counts
from kraftgraf.graph.views.map_data import layer_order, map_graph, rainbow_positions, unowned_nodes
from kraftgraf.queries.common import as_dict
from kraftgraf.queries.registry import question, report_parts

__all__ = ["write_report", "render_report", "ROWS_PER_TABLE"]

ROWS_PER_TABLE = 25
@dataclass(frozen=True)
class Table:
    """A query section ready for the page."""

    title: str
    explanation: str
    columns: list[str]
    rows: list[list[str]]
    why: list[str]
    hidden: int


def _tables(kg: KnowledgeGraph) -> list[tuple[str, list[Table]]]:
    out = []
    for heading, q, options in report_parts():
        sections = q.ask(kg, **options)
        tables = []
        for s in sections:
            rows = [as_dict(r) for r in s.rows]
            shown = rows[:ROWS_PER_TABLE]
            tables.append(Table(s.title, s.explanation, list(s.columns),
                                [[_cell(r[c]) for c in s.columns] for r in shown],
                                [r.get("why", "") for r in shown], len(rows) - len(shown)))
        out.append((heading, tables))
    return out


def _cell(value) -> str:
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, list):
        return "; ".join(map(str, value))
    return str(value)


# Labels come from the plan: matplotlib must draw them as they are, not read "$x$" as
# mathematics (a "\frac{" there stops the report) nor hand them to LaTeX.
PLAIN_TEXT = {"parse_math": False, "usetex": False}


def _png(fig) -> str:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, bbox_inches="tight")
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode()


def heatmap(kg: KnowledgeGraph, by: str = "actor") -> str:
    """The coverage matrix (actors or sectors × layers) as a PNG data URI."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    section = question("coverage").ask(kg, by=by)[0]
    rows = [as_dict(r) for r in section.rows]
    layers = [c for c in section.columns[1:] if c != "total" and all(isinstance(r[c], int) for r in rows)]
    names = [str(r[section.columns[0]]) for r in rows]
    values = [[r[c] for c in layers] for r in rows]
    fig, ax = plt.subplots(figsize=(1.6 + 1.3 * len(layers), 0.9 + 0.32 * len(names)))
    ax.imshow(values or [[0] * len(layers)], cmap="YlGnBu", aspect="auto", vmin=0)
    ax.set_xticks(range(len(layers)), [_wrap(c) for c in layers], fontsize=8, **PLAIN_TEXT)
    ax.set_yticks(range(len(names)), names, fontsize=8, **PLAIN_TEXT)
    top = max((v for row in values for v in row), default=0)
    for i, row in enumerate(values):
        for j, v in enumerate(row):
            ax.text(j, i, str(v), ha="center", va="center", fontsize=8,
                    color="white" if top and v > top / 2 else "black", **PLAIN_TEXT)
    ax.set_title(section.title, fontsize=10, **PLAIN_TEXT)
    image = _png(fig)
    plt.close(fig)
    return image


def _wrap(text: str, width: int = 16) -> str:
    words, lines, line = text.split(), [], ""
    for w in words:
        if line and len(line) + len(w) > width:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}".strip()
    return "\n".join(lines + [line])


def rainbow_image(kg: KnowledgeGraph) -> str:
    """The rainbow view as a static PNG: rings, determinants, initiatives (gaps in orange)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.patches import Circle

    g = map_graph(kg)
    layers = layer_order(kg)
    pos = rainbow_positions(g, layers)
    gaps = unowned_nodes(g)
    fig, ax = plt.subplots(figsize=(8, 8))
    colours = ["#f6e8c3", "#dfc27d", "#c7eae5", "#80cdc1", "#d8daeb"]
    for iri, k in sorted(layers.items(), key=lambda kv: -kv[1]):
        ax.add_patch(Circle((0, 0), 160 + 180 * k + 90, color=colours[k % 5], alpha=0.6, zorder=0))
        ax.text(0, -(160 + 180 * k + 75), kg.label(URIRef(iri)),
                ha="center", fontsize=7, zorder=3, **PLAIN_TEXT)
    # the rings and what sits on them; actors, laws and sectors outside are left out
    limit = 160 + 180 * max(layers.values(), default=4) + 200
    for kind, colour, size in (("Determinant", "#DDCC77", 40), ("Initiative", "#44AA99", 25)):
        nodes = [n for n, d in g.nodes(data=True) if d["kind"] == kind and math.hypot(*pos[n]) < limit]
        xs = [pos[n][0] for n in nodes]
        ys = [-pos[n][1] for n in nodes]  # the screen's y grows downwards, the plot's upwards
        edge = ["#D55E00" if n in gaps else "#333" for n in nodes]
        ax.scatter(xs, ys, s=size, c=colour, edgecolors=edge, linewidths=1.2, zorder=2)
    ax.set_xlim(-limit, limit)
    ax.set_ylim(-limit, limit)
    ax.set_aspect("equal")
    ax.axis("off")
    image = _png(fig)
    plt.close(fig)
    return image


def render_report(kg: KnowledgeGraph, title: str = "Kraftgraf – rapport") -> str:
    """The whole report page."""
    env = jinja2.Environment(autoescape=True, loader=jinja2.FileSystemLoader(
        str(files("kraftgraf.graph.views") / "templates")))
    return env.get_template("report.html.j2").render(
        title=title, today=date.today().isoformat(), counts=counts(kg),
        groups=_tables(kg), heatmap_actor=heatmap(kg, "actor"), heatmap_sector=heatmap(kg, "sector"),
        rainbow=rainbow_image(kg))


def write_report(kg: KnowledgeGraph, path: str | Path) -> None:
    """Write the report atomically."""
    check_target(path)  # a wrong -o fails before the images are drawn
    page = render_report(kg)
    atomic_write(path, lambda tmp: Path(tmp).write_text(page, encoding="utf-8"))
