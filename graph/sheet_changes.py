"""What an import changes in a plan's graph: items added, dropped and changed, in words.

An item is matched by its IRI (the id column makes it stable).  Its facts are
what it says, not where that was written down: sources, the source column and
the order of rows are left out, so a re-import of an unchanged sheet shows no
change and a moved row is not a change.
"""

from __future__ import annotations

from dataclasses import dataclass

from kraftgraf.loaders.sheet_side import ACTOR_KINDS
from kraftgraf.ontology.vocab import KG, PROV
from rdflib import RDF, RDFS, Graph, Literal
from rdflib.namespace import SKOS, XSD

__all__ = ["Change", "PROVENANCE", "facts", "facts_graph", "changes", "describe", "link_warnings"]

# What a node's sources are, rather than its facts.
PROVENANCE = frozenset({PROV.wasDerivedFrom, KG.column, SKOS.altLabel})
_NOT_FACTS = PROVENANCE | {KG.order}
_KINDS = {KG.Goal: "goal", KG.FocusArea: "focus area", KG.Initiative: "initiative",
          KG.Outcome: "outcome", KG.Commitment: "commitment", KG.OpenCommitment: "open commitment",
          KG.Actor: "actor", **{KG[kind]: "actor" for kind in ACTOR_KINDS}, RDF.Statement: "link"}


@dataclass(frozen=True)
class Change:
    """One item added (+) or dropped (-), or one way an item changed (~); ``line`` says it in words."""

    op: str
    kind: str
    code: str
    text: str
    was: str = ""
    line: str = ""


def _plain(term):
    """Oxigraph gives a plain literal its implicit xsd:string; compare it as rdflib writes it."""
    if isinstance(term, Literal) and term.datatype == XSD.string:
        return Literal(str(term))
    return term


def facts(g: Graph, node) -> set:
    """What ``node`` says in ``g``, without its sources and order."""
    return {(p, _plain(o)) for p, o in g.predicate_objects(node) if p not in _NOT_FACTS}


def facts_graph(g: Graph) -> Graph:
    """``g`` without where its facts were written down: no sources, documents or source columns.

    Two imports of the same table from different files give isomorphic facts graphs.
    """
    out = Graph()
    hidden = set(g.subjects(RDF.type, KG.Source)) | set(g.subjects(RDF.type, KG.Document))
    for s, p, o in g:
        if s not in hidden and p not in PROVENANCE:
            out.add((s, p, o))
    return out


def _tail(node) -> str:
    return str(node).rsplit("/", 1)[-1]


def _code(g: Graph, node) -> str:
    """An item's id; a link (a reified statement) is named by what it links, to sort by it."""
    if (node, RDF.type, RDF.Statement) in g:
        return f"{_tail(g.value(node, RDF.subject))} {_tail(g.value(node, RDF.object))}"
    return _tail(node)


def _items(g: Graph) -> dict:
    return {node: kind for cls, kind in _KINDS.items() for node in g.subjects(RDF.type, cls)}


# The sheet's own words for where a change sits, beside the item it is in.
_COLUMN = {"goal": "Målsättning", "focus area": "Fokusområde", "initiative": "Initiativ",
           "outcome": "Åtaganden", "actor": "Aktörer"}
_TEXT = {RDFS.label, SKOS.prefLabel, KG.text}  # one text, which a node may say up to three ways
_PLACE = {KG.inFocusArea: "focus area", KG.partOf: "goal", KG.toInitiative: "initiative",
          KG.byActor: "actor"}
_LINK_TARGET = {KG.addresses: "determinant", KG.requiresChangeTo: "law"}


class _Words:
    """How the diff names an item of ``g``: by the sheet's ids and the store's labels."""

    def __init__(self, g: Graph, label):
        self.g, self.label = g, label
        self.kinds = _items(g)

    def ref(self, node) -> str:
        """'initiative 1.1', 'commitment A2-staten-1', 'goal 2'."""
        return f"{self.kinds.get(node, 'item')} {_tail(node)}"

    def actor(self, commitment) -> str:
        """The commitment's actor as the sheet heads its column."""
        column = self.g.value(commitment, KG.column)
        return str(column) if column else self.label(self.g.value(commitment, KG.byActor))

    def item(self, node, kind: str) -> str:
        """The item itself, e.g. 'outcome 2 of initiative 1.1' or 'commitment A1-staten-1 by Staten'."""
        g = self.g
        if kind == "outcome":
            n = _tail(node).rpartition("-")[2]
            return f"outcome {n} of {self.ref(g.value(None, KG.hasOutcome, node))}"
        if kind == "commitment":
            return f"commitment {_tail(node)} by {self.actor(node)}"
        if kind == "open commitment":
            return f"an open commitment for {self.actor(node)} in {self.ref(g.value(node, KG.toInitiative))}"
        if kind == "link":
            target, p = g.value(node, RDF.object), g.value(node, RDF.predicate)
            return (f"a link from {self.ref(g.value(node, RDF.subject))} to "
                    f"{_LINK_TARGET.get(p, 'item')} “{self.label(target)}”")
        return self.ref(node)

    def text(self, node) -> str:
        g = self.g
        return str(g.value(node, RDFS.label) or g.value(node, KG.text) or g.value(node, KG.reason) or "")

    def where(self, kind: str) -> str:
        return f" ({_COLUMN[kind]})" if kind in _COLUMN else ""


def _quoted(text: str) -> str:
    return f"“{text}”" if text else "nothing"


def _added(w: _Words, node, kind: str) -> str:
    """An item added or dropped, e.g. 'initiative J1 in focus area I (Initiativ): “Ett nytt initiativ”'."""
    what = w.item(node, kind)
    if kind == "initiative":
        what += f" in {w.ref(w.g.value(node, KG.inFocusArea))}"
    elif kind == "focus area":
        what += f" in {w.ref(w.g.value(node, KG.partOf))}"
    text = w.text(node) if kind != "link" else ""
    return f"{what}{w.where(kind)}" + (f": {_quoted(text)}" if text else "")


def _changed(old: _Words, new: _Words, node, kind: str, diff: set) -> list[tuple[str, str, str]]:
    """(line, old text, new text) for each way ``node`` changed: its text, its place, anything else."""
    out, predicates = [], {p for p, _ in diff}
    what = new.item(node, kind)
    if predicates & (_TEXT | {KG.reason}):
        was, now = old.text(node), new.text(node)
        if kind in ("goal", "focus area", "initiative", "actor"):
            line = f"the name of {what}{new.where(kind)}: {_quoted(was)} → {_quoted(now)}"
        elif kind == "link":
            line = f"the reason for {what} (Motivering): {_quoted(was)} → {_quoted(now)}"
        else:
            line = f"{what}{new.where(kind)}: {_quoted(was)} → {_quoted(now)}"
        if was == now:  # the same words in another language tag, or said one way fewer
            line = f"{what}{new.where(kind)}: the same text, tagged or stated otherwise"
        out.append((line, was, now))
    for p, place in _PLACE.items():
        if p in predicates:
            before, after = old.g.value(node, p), new.g.value(node, p)
            out.append((f"{what} moved from {place} {_tail(before)} to {place} {_tail(after)}"
                        f"{new.where(place)}", "", ""))
    rest = predicates - _TEXT - {KG.reason} - set(_PLACE)
    if rest:
        names = ", ".join(sorted(_tail(str(p).rsplit("#", 1)[-1]) for p in rest))
        out.append((f"{what}: facts the sheet does not show ({names})", "", ""))
    return out


def _owned(node, diff: set, moved: set, links: dict) -> set:
    """The pairs of ``diff`` that an item added or dropped already says: an outcome, a link."""
    out = set()
    for p, o in diff:
        if p == KG.hasOutcome and o in moved:
            out.add((p, o))
        elif links.get((node, p, o)) in moved:
            out.add((p, o))
    return out


def _links(*graphs: Graph) -> dict:
    """(subject, predicate, object) -> the reified statement that stands for it."""
    return {(g.value(st, RDF.subject), g.value(st, RDF.predicate), g.value(st, RDF.object)): st
            for g in graphs for st in g.subjects(RDF.type, RDF.Statement)}


def changes(old: Graph, new: Graph, label=None) -> list[Change]:
    """The items of ``new`` that ``old`` lacks or says otherwise, and those ``new`` dropped.

    Each change is counted once: an added outcome or link is not also a change of the
    initiative it hangs on.  ``label`` names a link's target (a determinant, a law);
    without it, the target's id.
    """
    label = label or _tail
    before, after = _items(old), _items(new)
    was, now = _Words(old, label), _Words(new, label)
    moved = set(before) ^ set(after)
    links = _links(old, new)
    out = [Change("+", kind, _code(new, node), now.text(node), line=_added(now, node, kind))
           for node, kind in after.items() if node not in before]
    out += [Change("-", kind, _code(old, node), was.text(node), line=_added(was, node, kind))
            for node, kind in before.items() if node not in after]
    for node, kind in after.items():
        if node in before:
            diff = facts(old, node) ^ facts(new, node)
            diff -= _owned(node, diff, moved, links)
            out += [Change("~", kind, _code(new, node), text, prior, line)
                    for line, prior, text in _changed(was, now, node, kind, diff)]
    order = list(_KINDS.values())
    return sorted(out, key=lambda c: (order.index(c.kind), c.code, "+~-".index(c.op), c.line))


_OPS = {"+": "added", "-": "dropped", "~": "changed"}


def describe(found: list[Change]) -> list[str]:
    """The changes as lines a person reads, one a change, then how many of each.

    'added: initiative J1 in focus area I (Initiativ): “Ett nytt initiativ”',
    'changed: commitment A1-staten-1 by Staten: “old” → “new”', …, '1 added, 0 dropped, 1 changed'.
    """
    lines = [f"{_OPS[c.op]}: {c.line}".replace("\r", "").replace("\n", " ⏎ ")  # one line a change
             for c in found]
    counts = {op: sum(c.op == op for c in found) for op in "+-~"}
    summary = f"{counts['+']} added, {counts['-']} dropped, {counts['~']} changed"
    return [*lines, summary if found else "no changes"]


def link_warnings(links: Graph, found: list[Change]) -> list[str]:
    """A warning for each reworded item that a law change or determinant link in ``links`` rests on.

    Links name an item by its id, and a commitment's id is its line in a cell: a line
    inserted above it, or a new text, leaves the link on what the id now says.
    """
    held: dict[str, set[str]] = {}
    for prop, what in ((KG.requiresChangeTo, "law change"), (KG.addresses, "determinant links")):
        for subject in links.subjects(prop, None):
            held.setdefault(_tail(subject), set()).add(what)
    return [f"{c.kind} {c.code} now says “{c.text[:60]}”: the {' and the '.join(sorted(held[c.code]))} "
            "tied to its id may no longer fit" for c in found if c.op == "~" and c.was and c.code in held]
