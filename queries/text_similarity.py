"""How nearly two Swedish texts say the same thing, and which pairs are worth scoring.

The score is rapidfuzz's ``token_set_ratio`` (0–100) of the texts lower-cased and
cut to Swedish Snowball stems, so that word forms ("ramverken", "ramverk") do not
hide a match; 100 means every word of one text occurs in the other.

Scoring every pair of a block is what :class:`TextIndex` avoids: a pair can only
reach a threshold t if one of its texts has most of its letters in words the other
shares, and counting shared letters for all pairs at once is a sparse matrix
product, not a Python loop.  Words meet on the first :data:`KEY` letters of their
stem, so "ramverket" and "ramverk" count as shared there.  A pair whose words
differ in their first letters is never scored; below a threshold of about 60 such
pairs can score by their letters alone and are missed.

Examples
--------
>>> index = TextIndex(map(normalise, ["Ta fram programmet", "Ta fram programmen", "Stödja arenor"]))
>>> found, scored = index.similar(index.texts, 80)
>>> [(a, b, round(s)) for a, b, s in found], scored
([('ta fram programm', 'ta fram programmet', 94)], 1)

"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import numpy as np
import snowballstemmer
from rapidfuzz import fuzz
from scipy.sparse import coo_matrix

__all__ = ["KEY", "normalise", "similarity", "TextIndex"]

KEY = 5  # letters of a stem that make its blocking key: Swedish endings vary after them
_WORD = re.compile(r"\w+")
_stem = lru_cache(maxsize=None)(snowballstemmer.stemmer("swedish").stemWord)  # a plan reuses its words


def normalise(text: str) -> str:
    """``text`` lower-cased and cut to its Swedish Snowball stems, space-separated.

    Examples
    --------
    >>> normalise("Omsätta ramverken i praktiska handlingar")
    'omsät ramverk i praktisk handling'

    """
    return " ".join(map(_stem, _WORD.findall(text.lower())))


def similarity(a: str, b: str) -> float:
    """How nearly two texts say the same thing, 0–100: token_set_ratio of their stems."""
    return fuzz.token_set_ratio(normalise(a), normalise(b))


class TextIndex:
    """Normalised texts as rows of letters per word key, to find the pairs worth scoring.

    Parameters
    ----------
    texts
        Normalised texts (:func:`normalise`); repeats are kept once.

    """

    def __init__(self, texts: Iterable[str]):
        self.texts = sorted(set(texts))
        self.row = {text: i for i, text in enumerate(self.texts)}
        columns: dict[str, int] = {}
        words = [(i, stem) for i, text in enumerate(self.texts) for stem in set(text.split())]  # as sets
        rows = [i for i, _ in words]
        keys = [columns.setdefault(stem[:KEY], len(columns)) for _, stem in words]
        letters = [len(stem) for _, stem in words]
        shape = (len(self.texts), len(columns))  # the stems of one key add up in their cell
        self.letters = coo_matrix((letters, (rows, keys)), shape=shape, dtype=float).tocsr()
        self.size = np.bincount(rows, letters, minlength=len(self.texts))
        self.words = np.bincount(rows, minlength=len(self.texts))

    def similar(self, texts: list[str], threshold: float) -> tuple[list[tuple[str, str, float]], int]:
        """Pairs ``(a, b, score)`` of ``texts``, a before b, scoring ``threshold`` or more; the count scored.

        A pair is scored only if one text has enough of its letters in words the
        other shares.  For ``token_set_ratio`` ≥ t through one text's side, the
        letters it shares must be at least t/(2 − t) of its letters, less a space
        for every word; sharing is counted on word keys, which can only add to it.
        """
        if len(texts) < 2:
            return [], 0
        rows = [self.row[text] for text in texts]
        letters = self.letters[rows]
        present = letters.copy()
        present.data[:] = 1
        shared = (letters @ present.T).toarray()  # [i, j]: letters of i's words that j has too
        t = threshold / 100
        need = t / (2 - t) * self.size[rows] - (2 - 2 * t) / (2 - t) * self.words[rows]
        worth = np.triu((shared >= need[:, None]) | (shared.T >= need[None, :]), 1)
        scored = [(texts[i], texts[j], fuzz.token_set_ratio(texts[i], texts[j], score_cutoff=threshold))
                  for i, j in zip(*map(np.ndarray.tolist, np.nonzero(worth)))]
        return [pair for pair in scored if pair[2] >= threshold], len(scored)
