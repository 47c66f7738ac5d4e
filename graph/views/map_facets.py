"""What the map's filters and side panel know of each node: its goals, layers, sectors and gap flags.

The filters agree with the questions.  A layer keeps what `kraftgraf query
coverage` counts for it: the initiatives that address a determinant in that
layer, the determinants of that layer, the commitments and actors behind those
initiatives (an actor's count of visible initiatives is its coverage cell), the
sectors of those actors, and the focus areas, goals and laws around them.
Everything is derived from the initiatives, so the three filters work alike.
"""

from __future__ import annotations

from collections import defaultdict

import networkx as nx

__all__ = ["FACETS", "facets", "gap_flags", "codes"]

FACETS = ("goals", "layers", "sectors")
_ITEMS = ("Commitment", "OpenCommitment")


class _Links:
    """Each node's links by relation, both ways, read once: a group of 290 members has thousands."""

    def __init__(self, g: nx.MultiDiGraph):
        self.outs: dict[tuple[str, str], list[str]] = defaultdict(list)
        self.ins: dict[tuple[str, str], list[str]] = defaultdict(list)
        for s, o, rel in g.edges(keys=True):
            self.outs[(s, rel)].append(o)
            self.ins[(o, rel)].append(s)
        self.memo: dict[str, set[str]] = {}

    def out(self, n: str, rel: str) -> list[str]:
        return self.outs.get((n, rel), [])

    def into(self, n: str, rel: str) -> list[str]:
        return self.ins.get((n, rel), [])

    def mandates(self, actor: str, seen: frozenset = frozenset()) -> set[str]:
        """An actor's sectors: its own mandates, else its members' (a group without mandates of its own)."""
        if actor in self.memo:
            return self.memo[actor]
        own = set(self.out(actor, "hasMandateIn"))
        if not own and actor not in seen:
            own = {s for m in self.out(actor, "hasMember") for s in self.mandates(m, seen | {actor})}
        self.memo[actor] = own
        return own


def facets(g: nx.MultiDiGraph) -> dict[str, dict[str, set[str]]]:
    """Per node, the goals, layers and sectors (by label) it belongs to, for the page's filters."""
    links = _Links(g)
    _out, _in = links.out, links.into

    def _mandates(actor: str) -> set[str]:
        return links.mandates(actor)

    label = {n: d["label"] for n, d in g.nodes(data=True)}
    kind = {n: d["kind"] for n, d in g.nodes(data=True)}
    f: dict[str, dict[str, set[str]]] = {n: {k: set() for k in FACETS} for n in g}
    actors_of: dict[str, set[str]] = defaultdict(set)  # initiative -> actors committed to it
    for n in g:
        if kind[n] in _ITEMS:
            for i in _out(n, "toInitiative"):
                if kind[n] == "Commitment":
                    actors_of[i] |= set(_out(n, "byActor"))
        elif kind[n] == "Initiative":
            actors_of[n] |= set(_out(n, "commits")) | set(_in(n, "commits"))
    for n in g:  # the initiatives first: everything else follows from them
        if kind[n] != "Initiative":
            continue
        f[n]["goals"] = {label[goal] for fa in _out(n, "inFocusArea") for goal in _out(fa, "partOf")}
        f[n]["layers"] = {label[layer] for det in _out(n, "addresses") for layer in _out(det, "layer")}
        f[n]["sectors"] = {label[s] for a in actors_of[n] for s in _mandates(a)}
    for n in g:
        k = kind[n]
        if k == "Goal":
            f[n]["goals"].add(label[n])
        elif k == "DeterminantLayer":
            f[n]["layers"].add(label[n])
        elif k == "Sector":
            f[n]["sectors"].add(label[n])
        elif k == "Determinant":
            f[n]["layers"] = {label[layer] for layer in _out(n, "layer")}
            f[n]["sectors"] = {label[s] for s in _out(n, "inSector")}
        elif g.nodes[n].get("actor"):
            f[n]["sectors"] = {label[s] for s in _mandates(n)}
    # node -> initiatives whose goals and layers (and sectors) it takes
    spread: defaultdict[str, set[str]] = defaultdict(set)
    for n in g:
        k = kind[n]
        if k in _ITEMS:
            spread[n] |= set(_out(n, "toInitiative"))
        elif k == "FocusArea":
            spread[n] |= set(_in(n, "inFocusArea"))
        elif k == "Determinant":
            spread[n] |= set(_in(n, "addresses"))
        elif k == "Law":
            spread[n] |= {i for s in _in(n, "requiresChangeTo")
                          for i in ([s] if kind[s] == "Initiative" else _out(s, "toInitiative"))}
    for i, actors in actors_of.items():
        for a in actors:
            spread[a].add(i)
    for n, initiatives in spread.items():
        for i in initiatives:
            f[n]["goals"] |= f[i]["goals"]
            if kind[n] != "Determinant":
                f[n]["layers"] |= f[i]["layers"]
            if kind[n] in ("FocusArea", "Law", "Determinant"):
                f[n]["sectors"] |= f[i]["sectors"]
        if kind[n] in _ITEMS:  # a commitment is in its actor's sectors, not every sector on the row
            f[n]["sectors"] = {label[s] for a in _out(n, "byActor") for s in _mandates(a)}
    for n in g:  # a group's members stay with the group they act through
        if g.nodes[n].get("actor"):
            for m in _out(n, "hasMember"):
                f[m]["goals"] |= f[n]["goals"]
                f[m]["layers"] |= f[n]["layers"]
    for n in g:
        k = kind[n]
        if k == "Goal":
            for fa in _in(n, "partOf"):
                f[n]["layers"] |= f[fa]["layers"]
                f[n]["sectors"] |= f[fa]["sectors"]
        elif k == "DeterminantLayer":
            for det in _in(n, "layer"):
                f[n]["goals"] |= f[det]["goals"]
                f[n]["sectors"] |= f[det]["sectors"]
        elif k == "Sector":
            for a in (x for x in g if g.nodes[x].get("actor") and label[n] in f[x]["sectors"]):
                f[n]["goals"] |= f[a]["goals"]
                f[n]["layers"] |= f[a]["layers"]
    return f


def gap_flags(g: nx.MultiDiGraph, unowned: set[str]) -> dict[str, list[str]]:
    """The gap flags a node carries, in Swedish words for the panel."""
    links = _Links(g)
    _out, _in = links.out, links.into
    flags: dict[str, list[str]] = defaultdict(list)
    for n, d in g.nodes(data=True):
        k = d["kind"]
        if n in unowned:
            flags[n].append("inget åtagande: ingen aktör har åtagit sig initiativet")
        elif k == "Initiative":
            actors = {a for c in _in(n, "toInitiative") if g.nodes[c]["kind"] == "Commitment"
                      for a in _out(c, "byActor")}
            if len(actors) == 1:
                flags[n].append("en enda aktör bär initiativet")
        if k == "Determinant" and not _in(n, "addresses"):
            flags[n].append("inget initiativ når bestämningsfaktorn")
        if k == "OpenCommitment":
            flags[n].append("öppet åtagande: planen skrev bara ”…”")
        if k == "Initiative" and not _out(n, "addresses"):
            flags[n].append("når ingen bestämningsfaktor")
    return flags


def codes(g: nx.MultiDiGraph) -> dict[str, str]:
    """The code the CLI prints for a node: A1 for an initiative, C for a focus area, 2 for a goal."""
    out = {}
    for n, d in g.nodes(data=True):
        if d["kind"] in ("Initiative", "FocusArea", "Goal", "Commitment", "OpenCommitment"):
            out[n] = n.rsplit("/", 1)[-1]
    return out
