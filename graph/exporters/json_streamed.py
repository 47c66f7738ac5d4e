"""JSON written a piece at a time, the same bytes as ``json.dumps(…, ensure_ascii=False, indent=1)``.

The JSON-LD export and Kumu's blueprint hold hundreds of thousands of objects on a
plan of 3 million triples; one text of the whole took gigabytes more than the graph.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO

__all__ = ["nested", "write_member_list"]


def nested(value, depth: int) -> str:
    """``value`` as ``json.dumps(…, indent=1)`` writes it ``depth`` levels down.

    Every newline of JSON text is the indenter's: one inside a string is escaped.
    """
    return json.dumps(value, ensure_ascii=False, indent=1).replace("\n", "\n" + " " * depth)


def write_member_list(out: IO[str], key: str, items: Iterable) -> None:
    """A top-level member ``"key": [items]``, one item at a time."""
    out.write(f" {json.dumps(key, ensure_ascii=False)}: [")
    first = True
    for item in items:
        out.write(("\n  " if first else ",\n  ") + nested(item, 2))
        first = False
    out.write("]" if first else "\n ]")
