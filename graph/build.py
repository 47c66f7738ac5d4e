"""Build a store from sources: the ontology, the curated facts and one plan."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from kraftgraf.graph.store import BUNDLED_PLAN, KnowledgeGraph, bind_prefixes
from kraftgraf.loaders.memo import SEED_PLAN, MemoPlan, load_memo
from rdflib import Graph

from kraftgraf.errors import DataError

__all__ = ["build", "plan_graph", "plan_turtle"]


def plan_graph(memo: str | Path, plan: MemoPlan = SEED_PLAN) -> Graph:
    """The facts one memo holds, in a plain in-memory graph (canonical output)."""
    g = Graph()
    bind_prefixes(g)
    load_memo(g, memo, plan)
    return g


def plan_turtle(memo: str | Path, plan: MemoPlan = SEED_PLAN) -> str:
    """The Turtle the package ships for a memo; the same memo gives the same bytes."""
    return plan_graph(memo, plan).serialize(format="turtle")


def _parse_plan_file(kg: KnowledgeGraph, path: Path) -> None:
    formats = {".ttl": "ox-turtle", ".nt": "ox-nt"}
    if path.suffix not in formats:
        raise DataError(f"{path}: a plan file must be .ttl or .nt")
    if not path.is_file():
        raise DataError(f"{path}: no such file")
    try:
        kg.graph(f"plan/{path.stem}").parse(path, format=formats[path.suffix])
    except SyntaxError as exc:
        raise DataError(f"{path}: not valid RDF ({str(exc).splitlines()[0]})") from None


def build(memo: str | Path | None = None, data_dir: str | Path | None = None,
          plan_file: str | Path | None = None, plan: MemoPlan = SEED_PLAN) -> KnowledgeGraph:
    """A store from the ontology, the curated facts and one plan.

    The plan is ``memo`` (a memo text), ``plan_file`` (RDF, e.g. from
    ``kraftgraf synth``) or, with neither, the plan the package ships.
    Everything is read and checked before anything is returned, so bad input
    raises :class:`~kraftgraf.errors.DataError` and leaves no half-built store.
    """
    from kraftgraf.loaders.curated import load_curated

    kg = KnowledgeGraph()
    kg.add_ontology()
    load_curated(kg.graph("curated"), data_dir)
    if plan_file is not None:
        _parse_plan_file(kg, Path(plan_file))
    elif memo is not None:
        target = kg.graph(f"plan/{plan.key}")
        for triple in plan_graph(memo, plan):
            target.add(triple)
    else:
        kg.graph(f"plan/{plan.key}").parse(files("kraftgraf.data") / BUNDLED_PLAN, format="ox-turtle")
    return kg
