"""Several plans on the command line: `kraftgraf query compare`, `suggest` and `diff`.

Each command parses its options, makes one library call and prints the answer
in the sections shape every query shares (--format table|json|csv, --explain).
"""

from __future__ import annotations

import click

from kraftgraf.cli.main import (
    UserError,
    format_option,
    main,
    open_store,
    plan_option,
    store_option,
    user_errors,
)
from kraftgraf.cli.output import render_sections
from kraftgraf.cli.questions import query


def explain_option(func):
    """--explain: the reason and the source quotes under each row."""
    return click.option("--explain", is_flag=True,
                        help="Print under each row why it is there and the source quotes.")(func)


@query.command()
@click.argument("earlier", metavar="EARLIER")
@click.argument("later", metavar="LATER")
@click.option("--with-suggestions", "suggested", is_flag=True,
              help="Count the links 'kraftgraf suggest' proposes too (for a plan without curated links).")
@store_option
@format_option
@explain_option
@user_errors
def compare(earlier, later, suggested, store_path, fmt, explain):
    """Determinants and layers a later plan covers that an earlier one did not, and the reverse.

    EARLIER and LATER are plan keys of the store (see 'kraftgraf build --add').
    """
    from kraftgraf.queries.compare.answer import sections

    answer = sections(open_store(store_path), earlier, later, suggested)
    click.echo(render_sections(answer, fmt, explain))


@main.command()
@click.option("--accept", "choices", multiple=True, metavar="INITIATIVE:DETERMINANT",
              help="Confirm a suggestion (e.g. A1:arbetsmiljo, or an indicator: "
                   "D:fohm-gott-psykiskt-valbefinnande) and write it to the store; repeatable.")
@store_option
@plan_option
@format_option
@explain_option
@user_errors
def suggest(choices, store_path, plan_key, fmt, explain):
    """Suggest determinant links for initiatives that have none, and indicators for what none follows.

    The rules are the keyword lists of data/determinant_keywords.csv and
    data/indicator_keywords.csv; nothing is written to the store unless you
    --accept a suggestion.
    """
    from kraftgraf.api import accept_suggestions
    from kraftgraf.queries.suggest.answer import sections
    from kraftgraf.queries.suggest.indicators import IndicatorSuggestion

    if not choices:
        click.echo(render_sections(sections(open_store(store_path, plan_key)), fmt, explain))
        return
    path, accepted, notes = accept_suggestions(store_path, list(choices), plan_key)
    for s in accepted:
        link = f"{s.item} → indicator {s.indicator}" if isinstance(s, IndicatorSuggestion) else \
            f"{s.initiative} → {s.determinant}"
        click.echo(f"accepted {link} ({s.label}) in plan {s.plan}; wrote {path}")
    for note in notes:
        click.echo(f"note: {note}", err=True)


@main.command()
@click.argument("old", type=click.Path(dir_okay=False))
@click.argument("new", type=click.Path(dir_okay=False))
@click.option("--plan", "plans", multiple=True, metavar="KEY",
              help="The plan inside a store (.trig/.nq) that holds several: once for both sides, "
                   "or twice (old, then new).")
@format_option
@explain_option
@user_errors
def diff(old, new, plans, fmt, explain):
    """Initiatives, outcomes and commitments added, dropped, reassigned or reworded between two plans.

    OLD and NEW are plan files (.ttl/.nt) or stores (.trig/.nq); items are
    matched by their id (A1, A1-1, A1-staten-1), or, when the plans share few
    ids, paired by their texts (section matched, with each pair's score).
    """
    from kraftgraf.queries.diff.answer import COLUMNS, open_side, sections

    if len(plans) > 2:
        raise UserError("give --plan at most twice: the old side's plan, then the new side's")
    old_plan, new_plan = (plans + plans)[:2] if plans else (None, None)
    answer = sections(open_side(old, old_plan), open_side(new, new_plan))
    click.echo(render_sections(answer, fmt, explain, columns=COLUMNS))


def _listing(kind: str, doc: str):
    @main.command(kind, help=doc)
    @store_option
    @plan_option
    @format_option
    @explain_option
    @user_errors
    def command(store_path, plan_key, fmt, explain):
        from kraftgraf.cli.output import render
        from kraftgraf.graph.store import listing

        rows = getattr(listing, f"list_{kind}")(open_store(store_path), plan_key)
        click.echo(render(rows, fmt, ["id", "name_sv", "name_en", "kind", "plans", "why"] if fmt != "table"
                          else ["id", "name_sv", "name_en", "kind", "plans"]))
        if explain and fmt == "table":
            click.echo("\n".join(row.why for row in rows))
    return command


_listing("actors", "The actors the store knows: id, names, kind and the plans that use them "
                   "(use these ids in a sheet's Aktörer).")
_listing("laws", "The laws the store knows by SFS number, and the plans whose items need them changed.")
_listing("determinants", "The determinants and layers by id (for a sheet's Bestämningsfaktorer), "
                         "and the plans whose initiatives address them.")
