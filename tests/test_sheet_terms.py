"""The import writes an item in Oxigraph's terms just as the builders the other loaders share write it."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import XSD

from kraftgraf.loaders.memo import commitment_links, plan_node
from kraftgraf.loaders.sheet import terms as t
from kraftgraf.loaders.sheet.graph import SheetSource, _Writer
from kraftgraf.loaders.sheet.io import Cell, Item
from kraftgraf.loaders.sheet.read import SheetPlan
from kraftgraf.loaders.sheet.triples import Triples
from kraftgraf.ontology.provenance import add_document, add_source
from kraftgraf.ontology.vocab import KG, plan_item, slug

SOURCE = SheetSource("plan-x", "Plan X", "sv", "plan x.xlsx")


def _shared(item: Item, header: str, writer: _Writer) -> set:
    """What plan_node, add_source and commitment_links write for the commitment, in Oxigraph's terms."""
    g = Graph()
    add_document(g, "sheet-" + slug(SOURCE.filename), SOURCE.filename, SOURCE.filename)
    node = plan_node(g, SOURCE.key, "commitment", "A1-staten-2", KG.Commitment, item.text, "sv")
    g.add((node, KG.order, Literal(7, datatype=XSD.integer)))
    add_source(g, node, writer.quote(item))
    commitment_links(g, node, "staten", plan_item(SOURCE.key, "initiative", "A1"), item.text, header, "sv")
    return {tuple(t.ox_term(x) for x in triple) for triple in g}


def test_an_item_is_written_as_the_shared_builders_write_it():
    cell = Cell("plan x.xlsx, sheet Initiativlista", "Initiativlista", 3, "Staten", 6,
                "• Första åtagandet\n• Stärka stödet till \"anhöriga\" i\tskolan")
    item = Item(cell.text.split("\n")[1][2:], cell, cell.text.index("Stärka"))
    writer = _Writer(Triples(), SOURCE, SheetPlan())
    node = writer.node("commitment", "A1-staten-2", t.KG.Commitment, item, item.text, 7)
    writer.commitment(node, "staten", t.named(plan_item(SOURCE.key, "initiative", "A1")), item, "Staten")
    assert writer.write_sources() == set()
    assert set(writer.g) == _shared(item, "Staten", writer)


def test_a_term_the_ontology_does_not_define_fails_as_in_rdflib():
    assert t.KG.Initiative.value == "https://w3id.org/kraftgraf/ontology#Initiative"
    with pytest.raises(AttributeError, match="Initiativ"):
        t.KG.Initiativ  # noqa: B018 - the attribute is the test
