"""A build copies the plan file's text into the store's TriG: the same quads as Oxigraph's own writing."""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest

from kraftgraf.graph.store.build import build, build_store
from kraftgraf.graph.store.content import content_hash
from kraftgraf.graph.store.plan_text import plan_text, save_with_plan_text
from kraftgraf.graph.store.synth import write_synth
from kraftgraf.ontology.vocab import graph_iri

PLAN = "https://w3id.org/kraftgraf/id/plan/t"
HEAD = ("@prefix kg: <https://w3id.org/kraftgraf/ontology#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n")
BODY = (f'<{PLAN}> a kg:Plan ; rdfs:label "En plan"@sv .\n'
        f'<{PLAN}/x> rdfs:label "Ett. Två"@sv ; kg:order 3 ; rdfs:comment [ rdfs:label "tom" ] .\n')


def quads(path) -> list[str]:
    """The store's quads as text, sorted, each blank node's label alike (the plans here share none)."""
    store = ox.Store()
    store.load(path=str(path), format=ox.RdfFormat.TRIG)
    return sorted(re.sub(r"_:\w+", "_:b", str(q)) for q in store)


def written(tmp_path, text: str, name: str = "t.ttl") -> bool:
    """Whether the plan ``text`` was copied; either way the store reads as Oxigraph writes it."""
    plan = tmp_path / name
    plan.write_bytes(text.encode("utf-8"))
    kg = build(plan, key="t")
    kg.save(tmp_path / "dumped.trig")
    scanned = plan_text(plan)
    graph = ox.NamedNode(str(graph_iri("plan/t")))
    copied = scanned is not None and save_with_plan_text(kg.store, tmp_path / "copied.trig", graph, scanned)
    if copied:
        assert quads(tmp_path / "copied.trig") == quads(tmp_path / "dumped.trig")
    return copied


def test_a_synthetic_plan_is_copied_and_reads_back_the_same(tmp_path):
    write_synth(tmp_path / "t.ttl", municipalities=3, regions=2, initiatives=20, seed=5)
    assert written(tmp_path, (tmp_path / "t.ttl").read_text(encoding="utf-8"))
    built = build_store(tmp_path / "s.trig", tmp_path / "t.ttl")  # what `kraftgraf build t.ttl` writes
    assert quads(built.path) == quads(tmp_path / "copied.trig")
    assert built.content == content_hash(built.path)


@pytest.mark.parametrize("text, copied", [
    (HEAD + BODY, True),
    ("# a comment first\n" + HEAD + BODY + "# and one at the end, without a newline", True),
    (HEAD.replace("@prefix", "PREFIX").replace(" .\n", "\n") + BODY, True),
    (HEAD + BODY + "@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\n", False),  # a directive later
    (HEAD + BODY + "# note\n prefix ex: <http://example.org/>\nex:a ex:b ex:c .\n", False),
    (HEAD + "@base <http://example.org/> .\n" + BODY + "<rel> rdfs:label \"relativ\" .\n", False),
    (HEAD + BODY + '<http://example.org/a> rdfs:label "… . Base …" .\n', False),  # looks like one: Oxigraph
    (HEAD + BODY + '_:b1 rdfs:label "blank" . _:b1 kg:order 1 .\n', True),
])
def test_a_plan_text_is_copied_only_where_it_reads_the_same(tmp_path, text, copied):
    assert written(tmp_path, text) == copied


def test_n_triples_are_copied_too(tmp_path):
    text = (f"<{PLAN}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
            "<https://w3id.org/kraftgraf/ontology#Plan> .\n")
    assert written(tmp_path, text, "t.nt")


def test_a_plan_that_repeats_the_curated_facts_is_written_by_oxigraph(tmp_path):
    # an export of a whole store: its plan file holds the ontology's triples too, which the build drops
    (tmp_path / "all.ttl").write_text(build().dataset.serialize(format="turtle"), encoding="utf-8")
    built = build_store(tmp_path / "s.trig", tmp_path / "all.ttl")
    by_graph: dict[str, set[str]] = {}
    for q in ox.parse(path=str(built.path), format=ox.RdfFormat.TRIG):
        by_graph.setdefault(str(q.graph_name), set()).add(f"{q.subject} {q.predicate} {q.object}")
    plan, ontology = by_graph[f"<{graph_iri('plan/all')}>"], by_graph[f"<{graph_iri('ontology')}>"]
    assert len(plan) > 1000 and not plan & ontology
