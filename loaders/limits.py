"""How much kraftgraf reads: size limits checked before the parsing they guard.

Parsing is where the time goes: a 188 MB sheet XML took two minutes to parse
before its header was refused, and a 100,000-row sheet two minutes and more
to check.  Each limit here is checked from what is known before parsing (a
file's size, the sizes in a zip archive's directory, a sheet's ``<dimension>``)
and again while reading (rows and columns as they come), so input past a limit
is refused in about a second with one line that names the limit and the
option that raises it.

The defaults leave room above the largest plan kraftgraf makes itself: the
national-scale plan of ``kraftgraf synth`` (1,000 initiatives, 344 columns, a
16 MB plan-sheet XML, 1,992 determinant links) and the seed memo (63 KB).
"""

from __future__ import annotations

import os
import re
import stat
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kraftgraf.errors import DataError

__all__ = ["MAX_MEMO_BYTES", "SheetLimits", "DEFAULT_SHEET_LIMITS", "input_file", "check_memo",
           "check_sheet_bytes", "check_sheet_members", "count_sheet_rows", "sheet_rows", "MB"]

MB = 1024 * 1024
# A memo's annex is parsed into one graph: 2.4 MB of annex rows took 27 s here, and the
# time grows faster than the size.  The seed memo is 63 KB.
MAX_MEMO_BYTES = 2 * MB


@dataclass(frozen=True)
class SheetLimits:
    """Limits on one sheet of a plan spreadsheet (each sheet of an XLSX, each CSV file)."""

    rows: int = 20_000  # rows, the header row included
    columns: int = 1_000
    sheet_bytes: int = 64 * MB  # a sheet's XML inside an XLSX (uncompressed), or a CSV file


DEFAULT_SHEET_LIMITS = SheetLimits()


def input_file(path: str | Path) -> os.stat_result:
    """The status of the regular file ``path``; DataError if it is missing, a folder or a device.

    A device or a pipe (/dev/zero, /dev/stdin) would be read until memory runs out.
    """
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise DataError(f"{path}: no such file") from None
    except OSError as exc:
        raise DataError(f"{path}: cannot read it ({exc.strerror})") from None
    if stat.S_ISDIR(st.st_mode):
        raise DataError(f"{path}: a folder, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise DataError(f"{path}: not a regular file (a device or a pipe); save the input to a file first")
    return st


def check_memo(path: str | Path, max_bytes: int = MAX_MEMO_BYTES) -> None:
    """Refuse a memo that is no regular file, or larger than ``max_bytes``, before it is read."""
    size = input_file(path).st_size
    if size > max_bytes:
        raise DataError(f"{path}: refused: {size:,} bytes, more than a memo's {max_bytes:,} "
                        f"({max_bytes // MB} MB); a plan this large reads faster as an RDF plan file "
                        "(build --plan)")


def check_sheet_bytes(where, size: int, limits: SheetLimits, what: str = "bytes") -> None:
    """Refuse a sheet of ``size`` bytes (a CSV file, or a sheet's XML) over the limit."""
    if size > limits.sheet_bytes:
        raise DataError(f"{where}: refused: {size:,} {what}, more than the {limits.sheet_bytes // MB} MB "
                        "a sheet may have (raise the limit with import --max-sheet-mb)")


def check_sheet_members(path: Path, members: Iterable, limits: SheetLimits) -> None:
    """Refuse an XLSX whose sheet or shared-strings XML (sizes from the zip directory) is too large.

    The sizes are the ones the zip's directory declares; Python's zipfile reads no
    more of a member than it declares.
    """
    for m in members:
        name = m.filename
        if name.startswith("xl/worksheets/") or name == "xl/sharedStrings.xml":
            check_sheet_bytes(f"{path}, {name}", m.file_size, limits, "bytes of XML")


_ROW = re.compile(rb"<row[\s>/]")  # a row element of a sheet's XML (text holds "<" as "&lt;")


def count_sheet_rows(path: Path, archive: zipfile.ZipFile, limits: SheetLimits) -> None:
    """Refuse an XLSX sheet with more rows than ``limits.rows``, counted in its raw XML before parsing.

    A sheet need not declare its size (openpyxl's own write-only sheets do not),
    and openpyxl reads some 3,000 rows a second: counting the row tags while the
    XML unpacks takes a fraction of that, and stops at the first row too many.
    """
    for m in archive.infolist():
        if not (m.filename.startswith("xl/worksheets/") and m.filename.endswith(".xml")):
            continue
        count, tail = 0, b""
        try:
            with archive.open(m) as xml:
                while chunk := xml.read(1 << 20):
                    data = tail + chunk
                    count += len(_ROW.findall(data))
                    if count > limits.rows:
                        raise _rows_refused(f"{path}, {m.filename}", None, limits)
                    tail = data[-4:]  # a tag cut by the chunk's end is counted with the next chunk
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError) as exc:
            raise DataError(f"{path}: not a readable XLSX workbook ({m.filename}: "
                            f"{exc.__class__.__name__})") from None


def _rows_refused(where, found: int | None, limits: SheetLimits) -> DataError:
    most = f"{limits.rows:,}"
    counted = f"{found:,} rows, more than the {most}" if found else f"more than the {most} rows"
    return DataError(f"{where}: refused: {counted} a sheet may have (raise the limit with import --max-rows)")


def _columns_refused(where, found: int, limits: SheetLimits) -> DataError:
    return DataError(f"{where}: refused: {found:,} columns, more than the {limits.columns:,} a sheet may "
                     "have (raise the limit with import --max-columns)")


def sheet_rows(where, rows: Iterable, limits: SheetLimits, dimensions: tuple | None = None) -> Iterator:
    """``rows`` as they come, refused as soon as there are too many, or one is too wide.

    ``dimensions`` (rows, columns) is what an XLSX sheet declares before its rows,
    checked first: a sheet that says it is too large is refused before a row is parsed.
    """
    declared_rows, declared_columns = dimensions or (None, None)
    if declared_rows and declared_rows > limits.rows:
        raise _rows_refused(where, declared_rows, limits)
    if declared_columns and declared_columns > limits.columns:
        raise _columns_refused(where, declared_columns, limits)
    for n, row in enumerate(rows, start=1):
        if n > limits.rows:
            raise _rows_refused(where, None, limits)
        if len(row) > limits.columns:
            raise _columns_refused(where, len(row), limits)
        yield row
