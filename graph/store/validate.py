"""SHACL validation (ontology/shapes.ttl) with each violation said in words."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from pyshacl import validate as shacl_validate
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SH

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


def validate(kg: KnowledgeGraph) -> list[Violation]:
    """All violations of the shapes in ``kg``, sorted; an empty list means it conforms.

    The ontology is read in beside the store's triples, so a store without it
    (a plan file) is checked by the same classes and subclasses.
    """
    rdflib_term = logging.getLogger("rdflib.term")
    level = rdflib_term.level
    rdflib_term.setLevel(logging.ERROR)  # a traceback per ill-typed literal; the shapes say it in words
    try:
        data = Graph()
        bind_prefixes(data)
        for triple in kg.dataset.triples((None, None, None)):
            data.add(triple)
        for name in ONTOLOGY_FILES:
            data.parse(Path(str(files("kraftgraf.ontology") / name)), format="turtle")
        _, report, _ = shacl_validate(data, shacl_graph=_shapes(), inference="none",
                                      advanced=False, allow_warnings=False)
    finally:
        rdflib_term.setLevel(level)
    out = []
    for result in report.subjects(SH.focusNode, None):
        node = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        out.append(Violation(str(node), kg.label(node) if isinstance(node, URIRef) else str(node),
                             str(path) if path is not None else "", _in_words(report, result, data)))
    misspelt = {(node, term): message for node, term, message in undeclared_terms(kg)}
    out = [v for v in out if (v.node, v.path) not in misspelt]  # said better below, with a guess
    out += [Violation(node, kg.label(URIRef(node)), term, message)
            for (node, term), message in misspelt.items()]
    return sorted(set(out), key=lambda v: (v.node, v.path, v.message))
