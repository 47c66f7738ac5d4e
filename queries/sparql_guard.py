r"""A user's SPARQL: read as a parser reads it, refused if it could reach out or write, timed.

`kraftgraf sparql` answers any SELECT its user writes, so before Oxigraph sees
a query it is parsed into SPARQL algebra (rdflib's parser, which follows the
W3C grammar) and refused when the algebra holds a ``SERVICE`` (anywhere: in a
subquery, an ``OPTIONAL``, a ``FILTER EXISTS``), when it is an update (``LOAD``,
``INSERT``, ``CLEAR`` …) or when ``FROM`` / ``FROM NAMED`` names a graph the
store does not hold.  Nothing is searched for as a word: ``SERVICE`` inside a
string, an IRI or a comment is not one, and a variable ``?service`` is allowed.

Both parsers must read the same query, or the check would be made on another
text than the one run.  They differ on code-point escapes: the grammar (and
rdflib) expands ``\u0022`` anywhere in the text before parsing, Oxigraph only
inside strings and IRIs, so ``"\u0022 … SERVICE …"`` would be code to one and
a string to the other.  The text is therefore expanded here once, and Oxigraph
gets the very text rdflib read; an escape that expands to another escape is
refused.

:func:`run_select` runs a query in a forked copy of the process and kills it at
the time limit: Oxigraph evaluates in Rust, where neither a signal nor a thread
can stop it.  A fork shares the loaded store (copy on write), so a query costs
a few milliseconds more; the parent gets the rows back through a pipe.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kraftgraf.errors import DataError, KraftgrafError

__all__ = ["DEFAULT_TIMEOUT", "ReadOnly", "read_only", "run_select", "decode_query"]

DEFAULT_TIMEOUT = 30.0  # seconds: every gap query on a national plan answers in a few

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_UPDATES = {"Load": "LOAD", "Clear": "CLEAR", "Drop": "DROP", "Create": "CREATE", "Add": "ADD",
            "Move": "MOVE", "Copy": "COPY", "InsertData": "INSERT DATA", "DeleteData": "DELETE DATA",
            "DeleteWhere": "DELETE WHERE", "Modify": "INSERT/DELETE"}
_NOT_SELECT = ("only SELECT queries are answered here (rows with columns); "
               "for ASK use SELECT … LIMIT 1, for the triples use 'kraftgraf export'")


@dataclass(frozen=True)
class ReadOnly:
    """A query that passed the check: the text to run, and the graphs its FROM clauses name."""

    text: str
    default: tuple[str, ...] = ()
    named: tuple[str, ...] = ()

    @property
    def has_dataset(self) -> bool:
        """Whether the query names its own dataset (then the store's union is not its default)."""
        return bool(self.default or self.named)


def _expand(text: str) -> str:
    def expand(m: re.Match) -> str:
        code = int(m.group(1) or m.group(2), 16)
        if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            raise DataError(f"SPARQL syntax error: {m.group(0)} is not a Unicode code point")
        return chr(code)

    expanded = _ESCAPE.sub(expand, text)
    if _ESCAPE.search(expanded):
        raise DataError("SPARQL refused: a code-point escape (\\u…) that spells another escape")
    return expanded


def _syntax(exc: Exception) -> DataError:
    """One line for a parser's complaint, with the line and column where pyparsing gives them."""
    from pyparsing import ParseBaseException

    if isinstance(exc, ParseBaseException):  # "Expected SelectQuery", found '?', at line 2, column 9
        return DataError(f"SPARQL syntax error at line {exc.lineno}, column {exc.col}: "
                         f"{exc.msg}, found {exc.found}")
    return DataError(f"SPARQL syntax error: {(str(exc).splitlines() or [type(exc).__name__])[0]}")


def _update_refusal(text: str) -> DataError | None:
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        update = parseUpdate(text)
    except Exception:  # noqa: BLE001 - not an update either: the query's syntax error is the answer
        return None
    names = [_UPDATES.get(op.name, op.name) for op in update.request or []]
    what = ", ".join(dict.fromkeys(names)) or "an update"
    return DataError(f"SPARQL refused: {what} is not allowed (read-only: a query may not write or load)")


def _walk(node):
    """Every CompValue under ``node`` (the algebra and the parse nodes kept inside it)."""
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    stack, seen = [node], set()
    while stack:
        item = stack.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, CompValue):
            yield item
            stack.extend(item.values())
        elif isinstance(item, (list, tuple, ParseResults)):
            stack.extend(item)


@functools.lru_cache(maxsize=256)
def _analyse(text: str) -> ReadOnly | DataError:
    """The check of one text, independent of the store (cached: gap queries repeat theirs)."""
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql import algebra, parser

    try:
        expanded = _expand(text)
        try:
            parsed = parser.parseQuery(expanded)
        except ParseBaseException as exc:
            return _update_refusal(expanded) or _syntax(exc)
        try:
            query = algebra.translateQuery(parsed)
        except Exception as exc:  # noqa: BLE001 - rdflib raises bare Exception for e.g. an unknown prefix
            return _syntax(exc)
    except RecursionError:
        return DataError("SPARQL refused: the query nests too deeply to be checked")
    except DataError as exc:
        return exc
    if query.algebra.name != "SelectQuery":
        return DataError(_NOT_SELECT)
    if any(node.name == "ServiceGraphPattern" for node in _walk(query.algebra)):
        return DataError("SPARQL refused: SERVICE is not allowed (local only: a query may not "
                         "reach another endpoint)")
    clauses = query.algebra["datasetClause"] or []  # (CompValue.get answers a missing key with its name)
    return ReadOnly(text=expanded, default=tuple(str(c["default"]) for c in clauses if "default" in c),
                    named=tuple(str(c["named"]) for c in clauses if "named" in c))


def read_only(text: str, graphs=None) -> ReadOnly:
    """Check ``text`` as a read-only, local SELECT; raise :class:`DataError` in words if it is not.

    ``graphs`` are the IRIs of the store's named graphs, the only ones ``FROM``
    and ``FROM NAMED`` may name (``None``: any graph of kraftgraf's own,
    ``https://w3id.org/kraftgraf/id/graph/…``).
    """
    result = _analyse(text)
    if isinstance(result, DataError):
        raise DataError(str(result))
    for iri in result.default + result.named:
        own = iri in graphs if graphs is not None else iri.startswith("https://w3id.org/kraftgraf/id/graph/")
        if not own:
            raise DataError(f"SPARQL refused: FROM may only name graphs of this store, not <{iri}>")
    return result


def decode_query(data: bytes, where: str) -> str:
    """The text of a query file or of stdin, which must be UTF-8 (a byte-order mark is dropped)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataError(f"{where}: not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                        "save the query as UTF-8") from None


def _answer(kg, text: str, pipe) -> None:
    """In the forked worker: the rows, or the one-line error, sent back to the parent."""
    import signal

    from kraftgraf.queries.common import run_rq

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it kills this worker

    message: tuple[bool, list[dict] | str]
    try:
        message = (True, run_rq(kg, text))
    except KraftgrafError as exc:
        message = (False, str(exc))
    except RecursionError:
        message = (False, "SPARQL refused: the query nests too deeply to be run")
    except MemoryError:
        message = (False, "the SPARQL query needs more memory than there is")
    pipe.send(message)
    pipe.close()


def run_select(kg, text: str, timeout: float = DEFAULT_TIMEOUT) -> list[dict]:
    """:func:`~kraftgraf.queries.common.run_rq` for a user's query, stopped after ``timeout`` seconds.

    The check and the evaluation run in a forked worker that is killed when the
    time is up (or the user presses Ctrl-C); a crash there is one line here.
    Where processes cannot fork (Windows), the query runs here without a limit.
    """
    import multiprocessing  # here: the other commands need not pay for its import

    if "fork" not in multiprocessing.get_all_start_methods():
        from kraftgraf.queries.common import run_rq

        return run_rq(kg, text)
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    worker = context.Process(target=_answer, args=(kg, text, send), name="kraftgraf-sparql", daemon=True)
    worker.start()
    send.close()  # the worker holds the other end: its exit is an end of file here
    try:
        if not receive.poll(timeout):
            raise DataError(f"SPARQL query stopped after {timeout:g} s without an answer "
                            "(the time limit; give more with --timeout SECONDS)")
        try:
            ok, value = receive.recv()
        except EOFError:
            worker.join()
            raise DataError(f"SPARQL query failed: its worker ended without an answer "
                            f"(exit code {worker.exitcode})") from None
    finally:
        if worker.is_alive():
            worker.kill()
        worker.join()
        receive.close()
    if not ok:
        raise DataError(value)
    return value
