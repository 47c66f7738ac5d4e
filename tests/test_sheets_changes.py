"""What `kraftgraf import` says it changes: in the sheet's words, each change once."""

from __future__ import annotations

import csv
import re

import pytest
from click.testing import CliRunner
from kraftgraf.graph.store import KnowledgeGraph
from kraftgraf.loaders.curated import load_curated

from kraftgraf.cli import main
from tests.test_sheets_who import FIXTURE, IMPORT


@pytest.fixture(scope="module")
def who_store(tmp_path_factory):
    """A store with the curated facts and the WHO plan, imported from the fixture."""
    store = tmp_path_factory.mktemp("who-changes") / "who.trig"
    kg = KnowledgeGraph()
    kg.add_ontology()
    load_curated(kg.graph("curated"))
    kg.save(store)
    result = CliRunner().invoke(main, [*IMPORT, "--store", str(store)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return store


def _read(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f, delimiter=";"))


def _write(path, rows):
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f, delimiter=";").writerows(rows)


def test_the_diff_says_in_words_what_changed_and_counts_each_change_once(who_store, tmp_path):
    plan = _read(FIXTURE)
    header = plan[0]
    row = {r[0]: r for r in plan[1:]}
    outcomes = row["1.1"][4].split("\n")
    row["1.1"][4] = "\n".join(["Global target 1.1: every country has a policy", *outcomes[1:]])
    row["1.2"][header.index("Member States")] += "\nTrain planners in costing mental health services"
    links = _read(FIXTURE.with_name(FIXTURE.stem + ".bestamningsfaktorer.csv"))
    dropped = links.pop()
    links[1][3] = "Laws are governance."
    links.append(["1.1", "boende", "", "Housing policy is part of mental health policy."])
    edited = tmp_path / "who.csv"
    _write(edited, plan)
    _write(tmp_path / "who.bestamningsfaktorer.csv", links)
    store = tmp_path / "who.trig"
    store.write_bytes(who_store.read_bytes())
    args = [a if a != str(FIXTURE) else str(edited) for a in IMPORT]
    result = CliRunner().invoke(main, [*args, "--store", str(store), "--dry-run"])
    assert result.exit_code == 0, result.output
    diff = result.stdout.splitlines()[1:]
    assert diff == [
        "changed: outcome 1 of initiative 1.1 (Åtaganden): “" + outcomes[0] + "” → "
        "“Global target 1.1: every country has a policy”",
        "added: commitment 1.2-member-states-2 by Member States: "
        "“Train planners in costing mental health services”",
        "added: a link from initiative 1.1 to determinant “Boende”",
        "changed: the reason for a link from initiative 1.1 to determinant "
        "“Politik, lagstiftning och styrning” (Motivering): "
        "“Policy and law for mental health are governance.” → “Laws are governance.”",
        f"dropped: a link from initiative {dropped[0]} to determinant “Hälso- och sjukvård”",
        "2 added, 1 dropped, 2 changed"]
    for line in diff:  # no RDF predicate names
        assert not re.search(r"hasOutcome|addresses|label|byActor|toInitiative", line)
