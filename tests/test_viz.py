"""The map, rendered in headless Chromium: offline, escaped, searchable, filterable."""

from __future__ import annotations

import re
import shutil
import time

import pytest
from click.testing import CliRunner
from rdflib import RDFS, Literal
from rdflib.namespace import SKOS

from kraftgraf.cli import main
from kraftgraf.graph.store.build import build
from kraftgraf.graph.views.map import find_node, render_map, write_map
from kraftgraf.ontology.vocab import plan_item

CHROMIUM, CHROMEDRIVER = shutil.which("chromium"), shutil.which("chromedriver")
XSS = '<img src=x onerror="document.title=\'pwned\'"><script>document.title="pwned"</script> href'


@pytest.fixture(scope="module")
def kg():
    return build()


@pytest.fixture(scope="module")
def browser():
    if not (CHROMIUM and CHROMEDRIVER):
        pytest.skip("needs Debian's chromium and chromium-driver (apt install chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = CHROMIUM
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--window-size=1400,900"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


def open_page(browser, path):
    browser.get_log("performance")  # drop what earlier pages logged
    browser.get_log("browser")
    browser.get(path.as_uri())
    for _ in range(100):
        if browser.execute_script("return !!(window.kraftgraf && window.kraftgraf.ready)"):
            return
        time.sleep(0.05)
    raise AssertionError("the map never became ready")


def requested_urls(browser) -> list[str]:
    import json

    urls = []
    for entry in browser.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def test_the_whole_plan_offline_without_errors(browser, kg, tmp_path):
    page = write_map(kg, tmp_path / "karta.html")
    open_page(browser, tmp_path / "karta.html")
    severe = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert severe == []
    assert all(u.startswith(("file://", "data:")) for u in requested_urls(browser))
    assert browser.execute_script("return window.kraftgraf.drawnNodes()") == page.nodes
    assert sorted(p.name for p in tmp_path.iterdir()) == ["karta.html"]  # nothing beside it


def test_search_focuses_the_right_node(browser, kg, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    write_map(kg, tmp_path / "karta.html")
    open_page(browser, tmp_path / "karta.html")
    box = browser.find_element(By.ID, "search")
    box.send_keys("Arbetsmiljö", Keys.ENTER)
    assert browser.execute_script("return window.kraftgraf.selected()") == [
        "https://w3id.org/kraftgraf/id/determinant/arbetsmiljo"]
    assert "Arbetsmiljö" in browser.find_element(By.ID, "details").text
    box.clear()
    box.send_keys("finns inte", Keys.ENTER)
    assert "Ingen nod" in browser.find_element(By.ID, "message").text


def test_the_legend_hides_a_kind(browser, kg, tmp_path):
    from selenium.webdriver.common.by import By

    page = write_map(kg, tmp_path / "karta.html")
    open_page(browser, tmp_path / "karta.html")
    commitments = browser.execute_script(
        "return window.kraftgraf.network.body.data.nodes.get("
        "{filter: function (n) { return n.kind === 'Commitment'; }}).length")
    assert commitments == 59
    browser.find_element(By.CSS_SELECTOR, '#legend button[data-kind="Commitment"]').click()
    assert browser.execute_script("return window.kraftgraf.drawnNodes()") == page.nodes - commitments


def test_a_label_with_markup_stays_text(browser, tmp_path):
    from selenium.webdriver.common.by import By

    kg = build()  # a store of its own: this test changes a label
    initiative = plan_item("kraftsamling-2019", "initiative", "A1")
    g = kg.graph("plan/kraftsamling-2019")
    for prop in (SKOS.prefLabel, RDFS.label):
        g.remove((initiative, prop, None))
        g.add((initiative, prop, Literal(XSS, lang="sv")))
    page = render_map(kg)
    assert "<script>document.title" not in page.html and "<img src=x" not in page.html
    (tmp_path / "xss.html").write_text(page.html, encoding="utf-8")
    open_page(browser, tmp_path / "xss.html")
    assert browser.title != "pwned"
    assert browser.find_elements(By.CSS_SELECTOR, "img[src=x]") == []
    box = browser.find_element(By.ID, "search")
    box.send_keys("<img src=x", "\n")
    assert XSS in browser.find_element(By.ID, "details").text


def test_rainbow_and_focus(kg, tmp_path):
    rainbow = render_map(kg, layout="rainbow")
    assert '"layout": "rainbow"' in rainbow.html and '"physics": false' in rainbow.html
    staten = render_map(kg, focus_node=find_node(kg, "staten"), depth=1)
    assert 1 < staten.nodes < rainbow.nodes


def test_bad_focus_names_the_closest_and_exits_2(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["viz", "--focus", "Statn", "-o", "x.html"])
    assert result.exit_code == 2
    assert "closest" in result.output and "staten" in result.output.lower()
    assert not (tmp_path / "x.html").exists()


def test_no_node_is_drawn_with_its_iri_for_a_label(kg):
    # Commitments are drawn without text (it is in the tooltip); pyvis puts the node's id
    # where a label is empty, which drew 110 long IRIs across the seed plan's map.
    page = render_map(kg)
    drawn = re.findall(r'"label": "([^"]*)"', page.html)
    assert drawn and not [label for label in drawn if label.startswith("https://")]


def page_data(html: str) -> dict:
    import json

    text = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', html, re.S).group(1)
    return json.loads(text)


@pytest.mark.parametrize("depth", [2, 3])  # depth 1 reaches Staten's commitments only
def test_rainbow_focus_puts_each_determinant_on_its_own_ring(kg, depth):
    import math

    from kraftgraf.graph.views.map_data import layer_order, ring_radius

    data = page_data(render_map(kg, focus_node=find_node(kg, "Staten"), depth=depth, layout="rainbow").html)
    layer_of = {}
    for e in data["edges"]:
        if e["rel"] == "layer":
            layer_of[e["from"]] = layer_order(kg)[e["to"]]
    determinants = [n for n in data["nodes"] if n["kind"] == "Determinant"]
    assert len(determinants) >= 10  # Staten's initiatives reach these, whatever the depth
    for n in determinants:
        radius = ring_radius(layer_of[n["id"]])
        assert math.hypot(n["x"], n["y"]) == pytest.approx(radius, abs=0.2), n["fullLabel"]
        assert n["y"] < 0  # the upper half: the rainbow of the memo's Bilaga 2
    assert len({layer_of[n["id"]] for n in determinants}) >= 3


def test_the_focus_map_is_the_same_in_every_run(tmp_path):
    import os
    import subprocess
    import sys

    pages = []
    for seed in ("1", "2", "3"):
        out = tmp_path / f"focus-{seed}.html"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-m", "kraftgraf", "viz", "--layout", "rainbow",
                        "--focus", "Staten", "-o", str(out)], check=True, env=env, cwd=tmp_path,
                       capture_output=True)
        pages.append(out.read_text(encoding="utf-8"))
    assert pages[0] == pages[1] == pages[2]


def coverage_cells(kg, by: str) -> dict[str, dict[str, int]]:
    from kraftgraf.graph.views.report_images import layer_names
    from kraftgraf.queries.common import as_dict
    from kraftgraf.queries.coverage.answer import LAYER_COLUMNS
    from kraftgraf.queries.registry import question

    names = layer_names(kg, "sv")
    rows = [as_dict(r) for r in question("coverage").ask(kg, by=by)[0].rows]
    return {names[i]: {r["label"]: r[c] for r in rows} for i, c in enumerate(LAYER_COLUMNS)}


def test_the_layer_filter_keeps_what_coverage_counts(kg):
    data = page_data(render_map(kg).html)
    nodes = {n["id"]: n for n in data["nodes"]}
    commits = {}  # actor label -> initiatives
    for c in (n for n in data["nodes"] if n["kind"] == "Commitment"):
        out = [e for e in data["edges"] if e["from"] == c["id"]]
        actor = [nodes[e["to"]]["fullLabel"] for e in out if e["rel"] == "byActor"]
        initiative = [e["to"] for e in out if e["rel"] == "toInitiative"]
        commits.setdefault(actor[0], set()).update(initiative)
    by_actor, by_sector = coverage_cells(kg, "actor"), coverage_cells(kg, "sector")
    for layer, cells in by_actor.items():
        shown = {n["id"] for n in data["nodes"] if layer in n["layers"]}
        kinds = {}
        for i in shown:
            kinds.setdefault(nodes[i]["kind"], set()).add(nodes[i]["fullLabel"])
        for actor, count in cells.items():
            assert len(commits.get(actor, set()) & shown) == count, (layer, actor)
            assert (actor in kinds.get("Actor", set())) == (count > 0), (layer, actor)
        for sector, count in by_sector[layer].items():
            assert (sector in kinds.get("Sector", set())) == (count > 0), (layer, sector)
        # only the determinants of that layer
        assert all(layer in nodes[i]["layers"] and len(nodes[i]["layers"]) == 1
                   for i in shown if nodes[i]["kind"] == "Determinant")


def test_the_layer_filter_in_the_browser_shows_the_coverage_counts(browser, kg, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    write_map(kg, tmp_path / "karta.html")
    open_page(browser, tmp_path / "karta.html")
    layers = Select(browser.find_element(By.ID, "filter-layers"))
    layers.select_by_visible_text("Individuella livsstilsfaktorer")
    kinds = browser.execute_script("return window.kraftgraf.drawnKinds()")
    # query coverage: C1 and D1–D5 address a lifestyle determinant, two determinants sit in that layer
    assert kinds["Initiative"] == 6 and kinds["Determinant"] == 2 and kinds["DeterminantLayer"] == 1
    assert kinds["Actor"] >= 3 and kinds["Sector"] >= 1
    assert "6 initiativ" in browser.find_element(By.ID, "counts").text


@pytest.mark.parametrize("text, node", [
    ("C4", "plan/kraftsamling-2019/initiative/C4"), ("a1", "plan/kraftsamling-2019/initiative/A1"),
    ("work environment", "determinant/arbetsmiljo"), ("Staten", "actor/staten"),
    ("omsorg", "sector/socialtjanst"),
])
def test_search_by_code_name_alias_and_english_label(browser, kg, tmp_path, text, node):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    path = tmp_path / "karta.html"
    if not path.exists():
        write_map(kg, path)
    open_page(browser, path)
    browser.find_element(By.ID, "search").send_keys(text, Keys.ENTER)
    selected = browser.execute_script("return window.kraftgraf.selected()")
    assert selected == [f"https://w3id.org/kraftgraf/id/{node}"]


def test_the_panel_lists_commitments_actors_determinants_and_links_on(browser, kg, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    write_map(kg, tmp_path / "karta.html", layout="rainbow")
    open_page(browser, tmp_path / "karta.html")
    browser.find_element(By.ID, "search").send_keys("A2", Keys.ENTER)
    panel = browser.find_element(By.ID, "details")
    headings = [h.text for h in panel.find_elements(By.TAG_NAME, "h3")]
    assert any(h.startswith("åtagande (") for h in headings)
    assert any(h.startswith("bestämningsfaktor (") for h in headings) and "Källa" in headings
    assert "Staten: Ändringar i Socialtjänstlagen" in panel.text  # a commitment, with who made it
    links = panel.find_elements(By.CSS_SELECTOR, "button.link")
    link = next(b for b in links if b.text == "Staten: Ändringar i Socialtjänstlagen")
    link.click()
    selected = browser.execute_script("return window.kraftgraf.selected()")
    assert selected == ["https://w3id.org/kraftgraf/id/plan/kraftsamling-2019/commitment/A2-staten-1"]
    assert "lag (" in browser.find_element(By.ID, "details").text  # the law it needs changed
    browser.find_element(By.ID, "search").clear()
    browser.find_element(By.ID, "search").send_keys("C4", Keys.ENTER)
    assert "inget åtagande" in browser.find_element(By.ID, "details").text  # its gap flag


@pytest.mark.parametrize("layout", ["force", "rainbow"])
def test_every_node_is_in_view_on_load(browser, kg, tmp_path, layout):
    page = write_map(kg, tmp_path / "karta.html", layout=layout)
    open_page(browser, tmp_path / "karta.html")
    for _ in range(200):
        if browser.execute_script("return window.kraftgraf.stable()"):
            break
        time.sleep(0.05)
    assert browser.execute_script("return window.kraftgraf.inView()") == page.nodes


def drawn_kinds(browser, page_path):
    open_page(browser, page_path)
    for _ in range(400):
        if browser.execute_script("return window.kraftgraf.stable()"):
            break
        time.sleep(0.05)
    return browser.execute_script("return window.kraftgraf.drawnKinds()")


# the bundled plan: what each view must show (see `kraftgraf stats`, `query coverage`, `trace Staten`)
PLAN_KINDS = {"Goal": 3, "FocusArea": 9, "Initiative": 33, "Commitment": 59, "OpenCommitment": 51,
              "Actor": 23, "Determinant": 18, "DeterminantLayer": 5, "Sector": 8, "Law": 10}


@pytest.mark.parametrize("layout", ["force", "rainbow"])
def test_the_whole_plan_views_show_every_item_of_the_plan(browser, kg, tmp_path, layout):
    from selenium.webdriver.common.by import By

    page = write_map(kg, tmp_path / "karta.html", layout=layout)
    assert drawn_kinds(browser, tmp_path / "karta.html") == PLAN_KINDS
    assert sum(PLAN_KINDS.values()) == page.nodes
    shown = browser.find_element(By.ID, "counts").text
    assert "33 initiativ" in shown and "18 bestämningsfaktor" in shown


def test_the_focus_view_shows_the_determinants_trace_finds(browser, kg, tmp_path):
    from kraftgraf.queries.common import as_dict
    from kraftgraf.queries.registry import question

    sections = question("trace").ask(kg, name="Staten")
    reached = {as_dict(r)["target"] for s in sections if s.key == "commitment" for r in s.rows}
    write_map(kg, tmp_path / "focus.html", focus_node=find_node(kg, "Staten"), layout="rainbow")
    kinds = drawn_kinds(browser, tmp_path / "focus.html")
    assert kinds["Determinant"] == len(reached) == 12
    assert kinds["Commitment"] == 16  # Staten's own commitments
    names = browser.execute_script(
        "return window.kraftgraf.network.body.data.nodes.get({filter: function (n) {"
        " return n.kind === 'Determinant'; }}).map(function (n) { return n.fullLabel; })")
    assert set(names) == reached
