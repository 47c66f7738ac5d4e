"""Initiatives and commitments that need a law changed, which law, and who can change it."""

from kraftgraf.queries.registry import Question, ReportPart

QUESTION = Question(
    name="laws",
    help="Initiatives and commitments that need a law changed, and which law (SFS number).",
    answer="kraftgraf.queries.laws.answer:sections",
    sections={"laws": ("code", "law", "status", "changed_by", "pushed_by")},
    rank=20,
    report=(ReportPart("Lagar som behöver ändras"),),
)
