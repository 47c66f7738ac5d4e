"""The project's terms as Python names.

`KG` is closed (``_fail = True``): a misspelt term such as ``KG.Initiatve``
raises ``AttributeError`` instead of quietly minting a new IRI.  The IRI
helpers below are the one place where data IRIs are shaped, so a rebuild gives
the same IRIs and two builds can be diffed.
"""

from __future__ import annotations

import re
import unicodedata

from rdflib import RDF, RDFS, Graph, Namespace, URIRef
from rdflib.namespace import SKOS, DefinedNamespace
from rdflib.term import Node

__all__ = [
    "KG", "ORG", "PROV", "ELI", "BASE", "ID",
    "plan_iri", "plan_item", "actor_iri", "determinant_iri", "sector_iri",
    "law_iri", "programme_iri", "graph_iri", "slug", "local_name", "PREFIXES", "bind_prefixes", "iri",
]

BASE = "https://w3id.org/kraftgraf/"
ID = Namespace(BASE + "id/")

ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")
ELI = Namespace("http://data.europa.eu/eli/ontology#")


class KG(DefinedNamespace):
    """kraftgraf ontology terms (see ontology/kraftgraf.ttl)."""

    _fail = True
    _NS = Namespace(BASE + "ontology#")

    # classes
    Plan: URIRef
    Goal: URIRef
    FocusArea: URIRef
    Initiative: URIRef
    Outcome: URIRef
    Commitment: URIRef
    OpenCommitment: URIRef
    Actor: URIRef
    ActorGroup: URIRef
    StateAgency: URIRef
    Municipality: URIRef
    Region: URIRef
    MembersOrganisation: URIRef
    CivilSocietyOrganisation: URIRef
    Government: URIRef
    University: URIRef
    OrganisationalUnit: URIRef
    Determinant: URIRef
    DeterminantLayer: URIRef
    Sector: URIRef
    Law: URIRef
    Programme: URIRef
    Indicator: URIRef
    Source: URIRef
    Document: URIRef
    # object properties
    inPlan: URIRef
    partOf: URIRef
    inFocusArea: URIRef
    hasOutcome: URIRef
    byActor: URIRef
    toInitiative: URIRef
    addresses: URIRef
    hasMandateIn: URIRef
    inSector: URIRef
    requiresChangeTo: URIRef
    replacedBy: URIRef
    measuredBy: URIRef
    layer: URIRef
    document: URIRef
    # data properties
    code: URIRef
    text: URIRef
    kind: URIRef
    column: URIRef
    section: URIRef
    row: URIRef
    charStart: URIRef
    charEnd: URIRef
    reason: URIRef
    startYear: URIRef
    endYear: URIRef
    validUntil: URIRef
    replacedPart: URIRef
    form: URIRef
    confidence: URIRef
    order: URIRef


def slug(text: str) -> str:
    """Readable ASCII IRI segment: 'Folkhälsomyndigheten' -> 'folkhalsomyndigheten'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def plan_iri(plan: str) -> URIRef:
    """IRI of a plan, e.g. 'kraftsamling-2019'."""
    return ID[f"plan/{plan}"]


def plan_item(plan: str, kind: str, key: str) -> URIRef:
    """An item of one plan, e.g. kind 'initiative' and key 'A1'."""
    return ID[f"plan/{plan}/{kind}/{key}"]


def actor_iri(key: str) -> URIRef:
    """IRI of an actor (data/actors.csv id)."""
    return ID[f"actor/{key}"]


def determinant_iri(key: str) -> URIRef:
    """IRI of a determinant or layer (ontology/determinants.ttl)."""
    return ID[f"determinant/{key}"]


def sector_iri(key: str) -> URIRef:
    """IRI of a sector (ontology/sectors.ttl)."""
    return ID[f"sector/{key}"]


def law_iri(sfs: str) -> URIRef:
    """IRI of a law by SFS number: '2001:453' gives …/law/sfs-2001-453."""
    return ID["law/sfs-" + sfs.replace(":", "-")]


def programme_iri(key: str) -> URIRef:
    """IRI of a state programme (data/programmes.csv id)."""
    return ID[f"programme/{key}"]


def iri(node: Node | None) -> URIRef:
    """``node`` (read from a graph where the ontology has an IRI) as the :class:`URIRef` it is."""
    if not isinstance(node, URIRef):
        from kraftgraf.errors import DataError

        raise DataError(f"expected an IRI in the graph, found {node!r}")
    return node


def graph_iri(name: str) -> URIRef:
    """Named graph per source: 'ontology', 'curated', 'plan/kraftsamling-2019'."""
    return ID[f"graph/{name}"]


# The prefixes every serialisation uses, and only these, so output does not
# depend on which files were parsed or what rdflib binds by default.
PREFIXES = {
    "kg": str(KG), "org": str(ORG), "prov": str(PROV), "skos": str(SKOS),
    "rdfs": str(RDFS), "rdf": str(RDF), "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dcterms": "http://purl.org/dc/terms/", "eli": "http://data.europa.eu/eli/ontology#",
    **{name: f"https://w3id.org/kraftgraf/id/{name}/" for name in
       ("actor", "determinant", "sector", "law", "programme", "document", "link", "scheme")},
}


def bind_prefixes(g: Graph) -> None:
    """Bind exactly :data:`PREFIXES` on ``g``."""
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, replace=True)


def local_name(iri) -> str:
    """The readable tail of an IRI, after its '#' or last '/': '.../initiative/A1' -> 'A1'."""
    text = str(iri)
    return text[max(text.rfind("#"), text.rfind("/")) + 1:]
