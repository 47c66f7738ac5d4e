"""compare: which determinants, and which Dahlgren–Whitehead layers, one plan covers and another not.

A plan covers a determinant when one of its initiatives (``kg:Initiative`` in the
plan's named graph) addresses it (``kg:addresses``, ``compare_plan_determinants.rq``),
and a layer when it covers a determinant in it.  Comparing an earlier plan with a
later one gives four parts: what the later plan covers that the earlier did not,
what the earlier covered that the later does not, and the same for layers.  Each
row counts the initiatives that cover it, names them (``initiatives``; the first
eight in ``why``) and quotes the links it rests on; ``why`` also names the
initiatives whose link is our reading rather than stated in the row
(``kg:confidence``).

Suggested links (`kraftgraf suggest`) do not count until a person confirms them,
unless ``suggested=True`` (`--with-suggestions`): then a plan without curated links
(an imported one) can be compared too, and each row says which initiatives count
only by a suggestion, quoting the text its keywords matched.

Examples
--------
>>> from kraftgraf.graph.store.build import build
>>> from kraftgraf.graph.store.plans import add_plan
>>> kg = add_plan(build(), "copy")
>>> [len(s.rows) for s in sections(kg, "kraftsamling-2019", "copy")]
[0, 0, 0, 0]

"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace

from rdflib import URIRef

from kraftgraf.errors import DataError
from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.graph.store.plans import PLAN_GRAPHS, plan_graph_name, select_plan
from kraftgraf.ontology.vocab import KG, determinant_iri
from kraftgraf.queries.basis import basis_section, link_gap
from kraftgraf.queries.common import Section, cite, listing, rq_text, run_rq, short

__all__ = ["CoverageChange", "Coverage", "plan_coverage", "compare", "sections"]

MAX_SOURCES = 6  # quotes per row; `kraftgraf trace` has them all


@dataclass(frozen=True)
class CoverageChange:
    """A determinant or layer one plan covers and the other does not."""

    id: str
    label: str
    layer: str
    count: int
    initiatives: list[str]
    why: str
    sources: list[str]


@dataclass
class Coverage:
    """What one plan covers: determinant -> its initiatives and links; layer -> its determinants."""

    key: str
    initiatives: dict[str, set] = field(default_factory=lambda: defaultdict(set))
    links: dict[str, list] = field(default_factory=lambda: defaultdict(list))
    layers: dict[str, set] = field(default_factory=lambda: defaultdict(set))
    layer_of: dict[str, str] = field(default_factory=dict)
    order: dict[str, int] = field(default_factory=dict)
    suggested: dict[str, set] = field(default_factory=lambda: defaultdict(set))  # det -> initiatives
    quotes: dict[str, list] = field(default_factory=lambda: defaultdict(list))  # det -> matched texts
    read: dict[str, set] = field(default_factory=lambda: defaultdict(set))  # det -> initiatives, our reading

    def add(self, det: str, layer: str, order: int, code: str) -> None:
        """Count initiative ``code`` as covering ``det`` in ``layer``."""
        self.initiatives[det].add(code)
        self.layers[layer].add(det)
        self.layer_of[det], self.order[layer] = layer, order


def plan_coverage(kg: KnowledgeGraph, key: str, suggested: bool = False) -> Coverage:
    """The determinants and layers plan ``key`` covers (unknown key: NotFoundError).

    With ``suggested``, the links `kraftgraf suggest` proposes count as well.
    """
    graph = URIRef(plan_graph_name(kg, key).value)
    cover = Coverage(key)
    for r in run_rq(kg, rq_text("compare_plan_determinants"), g=graph, plan_graphs=PLAN_GRAPHS):
        cover.add(r["determinant"], r["layer"], r["order"], r["code"] or short(r["initiative"]))
        if r["link"]:
            cover.links[r["determinant"]].append(r["link"])
        if r["confidence"] == "our reading":
            cover.read[r["determinant"]].add(r["code"] or short(r["initiative"]))
    if suggested:
        from kraftgraf.queries.suggest.answer import suggestions

        for s in suggestions(select_plan(kg, key)):
            det = determinant_iri(s.determinant)
            layer = kg.dataset.value(det, KG.layer)
            order = kg.dataset.value(layer, KG.order)
            if order is None:
                raise DataError(f"{layer}: a determinant layer without kg:order")
            cover.add(str(det), str(layer), int(str(order)), s.initiative)
            cover.suggested[str(det)].add(s.initiative)
            cover.quotes[str(det)].extend(s.sources)
    return cover


def _sources(kg: KnowledgeGraph, cover: Coverage, dets) -> list[str]:
    quotes = cite(kg, [link for d in dets for link in cover.links[d]])
    return list(dict.fromkeys(quotes + [q for d in dets for q in cover.quotes[d]]))[:MAX_SOURCES]


def _suggested(cover: Coverage, dets) -> str:
    codes = _codes({c for d in dets for c in cover.suggested[d]})
    return f" Only suggested, not confirmed: {listing(codes)}." if codes else ""


def _read(cover: Coverage, dets) -> str:
    codes = _codes({c for d in dets for c in cover.read[d]})
    return f" By our reading, not stated in the row: {listing(codes)}." if codes else ""


def _codes(codes) -> list[str]:
    return sorted(codes, key=lambda c: (len(c), c))


def _determinant_rows(kg: KnowledgeGraph, has: Coverage, lacks: Coverage) -> list[CoverageChange]:
    rows = []
    for det in sorted(set(has.initiatives) - set(lacks.initiatives),
                      key=lambda d: (has.order[has.layer_of[d]], d)):
        codes = _codes(has.initiatives[det])
        none = (f"{lacks.key} has no determinant link yet, so this says nothing of what it covers "
                f"(run `kraftgraf suggest --plan {lacks.key}`, or compare --with-suggestions)"
                if not lacks.initiatives else f"no initiative of {lacks.key} does")
        why = (f"In {has.key}, {listing(codes)} address{'es' if len(codes) == 1 else ''} "
               f"{kg.label(URIRef(det))}; {none}.{_read(has, [det])}{_suggested(has, [det])}")
        rows.append(CoverageChange(short(det), kg.label(URIRef(det)), kg.label(URIRef(has.layer_of[det])),
                                   len(codes), codes, why, _sources(kg, has, [det])))
    return rows


def _layer_rows(kg: KnowledgeGraph, has: Coverage, lacks: Coverage) -> list[CoverageChange]:
    rows = []
    for layer in sorted(set(has.layers) - set(lacks.layers), key=lambda x: has.order[x]):
        dets = sorted(has.layers[layer])
        codes = _codes({c for d in dets for c in has.initiatives[d]})
        why = (f"{has.key} reaches the layer through {listing(dets, show=lambda d: kg.label(URIRef(d)))} "
               f"({listing(codes)}); no initiative of {lacks.key} addresses a determinant in it."
               f"{_read(has, dets)}{_suggested(has, dets)}")
        rows.append(CoverageChange(short(layer), kg.label(URIRef(layer)), kg.label(URIRef(layer)),
                                   len(codes), codes, why, _sources(kg, has, dets)))
    return rows


def compare(kg: KnowledgeGraph, earlier: str, later: str,
            suggested: bool = False) -> dict[str, list[CoverageChange]]:
    """Determinants and layers ``later`` covers that ``earlier`` did not (gained) and the reverse (lost)."""
    if earlier == later:
        raise DataError(f"compare needs two different plans (both are '{earlier}')")
    old, new = plan_coverage(kg, earlier, suggested), plan_coverage(kg, later, suggested)
    return {"gained": _determinant_rows(kg, new, old), "lost": _determinant_rows(kg, old, new),
            "layers_gained": _layer_rows(kg, new, old), "layers_lost": _layer_rows(kg, old, new)}


def _linked(kg: KnowledgeGraph, key: str, suggested: bool) -> bool:
    return bool(plan_coverage(kg, key, suggested).initiatives)


def sections(kg: KnowledgeGraph, earlier: str, later: str, suggested: bool = False) -> list[Section]:
    """The answer to `kraftgraf query compare EARLIER LATER`.

    A plan with no determinant link at all has lost nothing and gained nothing: its
    sections say "no links yet" instead, and a section ``basis`` counts the initiatives
    each plan has without a link.
    """
    found = compare(kg, earlier, later, suggested)
    columns = ("id", "label", "layer", "count")  # the initiatives: in why (--explain) and JSON
    bare = {key for key in (earlier, later) if not _linked(kg, key, suggested)}
    gaps = []
    for key in (earlier, later):
        gap = link_gap(select_plan(kg, key), f"in {key}: a determinant its unlinked initiatives address "
                                             "shows as not covered")
        if gap is not None:
            gaps.append(replace(gap, what=f"{key}: {gap.what}"))
    parts = _sections(found, earlier, later, columns)
    for part, lacking in zip(parts, (earlier, later, earlier, later)):
        if lacking in bare:
            parts[parts.index(part)] = replace(
                part, title=f"{part.title.split(' that ')[0]} — {lacking} has no links yet",
                explanation=f"{lacking} has no determinant link yet: these rows are not gained or lost, "
                            f"only not comparable (run `kraftgraf suggest --plan {lacking}`, or ask "
                            "with --with-suggestions). " + part.explanation)
    return parts + basis_section(*gaps)


def _sections(found, earlier: str, later: str, columns) -> list[Section]:
    return [
        Section("gained", f"Determinants {later} covers that {earlier} did not",
                f"Determinants an initiative of {later} addresses and no initiative of {earlier} does.",
                found["gained"], columns),
        Section("lost", f"Determinants {earlier} covered that {later} does not",
                f"Determinants an initiative of {earlier} addresses and no initiative of {later} does.",
                found["lost"], columns),
        Section("layers_gained", f"Layers {later} reaches that {earlier} did not",
                "Dahlgren–Whitehead layers (1991) with a determinant the later plan addresses "
                "and the earlier none.", found["layers_gained"], ("id", "label", "count")),
        Section("layers_lost", f"Layers {earlier} reached that {later} does not",
                "Dahlgren–Whitehead layers (1991) with a determinant the earlier plan addressed "
                "and the later none.", found["layers_lost"], ("id", "label", "count")),
    ]
