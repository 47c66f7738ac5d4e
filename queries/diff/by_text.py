"""Pair the items of two plans by what they say, for plans whose ids say little.

Two plans that share few initiative ids (another plan, or one renumbered) cannot be
matched by id: the same code may name unrelated rows.  Then each initiative of
the old plan is paired with the new plan's initiative whose text is most like
its own (its name and outcomes), and within each pair of initiatives each
outcome and commitment with the most alike of its kind; an open commitment with
the new initiative's open commitment for the same actor.  "Most alike" is one
assignment for all at once (scipy's ``linear_sum_assignment``, the Hungarian
method), so no item is paired twice; a pair counts only when its texts score
at least :data:`MATCH_AT` (rapidfuzz's ``ratio`` of the texts cut to word stems,
as :func:`kraftgraf.queries.diff.answer.score` says).  What pairs with nothing is
added or dropped.

Examples
--------
>>> from kraftgraf.queries.diff.answer import Item
>>> old = {"1": Item("n1", "initiative", "1", "Stöd till efterlevande", "", "1", "A")}
>>> new = {"X7": Item("n2", "initiative", "X7", "Stöd till de efterlevande", "", "X7", "B"),
...        "X8": Item("n3", "initiative", "X8", "Ett annat initiativ", "", "X8", "B")}
>>> pairs_by_text(old, new)
[Pair(old='1', new='X7', score=92.3)]

"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process
from scipy.optimize import linear_sum_assignment

from kraftgraf.queries.text_similarity import normalise

if TYPE_CHECKING:
    from kraftgraf.queries.diff.answer import Item

__all__ = ["MATCH_AT", "Pair", "pairs_by_text"]

MATCH_AT = 60.0  # how alike (0–100) two texts must be to be taken for one item


@dataclass(frozen=True)
class Pair:
    """An old item and the new item taken for it, and how alike their texts are (None: by id)."""

    old: str
    new: str
    score: float | None


def _best(olds: list[str], news: list[str], text: Callable[[str, bool], str]) -> list[Pair]:
    """The pairs of one assignment of ``olds`` to ``news`` by text, each scoring at least MATCH_AT."""
    if not olds or not news:
        return []
    scores = process.cdist([normalise(text(o, True)) for o in olds],
                           [normalise(text(n, False)) for n in news], scorer=fuzz.ratio, workers=1)
    rows, columns = linear_sum_assignment(scores, maximize=True)
    return [Pair(olds[r], news[c], round(float(scores[r, c]), 1)) for r, c in zip(rows, columns)
            if scores[r, c] >= MATCH_AT]


def pairs_by_text(before: dict[str, Item], after: dict[str, Item]) -> list[Pair]:
    """Old id -> new id for every item the two plans' texts pair (initiatives first)."""
    def children(items: dict[str, Item], initiative: str, kind: str) -> list[str]:
        return sorted(k for k, i in items.items() if i.initiative == initiative and i.kind == kind
                      and i.kind != "initiative")

    def whole(items: dict[str, Item], code: str) -> str:  # an initiative's name and outcomes
        return " ".join([items[code].text, *(items[o].text for o in children(items, code, "outcome"))])

    initiatives = _best(sorted(k for k, i in before.items() if i.kind == "initiative"),
                        sorted(k for k, i in after.items() if i.kind == "initiative"),
                        lambda code, old: whole(before if old else after, code))
    out = list(initiatives)
    for pair in initiatives:
        for kind in ("outcome", "commitment"):
            out += _best(children(before, pair.old, kind), children(after, pair.new, kind),
                         lambda code, old: (before if old else after)[code].text)
        open_new = {after[k].actor: k for k in children(after, pair.new, "open commitment")}
        out += [Pair(k, open_new[before[k].actor], 100.0)
                for k in children(before, pair.old, "open commitment") if before[k].actor in open_new]
    return out
