"""coverage: which Dahlgren–Whitehead layers each actor (or sector) reaches through its commitments.

The columns are the five layers of Dahlgren and Whitehead (1991), innermost
first (``kg:order`` 0–4 in the scheme ``dahlgren-whitehead-1991``):

=================  ===============================================================
column             layer
=================  ===============================================================
age_sex_heredity   Ålder, kön och arv (age, sex and constitutional factors)
lifestyle          Individuella livsstilsfaktorer (individual lifestyle factors)
social_community   Sociala nätverk och gemenskap (social and community networks)
living_working     Levnads- och arbetsförhållanden (living and working conditions)
socioeconomic      Generella socioekonomiska, kulturella och miljömässiga förhållanden
=================  ===============================================================

By actor, a cell counts the distinct initiatives the actor commits to
(``kg:Commitment kg:byActor`` / ``kg:toInitiative``; open commitments do not count)
that address a determinant in the layer: the commitment listing every question shares
joined with ``coverage_layers.rq`` in Python (``coverage_actor_layer.rq`` gives the same
counts in one query, slower).  The rows are the actors with at least one commitment.

By sector, a cell counts the distinct initiatives that address a determinant in the
layer and that an actor counted for the sector commits to.  An actor counts for the
sectors it holds a mandate in; an actor with no mandate of its own (the annex's
column groups and the state) counts for the sectors its direct members hold
mandates in, as in :mod:`kraftgraf.queries.silos.answer`.  The rows are all sectors.  Here
a sector's cell is the union of its actors' cells (``coverage_sector_actors.rq``
says who counts); ``coverage_sector_layer.rq`` gives the same counts in one query.

``total`` counts the distinct initiatives over all layers (an initiative that
addresses two layers counts once), so it can be less than the sum of the cells.
A row's sources are the quotes of the commitments (and, by sector, first the
mandates) behind it, at most :data:`MAX_SOURCES`; ``why`` says when there are more.
``why`` also names, per layer, the initiatives that reach it only through links
that are our reading of the annex row, not stated in it (``kg:confidence``,
``link_confidence.rq``).

Examples
--------
>>> from kraftgraf.graph.store.build import build
>>> kg = build()
>>> [(r.label, r.lifestyle, r.total) for r in coverage_matrix(kg)][-1]
('Staten', 2, 14)
>>> [r.label for r in uncovered_layers(kg)]
['Ålder, kön och arv']

"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from itertools import chain, islice

from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.queries.backend import Backend, backend_of, shared
from kraftgraf.queries.basis import basis_section, link_gap, sector_gap
from kraftgraf.queries.commitments import commitments_of, quotes_of
from kraftgraf.queries.common import Section, cite, listing, short

__all__ = ["LAYER_COLUMNS", "CoverageRow", "UncoveredLayer", "coverage_matrix", "uncovered_layers",
           "sections"]

# The row field of each 1991 layer, by its kg:order.
LAYER_COLUMNS = ("age_sex_heredity", "lifestyle", "social_community", "living_working", "socioeconomic")
MAX_SOURCES = 12  # quotes shown per row; `kraftgraf trace` has them all


@dataclass(frozen=True)
class CoverageRow:
    """One actor or sector: how many initiatives it reaches in each layer, and in all."""

    id: str
    label: str
    age_sex_heredity: int
    lifestyle: int
    social_community: int
    living_working: int
    socioeconomic: int
    total: int
    why: str
    sources: list[str]


@dataclass(frozen=True)
class UncoveredLayer:
    """A layer no actor (or sector) reaches."""

    id: str
    label: str
    order: int
    why: str
    sources: list[str]


@dataclass
class _Grid:
    """What the rows are built from: per actor or sector, the initiatives it reaches per layer."""

    layers: dict[str, int] = field(default_factory=dict)  # layer -> kg:order, innermost first
    labels: dict[str, str] = field(default_factory=dict)  # layer -> its label
    hits: dict[str, dict[str, set]] = field(default_factory=dict)  # row -> layer -> initiatives
    # row -> how many distinct nodes' quotes back it, and the first MAX_SOURCES of them in order
    evidence: dict[str, tuple[int, list]] = field(default_factory=dict)
    actors: dict[str, set] = field(default_factory=dict)  # sector -> the committed actors counted
    read: dict[str, set] = field(default_factory=dict)  # layer -> initiatives it holds by our reading only


def _actor_grid(b: Backend) -> _Grid:
    grid, order = _Grid(), {}
    reach: dict[str, list[str]] = {}  # initiative -> the layers it addresses a determinant in
    for r in b.rows("coverage_layers"):
        if 0 <= r["order"] < len(LAYER_COLUMNS):
            order[r["layer"]] = r["order"]
            if r["initiative"] is not None:  # None: the row that names a layer nothing reaches
                reach.setdefault(r["initiative"], []).append(r["layer"])
    grid.layers = dict(sorted(order.items(), key=lambda kv: kv[1]))
    made: dict[str, dict[str, set]] = {}  # actor -> layer -> its commitments to initiatives there
    for commitment, actor, initiative in commitments_of(b).triples():
        cells = grid.hits.get(actor)
        if cells is None:  # every actor with a commitment is a row, zero cells too
            cells = grid.hits[actor] = {layer: set() for layer in grid.layers}
            made[actor] = {layer: set() for layer in grid.layers}
        for layer in reach.get(initiative, ()):
            cells[layer].add(initiative)
            made[actor][layer].add(commitment)
    for actor, by_layer in made.items():  # layer by layer, innermost first, each layer's sorted
        grid.evidence[actor] = _first(dict.fromkeys(c for layer in grid.layers
                                                    for c in sorted(by_layer[layer])))
    grid.labels = {layer: b.label(layer) for layer in grid.layers}
    grid.read = _read_only(b)
    return grid


def _read_only(b: Backend) -> dict[str, set]:
    """Layer -> the initiatives whose every link into it that says how sure it is is 'our reading'."""
    said: dict[tuple, set] = {}
    for r in b.rows("link_confidence"):
        said.setdefault((r["initiative"], r["layer"]), set()).add(r["confidence"])
    read: dict[str, set] = {}
    for (initiative, layer), confidence in said.items():
        if confidence == {"our reading"}:
            read.setdefault(layer, set()).add(initiative)
    return read


def _sector_grid(b: Backend, by_actor: _Grid) -> _Grid:
    # A sector reaches what the actors counted for it reach: the union of their cells.
    grid = _Grid(by_actor.layers, by_actor.labels, read=by_actor.read)
    mandates: dict[str, list] = {}
    for r in b.rows("coverage_sector_actors"):
        sector, actor = r["sector"], r["actor"]
        cells = grid.hits.setdefault(sector, {layer: set() for layer in grid.layers})
        actors = grid.actors.setdefault(sector, set())
        mandates.setdefault(sector, [])
        if actor in by_actor.hits and any(by_actor.hits[actor].values()):
            mandates[sector] += [r["mandate"]] if r["mandate"] else []
            if actor not in actors:  # a group comes once per member holding a mandate there
                actors.add(actor)
                for layer, initiatives in by_actor.hits[actor].items():
                    cells[layer] |= initiatives
    # The mandates first, then each actor's commitments.  No commitment backs two actors' rows,
    # and a mandate is no commitment: the distinct nodes are the distinct mandates and the
    # actors' own, counted without joining the thousands of commitments of a sector's row.
    for sector, actors in grid.actors.items():
        said = list(dict.fromkeys(mandates[sector]))
        counted = [by_actor.evidence[a] for a in sorted(actors)]
        grid.evidence[sector] = (len(said) + sum(n for n, _ in counted),
                                 [*said, *chain.from_iterable(first for _, first in counted)][:MAX_SOURCES])
    return grid


def _first(nodes: dict) -> tuple[int, list]:
    """How many distinct ``nodes`` there are, and the first :data:`MAX_SOURCES` of them."""
    return len(nodes), list(islice(nodes, MAX_SOURCES))


def _grid(b: Backend, by: str) -> _Grid:
    if by not in ("actor", "sector"):
        raise ValueError(f"by must be 'actor' or 'sector', not {by!r}")
    # the report asks by actor and by sector: the actors' grid, read only after, is built once
    grid = shared(b, ("coverage by actor",), lambda: _actor_grid(b))
    return grid if by == "actor" else _sector_grid(b, grid)


def _row(b: Backend, by: str, grid: _Grid, key: str, known: dict, code: Callable[[str], str]) -> CoverageRow:
    hits, name = grid.hits[key], b.label(key)
    reached = set().union(*hits.values())
    parts = [f"{grid.labels[layer]}: {listing(sorted(map(code, hits[layer])), limit=12)}"
             for layer in grid.layers if hits.get(layer)]
    missing = listing([grid.labels[layer] for layer in grid.layers if not hits.get(layer)])
    read = [f"{grid.labels[layer]}: {listing(sorted(map(code, hits[layer] & grid.read[layer])), limit=12)}"
            for layer in grid.layers if hits.get(layer) and hits[layer] & grid.read.get(layer, set())]
    read_only = f" By our reading only, not stated in the row: {'; '.join(read)}." if read else ""
    who = f"{name} commits"
    if by == "sector":
        actors = listing(sorted(grid.actors[key]), show=lambda a: b.label(a))
        who = f"The actors counted for {name} ({actors}) commit"
    if reached:
        why = (f"{who} to {len(reached)} initiatives that address a "
               f"determinant of health. By layer (annex rows): {'; '.join(parts)}."
               f"{f' Nothing in {missing}.' if missing else ''}{read_only}")
    elif by == "actor":
        why = f"None of the initiatives {name} commits to addresses a determinant of health."
    else:
        why = (f"No actor with a mandate in {name} (itself or through its members) commits to an "
               "initiative that addresses a determinant of health.")
    count, evidence = grid.evidence.get(key, (0, []))
    if count > MAX_SOURCES:  # an aggregate row at national scale rests on thousands of quotes
        why += (f" Sources show {MAX_SOURCES} of the {count} statements behind this row; "
                "`kraftgraf trace` on an actor shows every path with its quote.")
    counts = dict.fromkeys(LAYER_COLUMNS, 0)
    counts.update({LAYER_COLUMNS[order]: len(hits.get(layer, ())) for layer, order in grid.layers.items()})
    return CoverageRow(short(key), name, **counts, total=len(reached), why=why,
                       sources=cite(b, evidence, known))


def _rows(b: Backend, by: str, grid: _Grid) -> list[CoverageRow]:
    # One query for the quotes of every row: a store lookup per node is slow at national scale.
    known = quotes_of(b, [n for key in grid.hits for n in grid.evidence.get(key, (0, []))[1]])
    code = cache(short)  # a national plan's 339 actors name the same 2,000 initiatives 86,000 times
    return [_row(b, by, grid, key, known, code) for key in sorted(grid.hits)]


def coverage_matrix(kg: KnowledgeGraph | Backend, by: str = "actor") -> list[CoverageRow]:
    """Actors (``by="actor"``) or sectors (``by="sector"``) × the five 1991 layers, with counts.

    See the module's docstring for what a cell counts.
    """
    b = backend_of(kg)
    return _rows(b, by, _grid(b, by))


def _uncovered(b: Backend, by: str, grid: _Grid) -> list[UncoveredLayer]:
    who = ("No actor" if by == "actor"
           else "No actor with a mandate in any sector (itself or through its members)")
    out = []
    for layer, order in grid.layers.items():
        if not any(cells.get(layer) for cells in grid.hits.values()):
            label = grid.labels[layer]
            why = f"{who} commits to an initiative that addresses a determinant in '{label}'."
            out.append(UncoveredLayer(short(layer), label, order, why, cite(b, [layer])))
    return out


def uncovered_layers(kg: KnowledgeGraph | Backend, by: str = "actor") -> list[UncoveredLayer]:
    """The 1991 layers that no actor (or no sector) reaches through its commitments."""
    b = backend_of(kg)
    return _uncovered(b, by, _grid(b, by))


def sections(kg: KnowledgeGraph | Backend, by: str = "actor") -> list[Section]:
    """The answer to `kraftgraf query coverage --by actor|sector`: the matrix, then the gaps."""
    b = backend_of(kg)
    grid = _grid(b, by)
    how = ("the actor commits to" if by == "actor" else
           "actors holding a mandate in the sector (themselves or through their members) commit to")
    return [
        Section("coverage", f"{by.capitalize()}s × Dahlgren–Whitehead layers",
                f"Each cell counts the initiatives {how} that address a determinant of health in "
                "that layer (columns innermost first: age, sex and heredity; lifestyle; social and "
                "community networks; living and working conditions; general socio-economic, cultural "
                "and environmental conditions); total counts each initiative once.",
                _rows(b, by, grid), ("label", *LAYER_COLUMNS, "total")),
        Section("uncovered_layers", "Layers nobody covers",
                f"Dahlgren–Whitehead layers that no {by} reaches through the commitments in the plan.",
                _uncovered(b, by, grid), ("label",)),
    ] + basis_section(
        link_gap(b, "an initiative without a link counts in no layer, so a layer may be covered "
                    "although this answer says nobody covers it"),
        sector_gap(b, "actors without a sector are in no row of this table") if by == "sector" else None)
