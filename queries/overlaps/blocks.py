"""The commitments the overlaps query compares, as columns, and the blocks they fall into.

A national plan has some 50,000 commitments: held as Python objects one by one,
grouping them twice and pairing them up again cost more than scoring their texts.
Here each commitment is a position; its actor, initiative and words are integer
codes in numpy arrays, and a block (the commitments of one initiative, or of one
actor) is a run of a sort.  Only the pairs that score go back to Python.

Inside a block, commitments with the same words form one *group*: their texts are
scored once, and two of them are the same thing (100) if their actors (or
initiatives) differ.
"""

from __future__ import annotations

from itertools import combinations

import numpy as np

from kraftgraf.queries.backend import Backend
from kraftgraf.queries.commitments import commitments_of
from kraftgraf.queries.text_similarity import TextIndex, normalise

__all__ = ["SAME_INITIATIVE", "SAME_ACTOR", "Commitments", "Blocks"]

SAME_INITIATIVE, SAME_ACTOR = "same initiative", "same actor"


def _codes(values: list[str]) -> tuple[np.ndarray, list[str]]:
    """Each value as the number of its first occurrence, and the values by number."""
    code = dict(zip(dict.fromkeys(values), range(len(values))))  # numbered in order of first occurrence
    return np.fromiter(map(code.__getitem__, values), dtype=np.int64, count=len(values)), list(code)


def _without(words: str, name: str) -> str:
    """``words`` with the words of ``name`` (both normalised) left out where they occur together."""
    if name and name in words:
        return " ".join((" " + words + " ").replace(f" {name} ", " ").split())
    return words


class Commitments:
    """Every commitment with a text once, from the commitment listing of a backend.

    ``iris[i]``, ``actor[i]`` and ``initiative[i]`` (codes into ``actors`` and
    ``initiatives``) describe commitment ``i``; ``text[i]`` is the row of its words
    in ``index``, a :class:`TextIndex` of them all.  An actor's own name is left
    out of its words: "… i Kommun 042" by Kommun 042 says where, not what.
    """

    def __init__(self, backend: Backend):
        listing = commitments_of(backend)
        said = [k for k, text in enumerate(listing.text) if text is not None]  # (a valid plan: all)
        self.iris = [listing.iris[k] for k in said]
        self.actor, self.actors = _codes([listing.actor[k] for k in said])
        self.initiative, self.initiatives = _codes([listing.initiative[k] for k in said])
        self.quoted = listing.quotes  # commitment IRI -> its source quotes in source order (most have one)
        own = [normalise(backend.label(a)) for a in self.actors]
        texts = [text for text in listing.text if text is not None]
        words = [_without(normalise(text), own[a]) for text, a in zip(texts, self.actor.tolist())]
        self.index = TextIndex(words)
        self.text = np.fromiter(map(self.index.row.__getitem__, words), dtype=np.int64, count=len(words))

    def __len__(self) -> int:
        return len(self.iris)

    def sides(self, kind: str) -> tuple[np.ndarray, np.ndarray]:
        """The codes that put two commitments in one block of ``kind``, and those that must differ."""
        return (self.initiative, self.actor) if kind == SAME_INITIATIVE else (self.actor, self.initiative)


def _pairs_alike(*columns: np.ndarray) -> int:
    """How many pairs of commitments have the same codes in every column."""
    code = columns[0]
    for column in columns[1:]:
        code = code * (int(column.max()) + 1) + column
    code = np.sort(code)
    ends = np.append(np.flatnonzero(code[1:] != code[:-1]), len(code) - 1)  # the last of each run
    sizes = np.diff(ends, prepend=-1)
    return int((sizes * (sizes - 1) // 2).sum())


class Blocks:
    """The commitments of one kind of block, sorted into blocks and, inside them, groups of the same words.

    ``texts[b]`` are the distinct non-empty word rows of block ``b``, ascending;
    ``candidates`` counts the pairs a blind comparison inside the blocks would
    score (those whose other side differs).
    """

    def __init__(self, commitments: Commitments, kind: str):
        self.kind, self.commitments = kind, commitments
        key, self.differ = commitments.sides(kind)
        text = commitments.text
        self.order = np.lexsort((text, key))  # by block, then by words
        k, t = key[self.order], text[self.order]
        starts = np.flatnonzero(np.concatenate([[True], (k[1:] != k[:-1]) | (t[1:] != t[:-1])]))
        self.bounds = np.append(starts, len(k))  # group g is order[bounds[g]:bounds[g + 1]]
        self.group_code = k[starts] * len(commitments.index.texts) + t[starts]  # ascending
        group_text = t[starts]
        spoken = commitments.index.words[group_text] > 0  # an empty text says nothing to compare
        firsts = np.flatnonzero(np.concatenate([[True], k[starts][1:] != k[starts][:-1]]))
        self.block_key = k[starts][firsts]
        self.texts = [rows[keep] for rows, keep in zip(np.split(group_text, firsts[1:]),
                                                         np.split(spoken, firsts[1:]))]
        self.repeated = np.flatnonzero(spoken & (np.diff(self.bounds) > 1))
        self.candidates = _pairs_alike(key) - _pairs_alike(key, self.differ) if len(key) else 0

    def pairs(self, block: np.ndarray, first: np.ndarray, second: np.ndarray,
              score: np.ndarray) -> list[tuple[float, int, int]]:
        """``(score, x, y)`` for the commitments behind scored word pairs, and 100 for the same words.

        ``block``, ``first``, ``second`` and ``score`` are parallel: block numbers
        (into ``texts``) and the word rows of a pair in it.  Only commitments whose
        other side differs are paired.
        """
        size = len(self.commitments.index.texts)
        base = self.block_key[block] * size
        found = zip(np.searchsorted(self.group_code, base + first).tolist(),
                    np.searchsorted(self.group_code, base + second).tolist(), score.tolist())
        order, bounds, differ = self.order.tolist(), self.bounds.tolist(), self.differ.tolist()
        out = [(s, x, y) for a, b, s in found for x in order[bounds[a]:bounds[a + 1]]
               for y in order[bounds[b]:bounds[b + 1]] if differ[x] != differ[y]]
        for g in self.repeated.tolist():
            out += [(100.0, x, y) for x, y in combinations(order[bounds[g]:bounds[g + 1]], 2)
                    if differ[x] != differ[y]]
        return out
