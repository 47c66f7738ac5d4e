"""whatif: who is left holding what when an actor withdraws from the plan.

``--without ACTOR`` (more than once for several): the initiatives that become
unowned, the initiatives that keep an actor but lose their only one of a sector,
the determinants and Dahlgren–Whitehead layers that lose their last holder, and
the laws whose change no remaining actor pushes for; before and after side by side.
``--rank``: every actor ranked by what its withdrawal would leave unheld.  How
holdings are counted is in :mod:`kraftgraf.queries.whatif.holdings`.

Examples
--------
>>> from kraftgraf.graph.store.build import build
>>> kg = build()
>>> [r.id for r in withdrawal(kg, ["Staten"])[1].rows]
['H1']
>>> [(r.actor, r.unowned) for r in ranking(kg)][:2]
[('Kommuner och regioner i samarbete med SKL', 12), ('Staten', 1)]

"""

from __future__ import annotations

from dataclasses import dataclass

from kraftgraf.errors import DataError
from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.ontology.vocab import KG
from kraftgraf.queries.backend import Backend, backend_of
from kraftgraf.queries.basis import basis_section, link_gap, sector_gap
from kraftgraf.queries.common import Section, cite, listing, short
from kraftgraf.queries.whatif.holdings import Holdings, Loss

_LOST = ("id", "label", "before", "after")

__all__ = ["Lost", "SectorLost", "Figure", "ActorRank", "withdrawal", "ranking", "sections"]


@dataclass(frozen=True)
class Lost:
    """An initiative, determinant, layer or law that nobody holds after the withdrawal."""

    id: str
    label: str
    before: str
    after: str
    why: str
    sources: list[str]


@dataclass(frozen=True)
class SectorLost:
    """An initiative that keeps actors but loses its only actor of one sector."""

    code: str
    sector: str
    before: str
    after: str
    why: str
    sources: list[str]


@dataclass(frozen=True)
class Figure:
    """One count of what the plan holds, before and after the withdrawal."""

    measure: str
    before: int
    after: int
    why: str
    sources: list[str]


@dataclass(frozen=True)
class ActorRank:
    """What one actor's withdrawal (with its members) would leave unheld."""

    actor: str
    members: int
    unowned: int
    determinants: int
    layers: int
    laws: int
    sectors_lost: int
    why: str
    sources: list[str]


def _names(b: Backend, actors) -> str:
    return listing(sorted(b.label(a) for a in actors))


def _committed(h: Holdings, initiative: str, actors) -> list[str]:
    return [c for a in sorted(actors) for c in h.made[initiative].get(a, [])]


def _initiative_rows(b, h: Holdings, loss: Loss, who: str) -> list[Lost]:
    rows = []
    for i in h.in_order(loss.unowned):
        before = _names(b, loss.unowned[i])
        why = (f"Only {before} committed to initiative {short(i)}; without {who} nobody in the plan "
               "has taken it on.")
        rows.append(Lost(short(i), b.label(i), before, "nobody", why,
                         cite(b, [i, *_committed(h, i, loss.unowned[i])[:8]])))
    return rows


def _sector_rows(b, h: Holdings, loss: Loss, who: str) -> list[SectorLost]:
    rows = []
    for i, sector in sorted(loss.sectors, key=lambda k: (h.order.get(k[0], 1 << 30), k[0], b.label(k[1]))):
        gone, left = loss.sectors[i, sector], h.actors(i) - loss.withdrawn
        name = b.label(sector)
        why = (f"In initiative {short(i)} only {_names(b, gone)} brought {name} (by mandate, its own or its "
               f"members'); without {who} it is left to {_names(b, left)}, none of whom holds a mandate "
               f"in {name}.")
        rows.append(SectorLost(short(i), name, _names(b, gone), _names(b, left), why,
                               cite(b, _committed(h, i, gone)[:8])))
    return rows


def _holder_rows(b, h: Holdings, lost: dict, who: str, what: str) -> list[Lost]:
    rows = []
    for node in sorted(lost, key=lambda n: (b.label(n), n)):
        within = [t for t in h.layer_of if t == node or node in h.layer_of[t]] + [node]
        via = h.in_order(i for i in h.made if h.targets[i] & set(within))
        name = b.label(node)
        still = h.responsible.get(node, set())
        after = (f" Outside the plan, mandates where it sits stay with {_names(b, still)}." if still
                 else "" if h.is_layer(node) else " No actor holds a mandate where it sits either.")
        only = "is the only actor" if len(lost[node]) == 1 else "are the only actors"
        why = (f"{_names(b, lost[node])} {only} committed to initiatives that address "
               f"{what} '{name}' ({listing([short(i) for i in via], limit=10)}); without {who} nobody "
               f"in the plan works on it.{after}")
        links = [h.links[i, t] for i in via for t in sorted(h.targets[i] & set(within))][:8]
        rows.append(Lost(short(node), name, _names(b, lost[node]), "nobody", why, cite(b, [node, *links])))
    return rows


def _law_rows(b, h: Holdings, loss: Loss, who: str) -> list[Lost]:
    rows = []
    for law in sorted(loss.laws, key=lambda n: (b.label(n), n)):
        asked = [c for a in sorted(loss.laws[law]) for c in h.pushers[law][a]]
        why = (f"Only {_names(b, loss.laws[law])} committed to something that needs {b.label(law)} changed "
               f"({listing([short(c) for c in asked])}); without {who} no actor in the plan pushes for it.")
        rows.append(Lost(short(law), b.label(law), _names(b, loss.laws[law]), "nobody", why,
                         cite(b, asked[:8])))
    return rows


def _summary(h: Holdings, loss: Loss, who: str) -> list[Figure]:
    owned = len(h.made)
    held = [n for n, a in h.holders.items() if a and not h.is_layer(n)]
    layers = [n for n, a in h.holders.items() if a and h.is_layer(n)]
    figures = [("initiatives with a commitment", owned, owned - len(loss.unowned)),
               ("determinants someone works on", len(held), len(held) - len(loss.determinants)),
               ("1991 layers someone works on", len(layers), len(layers) - len(loss.layers)),
               ("laws an actor pushes to change", len(h.pushers), len(h.pushers) - len(loss.laws))]
    return [Figure(name, before, after, f"Counted from the commitments in the plan, before and after "
                   f"{who} withdrew: {before - after} fewer.", [])
            for name, before, after in figures]


def _who(b: Backend, given, loss: Loss) -> str:
    members = len(loss.withdrawn) - len(given)
    return _names(b, given) + (f" (with {members} member{'s' if members > 1 else ''})" if members > 0 else "")


def withdrawal(kg: KnowledgeGraph | Backend, without) -> list[Section]:
    """The sections of ``kraftgraf whatif --without …``: what the named actors leave unheld."""
    b = backend_of(kg)
    given = sorted({b.resolve(name, KG.Actor, "actor") for name in without})
    h = Holdings(b)
    loss = h.without(given)
    who = _who(b, given, loss)
    gone = ("before: the actors committed; after: who is left (nobody). A group takes its members "
            "with it; a member leaves its group's commitments standing.")
    return [
        Section("summary", f"Before and after {who} withdraw{'s' if len(given) == 1 else ''}",
                "What the plan holds before and after.",
                _summary(h, loss, who), ("measure", "before", "after")),
        Section("initiatives", "Initiatives that become unowned", gone,
                _initiative_rows(b, h, loss, who), _LOST),
        Section("sectors", "Initiatives that lose their only actor of a sector",
                "The initiative keeps actors, but none of those left holds a mandate in the sector.",
                _sector_rows(b, h, loss, who), ("code", "sector", "before", "after")),
        Section("determinants", "Determinants that lose their last holder", gone,
                _holder_rows(b, h, loss.determinants, who, "the determinant"), _LOST),
        Section("layers", "Dahlgren–Whitehead layers that lose their last holder", gone,
                _holder_rows(b, h, loss.layers, who, "the layer"), _LOST),
        Section("laws", "Laws no actor pushes to change any more", gone,
                _law_rows(b, h, loss, who), _LOST),
    ]


def ranking(kg: KnowledgeGraph | Backend) -> list[ActorRank]:
    """Every actor whose withdrawal takes a commitment with it, most left unheld first."""
    b = backend_of(kg)
    h = Holdings(b)
    losses = [(a, h.without([a])) for a in h.candidates()]
    losses.sort(key=lambda x: tuple(-n for n in x[1].size()) + (b.label(x[0]), x[0]))
    shown = [i for _, loss in losses for i in h.in_order(loss.unowned)[:4]]
    known = b.quotes(shown)
    rows = []
    for actor, loss in losses:
        name, unowned = b.label(actor), h.in_order(loss.unowned)
        parts = [f"{len(unowned)} initiative{'s' if len(unowned) != 1 else ''} unowned"
                 + (f" ({listing([short(i) for i in unowned], limit=6)})" if unowned else ""),
                 f"{len(loss.determinants)} determinants and {len(loss.layers)} layers without a holder",
                 f"{len(loss.laws)} laws without a pusher",
                 f"{len(loss.sectors)} initiative–sector pairs without their only actor of that sector"]
        members = len(loss.withdrawn) - 1
        whose = f"{name} (with its {members} members)" if members else name
        rows.append(ActorRank(name, members, len(unowned), len(loss.determinants), len(loss.layers),
                              len(loss.laws), len(loss.sectors),
                              f"Without {whose}: " + "; ".join(parts) + ".",
                              cite(b, unowned[:4], known)))
    return rows


def sections(kg: KnowledgeGraph | Backend, without=(), rank: bool = False) -> list[Section]:
    """The answer to ``kraftgraf whatif``: a withdrawal (``without``), a ranking (``rank``), or both."""
    if not without and not rank:
        raise DataError("say who withdraws: --without ACTOR (again for more), or --rank to rank every actor")
    b = backend_of(kg)
    found = withdrawal(b, without) if without else []
    if rank:
        found.append(Section("rank", "Actors by what their withdrawal would leave unheld",
                             "Each actor withdrawn alone (a group with its members): initiatives left "
                             "unowned, determinants and layers left without a holder, laws left without a "
                             "pusher, initiative–sector pairs left without their only actor of the sector.",
                             ranking(b), ("actor", "members", "unowned", "determinants", "layers", "laws",
                                          "sectors_lost")))
    return found + basis_section(
        link_gap(b, "a determinant or layer reached only through an initiative without a link cannot "
                    "lose its last holder here, so those counts are a lower bound"),
        sector_gap(b, "an actor without a sector loses no sector when it withdraws"))
