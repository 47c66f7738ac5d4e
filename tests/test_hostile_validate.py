"""`validate` on broken graphs: misspelt terms and ill-typed literals fail in words, never conform.

Also what the other commands do with such a store: one line and exit 2, never a
traceback.
"""

from __future__ import annotations

import json
from importlib.resources import files

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SH, SKOS

from kraftgraf.graph.store.build import build
from kraftgraf.graph.store.validate import validate
from kraftgraf.ontology.vocab import KG, plan_item

ONTOLOGY = "https://w3id.org/kraftgraf/ontology#"
INTEGER = URIRef("http://www.w3.org/2001/XMLSchema#integer")  # (rdflib's XSD here makes pytest warn)
INITIATIVE = plan_item("kraftsamling-2019", "initiative", "C3")
OTHER = plan_item("kraftsamling-2019", "initiative", "C4")
COMMITMENT = plan_item("kraftsamling-2019", "commitment", "A2-staten-1")
PLAN = "plan/kraftsamling-2019"


def term(name):  # KG is closed: a misspelt term cannot be written as KG.name
    return URIRef(ONTOLOGY + name)


def shapes():
    return Graph().parse(files("kraftgraf.ontology") / "shapes.ttl", format="turtle")


def test_every_class_is_closed_and_every_datatype_property_typed():
    onto = Graph().parse(files("kraftgraf.ontology") / "kraftgraf.ttl", format="turtle")
    sh = shapes()
    closed = {c for s in sh.subjects(SH.closed, Literal(True)) for c in sh.objects(s, SH.targetClass)}
    for cls in onto.subjects(RDF.type, OWL.Class):
        reached = set(onto.transitive_objects(cls, RDFS.subClassOf))  # the class and its superclasses
        assert reached & closed, f"no closed shape reaches {cls}"
    typed = {p for s in sh.subjects(SH.datatype, None) for p in sh.objects(s, SH.path)}
    for prop in onto.subjects(RDF.type, OWL.DatatypeProperty):
        assert prop in typed or prop == KG.column, f"{prop} has no sh:datatype"  # column: per class
    assert KG.column in {p for s in sh.subjects(SH.datatype, None) for p in sh.objects(s, SH.path)}


@pytest.fixture(scope="module")
def broken():
    """The bundled plan with one of each fault, and the violations validate finds."""
    kg = build()
    g = kg.graph(PLAN)
    g.add((INITIATIVE, term("adresses"), URIRef("https://w3id.org/kraftgraf/id/determinant/boende")))
    g.add((OTHER, URIRef(str(SKOS) + "prefLable"), Literal("C4", lang="sv")))  # another vocabulary's
    g.remove((COMMITMENT, RDF.type, KG.Commitment))
    g.add((COMMITMENT, RDF.type, term("Comitment")))
    g.set((INITIATIVE, KG.order, Literal("ett", datatype=INTEGER)))
    g.add((plan_item("kraftsamling-2019", "goal", "1"), RDFS.label, Literal("utan språk")))
    g.add((OTHER, KG.code, Literal(3)))
    link = URIRef("https://w3id.org/kraftgraf/id/link/x")
    g.add((link, RDF.type, RDF.Statement))
    g.add((link, RDF.predicate, term("inFocusAera")))
    return kg, validate(kg)


@pytest.mark.parametrize("node, words", [
    (INITIATIVE, "kg:adresses is not a property the ontology defines (did you mean kg:addresses?)"),
    (OTHER, "skos:prefLable is not a property an initiative has"),
    (COMMITMENT, "kg:Comitment is not a class the ontology defines (did you mean kg:Commitment?)"),
    (INITIATIVE, 'kg:order is a whole number (xsd:integer), not "ett"^^xsd:integer'),
    (plan_item("kraftsamling-2019", "goal", "1"), 'a label (rdfs:label) has a language tag'),
    (OTHER, "kg:code is a plain string, not"),
    (URIRef("https://w3id.org/kraftgraf/id/link/x"), "kg:inFocusAera is not a property the ontology defines"),
])
def test_each_fault_is_a_violation_in_words(broken, node, words):
    _, violations = broken
    assert any(v.node == str(node) and words in v.message for v in violations), \
        [str(v) for v in violations if v.node == str(node)]


def test_a_misspelling_is_said_once(broken):
    _, violations = broken
    assert sum("adresses" in v.message for v in violations) == 1


def test_the_cli_fails_in_words_and_in_json(broken, tmp_path, run):
    kg, _ = broken
    kg.save(tmp_path / "broken.trig")
    table = run("validate", "--store", tmp_path / "broken.trig")
    assert table.exit_code == 1 and "Traceback" not in table.output
    assert "Failed to convert" not in table.output
    assert "kg:adresses is not a property" in table.stdout and "violation(s)" in table.stdout
    answer = run("validate", "--store", tmp_path / "broken.trig", "--format", "json")
    assert answer.exit_code == 1
    rows = json.loads(answer.stdout)
    assert {"node", "label", "path", "message"} == set(rows[0])
    assert any('not "ett"^^xsd:integer' in r["message"] for r in rows)


def test_a_graph_that_conforms_is_json_too(run):
    result = run("validate", "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout) == []
    assert "conforms" in result.stderr


def test_other_commands_refuse_an_ill_typed_store_in_one_line(tmp_path, run):
    kg = build()
    kg.graph(PLAN).set((INITIATIVE, KG.order, Literal("ett", datatype=INTEGER)))
    kg.save(tmp_path / "s.trig")
    for args in (["stats"], ["query", "silos"], ["query", "coverage"], ["viz", "-o", "m.html"]):
        result = run(*args, "--store", tmp_path / "s.trig")
        assert result.exit_code == 2, result.output
        assert '"ett" is not a valid xsd:integer (kg:order of' in result.output
        assert len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "m.html").exists()


def test_a_plan_file_with_an_ill_typed_literal_is_not_built(tmp_path, run):
    assert run("build", "-o", "keep.trig").exit_code == 0
    before = (tmp_path / "keep.trig").read_bytes()
    (tmp_path / "bad.ttl").write_text(
        '<urn:x> <https://w3id.org/kraftgraf/ontology#validUntil> '
        '"2024-13-45"^^<http://www.w3.org/2001/XMLSchema#date> .\n', encoding="utf-8")
    for args in (["--replace"], ["--add"]):
        result = run("build", "bad.ttl", "-o", "keep.trig", *args)
        assert result.exit_code == 2 and "is not a valid xsd:date" in result.output
    assert (tmp_path / "keep.trig").read_bytes() == before
