"""unowned --actor: the initiatives an actor has not committed to, and what they have instead.

Only the actor's own commitments count.  When a group it belongs to committed
(SKL and the municipalities through "kommuner och regioner i samarbete med SKL",
an agency through the state), the initiative is still listed, as "via group", so
a reader sees that the actor's part rests on the group's word; a group's
commitment counts for the group itself, and a member's never counts for the
group.  A cell holding only a placeholder ("…", "•") is an "open slot".

Examples
--------
>>> from kraftgraf.graph.store.build import build
>>> [r.code for r in initiatives_lacking(build(), "Civilsamhället") if r.status == "no commitment"]
['D1']

"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from rdflib import URIRef

from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.ontology.vocab import KG
from kraftgraf.queries.backend import Backend, backend_of
from kraftgraf.queries.common import cite, iris, listing, short

__all__ = ["LackingInitiative", "initiatives_lacking", "lacking_rows", "named_node", "placeholders"]


@dataclass(frozen=True)
class LackingInitiative:
    """An initiative without a commitment by ``actor``; ``status`` says what it has instead."""

    actor: str
    code: str
    label: str
    status: str
    via: str
    why: str
    sources: list[str]


def named_node(b: Backend, name: str, cls: URIRef, what: str) -> URIRef:
    """The node of ``cls`` called ``name``: an IRI as it is, a name, code or alias looked up.

    A miss is a NotFoundError naming the closest names.
    """
    return name if isinstance(name, URIRef) else URIRef(b.resolve(name, cls, what))


def placeholders(b: Backend, slots: list[str]) -> str:
    """'“...” in the columns of A, B and C': how a row's open slots read in the annex."""
    who = listing(slots, show=lambda s: b.label(b.related(s, "byActor")[0]))
    marks = " or ".join(f"“{m}”" for m in cite(b, slots[:8]))
    return f"{marks or 'a placeholder'} in the column{'s' if len(slots) > 1 else ''} of {who}"


def initiatives_lacking(kg: KnowledgeGraph | Backend, actor: str) -> list[LackingInitiative]:
    """Initiatives with no commitment by ``actor`` (label, alias, id or IRI), in the annex's order.

    ``status`` is "open slot" (its cell holds a placeholder), "via group" (a group it
    belongs to committed; ``via`` names it) or "no commitment" (neither).
    """
    b = backend_of(kg)
    node = named_node(b, actor, KG.Actor, "actor")
    name = b.label(node)
    out = []
    for r in lacking_rows(b, node):
        code, initiative, groups = short(r["initiative"]), r["initiative"], iris(r["groups"])
        via = listing(groups, show=b.label)
        evidence = [initiative]
        if r["status"] == "via group":
            evidence += iris(r["commitments"])
            why = (f"{name} has no commitment of its own in row {code} of the annex; it has a part "
                   f"there only through {via}, a group it belongs to, which committed to it.")
        elif r["status"] == "open slot":
            evidence += iris(r["slots"])
            why = (f"Row {code} of the annex has only {placeholders(b, iris(r['slots']))}: "
                   "the plan named a part for it and left it empty.")
        else:
            why = (f"Row {code} of the annex has neither a commitment nor a placeholder for {name}, and "
                   f"no group {name} belongs to committed: nothing in the plan gives {name} a part in it.")
        out.append(LackingInitiative(name, code, b.label(initiative), r["status"], via, why,
                                     cite(b, evidence)))
    return out


def lacking_rows(kg: KnowledgeGraph | Backend, actor) -> list[dict]:
    """The rows ``initiatives_lacking_actor.rq`` gives for ``actor``, from two scans.

    The .rq text is the portable answer; on Oxigraph its per-initiative joins cost
    seconds on a national plan, so this walks out from the actor once
    (``actor_reach.rq``) and sets the status here, by the same rules.
    """
    b, actor = backend_of(kg), str(actor)
    own, slots = set(), defaultdict(set)
    groups, via = defaultdict(set), defaultdict(set)
    for r in b.rows("actor_reach", actor=URIRef(actor)):
        initiative = r["initiative"]
        if r["holder"] != actor:
            groups[initiative].add(r["holder"])
            via[initiative].add(r["node"])
        elif r["what"] == "commitment":
            own.add(initiative)
        else:
            slots[initiative].add(r["node"])
    rows = []
    for r in b.rows("initiatives_in_order"):
        initiative = r["initiative"]
        if initiative not in own:
            status = ("via group" if groups[initiative] else
                      "open slot" if slots[initiative] else "no commitment")
            rows.append({"actor": actor, "initiative": initiative, "order": r["order"], "status": status,
                         "groups": " ".join(sorted(groups[initiative])),
                         "commitments": " ".join(sorted(via[initiative])),
                         "slots": " ".join(sorted(slots[initiative]))})
    return rows
