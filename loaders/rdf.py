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
    except (SyntaxError, MemoryError) as exc:
        why = (str(exc).splitlines() or [type(exc).__name__])[0]
        if isinstance(exc, MemoryError):  # Oxigraph reads a term into a buffer of at most 16 MB
            why = f"a literal or IRI too long to read: {why}"
        raise DataError(f"{path}: not valid RDF ({why})") from None
    return []
