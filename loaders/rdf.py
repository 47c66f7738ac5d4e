"""An RDF plan file (Turtle or N-Triples) as a plan's named graph: what `kraftgraf synth` writes."""

from __future__ import annotations

from pathlib import Path

from kraftgraf.errors import DataError

__all__ = ["load"]

FORMATS = {".ttl": "ox-turtle", ".nt": "ox-nt"}


def load(store, path: str | Path, key: str) -> list[str]:
    """Parse ``path`` into the graph ``plan/<key>`` of ``store`` (a KnowledgeGraph)."""
    path = Path(path)
    if path.suffix.lower() not in FORMATS:
        raise DataError(f"{path}: a plan file must be .ttl or .nt")
    if not path.is_file():
        raise DataError(f"{path}: no such file")
    try:
        store.graph(f"plan/{key}").parse(path, format=FORMATS[path.suffix.lower()])
    except SyntaxError as exc:
        raise DataError(f"{path}: not valid RDF ({str(exc).splitlines()[0]})") from None
    return []
