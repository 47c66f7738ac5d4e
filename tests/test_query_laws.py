"""laws: initiatives and commitments that need a law changed, which law, and who can change it.

Which bullet needs which law is data/law_links.csv, each link with the quote it
rests on; the laws and their SFS numbers are data/laws.csv.
"""

from __future__ import annotations

import pytest

from kraftgraf.graph.store.build import build
from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.queries.common import rq_text, run_rq, short
from kraftgraf.queries.laws.answer import law_changes, sections

KR = "Kommuner och regioner i samarbete med SKL"
REPLACED = "replaced by SFS 2025:400 from 2025-07-01"
# Patientdatalagen stays in force; its rules on sharing records between providers moved
PART_MOVED = "in force; 6 kap. om sammanhållen journalföring moved to SFS 2022:913 from 2023-01-01"


@pytest.fixture(scope="module")
def kg():
    return build()


def test_the_law_changes_the_annex_asks_for(kg):
    # In the state's column: A2 "Ändringar i Socialtjänstlagen" (the 2001 act, replaced by
    # SFS 2025:400 on 1 July 2025); B1 "Kräver översyn av roller och lagstiftning" (patient
    # data and secrecy); C2 "regler i sjukförsäkringssystemet" (Social Insurance Code) and C3
    # "Regelverk som stöder att personer med funktionsnedsättning arbetar" (lönebidrag and skyddat
    # arbete: Förordning 2017:462, not the Social Insurance Code); D6 "Översyn av
    # skolsystemet" and E2 "Ge lagliga förutsättningar för utvärdering" (Education Act); I1
    # "Ändra regelverk och lagstiftning" (SIP: HSL and SoL).  In K&R's column: I3 "Driva på för
    # att förändra lagstiftningen så att effektiv, digital samordning möjliggörs".  And I1
    # itself, because the background says the law on individual plans is unclear.
    rows = law_changes(kg)
    assert [(r.code, r.sfs, r.status, r.pushed_by) for r in rows] == [
        ("A2-staten-1", "2001:453", REPLACED, "Staten"),
        ("B1-staten-2", "2008:355", PART_MOVED, "Staten"),
        ("B1-staten-2", "2009:400", "in force", "Staten"),
        ("C2-staten-1", "2010:110", "in force", "Staten"),
        ("C3-staten-1", "2017:462", "in force", "Staten"),
        ("D6-staten-1", "2010:800", "in force", "Staten"),
        ("E2-staten-1", "2010:800", "in force", "Staten"),
        ("I1", "2001:453", REPLACED, ""),
        ("I1", "2017:30", "in force", ""),
        ("I1-staten-1", "2001:453", REPLACED, "Staten"),
        ("I1-staten-1", "2017:30", "in force", "Staten"),
        ("I3-kommuner-och-regioner-1", "2008:355", PART_MOVED, KR),
        ("I3-kommuner-och-regioner-1", "2009:400", "in force", KR),
    ]
    a2 = rows[0]
    assert (a2.kind, a2.initiative, a2.law, a2.label) == (
        "commitment", "A2", "Socialtjänstlag (2001:453)", "Ändringar i Socialtjänstlagen")
    assert "Row A2 of the annex, column “Vad staten kan göra”" in a2.why
    assert "replaced by Socialtjänstlag (2025:400) from 2025-07-01" in a2.why
    # A lag is Riksdagen's to change, usually on a bill from the government; a förordning
    # (C3's SFS 2017:462) the government's alone.
    assert {(r.sfs, r.form, r.changed_by) for r in rows if r.form == "förordning"} == {
        ("2017:462", "förordning", "Regeringen, without the Riksdag")}
    lag = "Riksdagen, usually on a bill from Regeringen"
    assert all(r.changed_by == lag for r in rows if r.form == "lag")
    c3 = rows[4]
    assert "Regeringen decides it itself, without the Riksdag" in c3.why and "Staten committed" in c3.why
    assert "usually on a bill from Regeringen (a member's motion or a committee's proposal" in a2.why
    assert rows[7].kind == "initiative" and "the initiative's own" in rows[7].why
    b1 = rows[1]
    assert ("Part of it, 6 kap. om sammanhållen journalföring, has since moved to Lag (2022:913) om "
            "sammanhållen vård- och omsorgsdokumentation from 2023-01-01") in b1.why
    assert "the rest of Patientdatalag (2008:355) stays in force" in b1.why


def test_every_row_rests_on_quotes_from_the_memo(kg, memo_text):
    memo = " ".join(memo_text.split())
    for row in law_changes(kg):
        assert row.sources and all(" ".join(q.split()) in memo for q in row.sources), row.code
    i1 = next(r for r in law_changes(kg) if r.code == "I1")
    assert any("brister i lagstiftningen avseende individuella planer" in q for q in i1.sources)


def test_an_empty_store():
    kg = KnowledgeGraph()
    kg.add_ontology()
    assert law_changes(kg) == []
    assert sections(kg)[0].rows == []


def test_sections(kg):
    (part,) = sections(kg)
    assert part.key == "laws" and "SFS" in part.explanation and len(part.rows) == 13
    assert "förordning by the government alone" in part.explanation and "changed_by" in part.columns
    assert all(hasattr(part.rows[0], c) for c in part.columns)


def same_rows(kg):
    python = [(r.code, r.sfs) for r in law_changes(kg)]
    sparql = [(short(r["subject"]), r["sfs"]) for r in run_rq(kg, rq_text("laws"))]
    p = kg.projection()
    projection = {(short(s), short(o).removeprefix("sfs-").replace("-", ":", 1))
                  for s, o, rel in p.edges(keys=True)
                  if rel == "requiresChangeTo" and p.nodes[s]["kind"] in ("Initiative", "Commitment")}
    assert python == sparql and set(python) == projection
    return python


def test_python_sparql_and_projection_agree_on_the_seed_plan(kg):
    assert len(same_rows(kg)) == 13


def test_python_sparql_and_projection_agree_on_a_synthetic_plan(synthetic):
    assert same_rows(synthetic)
