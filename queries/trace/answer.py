"""Trace who reaches what: from an actor to the determinants and laws it reaches, or back.

Three kinds of path, each step with the quote it rests on:

- actor → commitment → initiative → determinant (what the actor said it would do;
  the last step says why the initiative addresses the determinant and how sure
  that reading is: ``stated`` when the row says it in so many words, ``our
  reading`` when the link is inferred, in ``confidence`` and in ``why``),
- actor → mandate → sector → determinant (what the actor is responsible for anyway),
- actor → commitment or initiative → law (what needs a law changed).

An actor that belongs to a group (SKL in "kommuner och regioner i samarbete med
SKL", an agency in "staten") also reaches what the group committed to, but only
where its own mandate matches: the path's determinant (for a law, one of the
initiative's determinants) sits in a sector where it holds a mandate.  Those
paths say "likely, by mandate, via <group>" and cite the mandate (the rule of
``kraftgraf query mandates``, likely owners).  A group's commitment is not the
member's word, so without a matching mandate nothing of it is credited.

Examples
--------
>>> from kraftgraf.graph.store.build import build
>>> kg = build()
>>> paths = trace(kg, "Staten")
>>> sorted({p.route for p in paths}) == ["commitment", "law", "mandate"]
True

"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import URIRef

from kraftgraf.errors import DataError, NotFoundError
from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.ontology.vocab import KG
from kraftgraf.queries.backend import Backend, backend_of
from kraftgraf.queries.basis import basis_section, link_gap, unlinked_initiatives
from kraftgraf.queries.commitments import commitments_of
from kraftgraf.queries.common import Section, short
from kraftgraf.queries.trace.by_mandate import MandateMatch

__all__ = ["TracePath", "link_why", "trace", "trace_actor", "trace_determinant", "unlinked_commitments",
           "sections"]


@dataclass(frozen=True)
class TracePath:
    """One path from an actor to a determinant or a law."""

    actor: str
    route: str
    step: str
    initiative: str
    target: str
    layer: str
    path: str
    why: str
    sources: list[str]
    confidence: str = ""  # of the initiative's link to the determinant; "" on mandate and law paths


def link_why(target: str, reason: str | None, confidence: str | None) -> str:
    """How an answer says that an initiative addresses ``target``, with the link's reason and confidence.

    >>> link_why("Arbetsmiljö", "Leadership is part of the work environment.", "our reading")
    'the initiative addresses Arbetsmiljö (our reading: Leadership is part of the work environment.)'
    >>> link_why("Boende", None, None)
    'the initiative addresses Boende.'
    """
    said = " ".join(filter(None, [f"{confidence}:" if confidence else "", reason or ""]))
    return f"the initiative addresses {target} ({said})" if said else f"the initiative addresses {target}."


def _commitment_paths(b: Backend, rows, shown: str | None) -> list[TracePath]:
    """``shown`` names who reaches the paths when a group made the commitments (None: the actor itself)."""
    label = b.label
    quotes = b.quotes([r[k] for r in rows for k in ("commitment", "link")])
    out = []
    for r in rows:
        actor, commitment, initiative, det = (
            r[k] for k in ("actor", "commitment", "initiative", "determinant"))
        target, said, who = label(det), label(commitment), shown or label(actor)
        path = (f"{who} → åtagande {short(commitment)} “{said}” → "
                f"initiativ {short(initiative)} → {target}")
        why = (f"In annex row {short(initiative)}, {label(actor)} commits to “{said}”; "
               f"{link_why(target, r.get('reason'), r.get('confidence'))}")
        out.append(TracePath(who, "commitment", short(commitment), short(initiative),
                             target, label(r["layer"]), path, why,
                             quotes[commitment] + quotes[r["link"]], r.get("confidence") or ""))
    return out


def _mandate_paths(b: Backend, rows, via: str) -> list[TracePath]:
    label = b.label
    quotes = b.quotes([r[k] for r in rows for k in ("mandate", "placement")])
    out = []
    for r in rows:
        actor, sector, det = (label(r[k]) for k in ("actor", "sector", "determinant"))
        path = f"{actor}{via} → mandat → {sector} → {det}"
        why = f"{actor} holds a mandate in {sector}, the sector that governs {det}."
        out.append(TracePath(actor + via, "mandate", sector, "", det, label(r["layer"]), path, why,
                             quotes[r["mandate"]] + quotes[r["placement"]]))
    return out


def _law_paths(b: Backend, rows, shown: str | None) -> list[TracePath]:
    """As :func:`_commitment_paths`, for the law changes the commitments or initiatives need."""
    label = b.label
    quotes = b.quotes([r[k] for r in rows for k in ("subject", "link")])
    out = []
    for r in rows:
        actor, subject, law = (r[k] for k in ("actor", "subject", "law"))
        sfs = r["sfs"] or ""
        name = label(law) if sfs in label(law) else f"{label(law)} (SFS {sfs})"
        kind = "åtagande" if r["kind"] == "Commitment" else "initiativ"
        who = shown or label(actor)
        path = f"{who} → {kind} {short(subject)} → {name}"
        why = f"{kind.capitalize()} {short(subject)} requires a change to {name}."
        out.append(TracePath(who, "law", short(subject), short(subject).split("-")[0],
                             name, "", path, why, quotes[subject] + quotes[r["link"]]))
    return out


def _groups(b: Backend, actor: str) -> list[str]:
    """The groups ``actor`` belongs to at any depth (UPH: SKL, then "kommuner och regioner").

    As :meth:`~kraftgraf.queries.mandates.model.Mandates.owners` counts a group's members
    at any depth, so a member's credit goes up through every group above it.
    """
    seen, todo = [], b.related(actor, "hasMember", inverse=True)
    while todo:
        group = todo.pop(0)
        if group not in seen and group != actor:
            seen.append(group)
            todo.extend(b.related(group, "hasMember", inverse=True))
    return seen


def trace_actor(kg: KnowledgeGraph | Backend, actor: URIRef) -> list[TracePath]:
    """Every path from ``actor`` onwards.

    Commitments and law changes count also when a group the actor belongs to (at
    any depth) made them (SKL through "kommuner och regioner i samarbete med SKL"), where the
    actor's mandate matches (:class:`~kraftgraf.queries.trace.by_mandate.MandateMatch`);
    mandates count also when a member holds them (the state through its agencies).
    """
    b = backend_of(kg)
    out = (_commitment_paths(b, b.rows("trace_commitments", actor=URIRef(actor)), None)
           + _law_paths(b, b.rows("trace_laws", actor=URIRef(actor)), None))
    groups = _groups(b, str(actor))
    if groups:
        matches = MandateMatch(b, str(actor))
        for who in groups:
            shown = f"{b.label(actor)} (likely, by mandate, via {b.label(who)})"
            rows, found = matches.commitments(b.rows("trace_commitments", actor=URIRef(who)))
            out += matches.credit(_commitment_paths(b, rows, shown), found)
            rows, found = matches.laws(b.rows("trace_laws", actor=URIRef(who)))
            out += matches.credit(_law_paths(b, rows, shown), found)
    for who in [str(actor)] + b.related(actor, "hasMember"):
        via = "" if who == str(actor) else f" (member of {b.label(actor)})"
        out += _mandate_paths(b, b.rows("trace_mandates", actor=URIRef(who)), via)
    return out


def trace_determinant(kg: KnowledgeGraph | Backend, determinant: URIRef) -> list[TracePath]:
    """Every path that ends in ``determinant``: who reaches it, and how."""
    b = backend_of(kg)
    commitments = b.rows("trace_commitments", determinant=determinant)
    mandates = b.rows("trace_mandates", determinant=determinant)
    return _commitment_paths(b, commitments, None) + _mandate_paths(b, mandates, "")


def trace(kg: KnowledgeGraph | Backend, name: str) -> list[TracePath]:
    """Trace from an actor, or back from a determinant, named case-insensitively."""
    b = backend_of(kg)
    try:
        return trace_actor(b, URIRef(b.resolve(name, KG.Actor, "actor")))
    except NotFoundError as not_actor:
        try:
            return trace_determinant(b, URIRef(b.resolve(name, KG.Determinant, "determinant")))
        except NotFoundError as not_determinant:
            raise NotFoundError(f"{not_actor}; {not_determinant}") from None


def unlinked_commitments(kg: KnowledgeGraph | Backend, name: str) -> list[TracePath]:
    """The actor's commitments (its groups' too) to initiatives that address no determinant yet.

    They reach nothing only because the plan has no link for them yet (an imported
    plan), so :func:`sections` shows them instead of saying nothing reaches the actor.
    """
    b = backend_of(kg)
    try:
        actor = b.resolve(name, KG.Actor, "actor")
    except NotFoundError:
        return []
    unlinked = set(unlinked_initiatives(b)[0])
    if not unlinked:
        return []
    groups = b.related(actor, "hasMember", inverse=True)
    who = {actor: None, **{g: f"{b.label(actor)} (via {b.label(g)})" for g in groups}}
    out, listing = {}, commitments_of(b)
    for commitment, by, initiative in listing.triples():
        if by in who and initiative in unlinked:
            shown = who[by] or b.label(actor)
            said = b.label(commitment)
            code = short(initiative)
            path = f"{shown} → åtagande {short(commitment)} “{said}” → initiativ {code} → ?"
            why = (f"{b.label(by)} commits to “{said}” in initiative {code}, which has no "
                   "determinant link yet: what it reaches is unknown, not nothing.")
            out[(code, commitment)] = TracePath(shown, "unlinked", short(commitment), code,
                                                "(no determinant link yet)", "", path, why,
                                                list(listing.quotes.get(commitment, ())))
    return [out[k] for k in sorted(out)]


def sections(kg: KnowledgeGraph | Backend, name: str) -> list[Section]:
    """The paths of :func:`trace`, one section per kind of path; no path at all is a :class:`DataError`.

    Commitments to initiatives without a determinant link are a section of their own
    (``unlinked``), and a section ``basis`` says how many initiatives lack links.
    """
    paths = trace(kg, name) + unlinked_commitments(kg, name)
    if not paths:
        raise DataError(f"nothing links '{name}' to the plan: no commitment, mandate or law reaches it "
                        "(try 'kraftgraf query unowned' for what nobody holds)")
    columns = ("actor", "step", "initiative", "target", "layer")
    parts = [
        ("commitment", "Through commitments",
         "What the actor committed to in the annex, and the determinants those initiatives address; "
         "confidence says whether the annex row states the determinant in so many words (stated) "
         "or the link is our reading of it."),
        ("mandate", "Through mandates",
         "Determinants in sectors where the actor holds a mandate, whether or not the plan asks it to act."),
        ("law", "Through laws", "Commitments or initiatives of the actor that need a law changed."),
    ]
    unlinked = [p for p in paths if p.route == "unlinked"]
    if unlinked:
        parts.append(("unlinked", "Commitments without a determinant link yet",
                      "The actor's commitments to initiatives that address no determinant yet: they may "
                      "reach determinants the plan has not linked (run `kraftgraf suggest`)."))
    out = [Section(key, title, text, [p for p in paths if p.route == key],
                   (*columns, "confidence") if key == "commitment" else columns)
           for key, title, text in parts]
    if unlinked:
        out += basis_section(link_gap(kg, "paths through commitments reach only the initiatives "
                                          "that have a determinant link"))
    return out
