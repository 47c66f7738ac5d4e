"""A built store written as TriG with its plan's graph copied from the plan file's own text.

`kraftgraf build FILE` writes back, into one named graph, exactly the triples it
has just read from FILE; Oxigraph takes about half as long again to write a
national plan's million triples as it took to read them.  TriG is Turtle with
named graphs: a Turtle or N-Triples file's statements, put between a graph's
braces, are that graph's triples.  So the file's bytes are copied instead
(decisions/0014-answers-kept-by-content.md), when that is sure to give the same
triples:

- every directive (``@prefix``, ``@base``, ``PREFIX``, ``BASE``) comes before the
  first statement: TriG allows them outside the braces only, so they are copied
  in front of the graph;
- the file has no relative IRI (``<#x>``, ``<../y>``): in the store it would be
  resolved against another name;
- no triple of it was dropped as one of the ontology's or curated facts';
- its blank node labels cannot meet those of the rest of the store;
- it has not changed since it was read.

Otherwise Oxigraph writes the graph.  A text that only looks like a directive or
a relative IRI (a literal "… . Base …" or "<5 år") is written by Oxigraph too:
slower, never wrong.
"""

from __future__ import annotations

import io
import mmap
import os
import re
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kraftgraf.errors import DataError
from kraftgraf.files import atomic_write
from kraftgraf.ontology.vocab import PREFIXES

__all__ = ["PlanText", "plan_text", "save_with_plan_text"]

_IRI = rb"<[^<>\s]*>"
# what may stand before the first statement: white space, comments and directives
_HEAD = re.compile(rb"\s+|#[^\r\n]*|@prefix\s+[^\s<>]*:\s*" + _IRI + rb"\s*\.|@base\s*" + _IRI + rb"\s*\."
                   rb"|(?i:prefix)\s+[^\s<>]*:\s*" + _IRI + rb"|(?i:base)\s*" + _IRI)
_KEYWORD = rb"(?:@|(?i:prefix|base)(?![A-Za-z0-9_\-]))"
_DIRECTIVE = re.compile(_KEYWORD)
# a statement ends with '.': a directive after the first statement follows one
_LATER = re.compile(rb"\.(?:\s|#[^\r\n]*)*" + _KEYWORD)
_CANDIDATE = re.compile(rb"\.(?:\s|#[^\r\n]*)*[@PpBb]")  # the same, cheaper: few positions get past it
_RELATIVE = re.compile(rb"<(?![A-Za-z][A-Za-z0-9+.\-]*:)")


@dataclass(frozen=True)
class PlanText:
    """A plan file whose statements can be copied into a graph: its directives, then from ``body`` on."""

    path: Path
    signature: tuple[int, int]  # size and modification time when it was read
    body: int
    blank_labels: bool


def _signature(path: Path) -> tuple[int, int]:
    st = os.stat(path)
    return st.st_size, st.st_mtime_ns


def plan_text(path: str | Path) -> PlanText | None:
    """``path`` as a copyable text, or None if Oxigraph must write its triples (see the module doc)."""
    path = Path(path)
    if path.suffix.lower() not in (".ttl", ".nt") or not path.is_file() or path.stat().st_size == 0:
        return None
    signature = _signature(path)
    with open(path, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as data:
        pos = 0
        while (m := _HEAD.match(data, pos)) and m.end() > pos:
            pos = m.end()
        if _DIRECTIVE.match(data, pos) or _RELATIVE.search(data):
            return None
        if any(_LATER.match(data, c.start()) for c in _CANDIDATE.finditer(data, pos)):
            return None
        blank = data.find(b"_:", pos) >= 0
    return PlanText(path, signature, pos, blank)


def save_with_plan_text(store: ox.Store, path: str | Path, graph: ox.NamedNode, text: PlanText) -> bool:
    """Write ``store`` to ``path`` as TriG, its graph ``graph`` as ``text``; False (nothing written) if not.

    ``graph`` must hold just the triples read from ``text``.
    """
    rest = ox.Store()
    for name in [*store.named_graphs(), ox.DefaultGraph()]:
        if name != graph:
            rest.extend(store.quads_for_pattern(None, None, None, name))
    head = io.BytesIO()
    rest.dump(head, format=ox.RdfFormat.TRIG, prefixes=dict(PREFIXES))
    if (text.blank_labels and b"_:" in head.getvalue()) or _signature(text.path) != text.signature:
        return False

    def write(tmp: str) -> None:
        with open(text.path, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as data, \
                memoryview(data) as view, open(tmp, "wb") as out:
            out.write(head.getvalue())
            out.write(b"\n")
            out.write(view[:text.body])  # the directives, outside the braces
            out.write(f"\n{graph} {{\n".encode())
            out.write(view[text.body:])
            out.write(b"\n}\n")  # on a line of its own: the file may end in a comment
        if _signature(text.path) != text.signature:
            raise DataError(f"{text.path} changed while the store was built from it; build again")

    atomic_write(path, write)
    return True
