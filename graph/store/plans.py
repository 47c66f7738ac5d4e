"""Several plans in one store: each plan is the named graph ``…/graph/plan/<key>``.

A store holds the ontology, the curated facts and one or more plans.  The gap
queries read the union of the store's graphs; :func:`select_plan` gives a store
that holds one plan only (with the ontology and the curated facts), so that a
question asked with ``--plan KEY`` is answered over that plan alone.

Examples
--------
>>> from kraftgraf.graph.store.build import build
>>> kg = build()
>>> plan_keys(kg)
['kraftsamling-2019']
>>> select_plan(kg, "kraftsamling-2019") is kg
True

"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kraftgraf.errors import DataError, NotFoundError
from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.ontology.vocab import graph_iri, slug

__all__ = ["PLAN_GRAPHS", "plan_keys", "plans_dropped", "check_key", "select_plan", "add_plan",
           "add_to_store", "shared_nodes", "all_plans"]

CURATED_GRAPHS = str(graph_iri("curated/"))  # the curated links about one plan's items
PLAN_GRAPHS = str(graph_iri("plan/"))  # every plan's graph IRI starts with this


def plan_keys(kg: KnowledgeGraph) -> list[str]:
    """The keys of the plans the store holds, sorted."""
    names = (g.value for g in kg.store.named_graphs() if isinstance(g, ox.NamedNode))
    return sorted(n[len(PLAN_GRAPHS):] for n in names if n.startswith(PLAN_GRAPHS))


def plans_dropped(path: str | Path, kg: KnowledgeGraph, known: list[str] | None = None) -> list[str]:
    """The plans of the store file at ``path`` (if there is one) that ``kg`` does not hold.

    ``known``: the file's plan keys if the caller has them (kept beside its bytes), so the
    file need not be read again.
    """
    if not Path(path).is_file():
        return []
    held = plan_keys(KnowledgeGraph.load(path)) if known is None else known
    return sorted(set(held) - set(plan_keys(kg)))


def check_key(key: str) -> str:
    """``key`` if it is a plain plan key (lower-case ASCII letters, digits and hyphens)."""
    if not key or key != slug(key):
        raise DataError(f"plan key '{key}' is not a plain key: use lower-case ASCII letters, "
                        f"digits and hyphens (e.g. '{slug(key) or 'plan-2024'}')")
    return key


def _unknown(kg: KnowledgeGraph, key: str) -> NotFoundError:
    keys = plan_keys(kg)
    held = ", ".join(keys) if keys else "none"
    return NotFoundError(f"the store has no plan '{key}' (its plans: {held})")


def plan_graph_name(kg: KnowledgeGraph, key: str) -> ox.NamedNode:
    """The named graph of plan ``key``; :class:`NotFoundError` naming the store's plans if none."""
    if key not in plan_keys(kg):
        raise _unknown(kg, key)
    return ox.NamedNode(str(graph_iri(f"plan/{key}")))


def select_plan(kg: KnowledgeGraph, key: str) -> KnowledgeGraph:
    """The store seen as the ontology, the curated facts (every graph that is no plan) and plan ``key``.

    When ``key`` is the store's only plan, the store itself is returned; else a read-only
    view of the same store (:func:`kraftgraf.graph.store.view.restricted`), no copy.  The view
    leaves out the curated facts the plan does not use (:mod:`kraftgraf.graph.store.scope`):
    links about items it lacks and, for a plan not written in Swedish, the Swedish actors,
    laws and programmes it does not name; only then is the store copied.
    """
    from kraftgraf.graph.store.scope import scope_curated

    keys = plan_keys(kg)
    if key not in keys:
        raise _unknown(kg, key)
    own = plan_graph_name(kg, key)
    foreign = set(scope_curated(kg, key, own))
    # another plan's graph, and the curated links about items this plan does not have
    others = {g.value for g in kg.store.named_graphs() if g.value.startswith(PLAN_GRAPHS) and g != own}
    others |= {g.value for g in kg.store.named_graphs()
               if g.value.startswith(CURATED_GRAPHS) and not _about(kg, g, own)}
    if not others and not foreign:
        return kg
    from kraftgraf.graph.store.view import restricted

    if not foreign:
        return restricted(kg, [ox.DefaultGraph(), *(g for g in kg.store.named_graphs()
                                                     if g.value not in others)])
    view = KnowledgeGraph()
    view.store.bulk_extend(q for q in kg.store
                           if getattr(q.graph_name, "value", None) not in others and q not in foreign)
    return view


def _about(kg: KnowledgeGraph, links: ox.NamedNode, plan: ox.NamedNode) -> bool:
    """Whether the curated links in graph ``links`` are about items plan graph ``plan`` has.

    A later version of a plan keeps its items' IRIs, so the bundled plan's curated links
    are about its items too.
    """
    subject = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#subject")
    items = {q.object for q in kg.store.quads_for_pattern(None, subject, None, links)
             if isinstance(q.object, ox.NamedNode)}
    return any(next(iter(kg.store.quads_for_pattern(item, None, None, plan)), None) is not None
               for item in items)


def add_plan(kg: KnowledgeGraph, key: str, source: str | Path | None = None,
             loader: str | None = None) -> KnowledgeGraph:
    """Add the plan ``source`` (read by its loader) to ``kg`` as the named graph ``plan/<key>``.

    The plan is read into a store of its own first, so a bad file leaves ``kg``
    as it was; a key the store already has is refused.
    """
    from kraftgraf.graph.store.build import read_plan, shared_triples

    check_key(key)
    if key in plan_keys(kg):
        raise DataError(f"the store already has a plan '{key}'; give the new one another --plan")
    triples, shared = read_plan(kg, key, source, loader), shared_triples(kg)
    kg.graph(f"plan/{key}")  # forget the cached projection
    name = ox.NamedNode(str(graph_iri(f"plan/{key}")))
    kg.store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object, name) for t in triples
                         if (t.subject, t.predicate, t.object) not in shared)
    return kg


def add_to_store(path: str | Path, source: str | Path | None, loader: str | None = None,
                 key: str | None = None) -> KnowledgeGraph:
    """The store at ``path`` with one more plan (key: ``key``, else the build's default); not saved."""
    from kraftgraf.graph.store.build import default_key

    if not Path(path).is_file():
        raise DataError(f"{path}: no store to add to; build one first with 'kraftgraf build -o {path}'")
    return add_plan(KnowledgeGraph.load(path), key or default_key(source, loader), source, loader)


_SHARED = """SELECT ?other (COUNT(DISTINCT ?node) AS ?n) WHERE {{
  GRAPH {plan} {{ ?node a ?kind }} GRAPH ?other {{ ?node a ?also }}
  FILTER(?other != {plan} && STRSTARTS(STR(?other), {plans}))
}} GROUP BY ?other ORDER BY ?other"""


def shared_nodes(kg: KnowledgeGraph, key: str) -> dict[str, int]:
    """Other plan -> how many of plan ``key``'s nodes (goals, initiatives, commitments …) it describes too.

    Two plans share nodes when they use the same IRIs: two versions of one plan
    (an edited copy, or a later year's file from the same template).  Queries
    without ``--plan`` then see both versions' texts on one node.
    """
    # Both terms are written by pyoxigraph, so the key never reaches the text raw.
    text = _SHARED.format(plan=plan_graph_name(kg, key), plans=ox.Literal(PLAN_GRAPHS))
    return {row["other"].value[len(PLAN_GRAPHS):]: int(row["n"].value) for row in kg.store.query(text)}


def _once(quads):
    seen = set()
    for quad in quads:
        if quad.triple not in seen:
            seen.add(quad.triple)
            yield quad


def all_plans(kg: KnowledgeGraph) -> KnowledgeGraph:
    """``kg`` with every triple once, in the first graph that holds it, for questions over all plans.

    Oxigraph's union of graphs repeats a triple once for every graph that holds
    it, so two plans that share nodes (two versions of one plan) made every join
    count their common facts twice: a law row came back 32 times.  A store with
    one plan, or whose graphs share no triple, is returned as it is.
    """
    from kraftgraf.graph.store.counting import triple_count

    if len(plan_keys(kg)) < 2 or triple_count(kg.store) == len(kg.store):  # no triple in two graphs
        return kg
    view = KnowledgeGraph()
    view.store.bulk_extend(_once(kg.store))
    return view
