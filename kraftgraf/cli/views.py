"""Views to look at or hand on: `kraftgraf viz` (the interactive map) and `kraftgraf report`."""

from __future__ import annotations

from pathlib import Path

import click

from kraftgraf.cli.main import UserError, main, open_store, plan_option, store_option, user_errors


@main.command()
@store_option
@plan_option
@click.option("-o", "--output", default="karta.html", show_default=True,
              type=click.Path(dir_okay=False),
              help="The HTML file to write (one file, opens offline).")
@click.option("--focus", help="Draw only the neighbourhood of this node (actor, initiative, determinant…).")
@click.option("--depth", default=2, show_default=True, type=click.IntRange(1, 6),
              help="How many steps from --focus to draw.")
@click.option("--layout", type=click.Choice(["force", "rainbow"]), default="force", show_default=True,
              help="rainbow: determinants on the Dahlgren–Whitehead rings, actors outside.")
@click.option("--highlight", type=click.Choice(["unowned"]),
              help="Mark the gaps: initiatives nobody committed to.")
@user_errors
def viz(store_path, plan_key, output, focus, depth, layout, highlight):
    """Write the interactive map of the plan: one self-contained HTML file."""
    from kraftgraf.graph.views.map import find_node, write_map

    kg = open_store(store_path, plan_key)
    node = find_node(kg, focus) if focus else None
    page = write_map(kg, output, focus_node=node, depth=depth, layout=layout, highlight=highlight)
    click.echo(f"wrote {output}: {page.nodes} nodes, {page.edges} links", err=True)


def _kept_answers(store_path, plan_key):
    """The report's way to ask, and what keeps its answers after: answers kept for the store file's bytes.

    Made before the store is opened, so the bytes hashed are the bytes read.
    """
    from kraftgraf.cli.answer_cache import Asking, keeps
    from kraftgraf.graph.store.open import store_path as resolve

    found = resolve(store_path)
    asking = Asking(found) if found is not None and found.is_file() else None

    def ask(q, kg, options, plan):
        # as `kraftgraf query` asks it, so the answer is the one kept under that command
        full = {**{o.name: o.default for o in q.options if o.default is not None}, **options}

        def compute():
            return q.ask(kg, **full), []

        if asking is None or not keeps(q):
            return q.ask(kg, **full)
        return asking.ask(q, plan or plan_key, full, compute)[0]

    return ask, (asking.keep if asking else lambda: None)


@main.command()
@store_option
@plan_option
@click.option("-o", "--output", default="rapport.html", show_default=True,
              type=click.Path(dir_okay=False), help="The HTML file to write (images inline).")
@click.option("--lang", type=click.Choice(["sv", "en"]), default="sv", show_default=True,
              help="The report's language.")
@click.option("--pdf", is_flag=True,
              help="Also print the same HTML to a PDF beside it (needs Chromium).")
@user_errors
def report(store_path, plan_key, output, lang, pdf):
    """Write the report to share: findings, coverage heat-maps, the rainbow; tables in an appendix."""
    from kraftgraf.graph.store.plans import all_plans, plan_keys, select_plan
    from kraftgraf.graph.views.report import find_chromium, write_report

    if pdf and find_chromium() is None:  # say so before any work is done
        raise UserError("--pdf needs Chromium (apt install chromium, or set KRAFTGRAF_CHROMIUM)")
    ask, keep = _kept_answers(store_path, plan_key)
    store = open_store(store_path, plan_key)
    plans = [plan_key] if plan_key else plan_keys(store)
    kg = store if plan_key else all_plans(store)  # over all plans the findings count each fact once
    # ... and the appendix's tables say which plans each row is in
    each_plan = {key: select_plan(store, key) for key in plans} if len(plans) > 1 else None
    target = Path(output).with_suffix(".pdf") if pdf else None
    write_report(kg, output, lang=lang, plans=plans, pdf=target, each_plan=each_plan,
                 ask=ask)
    keep()
    click.echo(f"wrote {output}" + (f" and {target}" if target else ""), err=True)
