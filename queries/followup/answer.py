"""followup: what the plan can be followed up with, and what it cannot.

The memo asks for "utfallsfokuserat" work and says earlier programmes could not
show whether their goals were met.  Indicators are public statistics
(``data/indicators.csv``: Folkhälsomyndigheten's Folkhälsodata tables, Kolada's key
figures), linked to the focus areas and initiatives whose progress they would show
(``data/indicator_links.csv``, each link with its reason).

- ``unfollowed``: goals, focus areas and initiatives with no indicator of their own;
  ``status`` says whether something above or below them has one (an initiative
  followed only through its focus area, a goal only through its focus areas);
- ``followed``: those with an indicator, and which;
- ``unused``: indicators nothing in the plan uses.

Examples
--------
>>> from kraftgraf.graph.store.build import build
>>> parts = {s.key: s for s in sections(build())}
>>> [r.id for r in parts["unused"].rows]
['fohm-saknar-praktiskt-stod', 'fohm-saknar-tillit']

"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.queries.backend import Backend, backend_of
from kraftgraf.queries.common import Section, cite, listing, short

__all__ = ["Unfollowed", "Followed", "UnusedIndicator", "sections"]

KINDS = {"Goal": "goal", "FocusArea": "focus area", "Initiative": "initiative"}


@dataclass(frozen=True)
class Unfollowed:
    """A goal, focus area or initiative with no indicator of its own."""

    kind: str
    code: str
    label: str
    status: str
    why: str
    sources: list[str]


@dataclass(frozen=True)
class Followed:
    """A goal, focus area or initiative with the indicators that follow it."""

    kind: str
    code: str
    label: str
    indicators: str
    why: str
    sources: list[str]


@dataclass(frozen=True)
class UnusedIndicator:
    """An indicator no focus area or initiative of the plan uses."""

    id: str
    label: str
    publisher: str
    identifier: str
    why: str
    sources: list[str]


class _Plan:
    """Items, their parents and children, and their indicators, from two listings."""

    def __init__(self, b: Backend):
        self.b = b
        self.kind, self.parent, self.order = {}, {}, {}
        self.indicators, self.links, self.reasons = defaultdict(set), {}, {}
        for r in b.rows("followup_items"):
            item = r["item"]
            self.kind[item] = r["kind"]
            if r["parent"]:
                self.parent[item] = r["parent"]
            if r["order"] is not None:
                self.order[item] = int(r["order"])
            if r["indicator"]:
                self.indicators[item].add(r["indicator"])
                self.links[item, r["indicator"]] = r["link"]
                self.reasons[item, r["indicator"]] = r["reason"] or ""
        self.meta: dict[str, tuple[str, str, str]] = {}  # indicator -> (publisher, id, url)
        self.used: defaultdict[str, set[str]] = defaultdict(set)  # indicator -> its users
        for r in b.rows("followup_indicators"):
            self.meta[r["indicator"]] = (r["publisher"] or "", r["identifier"] or "", r["url"] or "")
            self.used[r["indicator"]]
            if r["item"] and r["item"] in self.kind:  # a link to an item of a plan not in the store
                self.used[r["indicator"]].add(r["item"])
        self.children = defaultdict(set)
        for item, parent in self.parent.items():
            self.children[parent].add(item)

    def below(self, item: str) -> set[str]:
        """Everything under ``item`` (a goal's focus areas and their initiatives)."""
        found, todo = set(), list(self.children[item])
        while todo:
            x = todo.pop()
            if x not in found:
                found.add(x)
                todo.extend(self.children[x])
        return found

    def above(self, item: str) -> list[str]:
        """The item's parent, its parent's parent, and so on up."""
        found, x = [], self.parent.get(item)
        while x and x not in found:
            found.append(x)
            x = self.parent.get(x)
        return found

    def in_order(self):
        rank = {"Goal": 0, "FocusArea": 1, "Initiative": 2}
        return sorted(self.kind, key=lambda i: (rank.get(self.kind[i], 3), self.order.get(i, 1 << 30),
                                                short(i), i))


def _names(b: Backend, nodes) -> str:
    return listing(sorted(b.label(n) for n in nodes))


def _unfollowed(p: _Plan) -> list[Unfollowed]:
    b, rows = p.b, []  # each row's fields and the item whose quotes it cites
    for item in p.in_order():
        if p.indicators[item]:
            continue
        kind, code = KINDS.get(p.kind[item], p.kind[item]), short(item)
        up = [x for x in p.above(item) if p.indicators[x]]
        down = sorted((x for x in p.below(item) if p.indicators[x]), key=short)
        if up:
            status = f"only through {KINDS.get(p.kind[up[0]], 'parent')} {short(up[0])}"
            how = (f"its {KINDS.get(p.kind[up[0]], 'parent')} {short(up[0])} is followed by "
                   f"{_names(b, p.indicators[up[0]])}, which says nothing of this {kind} alone")
        elif down:
            status = f"only through {listing([short(x) for x in down])}"
            how = f"only {listing([short(x) for x in down])}, under it, have indicators"
        else:
            status, how = "none", "nothing above or below it has one either"
        why = f"No indicator follows {kind} {code} itself; {how}."
        rows.append((kind, code, b.label(item), status, why, item))
    known = b.quotes([r[-1] for r in rows])  # one query for every row's quotes (a national plan: 1,000 rows)
    return [Unfollowed(*r[:-1], cite(b, [r[-1]], known)) for r in rows]


def _followed(p: _Plan) -> list[Followed]:
    b, rows = p.b, []
    for item in p.in_order():
        if not p.indicators[item]:
            continue
        kind, code, found = KINDS.get(p.kind[item], p.kind[item]), short(item), sorted(p.indicators[item])
        reasons = " ".join(f"{b.label(i)} ({' '.join(p.meta.get(i, ('', ''))[:2])}): {p.reasons[item, i]}"
                           for i in found if p.reasons[item, i])
        why = f"{kind.capitalize()} {code} is followed by {_names(b, found)}. {reasons}".strip()
        rows.append(Followed(kind, code, b.label(item), "; ".join(map(short, found)), why,
                             cite(b, [*(p.links[item, i] for i in found), *found])))
    return rows


def _unused(p: _Plan) -> list[UnusedIndicator]:
    b, rows = p.b, []
    for indicator in sorted((i for i, items in p.used.items() if not items), key=short):
        publisher, identifier, url = p.meta[indicator]
        why = (f"No focus area or initiative of the plan is linked to '{b.label(indicator)}' ({publisher} "
               f"{identifier}, {url}): it is published, but nothing in the plan says it would show progress.")
        rows.append(UnusedIndicator(short(indicator), b.label(indicator), publisher, identifier, why,
                                    cite(b, [indicator])))
    return rows


def sections(kg: KnowledgeGraph | Backend) -> list[Section]:
    """The answer to ``kraftgraf query followup``."""
    p = _Plan(backend_of(kg))
    return [
        Section("unfollowed", "Goals, focus areas and initiatives with no indicator",
                "Nothing public is named that would show whether this part of the plan makes progress. "
                "status: 'none', or 'only through' a part above or below it that has one.",
                _unfollowed(p), ("kind", "code", "label", "status")),
        Section("followed", "What the plan can be followed up with",
                "Each part of the plan that has an indicator, and which (data/indicator_links.csv).",
                _followed(p), ("kind", "code", "label", "indicators")),
        Section("unused", "Indicators nothing in the plan uses",
                "Public indicators in data/indicators.csv that no focus area or initiative is linked to.",
                _unused(p), ("id", "label", "publisher", "identifier")),
    ]
