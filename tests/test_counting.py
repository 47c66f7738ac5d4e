"""The triple count through Oxigraph is rdflib's count, with plans that share triples too."""

from __future__ import annotations

import doctest

from kraftgraf.graph.store import counting
from kraftgraf.graph.store.build import build
from kraftgraf.graph.store.plans import add_plan
from kraftgraf.graph.store.synth import write_synth


def test_the_doctest():
    result = doctest.testmod(counting)
    assert result.attempted and not result.failed


def test_triples_held_by_several_graphs_count_once(tmp_path):
    kg = build()
    add_plan(kg, "again", plan_file=None)  # the bundled plan twice: every plan triple in two graphs
    write_synth(tmp_path / "small.ttl", municipalities=3, regions=2, initiatives=20, seed=5)
    add_plan(kg, "small", plan_file=tmp_path / "small.ttl")
    assert len(kg.store) > len(kg.dataset)
    assert counting.triple_count(kg.store) == len(kg.dataset)


def test_a_build_over_a_store_it_did_not_write_reads_its_plans(run, tmp_path):
    """With no kept keys (the store copied in from elsewhere) the build reads the old store."""
    write_synth(tmp_path / "small.ttl", municipalities=3, regions=2, initiatives=20, seed=5)
    assert run("build").exit_code == 0 and run("build", "--add", "--plan", "small.ttl").exit_code == 0
    store = tmp_path / "kraftgraf-store.trig"
    store.write_bytes(store.read_bytes() + b"\n")  # other bytes: no keys kept for them
    refused = run("build")
    assert refused.exit_code == 2 and "holds the plans small, which this build lacks" in refused.output
