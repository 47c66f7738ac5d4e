"""unowned: initiatives nobody took on, initiatives that lack one actor, single owners, orphan determinants.

The expected answers are what a careful reader of the memo's annex (Bilaga 1,
seed memo lines 190–245) finds; the annex has three actor columns: "Vad kommuner
och regioner i samarbete med SKL kan göra" (K&R), "Vad staten kan göra" and
"Vad civilsamhället kan göra".
"""

from __future__ import annotations

from collections import defaultdict

import pytest
from rdflib import RDF, Literal, URIRef
from rdflib.namespace import SKOS

from kraftgraf.errors import NotFoundError
from kraftgraf.graph.store.build import build
from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.ontology.vocab import KG, actor_iri, determinant_iri, plan_item
from kraftgraf.queries.common import rq_text, run_rq, short
from kraftgraf.queries.unowned.answer import (
    initiatives_lacking,
    is_unowned,
    lacking_rows,
    number_of_unowned_initiatives,
    orphan_determinants,
    sections,
    single_actor_initiatives,
    unowned_initiatives,
)

KR = "Kommuner och regioner i samarbete med SKL"
ACTORS = "https://w3id.org/kraftgraf/id/actor/"


@pytest.fixture(scope="module")
def kg():
    return build()


def test_initiatives_nobody_committed_to(kg):
    # Rows C4 "Koordinera insatser…", C5 "Stöd till ledning och styrning", C6 "Ett ledarskap
    # som främjar samverkan" and H3 "Medarbetare inom hälso- och sjukvården…" have "..." in all
    # three actor columns; I4 and I5 have "• ..." (I5 "• .." for the state).  Every other row
    # has at least one real bullet; D1 lacks its civil-society cell but K&R and the state commit.
    rows = unowned_initiatives(kg)
    assert [r.code for r in rows] == ["C4", "C5", "C6", "H3", "I4", "I5"]
    assert all(r.open_slots == 3 for r in rows)
    assert number_of_unowned_initiatives(kg) == 6
    assert is_unowned(kg, "c4") and not is_unowned(kg, "D1")
    assert is_unowned(kg, plan_item("kraftsamling-2019", "initiative", "I5"))  # an IRI as it is
    c4 = rows[0]
    assert c4.label == "Koordinera insatser, funktioner behövs som stöd"
    assert "Row C4" in c4.why and "Staten" in c4.why and KR in c4.why and "“...”" in c4.why
    assert c4.sources == ["Koordinera insatser, funktioner behövs som stöd", "..."]
    assert "“• ..” or" in rows[-1].why or "or “• ..”" in rows[-1].why  # I5: the state's "• .."


def test_initiatives_without_the_state(kg):
    # The state's column holds a real bullet in A1, A2, B1, C1–C3, D1, D6, E1, E2, G2, G3, H1,
    # I1; in every other row it holds a placeholder, so each of those is an open slot.
    rows = initiatives_lacking(kg, "Staten")
    assert [r.code for r in rows] == ["A3", "B2", "B3", "C4", "C5", "C6", "D2", "D3", "D4", "D5",
                                      "F1", "G1", "G4", "H2", "H3", "I2", "I3", "I4", "I5"]
    assert {r.status for r in rows} == {"open slot"}
    assert rows[0].why.startswith("Row A3 of the annex has only “...” in the column of Staten")


def test_civil_society_lacks_d1_because_its_cell_is_missing(kg):
    # D1's row in the annex ends after the state's cell: no civil-society cell, no placeholder.
    rows = {r.code: r for r in initiatives_lacking(kg, "civilsamhället")}
    assert rows["D1"].status == "no commitment"
    assert "neither a commitment nor a placeholder" in rows["D1"].why
    assert [c for c, r in rows.items() if r.status != "open slot"] == ["D1"]
    # Civil society commits in A1, A2, C1, C3, E1, E2 and G1 only.
    assert len(rows) == 33 - 7


def test_members_reach_initiatives_through_their_group(kg):
    # SKL has no column of its own: it is in K&R, which commits everywhere but C4–C6, H1
    # (a placeholder), H3, I4 and I5.  Those it lacks outright; the rest it reaches via K&R.
    rows = initiatives_lacking(kg, "SKR")  # an alias of SKL
    assert len(rows) == 33
    assert [r.code for r in rows if r.status == "no commitment"] == ["C4", "C5", "C6", "H1", "H3", "I4", "I5"]
    via = [r for r in rows if r.status == "via group"]
    assert len(via) == 26 and {r.via for r in via} == {KR}
    assert via[0].sources[1].startswith("Ta initiativ till att ramverket tas fram")  # K&R's A1 bullet
    # Uppdrag Psykisk Hälsa belongs to SKL, which belongs to K&R: membership carries through.
    assert [r.code for r in initiatives_lacking(kg, "UPH") if r.status == "via group"] == \
        [r.code for r in via]
    # An agency reaches the state's commitments: the 14 rows where the state has a bullet.
    agency = initiatives_lacking(kg, "Socialstyrelsen")
    assert sum(r.status == "via group" and r.via == "Staten" for r in agency) == 14


def test_initiatives_held_by_one_actor(kg):
    # Only K&R has a bullet in A3, B2, B3, D2–D5, F1, G4, H2, I2 and I3 (the other two cells hold
    # "..." or "•"); only the state in H1 ("Se över och ev. uppdatera innehållet i utbildningar…").
    rows = single_actor_initiatives(kg)
    assert [(r.code, r.actor) for r in rows] == [
        (code, KR) for code in ("A3", "B2", "B3", "D2", "D3", "D4", "D5", "F1", "G4")
    ] + [("H1", "Staten"), ("H2", KR), ("I2", KR), ("I3", KR)]
    assert all(r.commitments == 1 for r in rows)
    h1 = rows[9]
    assert "Only Staten commits to row H1" in h1.why and "Se över och ev. uppdatera" in h1.sources


def test_determinants_nobody_holds(kg):
    # No initiative addresses agriculture and food, or water and sanitation (data/
    # determinant_links.csv), and neither sits in a sector (data/determinant_sectors.csv).
    # Housing and the environment are not addressed either, but they sit in urban planning,
    # where the municipalities hold a mandate through the Planning and Building Act.
    rows = orphan_determinants(kg)
    assert [(r.id, r.layer) for r in rows] == [
        ("jordbruk-och-livsmedel", "Levnads- och arbetsförhållanden"),
        ("vatten-och-sanitet", "Levnads- och arbetsförhållanden")]
    assert "it sits in no sector where an actor holds a mandate" in rows[1].why


def test_a_determinant_with_no_links_at_all():
    kg = build()
    new = determinant_iri("test-only")
    kg.graph("test").add((new, RDF.type, KG.Determinant))
    kg.graph("test").add((new, SKOS.prefLabel, Literal("Provdeterminant", lang="sv")))
    row = next(r for r in orphan_determinants(kg) if r.id == "test-only")
    assert row.label == "Provdeterminant" and row.layer == "" and row.sources == []


def test_unknown_names_say_the_closest(kg):
    with pytest.raises(NotFoundError, match="closest: 'Staten'"):
        initiatives_lacking(kg, "Statn")
    with pytest.raises(NotFoundError, match="no initiative called 'Z9'"):
        is_unowned(kg, "Z9")


def test_an_empty_store_gives_empty_answers():
    kg = KnowledgeGraph()
    kg.add_ontology()
    assert unowned_initiatives(kg) == [] and single_actor_initiatives(kg) == []
    assert number_of_unowned_initiatives(kg) == 0
    # With no plan, every determinant of the ontology is unaddressed and unheld.
    assert len(orphan_determinants(kg)) == 18
    assert [s.rows for s in sections(kg)][:2] == [[], []]
    with pytest.raises(NotFoundError):
        sections(kg, actor="Staten")


def test_sections(kg):
    parts = sections(kg)
    assert [s.key for s in parts] == ["unowned", "single_actor", "orphan_determinants"]
    for s in parts:
        assert s.title and s.explanation and s.rows
        assert all(hasattr(s.rows[0], c) for c in s.columns)
    (lacking,) = sections(kg, actor="staten")
    assert lacking.key == "lacking" and "Staten" in lacking.title and len(lacking.rows) == 19


# --- the same rows from SPARQL, and from the networkx projection -------------------------

def by_projection(kg):
    """The four answers computed on the projection, independently of the .rq texts."""
    p = kg.projection()
    kind = {n: d["kind"] for n, d in p.nodes(data=True)}
    made, slots = defaultdict(set), defaultdict(set)
    for c in (n for n, k in kind.items() if k in ("Commitment", "OpenCommitment")):
        target = {r: o for _, o, r in p.out_edges(c, keys=True)}
        (made if kind[c] == "Commitment" else slots)[target["toInitiative"]].add(target["byActor"])
    initiatives = [n for n, k in kind.items() if k == "Initiative"]
    addressed = {o for _, o, r in p.edges(keys=True) if r == "addresses"}
    held = {o for _, o, r in p.edges(keys=True) if r == "hasMandateIn"}
    orphans = {n for n, k in kind.items() if k == "Determinant" and n not in addressed
               and not any(r == "inSector" and o in held for _, o, r in p.out_edges(n, keys=True))}

    def lacking(actor):
        groups, todo = set(), [actor]  # every group the actor belongs to, directly or not
        while todo:
            for group, _, rel in p.in_edges(todo.pop(), keys=True):
                if rel == "hasMember" and group not in groups:
                    groups.add(group)
                    todo.append(group)
        return {(short(i), "via group" if made[i] & groups else "open slot" if actor in slots[i]
                 else "no commitment") for i in initiatives if actor not in made[i]}

    return {
        "unowned": {(short(i), len(slots[i])) for i in initiatives if not made[i]},
        "single": {(short(i), kg.label(URIRef(a)))
                   for i in initiatives if len(made[i]) == 1 for a in made[i]},
        "lacking": {a: lacking(ACTORS + a) for a in ("staten", "skl")},
        "orphans": {short(d) for d in orphans},
    }


def by_sparql(kg):
    return {
        "unowned": {(short(r["initiative"]), r["open_slots"])
                    for r in run_rq(kg, rq_text("unowned_initiatives"))},
        "single": {(short(r["initiative"]), kg.label(URIRef(r["actor"])))
                   for r in run_rq(kg, rq_text("single_actor_initiatives"))},
        "lacking": {a: {(short(r["initiative"]), r["status"]) for r in run_rq(
            kg, rq_text("initiatives_lacking_actor"), actor=URIRef(ACTORS + a))} for a in ("staten", "skl")},
        "orphans": {short(r["determinant"]) for r in run_rq(kg, rq_text("orphan_determinants"))},
    }


def by_python(kg):
    return {
        "unowned": {(r.code, r.open_slots) for r in unowned_initiatives(kg)},
        "single": {(r.code, r.actor) for r in single_actor_initiatives(kg)},
        "lacking": {a: {(r.code, r.status) for r in initiatives_lacking(kg, a)} for a in ("staten", "skl")},
        "orphans": {r.id for r in orphan_determinants(kg)},
    }


def same_answers(kg):
    python = by_python(kg)
    assert python == by_sparql(kg) == by_projection(kg)
    return python


def test_python_sparql_and_projection_agree_on_the_seed_plan(kg):
    assert len(same_answers(kg)["single"]) == 13


def test_python_sparql_and_projection_agree_on_a_synthetic_plan(synthetic):
    assert all(same_answers(synthetic).values())  # every question has answers there


def _as_sets(rows):
    # GROUP_CONCAT lists IRIs in no set order: compare them as sorted lists.
    return [{k: sorted(v.split()) if k in ("groups", "commitments", "slots") else v for k, v in r.items()}
            for r in rows]


@pytest.mark.parametrize("actor", ["staten", "skl", "civilsamhallet", "uppdrag-psykisk-halsa",
                                   "socialstyrelsen", "kommuner-och-regioner"])
def test_the_python_rows_are_the_sparql_rows(kg, actor):
    sparql = run_rq(kg, rq_text("initiatives_lacking_actor"), actor=actor_iri(actor))
    assert sparql and _as_sets(lacking_rows(kg, actor_iri(actor))) == _as_sets(sparql)


def test_the_python_rows_are_the_sparql_rows_on_a_synthetic_plan(synthetic):
    for actor in ("staten", "kommun-001", "region-uppsala", "skl", "kommunerna"):
        sparql = run_rq(synthetic, rq_text("initiatives_lacking_actor"), actor=actor_iri(actor))
        assert sparql and _as_sets(lacking_rows(synthetic, actor_iri(actor))) == _as_sets(sparql), actor
