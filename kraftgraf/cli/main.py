"""The command line: each command parses its options, makes one library call, prints.

A mistake the user can fix (a missing file, bad data, an unknown name) is one
line on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import functools

import click

from kraftgraf.cli.output import FORMATS, render
from kraftgraf.collector import off_for_the_process, paused_gc
from kraftgraf.errors import KraftgrafError
from kraftgraf.graph.exporters import EXPORTERS, exporter
from kraftgraf.graph.store.open import DEFAULT_STORE
from kraftgraf.loaders import LOADERS


class UserError(click.ClickException):
    """Shown as 'Error: …' with exit code 2 (click's own usage errors use 2 as well)."""

    exit_code = 2


# Click >= 8.2 shows a group's help for a bare `kraftgraf query` through a usage error; help stays help.
_HELP = getattr(click.exceptions, "NoArgsIsHelpError", ())


def _one_line(exc: click.UsageError) -> click.ClickException:
    """Click's usage error as the one line our own errors are, naming the help to read."""
    if isinstance(exc, _HELP):
        return exc
    hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx is not None else ""
    return UserError(exc.format_message().replace("\n", " ") + hint)


class OneLineGroup(click.Group):
    """The command group whose usage errors (a bad --format, an unknown option) are one line too.

    Click prints its usage block before such an error; the rest of kraftgraf's
    mistakes are one line on stderr, so these are as well (exit code 2 either way).
    """

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Parse kraftgraf's own options (an unknown one is one line)."""
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as exc:
            raise _one_line(exc) from None

    def invoke(self, ctx: click.Context):
        """Run the subcommand, with the cycle collector paused (:mod:`kraftgraf.collector`).

        The subcommand and any group under it parse their options in here.
        """
        try:
            with paused_gc():
                return super().invoke(ctx)
        except click.UsageError as exc:
            raise _one_line(exc) from None


def user_errors(func):
    """Turn the library's KraftgrafError into one line and exit code 2."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except KraftgrafError as exc:
            raise UserError(str(exc)) from None

    return wrapper


def store_option(func):
    """Add --store: which store to read (see the help text for the default)."""
    return click.option(
        "--store", "store_path", type=click.Path(dir_okay=False), envvar="KRAFTGRAF_STORE",
        help=f"Store file (.trig/.nq) or plan (.ttl/.nt). Default: $KRAFTGRAF_STORE, "
             f"./{DEFAULT_STORE} if present, else the bundled plan.")(func)


def format_option(func):
    """--format table|json|csv."""
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default="table",
                        show_default=True, help="How to print the rows.")(func)


def plan_option(func):
    """Add --plan KEY: answer over that plan of the store only."""
    return click.option(
        "--plan", "plan_key", metavar="KEY",
        help="Only this plan of the store (with the ontology and curated facts); "
             "default: all the plans it holds.")(func)


def open_store(store_path: str | None, plan_key: str | None = None, literals_checked: bool = True):
    """The store the user means (see :func:`kraftgraf.graph.store.open.open_store`), narrowed to ``plan_key``.

    Once the command has answered, a note on stderr says which store file it read.
    """
    from kraftgraf.graph.store.open import open_store as open_library_store
    from kraftgraf.graph.store.open import store_path as resolve

    found = resolve(store_path)
    if found is not None:
        click.get_current_context().meta["kraftgraf.store"] = str(found) if store_path is None else store_path
    return open_library_store(found, plan_key, literals_checked)


def note(text: str) -> None:
    """Say ``text`` on stderr after the answer (see :func:`_name_the_store`)."""
    click.get_current_context().meta.setdefault("kraftgraf.notes", []).append(text)


class QuestionGroup(OneLineGroup):
    """A group whose commands include the registry's questions.

    Those asked as `kraftgraf NAME` sit on the top group (``top_level``), the others on `kraftgraf query`.
    """

    top_level = True

    def _questions(self) -> dict:
        from kraftgraf.queries.registry import questions

        return {q.name: q for q in questions() if q.top_level == self.top_level}

    def list_commands(self, ctx: click.Context) -> list[str]:
        """The group's own commands and its questions, sorted."""
        return sorted({*super().list_commands(ctx), *self._questions()})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """A command of the group, else the question of that name."""
        from kraftgraf.cli.questions import command

        found = super().get_command(ctx, cmd_name)
        asked = self._questions().get(cmd_name)
        return command(asked) if found is None and asked is not None else found


@click.group(cls=QuestionGroup)
@click.version_option(package_name="kraftgraf")
def main():
    """Kraftgraf: a national mental-health plan as a knowledge graph.

    Every command works on the bundled plan (SKL, Kraftsamling för psykisk hälsa
    2020–2030) until you build a store of your own.
    """


def run() -> None:
    """The ``kraftgraf`` command and ``python -m kraftgraf``: :func:`main`, and then the process ends."""
    off_for_the_process()
    main(prog_name="kraftgraf")


@main.result_callback()
def _name_the_store(*_results, **_options):
    # After the answer, not before it: a mistake stays one line, and the note does not
    # sit between a table's header and its rows on a terminal.
    meta = click.get_current_context().meta
    if meta.get("kraftgraf.store") is not None:
        click.echo(f"(store: {meta['kraftgraf.store']})", err=True)
    for text in meta.get("kraftgraf.notes", []):
        click.echo(text, err=True)


@main.command()
@click.argument("source", required=False, metavar="[FILE]", type=click.Path(dir_okay=False))
@click.option("--loader", type=click.Choice(sorted(LOADERS)),
              help="How to read FILE; default: by its suffix (" + "; ".join(
                  f"{', '.join(x.suffixes)}: {x.name}, {x.description}" for x in LOADERS.values()) + ").")
@click.option("--plan", "plan_key", metavar="KEY",
              help="Name of the plan in the store (default: the file's name, or the memo's plan).")
@click.option("--data", "data_dir", type=click.Path(file_okay=False),
              help="A folder of curated CSV files to use instead of the bundled ones.")
@click.option("--add", is_flag=True,
              help="Add the plan to the existing store at -o instead of building a new one.")
@click.option("--replace", is_flag=True,
              help="Rebuild the store at -o even though it holds plans the new build lacks.")
@click.option("-o", "--output", default=DEFAULT_STORE, show_default=True,
              help="Store file to write (.trig or .nq).")
@click.option("--keep-answers", is_flag=True,
              help="Also answer each question's first example now and keep it, so that it is answered at "
                   "once later (by default a question keeps its answer the first time it is asked).")
@format_option
@user_errors
def build(source, loader, plan_key, data_dir, add, replace, output, keep_answers, fmt):
    """Build a store from the ontology, the curated facts and a plan (FILE, else the bundled one)."""
    from kraftgraf.cli.answer_cache import keep_counts, kept_plan_keys, warm
    from kraftgraf.graph.store.build import build_store
    from kraftgraf.graph.store.plans import plan_keys
    from kraftgraf.graph.store.stats import counts

    built = build_store(output, source, loader, data_dir, plan_key, add, replace, kept_plan_keys)
    if keep_answers:  # ten seconds and more on a national plan: not every build pays for them
        warm(built.kg, built.path, built.content)
    rows = counts(built.kg)
    keep_counts(built.path, rows, plan_keys(built.kg), built.content)
    click.echo(render(rows, fmt, headers={"label_sv": "vad", "count": "antal"}))
    if fmt == "table":
        click.echo(f"\nwrote {built.path} with the plans {', '.join(plan_keys(built.kg))}; later commands "
                   f"read it from this folder (or pass --store {built.path})")
    for other, n in built.shared.items():  # after the answer, as the other notes
        click.echo(f"note: {n} of {built.key}'s nodes have the same IRIs as nodes of {other}: the store "
                   f"holds two versions of them, and a query without --plan sees both; ask one with --plan, "
                   f"or compare them with 'kraftgraf query compare {other} {built.key}'", err=True)


@main.command()
@store_option
@plan_option
@format_option
@user_errors
def stats(store_path, plan_key, fmt):
    """Count what the store holds: goals, initiatives, commitments, actors, laws and more."""
    from kraftgraf.cli.answer_cache import kept_counts
    from kraftgraf.graph.store.open import store_path as resolve
    from kraftgraf.graph.store.stats import counts

    found = resolve(store_path)
    if found is not None and found.is_file():  # kept under the file's bytes, as the answers are
        rows = kept_counts(found, plan_key, lambda: counts(open_store(store_path, plan_key)))
        click.get_current_context().meta["kraftgraf.store"] = store_path or str(found)
    else:
        rows = counts(open_store(store_path, plan_key))
    click.echo(render(rows, fmt, headers={"label_sv": "vad", "count": "antal"}))


@main.command()
@store_option
@format_option
@user_errors
def validate(store_path, fmt):
    """Check the store against the SHACL shapes; exit 1 and list each violation if it fails."""
    from kraftgraf.graph.store.validate import validate as run_shapes

    violations = run_shapes(open_store(store_path, literals_checked=False))  # its own words for them
    if not violations:
        if fmt != "table":  # the same shape as with violations: [] in JSON, the header in CSV
            click.echo(render([], fmt, columns=("node", "label", "path", "message")))
        click.echo("the graph conforms to the shapes (ontology/shapes.ttl)", err=fmt != "table")
        return
    if fmt == "table":
        for v in violations:
            click.echo(str(v))
        click.echo(f"\n{len(violations)} violation(s)")
    else:
        click.echo(render(violations, fmt))
    raise SystemExit(1)


@main.command()
@store_option
@plan_option
@click.option("--format", "fmt", type=click.Choice(sorted(EXPORTERS)), required=True,
              help="; ".join(f"{k}: {v[2]}" for k, v in sorted(EXPORTERS.items())))
@click.option("-o", "--output", required=True, type=click.Path(),
              help="File (a folder for csv) to write; written to a temporary file, then renamed.")
@user_errors
def export(store_path, plan_key, fmt, output):
    """Write the store (or one plan of it, with --plan) in another format for other tools."""
    exporter(fmt)(open_store(store_path, plan_key), output)
    click.echo(f"wrote {output} ({EXPORTERS[fmt][2]})", err=True)


@main.command()
@click.option("--municipalities", default=290, show_default=True, type=click.IntRange(0, 5000))
@click.option("--regions", default=21, show_default=True, type=click.IntRange(0, 500))
@click.option("--initiatives", default=1000, show_default=True, type=click.IntRange(1, 100000))
@click.option("--seed", default=1, show_default=True, type=int)
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="Plan file to write (.ttl or .nt).")
@user_errors
def synth(municipalities, regions, initiatives, seed, output):
    """Generate a national-scale plan of the same shape, for benchmarks and tests."""
    from kraftgraf.graph.store.synth import write_synth

    n = write_synth(output, municipalities=municipalities, regions=regions,
                    initiatives=initiatives, seed=seed)
    click.echo(f"wrote {output}: {n} triples; build a store with: kraftgraf build {output}",
               err=True)

