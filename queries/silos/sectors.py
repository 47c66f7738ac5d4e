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
from itertools import chain

from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.queries.backend import Backend, backend_of, shared
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


def _read_sectors(b: Backend) -> tuple[dict[str, dict[str, set[str]]], dict[str, dict[str, None]], Counter]:
    """The index's three maps, read from the store.

    Actor -> sector -> the holders of the mandates behind it; actor or sector -> its
    mandates' quotes (ordered); sector -> how many actors hold a mandate in it themselves.
    """
    holders: defaultdict = defaultdict(lambda: defaultdict(set))
    quotes: defaultdict = defaultdict(dict)
    for r in b.rows("sectors_by_actor"):
        holders[r["actor"]][r["sector"]].add(r["holder"])
        for node in (r["actor"], r["sector"]):  # why the actor is in it; who holds the sector
            if r["quote"] is not None:
                quotes[node][r["quote"]] = None
    held = Counter(s for a, found in holders.items() for s, who in found.items() if a in who)  # the tie-break
    return {a: dict(found) for a, found in holders.items()}, dict(quotes), held


class SectorIndex:
    """Every actor's sectors, who holds the mandates behind them, and their quotes.

    Read in one query (``sectors_by_actor``) from ``kg``, a KnowledgeGraph or a
    :class:`~kraftgraf.queries.backend.Backend`; labels are looked up once each.
    Nodes are IRIs as plain strings.
    """

    def __init__(self, kg: KnowledgeGraph | Backend):
        self.backend = backend_of(kg)
        # read once while the store is unchanged: most questions ask (basis.sector_gap); not to be changed
        self.holders, self.quotes, self.held = shared(self.backend, ("sector index",),
                                                      lambda: _read_sectors(self.backend))

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
    (:meth:`carriers`), "column" for the group itself, with its members' sectors.

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
        linked: dict[str, dict[str, None]] = {}  # layer -> its links' quotes, ordered
        for r in self.backend.rows("silos_initiative_layers"):
            self.layers.setdefault(r["layer"], set()).update([r["initiative"]] if r["initiative"] else [])
            if r["quote"] is not None:
                linked.setdefault(r["layer"], {})[r["quote"]] = None
        self.quotes = {**self.quotes, **linked}  # a copy: the index's own is shared
        self._involved: dict[str, frozenset[str]] = {}
        self.mandates = Mandates(self.backend) if by == "owner" else None
        mandates = self.mandates
        self.groups = {a for a in self.column_actors() if mandates.is_group(a)} if mandates else set()
        self.likely: dict[str, dict[str, tuple[str, ...]]] = {}  # initiative -> group -> its likely owners
        self._matched: dict[tuple[str, frozenset[str]], tuple[dict[str, set[str]], tuple[str, ...]]] = {}
        self._carriers: dict[str, dict[str, AbstractSet[str]]] = {}
        self._own = {a: found.keys() for a, found in self.holders.items()}  # an actor's sectors, as a set

    def cite(self, nodes) -> list[str]:
        """The quotes behind ``nodes`` (commitments, actors' mandates, layers' links), without repeats."""
        said, quotes = self.said, self.quotes
        found = (said[n] if n in said else quotes.get(n, ()) for n in nodes)
        return list(dict.fromkeys(chain.from_iterable(found)))

    def carriers(self, initiative: str) -> dict[str, AbstractSet[str]]:
        """Who carries the initiative, each with the sectors it brings to it.

        Each committed actor carries it in the sectors of its mandates, a group through its
        likely owners: its members whose own mandates cover the initiative's determinants
        (:meth:`Mandates.matches`), each in the sectors it matched by (also where it committed
        itself).  A group none of whose members' mandates match stays itself: in its own
        mandates' sectors if it has any, else in none, since no mandate places its commitment
        (its members' every sector would say nothing about the work).

        Worked out once per initiative (a national one has hundreds of carriers); the sets
        are not copies: read them, do not change them.
        """
        if initiative in self._carriers:
            return self._carriers[initiative]
        own: list[str] = []  # carrying in their own mandates' sectors
        matched: dict[str, AbstractSet[str]] = {}  # likely owner -> the sectors it matched by
        unplaced: list[str] = []  # groups no mandate places here
        for actor in sorted(set(self.made.get(initiative, {}).values())):  # sorted: `likely` keeps this order
            if actor not in self.groups:
                own.append(actor)
                continue
            assert self.mandates is not None  # groups are found only by likely owner
            owners, ranked = self._matches(actor, initiative)
            if owners:
                self.likely.setdefault(initiative, {})[actor] = ranked
                for member, sectors in owners.items():  # a member two groups share: both groups' sectors
                    matched[member] = matched[member] | sectors if member in matched else sectors
            elif self.mandates.held[actor]:  # a group with mandates of its own counts in those
                own.append(actor)
            else:
                unplaced.append(actor)
        found: dict[str, AbstractSet[str]] = dict.fromkeys(unplaced, frozenset())
        found.update({a: self._own.get(a, frozenset()) for a in own})
        found.update(matched)
        self._carriers[initiative] = found
        return found

    def _matches(self, group: str, initiative: str) -> tuple[dict[str, set[str]], tuple[str, ...]]:
        """:meth:`Mandates.matches`, and its members sorted, once per group and set of sectors.

        The sectors are those of the initiative's determinants, all the match depends on: a
        national plan asks for 231 such sets for 1,656 group commitments.
        """
        assert self.mandates is not None  # groups are found only by likely owner
        key = (group, frozenset(self.mandates.sectors(initiative)))
        if key not in self._matched:
            owners = self.mandates.matches(group, initiative)
            self._matched[key] = owners, tuple(sorted(owners))
        return self._matched[key]

    def involved(self, initiative: str) -> frozenset[str]:
        """The sectors the actors carrying ``initiative`` bring to it (:meth:`carriers`)."""
        if initiative not in self._involved:  # asked for per initiative, per layer and per sector
            self._involved[initiative] = frozenset().union(*self.carriers(initiative).values())
        return self._involved[initiative]

    def committed(self) -> list[str]:
        """Every actor that carries an initiative (a group's likely owners in its place), sorted."""
        return sorted({a for initiative in self.made for a in self.carriers(initiative)})

    def column_actors(self) -> list[str]:
        """The actors that made the commitments, as the plan names them, sorted."""
        return sorted({a for made in self.made.values() for a in made.values()})
