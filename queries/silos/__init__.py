"""How far work stays inside one sector: sectors per initiative and layer, E–I index, modularity."""

from kraftgraf.queries.basis import BASIS_COLUMNS
from kraftgraf.queries.registry import Option, Question, ReportPart

QUESTION = Question(
    name="silos",
    help="How far work stays inside one sector: sectors per initiative, E–I index, modularity.",
    answer="kraftgraf.queries.silos.answer:sections",
    sections={"actors": ("actor", "sectors", "primary", "sector_names"),
              "initiatives": ("initiative", "actors", "sectors", "sector_names"),
              "single_sector": ("initiative", "actors", "sectors", "sector_names"),
              "layers": ("layer", "initiatives", "sectors", "sector_names"),
              "network": ("measure", "value", "meaning"),
              "grain": ("measure", "value", "meaning"),
              "communities": ("community", "actors", "sectors", "members"),
              "isolated": ("sector", "initiatives"),
              "basis": BASIS_COLUMNS},
    options=(Option("by", "Count a group's commitment for its likely owners by mandate (owner), or for "
                          "the group itself with all its members' sectors (column).",
                    kind="choice", choices=("owner", "column"), default="owner"),),
    rank=30,
    report=(ReportPart("Stuprör: hur långt arbetet stannar inom en sektor"),),
    examples=({}, {"by": "column"}),
)
