"""Plans as they are written: code shapes, goals without rows, new laws and actors, placeholder words.

The fixture ``suicidprevention-2008.csv`` is an extract of Sweden's national action
programme for suicide prevention (see tests/fixtures/README.md); the other sheets
here are small and written inline, each to show one rule.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from rdflib import RDF, RDFS
from rdflib.namespace import DCTERMS

from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.loaders.curated import load_curated
from kraftgraf.ontology.vocab import ELI, KG, actor_iri, law_iri, plan_item, sector_iri

FIXTURES = Path(__file__).parent / "fixtures"
SP = FIXTURES / "suicidprevention-2008.csv"
WHO = FIXTURES / "who-mhap-2013-2030.csv"
WHO_ACTORS = ("Member States", "Secretariat", "International and national partners")


def empty_store(folder: Path) -> Path:
    """A store with the ontology and curated facts and no plan."""
    kg = KnowledgeGraph()
    kg.add_ontology()
    load_curated(kg.graph("curated"))
    kg.save(folder / "kraftgraf-store.trig")
    return folder / "kraftgraf-store.trig"


def write(path: Path, rows: list[list[str]]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter=";").writerows(rows)
    return path


HEADER = ["Id", "Målsättning", "Fokusområde", "Initiativ", "Åtaganden", "Staten"]
STATEN = ("--actor-column", "Staten")  # the sheets below have one actor column


@pytest.fixture
def sp_store(run, tmp_path):
    empty_store(tmp_path)
    result = run("import", SP, "--plan", "sp-2008")
    assert result.exit_code == 0, result.output
    return KnowledgeGraph.load(tmp_path / "kraftgraf-store.trig")


def test_the_suicide_prevention_plan_goes_in_as_written(run, sp_store):
    g = sp_store.graph("plan/sp-2008")
    item = lambda kind, key: plan_item("sp-2008", kind, key)  # noqa: E731
    # "Mål 1 – …" and "Övergripande mål 0: …" are goals; the vision has no initiative row
    assert str(g.value(item("goal", "1"), RDFS.label)) == "Befolkningsinriktat arbete"
    assert (item("goal", "0"), RDF.type, KG.Goal) in g
    assert not set(g.subjects(KG.partOf, item("goal", "0")))
    # one focus area under both goals; its initiatives say which goal their row is under
    assert set(g.objects(item("focus-area", "K"), KG.partOf)) == {item("goal", "1"), item("goal", "2")}
    assert g.value(item("initiative", "SP-7"), DCTERMS.isPartOf) == item("goal", "2")
    # placeholder words in both languages are open commitments, not commitments
    opened = {str(o).rsplit("/", 1)[-1] for o in g.subjects(RDF.type, KG.OpenCommitment)}
    assert {"SP-1-socialstyrelsen", "SP-1-regionerna", "SP-2-socialstyrelsen", "SP-3-regionerna",
            "SP-6-kommunerna", "SP-5-folkhalsomyndigheten", "SP-9-kommunerna"} <= opened
    texts = {str(g.value(c, KG.text)) for c in g.subjects(RDF.type, KG.Commitment)}
    assert not texts & {"-", "–", "saknas", "ej aktuellt", "n/a", "none"}
    # a new law with its title and link; new actors with their kind and sector
    law = law_iri("2010:659")
    assert str(g.value(law, ELI.id_local)) == "2010:659"
    assert g.value(law, RDFS.seeAlso).startswith("https://www.riksdagen.se/")
    assert (item("initiative", "SP-8"), KG.requiresChangeTo, law) in g
    assert (actor_iri("trafikverket"), RDF.type, KG.StateAgency) in g
    assert (actor_iri("frivilligorganisationer"), RDF.type, KG.CivilSocietyOrganisation) in g
    assert (actor_iri("trafikverket"), KG.hasMandateIn, sector_iri("samhallsplanering")) in g
    assert run("validate").exit_code == 0


def test_its_template_imports_back_with_no_change(run, sp_store, tmp_path):
    assert run("template", "-o", "rt.csv", "--plan", "sp-2008").exit_code == 0
    result = run("import", "rt.csv", "--plan", "sp-2008", "--dry-run")
    assert result.exit_code == 0 and "no changes" in result.output, result.output


def test_actors_laws_and_determinants_are_listed_with_their_ids(run, sp_store):
    actors = json.loads(run("actors", "--plan", "sp-2008", "--format", "json").stdout)
    assert {a["id"] for a in actors} == {"folkhalsomyndigheten", "socialstyrelsen", "regionerna",
                                         "kommunerna", "trafikverket", "frivilligorganisationer"}
    assert {a["kind"] for a in actors if a["id"] == "trafikverket"} == {"StateAgency"}
    laws = json.loads(run("laws", "--plan", "sp-2008", "--format", "json").stdout)
    assert [(x["id"], x["name_sv"]) for x in laws] == [("2010:659", "Patientsäkerhetslag (2010:659)")]
    every = run("determinants").stdout
    assert "arbetsloshet" in every and "Arbetslöshet" in every
    assert run("actors", "--plan", "nope").exit_code == 2


@pytest.mark.parametrize("goal, focus, code", [
    ("Delmål 3: Minskad tillgång till medel", "A. Broar", "3"),
    ("Mål 2 – Tidiga insatser", "Fokusområde B: Skolan", "2"),
    ("STRATEGI10. Lång kod", "STRATEGI10.1 Längre kod", "STRATEGI10"),
    ("Objective 4. Information systems", "O4 Information", "4"),
])
def test_goal_and_focus_codes_as_plans_write_them(run, tmp_path, goal, focus, code):
    empty_store(tmp_path)
    write(tmp_path / "plan.csv", [HEADER, ["X1", goal, focus, "Ett initiativ", "", "Något staten gör"]])
    result = run("import", "plan.csv", *STATEN, "--plan", "p")
    assert result.exit_code == 0, result.output
    kg = KnowledgeGraph.load(tmp_path / "kraftgraf-store.trig")
    assert (plan_item("p", "goal", code), RDF.type, KG.Goal) in kg.graph("plan/p")


def test_sub_goals_and_goals_without_rows(run, tmp_path):
    empty_store(tmp_path)
    write(tmp_path / "plan.csv", [
        HEADER,
        ["", "Mål 1: Övergripande", "", "", "", ""],
        ["", "Delmål 1.1: Utan initiativ", "", "", "", ""],
        ["", "Delmål 1.2: Med ett fokusområde utan initiativ", "F. Framtida arbete", "", "", ""],
        ["X1", "Mål 2 – Med initiativ", "A. Område", "Ett initiativ", "", "-"],
    ])
    result = run("import", "plan.csv", *STATEN, "--plan", "p")
    assert result.exit_code == 0, result.output
    g = KnowledgeGraph.load(tmp_path / "kraftgraf-store.trig").graph("plan/p")
    goal = lambda code: plan_item("p", "goal", code)  # noqa: E731
    assert {goal("1"), goal("1.1"), goal("1.2"), goal("2")} == set(g.subjects(RDF.type, KG.Goal))
    assert (goal("1.1"), DCTERMS.isPartOf, goal("1")) in g
    assert (plan_item("p", "focus-area", "F"), KG.partOf, goal("1.2")) in g
    assert not set(g.subjects(RDF.type, KG.Commitment))  # "-" is an open commitment
    assert run("template", "-o", "rt.csv", "--plan", "p").exit_code == 0
    again = run("import", "rt.csv", "--plan", "p", "--dry-run")
    assert "no changes" in again.output, again.output


@pytest.mark.parametrize("rows, options, fragments", [
    ([["X1", "Ett mål utan kod", "A. Område", "I", "", "x y"]], [],
     ["row 2, column Målsättning (B)", "expected a code, a full stop and a name", "--goal-pattern"]),
    ([["X1", "G-1 Ett mål", "A. Område", "I", "", "x y"]],
     ["--goal-pattern", r"G-(?P<code>\d+) (?P<name>.+)"], []),
    ([["X1", "Ett mål", "A. Område", "I", "", "x y"]], ["--goal-pattern", r"G-(?P<code>\d+) (?P<name>.+)"],
     ["row 2, column Målsättning (B)", r"does not match --goal-pattern 'G-(?P<code>\d+) (?P<name>.+)'"]),
    ([["X1", "1. Mål", "A. Område", "I", "", "x y"]], ["--goal-pattern", r"(?P<code>\d+)"],
     ["--goal-pattern", "needs the named group(s) (?P<name>…)"]),
    ([["initiativ nummer ett", "1. Mål", "A. Område", "I", "", "x y"]], [],
     ["row 2, column Id (A)", "'initiativ nummer ett' is not an id", "--id-pattern"]),
    ([["X1", "1. Mål", "A. Område", "I", "", "x y"]], ["--id-pattern", r"[A-Z]-\d+"],
     ["row 2, column Id (A)", r"'X1' does not match --id-pattern '[A-Z]-\d+'"]),
    ([["X1", "1. Mål", "A. Område", "I", "", "x y"], ["X2", "2. Annat", "", "J", "", "z"]], [],
     ["row 3, column Fokusområde (C)", "this row is under goal 2: name the focus area"]),
])
def test_a_code_that_breaks_a_rule_names_the_rule(run, tmp_path, rows, options, fragments):
    empty_store(tmp_path)
    write(tmp_path / "plan.csv", [HEADER, *rows])
    result = run("import", "plan.csv", *STATEN, "--plan", "p", *options)
    if not fragments:
        assert result.exit_code == 0, result.output
        return
    assert result.exit_code == 2, result.output
    (line,) = [ln for ln in result.output.splitlines() if ln.strip()]
    for fragment in fragments:
        assert fragment in line, line


def test_actor_kinds_in_swedish_and_a_warning_on_a_near_duplicate_name(run, tmp_path):
    empty_store(tmp_path)
    write(tmp_path / "plan.csv", [["Id", "Målsättning", "Fokusområde", "Initiativ", "Åtaganden", "K", "F"],
                                  ["X1", "1. Mål", "A. Område", "I", "", "Något", "Annat"]])
    write(tmp_path / "plan.aktorer.csv", [["Id", "Namn", "Kolumn", "Typ", "Sektorer"],
                                          ["gotlands-kommun", "Gotlands kommun", "K", "Kommun",
                                           "skola; Socialtjänst"],
                                          ["fhm", "Folkhälsomyndigheten", "F", "Myndighet", ""]])
    result = run("import", "plan.csv", "--plan", "p")
    assert result.exit_code == 0, result.output
    assert ("new actor 'fhm' (Folkhälsomyndigheten) has the same name as the actor 'folkhalsomyndigheten'"
            in result.output) and "use the id 'folkhalsomyndigheten'" in result.output
    g = KnowledgeGraph.load(tmp_path / "kraftgraf-store.trig").graph("plan/p")
    assert (actor_iri("gotlands-kommun"), RDF.type, KG.Municipality) in g
    assert set(g.objects(actor_iri("gotlands-kommun"), KG.hasMandateIn)) == {
        sector_iri("skola"), sector_iri("socialtjanst")}
    write(tmp_path / "plan.aktorer.csv", [["Id", "Namn", "Kolumn", "Typ"], ["k", "K", "K", "Kommunförbund"],
                                          ["f", "F", "F", ""]])
    bad = run("import", "plan.csv", "--plan", "q")
    assert bad.exit_code == 2 and "unknown actor kind 'Kommunförbund' (e.g. Myndighet, Kommun" in bad.output


def test_a_law_the_store_does_not_know_needs_its_name(run, tmp_path):
    empty_store(tmp_path)
    write(tmp_path / "plan.csv", [HEADER, ["X1", "1. Mål", "A. Område", "I", "", "Något"]])
    write(tmp_path / "plan.lagar.csv", [["Gäller", "SFS", "Lag"], ["X1", "2010:1622", ""]])
    bad = run("import", "plan.csv", *STATEN, "--plan", "p")
    assert bad.exit_code == 2 and "a new law needs its name in column Lag" in bad.output
    write(tmp_path / "plan.lagar.csv", [["Gäller", "SFS", "Lag", "Länk"],
                                        ["X1", "2010:1622", "Alkohollag", "www"]])
    bad = run("import", "plan.csv", *STATEN, "--plan", "p")
    assert bad.exit_code == 2 and "'www' is not a link" in bad.output
    write(tmp_path / "plan.lagar.csv", [["Gäller", "SFS", "Lag"],
                                        ["X1", "2010:1622", "Alkohollag (2010:1622)"]])
    assert run("import", "plan.csv", *STATEN, "--plan", "p").exit_code == 0
    assert "Alkohollag (2010:1622)" in run("laws").stdout


def test_another_plans_sheet_without_plan_is_refused_unless_replace(run, tmp_path):
    assert run("build").exit_code == 0
    store = tmp_path / "kraftgraf-store.trig"
    before = store.read_bytes()
    columns = [a for actor in WHO_ACTORS for a in ("--actor-column", actor)]
    dry = run("import", WHO, *columns, "--dry-run")
    assert dry.exit_code == 0 and "would be refused" in dry.output
    result = run("import", WHO, *columns)
    assert result.exit_code == 2, result.output
    line = result.output.strip().splitlines()[-1]
    assert "would drop 33 of the 33 initiatives of plan 'kraftsamling-2019'" in line
    assert "--plan NEW-KEY" in line and "--replace" in line
    assert store.read_bytes() == before
    assert run("import", WHO, *columns, "--replace").exit_code == 0


def test_accept_without_plan_refuses_an_id_several_plans_have(run, sp_store):
    assert run("import", SP, "--plan", "sp-2009").exit_code == 0  # the same ids in a second plan
    result = run("suggest", "--accept", "SP-1:utbildning")
    assert result.exit_code == 2
    assert ("initiative SP-1 is in several plans (sp-2008, sp-2009); say which with --plan KEY"
            in result.output)
