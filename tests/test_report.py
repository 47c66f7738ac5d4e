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
