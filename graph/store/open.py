"""Which store a command means, opened whole or narrowed to one plan.

The rule every command shares: the store named, else ``./kraftgraf-store.trig``
when there is one, else the bundled plan.
"""

from __future__ import annotations

from pathlib import Path

from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.graph.store.plans import select_plan

__all__ = ["DEFAULT_STORE", "store_path", "open_store"]

DEFAULT_STORE = "kraftgraf-store.trig"


def store_path(path: str | Path | None) -> Path | None:
    """The store file meant: ``path``, else the default store in this folder if there is one."""
    if path is not None:
        return Path(path)
    return Path(DEFAULT_STORE) if Path(DEFAULT_STORE).is_file() else None


def open_store(path: str | Path | None = None, plan: str | None = None) -> KnowledgeGraph:
    """The store at ``path`` (see :func:`store_path`; the bundled plan if none), and of it plan ``plan`` only.

    With ``plan`` the store holds the ontology, the curated facts and that plan.
    """
    found = store_path(path)
    kg = KnowledgeGraph.bundled() if found is None else KnowledgeGraph.load(found)
    return kg if plan is None else select_plan(kg, plan)
