"""What an import changes in a plan's graph: items added, dropped and changed, in words.

An item is matched by its IRI (the id column makes it stable).  Its facts are
what it says, not where that was written down: sources, the source column and
the order of rows are left out, so a re-import of an unchanged sheet shows no
change and a moved row is not a change.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import RDF as RDFLIB_RDF
from rdflib import Graph
from rdflib.namespace import SKOS as RDFLIB_SKOS

from kraftgraf.loaders.sheet.terms import KG, PROV, RDF, SKOS, tail
from kraftgraf.loaders.sheet.triples import AnyGraph, Triples
from kraftgraf.loaders.sheet.wording import KINDS, Words, added_line, changed_lines, items
from kraftgraf.ontology import vocab

__all__ = ["Change", "PROVENANCE", "facts", "same_facts", "facts_graph", "changes", "describe",
           "link_warnings"]

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


def facts(g: Triples, node) -> set:
    """What ``node`` says in ``g``, without its sources and order."""
    return {(p, o) for p, o in g.predicate_objects(node) if p not in _NOT_FACTS}


def same_facts(old: Triples, new: Triples, node) -> bool:
    """Whether ``node`` says the same in both graphs, sources and order aside (:func:`facts`)."""
    return old.alike(new, node) or old.described(node, _NOT_FACTS) == new.described(node, _NOT_FACTS)


def facts_graph(g: AnyGraph) -> Graph:
    """``g`` (of rdflib terms) without where its facts were written down: no sources, documents or columns.

    Two imports of the same table from different files give isomorphic facts graphs.
    """
    out = Graph()
    hidden = {s for cls in (vocab.KG.Source, vocab.KG.Document) for s in g.subjects(RDFLIB_RDF.type, cls)}
    provenance = {vocab.PROV.wasDerivedFrom, vocab.KG.column, RDFLIB_SKOS.altLabel}
    for s, p, o in g:
        if s not in hidden and p not in provenance:
            out.add((s, p, o))
    return out


def _code(g: Triples, node) -> str:
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


def _links(*graphs: Triples) -> dict:
    """(subject, predicate, object) -> the reified statement that stands for it."""
    return {(g.value(st, RDF.subject), g.value(st, RDF.predicate), g.value(st, RDF.object)): st
            for g in graphs for st in g.subjects(RDF.type, RDF.Statement)}


def changes(old: Triples, new: Triples, label=None) -> list[Change]:
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
        if node in before and not same_facts(old, new, node):
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


def link_warnings(links: Graph, found: list[Change]) -> list[str]:
    """A warning for each reworded item that a law change or determinant link in ``links`` rests on.

    Links name an item by its id, and a commitment's id is its line in a cell: a line
    inserted above it, or a new text, leaves the link on what the id now says.
    """
    held: dict[str, set[str]] = {}
    for prop, what in ((vocab.KG.requiresChangeTo, "law change"), (vocab.KG.addresses, "determinant links")):
        for subject in links.subjects(prop, None):
            held.setdefault(vocab.local_name(subject), set()).add(what)
    return [f"{c.kind} {c.code} now says “{c.text[:60]}”: the {' and the '.join(sorted(held[c.code]))} "
            "tied to its id may no longer fit" for c in found if c.op == "~" and c.was and c.code in held]
