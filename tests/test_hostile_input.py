"""Hostile input files and settings: one line and exit 2, nothing already built lost.

A memo with NUL (or other control) bytes in its annex, a term over Oxigraph's
16 MB buffer in a store or plan file, and a Neo4j URI that is not one (an
IPv6 host cut short or made up).
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kraftgraf.errors import DataError, KraftgrafError
from kraftgraf.graph.neo4j.push import connect
from kraftgraf.graph.store.build import plan_graph
from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.loaders.annex import OUTCOME_HEADER


@pytest.fixture(scope="module")
def small_memo(memo_text):
    """The annex's header and first row: a memo the loader reads in a few milliseconds."""
    lines = memo_text.split("\n")
    first = next(i for i, line in enumerate(lines) if OUTCOME_HEADER in line.split("\t"))
    return "\n".join(lines[first:first + 2]) + "\n"


def load(path):
    """What `build --memo` does with the memo's plan: read it, then add it to an Oxigraph store."""
    target = KnowledgeGraph().graph("plan/x")
    for triple in plan_graph(path):
        target.add(triple)
    return target


@pytest.mark.parametrize("where, old, new", [
    ("in the goal number", "1.\t", "1.\x00\t"),
    ("in an item", "<li>", "<li>\x00"),
    ("in a heading", "Vad staten", "Vad\x00staten"),
    ("an escape sequence", "<li>", "<li>\x1b[31m"),
])
def test_a_control_byte_in_the_annex_is_one_line(tmp_path, run, memo_text, where, old, new):
    (tmp_path / "memo.txt").write_text(memo_text.replace(old, new, 1), encoding="utf-8")
    assert run("build", "-o", "keep.trig").exit_code == 0
    before = (tmp_path / "keep.trig").read_bytes()
    result = run("build", "memo.txt", "-o", "keep.trig", "--replace")
    assert result.exit_code == 2 and "a control character (U+00" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert (tmp_path / "keep.trig").read_bytes() == before


def test_a_goal_number_that_is_no_number_is_one_line(tmp_path, small_memo):
    (tmp_path / "memo.txt").write_text(small_memo.replace("1.\t", "1 a\t", 1), encoding="utf-8")
    with pytest.raises(DataError, match="the goal number '1 a' is not a number"):
        load(tmp_path / "memo.txt")


def test_the_small_memo_loads(tmp_path, small_memo):
    (tmp_path / "memo.txt").write_text(small_memo, encoding="utf-8")
    assert len(load(tmp_path / "memo.txt")) > 100


_CELL = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12) | st.sampled_from(
    ["\x00", "1 a", "<li>", "</ul>", "\t", "\n", "A. ", "2.", "…", "<ul><li>x</li></ul>", " ", "\r\n"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cell=st.integers(min_value=0, max_value=6), text=_CELL, at_start=st.booleans())
def test_any_text_in_any_annex_cell_loads_or_is_one_line(tmp_path, small_memo, cell, text, at_start):
    header, row = small_memo.rstrip("\n").split("\n")
    cells = row.split("\t")
    cell %= len(cells)
    cells[cell] = text + cells[cell] if at_start else cells[cell] + text
    path = tmp_path / "memo.txt"
    path.write_text(header + "\n" + "\t".join(cells) + "\n", encoding="utf-8")
    try:
        load(path)
    except KraftgrafError as exc:
        assert "\n" not in str(exc)


@pytest.mark.parametrize("name, text", [
    ("big.ttl", '<urn:a> <urn:p> "{x}" .\n'),
    ("big.nt", "<urn:a> <urn:p> <urn:{x}> .\n"),
    ("big.trig", '<urn:g> {{ <urn:a> <urn:p> "{x}"@sv }}\n'),
])
def test_a_term_over_oxigraphs_buffer_is_one_line(tmp_path, run, name, text):
    assert run("build", "-o", "keep.trig").exit_code == 0
    before = (tmp_path / "keep.trig").read_bytes()
    (tmp_path / name).write_text(text.format(x="x" * (16 * 1024 * 1024 + 10)), encoding="utf-8")
    result = run("stats", "--store", name)
    assert result.exit_code == 2 and "too long to read" in result.output
    assert len(result.output.strip().splitlines()) == 1
    if name != "big.trig":  # a plan file is .ttl or .nt
        built = run("build", name, "-o", "keep.trig", "--add")
        assert built.exit_code == 2 and "too long to read" in built.output
    assert (tmp_path / "keep.trig").read_bytes() == before


@pytest.mark.parametrize("uri, words", [
    ("neo4j://[::1", "Invalid IPv6 URL"),
    ("neo4j://user@[::1", "Invalid IPv6 URL"),
    ("bolt://[gg::1]:7687", "does not appear to be an IPv4 or IPv6 address"),
    ("neo4j://[::1]:99999", "Port out of range"),
    ("http://[::1]:7474", "is not a Neo4j URI"),
])
def test_a_uri_that_is_not_one_is_refused_before_any_connection(uri, words):
    with pytest.raises(KraftgrafError, match="is not a Neo4j URI") as caught:
        connect(uri, "neo4j", "secret")
    assert words in str(caught.value)


@pytest.mark.parametrize("args", [["neo4j", "push"], ["query", "unowned", "--backend", "neo4j"]])
def test_the_cli_says_so_in_one_line(run, args):
    result = run(*args, "--uri", "neo4j://[::1", "--user", "u", "--password", "p")
    assert result.exit_code == 2 and "is not a Neo4j URI (Invalid IPv6 URL)" in result.output
    assert len(result.output.strip().splitlines()) == 1
