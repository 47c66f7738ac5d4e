"""The one-page report: self-contained, and saying what the queries say."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from kraftgraf.cli import main


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    result = CliRunner().invoke(main, ["report", "-o", str(folder / "rapport.html")])
    assert result.exit_code == 0, result.output
    return (folder / "rapport.html").read_text(encoding="utf-8")


def test_nothing_is_fetched(page):
    links = re.findall(r'(?:src|href)="([^"]*)"', page)
    assert links and all(link.startswith("data:image/png;base64,") for link in links)
    assert "<script" not in page


def test_it_holds_the_counts_the_images_and_the_gap_tables(page):
    assert re.search(r"<td>initiativ</td><td>33</td>", page)
    assert page.count("data:image/png;base64,") == 3  # two heat-maps and the rainbow
    # the six initiatives nobody committed to (see tests/test_query_unowned.py)
    for code in ("C4", "C5", "C6", "H3", "I4", "I5"):
        assert f"<td>{code}</td>" in page
    assert "Socialtjänstlag (2001:453)" in page and "2025:400" in page


def test_two_versions_of_one_plan_give_the_same_gap_tables(page, tmp_path, monkeypatch):
    # An exported copy of the seed plan added beside it shares every node: the report of
    # both reads each fact once, so its tables are the seed's (only the counts' plan list differs).
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    for args in (["build"], ["export", "--format", "ttl", "-o", "copy.ttl"],
                 ["build", "--add", "copy.ttl", "--plan", "kopia"],
                 ["report", "-o", "both.html"]):
        assert runner.invoke(main, args).exit_code == 0, args
    both = (tmp_path / "both.html").read_text(encoding="utf-8")
    law = "Socialtjänstlag (2001:453)"
    assert both.count("<tr") == page.count("<tr") and both.count(law) == page.count(law) > 0
