"""The old plan's source records stay in the store: an import gives the store it gave when it read them.

The oracle is the import with nothing left out: ``read_old`` swapped for a reader that
reads every triple of the old graph and knows no record, so the merge copies each kept
record into the new graph, as it did before records were left in the store.
"""

from __future__ import annotations

import openpyxl
import pyoxigraph as ox
import pytest

from kraftgraf.graph.store.build import build
from kraftgraf.graph.store.synth import write_synth
from kraftgraf.loaders.sheet import importer
from kraftgraf.loaders.sheet.records import Records, read_old
from kraftgraf.loaders.sheet.template import write_template
from kraftgraf.loaders.sheet.terms import KG, PROV, RDF
from kraftgraf.loaders.sheet.triples import from_store
from kraftgraf.ontology.vocab import graph_iri

SEED = ox.NamedNode("https://w3id.org/kraftgraf/id/graph/plan/kraftsamling-2019")


def edit(template, out):
    """The template with a renamed initiative, a reworded, an added and a dropped commitment, a new
    initiative, and an edited reason in Lagar (a source cell of a link)."""
    wb = openpyxl.load_workbook(template)
    ws = wb["Initiativlista"]
    head = [c.value for c in ws[1]]
    staten = head.index("Staten") + 1
    ws.cell(2, head.index("Initiativ") + 1).value += " (nytt namn)"
    ws.cell(2, staten).value = ws.cell(2, staten).value.replace("samt bidra med faktorer", "och mer")
    ws.cell(3, staten).value += "\nEtt nytt åtagande"
    actors = {r[2]: r[0] for r in wb["Aktörer"].iter_rows(min_row=2, values_only=True)}
    tied = {r[0] for r in wb["Lagar"].iter_rows(min_row=2, values_only=True)}  # a law on a dropped id fails
    cells = [ws.cell(row, col) for row in range(4, ws.max_row + 1) for col in range(6, len(head) + 1)]
    cell = next(c for c in cells if len(lines := (c.value or "").split("\n")) > 1
                and f"{ws.cell(c.row, 1).value}-{actors[head[c.column - 1]]}-{len(lines)}" not in tied)
    cell.value = cell.value.rsplit("\n", 1)[0]  # its last line dropped
    ws.append(["Z9", None, None, "Ett nytt initiativ", "Något som ska uppnås", None, "Ett åtagande"])
    laws = wb["Lagar"]
    laws.cell(2, [c.value for c in laws[1]].index("Motivering") + 1).value = "En ändrad motivering"
    wb.save(out)
    return out


def store_after(kg, sheet, monkeypatch=None):
    """The plan's graph in the store after importing ``sheet`` (reading every old triple, with a patch)."""
    if monkeypatch is not None:
        monkeypatch.setattr(importer, "read_old", lambda store, g: (from_store(store, g), Records()))
    result = importer.import_sheet(kg, sheet)
    importer.apply(kg, result)
    if monkeypatch is not None:
        monkeypatch.undo()
    return result, set(kg.store.quads_for_pattern(None, None, None, SEED))


@pytest.fixture(scope="module")
def seed_sheets(tmp_path_factory):
    folder = tmp_path_factory.mktemp("records")
    write_template(build(), folder / "plan.xlsx")
    write_template(build(), folder / "plan.csv")
    return folder / "plan.xlsx", folder / "plan.csv", edit(folder / "plan.xlsx", folder / "edited.xlsx")


@pytest.mark.parametrize("which", [0, 1, 2], ids=["template", "csv", "edited"])
def test_the_store_is_what_it_was_when_the_records_were_read(seed_sheets, which, monkeypatch):
    result, ours = store_after(build(), seed_sheets[which])
    _, oracle = store_after(build(), seed_sheets[which], monkeypatch)
    assert ours == oracle
    assert not set(result.old.subjects(RDF.type, KG.Source))  # no record was read into Python
    assert len(result.records.documents) > 100


def test_a_record_goes_with_its_item_and_stays_with_an_unchanged_one(seed_sheets):
    kg = build()
    records = set(read_old(kg.store, SEED)[1].documents)
    result, after = store_after(kg, seed_sheets[2])
    sources = {q.subject for q in after if q.predicate == RDF.type and q.object == KG.Source}
    cited = {q.object for q in after if q.predicate == PROV.wasDerivedFrom}
    assert sources == cited  # no record left without its item, none cited that is gone
    assert records - sources  # the dropped commitment's
    item = "https://w3id.org/kraftgraf/id/plan/kraftsamling-2019/"
    changed = {ox.NamedNode(item + f"{code}#source") for code in ("initiative/A1", "commitment/A1-staten-1")}
    assert result.records.kept == (records & sources) - changed  # a changed item's record is made anew
    section = {q.subject: q.object.value for q in after if q.predicate == KG.section}
    assert {section[src] for src in changed} == {"Initiativlista"}  # renamed, reworded: the sheet's cell
    assert section[ox.NamedNode(item + "commitment/A1-staten-2#source")] == "Bilaga 1"  # unchanged: the memo


def test_a_synthetic_plan_edited_gives_the_same_store(tmp_path, monkeypatch):
    write_synth(tmp_path / "plan.ttl", municipalities=4, regions=2, initiatives=30, seed=5)
    write_template(build(tmp_path / "plan.ttl"), tmp_path / "plan.xlsx")
    sheet = edit(tmp_path / "plan.xlsx", tmp_path / "edited.xlsx")

    def after(patched):
        kg = build(tmp_path / "plan.ttl")
        if patched:
            monkeypatch.setattr(importer, "read_old", lambda store, g: (from_store(store, g), Records()))
        result = importer.import_sheet(kg, sheet)
        importer.apply(kg, result)
        monkeypatch.undo()
        return set(kg.store.quads_for_pattern(None, None, None, ox.NamedNode(graph_iri(result.graph_name))))

    ours, oracle = after(False), after(True)
    assert ours == oracle and len(ours) > 1000
