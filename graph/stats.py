"""What a store holds, counted by kind."""

from __future__ import annotations

from dataclasses import dataclass

from kraftgraf.graph.store import KnowledgeGraph

__all__ = ["Count", "counts"]

# (kind, Swedish label, the class counted); actors count every subclass of kg:Actor.
_KINDS = (
    ("plans", "planer", "kg:Plan"),
    ("goals", "målsättningar", "kg:Goal"),
    ("focus_areas", "fokusområden", "kg:FocusArea"),
    ("initiatives", "initiativ", "kg:Initiative"),
    ("outcomes", "utfall", "kg:Outcome"),
    ("commitments", "åtaganden", "kg:Commitment"),
    ("open_commitments", "öppna åtaganden", "kg:OpenCommitment"),
    ("actors", "aktörer", "kg:Actor"),
    ("laws", "lagar", "kg:Law"),
    ("determinants", "bestämningsfaktorer", "kg:Determinant"),
    ("determinant_layers", "lager av bestämningsfaktorer", "kg:DeterminantLayer"),
    ("sectors", "sektorer", "kg:Sector"),
    ("programmes", "statliga satsningar", "kg:Programme"),
    ("sources", "källcitat", "kg:Source"),
)
_COUNT = """
PREFIX kg: <https://w3id.org/kraftgraf/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {
  GRAPH ?g { ?x a ?class }
  { GRAPH ?h { ?class rdfs:subClassOf* %s } } UNION { VALUES ?class { %s } }
}"""


@dataclass(frozen=True)
class Count:
    """How many things of one kind the store holds."""

    kind: str
    label_sv: str
    count: int


def counts(kg: KnowledgeGraph) -> list[Count]:
    """Counts by kind (subclasses included), then the number of triples."""
    out = []
    for kind, label, cls in _KINDS:
        (row,) = kg.store.query(_COUNT % (cls, cls))
        out.append(Count(kind, label, int(row["n"].value)))
    out.append(Count("triples", "tripler", len(kg)))
    return out
