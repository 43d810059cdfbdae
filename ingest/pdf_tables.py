"""Ruled tables on a PDF page, as rows of cell texts.

PyMuPDF's `find_tables` is slow (tens of milliseconds a page, most of it
spent turning every glyph of the page into a dict), so it runs only where
ruling lines cluster into a grid (at least three horizontal and two
vertical rules), and only on that clip. Cells are filled from the page's
own de-duplicated glyphs, not from `Table.extract()`, so fake bold and
ActualText copies stay out of the cells too.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import pymupdf

from ingest.pdf_hyphens import join_lines
from ingest.pdf_page import Line, clean

_MIN_RULE = 5.0  # points: shorter strokes are not rules
_THIN = 2.0  # points: a rectangle this thin is a rule
_PAD = 3.0
_MAX_RULES = 1000

Box = tuple[float, float, float, float]


def _inside(bbox: Box, line: Line) -> bool:
    x0, y0, x1, y1 = bbox
    cx, cy = (line.x0 + line.x1) / 2, (line.y0 + line.y1) / 2
    return x0 - 1 <= cx <= x1 + 1 and y0 - 1 <= cy <= y1 + 1


@dataclass(frozen=True)
class PageTable:
    rows: tuple[tuple[str, ...], ...]
    bbox: Box

    def contains(self, line: Line) -> bool:
        return _inside(self.bbox, line)


@dataclass
class _Region:
    x0: float
    y0: float
    x1: float
    y1: float
    horizontal: int = 0
    vertical: int = 0

    def touches(self, x0: float, y0: float, x1: float, y1: float) -> bool:
        return (
            x0 <= self.x1 + _PAD
            and x1 >= self.x0 - _PAD
            and y0 <= self.y1 + _PAD
            and y1 >= self.y0 - _PAD
        )

    def absorb(self, other: _Region) -> None:
        self.x0, self.y0 = min(self.x0, other.x0), min(self.y0, other.y0)
        self.x1, self.y1 = max(self.x1, other.x1), max(self.y1, other.y1)
        self.horizontal += other.horizontal
        self.vertical += other.vertical


def _rules(drawings: list[dict]) -> list[_Region]:
    """Every horizontal or vertical rule, a box's edges counted as rules."""
    rules = []
    for path in drawings:
        for item in path["items"]:
            if item[0] == "l":
                (ax, ay), (bx, by) = item[1], item[2]
                x0, x1, y0, y1 = min(ax, bx), max(ax, bx), min(ay, by), max(ay, by)
            elif item[0] in ("re", "qu"):
                x0, y0, x1, y1 = item[1].rect if item[0] == "qu" else item[1]
            else:
                continue
            w, h = x1 - x0, y1 - y0
            if h <= _THIN and w >= _MIN_RULE:
                rules.append(_Region(x0, y0, x1, y1, horizontal=1))
            elif w <= _THIN and h >= _MIN_RULE:
                rules.append(_Region(x0, y0, x1, y1, vertical=1))
            elif w >= _MIN_RULE and h >= _MIN_RULE:
                rules.append(_Region(x0, y0, x1, y1, horizontal=2, vertical=2))
    return rules


def ruled_regions(drawings: list[dict]) -> list[pymupdf.Rect]:
    """Clip rectangles where rules form a grid; empty for a page without one (the usual case)."""
    rules = _rules(drawings)
    if len(rules) > _MAX_RULES:  # a chart or a drawing, not a table: one look at all of it
        merged = rules[0]
        for rule in rules[1:]:
            merged.absorb(rule)
        rules = [merged]
    regions: list[_Region] = []
    for rule in rules:
        for region in [r for r in regions if r.touches(rule.x0, rule.y0, rule.x1, rule.y1)]:
            regions.remove(region)
            rule.absorb(region)
        regions.append(rule)
    return [
        pymupdf.Rect(r.x0 - _PAD, r.y0 - _PAD, r.x1 + _PAD, r.y1 + _PAD)
        for r in regions
        if r.horizontal >= 3 and r.vertical >= 2
    ]


def _cell_texts(table: pymupdf.table.Table, lines: list[Line]) -> tuple[tuple[str, ...], ...]:
    rows = table.rows
    tops = [row.bbox[1] for row in rows]
    parts: dict[tuple[int, int], list[tuple[float, float, str]]] = {}
    for line in lines:
        pieces: dict[tuple[int, int], list[str]] = {}
        for c, x0, y0, x1, y1 in line.chars:
            cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
            r = bisect.bisect_right(tops, cy) - 1
            if r < 0 or cy > rows[r].bbox[3]:
                continue
            for k, cell in enumerate(rows[r].cells):
                if cell is not None and cell[0] <= cx <= cell[2]:
                    pieces.setdefault((r, k), []).append(c)
                    break
        for key, chars in pieces.items():
            parts.setdefault(key, []).append((line.y0, line.x0, clean("".join(chars))))
    return tuple(
        tuple(
            join_lines(text for _, _, text in sorted(parts.get((r, k), ())))
            for k in range(len(row.cells))
        )
        for r, row in enumerate(rows)
    )


def find_tables(
    page: pymupdf.Page, drawings: list[dict], regions: list[pymupdf.Rect], lines: list[Line]
) -> list[PageTable]:
    """Tables with at least two rows and two filled columns; `lines` must carry their glyphs."""
    found = []
    for clip in regions:
        for table in page.find_tables(
            clip=clip, paths=drawings, strategy="lines", use_layout=False
        ).tables:
            bbox = tuple(table.bbox)
            inside = [ln for ln in lines if _inside(bbox, ln)]
            rows = tuple(row for row in _cell_texts(table, inside) if any(row))
            filled_columns = {k for row in rows for k, text in enumerate(row) if text}
            if len(rows) >= 2 and len(filled_columns) >= 2:
                found.append(PageTable(rows, bbox))
    return found
