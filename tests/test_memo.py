"""The memo loader on the real seed memo, and on small memos broken on purpose."""

from __future__ import annotations

from collections import Counter

import pytest
from rdflib import RDF, Graph
from rdflib.namespace import SKOS

from kraftgraf.errors import DataError
from kraftgraf.loaders.annex import is_placeholder, parse_annex
from kraftgraf.loaders.memo import load_memo
from kraftgraf.ontology.vocab import KG, PROV, plan_item

PLAN = "kraftsamling-2019"


@pytest.fixture(scope="module")
def plan(memo_path) -> Graph:
    g = Graph()
    load_memo(g, memo_path)
    return g


def of_type(g: Graph, cls) -> set:
    return set(g.subjects(RDF.type, cls))


def by_actor(g: Graph, cls) -> Counter:
    return Counter(str(g.value(s, KG.byActor)).rsplit("/", 1)[-1] for s in of_type(g, cls))


def item(kind: str, key: str):
    return plan_item(PLAN, kind, key)


def test_counts_a_careful_reader_gets(plan):
    # Three goals (1-3) and nine focus areas (A-I), as in the summary list.
    assert len(of_type(plan, KG.Goal)) == 3
    assert len(of_type(plan, KG.FocusArea)) == 9
    # One initiative per row of "Vad vi ser behöver åstadkommas", counting rows that a
    # page break continues only once: A 3, B 3, C 6, D 6, E 2, F 1, G 4, H 3, I 5 = 33.
    initiatives = of_type(plan, KG.Initiative)
    assert len(initiatives) == 33
    per_focus = Counter(str(plan.value(i, KG.inFocusArea))[-1] for i in initiatives)
    assert per_focus == dict(A=3, B=3, C=6, D=6, E=2, F=1, G=4, H=3, I=5)
    # Outcomes: A1 has two bullets, A2 three, A3 two; every other row one: 7 + 30 = 37.
    assert len(of_type(plan, KG.Outcome)) == 37


def test_commitments_per_actor_column(plan):
    # Municipalities and regions with SKL: A 2+4+1, B 1+1+1, C 1+1+2 (C3 continues on
    # the next page with "Kombinera med en kraftfull intressebevakning"), D 6, E 2, F 1,
    # G 4+1+1+1, H 1 (H2), I 3 (I1-I3) = 34.
    # The state: A 2+1, B 2 (B1's cell continues: "...politisk agenda" and "Digitala
    # system..."), C 3, D 2 (D1, D6), E 2, G 2 (G2, G3), H 1 (H1), I 1 (I1) = 16.
    # Civil society: A 3+1, C 1+1, E 1+1, G 1 = 9.
    assert by_actor(plan, KG.Commitment) == {
        "kommuner-och-regioner": 34, "staten": 16, "civilsamhallet": 9}


def test_open_commitments_per_actor_column(plan):
    # A cell written "...", "• ...", "• .." or "•" is a slot nobody filled.
    # Municipalities/regions: C4-C6, H1, H3, I4, I5 = 7.  The state: A3, B2, B3, C4-C6,
    # D2-D5, F1, G1, G4, H2, H3, I2-I5 = 19.  Civil society: 33 rows - 7 with a
    # commitment - D1 (its cell is missing, not a placeholder) = 25.
    assert by_actor(plan, KG.OpenCommitment) == {
        "kommuner-och-regioner": 7, "staten": 19, "civilsamhallet": 25}
    assert (item("open-commitment", "D1-civilsamhallet"), None, None) not in plan


def test_page_breaks_are_joined(plan):
    text = lambda key: str(plan.value(item("commitment", key), KG.text))  # noqa: E731
    assert text("B1-staten-1") == "Driva en nationell hälsofrämjande politisk agenda"
    assert text("B1-staten-2").startswith("Digitala system som stödjer samarbete.")
    assert text("B1-kommuner-och-regioner-1").endswith("kan driva en samhällspåverkande diskussion")
    # a word cut by the page break joins without a space ("åtgärdsprogram" + "et")
    assert text("E2-staten-1") == "Utveckla åtgärdsprogramet. Ge lagliga förutsättningar för utvärdering"
    assert text("H1-staten-1") == (
        "Se över och ev. uppdatera innehållet i utbildningar för välfärdsyrken")
    assert text("C3-kommuner-och-regioner-2") == "Kombinera med en kraftfull intressebevakning"
    outcome = str(plan.value(item("outcome", "E2-1"), KG.text))
    assert outcome.endswith("främjar psykisk hälsa och goda skolresultat och livslångt lärande")


def test_names_come_from_the_summary_list(plan):
    label = lambda node: str(plan.value(node, SKOS.prefLabel))  # noqa: E731
    assert label(item("goal", "2")).startswith("Individer som är rustade")
    assert label(item("focus-area", "I")) == "Ett skyddsnät med täta maskor"
    assert label(item("focus-area", "H")).endswith("det nya välfärdsuppdraget")
    # the annex's own spelling is kept as an alternative label
    assert str(plan.value(item("focus-area", "H"), SKOS.altLabel)).endswith("välståndsupdraget")
    assert plan.value(item("focus-area", "B"), KG.partOf) == item("goal", "1")
    assert plan.value(item("focus-area", "G"), KG.partOf) == item("goal", "3")


def test_every_quote_is_verbatim_at_its_offsets(plan, memo_text):
    sources = of_type(plan, KG.Source)
    assert len(sources) > 200
    for src in sources:
        quote = str(plan.value(src, PROV.value))
        start, end = plan.value(src, KG.charStart), plan.value(src, KG.charEnd)
        assert memo_text[int(start):int(end)] == quote


def test_no_placeholder_becomes_a_commitment(plan):
    for node in of_type(plan, KG.Commitment):
        assert not is_placeholder(str(plan.value(node, KG.text)))


def test_two_loads_give_the_same_graph(memo_path, plan):
    again = Graph()
    load_memo(again, memo_path)
    assert set(again) == set(plan)


MINI = (
    "Intro\n\n#### 1. Ett mål\n\n- A. Ett fokus\n\n"
    "\tVad vi vill skapa\tVilken utveckling vi vill se\tVad vi ser behöver åstadkommas\t"
    "Vad staten kan göra\n"
    "1.\tEtt mål\tA. Ett fokus\t<ul> <li>Ett utfall</li> </ul>\t{cell}\n"
)


def test_a_small_memo_of_the_same_shape(tmp_path):
    path = tmp_path / "mini.txt"
    path.write_text(MINI.format(cell="<ul> <li>• Göra något</li> <li>Och mer</li> </ul>"),
                    encoding="utf-8")
    g = Graph()
    load_memo(g, path)
    assert len(of_type(g, KG.Commitment)) == 2
    assert str(g.value(item("commitment", "A1-staten-1"), KG.text)) == "Göra något"


@pytest.mark.parametrize("text, message", [
    ("Just prose, no table.\n", "no annex table found"),
    (MINI.replace("Vad staten kan göra", "Vad kungen kan göra").format(cell=""),
     "annex column 'Vad kungen kan göra' names no known actor"),
])
def test_bad_memos_say_what_is_wrong(tmp_path, text, message):
    path = tmp_path / "bad.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match=message):
        load_memo(Graph(), path)


def test_missing_and_binary_files(tmp_path):
    with pytest.raises(DataError, match="no such file"):
        load_memo(Graph(), tmp_path / "nope.txt")
    binary = tmp_path / "memo.txt"
    binary.write_bytes(b"\xff\xfe\x00 not utf-8")
    with pytest.raises(DataError, match="not a UTF-8 text file"):
        load_memo(Graph(), binary)


def test_annex_table_shape(memo_text):
    table = parse_annex(memo_text)
    assert [h.split(" kan ")[0] for h in table.actor_headers] == [
        "Vad kommuner och regioner i samarbete med SKL", "Vad staten", "Vad civilsamhället"]
    assert memo_text[table.start:].startswith("\tVad vi vill skapa")

