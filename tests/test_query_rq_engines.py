"""The .rq texts of unowned, coverage and laws give the same rows on a second SPARQL engine.

They promise to run on any SPARQL 1.1 store; rdflib's own engine, over an
in-memory copy of the seed store, is the second one checked here.
"""

from __future__ import annotations

from collections import Counter

import pyoxigraph as ox
import pytest
from rdflib import Dataset

from kraftgraf.graph.store.build import build
from kraftgraf.ontology.vocab import actor_iri
from kraftgraf.queries.common import rq_text, run_rq, short

QUERIES = [
    ("unowned_initiatives", {}), ("single_actor_initiatives", {}), ("orphan_determinants", {}),
    ("initiatives_lacking_actor", {"actor": actor_iri("staten")}),
    ("initiatives_lacking_actor", {"actor": actor_iri("skl")}),
    ("coverage_actor_layer", {}), ("coverage_layers", {}), ("coverage_sector_layer", {}),
    ("coverage_sector_actors", {}),
    ("laws", {}),
]


@pytest.fixture(scope="module")
def stores():
    kg = build()
    memory = Dataset(default_union=True)
    memory.parse(data=kg.store.dump(format=ox.RdfFormat.N_QUADS).decode(), format="nquads")
    return kg, memory


def canonical(row: dict) -> frozenset:
    # Values as text; a GROUP_CONCAT list of IRIs comes in any order, so it counts as a set.
    def value(v):
        words = str(v).split()
        return frozenset(words) if words and all(w.startswith("http") for w in words) else str(v)
    return frozenset((k, value(v)) for k, v in row.items() if v is not None and str(v) != "")


@pytest.mark.parametrize(("name", "bindings"), QUERIES,
                         ids=[name + "".join(f"-{short(v)}" for v in b.values()) for name, b in QUERIES])
def test_rdflib_gives_the_same_rows(stores, name, bindings):
    kg, memory = stores
    result = memory.query(rq_text(name), initBindings=bindings)
    theirs = [{str(v): r[v] for v in result.vars} for r in result]
    ours = run_rq(kg, rq_text(name), **bindings)
    assert ours and Counter(map(canonical, theirs)) == Counter(map(canonical, ours))
