"""Loading, projecting and exporting a plan: kraftgraf beside bare rdflib and bare pyoxigraph.

Run:  python benchmarks/bench_build.py [--quick] [--repeat N] [--json out.json]

In one run, for the national-scale plan from `kraftgraf synth` (290
municipalities, 21 regions, 1000 initiatives, seed 1) and for the seed plan
(`KnowledgeGraph.bundled()`: ontology, curated facts, the memo's plan), each
written as N-Triples and Turtle, it times:

- rdflib `Graph().parse` (bare rdflib, its default in-memory store),
- pyoxigraph `Store().bulk_load` and `Store().load` (bare Oxigraph),
- `KnowledgeGraph.load(path)` (kraftgraf's store: rdflib Dataset on Oxigraph), and
  for the national plan `build(path)` (`kraftgraf build FILE`: the
  ontology and curated facts too),
- `kg.projection()` (the networkx view),
- the Turtle and N-Triples exports (`kraftgraf.graph.exporters.rdf`), beside a bare
  `Store.dump` of the same triples,

and reports each time as a ratio to pyoxigraph's bulk load and to rdflib's
parse of the same file, measured in the same run (the machine is shared and
noisy; ratios are what we compare).  Target: the national plan loads within
2x of pyoxigraph's bulk load.  `--quick` uses a small plan, to smoke-test.
"""

from __future__ import annotations

import argparse
import gc
import json
import platform
import tempfile
import time
from functools import partial
from importlib.metadata import version
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from kraftgraf.graph.exporters.rdf import write_ntriples, write_turtle
from kraftgraf.graph.store.build import build
from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.graph.store.synth import write_synth

NATIONAL = dict(municipalities=290, regions=21, initiatives=1000, seed=1)
QUICK = dict(municipalities=20, regions=3, initiatives=60, seed=1)
OX_FORMAT = {"nt": ox.RdfFormat.N_TRIPLES, "ttl": ox.RdfFormat.TURTLE}
RDFLIB_FORMAT = {"nt": "nt", "ttl": "turtle"}
TARGET = 2.0  # KnowledgeGraph.load of the national .nt within this many times pyoxigraph's bulk load


def timed(repeat: int, func, *args) -> tuple[float, object]:
    """The best of ``repeat`` wall-clock times of ``func(*args)``, and its last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        result = None
        gc.collect()
        start = time.perf_counter()
        result = func(*args)
        best = min(best, time.perf_counter() - start)
    return best, result


def bulk_loaded(path: Path, fmt: str) -> ox.Store:
    store = ox.Store()
    store.bulk_load(path=str(path), format=OX_FORMAT[fmt])
    return store


def loaded(path: Path, fmt: str) -> ox.Store:
    store = ox.Store()
    store.load(path=str(path), format=OX_FORMAT[fmt])
    return store


def rdflib_parsed(path: Path, fmt: str) -> Graph:
    return Graph().parse(path, format=RDFLIB_FORMAT[fmt])


def dumped(store: ox.Store, path: Path, fmt: str) -> None:
    store.dump(str(path), format=OX_FORMAT[fmt], from_graph=ox.DefaultGraph())


class Run:
    """The rows of one plan: each step's seconds, and ratios to the baselines of the same run."""

    def __init__(self, plan: str, repeat: int):
        self.plan, self.repeat, self.rows = plan, repeat, []
        self.base: dict[tuple[str, str], float] = {}  # (baseline, file) -> seconds

    def time(self, step: str, file: str, func, *args, baseline: str | None = None):
        seconds, result = timed(self.repeat, func, *args)
        if baseline:
            self.base[baseline, file] = seconds
        self.rows.append({"plan": self.plan, "step": step, "file": file, "seconds": round(seconds, 3)})
        print(f"  {self.plan:8} {step:34} {file:4} {seconds:8.2f} s", flush=True)
        return result

    def ratios(self) -> list[dict]:
        for row in self.rows:
            file = row["file"] if row["file"] in OX_FORMAT else "nt"
            for name, key in (("x_ox_bulk_load", "ox"), ("x_rdflib_parse", "rdflib")):
                base = self.base.get((key, file))
                row[name] = round(row["seconds"] / base, 2) if base else None
        return self.rows


def measure(run: Run, files: dict[str, Path], tmp: Path) -> int:
    """Time parsing and loading both files, then projecting and exporting the store."""
    counts = set()
    for fmt, path in files.items():
        g = run.time("rdflib Graph().parse", fmt, rdflib_parsed, path, fmt, baseline="rdflib")
        counts.add(len(g))
        del g
        store = run.time("pyoxigraph Store().bulk_load", fmt, bulk_loaded, path, fmt, baseline="ox")
        counts.add(len(store))
        del store
        run.time("pyoxigraph Store().load", fmt, loaded, path, fmt)
        kg = run.time("KnowledgeGraph.load", fmt, KnowledgeGraph.load, path)
        counts.add(len(kg))
    assert len(counts) == 1, f"the loaders disagree on the number of triples: {counts}"
    run.time("kg.projection()", "-", lambda: KnowledgeGraph(kg.dataset).projection())  # fresh: no cache
    store = bulk_loaded(files["nt"], "nt")
    for fmt, write in (("ttl", write_turtle), ("nt", write_ntriples)):
        out = tmp / f"{run.plan}-export.{fmt}"
        run.time("kraftgraf export", fmt, write, kg, out)
        run.time("pyoxigraph Store.dump", fmt, dumped, store, out, fmt)
    return counts.pop()


def warm_up(path: Path) -> None:
    """Run every step once on a tiny plan, so that no timing includes imports or plugin lookups."""
    write_synth(path, municipalities=1, regions=1, initiatives=2)
    rdflib_parsed(path, "nt")
    bulk_loaded(path, "nt")
    kg = KnowledgeGraph.load(path)
    kg.projection()
    write_turtle(kg, path.with_suffix(".ttl"))
    build(path)


def print_table(rows: list[dict]) -> None:
    print(f"\n{'plan':8} {'step':34} {'file':4} {'seconds':>8} {'x ox bulk_load':>15} {'x rdflib parse':>15}")
    for r in rows:
        ratios = [f"{r[k]:15.2f}" if r[k] is not None else " " * 15
                  for k in ("x_ox_bulk_load", "x_rdflib_parse")]
        print(f"{r['plan']:8} {r['step']:34} {r['file']:4} {r['seconds']:8.2f} {ratios[0]} {ratios[1]}")


def arguments(doc: str) -> argparse.Namespace:
    """--quick, --repeat and --json, as the benchmark scripts take them."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a small plan, to smoke-test the script")
    parser.add_argument("--repeat", type=int, default=1, help="time each step this many times, keep the best")
    parser.add_argument("--json", type=Path, help="also write the results here")
    return parser.parse_args()


def main() -> None:
    args = arguments(__doc__)
    sizes = QUICK if args.quick else NATIONAL
    results = {"sizes": sizes, "repeat": args.repeat, "python": platform.python_version(),
               "versions": {p: version(p) for p in ("rdflib", "pyoxigraph", "oxrdflib", "networkx")},
               "triples": {}, "rows": []}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        warm_up(tmp / "warm-up.nt")
        national = Run("national", args.repeat)
        files = {fmt: tmp / f"national.{fmt}" for fmt in OX_FORMAT}
        for fmt, path in files.items():
            national.time("generate (write_synth)", fmt, partial(write_synth, **sizes), path)
        results["triples"]["national"] = measure(national, files, tmp)
        for fmt, path in files.items():
            national.time("build (kraftgraf build FILE)", fmt, partial(build, path))
        results["rows"] += national.ratios()

        seed = Run("seed", args.repeat)
        kg = seed.time("build (KnowledgeGraph.bundled)", "-", KnowledgeGraph.bundled)
        files = {fmt: tmp / f"seed.{fmt}" for fmt in OX_FORMAT}
        write_ntriples(kg, files["nt"])
        write_turtle(kg, files["ttl"])
        results["triples"]["seed"] = measure(seed, files, tmp)
        results["rows"] += seed.ratios()

    print_table(results["rows"])
    print(f"\ntriples: {results['triples']}")
    results["target"] = {"within": TARGET}
    for step in ("KnowledgeGraph.load", "build (kraftgraf build FILE)"):
        ratio = next(r["x_ox_bulk_load"] for r in results["rows"]
                     if (r["plan"], r["step"], r["file"]) == ("national", step, "nt"))
        results["target"][step] = {"x_ox_bulk_load": ratio, "met": ratio <= TARGET}
        print(f"target: {step} of the national .nt within {TARGET:g}x of pyoxigraph's bulk load: "
              f"{ratio:.2f}x, {'met' if ratio <= TARGET else 'NOT met'}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
