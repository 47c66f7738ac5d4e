"""Mandates beside commitments, read once: who committed where, who is responsible where.

An initiative's *sectors* are the sectors of the determinants it addresses
(``kg:inSector``, from ``data/determinant_sectors.csv``).  An actor's *reach* is
the sectors it holds a mandate in itself or, for a group with no mandate of its
own (the state, "kommuner och regioner i samarbete med SKL"), its direct members'
(as ``silos`` counts them).  A group's commitment has *likely owners*: the members,
at any depth, whose own mandates cover a sector of the initiative, ranked by how many
of its determinants they cover, then by how many of its sectors, then by how narrow
their mandate is (a body with one mandate that matches is a likelier owner than one
with five).

Read from six listings (``commitments``, ``initiatives_in_order``,
``whatif_members``, ``whatif_addresses``, ``mandates_held``, ``mandates_placements``),
the same on any backend; the rest is Python.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cached_property

from kraftgraf.queries.backend import Backend, backend_of
from kraftgraf.queries.commitments import commitments_of
from kraftgraf.queries.common import listing

__all__ = ["Mandates", "Owner", "mandates_of"]


# A member that likely owns a group's commitment, by mandate: the member, the initiative's
# sectors it holds a mandate in, and the initiative's determinants in those (the statements
# behind its mandates: ``held[member]``).  A plain tuple: a national plan's groups rank 60,000.
Owner = tuple[str, tuple[str, ...], tuple[str, ...]]


class Mandates:
    """Commitments, memberships, mandates and determinant sectors of one backend."""

    def __init__(self, b: Backend):
        self.backend = b
        self.order = {r["initiative"]: r["order"] for r in b.rows("initiatives_in_order")}
        self.members = defaultdict(set)
        for r in b.rows("whatif_members"):
            self.members[r["grp"]].add(r["member"])
        self.targets = defaultdict(set)  # initiative -> what it addresses
        self.addressed_by = defaultdict(set)  # determinant -> initiatives
        self.links: dict[tuple[str, str], str] = {}
        for r in b.rows("whatif_addresses"):
            if r["initiative"] not in self.order:  # a curated link to an initiative of a plan not loaded
                continue
            self.targets[r["initiative"]].add(r["target"])
            self.addressed_by[r["target"]].add(r["initiative"])
            self.links[r["initiative"], r["target"]] = r["link"]
        # actor -> sector -> mandate statement
        self.held: defaultdict[str, dict[str, str]] = defaultdict(dict)
        self.holders = defaultdict(set)  # sector -> actors holding a mandate in it
        for r in b.rows("mandates_held"):
            self.held[r["actor"]][r["sector"]] = r["mandate"]
            self.holders[r["sector"]].add(r["actor"])
        # determinant -> sector -> placement statement
        self.placed: defaultdict[str, dict[str, str]] = defaultdict(dict)
        for r in b.rows("mandates_placements"):
            self.placed[r["determinant"]][r["sector"]] = r["placement"]
        self._owners: dict[tuple[str, frozenset], list[Owner]] = {}
        self._index: dict[str, dict[str, set[str]]] = {}
        self._kinds: dict[str, dict[frozenset[str], list[tuple[str, str]]]] = {}
        self._sectors: dict[str, dict[str, set[str]]] = {}
        self._named: dict[tuple[str, ...], str] = {}

    @cached_property
    def commitments(self) -> dict[str, tuple[str, str]]:
        """Commitment -> (actor, initiative); read when first asked (likely owners do not need it)."""
        listing = commitments_of(self.backend)
        return dict(zip(listing.iris, zip(listing.actor, listing.initiative)))

    @cached_property
    def made(self) -> dict[str, set[str]]:
        """Initiative -> the actors committed to it."""
        found: dict[str, set[str]] = defaultdict(set)
        for actor, initiative in self.commitments.values():
            found[initiative].add(actor)
        return found

    def names(self, nodes) -> str:
        """The nodes' labels, sorted, as prose.

        Each run of nodes is named once: thousands of rows name the same sectors and determinants.
        """
        key = tuple(nodes)
        if key not in self._named:
            self._named[key] = listing(sorted(self.backend.label(n) for n in key))
        return self._named[key]

    def in_order(self, initiatives) -> list[str]:
        """Initiatives in the annex's order."""
        return sorted(initiatives, key=lambda i: (self.order.get(i) is None, self.order.get(i) or 0, i))

    def sectors(self, initiative: str) -> dict[str, set[str]]:
        """The initiative's sectors, each with the determinants it addresses there."""
        if initiative not in self._sectors:
            found = defaultdict(set)
            for target in self.targets[initiative]:
                for sector in self.placed[target]:
                    found[sector].add(target)
            self._sectors[initiative] = found
        return self._sectors[initiative]

    def reach(self, actor: str) -> set[str]:
        """The sectors of the actor's own mandates, or (none of its own) its direct members'."""
        own = set(self.held[actor])
        return own or {s for m in self.members[actor] for s in self.held[m]}

    def closure(self, actor: str) -> set[str]:
        """The actor's members at any depth, without the actor."""
        seen, todo = set(), list(self.members[actor])
        while todo:
            a = todo.pop()
            if a not in seen and a != actor:
                seen.add(a)
                todo.extend(self.members[a])
        return seen

    def is_group(self, actor: str) -> bool:
        """Whether the actor has members."""
        return bool(self.members[actor])

    def owners(self, group: str, initiative: str) -> list[Owner]:
        """The members of ``group`` likely to carry its commitment to ``initiative``, likeliest first."""
        wanted = self.sectors(initiative)
        # the owners follow from the group and the determinants by sector alone, which many
        # initiatives share: worked out once for each
        key = (group, frozenset((s, frozenset(d)) for s, d in wanted.items()))
        if key not in self._owners:
            ranked = []  # (-determinants, -sectors, mandates, label, member, owner)
            for held, members in self._alike(group).items():  # members alike in mandates match alike
                match = tuple(sorted(held & wanted.keys()))
                if match:
                    dets = tuple(sorted(set().union(*(wanted[s] for s in match))))
                    first = (-len(dets), -len(match), len(held))
                    ranked += [(*first, name, member, (member, match, dets)) for name, member in members]
            ranked.sort()  # the members of one group differ, so the comparison never reaches the owner
            self._owners[key] = [r[-1] for r in ranked]
        return self._owners[key]

    def _alike(self, group: str) -> dict[frozenset[str], list[tuple[str, str]]]:
        """Sectors -> (label, IRI) of the members of ``group`` (at any depth) holding mandates in just those.

        Computed once per group; the 290 municipalities of a national plan hold the same.
        """
        if group not in self._kinds:
            kinds: dict[frozenset[str], list[tuple[str, str]]] = {}
            label = self.backend.label
            for member in self.closure(group):
                if self.held[member]:
                    kinds.setdefault(frozenset(self.held[member]), []).append((label(member), member))
            self._kinds[group] = kinds
        return self._kinds[group]

    def matches(self, group: str, initiative: str) -> dict[str, set[str]]:
        """Member -> the initiative's sectors it holds a mandate in: the likely owners, unranked."""
        wanted, by_sector = self.sectors(initiative), self._by_sector(group)
        found: dict[str, set[str]] = {}
        for sector in wanted:
            for member in by_sector.get(sector, ()):
                found.setdefault(member, set()).add(sector)
        return found

    def _by_sector(self, group: str) -> dict[str, set[str]]:
        """Sector -> the group's members (at any depth) holding a mandate there; computed once per group."""
        if group not in self._index:
            index: dict[str, set[str]] = {}
            for member in self.closure(group):
                for sector in self.held[member]:
                    index.setdefault(sector, set()).add(member)
            self._index[group] = index
        return self._index[group]


def mandates_of(graph) -> Mandates:
    """The :class:`Mandates` of a KnowledgeGraph or backend."""
    return graph if isinstance(graph, Mandates) else Mandates(backend_of(graph))
