"""One PDF page as styled text lines, in paint order, each glyph once.

Text is read from the glyphs, with ActualText ignored (see `ingest.pdf` for
why). Most pages come from MuPDF's "dict" output as they are. A page that
shows signs of overprinting (lines lying on top of each other, or glyphs
packed too tightly to be side by side) is read again glyph by glyph and
every glyph painted twice is dropped (`ingest.pdf_dedupe`). Table pages are
read glyph by glyph too, so cells can be filled from the glyphs inside them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

import pymupdf

from ingest.pdf_dedupe import MAX_TOLERANCE, OverprintFilter
from ingest.text import ZERO_WIDTH

# What importing pymupdf4llm did before ingest/__init__.py kept it out; pages are read with it.
pymupdf.TOOLS.unset_quad_corrections(True)
pymupdf.TOOLS.mupdf_display_errors(False)
pymupdf.TOOLS.mupdf_display_warnings(False)

FLAGS = (
    pymupdf.TEXT_PRESERVE_WHITESPACE | pymupdf.TEXT_MEDIABOX_CLIP | pymupdf.TEXT_IGNORE_ACTUALTEXT
)
_BOLD_NAME = re.compile(r"bold|black|heavy|demi|semib", re.IGNORECASE)
_SPACES = re.compile(r"[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = str.maketrans("", "", ZERO_WIDTH)  # (a soft hyphen at a line's end is a break)
_DENSE = 0.3  # ems per character below which glyphs must overlap
# A run painted twice in a row ("HelhedHelhed"), or glyph by glyph ("HHeellhh").
_REPEATED = re.compile(r"(\w.{5,}?)\1|(\w)\2(\w)\3(\w)\4")
_BOLD_SHARE = 0.7  # share of a line's characters in bold for it to count as bold
_FAKE_BOLD_SHARE = 0.5  # share of a line's glyphs painted again for it to count as bold

Char = tuple[str, float, float, float, float]  # character and its box


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float
    bold: bool
    block: int  # MuPDF's text block: lines of one block are usually one paragraph
    chars: tuple[Char, ...] = ()  # only when asked for

    @property
    def height(self) -> float:
        return self.y1 - self.y0


def clean(text: str) -> str:
    """One line's text with odd spaces made plain, invisible marks dropped and a soft hyphen kept only at the end."""
    text = _SPACES.sub(" ", text.translate(_INVISIBLE)).strip()
    if "\u00ad" in text[:-1]:
        text = text[:-1].replace("\u00ad", "") + text[-1]
    return text


def _is_bold(span: dict) -> bool:
    return bool(span["flags"] & pymupdf.TEXT_FONT_BOLD) or bool(_BOLD_NAME.search(span["font"]))


def _horizontal_lines(blocks: Sequence[dict]) -> list[tuple[int, dict]]:
    """(block number, line) for every left-to-right line; rawdict spans get their text joined."""
    lines = []
    for number, block in enumerate(blocks):
        for line in block.get("lines", ()):
            dx, dy = line["dir"]
            if dx > 0.98 and abs(dy) < 0.2:
                for span in line["spans"]:
                    if "chars" in span:
                        span["text"] = "".join([char["c"] for char in span["chars"]])
                lines.append((number, line))
    return lines


def _suspects(lines: Sequence[tuple[int, dict]]) -> set[int]:
    """Lines that show signs of text painted on top of itself: glyphs packed too tightly,
    a run repeated in place, or a box lying on another line's box."""
    suspects = set()
    boxes = []
    for index, (_, line) in enumerate(lines):
        for span in line["spans"]:
            text = span["text"].strip()
            x0, _, x1, _ = span["bbox"]
            if len(text) >= 4 and (
                x1 - x0 < _DENSE * span["size"] * len(text) or _REPEATED.search(text)
            ):
                suspects.add(index)
        boxes.append((line["bbox"], index))
    boxes.sort(key=lambda item: item[0][1])
    for i, ((ax0, ay0, ax1, ay1), a) in enumerate(boxes):
        for j in range(i + 1, len(boxes)):
            (bx0, by0, bx1, by1), b = boxes[j]
            if by0 > ay0 + MAX_TOLERANCE:
                break
            overlap_x = min(ax1, bx1) - max(ax0, bx0)
            if overlap_x > 0.5 * min(ax1 - ax0, bx1 - bx0) and abs(by1 - ay1) <= MAX_TOLERANCE:
                suspects.update((a, b))
    return suspects


def page_lines(page: pymupdf.Page, with_chars: bool = False) -> list[Line]:
    """The page's horizontal text lines in paint order; `with_chars` keeps each line's glyph boxes."""
    if not with_chars:
        lines = _horizontal_lines(page.get_text("dict", flags=FLAGS)["blocks"])
        suspects = _suspects(lines)
        if not suspects:
            return _as_written(
                page, [line for number, raw in lines if (line := _plain_line(number, raw))]
            )
    lines = _horizontal_lines(page.get_text("rawdict", flags=FLAGS)["blocks"])
    return _as_written(page, _glyph_lines(lines, _suspects(lines), with_chars))


_TYPOGRAPHIC = str.maketrans({"–": "-", "’": "'", "‘": "'"})


def _as_written(page: pymupdf.Page, lines: list[Line]) -> list[Line]:
    """Bold lines with the hyphens and apostrophes the author typed, where the glyphs differ.

    A word processor may paint "-" as an en dash and "'" as a curly quote while the
    PDF's ActualText keeps what was typed: "411) - Erhvervsområde". The glyphs are read
    (ActualText can repeat whole paragraphs), and a line takes the typed characters only
    when the ActualText holds the line so and not as painted.
    """
    # Titles are what people quote and search for: only bold lines are checked, which keeps
    # the second, ActualText reading off nearly every page.
    if not any(line.bold and ("–" in line.text or "’" in line.text) for line in lines):
        return lines
    typed = " ".join(page.get_text("text", flags=FLAGS & ~pymupdf.TEXT_IGNORE_ACTUALTEXT).split())
    out = []
    for line in lines:
        plain = line.text.translate(_TYPOGRAPHIC) if line.bold else line.text
        if plain != line.text and plain in typed and line.text not in typed:
            line = replace(line, text=plain)
        out.append(line)
    return out


def _style(weights: Counter[tuple[float, bool]]) -> tuple[float, bool]:
    """The most used size, and bold when most of the line is ("Mødested:" before "C.2.25" is not)."""
    if not weights:
        return 0.0, False
    sizes: Counter[float] = Counter()
    for (size, _), count in weights.items():
        sizes[size] += count
    bold = sum(count for (_, is_bold), count in weights.items() if is_bold)
    return sizes.most_common(1)[0][0], bold >= _BOLD_SHARE * sum(weights.values())


def _plain_line(
    number: int, raw: dict, with_chars: bool = False, bold: bool = False
) -> Line | None:
    """A line read as MuPDF gives it."""
    text = clean("".join(span["text"] for span in raw["spans"]))
    if not text:
        return None
    weights: Counter[tuple[float, bool]] = Counter()
    for span in raw["spans"]:
        weights[(round(span["size"], 1), _is_bold(span))] += len(span["text"].strip())
    size, span_bold = _style(weights)
    chars: tuple[Char, ...] = ()
    if with_chars:
        chars = tuple((c["c"], *c["bbox"]) for span in raw["spans"] for c in span["chars"])
    x0, y0, x1, y1 = raw["bbox"]
    return Line(text, x0, y0, x1, y1, size, span_bold or bold, number, chars)


def _glyph_lines(
    lines: Sequence[tuple[int, dict]], suspects: set[int], with_chars: bool
) -> list[Line]:
    """Lines with every glyph painted again at (almost) the same spot dropped."""
    overprint = OverprintFilter()
    kept_glyphs: dict[int, tuple[list[Char], Counter[tuple[float, bool]]]] = {}
    for index in sorted(suspects):
        kept: list[Char] = []
        weights: Counter[tuple[float, bool]] = Counter()
        for span in lines[index][1]["spans"]:
            style = (round(span["size"], 1), _is_bold(span))
            tolerance = min(MAX_TOLERANCE, 0.15 * span["size"])
            for char in span["chars"]:
                c = char["c"]
                if not c.isspace():
                    x, y = char["origin"]
                    if overprint.is_copy(c, x, y, index, tolerance):
                        continue
                    weights[style] += 1
                kept.append((c, *char["bbox"]))
        kept_glyphs[index] = (kept, weights)
    result = []
    for index, (number, raw) in enumerate(lines):
        fake_bold = overprint.copied[index] > 0
        if index not in kept_glyphs:
            if line := _plain_line(number, raw, with_chars, fake_bold):
                result.append(line)
            continue
        kept, weights = kept_glyphs[index]
        text = clean("".join(c[0] for c in kept))
        if not text:
            continue
        boxes = [c for c in kept if not c[0].isspace()]
        size, bold = _style(weights)
        bold = bold or overprint.copied[index] >= _FAKE_BOLD_SHARE * len(boxes)
        result.append(
            Line(
                text,
                min(c[1] for c in boxes),
                min(c[2] for c in boxes),
                max(c[3] for c in boxes),
                max(c[4] for c in boxes),
                size,
                bold,
                number,
                tuple(kept) if with_chars else (),
            )
        )
    return result
