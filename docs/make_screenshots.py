"""Screenshots of the map and the report, for docs/: `python docs/make_screenshots.py`.

Writes the default map (the overview), the same with one focus area unfolded, the
rainbow, the rainbow focused on Staten and the report of the bundled plan into a
temporary folder, opens each in headless Chromium
(Debian's chromium and chromium-driver, through selenium), waits until the map
has settled, and saves a PNG beside this script, reduced to a small palette so the
files stay small in git.  Each view's counts are printed, so a change shows.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from kraftgraf.graph.store.build import build
from kraftgraf.graph.views.map import find_node, write_map
from kraftgraf.graph.views.report import write_report

HERE = Path(__file__).resolve().parent
UNFOLDED = "Ökad tillgång till ändamålsenliga insatser för personer med psykisk ohälsa"
VIEWS = {  # file name -> (what to write, window size)
    "map-default.png": ("map", {}, (1400, 900)),
    "map-unfolded.png": ("map", {"unfold": UNFOLDED}, (1400, 900)),
    "map-rainbow.png": ("map", {"layout": "rainbow"}, (1400, 900)),
    "map-focus-staten.png": ("map", {"layout": "rainbow", "focus": "Staten", "depth": 2}, (1400, 900)),
    "report.png": ("report", {}, (1000, 1500)),
}


def browser():
    """Headless Chromium through selenium, as tests/test_viz.py drives it."""
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = shutil.which("chromium")
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--hide-scrollbars"):
        options.add_argument(arg)
    return webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)


def small_png(source: Path, target: Path) -> None:
    """The screenshot with at most 256 colours: a third of the size, and still sharp for flat graphics."""
    from PIL import Image

    with Image.open(source) as image:
        small = image.convert("RGB").quantize(colors=256, method=Image.Quantize.FASTOCTREE)
        small.save(target, optimize=True)


def main() -> int:
    """Write every view, screenshot it into docs/ and print what it draws."""
    if not (shutil.which("chromium") and shutil.which("chromedriver")):
        print("needs Debian's chromium and chromium-driver (apt install chromium chromium-driver)",
              file=sys.stderr)
        return 2
    kg = build()
    driver = browser()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for name, (what, options, (width, height)) in VIEWS.items():
                page = Path(tmp) / (name[:-4] + ".html")
                driver.set_window_size(width, height)
                if what == "map":
                    options = dict(options)
                    focus, unfold = options.pop("focus", None), options.pop("unfold", None)
                    drawn = write_map(kg, page, focus_node=find_node(kg, focus) if focus else None, **options)
                    driver.get(page.as_uri())
                    for _ in range(400):
                        if driver.execute_script("return !!(window.kraftgraf && window.kraftgraf.stable())"):
                            break
                        time.sleep(0.05)
                    if unfold:  # as a reader would: find the focus area, then its panel's button
                        driver.find_element("id", "search").send_keys(unfold, "\n")
                        driver.find_element("css selector", "#details button.unfold").click()
                        time.sleep(0.3)  # the labels are placed again after the zoom
                    kinds = driver.execute_script("return window.kraftgraf.drawnKinds()")
                    print(f"{name}: {drawn.nodes} nodes, {drawn.edges} links; drawn by kind: {kinds}")
                else:
                    write_report(kg, page)
                    driver.get(page.as_uri())
                    print(f"{name}: {len(driver.find_elements('css selector', 'ul.findings li'))} findings")
                raw = Path(tmp) / name
                driver.save_screenshot(str(raw))
                small_png(raw, HERE / name)
    finally:
        driver.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
