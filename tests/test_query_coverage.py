"""coverage: actors (or sectors) × the five Dahlgren–Whitehead layers of 1991.

A cell counts the initiatives an actor commits to (a real bullet in its column of
the annex) that address a determinant in the layer; which determinants an
initiative addresses is data/determinant_links.csv.  By sector, the actors counted
are those with a mandate in the sector (data/mandates.csv), or whose members hold one.
"""

from __future__ import annotations

from collections import defaultdict

import pytest
from rdflib import URIRef
from rdflib.namespace import SKOS

from kraftgraf.graph.store.build import build
from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.ontology.vocab import KG
from kraftgraf.queries.common import rq_text, run_rq, short
from kraftgraf.queries.coverage.answer import LAYER_COLUMNS, coverage_matrix, sections, uncovered_layers

KR = "Kommuner och regioner i samarbete med SKL"
DW = URIRef("https://w3id.org/kraftgraf/id/scheme/dahlgren-whitehead-1991")


@pytest.fixture(scope="module")
def kg():
    return build()


def counts(row):
    return tuple(getattr(row, c) for c in LAYER_COLUMNS) + (row.total,)


def test_actors_by_layer(kg):
    # The state has bullets in A1, A2, B1, C1–C3, D1, D6, E1, E2, G2, G3, H1 and I1.  Of these,
    # C1 (an everyday life matched to people's capacities) and D1 (a health-promoting programme)
    # address resilience, a lifestyle factor; A2 (arenas against loneliness, trust) the social
    # network; A1 (the framework: governance, economy), B1 (a political agenda) and G2 (digital
    # self-help) the general conditions of society; all but B1 reach living and working
    # conditions (work, school, care, culture).  No initiative addresses age, sex or heredity.
    rows = {r.label: r for r in coverage_matrix(kg)}
    assert list(rows) == ["Civilsamhället", KR, "Staten"]
    assert counts(rows["Staten"]) == (0, 2, 1, 13, 3, 14)
    # K&R commits to every row but C4–C6, H1, H3, I4 and I5: 26 initiatives, all addressing
    # some determinant; D1–D5 reach lifestyle, A2 and D4 the social network.
    assert counts(rows[KR]) == (0, 6, 2, 20, 10, 26)
    # Civil society has bullets in A1, A2, C1, C3, E1, E2 and G1.
    assert counts(rows["Civilsamhället"]) == (0, 1, 1, 7, 1, 7)
    why = rows["Staten"].why
    assert "Staten commits to 14 initiatives" in why and "Individuella livsstilsfaktorer: C1 and D1" in why
    assert "Nothing in Ålder, kön och arv" in why
    # C1 and D1 reach lifestyle only through links that are our reading (resilience; the rows name
    # working and everyday life, a health-promoting programme): the row says so (determinant_links.csv)
    assert "By our reading only, not stated in the row: Individuella livsstilsfaktorer: C1 and D1;" in why
    # A1 states its economy and governance in so many words: no layer of civil society's rests on
    # our reading but C1's lifestyle link
    assert rows["Civilsamhället"].why.endswith(
        "By our reading only, not stated in the row: Individuella livsstilsfaktorer: C1.")
    assert "Ändringar i Socialtjänstlagen" in rows["Staten"].sources  # its A2 bullet


def test_sectors_by_layer(kg):
    # Only civil society holds a mandate in Civilsamhälle; only the state's agencies in
    # Socialförsäkring (Försäkringskassan), Arbetsmarknad (Arbetsförmedlingen) and Folkhälsa
    # (Folkhälsomyndigheten, SFS 2021:248); school and spatial planning are the
    # municipalities' (members of K&R); health care and social services both K&R's (through
    # the municipalities and the regions) and the state's (through its agencies).  SKL holds
    # no mandate: the memo only proposes a cross-sector role for it, so K&R no longer counts
    # for the labour market.  Nobody holds one in culture and leisure.  The state alone adds
    # H1 to K&R's 26 initiatives.
    rows = {r.id: r for r in coverage_matrix(kg, by="sector")}
    assert len(rows) == 9
    assert counts(rows["civilsamhalle"]) == (0, 1, 1, 7, 1, 7)
    for sector in ("socialforsakring", "arbetsmarknad", "folkhalsa"):
        assert counts(rows[sector]) == (0, 2, 1, 13, 3, 14)
    assert counts(rows["skola"]) == counts(rows["samhallsplanering"]) == (0, 6, 2, 20, 10, 26)
    for sector in ("halso-och-sjukvard", "socialtjanst"):
        assert counts(rows[sector]) == (0, 6, 2, 21, 10, 27)
    assert counts(rows["kultur-och-fritid"]) == (0,) * 6
    assert "No actor with a mandate in Kultur och fritid" in rows["kultur-och-fritid"].why
    assert f"({KR} and Staten)" in rows["socialtjanst"].why
    assert any(q.startswith("Förordning (2009:1174)") for q in rows["socialforsakring"].sources)


def test_layers_nobody_covers(kg):
    # No determinant link in the plan reaches the innermost layer, age, sex and heredity.
    for by in ("actor", "sector"):
        assert [(r.id, r.order) for r in uncovered_layers(kg, by)] == [("alder-kon-arv", 0)]


def test_an_empty_store():
    kg = KnowledgeGraph()
    kg.add_ontology()
    assert coverage_matrix(kg) == []
    assert [r.order for r in uncovered_layers(kg)] == [0, 1, 2, 3, 4]
    assert {counts(r) for r in coverage_matrix(kg, by="sector")} == {(0,) * 6}
    assert len(uncovered_layers(kg, by="sector")) == 5


def test_sections_and_bad_options(kg):
    matrix, gaps = sections(kg, by="sector")
    assert matrix.columns == ("label", *LAYER_COLUMNS, "total") and len(matrix.rows) == 9  # 9 sectors
    assert "mandate" in matrix.explanation and gaps.key == "uncovered_layers"
    with pytest.raises(ValueError, match="by must be"):
        coverage_matrix(kg, by="layer")


# --- the same cells from SPARQL, and from the networkx projection -------------------------

def python_cells(kg, by):
    return {(r.id, LAYER_COLUMNS[i], getattr(r, c)) for r in coverage_matrix(kg, by)
            for i, c in enumerate(LAYER_COLUMNS)}


def sparql_cells(kg, by):
    rows = run_rq(kg, rq_text(f"coverage_{by}_layer"))
    return {(short(r[by]), LAYER_COLUMNS[r["order"]], r["initiatives"]) for r in rows if r[by]}


def projection_cells(kg):
    """Actor cells from the projection: commitment → initiative → determinant → layer."""
    p = kg.projection()
    order = {n: int(kg.dataset.value(URIRef(n), KG.order)) for n, d in p.nodes(data=True)
             if d["kind"] == "DeterminantLayer" and (URIRef(n), SKOS.inScheme, DW) in kg.dataset}
    reach, committed = defaultdict(set), set()
    for c in (n for n, d in p.nodes(data=True) if d["kind"] == "Commitment"):
        target = {r: o for _, o, r in p.out_edges(c, keys=True)}
        committed.add(target["byActor"])
        for _, det, rel in p.out_edges(target["toInitiative"], keys=True):
            # a layer is its own layer; the projection drops that self-loop
            layer = det if det in order else next(
                (o for _, o, r in p.out_edges(det, keys=True) if r == "layer"), None)
            if rel == "addresses" and layer in order:
                reach[target["byActor"], order[layer]].add(target["toInitiative"])
    return {(short(a), LAYER_COLUMNS[i], len(reach[a, i])) for a in committed for i in range(5)}


def same_cells(kg):
    assert python_cells(kg, "actor") == sparql_cells(kg, "actor") == projection_cells(kg)
    assert python_cells(kg, "sector") == sparql_cells(kg, "sector")
    rows = coverage_matrix(kg)
    for r in rows:  # the total counts each initiative once, so it is at most the sum
        assert max(counts(r)[:5], default=0) <= r.total <= sum(counts(r)[:5])


def test_python_sparql_and_projection_agree_on_the_seed_plan(kg):
    same_cells(kg)


def test_python_sparql_and_projection_agree_on_a_synthetic_plan(synthetic):
    same_cells(synthetic)
    assert len(coverage_matrix(synthetic)) > 3 and coverage_matrix(synthetic, by="sector")
