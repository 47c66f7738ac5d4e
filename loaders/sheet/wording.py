"""How the import's diff names an item and says what changed about it, in the sheet's own words.

Items are named by their ids and the store's labels ("initiative 1.1",
"commitment A2-staten-1 by Staten", "a link from initiative 1.1 to determinant
“Boende”"), and where the sheet has a column for a change, the line names it
(Målsättning, Fokusområde, Initiativ, Åtaganden, Motivering).
"""

from __future__ import annotations

from kraftgraf.loaders.sheet.side import ACTOR_KINDS
from kraftgraf.loaders.sheet.terms import KG, RDF, RDFS, SKOS, tail, text
from kraftgraf.loaders.sheet.triples import Triples

__all__ = ["KINDS", "tail", "items", "Words", "quoted", "added_line", "changed_lines"]

KINDS = {KG.Goal: "goal", KG.FocusArea: "focus area", KG.Initiative: "initiative",
         KG.Outcome: "outcome", KG.Commitment: "commitment", KG.OpenCommitment: "open commitment",
         KG.Actor: "actor", **{KG[kind]: "actor" for kind in ACTOR_KINDS},
         KG.Indicator: "indicator", RDF.Statement: "link"}



def items(g: Triples) -> dict:
    """Every item of a plan's graph -> its kind ('initiative', 'link', …)."""
    return {node: kind for cls, kind in KINDS.items() for node in g.subjects(RDF.type, cls)}


# The sheet's own words for where a change sits, beside the item it is in.
_COLUMN = {"goal": "Målsättning", "focus area": "Fokusområde", "initiative": "Initiativ",
           "outcome": "Åtaganden", "actor": "Aktörer"}
_TEXT = {RDFS.label, SKOS.prefLabel, KG.text}  # one text, which a node may say up to three ways
_PLACE = {KG.inFocusArea: "focus area", KG.partOf: "goal", KG.toInitiative: "initiative",
          KG.byActor: "actor"}
_LINK_TARGET = {KG.addresses: "determinant", KG.requiresChangeTo: "law", KG.measuredBy: "indicator"}


class Words:
    """How the diff names an item of ``g``: by the sheet's ids and the store's labels."""

    def __init__(self, g: Triples, label):
        self.g, self.label = g, label
        self.kinds = items(g)

    def ref(self, node) -> str:
        """'initiative 1.1', 'commitment A2-staten-1', 'goal 2'."""
        return f"{self.kinds.get(node, 'item')} {tail(node)}"

    def actor(self, commitment) -> str:
        """The commitment's actor as the sheet heads its column."""
        column = text(self.g.value(commitment, KG.column))
        return column or self.label(self.g.value(commitment, KG.byActor))

    def item(self, node, kind: str) -> str:
        """The item itself, e.g. 'outcome 2 of initiative 1.1' or 'commitment A1-staten-1 by Staten'."""
        g = self.g
        if kind == "outcome":
            n = tail(node).rpartition("-")[2]
            return f"outcome {n} of {self.ref(g.value(None, KG.hasOutcome, node))}"
        if kind == "commitment":
            return f"commitment {tail(node)} by {self.actor(node)}"
        if kind == "open commitment":
            return f"an open commitment for {self.actor(node)} in {self.ref(g.value(node, KG.toInitiative))}"
        if kind == "link":
            target, p = g.value(node, RDF.object), g.value(node, RDF.predicate)
            return (f"a link from {self.ref(g.value(node, RDF.subject))} to "
                    f"{_LINK_TARGET.get(p, 'item')} “{self.label(target)}”")
        return self.ref(node)

    def text(self, node) -> str:
        """What the item says: its name (each language's, Swedish first, ' / ' between), text or reason."""
        g = self.g
        tag = lambda v: v.language or ""  # noqa: E731
        names = sorted(g.objects(node, RDFS.label), key=lambda v: (tag(v) != "sv", tag(v), v.value))
        if names:
            return " / ".join(v.value for v in names)
        return text(g.value(node, KG.text)) or text(g.value(node, KG.reason))

    def where(self, kind: str) -> str:
        """' (Initiativ)': the sheet's column for an item of ``kind``, if it has one."""
        return f" ({_COLUMN[kind]})" if kind in _COLUMN else ""


def quoted(text: str) -> str:
    """A text in quotation marks, or 'nothing'."""
    return f"“{text}”" if text else "nothing"


def added_line(w: Words, node, kind: str) -> str:
    """An item added or dropped, e.g. 'initiative J1 in focus area I (Initiativ): “Ett nytt initiativ”'."""
    what = w.item(node, kind)
    if kind == "initiative":
        what += f" in {w.ref(w.g.value(node, KG.inFocusArea))}"
    elif kind == "focus area":
        what += f" in {w.ref(w.g.value(node, KG.partOf))}"
    text = w.text(node) if kind != "link" else ""
    return f"{what}{w.where(kind)}" + (f": {quoted(text)}" if text else "")


def changed_lines(old: Words, new: Words, node, kind: str, diff: set) -> list[tuple[str, str, str]]:
    """(line, old text, new text) for each way ``node`` changed: its text, its place, anything else."""
    out, predicates = [], {p for p, _ in diff}
    what = new.item(node, kind)
    if predicates & (_TEXT | {KG.reason}):
        was, now = old.text(node), new.text(node)
        if kind in ("goal", "focus area", "initiative", "actor"):
            line = f"the name of {what}{new.where(kind)}: {quoted(was)} → {quoted(now)}"
        elif kind == "link":
            line = f"the reason for {what} (Motivering): {quoted(was)} → {quoted(now)}"
        else:
            line = f"{what}{new.where(kind)}: {quoted(was)} → {quoted(now)}"
        if was == now:  # the same words in another language tag, or said one way fewer
            line = f"{what}{new.where(kind)}: the same text, tagged or stated otherwise"
        out.append((line, was, now))
    for p, place in _PLACE.items():
        if p in predicates:
            before, after = old.g.value(node, p), new.g.value(node, p)
            out.append((f"{what} moved from {place} {tail(before)} to {place} {tail(after)}"
                        f"{new.where(place)}", "", ""))
    rest = predicates - _TEXT - {KG.reason} - set(_PLACE)
    if rest:
        names = ", ".join(sorted(tail(p) for p in rest))
        out.append((f"{what}: facts the sheet does not show ({names})", "", ""))
    return out
