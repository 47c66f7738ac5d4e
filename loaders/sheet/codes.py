"""How a plan writes its codes: goal and focus-area headings, initiative ids, and open cells.

Real plans write a goal as "1. Ett mer hälsofrämjande samhälle", "Mål 2 – Tidiga insatser",
"Delmål 3: Minskad tillgång till medel" or "Objective 4. Information systems", and
codes longer than the memo's one letter ("O1", "2.3", "STRAT10").  Each rule is a
regular expression with a ``code`` and a ``name`` group; a user whose plan writes
headings some other way passes their own (``--goal-pattern`` and so on), and an
error names the rule that failed and shows it.

An actor cell whose only line is a placeholder (the memo's "…" or "•", or a word a
plan writes for "nothing here": "-", "saknas", "ej aktuellt", "n/a", "none", …) is an
open commitment, not a commitment.  An actor's kind may be written as plans write it
("Myndighet", "Kommun", "agency"), and is read as the ontology's class.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kraftgraf.errors import DataError
from kraftgraf.loaders.annex import is_placeholder as memo_placeholder

__all__ = ["CodeRules", "PLACEHOLDER_WORDS", "is_placeholder", "HEADING_WORDS", "KIND_WORDS", "actor_kind"]

# Words a plan puts before a code: Swedish and English, any case ("Delmål 3: …", "Objective 2.").
HEADING_WORDS = ("målsättning", "mål", "delmål", "huvudmål", "övergripande mål", "fokusområde",
                 "område", "insatsområde", "strategi", "strategiområde", "goal", "sub-goal", "subgoal",
                 "objective", "target", "focus area", "area", "strategy", "strategic direction",
                 "action area", "priority")
_WORDS = "|".join(re.escape(w) for w in sorted(HEADING_WORDS, key=len, reverse=True))
# Capitals and digits, so that "Goal one" is no code "Goal"; a small letter may end a part ("3a").
_CODE = r"[A-Z0-9]{1,12}[a-z]?(?:\.[A-Z0-9]{1,6}[a-z]?){0,3}"
DEFAULT_HEADING = (rf"(?:(?i:{_WORDS})\s+)?(?P<code>{_CODE})\s*(?:[.:)]|\s[–—-])?\s+(?P<name>\S.*)")
DEFAULT_ID = r"[A-Za-z0-9][A-Za-z0-9._-]{0,39}"
SAFE_ID = r"[A-Za-z0-9][A-Za-z0-9._-]*"  # what any code must be: it goes into an IRI

# Not "x": in many plans a cross in an actor's column says the actor is in, not that nothing is.
PLACEHOLDER_WORDS = ("-", "–", "—", "n/a", "n.a.", "saknas", "ej aktuellt", "inte aktuellt",
                     "ej tillämpligt", "inget", "ingen", "inga", "none", "not applicable", "nil",
                     "tbd", "tbc", "?")

# The words a plan writes for an actor's kind, Swedish and English, singular and plural.
KIND_WORDS = {
    "StateAgency": ("myndighet", "myndigheter", "statlig myndighet", "förvaltningsmyndighet", "agency",
                    "agencies", "state agency", "government agency", "public agency", "authority"),
    "Government": ("regering", "regeringen", "staten", "stat", "departement", "government", "state",
                   "ministry", "national government"),
    "Region": ("region", "regioner", "regionerna", "landsting", "county council", "regions"),
    "Municipality": ("kommun", "kommuner", "kommunerna", "municipality", "municipalities",
                     "local authority", "local government"),
    "MembersOrganisation": ("intresseorganisation", "medlemsorganisation", "arbetsgivarorganisation",
                            "branschorganisation", "members organisation", "membership organisation",
                            "association", "professional association"),
    "CivilSocietyOrganisation": ("civilsamhälle", "civilsamhället", "civilsamhällesorganisation",
                                 "ideell organisation", "förening", "ngo", "civil society",
                                 "civil society organisation", "non-governmental organisation",
                                 "patient organisation", "brukarorganisation"),
    "University": ("lärosäte", "universitet", "högskola", "university", "academia", "research institute"),
    "OrganisationalUnit": ("enhet", "organisatorisk enhet", "projekt", "unit", "organisational unit",
                           "project"),
    "ActorGroup": ("aktörsgrupp", "grupp", "nätverk", "actor group", "group", "network", "partners"),
}
_KIND_OF = {w: kind for kind, words in KIND_WORDS.items() for w in (kind.lower(), *words)}


def actor_kind(word: str) -> str | None:
    """The ontology's class for a kind as a plan writes it ('Myndighet', 'agency', 'Kommun', …).

    >>> actor_kind("Myndighet"), actor_kind("municipality"), actor_kind("StateAgency"), actor_kind("x")
    ('StateAgency', 'Municipality', 'StateAgency', None)
    """
    return _KIND_OF.get(" ".join(word.lower().replace("-", " ").split()))


def is_placeholder(text: str) -> bool:
    """True for a line that holds no commitment: the memo's marks, or a placeholder word.

    >>> [is_placeholder(t) for t in ("…", "-", "Saknas.", "n/a", "Ej aktuellt", "Stöd till skolor")]
    [True, True, True, True, True, False]
    """
    word = " ".join(text.strip().lower().split()).rstrip(".")
    return memo_placeholder(text) or word in PLACEHOLDER_WORDS or (text.strip() in PLACEHOLDER_WORDS)


@dataclass(frozen=True)
class CodeRules:
    """The rules a plan's codes follow; each a regular expression, matched in full."""

    goal: str = DEFAULT_HEADING
    focus: str = DEFAULT_HEADING
    id: str = DEFAULT_ID

    @classmethod
    def of(cls, goal: str | None = None, focus: str | None = None, id: str | None = None) -> CodeRules:
        """Rules from the command line; a rule that is no regular expression is an error."""
        rules = cls(goal or DEFAULT_HEADING, focus or DEFAULT_HEADING, id or DEFAULT_ID)
        for option, pattern, groups in (("--goal-pattern", rules.goal, ("code", "name")),
                                        ("--focus-pattern", rules.focus, ("code", "name")),
                                        ("--id-pattern", rules.id, ())):
            try:
                compiled = re.compile(pattern, re.S)
            except re.error as exc:
                raise DataError(f"{option} '{pattern}': not a regular expression ({exc})") from None
            missing = [g for g in groups if g not in compiled.groupindex]
            if missing:
                raise DataError(f"{option} '{pattern}': needs the named group(s) "
                                f"{', '.join(f'(?P<{g}>…)' for g in missing)}")
        return rules

    def heading(self, kind: str, text: str) -> tuple[str, str] | str:
        """(code, name) of a goal's or focus area's cell, or why it is not one (naming the rule).

        >>> r = CodeRules()
        >>> r.heading("goal", "Delmål 3: Minskad tillgång"), r.heading("goal", "Mål 2 – Tidigt")
        (('3', 'Minskad tillgång'), ('2', 'Tidigt'))
        >>> r.heading("goal", "1. Ett mer hälsofrämjande samhälle")[0], r.heading("focus", "STRAT10 x")
        ('1', ('STRAT10', 'x'))
        >>> r.heading("goal", "Goal one")[:15]
        'expected a code'

        """
        pattern = self.goal if kind == "goal" else self.focus
        option = "--goal-pattern" if kind == "goal" else "--focus-pattern"
        m = re.fullmatch(pattern, text.strip(), re.S)
        if m is None:
            custom = pattern != DEFAULT_HEADING
            rule = (f"it does not match {option} '{pattern}'" if custom else
                    "expected a code, a full stop and a name (the code capitals and digits, up to 12, "
                    "with inner full stops; ':', ')' or ' –' in place of the full stop; a word such as "
                    "Mål, Delmål, Goal or Objective may come first), e.g. '1. Ett mer hälsofrämjande "
                    f"samhälle', 'Delmål 3: …' (another shape: {option})")
            return f"{rule}; got '{text.strip()[:80]}'"
        code, name = m.group("code").strip(), m.group("name").strip()
        if not re.fullmatch(SAFE_ID, code) or len(code) > 40:
            return (f"the code '{code}' that {option} found is not a code (letters, digits, '.', '-' "
                    "or '_', at most 40)")
        return code, name

    def check_id(self, key: str) -> str | None:
        """Why ``key`` is not an initiative id, or None."""
        if re.fullmatch(self.id, key) and re.fullmatch(SAFE_ID, key) and len(key) <= 40:
            return None
        if self.id == DEFAULT_ID:
            return (f"'{key}' is not an id: letters and digits, then letters, digits, '.', '-' or '_', "
                    "at most 40 characters, e.g. A1 or 2.3 (another shape: --id-pattern)")
        return (f"'{key}' does not match --id-pattern '{self.id}'" if not re.fullmatch(self.id, key) else
                f"'{key}' matches --id-pattern but is no id (letters, digits, '.', '-' or '_', at most 40)")
