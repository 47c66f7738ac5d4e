"""The map's views in headless Chromium: what each shows, and that its filters agree with the questions."""

from __future__ import annotations

import re
import time

import pytest
from test_viz import chromium_driver, open_page, unfold_all

from kraftgraf.graph.store.build import build
from kraftgraf.graph.views.map import find_node, render_map, write_map


@pytest.fixture(scope="module")
def kg():
    return build()


@pytest.fixture(scope="module")
def browser():
    yield from chromium_driver()


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
    drawn = browser.execute_script("return window.kraftgraf.drawnNodes()")
    assert browser.execute_script("return window.kraftgraf.inView()") == drawn == 88 < page.nodes


def drawn_kinds(browser, page_path):
    open_page(browser, page_path)
    for _ in range(400):
        if browser.execute_script("return window.kraftgraf.stable()"):
            break
        time.sleep(0.05)
    return browser.execute_script("return window.kraftgraf.drawnKinds()")


# the bundled plan: what each view must show (see `kraftgraf stats`, `query coverage`, `trace Staten`)
PLAN_KINDS = {"Goal": 3, "FocusArea": 9, "Initiative": 33, "Commitment": 59, "OpenCommitment": 51,
              "Actor": 23, "Determinant": 18, "DeterminantLayer": 5, "Sector": 9, "Law": 12, "Indicator": 9}
FOLDED = {"Initiative": 33, "Commitment": 59, "OpenCommitment": 51}  # the overview draws the rest


@pytest.mark.parametrize("layout", ["force", "rainbow"])
def test_the_whole_plan_views_show_every_item_of_the_plan(browser, kg, tmp_path, layout):
    from selenium.webdriver.common.by import By

    page = write_map(kg, tmp_path / "karta.html", layout=layout)
    overview = {k: v for k, v in PLAN_KINDS.items() if k not in FOLDED}
    assert drawn_kinds(browser, tmp_path / "karta.html") == overview
    assert browser.execute_script("return window.kraftgraf.foldedKinds()") == FOLDED
    shown = browser.find_element(By.ID, "counts").text
    assert "18 bestämningsfaktor" in shown and "Hopfällt: 33 initiativ, 59 åtagande, 51 öppet" in shown
    unfold_all(browser)
    assert browser.execute_script("return window.kraftgraf.drawnKinds()") == PLAN_KINDS
    assert browser.execute_script("return window.kraftgraf.foldedKinds()") == {}
    assert sum(PLAN_KINDS.values()) == page.nodes
    shown = browser.find_element(By.ID, "counts").text
    assert "33 initiativ" in shown and "Hopfällt" not in shown


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


def test_the_focus_is_selected_and_in_the_panel(browser, kg, tmp_path):
    from selenium.webdriver.common.by import By

    write_map(kg, tmp_path / "focus.html", focus_node=find_node(kg, "Staten"), layout="rainbow")
    open_page(browser, tmp_path / "focus.html")
    assert browser.execute_script("return window.kraftgraf.selected()") == ["https://w3id.org/kraftgraf/id/actor/staten"]
    panel = browser.find_element(By.ID, "details").text
    assert panel.startswith("Staten") and "åtagande (16)" in panel
