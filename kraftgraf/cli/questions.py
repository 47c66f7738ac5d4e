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
from kraftgraf.queries.sparql_guard import DEFAULT_TIMEOUT


def _click_param(option: Option) -> click.Parameter:
    """The click option (or argument) a question's :class:`Option` declares."""
    kind = {"choice": click.Choice(option.choices),
            "number": click.FloatRange(option.low, option.high)}.get(option.kind, click.STRING)
    if option.argument:
        return click.Argument([option.name], type=kind, metavar=option.metavar)
    flag = f"--{option.name.replace('_', '-')}"
    if option.kind == "flag":
        return click.Option([flag, option.name], is_flag=True, default=bool(option.default), help=option.help)
    return click.Option([flag, option.name], type=kind, default=option.default, multiple=option.multiple,
                        metavar=option.metavar, show_default=option.default is not None, help=option.help)


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


def _stdin_bytes() -> bytes:
    with click.open_file("-", "rb") as stream:  # the bytes, so text that is not UTF-8 is our message
        return stream.read()


def _names_a_file(text: str) -> bool:
    try:
        return text.endswith(".rq") or Path(text).is_file()
    except (OSError, ValueError):  # a query too long or odd to be a file name
        return False


@main.command()
@click.argument("query_text", metavar="QUERY")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=DEFAULT_TIMEOUT,
              show_default=True, metavar="SECONDS", help="Stop the query after this long.")
@store_option
@plan_option
@format_option
@user_errors
def sparql(query_text, timeout, store_path, plan_key, fmt):
    """Run a read-only SPARQL SELECT (text, a .rq file, or - for stdin) over all graphs (or one plan's).

    No SERVICE, LOAD or update, and FROM names only graphs of the store.
    """
    from kraftgraf.queries.sparql_guard import decode_query, run_select

    if query_text == "-":
        query_text = decode_query(_stdin_bytes(), "stdin")
    elif _names_a_file(query_text):
        path = Path(query_text)
        try:
            query_text = decode_query(path.read_bytes(), str(path))
        except FileNotFoundError:
            raise DataError(f"{path}: no such file") from None
        except OSError as exc:
            raise DataError(f"{path}: cannot read it ({exc.strerror})") from None
    rows = run_select(open_store(store_path, plan_key), query_text, timeout)
    click.echo(render(rows, fmt))
