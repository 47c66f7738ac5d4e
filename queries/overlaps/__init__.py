"""Commitments that say nearly the same thing, and mandates that cover the same determinant."""

from kraftgraf.queries.basis import BASIS_COLUMNS
from kraftgraf.queries.registry import Option, Question, ReportPart

QUESTION = Question(
    name="overlaps",
    help="Commitments that say nearly the same thing, with the similarity score.",
    answer="kraftgraf.queries.overlaps.answer:sections",
    options=(Option("threshold", "Similarity (0–100) from which two commitments count as overlapping.",
                    kind="number", low=0, high=100),),
    sections={"same_initiative": ("first", "second", "score", "actors", "initiatives"),
              "same_actor": ("first", "second", "score", "actors", "initiatives"),
              "mandates": ("determinant", "sectors", "actors", "actor_names"),
              "comparisons": ("measure", "value", "meaning"),
              "basis": BASIS_COLUMNS},
    rank=40,
    report=(ReportPart("Överlapp: åtaganden som säger nästan samma sak"),),
    examples=({}, {"threshold": 60}),
)
