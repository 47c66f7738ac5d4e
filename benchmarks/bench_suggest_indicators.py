"""How well does `kraftgraf suggest` find indicators?  Recall and precision on the seed plan.

The curated indicator links of the bundled plan (data/indicator_links.csv) are
taken out of the store; the suggestions for the focus areas and initiatives that
are then without an indicator are compared with them.

- link recall: the share of curated links suggested;
- precision: the share of suggestions that are curated links.  The curated table
  is short (a link where a public indicator clearly fits), so a suggestion it lacks
  is not always wrong: precision here is a lower bound, and ``--verbose`` lists
  the others for a person to judge.

The keywords were written from each indicator's title at its publisher, with the
seed plan in view: this is an in-sample check, not a test on unseen plans.

    .venv/bin/python benchmarks/bench_suggest_indicators.py [--json FILE] [--verbose]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from rdflib import RDF

from kraftgraf.graph.store.build import build
from kraftgraf.ontology.vocab import KG, local_name
from kraftgraf.queries.suggest.indicators import indicator_suggestions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--verbose", action="store_true", help="list the suggestions the curated table lacks")
    args = parser.parse_args()
    kg = build()
    ds = kg.dataset
    curated = {(local_name(s), local_name(o)) for s, o in ds.subject_objects(KG.measuredBy)}
    for quad in list(ds.quads((None, KG.measuredBy, None, None))):
        ds.remove(quad)
    for link in list(ds.subjects(RDF.predicate, KG.measuredBy)):  # the reified statements too
        for quad in list(ds.quads((link, None, None, None))):
            ds.remove(quad)
    found = {(s.item, s.indicator) for s in indicator_suggestions(kg)}
    right = found & curated
    figures = {"curated_links": len(curated), "suggestions": len(found), "right": len(right),
               "link_recall": round(len(right) / len(curated), 3),
               "precision_lower_bound": round(len(right) / len(found), 3) if found else None,
               "missed": sorted(curated - found), "not_curated": sorted(found - curated)}
    print(f"curated links {len(curated)}, suggestions {len(found)}, right {len(right)}: "
          f"link recall {figures['link_recall']:.0%}, precision (lower bound) "
          f"{figures['precision_lower_bound']:.0%}")
    print("missed:", ", ".join(f"{s}→{o}" for s, o in figures["missed"]) or "none")
    if args.verbose:
        print("suggested, not in the curated table:",
              ", ".join(f"{s}→{o}" for s, o in figures["not_curated"]))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
