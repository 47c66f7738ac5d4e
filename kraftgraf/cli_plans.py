"""Several plans on the command line: `kraftgraf query compare`.

Each command parses its options, makes one library call and prints the answer
in the sections shape every query shares (--format table|json|csv, --explain).
"""

from __future__ import annotations

import click

from kraftgraf.cli import (
    format_option,
    open_store,
    store_option,
    user_errors,
)
from kraftgraf.cli_queries import query
from kraftgraf.output import render_sections


def explain_option(func):
    """--explain: the reason and the source quotes under each row."""
    return click.option("--explain", is_flag=True,
                        help="Print under each row why it is there and the source quotes.")(func)


@query.command()
@click.argument("earlier", metavar="EARLIER")
@click.argument("later", metavar="LATER")
@store_option
@format_option
@explain_option
@user_errors
def compare(earlier, later, store_path, fmt, explain):
    """Determinants and layers a later plan covers that an earlier one did not, and the reverse.

    EARLIER and LATER are plan keys of the store (see 'kraftgraf build --add').
    """
    from kraftgraf.queries.compare import sections

    click.echo(render_sections(sections(open_store(store_path), earlier, later), fmt, explain))
