"""Cells of the CSV files kraftgraf writes: text for a spreadsheet, never a formula it would run."""

from __future__ import annotations

__all__ = ["cell_text", "csv_safe"]

_FORMULA_START = ("=", "+", "-", "@")


def cell_text(value) -> str:
    """A cell as text; lists joined by '; '."""
    return "" if value is None else ("; ".join(map(str, value)) if isinstance(value, list) else str(value))


def csv_safe(value) -> str:
    """A cell as text for a spreadsheet: a leading = + - @ neutralised with an apostrophe."""
    text = cell_text(value)
    return "'" + text if text.startswith(_FORMULA_START) else text
