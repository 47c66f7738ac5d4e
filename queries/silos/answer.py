"""silos: how far work stays inside one sector.

An actor's sectors, and the primary sector it counts in, come from its mandates
or its members' (:mod:`kraftgraf.queries.silos.sectors`).  By default a group's
commitment counts for its likely owners by mandate (the members whose mandates cover
the initiative's determinants, as ``query mandates`` finds them), each in the sectors
it matched by; ``by="column"`` counts the group itself with all its members' sectors,
which on the seed plan's three column groups puts every initiative in 4–7 sectors.
The ``grain`` section says when the plan's actors are too coarse for the measures to
mean anything.  An initiative involves the sectors of the actors carrying it; a
determinant layer, those of the initiatives that address its determinants.  The actor network links two actors
that commit to the same initiative, weighted by how many they share; its E–I
index, modularity and communities are in :mod:`kraftgraf.queries.silos.sector_network`.
Actors without a sector are left out of the counts and the network.

Examples
--------
>>> from kraftgraf.graph.store.build import build
>>> kg = build()
>>> round(ei_index(kg, by="column"), 3), round(sector_modularity(kg, by="column"), 3)
(0.333, -0.125)
>>> [r.sector for r in isolated_sectors(kg, by="column")]
['Kultur och fritid']
>>> round(ei_index(kg), 3)  # SKL (no mandate) and Folkhälsomyndigheten (Folkhälsa) own nothing since issue 17
0.179

"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import networkx as nx

from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.queries.backend import Backend
from kraftgraf.queries.basis import basis_section, link_gap, owner_gap, sector_gap
from kraftgraf.queries.common import Measure, Section, listing, short
from kraftgraf.queries.silos import sector_network as net
from kraftgraf.queries.silos.sectors import PlanSectors

__all__ = ["InitiativeSectors", "LayerSectors", "IsolatedSector", "initiative_sectors",
           "single_sector_initiatives", "layer_sectors", "isolated_sectors", "actor_network",
           "ei_index", "sector_modularity", "sections"]


@dataclass(frozen=True)
class InitiativeSectors:
    """The sectors one initiative involves, through the actors committed to it."""

    initiative: str
    actors: int
    sectors: int
    sector_names: str
    why: str
    sources: list[str]


@dataclass(frozen=True)
class LayerSectors:
    """The sectors involved in the initiatives that address one determinant layer."""

    layer: str
    initiatives: int
    sectors: int
    sector_names: str
    why: str
    sources: list[str]


@dataclass(frozen=True)
class IsolatedSector:
    """A sector that shares no initiative with any other sector."""

    sector: str
    initiatives: int
    why: str
    sources: list[str]


def _initiative_rows(plan: PlanSectors) -> list[InitiativeSectors]:
    rows = []
    counted: dict[tuple[str, ...], tuple[str, list[str]]] = {}  # a group's likely owners -> named, quotes
    for initiative, made in sorted(plan.made.items()):
        code, sectors, brought = short(initiative), plan.involved(initiative), plan.carriers(initiative)
        actors, likely = sorted(brought), plan.likely.get(initiative, {})
        # named only for the actors the listing shows: a national initiative has hundreds
        who = listing(actors, show=lambda a, b=brought: f"{plan.label(a)} "
                      f"({plan.names(b[a]) or 'no sector'})")
        for owners in likely.values():  # the same owners for many initiatives: named and cited once
            if owners not in counted:
                counted[owners] = listing(sorted(map(plan.label, owners))), plan.cite(owners)
        by = "".join(f" {plan.label(g)}'s commitment is counted for {counted[o][0]}, likely, by mandate."
                     for g, o in sorted(likely.items()))
        lead = "Committed to" if plan.by == "column" else "Carrying"
        why = (f"{lead} initiative {code}: {who}.{by}" if actors
               else f"Nobody commits to initiative {code}, so it involves no sector.")
        mandates = [q for o in likely.values() for q in counted[o][1]]
        rows.append(InitiativeSectors(code, len(actors), len(sectors), plan.names(sectors), why,
                                      list(dict.fromkeys(plan.cite(made) + mandates))))
    return rows


def initiative_sectors(kg: KnowledgeGraph | Backend, by: str = "owner") -> list[InitiativeSectors]:
    """Every initiative with the sectors of the actors committed to it (nobody: 0 sectors)."""
    return _initiative_rows(PlanSectors(kg, by))


def single_sector_initiatives(kg: KnowledgeGraph | Backend, by: str = "owner") -> list[InitiativeSectors]:
    """Initiatives whose committed actors all hold their mandates in one and the same sector."""
    return [r for r in initiative_sectors(kg, by) if r.sectors == 1]


def _layer_rows(plan: PlanSectors) -> list[LayerSectors]:
    rows = []
    for layer, initiatives in plan.layers.items():
        sectors = set().union(*map(plan.involved, initiatives))
        codes, name = listing(sorted(map(short, initiatives)), limit=12), plan.label(layer)
        why = (f"Initiatives addressing a determinant in '{name}': {codes}; the actors committed to them "
               f"hold mandates in {len(sectors)} sectors." if codes
               else f"No initiative addresses a determinant in '{name}'.")
        rows.append(LayerSectors(name, len(initiatives), len(sectors), plan.names(sectors),
                                 why, plan.cite([layer])))
    return rows


def layer_sectors(kg: KnowledgeGraph | Backend, by: str = "owner") -> list[LayerSectors]:
    """Per Dahlgren–Whitehead layer: the sectors of the actors working on its determinants."""
    return _layer_rows(PlanSectors(kg, by))


def _isolated_rows(plan: PlanSectors) -> list[IsolatedSector]:
    involved: defaultdict[str, set[str]] = defaultdict(set)
    partners: defaultdict[str, set[str]] = defaultdict(set)
    for initiative in plan.made:
        sectors = plan.involved(initiative)
        for s in sectors:
            involved[s].add(short(initiative))
            partners[s] |= sectors - {s}
    rows = []
    for sector in (r["sector"] for r in plan.backend.rows("sectors")):
        if not partners[sector]:
            name, codes = plan.label(sector), listing(sorted(involved[sector]), limit=12)
            why = (f"Every initiative that involves {name} ({codes}) involves no other sector." if codes
                   else f"No actor committed to an initiative holds a mandate in {name}, itself or "
                        "through its members.")
            rows.append(IsolatedSector(name, len(involved[sector]), why, plan.cite([sector])))
    return rows


def isolated_sectors(kg: KnowledgeGraph | Backend, by: str = "owner") -> list[IsolatedSector]:
    """Sectors of the sector scheme that share no initiative with another sector."""
    return _isolated_rows(PlanSectors(kg, by))


def actor_network(kg: KnowledgeGraph | Backend, by: str = "owner") -> nx.Graph:
    """Actors with a sector, linked when they commit to the same initiative.

    Nodes (actor IRIs) carry ``label``, ``sector`` (the primary sector's IRI),
    ``sector_label`` and ``quotes`` (their mandates' sources); edges carry
    ``weight``, the number of initiatives the two actors share.
    """
    return net.actor_graph(PlanSectors(kg, by))


def ei_index(kg: KnowledgeGraph | Backend, weighted: bool = False, by: str = "owner") -> float | None:
    """Krackhardt's E–I index of the actor network by primary sector; ``None`` without ties."""
    return net.ei_index(actor_network(kg, by), weighted)


def sector_modularity(kg: KnowledgeGraph | Backend, by: str = "owner") -> float | None:
    """Weighted modularity of the actor network split by primary sector; ``None`` without ties."""
    return net.sector_modularity(actor_network(kg, by))


def _coarseness(plan: PlanSectors, g: nx.Graph) -> list[Measure]:
    """Whether the plan's actors are fine enough for a silo measure to mean anything, in words."""
    named = plan.column_actors()
    if not named:
        return []
    sectors = len({d["sector"] for _, d in g.nodes(data=True)})
    who = listing(sorted(map(plan.label, named)))
    if len(named) <= 5:
        meaning = (f"Too coarse for a silo measure: the commitments come from {len(named)} actors ({who}), "
                   "groups that span sectors, so on them every initiative spans their members' sectors. ")
        meaning += (f"Above, a group's commitment counts for its likely owners by mandate "
                    f"({g.number_of_nodes()} actors): a reading of mandates, not of who said they would "
                    "work with whom." if plan.by == "owner" else
                    "The measures above are on those groups and mean little; --by owner counts their "
                    "likely owners by mandate instead.")
    else:
        meaning = (f"{len(named)} actors made the commitments: enough for the measures to describe who "
                   "works with whom; a group among them counts through its likely owners by mandate.")
    if g.number_of_nodes() < 4 or sectors < 2:
        meaning += " Too few actors or sectors in the network for the measures below to mean anything."
    why = (f"The plan names {len(named)} committing actors; the network has {g.number_of_nodes()} "
           f"actors in {sectors} primary sectors.")
    return [Measure("Actors that made the commitments", len(named), meaning, why, [])]


def sections(kg: KnowledgeGraph | Backend, by: str = "owner") -> list[Section]:
    """The silos answer: actors, initiatives, layers, network measures, communities, isolated sectors."""
    plan = PlanSectors(kg, by)
    g = net.actor_graph(plan)
    found = net.communities(g)
    initiatives = _initiative_rows(plan)
    spread = ("sectors", "sector_names")
    no_sector = sector_gap(kg, "actors without a sector are left out of the sector counts, the network "
                               "measures and the communities, so a verdict such as 'towards silos' "
                               "rests only on the actors that have one")
    caveat = (f" Only {no_sector.total - no_sector.lacking} of the {no_sector.total} committed actors have a "
              "sector; the others are not counted (see: What this answer rests on).") if no_sector else ""
    return [
        Section("actors", "Sectors of the actors carrying the plan",
                "The sectors each actor holds mandates in (a group without mandates of its own: its "
                "members'), and the primary sector it counts in for the network measures. A group's "
                "commitment counts for its likely owners: members whose mandates cover the initiative.",
                [plan.row(a) for a in plan.committed()], ("actor", "sectors", "primary", "sector_names")),
        Section("initiatives", "Sectors per initiative",
                "How many sectors the actors carrying each initiative bring to it (a group's likely owners: "
                "the sectors they match by): 1 means the work stays inside one sector, 0 that no mandate "
                "places it in any.",
                initiatives, ("initiative", "actors", *spread)),
        Section("single_sector", "Initiatives inside one sector",
                "Initiatives where every committed actor holds its mandates in the same single sector.",
                [r for r in initiatives if r.sectors == 1], ("initiative", "actors", *spread)),
        Section("layers", "Sectors per determinant layer",
                "For each Dahlgren–Whitehead layer, the sectors of the actors committed to initiatives that "
                "address a determinant in it. Few sectors on a layer: one sector carries it alone.",
                _layer_rows(plan), ("layer", "initiatives", *spread)),
        Section("network", "The actor network by sector",
                "Actors are linked when they carry the same initiative; each counts in its primary "
                "sector. E–I = (E − I)/(E + I), E = ties across sectors, I = ties within one." + caveat,
                net.measures(g, found), ("measure", "value", "meaning")),
        Section("grain", "Are the plan's actors fine enough for a silo measure?",
                "A silo measure on a few groups that each span sectors says nothing about silos; "
                "this says how many actors made the commitments and what the measures above rest on.",
                _coarseness(plan, g), ("measure", "value", "meaning")),
        Section("communities", "Communities in the actor network",
                "Groups of actors that share initiatives mostly with each other (Louvain), with their "
                "members' primary sectors: one sector per community would mean sector silos.",
                net.community_rows(g, found), ("community", "actors", "sectors", "members")),
        Section("isolated", "Sectors that share no initiative with another sector",
                "A sector listed here never works on an initiative together with another sector, or has "
                "no committed actor at all.",
                _isolated_rows(plan), ("sector", "initiatives")),
    ] + basis_section(no_sector,
                      owner_gap("an initiative nobody committed to has no sector and no place in the "
                                "network, so the sector counts and measures rest only on the others",
                                plan.made),
                      link_gap(kg, "the layers section counts only initiatives with a "
                                              "determinant link"))
