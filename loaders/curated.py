"""Load the curated facts (``data/*.csv``) around a plan: actors, mandates, laws, programmes, links.

Each CSV row is one fact with the verbatim quote it rests on and the document
the quote comes from (``memo``, ``web``, or ``public`` with a ``public_ref``
naming the public source).  A memo row may also carry a ``public_ref``: the
public source that corrects or completes what the memo says (the agency's real
name, a programme's end year); its ``note`` then says what differs and why the
memo's quote is kept.  A determinant link says how sure the reading is
(``confidence``: ``stated`` when the row says it in so many words, ``our reading``
when the link is inferred); a law says whether it is a ``lag`` or a
``förordning`` (``form``), which decides who can change it.

Every file is read and checked before a single triple is added, so a mistake
raises :class:`~kraftgraf.errors.DataError` with one line naming the file, the
row (the header is row 1, as in a spreadsheet) and the column, and leaves the
graph untouched.

A quote may skip text with `` […] ``; each part is then verbatim, in order.
Indicators: :mod:`kraftgraf.loaders.indicators`.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import RDF, RDFS, Graph, Literal
from rdflib.namespace import DCTERMS, SKOS, XSD

from kraftgraf.loaders import indicators
from kraftgraf.loaders.curated_rows import DOCUMENTS, PLAN, Row, read_curated
from kraftgraf.ontology.provenance import Quote, add_document, add_link, add_source
from kraftgraf.ontology.vocab import (
    ELI,
    KG,
    ORG,
    PROV,
    actor_iri,
    determinant_iri,
    law_iri,
    plan_iri,
    plan_item,
    programme_iri,
    sector_iri,
    slug,
)

__all__ = ["load_curated"]

PLAN_ITEMS = str(plan_iri(PLAN)) + "/"  # the bundled plan's goals, focus areas, initiatives, …


def load_curated(graph: Graph, data_dir: str | Path | None = None, plan_links: Graph | None = None) -> None:
    """Add the curated facts, each with its source, to ``graph``.

    Parameters
    ----------
    graph
        The graph to add to (in a store, the named graph ``curated``).
    data_dir
        A folder of curated CSV files; ``None`` uses the ones the package ships.
    plan_links
        Where the links about the bundled plan's items go (its initiatives' determinants,
        laws and indicators), so that a question about another plan can leave them out by
        graph; ``None``: into ``graph`` with the rest.

    Examples
    --------
    >>> g = Graph()
    >>> load_curated(g)
    >>> (law_iri("2001:453"), KG.replacedBy, law_iri("2025:400")) in g
    True

    """
    t = read_curated(data_dir)  # everything is checked before anything is added
    g = graph
    docs = {key: add_document(g, *doc) for key, doc in DOCUMENTS.items()}

    def quote(row: Row) -> Quote:
        if row["source_doc"] != "public":
            return Quote(docs[row["source_doc"]], row["quote"])
        # A public source (an SFS text, an agency's instruction) is a document of its own.
        ref = row["public_ref"]
        return Quote(add_document(g, "public-" + slug(ref), ref, ref), row["quote"])

    def cite(src, row: Row, target: Graph = g) -> None:
        # A memo row may add a public fact (SKL's later name SKR): cite that source too,
        # and say what it corrects or why the memo's wording is kept.
        if row.get("public_ref") and row["source_doc"] != "public":
            target.add((src, DCTERMS.source, Literal(row["public_ref"])))
        if row.get("note"):
            target.add((src, SKOS.editorialNote, Literal(row["note"], lang="en")))

    def node(iri, cls, row: Row) -> None:
        g.add((iri, RDF.type, cls))
        for lang in ("sv", "en"):
            label = Literal(row[f"label_{lang}"], lang=lang)
            g.add((iri, RDFS.label, label))
            g.add((iri, SKOS.prefLabel, label))
        cite(add_source(g, iri, quote(row)), row)

    def link(s, p, o, row: Row) -> None:
        target = plan_links if plan_links is not None and str(s).startswith(PLAN_ITEMS) else g
        stmt = add_link(target, s, p, o, quote(row), row.get("reason") or None)
        if row.get("confidence"):
            target.add((stmt, KG.confidence, Literal(row["confidence"])))
        for src in list(target.objects(stmt, PROV.wasDerivedFrom)):
            cite(src, row, target)

    kinds = {row["id"]: row["kind"] for row in t["actors.csv"]}
    for row in t["actors.csv"]:
        actor = actor_iri(row["id"])
        node(actor, KG[row["kind"]], row)
        for alias in row.list("aliases"):
            g.add((actor, SKOS.altLabel, Literal(alias, lang="sv")))
        for parent in row.list("member_of"):
            g.add((actor_iri(parent), ORG.hasMember, actor))
            # An organisation inside an organisation (an agency in the state, UPH in
            # SKL) is also a sub-organisation; membership of a group is only membership.
            if "ActorGroup" not in (row["kind"], kinds[parent]):
                g.add((actor, ORG.subOrganizationOf, actor_iri(parent)))
    for row in t["mandates.csv"]:
        link(actor_iri(row["actor"]), KG.hasMandateIn, sector_iri(row["sector"]), row)
    for row in t["laws.csv"]:
        law = law_iri(row["sfs"])
        node(law, KG.Law, row)
        g.add((law, RDF.type, ELI.LegalResource))
        g.add((law, ELI.id_local, Literal(row["sfs"])))
        for short in row.list("short"):
            g.add((law, SKOS.altLabel, Literal(short, lang="sv")))
        if row["replaced_by"]:
            g.add((law, KG.replacedBy, law_iri(row["replaced_by"])))
        if row["valid_until"]:
            g.add((law, KG.validUntil, Literal(row["valid_until"], datatype=XSD.date)))
        if row.get("in_force_from"):
            g.add((law, ELI.first_date_entry_in_force, Literal(row["in_force_from"], datatype=XSD.date)))
        if row.get("replaced_part"):
            g.add((law, KG.replacedPart, Literal(row["replaced_part"], lang="sv")))
        g.add((law, KG.form, Literal(row.get("form") or "lag")))
    for row in t["law_links.csv"]:
        kind, _, key = row["subject"].partition(":")
        link(plan_item(PLAN, kind, key), KG.requiresChangeTo, law_iri(row["law"]), row)
    for row in t["programmes.csv"]:
        programme = programme_iri(row["id"])
        node(programme, KG.Programme, row)
        for alias in row.list("aliases"):
            g.add((programme, SKOS.altLabel, Literal(alias, lang="sv")))
        for column, prop in (("start", KG.startYear), ("end", KG.endYear)):
            if row[column]:
                g.add((programme, prop, Literal(row[column], datatype=XSD.gYear)))
    for row in t["determinant_links.csv"]:
        initiative = plan_item(PLAN, "initiative", row["initiative"])
        link(initiative, KG.addresses, determinant_iri(row["determinant"]), row)
    for row in t["determinant_sectors.csv"]:
        link(determinant_iri(row["determinant"]), KG.inSector, sector_iri(row["sector"]), row)
    indicators.load_indicators(g, t, PLAN, node, link)
