"""Entry point: any supported file to a `Document`, choosing the reader by content.

Both entry points return the document through `redact_document`: no text leaves
`ingest` with a CPR number in it.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from ingest.decode import decode_text
from ingest.errors import EmptyDocument, NotAPDF, UnsupportedFormat
from ingest.flattened import unflatten_transcript
from ingest.html import read_html
from ingest.pdf import PdfText, read_pdf
from ingest.records import Block, Document
from ingest.redact import redact_document
from ingest.segment import segment
from ingest.sniff import describe
from ingest.text import read_text, undo_markdown

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
SUPPORTED_SUFFIXES = {".pdf"} | TEXT_SUFFIXES | HTML_SUFFIXES


_HTML_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)


def _decode(data: bytes, source: str) -> str:
    text = decode_text(data)
    if "\x00" in text:  # no text file has NUL characters: a binary file with a text name
        raise UnsupportedFormat(source, f"binært indhold: det er {describe(data[:1024], data)}")
    return text


def _segment_pdf(pdf: PdfText, source: str, sha256: str) -> Document:
    return segment(
        undo_markdown(pdf.blocks),
        source=source,
        sha256=sha256,
        page_count=pdf.page_count,
        title=pdf.title,
    )


def parse_bytes(data: bytes, source: str) -> Document:
    """Parse one file's bytes; `source` is its name, used for the reader choice and messages."""
    return redact_document(_parse_bytes(data, source))


def _transcript_as_text(blocks: list[Block]) -> list[Block]:
    """A document-sharing site's page ("Transkript", then the PDF's text a page a paragraph)
    read as the transcript's text, whose pages the text reader cuts back into their parts."""
    marks = [k for k, b in enumerate(blocks) if b.text.strip() in ("Transkript", "Transcript")]
    # (its pages right after the mark, numbered: "1 Referat Byrådet Mødedato: …", "2 …")
    after = [b.text for b in blocks[marks[0] + 1 : marks[0] + 12]] if marks else []
    if (
        not after
        or not re.match(r"1(?:\s|$)", after[0])
        or not any(re.match(r"2(?:\s|$)", t) for t in after[1:])
    ):
        return blocks
    text = "\n".join(b.text for b in blocks)
    if unflatten_transcript(text) is text:
        return blocks
    return list(read_text(text))


def _parse_bytes(data: bytes, source: str) -> Document:
    suffix = Path(source).suffix.lower()
    sha256 = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise EmptyDocument(source, "0 bytes indhold")
    if data.startswith(b"%PDF") or suffix == ".pdf":
        if b"%PDF" not in data[:1024]:
            raise NotAPDF(source, f"intet %PDF-hoved: det er {describe(data[:1024], data)}")
        return _segment_pdf(read_pdf(Path(source), data=data), source, sha256)
    title = None
    if suffix in HTML_SUFFIXES or data.lstrip()[:15].lower().startswith(
        (b"<!doctype html", b"<html")
    ):
        html = _decode(data, source)
        blocks = _transcript_as_text(list(read_html(html)))
        if found := _HTML_TITLE.search(html[:5000]):
            title = " ".join(found.group(1).split()) or None
    elif suffix in TEXT_SUFFIXES or not suffix:
        blocks = read_text(_decode(data, source))
    else:
        raise UnsupportedFormat(
            source, f"'{suffix}' er ikke en af {', '.join(sorted(SUPPORTED_SUFFIXES))}"
        )
    blocks = list(blocks)
    page_count = max((b.page for b in blocks), default=0)
    if not blocks:
        raise EmptyDocument(source, "ingen tekst")
    return segment(blocks, source=source, sha256=sha256, page_count=page_count, title=title)


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while chunk := file.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def parse_file(path: Path | str) -> Document:
    """Parse one file. A PDF is not read into memory: MuPDF reads the pages it needs from the file."""
    path = Path(path)
    with path.open("rb") as file:
        head = file.read(1024)
    if head.startswith(b"%PDF") and path.suffix.lower() in ("", ".pdf"):
        return redact_document(_segment_pdf(read_pdf(path), path.name, _file_sha256(path)))
    return parse_bytes(path.read_bytes(), path.name)
