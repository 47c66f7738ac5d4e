"""How every command grows with the plan: whole processes at 100k, 300k, 1M and 3M triples.

Run:  python benchmarks/bench_growth.py [--quick] [--sizes 100,300,1000,3000] [--repeat 3]
                                        [--repeat-up-to 300] [--only NAME ...] [--workdir DIR]
                                        [--json out.json]

For each size N it writes `kraftgraf synth --initiatives N -o plan.ttl` (290
municipalities, 21 regions, seed 1) and `kraftgraf build --plan plan.ttl -o
plan.trig`, then runs every command of the table below as its own process
against that store and reads the kernel's accounting of the finished child
(``os.wait4``): CPU seconds (user + system), wall seconds and peak resident
memory.  Each command runs ``--repeat`` times (the median is kept) on plans up
to ``--repeat-up-to`` initiatives, once on larger ones.  Every run gets an
empty answer cache (``$KRAFTGRAF_CACHE``), so a question is computed, not read
back: the worst case a user meets.

The table has a line per command: its CPU seconds and peak MiB at each size,
and the slope of a least-squares line through log(CPU seconds) against
log(triples): 1 is linear, above 1.1 grows faster than the data.  Every
process pays about 0.5 s of Python and imports before it starts, which
flattens the slope of the quick commands.

``--workdir DIR`` keeps the plans, stores and sheets there and reuses them on
the next run (rebuild them after changing the builder: delete DIR); with
``--json`` the rows already in that file are kept and the ones measured again
replaced, so one size or one command can be rerun on its own (``--sizes ""``
only prints the table of the file).  ``--quick``
runs every command once on two tiny plans, to smoke-test the script.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kraftgraf.graph.exporters import EXPORTERS

KRAFTGRAF = [sys.executable, "-m", "kraftgraf"]
BIG = str(10**9)  # sheet limits out of the way: the national sheets are larger than the defaults
QUESTIONS = ("unowned", "silos", "overlaps", "coverage", "laws", "mandates", "followup")


def commands(work: Path, n: int) -> dict[str, list[str]]:
    """Name -> arguments after `kraftgraf`, in the order they run (template before import)."""
    store = ["--store", str(work / f"plan-{n}.trig")]
    sheet = str(work / f"plan-{n}.xlsx")
    out = work / "out"
    table = {
        "parse": [sys.executable, "-c", "import pyoxigraph, sys; pyoxigraph.Store().load(path=sys.argv[1])",
                  str(work / f"plan-{n}.ttl")],  # the yardstick: Oxigraph merely reading the plan
        "template": ["template", *store, "-o", sheet],
        "import": ["import", sheet, "--dry-run", *store, "--max-rows", BIG, "--max-columns", BIG,
                   "--max-sheet-mb", BIG],
        **{f"export {name}": ["export", *store, "--format", name, "-o", str(out / f"export{suffix}")]
           for name, (_, suffix, _) in EXPORTERS.items()},
        "viz": ["viz", *store, "-o", str(out / "map.html")],
        "report": ["report", *store, "-o", str(out / "report.html")],
        "stats": ["stats", *store],
        "push --dry-run": ["neo4j", "push", *store, "--dry-run"],
        **{f"query {q}": ["query", q, *store, "--format", "json"] for q in QUESTIONS},
        "trace": ["trace", "Staten", *store, "--format", "json"],
        "whatif --rank": ["whatif", "--rank", *store, "--format", "json"],
        "suggest": ["suggest", *store, "--format", "json"],
        "diff": ["diff", str(work / f"plan-{n}.ttl"), str(work / f"plan-{n}.trig"), "--format", "json"],
        "sparql": ["sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", *store],
        "validate": ["validate", *store],
    }
    return {name: argv if name == "parse" else [*KRAFTGRAF, *argv] for name, argv in table.items()}


def run(argv: list[str], cache: Path) -> dict:
    """One whole process: CPU and wall seconds, peak MiB (the kernel's figures for the reaped child)."""
    env = {**os.environ, "KRAFTGRAF_CACHE": str(cache)}
    started = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=err, env=env)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode:
            err.seek(0)
            last = (err.read().decode(errors="replace").strip().splitlines() or ["(nothing)"])[-1]
            raise SystemExit(f"{' '.join(argv)}: exit {child.returncode}: {last}")
    return {"cpu": usage.ru_utime + usage.ru_stime, "wall": wall, "mib": usage.ru_maxrss / 1024}


def measured(argv: list[str], work: Path, repeat: int) -> dict:
    """The median of ``repeat`` runs, each with an empty answer cache."""
    runs = []
    for i in range(repeat):
        cache = work / "cache" / str(i)
        subprocess.run(["rm", "-rf", str(cache)], check=True)
        runs.append(run(argv, cache))
    return {key: round(statistics.median(r[key] for r in runs), 2) for key in ("cpu", "wall", "mib")}


def prepared(work: Path, n: int, quick: bool) -> tuple[int, dict | None]:
    """The plan and its store for N initiatives (reused when there), its triple count, and build's figures."""
    plan, store = work / f"plan-{n}.ttl", work / f"plan-{n}.trig"
    size = ["--municipalities", "5", "--regions", "2"] if quick else []
    built = None
    if not plan.is_file():
        subprocess.run([*KRAFTGRAF, "synth", "--initiatives", str(n), *size, "-o", str(plan)], check=True,
                       stderr=subprocess.DEVNULL)
    if not store.is_file():
        built = run([*KRAFTGRAF, "build", str(plan), "--plan", "national", "-o", str(store)],
                    work / "cache" / "build")
    import pyoxigraph as ox

    return sum(1 for _ in ox.parse(path=str(plan))), built


def slope(points: list[tuple[float, float]]) -> float | None:
    """Least-squares slope of log(y) against log(x)."""
    points = [(math.log(x), math.log(y)) for x, y in points if x > 0 and y > 0]
    if len(points) < 2:
        return None
    mx = statistics.fmean(x for x, _ in points)
    my = statistics.fmean(y for _, y in points)
    den = sum((x - mx) ** 2 for x, _ in points)
    return sum((x - mx) * (y - my) for x, y in points) / den if den else None


def table(rows: list[dict]) -> str:
    """Markdown: a line per command, CPU s and peak MiB at each size, then the slope."""
    sizes = sorted({(r["triples"], r["initiatives"]) for r in rows})
    order = ["build", *commands(Path(), 0)]
    names = sorted({r["command"] for r in rows}, key=lambda c: order.index(c) if c in order else len(order))
    by = {(r["command"], r["triples"]): r for r in rows}
    head = ["command", *(f"{t:,} (N={n}) CPU s / MiB" for t, n in sizes), "slope (CPU)"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for name in names:
        cells = [f"`{name}`"]
        for t, _ in sizes:
            r = by.get((name, t))
            cells.append(f"{r['cpu']:.2f} / {r['mib']:,.0f}" if r else "")
        s = slope([(t, by[(name, t)]["cpu"]) for t, _ in sizes if (name, t) in by])
        cells.append(f"{s:.2f}" if s is not None else "")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="two tiny plans, every command once")
    parser.add_argument("--sizes", default="100,300,1000,3000", help="initiatives per plan, comma-separated")
    parser.add_argument("--repeat", type=int, default=3, help="runs per command (median kept)")
    parser.add_argument("--repeat-up-to", type=int, default=300,
                        help="repeat only on plans of at most this many initiatives; larger ones run once")
    parser.add_argument("--only", nargs="+", metavar="NAME",
                        help="only these commands (e.g. 'export jsonld')")
    parser.add_argument("--workdir", type=Path, help="keep plans and stores here, and reuse them")
    parser.add_argument("--json", type=Path, help="write the rows here (rows already there are kept)")
    return parser.parse_args()


def main() -> None:
    args = arguments()
    sizes = [2, 4] if args.quick else [int(s) for s in args.sizes.split(",") if s]
    rows = []
    if args.json and args.json.is_file():
        rows = json.loads(args.json.read_text(encoding="utf-8"))["rows"]
    with tempfile.TemporaryDirectory() as tmp:
        work = args.workdir or Path(tmp)
        (work / "out").mkdir(parents=True, exist_ok=True)
        for n in sizes:
            triples, built = prepared(work, n, args.quick)
            repeat = 1 if args.quick or n > args.repeat_up_to else args.repeat
            print(f"N={n}: {triples:,} triples, {repeat} run(s) per command", flush=True)
            todo = {k: v for k, v in commands(work, n).items() if not args.only or k in args.only}
            if built and (not args.only or "build" in args.only):
                todo = {"build": [], **todo}
            for name, argv in todo.items():
                figures = built if name == "build" else measured(argv, work, repeat)
                rows = [r for r in rows if (r["command"], r["initiatives"]) != (name, n)]
                rows.append({"command": name, "initiatives": n, "triples": triples, "runs": repeat,
                             **figures})
                print(f"  {name:24} {figures['cpu']:8.2f} s CPU {figures['wall']:8.2f} s wall "
                      f"{figures['mib']:8.0f} MiB", flush=True)
                if args.json:  # as it goes: a long run stopped half-way keeps what it measured
                    args.json.write_text(json.dumps({"rows": rows}, indent=1), encoding="utf-8")
    print(table(rows))


if __name__ == "__main__":
    main()
