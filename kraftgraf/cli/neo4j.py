"""`kraftgraf neo4j push`: the store into a Neo4j 5 server (Browser, Bloom, Aura, a cluster).

Also the connection options the gap questions take for ``--backend neo4j``
(:func:`connection_options`).
"""

from __future__ import annotations

import click

from kraftgraf.cli.main import main, open_store, store_option, user_errors


def connection_options(func):
    """--uri, --user, --password, --database: which Neo4j ($KRAFTGRAF_NEO4J_URI, _USER, _PASSWORD)."""
    options = [
        click.option("--uri", envvar="KRAFTGRAF_NEO4J_URI", help="e.g. neo4j://localhost:7687"),
        click.option("--user", envvar="KRAFTGRAF_NEO4J_USER", default="neo4j", show_default=True),
        click.option("--password", envvar="KRAFTGRAF_NEO4J_PASSWORD", default=""),
        click.option("--database", default="neo4j", show_default=True, help="The named Neo4j database."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


@main.group()
def neo4j():
    """Sync the store into Neo4j (connection from $KRAFTGRAF_NEO4J_URI, _USER, _PASSWORD)."""


@neo4j.command()
@store_option
@connection_options
@click.option("--batch-size", default=5000, show_default=True, type=click.IntRange(1, 1_000_000))
@click.option("--prune", is_flag=True, help="Delete what this build no longer has.")
@click.option("--dry-run", is_flag=True,
              help="Print the Cypher and the batch counts, not the data; needs no server.")
@user_errors
def push(store_path, uri, user, password, database, batch_size, prune, dry_run):
    """Push the store: constraints, then nodes and relationships in batches (idempotent)."""
    from kraftgraf.graph.neo4j.props import push_graph
    from kraftgraf.graph.neo4j.push import open_driver, plan_push
    from kraftgraf.graph.neo4j.push import push as push_to_neo4j

    pg = push_graph(open_store(store_path))
    if dry_run:
        for st in plan_push(pg, batch_size, prune):
            rows = sum(len(b) for b in st.batches)
            click.echo(f"// {len(st.batches)} batch(es), {rows} row(s)\n{st.cypher};")
        return
    driver = open_driver(uri, user, password)
    try:
        n = push_to_neo4j(driver, pg, database, batch_size, prune)
    finally:
        driver.close()
    click.echo(f"pushed {len(pg.nodes)} nodes and {len(pg.edges)} relationships "
               f"({n} rows) into {uri}, database '{database}'")
