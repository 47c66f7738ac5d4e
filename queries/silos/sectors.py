"""Which sectors an actor works in: its mandates, or its members' when it holds none.

An actor's sectors are those it holds a mandate in (``kg:hasMandateIn``).  An
actor with no mandate of its own takes the sectors its *direct* members hold
mandates in: the annex's column actors are such groups ("kommuner och regioner i
samarbete med SKL" through SKL, the municipalities and the regions; the state
through its agencies).  An actor with neither has no sector.

Network measures need one sector per actor, its *primary* sector: the sector most
of the mandate holders behind it hold (for a group: most of its members); a tie
goes to the sector more actors in the graph hold a mandate in, then to the
sector's IRI.  The rule is in one place, :meth:`SectorIndex.primary`.

Examples
--------
>>> from kraftgraf.graph.store.build import build
>>> from kraftgraf.ontology.vocab import actor_iri
>>> index = SectorIndex(build())
>>> staten = str(actor_iri("staten"))
>>> len(index.sectors(staten)), index.label(index.primary(staten))
(5, 'Hälso- och sjukvård')

"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.queries.backend import Backend, backend_of
from kraftgraf.queries.commitments import commitments_of
from kraftgraf.queries.common import listing
from kraftgraf.queries.mandates.model import Mandates

__all__ = ["ActorSectors", "SectorIndex", "PlanSectors", "actor_sectors"]


@dataclass(frozen=True)
class ActorSectors:
    """An actor's sectors and the primary sector it counts in."""

    actor: str
    sectors: int
    primary: str
    sector_names: str
    why: str
    sources: list[str]


class SectorIndex:
    """Every actor's sectors, who holds the mandates behind them, and their quotes.

    Read in one query (``sectors_by_actor``) from ``kg``, a KnowledgeGraph or a
    :class:`~kraftgraf.queries.backend.Backend`; labels are looked up once each.
    Nodes are IRIs as plain strings.
    """

    def __init__(self, kg: KnowledgeGraph | Backend):
        self.backend = backend_of(kg)
        self.holders: dict = defaultdict(lambda: defaultdict(set))  # actor -> sector -> holders
        self.quotes: dict = defaultdict(dict)  # actor or sector -> its mandates' quotes, ordered
        for r in self.backend.rows("sectors_by_actor"):
            self.holders[r["actor"]][r["sector"]].add(r["holder"])
            for node in (r["actor"], r["sector"]):  # why the actor is in it; who holds the sector
                if r["quote"] is not None:
                    self.quotes[node][r["quote"]] = None
        # sector -> how many actors hold a mandate in it themselves (the tie-break)
        self.held = Counter(s for a, found in self.holders.items() for s, who in found.items() if a in who)

    def label(self, iri: str) -> str:
        """The node's Swedish label."""
        return self.backend.label(iri)

    def names(self, nodes) -> str:
        """Labels of ``nodes``, sorted and joined by '; '."""
        return "; ".join(sorted(self.label(n) for n in nodes))

    def sectors(self, actor: str) -> dict[str, set[str]]:
        """The actor's sectors, each with the actors holding the mandates behind it."""
        return self.holders.get(actor, {})

    def primary(self, actor: str) -> str:
        """The actor's primary sector (it must have one)."""
        found = self.sectors(actor)
        return min(found, key=lambda s: (-len(found[s]), -self.held[s], s))

    def cite(self, nodes) -> list[str]:
        """The mandate quotes behind ``nodes``, without repeats."""
        return list(dict.fromkeys(q for n in nodes for q in self.quotes.get(n, ())))

    def row(self, actor: str) -> ActorSectors:
        """The actor's sectors as a row that says where they come from."""
        found, name = self.sectors(actor), self.label(actor)
        if not found:
            return ActorSectors(name, 0, "", "", f"{name} holds no mandate, nor do its members: it is left "
                                "out of the sector counts and the network.", [])
        members = sorted({h for who in found.values() for h in who} - {actor})
        how = (f"{name} holds no mandate itself; its members {listing(sorted(map(self.label, members)))} "
               "hold mandates"
               if members else f"{name} holds mandates")
        primary = self.primary(actor)
        share = f", held by {len(found[primary])} of these {len(members)} members" if members else ""
        tied = sum(len(who) == len(found[primary]) for who in found.values()) > 1
        note = "; of the sectors tied, the one most actors in the graph hold a mandate in" if tied else ""
        why = f"{how} in {self.names(found)}. Primary: {self.label(primary)}{share}{note}."
        return ActorSectors(name, len(found), self.label(primary), self.names(found), why, self.cite([actor]))


def actor_sectors(kg: KnowledgeGraph | Backend, actors=None) -> list[ActorSectors]:
    """Rows for ``actors`` (IRIs), or for every actor with a sector."""
    index = SectorIndex(kg)
    return [index.row(str(a)) for a in sorted(index.holders if actors is None else actors)]


class PlanSectors(SectorIndex):
    """The sector index plus who commits where and which layers initiatives reach (for silos).

    ``by``: "owner" counts a group's commitment for its likely owners by mandate
    (:meth:`owners`), "column" for the group itself, with its members' sectors.

    The commitments come from the listing every question shares
    (:mod:`kraftgraf.queries.commitments`), the layers from one more query that scans
    once: nothing is joined pairwise in the store.  ``made`` maps an initiative to its
    commitments and their actors, ``layers`` a determinant layer to the initiatives that
    address it.
    """

    def __init__(self, kg: KnowledgeGraph | Backend, by: str = "owner"):
        super().__init__(kg)
        self.by = by  # "owner": a group's commitment counts for its likely owners; "column": for the group
        # initiative -> {commitment: actor}, commitments by IRI; an initiative nobody commits to: {}
        self.made: dict[str, dict[str, str]] = {r["initiative"]: {}
                                                for r in self.backend.rows("initiatives_in_order")}
        listing = commitments_of(self.backend)
        for commitment, actor, initiative in sorted(listing.triples()):
            if initiative in self.made:
                self.made[initiative][commitment] = actor
        self.said = listing.quotes  # a commitment's quotes, kept where the listing has them
        self.layers: dict[str, set[str]] = {}  # layer -> initiatives addressing it, in kg:order
        for r in self.backend.rows("silos_initiative_layers"):
            self.layers.setdefault(r["layer"], set()).update([r["initiative"]] if r["initiative"] else [])
            self.quotes[r["layer"]][r["quote"]] = None
        for quotes in self.quotes.values():
            quotes.pop(None, None)  # a node without a source quote
        self._involved: dict[str, frozenset[str]] = {}
        self.mandates = Mandates(self.backend) if by == "owner" else None
        self.likely: dict[str, dict[str, set[str]]] = {}  # initiative -> group -> its likely owners
        self.matched: dict[str, dict[str, set[str]]] = {}  # initiative -> likely owner -> sectors matched
        self.unplaced: dict[str, set[str]] = {}  # initiative -> groups no member's mandate matches
        self._owners: dict[str, set[str]] = {}

    def cite(self, nodes) -> list[str]:
        """The quotes behind ``nodes`` (commitments, actors' mandates, layers' links), without repeats."""
        said, quotes = self.said, self.quotes
        return list(dict.fromkeys(q for n in nodes for q in (said[n] if n in said else quotes.get(n, ()))))

    def owners(self, initiative: str) -> set[str]:
        """Who carries the initiative: each committed actor, a group replaced by its likely owners.

        A group's likely owners are its members whose own mandates cover the initiative's
        determinants (:meth:`Mandates.owners`); each counts in the sectors it matched by.  A
        group none of whose members' mandates match stays itself: in its own mandates' sectors
        if it has any, else in none, since no mandate places its commitment (its members'
        every sector would say nothing about the work).
        """
        if initiative in self._owners:
            return self._owners[initiative]
        found = set()
        for actor in sorted(set(self.made.get(initiative, {}).values())):  # sorted: `likely` keeps this order
            if self.mandates is None or not self.mandates.is_group(actor):
                found.add(actor)
                continue
            owners = self.mandates.matches(actor, initiative)
            for member, sectors in owners.items():
                self.matched.setdefault(initiative, {}).setdefault(member, set()).update(sectors)
            if owners:
                self.likely.setdefault(initiative, {})[actor] = set(owners)
            elif self.mandates.held[actor]:  # a group with mandates of its own counts in those
                found.add(actor)
                continue
            else:
                self.unplaced.setdefault(initiative, set()).add(actor)
            found |= set(owners) or {actor}
        self._owners[initiative] = found
        return found

    def sectors_at(self, actor: str, initiative: str) -> AbstractSet[str]:
        """The sectors ``actor`` brings to ``initiative``: matched by mandate, all of its own, or none.

        Not a copy (asked some 500,000 times on a national plan): read it, do not change it.
        """
        matched = self.matched.get(initiative)
        if matched is not None and actor in matched:
            return matched[actor]
        unplaced = self.unplaced.get(initiative)
        return frozenset() if unplaced is not None and actor in unplaced else self.sectors(actor).keys()

    def involved(self, initiative: str) -> frozenset[str]:
        """The sectors the actors carrying ``initiative`` bring to it (:meth:`sectors_at`)."""
        if initiative not in self._involved:  # asked for per initiative, per layer and per sector
            self._involved[initiative] = frozenset(s for a in self.owners(initiative)
                                                   for s in self.sectors_at(a, initiative))
        return self._involved[initiative]

    def committed(self) -> list[str]:
        """Every actor that carries an initiative (a group's likely owners in its place), sorted."""
        return sorted({a for initiative in self.made for a in self.owners(initiative)})

    def column_actors(self) -> list[str]:
        """The actors that made the commitments, as the plan names them, sorted."""
        return sorted({a for made in self.made.values() for a in made.values()})
