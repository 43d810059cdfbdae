"""Read a PDF into `Block`s in reading order, page by page.

Two kinds of duplicated text layer are undone here:
- Fake bold: the same glyphs painted several times at (almost) the same spot.
  Characters repeating an already kept character within a point are dropped.
- "ActualText" paragraphs (the Aarhus FirstAgenda PDFs): every rendered line
  is a marked-content sequence whose ActualText carries the whole paragraph,
  so a plain extraction returns each paragraph once per line. The glyphs
  themselves are right, so the text is read with ActualText ignored.

Running headers and footers are lines in the top or bottom band of the page
that repeat (digits ignored) on many pages, and "Side X af Y" anywhere.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pymupdf

from ingest.errors import CorruptPDF, EmptyDocument, EncryptedPDF, NotAPDF, NoTextLayer
from ingest.pdf_lines import Line, merge_baselines, page_lines
from ingest.records import Block, BlockKind

_FLAGS = (
    pymupdf.TEXT_PRESERVE_WHITESPACE
    | pymupdf.TEXT_MEDIABOX_CLIP
    | pymupdf.TEXT_IGNORE_ACTUALTEXT
    | pymupdf.TEXT_PRESERVE_LIGATURES
)
_MARGIN = 0.085  # share of the page height that counts as header or footer band
_PAGE_LABEL = re.compile(r"^(?:Side|Page)?\s*\d{1,4}\s*(?:af|/|of)?\s*\d{0,4}$", re.IGNORECASE)
_SIDE_X_AF_Y = re.compile(r"\bSide\s+\d{1,4}\s+af\s+\d{1,4}\b", re.IGNORECASE)
_HEADER_SAMPLE_PAGES = 40
_FIELD_START = re.compile(r"^[A-ZÆØÅ][\wæøå]+(?: [\wæøå]+){0,2}:\s")
_LIST_START = re.compile(r"^(?:[-•·▪*]|\d{1,3}[.)]|[a-z][.)]|At \d+\))\s")
_SENTENCE_END = re.compile(r"[.:;!?]$")
_KEEP_HYPHEN_BEFORE = {"og", "eller", "samt", "til", "som", "men"}


@dataclass(frozen=True)
class PdfText:
    page_count: int
    blocks: Iterator[Block]
    title: str | None


def _open(path: Path, data: bytes | None) -> pymupdf.Document:
    source = path.name
    raw = data if data is not None else path.read_bytes()
    if b"%PDF" not in raw[:1024]:
        raise NotAPDF(source, "no %PDF header")
    if b"%%EOF" not in raw[-2048:]:
        raise CorruptPDF(source, "truncated: no end-of-file marker")
    try:
        document = pymupdf.open(stream=raw, filetype="pdf")
    except Exception as exc:  # pymupdf raises FileDataError and plain RuntimeErrors
        raise CorruptPDF(source, str(exc).strip()[:200]) from None
    if document.needs_pass:
        document.close()
        raise EncryptedPDF(source, "a password is needed to open it")
    if document.page_count == 0:
        document.close()
        raise (CorruptPDF if len(raw) > 2048 else EmptyDocument)(source, "no pages")
    return document


def _normalise_margin_line(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split())).lower()


def _margin_texts(page: pymupdf.Page) -> set[str]:
    height = page.rect.height
    texts = set()
    for band in (
        pymupdf.Rect(0, 0, page.rect.width, height * _MARGIN),
        pymupdf.Rect(0, height * (1 - _MARGIN), page.rect.width, height),
    ):
        for line in page.get_text("text", clip=band, flags=_FLAGS).splitlines():
            if line.strip():
                texts.add(_normalise_margin_line(line))
    return texts


def _running_lines(document: pymupdf.Document) -> set[str]:
    """Normalised header/footer lines that repeat across pages."""
    count = document.page_count
    if count < 3:
        return set()
    step = max(1, count // _HEADER_SAMPLE_PAGES)
    sampled = range(0, count, step)
    seen: Counter[str] = Counter()
    for number in sampled:
        seen.update(_margin_texts(document[number]))
    threshold = max(2, len(sampled) // 3)
    return {text for text, n in seen.items() if n >= threshold}


def _check_text_layer(document: pymupdf.Document, source: str) -> None:
    has_images = False
    for page in document:
        if page.get_text("text", flags=_FLAGS).strip():
            return
        has_images = has_images or bool(page.get_images(full=False))
    if has_images:
        raise NoTextLayer(source, f"{document.page_count} pages of images")
    raise EmptyDocument(source, "no text on any page")


def _is_running(line: Line, page_height: float, running: set[str]) -> bool:
    text = line.text.strip()
    if _SIDE_X_AF_Y.search(text) and len(text) < 60:
        return True
    in_margin = line.y0 < page_height * _MARGIN or line.y1 > page_height * (1 - _MARGIN)
    if not in_margin:
        return False
    return _normalise_margin_line(text) in running or bool(_PAGE_LABEL.match(text))


def _join(previous: str, line: str) -> str:
    """Join two lines of one paragraph, undoing hyphenation at the line end but not real hyphens."""
    if not previous.endswith("-") or len(previous) < 2 or previous[-2] == " ":
        return previous + " " + line
    first_word = line.split(" ", 1)[0].strip(",.")
    if first_word in _KEEP_HYPHEN_BEFORE:
        return previous + " " + line  # "social- og arbejdsmarkedsudvalget"
    if previous[-2].isalpha() and previous[-2].islower() and line[:1].islower():
        return previous[:-1] + line  # "beskæf-" + "tigelse"
    return previous + line  # "2030-" + "fremskrivning", "SOSU-" + "assistent"


def _heading_levels(lines: list[Line], body_size: float) -> dict[tuple[float, bool], int]:
    """Heading level per (rounded size, bold) style: larger first, bold at body size last."""
    styles = sorted(
        {(round(ln.size, 1), ln.bold) for ln in lines if ln.size > body_size * 1.12 or ln.bold}
    )
    styles.sort(key=lambda s: (-s[0], not s[1]))
    return {style: k + 1 for k, style in enumerate(styles)}


def _page_blocks(
    page: pymupdf.Page, page_number: int, running: set[str], body_size: float
) -> Iterator[Block]:
    lines, tables = page_lines(page, _FLAGS)
    lines = merge_baselines([ln for ln in lines if not _is_running(ln, page.rect.height, running)])
    levels = _heading_levels(lines, body_size)
    items: list[tuple[float, Block]] = [
        (
            t.y0,
            Block(
                "\n".join(" | ".join(r) for r in t.rows), page_number, BlockKind.TABLE, rows=t.rows
            ),
        )
        for t in tables
    ]
    current: list[Line] = []

    def flush() -> None:
        if not current:
            return
        text = current[0].text.strip()
        for ln in current[1:]:
            text = _join(text, ln.text.strip())
        first = current[0]
        is_heading = (round(first.size, 1), first.bold) in levels and len(text) < 300
        kind = BlockKind.HEADING if is_heading else BlockKind.PARAGRAPH
        level = levels.get((round(first.size, 1), first.bold), 0) if is_heading else 0
        items.append((first.y0, Block(" ".join(text.split()), page_number, kind, level)))
        current.clear()

    for line in lines:
        if current:
            prev = current[-1]
            gap = line.y0 - prev.y1
            same_style = (round(line.size, 1), line.bold) == (round(prev.size, 1), prev.bold)
            new_paragraph = (
                not same_style
                or gap > max(3.0, prev.size * 0.6)
                or gap < -prev.size  # a new column or a jump back up
                or _LIST_START.match(line.text.strip())
                or _FIELD_START.match(line.text.strip())
                or (prev.bold and prev.text.rstrip().endswith(":"))
                or (_SENTENCE_END.search(prev.text.strip()) and prev.x1 < prev.block_x1 - 40)
            )
            if new_paragraph:
                flush()
        current.append(line)
    flush()
    items.sort(key=lambda pair: pair[0])
    for _, block in items:
        yield block


def _body_size(document: pymupdf.Document) -> float:
    """The most common font size by characters, counting fake-bold copies once."""
    sizes: Counter[float] = Counter()
    step = max(1, document.page_count // 20)
    for number in range(0, document.page_count, step):
        lines, _ = page_lines(document[number], _FLAGS, with_tables=False)
        for line in lines:
            sizes[round(line.size, 1)] += len(line.text.strip())
    return sizes.most_common(1)[0][0] if sizes else 10.0


def read_pdf(path: Path, data: bytes | None = None) -> PdfText:
    """Open and check the PDF now; read its pages lazily as the blocks are consumed."""
    document = _open(path, data)
    try:
        _check_text_layer(document, path.name)
        running = _running_lines(document)
        body_size = _body_size(document)
    except Exception:
        document.close()
        raise
    title = (document.metadata or {}).get("title") or None

    def blocks() -> Iterator[Block]:
        try:
            for number in range(document.page_count):
                page = document.load_page(number)
                yield from _page_blocks(page, number + 1, running, body_size)
        finally:
            document.close()

    return PdfText(document.page_count, blocks(), title)
