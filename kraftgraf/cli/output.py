"""Rows out: an aligned table for people, JSON and CSV with stable shapes for programs.

Rows are dataclass instances or plain dicts; the columns are their fields in order.
CSV cells that begin with "=", "+", "-" or "@" (or a tab, CR or LF) get a leading
apostrophe so a spreadsheet shows them as text instead of running them as
formulas, and a cell holding CR or LF is quoted (:mod:`kraftgraf.safe_csv`).
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Sequence

from kraftgraf import safe_csv
from kraftgraf.queries.common import as_dict

__all__ = ["FORMATS", "render", "render_sections"]

FORMATS = ("table", "json", "csv")


def cell_text(value) -> str:
    """A cell as text; lists joined by '; '."""
    return "" if value is None else ("; ".join(map(str, value)) if isinstance(value, list) else str(value))


def _table(rows: list[dict], columns: Sequence[str], headers: dict[str, str]) -> str:
    cells = [[cell_text(r[c]).replace("\n", " ") for c in columns] for r in rows]
    titles = [headers.get(c, c) for c in columns]
    widths = [max([len(t)] + [len(row[i]) for row in cells]) for i, t in enumerate(titles)]
    lines = ["  ".join(t.ljust(w) for t, w in zip(titles, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip() for row in cells]
    return "\n".join(lines)


def render(rows: Iterable, fmt: str, columns: Sequence[str] | None = None,
           headers: dict[str, str] | None = None) -> str:
    """``rows`` as text in ``fmt`` ('table', 'json' or 'csv')."""
    dicts = [as_dict(r) for r in rows]
    if columns is None:
        columns = list(dicts[0]) if dicts else []
    if fmt == "json":
        return json.dumps([{c: d[c] for c in columns} for d in dicts], ensure_ascii=False, indent=2)
    if fmt == "csv":
        buf = io.StringIO()
        writer = safe_csv.writer(buf, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([cell_text(d[c]) for c in columns] for d in dicts)
        return buf.getvalue().rstrip("\n")
    return _table(dicts, columns, headers or {})


def render_sections(sections: Sequence, fmt: str, explain: bool = False,
                    columns: Sequence[str] = ()) -> str:
    """A query's answer: per section a title, what it means, and its rows.

    JSON is an object keyed by section, each row with its ``why`` and ``sources``;
    CSV is one table with a leading ``section`` column, then ``columns`` and the
    sections' other columns in the order they first appear; the table shows ``why``
    and the quotes under each row when ``explain`` is set.
    """
    if fmt == "json":
        return json.dumps({s.key: [as_dict(r) for r in s.rows] for s in sections},
                          ensure_ascii=False, indent=2)
    if fmt == "csv":
        # `columns` is for an answer whose first section shows a later column alone
        # (diff's "added" has new but not old); first seen would put it first.
        shown = (c for s in sections for c in (*s.columns, "why", "sources"))
        columns = list(dict.fromkeys([*columns, *shown]))
        rows = [{"section": s.key, **{c: as_dict(r).get(c, "") for c in columns}}
                for s in sections for r in s.rows]
        return render(rows, "csv", ["section", *columns])
    blocks = []
    for s in sections:
        head = f"{s.title}\n{'=' * len(s.title)}\n{s.explanation}\n"
        if not s.rows:
            blocks.append(head + "(none)")
            continue
        table = render(s.rows, "table", s.columns).split("\n")
        lines = table[:2]
        for row, line in zip(s.rows, table[2:]):
            lines.append(line)
            if explain:
                lines.append(f"    why: {row.why}")
                lines += [f"    source: “{q}”" for q in row.sources]
        blocks.append(head + "\n".join(lines) + f"\n({len(s.rows)} {'row' if len(s.rows) == 1 else 'rows'})")
    return "\n\n".join(blocks)
