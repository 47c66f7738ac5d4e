"""kraftgraf: a national mental-health plan as a knowledge graph, and the gap questions asked of it.

The public API: each command of the CLI is one of these calls, imported only when
first used (so ``import kraftgraf`` stays cheap and the CLI's help is quick).

>>> import kraftgraf
>>> kg = kraftgraf.build()                  # the bundled plan: ontology, curated facts, the memo's annex
>>> [s.key for s in kraftgraf.question("unowned").ask(kg)]
['unowned', 'single_actor', 'orphan_determinants']
>>> [s.key for s in kraftgraf.ask("laws")]  # the same through a store file (here: none, the bundled plan)
['laws']
"""

from __future__ import annotations

from importlib import import_module

__version__ = "0.1.0"

# name -> the module that defines it
_API = {
    **dict.fromkeys(("KraftgrafError", "DataError", "NotFoundError"), "kraftgraf.errors"),
    "KnowledgeGraph": "kraftgraf.graph.store.knowledge_graph",
    "open_store": "kraftgraf.graph.store.open",
    "build": "kraftgraf.graph.store.build", "build_store": "kraftgraf.graph.store.build",
    "add_to_store": "kraftgraf.graph.store.plans", "select_plan": "kraftgraf.graph.store.plans",
    "counts": "kraftgraf.graph.store.stats", "validate": "kraftgraf.graph.store.validate",
    "write_synth": "kraftgraf.graph.store.synth",
    "LOADERS": "kraftgraf.loaders", "loader_for": "kraftgraf.loaders",
    "EXPORTERS": "kraftgraf.graph.exporters", "exporter": "kraftgraf.graph.exporters",
    "questions": "kraftgraf.queries.registry", "question": "kraftgraf.queries.registry",
    "register": "kraftgraf.queries.registry", "Source": "kraftgraf.queries.source",
    **dict.fromkeys(("ask", "accept_suggestion", "accept_suggestions", "import_plan"), "kraftgraf.api"),
    "suggestions": "kraftgraf.queries.suggest.answer",
    "write_map": "kraftgraf.graph.views.map", "write_report": "kraftgraf.graph.views.report",
    "write_template": "kraftgraf.loaders.sheet.template", "import_sheet": "kraftgraf.loaders.sheet.importer",
}

__all__ = ["__version__", *sorted(_API)]


def __getattr__(name: str):
    """The API's names, imported on first use (PEP 562)."""
    if name not in _API:
        raise AttributeError(f"module 'kraftgraf' has no attribute {name!r}")
    return getattr(import_module(_API[name]), name)


def __dir__() -> list[str]:
    return __all__
