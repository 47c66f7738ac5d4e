"""`kraftgraf neo4j push`: the store into a Neo4j 5 server (Browser, Bloom, Aura, a cluster).

Also the shared ``--backend`` option of the gap questions (:func:`backend_option`):
with ``--backend neo4j`` they run their Cypher texts on the server a push filled.
"""

from __future__ import annotations

import functools
from contextlib import contextmanager
from dataclasses import dataclass

import click

from kraftgraf.cli import main, open_store, store_option, user_errors
from kraftgraf.errors import DataError, KraftgrafError


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


def open_driver(uri: str | None, user: str, password: str):
    """A verified driver for the server, or one clear error line."""
    from kraftgraf.graph.neo4j_sync import connect

    if not uri:
        raise KraftgrafError("no Neo4j server given: set KRAFTGRAF_NEO4J_URI or pass --uri")
    return connect(uri, user, password)


@dataclass(frozen=True)
class Source:
    """Where a gap question is answered: the store at ``store_path``, or a Neo4j database."""

    store_path: str | None
    backend: str = "embedded"
    uri: str | None = None
    user: str = "neo4j"
    password: str = ""
    database: str = "neo4j"

    @contextmanager
    def open(self):
        """The KnowledgeGraph, or a Cypher backend on Neo4j (its driver closed afterwards)."""
        if self.backend == "embedded":
            kg = open_store(self.store_path)
            if not kg.has_plan():
                raise DataError(f"{self.store_path or 'the store'} holds no plan (no initiative): build one "
                                "with 'kraftgraf build', or pass --store a store that has one")
            if click.get_current_context().meta.get("kraftgraf.plan") is None:
                kg = _all_plans(kg)
            yield kg
            return
        from kraftgraf.queries.cypher_backend import neo4j_backend

        if click.get_current_context().meta.get("kraftgraf.plan") is not None:
            raise KraftgrafError("--plan chooses a plan of the store; a Neo4j database holds the one plan "
                                 "pushed into it (push each plan into a database of its own)")
        driver = open_driver(self.uri, self.user, self.password)
        try:
            yield neo4j_backend(driver, self.database)
        finally:
            driver.close()


def _all_plans(kg):
    """Without --plan: all the store's plans, each fact once, and a note that the rows mix them."""
    from kraftgraf.graph.plans import all_plans, plan_keys

    keys = plan_keys(kg)
    if len(keys) > 1:
        click.get_current_context().meta["kraftgraf.note"] = (
            f"note: this answer reads the store's {len(keys)} plans together ({', '.join(keys)}), and its "
            "rows do not say which plan they come from; ask one with --plan KEY")
    return all_plans(kg)


def backend_option(func):
    """--backend embedded|neo4j and the Neo4j connection; the command gets a :class:`Source` as store_path.

    One decorator, so a question's own function stays as it is and passes the Source on.
    """

    @functools.wraps(func)
    def wrapper(*args, backend, uri, user, password, database, store_path=None, **kwargs):
        source = Source(store_path, backend, uri, user, password, database)
        return func(*args, store_path=source, **kwargs)

    wrapper = click.option(
        "--backend", type=click.Choice(["embedded", "neo4j"]), default="embedded", show_default=True,
        help="Answer from the store (embedded), or from the Neo4j server that "
             "`kraftgraf neo4j push` filled.")(wrapper)
    return connection_options(wrapper)


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
    from kraftgraf.graph.neo4j_props import push_graph
    from kraftgraf.graph.neo4j_sync import plan_push
    from kraftgraf.graph.neo4j_sync import push as push_to_neo4j

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
