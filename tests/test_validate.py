"""SHACL validation: the built graph conforms; graphs broken on purpose fail in words."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from rdflib import Literal, URIRef

from kraftgraf.cli import main
from kraftgraf.graph.store.build import build
from kraftgraf.graph.store.validate import validate
from kraftgraf.ontology.vocab import ELI, KG, PROV, law_iri, plan_item

COMMITMENT = plan_item("kraftsamling-2019", "commitment", "A2-staten-1")
INITIATIVE = plan_item("kraftsamling-2019", "initiative", "C3")
LAW = law_iri("2017:30")


@pytest.fixture
def kg():
    return build()


def break_graph(kg, triple):
    """Remove ``triple`` (wildcards allowed) from every graph of the store."""
    removed = list(kg.dataset.quads(triple))
    assert removed, f"nothing to remove for {triple}"
    for quad in removed:
        kg.dataset.remove(quad)


def test_the_built_graph_conforms(kg):
    assert validate(kg) == []


@pytest.mark.parametrize("triple, node, words", [
    ((COMMITMENT, KG.byActor, None), COMMITMENT, "exactly one actor"),
    ((LAW, ELI.id_local, None), LAW, "SFS number of the form YYYY:N"),
    ((INITIATIVE, PROV.wasDerivedFrom, None), INITIATIVE, "has a source"),
    ((INITIATIVE, KG.inFocusArea, None), INITIATIVE, "exactly one focus area"),
])
def test_a_broken_graph_names_the_problem(kg, triple, node, words):
    break_graph(kg, triple)
    violations = validate(kg)
    assert [v.node for v in violations] == [str(node)]
    assert words in violations[0].message
    assert kg.label(URIRef(violations[0].node)) in str(violations[0])


def test_a_bad_sfs_number_and_an_undefined_actor(kg):
    g = kg.graph("plan/kraftsamling-2019")
    break_graph(kg, (LAW, ELI.id_local, None))
    g.add((LAW, ELI.id_local, Literal("SFS 2017/30")))
    g.add((COMMITMENT, KG.byActor, URIRef("https://w3id.org/kraftgraf/id/actor/kungen")))
    messages = {(v.node, v.message) for v in validate(kg)}
    assert any(n == str(LAW) and "YYYY:N" in m for n, m in messages)
    assert any(n == str(COMMITMENT) and "actor" in m for n, m in messages)


def test_validate_cli_exits_1_with_each_violation(kg, tmp_path):
    break_graph(kg, (COMMITMENT, KG.byActor, None))
    kg.save(tmp_path / "broken.trig")
    result = CliRunner().invoke(main, ["validate", "--store", str(tmp_path / "broken.trig")])
    assert result.exit_code == 1
    assert "Ändringar i Socialtjänstlagen" in result.output
    assert "exactly one actor" in result.output
    assert "1 violation(s)" in result.output


def test_checking_in_slices_finds_what_checking_whole_finds(kg):
    """Slices of 7 subjects: every result the one-slice check gives, and no other (see validate._slice)."""
    g = kg.graph("plan/kraftsamling-2019")
    break_graph(kg, (COMMITMENT, KG.byActor, None))
    break_graph(kg, (INITIATIVE, KG.inFocusArea, None))
    g.add((LAW, ELI.id_local, Literal("SFS 2017/30")))
    g.add((INITIATIVE, KG.code, Literal(7)))
    other = plan_item("kraftsamling-2019", "commitment", "A3-kommuner-och-regioner-1")
    g.add((other, KG.byActor, INITIATIVE))  # a second actor, and not an actor
    whole = validate(kg, slice_size=10**9)
    assert len(whole) >= 5
    assert validate(kg, slice_size=7) == whole
