"""The import's Triples answer as rdflib's Graph does, for every method the import calls.

Triples holds terms of any kind (the import's are Oxigraph's); rdflib's are used here to hold it to
rdflib's Graph.
"""

from __future__ import annotations

import pyoxigraph as ox
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

from kraftgraf.loaders.sheet.terms import ox_term, rdflib_term
from kraftgraf.loaders.sheet.triples import Triples, from_store, quads

NODES = [URIRef(f"http://example.org/{n}") for n in "abcd"]
VALUES = [*NODES, Literal("ett", lang="sv"), Literal(2, datatype=XSD.integer), Literal("två")]
term = st.sampled_from(NODES)
value = st.sampled_from(VALUES)
maybe = st.one_of(st.none(), term)
triple = st.tuples(term, term, value)
pattern = st.tuples(maybe, maybe, st.one_of(st.none(), value))
step = st.one_of(st.tuples(st.just("add"), triple), st.tuples(st.just("remove"), pattern),
                 st.tuples(st.just("set"), triple))


@settings(max_examples=200, deadline=None)
@given(st.lists(step, max_size=30), pattern)
def test_triples_answer_as_rdflib_does(steps, asked):
    ours, theirs = Triples(), Graph()
    for op, arg in steps:
        getattr(ours, op)(arg)
        getattr(theirs, op)(arg)
        ours.subjects(arg[1], None)  # a reverse index made midway must be kept up to date
    s, p, o = asked
    assert set(ours) == set(theirs) and len(ours) == len(theirs)
    assert set(ours.triples(asked)) == set(theirs.triples(asked))
    assert (asked in ours) == (asked in theirs)
    assert set(ours.subjects(p, o)) == set(theirs.subjects(p, o))
    assert set(ours.objects(s, p)) == set(theirs.objects(s, p))
    if s is not None:
        assert set(ours.predicate_objects(s)) == set(theirs.predicate_objects(s))
    if p is not None and (s, o) != (None, None):  # the import names the predicate and one more term
        o = None if s else o
        answers = set(theirs.objects(s, p)) if s else set(theirs.subjects(p, o))
        assert ours.value(s, p, o) in ({None} if theirs.value(s, p, o) is None else answers)


@settings(max_examples=200, deadline=None)
@given(st.lists(triple, max_size=20), st.lists(triple, max_size=20), term, st.sets(term))
def test_subjects_compared_and_copied_as_sets_of_triples(a, b, s, without):
    ours, other = Triples(a), Triples(b)
    assert set(ours.difference(other)) == set(a) - set(b)
    assert ours.alike(other, s) == ({t for t in a if t[0] == s} == {t for t in b if t[0] == s})
    assert ours.described(s, without) == {
        p: {o for x, q, o in a if (x, q) == (s, p)} for x, p, _ in a if x == s and p not in without}
    ours.subjects(NODES[1], None)  # an index made before the copy is kept up to date
    ours.copy_subject(other, s, without or None)
    copied = {t for t in b if t[0] == s and (not without or t[1] in without)}
    assert set(ours) == set(a) | copied and len(ours) == len(set(ours))
    assert set(ours.subjects(NODES[1], None)) == {x for x, p, _ in ours if p == NODES[1]}


def test_the_store_round_trip_keeps_every_term():
    graph = ox.NamedNode("http://example.org/g")
    store = ox.Store()
    triples = Triples([(ox_term(NODES[0]), ox_term(NODES[1]), ox_term(v)) for v in VALUES])
    store.extend(quads(triples, graph))
    back = from_store(store, graph)
    assert set(back) == set(triples) and len(back) == len(VALUES)
    assert {rdflib_term(o) for o in back.objects(ox_term(NODES[0]), ox_term(NODES[1]))} == set(VALUES)
    plain = ox.Quad(ox.NamedNode(NODES[0]), ox.NamedNode(NODES[1]), ox.Literal("två"), graph)
    assert plain in store  # a plain literal is xsd:string in Oxigraph, and reads back plain


@settings(max_examples=100, deadline=None)
@given(st.lists(triple, max_size=20), st.sets(term))
def test_subjects_left_out_when_a_graph_is_read_from_the_store(triples, left_out):
    graph = ox.NamedNode("http://example.org/g")
    store = ox.Store()
    store.extend(quads([tuple(ox_term(x) for x in t) for t in triples], graph))
    back = from_store(store, graph, {ox_term(s) for s in left_out})
    expected = {tuple(ox_term(x) for x in t) for t in triples if t[0] not in left_out}
    assert set(back) == expected and len(back) == len(expected)
    assert set(back.subjects()) == {s for s, _, _ in expected}  # no subject of those left out, even empty


@settings(max_examples=200, deadline=None)
@given(st.lists(triple, max_size=20), st.lists(triple, max_size=20), term, st.sets(term))
def test_a_subject_takes_the_other_graphs_triples_of_some_predicates(a, b, s, predicates):
    ours, other = Triples(a), Triples(b)
    ours.subjects(NODES[1], None)  # an index made before is kept up to date
    ours.take(other, s, predicates)
    expected = ({t for t in a if t[0] != s or t[1] not in predicates}
                | {t for t in b if t[0] == s and t[1] in predicates})
    assert set(ours) == expected and len(ours) == len(expected)
    assert set(ours.subjects()) == {x for x, _, _ in expected}
    assert set(ours.subjects(NODES[1], None)) == {x for x, p, _ in expected if p == NODES[1]}
    ours.add((s, NODES[0], VALUES[0]))  # its sets are its own: the other graph does not change
    assert set(other) == set(b)
