"""laws: initiatives and commitments that need a law changed, which law, and who can change it.

One row per link ``kg:requiresChangeTo`` (``laws.rq``), whether it sits on an
initiative or on a commitment to one.  Each row names the act with its SFS
number, says whether it has since been replaced (``kg:replacedBy``,
``kg:validUntil``: the Social Services Act 2001:453 the memo speaks of gave way
to 2025:400 on 1 July 2025) or part of it has (``kg:replacedPart``: the Patient
Data Act's rules on sharing records between providers moved to Lag 2022:913 on
1 January 2023, the rest of the act stays), and who can change it, by its form
(``kg:form``): a lag is decided by Riksdagen, usually on a bill from the
government (a member's motion or a committee's proposal can also start one); a
förordning is decided by the government alone, without the Riksdag.  Either way
the state holds the pen; when the link sits on a commitment, the committing
actor is the one that said it would push for it.

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

# Who changes a Swedish act, by its form (kg:form).  A lag: Riksdagen decides, usually on a
# bill (proposition) from the government, though a member's motion or a committee's own
# proposal can also start one (RF 4 kap. 4 §).  A förordning: the government decides it
# alone (RF 8 kap. 7 §; e.g. SFS 2017:462).
CHANGED_BY = {"lag": "Riksdagen, usually on a bill from Regeringen",
              "förordning": "Regeringen, without the Riksdag"}
_WHO = {"lag": ("Only the state can change a law: Riksdagen decides it, usually on a bill from Regeringen "
                "(a member's motion or a committee's proposal can also start one)"),
        "förordning": ("Only the state can change a förordning: Regeringen decides it itself, without "
                       "the Riksdag")}


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
    form: str = "lag"  # "lag" (the Riksdag decides it) or "förordning" (the government does)


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
    elif r.get("replacement_from") is not None:
        when = f" from {r['replacement_from']}"
    if r.get("replaced_part"):
        part = r["replaced_part"]
        sentence = (f" Part of it, {part}, has since moved to {b.label(r['replacement'])}{when}, so for "
                    f"that part the change now concerns the new act; the rest of {law} stays in force.")
        return f"in force; {part} moved to SFS {new}{when}", sentence
    sentence = (f" {law} has since been replaced by {b.label(r['replacement'])}{when}, "
                "so the change now concerns the new act.")
    return f"replaced by SFS {new}{when}", sentence


def _row(b: Backend, r: dict) -> LawChange:
    subject, initiative = URIRef(r["subject"]), short(r["initiative"])
    law, text = b.label(r["law"]), b.label(subject)
    status, replaced = _status(b, r)
    reason = f" {r['reason']}" if r["reason"] else ""
    form: str = r["form"] if r.get("form") in CHANGED_BY else "lag"
    if r["kind"] == "commitment":
        actor = b.label(r["actor"])
        column = r["column"]
        where = f"Row {initiative} of the annex{f', column “{column}”' if column else ''}"
        said = f"{where}: {actor} commits to “{text}”, which needs a change to {law}."
        who = f" {_WHO[form]}; {actor} committed to push for it."
    else:
        actor = ""
        said = f"Row {initiative} of the annex (“{text}”) needs a change to {law}."
        who = f" {_WHO[form]}; this need is the initiative's own, not any one actor's commitment."
    sources = cite(b, [subject] + ([r["link"]] if r["link"] else []))
    return LawChange(short(subject), r["kind"], initiative, text, law, r["sfs"] or "", status,
                     CHANGED_BY[form], actor, said + reason + replaced + who, sources, form)


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
        "Initiatives and commitments in the plan that need a law changed, with the act's SFS number "
        "and whether it (or part of it) has since been replaced. changed_by says who can change it: a "
        "lag is decided by Riksdagen, usually on a bill from the government (a member's motion or a "
        "committee's proposal can also start one); a förordning by the government alone, without the "
        "Riksdag. pushed_by names the actor that committed to push for the change.",
        law_changes(kg), ("code", "law", "status", "changed_by", "pushed_by"))]
