"""Each text cell in its own language: detected from its words, set per column, names in two languages.

The texts are real: lines of the Swedish suicide-prevention programme (2008) and of
the WHO action plan (English) from tests/fixtures, the Finnish programme (English)
from benchmarks/suggest_eval, and the seed plan's own texts.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from rdflib import RDFS, Literal
from rdflib.namespace import SKOS

from kraftgraf.errors import DataError
from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.loaders.curated import load_curated
from kraftgraf.loaders.language import detect, evidence
from kraftgraf.loaders.sheet.changes import changes
from kraftgraf.loaders.sheet.codes import is_placeholder
from kraftgraf.loaders.sheet.importer import apply, import_sheet
from kraftgraf.loaders.sheet.template import write_template
from kraftgraf.ontology.vocab import KG, plan_item
from kraftgraf.queries.suggest.answer import suggestions

ROOT = Path(__file__).resolve().parents[1]
SP = ROOT / "tests" / "fixtures" / "suicidprevention-2008.csv"
WHO = ROOT / "tests" / "fixtures" / "who-mhap-2013-2030.csv"
FINLAND = ROOT / "benchmarks" / "suggest_eval" / "finland-2020.csv"
KEY = "blandad"


def sheet_rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f, delimiter=";"))


def lines(path: Path, skip=("Id",)) -> list[str]:
    """Every line of every text cell of a fixture sheet."""
    return [line.strip() for row in sheet_rows(path) for column, cell in row.items() if column not in skip
            for line in (cell or "").splitlines() if line.strip() and not is_placeholder(line)]


@pytest.mark.parametrize(("path", "lang"), [(SP, "sv"), (WHO, "en"), (FINLAND, "en")])
def test_the_words_of_real_plans_tell_their_language(path, lang):
    found = [detect(text) for text in lines(path)]
    assert len(found) > 40
    assert set(found) <= {lang, None}  # never the other language
    assert found.count(lang) >= 0.8 * len(found)  # and most cells tell


def test_the_seed_plan_reads_as_swedish_throughout(seed_kg):
    texts = [o for g in seed_kg.dataset.graphs() if "/plan/" in str(g.identifier)
             for o in g.objects() if isinstance(o, Literal) and o.language == "sv"]
    assert len(texts) > 400
    assert {detect(str(t)) for t in texts} <= {"sv", None}


def test_the_evidence_is_there_to_read():
    found = evidence("Stöd till efterlevande efter suicid")
    assert found.language == "sv" and "till" in found.clues["sv"] and "ö" in found.clues["sv"]
    found = evidence("Support the loved ones of those who died by suicide")
    assert found.language == "en" and {"the", "of", "by"} <= set(found.clues["en"])
    assert evidence("Suicidprevention").language is None  # a lone word: the column's or plan's language


@pytest.fixture
def kg():
    kg = KnowledgeGraph()
    kg.add_ontology()
    load_curated(kg.graph("curated"))
    return kg


def write(path: Path, rows: list[list[str]]) -> Path:
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f, delimiter=";").writerows(rows)
    return path


def mixed_rows() -> tuple[list[list[str]], dict[str, str]]:
    """A plan of Swedish rows (the 2008 programme) and English ones (WHO), and one Swedish row
    whose outcomes quote WHO in English; with each text's language as its source has it."""
    sp, who = sheet_rows(SP)[1:4], sheet_rows(WHO)[:3]
    rows, want = [["Id", "Målsättning", "Fokusområde", "Initiativ", "Åtaganden", "Staten"]], {}
    for n, (row, lang, actor) in enumerate([(r, "sv", "Folkhälsomyndigheten") for r in sp]
                                           + [(r, "en", "Member States") for r in who], start=1):
        goal = "1. Befolkningsinriktat arbete" if lang == "sv" else "2. Strengthen effective leadership"
        focus = "P1. Livsvillkor" if lang == "sv" else "O1. Leadership and governance"
        outcomes = row["Åtaganden"]
        if n == 1:  # a Swedish initiative with an English line among its outcomes
            outcomes += "\n" + sheet_rows(WHO)[0]["Member States"]
            want[sheet_rows(WHO)[0]["Member States"]] = "en"
        rows.append([f"X{n}", goal, focus, row["Initiativ"], outcomes, row[actor]])
        for text in [row["Initiativ"], *row["Åtaganden"].splitlines(), *row[actor].splitlines()]:
            if text.strip() and not is_placeholder(text):  # a text whose words do not tell: the plan's
                want[text.strip()] = lang if detect(text) else "sv"
    return rows, want


def tags(kg: KnowledgeGraph) -> dict[str, set[str]]:
    g = kg.graph(f"plan/{KEY}")
    out: dict[str, set[str]] = {}
    for p in (RDFS.label, KG.text):
        for o in g.objects(None, p):
            out.setdefault(str(o), set()).add(o.language)
    return out


def test_a_plan_mixing_swedish_and_english_gets_each_cell_its_tag(kg, tmp_path):
    rows, want = mixed_rows()
    apply(kg, import_sheet(kg, write(tmp_path / "plan.csv", rows), KEY, actor_columns=["Staten"]))
    found = tags(kg)
    for text, lang in want.items():
        assert found[text] == {lang}, text
    assert {"sv", "en"} <= {lang for langs in found.values() for lang in langs}
    # suggest reads each text with its own language's stems and keywords
    by_initiative = {s.initiative: s for s in suggestions(kg)}
    english = {k.rsplit("(", 1)[1] for s in by_initiative.values() if s.initiative in ("X4", "X5", "X6")
               for k in s.keywords}
    swedish = {k.rsplit("(", 1)[1] for s in by_initiative.values() if s.initiative in ("X2", "X3")
               for k in s.keywords}
    assert english == {"en)"} and swedish == {"sv)"}
    # the template writes it back so that an import changes nothing, tags included
    write_template(kg, tmp_path / "again.xlsx", KEY)
    again = import_sheet(kg, tmp_path / "again.xlsx", KEY)
    assert changes(again.old, again.graph) == []


def test_a_column_header_sets_its_language(kg, tmp_path):
    rows, _ = mixed_rows()
    rows[0][3] = "Initiativ [en]"  # every name read as English, whatever its words
    apply(kg, import_sheet(kg, write(tmp_path / "plan.csv", rows), KEY, actor_columns=["Staten"]))
    names = {str(o): o.language for o in kg.graph(f"plan/{KEY}").objects(None, SKOS.prefLabel)}
    assert names[rows[1][3]] == "en"  # a Swedish name, tagged as its column says
    assert names["Befolkningsinriktat arbete"] == "sv"  # other columns still by their words
    # the header is read without its language: the column is Initiativ, as the cells quote it
    write_template(kg, tmp_path / "back.csv", KEY)
    header = (tmp_path / "back.csv").read_text(encoding="utf-8-sig").splitlines()[0].split(";")
    assert "Initiativ [en]" in header  # the tags the words would not give back are kept by the header


def test_names_in_two_languages(kg, tmp_path):
    rows = [["Id", "Målsättning", "Målsättning [en]", "Fokusområde", "Initiativ", "Initiativ [en]",
             "Åtaganden", "Staten"],
            ["A1", "1. Färre liv förlorade i suicid", "1. Fewer lives lost to suicide", "A. Suicidprevention",
             "Stöd till efterlevande", "Support for the bereaved", "", "Följa upp livsvillkor"],
            ["A2", "", "", "", "Information systems", "", "", ""]]
    apply(kg, import_sheet(kg, write(tmp_path / "plan.csv", rows), KEY, actor_columns=["Staten"]))
    g = kg.graph(f"plan/{KEY}")
    labels = lambda node: {(str(o), o.language) for o in g.objects(node, RDFS.label)}  # noqa: E731
    assert labels(plan_item(KEY, "goal", "1")) == {("Färre liv förlorade i suicid", "sv"),
                                                    ("Fewer lives lost to suicide", "en")}
    assert labels(plan_item(KEY, "initiative", "A1")) == {("Stöd till efterlevande", "sv"),
                                                          ("Support for the bereaved", "en")}
    assert labels(plan_item(KEY, "initiative", "A2")) == {("Information systems", "sv")}  # words do not tell
    assert kg.label(plan_item(KEY, "initiative", "A1"), "en") == "Support for the bereaved"
    cited = {str(q) for q in kg.quotes(plan_item(KEY, "initiative", "A1"))}
    assert cited == {"Stöd till efterlevande", "Support for the bereaved"}  # each name quotes its cell
    write_template(kg, tmp_path / "back.xlsx", KEY)
    again = import_sheet(kg, tmp_path / "back.xlsx", KEY)
    assert changes(again.old, again.graph) == []
    from openpyxl import load_workbook

    book = load_workbook(tmp_path / "back.xlsx")
    header = [c.value for c in next(book["Initiativlista"].iter_rows())]
    guide = " ".join(str(c.value) for c in book["Instruktioner"]["A"] if c.value)  # says how, and is not read
    assert "\"Initiativ [en]\" bredvid \"Initiativ\"" in guide and "Språk" in guide
    assert "Kolumnens språk: en" in book["Initiativlista"]["F1"].comment.text
    assert header[:6] == ["Id", "Målsättning", "Målsättning [en]", "Fokusområde", "Initiativ",
                          "Initiativ [en]"]
    rows[1][5] = "Support for those bereaved by suicide"  # an edit of the English name alone
    edited = import_sheet(kg, write(tmp_path / "edited.csv", rows), KEY, actor_columns=["Staten"])
    assert [c.line for c in changes(edited.old, edited.graph)] == [
        "the name of initiative A1 (Initiativ): “Stöd till efterlevande / Support for the bereaved” → "
        "“Stöd till efterlevande / Support for those bereaved by suicide”"]


@pytest.mark.parametrize(("header", "cells", "message"), [
    (["Åtaganden [en]"], [""], "only Målsättning, Fokusområde, Initiativ may have a second column"),
    (["Initiativ [sv]"], [""], "are both set to sv"),
    (["Initiativ [en]", "Initiativ [sv]"], ["", ""], "a third column"),
    (["Målsättning [en]"], ["2. Another goal"], "goal 2 here, 1 in the column before"),
])
def test_a_second_language_column_that_cannot_be_read_is_one_clear_error(kg, tmp_path, header, cells,
                                                                          message):
    rows = [["Id", "Målsättning", "Fokusområde", "Initiativ [sv]", "Åtaganden", "Staten", *header],
            ["A1", "1. Ett mål", "A. Ett område", "Ett initiativ", "Ett utfall", "Ett åtagande", *cells]]
    with pytest.raises(DataError, match=message.replace("[", r"\[")):
        import_sheet(kg, write(tmp_path / "plan.csv", rows), KEY, actor_columns=["Staten"])
