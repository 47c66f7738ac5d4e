"""Build a store from sources: the ontology, the curated facts and a plan."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from kraftgraf.errors import DataError
from kraftgraf.graph.store.knowledge_graph import BUNDLED_PLAN, KnowledgeGraph
from kraftgraf.graph.store.lock import store_lock
from kraftgraf.graph.store.typed_literals import check_typed_literals
from kraftgraf.loaders import loader_for
from kraftgraf.loaders.memo import SEED_PLAN, MemoPlan, load_memo
from kraftgraf.ontology.vocab import bind_prefixes, graph_iri, slug

__all__ = ["Built", "base", "build", "build_store", "plan_graph", "plan_turtle", "read_into", "read_plan",
           "default_key", "shared_triples"]


# the graphs every build has besides its plan: the links about the bundled plan's items apart
SHARED_GRAPHS = ("ontology", "curated", f"curated/{SEED_PLAN.key}")


def plan_graph(memo: str | Path, plan: MemoPlan = SEED_PLAN) -> Graph:
    """The facts one memo holds, in a plain in-memory graph (canonical output)."""
    g = Graph()
    bind_prefixes(g)
    load_memo(g, memo, plan)
    return g


def plan_turtle(memo: str | Path, plan: MemoPlan = SEED_PLAN) -> str:
    """The Turtle the package ships for a memo; the same memo gives the same bytes."""
    return plan_graph(memo, plan).serialize(format="turtle")


def default_key(source: str | Path | None = None, loader: str | None = None) -> str:
    """The plan key a build gives: the file's name; for a memo or the bundled plan, the memo plan's key."""
    if source is None or loader_for(source, loader).name == "memo":
        return SEED_PLAN.key
    return slug(Path(source).stem)


def read_into(kg: KnowledgeGraph, key: str, source: str | Path | None = None,
              loader: str | None = None) -> list[str]:
    """Read ``source`` (None: the bundled plan) into ``kg``'s graph ``plan/<key>`` by its loader; notes."""
    if source is None:
        kg.graph(f"plan/{key}").parse(Path(str(files("kraftgraf.data") / BUNDLED_PLAN)), format="ox-turtle")
        return []
    notes = loader_for(source, loader).function()(kg, Path(source), key)
    check_typed_literals(kg, source)  # a plan file may hold "ett"^^xsd:integer: one line, not a traceback
    return notes


def read_plan(into: KnowledgeGraph, key: str, source: str | Path | None,
              loader: str | None = None) -> list:
    """The quads plan ``key`` would have in ``into``, read into a scratch store first (``into`` is untouched).

    The scratch store holds ``into``'s ontology and curated facts, so a loader that
    looks up known actors and laws (the spreadsheet's) finds them.
    """
    scratch = KnowledgeGraph()
    shared = [ox.NamedNode(str(graph_iri(name))) for name in SHARED_GRAPHS]
    scratch.store.bulk_extend(q for g in shared for q in into.store.quads_for_pattern(None, None, None, g))
    read_into(scratch, key, source, loader)
    plan = ox.NamedNode(str(graph_iri(f"plan/{key}")))
    return list(scratch.store.quads_for_pattern(None, None, None, plan))


def base(data_dir: str | Path | None = None) -> KnowledgeGraph:
    """A store with the ontology and the curated facts (from ``data_dir``, else the bundled ones), no plan."""
    from kraftgraf.loaders.curated import load_curated

    kg = KnowledgeGraph()
    kg.add_ontology()
    load_curated(kg.graph("curated"), data_dir, kg.graph(f"curated/{SEED_PLAN.key}"))
    return kg


def build(source: str | Path | None = None, loader: str | None = None, data_dir: str | Path | None = None,
          key: str | None = None) -> KnowledgeGraph:
    """A store from the ontology, the curated facts and one plan.

    The plan is ``source``, read by the loader called ``loader`` or else the one
    for its suffix (:mod:`kraftgraf.loaders`: a memo text, an RDF plan file from
    ``kraftgraf synth``, a plan spreadsheet), or with no source the plan the package
    ships; it goes into the named graph ``plan/<key>`` (default: :func:`default_key`).
    Everything is read and checked before anything is returned, so bad input
    raises :class:`~kraftgraf.errors.DataError` and leaves no half-built store.
    """
    return _build(source, loader, data_dir, key)[0]


def _build(source, loader, data_dir, key) -> tuple[KnowledgeGraph, str, int]:
    """:func:`build`'s store, the plan's key, and how many of the plan's triples were shared ones."""
    from kraftgraf.graph.store.plans import check_key

    key = check_key(key) if key is not None else default_key(source, loader)
    kg = base(data_dir)
    read_into(kg, key, source, loader)
    plan_graph_name = ox.NamedNode(str(graph_iri(f"plan/{key}")))
    dropped = 0
    for s, p, o in shared_triples(kg):
        quad = ox.Quad(s, p, o, plan_graph_name)
        if quad in kg.store:
            kg.store.remove(quad)
            dropped += 1
    return kg, key, dropped


def shared_triples(kg: KnowledgeGraph) -> set[tuple]:
    """The triples of the ontology and curated graphs, as pyoxigraph terms.

    A plan file written by ``kraftgraf export`` holds them too; kept in the plan's
    graph as well, every query over the union of graphs would see them twice.
    """
    names = [ox.NamedNode(str(graph_iri(name))) for name in SHARED_GRAPHS]
    return {(q.subject, q.predicate, q.object) for name in names
            for q in kg.store.quads_for_pattern(None, None, None, name)}


@dataclass
class Built:
    """What :func:`build_store` wrote: the store, its file, the plan's key.

    ``shared``: the other plans whose nodes it shares (plan -> how many), after ``--add``;
    ``content``: the SHA-256 of the file written, under which answers about it are kept.
    """

    kg: KnowledgeGraph
    path: Path
    key: str
    shared: dict[str, int] = field(default_factory=dict)
    content: str = ""


def build_store(output: str | Path, source: str | Path | None = None, loader: str | None = None,
                data_dir: str | Path | None = None, key: str | None = None, add: bool = False,
                replace: bool = False, kept_plans: Callable[[Path], list[str] | None] | None = None) -> Built:
    """Build (or with ``add``, extend) the store file ``output`` and save it; what `kraftgraf build` does.

    A new build refuses to overwrite a store that holds plans it lacks, unless ``replace``;
    ``kept_plans`` may say which plans the file holds without reading it (None: read it).
    """
    from kraftgraf.graph.store.content import content_hash
    from kraftgraf.graph.store.plans import add_to_store, shared_nodes

    path = Path(output) if Path(output).suffix else Path(f"{output}.trig")
    with store_lock(path):  # from before reading it: a second writer waits, then builds on this one
        if add:
            if data_dir:
                raise DataError("--add keeps the store's curated facts; --data only goes with a new build")
            key = key or default_key(source, loader)
            kg = add_to_store(path, source, loader, key)
            built = Built(kg, path, key, shared_nodes(kg, key))
            kg.save(path)
        else:
            built = _build_new(path, source, loader, data_dir, key, replace, kept_plans)
        built.content = content_hash(path)
    return built


def _build_new(path: Path, source, loader, data_dir, key, replace: bool, kept_plans) -> Built:
    """A new store at ``path``; a plan file's text is copied into it where it can be (:mod:`.plan_text`)."""
    from kraftgraf.graph.store.plan_text import plan_text, save_with_plan_text
    from kraftgraf.graph.store.plans import plans_dropped

    copyable = (source is not None and path.suffix.lower() == ".trig"
                and loader_for(source, loader).name == "rdf")
    with ThreadPoolExecutor(max_workers=1) as pool:  # the text is scanned while Oxigraph reads it
        text = pool.submit(plan_text, source) if copyable else None
        kg, key, dropped = _build(source, loader, data_dir, key)
        known = kept_plans(path) if kept_plans and path.is_file() else None
        dropped_plans = [] if replace else plans_dropped(path, kg, known)
        if dropped_plans:
            raise DataError(f"{path} holds the plans {', '.join(dropped_plans)}, which this build lacks: "
                            "add a plan to it with --add, write elsewhere with -o, or pass --replace")
        scanned = text.result() if text is not None else None
    graph = ox.NamedNode(str(graph_iri(f"plan/{key}")))
    if scanned is None or dropped or not save_with_plan_text(kg.store, path, graph, scanned):
        kg.save(path)
    return Built(kg, path, key)
