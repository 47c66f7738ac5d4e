"""SHACL validation (ontology/shapes.ttl) with each violation said in words."""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files

from pyshacl import validate as shacl_validate
from rdflib import Graph, URIRef
from rdflib.namespace import SH

from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph

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
    return Graph().parse(files("kraftgraf.ontology") / "shapes.ttl", format="turtle")


def validate(kg: KnowledgeGraph) -> list[Violation]:
    """All violations of the shapes in ``kg``, sorted; an empty list means it conforms."""
    data = Graph()
    for triple in kg.dataset.triples((None, None, None)):
        data.add(triple)
    _, report, _ = shacl_validate(data, shacl_graph=_shapes(), inference="none",
                                  advanced=False, allow_warnings=False)
    out = []
    for result in report.subjects(SH.focusNode, None):
        node = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        out.append(Violation(str(node), kg.label(node) if isinstance(node, URIRef) else str(node),
                             str(path) if path is not None else "", str(message)))
    return sorted(set(out), key=lambda v: (v.node, v.path, v.message))
