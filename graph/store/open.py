"""Which store a command means, opened whole or narrowed to one plan.

The rule every command shares: the store named, else ``./kraftgraf-store.trig``
when there is one, else the bundled plan.
"""

from __future__ import annotations

from pathlib import Path

from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.graph.store.plans import select_plan
from kraftgraf.graph.store.typed_literals import check_typed_literals

__all__ = ["DEFAULT_STORE", "store_path", "open_store"]

DEFAULT_STORE = "kraftgraf-store.trig"


def store_path(path: str | Path | None) -> Path | None:
    """The store file meant: ``path``, else the default store in this folder if there is one."""
    if path is not None:
        return Path(path)
    return Path(DEFAULT_STORE) if Path(DEFAULT_STORE).is_file() else None


def open_store(path: str | Path | None = None, plan: str | None = None,
               literals_checked: bool = True) -> KnowledgeGraph:
    """The store at ``path`` (see :func:`store_path`; the bundled plan if none), and of it plan ``plan`` only.

    With ``plan`` the store holds the ontology, the curated facts and that plan.  A
    store with an ill-typed literal (``"ett"^^xsd:integer``) is refused in one line
    unless ``literals_checked`` is false (for `validate`, which lists them).
    """
    found = store_path(path)
    kg = KnowledgeGraph.bundled() if found is None else KnowledgeGraph.load(found)
    if found is not None and literals_checked:
        check_typed_literals(kg, found)
    return kg if plan is None else select_plan(kg, plan)
