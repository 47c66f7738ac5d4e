"""Every path from an actor to the determinants and laws it reaches, or back from a determinant."""

from kraftgraf.queries.basis import BASIS_COLUMNS
from kraftgraf.queries.registry import Option, Question

_PATH = ("actor", "step", "initiative", "target", "layer")

QUESTION = Question(
    name="trace",
    help="Trace an actor to the determinants and laws it reaches, or a determinant back to actors.",
    answer="kraftgraf.queries.trace.answer:sections",
    options=(Option("name", "An actor or a determinant (label, alias or id).", argument=True,
                    metavar="NAME"),),
    sections={"commitment": (*_PATH, "confidence"), "mandate": _PATH, "law": _PATH, "unlinked": _PATH,
              "basis": BASIS_COLUMNS},
    top_level=True,
    rank=60,
    examples=({"name": "Staten"}, {"name": "SKL"}, {"name": "arbetsmiljö"}),
)
