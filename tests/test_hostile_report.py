"""The report draws labels as the plain text they are: "$x$" is not mathematics, "\\" not TeX."""

from __future__ import annotations

from pathlib import Path

import matplotlib
import pytest
from rdflib import RDFS, Literal, URIRef
from rdflib.namespace import SKOS

from kraftgraf.graph.store.build import build
from kraftgraf.graph.views.report_images import rainbow_image

ACTOR = "https://w3id.org/kraftgraf/id/actor/"
LABELS = {  # three actors of the plan (the heat-map's rows), each renamed to something matplotlib would parse
    "staten": r"Staten $x$ \ \frac{",
    "civilsamhallet": r"$\undefinedcommand$ 100% & _ ^ # ~ {",
    "kommuner-och-regioner": "$$ $ \\$ \\\\ \\n",
}
LAYER = "https://w3id.org/kraftgraf/id/determinant/alder-kon-arv"  # a ring of the rainbow


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    kg = build()
    for key, label in LABELS.items():
        node = URIRef(ACTOR + key)
        for quad in list(kg.dataset.quads((node, SKOS.prefLabel, None))) + \
                list(kg.dataset.quads((node, RDFS.label, None))):
            kg.dataset.remove(quad)
        kg.graph("curated").add((node, SKOS.prefLabel, Literal(label, lang="sv")))
    for quad in list(kg.dataset.quads((URIRef(LAYER), SKOS.prefLabel, None))):
        kg.dataset.remove(quad)
    kg.graph("ontology").add((URIRef(LAYER), SKOS.prefLabel, Literal(r"Ålder $\alpha$ \ kön", lang="sv")))
    path = tmp_path_factory.mktemp("report") / "store.trig"
    kg.save(path)
    return kg, path


def test_labels_with_dollars_and_backslashes_make_a_report(store, run):
    kg, path = store
    assert {kg.label(URIRef(ACTOR + k)) for k in LABELS} == set(LABELS.values())
    result = run("report", "-o", "rapport.html", "--store", path)
    assert result.exit_code == 0, result.output
    page = Path("rapport.html").read_text(encoding="utf-8")  # `run` works in an empty folder
    assert page.count("data:image/png;base64,") == 1  # the rainbow
    heat = page.split('<table class="heat"')[1].split("</table>")[0]  # the actors' heat-map, as text
    assert '<th scope="row">Staten $x$ \\ \\frac{</th>' in heat
    assert "$\\undefinedcommand$ 100% &amp; _ ^ # ~ {</th>" in heat


def test_the_images_are_drawn_even_where_text_goes_to_tex_by_default(store):
    kg, _ = store
    with matplotlib.rc_context({"text.usetex": True}):  # a user's matplotlibrc; no TeX is installed here
        assert rainbow_image(kg).startswith("data:image/png;base64,")
