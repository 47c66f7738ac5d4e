"""The triple count through Oxigraph is rdflib's count, with plans that share triples too."""

from __future__ import annotations

import doctest

import pytest

from kraftgraf.graph.store import counting
from kraftgraf.graph.store.build import build
from kraftgraf.graph.store.plans import add_plan
from kraftgraf.graph.store.synth import write_synth


def test_the_doctest():
    result = doctest.testmod(counting)
    assert result.attempted and not result.failed


def test_triples_held_by_several_graphs_count_once(tmp_path):
    kg = build()
    add_plan(kg, "again", None)  # the bundled plan twice: every plan triple in two graphs
    write_synth(tmp_path / "small.ttl", municipalities=3, regions=2, initiatives=20, seed=5)
    add_plan(kg, "small", tmp_path / "small.ttl")
    assert len(kg.store) > len(kg.dataset)
    assert counting.triple_count(kg.store) == len(kg.dataset)


def test_a_build_over_a_store_it_did_not_write_reads_its_plans(run, tmp_path):
    """With no kept keys (the store copied in from elsewhere) the build reads the old store."""
    write_synth(tmp_path / "small.ttl", municipalities=3, regions=2, initiatives=20, seed=5)
    assert run("build").exit_code == 0 and run("build", "--add", "small.ttl").exit_code == 0
    store = tmp_path / "kraftgraf-store.trig"
    store.write_bytes(store.read_bytes() + b"\n")  # other bytes: no keys kept for them
    refused = run("build")
    assert refused.exit_code == 2 and "holds the plans small, which this build lacks" in refused.output


def test_a_plan_of_several_is_read_through_a_view_of_the_store(tmp_path):
    from rdflib import RDF

    from kraftgraf.graph.store.plans import select_plan
    from kraftgraf.ontology.vocab import KG

    kg = build()
    write_synth(tmp_path / "small.ttl", municipalities=3, regions=2, initiatives=20, seed=5)
    add_plan(kg, "small", tmp_path / "small.ttl")
    view = select_plan(kg, "small")
    assert view.store is not kg.store and len(kg.store) == counting.triple_count(kg.store)
    seed_graph = view.graph("plan/kraftsamling-2019")  # another plan's graph: not in the view
    small = view.graph("plan/small")
    assert len(set(small.subjects(RDF.type, KG.Initiative))) == 20
    assert len(set(view.dataset.subjects(RDF.type, KG.Initiative))) == 20 and len(seed_graph) == 0
    with pytest.raises(TypeError, match="read-only"):
        small.add((KG.Initiative, RDF.type, KG.Initiative))
