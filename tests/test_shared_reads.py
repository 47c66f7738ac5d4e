"""Listings read once while the store is unchanged (the report's nine questions), never across stores.

:meth:`KnowledgeGraph.unchanged` lets every question asked in the block share the
rows of the shipped queries.  What is shared must belong to that store object
alone: a view of one plan of the same store, another store, a write, or the end
of the block must each give rows read afresh.
"""

from __future__ import annotations

import pytest
from rdflib import RDF, Literal
from rdflib.namespace import SKOS

import kraftgraf.queries.common as common
from kraftgraf.graph.store.build import build
from kraftgraf.graph.store.plans import add_plan, select_plan
from kraftgraf.graph.store.synth import write_synth
from kraftgraf.ontology.vocab import KG, plan_item
from kraftgraf.queries.backend import Embedded

SEED = "kraftsamling-2019"


@pytest.fixture(scope="module")
def two(tmp_path_factory):
    """The bundled plan and a small synthetic one in one store."""
    path = tmp_path_factory.mktemp("shared") / "small.ttl"
    write_synth(path, municipalities=4, regions=2, initiatives=12, seed=7)
    return add_plan(build(), "small", path)


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """The texts the store is asked, one entry per query run."""
    asked: list[str] = []

    def counting(run):
        def counted(kg, text, **bindings):
            asked.append(text)
            return run(kg, text, **bindings)
        return counted

    for name in ("run_rq", "run_rq_rows"):  # rows as dicts, or as tuples (the commitment listing)
        monkeypatch.setattr(common, name, counting(getattr(common, name)))
    return asked


def initiatives(kg) -> list[str]:
    return [r["initiative"] for r in Embedded(kg).rows("initiatives_in_order")]


def test_in_the_block_a_listing_is_read_once_and_each_reader_gets_its_own_rows(seed_kg, reads):
    with seed_kg.unchanged():
        first = Embedded(seed_kg).rows("initiatives_in_order")
        first[0]["initiative"] = "changed by one reader"
        second = Embedded(seed_kg).rows("initiatives_in_order")
    assert len(reads) == 1
    assert second[0]["initiative"] != "changed by one reader" and len(second) == len(first) > 30
    initiatives(seed_kg)  # after the block: read again
    assert len(reads) == 2


def test_values_bound_are_part_of_what_is_shared(seed_kg, reads):
    c1, d1 = plan_item(SEED, "initiative", "C1"), plan_item(SEED, "initiative", "D1")
    with seed_kg.unchanged():
        for node in (c1, d1, c1):
            Embedded(seed_kg).rows("unowned_initiatives", initiative=node)
    assert len(reads) == 2


def test_a_view_of_one_plan_never_gets_the_rows_of_the_store_or_of_another_plan(two, reads):
    alone = {key: initiatives(select_plan(two, key)) for key in (SEED, "small")}
    every = initiatives(two)
    assert len(alone[SEED]) + len(alone["small"]) == len(every)
    seed_view, small_view = select_plan(two, SEED), select_plan(two, "small")
    with two.unchanged(), seed_view.unchanged(), small_view.unchanged():
        for _ in range(2):  # the second time from what each shares
            assert initiatives(two) == every
            assert initiatives(seed_view) == alone[SEED]
            assert initiatives(small_view) == alone["small"]
    assert len(reads) == 3 + 3  # three before the block, then one each for the store and its two views


def test_another_store_with_the_same_listing_reads_its_own(seed_kg, two, reads):
    with seed_kg.unchanged(), two.unchanged():
        assert len(initiatives(seed_kg)) < len(initiatives(two))


def test_a_write_in_the_block_drops_what_was_read():
    kg = build()
    with kg.unchanged():
        before = initiatives(kg)
        new = plan_item(SEED, "initiative", "Z9")
        plan = kg.graph(f"plan/{SEED}")
        plan.add((new, RDF.type, KG.Initiative))
        plan.add((new, SKOS.prefLabel, Literal("Ett nytt initiativ", lang="sv")))
        assert sorted(initiatives(kg)) == sorted(before + [str(new)])


def test_a_label_is_looked_up_once_in_the_block_and_never_for_another_view(two):
    small = select_plan(two, "small")
    seed_view = select_plan(two, SEED)
    node = next(iter(initiatives(small)))  # an initiative of the small plan only: no label in the seed's view
    named = Embedded(two).label(node)
    assert named == Embedded(small).label(node) != Embedded(seed_view).label(node)
    with two.unchanged(), small.unchanged(), seed_view.unchanged():
        for view in (seed_view, two, small, seed_view):
            assert (Embedded(view).label(node) == named) == (view is not seed_view)
        assert Embedded(two).label is Embedded(two).label  # one lookup table for every question
    assert Embedded(two).label is not Embedded(two).label  # after the block, each its own again


def test_the_questions_that_read_every_commitment_read_them_once_in_the_block(seed_kg, reads):
    from kraftgraf.queries.commitments import commitments_of
    from kraftgraf.queries.common import rq_text
    from kraftgraf.queries.registry import question

    listing, alone = rq_text("commitments"), []
    for name, options in ASKED:  # out of the block: each question reads them once, for all its parts
        before = reads.count(listing)
        alone.append(question(name).ask(seed_kg, **options))
        assert reads.count(listing) - before == (0 if name == "trace" else 1), name  # trace: all linked
    with seed_kg.unchanged():
        together = [question(name).ask(seed_kg, **options) for name, options in ASKED]
        assert commitments_of(seed_kg) is commitments_of(seed_kg)
    assert reads.count(listing) == len(ASKED)  # the six before, and one for all in the block
    assert together == alone
    assert commitments_of(seed_kg) is not commitments_of(seed_kg)  # after the block, read afresh


# every question that starts from the commitment listing (the basis of most of them too)
ASKED = [("whatif", {"rank": True}), ("mandates", {}), ("silos", {}), ("overlaps", {}),
         ("coverage", {"by": "actor"}), ("coverage", {"by": "sector"}), ("trace", {"name": "Staten"})]
