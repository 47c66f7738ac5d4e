"""The map, rendered in headless Chromium: offline, escaped, searchable, filterable."""

from __future__ import annotations

import re
import shutil
import time

import pytest
from click.testing import CliRunner
from conftest import unavailable
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
    yield from chromium_driver()


def chromium_driver():
    """Headless Chromium through selenium, logging what the page requests (test_viz_views.py uses it too)."""
    if not (CHROMIUM and CHROMEDRIVER):
        unavailable("needs Debian's chromium and chromium-driver (apt install chromium chromium-driver)")
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


def unfold_all(browser):
    """Press "Visa alla initiativ": every focus area's initiatives and commitments drawn."""
    from selenium.webdriver.common.by import By

    browser.find_element(By.ID, "unfold-all").click()


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
    assert browser.execute_script("return window.kraftgraf.drawnNodes()") == 88  # the overview
    unfold_all(browser)
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
    unfold_all(browser)
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

