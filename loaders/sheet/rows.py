"""A plan in the store as the rows of the template's sheets (plain text cells).

The plan's own facts come from its named graph; the links around it (laws,
determinants) and the actors' names from the whole store, since the seed plan's
links are curated facts in the graph ``curated``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rdflib import RDF, RDFS, URIRef
from rdflib.namespace import DCTERMS
from rdflib.term import Node

from kraftgraf.errors import DataError
from kraftgraf.loaders.sheet.layout import (
    ACTOR_SHEET,
    DEFAULT_ACTOR_COLUMNS,
    DETERMINANT_SHEET,
    LAW_SHEET,
    PLAN_COLUMNS,
    PLAN_SHEET,
    SIDE_COLUMNS,
    actor_column_rank,
)
from kraftgraf.ontology.provenance import link_iri
from kraftgraf.ontology.vocab import ELI, KG, graph_iri, iri, law_iri, plan_iri
from kraftgraf.ontology.vocab import local_name as _tail

if TYPE_CHECKING:  # the store passes itself in; a loader does not reach up to it
    from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph

__all__ = ["plan_sheets", "plan_keys", "plan_graph_name"]

_HEADER_OF = {actor: header for header, actor in DEFAULT_ACTOR_COLUMNS.items()}


def _code_number(node) -> tuple:
    head, _, n = _tail(node).rpartition("-")
    return (head, int(n)) if n.isdigit() else (_tail(node), 0)


def plan_keys(kg: KnowledgeGraph) -> list[str]:
    """The keys of the plans in the store ('kraftsamling-2019', …)."""
    prefix = str(plan_iri(""))
    return sorted(str(p)[len(prefix):] for p in set(kg.dataset.subjects(RDF.type, KG.Plan)))


def plan_graph_name(kg: KnowledgeGraph, key: str) -> str:
    """The named graph that holds plan ``key`` ('plan/<key>', or where a plan file put it)."""
    prefix = str(graph_iri(""))
    for row in kg.store.query(f"SELECT ?g WHERE {{ GRAPH ?g {{ {plan_iri(key).n3()} a {KG.Plan.n3()} }} }}"):
        if row["g"].value.startswith(prefix + "plan/"):
            return row["g"].value[len(prefix):]
    return f"plan/{key}"


def _choose(kg: KnowledgeGraph, plan: str | None) -> str:
    keys = plan_keys(kg)
    if plan is None and len(keys) == 1:
        return keys[0]
    if plan not in keys:
        raise DataError(f"no plan '{plan}' in the store (the plans are: {', '.join(keys) or 'none'})"
                        if plan else f"the store holds the plans {', '.join(keys)}: choose one with --plan")
    return plan


def _header(kg: KnowledgeGraph, actor, column, taken: set[str]) -> str:
    """The actor's column header: the memo's short one, the column it was read from, else its name.

    Several actors read from one column (a synthetic plan's municipalities) each get their own.
    """
    for header in (_HEADER_OF.get(_tail(actor)), column and str(column), kg.label(actor),
                   f"{kg.label(actor)} ({_tail(actor)})"):
        if header and header not in taken:
            return header
    raise DataError(f"two actors are both called '{kg.label(actor)}' ({_tail(actor)})")


def _actor_kind(kg: KnowledgeGraph, actor) -> str:
    kinds = sorted(_tail(str(c)).rsplit("#", 1)[-1] for c in kg.dataset.objects(actor, RDF.type))
    specific = [k for k in kinds if k != "Actor"]
    return specific[0] if specific else ""


def _first_goal(g, focus):
    """The goal a focus area is under (the first by code when it is under several)."""
    return min(g.objects(focus, KG.partOf), key=lambda n: str(g.value(n, KG.code)), default=None)


def _heading_rows(g, initiatives, head, order):
    """Rows for goals and focus areas with no initiative: only Målsättning (and Fokusområde) filled."""
    used_goals, used_focus = set(), set()
    for i in initiatives:
        focus = g.value(i, KG.inFocusArea)
        used_focus.add(focus)
        used_goals.add(g.value(i, DCTERMS.isPartOf) or _first_goal(g, focus))
    for focus in set(g.subjects(RDF.type, KG.FocusArea)) - used_focus:
        goal = _first_goal(g, focus)
        used_goals.add(goal)
        yield (order(focus), 0, _tail(focus)), ["", head(goal), head(focus), "", ""]
    for goal in set(g.subjects(RDF.type, KG.Goal)) - used_goals:
        yield (order(goal), 0, _tail(goal)), ["", head(goal), "", "", ""]


def plan_sheets(kg: KnowledgeGraph, plan: str | None = None):
    """(sheet name -> rows, workbook properties) for plan ``plan``."""
    key = _choose(kg, plan)
    g, ds = kg.graph(plan_graph_name(kg, key)), kg.dataset
    title = g.value(plan_iri(key), RDFS.label)

    def order(node) -> int:
        value = g.value(node, KG.order)
        return int(value) if value is not None else 0

    def head(node) -> str:
        return f"{g.value(node, KG.code)}. {g.value(node, RDFS.label)}"

    initiatives = sorted({iri(i) for i in g.subjects(RDF.type, KG.Initiative)},
                         key=lambda n: (order(n), _tail(n)))
    cells: dict[URIRef, dict[URIRef, list]] = {i: {} for i in initiatives}
    headers: dict[URIRef, str] = {}
    for cls in (KG.Commitment, KG.OpenCommitment):
        for c in g.subjects(RDF.type, cls):
            actor, initiative = iri(g.value(c, KG.byActor)), iri(g.value(c, KG.toInitiative))
            cells.setdefault(initiative, {}).setdefault(actor, []).append(c)
            if actor not in headers:
                headers[actor] = _header(kg, actor, g.value(c, KG.column), set(headers.values()))
    first = {a: min(order(i) for i in initiatives if a in cells[i]) for a in headers}
    stored = {a: g.value(a, KG.order) for a in headers}  # the imported sheet's order, if it needed one
    actors = sorted(headers, key=lambda a: (stored[a] is None, int(str(stored[a] or 0)),
                                            actor_column_rank(_tail(a), first[a], headers[a])))
    plan_rows = [[*PLAN_COLUMNS, *(headers[a] for a in actors)]]
    keyed = []
    for i in initiatives:
        focus = g.value(i, KG.inFocusArea)
        outcomes = sorted(g.objects(i, KG.hasOutcome), key=_code_number)
        goal = g.value(i, DCTERMS.isPartOf) or _first_goal(g, focus)
        row = [str(g.value(i, KG.code)), head(goal), head(focus),
               str(g.value(i, RDFS.label)), "\n".join(str(g.value(o, KG.text)) for o in outcomes)]
        for a in actors:
            items = sorted(cells[i].get(a, []), key=_code_number)
            row.append("\n".join(str(g.value(c, KG.text)) for c in items))
        keyed.append(((order(i), 1, ""), row))
    keyed += [(key, row + [""] * len(actors)) for key, row in _heading_rows(g, initiatives, head, order)]
    plan_rows += [row for _, row in sorted(keyed, key=lambda kr: kr[0])]
    actor_rows = [list(SIDE_COLUMNS[ACTOR_SHEET])]
    actor_rows += [[_tail(a), kg.label(a), headers[a], _actor_kind(kg, a),
                    ", ".join(sorted(_tail(s) for s in g.objects(a, KG.hasMandateIn)))] for a in actors]
    rank: dict[Node, int] = {i: n for n, i in enumerate(initiatives)}
    law_rows, determinant_rows = [list(SIDE_COLUMNS[LAW_SHEET])], [list(SIDE_COLUMNS[DETERMINANT_SHEET])]
    for prop, rows in ((KG.requiresChangeTo, law_rows), (KG.addresses, determinant_rows)):
        found = []
        for s, o in ds.subject_objects(prop):
            parent = s if s in rank else g.value(s, KG.toInitiative)
            if parent is not None and parent in rank:
                reason = ds.value(link_iri(iri(s), prop, iri(o)), KG.reason)
                target = ds.value(o, ELI.id_local) if prop == KG.requiresChangeTo else _tail(o)
                found.append((rank[parent], _code_number(s), str(target), kg.label(iri(o)), str(reason or ""),
                              _tail(s)))
        rows += [[code, target, label, reason] for *_, target, label, reason, code in sorted(set(found))]
    for row in law_rows[1:]:  # a law the plan brought in keeps its link
        see = g.value(law_iri(row[1]), RDFS.seeAlso)
        row.append(str(see) if see is not None else "")
    props = {"identifier": key, "title": str(title or key),
             "language": getattr(title, "language", None) or "sv"}
    return ({PLAN_SHEET: plan_rows, ACTOR_SHEET: actor_rows, LAW_SHEET: law_rows,
             DETERMINANT_SHEET: determinant_rows}, props)
