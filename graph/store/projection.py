"""The networkx view of the store: typed nodes and typed edges, read in two SPARQL queries.

Reading node by node through rdflib would cost a round trip per label; on a
national-scale plan (about a million triples) two bulk queries keep the
projection to a second or two.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rdflib.namespace import SKOS

from kraftgraf.ontology.vocab import KG, ORG, local_name

if TYPE_CHECKING:  # imported where a projection is made: the commands that draw none do without it
    import networkx as nx

__all__ = ["NODE_KINDS", "ACTOR_KINDS", "EDGE_KINDS", "project"]

# The classes that become typed nodes, most specific first: a node gets the first that fits.
NODE_KINDS = (
    KG.Goal, KG.FocusArea, KG.Initiative, KG.Outcome, KG.Commitment, KG.OpenCommitment,
    KG.ActorGroup, KG.Government, KG.StateAgency, KG.Region, KG.Municipality,
    KG.MembersOrganisation, KG.CivilSocietyOrganisation, KG.University, KG.OrganisationalUnit,
    KG.DeterminantLayer, KG.Determinant, KG.Sector, KG.Law, KG.Programme, KG.Indicator,
)
ACTOR_KINDS = frozenset(NODE_KINDS[6:15])
# The relations that become edges.
EDGE_KINDS = (
    KG.partOf, KG.inFocusArea, KG.hasOutcome, KG.byActor, KG.toInitiative, KG.addresses,
    KG.hasMandateIn, KG.inSector, KG.requiresChangeTo, KG.replacedBy, KG.layer,
    ORG.hasMember, SKOS.broader, SKOS.closeMatch, KG.measuredBy,
)

_NODES = """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX kg: <https://w3id.org/kraftgraf/ontology#>
SELECT ?node ?class ?sv ?en ?text ?code WHERE {%s
  VALUES ?class { %s }
  ?node a ?class .
  OPTIONAL { ?node skos:prefLabel ?sv FILTER(lang(?sv) = "sv") }
  OPTIONAL { ?node skos:prefLabel ?en FILTER(lang(?en) = "en") }
  OPTIONAL { ?node kg:text ?text }
  OPTIONAL { ?node kg:code ?code }
}"""
_EDGES = "SELECT ?s ?p ?o WHERE { VALUES ?p { %s } ?s ?p ?o }"


def project(store, kinds=NODE_KINDS, relations=EDGE_KINDS) -> nx.MultiDiGraph:
    """A MultiDiGraph of the store (a ``pyoxigraph.Store``), over the union of its graphs.

    Nodes are IRIs with ``kind`` (class name), ``label`` (Swedish, else the
    text or code), ``label_en`` and ``actor`` (bool); edges have ``rel``.
    ``kinds`` and ``relations`` make a part of it: only the nodes of those kinds
    (a node's kind is still the first of :data:`NODE_KINDS` it has), only those edges.
    """
    import networkx as nx

    rank = {str(c): i for i, c in enumerate(NODE_KINDS)}
    best: dict[str, tuple] = {}
    values = " ".join(f"<{c}>" for c in NODE_KINDS)
    part = "" if set(kinds) >= set(NODE_KINDS) else \
        f"\n  VALUES ?kind {{ {' '.join(f'<{c}>' for c in kinds)} }} ?node a ?kind ."
    for row in store.query(_NODES % (part, values), use_default_graph_as_union=True):
        node, cls = row["node"].value, row["class"].value
        text = next((row[k].value for k in ("sv", "text", "code") if row[k] is not None), local_name(node))
        english = row["en"].value if row["en"] is not None else text
        candidate = (rank[cls], cls, text, english)
        if node not in best or candidate < best[node]:
            best[node] = candidate
    if part:
        wanted = {str(c) for c in kinds}
        best = {node: found for node, found in best.items() if found[1] in wanted}
    p = nx.MultiDiGraph()
    for node, (_, cls, text, english) in best.items():
        kind = local_name(cls)
        p.add_node(node, kind=kind, label=text, label_en=english, actor=cls in {str(a) for a in ACTOR_KINDS})
    rels = " ".join(f"<{r}>" for r in relations)
    for row in store.query(_EDGES % rels, use_default_graph_as_union=True) if relations else ():
        s, o = row["s"].value, row["o"].value
        if s in best and o in best and s != o:  # a layer is its own layer: no loop
            name = local_name(row["p"].value)
            p.add_edge(s, o, key=name, rel=name)
    return p
