"""The loaders: each reads one kind of source into a plan's named graph, found by name or by file suffix.

Like the exporters' registry (:mod:`kraftgraf.graph.exporters`): a name maps to
``"module:function"``, imported only when used, so ``kraftgraf build --loader``
and ``kraftgraf import --loader`` take their choices from here and a new kind
of source is one module and one line.  Every function has the same shape,
``load(store, path, key) -> notes``: read ``path`` and check it all, then write
the plan into the store's graph ``plan/<key>``; a mistake raises
:class:`~kraftgraf.errors.DataError` before anything is written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

from kraftgraf.errors import DataError

__all__ = ["Loader", "LOADERS", "loader_for"]


@dataclass(frozen=True)
class Loader:
    """One kind of source: the import path of its ``load``, the file suffixes it reads, what it is."""

    name: str
    target: str
    suffixes: tuple[str, ...]
    description: str

    def function(self) -> Callable[..., list[str]]:
        """``load(store, path, key) -> notes``."""
        module, _, name = self.target.partition(":")
        return getattr(import_module(module), name)


LOADERS: dict[str, Loader] = {loader.name: loader for loader in (
    Loader("memo", "kraftgraf.loaders.memo:load", (".txt",), "a memo text with an annex table (Bilaga 1)"),
    Loader("rdf", "kraftgraf.loaders.rdf:load", (".ttl", ".nt"),
           "an RDF plan file (Turtle or N-Triples), e.g. from 'kraftgraf synth'"),
    Loader("sheet", "kraftgraf.loaders.sheet.importer:load", (".xlsx", ".csv"),
           "the plan as its initiative list (samlad initiativlista), XLSX or CSV"),
)}


def loader_for(path: str | Path, name: str | None = None) -> Loader:
    """The loader called ``name``, else the one that reads files with ``path``'s suffix."""
    if name is not None:
        if name not in LOADERS:
            raise DataError(f"no loader called {name!r} (there are: {', '.join(LOADERS)})")
        return LOADERS[name]
    suffix = Path(path).suffix.lower()
    for loader in LOADERS.values():
        if suffix in loader.suffixes:
            return loader
    known = "; ".join(f"{', '.join(x.suffixes)}: {x.name}" for x in LOADERS.values())
    raise DataError(f"{path}: no loader reads '{suffix or 'a file without a suffix'}' files ({known}); "
                    "name one with --loader")
