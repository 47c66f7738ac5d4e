"""Labels in the report's pictures, placed so that no two overlap.

Each label is measured as matplotlib will draw it (its window extent from the
figure's renderer) and goes to the first of its places that is free; the caller
offers the places most important label first, so when room runs out it is the
least important labels that are shortened or left out.
"""

from __future__ import annotations

import numpy as np

__all__ = ["Placer", "around", "shorten"]

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in pixels


class Placer:
    """The boxes already taken in one figure: labels, and the marks a label should not hide.

    Marks are kept apart (``marks``): a label goes over one only when it has no other room,
    so a determinant stays named among a national plan's thousand dots.
    """

    def __init__(self, fig, pad: float = 1.0) -> None:
        self.renderer = fig.canvas.get_renderer()
        self.frame = fig.bbox
        self.pad = pad
        self.taken = np.empty((0, 4))
        self.marks = np.empty((0, 4))

    def take(self, box: Box) -> None:
        """Mark ``box`` as taken."""
        self.taken = np.vstack([self.taken, box])

    def take_text(self, text) -> None:
        """Take the room of a label drawn where it must stay (a ring's name)."""
        e = text.get_window_extent(self.renderer)
        self.take((e.x0, e.y0, e.x1, e.y1))

    def add_marks(self, centres, radius: float) -> None:
        """Add round marks of ``radius`` at ``centres`` (pixels), to keep clear while there is room."""
        centres = np.asarray(centres, dtype=float).reshape(-1, 2)
        self.marks = np.vstack([self.marks, np.hstack([centres - radius, centres + radius])])

    def free(self, boxes, over_marks: bool = False):
        """Which of ``boxes`` (rows x0, y0, x1, y1) are free, as an array of booleans.

        A box is free when it is, with the padding round it, inside the figure and clear of
        every taken box; with ``over_marks`` it may cover the marks.
        """
        pad = self.pad
        x0, y0, x1, y1 = (np.asarray(boxes, dtype=float).reshape(-1, 4) + (-pad, -pad, pad, pad)).T
        f = self.frame
        found = (x0 >= f.x0) & (y0 >= f.y0) & (x1 <= f.x1) & (y1 <= f.y1) & ~_hits(self.taken, x0, y0, x1, y1)
        return found if over_marks else found & ~_hits(self.marks, x0, y0, x1, y1)

    def place(self, text, places, over_marks: bool = False) -> bool:
        """Move ``text`` to the first free one of ``places`` (x, y, ha, va) and take it; False if none is.

        The text is measured once and its box moved to each place, not measured again at each
        (a national plan's rainbow tries a thousand places), and all its places are tried at
        once; the place chosen is measured as drawn.
        """
        text.set_horizontalalignment("left")
        text.set_verticalalignment("bottom")
        e = text.get_window_extent(self.renderer)
        size = (e.width, e.height)
        at = text.get_transform().transform([(x, y) for x, y, _, _ in places]).reshape(-1, 2)
        corner = at - np.array([(_SHIFT[ha], _SHIFT[va]) for _, _, ha, va in places]).reshape(-1, 2) * size
        free = self.free(np.hstack([corner, corner + size]), over_marks)
        if not free.any():
            return False
        x, y, ha, va = places[int(free.argmax())]
        text.set_position((x, y))
        text.set_horizontalalignment(ha)
        text.set_verticalalignment(va)
        self.take_text(text)
        return True


def _hits(boxes, x0, y0, x1, y1):
    """Per box from (x0, y0) to (x1, y1) (arrays): whether a row (x0, y0, x1, y1) of ``boxes`` overlaps it."""
    x0, y0, x1, y1 = (v[:, None] for v in (x0, y0, x1, y1))
    return np.any((x0 < boxes[:, 2]) & (boxes[:, 0] < x1) & (y0 < boxes[:, 3]) & (boxes[:, 1] < y1), axis=1)


_SHIFT = {"left": 0.0, "bottom": 0.0, "center": 0.5, "right": 1.0, "top": 1.0}  # of the box, to its anchor


def around(x: float, y: float, d: float) -> list[tuple[float, float, str, str]]:
    """Places for a label beside a mark at (x, y), ``d`` away: right and above first, then round it."""
    return [(x + d, y + d / 4, "left", "bottom"), (x + d, y, "left", "center"), (x - d, y, "right", "center"),
            (x, y + d / 2, "center", "bottom"), (x, y - d / 2, "center", "top"), (x + d, y, "left", "top"),
            (x - d, y, "right", "bottom"), (x - d, y, "right", "top")]


def shorten(name: str, width: int = 14) -> str:
    """A name cut at a word to at most ``width`` characters, with an ellipsis."""
    cut = name[:width].rsplit(" ", 1)[0] if " " in name[:width] else name[:width]
    return cut.rstrip(" ,–-") + "…"
