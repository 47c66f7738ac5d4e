"""The report: self-contained, in one language, findings first, two A4 pages before the appendix."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from kraftgraf.cli import main
from kraftgraf.graph.store.build import build
from kraftgraf.graph.views.report import find_chromium
from kraftgraf.queries.registry import report_parts


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    result = CliRunner().invoke(main, ["report", "-o", str(folder / "rapport.html")])
    assert result.exit_code == 0, result.output
    return (folder / "rapport.html").read_text(encoding="utf-8")


def test_nothing_is_fetched(page):
    links = re.findall(r'(?:src|href)="([^"]*)"', page)
    assert links and all(link.startswith("data:image/png;base64,") for link in links)
    assert "<script" not in page


def test_it_holds_the_counts_the_images_and_the_gap_tables(page):
    assert re.search(r"<li><b>33</b> initiativ</li>", page)
    plan, store = page.split("I lagret som svaren läser")  # the curated facts apart from the plan's own
    assert "<b>12</b> lagar" in store and "<b>23</b> aktörer" in store
    assert "lagar" not in plan.split("<h2>")[-1]
    assert page.count("data:image/png;base64,") == 1  # the rainbow
    assert page.count('<table class="heat"') == 2  # the heat-maps, as text
    # the six initiatives nobody committed to (see tests/test_query_unowned.py)
    for code in ("C4", "C5", "C6", "H3", "I4", "I5"):
        assert f"<td>{code}</td>" in page
    assert "Socialtjänstlag (2001:453)" in page and "2025:400" in page


def test_two_versions_of_one_plan_give_the_same_gap_tables(page, tmp_path, monkeypatch):
    # An exported copy of the seed plan added beside it shares every node: the report of
    # both reads each fact once, so its tables are the seed's (only the counts' plan list differs).
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    for args in (["build"], ["export", "--format", "ttl", "-o", "copy.ttl"],
                 ["build", "--add", "copy.ttl", "--plan", "kopia"],
                 ["report", "-o", "both.html"]):
        assert runner.invoke(main, args).exit_code == 0, args
    both = (tmp_path / "both.html").read_text(encoding="utf-8")
    law = "Socialtjänstlag (2001:453)"
    assert both.count("<tr") == page.count("<tr") and both.count(law) == page.count(law) > 0
    # ... and each row says it is in both plans
    assert both.count("<td>kopia, kraftsamling-2019</td>") > 50 and "<th>Plan</th>" not in page


def appendix_tables(html: str) -> list[list[list[str]]]:
    """The appendix's tables, each a list of rows of cell texts (the header row first)."""
    appendix = html[html.index('class="appendix"'):]
    cells, rows = r"<t[hd][^>]*>(.*?)</t[hd]>", r"<tr>(.*?)</tr>"
    return [[re.findall(cells, row, re.S) for row in re.findall(rows, t, re.S)]
            for t in re.findall(r"<table>(.*?)</table>", appendix, re.S)]


def test_a_store_of_two_plans_names_each_rows_plan(tmp_path, monkeypatch):
    from kraftgraf.queries.common import as_dict
    from kraftgraf.queries.registry import question

    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    for args in (["build"], ["synth", "-o", "liten.ttl", "--municipalities", "4", "--regions", "2",
                             "--initiatives", "12"],
                 ["build", "--add", "liten.ttl"], ["report", "-o", "both.html"],
                 ["report", "--plan", "liten", "-o", "liten.html"]):
        assert runner.invoke(main, args).exit_code == 0, args
    tables = appendix_tables((tmp_path / "both.html").read_text(encoding="utf-8"))
    assert tables and all(t[0][0] == "Plan" for t in tables)
    plans = {row[0] for t in tables for row in t[1:]}
    either = {"kraftsamling-2019", "liten"}
    assert either <= plans <= either | {"kraftsamling-2019, liten", "planerna tillsammans"}
    # the initiatives nobody committed to: the seed's six, and the small plan's own, each with its plan
    unowned = {(row[0], row[1]) for row in tables[0][1:]}
    kg = build("liten.ttl")
    own = {("liten", as_dict(r)["code"]) for r in question("unowned").ask(kg)[0].rows}
    assert unowned == {("kraftsamling-2019", c) for c in ("C4", "C5", "C6", "H3", "I4", "I5")} | own
    one = appendix_tables((tmp_path / "liten.html").read_text(encoding="utf-8"))
    assert one and all(t[0][0] != "Plan" for t in one)


def test_findings_come_first_with_their_numbers(page):
    findings = page.index('class="findings"')
    assert findings < page.index("data:image/png") < page.index('class="appendix"')
    assert "6 av 33 initiativ saknar ägare" in page
    assert "C4, C5, C6, H3, I4, I5" in page[findings:page.index('class="appendix"')]


def test_one_language_throughout(page, tmp_path):
    # no column keys or English headings of the questions in the Swedish report, and the reverse
    for key in ("age_sex_heredity", "living_working", "open_slots", "pushed_by", "Initiatives nobody",
                "tripler", ">why<"):
        assert key not in page, key
    assert "Individuella livsstilsfaktorer</th>" in page and "Lager som ingen når" in page
    result = CliRunner().invoke(main, ["report", "--lang", "en", "-o", str(tmp_path / "report.html")])
    assert result.exit_code == 0, result.output
    english = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in english and "6 of 33 initiatives have no owner" in english
    assert ("No actor with a mandate in a sector reaches the layer Age, sex and constitutional factors "
            "through its commitments." in english)
    for word in ("Slutsatser", "Bilaga", "saknar ägare", "Lager som ingen når", "age_sex_heredity",
                 "Ålder, kön och arv", "Kultur och fritid"):
        assert word not in english, word
    assert "Individual lifestyle factors</th>" in english


def test_the_heat_maps_show_the_rows_that_reach_most_in_a_colour_scale_from_zero():
    from kraftgraf.graph.views.report_heat import HEATMAP_ROWS, heat_map
    from kraftgraf.queries.common import Section

    rows = [{"label": f"aktör {i}", "lifestyle": i, "living_working": 2 * i, "total": 3 * i}
            for i in range(40)]
    section = Section("coverage", "t", "", rows, ("label", "lifestyle", "living_working", "total"))
    heat = heat_map(section, ["Levnadsvanor", "Livsvillkor"], "Aktörer", more="{shown} av {total}")
    assert heat.title == f"Aktörer ({HEATMAP_ROWS} av 40)" and heat.columns == ["Levnadsvanor", "Livsvillkor"]
    assert [name for name, _ in heat.rows] == [f"aktör {i}" for i in range(39, 39 - HEATMAP_ROWS, -1)]
    darkest, lightest = heat.rows[0][1][1], heat.rows[-1][1][0]
    assert darkest[:1] == (78,) and darkest[2] == "#fff" and lightest[:1] == (24,) and lightest[2] == "#000"
    assert darkest[1] != lightest[1]
    nothing = [{"label": "x", "lifestyle": 0, "total": 0}]
    zeros = Section("coverage", "t", "", nothing, ("label", "lifestyle", "total"))
    assert heat_map(zeros, ["Levnadsvanor"], "Aktörer") is None


def test_a_label_with_markup_stays_text_in_the_report():
    from rdflib import RDFS, Literal
    from rdflib.namespace import SKOS

    from kraftgraf.graph.store.build import build
    from kraftgraf.graph.views.report import render_report
    from kraftgraf.ontology.vocab import plan_item

    kg = build()
    initiative = plan_item("kraftsamling-2019", "initiative", "C4")
    g = kg.graph("plan/kraftsamling-2019")
    for prop in (SKOS.prefLabel, RDFS.label):
        g.remove((initiative, prop, None))
        g.add((initiative, prop, Literal('<script>alert(1)</script> $x$', lang="sv")))
    html = render_report(kg)
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; $x$" in html
    assert "ur planen kraftsamling-2019." in html  # called as a library, without plans: the store's


@pytest.mark.skipif(not find_chromium(), reason="needs Chromium to print (apt install chromium)")
def test_at_most_two_a4_pages_before_the_appendix(tmp_path):
    from pypdf import PdfReader

    from kraftgraf.graph.store.build import build
    from kraftgraf.graph.views.report import print_pdf, render_report

    kg = build()
    for lang in ("sv", "en"):
        (tmp_path / "front.html").write_text(render_report(kg, lang, appendix=False), encoding="utf-8")
        print_pdf(tmp_path / "front.html", tmp_path / "front.pdf")
        pages = PdfReader(tmp_path / "front.pdf").pages
        assert 1 <= len(pages) <= 2, (lang, len(pages))
        assert round(float(pages[0].mediabox.width) / 72 * 25.4) == 210  # A4
        assert "Bilaga" not in "".join(p.extract_text() for p in pages)


@pytest.mark.skipif(not find_chromium(), reason="needs Chromium to print (apt install chromium)")
def test_pdf_prints_the_same_report(tmp_path):
    from pypdf import PdfReader

    result = CliRunner().invoke(main, ["report", "-o", str(tmp_path / "r.html"), "--pdf"])
    assert result.exit_code == 0, result.output
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "r.pdf").pages)
    assert "6 av 33 initiativ saknar ägare" in text and "Bilaga" in text


def test_pdf_without_chromium_is_one_line_and_exit_2(tmp_path, monkeypatch):
    monkeypatch.setenv("KRAFTGRAF_CHROMIUM", "no-such-browser-here")
    result = CliRunner().invoke(main, ["report", "-o", str(tmp_path / "r.html"), "--pdf"])
    assert result.exit_code == 2
    assert "needs Chromium" in result.output and len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "r.pdf").exists()


def test_report_of_one_plan(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(main, ["report", "--plan", "kraftsamling-2019", "-o", "r.html"]).exit_code == 0
    assert "ur planen kraftsamling-2019" in (tmp_path / "r.html").read_text(encoding="utf-8")
    result = runner.invoke(main, ["report", "--plan", "ingen-sadan", "-o", "x.html"])
    assert result.exit_code == 2 and not (tmp_path / "x.html").exists()


@pytest.mark.skipif(not find_chromium(), reason="needs Chromium (apt install chromium)")
def test_the_report_in_a_browser_shows_its_findings_images_and_tables(page, tmp_path):
    import shutil

    pytest.importorskip("selenium")
    if not shutil.which("chromedriver"):
        pytest.skip("needs chromium-driver")
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    (tmp_path / "rapport.html").write_text(page, encoding="utf-8")
    options = Options()
    options.binary_location = find_chromium()
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    try:
        driver.get((tmp_path / "rapport.html").as_uri())
        findings = [li.text for li in driver.find_elements(By.CSS_SELECTOR, "ul.findings li")]
        assert len(findings) == 8 and findings[0].startswith("6 av 33 initiativ saknar ägare")
        widths = driver.execute_script(
            "return Array.from(document.images).map(function (i) { return i.naturalWidth; })")
        assert len(widths) == 1 and min(widths) > 300  # the rainbow decoded
        heat = driver.find_elements(By.CSS_SELECTOR, "table.heat td[style]")
        # actors and sectors × layers
        assert len(heat) == 3 * 5 + 9 * 5 and all(td.is_displayed() for td in heat)
        tables = driver.find_elements(By.CSS_SELECTOR, "section.appendix table")
        # every non-empty section of every question the registry gives a place in the report
        kg = build()
        sections = [s for _, q, options in report_parts() for s in q.ask(kg, **options)]
        assert len(tables) == sum(bool(s.rows) for s in sections)
    finally:
        driver.quit()


def test_the_report_from_kept_answers_is_the_computed_one(tmp_path, monkeypatch):
    import shutil

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("KRAFTGRAF_CACHE", str(tmp_path / "cache"))
    runner = CliRunner()
    assert runner.invoke(main, ["build"]).exit_code == 0  # keeps the counts and plan keys, no answer yet
    kept = len(list((tmp_path / "cache").rglob("*.json.gz")))
    assert runner.invoke(main, ["report", "-o", "kept.html"]).exit_code == 0
    assert len(list((tmp_path / "cache").rglob("*.json.gz"))) > kept  # the report's other answers kept too
    shutil.rmtree(tmp_path / "cache")
    assert runner.invoke(main, ["report", "-o", "computed.html"]).exit_code == 0
    assert (tmp_path / "kept.html").read_bytes() == (tmp_path / "computed.html").read_bytes()


def test_every_section_the_report_can_show_has_its_words_in_both_languages():
    """A section without them printed the question's English title in the Swedish report.

    The sections the report's options give on the seed plan, and the basis, which
    a plan with missing links or sectors adds (tests/test_answers_basis.py).
    """
    from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
    from kraftgraf.graph.views.report_text import PARTS, SECTIONS, section_words
    from kraftgraf.queries.registry import report_parts

    kg = KnowledgeGraph.bundled()
    for _, q, options in report_parts():
        assert q.name in PARTS, q.name
        for key in {s.key for s in q.ask(kg, **options)} | ({"basis"} & set(q.sections)):
            assert (q.name, key) in SECTIONS or (None, key) in SECTIONS, (q.name, key)
            swedish, english = (section_words(q.name, key, lang, "-", "-")[0] for lang in ("sv", "en"))
            assert swedish != english, (q.name, key)


def test_the_basis_says_what_is_missing_in_the_reports_language(page):
    assert "Vad svaret vilar på" in page and "What this answer rests on" not in page
    assert "6 av 33 initiativ har inget åtagande av någon aktör" in page
    assert "Actors by what their withdrawal" not in page and "only through" not in page


def test_findings_say_first_when_they_rest_on_an_incomplete_plan():
    """A plan without links or commitments gets no confident figure without the reason beside it."""
    from kraftgraf.graph.views.report_findings import findings
    from kraftgraf.queries.common import Section

    gap = "15 of 15 initiatives have no determinant link yet"
    owners = "15 of 15 initiatives have no commitment by any actor"  # the first finding says this already
    basis = Section("basis", "t", "", [{"what": gap}, {"what": owners}], ("what",))
    uncovered = Section("uncovered_layers", "t", "", [{"label": "Levnadsvanor"}], ("label",))
    complete = {("coverage", "uncovered_layers"): uncovered}
    answers = {("coverage", "basis"): basis, ("silos", "basis"): basis, **complete}
    said = findings(answers, {"initiatives": 15}, "sv")
    assert said[0] == ("Svaren nedan vilar på en ofullständig plan: 15 av 15 initiativ har ännu ingen länk "
                       "till en bestämningsfaktor. De ändras när det fylls i.")
    assert said[1] == "Ingen aktör med mandat i en sektor når lagret Levnadsvanor genom sina åtaganden."
    english = f"The findings below rest on an incomplete plan: {gap}. They will change once that is filled in"
    assert findings(answers, {}, "en")[0] == english + "."
    assert not any("ofullständig" in s for s in findings(complete, {}, "sv"))


def test_the_words_file_gives_every_text_in_both_languages():
    """The words live in report_words.json: a key one language lacks would fail only on a page in it."""
    from kraftgraf.graph.views.report_text import COLUMNS, COUNT_LABELS, PARTS, SECTIONS, UI

    assert set(UI["sv"]) == set(UI["en"])
    titles = [(sv[0], en[0]) for sv, en in SECTIONS.values()]
    pairs = [*COUNT_LABELS.values(), *COLUMNS.values(), *PARTS.values(), *titles]
    assert all(len(pair) == 2 and all(pair) for pair in pairs)


def test_findings_say_a_zero_and_a_one_in_words():
    """The WHO plan's report read '0 of 9 initiatives have no owner: … ()' and '1 pairs … say'."""
    from kraftgraf.graph.views.report_findings import findings
    from kraftgraf.queries.common import Section

    nobody = Section("unowned", "t", "", [], ("code",))
    pair = Section("same_initiative", "t", "", [{"first": "a", "second": "b"}], ("first", "second"))
    layers = Section("uncovered_layers", "t", "", [{"label": "Levnadsvanor"}, {"label": "Arv"}], ("label",))
    answers = {("unowned", "unowned"): nobody, ("overlaps", "same_initiative"): pair,
               ("coverage", "uncovered_layers"): layers}
    assert findings(answers, {"initiatives": 9}, "en") == [
        "All 9 initiatives have at least one actor committed to them.",
        "No actor with a mandate in a sector reaches the layers Levnadsvanor, Arv through its commitments.",
        "1 pair of commitments says nearly the same thing (similarity 80–100 of 100): "
        "coordinate or merge them."]
    swedish = findings(answers, {"initiatives": 9}, "sv")
    assert swedish[0] == "Alla 9 initiativ har minst en aktör som åtagit sig dem."
