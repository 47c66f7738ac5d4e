"""laws: initiatives and commitments that need a law changed, which law, and who can change it.

One row per link ``kg:requiresChangeTo`` (``laws.rq``), whether it sits on an
initiative or on a commitment to one.  Each row names the law with its SFS
number, says whether the law has since been replaced (``kg:replacedBy``,
``kg:validUntil``: the Social Services Act 2001:453 the memo speaks of gave way
to 2025:400 on 1 July 2025), and who can change it: a law is made by Riksdagen
on a bill from the government, so the state holds the pen; when the link sits on
a commitment, the committing actor is the one that said it would push for it.

Examples
--------
>>> from kraftgraf.graph.store.build import build
>>> kg = build()
>>> row = law_changes(kg)[0]
>>> row.code, row.sfs, row.status, row.pushed_by
('A2-staten-1', '2001:453', 'replaced by SFS 2025:400 from 2025-07-01', 'Staten')

"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from rdflib import URIRef

from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.queries.backend import Backend, backend_of
from kraftgraf.queries.common import Section, cite, short

__all__ = ["CHANGED_BY", "LawChange", "law_changes", "sections"]

# Who changes a Swedish law (lag): Riksdagen decides, on a bill (proposition) from the government.
CHANGED_BY = "Riksdagen, on a bill from Regeringen"


@dataclass(frozen=True)
class LawChange:
    """One initiative or commitment that needs one law changed."""

    code: str
    kind: str
    initiative: str
    label: str
    law: str
    sfs: str
    status: str
    changed_by: str
    pushed_by: str
    why: str
    sources: list[str]


def _status(b: Backend, r: dict) -> tuple[str, str]:
    """The law's status as a short phrase for the table, and as a sentence for ``why``."""
    law = b.label(r["law"])
    if r["replacement"] is None:
        if r["valid_until"] is None:
            return "in force", ""
        return f"valid until {r['valid_until']}", f" {law} applies only until {r['valid_until']}."
    new = r["replacement_sfs"] or short(r["replacement"])
    when = ""
    if r["valid_until"] is not None:
        when = f" from {date.fromisoformat(r['valid_until']) + timedelta(days=1)}"
    sentence = (f" {law} has since been replaced by {b.label(r['replacement'])}{when}, "
                "so the change now concerns the new act.")
    return f"replaced by SFS {new}{when}", sentence


def _row(b: Backend, r: dict) -> LawChange:
    subject, initiative = URIRef(r["subject"]), short(r["initiative"])
    law, text = b.label(r["law"]), b.label(subject)
    status, replaced = _status(b, r)
    reason = f" {r['reason']}" if r["reason"] else ""
    if r["kind"] == "commitment":
        actor = b.label(r["actor"])
        column = r["column"]
        where = f"Row {initiative} of the annex{f', column “{column}”' if column else ''}"
        said = f"{where}: {actor} commits to “{text}”, which needs a change to {law}."
        who = f" Only the state can change a law ({CHANGED_BY}); {actor} committed to push for it."
    else:
        actor = ""
        said = f"Row {initiative} of the annex (“{text}”) needs a change to {law}."
        who = (f" Only the state can change a law ({CHANGED_BY}); this need is the initiative's own, "
               "not any one actor's commitment.")
    sources = cite(b, [subject] + ([r["link"]] if r["link"] else []))
    return LawChange(short(subject), r["kind"], initiative, text, law, r["sfs"] or "", status,
                     CHANGED_BY, actor, said + reason + replaced + who, sources)


def law_changes(kg: KnowledgeGraph | Backend) -> list[LawChange]:
    """Every initiative or commitment that requires a change to a law, in the annex's order.

    An initiative's rows come before its commitments'; one row per law.
    """
    b = backend_of(kg)
    return [_row(b, r) for r in b.rows("laws")]


def sections(kg: KnowledgeGraph | Backend) -> list[Section]:
    """The answer to `kraftgraf query laws`."""
    return [Section(
        "laws", "Laws that need changing",
        "Initiatives and commitments in the plan that need a law changed, with the law's SFS number "
        "and whether it has since been replaced. A law is changed by Riksdagen on a bill from the "
        "government; pushed_by names the actor that committed to push for the change.",
        law_changes(kg), ("code", "law", "status", "pushed_by"))]
