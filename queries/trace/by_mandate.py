"""Which of a group's paths a member is credited with: those its own mandate matches.

A group's commitment ("Staten", "kommuner och regioner i samarbete med SKL") is
not any one member's word.  A member is credited with a path through it only
where it holds a mandate in a sector of the path's determinant (for a law path:
of a determinant the initiative addresses); the path then says so and cites the
mandate.  This is the rule by which ``kraftgraf query mandates`` finds a group
commitment's likely owners (:mod:`kraftgraf.queries.mandates.model`).
"""

from __future__ import annotations

from dataclasses import replace

from kraftgraf.queries.backend import Backend
from kraftgraf.queries.common import listing

__all__ = ["MandateMatch"]


class MandateMatch:
    """One member's mandates and the sectors of every determinant, read once."""

    def __init__(self, b: Backend, member: str):
        self.backend, self.member = b, member
        self.own = {r["sector"]: r["mandate"] for r in b.rows("mandates_held") if r["actor"] == member}
        self.placed: dict[str, dict[str, str]] = {}
        for r in b.rows("mandates_placements"):
            self.placed.setdefault(r["determinant"], {})[r["sector"]] = r["placement"]

    def _match(self, determinants) -> tuple | None:
        """(determinants matched, sectors, the mandates behind them), or None without a match."""
        dets = sorted(d for d in determinants if set(self.placed.get(d, ())) & set(self.own))
        if not dets:
            return None
        sectors = sorted({s for d in dets for s in self.placed[d] if s in self.own})
        return dets, sectors, [self.own[s] for s in sectors]

    def commitments(self, rows: list[dict]) -> tuple[list[dict], list[tuple]]:
        """The ``trace_commitments`` rows whose determinant the member's mandate covers, with the match."""
        kept = [(r, self._match([r["determinant"]])) for r in rows]
        matched = [(r, m) for r, m in kept if m]
        return [r for r, _ in matched], [m for _, m in matched]

    def laws(self, rows: list[dict]) -> tuple[list[dict], list[tuple]]:
        """The ``trace_laws`` rows whose initiative addresses a determinant the member's mandate covers."""
        b, kept = self.backend, []
        for r in rows:
            initiative = (r["subject"] if r["kind"] == "Initiative"
                          else next(iter(b.related(r["subject"], "toInitiative")), None))
            match = self._match(b.related(initiative, "addresses")) if initiative else None
            if match:
                kept.append((r, match))
        return [r for r, _ in kept], [m for _, m in kept]

    def credit(self, paths: list, found: list[tuple]) -> list:
        """The paths (one per kept row, in order) with the mandate added to their reason and sources."""
        b, out = self.backend, []
        quotes = b.quotes([s for _, _, mandates in found for s in mandates])
        for path, (dets, sectors, mandates) in zip(paths, found, strict=True):
            why = (f"{path.why} {b.label(self.member)} holds a mandate in {listing(sectors, show=b.label)}, "
                   f"where {listing(dets, show=b.label)} sit{'s' if len(dets) == 1 else ''}: "
                   "likely, by mandate.")
            extra = [q for s in mandates for q in quotes[s] if q not in path.sources]
            out.append(replace(path, why=why, sources=path.sources + list(dict.fromkeys(extra))))
        return out
