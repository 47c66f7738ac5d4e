"""What `kraftgraf sparql`'s check and time limit cost, beside the bare query, in the same run.

Run:  python benchmarks/bench_sparql_guard.py [--quick] [--repeat 7] [--json out.json]

For a few user queries on the seed plan and on the national-scale plan
(`kraftgraf synth`, 290 municipalities, 21 regions, 1000 initiatives, seed 1),
times three ways of answering, alternating them so noise falls on each alike:

- **bare**: pyoxigraph's ``Store.query``, rows read as run_rq reads them, no check;
- **checked**: ``run_rq``: the query parsed by rdflib and checked, then run here;
- **timed**: ``run_select``, what the CLI runs: the same in a forked worker that a
  time limit can kill, the rows sent back through a pipe.

The check's cache is emptied before every run, as in a fresh CLI process, so
"checked" − "bare" is the parse and "timed" − "checked" the fork and the pipe.
(rdflib's SPARQL parser is imported once, before timing: about 0.1 s per CLI
run, which ``python -X importtime`` shows.)
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from kraftgraf.graph.build import build
from kraftgraf.graph.synth import write_synth
from kraftgraf.queries.common import plain, run_rq
from kraftgraf.queries.sparql_guard import _analyse, run_select

QUERIES = {
    "count initiatives": "PREFIX kg: <https://w3id.org/kraftgraf/ontology#> "
                         "SELECT (COUNT(?i) AS ?n) WHERE { ?i a kg:Initiative }",
    "commitments and actors": "PREFIX kg: <https://w3id.org/kraftgraf/ontology#> "
                              "SELECT ?c ?a ?t WHERE { ?c kg:byActor ?a ; kg:text ?t }",
}


def bare(kg, text):
    result = kg.store.query(text, use_default_graph_as_union=True)
    names = [v.value for v in result.variables]
    return [dict(zip(names, map(plain, row))) for row in result]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a small plan, to smoke-test the script")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--repeat", type=int, default=7, help="runs of each way (median kept)")
    args = parser.parse_args()
    sizes = dict(municipalities=20, regions=3, initiatives=60) if args.quick else \
        dict(municipalities=290, regions=21, initiatives=1000)
    with tempfile.TemporaryDirectory() as tmp:
        plan = Path(tmp) / "plan.nt"
        write_synth(plan, seed=1, **sizes)
        plans = {"seed": build(), "national": build(plan_file=plan)}
    results = []
    for plan_name, kg in plans.items():
        for name, text in QUERIES.items():
            ways = {"bare": bare, "checked": run_rq, "timed": run_select}
            times = {w: [] for w in ways}
            answers = {}
            for _ in range(args.repeat):
                for way, func in ways.items():
                    _analyse.cache_clear()
                    start = time.perf_counter()
                    answers[way] = func(kg, text)
                    times[way].append(time.perf_counter() - start)
            assert answers["bare"] == answers["checked"] == answers["timed"]
            med = {w: statistics.median(t) for w, t in times.items()}
            row = {"plan": plan_name, "query": name, "rows": len(answers["bare"]),
                   **{f"{w}_ms": round(m * 1000, 1) for w, m in med.items()},
                   "timed_minus_bare_ms": round((med["timed"] - med["bare"]) * 1000, 1)}
            results.append(row)
            print(f"{plan_name:9} {name:24} {row['rows']:7} rows  bare {row['bare_ms']:8.1f} ms  "
                  f"checked {row['checked_ms']:8.1f} ms  "
                  f"timed {row['timed_ms']:8.1f} ms  (+{row['timed_minus_bare_ms']:.1f} ms)")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
