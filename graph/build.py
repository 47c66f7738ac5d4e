"""Build a store from sources: the ontology, the curated facts and a plan."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import pyoxigraph as ox
from kraftgraf.graph.store import BUNDLED_PLAN, KnowledgeGraph, bind_prefixes
from kraftgraf.graph.typed_literals import check_typed_literals
from kraftgraf.loaders.memo import SEED_PLAN, MemoPlan, load_memo
from kraftgraf.ontology.vocab import graph_iri, slug
from rdflib import Graph

from kraftgraf.errors import DataError

__all__ = ["build", "plan_graph", "plan_turtle", "read_plan", "default_key", "shared_triples"]


def plan_graph(memo: str | Path, plan: MemoPlan = SEED_PLAN) -> Graph:
    """The facts one memo holds, in a plain in-memory graph (canonical output)."""
    g = Graph()
    bind_prefixes(g)
    load_memo(g, memo, plan)
    return g


def plan_turtle(memo: str | Path, plan: MemoPlan = SEED_PLAN) -> str:
    """The Turtle the package ships for a memo; the same memo gives the same bytes."""
    return plan_graph(memo, plan).serialize(format="turtle")


def _parse_plan_file(kg: KnowledgeGraph, path: Path, key: str) -> None:
    formats = {".ttl": "ox-turtle", ".nt": "ox-nt"}
    if path.suffix not in formats:
        raise DataError(f"{path}: a plan file must be .ttl or .nt")
    if not path.is_file():
        raise DataError(f"{path}: no such file")
    try:
        kg.graph(f"plan/{key}").parse(path, format=formats[path.suffix])
    except (SyntaxError, MemoryError) as exc:
        why = (str(exc).splitlines() or [type(exc).__name__])[0]
        if isinstance(exc, MemoryError):  # Oxigraph reads a term into a buffer of at most 16 MB
            why = f"a literal or IRI too long to read: {why}"
        raise DataError(f"{path}: not valid RDF ({why})") from None
    check_typed_literals(kg, path)


def default_key(memo: str | Path | None = None, plan_file: str | Path | None = None,
                plan: MemoPlan = SEED_PLAN) -> str:
    """The plan key a build gives: the plan file's name, else the memo plan's key."""
    return slug(Path(plan_file).stem) if plan_file is not None else plan.key


def _load_plan(kg: KnowledgeGraph, key: str, memo, plan_file, plan: MemoPlan) -> None:
    if plan_file is not None:
        _parse_plan_file(kg, Path(plan_file), key)
    elif memo is not None:
        target = kg.graph(f"plan/{key}")
        for triple in plan_graph(memo, plan):
            target.add(triple)
    else:
        kg.graph(f"plan/{key}").parse(files("kraftgraf.data") / BUNDLED_PLAN, format="ox-turtle")


def read_plan(memo: str | Path | None = None, plan_file: str | Path | None = None,
              plan: MemoPlan = SEED_PLAN) -> list:
    """The triples of one plan (as :func:`build` reads it), as pyoxigraph quads of one graph."""
    scratch = KnowledgeGraph()
    _load_plan(scratch, "scratch", memo, plan_file, plan)
    return list(scratch.store)


def build(memo: str | Path | None = None, data_dir: str | Path | None = None,
          plan_file: str | Path | None = None, plan: MemoPlan = SEED_PLAN,
          key: str | None = None) -> KnowledgeGraph:
    """A store from the ontology, the curated facts and one plan.

    The plan is ``memo`` (a memo text), ``plan_file`` (RDF, e.g. from
    ``kraftgraf synth``) or, with neither, the plan the package ships; it goes
    into the named graph ``plan/<key>`` (default: :func:`default_key`).
    Everything is read and checked before anything is returned, so bad input
    raises :class:`~kraftgraf.errors.DataError` and leaves no half-built store.
    """
    from kraftgraf.graph.plans import check_key
    from kraftgraf.loaders.curated import load_curated

    key = check_key(key) if key is not None else default_key(memo, plan_file, plan)
    kg = KnowledgeGraph()
    kg.add_ontology()
    load_curated(kg.graph("curated"), data_dir)
    _load_plan(kg, key, memo, plan_file, plan)
    plan_graph_name = ox.NamedNode(str(graph_iri(f"plan/{key}")))
    for triple in shared_triples(kg):
        kg.store.remove(ox.Quad(*triple, plan_graph_name))
    return kg


def shared_triples(kg: KnowledgeGraph) -> set[tuple]:
    """The triples of the ontology and curated graphs, as pyoxigraph terms.

    A plan file written by ``kraftgraf export`` holds them too; kept in the plan's
    graph as well, every query over the union of graphs would see them twice.
    """
    names = [ox.NamedNode(str(graph_iri(name))) for name in ("ontology", "curated")]
    return {(q.subject, q.predicate, q.object) for name in names
            for q in kg.store.quads_for_pattern(None, None, None, name)}
