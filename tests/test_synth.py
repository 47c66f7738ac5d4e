"""The synthetic national plan: the memo's shape, every node sourced, the same bytes for a seed."""

from __future__ import annotations

import csv
from collections import defaultdict
from importlib.resources import files
from itertools import combinations

import pytest
from rdflib import RDF, RDFS, Graph
from rdflib.namespace import SKOS

from kraftgraf.graph.store.build import build
from kraftgraf.graph.store.synth import _Triples, synthesize, write_synth
from kraftgraf.graph.store.synth_words import AGENCIES, DETERMINANTS, NEW_AGENCIES, ORGANISATIONS, REGIONS
from kraftgraf.graph.store.validate import validate
from kraftgraf.ontology.vocab import KG, ORG, PROV, actor_iri, determinant_iri, law_iri, plan_iri

SMALL = dict(municipalities=5, regions=2, initiatives=20)
MEDIUM = dict(municipalities=12, regions=3, initiatives=200)
SOURCED = (KG.Goal, KG.FocusArea, KG.Initiative, KG.Outcome, KG.Commitment, KG.OpenCommitment,
           KG.Municipality, KG.Region, KG.StateAgency, KG.CivilSocietyOrganisation, RDF.Statement)


@pytest.fixture(scope="module")
def small() -> Graph:
    return synthesize(seed=1, **SMALL)


@pytest.fixture(scope="module")
def medium() -> Graph:
    return synthesize(seed=1, **MEDIUM)


def of_type(g: Graph, cls) -> set:
    return set(g.subjects(RDF.type, cls))


def commitments_by_initiative(g: Graph) -> dict:
    actors = defaultdict(set)
    for c in of_type(g, KG.Commitment):
        actors[g.value(c, KG.toInitiative)].add(g.value(c, KG.byActor))
    return actors


def test_every_municipality_and_region_is_an_actor_with_mandates(small):
    municipalities, regions = of_type(small, KG.Municipality), of_type(small, KG.Region)
    assert len(municipalities) == 5 and len(regions) == 2
    assert {str(small.value(r, SKOS.prefLabel)) for r in regions} == set(REGIONS[:2])
    for actor, group in [(m, "kommunerna") for m in municipalities] + [(r, "regionerna") for r in regions]:
        assert (actor_iri(group), ORG.hasMember, actor) in small
        assert small.value(actor, RDFS.label).language == "sv"
        assert set(small.objects(actor, KG.hasMandateIn))


def test_every_municipality_and_region_commits(medium):
    for actor in of_type(medium, KG.Municipality) | of_type(medium, KG.Region):
        assert set(medium.subjects(KG.byActor, actor)), f"{actor} makes no commitment"


def test_agencies_and_organisations(small):
    new = of_type(small, KG.StateAgency)
    assert new == {actor_iri(key) for key in NEW_AGENCIES} and len(AGENCIES) == 15
    assert all((a, ORG.subOrganizationOf, actor_iri("staten")) in small for a in new)
    assert len(of_type(small, KG.CivilSocietyOrganisation)) == len(ORGANISATIONS)
    committing = {small.value(c, KG.byActor) for c in of_type(small, KG.Commitment)}
    assert committing & {actor_iri(key) for key in AGENCIES}


def test_goals_focus_areas_initiatives_and_outcomes(small):
    assert len(of_type(small, KG.Goal)) == 3
    focus_areas = of_type(small, KG.FocusArea)
    assert len(focus_areas) == 9 and all(len(set(small.objects(f, KG.partOf))) == 1 for f in focus_areas)
    initiatives = of_type(small, KG.Initiative)
    assert len(initiatives) == 20
    for i in initiatives:
        assert len(set(small.objects(i, KG.inFocusArea))) == 1
        assert 1 <= len(set(small.objects(i, KG.hasOutcome))) <= 3
        assert all(o.startswith(str(plan_iri("synth-1"))) for o in small.objects(i, KG.hasOutcome))


def test_every_commitment_has_one_actor_one_initiative_and_a_text(medium):
    commitments = of_type(medium, KG.Commitment) | of_type(medium, KG.OpenCommitment)
    assert len(of_type(medium, KG.OpenCommitment)) > 0
    for c in commitments:
        assert len(set(medium.objects(c, KG.byActor))) == 1
        assert len(set(medium.objects(c, KG.toInitiative))) == 1
        assert len(set(medium.objects(c, KG.text))) == 1 and len(set(medium.objects(c, KG.column))) == 1


def test_some_initiatives_have_no_actor_some_one_and_many_several(medium):
    actors = commitments_by_initiative(medium)
    counts = [len(actors.get(i, ())) for i in of_type(medium, KG.Initiative)]
    assert counts.count(0) > 0 and counts.count(1) > 0
    assert sum(n > 3 for n in counts) > len(counts) / 2


def test_every_node_has_a_source_quoting_the_synthetic_document(small):
    doc = small.value(None, RDF.type, KG.Document)
    sources = []
    for cls in SOURCED:
        for node in of_type(small, cls):
            found = list(small.objects(node, PROV.wasDerivedFrom))
            assert len(found) == 1, f"{node} has {len(found)} sources"
            sources.append(found[0])
    assert set(sources) == of_type(small, KG.Source)
    spans = sorted((small.value(s, KG.charStart).toPython(), small.value(s, KG.charEnd).toPython(),
                    str(small.value(s, PROV.value))) for s in sources)
    assert all(small.value(s, KG.document) == doc for s in sources)
    # The document is the quotes one per line: each span ends where its text does, the next starts after.
    assert spans[0][0] == 0 and all(end - start == len(text) for start, end, text in spans)
    assert all(b[0] == a[1] + 1 for a, b in zip(spans, spans[1:]))


def test_determinants_are_the_ontologys_and_two_stay_unaddressed(medium):
    addressed = set(medium.objects(None, KG.addresses))
    assert addressed == {determinant_iri(d) for d in DETERMINANTS}
    assert not addressed & {determinant_iri("jordbruk-och-livsmedel"), determinant_iri("vatten-och-sanitet")}
    statements = of_type(medium, RDF.Statement)
    assert {medium.value(s, RDF.predicate) for s in statements} == {
        KG.addresses, KG.hasMandateIn, KG.requiresChangeTo}


def test_commitments_repeat_in_other_word_forms(medium):
    similarity = pytest.importorskip("kraftgraf.queries.text_similarity").similarity
    texts = {c: (medium.value(c, KG.byActor), medium.value(c, KG.toInitiative), str(medium.value(c, KG.text)))
             for c in of_type(medium, KG.Commitment)}
    same_initiative, same_actor = defaultdict(list), defaultdict(list)
    for actor, initiative, text in texts.values():
        same_initiative[initiative].append((actor, text))
        same_actor[actor].append((initiative, text))

    def near(groups) -> list:
        return [(a, b) for items in groups.values() for (ka, a), (kb, b) in combinations(items, 2)
                if ka != kb and a != b and similarity(a, b) >= 80]

    assert near(same_initiative) and near(same_actor)


def test_no_triple_is_made_twice(small):
    triples = synthesize(seed=1, graph=_Triples(), **SMALL)
    assert len(triples) == len(set(triples)) == len(small)


def test_the_same_seed_gives_the_same_bytes(tmp_path):
    paths = [tmp_path / name for name in ("a.ttl", "b.ttl", "c.ttl")]
    for path, seed in zip(paths, (1, 1, 2)):
        write_synth(path, seed=seed, **SMALL)
    a, b, c = (path.read_bytes() for path in paths)
    assert a == b and a != c
    assert set(synthesize(seed=3, **SMALL)) == set(synthesize(seed=3, **SMALL))
    assert set(synthesize(seed=3, **SMALL)) != set(synthesize(seed=4, **SMALL))


def test_the_file_reads_back_as_the_graph(tmp_path, small):
    path = tmp_path / "plan.nt"
    assert write_synth(path, seed=1, **SMALL) == len(small)
    assert set(Graph().parse(path, format="nt")) == set(small)


def test_a_store_built_from_it_conforms_to_the_shapes(tmp_path):
    path = tmp_path / "plan.ttl"
    write_synth(path, seed=1, **SMALL)
    kg = build(path)
    assert validate(kg) == []
    assert kg.label(actor_iri("region-stockholm")) == "Region Stockholm"


def test_laws_are_the_registrys(medium):
    with (files("kraftgraf.data") / "laws.csv").open(encoding="utf-8") as f:
        registry = {law_iri(row["sfs"]) for row in csv.DictReader(f)}
    laws = set(medium.objects(None, KG.requiresChangeTo))
    assert laws and laws <= registry


@pytest.mark.slow
def test_the_national_plan(tmp_path):
    n = write_synth(tmp_path / "national.nt")
    assert 900_000 < n < 1_100_000
    text = (tmp_path / "national.nt").read_text(encoding="utf-8")
    assert text.count(f"<{RDF.type}> <{KG.Municipality}> .") == 290
    assert text.count(f"<{RDF.type}> <{KG.Region}> .") == 21
    assert text.count(f"<{RDF.type}> <{KG.Initiative}> .") == 1000
