"""The question registry: a question declared in one place appears in the CLI, the report and the tests."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from cypher_engines import compliance_cases

from kraftgraf.cli import main
from kraftgraf.graph.views.report import render_report
from kraftgraf.queries.backend import backend_of
from kraftgraf.queries.common import Section, short
from kraftgraf.queries.registry import Option, Question, ReportPart, question, questions, register, unregister


def lonely_sections(graph, limit: float = 3):
    """A question's answer for the test: the first ``limit`` initiatives."""
    rows = [{"code": short(r["initiative"]), "label": graph.label(r["initiative"]),
             "why": "listed by the test question", "sources": []}
            for r in backend_of(graph).rows("initiatives_in_order")[: int(limit)]]
    return [Section("lonely", "Lonely initiatives", "The first initiatives, for the test.", rows,
                    ("code", "label"))]


LONELY = Question(
    name="lonely",
    help="Initiatives the test question lists (a question declared in a test module).",
    answer=f"{__name__}:lonely_sections",
    options=(Option("limit", "How many.", kind="number", low=0, high=100),),
    sections={"lonely": ("code", "label")},
    report=(ReportPart("Ensamma initiativ (testfrågan)"),),
    examples=({"limit": 2},),
)


@pytest.fixture
def lonely():
    register(LONELY)
    yield LONELY
    unregister(LONELY.name)


def test_a_question_declared_here_is_a_cli_command(lonely, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    listed = runner.invoke(main, ["query", "--help"])
    assert "lonely" in listed.output and "Initiatives the test question lists" in listed.output
    answer = runner.invoke(main, ["query", "lonely", "--limit", "2", "--format", "json"])
    assert answer.exit_code == 0, answer.output
    assert '"lonely"' in answer.output and answer.output.count('"code"') == 2
    wrong = runner.invoke(main, ["query", "lonely", "--limit", "x"])
    assert wrong.exit_code == 2 and len(wrong.output.strip().splitlines()) == 1


def test_a_question_declared_here_is_in_the_report(lonely, seed_kg):
    page = render_report(seed_kg)
    assert "Ensamma initiativ (testfrågan)" in page and "Lonely initiatives" in page


def test_a_question_declared_here_is_in_the_compliance_suite(lonely):
    assert ("lonely", {"limit": 2}) in compliance_cases()


def test_without_it_it_is_nowhere(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert "lonely" not in [q.name for q in questions()]
    assert CliRunner().invoke(main, ["query", "lonely"]).exit_code == 2


@pytest.mark.parametrize(("name", "options"), compliance_cases(), ids=str)
def test_each_section_has_the_columns_its_question_declares(seed_kg, name, options):
    q = question(name)
    for s in q.ask(seed_kg, **options):
        assert q.sections.get(s.key) == s.columns, f"{name}: section {s.key}"


def test_each_question_has_its_texts_beside_it():
    for q in questions():
        assert q.package and q.texts(), f"{q.name} has no query text in its folder"
