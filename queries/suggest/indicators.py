"""suggest, for follow-up: public indicators proposed for focus areas and initiatives that have none.

The same kind of rules as for determinants (:mod:`kraftgraf.queries.suggest.keywords`):
``data/indicator_keywords.csv`` gives each indicator of ``data/indicators.csv`` its
Swedish and English keywords, each row saying where its words come from (the
indicator's title at its publisher, and the words that mean the same).  A focus area
is read by its name, an initiative by its name and outcomes, each text in its own
language.  Nothing is written until a person confirms one (``kraftgraf suggest
--accept D:fohm-gott-psykiskt-valbefinnande``, :func:`choose_indicator`, then the
store's :func:`~kraftgraf.graph.store.links.confirm_indicator`); an item whose only
indicators were confirmed that way still gets the others suggested.

How well the rules find the curated links of the seed plan when those are taken
out: ``benchmarks/bench_suggest_indicators.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files

from rdflib import RDF, URIRef
from rdflib.namespace import DCTERMS

from kraftgraf.errors import DataError, NotFoundError
from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.graph.store.links import ACTIVITY
from kraftgraf.graph.store.plans import PLAN_GRAPHS, select_plan
from kraftgraf.loaders.indicators import indicator_iri
from kraftgraf.ontology.vocab import KG, PROV
from kraftgraf.queries.common import Section, rq_text, run_rq, short
from kraftgraf.queries.suggest.keywords import match, read_rules

__all__ = ["FILE", "AlreadyFollowed", "IndicatorSuggestion", "indicator_suggestions", "names_indicator",
           "choose_indicator", "indicator_reason", "indicator_section"]

FILE = "indicator_keywords.csv"
_KINDS = {str(KG.FocusArea): "focus area", str(KG.Initiative): "initiative"}


class AlreadyFollowed(NotFoundError):
    """A choice a person confirmed before: the item already has that indicator, nothing to do."""


@dataclass(frozen=True)
class IndicatorSuggestion:
    """One proposed link: a focus area or initiative may be followed by an indicator, by these keywords."""

    plan: str
    kind: str  # 'focus area' or 'initiative'
    item: str  # its code: D, E2
    indicator: str
    label: str
    publisher: str
    keywords: list[str]
    matched: list[str]
    why: str
    sources: list[str]


def indicator_rules(known) -> list:
    """The rules of ``data/indicator_keywords.csv`` for the indicators in ``known`` (ids).

    A view of a plan without the curated facts has no indicators, and so no rules.
    """
    rules = read_rules(files("kraftgraf.data") / FILE, column="indicator")
    return [r for r in rules if r.determinant in known]


def indicator_suggestions(kg: KnowledgeGraph, rules=None) -> list[IndicatorSuggestion]:
    """The suggested indicators of every focus area and initiative no indicator follows, in plan order.

    Per item the indicators with the most matched keywords come first.
    """
    known = {short(i): i for i in kg.subjects_of_type(KG.Indicator)}
    rules = indicator_rules(known) if rules is None else rules
    found: dict[tuple, dict[str, dict[str, list]]] = {}  # (plan, kind, code) -> indicator -> what matched
    for r in run_rq(kg, rq_text("suggest_indicators"), activity=ACTIVITY):
        plan = r["g"][len(PLAN_GRAPHS):] if r["g"].startswith(PLAN_GRAPHS) else short(r["g"])
        hits = found.setdefault((plan, _KINDS[r["kind"]], r["code"] or short(r["item"])), {})
        for rule, matched in match(rules, r["text"], r["lang"]):
            if (URIRef(r["item"]), KG.measuredBy, known[rule.determinant]) in kg.dataset:
                continue  # confirmed already
            hit = hits.setdefault(rule.determinant, {"keywords": [], "matched": [], "texts": []})
            hit["keywords"].append(f"{rule.keyword} ({rule.lang})")
            hit["matched"] += matched
            hit["texts"].append(r["text"])
    rows = []
    for (plan, kind, code), hits in found.items():
        for key, h in sorted(hits.items(), key=lambda kh: (-len(set(kh[1]["keywords"])), kh[0])):
            node = known[key]
            keywords, matched = list(dict.fromkeys(h["keywords"])), list(dict.fromkeys(h["matched"]))
            publisher = str(kg.dataset.value(node, DCTERMS.publisher) or "")
            said = ", ".join(f"“{m}”" for m in matched)
            why = (f"{kind} {code} has no indicator yet; its text has {said}, "
                   f"matching the keywords {', '.join(keywords)} of “{kg.label(node)}” ({publisher}) in "
                   f"data/{FILE}. Suggested, not curated: confirm it with "
                   f"kraftgraf suggest --accept {code}:{key}")
            rows.append(IndicatorSuggestion(plan, kind, code, key, kg.label(node), publisher, keywords,
                                            matched, why, list(dict.fromkeys(h["texts"]))))
    return rows


def names_indicator(kg: KnowledgeGraph, choice: str) -> bool:
    """Whether ``choice`` ('D:fohm-…') names an indicator the store has, rather than a determinant."""
    target = choice.partition(":")[2].strip()
    return bool(target) and (indicator_iri(target), RDF.type, KG.Indicator) in kg.dataset


def _confirmed(kg: KnowledgeGraph, code: str, indicator: str) -> bool:
    """Whether a person confirmed ``indicator`` for item ``code`` from a suggestion before."""
    ds, target = kg.dataset, indicator_iri(indicator)
    for link in ds.subjects(PROV.wasGeneratedBy, ACTIVITY):
        item = ds.value(link, RDF.subject)
        if (ds.value(link, RDF.predicate) == KG.measuredBy and ds.value(link, RDF.object) == target
                and item is not None and str(ds.value(item, KG.code) or short(item)) == code):
            return True
    return False


def choose_indicator(kg: KnowledgeGraph, choice: str, plan: str | None = None) -> IndicatorSuggestion:
    """The current suggestion ``'D:fohm-gott-psykiskt-valbefinnande'`` (of ``plan``), to confirm; reads only.

    One confirmed before raises :class:`AlreadyFollowed`; one in several plans (or
    for a focus area and an initiative with the same code) needs ``plan``.
    """
    code, _, key = (part.strip() for part in choice.partition(":"))
    view = kg if plan is None else select_plan(kg, plan)
    rows = [s for s in indicator_suggestions(view) if s.item == code and s.indicator == key]
    if not rows:
        if _confirmed(view, code, key):
            raise AlreadyFollowed(f"'{choice}' is already accepted, so it is not among the suggestions "
                                  "any more")
        raise NotFoundError(f"'{choice}' is not among the suggestions (list them with kraftgraf suggest)")
    if len(rows) > 1:
        where = ", ".join(f"{s.kind} {s.item} of plan {s.plan}" for s in rows)
        raise DataError(f"'{choice}' is suggested for {where}: say which plan with --plan")
    return rows[0]


def indicator_reason(s: IndicatorSuggestion) -> str:
    """Why a confirmed suggestion is a link: the keywords and the words they matched."""
    return (f"Confirmed by a person from a keyword suggestion: {', '.join(s.keywords)} "
            f"matched {', '.join(f'“{m}”' for m in s.matched)}.")


def indicator_section(kg: KnowledgeGraph) -> Section:
    """The indicator part of `kraftgraf suggest`."""
    return Section(
        "indicator_suggestions", "Suggested indicators",
        f"Focus areas and initiatives no indicator follows, and the public indicators whose keywords "
        f"(data/{FILE}, matched on Snowball stems) occur in their text. Suggestions only: none is in "
        "the store until a person confirms it with --accept ITEM:INDICATOR.",
        indicator_suggestions(kg), ("plan", "kind", "item", "indicator", "publisher", "matched"))
