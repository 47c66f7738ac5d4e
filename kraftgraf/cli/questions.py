"""The gap questions on the command line: `kraftgraf query …`, `trace` and `sparql`.

The commands are made from the question registry (:mod:`kraftgraf.queries.registry`):
each parses the options its question declares, asks it through one library call
(:meth:`~kraftgraf.queries.registry.Question.ask` on a
:class:`~kraftgraf.queries.source.Source`) and prints the answer.
"""

from __future__ import annotations

from pathlib import Path

import click

from kraftgraf.cli.answer_cache import ask_kept, keeps
from kraftgraf.cli.main import (
    QuestionGroup,
    format_option,
    main,
    note,
    open_store,
    plan_option,
    store_option,
    user_errors,
)
from kraftgraf.cli.neo4j import connection_options
from kraftgraf.cli.output import render, render_sections
from kraftgraf.errors import DataError
from kraftgraf.graph.store.open import store_path as resolve
from kraftgraf.queries.registry import Option, Question
from kraftgraf.queries.source import Source


def _click_param(option: Option) -> click.Parameter:
    """The click option (or argument) a question's :class:`Option` declares."""
    kind = {"choice": click.Choice(option.choices),
            "number": click.FloatRange(option.low, option.high)}.get(option.kind, click.STRING)
    if option.argument:
        return click.Argument([option.name], type=kind, metavar=option.metavar)
    flag = f"--{option.name.replace('_', '-')}"
    return click.Option([flag, option.name], type=kind, default=option.default,
                        show_default=option.default is not None, help=option.help)


def answer_params() -> list[click.Parameter]:
    """--store, --plan, --format, --explain, --backend and the Neo4j connection: what every question takes."""

    def collect(func):
        func = click.option("--explain", is_flag=True, help="Print under each row why it is there and "
                            "the source quotes.")(func)
        func = click.option(
            "--backend", type=click.Choice(["embedded", "neo4j"]), default="embedded", show_default=True,
            help="Answer from the store (embedded), or from the Neo4j server that "
                 "`kraftgraf neo4j push` filled.")(func)
        return store_option(plan_option(format_option(connection_options(func))))

    return list(reversed(collect(lambda: None).__click_params__))


def command(q: Question) -> click.Command:
    """The click command that asks ``q``."""

    @user_errors
    def ask(store_path, plan_key, fmt, explain, backend, uri, user, password, database, **options):
        source = Source(store_path, plan_key, backend, uri, user, password, database)
        found = resolve(store_path)
        if found is not None and backend == "embedded":
            click.get_current_context().meta["kraftgraf.store"] = store_path or str(found)

        def compute():
            with source.open() as graph:
                return q.ask(graph, **options), source.notes

        if found is not None and found.is_file() and backend == "embedded" and keeps(q):
            sections, notes = ask_kept(q, found, plan_key, options, compute)
        else:
            sections, notes = compute()
        for line in notes:
            note(line)
        click.echo(render_sections(sections, fmt, explain))

    params = [_click_param(o) for o in q.options if o.argument]
    params += [_click_param(o) for o in q.options if not o.argument] + answer_params()
    return click.Command(q.name, callback=ask, params=params, help=q.help, short_help=q.help)


class QueryGroup(QuestionGroup):
    """`kraftgraf query`: the questions that are not top-level commands."""

    top_level = False


@main.group(cls=QueryGroup)
def query():
    """Ask a gap question of the plan; every row says why it is there (--explain)."""


@main.command()
@click.argument("query_text", metavar="QUERY")
@store_option
@format_option
@user_errors
def sparql(query_text, store_path, fmt):
    """Run a read-only SPARQL SELECT (text, a .rq file, or - for stdin) over all graphs."""
    from kraftgraf.queries.common import run_rq

    if query_text == "-":
        query_text = click.get_text_stream("stdin").read()
    elif query_text.endswith(".rq") or Path(query_text).is_file():
        path = Path(query_text)
        if not path.is_file():
            raise DataError(f"{path}: no such file")
        query_text = path.read_text(encoding="utf-8")
    rows = run_rq(open_store(store_path), query_text)
    click.echo(render(rows, fmt))
