"""Several plans in one store: build --add, --plan on the queries, and query compare."""

from __future__ import annotations

import json
from importlib.resources import files

import pytest
from rdflib import RDF, Graph, Literal
from rdflib.namespace import SKOS

from kraftgraf.errors import DataError, NotFoundError
from kraftgraf.graph.store.build import build
from kraftgraf.graph.store.plans import add_plan, plan_keys, select_plan, shared_nodes
from kraftgraf.graph.store.synth import write_synth
from kraftgraf.ontology.provenance import Quote, add_document, add_link, add_source, document_iri
from kraftgraf.ontology.vocab import KG, determinant_iri, plan_iri, plan_item
from kraftgraf.queries.compare.answer import compare
from kraftgraf.queries.unowned.answer import sections as unowned_sections

SEED = "kraftsamling-2019"
HOUSING = "Trygga bostäder för personer med psykisk ohälsa"


def later_plan(dropped=("C3", "C4")) -> Graph:
    """The seed plan without the initiatives ``dropped`` and with a new one, J1, on housing.

    C3 ("Öka antalet personer med allvarliga psykiatriska tillstånd i arbete") and C4
    are the only initiatives whose curated links reach unemployment (arbetsloshet);
    J1 addresses housing (boende), which no initiative of the seed plan does.
    """
    g = Graph()
    g.parse(files("kraftgraf.data") / "kraftsamling-2019.ttl", format="turtle")
    for s in {s for s in g.subjects() if any(f"/{code}" in str(s) for code in dropped)}:
        g.remove((s, None, None))
    j1 = plan_item(SEED, "initiative", "J1")
    g.add((j1, RDF.type, KG.Initiative))
    g.add((j1, SKOS.prefLabel, Literal(HOUSING, lang="sv")))
    g.add((j1, KG.code, Literal("J1")))
    g.add((j1, KG.inPlan, plan_iri(SEED)))
    g.add((j1, KG.inFocusArea, plan_item(SEED, "focus-area", "I")))
    doc = add_document(g, "plan-2024", "Plan 2024 (test fixture)", "plan-2024.ttl")
    add_source(g, j1, Quote(doc, HOUSING))
    add_link(g, j1, KG.addresses, determinant_iri("boende"), Quote(doc, HOUSING), "Housing.")
    return g


@pytest.fixture(scope="module")
def later_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("plans") / "plan-2024.ttl"
    later_plan().serialize(path, format="turtle", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def two(later_file):
    """The bundled store with the later plan added beside the seed plan."""
    return add_plan(build(), "plan-2024", later_file)


def test_a_store_holds_several_plans_and_refuses_a_key_twice(two, later_file):
    from kraftgraf.graph.store.validate import validate

    assert plan_keys(two) == [SEED, "plan-2024"]
    assert validate(two) == []  # two plans side by side still conform to the shapes
    with pytest.raises(DataError, match="already has a plan 'plan-2024'"):
        add_plan(two, "plan-2024", later_file)
    with pytest.raises(DataError, match="not a plain key"):
        add_plan(two, "Plan 2024", later_file)
    with pytest.raises(DataError, match="no such file"):
        add_plan(two, "other", later_file.with_name("missing.ttl"))
    assert plan_keys(two) == [SEED, "plan-2024"]  # a failed add leaves the store as it was


def test_select_plan_keeps_the_ontology_curated_facts_and_that_plan_only(two):
    later = select_plan(two, "plan-2024")
    assert plan_keys(later) == ["plan-2024"]
    codes = {str(later.dataset.value(i, KG.code)) for i in later.subjects_of_type(KG.Initiative)}
    assert {c for c in codes if c[0] in "CJ"} == {"C1", "C2", "C5", "C6", "J1"}
    assert len(later.subjects_of_type(KG.Determinant)) > 10  # the ontology came along
    assert list(later.dataset.objects(plan_item(SEED, "initiative", "A1"), KG.addresses))  # curated
    with pytest.raises(NotFoundError,
                       match=r"no plan .plan-2030. \(its plans: kraftsamling-2019, plan-2024\)"):
        select_plan(two, "plan-2030")


def test_select_plan_keeps_what_sits_in_the_default_graph(later_file):
    import pyoxigraph as ox

    kg = add_plan(build(), "plan-2024", later_file)
    note = ox.Quad(ox.NamedNode("https://example.org/a"), ox.NamedNode("https://example.org/b"),
                   ox.Literal("å ä ö"))
    kg.store.add(note)  # in the default graph, which no plan owns
    assert note in select_plan(kg, "plan-2024").store


def test_a_query_over_one_plan_sees_only_that_plan(two):
    def unowned(kg):
        rows = next(s for s in unowned_sections(kg) if s.key == "unowned").rows
        return {r.code for r in rows}

    # J1 has no commitment at all; it exists only in the later plan.
    assert "J1" in unowned(select_plan(two, "plan-2024"))
    assert "J1" not in unowned(select_plan(two, SEED))


def test_compare_names_what_the_later_plan_gained_and_lost(two):
    found = compare(two, SEED, "plan-2024")
    # J1 brings housing; dropping C3 and C4 loses unemployment.  The layer of both
    # (living and working conditions) is reached by both plans, so no layer changes.
    assert [(r.id, r.initiatives) for r in found["gained"]] == [("boende", ["J1"])]
    assert [(r.id, r.initiatives) for r in found["lost"]] == [("arbetsloshet", ["C3", "C4"])]
    assert found["layers_gained"] == found["layers_lost"] == []
    gained = found["gained"][0]
    assert gained.layer == "Levnads- och arbetsförhållanden" and gained.sources == [HOUSING]
    assert "no initiative of kraftsamling-2019" in gained.why
    # C3 "Öka antalet … i arbete" states it; C4 "Koordinera insatser" is our reading
    # (data/determinant_links.csv), and the row says so
    assert found["lost"][0].why.endswith(
        "no initiative of plan-2024 does. By our reading, not stated in the row: C4.")
    assert "Öka antalet personer med allvarliga psykiatriska tillstånd i arbete" in found["lost"][0].sources
    # the reverse question gives the mirror answer
    back = compare(two, "plan-2024", SEED)
    assert [r.id for r in back["gained"]] == ["arbetsloshet"] and [r.id for r in back["lost"]] == ["boende"]


def test_a_link_in_one_plan_graph_does_not_count_for_the_other(later_file):
    # The two versions share A1's IRI.  A link a person confirmed for A1 in the later
    # plan's graph (here to housing) belongs to that plan only.
    kg = add_plan(build(), "plan-2024", later_file)
    a1 = plan_item(SEED, "initiative", "A1")
    add_link(kg.graph("plan/plan-2024"), a1, KG.addresses, determinant_iri("boende"),
             Quote(document_iri("plan-2024"), "Ett nytt ramverk"), "Confirmed.")
    found = compare(kg, SEED, "plan-2024")
    assert [(r.id, r.initiatives) for r in found["gained"]] == [("boende", ["A1", "J1"])]


def test_shared_nodes_are_the_nodes_both_plans_type(two):
    # Counted by rdflib here, by SPARQL in the store: the typed nodes of both plan files.
    seed = set(build().graph(f"plan/{SEED}").subjects(RDF.type, None))
    both = len(seed & set(later_plan().subjects(RDF.type, None)))
    assert shared_nodes(two, "plan-2024") == {SEED: both} and shared_nodes(two, SEED) == {"plan-2024": both}
    assert both == 387  # the seed's 409 typed nodes less C3's and C4's


def test_a_plan_of_its_own_shares_no_nodes(tmp_path):
    write_synth(tmp_path / "small.nt", seed=1, municipalities=3, regions=1, initiatives=5)
    assert shared_nodes(add_plan(build(), "liten", tmp_path / "small.nt"), "liten") == {}


def test_compare_names_layers_a_small_plan_does_not_reach(tmp_path):
    # A plan of J1 alone reaches one layer (living and working conditions); the seed
    # plan also reaches the lifestyle, social-network and societal layers.
    everything = {s.split("/")[-1] for s in map(str, later_plan().subjects()) if "/initiative/" in s}
    small = tmp_path / "small.ttl"
    later_plan(dropped=tuple(everything - {"J1"})).serialize(small, format="turtle", encoding="utf-8")
    kg = add_plan(build(), "small", small)
    found = compare(kg, SEED, "small")
    assert [r.id for r in found["layers_lost"]] == ["individuell-livsstil", "sociala-natverk",
                                                    "samhallsforhallanden"]
    assert found["layers_gained"] == [] and [r.id for r in found["gained"]] == ["boende"]
    with pytest.raises(DataError, match="two different plans"):
        compare(kg, "small", "small")


def test_the_cli_adds_a_plan_and_asks_each_plan(run, tmp_path, later_file):
    assert run("build").exit_code == 0
    added = run("build", "--add", later_file)
    assert added.exit_code == 0, added.output
    assert "with the plans kraftsamling-2019, plan-2024" in added.stdout
    # The later plan is the seed plan edited: every node but J1 and the document, quote
    # and link it adds keeps its IRI, so the store says it holds two versions of them.
    assert added.stderr.splitlines() == [
        "note: 387 of plan-2024's nodes have the same IRIs as nodes of kraftsamling-2019: the store holds "
        "two versions of them, and a query without --plan sees both; ask one with --plan, or compare them "
        "with 'kraftgraf query compare kraftsamling-2019 plan-2024'"]
    one = run("query", "unowned", "--plan", "plan-2024", "--format", "json")
    rows = json.loads(one.stdout)
    assert "J1" in {r["code"] for r in rows["unowned"]}
    # Asked of both plans at once, the answer says that its rows mix them; of one, it does not.
    mixed = "note: this answer reads the store's 2 plans together (kraftsamling-2019, plan-2024)"
    assert mixed not in one.stderr
    laws = run("query", "laws", "--format", "json")
    assert laws.stderr.splitlines()[-1].startswith(mixed)
    # The two plans share every node but J1's; each fact counts once, so the law rows of both
    # together are the seed plan's (plan-2024 has no law of its own): no row repeats.
    seed_laws = json.loads(run("query", "laws", "--plan", SEED, "--format", "json").stdout)
    assert json.loads(laws.stdout) == seed_laws
    assert run("trace", "Staten").stderr.splitlines()[-1].startswith(mixed)
    rows = json.loads(run("query", "unowned", "--plan", SEED, "--format", "json").stdout)
    assert "J1" not in {r["code"] for r in rows["unowned"]}
    traced = json.loads(run("trace", "boende", "--plan", "plan-2024", "--format", "json").stdout)
    assert traced  # housing is reached in the later plan only
    compared = run("query", "compare", SEED, "plan-2024", "--format", "csv")
    assert compared.exit_code == 0
    assert "gained,boende,Boende,Levnads- och arbetsförhållanden,1," in compared.stdout
    explained = run("query", "compare", SEED, "plan-2024", "--explain").stdout
    assert f"source: “{HOUSING}”" in explained
    counted = json.loads(run("query", "compare", SEED, "plan-2024", "--with-suggestions",
                             "--format", "json").stdout)
    assert [r["id"] for r in counted["gained"]] == ["boende"]  # every initiative has curated links
    stats = json.loads(run("stats", "--plan", "plan-2024", "--format", "json").stdout)
    assert {r["kind"]: r["count"] for r in stats}["initiatives"] == 32  # 33 - C3 - C4 + J1


def test_the_cli_says_which_plans_there_are(run, later_file):
    def one_line_error(result, *parts):
        assert result.exit_code == 2, result.output
        line = result.stderr.strip().splitlines()[-1]
        assert all(p in line for p in parts), line

    one_line_error(run("query", "laws", "--plan", "nope"), "no plan 'nope'", "its plans: kraftsamling-2019")
    one_line_error(run("build", "--add", later_file), "no store to add to")
    run("build")
    one_line_error(run("build", "--add"), "already has a plan 'kraftsamling-2019'")
    one_line_error(run("build", "--add", later_file, "--plan", "Plan 2024"), "not a plain key")
    one_line_error(run("query", "compare", SEED, "nope"), "no plan 'nope'")


def test_compare_with_suggestions_reads_a_plan_that_has_no_links(tmp_path):
    # A plan of its own (its own IRIs, so no curated link reaches it) with two initiatives:
    # "Fler trygga bostäder för unga vuxna" is about housing, "En skola där alla elever får
    # stöd" about school.  Without suggestions it covers nothing; with them, housing is what
    # it adds to the seed plan, and education is covered by both.
    g = Graph()
    for code, text in (("X1", "Fler trygga bostäder för unga vuxna"),
                       ("X2", "En skola där alla elever får stöd")):
        node = plan_item("ny-plan", "initiative", code)
        g.add((node, RDF.type, KG.Initiative))
        g.add((node, SKOS.prefLabel, Literal(text, lang="sv")))
        g.add((node, KG.code, Literal(code)))
    path = tmp_path / "ny-plan.ttl"
    g.serialize(path, format="turtle", encoding="utf-8")
    kg = add_plan(build(), "ny-plan", path)
    assert compare(kg, SEED, "ny-plan")["gained"] == []
    found = compare(kg, SEED, "ny-plan", suggested=True)
    [housing] = found["gained"]
    assert (housing.id, housing.initiatives) == ("boende", ["X1"])
    assert "Only suggested, not confirmed: X1." in housing.why
    assert housing.sources == ["Fler trygga bostäder för unga vuxna"]
    assert "utbildning" not in {r.id for r in found["lost"]}
    assert "arbetsmiljo" in {r.id for r in found["lost"]}


def test_a_new_build_does_not_drop_the_plans_of_a_store_silently(run, tmp_path, later_file):
    assert run("build").exit_code == 0
    assert run("build", "--add", later_file, "--plan", "liten").exit_code == 0
    store = tmp_path / "kraftgraf-store.trig"
    before = store.read_bytes()
    refused = run("build")
    assert refused.exit_code == 2 and "holds the plans liten, which this build lacks" in refused.output
    assert store.read_bytes() == before
    assert run("build", "--replace").exit_code == 0 and store.read_bytes() != before
