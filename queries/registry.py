"""The question registry: one declaration per gap question drives the CLI, the report and the tests.

A question is a folder of ``kraftgraf.queries`` whose ``__init__.py`` declares
``QUESTION = Question(...)``: its name, help, options, the columns of each section
it answers with, and ``answer``, the import path of the function that builds the
sections (imported only when the question is asked, so listing the questions
stays cheap).  Its SPARQL (``.rq``) and Cypher (``.cypher``) texts lie in the
same folder.  ``kraftgraf query …``, ``kraftgraf report``, the README's table
check and the backend compliance suite all read :func:`questions`, so a new
question is one folder and nothing else to edit.

Examples
--------
>>> q = question("laws")
>>> q.command_path
'query laws'
>>> sorted(q.sections)
['laws']

"""

from __future__ import annotations

import pkgutil
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from functools import cache
from importlib import import_module
from importlib.resources import files
from typing import Any, Protocol, runtime_checkable

from kraftgraf.errors import NotFoundError

__all__ = ["Option", "Question", "ReportPart", "question", "questions", "register", "report_parts",
           "unregister"]


@runtime_checkable
class _Store(Protocol):
    """A store whose reads can be shared for a while (a KnowledgeGraph; importing it here is not cheap)."""

    def unchanged(self) -> AbstractContextManager[None]: ...


@dataclass(frozen=True)
class Option:
    """One option (or, with ``argument``, the positional argument) a question takes.

    ``kind`` is ``"text"``, ``"choice"`` (one of ``choices``), ``"number"`` (a
    float from ``low`` to ``high``) or ``"flag"`` (on or off); ``default`` None means
    the question's own default.  ``multiple``: the option may be given more than once,
    and the question gets a tuple of its values.
    """

    name: str
    help: str
    kind: str = "text"
    choices: tuple[str, ...] = ()
    default: Any = None
    low: float | None = None
    high: float | None = None
    argument: bool = False
    metavar: str | None = None
    multiple: bool = False


@dataclass(frozen=True)
class ReportPart:
    """One place of a question in ``kraftgraf report``: the options it is asked with, under a heading."""

    heading: str
    options: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Question:
    """A gap question: what the CLI, the report and the compliance suite need to know of it."""

    name: str
    help: str
    answer: str  # "module:function"; the function takes (graph, **options) and returns sections
    sections: dict[str, tuple[str, ...]]  # section key -> the columns its table shows
    options: tuple[Option, ...] = ()
    top_level: bool = False  # `kraftgraf NAME` rather than `kraftgraf query NAME`
    rank: int = 50  # the order of the report's parts
    report: tuple[ReportPart, ...] = ()
    examples: tuple[dict[str, Any], ...] = ({},)  # option sets every backend answers alike on the seed plan
    package: str | None = None  # where its texts are; set by discovery

    @property
    def command_path(self) -> str:
        """How a user asks it: 'query unowned', 'trace'."""
        return self.name if self.top_level else f"query {self.name}"

    def function(self) -> Callable[..., list]:
        """The function that builds the sections."""
        module, _, name = self.answer.partition(":")
        return getattr(import_module(module), name)

    def ask(self, graph, **options) -> list:
        """The sections answering the question on ``graph`` (a KnowledgeGraph or a backend)."""
        given = {k: v for k, v in options.items() if v is not None}
        # a question only reads: its parts share what they read of a store (the commitment
        # listing, 52,000 rows on a national plan, is wanted by most of them) instead of each its own
        with graph.unchanged() if isinstance(graph, _Store) else nullcontext():
            return self.function()(graph, **given)

    def texts(self) -> list[str]:
        """The names of the question's query texts (``unowned_initiatives.rq`` -> 'unowned_initiatives')."""
        if self.package is None:
            return []
        return sorted({f.name.rsplit(".", 1)[0] for f in files(self.package).iterdir()
                       if f.name.endswith((".rq", ".cypher"))})


_EXTRA: dict[str, Question] = {}


@cache
def _discovered() -> dict[str, Question]:
    import kraftgraf.queries as package

    found = {}
    for info in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
        if not info.ispkg:
            continue
        declared = getattr(import_module(info.name), "QUESTION", None)
        if isinstance(declared, Question):
            found[declared.name] = _with_package(declared, info.name)
    return found


def _with_package(q: Question, package: str) -> Question:
    from dataclasses import replace

    return q if q.package else replace(q, package=package)


def register(q: Question) -> Question:
    """Add a question declared elsewhere (a plugin, a test); it then appears wherever questions do."""
    _EXTRA[q.name] = q
    return q


def unregister(name: str) -> None:
    """Take a question added by :func:`register` away again."""
    _EXTRA.pop(name, None)


def questions() -> list[Question]:
    """Every question, in the report's order (then by name)."""
    every = {**_discovered(), **_EXTRA}
    return sorted(every.values(), key=lambda q: (q.rank, q.name))


def report_parts() -> list[tuple[str, Question, dict[str, Any]]]:
    """(heading, question, options) for each part of ``kraftgraf report``, in the report's order."""
    return [(part.heading, q, part.options) for q in questions() for part in q.report]


def question(name: str) -> Question:
    """The question called ``name``."""
    for q in questions():
        if q.name == name:
            return q
    known = ", ".join(q.name for q in questions())
    raise NotFoundError(f"no question called {name!r} (there are: {known})")
