"""mandates: commitments against mandates, both ways, and who in a group likely owns its word.

- ``outside``: commitments an actor made to an initiative whose determinants sit in
  a sector where it holds no mandate (a group: where none of its members does);
- ``idle_holders``: determinants whose sector's mandate holders committed nothing
  (themselves or through a group they belong to) to any initiative addressing them;
- ``likely_owners``: for each commitment by a group ("Staten", "kommuner och regioner
  i samarbete med SKL", "civilsamhället"), the members whose mandates match the
  initiative's determinants, ranked, each with its mandate quote.

The rules are in :mod:`kraftgraf.queries.mandates.model`.

Examples
--------
>>> from kraftgraf.graph.store.build import build
>>> rows = likely_owners(build(), "Staten")
>>> [(r.code, r.member, r.rank) for r in rows if r.code == "C2-staten-1"]
[('C2-staten-1', 'Arbetsförmedlingen', 1)]

"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import chain
from operator import itemgetter

from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.ontology.vocab import KG
from kraftgraf.queries.backend import Backend
from kraftgraf.queries.basis import basis_section, link_gap, sector_gap
from kraftgraf.queries.commitments import quotes_of
from kraftgraf.queries.common import Section, listing, short
from kraftgraf.queries.mandates.model import Mandates, mandates_of

# what a commitment to an initiative lacks: outside, status, the reason's two halves, statements
_Lack = tuple[str, str, tuple[str, str], tuple[str, ...]]
MAX_OWNERS = 5  # likely owners listed per group commitment (a group of 300 municipalities would list all)

__all__ = ["OutsideMandate", "IdleHolder", "LikelyOwner", "outside_mandates", "idle_holders",
           "likely_owners", "sections"]


@dataclass(frozen=True)
class OutsideMandate:
    """A commitment to an initiative in a sector where its actor holds no mandate."""

    code: str
    actor: str
    outside: str
    status: str
    why: str
    sources: list[str]


@dataclass(frozen=True)
class IdleHolder:
    """A determinant whose sector's mandate holders committed nothing to it."""

    id: str
    label: str
    sector: str
    holders: str
    initiatives: str
    why: str
    sources: list[str]


@dataclass(frozen=True)
class LikelyOwner:
    """A member of a group that likely carries the group's commitment, by mandate."""

    code: str
    group: str
    member: str
    rank: int
    sectors: str
    why: str
    sources: list[str]


def _quoted(m: Mandates, cls, rows: list[tuple]) -> list:
    """Rows of ``cls`` from their fields, the last the source nodes in parts (tuples of IRIs).

    Their quotes are fetched in one call, and each part's are gathered once: thousands of
    rows share one (the links behind what a commitment lacks, a member's mandates).  A
    row's sources are the distinct quotes of its parts in order, as :func:`cite` gives them.
    """
    parts = dict.fromkeys(part for r in rows for part in r[-1])
    known = quotes_of(m.backend, dict.fromkeys(n for part in parts for n in part))
    said = {part: [q for n in part for q in known[n]] for part in parts}
    return [cls(*r[:-1], list(dict.fromkeys([q for part in r[-1] for q in said[part]]))) for r in rows]


def _actor(m: Mandates, actor: str | None) -> str | None:
    return None if actor is None else m.backend.resolve(actor, KG.Actor, "actor")


def _in_order(rows: list[tuple]) -> list[tuple]:
    """Rows that start with the initiative's order and the commitment's code, sorted by those alone.

    The sorts are stable, so rows with the same two keep the listing's order, as when the
    commitments were sorted before the rows were made.  Sorted by the code, then by the
    order: no key tuple is made for each of the 33,000 rows of a national plan.
    """
    rows.sort(key=itemgetter(1))
    rows.sort(key=itemgetter(0))
    return rows


def outside_mandates(kg: KnowledgeGraph | Backend | Mandates,
                     actor: str | None = None) -> list[OutsideMandate]:
    """Commitments whose initiative sits, wholly or partly, in sectors outside the actor's mandates."""
    m = mandates_of(kg)
    who = _actor(m, actor)
    made = m.commitments if who is None else {c: a for c, a in m.commitments.items() if a[0] == who}
    # Thousands of actors share a reach (every municipality holds the same mandates): what a
    # commitment lacks depends on its initiative and on which of the initiative's sectors that
    # reach covers, so it is worked out once for each (2,200 of the 5,800 initiative and reach
    # pairs of a national plan), and the 52,000 commitments go through comprehensions.
    reaches = {by: frozenset(m.reach(by)) for by in {by for by, _ in made.values()}}
    lacks: dict[tuple[str, frozenset[str]], _Lack | None] = {}
    found = {}
    for initiative, reach in dict.fromkeys((i, reaches[by]) for by, i in made.values()):
        key = (initiative, reach.intersection(m.sectors(initiative)))
        if key not in lacks:
            lacks[key] = _lacking(m, *key)
        found[initiative, reach] = lacks[key]
    lacking = _in_order([(m.order.get(initiative) or 0, short(commitment), commitment, by, lack)
                         for commitment, (by, initiative) in made.items()
                         if (lack := found[initiative, reaches[by]]) is not None])
    # made straight from the sorted rows, with each lack's link quotes gathered once: 33,000 rows
    # of a national plan, and every object kept on the way costs the garbage collector
    links = [lack[3] for lack in lacks.values() if lack]
    known = quotes_of(m.backend, dict.fromkeys(chain((row[2] for row in lacking), chain(*links))))
    linked = {part: dict.fromkeys(q for n in part for q in known[n]) for part in links}
    whose = {by: (m.backend.label(by),
                  "its members hold" if not m.held[by] and m.is_group(by) else "it holds")
             for by in dict.fromkeys(row[3] for row in lacking)}
    return [OutsideMandate(code, whose[by][0], outside, status, f"{whose[by][0]}{said}{whose[by][1]}{there}",
                           _joined(known[commitment], linked[part]))
            for _, code, commitment, by, (outside, status, (said, there), part) in lacking]


def _joined(first: list[str], then: dict[str, None]) -> list[str]:
    """The distinct quotes of ``first``, then those of ``then`` (distinct already), in order."""
    if len(first) == 1 and first[0] not in then:  # nearly every commitment: one quote, its own
        return [*first, *then]
    return list(dict.fromkeys([*first, *then]))


def _lacking(m: Mandates, initiative: str, covered: frozenset[str]) -> _Lack | None:
    """What a commitment to ``initiative`` lacks; None when it lacks nothing.

    ``covered``: the initiative's sectors that the committing actor's reach covers.  The
    sectors outside the reach, the status, the reason around the actor's name and whose
    mandates they are, and the statements behind it.
    """
    wanted = m.sectors(initiative)
    outside = sorted(set(wanted) - covered, key=m.backend.label)
    if not outside:
        return None
    inside = sorted(covered, key=m.backend.label)
    status = "partly outside" if inside else "outside every mandate"
    dets = sorted(set().union(*(wanted[s] for s in outside)), key=m.backend.label)
    where = m.names(outside)
    said = (f" commits to initiative {short(initiative)}, which addresses {m.names(dets)} in "
            f"{where}; ", " no mandate there" + (f" (only in {m.names(inside)})." if inside else "."))
    links = [m.links[initiative, d] for d in dets] + [m.placed[d][s] for d in dets for s in outside
                                                      if s in m.placed[d]]
    return where, status, said, tuple(links[:6])


def idle_holders(kg: KnowledgeGraph | Backend | Mandates) -> list[IdleHolder]:
    """Determinants whose sector's mandate holders committed to no initiative that addresses them."""
    m = mandates_of(kg)
    rows, bound = [], {}  # actor -> its members at any depth: the same few hundred for every determinant
    for det in sorted(m.placed, key=lambda d: (m.backend.label(d), d)):
        initiatives = m.in_order(m.addressed_by[det])
        committed = set().union(*(m.made[i] for i in initiatives))
        for a in list(committed):  # a group's word binds its members
            if a not in bound:
                bound[a] = m.closure(a)
            committed |= bound[a]
        for sector in sorted(m.placed[det], key=m.backend.label):
            holders = m.holders[sector]
            if not holders or holders & committed:
                continue
            name, where = m.backend.label(det), m.backend.label(sector)
            what = (f"initiatives {listing([short(i) for i in initiatives])} address it, but none"
                    if initiatives else "no initiative addresses it, and none")
            hold = "holds" if len(holders) == 1 else "hold"
            why = (f"{m.names(holders)} {hold} the mandate in {where}, which governs '{name}'; {what} of "
                   "them committed to such an initiative, themselves or through a group they belong to.")
            mandates = [m.held[h][sector] for h in sorted(holders)]
            codes = ", ".join(short(i) for i in initiatives)
            rows.append((short(det), name, where, m.names(holders), codes, why,
                         ((m.placed[det][sector], *mandates[:6]),)))
    return _quoted(m, IdleHolder, rows)


def likely_owners(kg: KnowledgeGraph | Backend | Mandates, actor: str | None = None) -> list[LikelyOwner]:
    """For every commitment by a group, its members ranked by how well their mandates match.

    A commitment no member's mandate matches comes once, with no member; past
    :data:`MAX_OWNERS` the rest are counted in the last row's reason.  ``actor``: only
    the commitments of that group (capped so too), or those where that member is a likely owner.
    """
    m = mandates_of(kg)
    who, label = _actor(m, actor), m.backend.label
    rows: list[tuple] = []
    groups = set(filter(m.is_group, set(map(itemgetter(0), m.commitments.values()))))
    made = [(m.order.get(i) or 0, short(c), c, group, i) for c, (group, i) in m.commitments.items()
            if group in groups]
    for _, code, commitment, group, initiative in _in_order(made):
        owners = m.owners(group, initiative)
        if who not in (None, group) and who not in {member for member, _, _ in owners}:
            continue
        said = label(commitment)
        if not owners:
            wanted = m.sectors(initiative)
            why = (f"{label(group)} commits to “{said}” (initiative {short(initiative)}); "
                   + (f"none of its members holds a mandate in {m.names(wanted)}, where the initiative's "
                      "determinants sit." if wanted else "the initiative addresses no determinant that sits "
                      "in a sector, so no mandate can point to an owner."))
            rows.append((code, label(group), "", 0, "", why, ((commitment,),)))
            continue
        capped = who in (None, group)
        for rank, (member, sectors, dets) in enumerate(owners[:MAX_OWNERS] if capped else owners, start=1):
            if who not in (None, group, member):
                continue
            more = len(owners) - MAX_OWNERS if rank == MAX_OWNERS and capped else 0
            why = (f"{label(group)} commits to “{said}” (initiative {short(initiative)}); {label(member)}, "
                   f"a member, holds a mandate in {m.names(sectors)}, where {m.names(dets)} "
                   f"sit{'s' if len(dets) == 1 else ''}: likely, by mandate "
                   f"(rank {rank} of {len(owners)})."
                   + (f" {more} more members' mandates match as well; ask with --actor for one of them."
                      if more > 0 else ""))
            mandates = tuple(m.held[member][s] for s in sectors)
            rows.append((code, label(group), label(member), rank, m.names(sectors), why,
                         (mandates, (commitment,))))
    return _quoted(m, LikelyOwner, rows)


def sections(kg: KnowledgeGraph | Backend, actor: str | None = None) -> list[Section]:
    """The answer to ``kraftgraf query mandates [--actor NAME]``."""
    m = mandates_of(kg)
    return [
        Section("outside", "Commitments outside the actor's mandates",
                "The initiative's determinants sit in a sector where the committing actor holds no mandate "
                "(a group: where none of its members does). Not wrong in itself, but someone else holds "
                "the responsibility there.", outside_mandates(m, actor),
                ("code", "actor", "outside", "status")),
        Section("idle_holders", "Determinants whose mandate holders committed nothing to them",
                "The actors responsible for the sector that governs the determinant made no commitment to "
                "any initiative addressing it, themselves or through a group.",
                idle_holders(m) if actor is None else [],
                ("id", "label", "sector", "holders", "initiatives")),
        Section("likely_owners", "Likely owners of a group's commitments, by mandate",
                "The annex's column actors are groups; here each group commitment goes to the members "
                "whose mandates cover the initiative's determinants, likeliest first (rank 1). A row with "
                "no member: no mandate points to an owner.", likely_owners(m, actor),
                ("code", "group", "member", "rank", "sectors")),
        *basis_section(
            link_gap(kg, "a commitment to an initiative without a link is outside no mandate and has "
                         "no likely owner here"),
            sector_gap(kg, "an actor without a sector holds no mandate, so all its commitments count "
                           "as outside", {by for by, _ in m.commitments.values()})),
    ]
