"""Every Cypher text kraftgraf sends, checked by Neo4j's own parser and semantic analysis.

No Neo4j server can run here, so the check is ``lintCypherQuery`` of the npm package
``@neo4j-cypher/language-support`` (the linter of Neo4j's own tools), run offline under
node (tests/cypher_lint/: ``npm install --prefix tests/cypher_lint``).  It reads the
question texts of every registry folder and the push's statements (constraint, node and
relationship batches, prune), with the schema the push writes: its labels, relationship
types and the parameters each text takes.  An error fails; a warning must be one of
:data:`ACCEPTED`, each with the reason it is meant.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import unavailable

from kraftgraf.graph.neo4j.props import push_graph
from kraftgraf.graph.neo4j.push import LABELS, REL_TYPES, plan_push
from kraftgraf.queries.common import query_names, query_text
from kraftgraf.queries.cypher_backend import parameters

LINT = Path(__file__).parent / "cypher_lint"
ACCEPTED = {
    ("coverage_sector_layer", "cartesian product"):
        "every sector against every layer on purpose: the matrix has a row for each pair, zero cells too",
}


def _lint(texts: dict[str, str]) -> dict[str, list[dict]]:
    if shutil.which("node") is None or not (LINT / "node_modules" / "@neo4j-cypher").is_dir():
        reason = "needs node and 'npm install --prefix tests/cypher_lint' (Neo4j's Cypher linter)"
        unavailable(reason)
    schema = {"labels": sorted({*LABELS, "Resource"}), "relationshipTypes": sorted(REL_TYPES),
              "parameters": {p: None for text in texts.values() for p in parameters(text)}}
    request = json.dumps({"schema": schema, "texts": texts})
    run = subprocess.run(["node", str(LINT / "lint.mjs")], input=request, capture_output=True, text=True,
                         timeout=120, check=True)
    return json.loads(run.stdout)


@pytest.fixture(scope="module")
def findings(seed_kg):
    texts = {name: query_text(name, ".cypher") for name in query_names(".cypher")}
    for i, statement in enumerate(plan_push(push_graph(seed_kg), 5000, prune=True)):
        texts[f"push statement {i + 1}"] = statement.cypher
    assert len(texts) > 30
    return _lint(texts)


def test_neo4j_finds_no_error_in_any_text(findings):
    errors = {name: [d["message"] for d in found if d["severity"] == 1] for name, found in findings.items()}
    assert {name: msgs for name, msgs in errors.items() if msgs} == {}


def test_every_warning_is_one_we_mean(findings):
    warned = {(name, d["message"]) for name, found in findings.items() for d in found if d["severity"] != 1}
    unexplained = [(n, m) for n, m in warned if not any(n == a and k in m for a, k in ACCEPTED)]
    assert unexplained == []


def test_the_linter_does_catch_a_broken_text():
    found = _lint({"broken": "MATCH (n:Resource) WHER n.iri = $iri RETURN n"})
    assert any(d["severity"] == 1 for d in found["broken"])
