"""The report's findings: one sentence each, with the numbers behind it, read off the questions' answers.

Each finding is built only when the section it rests on is in the answers, so
a report on a plan without laws or sectors simply says less.
"""

from __future__ import annotations

from kraftgraf.graph.views.report_text import cell_text
from kraftgraf.queries.basis import NO_OWNER
from kraftgraf.queries.common import as_dict

__all__ = ["findings"]


def _names(values, limit: int = 8) -> str:
    values = [str(v) for v in values]
    more = len(values) - limit
    return ", ".join(values[:limit]) + (f" (+{more})" if more > 0 else "")


def _rows(answers, question, key) -> list[dict] | None:
    section = answers.get((question, key))
    return None if section is None else [as_dict(r) for r in section.rows]


def findings(answers: dict, counts: dict[str, int], lang: str, name=str) -> list[str]:
    """The findings, most pressing first, as plain sentences in ``lang``; ``name`` puts a name in it."""
    sv = lang == "sv"
    out: list[str] = []
    total = counts.get("initiatives", 0)
    rows = _rows(answers, "unowned", "unowned")
    if rows == [] and total:  # said, not "0 of 9 … ()": that every initiative has someone is a finding too
        out.append(f"Alla {total} initiativ har minst en aktör som åtagit sig dem." if sv else
                   f"All {total} initiatives have at least one actor committed to them.")
    elif rows:
        codes = _names(r["code"] for r in rows)
        out.append(f"{len(rows)} av {total} initiativ saknar ägare: ingen aktör har åtagit sig dem ({codes})."
                   if sv else f"{len(rows)} of {total} initiatives have no owner: no actor committed to "
                   f"them ({codes}).")
    rows = _rows(answers, "unowned", "single_actor")
    if rows:
        codes = _names(r["code"] for r in rows)
        out.append(f"{len(rows)} av {total} initiativ bärs av en enda aktör ({codes}); faller den bort "
                   "nämner planen ingen annan." if sv else f"{len(rows)} of {total} initiatives rest on a "
                   f"single actor ({codes}); if it drops out, the plan names nobody else.")
    rows = _rows(answers, "unowned", "orphan_determinants")
    if rows:
        names = _names(name(r["label"]) for r in rows)
        out.append(f"{len(rows)} av {counts.get('determinants', 0)} bestämningsfaktorer ägs av ingen: "
                   f"{names}." if sv else f"{len(rows)} of {counts.get('determinants', 0)} determinants of "
                   f"health are held by nobody: {names}.")
    rows = _rows(answers, "coverage", "uncovered_layers")
    if rows:
        names = _names(name(r["label"]) for r in rows)
        # what the section counts: the actors with a sector's mandate, through their commitments (a plan
        # whose actors have no sector has initiatives in a layer that no such actor reaches)
        one = len(rows) == 1
        out.append(f"Ingen aktör med mandat i en sektor når {'lagret' if one else 'lagren'} {names} genom "
                   "sina åtaganden." if sv else f"No actor with a mandate in a sector reaches the "
                   f"{'layer' if one else 'layers'} {names} through its commitments.")
    rows = _rows(answers, "silos", "isolated")
    if rows:
        names = _names(name(r["sector"]) for r in rows)
        out.append(f"Sektorer som inte delar något initiativ med en annan sektor: {names}." if sv else
                   f"Sectors that share no initiative with another sector: {names}.")
    rows = _rows(answers, "silos", "network")
    ei = next((r["value"] for r in rows or [] if r["measure"] == "E–I index"), None)
    if ei is not None:
        across = ei > 0
        value = f"{ei:.2f}".replace(".", ",").replace("-", "−") if sv else f"{ei:.2f}"
        out.append((f"Samarbetet går mest över sektorsgränser (E–I-index {value}; −1 betyder stuprör)."
                    if across else f"Samarbetet stannar mest inom sektorerna (E–I-index {value}; −1 betyder "
                    "stuprör).") if sv else (f"Joint work runs mostly across sectors (E–I index {value}; −1 "
                    "means silos)." if across else f"Joint work stays mostly within sectors (E–I index "
                    f"{value}; −1 means silos)."))
    same = [r for key in ("same_initiative", "same_actor") for r in _rows(answers, "overlaps", key) or []]
    if same:
        out.append(f"{len(same)} par åtaganden säger nästan samma sak (likhet 80–100 av 100): samordna eller "
                   "slå ihop." if sv else (f"{len(same)} pairs of commitments say" if len(same) > 1 else
                   "1 pair of commitments says") + " nearly the same thing (similarity 80–100 of 100): "
                   "coordinate or merge them.")
    rows = _rows(answers, "laws", "laws")
    if rows:
        laws = sorted({name(r["law"]) for r in rows})
        replaced = sorted({name(r["law"]) for r in rows if str(r.get("status", "")).startswith("replaced")})
        items = len({r["code"] for r in rows})
        text = (f"{items} initiativ och åtaganden kräver ändring i {len(laws)} lagar ({_names(laws, 6)})."
                if sv else f"{items} initiatives and commitments need a change to {len(laws)} laws "
                f"({_names(laws, 6)}).")
        if replaced:
            text += (f" {_names(replaced)} har sedan ersatts." if sv else f" {_names(replaced)} has since "
                     "been replaced.")
        out.append(text)
    # what the plan lacks for the questions to see all of it (links, sectors), said before any figure
    # that rests on it; initiatives nobody committed to are the first finding already
    gaps = list(dict.fromkeys(cell_text(what, lang) for (_, key), section in answers.items() if key == "basis"
                              for what in (as_dict(r)["what"] for r in section.rows)
                              if not what.endswith(NO_OWNER)))
    if gaps:
        out.insert(0, f"Svaren nedan vilar på en ofullständig plan: {'; '.join(gaps)}. De ändras när det "
                   "fylls i." if sv else f"The findings below rest on an incomplete plan: {'; '.join(gaps)}. "
                   "They will change once that is filled in.")
    return out
