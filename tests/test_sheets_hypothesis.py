"""Generated plans with awkward text survive template → import, as XLSX and as CSV.

Awkward: å ä ö, quotes, semicolons, line breaks inside names, texts that a
spreadsheet would take for a formula (= + - @), and cells thousands of
characters long.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import RDF, RDFS, Graph, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import XSD

from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.loaders.curated import load_curated
from kraftgraf.loaders.memo import commitment_links, plan_node
from kraftgraf.loaders.sheet.changes import facts_graph
from kraftgraf.loaders.sheet.codes import is_placeholder  # the sheet's rule
from kraftgraf.loaders.sheet.importer import apply, import_sheet
from kraftgraf.loaders.sheet.template import write_template
from kraftgraf.ontology.provenance import Quote, add_document, add_source
from kraftgraf.ontology.vocab import KG, plan_iri

KEY = "gen"
ACTORS = ("kommuner-och-regioner", "staten", "civilsamhallet")
GOAL_OF = {"A": "1", "B": "1", "C": "2"}
AWKWARD = ["å ä ö Å Ä Ö", '"citat" och \'apostrof\'', "=SUMMA(A1:A3)", "+46 70 123 45 67", "-minus",
           "@handle", "'=inte en formel", "''två apostrofer", "semi;kolon", "tab\tinne", "<b>&amp;</b>",
           "Sista " + "lång text med åäö " * 300]
PLAIN = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Cn", "Zl", "Zp")), min_size=1, max_size=40)
LINE = st.one_of(st.sampled_from(AWKWARD), PLAIN).map(str.strip).filter(bool)
NAME = st.one_of(LINE, st.tuples(LINE, LINE).map("\n".join))
COMMITMENT = LINE.filter(lambda t: not is_placeholder(t))
PLACEHOLDERS = ["…", "...", "• ...", "•", "-", "saknas", "n/a"]  # the memo's marks, and words plans write
CELL = st.one_of(st.none(), st.sampled_from(PLACEHOLDERS), st.lists(COMMITMENT, min_size=1, max_size=3))
ROW = st.tuples(st.sampled_from(sorted(GOAL_OF)), NAME, st.lists(LINE, max_size=3),
                st.tuples(CELL, CELL, CELL))
PLAN = st.tuples(LINE, st.dictionaries(st.sampled_from(["1", "2", *GOAL_OF]), NAME, min_size=5, max_size=5),
                 st.lists(ROW, min_size=1, max_size=6))


@pytest.fixture(scope="module")
def kg():
    kg = KnowledgeGraph()
    kg.add_ontology()
    load_curated(kg.graph("curated"))
    return kg


def plan_to_graph(g: Graph, title: str, names: dict, rows: list) -> None:
    """A generated plan in the memo loader's shape, each node quoting itself."""
    doc = add_document(g, "generated", "Generated", "generated.txt")
    g.add((plan_iri(KEY), RDF.type, KG.Plan))
    g.add((plan_iri(KEY), RDFS.label, Literal(title, lang="sv")))

    def node(kind, key, cls, label=None, order=None, quote=None):
        n = plan_node(g, KEY, kind, key, cls, label)
        if order is not None:
            g.add((n, KG.order, Literal(order, datatype=XSD.integer)))
        add_source(g, n, Quote(doc, quote or label or key, "generated"))
        return n

    seen, count = {}, {}
    for order, (focus, label, outcomes, cells) in enumerate(rows):
        goal = GOAL_OF[focus]
        for kind, code, cls in (("goal", goal, KG.Goal), ("focus-area", focus, KG.FocusArea)):
            if (kind, code) not in seen:
                seen[kind, code] = node(kind, code, cls, names[code], order)
        g.add((seen["focus-area", focus], KG.partOf, seen["goal", goal]))
        count[focus] = count.get(focus, 0) + 1
        key = f"{focus}{count[focus]}"
        initiative = node("initiative", key, KG.Initiative, label, order)
        g.add((initiative, KG.inFocusArea, seen["focus-area", focus]))
        for n, text in enumerate(outcomes, start=1):
            outcome = node("outcome", f"{key}-{n}", KG.Outcome, quote=text)
            g.add((outcome, KG.text, Literal(text, lang="sv")))
            g.add((initiative, KG.hasOutcome, outcome))
        for actor, cell in zip(ACTORS, cells):
            if isinstance(cell, str):
                c = node("open-commitment", f"{key}-{actor}", KG.OpenCommitment, quote=cell)
                commitment_links(g, c, actor, initiative, cell, actor)
            for n, text in enumerate(cell or [] if not isinstance(cell, str) else [], start=1):
                c = node("commitment", f"{key}-{actor}-{n}", KG.Commitment, text)
                commitment_links(g, c, actor, initiative, text, actor)


def graph_of(kg: KnowledgeGraph) -> Graph:
    g = Graph()
    for triple in kg.graph(f"plan/{KEY}"):
        g.add(triple)
    return g


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.function_scoped_fixture])
@given(plan=PLAN, suffix=st.sampled_from([".xlsx", ".csv"]))
def test_generated_plans_round_trip(kg, plan, suffix):
    title, names, rows = plan
    target = kg.graph(f"plan/{KEY}")
    target.remove((None, None, None))
    plan_to_graph(target, title, names, rows)
    original = graph_of(kg)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"plan{suffix}"
        write_template(kg, path, KEY)
        apply(kg, import_sheet(kg, path, KEY))
        assert isomorphic(graph_of(kg), original)  # nothing changed, so every source was kept
        target.remove((None, None, None))
        apply(kg, import_sheet(kg, path, KEY, lang="sv", title=title))  # afresh: the cells are sources
    assert isomorphic(facts_graph(graph_of(kg)), facts_graph(original))
