"""Read a PDF into `Block`s in reading order, page by page.

`read_pdf` checks the file before it returns (`ingest.pdf_open`: the named
errors of `ingest.errors`), then reads a sample of pages (all of them up
to 40, else 40 spread over the document) to learn the layout
(`ingest.pdf_profile`): body size, heading styles and their levels,
running headers and footers, the right edge and the line gap. The blocks
are then read lazily, one page at a time; only a paragraph that may go on
at the top of the next page is held back, and the document is reopened
every `REOPEN_PAGES` pages so that MuPDF's parsed objects do not pile up.

Per page: lines with every glyph once (`pdf_page`, `pdf_dedupe`), running
lines dropped (`pdf_margins`), ruled tables taken out as TABLE blocks
(`pdf_tables`), the rest grouped into headings and paragraphs
(`pdf_paragraphs`, `pdf_hyphens`).

What the real Aarhus minutes (`aarhus-byraad-2025-08-27.pdf`, made by
FirstAgenda with ABCpdf) showed about their text layer:

- It is a tagged PDF. Every rendered line is its own BT/ET text object and
  its own marked-content sequence (`/Span <</MCID n>> BDC ... EMC`). The
  structure tree's parent tree maps all MCIDs of one layout block (a
  paragraph, or a run such as the Udvalg / Dato / Punktnummer lines under
  Sagsforløb) to one structure element, and that element carries
  `/ActualText` with the whole block, its lines separated by "\\r\\n".
- MuPDF applies ActualText to each marked-content sequence, so each line
  is replaced by its whole block: plain `get_text()` gives every block once
  per line, each copy at its own line's place, one line height apart (1.96
  million characters for 61 thousand glyphs). Clipping plays no part: the
  clip rectangles in the stream only bound the page, and no glyph is
  outside them.
- The glyphs have a correct ToUnicode map. Read with
  `TEXT_IGNORE_ACTUALTEXT`, each line comes out once, whole and in order,
  with the same words as the ActualText strings (the glyphs have ’ and –
  where ActualText has ' and -). So ActualText is always ignored here.
- Paragraphs have no space between them (10.9 pt text on a 12.2 pt pitch;
  a new MuPDF block only after a gap of about 5.6 pt): a paragraph ends
  with a line that stops short. Headings are Times bold: 16.3 pt for
  "Punkt N: ..." (21 items, some wrapping to two lines), 13.6 pt for
  Beslutninger, Resume, Beslutningspunkter, Sagsforløb, Bilag. No running
  header or footer, no ruling lines. The table of contents sets each title
  and its page number as two text objects on one baseline.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pymupdf

from ingest.errors import AngledText, CorruptPDF, UnreadableText
from ingest.pdf_hyphens import seam
from ingest.pdf_open import MUPDF_ERRORS, open_pdf, reason, require_text
from ingest.pdf_page import Line, page_lines
from ingest.pdf_paragraphs import page_blocks
from ingest.pdf_profile import Profile, learn_profile
from ingest.pdf_tables import PageTable, find_tables, ruled_regions
from ingest.records import TOC_LINE, Block, BlockKind

SAMPLE_PAGES = 40
# MuPDF keeps every object it parsed until the document is closed (about 12 kB a
# page): reopening it every so many pages keeps a long PDF's memory flat.
REOPEN_PAGES = 200
_UNMAPPED_SHARE = 0.5  # glyphs without a Unicode mapping, above which the text layer is unusable
_SENTENCE_END = re.compile(r"[.:;!?][\"'’”»)]*$")


@dataclass(frozen=True)
class PdfText:
    page_count: int
    blocks: Iterator[Block]  # produced page by page as they are consumed
    title: str | None  # the PDF's metadata title, if any


Sample = list[tuple[int, float, list[Line]]]  # (1-based page, page height, lines)


def _sample(document: pymupdf.Document) -> Sample:
    count = document.page_count
    if count <= SAMPLE_PAGES:
        numbers = range(count)
    else:
        numbers = sorted({round(k * (count - 1) / (SAMPLE_PAGES - 1)) for k in range(SAMPLE_PAGES)})
    sample = []
    for number in numbers:
        page = document.load_page(number)
        sample.append((number + 1, page.rect.height, page_lines(page)))
    return sample


def _learn(document: pymupdf.Document, source: str) -> tuple[Profile, dict[int, list[Line]]]:
    """The layout profile, and the sampled pages' lines when every page was sampled."""
    sample = _sample(document)
    if not any(lines for _, _, lines in sample):
        number = require_text(document, source)
        page = document.load_page(number)
        sample = [(number + 1, page.rect.height, page_lines(page))]
        if not sample[0][2]:  # text, but not in lines read left to right
            raise AngledText(source, f"page {number + 1}")
    text = "".join(line.text for _, _, lines in sample for line in lines)
    unmapped = text.count("\ufffd")
    if unmapped > _UNMAPPED_SHARE * len(text.replace(" ", "")):
        raise UnreadableText(source, f"{unmapped} of {len(text)} characters on the sampled pages")
    cache = {n - 1: lines for n, _, lines in sample} if len(sample) == document.page_count else {}
    return learn_profile(sample), cache


def _table_block(table: PageTable, page: int) -> Block:
    text = "\n".join(" | ".join(row) for row in table.rows)
    return Block(text, page, BlockKind.TABLE, rows=table.rows)


def _read_page(page: pymupdf.Page, profile: Profile, cached: list[Line] | None) -> list[Block]:
    number, height = page.number + 1, page.rect.height
    drawings = page.get_drawings()
    regions = ruled_regions(drawings)
    if regions:
        lines = page_lines(page, with_chars=True)
    else:
        lines = cached if cached is not None else page_lines(page)
    lines = [line for line in lines if not profile.running.is_running(line, number, height)]
    tables = find_tables(page, drawings, regions, lines) if regions else []
    if tables:
        lines = [line for line in lines if not any(t.contains(line) for t in tables)]
    placed = page_blocks(lines, number, profile)
    if tables:
        placed += [(t.bbox[1], _table_block(t, number)) for t in tables]
        placed.sort(key=lambda item: item[0])
    return [block for _, block in placed]


class _Held:
    """The last paragraph of the pages read so far, kept in parts: it may go on over many
    pages, and joining or testing it whole on every page would cost time quadratic in pages."""

    def __init__(self, block: Block):
        self.page = block.page
        self.parts = [block.text]

    @property
    def tail(self) -> str:
        return self.parts[-1]

    def extend(self, text: str) -> None:
        drop, separator = seam(self.parts[-1], text)
        if drop:
            self.parts[-1] = self.parts[-1][:-drop]
        self.parts.append(separator + text)

    def block(self) -> Block:
        return Block("".join(self.parts), self.page)


def _continues(held: _Held, block: Block) -> bool:
    """Whether the first paragraph of a page goes on with the last one of the page before."""
    tail = held.tail
    if block.kind is not BlockKind.PARAGRAPH or TOC_LINE.search(tail):
        return False
    if tail.endswith("-"):
        return True
    return not _SENTENCE_END.search(tail) and block.text[:1].islower()


def _blocks(
    document: pymupdf.Document,
    reopen: Callable[[], pymupdf.Document],
    profile: Profile,
    cache: dict[int, list[Line]],
    source: str,
) -> Iterator[Block]:
    held: _Held | None = None  # the last paragraph of the page before
    count = document.page_count  # read once, by `read_pdf`, before: it cannot fail here
    try:
        for number in range(count):
            try:
                if number and number % REOPEN_PAGES == 0:
                    document.close()  # frees the objects MuPDF parsed for the pages read so far
                    document = reopen()
                blocks = _read_page(document.load_page(number), profile, cache.pop(number, None))
            except MUPDF_ERRORS as exc:
                raise CorruptPDF(source, f"page {number + 1}: {reason(exc)}") from None
            if held is not None and blocks and _continues(held, blocks[0]):
                held.extend(blocks.pop(0).text)
                if blocks:  # the paragraph ended on this page
                    yield held.block()
                    held = None
            elif held is not None:
                yield held.block()
                held = None
            if blocks:
                if blocks[-1].kind is BlockKind.PARAGRAPH:
                    held = _Held(blocks.pop())
                yield from blocks
        if held is not None:
            yield held.block()
    finally:
        document.close()


def read_pdf(path: Path, data: bytes | None = None) -> PdfText:
    """Check the PDF and learn its layout now; read its pages as the blocks are consumed.

    Raises `NotAPDF`, `CorruptPDF`, `EncryptedPDF`, `EmptyDocument` or `NoTextLayer`
    (`UnreadableText` for glyphs without a Unicode mapping)
    before returning; `CorruptPDF` can also come from the iterator when a later page
    is broken.
    """
    source = path.name
    document = open_pdf(path, data)
    try:
        profile, cache = _learn(document, source)
        title = ((document.metadata or {}).get("title") or "").strip() or None
        page_count = document.page_count
    except MUPDF_ERRORS as exc:
        document.close()
        raise CorruptPDF(source, reason(exc)) from None
    except BaseException:
        document.close()
        raise

    def reopen() -> pymupdf.Document:
        if data is not None:
            return pymupdf.open(stream=data, filetype="pdf")
        return pymupdf.open(path, filetype="pdf")

    blocks = _blocks(document, reopen, profile, cache, source)
    return PdfText(page_count, blocks, title)
