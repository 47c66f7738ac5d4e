"""Where a question is answered: a store (one plan of it, or all), or a Neo4j database a push filled."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from kraftgraf.errors import DataError, KraftgrafError
from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.graph.store.open import open_store
from kraftgraf.graph.store.plans import all_plans, plan_keys, select_plan
from kraftgraf.queries.backend import Backend

__all__ = ["Source"]


@dataclass
class Source:
    """The store at ``store`` (``plan``: one of its plans), or with ``backend="neo4j"`` a Neo4j database.

    After :meth:`open`, ``notes`` holds what a reader should be told beside the answer
    (that its rows mix several plans).
    """

    store: str | None = None
    plan: str | None = None
    backend: str = "embedded"
    uri: str | None = None
    user: str = "neo4j"
    password: str = ""
    database: str = "neo4j"
    notes: list[str] = field(default_factory=list)
    graph: KnowledgeGraph | None = None  # the store at ``store`` already read (a build warming its answers)

    @contextmanager
    def open(self) -> Iterator[KnowledgeGraph | Backend]:
        """The store, or the backend to ask (the Neo4j driver is closed afterwards)."""
        if self.backend == "embedded":
            yield self._store()
            return
        from kraftgraf.graph.neo4j import push
        from kraftgraf.queries import cypher_backend

        if self.plan is not None:
            raise KraftgrafError("--plan chooses a plan of the store; a Neo4j database holds the one plan "
                                 "pushed into it (push each plan into a database of its own)")
        driver = push.open_driver(self.uri, self.user, self.password)
        try:
            yield cypher_backend.neo4j_backend(driver, self.database)
        finally:
            driver.close()

    def _store(self) -> KnowledgeGraph:
        if self.graph is None:
            kg = open_store(self.store, self.plan)
        else:
            kg = self.graph if self.plan is None else select_plan(self.graph, self.plan)
        if not kg.has_plan():
            raise DataError(f"{self.store or 'the store'} holds no plan (no initiative): build one "
                            "with 'kraftgraf build', or pass --store a store that has one")
        if self.plan is not None:
            return kg
        keys = plan_keys(kg)
        if len(keys) > 1:
            self.notes.append(
                f"note: this answer reads the store's {len(keys)} plans together ({', '.join(keys)}), and "
                "its rows do not say which plan they come from; ask one with --plan KEY")
        return all_plans(kg)
