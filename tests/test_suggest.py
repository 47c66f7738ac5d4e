"""Determinant suggestions: keyword rules that recover links, marked as suggested until confirmed."""

from __future__ import annotations

import csv
import json
import shutil
from importlib.resources import files

import pytest
from click.testing import CliRunner
from rdflib import URIRef

from kraftgraf.api import accept_suggestion as accept
from kraftgraf.cli import main
from kraftgraf.errors import DataError, NotFoundError
from kraftgraf.graph.store.build import build
from kraftgraf.graph.store.links import ACTIVITY
from kraftgraf.ontology.vocab import KG, PROV, graph_iri, plan_item
from kraftgraf.queries.suggest.answer import AlreadyAccepted, suggestions
from kraftgraf.queries.suggest.keywords import read_rules

# Initiatives whose curated links the fixture removes, and what the keyword rules
# should propose from their texts (data/determinant_keywords.csv), with the reason:
EXPECTED = {
    # "Program för ett hållbart längre arbetsliv och vardagsliv …": arbetsliv is working
    # life (arbetsmiljo); vardagsliv, everyday life, is life balance (motstandskraft).
    "C1": {"arbetsmiljo", "motstandskraft"},
    # "Bättre förutsättningar så att kultur, motion och naturupplevelser kan användas för att
    # stärka människors motståndskraft": culture and nature, exercise, resilience.
    "D3": {"kultur-och-fritid", "levnadsvanor", "motstandskraft"},
    # "En läroplan som förbereder individer …": a curriculum is education.
    "E1": {"utbildning"},
    # "Primärvård med utbyggd kapacitet … i första linjen genom både mänskliga och
    # icke-mänskliga möten …": primary care.  The curated link to digitalisation rests on
    # "icke-mänskliga möten", which no keyword names: the rules miss it.
    "G2": {"halso-och-sjukvard"},
    # "Innovativa digitala verktyg för samordning och uppföljning": digital tools.
    "I2": {"digitalisering"},
    # "Stöd till ledning och styrning": here styrning is the steering of a workplace (the
    # curated link is arbetsmiljo), but the word is also the governance keyword, so the
    # rules propose policy and governance: a wrong suggestion a person must reject.
    "C5": {"politik-och-styrning"},
}


def curated_links() -> dict[str, set]:
    text = (files("kraftgraf.data") / "determinant_links.csv").read_text(encoding="utf-8")
    links: dict[str, set] = {}
    for row in csv.DictReader(text.splitlines()):
        links.setdefault(row["initiative"], set()).add(row["determinant"])
    return links


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    """The bundled curated files without the determinant links of the EXPECTED initiatives."""
    folder = tmp_path_factory.mktemp("data")
    for name in files("kraftgraf.data").iterdir():
        if name.name.endswith(".csv"):
            shutil.copyfile(name, folder / name.name)
    path = folder / "determinant_links.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(line for line in lines if line.split(",")[0] not in EXPECTED), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def kg(data_dir):
    return build(data_dir=data_dir)


def by_initiative(rows) -> dict[str, set]:
    found: dict[str, set] = {}
    for s in rows:
        found.setdefault(s.initiative, set()).add(s.determinant)
    return found


def test_the_rules_recover_the_removed_links(kg):
    rows = suggestions(kg)
    assert by_initiative(rows) == EXPECTED  # only the initiatives that lost their links
    curated = curated_links()
    right = sum(len(found & curated[code]) for code, found in EXPECTED.items())
    suggested = sum(map(len, EXPECTED.values()))
    removed = sum(len(curated[code]) for code in EXPECTED)
    assert (suggested, right, removed) == (9, 8, 10)


def test_a_suggestion_says_which_words_matched_and_quotes_the_text(kg):
    c1 = {s.determinant: s for s in suggestions(kg) if s.initiative == "C1"}
    work = c1["arbetsmiljo"]
    assert work.matched == ["arbetsliv"] and work.keywords == ["arbetsliv* (sv)"]
    assert work.layer == "Levnads- och arbetsförhållanden" and work.plan == "kraftsamling-2019"
    assert work.sources[0].startswith("Program för ett hållbart längre arbetsliv och vardagsliv")
    assert "Suggested, not curated" in work.why and "--accept C1:arbetsmiljo" in work.why
    d3 = {s.determinant: s for s in suggestions(kg) if s.initiative == "D3"}
    assert d3["kultur-och-fritid"].matched == ["kultur", "naturupplevelser"]  # word forms, compounds


def test_suggestions_are_never_in_the_store_until_accepted(kg):
    before = len(kg)
    c1 = plan_item("kraftsamling-2019", "initiative", "C1")
    suggestions(kg)
    assert len(kg) == before and not list(kg.dataset.objects(c1, KG.addresses))


def test_accepting_writes_a_link_to_the_plan_graph_not_the_curated_one(data_dir):
    kg = build(data_dir=data_dir)
    c1 = plan_item("kraftsamling-2019", "initiative", "C1")
    s = accept(kg, "C1:arbetsmiljo")
    assert s.determinant == "arbetsmiljo"
    plan = kg.dataset.graph(graph_iri("plan/kraftsamling-2019"))
    curated = kg.dataset.graph(graph_iri("curated"))
    assert (c1, KG.addresses, None) in plan and (c1, KG.addresses, None) not in curated
    reasons = [str(r) for r in plan.objects(None, KG.reason)]
    assert reasons == ["Confirmed by a person from a keyword suggestion: "
                       "arbetsliv* (sv) matched “arbetsliv”."]
    assert len(list(plan.subjects(None, ACTIVITY))) == 1
    from kraftgraf.graph.store.validate import validate

    assert validate(kg) == []  # the confirmed link has a source, a quote and a document
    # C1's other suggestion stays open; the confirmed one is gone from the list
    assert by_initiative(suggestions(kg))["C1"] == {"motstandskraft"}
    with pytest.raises(NotFoundError, match="not among the suggestions"):
        accept(kg, "C1:arbetsmiljo")
    with pytest.raises(DataError, match="INITIATIVE:DETERMINANT"):
        accept(kg, "C1")


def test_a_link_made_any_other_way_takes_the_initiative_out_of_the_suggestions(data_dir):
    """Only links confirmed from a suggestion keep an initiative open; the query binds that activity."""
    kg = build(data_dir=data_dir)
    link = accept(kg, "D3:levnadsvanor")
    plan = kg.dataset.graph(graph_iri("plan/kraftsamling-2019"))
    reified = next(plan.subjects(PROV.wasGeneratedBy, ACTIVITY))
    assert "D3" in by_initiative(suggestions(kg)) and link.determinant == "levnadsvanor"
    plan.remove((reified, PROV.wasGeneratedBy, ACTIVITY))
    plan.add((reified, PROV.wasGeneratedBy, URIRef("https://example.org/another-activity")))
    assert "D3" not in by_initiative(suggestions(kg))
    assert set(by_initiative(suggestions(kg))) == set(EXPECTED) - {"D3"}


def test_a_keyword_file_naming_an_unknown_determinant(tmp_path):
    path = tmp_path / "kw.csv"
    path.write_text("determinant,sv,en,comment\narbetsmiljö,arbete,work,x\n", encoding="utf-8")
    with pytest.raises(DataError, match="row 2, column determinant: unknown determinant 'arbetsmiljö'"):
        read_rules(path, known=frozenset({"arbetsmiljo"}))


def test_every_determinant_has_swedish_and_english_keywords():
    determinants = {r.determinant for r in read_rules()}
    known = build().subjects_of_type(KG.Determinant)
    assert determinants == {str(d).rsplit("/", 1)[1] for d in known}
    for lang in ("sv", "en"):
        assert {r.determinant for r in read_rules() if r.lang == lang} == determinants


def test_english_text_is_matched_with_the_english_stemmer():
    from kraftgraf.queries.suggest.keywords import match

    found = {(r.determinant, tuple(w)) for r, w in match(read_rules(), "Schools and housing for the homeless",
                                                          "en")}
    assert found == {("utbildning", ("Schools",)), ("boende", ("housing",)), ("boende", ("homeless",))}


def test_the_cli_lists_and_accepts(tmp_path, monkeypatch, data_dir):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KRAFTGRAF_STORE", raising=False)
    run = lambda *a: CliRunner().invoke(main, [str(x) for x in a], catch_exceptions=False)  # noqa: E731
    assert run("suggest", "--accept", "C1:arbetsmiljo").exit_code == 2  # no store to write to
    assert run("build", "--data", data_dir).exit_code == 0
    listed = json.loads(run("suggest", "--format", "json").stdout)["suggestions"]
    assert {(r["initiative"], r["determinant"]) for r in listed} >= {("E1", "utbildning")}
    result = run("suggest", "--accept", "E1:utbildning", "--accept", "I2:digitalisering")
    assert result.exit_code == 0, result.output
    assert "accepted E1 → utbildning (Utbildning)" in result.stdout
    listed = json.loads(run("suggest", "--format", "json").stdout)["suggestions"]
    assert not {r["initiative"] for r in listed} & {"E1", "I2"}
    wrong = run("suggest", "--accept", "E1:boende")
    assert wrong.exit_code == 2 and "not among the suggestions" in wrong.stderr
    assert run("suggest", "--plan", "nope").exit_code == 2


def test_accepting_twice_says_it_is_already_accepted_and_writes_nothing(tmp_path, monkeypatch, data_dir):
    kg = build(data_dir=data_dir)
    accept(kg, "E1:utbildning")
    with pytest.raises(AlreadyAccepted, match="'E1:utbildning' is already accepted in plan kraftsamling"):
        accept(kg, "E1:utbildning")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KRAFTGRAF_STORE", raising=False)
    run = lambda *a: CliRunner().invoke(main, [str(x) for x in a], catch_exceptions=False)  # noqa: E731
    assert run("build", "--data", data_dir).exit_code == 0
    assert run("suggest", "--accept", "E1:utbildning").exit_code == 0
    store = tmp_path / "kraftgraf-store.trig"
    before = store.read_bytes()
    again = run("suggest", "--accept", "E1:utbildning")
    assert again.exit_code == 0, again.output
    assert again.stderr.splitlines() == [
        "note: 'E1:utbildning' is already accepted in plan kraftsamling-2019, "
        "so it is not among the suggestions any more"]
    assert again.stdout == "" and store.read_bytes() == before
    # with a new one beside it, the new one is written and the repeat is a note
    both = run("suggest", "--accept", "E1:utbildning", "--accept", "I2:digitalisering")
    assert both.exit_code == 0, both.output
    assert "accepted I2 → digitalisering" in both.stdout and "E1" not in both.stdout
    assert "already accepted" in both.stderr


def test_an_english_initiative_is_matched_by_the_english_keywords(tmp_path):
    from rdflib import RDF, Graph, Literal
    from rdflib.namespace import SKOS

    from kraftgraf.graph.store.plans import add_plan

    # "Safe housing for young adults leaving care": housing, and care leavers' social care.
    g = Graph()
    node = plan_item("en-plan", "initiative", "X1")
    g.add((node, RDF.type, KG.Initiative))
    g.add((node, SKOS.prefLabel, Literal("Safe housing for young adults leaving social care", lang="en")))
    path = tmp_path / "en-plan.ttl"
    g.serialize(path, format="turtle", encoding="utf-8")
    kg = add_plan(build(), "en-plan", path)
    found = {(s.determinant, tuple(s.matched), tuple(s.keywords)) for s in suggestions(kg)}
    assert found == {("boende", ("housing",), ("housing (en)",)),
                     ("socialtjanst-och-omsorg", ("social care",), ("social care (en)",))}


def test_with_every_curated_link_removed_the_rules_stay_mostly_right(tmp_path):
    # A guard on the rule set as a whole, not a target: the keywords were written with the
    # seed plan's texts in view, so these figures say more about regressions than about how
    # the rules do on a plan they have never seen.  On the 33 initiatives and their 58
    # curated links (build of this commit): 47 suggested, 41 of them curated too, and 25
    # initiatives get at least one right suggestion.
    folder = tmp_path / "data"
    shutil.copytree(files("kraftgraf.data"), folder, ignore=shutil.ignore_patterns("*.py", "*.ttl", "__*"))
    header = (folder / "determinant_links.csv").read_text(encoding="utf-8").splitlines()[0]
    (folder / "determinant_links.csv").write_text(header + "\n", encoding="utf-8")
    found = by_initiative(suggestions(build(data_dir=folder)))
    curated = curated_links()
    right = sum(len(found.get(code, set()) & links) for code, links in curated.items())
    suggested = sum(map(len, found.values()))
    assert (suggested, right, sum(map(len, curated.values()))) == (47, 41, 58)
    assert right / suggested > 0.85
    assert sum(1 for code, links in curated.items() if found.get(code, set()) & links) == 25
