"""The curated CSV files (``data/*.csv``) read and checked, row by row, before any fact is written.

Every file is read and checked before a single triple is added, so a mistake
raises :class:`~kraftgraf.errors.DataError` with one line naming the file, the
row (the header is row 1, as in a spreadsheet) and the column.  A quote may
skip text with `` […] ``; each part is then verbatim, in order.
"""

from __future__ import annotations

import csv
import difflib
import re
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import NoReturn

from rdflib import RDF, Graph

from kraftgraf.errors import DataError
from kraftgraf.loaders import indicators
from kraftgraf.loaders.memo import SEED_PLAN
from kraftgraf.ontology.vocab import (
    KG,
    slug,
)

__all__ = ["FILES", "OPTIONAL", "EXTRA", "ACTOR_KINDS", "LAW_FORMS", "CONFIDENCE", "DOCUMENTS", "PLAN", "Row",
           "read_curated"]

# file -> its columns; "?" marks a column whose cells may be empty.  Every file
# also takes the optional columns in OPTIONAL: `public_ref` (required on `public`
# rows) and `note` (what the public source corrects, or why the memo's reading is kept).
FILES = {
    "actors.csv": "id label_sv label_en kind member_of? aliases? source_doc quote",
    "mandates.csv": "actor sector source_doc quote",
    "laws.csv": "sfs label_sv label_en short? replaced_by? valid_until? source_doc quote",
    "law_links.csv": "subject law source_doc quote reason",
    "programmes.csv": "id label_sv label_en start end? source_doc quote",
    "determinant_links.csv": "initiative determinant reason confidence source_doc quote",
    "determinant_sectors.csv": "determinant sector source_doc quote reason",
    **indicators.FILES,
}
# Optional columns any file takes; and those only one file takes.
OPTIONAL = ("public_ref", "note")
EXTRA = {
    # form: lag (the Riksdag decides it) or förordning (the government does); empty means lag.
    # in_force_from: the day the act took effect; replaced_part: when replaced_by took over
    # only part of the act (Patientdatalagen's rules on sammanhållen journalföring), that part.
    "laws.csv": ("form", "in_force_from", "replaced_part"),
    "programmes.csv": ("aliases",),
}
LAW_FORMS = ("lag", "förordning")
# How sure a determinant link is: the row says it in so many words, or we read it so.
CONFIDENCE = ("stated", "our reading")
ACTOR_KINDS = ("Government", "StateAgency", "Region", "Municipality", "MembersOrganisation",
               "CivilSocietyOrganisation", "University", "OrganisationalUnit", "ActorGroup")
# source_doc -> (document key, title, file name) of the seed the quotes come from.
DOCUMENTS = {
    "memo": (SEED_PLAN.document_key, SEED_PLAN.title, "000_4fa505ce088054a3.txt"),
    "web": ("skr-bakgrund-webb", "Bakgrund till kraftsamlingen", "002_43b7bd7ae7da8171.txt"),
}
PLAN = SEED_PLAN.key
MAX_QUOTE = 300
_SFS = re.compile(r"[0-9]{4}:[1-9][0-9]*")
_DATE = r"[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
_SUBJECT = re.compile(r"initiative:[A-Z][0-9]+|commitment:[A-Z][0-9]+-(.+)-[0-9]+")


class Row(dict):
    """One CSV row (column -> stripped text) that knows where it sits, for error messages."""

    where: str
    n: int

    def fail(self, column: str, message: str) -> NoReturn:
        """Raise the one-line :class:`DataError` for ``column`` of this row."""
        raise DataError(f"{self.where} row {self.n}, column {column}: {message}")

    def list(self, column: str) -> list[str]:
        """A ``|``-separated cell as a list (empty cell: empty list)."""
        return [v.strip() for v in self.get(column, "").split("|") if v.strip()]

    def known(self, column: str, known, what: str, value: str | None = None) -> None:
        """Fail unless the cell (or ``value``) is in ``known``; name the closest known values."""
        value = self[column] if value is None else value
        if value not in known:
            close = difflib.get_close_matches(value, sorted(known), n=3)
            self.fail(column, f"unknown {what} '{value}' (closest: {', '.join(close) or 'none'})")

    def matches(self, column: str, pattern: str, what: str) -> None:
        """Fail unless the cell matches ``pattern`` in full."""
        if not re.fullmatch(pattern, self[column]):
            self.fail(column, f"'{self[column]}' is not {what}")


@lru_cache(maxsize=1)
def _ontology_ids() -> tuple[frozenset[str], frozenset[str]]:
    """The determinant (and layer) ids and the sector ids the ontology defines."""
    g = Graph()
    for name in ("determinants.ttl", "sectors.ttl"):
        g.parse(Path(str(files("kraftgraf.ontology") / name)), format="turtle")
    ids = {cls: frozenset(str(s).rsplit("/", 1)[1] for s in g.subjects(RDF.type, cls))
           for cls in (KG.Determinant, KG.DeterminantLayer, KG.Sector)}
    return ids[KG.Determinant] | ids[KG.DeterminantLayer], ids[KG.Sector]


def _read(directory, name: str, where: str) -> list[Row]:
    """The rows of one file, with the checks every file shares."""
    try:
        text = (directory / name).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise DataError(f"{where}: no such file") from None
    except UnicodeDecodeError:
        raise DataError(f"{where}: not a UTF-8 text file") from None
    reader = csv.DictReader(text.splitlines())
    header = Row({c.strip(): c.strip() for c in reader.fieldnames or []})
    header.where, header.n = where, 1
    spec = FILES[name].split()
    columns = [c.rstrip("?") for c in spec]
    for column in columns:
        if column not in header:
            header.fail(column, f"missing column (the header has: {', '.join(header)})")
    for column in header:
        header.known(column, [*columns, *OPTIONAL, *EXTRA.get(name, ())], "column")
    rows = []
    for n, raw in enumerate(reader, start=2):
        row = Row({k.strip(): (v or "").strip() for k, v in raw.items() if k is not None})
        row.where, row.n = where, n
        if None in raw:
            row.fail(columns[-1], "more cells than the header has columns")
        for column in spec:
            if not column.endswith("?") and not row.get(column):
                row.fail(column, "empty quote (every row needs the verbatim text it rests on)"
                         if column == "quote" else "empty cell")
        row.known("source_doc", [*DOCUMENTS, "public"], "source_doc")
        if row["source_doc"] == "public" and not row.get("public_ref"):
            row.fail("public_ref", "a public row needs public_ref, the public source it rests on")
        if len(row["quote"]) > MAX_QUOTE:
            row.fail("quote", f"quote is {len(row['quote'])} characters; keep it under {MAX_QUOTE}")
        rows.append(row)
    return rows


def _unique(rows: list[Row], column: str, plain: bool = True) -> dict[str, Row]:
    """Id -> row; fails on a duplicate or (``plain``) an id not in lower-case ASCII and hyphens."""
    seen: dict[str, Row] = {}
    for row in rows:
        if row[column] in seen:
            row.fail(column, f"duplicate id '{row[column]}' (first on row {seen[row[column]].n})")
        if plain and row[column] != slug(row[column]):
            row.fail(column, f"'{row[column]}' is not a plain id (lower-case ASCII and hyphens)")
        seen[row[column]] = row
    return seen


def read_curated(data_dir: str | Path | None = None) -> dict[str, list[Row]]:
    """Read and check every curated file; returns file name -> its rows.

    Parameters
    ----------
    data_dir
        A folder holding the CSV files; ``None`` reads the ones the package ships.

    Raises
    ------
    DataError
        On the first problem, naming the file, row and column.

    """
    directory = files("kraftgraf.data") if data_dir is None else Path(data_dir)
    prefix = "data" if data_dir is None else str(data_dir)
    t = {name: _read(directory, name, f"{prefix}/{name}") for name in FILES  # indicators are optional
         if name not in indicators.FILES or (directory / name).is_file()}
    determinants, sectors = _ontology_ids()
    actors = _unique(t["actors.csv"], "id")
    for row in t["actors.csv"]:
        row.known("kind", ACTOR_KINDS, "actor kind")
        for parent in row.list("member_of"):
            row.known("member_of", actors, "actor", parent)
    for row in t["mandates.csv"]:
        row.known("actor", actors, "actor")
        row.known("sector", sectors, "sector")
    laws = _unique(t["laws.csv"], "sfs", plain=False)
    sfs = "an SFS number of the form YYYY:N"
    for row in t["laws.csv"]:
        row.matches("sfs", _SFS.pattern, sfs)
        if row["replaced_by"]:
            row.matches("replaced_by", _SFS.pattern, sfs)
            row.known("replaced_by", laws, "law")
        for column in ("valid_until", "in_force_from"):
            if row.get(column):
                row.matches(column, _DATE, "a date (YYYY-MM-DD)")
        if row.get("form"):
            row.known("form", LAW_FORMS, "form of act")
        if row.get("replaced_part") and not row["replaced_by"]:
            row.fail("replaced_part", "a replaced part needs replaced_by, the act it moved to")
    for row in t["law_links.csv"]:
        row.matches("law", _SFS.pattern, sfs)
        row.known("law", laws, "law")
        row.matches("subject", _SUBJECT.pattern, "'initiative:A1' or 'commitment:A1-staten-1'")
        subject = _SUBJECT.fullmatch(row["subject"])
        assert subject is not None  # row.matches checked it
        actor = subject.group(1)
        if actor:
            row.known("subject", actors, "actor", actor)
    _unique(t["programmes.csv"], "id")
    for row in t["programmes.csv"]:
        for column in ("start", "end") if row["end"] else ("start",):
            row.matches(column, r"[0-9]{4}", "a year (YYYY)")
        if row["end"] and row["end"] < row["start"]:
            row.fail("end", f"ends ({row['end']}) before it starts ({row['start']})")
    for row in t["determinant_links.csv"]:
        row.matches("initiative", r"[A-Z][0-9]+", "an initiative id such as A1")
        row.known("determinant", determinants, "determinant")
        row.known("confidence", CONFIDENCE, "confidence")
    for row in t["determinant_sectors.csv"]:
        row.known("determinant", determinants, "determinant")
        row.known("sector", sectors, "sector")
    indicators.check_indicators(t, _unique)
    return t
