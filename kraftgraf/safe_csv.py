r"""CSV that a spreadsheet reads as the text it is: every writer of kraftgraf's CSV goes through here.

Two things make CSV dangerous to open in a spreadsheet:

- a cell that starts like a formula (``=``, ``+``, ``-``, ``@``, or a tab, CR or
  LF before one, which some spreadsheets skip) is run as one.  :func:`neutralise`
  puts an apostrophe before it, which spreadsheets show as text;
- a CR or LF left unquoted ends the row, so the rest of the cell starts a new
  row, where ``=1+1`` is again a formula.  Python's ``csv`` quotes a cell only
  for the characters of its own line terminator, so with ``"\n"`` a bare CR
  went out unquoted.  :func:`writer` quotes every cell that holds CR or LF,
  whatever the line terminator.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable

__all__ = ["FORMULA_START", "neutralise", "writer", "SafeWriter"]

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def neutralise(text: str) -> str:
    """``text`` with an apostrophe before a formula-like start; anything else unchanged."""
    return "'" + text if text.startswith(FORMULA_START) else text


class SafeWriter:
    """``csv.writer``'s ``writerow``/``writerows``, each text cell neutralised, CR/LF cells quoted."""

    def __init__(self, f, escape: Callable[[str], str] = neutralise, lineterminator: str = "\r\n",
                 **fmtparams):
        self._f, self._escape, self._end = f, escape, lineterminator
        self._buffer = io.StringIO()
        # "\r\n" as csv's own terminator makes it quote any cell holding CR or LF; each row is
        # then written with the terminator asked for.
        self._csv = csv.writer(self._buffer, lineterminator="\r\n", **fmtparams)

    def writerow(self, row: Iterable) -> None:
        """Write one row; a ``str`` cell is escaped, other values are written as csv writes them."""
        self._buffer.seek(0)
        self._buffer.truncate()
        self._csv.writerow([self._escape(v) if isinstance(v, str) else v for v in row])
        self._f.write(self._buffer.getvalue()[:-2] + self._end)

    def writerows(self, rows: Iterable[Iterable]) -> None:
        """Write each row of ``rows``."""
        for row in rows:
            self.writerow(row)


def writer(f, escape: Callable[[str], str] = neutralise, lineterminator: str = "\r\n",
           **fmtparams) -> SafeWriter:
    """A :class:`SafeWriter` on ``f`` (``fmtparams`` as for ``csv.writer``: ``delimiter=";"``, …)."""
    return SafeWriter(f, escape, lineterminator, **fmtparams)
