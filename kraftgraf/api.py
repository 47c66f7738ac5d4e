"""The library calls behind the commands that need more than one package: what a Python user calls.

Each command of the CLI parses its options and makes one call, here or in the
package that does the work (:func:`kraftgraf.graph.store.build.build_store`,
:meth:`kraftgraf.queries.registry.Question.ask`, …); :mod:`kraftgraf` names them all.
"""

from __future__ import annotations

from pathlib import Path

from kraftgraf.errors import DataError
from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.graph.store.links import confirm_link
from kraftgraf.graph.store.lock import store_lock
from kraftgraf.graph.store.open import store_path
from kraftgraf.queries.registry import question
from kraftgraf.queries.source import Source
from kraftgraf.queries.suggest.answer import AlreadyAccepted, Suggestion, choose, reason

__all__ = ["ask", "accept_suggestion", "accept_suggestions"]


def ask(name: str, store: str | Path | None = None, plan: str | None = None, **options) -> list:
    """The answer (its sections) to the question ``name`` on the store (one plan of it, or all).

    >>> [s.key for s in ask("laws")]
    ['laws']
    """
    source = Source(None if store is None else str(store), plan)
    with source.open() as graph:
        return question(name).ask(graph, **options)


def accept_suggestion(kg: KnowledgeGraph, choice: str, plan: str | None = None) -> Suggestion:
    """Confirm one current suggestion (``'A1:arbetsmiljo'``) into its plan's graph in ``kg``; not saved."""
    s = choose(kg, choice, plan)
    confirm_link(kg, s.plan, s.initiative, s.determinant, s.sources[0], reason(s))
    return s


def accept_suggestions(store: str | Path | None, choices: list[str],
                       plan: str | None = None) -> tuple[Path, list[Suggestion], list[str]]:
    """Confirm ``choices`` in the store file and save it once: (the file, what was accepted, notes).

    Every choice is checked before the store is written; one accepted before is a
    note, not a mistake.
    """
    path = store_path(store)
    if path is None or path.suffix not in (".trig", ".nq"):
        raise DataError("--accept writes to a store: build one with 'kraftgraf build' "
                        "or name it with --store FILE.trig")
    with store_lock(path):  # before reading it: another accept at the same time waits, then builds on it
        kg = KnowledgeGraph.load(path)
        accepted, notes = [], []
        for choice in choices:
            try:
                accepted.append(accept_suggestion(kg, choice, plan))
            except AlreadyAccepted as exc:  # accepting twice is done, not a mistake
                notes.append(str(exc))
        if accepted:
            kg.save(path)
    return path, accepted, notes
