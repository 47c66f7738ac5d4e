"""The report's rainbow: every ring named, no two labels overlapping, what is left out said in the picture.

Overlap is measured as matplotlib draws it: each text's window extent from the
figure's own renderer.  The glyphs of one ring's name share a ``gid`` and are one
label; any other two labels must not touch.
"""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import combinations

import pytest

from kraftgraf.graph.store.build import build
from kraftgraf.graph.store.plans import add_plan
from kraftgraf.graph.store.synth import write_synth
from kraftgraf.graph.views.map_data import layer_order
from kraftgraf.graph.views.report_images import rainbow_figure


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    """The seed plan and a small synthetic one in one store: two plans' codes on one rainbow."""
    path = tmp_path_factory.mktemp("rainbow") / "small.ttl"
    write_synth(path, initiatives=30)
    kg = build()
    add_plan(kg, "small", path)
    return kg


def labels(fig) -> dict[str, list]:
    """Each drawn label's boxes in pixels, by its gid (a ring's name is one box per glyph)."""
    renderer = fig.canvas.get_renderer()
    boxes: dict[str, list] = defaultdict(list)
    for text in fig.findobj(lambda a: hasattr(a, "get_text") and a.get_visible() and a.get_text().strip()):
        assert text.get_gid(), f"a label with no gid: {text.get_text()!r}"
        boxes[text.get_gid()].append(text.get_window_extent(renderer))
    return boxes


def overlapping(boxes: dict[str, list]) -> list[tuple[str, str]]:
    return [(a, b) for (a, in_a), (b, in_b) in combinations(boxes.items(), 2)
            if any(p.overlaps(q) for p in in_a for q in in_b)]


@pytest.mark.parametrize("store", ["seed_kg", "mixed"])
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_no_two_labels_overlap_and_every_ring_is_named(store, lang, request):
    import matplotlib.pyplot as plt

    kg = request.getfixturevalue(store)
    fig = rainbow_figure(kg, lang)
    try:
        boxes = labels(fig)
        assert overlapping(boxes) == []
        assert {f"ring-{k}" for k in set(layer_order(kg).values())} <= set(boxes)
    finally:
        plt.close(fig)


@pytest.mark.parametrize("store", ["seed_kg", "mixed"])
def test_the_line_under_the_rings_counts_what_has_no_name(store, request):
    import matplotlib.pyplot as plt

    kg = request.getfixturevalue(store)
    fig = rainbow_figure(kg, "en")
    try:
        marks = {c.get_gid(): len(c.get_offsets()) for c in fig.axes[0].collections if c.get_gid()}
        drawn = labels(fig)
        said = " ".join(t.get_text() for t in fig.axes[0].texts if t.get_gid() == "left-out")
        coded = sum(1 for gid in drawn if "/initiative/" in gid)
        named = sum(1 for gid in drawn if "/determinant/" in gid)
        codes, unnamed = (re.search(rf"{words}: (\d+)", said) for words in ("without a code", "unnamed"))
        assert coded + (int(codes.group(1)) if codes else 0) == marks["initiatives"]
        assert named + (int(unnamed.group(1)) if unnamed else 0) == marks["determinants"]
        assert not codes or "Sectors per initiative" in said  # where the codes left out are
    finally:
        plt.close(fig)


@pytest.fixture(scope="module")
def many_commitments(tmp_path_factory):
    """A plan with over 600 commitments, which the map draws as weighted links instead of nodes."""
    path = tmp_path_factory.mktemp("rainbow") / "many.ttl"
    write_synth(path, municipalities=12, regions=4, initiatives=100, seed=5)
    return build(path)


@pytest.mark.parametrize("store", ["seed_kg", "mixed", "many_commitments"])
def test_the_rainbow_places_and_marks_what_the_map_places_and_marks(store, request):
    """The report's light graph puts every initiative and determinant where the map's rainbow does."""
    from kraftgraf.graph.views.map_data import (
        COMMITMENT_NODES_UP_TO,
        map_graph,
        rainbow_positions,
        unowned_nodes,
    )
    from kraftgraf.graph.views.report_images import rainbow_graph

    kg = request.getfixturevalue(store)
    commitments = sum(d["kind"] == "Commitment" for _, d in kg.projection().nodes(data=True))
    if store != "mixed":  # the map draws commitments as nodes on the seed plan, as links on the larger
        assert (commitments > COMMITMENT_NODES_UP_TO) == (store == "many_commitments")
    layers = layer_order(kg)
    full = map_graph(kg)
    light, gaps = rainbow_graph(kg)
    drawn = {n for n, d in full.nodes(data=True) if d["kind"] in ("Initiative", "Determinant")}
    assert drawn == {n for n, d in light.nodes(data=True) if d["kind"] in ("Initiative", "Determinant")}
    assert gaps == unowned_nodes(full) and gaps
    on_map, here = rainbow_positions(full, layers), rainbow_positions(light, layers)
    assert {n: on_map[n] for n in drawn} == {n: here[n] for n in drawn}
    assert all(light.nodes[n] == full.nodes[n] for n in drawn)
