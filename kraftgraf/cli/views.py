"""Views to look at or hand on: `kraftgraf viz` (the interactive map) and `kraftgraf report`."""

from __future__ import annotations

import click

from kraftgraf.cli.main import main, open_store, store_option, user_errors


@main.command()
@store_option
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
def viz(store_path, output, focus, depth, layout, highlight):
    """Write the interactive map of the plan: one self-contained HTML file."""
    from kraftgraf.graph.views.map import find_node, write_map

    kg = open_store(store_path)
    node = find_node(kg, focus) if focus else None
    page = write_map(kg, output, focus_node=node, depth=depth, layout=layout, highlight=highlight)
    click.echo(f"wrote {output}: {page.nodes} nodes, {page.edges} links", err=True)


@main.command()
@store_option
@click.option("-o", "--output", default="rapport.html", show_default=True,
              type=click.Path(dir_okay=False), help="The HTML file to write (images inline).")
@user_errors
def report(store_path, output):
    """Write a one-page report to share: counts, gap tables, coverage heat-map, rainbow."""
    from kraftgraf.graph.store.plans import all_plans
    from kraftgraf.graph.views.report import write_report

    write_report(all_plans(open_store(store_path)), output)  # the gap tables count each fact once
    click.echo(f"wrote {output}", err=True)
