"""What an import changes in a plan's graph: items added, dropped and changed, in words.

An item is matched by its IRI (the id column makes it stable).  Its facts are
what it says, not where that was written down: sources, the source column and
the order of rows are left out, so a re-import of an unchanged sheet shows no
change and a moved row is not a change.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import RDF, Graph, Literal
from rdflib.namespace import SKOS, XSD

from kraftgraf.loaders.sheet.triples import AnyGraph
from kraftgraf.loaders.sheet.wording import KINDS, Words, added_line, changed_lines, items, tail
from kraftgraf.ontology.vocab import KG, PROV

__all__ = ["Change", "PROVENANCE", "facts", "facts_graph", "changes", "describe", "link_warnings"]

# What a node's sources are, rather than its facts.
PROVENANCE = frozenset({PROV.wasDerivedFrom, KG.column, SKOS.altLabel})
_NOT_FACTS = PROVENANCE | {KG.order}


@dataclass(frozen=True)
class Change:
    """One item added (+) or dropped (-), or one way an item changed (~); ``line`` says it in words."""

    op: str
    kind: str
    code: str
    text: str
    was: str = ""
    line: str = ""


_STRING = str(XSD.string)


def _plain(term):
    """Oxigraph gives a plain literal its implicit xsd:string; compare it as rdflib writes it."""
    datatype = getattr(term, "datatype", None)  # rdflib's == on terms is Python code: a million calls
    if datatype is not None and str.__eq__(datatype, _STRING) and isinstance(term, Literal):
        return Literal(str(term))
    return term


def facts(g: AnyGraph, node) -> set:
    """What ``node`` says in ``g``, without its sources and order."""
    return {(p, _plain(o)) for p, o in g.predicate_objects(node) if p not in _NOT_FACTS}


def facts_graph(g: AnyGraph) -> Graph:
    """``g`` without where its facts were written down: no sources, documents or source columns.

    Two imports of the same table from different files give isomorphic facts graphs.
    """
    out = Graph()
    hidden = set(g.subjects(RDF.type, KG.Source)) | set(g.subjects(RDF.type, KG.Document))
    for s, p, o in g:
        if s not in hidden and p not in PROVENANCE:
            out.add((s, p, o))
    return out


def _code(g: AnyGraph, node) -> str:
    """An item's id; a link (a reified statement) is named by what it links, to sort by it."""
    if (node, RDF.type, RDF.Statement) in g:
        return f"{tail(g.value(node, RDF.subject))} {tail(g.value(node, RDF.object))}"
    return tail(node)


def _owned(node, diff: set, moved: set, links: dict) -> set:
    """The pairs of ``diff`` that an item added or dropped already says: an outcome, a link."""
    out = set()
    for p, o in diff:
        if p == KG.hasOutcome and o in moved:
            out.add((p, o))
        elif links.get((node, p, o)) in moved:
            out.add((p, o))
    return out


def _links(*graphs: AnyGraph) -> dict:
    """(subject, predicate, object) -> the reified statement that stands for it."""
    return {(g.value(st, RDF.subject), g.value(st, RDF.predicate), g.value(st, RDF.object)): st
            for g in graphs for st in g.subjects(RDF.type, RDF.Statement)}


def changes(old: AnyGraph, new: AnyGraph, label=None) -> list[Change]:
    """The items of ``new`` that ``old`` lacks or says otherwise, and those ``new`` dropped.

    Each change is counted once: an added outcome or link is not also a change of the
    initiative it hangs on.  ``label`` names a link's target (a determinant, a law);
    without it, the target's id.
    """
    label = label or tail
    before, after = items(old), items(new)
    was, now = Words(old, label), Words(new, label)
    moved = set(before) ^ set(after)
    links = _links(old, new)
    out = [Change("+", kind, _code(new, node), now.text(node), line=added_line(now, node, kind))
           for node, kind in after.items() if node not in before]
    out += [Change("-", kind, _code(old, node), was.text(node), line=added_line(was, node, kind))
            for node, kind in before.items() if node not in after]
    for node, kind in after.items():
        if node in before:
            diff = facts(old, node) ^ facts(new, node)
            diff -= _owned(node, diff, moved, links)
            out += [Change("~", kind, _code(new, node), text, prior, line)
                    for line, prior, text in changed_lines(was, now, node, kind, diff)]
    order = list(KINDS.values())
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


def link_warnings(links: AnyGraph, found: list[Change]) -> list[str]:
    """A warning for each reworded item that a law change or determinant link in ``links`` rests on.

    Links name an item by its id, and a commitment's id is its line in a cell: a line
    inserted above it, or a new text, leaves the link on what the id now says.
    """
    held: dict[str, set[str]] = {}
    for prop, what in ((KG.requiresChangeTo, "law change"), (KG.addresses, "determinant links")):
        for subject in links.subjects(prop, None):
            held.setdefault(tail(subject), set()).add(what)
    return [f"{c.kind} {c.code} now says “{c.text[:60]}”: the {' and the '.join(sorted(held[c.code]))} "
            "tied to its id may no longer fit" for c in found if c.op == "~" and c.was and c.code in held]
