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
    """One item added (+), dropped (-) or changed (~)."""

    op: str
    kind: str
    code: str
    text: str
    was: str = ""


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
    """An item's id; a link (a reified statement) is named by what it links."""
    if (node, RDF.type, RDF.Statement) in g:
        p = str(g.value(node, RDF.predicate)).rsplit("#", 1)[-1]
        return f"{_tail(g.value(node, RDF.subject))} {p} {_tail(g.value(node, RDF.object))}"
    return _tail(node)


def _text(g: Graph, node) -> str:
    return str(g.value(node, RDFS.label) or g.value(node, KG.text) or g.value(node, KG.reason) or "")


def _items(g: Graph) -> dict:
    return {node: kind for cls, kind in _KINDS.items() for node in g.subjects(RDF.type, cls)}


def changes(old: Graph, new: Graph) -> list[Change]:
    """The items of ``new`` that ``old`` lacks or says otherwise, and those ``new`` dropped."""
    before, after = _items(old), _items(new)
    out = []
    for node, kind in after.items():
        if node not in before:
            out.append(Change("+", kind, _code(new, node), _text(new, node)))
        elif facts(old, node) != facts(new, node):
            was, now = _text(old, node), _text(new, node)
            if was == now:
                what = sorted({str(p).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
                               for p, _ in facts(old, node) ^ facts(new, node)})
                was, now = "", f"{now} (changed: {', '.join(what)})"
            out.append(Change("~", kind, _code(new, node), now, was))
    out += [Change("-", kind, _code(old, node), _text(old, node)) for node, kind in before.items()
            if node not in after]
    order = list(_KINDS.values())
    return sorted(out, key=lambda c: (order.index(c.kind), c.code, c.op))


def describe(found: list[Change]) -> list[str]:
    """The changes as lines a person reads: '+ initiative A4: …', '~ commitment …: “old” → “new”'."""
    lines = []
    for c in found:
        text = f"“{c.was}” → “{c.text}”" if c.was else c.text
        text = text.replace("\r", "").replace("\n", " ⏎ ")  # one line per change
        lines.append(f"{c.op} {c.kind} {c.code}: {text}")
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
