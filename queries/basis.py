"""What an answer rests on: how many of the plan's items lack the links, sectors or mandates it reads.

A question that counts determinants, layers or sectors can only count what the
plan has: an imported plan often has no determinant link yet, and its new actors
no sector.  An answer computed from what is left looks confident and is not, so
the questions that read links or sectors add a section ``basis``: one row per gap
("12 of 12 initiatives have no determinant link yet"), what it means for this
answer, and what to do about it.  No gap, no rows and no section (on the seed plan
only silos has one: the six initiatives nobody committed to).

It reads the texts the questions already read (``initiatives_in_order``,
``silos_initiative_layers``, ``sectors_by_actor``, ``commitments``), so it answers
alike on the store and on a Neo4j or FalkorDB backend.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the registry imports BASIS_COLUMNS: listing the questions stays cheap
    from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
    from kraftgraf.queries.backend import Backend
    from kraftgraf.queries.common import Section

__all__ = ["Basis", "BASIS_COLUMNS", "NO_OWNER", "unlinked_initiatives", "link_gap", "sector_gap",
           "owner_gap", "basis_section"]

BASIS_COLUMNS = ("what", "lacking", "total", "meaning")


@dataclass(frozen=True)
class Basis:
    """One gap in what an answer reads: ``lacking`` of ``total`` items, and what it means."""

    what: str
    lacking: int
    total: int
    meaning: str
    why: str
    sources: list[str]


def unlinked_initiatives(kg: KnowledgeGraph | Backend) -> tuple[list[str], int]:
    """(the initiatives, as IRIs, that address no determinant; how many initiatives there are)."""
    from kraftgraf.queries.backend import backend_of

    b = backend_of(kg)
    every = [r["initiative"] for r in b.rows("initiatives_in_order")]
    linked = {r["initiative"] for r in b.rows("silos_initiative_layers") if r["initiative"]}
    return [i for i in every if i not in linked], len(every)


def link_gap(kg: KnowledgeGraph | Backend, meaning: str) -> Basis | None:
    """The initiatives without a determinant link, when there are any; ``meaning``: for this answer."""
    from kraftgraf.queries.common import listing, short

    lacking, total = unlinked_initiatives(kg)
    if not lacking:
        return None
    codes = [short(i) for i in lacking]
    what = f"{len(lacking)} of {total} initiatives have no determinant link yet"
    advice = "run `kraftgraf suggest` (with --plan KEY) and confirm links with --accept"
    return Basis(what, len(lacking), total, f"{meaning}; {advice}",
                 f"{what}: {listing(codes)}. {meaning}.", [])


def sector_gap(kg: KnowledgeGraph | Backend, meaning: str, committed=None) -> Basis | None:
    """The committed actors with no sector (no mandate, nor members with one), when there are any.

    ``committed``: the actors that made a commitment, when the caller has read them already.
    """
    from kraftgraf.queries.backend import backend_of
    from kraftgraf.queries.commitments import commitments_of
    from kraftgraf.queries.common import listing
    from kraftgraf.queries.silos.sectors import SectorIndex

    b = backend_of(kg)
    if committed is None:  # the actors of the commitments to the plan's initiatives
        initiatives = {r["initiative"] for r in b.rows("initiatives_in_order")}
        made = commitments_of(b)
        committed = {a for a, i in zip(made.actor, made.initiative) if i in initiatives}
    committed = sorted(committed)
    index = SectorIndex(b)
    lacking = [a for a in committed if not index.sectors(a)]
    if not lacking:
        return None
    names = sorted(b.label(a) for a in lacking)
    what = f"{len(lacking)} of {len(committed)} committed actors have no sector (no mandate)"
    advice = "give them sectors in the sheet Aktörer (column Sektorer) and import it again"
    return Basis(what, len(lacking), len(committed), f"{meaning}; {advice}",
                 f"{what}: {listing(names)}. {meaning}.", [])


NO_OWNER = "initiatives have no commitment by any actor"  # the end of an owner gap's sentence


def owner_gap(meaning: str, made: dict) -> Basis | None:
    """The initiatives no actor has committed to, when there are any.

    ``made``: initiative IRI -> its commitments, as the caller has read them.
    """
    from kraftgraf.queries.common import listing, short

    lacking = sorted(short(i) for i, commitments in made.items() if not commitments)
    if not lacking:
        return None
    what = f"{len(lacking)} of {len(made)} {NO_OWNER}"
    advice = "fill in the sheet's actor columns and import it again (`kraftgraf query unowned` lists them)"
    return Basis(what, len(lacking), len(made), f"{meaning}; {advice}",
                 f"{what}: {listing(lacking)}. {meaning}.", [])


def basis_section(*gaps: Basis | None) -> list[Section]:
    """The section ``basis`` when some gap is there, else nothing."""
    from kraftgraf.queries.common import Section

    rows = [g for g in gaps if g is not None]
    if not rows:
        return []
    return [Section("basis", "What this answer rests on",
                    "Items of the plan this answer cannot see: it counts only what is linked, so read "
                    "its figures as a lower bound until these are filled in.", rows, BASIS_COLUMNS)]
