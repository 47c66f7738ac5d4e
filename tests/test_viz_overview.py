"""The map's overview: folded focus areas, their summary links, unfolding, the 2,000-node limit, labels."""

from __future__ import annotations

import time
from collections import Counter

import pytest
from test_viz import chromium_driver, open_page, unfold_all
from test_viz_views import page_data

from kraftgraf.graph.store.build import build
from kraftgraf.graph.views.map import find_node, render_map, write_map

kg = pytest.fixture(scope="module", name="kg")(lambda: build())  # the seed plan
browser = pytest.fixture(scope="module", name="browser")(chromium_driver)


def test_summary_links_stand_for_every_folded_link(kg):
    data = page_data(render_map(kg).html)
    nodes = {n["id"]: n for n in data["nodes"]}
    folded = Counter()  # links between a folded item and a drawn node (not its own focus area), by kind
    for e in data["edges"]:
        if e.get("summary"):
            continue
        a, b = nodes[e["from"]], nodes[e["to"]]
        if bool(a["home"]) != bool(b["home"]) and (a["home"] or a["id"]) != (b["home"] or b["id"]):
            folded[(e["rel"], (a if a["home"] else b)["kindLabel"])] += 1
    summed = Counter()
    for e in data["edges"]:
        if e.get("summary"):
            summed[(e["rel"], e["via"])] += e["value"]
            assert e["summary"] in (e["from"], e["to"]) and nodes[e["summary"]]["kind"] == "FocusArea"
    assert summed == folded
    assert summed[("byActor", "åtagande")] == 59 and summed[("addresses", "initiativ")] == 58
    # an initiative is folded into its focus area, a commitment into its initiative's
    a2 = nodes["https://w3id.org/kraftgraf/id/plan/kraftsamling-2019/initiative/A2"]
    commitment = nodes["https://w3id.org/kraftgraf/id/plan/kraftsamling-2019/commitment/A2-staten-1"]
    assert a2["home"] == commitment["home"] and nodes[a2["home"]]["kind"] == "FocusArea"


def test_a_focus_view_keeps_its_node_and_neighbours_unfolded(kg, monkeypatch):
    monkeypatch.setattr("kraftgraf.graph.views.map.FOLD_FOCUS_FROM", 10)  # else a view this small is whole
    focus = find_node(kg, "A2")
    data = page_data(render_map(kg, focus_node=focus, depth=2).html)
    near = {e["to"] for e in data["edges"] if e["from"] == focus} | {
        e["from"] for e in data["edges"] if e["to"] == focus}
    homes = {n["id"]: n["home"] for n in data["nodes"]}
    assert homes[focus] == "" and all(homes[n] == "" for n in near)
    assert any(homes.values())  # the rest of a large view starts folded
    monkeypatch.undo()
    whole = page_data(render_map(kg, focus_node=focus, depth=2).html)  # 300 nodes or fewer: drawn whole
    assert not any(n["home"] for n in whole["nodes"])


def test_a_focus_with_hundreds_of_neighbours_starts_folded_too(kg, monkeypatch):
    monkeypatch.setattr("kraftgraf.graph.views.map.OPEN_AROUND_FOCUS_UP_TO", 5)  # Staten touches more
    monkeypatch.setattr("kraftgraf.graph.views.map.FOLD_FOCUS_FROM", 10)
    focus = find_node(kg, "Staten")
    data = page_data(render_map(kg, focus_node=focus, depth=3).html)
    homes = {n["id"]: n["home"] for n in data["nodes"]}
    assert homes[focus] == "" and homes[find_node(kg, "A2")] != ""
    staten_2 = "https://w3id.org/kraftgraf/id/plan/kraftsamling-2019/commitment/A2-staten-1"
    assert homes[staten_2] == homes[find_node(kg, "A2")]


def expected_items(kg, focus_area: str) -> Counter:
    """What a focus area holds, read from the store's projection rather than the page."""
    p = kg.projection()
    initiatives = {s for s, o, rel in p.edges(keys=True) if rel == "inFocusArea" and o == focus_area}
    found = Counter({"Initiative": len(initiatives)})
    for s, o, rel in p.edges(keys=True):
        if rel == "toInitiative" and o in initiatives:
            found[p.nodes[s]["kind"]] += 1
    return found


def test_double_click_unfolds_one_focus_area_and_its_panel_folds_it(browser, kg, tmp_path):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    write_map(kg, tmp_path / "karta.html")
    open_page(browser, tmp_path / "karta.html")
    before = browser.execute_script("return window.kraftgraf.drawnKinds()")
    fa = find_node(kg, "Ökad tillgång till ändamålsenliga insatser för personer med psykisk ohälsa")
    x, y = browser.execute_script(
        "var k = window.kraftgraf.network, box = document.getElementById('map').getBoundingClientRect();"
        "var p = k.canvasToDOM(k.getPosition(arguments[0])); return [box.left + p.x, box.top + p.y];", fa)
    actions = ActionChains(browser)
    actions.w3c_actions.pointer_action.move_to_location(int(x), int(y)).double_click()
    actions.perform()
    time.sleep(0.3)
    after = Counter(browser.execute_script("return window.kraftgraf.drawnKinds()"))
    held = expected_items(kg, fa)
    assert held["Initiative"] >= 3
    assert after - Counter(before) == held
    assert browser.execute_script("return window.kraftgraf.selected()") == [fa]
    fold = browser.find_element(By.CSS_SELECTOR, "#details button.unfold")
    assert fold.text == f"Fäll ihop ({sum(held.values())})"
    fold.click()
    assert browser.execute_script("return window.kraftgraf.drawnKinds()") == before


def test_no_view_draws_past_the_limit(browser, kg, tmp_path, monkeypatch):
    from selenium.webdriver.common.by import By

    monkeypatch.setattr("kraftgraf.graph.views.map.MAX_DRAWN", 120)  # the seed plan's 231 nodes
    write_map(kg, tmp_path / "karta.html")
    open_page(browser, tmp_path / "karta.html")
    unfold_all(browser)
    drawn = browser.execute_script("return window.kraftgraf.drawnNodes()")
    assert 88 < drawn <= 120
    assert "Högst 120 noder" in browser.find_element(By.ID, "message").text
    assert browser.execute_script("return window.kraftgraf.foldedKinds()")  # some focus area stays folded


def overlapping(boxes: list[dict]) -> list[tuple[str, str]]:
    return [(a["text"], b["text"]) for i, a in enumerate(boxes) for b in boxes[i + 1:]
            if a["left"] < b["left"] + b["width"] and b["left"] < a["left"] + a["width"]
            and a["top"] < b["top"] + b["height"] and b["top"] < a["top"] + a["height"]]


@pytest.mark.parametrize("options", [{}, {"layout": "rainbow"}, {"layout": "rainbow", "focus": "Staten"}])
def test_labels_never_overlap_at_the_starting_zoom_nor_zoomed_in(browser, kg, tmp_path, options):
    from selenium.webdriver.common.action_chains import ActionChains, ScrollOrigin
    from selenium.webdriver.common.by import By

    options = dict(options)
    focus = options.pop("focus", None)
    write_map(kg, tmp_path / "karta.html", focus_node=find_node(kg, focus) if focus else None, **options)
    open_page(browser, tmp_path / "karta.html")
    boxes = browser.execute_script("return window.kraftgraf.labelBoxes()")
    assert len(boxes) >= 25 and overlapping(boxes) == []
    if not focus:  # the goals claim their place first
        labelled = {b["id"] for b in boxes}
        goals = browser.execute_script("return window.kraftgraf.network.body.data.nodes.get("
                                       "{filter: function (n) { return n.kind === 'Goal'; }}).map("
                                       "function (n) { return n.id; })")
        assert sum(g in labelled for g in goals) >= 2
    unfold_all(browser)
    unfolded = browser.execute_script("return window.kraftgraf.labelBoxes()")
    assert overlapping(unfolded) == [] and all(b["inView"] for b in unfolded)
    canvas = browser.find_element(By.CSS_SELECTOR, "#map canvas")
    scale = browser.execute_script("return window.kraftgraf.network.getScale()")
    for _ in range(8):  # vis-network zooms a step per wheel event
        ActionChains(browser).scroll_from_origin(ScrollOrigin.from_element(canvas), 0, -100).perform()
    time.sleep(0.5)  # the labels are placed again once the zoom stops
    assert browser.execute_script("return window.kraftgraf.network.getScale()") > 1.5 * scale
    zoomed = browser.execute_script("return window.kraftgraf.labelBoxes()")
    assert overlapping(zoomed) == []
    # placed again for the new zoom: each label at its size on screen, not grown with the zoom
    assert max(b["px"] for b in zoomed) <= 14.01 and all(b["inView"] for b in zoomed)
    assert any(b["text"][:1] in "ABCDEFGHI" and b["text"][1:].isdigit() for b in zoomed)  # codes show
