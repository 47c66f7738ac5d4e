"""Initiatives nobody owns or one actor only, determinants nobody holds; with --actor, what one lacks."""

from kraftgraf.queries.basis import BASIS_COLUMNS
from kraftgraf.queries.registry import Option, Question, ReportPart

QUESTION = Question(
    name="unowned",
    help="Initiatives nobody (or one actor only) has committed to, and determinants nobody holds.",
    answer="kraftgraf.queries.unowned.answer:sections",
    options=(Option("actor", "Only initiatives that lack this actor (label, alias or id)."),),
    sections={"unowned": ("code", "label", "open_slots"),
              "single_actor": ("code", "label", "actor", "commitments"),
              "orphan_determinants": ("id", "label", "layer"),
              "lacking": ("code", "label", "status", "via"),
              "basis": BASIS_COLUMNS},
    rank=10,
    report=(ReportPart("Luckor: initiativ och bestämningsfaktorer utan ägare"),),
    examples=({}, {"actor": "Staten"}, {"actor": "SKL"}, {"actor": "Civilsamhället"}),
)
