"""The spreadsheet round trip on the command line: `kraftgraf template` and `kraftgraf import`."""

from __future__ import annotations

import time

import click

from kraftgraf.cli.main import (
    UserError,
    main,
    open_store,
    store_option,
    user_errors,
)
from kraftgraf.loaders.limits import DEFAULT_SHEET_LIMITS, MB, SheetLimits


@main.command()
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="initiativlista.xlsx (one workbook) or .csv (the plan, with the side sheets beside it "
                   "as NAME.aktorer.csv, NAME.lagar.csv, NAME.bestamningsfaktorer.csv).")
@click.option("--plan", "plan_key", help="Which plan of the store (default: its only plan).")
@store_option
@user_errors
def template(output, plan_key, store_path):
    """Write the plan as the memo's table (samlad initiativlista), to edit and import again."""
    from kraftgraf.loaders.sheet.template import write_template

    counts = write_template(open_store(store_path), output, plan_key)
    sheets = ", ".join(f"{name} {n}" for name, n in counts.items())
    click.echo(f"wrote {output} (rows: {sheets}); edit it, then: kraftgraf import {output} --dry-run",
               err=True)


@main.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--dry-run", is_flag=True, help="Print what would change; write nothing.")
@click.option("--plan", "plan_key",
              help="The plan's key, e.g. who-2013: a plan not in the store becomes its own named graph "
                   "beside the others. Default: the key in the workbook, else the store's only plan.")
@click.option("--actor-column", "actor_columns", multiple=True, metavar="HEADER[=ACTOR-ID]",
              help="An actor column of the plan sheet (repeat for each). Without '=ACTOR-ID' a known "
                   "actor is found by name, else a new actor is made. Default: the sheet Aktörer, "
                   "else SKL/Kommuner/Regioner, Staten, Civilsamhället.")
@click.option("--lang", help="The plan's language: its title's, and each text's whose words do not tell "
                              "(default: the workbook's, else sv). A column's header may set its own: "
                              "'Initiativ [en]'.")
@click.option("--title",
              help="The plan's title (default: the workbook's, else the plan's, else the file name).")
@click.option("--max-rows", type=click.IntRange(1), default=DEFAULT_SHEET_LIMITS.rows, show_default=True,
              help="Refuse a sheet with more rows (header included), before minutes of checking them.")
@click.option("--max-columns", type=click.IntRange(1), default=DEFAULT_SHEET_LIMITS.columns,
              show_default=True, help="Refuse a sheet with more columns.")
@click.option("--max-sheet-mb", type=click.IntRange(1), default=DEFAULT_SHEET_LIMITS.sheet_bytes // MB,
              show_default=True, help="Refuse a sheet whose XML (inside the XLSX) or CSV file is larger.")
@click.option("--replace", is_flag=True,
              help="Replace the plan even when the file would drop most of its initiatives.")
@click.option("--goal-pattern", metavar="REGEX",
              help="How the plan writes a goal: a regular expression with the groups (?P<code>…) and "
                   "(?P<name>…). Default: a code, then '.', ':', ')' or ' –', then the name, optionally "
                   "after Mål, Delmål, Goal, Objective, … ('1. …', 'Delmål 3: …', 'Mål 2 – …').")
@click.option("--focus-pattern", metavar="REGEX",
              help="How the plan writes a focus area (as --goal-pattern).")
@click.option("--id-pattern", metavar="REGEX",
              help="What an initiative id looks like (default: letters, digits, '.', '-', '_', "
                   "at most 40).")
@store_option
@user_errors
def import_plan(file, dry_run, plan_key, actor_columns, lang, title, max_rows, max_columns, max_sheet_mb,
                replace, goal_pattern, focus_pattern, id_pattern, store_path):
    """Read a plan spreadsheet (XLSX or CSV) into the store: all of it, or nothing if any row is wrong.

    The store (--store, else ./kraftgraf-store.trig) is rewritten in one step; if it does
    not exist yet, it starts from the bundled plan.
    """
    from kraftgraf.api import import_plan as import_into_store
    from kraftgraf.loaders.sheet.codes import CodeRules

    started = time.perf_counter()
    rules = CodeRules.of(goal_pattern, focus_pattern, id_pattern)
    done = import_into_store(store_path, file, plan_key, list(actor_columns), lang, title,
                             SheetLimits(max_rows, max_columns, max_sheet_mb * MB), rules, replace, dry_run)
    result = done.result
    for note in result.notes:
        click.echo(f"note: {note}", err=True)
    click.echo(f"plan {result.key} from {file}: {result.initiatives} initiatives, "
               f"{result.commitments} commitments")
    for line in done.lines:
        click.echo(line)
    for warning in done.warnings:
        click.echo(f"note: {warning}", err=True)
    if done.refused:
        if not dry_run:
            raise UserError(f"refused: {done.refused}")
        click.echo(f"note: an import without --replace would be refused: {done.refused}", err=True)
    if dry_run:
        click.echo("(dry run: nothing written)", err=True)
    elif not done.written:
        click.echo(f"{done.path} is left as it was", err=True)
    else:
        seconds = time.perf_counter() - started
        click.echo(f"wrote {done.path} (plan {result.key}) in {seconds:.1f} s", err=True)
