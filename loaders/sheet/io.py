"""Read a spreadsheet file into plain text cells: XLSX, or CSV as Swedish Excel writes it.

XLSX is read with openpyxl, which parses its XML with defusedxml when that is
installed (it is a dependency), so entity-expansion ("billion laughs") and
external-entity tricks fail instead of running.  Before openpyxl opens the
file, the zip archive's directory is checked: a zip bomb (a small file that
unpacks to gigabytes) is refused by its declared sizes and compression ratios.

CSV from Swedish Excel uses ``;`` and is Windows-1252 ("CSV (semikolonavgränsad)")
or UTF-8 with a BOM ("CSV UTF-8").  The encoding is detected, never guessed
silently: a UTF-8 BOM means UTF-8, valid UTF-8 is UTF-8, anything else is read as
Windows-1252 and a note says so.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn, cast

from kraftgraf.errors import DataError
from kraftgraf.loaders.limits import (
    DEFAULT_SHEET_LIMITS,
    SheetLimits,
    check_sheet_bytes,
    check_sheet_members,
    count_sheet_rows,
    input_file,
    sheet_rows,
)
from kraftgraf.loaders.sheet.layout import PLAN_SHEET, SIDE_COLUMNS, csv_sibling, csv_unescape
from kraftgraf.loaders.sheet.xlsx_values import plain_values

__all__ = ["Cell", "Item", "column_letter", "Workbook", "read_workbook", "check_zip", "check_sheet_file",
           "decode_csv", "MAX_UNPACKED", "MAX_RATIO"]

MAX_UNPACKED = 200 * 1024 * 1024  # bytes a workbook may unpack to, all members together
MAX_RATIO = 200  # how much one large member may be compressed; real XLSX stays far below
MAX_MEMBERS = 10_000
_RATIO_FROM = 1024 * 1024  # small members compress as they like


def column_letter(index: int) -> str:
    """0 -> 'A', 26 -> 'AA', as a spreadsheet names its columns."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass(frozen=True)
class Cell:
    """One cell's text and where it sits (row as the spreadsheet numbers it, header row 1)."""

    where: str
    sheet: str
    row: int
    column: str
    index: int
    text: str

    def fail(self, message: str) -> NoReturn:
        """Raise the one-line error for this cell."""
        raise DataError(f"{self.where}, row {self.row}, column {self.column} "
                        f"({column_letter(self.index)}): {message}")


@dataclass(frozen=True)
class Item:
    """One line of a cell (a commitment, an outcome, a name) and its place in the cell."""

    text: str
    cell: Cell
    start: int


@dataclass
class Workbook:
    """The sheets of one file as rows of text cells, and the notes reading it produced."""

    path: Path
    sheets: dict[str, list[list[str]]]
    properties: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    csv: bool = False

    def where(self, sheet: str) -> str:
        """How an error names a sheet: 'plan.xlsx, sheet Aktörer' or 'plan.aktorer.csv'."""
        if self.csv:
            return str(self.path if sheet == PLAN_SHEET else csv_sibling(self.path, sheet))
        return f"{self.path}, sheet {sheet}"


def check_zip(path: Path, limits: SheetLimits = DEFAULT_SHEET_LIMITS) -> None:
    """Refuse a file that is not a zip archive, or one that would unpack to too much.

    Each sheet's XML is held to ``limits.sheet_bytes`` by its size in the zip's
    directory, before a byte of it is parsed.
    """
    if not zipfile.is_zipfile(path):
        raise DataError(f"{path}: not a spreadsheet (an .xlsx file is a zip archive; this is not one)")
    with zipfile.ZipFile(path) as archive:
        members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise DataError(f"{path}: refused: the archive has {len(members)} members (at most {MAX_MEMBERS})")
    check_sheet_members(path, members, limits)
    total, most = sum(m.file_size for m in members), max(MAX_UNPACKED, 2 * limits.sheet_bytes)
    if total > most:
        raise DataError(f"{path}: refused: it would unpack to {total:,} bytes "
                        f"(at most {most:,}); a zip bomb, or not a plan")
    for m in members:
        if m.file_size > _RATIO_FROM and m.file_size > MAX_RATIO * max(m.compress_size, 1):
            raise DataError(f"{path}: refused: member {m.filename} is compressed "
                            f"{m.file_size // max(m.compress_size, 1)}:1 (at most {MAX_RATIO}:1); "
                            "a zip bomb, or not a plan")
    with zipfile.ZipFile(path) as archive:
        count_sheet_rows(path, archive, limits)  # sizes are sane: count the rows before openpyxl parses them


def _text(value) -> str | None:
    """A cell value as text; None for one neither text nor a whole number (as text it would change)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value) if isinstance(value, (str, int)) and not isinstance(value, bool) else None


def _value(path: Path, sheet: str, cell) -> str:
    """A cell's text; a formula is refused.

    A plan's cells are text, and a formula's value is only a cache the file may not hold.
    """
    if getattr(cell, "data_type", None) == "f":
        raise DataError(f"{path}, sheet {sheet}, row {cell.row}, column {cell.column_letter}: a formula "
                        f"({str(cell.value)[:40]}); write the text itself (start it with ' to keep "
                        "a leading =)")
    text = _text(getattr(cell, "value", None))
    if text is None or getattr(cell, "data_type", None) == "e":  # "e": an error value such as #N/A
        raise DataError(f"{path}, sheet {sheet}, row {cell.row}, column {cell.column_letter}: "
                        f"{cell.value!r} is a {type(cell.value).__name__}, not text; format the cell as "
                        "text (or start it with ') so it reads as written")
    return text


def _rows(path: Path, ws, limits: SheetLimits, values_only: bool = False, values=None):
    """The rows of a read-only sheet, every one of them, within ``limits``.

    Too many rows or columns are refused from the sheet's ``<dimension>`` before a
    row is parsed, else as soon as one too many comes.  Then the dimension is
    dropped: openpyxl stops at the last row it declares, so one that says too few
    would lose the rows after it without a word.
    """
    declared = (ws.max_row, ws.max_column)
    ws.reset_dimensions()
    rows = ws.iter_rows(values_only=values_only) if values is None else values
    return sheet_rows(f"{path}, sheet {ws.title}", rows, limits, declared)


def _plain(value) -> str | None:
    """A value's text when it is text or a whole number and could be nothing else; else None.

    A formula reads as '=…' and an error value as '#…': those, and what is not text,
    are read again cell by cell, where the one-line error can name the cell.
    """
    if value.__class__ is str:
        return None if value[:1] in ("=", "#") else value
    return _text(value)


def _sheet(path: Path, ws, limits: SheetLimits, archive: zipfile.ZipFile, shared) -> list[list[str]]:
    """A sheet's rows of text: by values (:mod:`.xlsx_values`, else openpyxl's), else cell by cell."""
    values = plain_values(archive, getattr(ws, "_worksheet_path", None), shared)
    plain = [[_plain(v) for v in row] for row in _rows(path, ws, limits, True, values)]
    if any(None in row for row in plain):
        return [[_value(path, ws.title, c) for c in row] for row in _rows(path, ws, limits)]
    return cast(list[list[str]], plain)


def _read_xlsx(path: Path, limits: SheetLimits) -> Workbook:
    import openpyxl
    from defusedxml import DefusedXmlException
    from openpyxl.utils.exceptions import InvalidFileException

    check_zip(path, limits)
    try:  # read_only parses each sheet's XML while its rows are read, so both steps are guarded
        wb = openpyxl.load_workbook(path, read_only=True)
        try:
            with zipfile.ZipFile(path) as archive:
                shared = wb.shared_strings
                sheets = {ws.title: _sheet(path, ws, limits, archive, shared) for ws in wb.worksheets}
            props = {k: getattr(wb.properties, k) or "" for k in ("identifier", "title", "language")}
        finally:
            wb.close()
    except (InvalidFileException, KeyError, OSError, ValueError, TypeError, zipfile.BadZipFile,
            SyntaxError) as exc:  # xml's ParseError is a SyntaxError
        cause = exc  # openpyxl wraps defusedxml's refusal in a ValueError of its own
        while cause is not None and not isinstance(cause, DefusedXmlException):
            cause = cause.__cause__ or cause.__context__
        if cause is not None:
            raise DataError(f"{path}: refused: its XML uses {cause.__class__.__name__} "
                            "(entity expansion or external references)") from None
        raise DataError(f"{path}: not a readable XLSX workbook ({exc.__class__.__name__})") from None
    return Workbook(path, sheets, props)


def decode_csv(data: bytes, where) -> tuple[str, str | None]:
    """The text of a CSV file and a note when it was not UTF-8; see the module docstring."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), None
    if b"\x00" in data:
        raise DataError(f"{where}: not a spreadsheet (binary data, or UTF-16: save it as CSV UTF-8)")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise DataError(f"{where}: neither UTF-8 nor Windows-1252 text (byte {exc.start})") from None
    return text, f"{where}: not UTF-8; read as Windows-1252 (Excel's \"CSV (semikolonavgränsad)\")"


def _read_csv_file(path: Path, notes: list[str], limits: SheetLimits) -> list[list[str]]:
    check_sheet_bytes(path, input_file(path).st_size, limits)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DataError(f"{path}: no such file") from None
    text, note = decode_csv(data, path)
    if note:
        notes.append(note)
    first = text.split("\n", 1)[0]
    sep = max((";", ",", "\t"), key=first.count) if first.strip() else ";"
    if sep != ";":
        notes.append(f"{path}: separated by {'tab' if sep == chr(9) else repr(sep)}, not ';'")
    try:
        rows = list(sheet_rows(path, csv.reader(io.StringIO(text, newline=""), delimiter=sep, strict=True),
                               limits))
    except csv.Error as exc:
        raise DataError(f"{path}: not a readable CSV file ({exc})") from None
    return [[csv_unescape(cell) for cell in row] for row in rows]


def check_sheet_file(path: str | Path, limits: SheetLimits = DEFAULT_SHEET_LIMITS) -> None:
    """The checks of :func:`read_workbook` that need no parsing: a regular file, and its sizes."""
    path = Path(path)
    if path.is_dir() or (not path.exists()):
        raise DataError(f"{path}: no such file")
    input_file(path)  # a device or a pipe would be read until memory runs out
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        check_zip(path, limits)
    elif suffix == ".csv":
        for file in [path] + [csv_sibling(path, sheet) for sheet in SIDE_COLUMNS]:
            if file == path or file.is_file():
                check_sheet_bytes(file, input_file(file).st_size, limits)


def read_workbook(path: str | Path, limits: SheetLimits | None = None) -> Workbook:
    """The sheets of ``path`` (.xlsx, or .csv with optional side files beside it), within ``limits``."""
    path = Path(path)
    limits = limits or DEFAULT_SHEET_LIMITS
    if path.is_dir() or (not path.exists()):
        raise DataError(f"{path}: no such file")
    input_file(path)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, limits)
    if suffix == ".csv":
        notes: list[str] = []
        sheets = {PLAN_SHEET: _read_csv_file(path, notes, limits)}
        for sheet in SIDE_COLUMNS:
            if csv_sibling(path, sheet).is_file():
                sheets[sheet] = _read_csv_file(csv_sibling(path, sheet), notes, limits)
                notes.append(f"read the sheet {sheet} from {csv_sibling(path, sheet).name}")
        return Workbook(path, sheets, notes=notes, csv=True)
    if suffix == ".xls":
        raise DataError(f"{path}: an old Excel file (.xls); save it as .xlsx or CSV and import that")
    raise DataError(f"{path}: not a spreadsheet (expected .xlsx or .csv)")
