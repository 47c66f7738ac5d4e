"""The actor network split by sector: Krackhardt's E–I index, modularity, communities.

Works on any networkx graph whose nodes carry ``sector`` (one sector per node) and
``label``, ``sector_label`` and ``quotes`` for the rows, and whose edges carry
``weight``, a whole number (how many initiatives two actors share).
:func:`actor_graph` builds the one for a plan: actors linked when they commit to
the same initiative.

Examples
--------
>>> import networkx as nx
>>> g = nx.Graph()
>>> g.add_nodes_from([("a", {"sector": "x"}), ("b", {"sector": "x"}), ("c", {"sector": "y"})])
>>> g.add_weighted_edges_from([("a", "b", 1), ("b", "c", 1)])
>>> ei_index(g)  # one tie within sector x, one across
0.0

"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from math import log
from operator import itemgetter

import networkx as nx
from networkx.algorithms.community import louvain_communities

from kraftgraf.queries.common import Measure
from kraftgraf.queries.silos.sectors import PlanSectors

__all__ = ["SEED", "Community", "ei_index", "sector_modularity",
           "communities", "nmi", "agreement", "measures", "community_rows", "actor_graph"]

_WEIGHT = itemgetter("weight")
SEED = 1  # Louvain is randomised; a fixed seed gives the same communities on every run


@dataclass(frozen=True)
class Community:
    """A group of actors the community algorithm found, with their primary sectors."""

    community: int
    actors: int
    sectors: str
    members: str
    why: str
    sources: list[str]


@dataclass(frozen=True)
class _Ties:
    """A network's ties by sector, counted in one pass over its edges."""

    counts: dict[bool, list]  # across sectors (True) or within one (False) -> [ties, their summed weight]
    inside: Counter  # sector -> the summed weight of the ties within it
    strength: Counter  # sector -> the summed weighted degree of its nodes
    sectors: list  # every node's sector, sorted, once


def _ties(g: nx.Graph) -> _Ties:
    # Node by node rather than tie by tie (a national plan's network has 57,000 ties, most
    # within a sector): a node's strength is the sum of its weights, its neighbours across
    # sectors are a set difference, and only those are summed one by one; the ties within
    # are the rest.  Each tie is met from both ends (a loop from its one end, so it counts
    # twice), so the counts are halved at the end; the weights are whole numbers (shared
    # initiatives), so the halves are exact.
    sector = nx.get_node_attributes(g, "sector")
    members: dict = {}
    for node, s in sector.items():
        members.setdefault(s, set()).add(node)
    ends = {True: [0, 0], False: [0, 0]}  # across sectors or within one -> [ties, weight], from both ends
    inside: Counter = Counter()
    strength: Counter = Counter()
    for a, nbrs in g.adjacency():
        if not nbrs:
            continue
        s, loop = sector[a], nbrs[a]["weight"] if a in nbrs else 0
        across = nbrs.keys() - members[s]
        total = sum(map(_WEIGHT, nbrs.values())) + loop
        out = sum(nbrs[b]["weight"] for b in across)
        strength[s] += total
        inside[s] += total - out
        ends[True][0] += len(across)
        ends[True][1] += out
        ends[False][0] += len(nbrs) - len(across) + (a in nbrs)
        ends[False][1] += total - out
    return _Ties({k: [n // 2, w // 2] for k, (n, w) in ends.items()},
                 Counter({s: w // 2 for s, w in inside.items()}), strength, sorted(members))


def _ei(ties: _Ties, weighted: bool) -> float | None:
    external, internal = ties.counts[True][weighted], ties.counts[False][weighted]
    return (external - internal) / (external + internal) if external + internal else None


def ei_index(g: nx.Graph, weighted: bool = False) -> float | None:
    """Krackhardt's E–I index (E − I)/(E + I); ``None`` for a graph with no ties.

    E counts ties between nodes of different sectors, I ties within one; with
    ``weighted`` a tie counts its ``weight`` times.
    """
    return _ei(_ties(g), weighted)


def _modularity(ties: _Ties) -> float:
    # networkx's modularity of the partition by sector, term by term in its order (sectors
    # sorted), so that integer weights give its value to the last bit: each sector's inner
    # weight over m, less its squared strength over (2m)².  It walked every sector's edges again.
    total = sum(ties.strength.values())  # 2m
    m, norm = total / 2, 1 / total**2
    return sum(ties.inside[s] / m - ties.strength[s] * ties.strength[s] * norm for s in ties.sectors)


def sector_modularity(g: nx.Graph) -> float | None:
    """Weighted modularity of ``g`` split by sector; ``None`` for a graph with no ties."""
    return _modularity(_ties(g)) if g.number_of_edges() else None


def communities(g: nx.Graph) -> list[set]:
    """Louvain communities (weighted, seed :data:`SEED`), largest first; none without ties."""
    if not g.number_of_edges():
        return []
    return sorted(louvain_communities(g, weight="weight", seed=SEED), key=lambda c: (-len(c), min(c)))


def nmi(a: list, b: list) -> float:
    """Normalised mutual information 2·I(A;B)/(H(A) + H(B)) of two labellings of the same items.

    1 when the labellings group the items alike (also when both put all in one
    group), 0 when one tells nothing about the other.  The arithmetic-mean
    normalisation is scikit-learn's default, so the values compare with its.
    """
    n, pa, pb, pab = len(a), Counter(a), Counter(b), Counter(zip(a, b))
    mutual = sum(k / n * log(k * n / (pa[x] * pb[y])) for (x, y), k in pab.items())
    entropy = sum(-k / n * log(k / n) for k in [*pa.values(), *pb.values()])
    return 2 * mutual / entropy if entropy else 1.0


def agreement(g: nx.Graph, found: list[set]) -> float | None:
    """NMI of the communities ``found`` and the sector partition; ``None`` with no communities."""
    if not found:
        return None
    community = {node: i for i, c in enumerate(found) for node in c}
    return nmi([community[n] for n in g], [g.nodes[n]["sector"] for n in g])


def _rounded(value: float | None) -> float:
    assert value is not None  # called only on a network with ties, where every measure has a value
    return round(value, 3) + 0.0  # + 0.0 turns a rounded −0.0 into 0.0


def _lean(value: float) -> str:
    if value == 0:
        return "as many within sectors as across them"
    return "mostly across sectors" if value > 0 else "mostly within sectors, towards silos"


def measures(g: nx.Graph, found: list[set]) -> list[Measure]:
    """The summary numbers of the network, each with its meaning; none for a graph with no ties."""
    if not g.number_of_edges():
        return []
    ties = _ties(g)
    (cross, shared_cross), (within, shared_within) = ties.counts[True], ties.counts[False]
    base = f"{g.number_of_nodes()} actors with a sector and {g.number_of_edges()} ties"
    ei, weighted, q = map(_rounded, (_ei(ties, False), _ei(ties, True), _modularity(ties)))
    sectors = len(ties.sectors)
    return [
        Measure("E–I index", ei,
                f"−1: actors work only with actors of their own sector (silos); +1: only across sectors. "
                f"Here the ties run {_lean(ei)}.",
                f"{base}: {cross} between actors of different primary sectors, {within} within one.", []),
        Measure("E–I index, weighted", weighted,
                "As above, counting each tie once for every initiative the two actors share: "
                f"the joint work runs {_lean(weighted)}.",
                f"{base}, sharing {shared_cross + shared_within} initiatives pairwise, "
                f"{shared_cross} of them across sectors.", []),
        Measure("Modularity by sector", q,
                "Above about 0.3: ties stay inside sectors far more than chance would (silos); near 0 or "
                "below: the sectors do not split the network. "
                + ("Here they do." if q > 0.3 else "Here they do not."),
                f"Weighted modularity (networkx) of {base}, split into their {sectors} primary sectors.", []),
        Measure("Communities found", len(found),
                "How many groups of actors work mostly with each other, found without looking at sectors.",
                f"Louvain (networkx, seed {SEED}) on the weighted network of {base}.", []),
        Measure("Community–sector agreement (NMI)", _rounded(agreement(g, found)),
                "1: the groups the network falls into are exactly its sectors (work follows sector "
                "lines); 0: the groups have nothing to do with sectors.",
                f"Normalised mutual information 2·I/(H1 + H2) of {len(found)} communities and "
                f"{sectors} sectors.", []),
    ]


def community_rows(g: nx.Graph, found: list[set]) -> list[Community]:
    """One row per community: its size, its members' primary sectors and its members."""
    rows = []
    for number, members in enumerate(found, start=1):
        counts = Counter(g.nodes[a]["sector_label"] for a in members)
        sectors = ", ".join(f"{s} ({n})" for s, n in sorted(counts.items(), key=lambda x: (-x[1], x[0])))
        why = (f"Louvain groups these {len(members)} actors because they share initiatives more with "
               f"each other than with the rest; their primary sectors: {sectors}.")
        quotes = dict.fromkeys(q for a in sorted(members) for q in g.nodes[a]["quotes"])
        rows.append(Community(number, len(members), sectors,
                              "; ".join(sorted(g.nodes[a]["label"] for a in members)), why, list(quotes)))
    return rows


def actor_graph(plan: PlanSectors) -> nx.Graph:
    """Actors with a sector, linked when they carry the same initiative, weighted by how many.

    A group's commitment is carried by its likely owners, by mandate (:meth:`PlanSectors.carriers`);
    a group no member's mandate places there is no node for it.
    """
    g = nx.Graph()
    carried = [[a for a, sectors in plan.carriers(i).items() if sectors] for i in plan.made]  # by initiative
    actors = sorted({a for found in carried for a in found})
    for actor in actors:
        primary = plan.primary(actor)
        g.add_node(actor, label=plan.label(actor), sector=primary, sector_label=plan.label(primary),
                   quotes=plan.cite([actor]))
    # Ties: each actor's initiatives are the bits of one integer, so two actors share as many
    # initiatives as their integers have bits in common.  Pairs come in the order of the
    # actors' IRIs (Louvain, seeded, reads the edges in the order they were added).
    bits = dict.fromkeys(actors, 0)
    for j, found in enumerate(carried):
        bit = 1 << j
        for actor in found:
            bits[actor] |= bit
    held = list(bits.items())
    g.add_weighted_edges_from((a, b, shared) for i, (a, mine) in enumerate(held) for b, theirs in held[i + 1:]
                              if (shared := (mine & theirs).bit_count()))
    return g
