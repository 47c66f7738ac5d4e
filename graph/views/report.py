"""The report a committee reads in five minutes: findings first, then the images, the tables in an appendix.

One HTML file in one language (``lang``: "sv" by default, or "en") with the
images inline (PNG as data URIs), nothing fetched, two A4 pages before the
appendix when printed.  The findings and tables are the questions' own answers,
so the report says exactly what `kraftgraf query …` says; the words around them
are the report's own (:mod:`kraftgraf.graph.views.report_text`).  ``--pdf``
prints the same HTML with headless Chromium.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import date
from importlib.resources import files
from pathlib import Path

import jinja2

from kraftgraf.errors import KraftgrafError
from kraftgraf.files import atomic_write, check_target
from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.graph.store.plans import plan_keys
from kraftgraf.graph.store.projection import project
from kraftgraf.graph.store.stats import counts
from kraftgraf.graph.views.report_findings import findings
from kraftgraf.graph.views.report_heat import heat_map
from kraftgraf.graph.views.report_images import layer_names, rainbow_image
from kraftgraf.graph.views.report_text import (
    COLUMNS,
    COUNT_LABELS,
    LANGS,
    UI,
    cell_text,
    part_heading,
    section_words,
)
from kraftgraf.queries.common import as_dict
from kraftgraf.queries.registry import Question, question, report_parts

__all__ = ["write_report", "render_report", "print_pdf", "find_chromium", "ROWS_PER_TABLE", "NoBrowserError"]

ROWS_PER_TABLE = 25
# counted apart from the plan: the curated facts every plan of a store reads (a Finnish plan's report
# counted Sweden's laws and agencies as if they were the plan's), with the plans' own actors
STORE_KINDS = ("actors", "laws", "determinants", "sectors")


class NoBrowserError(KraftgrafError):
    """No Chromium to print the PDF with."""


@dataclass(frozen=True)
class Table:
    """A query section ready for the page."""

    title: str
    explanation: str
    columns: list[str]
    rows: list[list[str]]
    why: list[str]
    hidden: int
    command: str


# how the report asks a question: (question, store view, options, plan) -> sections; the plan is
# None for the report's own view (``kg``), else the key of one of ``each_plan``
Ask = Callable[[Question, KnowledgeGraph, dict, "str | None"], list]


def ask_now(q: Question, kg: KnowledgeGraph, options: dict, plan: str | None) -> list:
    """The question's answer, computed (the CLI passes one that reads answers kept for the store's bytes)."""
    return q.ask(kg, **options)


def _answers(kg: KnowledgeGraph, ask: Ask) -> tuple[list, dict]:
    """Each report part's sections, and every section by (question, key) for the findings."""
    parts, by_key = [], {}
    for heading, q, options in report_parts():
        sections = ask(q, kg, options, None)
        parts.append((heading, q, options, sections))
        by_key.update({(q.name, s.key): s for s in sections})
    return parts, by_key


def _names(kg: KnowledgeGraph, lang: str) -> dict[str, str]:
    """The plan's Swedish names -> those in ``lang``: the queries name things in Swedish."""
    if lang == "sv":
        return {}
    # the projection's nodes with their names, without its 100,000 links (a national plan's took seconds)
    return {d["label"]: d["label_en"] for _, d in project(kg.store, relations=()).nodes(data=True)
            if d.get("label_en") and d["label_en"] != d["label"]}


def _table(q, s, lang: str, layers: list[str], names: dict[str, str],
           plans_of: dict[str, set[tuple]] | None = None) -> Table:
    """One section's table; with ``plans_of`` (plan -> its own rows of the section) a plan column first.

    A row names every plan whose own answer has it word for word; a row that only
    the plans together give (a count over both) says so.
    """
    i = LANGS.index(lang)
    title, explanation = section_words(q.name, s.key, lang, s.title, s.explanation)
    known = any(c in COLUMNS for c in s.columns)
    columns = [c for c in s.columns if c in COLUMNS or not known or c in _layer_columns(s)]
    headers = [_header(c, s, layers, i) for c in columns]
    shown = [as_dict(r) for r in s.rows[:ROWS_PER_TABLE]]  # a national section has thousands more
    cells = [[cell_text(r[c], lang, names) for c in columns] for r in shown]
    if plans_of is not None:
        headers.insert(0, COLUMNS["plan"][i])
        for r, row in zip(shown, cells):
            found = [plan for plan, own in plans_of.items() if _key(r, s.columns) in own]
            row.insert(0, ", ".join(found) or UI[lang]["together"])
    return Table(title, explanation, headers, cells,
                 [],  # the reasons are the queries' own sentences, with the plan's Swedish names: --explain
                 len(s.rows) - len(shown), f"kraftgraf {q.command_path}")


def _key(row: dict, columns: list[str]) -> tuple:
    return tuple(str(row[c]) for c in columns)


def _appendix(parts: list, each_plan: dict[str, KnowledgeGraph] | None, lang: str, layers: list[str],
              names: dict[str, str], ask: Ask) -> list:
    """The appendix's tables; with ``each_plan`` (two plans or more) each row says which plans it is in."""
    groups = []
    for heading, q, options, found in parts:
        tables = []
        own = {plan: {sec.key: sec.rows for sec in ask(q, view, options, plan)}
               for plan, view in (each_plan or {}).items()}
        for s in found:
            plans_of = {plan: {_key(as_dict(r), s.columns) for r in mine.get(s.key, [])}
                        for plan, mine in own.items()}
            tables.append(_table(q, s, lang, layers, names, plans_of or None))
        groups.append((part_heading(q.name, heading, lang), tables))
    return groups


def _layer_columns(s) -> list[str]:
    from kraftgraf.queries.coverage.answer import LAYER_COLUMNS

    return [c for c in s.columns if c in LAYER_COLUMNS]


def _header(column: str, s, layers: list[str], i: int) -> str:
    from kraftgraf.queries.coverage.answer import LAYER_COLUMNS

    if column in LAYER_COLUMNS and LAYER_COLUMNS.index(column) < len(layers):
        return layers[LAYER_COLUMNS.index(column)]
    return COLUMNS[column][i] if column in COLUMNS else column


def render_report(kg: KnowledgeGraph, lang: str = "sv", plans: list[str] | None = None,
                  appendix: bool = True, title: str = "",
                  each_plan: dict[str, KnowledgeGraph] | None = None, ask: Ask = ask_now) -> str:
    """The whole report page in ``lang``; without ``appendix`` only the pages before it.

    ``each_plan`` (plan key -> the store seen as that plan) asks the appendix's
    questions of each plan apart, and its tables get a plan column; the findings and
    images read ``kg``, every fact once.
    """
    if lang not in LANGS:
        raise KraftgrafError(f"no report in language {lang!r} (there are: {', '.join(LANGS)})")
    if plans is None:  # a library caller: the plans the store holds, as the CLI passes them
        plans = plan_keys(kg)
    with ExitStack() as reading:  # the questions share what they read: each listing is read once
        for view in {id(v): v for v in [kg, *(each_plan or {}).values()]}.values():
            reading.enter_context(view.unchanged())
        return _render(kg, lang, plans, appendix, title, each_plan, ask)


def _render(kg: KnowledgeGraph, lang: str, plans: list[str], appendix: bool, title: str,
            each_plan: dict[str, KnowledgeGraph] | None, ask: Ask) -> str:
    ui = UI[lang]
    parts, by_key = _answers(kg, ask)
    layers = layer_names(kg, lang)
    numbers = {c.kind: c.count for c in counts(kg, COUNT_LABELS)}
    shown_counts = [(k, COUNT_LABELS[k][LANGS.index(lang)], numbers[k]) for k in COUNT_LABELS
                    if k in numbers and (k != "plans" or numbers[k] > 1)]
    coverage = question("coverage")
    by_actor = ask(coverage, kg, {"by": "actor"}, None)[0]
    by_sector = by_key.get(("coverage", "coverage")) or ask(coverage, kg, {"by": "sector"}, None)[0]
    names = _names(kg, lang)
    groups = _appendix(parts, each_plan, lang, layers, names, ask) if appendix else []
    plans = plans or []
    env = jinja2.Environment(autoescape=True, loader=jinja2.FileSystemLoader(
        str(files("kraftgraf.graph.views") / "templates")))
    return env.get_template("report.html.j2").render(
        lang=lang, ui=ui, title=title or ui["title"],
        counts=[(label, n) for k, label, n in shown_counts if k not in STORE_KINDS],
        store_counts=[(label, n) for k, label, n in shown_counts if k in STORE_KINDS],
        built=ui["built"].format(today=date.today().isoformat(), plans=", ".join(plans) or "–"),
        mixed=ui["mixed"].format(n=len(plans), plans=", ".join(plans)) if len(plans) > 1 else "",
        findings=findings(by_key, numbers, lang, lambda t: names.get(t, t)), groups=groups,
        heatmaps=[(which, heat_map(s, layers, ui[f"heat_title_{which}"], names, ui["heat_more"]))
                  for which, s in (("actor", by_actor), ("sector", by_sector))],
        rainbow=rainbow_image(kg, lang))


def find_chromium() -> str | None:
    """Chromium (or Chrome) to print with: $KRAFTGRAF_CHROMIUM, else the first one on PATH."""
    named = os.environ.get("KRAFTGRAF_CHROMIUM")
    if named:
        return shutil.which(named)
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        if shutil.which(name):
            return shutil.which(name)
    return None


def print_pdf(html: str | Path, pdf: str | Path, timeout: float = 120) -> None:
    """Print an HTML file to PDF (A4, no header or footer) with headless Chromium."""
    browser = find_chromium()
    if browser is None:
        raise NoBrowserError("--pdf needs Chromium (apt install chromium, or set KRAFTGRAF_CHROMIUM); "
                             "the HTML report was written")
    source = Path(html).resolve().as_uri()

    def run(tmp):
        with tempfile.TemporaryDirectory() as profile:
            done = subprocess.run(
                [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 f"--user-data-dir={profile}", "--no-pdf-header-footer", f"--print-to-pdf={tmp}", source],
                capture_output=True, timeout=timeout, check=False)
        if done.returncode != 0 or not Path(tmp).exists() or Path(tmp).stat().st_size == 0:
            raise KraftgrafError(f"Chromium could not print {html} (exit {done.returncode})")

    atomic_write(pdf, run)


def write_report(kg: KnowledgeGraph, path: str | Path, lang: str = "sv", plans: list[str] | None = None,
                 pdf: str | Path | None = None, each_plan: dict[str, KnowledgeGraph] | None = None,
                 ask: Ask = ask_now) -> None:
    """Write the report atomically, and with ``pdf`` print it there too."""
    check_target(path)  # a wrong -o fails before the images are drawn
    page = render_report(kg, lang, plans, each_plan=each_plan, ask=ask)
    atomic_write(path, lambda tmp: Path(tmp).write_text(page, encoding="utf-8"))
    if pdf is not None:
        print_pdf(path, pdf)
