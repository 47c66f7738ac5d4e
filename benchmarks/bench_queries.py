"""Each gap query's time on the national-scale plan, next to the time of loading it.

Run:  python benchmarks/bench_queries.py [--quick] [--json out.json]

Generates the plan from `kraftgraf synth` (290 municipalities, 21 regions,
1000 initiatives, seed 1), builds the store (ontology, curated facts, the
plan), then times every query's `sections()` (what the CLI prints) once cold
and then ``--repeat`` more times, keeping the best, in the same run.  Target
(issue 3): every query under 2 s.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from kraftgraf.graph.store.build import build
from kraftgraf.graph.store.synth import write_synth
from kraftgraf.queries.registry import question

QUERIES = (
    ("unowned", {}), ("unowned", {"actor": "Staten"}), ("silos", {}), ("overlaps", {}),
    ("coverage", {"by": "actor"}), ("coverage", {"by": "sector"}), ("laws", {}),
    ("trace", {"name": "Staten"}), ("trace", {"name": "arbetsmiljö"}), ("mandates", {}), ("followup", {}),
)


def timed(func) -> tuple[float, object]:
    start = time.perf_counter()
    result = func()
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a small plan, to smoke-test the script")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--repeat", type=int, default=3, help="warm runs after the cold one (best kept)")
    args = parser.parse_args()
    sizes = dict(municipalities=20, regions=3, initiatives=60) if args.quick else \
        dict(municipalities=290, regions=21, initiatives=1000)
    with tempfile.TemporaryDirectory() as tmp:
        plan = Path(tmp) / "plan.nt"
        triples = write_synth(plan, seed=1, **sizes)
        load_s, kg = timed(lambda: build(plan))
    projection_s, _ = timed(kg.projection)
    results = {"plan": sizes, "triples": triples, "load_s": round(load_s, 3),
               "projection_s": round(projection_s, 3), "queries": []}
    print(f"plan: {triples} triples; load {load_s:.2f} s; networkx projection {projection_s:.2f} s")
    for name, options in QUERIES:
        q = question(name)
        cold, sections = timed(lambda q=q, o=options: q.ask(kg, **o))
        warm = [timed(lambda q=q, o=options: q.ask(kg, **o))[0] for _ in range(args.repeat)]
        best = min([cold, *warm])
        rows = sum(len(s.rows) for s in sections)
        label = name + "".join(f" --{k} {v}" for k, v in options.items())
        results["queries"].append({"query": label, "cold_s": round(cold, 3), "best_s": round(best, 3),
                                   "warm_s": [round(w, 3) for w in warm], "rows": rows,
                                   "vs_load": round(best / load_s, 3)})
        print(f"{label:32} cold {cold:6.2f} s  best of {args.repeat + 1} {best:6.2f} s  "
              f"({best / load_s:5.2f} × load)  {rows} rows")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
