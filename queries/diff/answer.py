"""What changed between two plans: initiatives, outcomes and commitments added, dropped, reassigned, reworded.

Each side is a plan file (.ttl/.nt) or a store (.trig/.nq) and, in a store, one of
its plans.  Initiatives, their outcomes and commitments (open ones too) are matched by their id
(``kg:code``, else the tail of the IRI), which the loaders keep stable between
builds.  With the same id:

- **reassigned**: a commitment has another actor or another initiative, an outcome
  another initiative, or an initiative sits in another focus area;
- **reworded**: the text changed (an open commitment's placeholder does not count);
  ``score`` is how alike the two texts still are,
  0–100 (rapidfuzz's ``ratio`` of the texts cut to Swedish Snowball stems, as in
  :mod:`kraftgraf.queries.text_similarity`, so a new word form alone scores high).

When the two plans share few initiative ids (another plan, or one renumbered), an
id says little: the items are then paired by their texts instead
(:mod:`kraftgraf.queries.diff.by_text`), a section ``matched`` lists each pair
with how alike its texts are, and a changed item's id reads "old → new".

Examples
--------
>>> from kraftgraf.graph.store.build import build
>>> plan = build()
>>> [len(s.rows) for s in sections(Side(plan, "a"), Side(plan, "b"))]
[0, 0, 0, 0]

"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rapidfuzz import fuzz
from rdflib import URIRef

from kraftgraf.errors import DataError, NotFoundError
from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.graph.store.plans import plan_graph_name, plan_keys
from kraftgraf.queries.common import Section, quotes_of, rq_text, run_rq, short
from kraftgraf.queries.diff.by_text import MATCH_AT, Pair, pairs_by_text
from kraftgraf.queries.text_similarity import normalise

__all__ = ["COLUMNS", "Change", "Item", "Side", "open_side", "items", "diff", "sections"]

# The columns of a change in every shape (table, JSON, CSV): the old text before the new one.
COLUMNS = ("kind", "id", "initiative", "old", "new", "score")

KINDS = {"Initiative": "initiative", "Outcome": "outcome", "Commitment": "commitment",
         "OpenCommitment": "open commitment"}


@dataclass(frozen=True)
class Change:
    """One initiative or commitment that differs between the old and the new plan."""

    kind: str
    id: str
    initiative: str
    old: str
    new: str
    score: float | None
    why: str
    sources: list[str]


@dataclass(frozen=True)
class Item:
    """An initiative or commitment as the diff sees it."""

    node: str
    kind: str
    id: str
    text: str
    actor: str
    initiative: str
    focus: str


@dataclass(frozen=True)
class Side:
    """One side of a diff: a store and the named graph of the plan in it, and a name for people."""

    kg: KnowledgeGraph
    name: str
    graph: str | None = None  # None: the plan's graph is the store's only plan


def open_side(path: str | Path, plan: str | None = None) -> Side:
    """A plan file, or a store and (``plan``, needed when it holds several) one of its plans."""
    path = Path(path)
    kg = KnowledgeGraph.load(path)
    if path.suffix.lower() in (".ttl", ".nt"):
        if plan is not None:
            raise DataError(f"{path}: --plan chooses a plan inside a store (.trig/.nq); "
                            "this is a plan file")
        return Side(kg, str(path), graph_of_file(kg).value)
    keys = plan_keys(kg)
    if plan is None:
        if len(keys) != 1:
            held = ", ".join(keys) or "none"
            raise DataError(f"{path} holds {len(keys)} plans ({held}); choose one with --plan")
        plan = keys[0]
    try:
        return Side(kg, f"{path} ({plan})", plan_graph_name(kg, plan).value)
    except NotFoundError as exc:
        raise NotFoundError(f"{path}: {exc}") from None


def graph_of_file(kg: KnowledgeGraph) -> ox.NamedNode:
    """The one named graph a plan file was read into."""
    return next(g for g in kg.store.named_graphs() if isinstance(g, ox.NamedNode))


def items(side: Side) -> dict[str, Item]:
    """Id -> the initiatives and commitments of the side's plan."""
    graph = side.graph or plan_graph_name(side.kg, plan_keys(side.kg)[0]).value
    rows = sorted(run_rq(side.kg, rq_text("diff_items"), g=URIRef(graph)),
                  key=lambda r: r["label_lang"] not in ("sv", "", None))  # a Swedish name first, as kg.label
    codes = {r["node"]: r["code"] or short(r["node"]) for r in rows if r["type"].endswith("#Initiative")}
    found: dict[str, Item] = {}
    for r in rows:
        code = r["code"] or short(r["node"])
        text = r["text"] or r["label"] or ""
        initiative = codes.get(r["initiative"], short(r["initiative"] or "")) if r["initiative"] else code
        found.setdefault(code, Item(r["node"], KINDS[short(r["type"])], code, text,
                                    short(r["actor"] or ""), initiative, short(r["focus"] or "")))
    return found


def score(a: str, b: str) -> float:
    """How alike two texts are, 0–100: rapidfuzz's ``ratio`` of their word stems."""
    return round(fuzz.ratio(normalise(a), normalise(b)), 1)


def _moves(b: Item, a: Item, by_text: bool) -> list[tuple[str, str, str]]:
    """What a kept item changed in where it sits: (what, old, new).

    Paired by text, the two plans' codes for focus areas and initiatives are not
    comparable (nor need they be: the pair is by its texts); an actor id is.
    """
    pairs = [("actor", b.actor, a.actor)]
    if not by_text:
        pairs.append(("focus area", b.focus, a.focus))
        if b.kind != "initiative":
            pairs.append(("initiative", b.initiative, a.initiative))
    return [p for p in pairs if p[1] != p[2]]


ORDER = ("initiative", "outcome", "commitment", "open commitment")


def _ordered(ids, known: dict[str, Item]) -> list[str]:
    """Initiatives first, then outcomes, then commitments, each by id."""
    return sorted(ids, key=lambda i: (ORDER.index(known[i].kind), i))


SHARED_FEW = 0.5  # below this share of the smaller plan's initiative ids in common: pair by text


def _share(before: dict[str, Item], after: dict[str, Item]) -> tuple[int, int, int, float] | None:
    """(ids shared, old initiatives, new initiatives, share of the smaller plan's), None without any."""
    olds = {k for k, i in before.items() if i.kind == "initiative"}
    news = {k for k, i in after.items() if i.kind == "initiative"}
    if not olds or not news:
        return None
    shared = len(olds & news)
    return shared, len(olds), len(news), shared / min(len(olds), len(news))


def _pairs(before: dict[str, Item], after: dict[str, Item]) -> tuple[list[Pair], bool]:
    """The old and new items taken for one another, and whether they were paired by text."""
    share = _share(before, after)
    if share is not None and share[3] < SHARED_FEW:
        return pairs_by_text(before, after), True
    return [Pair(i, i, None) for i in _ordered(set(before) & set(after), after)], False


def diff(old: Side, new: Side) -> dict[str, list[Change]]:
    """The changes from ``old`` to ``new``: 'added', 'dropped', 'reassigned' and 'reworded'.

    Paired by text (the plans share few ids), also 'matched': every pair, with its score.
    """
    before, after = items(old), items(new)
    q_old = quotes_of(old.kg, [i.node for i in before.values()])
    q_new = quotes_of(new.kg, [i.node for i in after.values()])
    pairs, by_text = _pairs(before, after)
    out: dict[str, list[Change]] = {"added": [], "dropped": [], "reassigned": [], "reworded": []}
    if by_text:
        out["matched"] = []
        pairs.sort(key=lambda p: (ORDER.index(after[p.new].kind), p.new))
    unlike = " (nor one whose text is like it)." if by_text else "."
    for i in _ordered(set(after) - {p.new for p in pairs}, after):
        a = after[i]
        out["added"].append(Change(a.kind, i, a.initiative, "", a.text, None,
                                   f"{new.name} has {a.kind} {i}; {old.name} does not{unlike}",
                                   q_new[a.node]))
    for i in _ordered(set(before) - {p.old for p in pairs}, before):
        b = before[i]
        out["dropped"].append(Change(b.kind, i, b.initiative, b.text, "", None,
                                     f"{old.name} has {b.kind} {i}; {new.name} does not{unlike}",
                                     q_old[b.node]))
    for pair in pairs:
        b, a = before[pair.old], after[pair.new]
        i = pair.new if pair.old == pair.new else f"{pair.old} → {pair.new}"
        sources = list(dict.fromkeys(q_old[b.node] + q_new[a.node]))
        paired = (f", paired by text with {b.kind} {pair.old} of {old.name} ({pair.score:g}% alike)"
                  if by_text else "")
        if by_text:
            out["matched"].append(Change(
                a.kind, i, a.initiative, b.text, a.text, pair.score,
                f"{a.kind.capitalize()} {pair.new} of {new.name}{paired}: the plans share few ids, so items "
                f"are paired by what they say (at least {MATCH_AT:g}% alike, word stems compared).", sources))
        moves = _moves(b, a, by_text)
        if moves:
            was = "; ".join(f"{what} {x or '—'} → {y or '—'}" for what, x, y in moves)
            kept = paired if by_text else " keeps its id but"
            out["reassigned"].append(Change(
                a.kind, i, a.initiative, ", ".join(x for _, x, _ in moves), ", ".join(y for _, _, y in moves),
                None, f"{a.kind.capitalize()} {pair.new}{kept} moved: {was}.", sources))
        placeholders = b.kind == a.kind == "open commitment"  # "…" and "• .." say the same
        if (b.text != a.text and not placeholders) or b.kind != a.kind:
            alike = score(b.text, a.text)
            was = f" (was an {b.kind})" if b.kind != a.kind else ""
            out["reworded"].append(Change(
                a.kind, i, a.initiative, b.text, a.text, alike,
                f"{a.kind.capitalize()} {pair.new}{was}{paired} says something else now; the texts are "
                f"{alike:g}% alike (word stems compared).", sources))
    return out


def _shared_ids(old: Side, new: Side) -> Change | None:
    """A warning row when the plans share few initiative ids: then items are paired by text."""
    share = _share(items(old), items(new))
    if share is None or share[3] >= SHARED_FEW:
        return None
    shared, olds, news, part = share
    why = (f"{old.name} and {new.name} share {shared} of their initiative ids ({olds} and {news}): an id "
           "may name unrelated rows in two plans, so items are paired by their texts instead (section "
           "matched, each pair with how alike its texts are); an item with no text like it is added or "
           "dropped. Are these two versions of one plan?")
    return Change("warning", "", "", f"{olds} initiatives", f"{news} initiatives", round(100 * part, 1),
                  why, [])


def sections(old: Side, new: Side) -> list[Section]:
    """The answer to `kraftgraf diff OLD NEW`; ``warning`` and ``matched`` when the plans share few ids."""
    found = diff(old, new)
    columns = COLUMNS[:-1]
    warning = _shared_ids(old, new)
    return ([Section("warning", "Few ids in common",
                     "The plans share few initiative ids; score: the share in common (%).",
                     [warning], COLUMNS),
             Section("matched", "Paired by text",
                     "Items paired by what they say, not by id; id: old → new where they differ; "
                     "score: how alike the texts are (0–100, word stems compared).",
                     found["matched"], COLUMNS)] if warning else []) + [
        Section("added", "Added", f"In {new.name}, not in {old.name}.", found["added"],
                ("kind", "id", "new")),
        Section("dropped", "Dropped", f"In {old.name}, not in {new.name}.", found["dropped"],
                ("kind", "id", "old")),
        Section("reassigned", "Reassigned",
                "Same id, another actor or initiative (a commitment) or focus area (an initiative).",
                found["reassigned"], columns),
        Section("reworded", "Reworded",
                "Same id, other text; score: how alike the texts are (0–100, word stems compared).",
                found["reworded"], COLUMNS),
    ]
