"""A worksheet's values read from its XML with the standard library's C parser, when they are plain text.

openpyxl parses XLSX through defusedxml's parser, which is written in Python, and
builds a dict per cell: a national plan's sheet is 16 MB of XML and 350,000 cells,
three seconds.  A sheet that declares no document type has no entities to expand
and nothing external to fetch, so the C parser reads it safely.  When every cell
is an inline or shared string, or empty (what ``kraftgraf template`` writes), the
rows here are what openpyxl's ``iter_rows(values_only=True)`` gives for the sheet;
anything else (a number, a formula, rich text, a document type) gives None, and
the caller reads the sheet with openpyxl as before.
"""

from __future__ import annotations

import io
import re
import zipfile
from xml.etree.ElementTree import iterparse

__all__ = ["plain_values"]

_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW, _CELL, _VALUE, _INLINE, _TEXT = (_NS + tag for tag in ("row", "c", "v", "is", "t"))
_SAFE_START = (b"<?xml", b"\xef\xbb\xbf<?xml", b"<")
_REFERENCE = re.compile(r"([A-Z]{1,3})[0-9]+")
_COLUMNS: dict[str, int] = {}  # a column's letters -> its number, each worked out once


class _NotPlain(Exception):
    """A cell that is not plain text: openpyxl reads the sheet."""


def _column(letters: str) -> int:
    """'AB' (of 'AB12') -> 28, as openpyxl numbers a cell's column."""
    n = _COLUMNS.get(letters)
    if n is None:
        n = 0
        for ch in letters:
            n = n * 26 + ord(ch) - 64
        _COLUMNS[letters] = n
    return n


def _value(cell, shared: list) -> str | None:
    kind = cell.get("t", "n")
    children = list(cell)
    if any(child.tag not in (_VALUE, _INLINE) for child in children):
        raise _NotPlain  # a formula, or something openpyxl would read otherwise
    if kind == "inlineStr":
        inline = cell.find(_INLINE)
        if inline is None:
            return None
        parts = list(inline)
        if len(parts) > 1 or any(part.tag != _TEXT for part in parts):
            raise _NotPlain  # rich text or phonetic runs
        return "".join(part.text or "" for part in parts)
    value = cell.findtext(_VALUE) or None
    if value is None:
        return None
    if kind == "s":
        return shared[int(value)]
    raise _NotPlain  # a number (perhaps a date), a boolean, an error, a formula's text


def _rows(data: bytes, shared: list) -> list[tuple]:
    """The rows as openpyxl's read-only sheet gives them after ``reset_dimensions``."""
    rows: list[tuple] = []
    number = 0
    for _, element in iterparse(io.BytesIO(data)):
        if element.tag != _ROW:
            continue
        at = element.get("r")
        index = int(at) if at is not None and at.isdigit() else None
        if index is None:
            if at is not None:
                raise _NotPlain
            index = number + 1
        cells, column = [], 0
        for cell in element:
            reference = cell.get("r")
            match = _REFERENCE.fullmatch(reference) if reference else None
            if cell.tag != _CELL or (reference and not match):
                raise _NotPlain
            column = _column(match[1]) if match else column + 1
            cells.append((column, _value(cell, shared) if len(cell) else None))  # no child: empty
        element.clear()
        rows.extend(() for _ in range(len(rows) + 1, index))  # rows the sheet leaves out
        if len(rows) + 1 <= index:  # a row numbered again, or back, is passed over (as openpyxl)
            width = cells[-1][0] if cells else 0
            values: list[str | None] = [None] * width
            for col, value in cells:
                if 1 <= col <= width:
                    values[col - 1] = value
            rows.append(tuple(values))
        number = index
    return rows


def plain_values(archive: zipfile.ZipFile, member: str | None, shared: list) -> list[tuple] | None:
    """The rows of values of the worksheet ``member``, or None when they are not all plain text."""
    if member is None:
        return None
    data = archive.read(member.lstrip("/"))
    if (not data.startswith(_SAFE_START) or b"\x00" in data[:200] or b"<!DOCTYPE" in data
            or b"<!ENTITY" in data):
        return None  # another encoding, or a document type: openpyxl's guarded parser reads it
    try:
        return _rows(data, shared)
    except (_NotPlain, ValueError, IndexError, SyntaxError):
        return None
