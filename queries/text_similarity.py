"""How nearly two Swedish texts say the same thing, and which pairs are worth scoring.

The score is rapidfuzz's ``token_set_ratio`` (0–100) of the texts lower-cased and
cut to Swedish Snowball stems, so that word forms ("ramverken", "ramverk") do not
hide a match; 100 means every word of one text occurs in the other.

Scoring every pair of a block is what :class:`TextIndex` avoids: a pair can only
reach a threshold t if one of its texts has most of its letters in words the other
shares, and counting shared letters for all pairs of a block at once is a matrix
product, not a Python loop.  Words meet on the first :data:`KEY` letters of their
stem, so "ramverket" and "ramverk" count as shared there.  A pair whose words
differ in their first letters is never scored; below a threshold of about 60 such
pairs can score by their letters alone and are missed.

Examples
--------
>>> index = TextIndex(map(normalise, ["Ta fram programmet", "Ta fram programmen", "Stödja arenor"]))
>>> (block, first, second, score), scored = index.similar([np.arange(3)], 80)
>>> [(index.texts[a], index.texts[b], round(s)) for a, b, s in zip(first, second, score)], scored
([('ta fram programm', 'ta fram programmet', 94)], 1)

"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import snowballstemmer
from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process
from threadpoolctl import threadpool_limits

__all__ = ["KEY", "normalise", "similarity", "TextIndex"]

KEY = 5  # letters of a stem that make its blocking key: Swedish endings vary after them


class _Stems(dict[str, str]):
    """Word -> its Swedish Snowball stem, stemmed once: a plan reuses its words.

    A dict's own lookup, not ``lru_cache``: a national plan looks words up 700,000 times.
    """

    stem = snowballstemmer.stemmer("swedish").stemWord

    def __missing__(self, word: str) -> str:
        self[word] = found = self.stem(word)
        return found


_stem = _Stems().__getitem__


def normalise(text: str) -> str:
    """``text`` lower-cased and cut to its Swedish Snowball stems, space-separated.

    Words are what rapidfuzz's own ``default_process`` leaves: it lower-cases and
    turns every character that is not a letter or digit into a space, in C++.

    Examples
    --------
    >>> normalise("Omsätta ramverken i praktiska handlingar")
    'omsät ramverk i praktisk handling'

    """
    return " ".join(map(_stem, default_process(text).split()))


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
        # All the words in one split and one coding pass; a sort then keeps a word once per text.
        flat = " ".join(self.texts).split()
        vocabulary = sorted(set(flat))
        code = {stem: i for i, stem in enumerate(vocabulary)}
        counts = np.fromiter((t.count(" ") + 1 if t else 0 for t in self.texts), dtype=np.int64,
                             count=len(self.texts))
        if counts.sum() != len(flat):
            raise ValueError("TextIndex takes normalised texts: words split by single spaces")
        cells = np.repeat(np.arange(len(self.texts)), counts) * len(vocabulary) + \
            np.fromiter(map(code.__getitem__, flat), dtype=np.int64, count=len(flat))
        cells.sort()  # np.unique without an inverse is many times slower than a sort on numpy 2.4
        cells = cells[np.concatenate([[True], cells[1:] != cells[:-1]])] if len(cells) else cells
        rows, words = np.divmod(cells, max(len(vocabulary), 1))
        keys: dict[str, int] = {}
        key = np.array([keys.setdefault(s[:KEY], len(keys)) for s in vocabulary], dtype=np.int64)
        length = np.array([len(s) for s in vocabulary], dtype=np.float32)
        self.keys = len(keys)
        # The letters per key of each text, as the three arrays of a CSR matrix (scipy's
        # own costs more to import than to use here).  The stems of one key are neighbours
        # in the sorted vocabulary, so its keys ascend with the words: in each text the
        # stems of one key are a run, and adding up the runs leaves the keys in order.
        keyed = key[words]
        cell = rows * self.keys + keyed
        run = np.flatnonzero(np.concatenate([[True], cell[1:] != cell[:-1]])) if len(cell) else cell
        self.data = np.add.reduceat(length[words], run) if len(run) else length[:0]
        self.indices = keyed[run]
        self.indptr = np.searchsorted(rows[run], np.arange(len(self.texts) + 1))
        self.size = np.bincount(rows, length[words], minlength=len(self.texts))
        self.words = np.bincount(rows, minlength=len(self.texts))

    def _block(self, rows: np.ndarray, column: np.ndarray) -> np.ndarray:
        """The letters of ``rows`` as a dense matrix over the word keys they use.

        Sliced from the sparse arrays: a block is a few hundred rows at most.
        ``column`` is scratch, -1 for every key, and left so: numbering the keys
        through it costs less than ``np.unique`` for each block.
        """
        starts = self.indptr[rows]
        counts = self.indptr[rows + 1] - starts
        at = np.repeat(starts - (np.cumsum(counts) - counts), counts) + np.arange(counts.sum())
        keys = self.indices[at]
        column[keys] = 0
        used = np.flatnonzero(column == 0)
        column[used] = np.arange(len(used))
        block = np.zeros((len(rows), len(used)), dtype=np.float32)  # small whole numbers: exact
        block[np.repeat(np.arange(len(rows)), counts), column[keys]] = self.data[at]
        column[used] = -1
        return block

    def _worth(self, rows: np.ndarray, need: np.ndarray, column: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Pairs (i, j), i < j, of ``rows`` where one text shares the letters it ``need``s with the other."""
        letters = self._block(rows, column)
        shared = letters @ (letters > 0).T.astype(np.float32)  # [i, j]: letters of i's words that j has
        enough = shared >= need[rows][:, None]
        i, j = np.nonzero(enough | enough.T)
        return i[i < j], j[i < j]

    def similar(self, blocks: list[np.ndarray], threshold: float) -> tuple[tuple[np.ndarray, ...], int]:
        """The pairs of rows inside each block (an array of rows) that score ``threshold`` or more.

        Returns ``(block, first, second, score)``, parallel arrays with
        ``first < second``, and how many pairs were scored.  A pair is scored
        only if one text has enough of its letters in words the other shares:
        for ``token_set_ratio`` ≥ t through one text's side, the letters it
        shares must be at least t/(2 − t) of its letters, less a space for every
        word; sharing is counted on word keys, which can only add to it.  The
        pairs of all blocks are scored in one call to rapidfuzz, on every core.
        """
        t = threshold / 100
        need = t / (2 - t) * self.size - (2 - 2 * t) / (2 - t) * self.words
        firsts, seconds, blocks_of = ([np.zeros(0, dtype=np.int64)] for _ in range(3))
        column = np.full(self.keys, -1, dtype=np.int64)
        # OpenBLAS threads spin between small products and fight other processes
        # for the cores: twice the time on a busy machine.
        with threadpool_limits(limits=1, user_api="blas"):
            for number, rows in enumerate(blocks):
                if len(rows) > 1:
                    i, j = self._worth(rows, need, column)
                    firsts.append(rows[i])
                    seconds.append(rows[j])
                    blocks_of.append(np.full(len(i), number))
        first, second, block_of = map(np.concatenate, (firsts, seconds, blocks_of))
        texts = self.texts
        scores = process.cpdist(list(map(texts.__getitem__, first.tolist())),
                                list(map(texts.__getitem__, second.tolist())),
                                scorer=fuzz.token_set_ratio, score_cutoff=threshold,
                                dtype=np.float64, workers=-1) if len(first) else np.zeros(0)
        keep = scores >= threshold
        return (block_of[keep], first[keep], second[keep], scores[keep]), len(first)
