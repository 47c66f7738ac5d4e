"""mandates: commitments against mandates, and the likely owners of a group's commitments."""

from __future__ import annotations

import pytest
from peers_plan import mini_plan

from kraftgraf.errors import NotFoundError
from kraftgraf.graph.store.build import build
from kraftgraf.queries.mandates.answer import idle_holders, likely_owners, outside_mandates, sections
from kraftgraf.queries.registry import question


@pytest.fixture(scope="module")
def kg():
    return build()


@pytest.fixture(scope="module")
def mini():
    return mini_plan()


def test_commitments_outside_a_mandate_on_the_seed_plan(kg):
    rows = {r.code: r for r in outside_mandates(kg)}
    # E1 (the school curriculum) addresses education, governed by the school system; no agency of
    # the state in the registry holds a mandate in school, so the state's commitment is outside.
    assert rows["E1-staten-1"].outside == "Skola" and rows["E1-staten-1"].status == "outside every mandate"
    assert rows["A1-staten-1"].status == "partly outside"
    # SKL holds no mandate since issue 17 (the memo proposes it a labour-market role, it states
    # none), so no member of "kommuner och regioner" reaches Arbetsmarknad: its four commitments
    # to C1-C3, whose determinants sit there, are outside every mandate; 23 before.
    assert {c for c, r in rows.items() if c[:2] in ("C1", "C2", "C3") and "kommuner" in c} == {
        "C1-kommuner-och-regioner-1", "C2-kommuner-och-regioner-1", "C3-kommuner-och-regioner-1",
        "C3-kommuner-och-regioner-2"}
    assert rows["C2-kommuner-och-regioner-1"].outside == "Arbetsmarknad"
    assert rows["C2-kommuner-och-regioner-1"].status == "outside every mandate"
    assert len(rows) == 27 and rows["E1-staten-1"].sources


def test_mandate_holders_that_committed_nothing_on_the_seed_plan(kg):
    rows = [(r.id, r.sector) for r in idle_holders(kg)]
    # housing and the environment: no initiative addresses them, yet municipalities plan for them.
    # Since issue 17 lifestyle habits also sit in Folkhälsa, Folkhälsomyndigheten's one mandate;
    # only "kommuner och regioner" commits to D3, the initiative that addresses them.
    assert rows == [("boende", "Samhällsplanering"), ("boende", "Socialtjänst"),
                    ("levnadsvanor", "Folkhälsa"), ("miljo", "Samhällsplanering")]
    why = next(r.why for r in idle_holders(kg) if r.sector == "Folkhälsa")
    assert why.startswith("Folkhälsomyndigheten holds the mandate in Folkhälsa, which governs "
                          "'Levnadsvanor'; initiatives D3 address it")


def test_likely_owners_of_the_states_commitments_rank_by_mandate(kg):
    rows = likely_owners(kg, "Staten")
    c2 = [r for r in rows if r.code == "C2-staten-1"]
    # C2 (young people into work) addresses unemployment: the employment service's sector
    assert [(r.member, r.rank) for r in c2] == [("Arbetsförmedlingen", 1)]
    assert "likely, by mandate" in c2[0].why and len(c2[0].sources) == 2  # the mandate, the commitment
    # A2 addresses health care: the four bodies with mandates in health care and social services,
    # by name.  Folkhälsomyndigheten ranked first before issue 17; its mandate is public health
    # (Folkhälsa) now, not health care, so it owns nothing of A2.
    a2 = [r.member for r in rows if r.code == "A2-staten-1"]
    assert a2 == ["Inspektionen för vård och omsorg (IVO)", "Myndigheten för vård- och omsorgsanalys",
                  "Socialstyrelsen", "Statens beredning för medicinsk och social utvärdering (SBU)"]
    owned = likely_owners(kg)
    groups = {r.code for r in owned}
    # 25 with no owner: since issue 17 SKL holds no labour-market mandate, so the four
    # commitments of "kommuner och regioner" to C1-C3 have none (21 before)
    assert len(groups) == 59 and len({r.code for r in owned if not r.member}) == 25


def test_an_actor_sees_only_what_it_likely_owns(kg):
    rows = likely_owners(kg, "Socialstyrelsen")
    assert {r.member for r in rows} == {"Socialstyrelsen"} and len(rows) == 6
    assert outside_mandates(kg, "Socialstyrelsen") == []  # it committed nothing itself


def test_the_mini_plan(mini):
    assert [(r.code, r.outside) for r in outside_mandates(mini)] == [
        ("M1-kommunerna-2", "Arbetsmarknad"), ("M3-civilsamhallet-2", "Samhällsplanering and Socialtjänst")]
    owners = [(r.code, r.member, r.rank) for r in likely_owners(mini)]
    # SKL's mandate in Socialtjänst is the fixture's own (the curated facts give SKL none since
    # issue 17): Kommunerna's mandates cover both of Boende's sectors, SKL's one, so SKL ranks second
    assert owners == [("M1-staten-1", "Arbetsförmedlingen", 1), ("M3-civilsamhallet-2", "", 0),
                      ("M3-kommuner-och-regioner-1", "Kommunerna", 1),
                      ("M3-kommuner-och-regioner-1", "Sveriges Kommuner och Landsting (SKL)", 2)]
    idle = {(r.id, r.initiatives) for r in idle_holders(mini)}
    # M4 addresses education; the municipalities hold the school mandate and did not commit to it
    assert ("utbildning", "M4") in idle
    # Arbetsförmedlingen is bound by the state's word on M1: unemployment is not idle
    assert not any(r[0] == "arbetsloshet" for r in idle)


def test_sections_and_a_mistyped_actor(kg):
    # every declared section in order; 'basis' only when the plan lacks links or sectors (the seed lacks none)
    assert [s.key for s in sections(kg)] == [k for k in question("mandates").sections if k != "basis"]
    with pytest.raises(NotFoundError, match="closest"):
        sections(kg, actor="Socialstyrelsn")


def test_the_cli_as_a_newcomer_runs_it(run):
    assert "--actor" in run("query", "mandates", "--help").output
    result = run("query", "mandates", "--actor", "Socialstyrelsn")
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert result.exit_code == 2 and len(lines) == 1
    assert run("query", "mandates", "--format", "csv").exit_code == 0
