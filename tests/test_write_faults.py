"""Every write path, on the faults a disk and a file system can throw at it: one line, nothing lost.

A full disk is the kernel's own ENOSPC: the temporary file a writer writes to is
made a character device like /dev/full (a node of our own in the test folder, or
a symlink to /dev/full where we may not make nodes), so each writer's real code
(Oxigraph, openpyxl, networkx, csv, Path.write_text) meets the error where it
would on a full disk.  After each fault the old file's bytes are unchanged and no
temporary file is left.
"""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from test_cli import one_line_error

from kraftgraf import files as safe_write
from kraftgraf.errors import DataError
from kraftgraf.files import atomic_write, check_target, stray_temps
from kraftgraf.graph.exporters import network as network_exports
from kraftgraf.graph.exporters import rdf as exports
from kraftgraf.graph.store import synth
from kraftgraf.graph.views import map as viz
from kraftgraf.graph.views import report
from kraftgraf.loaders.sheet import template

OLD = b"the old file\n"


@pytest.fixture(scope="module")
def kg():
    from kraftgraf.graph.store.build import build

    return build()


@pytest.fixture
def full_disk(monkeypatch):
    """Make every write after this fail as on a full disk (ENOSPC from the kernel)."""
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")

    def device_temp(folder, name):
        tmp = os.path.join(folder, f".{name}.{os.getpid()}.fulldisk.tmp")
        try:  # a node of our own: a mistake in the code under test can only hurt this one
            os.mknod(tmp, stat.S_IFCHR | 0o600, os.makedev(1, 7))
        except PermissionError:
            os.symlink("/dev/full", tmp)  # only root could change /dev/full itself
        return tmp

    monkeypatch.setattr(safe_write, "_new_temp", device_temp)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


# name -> (file written, how) for every writer of the library
WRITERS = {
    "store trig": ("s.trig", lambda kg, p: kg.save(p)),
    "store nq": ("s.nq", lambda kg, p: kg.save(p)),
    "ttl": ("x.ttl", exports.write_turtle),
    "nt": ("x.nt", exports.write_ntriples),
    "jsonld": ("x.jsonld", exports.write_jsonld),
    "trig": ("x.trig", exports.write_trig),
    "nq": ("x.nq", exports.write_nquads),
    "graphml": ("x.graphml", network_exports.write_graphml),
    "gexf": ("x.gexf", network_exports.write_gexf),
    "csv folder": ("csv/nodes.csv", lambda kg, p: network_exports.write_csv(kg, p.parent)),
    "kumu": ("x.json", network_exports.write_kumu),
    "viz": ("k.html", viz.write_map),
    "report": ("r.html", report.write_report),
    "template xlsx": ("t.xlsx", template.write_template),
    "template csv": ("t.csv", template.write_template),
    "synth": ("p.ttl", lambda kg, p: synth.write_synth(p, municipalities=2, regions=1, initiatives=3)),
}


@pytest.mark.parametrize("name", WRITERS)
def test_a_full_disk_is_one_error_and_the_old_file_stays(name, kg, tmp_path, full_disk):
    filename, write = WRITERS[name]
    path = tmp_path / filename
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(OLD)
    with pytest.raises(DataError) as caught:
        write(kg, path)
    assert str(caught.value) == f"{path}: not written: the disk is full; {path} is unchanged"
    assert path.read_bytes() == OLD
    assert leftovers(path.parent) == []


def test_a_full_disk_at_the_flush_and_at_the_rename_too(tmp_path, monkeypatch):
    path = tmp_path / "x.txt"
    path.write_bytes(OLD)
    for step in ("fsync", "replace"):
        with monkeypatch.context() as m:
            def fail(*_args, **_kwargs):
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

            m.setattr(os, step, fail)
            with pytest.raises(DataError, match="the disk is full; .* is unchanged"):
                atomic_write(path, lambda tmp: Path(tmp).write_text("new", encoding="utf-8"))
        assert path.read_bytes() == OLD and leftovers(tmp_path) == [], step


def test_what_may_not_be_replaced_is_refused_before_anything_is_written(tmp_path):
    def write(path):
        atomic_write(path, lambda tmp: Path(tmp).write_text("new", encoding="utf-8"))

    (tmp_path / "folder").mkdir()
    os.mkfifo(tmp_path / "pipe")
    readonly = tmp_path / "ro.trig"
    readonly.write_bytes(OLD)
    readonly.chmod(0o444)
    (tmp_path / "file").write_bytes(OLD)
    cases = {
        "folder": "is a folder; name a file to write",
        "pipe": "is a pipe, not a regular file; kraftgraf writes regular files only",
        "ro.trig": "is read-only (mode 0444); kraftgraf will not replace it",
        "nope/x.ttl": "the folder",
        "file/x.ttl": "a part of the path is a file, not a folder",
    }
    for name, message in cases.items():
        with pytest.raises(DataError, match=message.replace("(", r"\(").replace(")", r"\)")):
            write(tmp_path / name)
    assert readonly.read_bytes() == OLD and stat.S_IMODE(readonly.stat().st_mode) == 0o444
    assert stat.S_ISFIFO((tmp_path / "pipe").stat().st_mode)
    assert leftovers(tmp_path) == []
    # the devices people name as outputs stay devices (checked, never written: refused first)
    for device in ("/dev/null", "/dev/full"):
        if Path(device).exists():
            with pytest.raises(DataError, match="is a character device, not a regular file"):
                check_target(device)


def test_a_device_node_is_never_replaced(tmp_path):
    node = tmp_path / "null"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("may not make device nodes here")
    with pytest.raises(DataError, match="character device"):
        atomic_write(node, lambda tmp: Path(tmp).write_text("new", encoding="utf-8"))
    assert stat.S_ISCHR(node.stat().st_mode)


def test_the_mode_and_owner_of_a_replaced_file_are_kept(tmp_path):
    path = tmp_path / "s.trig"
    path.write_bytes(OLD)
    path.chmod(0o640)
    if os.geteuid() == 0:
        os.chown(path, 1234, 5678)
    atomic_write(path, lambda tmp: Path(tmp).write_text("new", encoding="utf-8"))
    st = path.stat()
    assert path.read_text() == "new" and stat.S_IMODE(st.st_mode) == 0o640
    if os.geteuid() == 0:
        assert (st.st_uid, st.st_gid) == (1234, 5678)


def test_a_file_whose_owner_could_not_be_kept_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "s.trig"
    path.write_bytes(OLD)
    monkeypatch.setattr(os, "geteuid", lambda: 4321)  # as if we were another, unprivileged user
    with pytest.raises(DataError, match="belongs to another user or group"):
        atomic_write(path, lambda tmp: Path(tmp).write_text("new", encoding="utf-8"))
    assert path.read_bytes() == OLD


def test_a_symlink_is_written_through_and_stays_a_link(tmp_path):
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "s.trig"
    target.write_bytes(OLD)
    target.chmod(0o600)
    link = tmp_path / "s.trig"
    link.symlink_to(target)
    atomic_write(link, lambda tmp: Path(tmp).write_text("new", encoding="utf-8"))
    assert link.is_symlink() and target.read_text() == "new" and stat.S_IMODE(target.stat().st_mode) == 0o600
    dangling = tmp_path / "d.ttl"
    dangling.symlink_to(tmp_path / "real" / "new.ttl")
    atomic_write(dangling, lambda tmp: Path(tmp).write_text("made", encoding="utf-8"))
    assert dangling.is_symlink() and (tmp_path / "real" / "new.ttl").read_text() == "made"
    loop = tmp_path / "loop.ttl"
    loop.symlink_to(loop)
    with pytest.raises(DataError, match="symlink"):
        atomic_write(loop, lambda tmp: Path(tmp).write_text("x", encoding="utf-8"))
    # a symlink to a device is the device: refused, and the link stays
    devlink = tmp_path / "out.ttl"
    devlink.symlink_to("/dev/null")
    with pytest.raises(DataError, match="character device"):
        check_target(devlink)


def dead_pid() -> int:
    p = subprocess.Popen([sys.executable, "-c", "pass"])
    p.wait()
    return p.pid


def test_leftovers_of_killed_writers_go_with_the_next_write_and_no_one_elses(tmp_path):
    path = tmp_path / "s.trig"
    dead = tmp_path / f".s.trig.{dead_pid()}.abcd_123.tmp"
    alive = tmp_path / f".s.trig.{os.getppid()}.abcd_123.tmp"  # a writer still running
    other = tmp_path / f".s.trig.5.{dead_pid()}.abcd_123.tmp"  # a temporary file of s.trig.5
    notes = tmp_path / ".s.trig.notes"
    for p in (dead, alive, other, notes):
        p.write_bytes(b"half")
    assert stray_temps(path) == [dead]
    atomic_write(path, lambda tmp: Path(tmp).write_text("new", encoding="utf-8"))
    assert leftovers(tmp_path) == sorted(p.name for p in (alive, other, notes))


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL])
def test_a_writer_killed_mid_write_loses_nothing(tmp_path, sig):
    path = tmp_path / "s.trig"
    path.write_bytes(OLD)
    code = ("import sys, time\nfrom pathlib import Path\n"
            "from kraftgraf.files import atomic_write\n"
            "def write(tmp):\n    Path(tmp).write_text('half', encoding='utf-8')\n"
            "    print('writing', flush=True)\n    time.sleep(60)\n"
            f"atomic_write({str(path)!r}, write)\n")
    writer = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert writer.stdout.readline() == "writing\n"
    writer.send_signal(sig)
    assert writer.wait(timeout=10) == (128 + sig if sig == signal.SIGTERM else -sig)
    assert path.read_bytes() == OLD
    if sig == signal.SIGKILL:  # nothing runs after SIGKILL: the next write cleans up
        assert len(leftovers(tmp_path)) == 1
        atomic_write(path, lambda tmp: Path(tmp).write_text("new", encoding="utf-8"))
    assert leftovers(tmp_path) == []


# --- the CLI: one line on stderr, exit code 2, the old bytes kept -----------------------------

@pytest.fixture
def built(run, tmp_path):
    assert run("build", "-o", "s.trig").exit_code == 0
    assert run("template", "--store", "s.trig", "-o", "t.csv").exit_code == 0
    assert run("synth", "--municipalities", 2, "--regions", 1, "--initiatives", 3,
               "-o", "p.ttl").exit_code == 0
    return tmp_path / "s.trig"


COMMANDS = {
    "build": (["build", "--replace", "-o", "s.trig"], "s.trig"),
    "build --add": (["build", "--add", "p.ttl", "--plan", "p2", "-o", "s.trig"], "s.trig"),
    "import": (["import", "t.csv", "--plan", "p3", "--store", "s.trig"], "s.trig"),
    "export ttl": (["export", "--store", "s.trig", "--format", "ttl", "-o", "out.ttl"], "out.ttl"),
    "export csv": (["export", "--store", "s.trig", "--format", "csv", "-o", "csv"], "csv/nodes.csv"),
    "viz": (["viz", "--store", "s.trig", "-o", "k.html"], "k.html"),
    "template": (["template", "--store", "s.trig", "-o", "t.xlsx"], "t.xlsx"),
    "synth": (["synth", "--municipalities", 2, "--regions", 1, "--initiatives", 3, "-o", "p.ttl"], "p.ttl"),
}


def test_every_command_on_a_full_disk_is_one_line_and_keeps_the_old_file(run, built, tmp_path, full_disk):
    (tmp_path / "csv").mkdir()
    for name, (args, output) in COMMANDS.items():
        path = tmp_path / output
        if not path.exists():
            path.write_bytes(OLD)
        before = path.read_bytes()
        result = run(*args)  # import prints the changes it would write before it writes them
        errors = [ln for ln in result.output.splitlines() if ln.startswith("Error: ")]
        assert result.exit_code == 2 and "Traceback" not in result.output, name
        assert errors == [f"Error: {output}: not written: the disk is full; {output} is unchanged"], name
        assert result.stderr.splitlines()[-1] == errors[0], name
        assert path.read_bytes() == before, name
        assert leftovers(path.parent) == [], name


def test_a_folder_a_device_a_missing_folder_and_a_read_only_store_on_the_command_line(run, built, tmp_path):
    for suffix in ("", ".xlsx", ".ttl", ".trig"):
        (tmp_path / f"folder{suffix}").mkdir()
        os.mkfifo(tmp_path / f"pipe{suffix}")
    for output in ("folder", "pipe", "nope/x"):
        for args in (["export", "--format", "ttl", "-o", output], ["export", "--format", "csv", "-o", output],
                     ["viz", "-o", output], ["report", "-o", output], ["template", "-o", output + ".xlsx"],
                     ["synth", "-o", output + ".ttl"], ["build", "-o", output + ".trig"]):
            result = run(*args)
            if output == "folder" and args[0] == "export" and "csv" in args:
                assert result.exit_code == 0, result.output  # a folder is what the csv export writes
                continue
            one_line_error(result)
    assert all(stat.S_ISFIFO(p.stat().st_mode) for p in tmp_path.glob("pipe*"))
    built.chmod(0o444)
    before = built.read_bytes()
    for args in (["build", "--replace", "-o", "s.trig"], ["import", "t.csv", "--store", "s.trig"],
                 ["build", "--add", "p.ttl", "-o", "s.trig"],
                 ["export", "--format", "trig", "-o", "s.trig"]):
        one_line_error(run(*args), "s.trig is read-only (mode 0444)")
    assert built.read_bytes() == before and stat.S_IMODE(built.stat().st_mode) == 0o444
    one_line_error(run("export", "--format", "csv", "-o", "s.trig"),
                   "s.trig is a file; this export writes a folder")
    assert leftovers(tmp_path) == []


def test_an_existing_file_is_replaced_by_every_export(run, built, tmp_path):
    for fmt in ("ttl", "trig", "graphml", "kumu"):  # one writer of each kind; the full-disk test has all
        out = tmp_path / f"x.{fmt}"
        out.write_bytes(OLD)
        assert run("export", "--format", fmt, "-o", out).exit_code == 0, fmt
        assert out.read_bytes() != OLD
    (tmp_path / "csv").mkdir()
    (tmp_path / "csv" / "nodes.csv").write_bytes(OLD)
    assert run("export", "--format", "csv", "-o", "csv").exit_code == 0
    assert (tmp_path / "csv" / "nodes.csv").read_bytes() != OLD
    assert leftovers(tmp_path) == []
