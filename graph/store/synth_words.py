"""The words of the synthetic national plan: its actors, the phrases its texts are made of, its shares.

Region and agency names are real (the 21 regions, state agencies with a role in
mental health); the phrases are written for the generator, each in the Swedish word
forms a real plan would vary between, so that overlaps must match on stems.
"""

from __future__ import annotations

from kraftgraf.ontology.vocab import slug


def _forms(text: str) -> tuple[tuple[str, ...], ...]:
    """'a|b; c|d' -> (('a', 'b'), ('c', 'd')): phrases, each in its word forms."""
    return tuple(tuple(form.strip() for form in phrase.split("|")) for phrase in text.split(";"))


REGIONS = tuple(name.strip() for name in (
    "Region Stockholm, Region Uppsala, Region Sörmland, Region Östergötland, Region Jönköpings län,"
    "Region Kronoberg, Region Kalmar län, Region Gotland, Region Blekinge, Region Skåne, Region Halland,"
    "Västra Götalandsregionen, Region Värmland, Region Örebro län, Region Västmanland, Region Dalarna,"
    "Region Gävleborg, Region Västernorrland, Region Jämtland Härjedalen, Region Västerbotten,"
    "Region Norrbotten").split(","))
# Agencies the registry lacks, declared here: id -> (name, the sector of its mandate).
NEW_AGENCIES = {slug(name): (name, sector) for name, sector in _forms(
    "Arbetsmiljöverket|arbetsmarknad; Boverket|samhallsplanering; E-hälsomyndigheten|halso-och-sjukvard;"
    "Skolverket|skola; Statens kulturråd|kultur-och-fritid")}
AGENCIES = ("arbetsformedlingen", "barnombudsmannen", "folkhalsomyndigheten", "forsakringskassan", "ivo",
            "myndigheten-for-delaktighet", "sbu", "socialstyrelsen", "statskontoret", "vardanalys",
            *NEW_AGENCIES)
# Civil-society organisations working on mental health.  Not Hjärnkoll: that name is a
# campaign the government commissioned from 2009 (NSPH with Handisam, later Myndigheten för
# delaktighet), since ended; the umbrella organisation that ran it, NSPH, takes its place,
# so the list keeps its length and order and the synthetic plan its shape.
ORGANISATIONS = ("Attention", "Bris", "Föreningen Balans", "Nationell Samverkan för Psykisk Hälsa", "Mind",
                 "Riksförbundet Frisk & Fri", "Riksförbundet för social och mental hälsa",
                 "Schizofreniförbundet", "Suicide Zero", "Svenska Röda Korset")
COLUMNS = {"kommuner-och-regioner": "Vad kommuner och regioner i samarbete med SKL kan göra",
           "staten": "Vad staten kan göra", "civilsamhallet": "Vad civilsamhället kan göra"}
# Every determinant but jordbruk-och-livsmedel and vatten-och-sanitet, which stay unaddressed.
DETERMINANTS = ("arbetsloshet", "arbetsmiljo", "boende", "digitalisering", "ekonomi", "halso-och-sjukvard",
                "kultur-och-fritid", "kultur-och-normer", "levnadsvanor", "miljo", "motstandskraft",
                "politik-och-styrning", "socialt-natverk", "socialtjanst-och-omsorg",
                "tillit-och-delaktighet", "utbildning")
LAWS = ("1991:1128", "1993:387", "2001:453", "2008:355", "2010:110", "2010:800", "2017:30")
PLACEHOLDERS = ("…", "•", "...")
VERBS = _forms("Ta fram|Tar fram; Utveckla|Utvecklar; Sprida kunskap om|Sprider kunskap om; Stödja|Stöder;"
               "Samordna|Samordnar; Följa upp|Följer upp; Finansiera|Finansierar; Pröva|Prövar;"
               "Förstärka|Förstärker; Införa|Inför; Utvärdera|Utvärderar; Erbjuda|Erbjuder")
THINGS = _forms(
    "ett program|programmet; ett ramverk|ramverket; tidiga insatser|de tidiga insatserna;"
    "stöd till anhöriga|stödet till anhöriga; en handlingsplan|handlingsplanen; kunskapsstöd|kunskapsstödet;"
    "digitala verktyg|de digitala verktygen; mötesplatser|mötesplatserna; en kartläggning|kartläggningen;"
    "utbildningsinsatser|utbildningsinsatserna; förebyggande arbete|det förebyggande arbetet;"
    "samordnad vårdplanering|den samordnade vårdplaneringen; lokala nätverk|de lokala nätverken;"
    "en modell för tidig upptäckt|modellen för tidig upptäckt; kompetensutveckling|kompetensutvecklingen;"
    "en informationskampanj|informationskampanjen; brukarinflytande|brukarinflytandet;"
    "ett forskningsprogram|forskningsprogrammet; en gemensam målbild|den gemensamma målbilden;"
    "rutiner för samverkan|rutinerna för samverkan")
GROUPS = _forms(
    "barn och unga|barnen och de unga; äldre|de äldre; nyanlända|de nyanlända; anhöriga|de anhöriga;"
    "personer med psykisk ohälsa|personerna med psykisk ohälsa; elever|eleverna; föräldrar|föräldrarna;"
    "arbetssökande|de arbetssökande; sjukskrivna|de sjukskrivna; studenter|studenterna;"
    "unga vuxna|de unga vuxna; personer med funktionsnedsättning|personerna med funktionsnedsättning;"
    "personer med missbruk|personerna med missbruk; medarbetare|medarbetarna")
PLACES = _forms(
    "i skolan|i skolorna; i primärvården|i primärvård; på arbetsplatsen|på arbetsplatser;"
    "i socialtjänsten|i socialtjänst; i föreningslivet|i föreningar; i bostadsområdet|i bostadsområden;"
    "på fritidsgården|på fritidsgårdar; i elevhälsan|i elevhälsa; i psykiatrin|i psykiatri;"
    "i förskolan|i förskolor; i äldreomsorgen|i äldreomsorg; på biblioteket|på bibliotek")
PURPOSES = _forms(
    "för att minska ensamhet|för att minska ensamheten; för att stärka delaktigheten|"
    "för att stärka delaktighet;"
    "för att förebygga psykisk ohälsa|för att förebygga den psykiska ohälsan; för att korta väntetiderna|"
    "för att korta väntetider; för att främja återhämtning|för att främja återhämtningen;"
    "så att fler fullföljer skolan|så att fler fullföljer skolgången; för att minska stigmat|"
    "för att minska stigma; så att fler kommer i arbete|så att fler kommer i arbete igen;"
    "för att förebygga suicid|för att förebygga självmord; för att stärka föräldraskapet|"
    "för att stärka föräldraskap")
THEMES = (THINGS, GROUPS, PLACES, PURPOSES)  # a theme is one phrase of each
OPENERS = ("Ökad tillgång till", "Bättre kvalitet i", "Jämlik tillgång till", "Fler får ta del av")
LOCAL_SHARE = 0.16  # the share of municipalities and regions that commit to an initiative others share
SAME_INITIATIVE, SAME_ACTOR = 0.05, 0.03  # how often a commitment repeats its initiative's or actor's theme
