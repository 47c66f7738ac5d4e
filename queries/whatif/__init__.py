"""What an actor's withdrawal leaves unheld: initiatives, sectors, determinants, layers, laws."""

from kraftgraf.queries.basis import BASIS_COLUMNS
from kraftgraf.queries.registry import Option, Question, ReportPart

_LOST = ("id", "label", "before", "after")

QUESTION = Question(
    name="whatif",
    help="What is left unheld if an actor withdraws: initiatives, sectors, determinants, layers, laws.",
    answer="kraftgraf.queries.whatif.answer:sections",
    options=(Option("without", "An actor that withdraws (label, alias or id); give it again for more.",
                    multiple=True, metavar="ACTOR"),
             Option("rank", "Rank every actor by what its withdrawal would leave unheld.", kind="flag")),
    sections={"summary": ("measure", "before", "after"),
              "initiatives": _LOST,
              "sectors": ("code", "sector", "before", "after"),
              "determinants": _LOST, "layers": _LOST, "laws": _LOST,
              "rank": ("actor", "members", "unowned", "determinants", "layers", "laws", "sectors_lost"),
              "basis": BASIS_COLUMNS},
    top_level=True,
    rank=15,
    report=(ReportPart("Om en aktör drar sig ur: vad ingen längre håller", {"rank": True}),),
    examples=({"without": ("Staten",)}, {"without": ("Civilsamhället", "SKL")},
              {"without": ("Socialstyrelsen",)}, {"rank": True}),
)
