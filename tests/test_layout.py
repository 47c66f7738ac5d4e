"""The import graph between the packages: data flows one way, and nothing reaches back up.

loaders → store → Neo4j push → questions → views → exporters → the public API and the CLI, with
the errors, safe file writing, vocabulary and provenance helpers at the bottom.  Read from the
code's own imports (``if TYPE_CHECKING:`` blocks are annotations, not dependencies: left out).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# The folders as installed (pyproject's package-dir), and the layers from the bottom up: a module
# may import its own layer and those below it, never one above.
FOLDERS = {"kraftgraf": "kraftgraf", "ontology": "kraftgraf.ontology", "loaders": "kraftgraf.loaders",
           "graph": "kraftgraf.graph", "queries": "kraftgraf.queries"}
LAYERS = [
    ("kraftgraf.errors", "kraftgraf.files", "kraftgraf.safe_csv", "kraftgraf.collector"),
    ("kraftgraf.ontology",),
    ("kraftgraf.loaders",),
    ("kraftgraf.graph.store",),
    ("kraftgraf.graph.neo4j",),
    ("kraftgraf.queries",),
    ("kraftgraf.graph.views",),
    ("kraftgraf.graph.exporters",),
    ("kraftgraf.api", "kraftgraf.cli", "kraftgraf", "kraftgraf.__main__"),
]


def unit(module: str) -> str:
    """The package (of :data:`LAYERS`) a module belongs to: the longest that is a prefix of it."""
    found = [u for layer in LAYERS for u in layer if module == u or module.startswith(u + ".")]
    return max(found, key=len)


def rank(u: str) -> int:
    return next(i for i, layer in enumerate(LAYERS) if u in layer)


def modules():
    for folder, package in FOLDERS.items():
        for path in sorted((ROOT / folder).rglob("*.py")):
            parts = path.relative_to(ROOT / folder).with_suffix("").parts
            parts = parts[:-1] if parts[-1] == "__init__" else parts
            yield ".".join((package, *parts)), path


def _type_checking(node: ast.If) -> bool:
    return isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"


def imports(path: Path) -> set[str]:
    """The kraftgraf modules ``path`` imports, at any depth (functions too), outside TYPE_CHECKING."""
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _type_checking(node):
            return
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("kraftgraf"):
            found.update(f"{node.module}.{a.name}" if node.module in ("kraftgraf",) else node.module
                         for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("kraftgraf"))
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return found


EDGES = sorted({(unit(m), unit(t), m, t) for m, path in modules() for t in imports(path)})


@pytest.mark.parametrize("edge", [e for e in EDGES if e[0] != e[1]], ids=lambda e: f"{e[2]}->{e[3]}")
def test_no_module_imports_a_package_above_its_own(edge):
    source, target, module, imported = edge
    assert rank(target) <= rank(source), f"{module} ({source}) imports {imported} ({target}), a layer above"


def test_no_cycle_between_packages():
    import networkx as nx

    g = nx.DiGraph((s, t) for s, t, _, _ in EDGES if s != t)
    cycles = list(nx.simple_cycles(g))
    assert cycles == [], [[(m, t) for s, t2, m, t in EDGES if (s, t2) in set(zip(c, c[1:] + c[:1]))]
                          for c in cycles]


def test_the_library_never_imports_the_cli():
    top = ("kraftgraf.cli", "kraftgraf.api", "kraftgraf", "kraftgraf.__main__")
    assert [(m, t) for s, _, m, t in EDGES if t.startswith("kraftgraf.cli") and s not in top] == []


@pytest.mark.parametrize("module", [m for m, path in modules() if ">>> " in path.read_text(encoding="utf-8")])
def test_every_example_in_a_docstring_runs(module, tmp_path, monkeypatch):
    import doctest
    import importlib

    monkeypatch.chdir(tmp_path)  # examples that read "the store" get the bundled plan
    monkeypatch.delenv("KRAFTGRAF_STORE", raising=False)
    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted and not result.failed
