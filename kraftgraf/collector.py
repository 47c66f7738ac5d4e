"""Python's cycle collector, paused while a command builds what it holds in millions of small objects.

Two kinds of work make millions of containers that hold no cycles: the import's
graphs (a set per subject and predicate) and a question's rows over a national
plan (the report's nine answers).  While they are made the collector walks them
again and again for nothing: 2 s of a national import and 1.2 s of a report.  A
command is one short process, so the collector is paused for the whole command
(:class:`kraftgraf.cli.main.OneLineGroup`), and the ``kraftgraf`` process keeps it
off to the end (:func:`kraftgraf.cli.main.run`); the import pauses it for library
callers too.  The commands' peak memory with it paused, at 3M triples, is in
decisions/0016-collector-paused-for-a-command.md.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
from collections.abc import Iterator

__all__ = ["paused_gc", "off_for_the_process"]


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


def off_for_the_process() -> None:
    """Keep the collector off until the process ends, and spare the heap its walk at exit.

    For the console command, whose process is one command: turned on again after
    the command (as :func:`paused_gc` does for callers in a longer process), the
    collector would walk at its first allocation every object the command made,
    half a second of a national report.  What is alive at exit (a national store,
    the answers' rows) is frozen, not walked once more and freed: the operating
    system takes the memory back anyway.
    """
    gc.disable()
    atexit.register(gc.freeze)
