"""Entry point: any supported file to a `Document`, choosing the reader by content."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ingest.errors import EmptyDocument, NotAPDF, UnsupportedFormat
from ingest.html import read_html
from ingest.pdf import read_pdf
from ingest.records import Document
from ingest.segment import segment
from ingest.text import read_text, undo_markdown

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
SUPPORTED_SUFFIXES = {".pdf"} | TEXT_SUFFIXES | HTML_SUFFIXES


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def parse_bytes(data: bytes, source: str) -> Document:
    """Parse one file's bytes; `source` is its name, used for the reader choice and messages."""
    suffix = Path(source).suffix.lower()
    sha256 = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise EmptyDocument(source, "0 bytes of content")
    if data.startswith(b"%PDF") or suffix == ".pdf":
        if not data.lstrip()[:1024].find(b"%PDF") >= 0:
            raise NotAPDF(source, "no %PDF header")
        pdf = read_pdf(Path(source), data=data)
        return segment(
            undo_markdown(pdf.blocks),
            source=source,
            sha256=sha256,
            page_count=pdf.page_count,
            title=pdf.title,
        )
    if suffix in HTML_SUFFIXES or data.lstrip()[:15].lower().startswith(
        (b"<!doctype html", b"<html")
    ):
        blocks = read_html(_decode(data))
    elif suffix in TEXT_SUFFIXES or not suffix:
        blocks = read_text(_decode(data))
    else:
        raise UnsupportedFormat(
            source, f"'{suffix}' is not one of {', '.join(sorted(SUPPORTED_SUFFIXES))}"
        )
    blocks = list(blocks)
    page_count = max((b.page for b in blocks), default=0)
    if not blocks:
        raise EmptyDocument(source, "no text")
    return segment(blocks, source=source, sha256=sha256, page_count=page_count)


def parse_file(path: Path | str) -> Document:
    path = Path(path)
    return parse_bytes(path.read_bytes(), path.name)
