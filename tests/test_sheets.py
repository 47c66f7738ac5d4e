"""The spreadsheet round trip: `kraftgraf template` out, `kraftgraf import` back in."""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

import openpyxl
import pytest
from rdflib import RDF, Graph, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS

from kraftgraf.graph.store.build import build
from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.loaders.sheet import terms
from kraftgraf.loaders.sheet.changes import changes, facts_graph
from kraftgraf.loaders.sheet.importer import apply, import_sheet
from kraftgraf.loaders.sheet.io import MAX_RATIO, check_zip
from kraftgraf.loaders.sheet.layout import PLAN_COLUMNS
from kraftgraf.loaders.sheet.template import write_template
from kraftgraf.ontology.vocab import KG, PROV, plan_item

SEED = "plan/kraftsamling-2019"


def plan_graph(kg: KnowledgeGraph, name: str = SEED) -> Graph:
    g = Graph()
    for triple in kg.graph(name):
        g.add(triple)
    return g


@pytest.fixture(scope="module")
def seed_template(tmp_path_factory):
    """The bundled plan written once as XLSX and as CSV."""
    folder = tmp_path_factory.mktemp("template")
    kg = build()
    counts = {suffix: write_template(kg, folder / f"plan{suffix}") for suffix in (".xlsx", ".csv")}
    return folder, counts


def test_the_template_is_the_memos_table_with_comments(seed_template):
    folder, counts = seed_template
    assert counts[".xlsx"] == {"Initiativlista": 33, "Aktörer": 3, "Lagar": 13, "Bestämningsfaktorer": 58,
                               "Indikatorer": 8}
    wb = openpyxl.load_workbook(folder / "plan.xlsx")
    assert wb.sheetnames == ["Initiativlista", "Aktörer", "Lagar", "Bestämningsfaktorer", "Indikatorer",
                             "Instruktioner"]
    assert (wb.properties.identifier, wb.properties.language) == ("kraftsamling-2019", "sv")
    ws = wb["Initiativlista"]
    header = [c.value for c in ws[1]]
    assert header == [*PLAN_COLUMNS, "SKL/Kommuner/Regioner", "Staten", "Civilsamhället"]
    assert all(c.comment and len(c.comment.text) > 20 for c in ws[1])
    rows = {r[0]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    assert rows["A1"][1] == "1. Ett mer hälsofrämjande samhälle och levnadssätt"
    assert rows["A1"][6].split("\n") == ["Ta fram det nya ramverket samt bidra med faktorer",
                                         "Tydliggöra ansvarsfördelningen. Vem gör vad?"]
    assert rows["C4"][5:] == ("...", "...", "...")  # open commitments keep the memo's mark
    assert rows["D1"][7] is None  # the one missing cell stays missing
    assert ws.freeze_panes == "A2"


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_template_then_import_gives_back_the_same_plan_graph(seed_template, suffix):
    folder, _ = seed_template
    kg = build()
    before = plan_graph(kg)
    result = import_sheet(kg, folder / f"plan{suffix}")
    assert (result.key, result.initiatives, result.commitments) == ("kraftsamling-2019", 33, 59)
    apply(kg, result)
    assert isomorphic(plan_graph(kg), before)  # sources too: every fact kept the memo's quote


def test_a_plan_imported_afresh_has_the_same_facts_and_quotes_the_cells(seed_template):
    folder, _ = seed_template
    kg = build()
    before = plan_graph(kg)
    kg.graph(SEED).remove((None, None, None))
    apply(kg, import_sheet(kg, folder / "plan.xlsx", plan="kraftsamling-2019"))
    after = plan_graph(kg)
    assert isomorphic(facts_graph(after), facts_graph(before))
    src = after.value(plan_item("kraftsamling-2019", "commitment", "A1-staten-2"), PROV.wasDerivedFrom)
    assert {str(after.value(src, p)) for p in (KG.section, KG.row, KG.column, PROV.value)} == {
        "Initiativlista", "2", "Staten", "Tydliggöra ansvarsfördelningen. Vem gör vad?"}
    assert {str(after.value(d, DCTERMS.identifier)) for d in after.objects(None, KG.document)} == {
        "plan.xlsx"}


def test_an_edited_cell_is_a_change_with_the_cell_as_source(run, seed_template, tmp_path):
    folder, _ = seed_template
    wb = openpyxl.load_workbook(folder / "plan.xlsx")
    ws = wb["Initiativlista"]
    ws["G2"] = "Ta fram det nya ramverket\nTydliggöra ansvarsfördelningen. Vem gör vad?"
    ws.append(["J1", None, None, "Ett nytt initiativ", "Något som ska uppnås", "…", None, "Föreningar"])
    wb.save(tmp_path / "edited.xlsx")
    assert run("build").exit_code == 0
    store = tmp_path / "kraftgraf-store.trig"
    before = store.read_bytes()
    dry = run("import", "edited.xlsx", "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert "changed: commitment A1-staten-1 by Staten: “Ta fram det nya ramverket samt bidra med " \
           "faktorer” → “Ta fram det nya ramverket”" in dry.stdout
    assert "added: initiative J1 in focus area I (Initiativ): “Ett nytt initiativ”" in dry.stdout
    assert "added: an open commitment for SKL/Kommuner/Regioner in initiative J1: “…”" in dry.stdout
    assert "4 added, 0 dropped, 1 changed" in dry.stdout
    assert store.read_bytes() == before
    assert run("import", "edited.xlsx").exit_code == 0
    g = plan_graph(KnowledgeGraph.load(store))
    changed = g.value(plan_item("kraftsamling-2019", "commitment", "A1-staten-1"), PROV.wasDerivedFrom)
    kept = g.value(plan_item("kraftsamling-2019", "commitment", "A1-staten-2"), PROV.wasDerivedFrom)
    assert str(g.value(changed, KG.section)) == "Initiativlista"
    assert str(g.value(kept, KG.section)) == "Bilaga 1"  # unchanged: still the memo's quote
    new = plan_item("kraftsamling-2019", "initiative", "J1")
    assert str(g.value(new, KG.inFocusArea)).endswith("/focus-area/I")  # empty cells: the row above
    assert run("import", "edited.xlsx", "--dry-run").stdout.strip().endswith("no changes")


def test_formula_like_text_stays_text(tmp_path):
    kg = build()
    node = plan_item("kraftsamling-2019", "commitment", "A1-staten-1")
    g = kg.graph(SEED)
    g.set((node, KG.text, Literal("=HYPERLINK(\"http://example.org\")", lang="sv")))
    write_template(kg, tmp_path / "f.xlsx")
    write_template(kg, tmp_path / "f.csv")
    cell = openpyxl.load_workbook(tmp_path / "f.xlsx")["Initiativlista"]["G2"]
    assert cell.data_type == "s" and cell.quotePrefix and cell.value.startswith("=HYPERLINK")
    with open(tmp_path / "f.csv", encoding="utf-8-sig", newline="") as f:
        row = list(csv.reader(f, delimiter=";"))[1]
    assert row[6].startswith("'=HYPERLINK")
    for name in ("f.xlsx", "f.csv"):
        back = import_sheet(kg, tmp_path / name).graph  # the import's graph holds Oxigraph's terms
        assert terms.text(back.value(terms.ox_term(node), terms.KG.text)) == "=HYPERLINK(\"http://example.org\")"


def test_a_new_plan_is_its_own_named_graph_beside_the_seed(run, tmp_path, seed_template):
    folder, _ = seed_template
    assert run("build").exit_code == 0
    result = run("import", folder / "plan.csv", "--plan", "kopia", "--title", "En kopia")
    assert result.exit_code == 0, result.output
    kg = KnowledgeGraph.load(tmp_path / "kraftgraf-store.trig")
    assert len(plan_graph(kg, "plan/kopia")) > 1000 and len(plan_graph(kg)) > 1000
    ids = {str(s) for s in kg.graph("plan/kopia").subjects(RDF.type, KG.Initiative)}
    assert len(ids) == 33 and all("/plan/kopia/initiative/" in i for i in ids)


def test_cp1252_csv_loads_with_a_note(run, tmp_path, seed_template):
    folder, _ = seed_template
    text = (folder / "plan.csv").read_text(encoding="utf-8-sig").replace("…", "...")
    (tmp_path / "cp.csv").write_bytes(text.encode("cp1252"))
    assert run("build").exit_code == 0
    result = run("import", "cp.csv", "--dry-run")
    assert result.exit_code == 0, result.output
    assert "read as Windows-1252" in result.stderr
    assert result.stdout.strip().endswith("no changes")  # å, ä and ö came through intact
    (tmp_path / "utf8.csv").write_bytes(text.encode("utf-8"))
    assert "Windows-1252" not in run("import", "utf8.csv", "--dry-run").stderr


def _csv(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter=";").writerows(rows)


def _zip_bomb(path):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/sheet1.xml", b"0" * (MAX_RATIO * 20_000 + 2_000_000))


def _xml_bomb(path, template):
    lol = '<!DOCTYPE z [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    with zipfile.ZipFile(template) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = (lol + data.decode().replace("<t>A1</t>", "<t>&b;</t>", 1)).encode()
            out.writestr(item, data)


def _xlsx(path, sheets):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    wb.save(path)


BAD = {
    "missing column": (lambda rows, p: _csv(p, [r[:7] for r in rows[:3]]),
                       ["row 1", "missing column 'Civilsamhället'"]),
    "unknown actor": (lambda rows, p: _csv(p, [rows[0] + ["Regeringen"], rows[1] + ["x"]]),
                      ["row 1, column Regeringen (I)", "unknown actor column", "--actor-column"]),
    "duplicate id": (lambda rows, p: _csv(p, [rows[0], rows[1], rows[2], rows[1]]),
                     ["row 4, column Id (A)", "duplicate id 'A1' (first on row 2)"]),
    "empty sheet": (lambda rows, p: _csv(p, [rows[0]]), ["the sheet is empty", "one row per initiative"]),
    "empty id": (lambda rows, p: _csv(p, [rows[0], rows[1], ["", *rows[1][1:]]]),
                 ["row 3, column Id (A)", "the next free one in focus area A is A2"]),
    "bad goal": (lambda rows, p: _csv(p, [rows[0], [rows[1][0], "Mål ett", *rows[1][2:]]]),
                 ["row 2, column Målsättning (B)", "expected a code, a full stop and a name"]),
    "not a spreadsheet": (lambda rows, p: p.with_suffix(".xlsx").write_text("hej"),
                          ["not a spreadsheet", "zip archive"]),
    "binary csv": (lambda rows, p: p.write_bytes(b"\x00\x01PK"), ["not a spreadsheet"]),
    "zip bomb": (lambda rows, p: _zip_bomb(p.with_suffix(".xlsx")), ["refused", "compressed", "zip bomb"]),
    "empty xlsx sheet": (lambda rows, p: _xlsx(p.with_suffix(".xlsx"), {"Initiativlista": []}),
                         ["sheet Initiativlista: the sheet is empty"]),
    "no plan sheet": (lambda rows, p: _xlsx(p.with_suffix(".xlsx"), {"Blad1": rows[:3]}),
                      ["no sheet Initiativlista (the sheets are: Blad1)"]),
    "unknown law": (lambda rows, p: _xlsx(p.with_suffix(".xlsx"), {
        "Initiativlista": rows[:3], "Lagar": [["Gäller", "SFS"], ["A1", "2099:1"]]}),
        ["sheet Lagar, row 2, column SFS (B)", "unknown law '2099:1'"]),
    "new actor without a name": (lambda rows, p: _xlsx(p.with_suffix(".xlsx"), {
        "Initiativlista": [r[:6] for r in rows[:3]],
        "Aktörer": [["Id", "Namn", "Kolumn", "Typ"],
                    ["nya-aktoren", "", "SKL/Kommuner/Regioner", "Region"]]}),
        ["sheet Aktörer, row 2, column Namn (B)", "'nya-aktoren' is a new actor, so it needs a name"]),
    "pdf": (lambda rows, p: p.with_suffix(".pdf").write_bytes(b"%PDF-1.4"), ["expected .xlsx or .csv"]),
    "duplicate heading": (lambda rows, p: _csv(p, [rows[0] + ["Staten"], *rows[1:3]]),
                          ["row 1, column I", "duplicate column 'Staten' (also column G)"]),
    "text under no heading": (lambda rows, p: _csv(p, [rows[0], rows[1] + ["", "utan rubrik"], rows[2]]),
                              ["row 2, column J", "'utan rubrik' stands under no heading"]),
    "a number for an id": (lambda rows, p: _xlsx(p.with_suffix(".xlsx"), {
        "Initiativlista": [rows[0], [1.1, *rows[1][1:]], rows[2]]}),
        ["sheet Initiativlista, row 2, column A", "1.1 is a float, not text"]),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_input_is_one_line_exit_2_and_the_store_is_unchanged(run, tmp_path, seed_template, case):
    folder, _ = seed_template
    with open(folder / "plan.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    make, fragments = BAD[case]
    make(rows, tmp_path / "bad.csv")
    name = next(p.name for p in tmp_path.iterdir() if p.stem == "bad")
    assert run("build").exit_code == 0
    before = (tmp_path / "kraftgraf-store.trig").read_bytes()
    result = run("import", name)
    assert result.exit_code == 2, result.output
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith(f"Error: {name}"), result.output
    for fragment in fragments:
        assert fragment in lines[0]
    assert (tmp_path / "kraftgraf-store.trig").read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_an_xml_bomb_is_refused(tmp_path, seed_template):
    folder, _ = seed_template
    _xml_bomb(tmp_path / "lol.xlsx", folder / "plan.xlsx")
    check_zip(tmp_path / "lol.xlsx")  # small and honest as a zip: the XML is what is wrong
    with pytest.raises(Exception, match="refused: its XML uses EntitiesForbidden"):
        import_sheet(build(), tmp_path / "lol.xlsx")


def test_an_unknown_actor_id_and_a_store_that_is_not_a_dataset(run, seed_template):
    folder, _ = seed_template
    result = run("import", folder / "plan.csv", "--actor-column", "Staten=regering")
    assert result.exit_code == 2 and "unknown actor 'regering' (closest: " in result.output
    assert "regeringskansliet" in result.output
    result = run("import", folder / "plan.csv", "--store", "plan.ttl")
    assert result.exit_code == 2 and "use a .trig or .nq file" in result.output


def test_template_and_import_help_and_the_readme(run):
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    for command in ("template", "import"):
        assert run(command, "--help").exit_code == 0
        assert f"kraftgraf {command}" in readme


def test_the_synthetic_plan_round_trips_although_its_actors_share_columns(synthetic, tmp_path):
    # build FILE puts the plan in the graph named after the file; many actors read from one column
    name = next(str(g.identifier).split("/graph/")[1] for g in synthetic.dataset.graphs()
                if "/graph/plan/" in str(g.identifier))
    before = plan_graph(synthetic, name)
    counts = write_template(synthetic, tmp_path / "synth.csv")
    assert counts["Initiativlista"] == 120 and counts["Aktörer"] > 9
    header = (tmp_path / "synth.csv").read_text(encoding="utf-8-sig").splitlines()[0].split(";")
    assert len(header) == len(set(header))
    result = import_sheet(synthetic, tmp_path / "synth.csv")
    assert result.graph_name == name and result.initiatives == 120
    assert changes(result.old, result.graph) == []
    apply(synthetic, result)
    assert isomorphic(plan_graph(synthetic, name), before)


def test_import_with_no_store_yet_starts_from_the_bundled_plan(run, tmp_path, seed_template):
    folder, _ = seed_template
    result = run("import", folder / "plan.xlsx")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().endswith("no changes")
    assert "wrote kraftgraf-store.trig (plan kraftsamling-2019)" in result.stderr
    assert len(plan_graph(KnowledgeGraph.load(tmp_path / "kraftgraf-store.trig"))) > 3000


def test_an_unchanged_sheet_leaves_the_store_as_it_was(run, tmp_path, seed_template):
    folder, _ = seed_template
    assert run("build").exit_code == 0
    store = tmp_path / "kraftgraf-store.trig"
    before = store.read_bytes()
    result = run("import", folder / "plan.xlsx")
    assert result.exit_code == 0 and "no changes" in result.stdout
    assert store.read_bytes() == before


def test_a_reworded_commitment_with_a_law_change_is_pointed_out(run, tmp_path, seed_template):
    # data/law_links.csv ties the change to Socialtjänstlagen to A2-staten-1 by its id; a line
    # inserted above it in the cell makes A2-staten-1 another text, and the link would follow the id.
    folder, _ = seed_template
    wb = openpyxl.load_workbook(folder / "plan.xlsx")
    ws = wb["Initiativlista"]
    column = [c.value for c in ws[1]].index("Staten")
    row = next(r for r in ws.iter_rows(min_row=2) if r[0].value == "A2")
    row[column].value = "Ny rad om finansiering\n" + row[column].value
    wb.save(tmp_path / "inserted.xlsx")
    assert run("build").exit_code == 0
    result = run("import", "inserted.xlsx", "--dry-run")
    assert result.exit_code == 0
    assert ("note: commitment A2-staten-1 now says “Ny rad om finansiering”: the law change tied to "
            "its id may no longer fit") in result.output


def test_an_edited_reason_of_a_curated_link_is_pointed_out_not_lost_silently(run, tmp_path, seed_template):
    # The reasons of the links in data/law_links.csv and data/determinant_links.csv are curated:
    # the import keeps them, so an edit in the column Motivering must say it was not taken.
    folder, _ = seed_template
    unchanged = run("import", folder / "plan.xlsx", "--dry-run")
    assert unchanged.exit_code == 0 and "Motivering" not in unchanged.stderr
    wb = openpyxl.load_workbook(folder / "plan.xlsx")
    reasons = {}
    for name in ("Lagar", "Bestämningsfaktorer"):
        ws = wb[name]
        reasons[name] = ws["D2"].value
        ws["D2"] = "En egen motivering: åäö"
    ws["D3"] = ws["D3"].value.replace(" ", "\n", 1)  # a line break in a cell is no edit
    wb["Initiativlista"]["G2"] = "Ta fram det nya ramverket\nTydliggöra ansvarsfördelningen. Vem gör vad?"
    wb.save(tmp_path / "reasons.xlsx")
    assert run("build").exit_code == 0
    result = run("import", "reasons.xlsx")
    assert result.exit_code == 0, result.output
    notes = [line for line in result.stderr.splitlines() if "Motivering" in line]
    assert notes == [
        "note: reasons.xlsx, sheet Lagar, row 2, column Motivering: the reason of A2-staten-1 → 2001:453 "
        "is curated, so the file's is not taken (change it in data/law_links.csv)",
        "note: reasons.xlsx, sheet Bestämningsfaktorer, row 2, column Motivering: the reason of A1 → ekonomi "
        "is curated, so the file's is not taken (change it in data/determinant_links.csv)"]
    assert "0 added, 0 dropped, 1 changed" in result.stdout  # the commitment, not the reasons
    store = KnowledgeGraph.load(tmp_path / "kraftgraf-store.trig")
    kept = {str(r) for r in store.dataset.objects(None, KG.reason)}
    assert set(reasons.values()) <= kept and "En egen motivering: åäö" not in kept
