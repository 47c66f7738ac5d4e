"""Suggestions on real plans: suicide-prevention and care vocabulary, commitments, language per text."""

from __future__ import annotations

import csv
import sys
from importlib.resources import files
from pathlib import Path

from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.loaders.curated import load_curated
from kraftgraf.loaders.sheet.importer import apply, import_sheet
from kraftgraf.queries.suggest.answer import suggestions
from kraftgraf.queries.suggest.keywords import language

ROOT = Path(__file__).resolve().parents[1]
SP = ROOT / "tests" / "fixtures" / "suicidprevention-2008.csv"


def store_with(path: Path, key: str, **options) -> KnowledgeGraph:
    kg = KnowledgeGraph()
    kg.add_ontology()
    load_curated(kg.graph("curated"))
    apply(kg, import_sheet(kg, path, key, **options))
    return kg


def found(kg: KnowledgeGraph) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for s in suggestions(kg):
        out.setdefault(s.initiative, set()).add(s.determinant)
    return out


def sheet(tmp_path: Path, rows: list[list[str]]) -> Path:
    path = tmp_path / "plan.csv"
    header = ["Id", "Målsättning", "Fokusområde", "Initiativ", "Åtaganden", "Region", "Kommun"]
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter=";").writerows([header, *rows])
    return path


def test_suicide_prevention_vocabulary_finds_means_restriction_the_bereaved_and_insurance():
    got = found(store_with(SP, "sp"))
    assert got["SP-3"] == {"miljo"}  # bridges, railways and other places
    assert got["SP-9"] == {"socialt-natverk"}  # helplines, support to the bereaved
    assert "ekonomi" in got["SP-1"]  # social insurance for less advantaged groups
    assert got["SP-5"] == {"halso-och-sjukvard", "socialtjanst-och-omsorg"}  # psychosocial


def test_commitments_are_read_when_the_initiative_says_nothing_the_rules_know(tmp_path):
    rows = [["X1", "1. Mål", "A. Område", "Ett gemensamt arbete", "",
             "Insatser i skolan", "Elevhälsan i grundskolan stärks"],
            ["X2", "1. Mål", "A. Område", "Ett annat arbete", "", "Insatser i skolan", "-"]]
    kg = store_with(sheet(tmp_path, rows), "p", actor_columns=["Region", "Kommun"])
    got = found(kg)
    assert "utbildning" in got["X1"]  # two commitments name the school
    assert "X2" not in got  # one commitment alone is not enough


def test_each_text_is_matched_in_its_own_language(tmp_path):
    rows = [["X1", "1. Mål", "A. Område", "Support for bereaved families", "", "Något", ""]]
    kg = store_with(sheet(tmp_path, rows), "p", actor_columns=["Region", "Kommun"], lang="sv")
    assert "socialt-natverk" in found(kg)["X1"]  # the import tagged the English cell en, in a plan of sv
    assert language("Stöd till efterlevande", None) == "sv"  # a text with no tag: its words
    assert language("Support for bereaved families", "sv") == "sv"  # with one: its tag (the column's, say)


def test_every_keyword_row_says_where_its_words_come_from():
    text = (files("kraftgraf.data") / "determinant_keywords.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(text.splitlines()))
    assert len(rows) > 18 and all(row["comment"].strip() for row in rows)


def test_the_evaluation_set_meets_the_targets():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_suggest import evaluate

    report = evaluate(with_seed=False)["all"]
    assert report["recall"] >= 0.7 and report["precision"] >= 0.8
