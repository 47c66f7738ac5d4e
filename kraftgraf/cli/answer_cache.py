"""Answers kept by the store's content: a question asked again of the same store prints at once.

A national store takes seconds to parse, longer than most questions take to
answer.  So the CLI keeps each answer it prints (its sections, as JSON) under a
key made of the SHA-256 of the store file's bytes, the question, its options and
plan, and a fingerprint of kraftgraf's own code.  A store changed by any command
(`build`, `import`, `suggest --accept`, an editor) has other bytes, so another
key: a kept answer can only be the answer to the very bytes it was computed from
(decisions/0014-answers-kept-by-content.md).  An answer is kept the first time
it is asked; ``build --keep-answers`` computes the first example answer of each
registry question on the store it writes, so the usual questions are kept before
anyone asks.

The answers live in ``$KRAFTGRAF_CACHE`` (else ``$XDG_CACHE_HOME/kraftgraf``, else
``~/.cache/kraftgraf``), one folder per store content; a folder no store uses
any more is removed when the store at the same path gets a new one.  The cache
is only ever a shortcut: one that cannot be read or written is not used.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import sys
import tempfile
from functools import cache
from pathlib import Path

__all__ = ["cache_root", "code_fingerprint", "answer_key", "Kept", "keeps", "Asking", "ask_kept", "warm",
           "kept_plan_keys"]

MAX_KEPT = 512_000_000  # characters of JSON (overlaps of a 3M-triple plan is tens of millions)
_PACKAGES = ("kraftgraf", "kraftgraf.queries", "kraftgraf.graph", "kraftgraf.ontology", "kraftgraf.loaders")


def cache_root() -> Path:
    """The folder the kept answers are in."""
    if os.environ.get("KRAFTGRAF_CACHE"):
        return Path(os.environ["KRAFTGRAF_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kraftgraf"


@cache
def code_fingerprint() -> str:
    """A hash of the path, size and modification time of every file of kraftgraf's code and texts.

    An edited question (or any other module) gives another fingerprint, so an
    answer computed by older code is never printed by newer code.
    """
    from importlib.util import find_spec

    import kraftgraf

    digest = hashlib.sha256(f"{kraftgraf.__version__} {sys.version}".encode())
    for name in _PACKAGES:
        spec = find_spec(name)
        for folder in (spec.submodule_search_locations if spec else None) or ():
            for root, dirs, names in sorted(os.walk(folder)):
                dirs[:] = sorted(d for d in dirs if d != "__pycache__")
                for n in sorted(names):
                    if n.endswith((".py", ".rq", ".cypher", ".ttl", ".csv", ".j2")):
                        st = os.stat(os.path.join(root, n))
                        digest.update(f"{os.path.relpath(os.path.join(root, n), folder)} "
                                      f"{st.st_size} {st.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def answer_key(question: str, plan: str | None, options: dict) -> str:
    """The name of one answer among a store's kept answers."""
    # 60 and the CLI's 60.0 alike; an option not given (None, an unset flag, no --without) is left out
    given = {k: float(v) if isinstance(v, int) and not isinstance(v, bool) else v
             for k, v in sorted(options.items()) if v not in (None, False, (), [])}
    text = json.dumps([question, plan, given, code_fingerprint()], ensure_ascii=False, sort_keys=True,
                      default=repr)
    return hashlib.sha256(text.encode()).hexdigest()[:40]


class Kept:
    """The kept answers of the store file at ``path``, as its bytes are now."""

    def __init__(self, path: str | Path, content: str | None = None):
        from kraftgraf.graph.store.content import content_hash

        self.path = Path(path)
        self.content = content or content_hash(self.path)
        self.folder = cache_root() / "answers" / self.content[:40]

    def get(self, key: str) -> dict | None:
        """The kept answer ``{"sections": [...], "notes": [...]}`` (see :func:`encode`), or None."""
        try:
            with gzip.open(self.folder / f"{key}.json.gz", "rt", encoding="utf-8") as f:
                kept = json.load(f)
        except (OSError, ValueError, EOFError):
            return None
        return kept if kept.get("content") == self.content else None

    def writable(self) -> bool:
        """Whether answers can be kept here at all: their folder is there or can be made."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return False
        return True

    def put(self, key: str, answer: dict | None, notes: list[str]) -> bool:
        """Keep one answer (from :func:`encode`); not one too big, nor where the cache cannot be written."""
        if answer is None:
            return False
        text = json.dumps({"content": self.content, **answer, "notes": notes}, ensure_ascii=False)
        if len(text) > MAX_KEPT:
            return False
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=1) as f:
                    f.write(text.encode("utf-8"))
                os.replace(tmp, self.folder / f"{key}.json.gz")
            finally:
                if os.path.exists(tmp):
                    os.unlink(tmp)
            self._forget_older()
        except OSError:
            return False
        return True

    def _forget_older(self) -> None:
        """Remove the answers kept for what the store at this path held before."""
        where = cache_root() / "stores" / hashlib.sha256(str(self.path.resolve()).encode()).hexdigest()[:40]
        try:
            before = where.read_text(encoding="ascii").strip()
        except OSError:
            before = None
        if before == self.content[:40]:
            return
        where.parent.mkdir(parents=True, exist_ok=True)
        where.write_text(self.content[:40], encoding="ascii")
        if before and len(before) == 40 and before.isalnum():
            shutil.rmtree(cache_root() / "answers" / before, ignore_errors=True)


PLAN_KEYS = "plan-keys"  # what a build over the store needs to know of it


def kept_plan_keys(path: str | Path) -> list[str] | None:
    """The plan keys of the store file at ``path`` as a build kept them for its present bytes, or None."""
    kept = Kept(path).get(PLAN_KEYS)
    return None if kept is None else list(kept["plans"])


def keeps(question) -> bool:
    """Whether answers to ``question`` are kept: the package's own questions only (their code is hashed)."""
    from kraftgraf.queries.registry import _discovered

    return _discovered().get(question.name) is question


class Row(dict):
    """A kept row: its fields in order, and readable as attributes (``row.why``) as the printer reads them."""

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


_PLAIN = (str, int, bool, type(None))


def _plain(value) -> bool:
    if isinstance(value, list):
        return all(map(_plain, value))
    if isinstance(value, float):
        return type(value) is float or str(value) == str(float(value))
    return type(value) in _PLAIN


def encode(sections) -> dict | None:
    """The sections as JSON values, or None if a value would not come back the same (a tuple, a numpy int)."""
    from kraftgraf.queries.common import as_dict

    out = []
    for s in sections:
        rows = [as_dict(r) for r in s.rows]
        if not all(_plain(v) for r in rows for v in r.values()):
            return None
        out.append({"key": s.key, "title": s.title, "explanation": s.explanation,
                    "columns": list(s.columns), "rows": rows})
    return {"sections": out}


def decode(kept: dict) -> list:
    """The sections as the printer takes them."""
    from kraftgraf.queries.common import Section

    return [Section(s["key"], s["title"], s["explanation"], [Row(r) for r in s["rows"]], tuple(s["columns"]))
            for s in kept["sections"]]


class Asking:
    """Answers asked of one reading of the store file at ``path``.

    Made before the store is read: each answer is looked up under the hash of the
    bytes then, and what is computed is kept by :meth:`keep`, all at once and only
    if the file still has those bytes, so an answer is never kept under content it
    was not computed from.  A report asks nine questions and hashes the file twice.
    The answers are encoded only then, and not at all where the cache cannot be written.
    """

    def __init__(self, path: Path):
        self.kept = Kept(path)
        self.computed: list[tuple[str, list, list[str]]] = []

    def ask(self, question, plan: str | None, options: dict, compute) -> tuple[list, list[str]]:
        """The answer's sections and notes: kept ones, else ``compute()``'s (sections, notes)."""
        key = answer_key(question.name, plan, options)
        found = self.kept.get(key)
        if found is not None and "sections" in found:
            return decode(found), found["notes"]
        sections, notes = compute()
        self.computed.append((key, sections, notes))
        return sections, notes

    def keep(self) -> None:
        """Keep what was computed, if the store file still has the bytes it was read from."""
        from kraftgraf.graph.store.content import content_hash

        computed, self.computed = self.computed, []
        if not computed or not self.kept.writable():  # the file is hashed again only to keep something
            return
        try:
            unchanged = content_hash(self.kept.path) == self.kept.content
        except OSError:
            unchanged = False
        for key, sections, notes in computed if unchanged else ():
            self.kept.put(key, encode(sections), notes)


def ask_kept(question, path: Path, plan: str | None, options: dict, compute) -> tuple[list, list[str]]:
    """One question's sections and notes, kept or computed (see :class:`Asking`)."""
    asking = Asking(path)
    answer = asking.ask(question, plan, options, compute)
    asking.keep()
    return answer


def warm(kg, path: str | Path, content: str | None = None) -> int:
    """Keep the answers to each question's first example on the store ``kg`` just saved at ``path``.

    ``content``: the file's hash, if the caller has it.  Returns how many were kept.
    A question the example does not fit (no such actor in this plan) is passed over.
    """
    from kraftgraf.errors import KraftgrafError
    from kraftgraf.queries.registry import questions
    from kraftgraf.queries.source import Source

    kept, n = Kept(path, content), 0
    for q in filter(keeps, questions()):
        # the example as the CLI asks it: with the defaults the question declares filled in
        defaults = {o.name: o.default for o in q.options if o.default is not None}
        options = {**defaults, **(q.examples[0] if q.examples else {})}
        source = Source(str(path), graph=kg)
        try:
            with source.open() as graph:
                sections = q.ask(graph, **options)
        except KraftgrafError:
            continue
        n += kept.put(answer_key(q.name, None, options), encode(sections), source.notes)
    return n


def kept_counts(path: str | Path, plan: str | None, compute) -> list:
    """``kraftgraf stats``' rows for the store's present bytes: kept, else ``compute()``'s (then kept)."""
    from kraftgraf.graph.store.content import content_hash
    from kraftgraf.queries.common import as_dict

    kept, key = Kept(path), answer_key("stats", plan, {})
    found = kept.get(key)
    if found is not None and "counts" in found:
        return found["counts"]
    rows = compute()
    try:
        unchanged = content_hash(path) == kept.content
    except OSError:
        unchanged = False
    if unchanged:
        kept.put(key, {"counts": [as_dict(r) for r in rows]}, [])
    return rows


def keep_counts(path: str | Path, rows, plans: list[str], content: str | None = None) -> None:
    """Keep ``kraftgraf stats``' rows and the plan keys of the store just written at ``path``."""
    from kraftgraf.queries.common import as_dict

    kept = Kept(path, content)
    kept.put(PLAN_KEYS, {"plans": plans}, [])
    kept.put(answer_key("stats", None, {}), {"counts": [as_dict(r) for r in rows]}, [])
