"""silos: sectors per initiative and layer, the actor network by sector, isolated sectors.

The seed plan's annex (Bilaga 1) has three actor columns: "kommuner och regioner i
samarbete med SKL", "staten" and "civilsamhället".  Only civil society holds a mandate
itself (data/mandates.csv: "*Civilsamhället* kommer att spela en viktig roll …"); the
other two are groups whose members hold them: the municipalities (socialtjänst, skola,
samhällsplanering) and the regions (hälso- och sjukvård) — SKL holds none, the memo only
proposes a cross-sector role for it ("bör omfatta") —; the state through seven agencies
with mandates (Socialstyrelsen, SBU, IVO, Vårdanalys: health care and social services;
Folkhälsomyndigheten: public health, SFS 2021:248; Arbetsförmedlingen: labour market;
Försäkringskassan: social insurance).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter

import pytest
from rdflib import URIRef

from kraftgraf.graph.store.build import build
from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.ontology.vocab import plan_item
from kraftgraf.queries.common import rq_text, run_rq, short
from kraftgraf.queries.silos import answer as silos
from kraftgraf.queries.silos import sector_network

KR = "Kommuner och regioner i samarbete med SKL"
KR_SECTORS = "Hälso- och sjukvård; Samhällsplanering; Skola; Socialtjänst"
STATE_SECTORS = "Arbetsmarknad; Folkhälsa; Hälso- och sjukvård; Socialförsäkring; Socialtjänst"
ALL_BUT_CULTURE = "Arbetsmarknad; Civilsamhälle; Folkhälsa; Hälso- och sjukvård; Samhällsplanering; Skola; " \
                  "Socialförsäkring; Socialtjänst"


@pytest.fixture(scope="module")
def kg():
    return build()


@pytest.fixture(scope="module")
def by_key(kg):
    """The sections as the plan names its actors (--by column): the three column groups."""
    return {s.key: s for s in silos.sections(kg, by="column")}


@pytest.fixture(scope="module")
def by_owner(kg):
    """The sections with each group's commitment counted for its likely owners (the default)."""
    return {s.key: s for s in silos.sections(kg)}


def test_column_actors_take_their_members_sectors(by_key):
    rows = {r.actor: r for r in by_key["actors"].rows}
    assert set(rows) == {KR, "Staten", "Civilsamhället"}
    assert (rows[KR].sector_names, rows["Staten"].sector_names) == (KR_SECTORS, STATE_SECTORS)
    assert rows["Civilsamhället"].sector_names == "Civilsamhälle"
    # Primary sector: health care is held by 1 of the municipalities and the regions (tied
    # with social services, school and planning, 1 each; health care is the sector most
    # actors in the graph hold a mandate in, 6 against 5, 1 and 1), and by 4 of the state's
    # 7 agencies.
    assert [rows[a].primary for a in (KR, "Staten", "Civilsamhället")] == [
        "Hälso- och sjukvård", "Hälso- och sjukvård", "Civilsamhälle"]
    assert "its members Kommunerna and Regionerna hold mandates" in rows[KR].why
    assert all(r.sources for r in rows.values())


def test_no_initiative_of_the_memo_stays_inside_one_sector(kg, by_key):
    rows = {r.initiative: r for r in by_key["initiatives"].rows}
    assert len(rows) == 33
    # Every annex row someone fills has the municipalities-and-regions column or the state's,
    # and each of those groups spans 4–5 sectors: nothing stays inside one sector.
    assert silos.single_sector_initiatives(kg, by="column") == [] and by_key["single_sector"].rows == []
    # A1 has all three columns: every sector but culture and leisure, which no actor holds.
    assert (rows["A1"].actors, rows["A1"].sector_names) == (3, ALL_BUT_CULTURE)
    # A3 ("Dialog och samtal om välfärdstjänsterna uppdrag …") only the municipalities and
    # regions; H1 ("Se över och ev. uppdatera innehållet i utbildningar …") only the state.
    assert (rows["A3"].actors, rows["A3"].sector_names) == (1, KR_SECTORS)
    assert (rows["H1"].actors, rows["H1"].sector_names) == (1, STATE_SECTORS)
    # C4–C6, H3, I4 and I5 have "…" in all three columns: no sector at all.
    assert sorted(i for i, r in rows.items() if r.sectors == 0) == ["C4", "C5", "C6", "H3", "I4", "I5"]
    assert rows["A3"].why.startswith(f"Committed to initiative A3: {KR} (Hälso- och sjukvård;")
    assert rows["A3"].sources == ["Dialog och samtal om välfärdstjänsterna uppdrag och den enskildas ansvar"]


def test_sectors_per_layer(by_key):
    rows = {r.layer: r for r in by_key["layers"].rows}
    # No initiative addresses age, sex or heredity (the core of the rainbow); every other
    # layer is reached by initiatives that all three column actors work on.
    assert (rows["Ålder, kön och arv"].initiatives, rows["Ålder, kön och arv"].sectors) == (0, 0)
    # Social networks: A2 (arenas against loneliness, trust) and D4 (balance in life).
    assert "A2 and D4" in rows["Sociala nätverk och gemenskap"].why
    assert {r.sector_names for name, r in rows.items() if r.initiatives} == {ALL_BUT_CULTURE}


def test_actor_network_measures_on_the_seed(kg, by_key):
    # Ties: KR–Staten share 13 initiatives (A1 A2 B1 C1 C2 C3 D1 D6 E1 E2 G2 G3 I1), KR–Civil
    # society 7 (A1 A2 C1 C3 E1 E2 G1), Staten–Civil society 6 (A1 A2 C1 C3 E1 E2).  Primary
    # sectors: KR and Staten health care, civil society its own.  Ties: E = 2 (the two with
    # civil society), I = 1, so E–I = (2 − 1)/3 = 1/3.  Weighted: E = 7 + 6 = 13, I = 13, E–I = 0.
    # Modularity, weighted: m = 26, strengths KR 20, Staten 19, civil society 13;
    # Q = 13/26 − (39/52)² + 0 − (13/52)² = 0.5 − 0.5625 − 0.0625 = −0.125.
    g = silos.actor_network(kg, by="column")
    assert {(g.nodes[a]["label"], g.nodes[b]["label"], w) for a, b, w in g.edges(data="weight")} == {
        ("Civilsamhället", KR, 7), ("Civilsamhället", "Staten", 6), (KR, "Staten", 13)}
    assert silos.ei_index(kg, by="column") == pytest.approx(1 / 3)
    assert silos.ei_index(kg, weighted=True, by="column") == pytest.approx(0)
    assert silos.sector_modularity(kg, by="column") == pytest.approx(-0.125)
    # Louvain keeps all three together (any split has negative modularity), so the one
    # community agrees with the two sectors not at all: NMI 0.
    values = {r.measure: r.value for r in by_key["network"].rows}
    assert values == {"E–I index": 0.333, "E–I index, weighted": 0.0, "Modularity by sector": -0.125,
                      "Communities found": 1, "Community–sector agreement (NMI)": 0.0}
    assert [(r.actors, r.sectors) for r in by_key["communities"].rows] == [
        (3, "Hälso- och sjukvård (2), Civilsamhälle (1)")]
    assert all(r.meaning and r.why for r in by_key["network"].rows)


def test_culture_and_leisure_is_the_only_isolated_sector(by_key):
    # No actor holds a mandate in culture and leisure (data/mandates.csv), so it is in no
    # initiative; every other sector meets others, e.g. in A1.
    rows = by_key["isolated"].rows
    assert [(r.sector, r.initiatives) for r in rows] == [("Kultur och fritid", 0)]
    assert "holds a mandate in Kultur och fritid" in rows[0].why


def test_python_and_sparql_agree(kg):
    # silos_initiative_sectors.rq and silos_layer_sectors.rq join in the store what the
    # Python side joins from scans of commitments and mandates; the answers must agree.
    python = {(r.initiative, name) for r in silos.initiative_sectors(kg, by="column")
              for name in r.sector_names.split("; ") if name}
    sparql = {(short(r["initiative"]), kg.label(URIRef(r["sector"])))
              for r in run_rq(kg, rq_text("silos_initiative_sectors"))}
    assert python == sparql and ("A1", "Civilsamhälle") in python
    python = {(r.layer, name) for r in silos.layer_sectors(kg, by="column")
              for name in r.sector_names.split("; ") if name}
    sparql = {(kg.label(URIRef(r["layer"])), kg.label(URIRef(r["sector"])))
              for r in run_rq(kg, rq_text("silos_layer_sectors"))}
    assert python == sparql
    ties = Counter((r["first"], r["second"]) for r in run_rq(kg, rq_text("silos_actor_pairs_by_initiative")))
    assert ties == {tuple(sorted((a, b))): w
                    for a, b, w in silos.actor_network(kg, by="column").edges(data="weight")}
    # Bound to one initiative the pair query stays small: E1 has all three columns.
    e1 = plan_item("kraftsamling-2019", "initiative", "E1")
    assert len(run_rq(kg, rq_text("silos_actor_pairs_by_initiative"), initiative=e1)) == 3


FIXTURE = """
@prefix kg: <https://w3id.org/kraftgraf/ontology#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix : <https://example.org/> .
:x a kg:Sector ; skos:prefLabel "X"@sv .
:y a kg:Sector ; skos:prefLabel "Y"@sv .
:z a kg:Sector ; skos:prefLabel "Z"@sv .
:a1 kg:hasMandateIn :x .  :a2 kg:hasMandateIn :x .
:a3 kg:hasMandateIn :y .  :a4 kg:hasMandateIn :y .  :a5 kg:hasMandateIn :z .
:group org:hasMember :a1 , :a2 .
:i1 a kg:Initiative .  :i2 a kg:Initiative .  :i3 a kg:Initiative .  :i4 a kg:Initiative .
:c1 a kg:Commitment ; kg:byActor :a1 ; kg:toInitiative :i1 .
:c2 a kg:Commitment ; kg:byActor :a2 ; kg:toInitiative :i1 .
:c3 a kg:Commitment ; kg:byActor :a3 ; kg:toInitiative :i2 .
:c4 a kg:Commitment ; kg:byActor :a4 ; kg:toInitiative :i2 .
:c5 a kg:Commitment ; kg:byActor :a2 ; kg:toInitiative :i3 .
:c6 a kg:Commitment ; kg:byActor :a3 ; kg:toInitiative :i3 .
:c7 a kg:Commitment ; kg:byActor :a5 ; kg:toInitiative :i4 .
:c8 a kg:Commitment ; kg:byActor :group ; kg:toInitiative :i4 .
"""


@pytest.fixture(scope="module")
def tiny():
    kg = KnowledgeGraph()
    kg.graph("plan/fixture").parse(data=FIXTURE, format="turtle")
    return kg


def test_measures_computable_by_hand(tiny):
    # Ties (shared initiatives): a1–a2 (i1, both X), a3–a4 (i2, both Y), a2–a3 (i3, X and Y),
    # and on i4 a5 (Z) with the group, which holds no mandate itself and so takes its
    # members' sector X: group–a5 across.  E = 2 (a2–a3, group–a5), I = 2: E–I = 0.
    # Modularity by sector: m = 4 ties of weight 1; degrees a1 1, a2 2, a3 2, a4 1, group 1,
    # a5 1.  X = {a1, a2, group}: 1 inner tie, degree 4 → 1/4 − (4/8)² = 0;
    # Y = {a3, a4}: 1 inner tie, degree 3 → 1/4 − (3/8)² = 7/64; Z = {a5}: 0 − (1/8)² = −1/64.
    # Q = 6/64 = 0.09375.
    assert silos.ei_index(tiny, by="column") == 0.0
    assert silos.sector_modularity(tiny, by="column") == pytest.approx(6 / 64)
    assert [r.initiative for r in silos.single_sector_initiatives(tiny, by="column")] == ["i1", "i2"]
    assert [(r.initiative, r.sector_names) for r in silos.initiative_sectors(tiny, by="column")][2:] == [
        ("i3", "X; Y"), ("i4", "X; Z")]
    assert silos.isolated_sectors(tiny, by="column") == []


def test_a_group_no_mandate_places_counts_in_no_sector(tiny):
    # By likely owner (the default), the group's commitment to i4 has no owner: i4 addresses no
    # determinant, so no member's mandate matches it, and the group brings no sector there (its
    # members' X would say nothing about i4).  Ties left: a1–a2 (X), a3–a4 (Y), a2–a3 (across):
    # E = 1, I = 2, E–I = −1/3; i4 involves Z only, so it is inside one sector.
    assert silos.ei_index(tiny) == pytest.approx(-1 / 3)
    assert [(r.initiative, r.sector_names) for r in silos.initiative_sectors(tiny)][3] == ("i4", "Z")
    assert [r.initiative for r in silos.single_sector_initiatives(tiny)] == ["i1", "i2", "i4"]


def test_by_likely_owner_on_the_seed_plan(kg, by_owner):
    rows = {r.initiative: r for r in by_owner["initiatives"].rows}
    # A1: the state's commitment goes to Försäkringskassan (A1 addresses the economy, social
    # insurance's sector); no member of "kommuner och regioner" holds a mandate where A1's
    # determinants sit, so that group brings no sector; civil society keeps its own mandate.
    # Before issue 16 A1 spanned seven sectors (ALL_BUT_CULTURE).
    assert (rows["A1"].sectors, rows["A1"].sector_names) == (2, "Civilsamhälle; Socialförsäkring")
    assert "Staten's commitment is counted for Försäkringskassan, likely, by mandate." in rows["A1"].why
    assert max(r.sectors for r in rows.values()) == 2 and len(by_owner["single_sector"].rows) == 9
    grain = by_owner["grain"].rows
    assert [(m.measure, m.value) for m in grain] == [("Actors that made the commitments", 3)]
    assert grain[0].meaning.startswith("Too coarse for a silo measure: the commitments come from 3 actors")
    actors = {r.actor for r in by_owner["actors"].rows}
    assert {"Socialstyrelsen", "Regionerna", "Arbetsförmedlingen"} <= actors


def test_network_functions_by_hand():
    # Two sectors of two actors each, one tie inside each and one across:
    # E–I = (1 − 2)/3 = −1/3; m = 3, degrees 1, 2, 2, 1; per sector 1/3 − (3/6)² = 1/12,
    # Q = 1/6.  Louvain finds the two sectors themselves: NMI 1.
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from([(n, {"sector": s}) for n, s in (("a1", "X"), ("a2", "X"), ("a3", "Y"), ("a4", "Y"))])
    g.add_weighted_edges_from([("a1", "a2", 1), ("a3", "a4", 1), ("a2", "a3", 1)])
    assert sector_network.ei_index(g) == pytest.approx(-1 / 3)
    assert sector_network.sector_modularity(g) == pytest.approx(1 / 6)
    found = sector_network.communities(g)
    assert sorted(map(sorted, found)) == [["a1", "a2"], ["a3", "a4"]]
    assert sector_network.agreement(g, found) == pytest.approx(1.0)
    # NMI of a labelling against a relabelled copy is 1, against one group 0.
    assert sector_network.nmi([0, 0, 1, 1], ["p", "p", "q", "q"]) == pytest.approx(1.0)
    assert sector_network.nmi([0, 0, 0, 0], ["p", "p", "q", "q"]) == 0.0


def test_modularity_by_sector_is_networkx_s_to_the_last_bit(kg, tiny, synthetic):
    # The measure sums networkx's terms in networkx's order from one pass over the ties; with
    # the network's whole-number weights the value must be the same float, not just close.
    import networkx as nx

    for store, by in ((kg, "column"), (kg, "owner"), (tiny, "owner"), (synthetic, "owner"),
                      (synthetic, "column")):
        g = silos.actor_network(store, by=by)
        assert g.number_of_edges()
        parts: dict[str, set] = {}
        for node, sector in g.nodes(data="sector"):
            parts.setdefault(sector, set()).add(node)
        expected = nx.community.modularity(g, [parts[s] for s in sorted(parts)], weight="weight")
        assert sector_network.sector_modularity(g) == expected, (by, g.number_of_edges())


def test_an_empty_store_gives_empty_rows():
    assert all(s.rows == [] for s in silos.sections(KnowledgeGraph()))
    assert silos.ei_index(KnowledgeGraph()) is None


@pytest.mark.slow
def test_python_and_sparql_agree_on_a_national_plan(national):
    python = {(r.initiative, name) for r in silos.initiative_sectors(national, by="column")
              for name in r.sector_names.split("; ") if name}
    sparql = {(short(r["initiative"]), national.label(URIRef(r["sector"])))
              for r in run_rq(national, rq_text("silos_initiative_sectors"))}
    assert python == sparql
    python = {(r.layer, name) for r in silos.layer_sectors(national, by="column")
              for name in r.sector_names.split("; ") if name}
    sparql = {(national.label(URIRef(r["layer"])), national.label(URIRef(r["sector"])))
              for r in run_rq(national, rq_text("silos_layer_sectors"))}
    assert python == sparql
    # The network's ties, checked block by block with the bound pair query (unbound it would
    # join some 49,000 commitments with each other): the three initiatives with most actors.
    g = silos.actor_network(national, by="column")
    busiest = sorted(silos.initiative_sectors(national, by="column"), key=lambda r: -r.actors)[:3]
    for row in busiest:
        rows = run_rq(national, rq_text("silos_actor_pairs_by_initiative"),
                      initiative=plan_item("synth-1", "initiative", row.initiative))
        assert rows and all(g.has_edge(r["first"], r["second"]) for r in rows if r["first"] in g)
    measures = {s.key: s for s in silos.sections(national, by="column")}["network"].rows
    assert [m.measure for m in measures][:3] == ["E–I index", "E–I index, weighted", "Modularity by sector"]


def test_the_answer_does_not_depend_on_pythons_string_hashing(tmp_path):
    """Two processes with other hash seeds print the same bytes (a set's order once moved the sources)."""
    def answer(seed: str) -> bytes:
        env = {**os.environ, "PYTHONHASHSEED": seed, "KRAFTGRAF_CACHE": str(tmp_path / seed)}
        return subprocess.run([sys.executable, "-m", "kraftgraf", "query", "silos", "--format", "json"],
                              env=env, cwd=tmp_path, capture_output=True, check=True).stdout

    assert answer("1") == answer("3")
