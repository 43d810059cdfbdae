"""One PDF page as styled text lines and tables, each painted once.

A line repeated at (almost) the same spot is fake bold and kept once; a line
whose characters came out k-fold interleaved is collapsed. Lines inside a
detected table are returned as the table's rows instead.
"""

from __future__ import annotations

from dataclasses import dataclass

import pymupdf

from ingest.repeats import collapse_repeats

_SAME_SPOT = 1.5  # points: copies closer than this are one painted text
_MIN_TABLE_LINES = 4  # ruling lines a page needs before tables are looked for


@dataclass(frozen=True)
class Line:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float
    bold: bool
    block_x1: float  # right edge of the text block, to tell a paragraph's short last line


@dataclass(frozen=True)
class PageTable:
    rows: tuple[tuple[str, ...], ...]
    y0: float
    rect: tuple[float, float, float, float]


def _is_bold(span: dict) -> bool:
    return bool(span["flags"] & pymupdf.TEXT_FONT_BOLD) or "bold" in span["font"].lower()


def _tables(page: pymupdf.Page) -> list[PageTable]:
    drawings = page.get_drawings()
    if len(drawings) < _MIN_TABLE_LINES:
        return []
    found = []
    for table in page.find_tables(strategy="lines", use_layout=False).tables:
        # Cell text read by clip, in reading order; table.extract() reorders some glyphs ("1,5" → "15 ,").
        rows = tuple(
            cells
            for row in table.rows
            if any(cells := tuple(_cell_text(page, cell) for cell in row.cells))
        )
        if len(rows) >= 2 and max(len(r) for r in rows) >= 2:
            found.append(PageTable(rows, table.bbox[1], tuple(table.bbox)))
    return found


def _cell_text(page: pymupdf.Page, cell: tuple[float, float, float, float] | None) -> str:
    if cell is None:
        return ""
    text = page.get_text("text", clip=pymupdf.Rect(cell), flags=pymupdf.TEXT_IGNORE_ACTUALTEXT)
    return " ".join(text.split())


def _inside(line: Line, tables: list[PageTable]) -> bool:
    cx, cy = (line.x0 + line.x1) / 2, (line.y0 + line.y1) / 2
    return any(
        x0 - 1 <= cx <= x1 + 1 and y0 - 1 <= cy <= y1 + 1
        for x0, y0, x1, y1 in (t.rect for t in tables)
    )


def merge_baselines(lines: list[Line]) -> list[Line]:
    """Join pieces that sit side by side on one visual line ("Mødested" | "Byrådssalen", TOC page numbers)."""
    merged: list[Line] = []
    for line in lines:
        prev = merged[-1] if merged else None
        if prev is not None and abs(line.y1 - prev.y1) < 2.0 and line.x0 >= prev.x1 - 1:
            longer = line if len(line.text.strip()) > len(prev.text.strip()) else prev
            merged[-1] = Line(
                f"{prev.text.rstrip()}\t{line.text.strip()}",
                prev.x0, min(prev.y0, line.y0), line.x1, max(prev.y1, line.y1),
                longer.size, longer.bold, max(prev.block_x1, line.block_x1),
            )  # fmt: skip
        else:
            merged.append(line)
    return merged


def page_lines(
    page: pymupdf.Page, flags: int, with_tables: bool = True
) -> tuple[list[Line], list[PageTable]]:
    tables = _tables(page) if with_tables else []
    lines: list[Line] = []
    kept: dict[str, list[tuple[float, float]]] = {}
    for block in page.get_text("dict", flags=flags)["blocks"]:
        block_x1 = block["bbox"][2]
        for raw in block.get("lines", []):
            spans = [s for s in raw["spans"] if s["text"].strip()]
            if not spans:
                continue
            text = collapse_repeats(
                "".join(s["text"] for s in raw["spans"]).replace("\r", " ").replace("\n", " ")
            )
            if not text.strip():
                continue
            x0, y0, x1, y1 = raw["bbox"]
            spots = kept.setdefault(text.strip(), [])
            if any(abs(x0 - sx) < _SAME_SPOT and abs(y0 - sy) < _SAME_SPOT for sx, sy in spots):
                continue
            spots.append((x0, y0))
            main = max(spans, key=lambda s: len(s["text"].strip()))
            line = Line(text, x0, y0, x1, y1, main["size"], _is_bold(main), block_x1)
            if tables and _inside(line, tables):
                continue
            lines.append(line)
    return lines, tables
