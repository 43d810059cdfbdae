"""Glyphs painted more than once at (almost) the same spot, kept once.

Producers fake bold by painting the same text two to four times a fraction
of a point apart. MuPDF then returns the copies as separate lines
("1. Indledning" four times) or interleaved inside one line
("1.1.1.1.4444."), depending on how the copies were written. Comparing
glyphs, not lines, undoes both: a glyph is a copy when the same character
was already painted within `tolerance` points of its origin, anywhere on
the page. Lines whose glyphs were copied are remembered, so the reader can
call them bold.
"""

from __future__ import annotations

from collections import Counter

MAX_TOLERANCE = 1.0  # points; the cell size below relies on it
_CELL = 2 * MAX_TOLERANCE


class OverprintFilter:
    """Remembers the glyphs kept on one page, in a grid of 2-point cells per character."""

    __slots__ = ("_cells", "copied")

    def __init__(self) -> None:
        self._cells: dict[tuple[str, int, int], list[tuple[float, float, int]]] = {}
        self.copied: Counter[int] = (
            Counter()
        )  # line id -> how many of its glyphs were painted again

    def is_copy(self, char: str, x: float, y: float, line: int, tolerance: float) -> bool:
        """True if `char` at origin (x, y) repeats a kept glyph; otherwise keep it as painted by `line`."""
        fx, fy = x / _CELL, y / _CELL
        gx, gy = int(fx // 1), int(fy // 1)
        # A neighbour within one point lies in this cell or in the cells toward the nearer edges.
        nx = gx - 1 if fx - gx < 0.5 else gx + 1
        ny = gy - 1 if fy - gy < 0.5 else gy + 1
        cells = self._cells
        for key in ((char, gx, gy), (char, nx, gy), (char, gx, ny), (char, nx, ny)):
            kept = cells.get(key)
            if kept:
                for kx, ky, owner in kept:
                    if -tolerance < kx - x < tolerance and -tolerance < ky - y < tolerance:
                        self.copied[owner] += 1
                        return True
        cells.setdefault((char, gx, gy), []).append((x, y, line))
        return False
