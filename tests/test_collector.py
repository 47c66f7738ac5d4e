"""The cycle collector is paused for a command and on again after it (kraftgraf.collector)."""

import gc
import subprocess
import sys

from kraftgraf.collector import paused_gc
from kraftgraf.errors import DataError


def test_paused_gc_restores_what_it_found():
    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
        with paused_gc():  # nested (the import inside a command): still off after the inner block
            pass
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()  # off before, off after
    finally:
        gc.enable()


def test_a_command_runs_with_the_collector_paused_and_a_failing_one_restores_it(run, monkeypatch):
    seen = []

    def open_store(*args, **kwargs):
        seen.append(gc.isenabled())
        raise DataError("no store here")

    monkeypatch.setattr("kraftgraf.graph.store.open.open_store", open_store)
    result = run("stats")
    assert result.exit_code == 2 and "no store here" in result.output
    assert seen == [False]
    assert gc.isenabled()


def test_the_console_entry_exits_with_the_commands_code(tmp_path):
    """`run` freezes the heap at exit; the exit code and the one-line error stay what main gives."""
    missing = tmp_path / "nope.trig"
    done = subprocess.run([sys.executable, "-m", "kraftgraf", "stats", "--store", str(missing)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "nope.trig: no such store file" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_console_entry_never_walks_the_heap(tmp_path):
    """No collection from the command's start to the exit: not when the command ends (the collector
    back on would walk all it made, still in the youngest generation), not as the process exits."""
    script = ("import atexit, gc, sys\n"
              "walks = []\n"
              "gc.callbacks.append(lambda phase, info: walks.append(info['generation']))\n"
              "atexit.register(lambda: print('walks', walks, file=sys.stderr))\n"  # last: after the freeze
              "from kraftgraf.cli.main import run\n"
              "sys.argv = ['kraftgraf', 'stats']\n"
              "walks.clear()\n"  # those while Python imported kraftgraf, with the collector on
              "run()\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "walks []" in done.stderr
