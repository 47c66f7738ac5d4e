"""What a store knows by id: its actors, laws and determinants, for a person writing a plan sheet.

`kraftgraf actors`, `kraftgraf laws` and `kraftgraf determinants` print these, so a
sheet's Aktörer, Lagar and Bestämningsfaktorer can use the ids the store has instead
of making up new ones.  Each row says which plans use the thing (``plans``);
with a plan key only what that plan uses or defines is listed.
"""

from __future__ import annotations

from dataclasses import dataclass

from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.graph.store.plans import plan_graph_name
from kraftgraf.ontology.vocab import ELI, KG

__all__ = ["Listed", "list_actors", "list_laws", "list_determinants", "KINDS"]


@dataclass(frozen=True)
class Listed:
    """One thing the store knows: its id, its names, its kind and the plans that use it."""

    id: str
    name_sv: str
    name_en: str
    kind: str
    plans: str
    why: str
    sources: list[str]


_PREFIX = (f"PREFIX kg: <{KG}> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX eli: <{ELI}>\n"
           "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n")
# kind -> (what the thing is, how a plan's item ?x uses it)
KINDS = {
    "actors": ("?thing a ?class . ?class rdfs:subClassOf* kg:Actor", "?x kg:byActor ?thing"),
    "laws": ("?thing a kg:Law ; eli:id_local ?code", "?x kg:requiresChangeTo ?thing"),
    "determinants": ("?thing a ?class VALUES ?class { kg:Determinant kg:DeterminantLayer }",
                     "?x kg:addresses ?thing"),
}


def _plan_of(iri: str) -> str | None:
    """The plan key in a plan's item IRI (…/plan/KEY/initiative/A1) or graph name (…/graph/plan/KEY)."""
    return iri.split("/plan/", 1)[1].split("/", 1)[0] if "/plan/" in iri else None


def _list(kg: KnowledgeGraph, kind: str, plan: str | None) -> list[Listed]:
    what, use = KINDS[kind]
    rows = kg.store.query(_PREFIX + f"""
        SELECT ?thing ?code ?class ?label WHERE {{
          {{ {what} }} OPTIONAL {{ ?thing rdfs:label|skos:prefLabel ?label }} }}""",
        use_default_graph_as_union=True)
    found: dict[str, dict] = {}
    for r in rows:
        iri = r["thing"].value
        entry = found.setdefault(iri, {"id": (r["code"].value if r["code"] else iri.rsplit("/", 1)[-1]),
                                       "sv": "", "en": "", "kinds": set(), "plans": set()})
        if r["class"] is not None and kind != "laws":
            entry["kinds"].add(r["class"].value.rsplit("#", 1)[-1])
        label = r["label"]
        if label is not None and getattr(label, "language", None) in ("sv", "en"):
            entry[label.language] = entry[label.language] or label.value
        elif label is not None and not entry["sv"]:
            entry["sv"] = label.value
    for r in kg.store.query(_PREFIX + f"SELECT DISTINCT ?thing ?x WHERE {{ {use} }}",
                            use_default_graph_as_union=True):
        if r["thing"].value in found and _plan_of(r["x"].value):
            found[r["thing"].value]["plans"].add(_plan_of(r["x"].value))
    for r in kg.store.query("SELECT DISTINCT ?thing ?g WHERE { GRAPH ?g { ?thing a ?c } }"):
        if r["thing"].value in found and _plan_of(r["g"].value):  # defined by a plan's sheet
            found[r["thing"].value]["plans"].add(_plan_of(r["g"].value))
    if plan is not None:
        plan_graph_name(kg, plan)  # an unknown key names the store's plans
    out = []
    for iri, e in found.items():
        if plan is not None and plan not in e["plans"]:
            continue
        kinds = sorted(e["kinds"] - {"Actor"}) or sorted(e["kinds"])
        where = f"used by {', '.join(sorted(e['plans']))}" if e["plans"] else "used by no plan"
        out.append(Listed(e["id"], e["sv"], e["en"], ", ".join(kinds), ", ".join(sorted(e["plans"])),
                          f"{kind[:-1]} {e['id']} ({iri}); {where}", []))
    return sorted(out, key=lambda x: x.id)


def list_actors(kg: KnowledgeGraph, plan: str | None = None) -> list[Listed]:
    """Every actor (id, names, kind); with ``plan`` only those it has commitments of or defines."""
    return _list(kg, "actors", plan)


def list_laws(kg: KnowledgeGraph, plan: str | None = None) -> list[Listed]:
    """Every law by SFS number; with ``plan`` only those its items need changed or that it defines."""
    return _list(kg, "laws", plan)


def list_determinants(kg: KnowledgeGraph, plan: str | None = None) -> list[Listed]:
    """Every determinant and layer; with ``plan`` only those its initiatives address."""
    return _list(kg, "determinants", plan)
