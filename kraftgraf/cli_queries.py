"""The gap questions on the command line: `kraftgraf query …`, `trace` and `sparql`.

Each command parses its options, calls one query module's ``sections`` and
prints the answer; the modules in kraftgraf.queries do the work.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path

import click

from kraftgraf.cli import format_option, main, open_store, plan_option, store_option, user_errors
from kraftgraf.cli_neo4j import backend_option
from kraftgraf.errors import DataError
from kraftgraf.output import render, render_sections
from kraftgraf.queries.sparql_guard import DEFAULT_TIMEOUT


def answer_options(func):
    """--store, --plan, --format, --explain and --backend: what every question takes."""
    func = click.option("--explain", is_flag=True, help="Print under each row why it is there and "
                        "the source quotes.")(backend_option(func))
    return store_option(plan_option(format_option(func)))


def emit(module: str, source, fmt, explain, **options) -> None:
    """Open the store or the server (a :class:`~kraftgraf.cli_neo4j.Source`), ask one query module, print."""
    with source.open() as graph:
        sections = import_module(f"kraftgraf.queries.{module}").sections(graph, **options)
    click.echo(render_sections(sections, fmt, explain))


@main.group()
def query():
    """Ask a gap question of the plan; every row says why it is there (--explain)."""


@query.command()
@click.option("--actor", help="Only initiatives that lack this actor (label, alias or id).")
@answer_options
@user_errors
def unowned(store_path, fmt, explain, actor):
    """Initiatives nobody (or one actor only) has committed to, and determinants nobody holds."""
    emit("unowned", store_path, fmt, explain, actor=actor)


@query.command()
@answer_options
@user_errors
def silos(store_path, fmt, explain):
    """How far work stays inside one sector: sectors per initiative, E–I index, modularity."""
    emit("silos", store_path, fmt, explain)


@query.command()
@click.option("--threshold", type=click.FloatRange(0, 100), default=None,
              help="Similarity (0–100) from which two commitments count as overlapping.")
@answer_options
@user_errors
def overlaps(store_path, fmt, explain, threshold):
    """Commitments that say nearly the same thing, with the similarity score."""
    options = {} if threshold is None else {"threshold": threshold}
    emit("overlaps", store_path, fmt, explain, **options)


@query.command()
@click.option("--by", type=click.Choice(["actor", "sector"]), default="actor", show_default=True)
@answer_options
@user_errors
def coverage(store_path, fmt, explain, by):
    """A matrix of actors (or sectors) against the Dahlgren–Whitehead layers."""
    emit("coverage", store_path, fmt, explain, by=by)


@query.command()
@answer_options
@user_errors
def laws(store_path, fmt, explain):
    """Initiatives and commitments that need a law changed, and which law (SFS number)."""
    emit("laws", store_path, fmt, explain)


@main.command()
@click.argument("name")
@answer_options
@user_errors
def trace(name, store_path, fmt, explain):
    """Trace an actor to the determinants and laws it reaches, or a determinant back to actors."""
    emit("trace", store_path, fmt, explain, name=name)


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
@format_option
@user_errors
def sparql(query_text, timeout, store_path, fmt):
    """Run a read-only SPARQL SELECT (text, a .rq file, or - for stdin) over all graphs.

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
    rows = run_select(open_store(store_path), query_text, timeout)
    click.echo(render(rows, fmt))
