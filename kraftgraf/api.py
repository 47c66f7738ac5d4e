"""The library calls behind the commands that need more than one package: what a Python user calls.

Each command of the CLI parses its options and makes one call, here or in the
package that does the work (:func:`kraftgraf.graph.store.build.build_store`,
:meth:`kraftgraf.queries.registry.Question.ask`, …); :mod:`kraftgraf` names them all.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF

from kraftgraf.collector import paused_gc
from kraftgraf.errors import DataError
from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.graph.store.links import confirm_indicator, confirm_link
from kraftgraf.graph.store.lock import store_lock
from kraftgraf.graph.store.open import DEFAULT_STORE, store_path
from kraftgraf.loaders.limits import DEFAULT_SHEET_LIMITS, SheetLimits
from kraftgraf.loaders.sheet import terms
from kraftgraf.loaders.sheet.changes import changes, describe, link_warnings
from kraftgraf.loaders.sheet.codes import CodeRules
from kraftgraf.loaders.sheet.importer import SheetImport, apply, import_sheet
from kraftgraf.loaders.sheet.io import check_sheet_file
from kraftgraf.loaders.sheet.terms import rdflib_term, text
from kraftgraf.queries.registry import question
from kraftgraf.queries.source import Source
from kraftgraf.queries.suggest.answer import AlreadyAccepted, Suggestion, choose, reason
from kraftgraf.queries.suggest.indicators import (
    AlreadyFollowed,
    IndicatorSuggestion,
    choose_indicator,
    indicator_reason,
    names_indicator,
)

__all__ = ["ask", "accept_suggestion", "accept_suggestions", "Imported", "import_plan"]


def ask(name: str, store: str | Path | None = None, plan: str | None = None, **options) -> list:
    """The answer (its sections) to the question ``name`` on the store (one plan of it, or all).

    >>> [s.key for s in ask("laws")]
    ['laws']
    """
    source = Source(None if store is None else str(store), plan)
    with source.open() as graph:
        return question(name).ask(graph, **options)


def accept_suggestion(kg: KnowledgeGraph, choice: str,
                      plan: str | None = None) -> Suggestion | IndicatorSuggestion:
    """Confirm one suggestion (``'A1:arbetsmiljo'``, ``'D:fohm-…'``) into its plan's graph; not saved."""
    if names_indicator(kg, choice):
        found = choose_indicator(kg, choice, plan)
        confirm_indicator(kg, found.plan, found.item, found.indicator, found.sources[0],
                          indicator_reason(found))
        return found
    s = choose(kg, choice, plan)
    confirm_link(kg, s.plan, s.initiative, s.determinant, s.sources[0], reason(s))
    return s


def accept_suggestions(store: str | Path | None, choices: list[str], plan: str | None = None
                       ) -> tuple[Path, list[Suggestion | IndicatorSuggestion], list[str]]:
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
            except (AlreadyAccepted, AlreadyFollowed) as exc:  # accepting twice is done, not a mistake
                notes.append(str(exc))
        if accepted:
            kg.save(path)
    return path, accepted, notes


@dataclass
class Imported:
    """What :func:`import_plan` found and did: the import, its change list in words, and notes.

    ``refused`` says why the file was not written (it would drop most of the plan and
    ``replace`` was not given); ``written`` whether the store file was rewritten.
    """

    path: Path
    result: SheetImport
    lines: list[str]
    warnings: list[str]
    refused: str = ""
    written: bool = False


def import_plan(store: str | Path | None, file: str | Path, plan: str | None = None,
                actor_columns: list[str] | None = None, lang: str | None = None, title: str | None = None,
                limits: SheetLimits | None = None, rules: CodeRules | None = None, replace: bool = False,
                dry_run: bool = False) -> Imported:
    """Read a plan spreadsheet into the store file (the bundled plan's store if there is none yet).

    All of it is checked before anything is written, under the store's lock from before
    it is read; with ``dry_run`` nothing is written and no lock is taken.
    """
    path = Path(store or DEFAULT_STORE)
    if path.suffix.lower() not in (".trig", ".nq"):
        raise DataError(f"{path}: import writes a store with named graphs; use a .trig or .nq file")
    limits = limits or DEFAULT_SHEET_LIMITS
    check_sheet_file(file, limits)  # its sizes, before the store is read: a sheet too large fails at once
    with contextlib.nullcontext() if dry_run else store_lock(path), paused_gc():
        kg = KnowledgeGraph.load(path) if path.is_file() else KnowledgeGraph.bundled()
        result = import_sheet(kg, file, plan, list(actor_columns or []), lang, title, limits, rules)

        def label(node):  # a law or actor the file brings in is named as the file names it
            known = rdflib_term(node)
            if (known, RDF.type, None) in kg.dataset:
                return kg.label(known)
            return text(result.graph.value(node, terms.RDFS.label)) or kg.label(known)

        found = changes(result.old, result.graph, label)
        done = Imported(path, result, describe(found), link_warnings(kg.dataset, found))
        if result.drops_most and not replace:
            done.refused = result.drops_most
        elif not dry_run and (found or not path.is_file()):
            apply(kg, result)
            kg.save(path)
            done.written = True
    return done
