"""overlaps: commitments that say nearly the same thing, and mandates that cover the same determinant.

Two kinds of text overlap, each found inside its own blocks of candidate pairs:

- *same initiative*: different actors commit to nearly the same thing on one
  initiative, so they need to coordinate;
- *same actor*: one actor commits to nearly the same thing on two initiatives,
  which is repeated work (the memo repeats some bullets word for word).

Commitments are read in one scan and grouped into blocks in numpy
(:mod:`kraftgraf.queries.overlaps.blocks`), not joined pairwise in the store;
inside a block, only pairs whose words may reach the threshold are scored
(:mod:`kraftgraf.queries.text_similarity`), and commitments with the same words
after stemming are scored once.  An actor's own name in its text ("… i
Kommun 042" by Kommun 042) is left out: it says where, not what.  A pair is an
overlap from ``threshold`` up:
80 by default, because on the seed plan the pairs a reader calls the same thing
score 82–100 and the next pair 76.

Mandate overlaps are determinants placed in a sector (``kg:inSector``) where two
or more actors hold a mandate themselves.

Examples
--------
>>> from kraftgraf.graph.store.build import build
>>> rows = text_overlaps(build(), kind=SAME_ACTOR)
>>> [(r.first, r.second, r.score) for r in rows][0]
('A1-kommuner-och-regioner-1', 'D1-kommuner-och-regioner-1', 100.0)

"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import combinations
from math import comb

from kraftgraf.errors import DataError
from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.queries.backend import Backend, backend_of
from kraftgraf.queries.basis import basis_section, sector_gap
from kraftgraf.queries.common import Measure, Section, short
from kraftgraf.queries.overlaps.blocks import SAME_ACTOR, SAME_INITIATIVE, Blocks, Commitments
from kraftgraf.queries.text_similarity import normalise, similarity

__all__ = ["THRESHOLD", "SAME_INITIATIVE", "SAME_ACTOR", "TextOverlap", "MandateOverlap", "similarity",
           "normalise", "candidate_pairs", "text_overlaps", "mandate_overlaps", "sections"]

THRESHOLD = 80.0


@dataclass(frozen=True)
class TextOverlap:
    """Two commitments that say nearly the same thing, with their similarity (0–100)."""

    kind: str
    first: str
    second: str
    score: float
    actors: str
    initiatives: str
    why: str
    sources: list[str]


@dataclass(frozen=True)
class MandateOverlap:
    """A determinant that several actors hold a mandate for, through its sector."""

    determinant: str
    sectors: str
    actors: int
    actor_names: str
    why: str
    sources: list[str]


def candidate_pairs(kg: KnowledgeGraph | Backend, kind: str,
                    block: str | None = None) -> set[tuple[str, str]]:
    """Every candidate pair (commitment IRIs, in order) of ``kind``, before any scoring.

    The pairs ``overlap_candidates_same_initiative.rq`` or
    ``overlap_candidates_same_actor.rq`` give; with ``block`` (an initiative or
    actor IRI) only that block's, as the query does with ``?initiative`` or ``?actor`` bound.
    """
    c = Commitments(backend_of(kg))
    key, differ = (side.tolist() for side in c.sides(kind))
    names = c.initiatives if kind == SAME_INITIATIVE else c.actors
    members = defaultdict(list)
    for i, k in enumerate(key):
        members[k].append(i)
    return {(min(c.iris[x], c.iris[y]), max(c.iris[x], c.iris[y])) for k, group in members.items()
            if block is None or names[k] == str(block)
            for x, y in combinations(group, 2) if differ[x] != differ[y]}


def _rows(c: Commitments, label, found: list[tuple]) -> list[TextOverlap]:
    """The answer's rows for ``found``: ``(-score, kind, first IRI, second IRI, x, y)`` of each pair.

    Names and codes are looked up once per actor and initiative, and a score's words
    once per score: a national plan has some 24,000 pairs and 1,000 scores.
    """
    quotes = c.quoted
    names, codes = [label(a) for a in c.actors], [short(i) for i in c.initiatives]
    actor = [names[a] for a in c.actor.tolist()]  # commitment -> its actor's name
    initiative = [codes[i] for i in c.initiative.tolist()]  # commitment -> its initiative's code
    said: dict[float, tuple[float, str]] = {}  # -score -> (score to show, the words for it)
    rows = []
    for s, kind, x_iri, y_iri, x, y in found:
        if s not in said:
            said[s] = (round(-s, 1), f"nearly the same thing (similarity {-s:.0f} of 100)")
        score, what = said[s]
        first, second = short(x_iri), short(y_iri)
        x_name, y_name = actor[x], actor[y]
        if kind == SAME_INITIATIVE:
            actors, initiatives = f"{x_name} / {y_name}", initiative[x]
            why = (f"On initiative {initiatives}, {x_name} ({first}) and {y_name} ({second}) "
                   f"commit to {what}: they need to coordinate.")
        else:
            x_code, y_code = initiative[x], initiative[y]
            actors, initiatives = x_name, f"{x_code} / {y_code}"
            why = (f"{actors} commits to {what} on initiatives {x_code} ({first}) and "
                   f"{y_code} ({second}): repeated work, or one piece of work that serves both.")
        rows.append(TextOverlap(kind, first, second, score, actors, initiatives, why,
                                [*quotes.get(x_iri, ()), *quotes.get(y_iri, ())]))
    return rows


def _overlaps(kg, threshold: float, kinds) -> tuple[list[TextOverlap], Counter]:
    if not 0 <= threshold <= 100:
        raise DataError(f"threshold {threshold:g} is outside 0–100")
    backend = backend_of(kg)
    c = Commitments(backend)
    counts = Counter(commitments=len(c))
    if not len(c):
        return [], counts
    blocks = [Blocks(c, kind) for kind in kinds]
    counts.update({b.kind: b.candidates for b in blocks})
    # The blocks of both kinds are scored in one call; numbers past a kind's own blocks are the next kind's.
    (number, first, second, score), counts["compared"] = c.index.similar([t for b in blocks for t in b.texts],
                                                                         threshold)
    found, offset, iris = [], 0, c.iris
    for b in blocks:
        mine = (number >= offset) & (number < offset + len(b.texts))
        for s, x, y in b.pairs(number[mine] - offset, first[mine], second[mine], score[mine]):
            found.append((-s, b.kind, iris[x], iris[y], x, y) if iris[x] < iris[y] else
                         (-s, b.kind, iris[y], iris[x], y, x))
        offset += len(b.texts)
    found.sort()  # best first, then by kind and commitment
    return _rows(c, backend.label, found), counts


def text_overlaps(kg: KnowledgeGraph | Backend, threshold: float = THRESHOLD,
                  kind: str | None = None) -> list[TextOverlap]:
    """Pairs of commitments scoring ``threshold`` (0–100) or more, best first.

    ``kind`` is :data:`SAME_INITIATIVE`, :data:`SAME_ACTOR` or ``None`` for both.
    """
    return _overlaps(kg, threshold, [kind] if kind else [SAME_INITIATIVE, SAME_ACTOR])[0]


def mandate_overlaps(kg: KnowledgeGraph | Backend) -> list[MandateOverlap]:
    """Determinants whose sector two or more actors hold a mandate in themselves."""
    b = backend_of(kg)
    found: defaultdict[str, tuple[defaultdict[str, set[str]], dict[str, None]]] = defaultdict(
        lambda: (defaultdict(set), {}))  # determinant -> (sector -> actors, quotes)
    for r in b.rows("mandate_overlaps"):
        sectors, quotes = found[r["determinant"]]
        sectors[r["sector"]].add(r["actor"])
        quotes.update(dict.fromkeys(q for q in (r["placementQuote"], r["mandateQuote"]) if q))
    label = b.label
    rows = []
    for determinant, (sectors, quotes) in found.items():
        actors = sorted({label(a) for held in sectors.values() for a in held})
        via = "; ".join(f"{label(s)}: {', '.join(sorted(map(label, held)))}" for s, held in sectors.items())
        why = (f"{label(determinant)} lies in a sector where {len(actors)} actors hold a mandate ({via}): "
               "their responsibilities for it overlap.")
        rows.append(MandateOverlap(label(determinant), "; ".join(sorted(map(label, sectors))), len(actors),
                                   "; ".join(actors), why, list(quotes)))
    return sorted(rows, key=lambda r: (-r.actors, r.determinant))


def _counts(counts: Counter, found: int, threshold: float) -> list[Measure]:
    n, blocked = counts["commitments"], counts[SAME_INITIATIVE] + counts[SAME_ACTOR]
    rows = [("Commitments", n, "Commitments whose texts were read.", "Every commitment in the plan."),
            ("All pairs", comb(n, 2), "What comparing every commitment with every other would cost.",
             f"{n} commitments make {n}·{n - 1}/2 pairs."),
            ("Candidates on one initiative", counts[SAME_INITIATIVE],
             "Pairs by different actors on the same initiative.", "Commitments grouped by initiative."),
            ("Candidates by one actor", counts[SAME_ACTOR],
             "Pairs by the same actor on different initiatives.", "Commitments grouped by actor."),
            ("Pairs compared", counts["compared"], "Pairs of different texts scored: only those where one "
             "text has most of its letters in words the other shares.", f"Of {blocked} candidates; the "
             "others cannot reach the threshold, and commitments with the same words are scored once."),
            ("Overlaps found", found, f"Pairs scoring {threshold:g} or more of 100.",
             "The rows of the two sections on texts.")]
    return [Measure(*row, []) for row in rows] if n else []


def _repeat_key(r: TextOverlap) -> tuple | None:
    """(kind, actor or initiative, line) if both commitments of ``r`` say it word for word, else None."""
    if r.score != 100.0:
        return None
    half = len(r.sources) // 2
    if not half or r.sources[:half] != r.sources[half:]:
        return None
    return r.kind, r.actors if r.kind == SAME_ACTOR else r.initiatives, tuple(r.sources[:half])


def group_repeats(rows: list[TextOverlap]) -> list[TextOverlap]:
    """One row for a line repeated word for word three times or more, instead of one row per pair.

    A plan that writes one line for one actor on twenty initiatives gave 190 pairs of
    the same line; that is one finding.  Two copies stay a pair, as before.
    """
    keys = [_repeat_key(r) for r in rows]
    groups: dict[tuple, list[TextOverlap]] = defaultdict(list)
    for key, r in zip(keys, rows):
        if key is not None:
            groups[key].append(r)
    members = {key: sorted({m for p in pairs for m in (p.first, p.second)}) for key, pairs in groups.items()}
    out, done = [], set()
    for key, r in zip(keys, rows):
        if key is None or len(members[key]) < 3:
            out.append(r)
            continue
        if key in done:
            continue
        done.add(key)
        pairs, named = groups[key], members[key]
        where = sorted({i for p in pairs for i in p.initiatives.split(" / ")})
        who = sorted({a for p in pairs for a in p.actors.split(" / ")})
        why = (f"The same line, word for word, in {len(named)} commitments ({', '.join(named)}) by "
               f"{' / '.join(who)} on {' / '.join(where)}: one row for its {len(pairs)} pairs.")
        out.append(TextOverlap(r.kind, named[0], f"{named[1]} … ({len(named)} in all)", 100.0,
                               " / ".join(who), " / ".join(where), why, list(key[2])))
    return out


def sections(kg: KnowledgeGraph | Backend, threshold: float = THRESHOLD) -> list[Section]:
    """The overlaps answer: text overlaps of both kinds, mandate overlaps, and the pairs compared.

    A line repeated word for word three times or more is one row (:func:`group_repeats`).
    """
    kg = backend_of(kg)
    rows, counts = _overlaps(kg, threshold, [SAME_INITIATIVE, SAME_ACTOR])
    rows = group_repeats(rows)
    columns = ("first", "second", "score", "actors", "initiatives")
    scored = (f"score {threshold:g} or more of 100 (rapidfuzz token_set_ratio on Swedish word stems; "
              "100 = one text's words all occur in the other)")
    return [
        Section("same_initiative", "Nearly the same commitment by different actors on one initiative",
                f"Pairs of commitments to one initiative by different actors whose texts {scored}: "
                "the actors should agree who does what.",
                [r for r in rows if r.kind == SAME_INITIATIVE], columns),
        Section("same_actor", "Nearly the same commitment by one actor on different initiatives",
                f"Pairs of commitments by one actor to different initiatives whose texts {scored}: "
                "repeated work, or one piece of work that serves both initiatives.",
                [r for r in rows if r.kind == SAME_ACTOR], columns),
        Section("mandates", "Mandates that cover the same determinant",
                "Determinants placed in a sector where two or more actors hold a mandate: their "
                "responsibilities overlap and need to be told apart.",
                mandate_overlaps(kg), ("determinant", "sectors", "actors", "actor_names")),
        *basis_section(sector_gap(kg, "mandate overlaps count only actors that hold a mandate")),
        Section("comparisons", "Pairs compared",
                "How much comparing the answer took: candidates are only commitments on the same initiative "
                "or by the same actor, and of those only pairs that share most of their words are scored.",
                _counts(counts, len(rows), threshold), ("measure", "value", "meaning")),
    ]
