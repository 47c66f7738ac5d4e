"""Labels in the report's pictures, placed so that no two overlap.

Each label is measured as matplotlib will draw it (its window extent from the
figure's renderer) and goes to the first of its places that is free; the caller
offers the places most important label first, so when room runs out it is the
least important labels that are shortened or left out.
"""

from __future__ import annotations

__all__ = ["Placer", "around", "shorten"]

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in pixels


class Placer:
    """The boxes already taken in one figure: labels, and the marks a label must not hide."""

    def __init__(self, fig, pad: float = 1.0) -> None:
        self.renderer = fig.canvas.get_renderer()
        self.frame = fig.bbox
        self.pad = pad
        self.taken: list[Box] = []

    def take(self, box: Box) -> None:
        """Mark ``box`` as taken."""
        self.taken.append(box)

    def take_text(self, text) -> None:
        """Take the room of a label drawn where it must stay (a ring's name)."""
        e = text.get_window_extent(self.renderer)
        self.take((e.x0, e.y0, e.x1, e.y1))

    def free(self, box: Box) -> bool:
        """Whether ``box`` (with the padding round it) is inside the figure and clear of every taken box."""
        x0, y0, x1, y1 = box[0] - self.pad, box[1] - self.pad, box[2] + self.pad, box[3] + self.pad
        f = self.frame
        if x0 < f.x0 or y0 < f.y0 or x1 > f.x1 or y1 > f.y1:
            return False
        return not any(x0 < b[2] and b[0] < x1 and y0 < b[3] and b[1] < y1 for b in self.taken)

    def place(self, text, places) -> bool:
        """Move ``text`` to the first free one of ``places`` (x, y, ha, va) and take it; False if none is."""
        for x, y, ha, va in places:
            text.set_position((x, y))
            text.set_horizontalalignment(ha)
            text.set_verticalalignment(va)
            e = text.get_window_extent(self.renderer)
            box = (e.x0, e.y0, e.x1, e.y1)
            if self.free(box):
                self.take(box)
                return True
        return False


def around(x: float, y: float, d: float) -> list[tuple[float, float, str, str]]:
    """Places for a label beside a mark at (x, y), ``d`` away: right and above first, then round it."""
    return [(x + d, y + d / 4, "left", "bottom"), (x + d, y, "left", "center"), (x - d, y, "right", "center"),
            (x, y + d / 2, "center", "bottom"), (x, y - d / 2, "center", "top"), (x + d, y, "left", "top"),
            (x - d, y, "right", "bottom"), (x - d, y, "right", "top")]


def shorten(name: str, width: int = 14) -> str:
    """A name cut at a word to at most ``width`` characters, with an ellipsis."""
    cut = name[:width].rsplit(" ", 1)[0] if " " in name[:width] else name[:width]
    return cut.rstrip(" ,–-") + "…"
