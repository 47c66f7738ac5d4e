"""The report's own words, in Swedish and English.

The questions speak English (their titles, explanations and ``why``); a committee
reads Swedish.  So the report keeps its own title, explanation and column
headings per section key here, in the view, and shows only the columns it has
words for.  A section it has no words for (a question added later) keeps the
question's own title and columns, so nothing goes missing from the appendix.
"""

from __future__ import annotations

import re

__all__ = ["LANGS", "UI", "SECTIONS", "PARTS", "COLUMNS", "COUNT_LABELS", "cell_text", "section_words",
           "part_heading"]

LANGS = ("sv", "en")

UI = {
    "sv": {
        "title": "Kraftgraf – rapport", "built": "Byggd {today} med kraftgraf ur planen {plans}.",
        "mixed": "Rapporten läser {n} planer tillsammans ({plans}); varje fakta räknas en gång.",
        "findings": "Slutsatser", "counts": "Planen i siffror", "coverage": "Täckning",
        "rainbow": "Regnbågen: vem når vilka bestämningsfaktorer",
        "heat_actor": "Antal initiativ per aktör och lager (Dahlgren–Whitehead 1991).",
        "heat_sector": "Samma per sektor, via aktörernas mandat.",
        "heat_title_actor": "Aktörer × lager", "heat_title_sector": "Sektorer × lager",
        "heat_more": "de {shown} som når flest initiativ av {total}",
        "heat_empty_actor": "Aktörer × lager: tom. Inget åtagande i planen går från en aktör till ett "
                            "initiativ som är länkat till en bestämningsfaktor.",
        "heat_empty_sector": "Sektorer × lager: tom. Ingen aktör med mandat i en sektor har ett åtagande "
                             "för ett initiativ som är länkat till en bestämningsfaktor.",
        "rainbow_caption": "Bestämningsfaktorerna på sina lager, innerst ålder, kön och arv. Gröna prickar: "
                           "initiativ, nära det de påverkar; orange ram: initiativ utan ägare. "
                           "Grå namn: bestämningsfaktorer som inget initiativ når.",
        "appendix": "Bilaga: detaljerade tabeller",
        "appendix_note": "Varje rad bygger på citat ur källan; kör {command} --explain för skälen "
                         "och citaten.",
        "more": "… och {n} rader till (se {command}).", "none": "(inga)",
        "why": "varför", "total": "totalt", "together": "planerna tillsammans",
        "alt_actor": "Värmekarta: aktörer mot lager",
        "alt_sector": "Värmekarta: sektorer mot lager", "alt_rainbow": "Regnbågen med bestämningsfaktorerna",
    },
    "en": {
        "title": "Kraftgraf – report", "built": "Built {today} with kraftgraf from the plan {plans}.",
        "mixed": "The report reads {n} plans together ({plans}); each fact counts once.",
        "findings": "Findings", "counts": "The plan in numbers", "coverage": "Coverage",
        "rainbow": "The rainbow: who reaches which determinants of health",
        "heat_actor": "Initiatives per actor and layer (Dahlgren–Whitehead 1991).",
        "heat_sector": "The same per sector, through the actors' mandates.",
        "heat_title_actor": "Actors × layers", "heat_title_sector": "Sectors × layers",
        "heat_more": "the {shown} that reach most initiatives, of {total}",
        "heat_empty_actor": "Actors × layers: empty. No commitment in the plan runs from an actor to an "
                            "initiative linked to a determinant.",
        "heat_empty_sector": "Sectors × layers: empty. No actor with a mandate in a sector commits to an "
                             "initiative linked to a determinant.",
        "rainbow_caption": "The determinants on their layers, innermost age, sex and heredity. Green dots: "
                           "initiatives, near what they address; orange ring: initiatives nobody owns. "
                           "Grey names: determinants no initiative reaches.",
        "appendix": "Appendix: detailed tables",
        "appendix_note": "Every row rests on quotes from the source; run {command} --explain for the "
                         "reasons and quotes.",
        "more": "… and {n} more rows (see {command}).", "none": "(none)",
        "why": "why", "total": "total", "together": "the plans together",
        "alt_actor": "Heat-map: actors by layer",
        "alt_sector": "Heat-map: sectors by layer", "alt_rainbow": "The rainbow with the determinants",
    },
}

COUNT_LABELS = {
    "plans": ("planer", "plans"), "goals": ("målsättningar", "goals"),
    "focus_areas": ("fokusområden", "focus areas"), "initiatives": ("initiativ", "initiatives"),
    "commitments": ("åtaganden", "commitments"), "open_commitments": ("öppna åtaganden", "open commitments"),
    "actors": ("aktörer", "actors"), "laws": ("lagar", "laws"),
    "determinants": ("bestämningsfaktorer", "determinants"), "sectors": ("sektorer", "sectors"),
}

# column -> (sv, en); a column not named here is left out of the report's tables
COLUMNS = {
    "plan": ("Plan", "Plan"), "code": ("Kod", "Code"), "label": ("Namn", "Name"),
    "open_slots": ("Tomma aktörsceller", "Empty actor cells"),
    "actor": ("Aktör", "Actor"), "commitments": ("Åtaganden", "Commitments"), "layer": ("Lager", "Layer"),
    "law": ("Lag", "Law"), "status": ("Status", "Status"), "pushed_by": ("Driver", "Pushed by"),
    "sectors": ("Sektorer", "Sectors"), "primary": ("Huvudsektor", "Primary sector"),
    "sector_names": ("Vilka sektorer", "Which sectors"), "initiative": ("Initiativ", "Initiative"),
    "actors": ("Aktörer", "Actors"), "initiatives": ("Initiativ", "Initiatives"),
    "measure": ("Mått", "Measure"), "value": ("Värde", "Value"), "community": ("Grupp", "Group"),
    "members": ("Medlemmar", "Members"), "sector": ("Sektor", "Sector"), "first": ("Första", "First"),
    "second": ("Andra", "Second"), "score": ("Likhet (0–100)", "Similarity (0–100)"),
    "determinant": ("Bestämningsfaktor", "Determinant"), "actor_names": ("Vilka aktörer", "Which actors"),
    "total": ("Totalt", "Total"), "what": ("Vad som saknas", "What is missing"),
}

# (question, section key) -> ((title sv, explanation sv), (title en, explanation en))
SECTIONS = {
    ("unowned", "unowned"): (
        ("Initiativ som ingen har åtagit sig", "Arbete som planen nämner men som ingen aktör tog på sig; "
         "tomma aktörsceller räknar de kolumner där planen bara skrev ”…”."),
        ("Initiatives nobody has committed to", "Work the plan names but no actor took on; empty actor "
         "cells counts the columns where the plan wrote only “…”.")),
    ("unowned", "single_actor"): (
        ("Initiativ som bärs av en enda aktör",
         "Om den aktören inte kan leverera nämner planen ingen annan."),
        ("Initiatives held by a single actor", "If that actor cannot deliver, the plan names nobody else.")),
    ("unowned", "orphan_determinants"): (
        ("Bestämningsfaktorer som ingen äger", "Inget initiativ når dem och ingen aktör har mandat för dem."),
        ("Determinants nobody holds", "No initiative addresses them and no actor holds a mandate for them.")),
    ("laws", "laws"): (
        ("Lagar som behöver ändras", "Initiativ och åtaganden som kräver en lagändring, lagens SFS-nummer "
         "och om den sedan har ersatts. Lagar ändras av riksdagen på förslag av regeringen."),
        ("Laws that need changing", "Initiatives and commitments that need a law changed, the law's SFS "
         "number and whether it has since been replaced. Laws are changed by the Riksdag on a government "
         "bill.")),
    ("silos", "actors"): (
        ("Sektorer för aktörerna med åtaganden", "Sektorerna där varje aktör har mandat."),
        ("Sectors of the committed actors", "The sectors each actor holds mandates in.")),
    ("silos", "initiatives"): (
        ("Sektorer per initiativ", "Hur många sektorer aktörerna bakom varje initiativ har mandat i; "
         "1 betyder att arbetet stannar inom en sektor."),
        ("Sectors per initiative", "How many sectors the actors behind each initiative hold mandates in; "
         "1 means the work stays inside one sector.")),
    ("silos", "single_sector"): (
        ("Initiativ inom en enda sektor", "Alla aktörer bakom initiativet har mandat i samma sektor."),
        ("Initiatives inside one sector",
         "Every actor behind the initiative holds its mandate in one sector.")),
    ("silos", "layers"): (
        ("Sektorer per lager", "Sektorerna som når varje lager av bestämningsfaktorer."),
        ("Sectors per layer", "The sectors that reach each layer of determinants.")),
    ("silos", "network"): (
        ("Aktörsnätverket efter sektor", "Aktörer hänger ihop när de åtar sig samma initiativ. E–I-index: "
         "−1 bara inom sektorer (stuprör), +1 bara över sektorsgränser."),
        ("The actor network by sector", "Actors are linked when they commit to the same initiative. E–I "
         "index: −1 only within sectors (silos), +1 only across sectors.")),
    ("silos", "communities"): (
        ("Grupper i aktörsnätverket", "Aktörer som mest delar initiativ med varandra (Louvain)."),
        ("Communities in the actor network",
         "Actors that mostly share initiatives with each other (Louvain).")),
    ("silos", "isolated"): (
        ("Sektorer som inte delar något initiativ med en annan sektor", ""),
        ("Sectors that share no initiative with another sector", "")),
    ("overlaps", "same_initiative"): (
        ("Nästan samma åtagande av olika aktörer på ett initiativ", "Likhet 80 eller mer av 100: aktörerna "
         "behöver samordna sig."),
        ("Nearly the same commitment by different actors on one initiative", "Similarity 80 or more of 100: "
         "the actors need to coordinate.")),
    ("overlaps", "same_actor"): (
        ("Nästan samma åtagande av en aktör på olika initiativ",
         "Dubbelarbete, eller ett arbete som tjänar båda."),
        ("Nearly the same commitment by one actor on different initiatives", "Repeated work, or one piece of "
         "work that serves both.")),
    ("overlaps", "mandates"): (
        ("Mandat som täcker samma bestämningsfaktor", "Flera aktörer har mandat i sektorn: ansvaret behöver "
         "klargöras."),
        ("Mandates that cover the same determinant", "Several actors hold a mandate in the sector: their "
         "responsibilities need telling apart.")),
    ("overlaps", "comparisons"): (
        ("Jämförda par", "Hur många par av åtaganden som jämfördes."),
        ("Pairs compared", "How many pairs of commitments were compared.")),
    ("coverage", "coverage"): (
        ("Sektorer × lager", "Antal initiativ som aktörer med mandat i sektorn åtar sig och som når en "
         "bestämningsfaktor i lagret."),
        ("Sectors × layers", "Initiatives that actors with a mandate in the sector commit to and that "
         "address "
         "a determinant in the layer.")),
    ("coverage", "uncovered_layers"): (
        ("Lager som ingen når", ""), ("Layers nobody covers", "")),
    ("whatif", "rank"): (
        ("Aktörer efter vad som blir utan ansvarig om de drar sig ur",
         "Varje aktör dras ur för sig (en grupp med sina medlemmar): initiativ som blir utan ägare, "
         "bestämningsfaktorer och lager utan någon som håller dem, lagar utan någon som driver ändringen."),
        ("Actors by what their withdrawal would leave unheld",
         "Each actor withdrawn alone (a group with its members): initiatives left unowned, determinants and "
         "layers left without a holder, laws left without a pusher.")),
    ("mandates", "outside"): (
        ("Åtaganden utanför aktörens mandat",
         "Initiativets bestämningsfaktorer hör till en sektor där aktören (en grupp: ingen av dess "
         "medlemmar) saknar mandat. Inte fel i sig, men ansvaret ligger hos någon annan."),
        ("Commitments outside the actor's mandates",
         "The initiative's determinants sit in a sector where the actor (a group: none of its members) "
         "holds no mandate. Not wrong in itself, but someone else holds the responsibility there.")),
    ("mandates", "idle_holders"): (
        ("Bestämningsfaktorer vars mandatbärare inte åtagit sig något för dem",
         "De aktörer som ansvarar för sektorn har inget åtagande i något initiativ som når "
         "bestämningsfaktorn, varken själva eller genom en grupp."),
        ("Determinants whose mandate holders committed nothing to them",
         "The actors responsible for the sector made no commitment to any initiative addressing the "
         "determinant, themselves or through a group.")),
    ("mandates", "likely_owners"): (
        ("Troliga ägare av en grupps åtaganden, efter mandat",
         "Bilagans kolumnaktörer är grupper; här går varje gruppåtagande till de medlemmar vars mandat "
         "täcker initiativets bestämningsfaktorer, troligast först."),
        ("Likely owners of a group's commitments, by mandate",
         "The annex's column actors are groups; each group commitment goes to the members whose mandates "
         "cover the initiative's determinants, likeliest first.")),
    ("silos", "grain"): (
        ("Är planens aktörer fina nog för ett mått på stuprör?",
         "Ett mått på några få grupper som var och en spänner över flera sektorer säger inget om stuprör; "
         "här står hur många aktörer som gjort åtagandena."),
        ("Are the plan's actors fine enough for a silo measure?",
         "A measure on a few groups that each span sectors says nothing about silos; this says how many "
         "actors made the commitments.")),
    ("followup", "unfollowed"): (
        ("Målsättningar, fokusområden och initiativ utan indikator",
         "Inget offentligt mått är namngivet som skulle visa om den här delen av planen gör framsteg; "
         "”bara genom” en del över eller under som har ett."),
        ("Goals, focus areas and initiatives with no indicator",
         "Nothing public is named that would show whether this part of the plan makes progress; "
         "'only through' a part above or below it that has one.")),
    ("followup", "followed"): (
        ("Vad planen kan följas upp med", "Varje del av planen som har en indikator, och vilken."),
        ("What the plan can be followed up with", "Each part of the plan that has an indicator, and which.")),
    ("followup", "unused"): (
        ("Indikatorer som inget i planen använder",
         "Offentliga indikatorer (data/indicators.csv) som inget fokusområde eller initiativ "
         "är länkat till."),
        ("Indicators nothing in the plan uses",
         "Public indicators (data/indicators.csv) that no focus area or initiative is linked to.")),
    # the section several questions end with, when what they count is incomplete (queries/basis.py)
    (None, "basis"): (
        ("Vad svaret vilar på",
         "Delar av planen som svaret inte ser: det räknar bara det som är länkat, så läs siffrorna som en "
         "nedre gräns tills de är ifyllda."),
        ("What this answer rests on",
         "Items of the plan this answer cannot see: it counts only what is linked, so read its figures as "
         "a lower bound until these are filled in.")),
}

# the report's headings per question (the registry's headings are Swedish only)
PARTS = {
    "unowned": ("Luckor: initiativ och bestämningsfaktorer utan ägare", "Gaps: initiatives and determinants "
                "nobody owns"),
    "laws": ("Lagar som behöver ändras", "Laws that need changing"),
    "silos": ("Stuprör: hur långt arbetet stannar inom en sektor",
              "Silos: how far work stays inside one sector"),
    "overlaps": ("Överlapp: åtaganden som säger nästan samma sak",
                 "Overlaps: commitments that say nearly the "
                 "same"),
    "coverage": ("Täckning per sektor", "Coverage by sector"),
    "whatif": ("Om en aktör drar sig ur: vad ingen längre håller",
               "If an actor withdraws: what nobody holds"),
    "mandates": ("Uppdrag och åtaganden: vem bär gruppens ord", "Mandates and commitments: who carries "
                 "a group's word"),
    "followup": ("Uppföljning: vad planen kan följas upp med", "Follow-up: what the plan can be followed "
                 "up with"),
}

_MEASURES_SV = {
    "E–I index": "E–I-index", "E–I index, weighted": "E–I-index, viktat",
    "Modularity by sector": "Modularitet efter sektor", "Communities found": "Grupper funna",
    "Community–sector agreement (NMI)": "Överensstämmelse grupp–sektor (NMI)",
    "Commitments": "Åtaganden", "All pairs": "Alla par",
    "Candidates on one initiative": "Kandidater på ett initiativ",
    "Candidates by one actor": "Kandidater av en aktör", "Pairs compared": "Jämförda par",
    "Overlaps found": "Överlapp funna", "in force": "gäller",
    "Actors that made the commitments": "Aktörer som gjort åtagandena", "none": "ingen",
}
# the queries' English sentences with numbers or names in them, and their Swedish
_PATTERNS_SV = (
    (r"^replaced by SFS (\S+) from (\S+)$", r"ersatt av SFS \1 från \2"),
    (r"^only through (.+) and (\S+)$", r"only through \1 och \2"), (r"^only through ", "bara genom "),
    (r"^(\d+) of (\d+) initiatives have no determinant link yet$",
     r"\1 av \2 initiativ har ännu ingen länk till en bestämningsfaktor"),
    (r"^(\d+) of (\d+) committed actors have no sector \(no mandate\)$",
     r"\1 av \2 aktörer med åtaganden har ingen sektor (inget mandat)"),
    (r"^(\d+) of (\d+) initiatives have no commitment by any actor$",
     r"\1 av \2 initiativ har inget åtagande av någon aktör"),
)


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
