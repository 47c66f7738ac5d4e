"""SHACL validation (ontology/shapes.ttl) with each violation said in words."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

import pyoxigraph as ox
from pyshacl import validate as shacl_validate
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH

from kraftgraf.graph.store.knowledge_graph import ONTOLOGY_FILES, KnowledgeGraph
from kraftgraf.graph.store.undeclared import undeclared_terms
from kraftgraf.ontology.vocab import bind_prefixes

__all__ = ["Violation", "validate"]


@dataclass(frozen=True)
class Violation:
    """One SHACL result: the node, the property, and what is wrong, in words."""

    node: str
    label: str
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.label} <{self.node}>: {self.message}"


def _shapes() -> Graph:
    return Graph().parse(Path(str(files("kraftgraf.ontology") / "shapes.ttl")), format="turtle")


def _in_words(report: Graph, result, data: Graph) -> str:
    """The result's message, with the property a closed shape lacks or the value of the wrong type.

    A closed shape's message reads "is not a property an initiative has", after the property.
    """
    message = str(report.value(result, SH.resultMessage))
    component = report.value(result, SH.sourceConstraintComponent)
    if component == SH.ClosedConstraintComponent:
        return f"{data.namespace_manager.normalizeUri(report.value(result, SH.resultPath))} {message}"
    value = report.value(result, SH.value)
    if component == SH.DatatypeConstraintComponent and isinstance(value, Literal):
        return f"{message}, not {value.n3(data.namespace_manager)}"
    return message


def _ontology() -> Graph:
    onto = Graph()
    bind_prefixes(onto)
    for name in ONTOLOGY_FILES:
        onto.parse(Path(str(files("kraftgraf.ontology") / name)), format="turtle")
    return onto


def _slice(kg: KnowledgeGraph, subjects: list, onto: Graph) -> Graph:
    """What checking ``subjects`` needs: their statements, the types of what they point to, the ontology.

    Every shape in ontology/shapes.ttl constrains a node's own statements
    (targets by class or by property, closed shapes, datatypes, counts, a
    pattern); only ``sh:class`` looks further, at the types of the nodes
    pointed to and the ontology's subclasses.  So the results for these
    subjects are exactly the whole graph's.
    """
    data = Graph()
    bind_prefixes(data)
    data += onto
    pointed_to = set()
    for subject in subjects:
        for triple in kg.dataset.triples((subject, None, None)):
            data.add(triple)
            pointed_to.add(triple[2])
    for node in pointed_to - set(subjects):
        if not isinstance(node, Literal):
            for triple in kg.dataset.triples((node, RDF.type, None)):
                data.add(triple)
    return data


def _subjects(kg: KnowledgeGraph) -> list[URIRef | BNode]:
    """Every subject in the store, in a fixed order (asked of Oxigraph: rdflib would read every triple)."""
    rows = kg.store.query("SELECT DISTINCT ?s WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
    found = {(BNode if isinstance(row[0], ox.BlankNode) else URIRef)(row[0].value) for row in rows}
    return sorted(found, key=str)


def validate(kg: KnowledgeGraph, slice_size: int = 20_000) -> list[Violation]:
    """All violations of the shapes in ``kg``, sorted; an empty list means it conforms.

    The ontology is read in beside the store's triples, so a store without it
    (a plan file) is checked by the same classes and subclasses.  The store's
    subjects are checked ``slice_size`` at a time (:func:`_slice`): a 3M-triple
    store copied whole into one rdflib graph took over 4 GiB.  A result counts
    in the slice that holds its node; a node only the ontology describes is
    checked in the first.
    """
    rdflib_term = logging.getLogger("rdflib.term")
    level = rdflib_term.level
    rdflib_term.setLevel(logging.ERROR)  # a traceback per ill-typed literal; the shapes say it in words
    onto, shapes, out = _ontology(), _shapes(), []
    subjects = _subjects(kg)
    stored = set(subjects)
    try:
        for start in range(0, max(len(subjects), 1), slice_size):
            chunk = subjects[start:start + slice_size]
            data = _slice(kg, chunk, onto)
            _, report, _ = shacl_validate(data, shacl_graph=shapes, inference="none",
                                          advanced=False, allow_warnings=False)
            mine = set(chunk) if start else set(chunk) | (set(onto.subjects()) - stored)
            out += _violations(kg, report, data, mine)
    finally:
        rdflib_term.setLevel(level)
    misspelt = {(node, term): message for node, term, message in undeclared_terms(kg)}
    out = [v for v in out if (v.node, v.path) not in misspelt]  # said better below, with a guess
    out += [Violation(node, kg.label(URIRef(node)), term, message)
            for (node, term), message in misspelt.items()]
    return sorted(set(out), key=lambda v: (v.node, v.path, v.message))


def _violations(kg: KnowledgeGraph, report: Graph, data: Graph, nodes: set) -> list[Violation]:
    """The report's results for ``nodes``, in words."""
    out = []
    for result in report.subjects(SH.focusNode, None):
        node = report.value(result, SH.focusNode)
        if node not in nodes:
            continue
        path = report.value(result, SH.resultPath)
        out.append(Violation(str(node), kg.label(node) if isinstance(node, URIRef) else str(node),
                             str(path) if path is not None else "", _in_words(report, result, data)))
    return out
