"""unowned: work the plan names but nobody (or only one actor) has taken on.

Four questions, each answered by one SPARQL query beside this module:

- initiatives with no commitment at all (``unowned_initiatives.rq``).  An open
  commitment, a placeholder such as "…" or "•" in an actor cell, is not a
  commitment: it is a slot the plan left empty, and the row counts them;
- with an actor, the initiatives that lack a commitment by it
  (``initiatives_lacking_actor.rq``, in :mod:`kraftgraf.queries.unowned.lacking`): only
  the actor's own commitments count, and one by a group it belongs to is shown
  as "via group";
- initiatives held by a single actor (``single_actor_initiatives.rq``): if it
  cannot deliver, nobody else is named.  A group counts as one actor;
- determinants that no initiative addresses and that sit in no sector where an
  actor holds a mandate (``orphan_determinants.rq``).

Examples
--------
>>> from kraftgraf.graph.store.build import build
>>> kg = build()
>>> [r.code for r in unowned_initiatives(kg)]
['C4', 'C5', 'C6', 'H3', 'I4', 'I5']
>>> number_of_unowned_initiatives(kg), is_unowned(kg, "C4"), is_unowned(kg, "A1")
(6, True, False)
>>> [r.code for r in initiatives_lacking(kg, "Civilsamhället") if r.status == "no commitment"]
['D1']

"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import URIRef

from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.ontology.vocab import KG
from kraftgraf.queries.backend import Backend, backend_of
from kraftgraf.queries.basis import basis_section, link_gap
from kraftgraf.queries.common import Section, cite, iris, listing, short
from kraftgraf.queries.unowned.lacking import (
    LackingInitiative,
    initiatives_lacking,
    lacking_rows,
    named_node,
    placeholders,
)

__all__ = ["UnownedInitiative", "LackingInitiative", "SingleActorInitiative", "OrphanDeterminant",
           "is_unowned", "unowned_initiatives", "number_of_unowned_initiatives", "initiatives_lacking",
           "lacking_rows", "single_actor_initiatives", "orphan_determinants", "sections"]


@dataclass(frozen=True)
class UnownedInitiative:
    """An initiative no actor has committed to; ``open_slots`` counts its placeholders."""

    code: str
    label: str
    open_slots: int
    why: str
    sources: list[str]


@dataclass(frozen=True)
class SingleActorInitiative:
    """An initiative exactly one actor has committed to."""

    code: str
    label: str
    actor: str
    commitments: int
    why: str
    sources: list[str]


@dataclass(frozen=True)
class OrphanDeterminant:
    """A determinant no initiative addresses and no mandate holder's sector covers."""

    id: str
    label: str
    layer: str
    why: str
    sources: list[str]


def unowned_initiatives(kg: KnowledgeGraph | Backend) -> list[UnownedInitiative]:
    """Initiatives that no actor has committed to, in the annex's order.

    Open commitments (placeholders) are not commitments; ``open_slots`` counts them.
    """
    b = backend_of(kg)
    out = []
    for r in b.rows("unowned_initiatives"):
        code, slots = short(r["initiative"]), iris(r["slots"])
        found = (f"only {placeholders(b, slots)}" if slots
                 else "nothing in any actor column, not even a placeholder")
        why = (f"Row {code} of the annex has {found}, and no commitment: "
               "the plan names the work but nobody took it on.")
        out.append(UnownedInitiative(code, b.label(r["initiative"]), r["open_slots"], why,
                                     cite(b, [r["initiative"], *slots[:8]])))
    return out


def number_of_unowned_initiatives(kg: KnowledgeGraph | Backend) -> int:
    """How many initiatives no actor has committed to."""
    b = backend_of(kg)
    return len(b.rows("unowned_initiatives"))


def is_unowned(kg: KnowledgeGraph | Backend, initiative: str) -> bool:
    """Whether no actor has committed to ``initiative`` (a code such as 'C4', a label or an IRI)."""
    b = backend_of(kg)
    node = named_node(b, initiative, KG.Initiative, "initiative")
    return bool(b.rows("unowned_initiatives", initiative=node))


def single_actor_initiatives(kg: KnowledgeGraph | Backend) -> list[SingleActorInitiative]:
    """Initiatives that exactly one actor (a group counts as one) has committed to."""
    b = backend_of(kg)
    out = []
    for r in b.rows("single_actor_initiatives"):
        code, made, slots = short(r["initiative"]), iris(r["commitments"]), iris(r["slots"])
        actor = b.label(r["actor"])
        others = (f"the row has {placeholders(b, slots)}" if slots
                  else "no other actor has a commitment or a placeholder there")
        why = (f"Only {actor} commits to row {code} of the annex ({len(made)} commitment"
               f"{'s' if len(made) > 1 else ''}); {others}. If {actor} cannot carry it, "
               "nobody else in the plan is named.")
        out.append(SingleActorInitiative(code, b.label(r["initiative"]), actor, len(made), why,
                                         cite(b, [r["initiative"], *made])))
    return out


def orphan_determinants(kg: KnowledgeGraph | Backend) -> list[OrphanDeterminant]:
    """Determinants no initiative addresses and no actor holds a mandate for (through its sectors)."""
    b = backend_of(kg)
    out = []
    for r in b.rows("orphan_determinants"):
        node, sectors = URIRef(r["determinant"]), iris(r["sectors"])
        label, layer = b.label(node), b.label(r["layer"]) if r["layer"] else ""
        where = (f"no actor holds a mandate in {listing(sectors, show=b.label)}, "
                 "where it sits" if sectors else "it sits in no sector where an actor holds a mandate")
        why = (f"No initiative in the plan addresses '{label}'"
               f"{f' (layer: {layer})' if layer else ''}, and {where}: "
               "nobody is asked, nor responsible, to act on it.")
        out.append(OrphanDeterminant(short(node), label, layer, why, cite(b, [node])))
    return out


def sections(kg: KnowledgeGraph | Backend, actor: str | None = None) -> list[Section]:
    """The answer to `kraftgraf query unowned [--actor NAME]` as sections."""
    b = backend_of(kg)
    if actor is not None:
        node = named_node(b, actor, KG.Actor, "actor")
        name, rows = b.label(node), initiatives_lacking(b, node)
        return [Section(
            "lacking", f"Initiatives without a commitment by {name}",
            f"Initiatives {name} has not committed to. status 'open slot': its cell holds only a "
            "placeholder; 'via group': a group it belongs to (via) committed, not it; "
            "'no commitment': the plan gives it no part there at all.",
            rows, ("code", "label", "status", "via"))]
    return [
        Section("unowned", "Initiatives nobody has committed to",
                "Work the plan names but no actor took on; open_slots counts the actor cells where "
                "the plan wrote only a placeholder (“…”, “•”).",
                unowned_initiatives(b), ("code", "label", "open_slots")),
        Section("single_actor", "Initiatives held by a single actor",
                "Only one actor (a group counts as one) committed: if it cannot deliver, nobody "
                "else in the plan is named — a single point of failure.",
                single_actor_initiatives(b), ("code", "label", "actor", "commitments")),
        Section("orphan_determinants", "Determinants nobody holds",
                "Determinants of health that no initiative addresses and that sit in no sector where "
                "an actor holds a mandate: nobody is asked, nor responsible, to act on them.",
                orphan_determinants(b), ("id", "label", "layer")),
    ] + basis_section(link_gap(b, "a determinant listed as nobody's may be addressed by an initiative "
                                  "that has no link yet"))
