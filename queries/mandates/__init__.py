"""Mandates against commitments: outside a mandate, mandate holders that committed nothing, likely owners."""

from kraftgraf.queries.basis import BASIS_COLUMNS
from kraftgraf.queries.registry import Option, Question, ReportPart

QUESTION = Question(
    name="mandates",
    help="Commitments outside the actor's mandates, mandate holders that committed nothing, "
         "and the likely owners of a group's commitments.",
    answer="kraftgraf.queries.mandates.answer:sections",
    options=(Option("actor", "Only this actor's commitments, or the group commitments it likely owns "
                             "(label, alias or id)."),),
    sections={"outside": ("code", "actor", "outside", "status"),
              "idle_holders": ("id", "label", "sector", "holders", "initiatives"),
              "likely_owners": ("code", "group", "member", "rank", "sectors"),
              "basis": BASIS_COLUMNS},
    rank=25,
    report=(ReportPart("Uppdrag och åtaganden: vem bär gruppens ord"),),
    examples=({}, {"actor": "Socialstyrelsen"}, {"actor": "Staten"}),
)
