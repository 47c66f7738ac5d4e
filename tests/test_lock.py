"""One writer at a time: two commands that edit one store at once both keep their edit.

Each test runs the real CLI as separate processes (a lock inside one process
proves nothing about two), on a store whose plan lacks the determinant links of
two initiatives, so that `suggest --accept` has two different links to add.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from importlib.resources import files

import pytest

from kraftgraf.api import accept_suggestion as accept
from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.graph.store.lock import StoreBusy, lock_file, store_lock
from kraftgraf.ontology.vocab import KG, plan_item

C1 = plan_item("kraftsamling-2019", "initiative", "C1")
I2 = plan_item("kraftsamling-2019", "initiative", "I2")


@pytest.fixture(scope="module")
def unlinked(tmp_path_factory):
    """A store (bytes) of the bundled plan without the curated determinant links of C1 and I2."""
    from kraftgraf.graph.store.build import build

    folder = tmp_path_factory.mktemp("data")
    for name in files("kraftgraf.data").iterdir():
        if name.name.endswith(".csv"):
            shutil.copyfile(name, folder / name.name)
    links = folder / "determinant_links.csv"
    lines = links.read_text(encoding="utf-8").splitlines(keepends=True)
    links.write_text("".join(ln for ln in lines if ln.split(",")[0] not in ("C1", "I2")), encoding="utf-8")
    path = tmp_path_factory.mktemp("store") / "s.trig"
    build(data_dir=folder).save(path)
    return path.read_bytes()


@pytest.fixture
def store(unlinked, tmp_path):
    path = tmp_path / "s.trig"
    path.write_bytes(unlinked)
    return path


def kraftgraf(*args, timeout=None, **popen):
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    if timeout is not None:
        env["KRAFTGRAF_LOCK_TIMEOUT"] = str(timeout)
    return subprocess.Popen([sys.executable, "-m", "kraftgraf", *map(str, args)], env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **popen)


def linked(path) -> dict[str, set[str]]:
    kg = KnowledgeGraph.load(path)
    return {code: {str(d).rsplit("/", 1)[-1] for d in kg.dataset.objects(node, KG.addresses)}
            for code, node in (("C1", C1), ("I2", I2))}


def test_two_accepts_at_once_both_keep_their_link(store):
    first = kraftgraf("suggest", "--store", store, "--accept", "C1:arbetsmiljo")
    second = kraftgraf("suggest", "--store", store, "--accept", "I2:digitalisering")
    for p in (first, second):
        out, err = p.communicate(timeout=60)
        assert p.returncode == 0, err
        assert "Traceback" not in err
    assert linked(store) == {"C1": {"arbetsmiljo"}, "I2": {"digitalisering"}}
    assert sorted(p.name for p in store.parent.iterdir()) == ["s.trig"]  # no lock or temporary file left


def test_a_waiting_writer_reads_the_store_as_the_first_one_left_it(store):
    # Deterministic: this test is the first writer, holding the lock while the CLI waits.
    with store_lock(store):
        kg = KnowledgeGraph.load(store)
        waiting = kraftgraf("suggest", "--store", store, "--accept", "I2:digitalisering")
        note = waiting.stderr.readline()
        assert note.startswith(f"waiting for another kraftgraf to finish writing {store}"), note
        accept(kg, "C1:arbetsmiljo")
        kg.save(store)  # the lock is ours already (re-entrant)
    out, err = waiting.communicate(timeout=60)
    assert waiting.returncode == 0, err
    assert "accepted I2 → digitalisering" in out
    assert linked(store) == {"C1": {"arbetsmiljo"}, "I2": {"digitalisering"}}


def test_a_writer_gives_up_after_the_timeout_with_one_line_and_writes_nothing(store, tmp_path):
    before = store.read_bytes()
    (tmp_path / "sheet.csv").write_text("Id;Initiativ\n", encoding="utf-8")
    with store_lock(store):
        started = time.monotonic()
        busy = [kraftgraf(*args, timeout=0.5) for args in (
            ("suggest", "--store", store, "--accept", "C1:arbetsmiljo"),
            ("import", tmp_path / "sheet.csv", "--store", store),
            ("build", "--replace", "-o", store))]
        results = [(p.wait(timeout=60), p.stderr.read()) for p in busy]
        assert time.monotonic() - started < 30
    for code, err in results:
        lines = err.strip().splitlines()
        assert code == 2 and len(lines) == 2, err
        assert lines[0].startswith("waiting for another kraftgraf")
        assert lines[1] == (f"Error: {store}: another kraftgraf is still writing it after 0.5 s; nothing was "
                            "written (try again, or set $KRAFTGRAF_LOCK_TIMEOUT to wait longer)")
    assert store.read_bytes() == before


def test_a_dry_run_takes_no_lock(run, store, tmp_path, monkeypatch):
    (tmp_path / "sheet.csv").write_text("Id;Initiativ\n", encoding="utf-8")
    monkeypatch.setenv("KRAFTGRAF_LOCK_TIMEOUT", "0")
    held, done = threading.Event(), threading.Event()

    def writer():  # another thread is another holder (a lock is re-entrant in its own thread only)
        with store_lock(store):
            held.set()
            done.wait(10)

    thread = threading.Thread(target=writer)
    thread.start()
    held.wait(10)
    try:
        dry = run("import", tmp_path / "sheet.csv", "--store", store, "--dry-run")
    finally:
        done.set()
        thread.join()
    assert "writing" not in dry.output and "Traceback" not in dry.output


def test_a_killed_writer_leaves_no_lock(store):
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time\nfrom kraftgraf.graph.store.lock import store_lock\n"
        f"with store_lock({str(store)!r}):\n    print('held', flush=True)\n    time.sleep(60)\n")],
        stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline() == "held\n"
    assert lock_file(store).exists()
    with pytest.raises(StoreBusy), store_lock(store, timeout=0.1, note=lambda _: None):
        pass
    holder.send_signal(signal.SIGKILL)  # no clean-up at all: the lock file stays, the lock does not
    holder.wait(timeout=10)
    assert lock_file(store).exists()
    with store_lock(store, timeout=5):
        pass
    assert not lock_file(store).exists()  # the next writer took it and removed it


def test_sigterm_while_holding_the_lock_removes_its_file(store):
    holder = subprocess.Popen([sys.executable, "-c", (
        "import time\nfrom kraftgraf.graph.store.lock import store_lock\n"
        f"with store_lock({str(store)!r}):\n    print('held', flush=True)\n    time.sleep(60)\n")],
        stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline() == "held\n"
    holder.terminate()
    assert holder.wait(timeout=10) == 128 + signal.SIGTERM
    assert sorted(p.name for p in store.parent.iterdir()) == ["s.trig"]


def test_the_lock_is_re_entrant_in_one_thread_and_keeps_other_threads_out(store):
    events = []

    def other():
        with store_lock(store, note=lambda m: events.append("waited")):
            events.append("other")

    with store_lock(store), store_lock(store):  # nested: no deadlock
        thread = threading.Thread(target=other)
        thread.start()
        time.sleep(0.3)
        events.append("first")
    thread.join(timeout=10)
    assert events == ["waited", "first", "other"]


def test_a_bad_timeout_and_an_unwritable_store_are_one_line_before_any_wait(run, store, monkeypatch):
    from test_cli import one_line_error

    monkeypatch.setenv("KRAFTGRAF_LOCK_TIMEOUT", "soon")
    one_line_error(run("suggest", "--store", store, "--accept", "C1:arbetsmiljo"),
                   "$KRAFTGRAF_LOCK_TIMEOUT='soon': give the seconds a writer may wait")
    monkeypatch.delenv("KRAFTGRAF_LOCK_TIMEOUT")
    store.chmod(0o444)
    one_line_error(run("suggest", "--store", store, "--accept", "C1:arbetsmiljo"), "read-only (mode 0444)")
