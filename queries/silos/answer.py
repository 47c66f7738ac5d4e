"""silos: how far work stays inside one sector.

An actor's sectors, and the primary sector it counts in, come from its mandates
or its members' (:mod:`kraftgraf.queries.silos.sectors`).  An initiative involves the
sectors of the actors committed to it; a determinant layer, those of the
initiatives that address its determinants.  The actor network links two actors
that commit to the same initiative, weighted by how many they share; its E–I
index, modularity and communities are in :mod:`kraftgraf.queries.silos.sector_network`.
Actors without a sector are left out of the counts and the network.

Examples
--------
>>> from kraftgraf.graph.store.build import build
>>> kg = build()
>>> round(ei_index(kg), 3), round(sector_modularity(kg), 3)
(0.333, -0.125)
>>> [r.sector for r in isolated_sectors(kg)]
['Kultur och fritid']

"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import networkx as nx

from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.queries.backend import Backend
from kraftgraf.queries.basis import basis_section, link_gap, sector_gap
from kraftgraf.queries.common import Section, listing, short
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
    for initiative, made in sorted(plan.made.items()):
        actors, code, sectors = sorted(set(made.values())), short(initiative), plan.involved(initiative)
        who = listing(actors, show=lambda a:
                      f"{plan.label(a)} ({plan.names(plan.sectors(a)) or 'no sector'})")
        why = (f"Committed to initiative {code}: {who}." if actors
               else f"Nobody commits to initiative {code}, so it involves no sector.")
        rows.append(InitiativeSectors(code, len(actors), len(sectors), plan.names(sectors), why,
                                      plan.cite(made)))
    return rows


def initiative_sectors(kg: KnowledgeGraph | Backend) -> list[InitiativeSectors]:
    """Every initiative with the sectors of the actors committed to it (nobody: 0 sectors)."""
    return _initiative_rows(PlanSectors(kg))


def single_sector_initiatives(kg: KnowledgeGraph | Backend) -> list[InitiativeSectors]:
    """Initiatives whose committed actors all hold their mandates in one and the same sector."""
    return [r for r in initiative_sectors(kg) if r.sectors == 1]


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


def layer_sectors(kg: KnowledgeGraph | Backend) -> list[LayerSectors]:
    """Per Dahlgren–Whitehead layer: the sectors of the actors working on its determinants."""
    return _layer_rows(PlanSectors(kg))


def _isolated_rows(plan: PlanSectors) -> list[IsolatedSector]:
    involved, partners = defaultdict(set), defaultdict(set)
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


def isolated_sectors(kg: KnowledgeGraph | Backend) -> list[IsolatedSector]:
    """Sectors of the sector scheme that share no initiative with another sector."""
    return _isolated_rows(PlanSectors(kg))


def actor_network(kg: KnowledgeGraph | Backend) -> nx.Graph:
    """Actors with a sector, linked when they commit to the same initiative.

    Nodes (actor IRIs) carry ``label``, ``sector`` (the primary sector's IRI),
    ``sector_label`` and ``quotes`` (their mandates' sources); edges carry
    ``weight``, the number of initiatives the two actors share.
    """
    return net.actor_graph(PlanSectors(kg))


def ei_index(kg: KnowledgeGraph | Backend, weighted: bool = False) -> float | None:
    """Krackhardt's E–I index of the actor network by primary sector; ``None`` without ties."""
    return net.ei_index(actor_network(kg), weighted)


def sector_modularity(kg: KnowledgeGraph | Backend) -> float | None:
    """Weighted modularity of the actor network split by primary sector; ``None`` without ties."""
    return net.sector_modularity(actor_network(kg))


def sections(kg: KnowledgeGraph | Backend) -> list[Section]:
    """The silos answer: actors, initiatives, layers, network measures, communities, isolated sectors."""
    plan = PlanSectors(kg)
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
        Section("actors", "Sectors of the committed actors",
                "The sectors each committed actor holds mandates in (a group without mandates of its own: "
                "its members'), and the primary sector it counts in for the network measures.",
                [plan.row(a) for a in plan.committed()], ("actor", "sectors", "primary", "sector_names")),
        Section("initiatives", "Sectors per initiative",
                "How many sectors the actors committed to each initiative hold mandates in: 1 means the "
                "work stays inside one sector, 0 that no actor with a sector has committed.",
                initiatives, ("initiative", "actors", *spread)),
        Section("single_sector", "Initiatives inside one sector",
                "Initiatives where every committed actor holds its mandates in the same single sector.",
                [r for r in initiatives if r.sectors == 1], ("initiative", "actors", *spread)),
        Section("layers", "Sectors per determinant layer",
                "For each Dahlgren–Whitehead layer, the sectors of the actors committed to initiatives that "
                "address a determinant in it. Few sectors on a layer: one sector carries it alone.",
                _layer_rows(plan), ("layer", "initiatives", *spread)),
        Section("network", "The actor network by sector",
                "Actors are linked when they commit to the same initiative; each counts in its primary "
                "sector. E–I = (E − I)/(E + I), E = ties across sectors, I = ties within one." + caveat,
                net.measures(g, found), ("measure", "value", "meaning")),
        Section("communities", "Communities in the actor network",
                "Groups of actors that share initiatives mostly with each other (Louvain), with their "
                "members' primary sectors: one sector per community would mean sector silos.",
                net.community_rows(g, found), ("community", "actors", "sectors", "members")),
        Section("isolated", "Sectors that share no initiative with another sector",
                "A sector listed here never works on an initiative together with another sector, or has "
                "no committed actor at all.",
                _isolated_rows(plan), ("sector", "initiatives")),
    ] + basis_section(no_sector, link_gap(kg, "the layers section counts only initiatives with a "
                                              "determinant link"))
