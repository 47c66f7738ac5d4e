"""Errors that reach the user as one clear line (the CLI turns them into exit code 2)."""

from __future__ import annotations

import difflib
from collections.abc import Mapping


class KraftgrafError(Exception):
    """A problem the user can fix: bad input, a missing file, an unknown name."""


class DataError(KraftgrafError):
    """Input data (a memo, a data file, a graph) that cannot be read as expected."""


class NotFoundError(KraftgrafError):
    """A name (actor, determinant, node) that matches nothing; the message names the closest."""


def lookup(names: Mapping[str, object], name: str, what: str, show=str):
    """The value of ``names`` (lower-case keys) for ``name``, matched ignoring case.

    With no match, raise :class:`NotFoundError` naming up to three close names,
    each shown through ``show`` (e.g. a node's label instead of the key).
    """
    key = name.strip().lower()
    if key in names:
        return names[key]
    close = difflib.get_close_matches(key, list(names), n=6, cutoff=0.5)
    shown = list(dict.fromkeys(show(names[c]) for c in close))[:3]  # one name per thing
    hint = ", ".join(f"'{s}'" for s in shown) or "none close"
    raise NotFoundError(f"no {what} called '{name}' (closest: {hint})")
