"""trace: from an actor to what it reaches, and back from a determinant; and `sparql`."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from kraftgraf.cli import main
from kraftgraf.errors import DataError, NotFoundError
from kraftgraf.graph.store.build import build
from kraftgraf.queries.common import run_rq
from kraftgraf.queries.mandates.answer import likely_owners
from kraftgraf.queries.trace.answer import sections, trace


@pytest.fixture(scope="module")
def kg():
    return build()


def by_route(paths, route):
    return [p for p in paths if p.route == route]


def test_the_state_through_its_commitments_laws_and_agencies(kg):
    paths = trace(kg, "staten")
    # The state's column of the annex: e.g. C1 "Ta fram kunskapsstöd … ett program för
    # anpassning av arbets- och vardagsliv", an initiative about working life.
    steps = {(p.step, p.target) for p in by_route(paths, "commitment")}
    assert ("C1-staten-1", "Arbetsmiljö") in steps
    assert all(p.actor == "Staten" for p in by_route(paths, "commitment"))
    # A2: "Ändringar i Socialtjänstlagen" — the 2001 act, since replaced.
    laws = {(p.step, p.target) for p in by_route(paths, "law")}
    assert ("A2-staten-1", "Socialtjänstlag (2001:453)") in laws
    # The state holds no mandate itself in the memo's background; its agencies do.
    mandates = by_route(paths, "mandate")
    assert mandates and all("(member of Staten)" in p.actor for p in mandates)
    assert any(p.actor.startswith("Försäkringskassan") and p.step == "Socialförsäkring" for p in mandates)


def test_every_path_has_its_reason_and_quotes(kg):
    for path in trace(kg, "Staten"):
        assert path.why and path.sources and all(q.strip() for q in path.sources)


def test_back_from_a_determinant(kg):
    paths = trace(kg, "ARBETSMILJÖ")  # any case
    actors = {p.actor for p in by_route(paths, "commitment")}
    # C1 and C2 address the work environment; all three column actors commit to C1.
    assert actors == {"Staten", "Civilsamhället", "Kommuner och regioner i samarbete med SKL"}
    assert {p.initiative for p in by_route(paths, "commitment")} == {"C1", "C2"}
    assert all(p.target == "Arbetsmiljö" for p in paths)


def test_a_path_says_why_the_initiative_addresses_the_determinant_and_how_sure_that_is(kg):
    paths = by_route(trace(kg, "arbetsmiljö"), "commitment")
    # C1 "Program för ett hållbart längre arbetsliv": the row says working life in so many words;
    # C2 "förebygga och förkorta sjukskrivningar": that sick leave is the work environment is
    # our reading.
    assert {p.initiative: p.confidence for p in paths} == {"C1": "stated", "C2": "our reading"}
    c2 = next(p for p in paths if p.initiative == "C2")
    assert "; the initiative addresses Arbetsmiljö (our reading: Preventing and shortening sick" in c2.why
    # the table shows it too; mandate and law paths have no link to a determinant, so no confidence
    (commitments, mandates, laws) = sections(kg, "Staten")
    assert commitments.columns[-1] == "confidence" and "confidence" not in mandates.columns
    assert {p.confidence for p in commitments.rows} == {"stated", "our reading"}
    assert {p.confidence for p in mandates.rows + laws.rows} == {""}


def test_a_member_reaches_what_its_group_committed_to_where_its_mandate_matches(kg):
    paths = by_route(trace(kg, "Regionerna"), "commitment")
    # Regionerna reaches them through the group, but only where its own mandate covers the
    # determinant (issue 16: a group's word is not every member's); the path names it, then the group.
    # (This test used SKL until issue 17; SKL holds no mandate since, see the next test.)
    assert paths and {p.actor for p in paths} == {
        "Regionerna (likely, by mandate, via Kommuner och regioner i samarbete med SKL)"}
    assert all(p.why.endswith("likely, by mandate.") for p in paths)
    assert {p.target for p in paths} == {"Hälso- och sjukvård", "Levnadsvanor"} and len(paths) == 19


def test_a_member_with_no_mandate_is_credited_nothing_and_a_unit_goes_up_every_group(kg):
    # SKL holds no mandate since issue 17: none of the group's commitments is its, by mandate.
    assert by_route(trace(kg, "SKR"), "commitment") == []  # SKR: alias of SKL
    # UPH, a unit of SKL with a mandate in health care, is credited through the group above SKL,
    # as `query mandates` ranks it among the group's likely owners (members at any depth).
    paths = by_route(trace(kg, "UPH"), "commitment")
    assert {p.actor for p in paths} == {
        "Uppdrag Psykisk Hälsa (UPH) (likely, by mandate, via Kommuner och regioner i samarbete med SKL)"}
    assert {p.target for p in paths} == {"Hälso- och sjukvård", "Levnadsvanor"} and len(paths) == 19
    assert {p.step for p in paths} == {r.code for r in likely_owners(kg, "UPH")}
    laws = {(p.step, p.target) for p in by_route(trace(kg, "UPH"), "law")}
    assert laws == {("I1", "Hälso- och sjukvårdslag (2017:30)"), ("I1", "Socialtjänstlag (2001:453)")}


def test_an_agency_is_credited_with_the_states_commitments_only_by_mandate(kg):
    # Before issue 16, Socialstyrelsen was credited with all 28 of the state's paths ("via Staten"),
    # unemployment included.  Its mandates are in health care and social services.
    paths = by_route(trace(kg, "Socialstyrelsen"), "commitment")
    assert {p.target for p in paths} == {"Hälso- och sjukvård", "Socialtjänst och omsorg"}
    assert len(paths) == 9 and len({p.step for p in paths}) == 6
    mandate = "Socialstyrelsen holds a mandate in Hälso- och sjukvård"
    assert all(mandate in p.why or "Socialtjänst" in p.why for p in paths)
    assert all(len(p.sources) >= 2 for p in paths)  # the commitment's quote and the mandate's
    laws = by_route(trace(kg, "Socialstyrelsen"), "law")
    assert laws and all("likely, by mandate" in p.actor for p in laws)


def test_unknown_names_say_the_closest(kg):
    with pytest.raises(NotFoundError, match="closest: 'Staten'"):
        trace(kg, "Statn")


def test_a_determinant_nobody_reaches_gives_no_paths(kg, tmp_path, monkeypatch):
    # Vatten och sanitet (layer 4) is addressed by no initiative and placed in no sector.
    assert trace(kg, "Vatten och sanitet") == []
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["trace", "vatten och sanitet"])
    assert result.exit_code == 2 and "nothing links 'vatten och sanitet' to the plan" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_sparql_refuses_what_could_reach_out_or_write(kg):
    for text in ("SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }",
                 "LOAD <http://example.org/x.ttl>",
                 "INSERT DATA { <a:a> <a:b> <a:c> }",
                 "SELECT * FROM <http://example.org/g> WHERE { ?s ?p ?o }"):
        with pytest.raises(DataError, match="refused"):
            run_rq(kg, text)
    with pytest.raises(DataError, match="syntax error"):
        run_rq(kg, "SELEC ?x WHERE {")


def test_sparql_cli(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    query = ("PREFIX kg: <https://w3id.org/kraftgraf/ontology#> "
             "SELECT (COUNT(?i) AS ?n) WHERE { ?i a kg:Initiative }")
    result = runner.invoke(main, ["sparql", query, "--format", "csv"])
    assert result.exit_code == 0 and result.stdout.splitlines() == ["n", "33"]
    (tmp_path / "q.rq").write_text(query, encoding="utf-8")
    assert runner.invoke(main, ["sparql", "q.rq", "--format", "json"]).exit_code == 0
    bad = runner.invoke(main, ["sparql", "SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }"])
    assert bad.exit_code == 2 and "SERVICE is not allowed" in bad.output
    for other in ("ASK { ?s ?p ?o }", "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 2", "DESCRIBE <x:y>"):
        result = runner.invoke(main, ["sparql", other])
        assert result.exit_code == 2 and "only SELECT queries" in result.output, other
    missing = runner.invoke(main, ["sparql", "nope.rq"])
    assert missing.exit_code == 2 and "no such file" in missing.output
