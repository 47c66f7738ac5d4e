"""kraftgraf diff: what changed between two plans, readable and as JSON."""

from __future__ import annotations

import json
from importlib.resources import files

import pytest
from click.testing import CliRunner
from rdflib import RDF, Graph, Literal
from rdflib.namespace import SKOS

from kraftgraf.cli import main
from kraftgraf.errors import DataError
from kraftgraf.graph.store.build import build
from kraftgraf.graph.store.plans import add_plan
from kraftgraf.ontology.vocab import KG, actor_iri, plan_item
from kraftgraf.queries.diff.answer import diff, open_side

SEED = "kraftsamling-2019"
BUNDLED = files("kraftgraf.data") / "kraftsamling-2019.ttl"
OLD_TEXT = "Ta fram det nya ramverket samt bidra med faktorer"
NEW_TEXT = "Ta fram de nya ramverken samt bidra med faktorer och indikatorer"
ADDED_TEXT = "Erbjuda mötesplatser för äldre som är ensamma"
OUTCOME_TEXT = "En läroplan som förbereder barn och unga inför samhällets behov och utmaningar"


def commitment(code):
    return plan_item(SEED, "commitment", code)


def edited() -> Graph:
    """The bundled plan with three edits.

    - initiative I5 ("Idogt arbete tidigt …") dropped, with its open commitments;
    - commitment A1-staten-2 ("Tydliggöra ansvarsfördelningen. Vem gör vad?") reassigned
      from the state to civil society;
    - commitment A1-staten-1 reworded: other word forms ("ramverken") and two words more;
    - commitment A2-civilsamhallet-9 added: civil society offers meeting places (ADDED_TEXT);
    - initiative E2 (an action programme for the education system) moved from focus area E to D;
    - outcome E1-1 reworded: "individer" becomes "barn och unga".
    """
    g = Graph()
    g.parse(BUNDLED, format="turtle")
    for s in {s for s in g.subjects() if "/I5" in str(s)}:
        g.remove((s, None, None))
    g.set((commitment("A1-staten-2"), KG.byActor, actor_iri("civilsamhallet")))
    for prop in (KG.text, SKOS.prefLabel):
        g.set((commitment("A1-staten-1"), prop, Literal(NEW_TEXT, lang="sv")))
    added = commitment("A2-civilsamhallet-9")
    g.add((added, RDF.type, KG.Commitment))
    g.add((added, KG.code, Literal("A2-civilsamhallet-9")))
    g.add((added, KG.text, Literal(ADDED_TEXT, lang="sv")))
    g.add((added, KG.byActor, actor_iri("civilsamhallet")))
    g.add((added, KG.toInitiative, plan_item(SEED, "initiative", "A2")))
    g.set((plan_item(SEED, "initiative", "E2"), KG.inFocusArea, plan_item(SEED, "focus-area", "D")))
    g.set((plan_item(SEED, "outcome", "E1-1"), KG.text, Literal(OUTCOME_TEXT, lang="sv")))
    # another placeholder in an empty cell is no change: it is still open
    g.set((plan_item(SEED, "open-commitment", "A3-staten"), KG.text, Literal("…", lang="sv")))
    return g


@pytest.fixture(scope="module")
def files_pair(tmp_path_factory):
    folder = tmp_path_factory.mktemp("diff")
    old, new = folder / "plan-2020.ttl", folder / "plan-2024.ttl"
    Graph().parse(BUNDLED, format="turtle").serialize(old, format="turtle", encoding="utf-8")
    edited().serialize(new, format="turtle", encoding="utf-8")
    return old, new


@pytest.fixture(scope="module")
def changes(files_pair):
    return diff(open_side(files_pair[0]), open_side(files_pair[1]))


def test_the_dropped_initiative_and_its_commitments(changes):
    dropped = [(c.kind, c.id) for c in changes["dropped"]]
    # I5 has one outcome, and the annex wrote placeholders in all three of its actor
    # cells: three open commitments
    assert dropped == [("initiative", "I5"), ("outcome", "I5-1"), ("open commitment", "I5-civilsamhallet"),
                       ("open commitment", "I5-kommuner-och-regioner"), ("open commitment", "I5-staten")]
    assert changes["dropped"][1].initiative == "I5"
    assert [(c.kind, c.id, c.initiative, c.new) for c in changes["added"]] == [
        ("commitment", "A2-civilsamhallet-9", "A2", ADDED_TEXT)]
    assert changes["dropped"][0].old == "Idogt arbete tidigt med tydliga aktiviteter i samverkan"
    assert changes["dropped"][0].sources  # the quote of what was dropped


def test_the_reassigned_commitment_and_the_moved_initiative(changes):
    [initiative, moved] = changes["reassigned"]
    assert (initiative.kind, initiative.id, initiative.old, initiative.new) == ("initiative", "E2", "E", "D")
    assert "focus area E → D" in initiative.why
    assert (moved.id, moved.initiative) == ("A1-staten-2", "A1")
    assert (moved.old, moved.new) == ("staten", "civilsamhallet")
    assert "actor staten → civilsamhallet" in moved.why


def test_the_reworded_outcome_and_commitment_with_their_scores(changes):
    outcome, reworded = changes["reworded"]  # outcomes sort before commitments
    assert (outcome.kind, outcome.id, outcome.initiative) == ("outcome", "E1-1", "E1")
    assert outcome.new == OUTCOME_TEXT
    assert outcome.old == "En läroplan som förbereder individer inför samhällets behov och utmaningar"
    assert (reworded.id, reworded.old, reworded.new) == ("A1-staten-1", OLD_TEXT, NEW_TEXT)
    # word forms compare as stems, so only "och indikatorer" counts as new text
    assert 80 <= reworded.score < 100
    assert f"{reworded.score:g}% alike" in reworded.why


def test_two_plans_in_one_store(files_pair):
    kg = add_plan(build(), "plan-2024", files_pair[1])
    path = files_pair[1].with_name("two.trig")
    kg.save(path)
    with pytest.raises(DataError, match=r"holds 2 plans \(kraftsamling-2019, plan-2024\); choose one"):
        open_side(path)
    found = diff(open_side(path, SEED), open_side(path, "plan-2024"))
    assert [c.id for c in found["reassigned"]] == ["E2", "A1-staten-2"]
    with pytest.raises(DataError, match="--plan chooses a plan inside a store"):
        open_side(files_pair[0], SEED)


def test_the_cli_prints_it_readably_and_as_json(files_pair, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    run = lambda *a: CliRunner().invoke(main, [str(x) for x in a], catch_exceptions=False)  # noqa: E731
    old, new = files_pair
    table = run("diff", old, new)
    assert table.exit_code == 0, table.output
    assert "Reworded" in table.stdout and "A1-staten-1" in table.stdout and "I5" in table.stdout
    as_json = json.loads(run("diff", old, new, "--format", "json").stdout)
    assert sorted(as_json) == ["added", "dropped", "reassigned", "reworded"]
    assert as_json["reworded"][0]["new"] == OUTCOME_TEXT  # å ä ö kept
    assert as_json["reassigned"][1]["why"].startswith("Commitment A1-staten-2 keeps its id")
    same = json.loads(run("diff", old, old, "--format", "json").stdout)
    assert all(rows == [] for rows in same.values())
    bad = run("diff", old, "missing.ttl")
    assert bad.exit_code == 2 and "missing.ttl: no such store file" in bad.stderr
    bad = run("diff", old, new, "--plan", "a", "--plan", "b", "--plan", "c")
    assert bad.exit_code == 2 and "at most twice" in bad.stderr


def test_every_shape_puts_the_old_side_before_the_new(files_pair, tmp_path, monkeypatch):
    import csv

    monkeypatch.chdir(tmp_path)
    run = lambda *a: CliRunner().invoke(main, [str(x) for x in a], catch_exceptions=False)  # noqa: E731
    old, new = files_pair
    result = run("diff", old, new, "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(result.stdout.splitlines()))
    assert list(rows[0]) == ["section", "kind", "id", "initiative", "old", "new", "score", "why", "sources"]
    reworded = next(r for r in rows if r["id"] == "A1-staten-1")
    assert (reworded["old"], reworded["new"]) == (OLD_TEXT, NEW_TEXT)
    added = next(r for r in rows if r["section"] == "added")
    assert (added["old"], added["new"]) == ("", ADDED_TEXT)  # å ä kept
    as_json = json.loads(run("diff", old, new, "--format", "json").stdout)
    assert list(as_json["reworded"][0])[3:5] == ["old", "new"]
    headers = [line.split() for line in run("diff", old, new).stdout.splitlines() if line.startswith("kind ")]
    assert headers == [["kind", "id", "new"], ["kind", "id", "old"],
                       ["kind", "id", "initiative", "old", "new"],
                       ["kind", "id", "initiative", "old", "new", "score"]]


def renumbered(g: Graph) -> Graph:
    """``g`` with every item's id changed ("A1" -> "2024-A1"), as a plan numbered anew would be."""
    out = Graph()
    prefix = str(plan_item(SEED, "x", "")).rsplit("/x/", 1)[0] + "/"

    def new(term):
        text = str(term)
        if not text.startswith(prefix) or text.count("/") - prefix.count("/") != 1:
            return term
        kind, _, code = text[len(prefix):].partition("/")
        return plan_item(SEED, kind, "2024-" + code) if kind != "focus-area" and kind != "goal" else term

    for s, p, o in g:
        if p == KG.code and (s, RDF.type, KG.FocusArea) not in g and (s, RDF.type, KG.Goal) not in g:
            o = Literal("2024-" + str(o))
        out.add((new(s), p, new(o)))
    return out


def test_plans_that_share_few_ids_are_paired_by_text(files_pair, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    old = files_pair[0]
    new = tmp_path / "renumbered.ttl"
    plan = renumbered(edited())
    # one initiative says something else altogether: it is no rewording of C4 but a new one
    c4 = plan_item(SEED, "initiative", "2024-C4")
    plan.set((c4, SKOS.prefLabel, Literal("Trafiksäkerhet på landsvägar", lang="sv")))
    plan.remove((c4, KG.hasOutcome, None))
    plan.serialize(new, format="turtle", encoding="utf-8")
    run = lambda *a: CliRunner().invoke(main, [str(x) for x in a], catch_exceptions=False)  # noqa: E731
    answer = json.loads(run("diff", old, new, "--format", "json").stdout)
    (warning,) = answer["warning"]
    assert "share 0 of their initiative ids (33 and 32)" in warning["why"]
    assert "paired by their texts instead" in warning["why"]
    matched = {r["id"]: r for r in answer["matched"]}
    assert matched["A1 → 2024-A1"]["score"] == 100.0 and "paired by text" in matched["A1 → 2024-A1"]["why"]
    assert "I5 → 2024-I5" not in matched  # dropped in the edit: nothing new says it
    assert not [i for i in matched if i.startswith("C4 ") or i.endswith(" 2024-C4")]
    assert {(r["kind"], r["id"]) for r in answer["dropped"] if r["kind"] == "initiative"} == {
        ("initiative", "I5"), ("initiative", "C4")}
    assert {r["id"] for r in answer["added"] if r["kind"] == "initiative"} == {"2024-C4"}
    assert "nor one whose text is like it" in answer["added"][0]["why"]
    # the edits are found as they were by id: the rewording, with its score, and the new actor
    reworded = {r["id"]: r for r in answer["reworded"]}
    assert reworded["A1-staten-1 → 2024-A1-staten-1"]["new"] == NEW_TEXT
    assert "paired by text with commitment A1-staten-1" in reworded["A1-staten-1 → 2024-A1-staten-1"]["why"]
    assert reworded["E1-1 → 2024-E1-1"]["score"] == diff(*(open_side(p) for p in files_pair))[
        "reworded"][0].score
    reassigned = {r["id"]: r for r in answer["reassigned"]}
    assert reassigned["A1-staten-2 → 2024-A1-staten-2"]["new"] == "civilsamhallet"
    assert "E2 → 2024-E2" not in reassigned  # focus areas of two numberings are not compared
    # an item paired by text is in no other section
    assert not {r["id"] for r in answer["added"]} & {r["id"].split(" → ")[-1] for r in answer["matched"]}
