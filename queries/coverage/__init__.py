"""Actors (or sectors) against the Dahlgren–Whitehead layers, and the layers nobody covers."""

from kraftgraf.queries.basis import BASIS_COLUMNS
from kraftgraf.queries.registry import Option, Question, ReportPart

_LAYERS = ("label", "age_sex_heredity", "lifestyle", "social_community", "living_working", "socioeconomic",
           "total")

QUESTION = Question(
    name="coverage",
    help="A matrix of actors (or sectors) against the Dahlgren–Whitehead layers.",
    answer="kraftgraf.queries.coverage.answer:sections",
    options=(Option("by", "Rows by actor or by sector.", kind="choice", choices=("actor", "sector"),
                    default="actor"),),
    sections={"coverage": _LAYERS, "uncovered_layers": ("label",), "basis": BASIS_COLUMNS},
    rank=50,
    report=(ReportPart("Täckning per sektor", {"by": "sector"}),),
    examples=({"by": "actor"}, {"by": "sector"}),
)
