"""How the map scales: drawn nodes and time to interactive in headless Chromium.

Run:  python benchmarks/bench_viz.py [--quick] [--json out.json]

Builds the national-scale plan from `kraftgraf synth` (290 municipalities,
21 regions, 1000 initiatives), writes the default map, the rainbow map and two
focus views, opens each in Debian's headless Chromium and measures, in the same run:

- the time to render the HTML in Python,
- the time from navigation until the page answers (vis-network has drawn once
  and `window.kraftgraf.ready` is set), and until a search focuses a node,
- the nodes drawn in the overview and with every focus area unfolded,
- the pairs of drawn labels that overlap, as vis-network measured them (target 0).

Targets (issues 4 and 15): at most 2,000 drawn nodes in every view, unfolded too,
and interactive within 5 s.  The whole `kraftgraf viz` process is timed against
`kraftgraf build` of the same plan outside this script (see README.md).
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
from kraftgraf.graph.views.map import find_node, render_map


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
    focus_s = round(time.perf_counter() - t, 3)
    overview = driver.execute_script("return window.kraftgraf.drawnNodes()")
    overlaps = driver.execute_script(LABELS_OVERLAPPING)
    driver.find_element("id", "unfold-all").click()
    return {"interactive_s": round(ready, 3), "focus_s": focus_s, "drawn_nodes": overview,
            "unfolded_nodes": driver.execute_script("return window.kraftgraf.drawnNodes()"),
            "labels_overlapping": overlaps}


LABELS_OVERLAPPING = """
var b = window.kraftgraf.labelBoxes(), n = 0;
for (var i = 0; i < b.length; i++) for (var j = i + 1; j < b.length; j++)
  if (b[i].left < b[j].left + b[j].width && b[j].left < b[i].left + b[i].width &&
      b[i].top < b[j].top + b[j].height && b[j].top < b[i].top + b[i].height) n++;
return n;"""
VIEWS = {"force": {}, "rainbow": {"layout": "rainbow"},
         "focus-staten": {"layout": "rainbow", "focus": "Staten", "depth": 2},
         "focus-arbetsmiljo": {"focus": "Arbetsmiljö", "depth": 3}}


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
            for view, options in VIEWS.items():
                options = dict(options)
                t = time.perf_counter()
                focus = find_node(kg, options.pop("focus")) if "focus" in options else None
                page = render_map(kg, focus_node=focus, **options)
                render_s = time.perf_counter() - t
                path = Path(tmp) / f"{view}.html"
                path.write_text(page.html, encoding="utf-8")
                results["views"][view] = {"render_s": round(render_s, 3), "nodes": page.nodes,
                                          "edges": page.edges, "html_mb": round(len(page.html) / 1e6, 2),
                                          **time_page(driver, path)}
        finally:
            driver.quit()
    for view, r in results["views"].items():
        print(f"{view:17} nodes {r['nodes']:5}  edges {r['edges']:6}  render {r['render_s']:6.2f} s  "
              f"interactive {r['interactive_s']:6.2f} s  focus {r['focus_s']:5.2f} s  {r['html_mb']} MB  "
              f"drawn {r['drawn_nodes']:5} (unfolded {r['unfolded_nodes']:5})  "
              f"overlapping labels {r['labels_overlapping']}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
