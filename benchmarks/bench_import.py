"""`kraftgraf build`, `template` and `import` of the national plan as whole processes, beside a bare load.

Run:  python benchmarks/bench_import.py [--quick] [--initiatives N] [--rounds N] [--json out.json]

Writes the national plan (`kraftgraf synth`: 290 municipalities, 21 regions, 1000
initiatives, seed 1) as Turtle into a temporary folder, then runs in rounds, each
command right after the yardstick it is compared with:

- ``bulk load``: a Python process that only reads the plan file into an in-memory
  Oxigraph store (``pyoxigraph.Store().bulk_load``): the yardstick of ``build``;
- ``build``: ``kraftgraf build plan.ttl`` (the store written, its counts kept);
- ``template``: ``kraftgraf template`` of that store to an XLSX workbook;
- ``import --dry-run`` and ``import``: the workbook read back into the store
  (nothing changes; the change list is computed all the same), each beside a
  ``build``, as issue 12 asks (import within 3x build, and within 2 GB);
- ``import edited``: the workbook with an initiative renamed, a commitment reworded,
  one added and one dropped, and a new initiative, imported into a fresh copy of the
  store (copied before the run, not timed), so the store is written.

Each process is timed from outside (wall clock, and user + system CPU and peak
resident memory from the operating system); the ratio is taken round by round
and the median printed (the machine is shared and noisy: compare ratios).
``--quick`` does the same on a small plan, to smoke-test the script;
``--initiatives 3000`` on a plan of about 3M triples (the peak memory of each step).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import openpyxl

from kraftgraf.graph.store.synth import write_synth

NATIONAL = dict(municipalities=290, regions=21, initiatives=1000, seed=1)
QUICK = dict(municipalities=20, regions=3, initiatives=60, seed=1)
BULK = ("import sys, pyoxigraph as ox; "
        "ox.Store().bulk_load(path=sys.argv[1], format=ox.RdfFormat.TURTLE)")


def edited(sheet: Path, out: Path) -> Path:
    """``sheet`` edited: an initiative renamed, a commitment reworded, one added, one dropped, a new row."""
    wb = openpyxl.load_workbook(sheet)
    ws = wb["Initiativlista"]
    head = [c.value for c in ws[1]]
    first = head.index("Åtaganden") + 2  # the first actor column
    ws.cell(2, head.index("Initiativ") + 1).value += " (nytt namn)"
    lines = [c for row in ws.iter_rows(min_row=3, min_col=first) for c in row if c.value and "\n" in c.value]
    lines[0].value = lines[0].value.replace("\n", " och mer därtill\n", 1)
    lines[1].value += "\nEtt nytt åtagande"
    laws = {row[0] for row in wb["Lagar"].iter_rows(min_row=2, values_only=True)}  # ids a law is tied to
    actors = {row[2]: row[0] for row in wb["Aktörer"].iter_rows(min_row=2, values_only=True)}
    drop = next(c for c in lines[2:] if f"{ws.cell(c.row, 1).value}-{actors[head[c.column - 1]]}-"
                f"{c.value.count(chr(10)) + 1}" not in laws)
    drop.value = drop.value.rsplit("\n", 1)[0]
    row = [None] * len(head)
    row[0], row[head.index("Initiativ")], row[first - 1] = "Z99", "Ett nytt initiativ", "Ett åtagande"
    ws.append(row)
    wb.save(out)
    return out


def run(args: list[str], env: dict, setup=None) -> dict:
    """One whole process: wall seconds, CPU seconds (user + system) and peak MiB; ``setup`` first, untimed."""
    if setup is not None:
        setup()
    start = time.perf_counter()
    process = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    err = process.stderr.read().decode() if process.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(args)} failed: {err.strip()}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "peak_mib": usage.ru_maxrss / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a small plan, to check that the script works")
    parser.add_argument("--initiatives", type=int, help="so many initiatives (3000: about 3M triples)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds, each command beside its yardstick")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    kraftgraf = [sys.executable, "-m", "kraftgraf"]
    size = dict(QUICK if args.quick else NATIONAL)
    size["initiatives"] = args.initiatives or size["initiatives"]
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        plan, store, sheet = tmp / "plan.ttl", tmp / "store.trig", tmp / "plan.xlsx"
        copy = tmp / "copy.trig"
        write_synth(plan, **size)
        env = {**os.environ, "KRAFTGRAF_CACHE": str(tmp / "cache")}
        build = [*kraftgraf, "build", str(plan), "-o", str(store), "--replace"]
        back = [*kraftgraf, "import", str(sheet), "--store", str(store)]
        steps = {
            "build": (build, [sys.executable, "-c", BULK, str(plan)], None),
            "template": ([*kraftgraf, "template", "--store", str(store), "-o", str(sheet)], build, None),
            "import --dry-run": ([*back, "--dry-run"], build, None),
            "import": (back, build, None),
            "import edited": ([*kraftgraf, "import", str(tmp / "edited.xlsx"), "--store", str(copy)], build,
                              lambda: shutil.copyfile(store, copy)),
        }
        run(build, env)  # the store the others read, and a warm-up
        run(steps["template"][0], env)
        edited(sheet, tmp / "edited.xlsx")
        rows = []
        for name, (command, yardstick, setup) in steps.items():
            pairs = [(run(command, env, setup), run(yardstick, env)) for _ in range(args.rounds)]
            rows.append({
                "step": name, "yardstick": "bulk load" if name == "build" else "build",
                "wall_s": statistics.median(a["wall"] for a, _ in pairs),
                "cpu_s": statistics.median(a["cpu"] for a, _ in pairs),
                "peak_mib": max(a["peak_mib"] for a, _ in pairs),
                "x_wall": statistics.median(a["wall"] / b["wall"] for a, b in pairs),
                "x_cpu": statistics.median(a["cpu"] / b["cpu"] for a, b in pairs),
            })
    print(f"{'step':18} {'vs':10} {'wall s':>7} {'cpu s':>7} {'peak MiB':>9} {'x wall':>7} {'x cpu':>6}")
    for r in rows:
        print(f"{r['step']:18} {r['yardstick']:10} {r['wall_s']:7.2f} {r['cpu_s']:7.2f} {r['peak_mib']:9.0f} "
              f"{r['x_wall']:7.2f} {r['x_cpu']:6.2f}")
    if args.json:
        args.json.write_text(json.dumps({"plan": size, "rows": rows}, indent=2))


if __name__ == "__main__":
    main()
