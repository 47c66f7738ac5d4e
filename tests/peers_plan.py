"""A four-row plan written by hand, for the whatif, mandates and follow-up tests.

Beside the ontology and the curated facts (actors, mandates, laws), plan "mini" has:

- M1 (addresses Arbetslöshet): Staten and Kommunerna commit;
- M2 (addresses Hälso- och sjukvård): Socialstyrelsen alone commits, and its
  commitment needs the Health and Medical Services Act (2017:30) changed;
- M3 (addresses Boende): "kommuner och regioner i samarbete med SKL" (a group) and
  Civilsamhället commit;
- M4 (addresses Utbildning): nobody commits.

and one mandate of its own, in the curated graph: SKL's in Socialtjänst, quoting the memo's
proposal of a sector-wide responsibility.  The curated facts give SKL no mandate since issue 17
(a proposal is not a standing responsibility); the fixture keeps one so that M3, a group's
commitment, has two likely owners to rank (Kommunerna in two of Boende's sectors, SKL in one).
"""

from __future__ import annotations

from rdflib import RDF, BNode, Literal, URIRef
from rdflib.namespace import RDFS, SKOS

from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.loaders.curated import load_curated
from kraftgraf.ontology.vocab import KG, PROV, actor_iri, determinant_iri, law_iri, plan_item, sector_iri

PLAN = "mini"
SKL_MANDATE = ("Ett sektorsövergripande ansvar bör omfatta frågor inom hälso- och sjukvård, socialtjänst, "
               "omsorg, skola och arbetsmarknad.")  # the memo's proposal for SKL, not a curated fact
ROWS = {  # initiative -> (label, what it addresses, [(actor, commitment text)])
    "M1": ("Fler unga i arbete", "arbetsloshet",
           [("staten", "Stöd till unga utan arbete"), ("kommunerna", "Feriejobb för unga")]),
    "M2": ("Första linjens vård", "halso-och-sjukvard", [("socialstyrelsen", "Nationella riktlinjer")]),
    "M3": ("Trygga bostäder", "boende",
           [("kommuner-och-regioner", "Bostad först"), ("civilsamhallet", "Stöd i boendet")]),
    "M4": ("Skolan som skyddsfaktor", "utbildning", []),
}


def _quoted(g, node, text: str) -> None:
    source = URIRef(f"{node}#source")
    g.add((node, PROV.wasDerivedFrom, source))
    g.add((source, RDF.type, KG.Source))
    g.add((source, PROV.value, Literal(text, lang="sv")))


def _statement(g, s, p, o, quote: str) -> None:
    g.add((s, p, o))
    link = URIRef(f"{s}/{p.split('#')[-1]}/{o.split('/')[-1]}")
    g.add((link, RDF.type, RDF.Statement))
    for prop, value in ((RDF.subject, s), (RDF.predicate, p), (RDF.object, o)):
        g.add((link, prop, value))
    _quoted(g, link, quote)


def mini_plan() -> KnowledgeGraph:
    """The store: ontology, curated facts, and the plan above in graph plan/mini."""
    kg = KnowledgeGraph()
    kg.add_ontology()
    load_curated(kg.graph("curated"))
    skl = actor_iri("skl")
    _statement(kg.graph("curated"), skl, KG.hasMandateIn, sector_iri("socialtjanst"), SKL_MANDATE)
    g = kg.graph(f"plan/{PLAN}")
    for order, (code, (label, target, made)) in enumerate(ROWS.items(), start=1):
        initiative = plan_item(PLAN, "initiative", code)
        g.add((initiative, RDF.type, KG.Initiative))
        for prop in (SKOS.prefLabel, RDFS.label):
            g.add((initiative, prop, Literal(label, lang="sv")))
        g.add((initiative, KG.code, Literal(code)))
        g.add((initiative, KG.order, Literal(order)))
        _quoted(g, initiative, label)
        _statement(g, initiative, KG.addresses, determinant_iri(target), label)
        for n, (actor, text) in enumerate(made, start=1):
            commitment = plan_item(PLAN, "commitment", f"{code}-{actor}-{n}")
            g.add((commitment, RDF.type, KG.Commitment))
            for prop in (SKOS.prefLabel, RDFS.label):
                g.add((commitment, prop, Literal(text, lang="sv")))
            g.add((commitment, KG.code, Literal(f"{code}-{actor}-{n}")))
            g.add((commitment, KG.byActor, actor_iri(actor)))
            g.add((commitment, KG.toInitiative, initiative))
            _quoted(g, commitment, text)
    m2 = plan_item(PLAN, "commitment", "M2-socialstyrelsen-1")
    _statement(g, m2, KG.requiresChangeTo, law_iri("2017:30"), "Nationella riktlinjer")
    assert not isinstance(m2, BNode)
    return kg
