"""How the map scales: drawn nodes and time to interactive in headless Chromium.

Run:  python benchmarks/bench_viz.py [--quick] [--json out.json]

Builds the national-scale plan from `kraftgraf synth` (290 municipalities,
21 regions, 1000 initiatives), writes the default map and the rainbow map, opens
each in Debian's headless Chromium and measures, in the same run:

- the time to render the HTML in Python,
- the time from navigation until the page answers (vis-network has drawn once
  and `window.kraftgraf.ready` is set), and until a search focuses a node.

Targets (issue 4): at most 2,000 drawn nodes in the default national view and
interactive within 5 s.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from pathlib import Path

from kraftgraf.graph.store.build import build
from kraftgraf.graph.store.synth import write_synth
from kraftgraf.graph.views.map import render_map


def chromium():
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = shutil.which("chromium")
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--window-size=1400,900"):
        options.add_argument(arg)
    return webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)


def time_page(driver, path: Path) -> dict:
    start = time.perf_counter()
    driver.get(path.as_uri())
    driver.execute_async_script(
        "var done = arguments[0];"
        "(function wait() { if (window.kraftgraf && window.kraftgraf.ready) {"
        "  window.kraftgraf.network.once('afterDrawing', function () { done(); });"
        "  window.kraftgraf.network.redraw(); } else { setTimeout(wait, 20); } })();")
    ready = time.perf_counter() - start
    t = time.perf_counter()
    driver.execute_script(
        "var n = window.kraftgraf.network.body.data.nodes.get()[0];"
        "window.kraftgraf.network.selectNodes([n.id]); window.kraftgraf.network.focus(n.id);")
    return {"interactive_s": round(ready, 3), "focus_s": round(time.perf_counter() - t, 3),
            "drawn_nodes": driver.execute_script("return window.kraftgraf.drawnNodes()")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a small plan, to smoke-test the script")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    sizes = dict(municipalities=20, regions=3, initiatives=60) if args.quick else \
        dict(municipalities=290, regions=21, initiatives=1000)
    results = {"plan": sizes, "views": {}}
    with tempfile.TemporaryDirectory() as tmp:
        plan = Path(tmp) / "plan.nt"
        write_synth(plan, seed=1, **sizes)
        kg = build(plan)
        driver = chromium()
        driver.set_script_timeout(120)
        try:
            for layout in ("force", "rainbow"):
                t = time.perf_counter()
                page = render_map(kg, layout=layout)
                render_s = time.perf_counter() - t
                path = Path(tmp) / f"{layout}.html"
                path.write_text(page.html, encoding="utf-8")
                results["views"][layout] = {"render_s": round(render_s, 3), "nodes": page.nodes,
                                            "edges": page.edges, "html_mb": round(len(page.html) / 1e6, 2),
                                            **time_page(driver, path)}
        finally:
            driver.quit()
    for layout, r in results["views"].items():
        print(f"{layout:8} nodes {r['nodes']:5}  edges {r['edges']:6}  render {r['render_s']:6.2f} s  "
              f"interactive {r['interactive_s']:6.2f} s  focus {r['focus_s']:5.2f} s  {r['html_mb']} MB")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
