"""Building the Neo4j push and exporting in every format, beside rdflib writing N-Triples.

Run:  python benchmarks/bench_exports.py [--quick] [--repeat N] [--json out.json]

On the national-scale plan from `kraftgraf synth` (290 municipalities, 21
regions, 1000 initiatives, seed 1), built as `kraftgraf build FILE` does, it
times in one run:

- rdflib ``Graph.serialize(format="nt")`` of the same triples the exports hold
  (every graph merged), from rdflib's in-memory store: the **baseline**;
- ``push_graph`` (the property graph with what the Cypher queries read) and
  ``plan_push`` (the statements and their parameter batches): what
  `kraftgraf neo4j push` does before it talks to a server.  Nothing is pushed;
- every exporter of the registry (`kraftgraf export --format …`), into a
  temporary folder,

and reports each as a ratio to the baseline.  Target: every export format
within 3x of rdflib's N-Triples.  `--quick` uses a small plan, to smoke-test.
"""

from __future__ import annotations

import json
import platform
import tempfile
from functools import partial
from importlib.metadata import version
from pathlib import Path

import pyoxigraph as ox
from bench_build import NATIONAL, QUICK, arguments, timed
from rdflib import Graph

from kraftgraf.graph.exporters import EXPORTERS, exporter
from kraftgraf.graph.exporters.rdf import write_ntriples
from kraftgraf.graph.neo4j.props import push_graph
from kraftgraf.graph.neo4j.push import plan_push
from kraftgraf.graph.store.build import build
from kraftgraf.graph.store.synth import write_synth

TARGET = 3.0  # every export within this many times rdflib's N-Triples serialisation


def rdflib_graph(kg, tmp: Path) -> Graph:
    """The triples the exports write (all graphs merged), in rdflib's default in-memory store."""
    merged = tmp / "merged.nt"
    write_ntriples(kg, merged)
    return Graph().parse(merged, format="nt")


def measure(kg, tmp: Path, repeat: int) -> list[dict]:
    rows = []

    def time(step: str, func, *args):
        seconds, result = timed(repeat, func, *args)
        rows.append({"step": step, "seconds": round(seconds, 3)})
        print(f"  {step:42} {seconds:8.2f} s", flush=True)
        return result

    g = rdflib_graph(kg, tmp)
    time("rdflib Graph.serialize nt (baseline)", partial(g.serialize, str(tmp / "rdflib.nt"), "nt",
                                                         encoding="utf-8"))
    triples = len(g)
    del g
    pg = time("push_graph (property graph + query props)", push_graph, kg)
    statements = time("plan_push (statements and batches)", plan_push, pg)
    batches = sum(len(s.batches) for s in statements)
    for name, (_, suffix, _) in EXPORTERS.items():
        time(f"export --format {name}", exporter(name), kg, tmp / f"export-{name}{suffix or ''}")
    base = rows[0]["seconds"]
    for row in rows:
        row["x_rdflib_nt"] = round(row["seconds"] / base, 2) if base else None
    print(f"  {triples} triples, {len(pg.nodes)} nodes, {len(pg.edges)} relationships, {batches} batches")
    return rows


def main() -> None:
    args = arguments(__doc__)
    size = QUICK if args.quick else NATIONAL
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        warm = tmp / "warm.nt"  # imports and plugin lookups are not timed
        write_synth(warm, municipalities=1, regions=1, initiatives=2)
        measure(build(warm), tmp, 1)
        print(f"plan: {size}")
        plan = tmp / "plan.nt"
        write_synth(plan, **size)
        rows = measure(build(plan), tmp, args.repeat)
    exports = [r for r in rows if r["step"].startswith("export")]
    missed = [r for r in exports if r["x_rdflib_nt"] is not None and r["x_rdflib_nt"] > TARGET]
    print(f"target: every export within {TARGET:g}x rdflib's N-Triples: "
          + ("met" if not missed else "missed by " + ", ".join(f"{r['step']} ({r['x_rdflib_nt']}x)"
                                                              for r in missed)))
    if args.json:
        versions = {p: version(p) for p in ("kraftgraf", "rdflib", "pyoxigraph", "networkx")}
        args.json.write_text(json.dumps({"plan": size, "python": platform.python_version(),
                                         "versions": versions, "oxigraph": ox.__version__, "rows": rows},
                                        indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
