"""Answers kept by the store's content: the same bytes give the kept answer, any change a new one."""

from __future__ import annotations

import json
from importlib.resources import files

import openpyxl
import pytest

from kraftgraf.cli.answer_cache import Kept, answer_key
from kraftgraf.cli.output import render_sections
from kraftgraf.graph.store.build import build, build_store
from kraftgraf.graph.store.synth import write_synth
from kraftgraf.loaders.sheet.template import write_template
from kraftgraf.queries.registry import question
from kraftgraf.queries.source import Source

ASKED = [("query", "unowned"), ("query", "laws"), ("trace", "utbildning"),
         ("query", "coverage", "--by", "sector")]


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    """A cache of this test's own, so what another test kept is not found here."""
    monkeypatch.setenv("KRAFTGRAF_CACHE", str(tmp_path / "cache"))


def computed(store, args, fmt="json", explain=False) -> str:
    """The answer as the CLI prints it, computed from the store file, no cache involved."""
    name, rest = (args[1], args[2:]) if args[0] == "query" else (args[0], args[1:])
    if name == "trace":
        options = {"name": rest[0]}
    else:
        options = dict(zip([a.lstrip("-") for a in rest[::2]], rest[1::2]))
    source = Source(str(store))
    with source.open() as graph:
        return render_sections(question(name).ask(graph, **options), fmt, explain)


def asked(run, args, *more) -> str:
    result = run(*args, *more)
    assert result.exit_code == 0, result.output
    return result.stdout.rstrip("\n")


@pytest.mark.parametrize("shape", [("--format", "json"), ("--format", "csv"), ("--explain",)])
def test_a_kept_answer_prints_what_the_question_computes(run, tmp_path, shape):
    assert run("build", "--keep-answers").exit_code == 0  # the first examples (unowned, laws …)
    store = tmp_path / "kraftgraf-store.trig"
    kept = Kept(store)
    assert kept.get(answer_key("unowned", None, {})) is not None
    assert kept.get(answer_key("trace", None, {"name": "utbildning"})) is None
    fmt, explain = ("table", True) if shape == ("--explain",) else (shape[1], False)
    for args in ASKED:
        first, again = asked(run, args, *shape), asked(run, args, *shape)
        assert first == again == computed(store, args, fmt, explain)
    assert kept.get(answer_key("trace", None, {"name": "utbildning"})) is not None


def test_no_answer_outlives_a_change_of_the_store(run, tmp_path):
    data = tmp_path / "data"  # the curated files without E1's determinant links, so suggest proposes one
    data.mkdir()
    for name in files("kraftgraf.data").iterdir():
        if name.name.endswith(".csv"):
            lines = name.read_text(encoding="utf-8").splitlines(keepends=True)
            if name.name == "determinant_links.csv":
                lines = [line for line in lines if line.split(",")[0] != "E1"]
            (data / name.name).write_text("".join(lines), encoding="utf-8")
    assert run("build", "--data", data).exit_code == 0
    store = tmp_path / "kraftgraf-store.trig"
    before = {args: asked(run, args, "--format", "json") for args in ASKED}
    first = json.loads(asked(run, ("stats",), "--format", "json"))[0]
    assert first == {"kind": "plans", "label_sv": "planer", "count": 1}

    assert run("suggest", "--accept", "E1:utbildning").exit_code == 0  # a link to utbildning more
    after = {args: asked(run, args, "--format", "json") for args in ASKED}
    assert after == {args: computed(store, args) for args in ASKED}
    assert after[("trace", "utbildning")] != before[("trace", "utbildning")]

    write_synth(tmp_path / "small.ttl", municipalities=3, regions=2, initiatives=20, seed=5)
    assert run("build", "--add", "small.ttl").exit_code == 0  # a second plan
    plans = {row["kind"]: row["count"] for row in json.loads(asked(run, ("stats",), "--format", "json"))}
    assert plans["plans"] == 2 and plans["initiatives"] > 33
    added = run("query", "unowned", "--format", "json")
    assert "reads the store's 2 plans together" in added.stderr
    assert added.stdout.rstrip("\n") == computed(store, ("query", "unowned")) != after[("query", "unowned")]

    # Changed by hand, to the same length: only the bytes tell.
    text = store.read_text(encoding="utf-8")
    store.write_text(text.replace("Patientdatalag (2008:355)", "Patientdatalag (2008:999)"), encoding="utf-8")
    edited = asked(run, ("query", "laws"), "--format", "json")
    assert "Patientdatalag (2008:999)" in edited and edited == computed(store, ("query", "laws"))


def test_an_import_is_answered_from_the_imported_content(run, tmp_path):
    assert run("build").exit_code == 0
    store = tmp_path / "kraftgraf-store.trig"
    before = asked(run, ("query", "unowned"), "--format", "json")
    write_template(build(), tmp_path / "plan.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "plan.xlsx")
    row = ["J1", None, None, "Ett nytt initiativ", "Något som ska uppnås", "…", None, None]
    wb["Initiativlista"].append(row)
    wb.save(tmp_path / "edited.xlsx")
    assert run("import", "edited.xlsx").exit_code == 0
    after = asked(run, ("query", "unowned"), "--format", "json")
    assert after == computed(store, ("query", "unowned")) != before
    assert "J1" in {row["code"] for row in json.loads(after)["unowned"]}


def test_a_synthetic_store_answers_the_same_kept_or_not(run, tmp_path):
    write_synth(tmp_path / "small.ttl", municipalities=6, regions=3, initiatives=120, seed=3)
    assert run("build", "small.ttl").exit_code == 0
    store = tmp_path / "kraftgraf-store.trig"
    for args in [("query", "overlaps"), ("query", "silos"), ("trace", "Staten")]:
        first, again = asked(run, args, "--format", "json"), asked(run, args, "--format", "json")
        assert first == again == computed(store, args)


def test_build_keeps_each_question_as_the_command_line_asks_it(run, tmp_path):
    # the CLI fills in declared defaults (silos --by owner, coverage --by actor) and passes unset flags
    # (whatif --rank off); the answers a build keeps must be found under those same keys
    assert run("build", "--keep-answers").exit_code == 0
    kept = Kept(tmp_path / "kraftgraf-store.trig")
    assert kept.get(answer_key("silos", None, {"by": "owner"})) is not None
    assert kept.get(answer_key("coverage", None, {"by": "actor"})) is not None
    assert kept.get(answer_key("whatif", None, {"without": ("Staten",), "rank": False})) is not None


def test_a_build_keeps_no_answer_and_the_first_ask_keeps_it(run, tmp_path):
    write_synth(tmp_path / "small.ttl", municipalities=3, regions=2, initiatives=20, seed=5)
    assert run("build", "small.ttl").exit_code == 0
    store = tmp_path / "kraftgraf-store.trig"
    kept = Kept(store)
    assert kept.get(answer_key("silos", None, {"by": "owner"})) is None
    assert kept.get(answer_key("stats", None, {})) is not None  # the counts a build prints are kept
    first = asked(run, ("query", "silos"), "--format", "json")
    assert kept.get(answer_key("silos", None, {"by": "owner"})) is not None
    assert asked(run, ("query", "silos"), "--format", "json") == first == computed(store, ("query", "silos"))


def test_answers_computed_while_the_store_changed_are_not_kept(tmp_path):
    from kraftgraf.cli.answer_cache import Asking

    store = tmp_path / "s.trig"
    build_store(store)
    assert b"Koordinera" in store.read_bytes()
    unowned, laws = question("unowned"), question("laws")
    asking = Asking(store)  # hashed before the store is read, as the report does
    with Source(str(store)).open() as graph:
        asking.ask(unowned, None, {}, lambda: (unowned.ask(graph), []))
        store.write_bytes(store.read_bytes().replace(b"Koordinera", b"Samordna"))  # same length, new bytes
        asking.ask(laws, None, {}, lambda: (laws.ask(graph), []))
    asking.keep()
    assert not list((tmp_path / "cache").rglob("*.json.gz"))  # neither answer is kept
    asking = Asking(store)
    with Source(str(store)).open() as graph:
        asking.ask(laws, None, {}, lambda: (laws.ask(graph), []))
    asking.keep()
    assert Kept(store).get(answer_key("laws", None, {})) is not None  # and unchanged, it is


def test_where_the_cache_cannot_be_written_no_answer_is_encoded(tmp_path, monkeypatch):
    import kraftgraf.cli.answer_cache as answer_cache
    from kraftgraf.cli.answer_cache import Asking

    store = tmp_path / "s.trig"
    build_store(store)
    encoded = []
    encode = answer_cache.encode
    monkeypatch.setattr(answer_cache, "encode", lambda sections: encoded.append(1) or encode(sections))
    unowned = question("unowned")
    for cache, kept in ((tmp_path / "file" / "under", False), (tmp_path / "cache", True)):
        (tmp_path / "file").write_text("a file where the cache's folder would be")
        monkeypatch.setenv("KRAFTGRAF_CACHE", str(cache))
        asking = Asking(store)
        with Source(str(store)).open() as graph:
            sections, _ = asking.ask(unowned, None, {}, lambda: (unowned.ask(graph), []))
        asking.keep()
        assert len(encoded) == kept  # encoded once, and only where it can be kept
        found = Kept(store).get(answer_key("unowned", None, {}))
        assert (found is not None) == kept
        assert not kept or found["sections"] == answer_cache.encode(sections)["sections"]
