"""The CLI as a user runs it: every command, its help, its output and its errors."""

from __future__ import annotations

import json
import re
from pathlib import Path

import click
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kraftgraf.cli import main
from kraftgraf.graph.exporters import EXPORTERS

README = Path(__file__).resolve().parents[1] / "README.md"
RDF_FORMATS = ("ttl", "nt", "jsonld", "trig", "nq")


def all_commands(group, prefix=()):
    ctx = click.Context(group)
    for name in group.list_commands(ctx):  # the registry's questions too, not only group.commands
        command = group.get_command(ctx, name)
        if isinstance(command, click.Group):
            yield from all_commands(command, (*prefix, name))
        else:
            yield (*prefix, name), command


def test_every_command_has_help_and_is_in_the_readme(run):
    readme = README.read_text(encoding="utf-8")
    flat = lambda text: " ".join(text.split())  # noqa: E731  (help text is wrapped)
    for path, command in all_commands(main):
        result = run(*path, "--help")
        assert result.exit_code == 0, path
        assert command.help and flat(command.help.split("\n")[0]) in flat(result.output)
        usage = "kraftgraf " + " ".join(path)
        assert usage in readme, f"README does not mention '{usage}'"


def test_build_writes_a_store_and_says_what_it_holds(run, tmp_path):
    result = run("build")
    assert result.exit_code == 0, result.output
    assert re.search(r"initiativ\s+33", result.output)
    assert re.search(r"åtaganden\s+59", result.output)
    assert (tmp_path / "kraftgraf-store.trig").is_file()
    # later commands read the store from this folder
    stats = run("stats", "--format", "json")
    counts = {row["kind"]: row["count"] for row in json.loads(stats.stdout)}
    assert counts["open_commitments"] == 51
    assert counts["actors"] > 10 and counts["laws"] >= 6


def test_stats_csv_and_table_keep_swedish_letters(run):
    csv_out = run("stats", "--format", "csv").output
    assert csv_out.splitlines()[0] == "kind,label_sv,count"
    assert "öppna åtaganden" in csv_out
    assert "målsättningar" in run("stats").output


def test_validate_passes_on_the_bundled_plan(run):
    result = run("validate")
    assert result.exit_code == 0, result.output
    assert "conforms" in result.output


def test_export_formats_parse_back_to_the_same_graph(run, tmp_path):
    graphs = {}
    for fmt, (_, suffix, _) in EXPORTERS.items():
        if fmt not in RDF_FORMATS:
            continue
        out = tmp_path / f"plan{suffix}"
        result = run("export", "--format", fmt, "-o", out)
        assert result.exit_code == 0, result.output
        if fmt in ("trig", "nq"):
            ds = Dataset()
            ds.parse(out, format={"trig": "trig", "nq": "nquads"}[fmt])
            merged = Graph()
            for s, p, o, _ in ds.quads((None, None, None, None)):
                merged.add((s, p, o))
            graphs[fmt] = merged
        else:
            graphs[fmt] = Graph().parse(out, format={"ttl": "turtle", "jsonld": "json-ld"}.get(fmt, fmt))
    reference = graphs.pop("ttl")
    assert len(reference) > 3000
    for fmt, g in graphs.items():
        assert isomorphic(reference, g), fmt


def test_building_twice_gives_byte_identical_turtle(run, tmp_path):
    for name in ("a", "b"):
        run("build", "-o", f"{name}.trig")
        run("export", "--store", f"{name}.trig", "--format", "ttl", "-o", f"{name}.ttl")
    assert (tmp_path / "a.ttl").read_bytes() == (tmp_path / "b.ttl").read_bytes()


def test_build_from_a_memo_file(run, memo_path, tmp_path):
    result = run("build", memo_path, "-o", "my-store", "--format", "json")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "my-store.trig").is_file()
    counts = {row["kind"]: row["count"] for row in json.loads(result.stdout)}
    assert counts["initiatives"] == 33


def one_line_error(result, *fragments):
    assert result.exit_code == 2, result.output
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    for fragment in fragments:
        assert fragment in lines[0]


def test_bad_input_is_one_line_and_exit_2_and_keeps_what_was_built(run, tmp_path):
    run("build")
    before = (tmp_path / "kraftgraf-store.trig").read_bytes()
    one_line_error(run("build", "nope.txt"), "nope.txt", "no such file")
    (tmp_path / "prose.txt").write_text("Bara text, ingen tabell.\n", encoding="utf-8")
    one_line_error(run("build", "prose.txt"), "no annex table")
    one_line_error(run("stats", "--store", "missing.trig"), "no such store file")
    (tmp_path / "broken.trig").write_text("<a> <b> .", encoding="utf-8")
    one_line_error(run("stats", "--store", "broken.trig"), "broken.trig", "not a readable")
    one_line_error(run("build", "plan.csv", "--loader", "rdf"), "must be .ttl or .nt")
    one_line_error(run("build", "plan.docx"), "no loader reads '.docx' files")
    assert (tmp_path / "kraftgraf-store.trig").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_click_usage_errors_are_one_line_and_exit_2_too(run):
    from click.testing import CliRunner

    as_typed = CliRunner().invoke(main, ["query", "overlaps", "--format", "xml"], prog_name="kraftgraf")
    assert as_typed.exit_code == 2 and as_typed.stdout == ""
    assert as_typed.stderr == ("Error: Invalid value for '--format': 'xml' is not one of 'table', 'json', "
                               "'csv'. (see 'kraftgraf query overlaps --help')\n")
    one_line_error(run("query", "coverage", "--by", "nonsense"), "'nonsense' is not one of",
                   "query coverage --help')")
    one_line_error(run("query", "overlaps", "--threshold", 200), "0<=x<=100")
    one_line_error(run("--nope"), "No such option '--nope'")
    one_line_error(run("nope"), "No such command 'nope'")
    one_line_error(run("query", "nope"), "No such command 'nope'", "query --help')")
    one_line_error(run("stats", "--nope"), "No such option '--nope'", "stats --help')")
    one_line_error(run("diff"), "Missing argument 'OLD'", "diff --help')")
    one_line_error(run("neo4j", "push", "--batch-size", "x"), "'x' is not a valid integer", "neo4j push")
    # help is still help, and still exit 0
    for args in (["--help"], ["query", "--help"], ["query", "coverage", "--help"], ["--version"]):
        result = run(*args)
        assert result.exit_code == 0 and "Error" not in result.output, args
    assert "Commands:" in run("query").output  # a bare group shows its help, not an error


def test_a_store_from_the_synthetic_plan(run, tmp_path):
    assert run("synth", "--municipalities", 4, "--regions", 2, "--initiatives", 12,
               "-o", "small.ttl").exit_code == 0
    result = run("build", "small.ttl", "-o", "small-store.trig", "--format", "json")
    assert result.exit_code == 0, result.output
    counts = {row["kind"]: row["count"] for row in json.loads(result.stdout)}
    assert counts["initiatives"] == 12  # the synthetic plan replaces the memo


def test_an_output_folder_that_does_not_exist(run, tmp_path):
    one_line_error(run("export", "--format", "ttl", "-o", tmp_path / "nope" / "x.ttl"), "does not exist")
    one_line_error(run("viz", "-o", tmp_path / "nope" / "k.html"), "does not exist")


def test_a_question_to_a_store_without_a_plan_is_one_line_and_exit_2(run, tmp_path):
    empty = tmp_path / "empty.ttl"
    empty.write_text("", encoding="utf-8")
    for command in (["query", "unowned"], ["query", "silos"], ["trace", "Staten"]):
        result = run(*command, "--store", empty)
        assert result.exit_code == 2 and "holds no plan (no initiative)" in result.output, command
        assert "Traceback" not in result.output


def test_plan_and_the_neo4j_backend_do_not_mix(run):
    result = run("query", "unowned", "--backend", "neo4j", "--plan", "kraftsamling-2019")
    assert result.exit_code == 2 and "a Neo4j database holds the one plan" in result.output


def test_a_plan_exported_with_everything_builds_back_without_repeats(run, tmp_path):
    # `export` merges all graphs; built again as a plan, the ontology and curated facts it
    # carries must not sit in the plan's graph too, or every union query sees them twice.
    assert run("export", "--format", "ttl", "-o", tmp_path / "plan.ttl").exit_code == 0
    assert run("build", tmp_path / "plan.ttl", "-o", tmp_path / "again.trig").exit_code == 0
    for question in (["query", "laws"], ["trace", "Staten"], ["query", "silos"]):
        bundled = run(*question, "--format", "json").stdout
        again = run(*question, "--format", "json", "--store", tmp_path / "again.trig").stdout
        assert json.loads(again) == json.loads(bundled), question
    assert run("build", "--add", tmp_path / "plan.ttl", "--plan", "p2",
               "-o", tmp_path / "again.trig").exit_code == 0
    laws = run("query", "laws", "--plan", "p2", "--store", tmp_path / "again.trig", "--format", "json").stdout
    assert json.loads(laws) == json.loads(run("query", "laws", "--format", "json").stdout)


def test_the_store_is_named_after_the_answer_and_not_before_an_error(run, tmp_path):
    assert run("build").exit_code == 0
    answer = run("query", "laws")
    assert answer.output.rstrip().endswith("(store: kraftgraf-store.trig)")
    mistake = run("query", "unowned", "--actor", "Statn")
    assert mistake.exit_code == 2 and mistake.output.strip().splitlines() == [
        "Error: no actor called 'Statn' (closest: 'Staten', 'Statskontoret')"]
