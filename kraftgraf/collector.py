"""Python's cycle collector, paused while a command builds what it holds in millions of small objects.

Two kinds of work make millions of containers that hold no cycles: the import's
graphs (a set per subject and predicate) and a question's rows over a national
plan (the report's nine answers).  While they are made the collector walks them
again and again for nothing: 2 s of a national import and 1.2 s of a report.  A
command is one short process, so it pauses the collector for the whole command
(:class:`kraftgraf.cli.main.OneLineGroup`); the import pauses it for library
callers too.  The commands' peak memory with it paused, at 3M triples, is in
decisions/0016-collector-paused-for-a-command.md.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["paused_gc", "left_to_exit"]


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """The collector off inside the block, and on again after if it was on before."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def left_to_exit() -> None:
    """Spare what is alive the collection Python makes as the process exits.

    The command is done and its output written; what it read (a national store, the
    answers' rows) would be walked for cycles once more and freed, half a second of a
    national report, for memory the operating system takes back at exit anyway.
    """
    gc.freeze()
