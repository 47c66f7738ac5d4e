"""The report's own words, in Swedish and English.

The questions speak English (their titles, explanations and ``why``); a committee
reads Swedish.  So the report keeps its own title, explanation and column
headings per section key (in ``report_words.json`` beside it), and shows only the
columns it has words for.  A section it has no words for (a question added later) keeps the
question's own title and columns, so nothing goes missing from the appendix.
"""

from __future__ import annotations

import json
import re
from importlib.resources import files

__all__ = ["LANGS", "UI", "SECTIONS", "PARTS", "COLUMNS", "COUNT_LABELS", "cell_text", "section_words",
           "part_heading"]

LANGS = ("sv", "en")


def _words() -> dict:
    return json.loads((files("kraftgraf.graph.views") / "report_words.json").read_text(encoding="utf-8"))


_WORDS = _words()  # a data file, so the words can be read and changed without reading code
UI: dict[str, dict[str, str]] = _WORDS["ui"]
COUNT_LABELS: dict[str, tuple[str, str]] = {k: tuple(v) for k, v in _WORDS["counts"].items()}
# column -> (sv, en); a column not named here is left out of the report's tables
COLUMNS: dict[str, tuple[str, str]] = {k: tuple(v) for k, v in _WORDS["columns"].items()}
# (question, section key) -> ((title sv, explanation sv), (title en, explanation en)); question None:
# the section several questions end with, when what they count is incomplete (queries/basis.py)
SECTIONS = {(s.get("question"), s["key"]): (tuple(s["sv"]), tuple(s["en"])) for s in _WORDS["sections"]}
# the report's headings per question (the registry's headings are Swedish only)
PARTS: dict[str, tuple[str, str]] = {k: tuple(v) for k, v in _WORDS["parts"].items()}
_MEASURES_SV: dict[str, str] = _WORDS["measures_sv"]
# the queries' English sentences with numbers or names in them, and their Swedish
_PATTERNS_SV = tuple((p["pattern"], p["swedish"]) for p in _WORDS["patterns_sv"])


def cell_text(value, lang: str, names: dict[str, str] | None = None) -> str:
    """A cell as text in ``lang``: numbers the language's way, the queries' few English phrases in Swedish.

    ``names`` maps the plan's Swedish names to those in ``lang`` (a list joined with
    "; " is named part by part).
    """
    if isinstance(value, float):
        text = f"{value:.2f}"
        return text.replace(".", ",").replace("-", "−") if lang == "sv" else text
    if isinstance(value, list):
        value = "; ".join(map(str, value))
    text = str(value)
    if names:
        text = "; ".join(names.get(part, part) for part in text.split("; "))
    if lang == "sv":
        text = _MEASURES_SV.get(text, text)
        for pattern, swedish in _PATTERNS_SV:
            text = re.sub(pattern, swedish, text)
    return text


def section_words(question: str, key: str, lang: str, title: str, explanation: str) -> tuple[str, str]:
    """The report's title and explanation for a section (the question's own where the report has none)."""
    words = SECTIONS.get((question, key)) or SECTIONS.get((None, key))
    if words is None:
        return title, explanation
    return words[LANGS.index(lang)]


def part_heading(question: str, heading: str, lang: str) -> str:
    """The heading of a question's part of the appendix."""
    words = PARTS.get(question)
    return words[LANGS.index(lang)] if words else heading
