"""The shape of the plan as a spreadsheet: the memo's "samlad initiativlista".

One place says which sheets and columns there are, what each column means (the
template writes these texts as header comments), how a cell holds several
lines, and how a text that a spreadsheet would read as a formula is kept text.
Both :mod:`kraftgraf.loaders.sheet.read` (reading) and
:mod:`kraftgraf.loaders.sheet.template` (writing) use it, so the two cannot drift apart.
"""

from __future__ import annotations

__all__ = ["PLAN_SHEET", "ACTOR_SHEET", "LAW_SHEET", "DETERMINANT_SHEET", "INDICATOR_SHEET",
           "INSTRUCTION_SHEET", "INSTRUCTIONS", "SHEETS", "PLAN_COLUMNS", "SIDE_COLUMNS", "COMMENTS",
           "DEFAULT_ACTOR_COLUMNS", "OPEN_MARK", "MAX_CELL", "ID_PATTERN", "actor_column_rank", "lines",
           "csv_escape", "csv_unescape", "csv_sibling"]

PLAN_SHEET = "Initiativlista"
ACTOR_SHEET = "Aktörer"
LAW_SHEET = "Lagar"
DETERMINANT_SHEET = "Bestämningsfaktorer"
INDICATOR_SHEET = "Indikatorer"

# The fixed columns of the plan sheet, in the memo's order; the actor columns follow.
PLAN_COLUMNS = ("Id", "Målsättning", "Fokusområde", "Initiativ", "Åtaganden")
SIDE_COLUMNS = {
    ACTOR_SHEET: ("Id", "Namn", "Kolumn", "Typ", "Sektorer"),
    LAW_SHEET: ("Gäller", "SFS", "Lag", "Motivering", "Länk"),
    DETERMINANT_SHEET: ("Initiativ", "Bestämningsfaktor", "Namn", "Motivering"),
    INDICATOR_SHEET: ("Följer", "Indikator", "Namn", "Utgivare", "Utgivarens id", "Länk", "Motivering"),
}
SHEETS = (PLAN_SHEET, *SIDE_COLUMNS)
INSTRUCTION_SHEET = "Instruktioner"  # written for the reader, never read back

# The three actor columns of the memo's table: header -> actor id (data/actors.csv).
DEFAULT_ACTOR_COLUMNS = {
    "SKL/Kommuner/Regioner": "kommuner-och-regioner",
    "Staten": "staten",
    "Civilsamhället": "civilsamhallet",
}



def actor_column_rank(actor: str, first: int, header: str) -> tuple:
    """Where an actor's column goes when the plan stores no order of its own.

    The memo's three come first, in the memo's order; then by the first row with a
    cell of the actor's, then by header.  The import stores an order only when this
    would not give the sheet's back, so the seed plan's graph needs none.
    """
    defaults = list(DEFAULT_ACTOR_COLUMNS.values())
    return (actor not in defaults, defaults.index(actor) if actor in defaults else 0, first, header)


OPEN_MARK = "…"
MAX_CELL = 32767  # the most characters a spreadsheet cell holds
ID_PATTERN = r"[A-Za-z0-9][A-Za-z0-9._-]*"

COMMENTS = {
    (PLAN_SHEET, "Id"): "Initiativets id (t.ex. A1). Ändra det inte: vid import matchas raderna på id. "
                        "En ny rad får ett nytt id.",
    (PLAN_SHEET, "Målsättning"): "Målsättningen raden hör till: nummer, punkt, namn (t.ex. "
                                 "\"1. Ett mer hälsofrämjande samhälle och levnadssätt\"). "
                                 "Tom cell: samma som raden ovanför.",
    (PLAN_SHEET, "Fokusområde"): "Fokusområdet (vilken utveckling vi vill se): bokstav, punkt, namn "
                                 "(t.ex. \"A. En samhällsdesign för hälsa och välmående\"). "
                                 "Tom cell: samma som raden ovanför.",
    (PLAN_SHEET, "Initiativ"): "Initiativets namn. Tom cell: den första raden under Åtaganden.",
    (PLAN_SHEET, "Åtaganden"): "Vad som behöver åstadkommas (initiativets utfall), en rad per utfall.",
    "actor": "Vad {actor} kan göra: ett åtagande per rad. \"…\" betyder att planen lämnar platsen "
             "öppen (ett öppet åtagande); en tom cell betyder att inget står där.",
    (ACTOR_SHEET, "Id"): "Aktörens id i kraftgraf (t.ex. staten). Ett nytt id skapar en ny aktör.",
    (ACTOR_SHEET, "Namn"): "Aktörens namn.",
    (ACTOR_SHEET, "Kolumn"): "Rubriken på aktörens kolumn i bladet Initiativlista.",
    (ACTOR_SHEET, "Typ"): "Bara för en ny aktör: Myndighet, Regering, Region, Kommun, Intresseorganisation, "
                          "Civilsamhälle, Lärosäte, Enhet eller Aktörsgrupp (eller på engelska: agency, "
                          "government, region, municipality, …).",
    (ACTOR_SHEET, "Sektorer"): "Bara för en ny aktör: sektorerna den har uppdrag inom, åtskilda med "
                               "komma (t.ex. \"Hälso- och sjukvård, Socialtjänst\" eller skola).",
    (LAW_SHEET, "Gäller"): "Id för initiativet (A2) eller åtagandet (A2-staten-1) som kräver en lagändring.",
    (LAW_SHEET, "SFS"): "Lagens SFS-nummer (ÅÅÅÅ:N).",
    (LAW_SHEET, "Lag"): "Lagens namn: krävs för en lag som kraftgraf inte känner "
                        "(kraftgraf laws listar dem).",
    (LAW_SHEET, "Motivering"): "Varför lagen behöver ändras.",
    (LAW_SHEET, "Länk"): "Valfri länk till lagtexten (för en ny lag).",
    (DETERMINANT_SHEET, "Initiativ"): "Id för initiativet.",
    (DETERMINANT_SHEET, "Bestämningsfaktor"): "Bestämningsfaktorns id (t.ex. utbildning, "
                                              "halso-och-sjukvard).",
    (DETERMINANT_SHEET, "Namn"): "Bestämningsfaktorns namn (bara för läsaren; läses inte in).",
    (DETERMINANT_SHEET, "Motivering"): "Varför initiativet påverkar bestämningsfaktorn.",
    (INDICATOR_SHEET, "Följer"): "Fokusområdet (t.ex. D) eller initiativet (t.ex. E2) som indikatorn följer; "
                                 "skriv \"Fokusområde 1.2\" om ett initiativ har samma kod. Tom cell: en "
                                 "indikator som planen ännu inte använder.",
    (INDICATOR_SHEET, "Indikator"): "Indikatorns id i kraftgraf (t.ex. kolada-n00914): gemener, siffror och "
                                    "bindestreck. Ett nytt id skapar en ny indikator.",
    (INDICATOR_SHEET, "Namn"): "Indikatorns namn hos utgivaren: krävs för en ny indikator (för kraftgrafs "
                               "egna läses den inte in).",
    (INDICATOR_SHEET, "Utgivare"): "Vem som publicerar indikatorn (t.ex. Folkhälsomyndigheten): krävs för "
                                   "en ny indikator.",
    (INDICATOR_SHEET, "Utgivarens id"): "Utgivarens egen kod (t.ex. Koladas N00914, en Folkhälsodata-"
                                        "tabell); valfri.",
    (INDICATOR_SHEET, "Länk"): "Var indikatorn publiceras (https://…): krävs för en ny indikator.",
    (INDICATOR_SHEET, "Motivering"): "Varför indikatorn visar hur det går för det den följer.",
}

# The sheet Instruktioner: a heading, then its lines (Swedish, as the sheets' own words).
INSTRUCTIONS = (
    ("Initiativlistan", (
        "En rad per initiativ. Id är initiativets stabila id: vid import matchas raderna på id.",
        "En rad utan Id, initiativ och åtaganden namnger ett mål eller fokusområde som ännu inte har "
        "något initiativ.",
        "Ett åtagande eller utfall per rad i cellen. \"…\", \"-\", \"saknas\" eller \"n/a\" i en "
        "aktörs cell är ett öppet åtagande.",
        "Rubrikernas kommentarer säger vad varje kolumn ska innehålla.",
    )),
    ("Språk", (
        "Varje text får sin egen språktagg (svenska sv eller engelska en), cell för cell, så en plan "
        "kan blanda svenska och engelska.",
        "Språket läses av textens ord: funktionsord (och, att, för / the, and, of), å ä ö och "
        "ordändelser. När orden inte avgör (ett ensamt namn) gäller planens språk "
        "(kraftgraf import --lang, annars arbetsbokens, annars sv).",
        "En kolumn kan sättas till ett språk: skriv det inom hakparentes efter rubriken, t.ex. "
        "\"Åtaganden [sv]\" eller \"Staten [en]\". Då gäller det för alla kolumnens celler.",
        "Namn på två språk: Målsättning, Fokusområde och Initiativ får en andra kolumn med samma "
        "rubrik och ett språk, direkt till höger, t.ex. \"Initiativ [en]\" bredvid \"Initiativ\". "
        "Den första kolumnen är planens egen text; den andra ger samma mål, fokusområde eller initiativ "
        "ett namn på det andra språket (mål och fokusområden med samma kod: \"1. A healthier "
        "society\"). Texten i den första kolumnen räknas då som det andra språket.",
        "Mallen skriver tillbaka språken: en kolumn vars taggar orden inte skulle ge tillbaka får sitt "
        "språk i rubriken, och namn på två språk får sin andra kolumn.",
    )),
    ("Sidoblad", (
        "Aktörer: vems varje aktörskolumn är (kraftgraf actors listar kända id). Lagar: lagändringar "
        "som initiativ eller åtaganden kräver (kraftgraf laws). Bestämningsfaktorer: initiativens "
        "länkar till bestämningsfaktorer (kraftgraf determinants; kraftgraf suggest föreslår länkar). "
        "Indikatorer: offentliga indikatorer som följer fokusområden och initiativ (kraftgraf query "
        "followup; kraftgraf suggest föreslår indikatorer).",
        "Detta blad läses inte in.",
    )),
)

# A cell that begins with one of these is a formula to a spreadsheet reading CSV.
_FORMULA_START = tuple("=+-@'\t\r\n")


def lines(cell: str) -> list[str]:
    """The non-empty lines of a cell, each stripped (one commitment or outcome a line)."""
    return [line.strip() for line in cell.replace("\r\n", "\n").replace("\r", "\n").split("\n")
            if line.strip()]


def csv_escape(text: str) -> str:
    """Keep a CSV cell text: one leading apostrophe before a formula-like start."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_unescape(text: str) -> str:
    """Undo :func:`csv_escape` (an apostrophe is dropped only before what it protects)."""
    return text[1:] if text.startswith("'") and text[1:].startswith(_FORMULA_START) else text


def csv_sibling(path, sheet: str):
    """Where a side sheet of a CSV plan lives: plan.csv -> plan.aktorer.csv."""
    name = {ACTOR_SHEET: "aktorer", LAW_SHEET: "lagar", DETERMINANT_SHEET: "bestamningsfaktorer",
            INDICATOR_SHEET: "indikatorer"}[sheet]
    return path.with_name(f"{path.stem}.{name}{path.suffix}")
