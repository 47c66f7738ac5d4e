"""Import a plan spreadsheet into a store: read and check it all, then replace the plan's graph.

A row matched by its id whose facts did not change keeps the sources it had
(for the seed plan: the memo's own quotes), so a template → import round trip
gives back the same graph; what is new or changed quotes the spreadsheet cell
(:mod:`kraftgraf.loaders.sheet.merge`). See decisions/0008-spreadsheet-round-trip.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox
from rdflib import RDF, RDFS, URIRef
from rdflib.namespace import SKOS

from kraftgraf.collector import paused_gc
from kraftgraf.errors import DataError
from kraftgraf.loaders.limits import SheetLimits
from kraftgraf.loaders.sheet import terms as t
from kraftgraf.loaders.sheet.codes import CodeRules
from kraftgraf.loaders.sheet.graph import SheetSource, sheet_graph, sheet_links
from kraftgraf.loaders.sheet.indicator_sheet import known_indicators
from kraftgraf.loaders.sheet.io import read_workbook
from kraftgraf.loaders.sheet.layout import DETERMINANT_SHEET, INDICATOR_SHEET, LAW_SHEET, actor_column_rank
from kraftgraf.loaders.sheet.merge import merge
from kraftgraf.loaders.sheet.read import SheetPlan, read_plan
from kraftgraf.loaders.sheet.records import Records, read_old
from kraftgraf.loaders.sheet.rows import plan_graph_name, plan_keys
from kraftgraf.loaders.sheet.side import Known
from kraftgraf.loaders.sheet.triples import Triples, quads
from kraftgraf.ontology.vocab import ELI, KG, actor_iri, graph_iri, local_name, plan_iri

if TYPE_CHECKING:  # the store passes itself in; a loader does not reach up to it
    from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph

__all__ = ["SheetImport", "import_sheet", "known_outside", "order_actor_columns", "apply"]

KEY = re.compile(r"[a-z0-9][a-z0-9-]*")


@dataclass
class SheetImport:
    """What an import would write: the plan's key, its new graph, the old one, notes.

    Both graphs are without the old graph's source records, which stay in the store:
    ``records`` says which the new graph keeps (:mod:`~kraftgraf.loaders.sheet.records`).
    """

    key: str
    graph: Triples
    old: Triples
    graph_name: str
    notes: list[str] = field(default_factory=list)
    initiatives: int = 0
    commitments: int = 0
    drops_most: str | None = None  # why the import would replace most of the plan, if it would
    records: Records = field(default_factory=Records)


def _drops_most(old: Triples, new: Triples, key: str, keys: list[str], path) -> str | None:
    """Why writing ``new`` looks like a mistake: it keeps fewer than half of the plan's initiatives."""
    before = set(old.subjects(t.RDF.type, t.KG.Initiative))
    if len(before) < 4:
        return None
    kept = before & set(new.subjects(t.RDF.type, t.KG.Initiative))
    if len(kept) * 2 >= len(before):
        return None
    return (f"{Path(path).name} would drop {len(before) - len(kept)} of the {len(before)} initiatives of "
            f"plan '{key}' (it keeps {len(kept)}): if it is another plan, import it beside the others "
            f"with --plan NEW-KEY (the store's plans: {', '.join(keys) or 'none'}); "
            f"to replace plan '{key}' anyway, add --replace")


def known_outside(kg: KnowledgeGraph, graph_name: str) -> Known:
    """Actors, laws and determinants the store holds, and the links it holds outside ``graph_name``.

    An actor the plan's own graph describes is known too: the import carries it over.
    """
    own = graph_iri(graph_name).n3()
    known = Known()
    rows = kg.store.query(f"""
        PREFIX kg: <{KG}> PREFIX rdfs: <{RDFS}> PREFIX skos: <{SKOS}>
        SELECT ?kind ?s ?name ?g WHERE {{
          {{ GRAPH ?g {{ ?s a ?c OPTIONAL {{ ?s rdfs:label|skos:prefLabel|skos:altLabel ?name }} }}
             ?c rdfs:subClassOf* kg:Actor . BIND("actor" AS ?kind) }}
          UNION {{ GRAPH ?g {{ ?s a kg:Law ; <{ELI}id_local> ?name }} BIND("law" AS ?kind) }}
          UNION {{ GRAPH ?g {{ ?s a ?c }} VALUES ?c {{ kg:Determinant kg:DeterminantLayer }}
                   BIND("det" AS ?kind) }}
          UNION {{ GRAPH ?g {{ ?s a kg:Sector OPTIONAL {{ ?s skos:prefLabel|skos:altLabel ?name }} }}
                   BIND("sector" AS ?kind) }} }}""", use_default_graph_as_union=True)
    tail = len(str(actor_iri("")))
    elsewhere = set()  # laws some other graph defines too: the sheet does not own them
    for r in rows:
        kind, s, name = r["kind"].value, r["s"].value, r["name"]
        if r["g"] is not None and r["g"].value != str(graph_iri(graph_name)):
            elsewhere.add(name.value if kind == "law" else None)
        if kind == "actor":
            known.actors.setdefault(s[tail:], {s[tail:]}).update([name.value.lower()] if name else [])
        elif kind == "law":
            known.laws.add(name.value)
        elif kind == "sector":
            names = known.sectors.setdefault(s.rsplit("/", 1)[-1], set())
            names.update([name.value.lower()] if name else [])
        else:
            known.determinants.add(local_name(s))
    known.own = known.laws - elsewhere
    links = kg.store.query(f"""PREFIX kg: <{KG}> PREFIX rdf: <{RDF}> SELECT ?s ?p ?o ?reason WHERE {{
        GRAPH ?g {{ ?s ?p ?o VALUES ?p {{ kg:addresses kg:requiresChangeTo kg:measuredBy }}
          OPTIONAL {{ ?link rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:reason ?reason }} }}
        FILTER (?g != {own}) }}""")
    for r in links:
        link = (URIRef(r["s"].value), URIRef(r["p"].value), URIRef(r["o"].value))
        known.links.add(link)
        if r["reason"] is not None:
            known.reasons[link] = r["reason"].value
    # mandates anywhere, the plan's own too: one the sheet lists again is kept as it was (merge)
    for r in kg.store.query(f"SELECT ?s ?o WHERE {{ GRAPH ?g {{ ?s {KG.hasMandateIn.n3()} ?o }} }}"):
        known.mandates.add((r["s"].value[tail:], r["o"].value.rsplit("/", 1)[-1]))
    known_indicators(kg, graph_name, known)
    return known


CURATED_FILES = {KG.requiresChangeTo: "data/law_links.csv", KG.addresses: "data/determinant_links.csv",
                 KG.measuredBy: "data/indicator_links.csv"}


def _reasons_kept(known: Known, links: list[tuple]) -> list[str]:
    """A note for each link held elsewhere (curated) whose Motivering in the file says otherwise.

    Such a link is not written again with the plan, so an edited reason would be lost
    without a word; an empty cell says nothing, like a sheet without the column.
    """
    notes = []
    for s, p, o, row in links:
        held = known.reasons.get((s, p, o), "")
        if ((s, p, o) in known.links and row.reason
                and " ".join(row.reason.split()) != " ".join(held.split())):
            cell = row.subject_cell
            notes.append(f"{cell.where}, row {cell.row}, column Motivering: the reason of "
                         f"{row.subject} → {row.target} is curated, so the file's is not taken "
                         f"(change it in {CURATED_FILES[p]})")
    return notes


def order_actor_columns(g: Triples, sheet: SheetPlan) -> None:
    """Keep the sheet's order of its actor columns: ``kg:order`` on each column's actor in ``g``.

    Only when the template's own rule (:func:`actor_column_rank`) would not give that
    order back, so a plan in the memo's order (the seed) gets no triples it did not have.
    """
    columns = sorted(sheet.actors, key=lambda h: sheet.headers[h].index)
    for header in columns:  # an order the old graph had
        g.remove((t.named(actor_iri(sheet.actors[header].id)), t.KG.order, None))
    first = {}
    for row in sheet.initiatives:
        for header in columns:
            actor = sheet.actors[header].id
            if header not in first and (actor in row.commitments or actor in row.open):
                first[header] = row.order
    shown = [h for h in columns if h in first]  # a column without a cell is not in the template
    if shown == sorted(shown, key=lambda h: actor_column_rank(sheet.actors[h].id, first[h], h)):
        return
    for n, header in enumerate(columns):
        g.add((t.named(actor_iri(sheet.actors[header].id)), t.KG.order,
               ox.Literal(str(n), datatype=t.XSD.integer)))


def _ox_graph(name: str) -> ox.NamedNode:
    return ox.NamedNode(str(graph_iri(name)))


def _choose_key(kg: KnowledgeGraph, plan: str | None, properties: dict) -> str:
    key = plan or properties.get("identifier") or ""
    if not key:
        keys = plan_keys(kg)
        if len(keys) != 1:
            raise DataError(f"the store holds the plans {', '.join(keys) or 'none'}: "
                            "say which this file is with --plan KEY")
        key = keys[0]
    if not KEY.fullmatch(key):
        raise DataError(f"--plan '{key}': a plan key is lower-case ASCII, digits and hyphens "
                        "(e.g. who-2013)")
    return key


@paused_gc()
def import_sheet(kg: KnowledgeGraph, path: str | Path, plan: str | None = None,
                 actor_columns: list[str] | None = None, lang: str | None = None,
                 title: str | None = None, limits: SheetLimits | None = None,
                 rules: CodeRules | None = None) -> SheetImport:
    """Read and check ``path`` against ``kg``; returns what the import would write (writes nothing).

    ``limits``: how many rows, columns and bytes a sheet may have (default: :mod:`~kraftgraf.loaders.limits`);
    ``rules``: how the plan writes its codes.  ``result.drops_most`` says why the import looks like a
    mistake (it would drop most of the plan it imports into); the caller refuses it unless told to replace.
    """
    wb = read_workbook(path, limits)
    key = _choose_key(kg, plan, wb.properties)
    name = plan_graph_name(kg, key)
    old, records = read_old(kg.store, _ox_graph(name))
    plan_node = t.named(plan_iri(key))
    old_title = old.value(plan_node, t.RDFS.label)
    lang = lang or wb.properties.get("language") or getattr(old_title, "language", None) or "sv"
    title = title or wb.properties.get("title") or t.text(old_title) or Path(path).stem
    known = known_outside(kg, name)
    sheet = read_plan(wb, known, actor_columns, rules)
    new, alike = sheet_graph(sheet, SheetSource(key, title, lang, Path(path).name), known.links,
                             known.mandates, old)
    merge(new, old, plan_node, alike, records)
    order_actor_columns(new, sheet)
    result = SheetImport(key, new, old, name, list(wb.notes) + sheet.side.notes, len(sheet.initiatives),
                         len(set(new.subjects(t.RDF.type, t.KG.Commitment))), records=records)
    result.drops_most = _drops_most(old, new, key, plan_keys(kg), path)
    given = {p for p, sheet in ((KG.addresses, DETERMINANT_SHEET), (KG.requiresChangeTo, LAW_SHEET),
                                (KG.measuredBy, INDICATOR_SHEET))
             if sheet in wb.sheets}  # a link sheet left out says nothing about its links
    curated = {(s, p, o) for s, p, o in known.links
               if p in given and str(s).startswith(str(plan_iri(key)) + "/")}
    links = sheet_links(sheet, key)
    dropped = curated - {(s, p, o) for s, p, o, _ in links}
    if dropped:
        result.notes.append(f"{len(dropped)} link(s) of this plan are in the curated data, not in the "
                            "file; they stay (change data/*.csv to drop them)")
    result.notes += _reasons_kept(known, links)
    return result


def apply(kg: KnowledgeGraph, result: SheetImport) -> None:
    """Replace the plan's named graph in ``kg`` with the imported one.

    ``result`` is :func:`import_sheet`'s of ``kg`` as it is: its old graph is what the store
    holds (but for the records), so only the triples that differ are taken out and put in,
    and the records the new graph does not keep.
    """
    kg.graph(result.graph_name)  # tells the store its projection is stale
    name = _ox_graph(result.graph_name)
    gone = list(result.records.dropped(kg.store, name))
    gone += [ox.Quad(s, p, o, name) for s, p, o in result.old.difference(result.graph)]
    for quad in gone:
        kg.store.remove(quad)
    kg.store.extend(quads(result.graph.difference(result.old), name))


def load(store: KnowledgeGraph, path: str | Path, key: str) -> list[str]:
    """A plan spreadsheet into the graph ``plan/<key>`` of ``store``; its notes."""
    result = import_sheet(store, path, key)
    apply(store, result)
    return result.notes
