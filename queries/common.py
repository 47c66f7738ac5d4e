"""What every gap query shares: rows that explain themselves, name lookup, SPARQL texts.

A query module has one plain function per question that takes a
:class:`~kraftgraf.graph.store.knowledge_graph.KnowledgeGraph` and returns typed rows (frozen
dataclasses).  Every row carries ``why`` (the reason it is there, in words) and
``sources`` (the verbatim quotes it rests on), so `--explain` can show both and
JSON/CSV keep them.  Beside each module lie ``<name>.rq`` texts that give the
same rows on any SPARQL 1.1 store.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable

import pyoxigraph as ox
from rdflib import RDFS, URIRef
from rdflib.namespace import SKOS

from kraftgraf.errors import DataError, NotFoundError, lookup
from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.ontology.vocab import KG
from kraftgraf.ontology.vocab import local_name as short  # the name every question uses

__all__ = ["Section", "Measure", "as_dict", "query_names", "query_text", "resolve", "rq_text", "run_rq",
           "run_rq_rows", "short", "plain", "check_read_only", "cite", "quotes_of", "listing", "iris"]

@dataclass(frozen=True)
class Section:
    """One part of a query's answer, as the CLI prints it.

    ``key`` names the part in JSON output; ``title`` and ``explanation`` say in
    words what the rows mean; ``columns`` are the row fields shown in a table
    (``why`` and ``sources`` are printed under each row with ``--explain``).
    """

    key: str
    title: str
    explanation: str
    rows: list
    columns: tuple[str, ...]


def as_dict(row) -> dict:
    """A row (dataclass or mapping) as a dict of its fields in order."""
    kind = type(row)
    if kind not in _FIELDS:  # asked once per type, not per row: the report turns 159k rows into dicts
        _FIELDS[kind] = tuple(f.name for f in dataclasses.fields(kind)) if dataclasses.is_dataclass(kind) \
            else None
    names = _FIELDS[kind]
    return dict(row) if names is None else {name: getattr(row, name) for name in names}


_FIELDS: dict[type, tuple[str, ...] | None] = {}  # a dataclass's field names in order; None: a mapping


@dataclass(frozen=True)
class Measure:
    """One summary number of a query's answer, and what it means for a reader."""

    measure: str
    value: float
    meaning: str
    why: str
    sources: list[str]


_WHERE = re.compile(r"\bWHERE\s*\{", re.I)
_SHIPPED: set[str] = set()  # texts read from the package (not from a user): run without the parse


_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")


def plain(value) -> str | int | float | None:
    """A pyoxigraph term as a plain Python value."""
    if type(value) is not ox.Literal:  # most values of a listing are IRIs: the quick way first
        return None if value is None else value.value
    return int(value.value) if value.datatype == _INTEGER else value.value


@cache
def _texts() -> dict[str, Traversable]:
    """File name -> the text file, over every question's folder (names are unique across them)."""
    root = files("kraftgraf.queries")
    return {f.name: f for folder in root.iterdir() if folder.is_dir()
            for f in folder.iterdir() if f.name.endswith((".rq", ".cypher"))}


def query_text(name: str, suffix: str) -> str:
    """The text ``<name><suffix>`` (``.rq`` or ``.cypher``) from the folder of the question it belongs to."""
    try:
        return _texts()[name + suffix].read_text(encoding="utf-8")
    except KeyError:
        raise NotFoundError(f"no query text {name}{suffix} in kraftgraf.queries") from None


def query_names(suffix: str) -> list[str]:
    """The names of every query text with ``suffix`` (``.rq`` or ``.cypher``), over every folder."""
    return sorted(name[: -len(suffix)] for name in _texts() if name.endswith(suffix))


def rq_text(name: str) -> str:
    """The SPARQL text ``<name>.rq``, beside the question it belongs to."""
    text = query_text(name, ".rq")
    _SHIPPED.add(text)
    return text


def check_read_only(text: str, graphs=None) -> None:
    """Refuse anything but a local read: no SERVICE, LOAD, updates, or FROM beyond ``graphs``.

    Checked on the parsed query (see :mod:`kraftgraf.queries.sparql_guard`).
    """
    from kraftgraf.queries.sparql_guard import read_only

    read_only(text, graphs)


def _select(kg: KnowledgeGraph, text: str, bindings: dict):
    """The solutions of a read-only SELECT over the union of the store's graphs.

    A text that is not one the package ships is checked on its parsed algebra
    first (:func:`~kraftgraf.queries.sparql_guard.read_only`); one that names
    graphs of the store with FROM reads those instead of the union.

    ``bindings`` go in as a ``VALUES`` block at the start of the first
    ``WHERE {`` (the outermost, unless a text leaves that keyword out to bind
    them in a sub-select, as suggest_unlinked.rq does), so Oxigraph joins them
    first (its ``substitutions`` filtered at the end: 3 s instead of 0.1 s for
    one actor's law paths on a national plan).
    Each value is written by pyoxigraph's own term syntax, so no text from a
    user is pasted in raw.
    """
    own_dataset = False
    if text not in _SHIPPED:  # a text from elsewhere is parsed and checked first
        from kraftgraf.queries.sparql_guard import read_only

        checked = read_only(text, {g.value for g in kg.store.named_graphs()})
        text, own_dataset = checked.text, checked.has_dataset
    if bindings:
        terms = {k: (ox.NamedNode(str(v)) if isinstance(v, URIRef) else ox.Literal(str(v)))
                 for k, v in bindings.items()}
        block = " ".join(f"VALUES ?{k} {{ {t} }}" for k, t in terms.items())  # k: a Python name
        text, found = _WHERE.subn(lambda m: m.group(0) + " " + block + " ", text, count=1)
        if not found:
            raise DataError("a parameterised query needs a WHERE { … } to bind its values in")
    try:
        result = kg.store.query(text, use_default_graph_as_union=not own_dataset)
    except SyntaxError as exc:
        raise DataError(f"SPARQL syntax error: {str(exc).splitlines()[0]}") from None
    if not isinstance(result, ox.QuerySolutions):  # ASK, CONSTRUCT or DESCRIBE
        raise DataError("only SELECT queries are answered here (rows with columns); "
                        "for ASK use SELECT … LIMIT 1, for the triples use 'kraftgraf export'")
    return result


def run_rq(kg: KnowledgeGraph, text: str, **bindings) -> list[dict]:
    """Run a SELECT over the union of the store's graphs; rows as dicts of plain values.

    ``bindings`` are bound as values of the variables (IRIs or literals),
    written as terms by pyoxigraph, never pasted in as raw text.
    """
    result = _select(kg, text, bindings)
    names = [v.value for v in result.variables]
    return [dict(zip(names, map(plain, row))) for row in result]  # a solution iterates in SELECT order


def run_rq_rows(kg: KnowledgeGraph, text: str, **bindings) -> list[tuple]:
    """As :func:`run_rq`, each row a tuple in SELECT order of strings (``None`` where unbound).

    Values keep their lexical form (no numbers); for listings of tens of
    thousands of rows it costs about half as much as dicts of plain values.
    """
    result = _select(kg, text, bindings)
    return [tuple(None if term is None else term.value for term in row) for row in result]


def _names(kg: KnowledgeGraph, node: URIRef) -> set[str]:
    values = {short(node).lower()}
    for prop in (SKOS.prefLabel, SKOS.altLabel, RDFS.label, KG.code):
        values.update(str(v).lower() for v in kg.dataset.objects(node, prop))
    return values


def resolve(kg: KnowledgeGraph, name: str, cls: URIRef, what: str) -> URIRef:
    """The node of class ``cls`` (or a subclass) whose label, alias or id is ``name``.

    Matching ignores case.  With no match, :class:`NotFoundError` names the
    closest labels.
    """
    candidates: dict[str, URIRef] = {}
    for node in _instances(kg, cls):
        for n in _names(kg, node):
            candidates.setdefault(n, node)
    return lookup(candidates, name, what, kg.label)


_INSTANCES = "SELECT DISTINCT ?x ?c WHERE { ?x a/<http://www.w3.org/2000/01/rdf-schema#subClassOf>* ?c }"
_SHIPPED.add(_INSTANCES)


def _instances(kg: KnowledgeGraph, cls: URIRef) -> list[URIRef]:
    rows = run_rq(kg, _INSTANCES, c=cls)
    return [URIRef(r["x"]) for r in rows]


def cite(graph, nodes, known: dict[str, list[str]] | None = None) -> list[str]:
    """The distinct source quotes of ``nodes`` (IRIs, as str or URIRef), in the order given.

    ``graph`` is a KnowledgeGraph or a :class:`~kraftgraf.queries.backend.Backend`;
    ``known`` is a :func:`quotes_of` answer to read them from instead of asking it.
    """
    nodes = [str(n) for n in nodes]
    if known is None:
        from kraftgraf.queries.backend import backend_of

        known = backend_of(graph).quotes(nodes)
    return list(dict.fromkeys(q for n in nodes for q in known[n]))


_QUOTES = """PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?node ?quote WHERE {
  VALUES ?node { %s }
  ?node prov:wasDerivedFrom ?source . ?source prov:value ?quote
} ORDER BY ?node ?source"""


def quotes_of(kg: KnowledgeGraph, nodes) -> dict[str, list[str]]:
    """Node -> its source quotes (as :meth:`KnowledgeGraph.quotes` gives them), in one query.

    For rows built by the hundred, where a store lookup per node would add up.
    """
    nodes = list(dict.fromkeys(map(str, nodes)))
    found: dict[str, list[str]] = {n: [] for n in nodes}
    if nodes:  # NamedNode checks each IRI, so nothing but IRIs reaches the text
        text = _QUOTES % " ".join(str(ox.NamedNode(n)) for n in nodes)
        for row in kg.store.query(text, use_default_graph_as_union=True):
            found[row["node"].value].append(row["quote"].value)
    return found


def listing(items, limit: int = 8, show=str) -> str:
    """Items as prose: 'A', 'A and B', 'A, B and C', or 'A, B, … and 12 more' past ``limit``.

    ``show`` names an item; it is called only for the items shown.
    """
    items = list(items)
    names = [show(i) for i in items[:limit]]
    if len(items) > limit:
        return f"{', '.join(names)} and {len(items) - limit} more"
    return " and ".join(filter(None, [", ".join(names[:-1]), *names[-1:]]))


def iris(cell: str | list | None) -> list[str]:
    """The IRIs of a ``GROUP_CONCAT(DISTINCT STR(?x); separator=" ")`` cell or a Cypher list, sorted."""
    return sorted(cell.split() if isinstance(cell, str) else (cell or []))
