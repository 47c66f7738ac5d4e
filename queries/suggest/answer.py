"""suggest: determinant links proposed by keyword rules, for a person to confirm.

For every initiative that addresses no determinant (an imported plan, say),
each text of the initiative (its label and its outcomes) is matched against the
keyword rules of ``data/determinant_keywords.csv`` (:mod:`kraftgraf.queries.suggest.keywords`).
A determinant whose keywords occur is proposed, with the keywords and the words
of the text that matched them.  A suggestion is not a fact: nothing is written
to the store until a person confirms it (:func:`choose`, then the store's
:func:`~kraftgraf.graph.store.links.confirm_link`; `kraftgraf suggest
--accept A1:arbetsmiljo`), which adds the link to the plan's own graph with the
matched text as its quote and a reason that says it was confirmed from a
suggestion (``prov:wasGeneratedBy`` :data:`ACTIVITY`) — never to the curated
facts.  An initiative whose only links were confirmed that way still gets the
suggestions not yet confirmed.

Examples
--------
>>> from kraftgraf.graph.store.build import build
>>> suggestions(build())  # every initiative of the bundled plan has curated links
[]

"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from rdflib import RDF, URIRef

from kraftgraf.errors import DataError, NotFoundError
from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.graph.store.links import ACTIVITY, confirmed_in
from kraftgraf.graph.store.plans import PLAN_GRAPHS, plan_keys, select_plan
from kraftgraf.ontology.vocab import KG, iri
from kraftgraf.queries.common import Section, rq_text, run_rq, short
from kraftgraf.queries.suggest.indicators import indicator_section
from kraftgraf.queries.suggest.keywords import match as match_rules
from kraftgraf.queries.suggest.keywords import read_rules

__all__ = ["AlreadyAccepted", "Suggestion", "suggestions", "choose", "reason", "sections"]

class AlreadyAccepted(NotFoundError):
    """A choice that is no suggestion because a person confirmed it before: nothing to do.

    A :class:`NotFoundError` still (it is not among the suggestions), so that a caller
    can treat a repeated accept as done instead of as a mistake.
    """


@dataclass(frozen=True)
class Suggestion:
    """One proposed link: an initiative may address a determinant, by these keywords."""

    plan: str
    initiative: str
    determinant: str
    label: str
    layer: str
    keywords: list[str]
    matched: list[str]
    why: str
    sources: list[str]


def _determinants(kg: KnowledgeGraph) -> dict[str, URIRef]:
    return {short(d): d for d in kg.subjects_of_type(KG.Determinant)}


MIN_COMMITMENTS = 2  # commitments that must name a determinant before it is suggested from them


def _trusted(own: dict, commitments: dict) -> dict:
    """What to suggest for one initiative: what its name and outcomes match, else what commitments do.

    Commitments say what each actor will do, in its own words; read for every initiative
    they added as many wrong suggestions as right ones on the seed plan (precision 87% →
    65%, benchmarks/bench_suggest.py).  So they are read only for an initiative whose own
    texts match no keyword, and a determinant counts only when at least
    :data:`MIN_COMMITMENTS` commitments name it.
    """
    return own or {d: h for d, h in commitments.items() if len(set(h["nodes"])) >= MIN_COMMITMENTS}


def suggestions(kg: KnowledgeGraph, rules=None) -> list[Suggestion]:
    """The suggested links of every initiative without a determinant link, in plan order.

    Per initiative the determinants with the most matched keywords come first.  The
    texts read are the initiative's name and outcomes and, where those match nothing,
    its commitments (:func:`_trusted`); each text in its own language.
    """
    known = _determinants(kg)
    rules = read_rules(known=frozenset(known)) if rules is None else rules
    # (plan, initiative code) -> determinant -> what matched, in the order the plan has them

    def table() -> defaultdict:
        return defaultdict(lambda: defaultdict(lambda: {"keywords": [], "matched": [], "texts": [],
                                                        "nodes": []}))

    own, by_commitments = table(), table()  # from the initiative's name and outcomes; its commitments
    order: dict[tuple, None] = {}
    for r in run_rq(kg, rq_text("suggest_unlinked"), activity=ACTIVITY):
        key = (r["g"][len(PLAN_GRAPHS):] if r["g"].startswith(PLAN_GRAPHS) else short(r["g"]),
               r["code"] or short(r["initiative"]))
        order[key] = None
        for rule, matched in match_rules(rules, r["text"], r["lang"]):
            if (URIRef(r["initiative"]), KG.addresses, known[rule.determinant]) in kg.dataset:
                continue  # confirmed already
            hit = (own if "/commitment/" not in r["node"] else by_commitments)[key][rule.determinant]
            hit["keywords"].append(f"{rule.keyword} ({rule.lang})")
            hit["matched"].extend(matched)
            hit["texts"].append(r["text"])
            hit["nodes"].append(r["node"])
    rows = []
    for key in order:
        (plan, code), by_determinant = key, _trusted(own.get(key, {}), by_commitments.get(key, {}))
        hits = sorted(by_determinant.items(), key=lambda dh: (-len(set(dh[1]["keywords"])), dh[0]))
        for det, h in hits:
            node = known[det]
            keywords, matched = list(dict.fromkeys(h["keywords"])), list(dict.fromkeys(h["matched"]))
            said = ", ".join(f"“{m}”" for m in matched)
            why = (f"{code} has no curated determinant link; its text has {said}, "
                   f"matching the keywords {', '.join(keywords)} of {kg.label(node)} in "
                   f"data/determinant_keywords.csv. Suggested, not curated: confirm it with "
                   f"kraftgraf suggest --accept {code}:{det}")
            layer = kg.dataset.value(node, KG.layer)
            rows.append(Suggestion(plan, code, det, kg.label(node), kg.label(iri(layer)) if layer else "",
                                   keywords, matched, why, list(dict.fromkeys(h["texts"]))))
    return rows


def _plans_with(kg: KnowledgeGraph, code: str) -> list[str]:
    """The plans that have an initiative ``code``."""
    out = []
    for key in plan_keys(kg):
        g = kg.graph(f"plan/{key}")
        if any(str(g.value(i, KG.code) or short(i)) == code for i in g.subjects(RDF.type, KG.Initiative)):
            out.append(key)
    return out


def choose(kg: KnowledgeGraph, choice: str, plan: str | None = None) -> Suggestion:
    """The current suggestion ``'A1:arbetsmiljo'`` (of ``plan``), for a person to confirm; reads only.

    A choice that is not a current suggestion is refused: with :class:`AlreadyAccepted`
    when it was confirmed before, so a repeated accept can be told from a wrong one.
    Confirming it is the store's :func:`~kraftgraf.graph.store.links.confirm_link`
    (:func:`kraftgraf.api.accept_suggestions` does both).
    Without ``plan``, an initiative id that several plans have is refused: which
    plan is meant cannot be guessed.
    """
    code, sep, det = choice.partition(":")
    if not sep or not code or not det:
        raise DataError(f"'{choice}': give a suggestion as INITIATIVE:DETERMINANT, e.g. A1:arbetsmiljo")
    if plan is None:
        holders = _plans_with(kg, code.strip())
        if len(holders) > 1:
            raise DataError(f"'{choice}': initiative {code.strip()} is in several plans "
                            f"({', '.join(holders)}); say which with --plan KEY")
    view = kg if plan is None else select_plan(kg, plan)
    rows = [s for s in suggestions(view) if s.initiative == code.strip() and s.determinant == det.strip()]
    if not rows:
        done = confirmed_in(view, code.strip(), det.strip())
        if done:
            raise AlreadyAccepted(f"'{choice}' is already accepted in plan {', '.join(done)}, "
                                  "so it is not among the suggestions any more")
        raise NotFoundError(f"'{choice}' is not among the suggestions (list them with kraftgraf suggest)")
    if len({s.plan for s in rows}) > 1:
        raise DataError(f"'{choice}' is in several plans ({', '.join(s.plan for s in rows)}); add --plan")
    return rows[0]


def reason(s: Suggestion) -> str:
    """Why a confirmed suggestion is a link: the keywords and the words they matched."""
    return (f"Confirmed by a person from a keyword suggestion: {', '.join(s.keywords)} "
            f"matched {', '.join(f'“{m}”' for m in s.matched)}.")


def sections(kg: KnowledgeGraph) -> list[Section]:
    """The answer to `kraftgraf suggest`."""
    return [Section(
        "suggestions", "Suggested determinant links",
        "Initiatives with no determinant link, and the determinants whose keywords "
        "(data/determinant_keywords.csv, matched on Snowball stems) occur in their text. "
        "Suggestions only: none is in the store until a person confirms it with --accept.",
        suggestions(kg), ("plan", "initiative", "determinant", "layer", "matched")), indicator_section(kg)]
