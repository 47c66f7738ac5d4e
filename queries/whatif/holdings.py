"""Who holds what in a plan, read once, and what is left when some actors withdraw.

An actor *holds* an initiative when it committed to it (an open commitment, "…", is
not a commitment); it holds what the initiative addresses (a determinant, and the
Dahlgren–Whitehead layer it sits in), the sectors it holds mandates in (a group with
no mandate of its own: its members' sectors, as in ``silos``), and the law changes
its commitments ask for.  A group that withdraws takes its members with it
(``org:hasMember``, all the way down); a member that withdraws leaves its group's
commitments standing: the group still said it.

Everything is read with eight listings (``commitments``, ``initiatives_in_order``,
``whatif_members``, ``whatif_addresses``, ``sectors_by_actor``, ``laws``, ``mandates_held`` and
``mandates_placements``), so one withdrawal or a ranking of every actor is set arithmetic in
Python, the same on any backend.  Mandates do not end with a withdrawal: a determinant that
loses its last holder in the plan still names who holds the mandate where it sits.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from kraftgraf.queries.backend import Backend
from kraftgraf.queries.commitments import commitments_of

__all__ = ["Holdings", "Loss"]


@dataclass
class Loss:
    """What one withdrawal leaves: each key an IRI, each value the actors that held it before."""

    withdrawn: frozenset
    unowned: dict = field(default_factory=dict)  # initiative -> actors before
    sectors: dict = field(default_factory=dict)  # (initiative, sector) -> withdrawn actors of that sector
    determinants: dict = field(default_factory=dict)  # determinant -> holders before
    layers: dict = field(default_factory=dict)  # layer -> holders before
    laws: dict = field(default_factory=dict)  # law -> the actors that pushed for its change

    def size(self) -> tuple[int, ...]:
        """How much is left unheld, most telling first (for ranking)."""
        return (len(self.unowned), len(self.determinants), len(self.layers), len(self.laws),
                len(self.sectors))


class Holdings:
    """The plan's holdings, from one backend."""

    def __init__(self, b: Backend):
        self.backend = b
        # initiative -> actor -> commitments
        self.made: defaultdict[str, defaultdict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        self.order: dict[str, int] = {}
        self.initiatives_of = defaultdict(set)  # actor -> initiatives it committed to
        for commitment, actor, initiative in commitments_of(b).triples():
            self.made[initiative][actor].append(commitment)
            self.initiatives_of[actor].add(initiative)
        for r in b.rows("initiatives_in_order"):
            if r["order"] is not None:
                self.order[r["initiative"]] = int(r["order"])
        self.members = defaultdict(set)
        for r in b.rows("whatif_members"):
            self.members[r["grp"]].add(r["member"])
        self.sectors = defaultdict(set)  # actor -> sectors (own mandates, else its members')
        for r in b.rows("sectors_by_actor"):
            self.sectors[r["actor"]].add(r["sector"])
        self.targets = defaultdict(set)  # initiative -> what it addresses
        self.layer_of = defaultdict(set)  # target -> its 1991 layers
        self.links: dict[tuple[str, str], str] = {}
        for r in b.rows("whatif_addresses"):
            self.targets[r["initiative"]].add(r["target"])
            self.links[r["initiative"], r["target"]] = r["link"]
            if r["layer"]:
                self.layer_of[r["target"]].add(r["layer"])
        self.layers = set().union(*self.layer_of.values()) if self.layer_of else set()
        # law -> actor -> the commitments asking for its change
        self.pushers: defaultdict[str, dict[str, list[str]]] = defaultdict(dict)
        for r in b.rows("laws"):
            if r["kind"] == "commitment" and r["actor"]:
                self.pushers[r["law"]].setdefault(r["actor"], []).append(r["subject"])
        self.committed = {i: frozenset(made) for i, made in self.made.items()}
        having = defaultdict(set)  # sector -> every actor that brings it
        for actor, sectors in self.sectors.items():
            for s in sectors:
                having[s].add(actor)
        self.bringing = {i: {s: both for s, actors in having.items() if (both := before & actors)}
                         for i, before in self.committed.items()}  # initiative -> sector -> its actors there
        # determinant -> actors with a mandate where it sits
        self.responsible: defaultdict[str, set[str]] = defaultdict(set)
        mandated: defaultdict[str, set[str]] = defaultdict(set)
        for r in b.rows("mandates_held"):
            mandated[r["sector"]].add(r["actor"])
        for r in b.rows("mandates_placements"):
            self.responsible[r["determinant"]] |= mandated[r["sector"]]
        # initiative -> the determinants and layers it reaches (a withdrawal asks it 50,000 times)
        self.reached = {i: {node for t in self.targets[i] for node in (t, *self.layer_of[t])}
                        for i in self.made}
        # determinant or layer -> actors that hold it
        self.holders: defaultdict[str, set[str]] = defaultdict(set)
        for initiative, made in self.made.items():
            for node in self.reached[initiative]:
                self.holders[node].update(made)

    def actors(self, initiative: str) -> set[str]:
        """The actors committed to ``initiative``."""
        return set(self.committed.get(initiative, ()))

    def closure(self, actors) -> frozenset:
        """``actors`` and every member of theirs, all the way down."""
        seen, todo = set(), list(actors)
        while todo:
            a = todo.pop()
            if a not in seen:
                seen.add(a)
                todo.extend(self.members[a])
        return frozenset(seen)

    def sectors_of(self, actors) -> set[str]:
        """The sectors the given actors hold mandates in, themselves or through their members."""
        return set().union(*(self.sectors[a] for a in actors))

    def is_layer(self, target: str) -> bool:
        """Whether ``target`` is a layer itself (a layer is its own layer)."""
        return target in self.layers

    def in_order(self, initiatives) -> list[str]:
        """Initiatives in the annex's order."""
        return sorted(initiatives, key=lambda i: (self.order.get(i, 1 << 30), i))

    def without(self, actors) -> Loss:
        """What is left unheld when ``actors`` (and their members) withdraw."""
        gone = self.closure(actors)
        loss = Loss(gone)
        touched = set().union(*(self.initiatives_of[a] for a in gone)) if gone else set()
        brought = self.sectors_of(gone)
        for initiative in touched:
            before = self.committed[initiative]
            if before <= gone:
                loss.unowned[initiative] = set(before)
                continue
            # set arithmetic, not a count of each leaving actor's sectors: a ranking asks 50,000 times
            there = self.bringing[initiative]
            for sector in brought & there.keys():
                if there[sector] <= gone:  # every actor of that sector there withdrew
                    loss.sectors[initiative, sector] = set(there[sector])
        # a determinant or layer loses its last holder only if every holder withdrew
        for node in set().union(*(self.reached[i] for i in touched)):
            held = self.holders[node]
            if held and held <= gone:
                kind = loss.layers if self.is_layer(node) else loss.determinants
                kind[node] = held
        for law, pushed in self.pushers.items():
            if set(pushed) <= gone:
                loss.laws[law] = set(pushed)
        return loss

    def candidates(self) -> list[str]:
        """Every actor whose withdrawal takes a commitment with it: committed itself, or a group of such."""
        committed = set(self.initiatives_of)
        return sorted(a for a in committed | set(self.members) if self.closure([a]) & committed)
