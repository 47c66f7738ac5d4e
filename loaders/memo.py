"""Load a plan memo (goals → focus areas → initiatives → commitments) into RDF.

The annex table gives the initiatives and who commits to what
(:mod:`kraftgraf.loaders.annex` rebuilds it); the memo's summary list gives the
goals' and focus areas' names.  Every node keeps the verbatim quote it rests on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SKOS, XSD

from kraftgraf.errors import DataError
from kraftgraf.loaders.annex import (
    Item,
    Table,
    focus_code,
    goal_number,
    is_placeholder,
    parse_annex,
)
from kraftgraf.loaders.limits import check_memo
from kraftgraf.ontology.provenance import Quote, add_document, add_source
from kraftgraf.ontology.vocab import KG, actor_iri, local_name, plan_iri, plan_item

__all__ = ["MemoPlan", "SEED_PLAN", "DEFAULT_ACTOR_COLUMNS", "load_memo", "read_memo", "plan_node",
           "commitment_links"]

SECTION = "Bilaga 1"
# What the header "Vad <who> kan göra" names, and the actor (data/actors.csv) it means.
DEFAULT_ACTOR_COLUMNS = {
    "kommuner och regioner i samarbete med SKL": "kommuner-och-regioner",
    "staten": "staten",
    "civilsamhället": "civilsamhallet",
}
_HEADER_WHO = re.compile(r"Vad (.+) kan göra")
_SUMMARY_GOAL = re.compile(r"^(?:#+[ ]*)?(\d)\.[ ]+(\S[^\t\n]*?)[ ]*$", re.M)
_SUMMARY_FOCUS = re.compile(r"^(?:[ ]*-[ ]*|#+[ ]*)([A-Z])\.[ ]+(\S[^\t\n]*?)[ ]*$", re.M)


@dataclass(frozen=True)
class MemoPlan:
    """Which plan a memo file holds: its IRI key, title and document key."""

    key: str
    title: str
    document_key: str


SEED_PLAN = MemoPlan(
    key="kraftsamling-2019",
    title="Kraftsamling för psykisk hälsa 2020–2030",
    document_key="skl-2019-kraftsamling-memo",
)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")  # all C0 controls but tab, newlines, form feed


def read_memo(path: str | Path) -> str:
    """Read a memo as UTF-8, with one clear error for a missing or unreadable file, or one too large.

    A control character such as NUL is refused (with its line and column): it is
    not text, and in a cell that names an item it could not be part of an IRI.
    """
    check_memo(path)  # before reading: a memo's annex takes longer to parse the larger it is
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(f"{path}: no such file") from None
    except (UnicodeDecodeError, IsADirectoryError) as exc:
        raise DataError(f"{path}: not a UTF-8 text file ({exc.__class__.__name__})") from None
    bad = _CONTROL.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        column = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        raise DataError(f"{path} line {line}, column {column}: a control character "
                        f"(U+{ord(bad.group()):04X}) in the text; is it a plain text file?")
    return text


def _summary_labels(text: str, pattern: re.Pattern) -> dict[str, tuple[str, int]]:
    """Code -> (label, offset) from the memo's summary list; later lists win."""
    return {m.group(1): (m.group(2), m.start(2)) for m in pattern.finditer(text)}


def _column_actors(table: Table, actor_columns: dict[str, str]) -> list[str]:
    actors = []
    for header in table.actor_headers:
        m = _HEADER_WHO.fullmatch(header)
        who = m.group(1) if m else header
        if who not in actor_columns:
            known = ", ".join(sorted(actor_columns))
            raise DataError(f"annex column '{header}' names no known actor (known: {known})")
        actors.append(actor_columns[who])
    return actors


class _Writer:
    """Adds one memo's facts to a graph, quoting the memo for each."""

    def __init__(self, g: Graph, text: str, plan: MemoPlan, filename: str):
        self.g, self.text, self.plan = g, text, plan
        self.doc = add_document(g, plan.document_key, plan.title, filename)
        self.plan_node = plan_iri(plan.key)
        g.add((self.plan_node, RDF.type, KG.Plan))
        g.add((self.plan_node, RDFS.label, Literal(plan.title, lang="sv")))

    def quote(self, item: Item, row: str | None, column: str | None, section=SECTION) -> list[Quote]:
        return [Quote(self.doc, f.text, section, row, column, f.start, f.end) for f in item.fragments]

    def sources(self, node: URIRef, quotes: list[Quote]) -> None:
        for k, q in enumerate(quotes):
            add_source(self.g, node, q, "source" if k == 0 else f"source-{k + 1}")

    def node(self, kind: str, key: str, cls: URIRef, label: str | None = None) -> URIRef:
        return plan_node(self.g, self.plan.key, kind, key, cls, label)

    def concept(self, kind, code, cls, summary, annex_item, order) -> URIRef:
        """A goal or focus area: named as in the summary list, else as in the annex."""
        annex_label = re.sub(r"^(\d+|[A-Z])\.\s*", "", annex_item.text) if annex_item else None
        if code in summary:
            label, start = summary[code]
            quotes = [Quote(self.doc, label, "Sammanfattning", None, None, start, start + len(label))]
        else:
            label, quotes = annex_label, []
        node = self.node(kind, code, cls, label)
        self.g.add((node, KG.order, Literal(order, datatype=XSD.integer)))
        if annex_item is not None:
            quotes += self.quote(annex_item, None, kind)
            if annex_label and annex_label != label:
                self.g.add((node, SKOS.altLabel, Literal(annex_label, lang="sv")))
        self.sources(node, quotes)
        return node


def load_memo(g: Graph, path: str | Path, plan: MemoPlan = SEED_PLAN,
              actor_columns: dict[str, str] | None = None) -> Table:
    """Add the plan in the memo at ``path`` to ``g``; returns the rebuilt annex table."""
    text = read_memo(path)
    table = parse_annex(text, str(path))
    actors = _column_actors(table, actor_columns or DEFAULT_ACTOR_COLUMNS)
    annex_start = table.start
    goals = _summary_labels(text[:annex_start], _SUMMARY_GOAL)
    focus_names = _summary_labels(text[:annex_start], _SUMMARY_FOCUS)
    w = _Writer(g, text, plan, Path(path).name)
    goal = focus = None
    row_no = 0
    for order, row in enumerate(table.rows):
        number = goal_number(row)
        if number is not None:
            goal = w.concept("goal", number, KG.Goal, goals, row.goal[0] if row.goal else None, order)
        code = focus_code(row)
        if code is not None:
            focus = w.concept("focus-area", code, KG.FocusArea, focus_names, row.focus[0], order)
            assert goal is not None, f"focus area {code} without a goal"  # as rdflib asserted in add
            g.add((focus, KG.partOf, goal))
            row_no = 0
        if focus is None or goal is None:
            raise DataError(f"{path} line {row.line}: an annex row before any goal or focus area")
        row_no += 1
        key = f"{local_name(focus)}{row_no}"
        _initiative(w, key, row, focus, order, table.actor_headers, actors)
    return table


def _initiative(w: _Writer, key, row, focus, order, headers, actors) -> None:
    g = w.g
    initiative = w.node("initiative", key, KG.Initiative, row.outcomes[0].text)
    g.add((initiative, KG.inFocusArea, focus))
    g.add((initiative, KG.order, Literal(order, datatype=XSD.integer)))
    w.sources(initiative, w.quote(row.outcomes[0], key, "outcome"))
    for n, item in enumerate(row.outcomes, start=1):
        outcome = w.node("outcome", f"{key}-{n}", KG.Outcome)
        g.add((outcome, KG.text, Literal(item.text, lang="sv")))
        g.add((initiative, KG.hasOutcome, outcome))
        w.sources(outcome, w.quote(item, key, "outcome"))
    for header, actor, cell in zip(headers, actors, row.actors):
        if cell is None:  # the one missing cell: nothing is written there at all
            continue
        real = [item for item in cell if not is_placeholder(item.text)]
        if not real and cell:
            node = w.node("open-commitment", f"{key}-{actor}", KG.OpenCommitment)
            commitment_links(g, node, actor, initiative, cell[0].text, header)
            w.sources(node, w.quote(cell[0], key, header))
        for n, item in enumerate(real, start=1):
            node = w.node("commitment", f"{key}-{actor}-{n}", KG.Commitment, item.text)
            commitment_links(g, node, actor, initiative, item.text, header)
            w.sources(node, w.quote(item, key, header))


def plan_node(g: Graph, plan: str, kind: str, key: str, cls: URIRef, label: str | None = None,
              lang: str = "sv") -> URIRef:
    """Add an item of ``plan`` (its type, code, plan and label); returns its IRI."""
    node = plan_item(plan, kind, key)
    g.add((node, RDF.type, cls))
    g.add((node, KG.code, Literal(key)))
    g.add((node, KG.inPlan, plan_iri(plan)))
    if label is not None:
        g.add((node, RDFS.label, Literal(label, lang=lang)))
        g.add((node, SKOS.prefLabel, Literal(label, lang=lang)))
    return node


def commitment_links(g: Graph, node, actor, initiative, text, header, lang: str = "sv") -> None:
    """Link a commitment (or open commitment) to its actor and initiative; add its text and column."""
    g.add((node, KG.byActor, actor_iri(actor)))
    g.add((node, KG.toInitiative, initiative))
    g.add((node, KG.text, Literal(text, lang=lang)))
    g.add((node, KG.column, Literal(header, lang=lang)))


def load(store, path: str | Path, key: str) -> list[str]:
    """The memo at ``path`` into the graph ``plan/<key>`` of ``store``, read and checked whole first."""
    g = Graph()
    load_memo(g, path)
    target = store.graph(f"plan/{key}")
    for triple in g:
        target.add(triple)
    return []
