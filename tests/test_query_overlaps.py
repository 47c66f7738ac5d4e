"""overlaps: commitments that say nearly the same thing, and mandates that cover the same determinant.

What a careful reader of the annex (Bilaga 1) finds:

- The municipalities-and-regions column repeats one bullet word for word, save one
  noun: A1 "Ta initiativ till att ramverket tas fram. Verka för att faktorer som
  medlemmarna tycker är viktiga fångas av ramverket. Omsätta ramverket i praktisk
  handling." and D1 "Ta initiativ till att programmet tas fram. …" — repeated work.
- Civil society asks twice to contribute knowledge: E1 "Bidra med kunskap till
  läroplanen", E2 "Bidra med kunskap till åtgärdsprogrammet".
- On D1 the municipalities and regions take the initiative for the programme to be
  produced while the state is to "Ta fram programmet"; on A1 civil society is to "Bidra
  med faktorer till ramverket" while the state is to "Ta fram det nya ramverket samt bidra
  med faktorer" and the municipalities and regions to see "att faktorer som medlemmarna
  tycker är viktiga fångas av ramverket": three pairs that need coordinating.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import RDF, Literal, URIRef

from kraftgraf.errors import DataError
from kraftgraf.graph.store.build import build
from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.ontology.vocab import KG, actor_iri, plan_item
from kraftgraf.queries import text_similarity
from kraftgraf.queries.common import rq_text, run_rq, short
from kraftgraf.queries.overlaps import answer as overlaps
from kraftgraf.queries.overlaps.answer import SAME_ACTOR, SAME_INITIATIVE, similarity, text_overlaps

KR = "kommuner-och-regioner"
PLAN = "kraftsamling-2019"
A1 = ("Ta initiativ till att ramverket tas fram. Verka för att faktorer som medlemmarna tycker är "
      "viktiga fångas av ramverket. Omsätta ramverket i praktisk handling.")


@pytest.fixture(scope="module")
def kg():
    return build()


def pairs(rows, kind):
    return {(r.first, r.second): r.score for r in rows if r.kind == kind}


def test_the_repeated_bullet_of_A1_and_D1(kg):
    rows = text_overlaps(kg, kind=SAME_ACTOR)
    top = rows[0]
    assert (top.first, top.second) == (f"A1-{KR}-1", f"D1-{KR}-1")
    # After stemming the A1 words are all in D1 ("programmet" is the only word D1 adds).
    assert top.score == 100.0 and top.initiatives == "A1 / D1"
    assert top.actors == "Kommuner och regioner i samarbete med SKL"
    assert top.sources[0] == A1 and top.sources[1].startswith("Ta initiativ till att programmet tas fram.")
    assert "repeated work" in top.why


def test_the_overlaps_a_reader_finds_at_the_default_threshold(kg):
    rows = text_overlaps(kg)
    assert pairs(rows, SAME_ACTOR) == {(f"A1-{KR}-1", f"D1-{KR}-1"): 100.0,
                                       ("E1-civilsamhallet-1", "E2-civilsamhallet-1"): 82.4}
    assert pairs(rows, SAME_INITIATIVE) == {(f"D1-{KR}-1", "D1-staten-1"): 100.0,
                                            ("A1-civilsamhallet-1", "A1-staten-1"): 90.9,
                                            ("A1-civilsamhallet-1", f"A1-{KR}-1"): 82.4}
    # The next candidate down, C3 civil society "Nya former för delaktighet i arbetslivet"
    # against the municipalities' guide for taking part in working life, scores 76.
    assert min(r.score for r in text_overlaps(kg, threshold=75)) == 76.0
    assert all(r.why and r.sources for r in rows)


def test_threshold(kg):
    scores = [r.score for r in text_overlaps(kg, threshold=90)]
    assert scores == [100.0, 100.0, 90.9]
    assert [r.score for r in text_overlaps(kg, threshold=100)] == [100.0, 100.0]
    lower = {(r.first, r.second) for r in text_overlaps(kg, threshold=60)}
    assert {(r.first, r.second) for r in text_overlaps(kg)} < lower
    with pytest.raises(DataError, match="outside 0–100"):
        overlaps.sections(kg, threshold=101)


def test_swedish_word_forms_do_not_hide_a_repeat():
    # The A1 bullet with other forms of nearly every word still matches: stems meet.
    inflected = ("Tar initiativ till att ramverken tas fram. Verkar för att faktorn som medlemmen tycker "
                 "är viktig fångas av ramverken. Omsätter ramverken i praktiska handlingar.")
    assert similarity(A1, inflected) >= 95
    assert overlaps.normalise("Ramverken ramverk") == "ramverk ramverk"
    # … and in the graph: the same actor says it again, inflected, on G4; A1 and D1 match it.
    kg = build()
    commitment = plan_item(PLAN, "commitment", f"G4-{KR}-9")
    g = kg.graph(f"plan/{PLAN}")
    g.add((commitment, RDF.type, KG.Commitment))
    g.add((commitment, KG.byActor, actor_iri(KR)))
    g.add((commitment, KG.toInitiative, plan_item(PLAN, "initiative", "G4")))
    g.add((commitment, KG.text, Literal(inflected, lang="sv")))
    rows = text_overlaps(kg, kind=SAME_ACTOR)
    found = pairs(rows, SAME_ACTOR)
    assert found[(f"A1-{KR}-1", f"G4-{KR}-9")] >= 95 and found[(f"D1-{KR}-1", f"G4-{KR}-9")] >= 90
    # G4's line has no source quote, while other commitments have two: its rows cite A1's alone.
    a1_g4 = next(r for r in rows if (r.first, r.second) == (f"A1-{KR}-1", f"G4-{KR}-9"))
    assert a1_g4.sources == [A1]


@given(st.lists(st.sampled_from(["Ramverket", "ÅTGÄRDER", "för", "psykisk", "hälsa", "Öka", "2030"]),
                min_size=1, max_size=8),
       st.lists(st.sampled_from([" ", ", ", ". ", "; ", " – ", " (", ") ", "/", " ”", "\n", "\u00a0", "-"]),
                min_size=8, max_size=8))
def test_case_and_the_marks_between_words_do_not_change_the_words(words, marks):
    marked = "".join(w + m for w, m in zip(words, marks))
    assert overlaps.normalise(marked) == overlaps.normalise(" ".join(words).lower())
    assert overlaps.normalise(marked).split() == [text_similarity.normalise(w) for w in words]


def test_python_and_sparql_candidates_are_the_same(kg):
    for kind, name in ((SAME_INITIATIVE, "overlap_candidates_same_initiative"),
                       (SAME_ACTOR, "overlap_candidates_same_actor")):
        python = overlaps.candidate_pairs(kg, kind)
        sparql = {(r["first"], r["second"]) for r in run_rq(kg, rq_text(name))}
        assert python == sparql
    # 51 pairs by different actors on one initiative; 698 by one actor across initiatives.
    assert len(overlaps.candidate_pairs(kg, SAME_INITIATIVE)) == 51
    assert len(overlaps.candidate_pairs(kg, SAME_ACTOR)) == 698
    # Bound to one block the query stays small: A1 has 7 commitments by three actors,
    # 3 + 2 + 2 of them, so 21 − 3 − 1 − 1 = 16 pairs across actors.
    a1 = run_rq(kg, rq_text("overlap_candidates_same_initiative"),
                initiative=plan_item(PLAN, "initiative", "A1"))
    assert len(a1) == 16 and {short(r["first"])[:2] for r in a1} == {"A1"}
    civil = run_rq(kg, rq_text("overlap_candidates_same_actor"), actor=actor_iri("civilsamhallet"))
    assert civil and all("civilsamhallet" in r["first"] + r["second"] for r in civil)


def test_the_pairs_compared_are_counted(kg):
    counts = {r.measure: r.value for r in overlaps.sections(kg)[-1].rows}
    assert counts["Commitments"] == 59 and counts["All pairs"] == 59 * 58 // 2
    assert (counts["Candidates on one initiative"], counts["Candidates by one actor"]) == (51, 698)
    # Only candidates where one text's rarest words occur in the other are scored.
    assert 0 < counts["Pairs compared"] < 51 + 698 and counts["Overlaps found"] == 5


def test_mandates_that_cover_the_same_determinant(kg):
    rows = {r.determinant: r for r in overlaps.mandate_overlaps(kg)}
    # data/mandates.csv and determinant_sectors.csv: health care is held by the regions, UPH
    # and four agencies (6); lifestyle lies in health care and public health
    # (Folkhälsomyndigheten, SFS 2021:248; prop. 2017/18:249) (7); social services by the
    # municipalities and four agencies (5); housing lies in planning (the municipalities) and
    # social services; civil society by civil society and two kinds of its organisations.
    # SKL holds no mandate (the memo only proposes one: "bör omfatta"), so the labour market
    # (Arbetsförmedlingen only) and school (the municipalities only) no longer overlap; nor do
    # Miljö (planning: the municipalities only), Ekonomi (Försäkringskassan only) and Kultur
    # och fritid (nobody).
    assert {d: r.actors for d, r in rows.items()} == {
        "Levnadsvanor": 7, "Hälso- och sjukvård": 6, "Boende": 5, "Socialtjänst och omsorg": 5,
        "Socialt nätverk och gemenskap": 3}
    assert rows["Boende"].sectors == "Samhällsplanering; Socialtjänst"
    assert rows["Levnadsvanor"].sectors == "Folkhälsa; Hälso- och sjukvård"
    assert all(r.why and r.sources for r in rows.values())


def test_an_empty_store_gives_empty_rows():
    assert all(s.rows == [] for s in overlaps.sections(KnowledgeGraph()))


BUSIEST = """PREFIX kg: <https://w3id.org/kraftgraf/ontology#>
SELECT ?initiative ?actor WHERE {
  { SELECT ?initiative WHERE { ?c kg:toInitiative ?initiative }
    GROUP BY ?initiative ORDER BY DESC(COUNT(?c)) LIMIT 1 }
  { SELECT ?actor WHERE { ?c kg:byActor ?actor } GROUP BY ?actor ORDER BY DESC(COUNT(?c)) LIMIT 1 }
}"""


@pytest.mark.slow
def test_a_national_plan_is_blocked_not_compared_blindly(national):
    # Python and the bound SPARQL give the same candidates block by block (unbound, the
    # queries would join some 49,000 commitments with each other).
    busiest = run_rq(national, BUSIEST)[0]
    for kind, name, var in ((SAME_INITIATIVE, "overlap_candidates_same_initiative", "initiative"),
                            (SAME_ACTOR, "overlap_candidates_same_actor", "actor")):
        block = URIRef(busiest[var])
        sparql = {(r["first"], r["second"]) for r in run_rq(national, rq_text(name), **{var: block})}
        assert sparql and overlaps.candidate_pairs(national, kind, block) == sparql
    counts = {r.measure: r.value for r in overlaps.sections(national, threshold=95)[-1].rows}
    candidates = counts["Candidates on one initiative"] + counts["Candidates by one actor"]
    assert candidates < counts["All pairs"] / 100 and counts["Pairs compared"] < candidates / 100
    # The generator repeats an initiative's theme in 5 % of commitments and an actor's in 3 %,
    # in other word forms ("Ta fram programmet" / "Tar fram ett program"): both kinds are found.
    rows = text_overlaps(national, threshold=95)
    assert {r.kind for r in rows} == {SAME_INITIATIVE, SAME_ACTOR} and all(r.score >= 95 for r in rows)
