"""The report's coverage heat-maps, as HTML tables with coloured cells.

A table, not a picture: its names and numbers are text the reader can search,
copy and have read aloud, they print sharp at any size, and an English report
names what a Swedish one does without redrawing.  The colours are matplotlib's
YlGnBu scale from 0 to the table's largest number, as the drawn heat-maps had
(decisions/0015-report-heat-maps-as-tables.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from kraftgraf.queries.common import as_dict

__all__ = ["HeatMap", "heat_map", "HEATMAP_ROWS"]

HEATMAP_ROWS = 16  # more rows (a national plan's 311 actors) and the heat-map shows those that reach most


@dataclass(frozen=True)
class HeatMap:
    """A heat-map ready for the page: each row a name and its cells as (number, background, text colour)."""

    title: str
    columns: list[str]
    rows: list[tuple[str, list[tuple[int, str, str]]]]


def heat_map(section, layers: list[str], title: str, names: dict[str, str] | None = None,
             more: str = "{shown} of {total}") -> HeatMap | None:
    """A coverage section (rows × layer columns) as a heat-map; None when no row reaches a layer.

    The columns are named by ``layers`` in order.  Above :data:`HEATMAP_ROWS` rows,
    the rows with the largest totals, and ``more`` in the title.
    """
    from matplotlib import colormaps
    from matplotlib.colors import to_hex

    rows = [as_dict(r) for r in section.rows]
    columns = [c for c in section.columns[1:] if c != "total" and all(isinstance(r[c], int) for r in rows)]
    if not any(r[c] for r in rows for c in columns):  # a plan without commitments, or without links
        return None
    if len(rows) > HEATMAP_ROWS:
        title = f"{title} ({more.format(shown=HEATMAP_ROWS, total=len(rows))})"
        rows = sorted(rows, key=lambda r: -int(r.get("total", 0) or 0))[:HEATMAP_ROWS]
    top = max(r[c] for r in rows for c in columns)  # the shown rows' largest number is the darkest
    scale = colormaps["YlGnBu"]
    first = section.columns[0]

    def cell(v: int) -> tuple[int, str, str]:
        return v, to_hex(scale(v / top)), "#fff" if v > top / 2 else "#000"

    return HeatMap(title, [layers[i] if i < len(layers) else c for i, c in enumerate(columns)],
                   [((names or {}).get(str(r[first]), str(r[first])), [cell(r[c]) for c in columns])
                    for r in rows])
