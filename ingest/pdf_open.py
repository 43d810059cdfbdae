"""Open a PDF, or say with a named error why it cannot be read.

Checked before any page is read: the %PDF header (else `NotAPDF`), the
%%EOF marker at the end (else `CorruptPDF`: the file was cut off), that
MuPDF can open it (`CorruptPDF`), that it needs no password (`EncryptedPDF`;
a PDF with only an owner password opens and is read) and that it has pages
(`EmptyDocument`, or `CorruptPDF` when MuPDF had to rebuild the file and
found none). When the sampled pages give no lines, `require_text` looks at
every page: no text on any is `NoTextLayer` when the pages carry images (a
scan) and `EmptyDocument` otherwise; text that the line reader cannot take
(all of it vertical or slanted) is `AngledText`, not "blank".
"""

from __future__ import annotations

from pathlib import Path

import pymupdf

from ingest.errors import CorruptPDF, EmptyDocument, EncryptedPDF, NotAPDF, NoTextLayer
from ingest.pdf_page import FLAGS
from ingest.sniff import describe

_HEAD = 1024  # the header may follow some junk, within the first kilobyte
_TAIL = 4096  # %%EOF may be followed by a little junk
# What MuPDF raises on a malformed file: its own errors, RuntimeError ("code=7: Invalid
# number of pages" for a page tree whose /Count is negative or absurd) and ValueError
# ("page not in document" when /Count promises more pages than the tree has).
MUPDF_ERRORS = (RuntimeError, ValueError, pymupdf.mupdf.FzErrorBase)


def reason(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__


def _head_and_tail(path: Path, data: bytes | None) -> tuple[bytes, bytes, int]:
    if data is not None:
        return data[:_HEAD], data[-_TAIL:], len(data)
    with path.open("rb") as file:
        head = file.read(_HEAD)
        size = file.seek(0, 2)
        file.seek(max(0, size - _TAIL))
        return head, file.read(), size


def open_pdf(path: Path, data: bytes | None = None) -> pymupdf.Document:
    """The opened document; `data` if given, else the file at `path` (read by MuPDF, not into memory)."""
    source = path.name
    head, tail, size = _head_and_tail(path, data)
    if size == 0:
        raise EmptyDocument(source, "0 bytes")
    if b"%PDF-" not in head:
        raise NotAPDF(source, f"intet %PDF-hoved: det er {describe(head, data or path)}")
    if b"%%EOF" not in tail:
        raise CorruptPDF(source, "afkortet: intet %%EOF-mærke til sidst")
    try:
        if data is not None:
            document = pymupdf.open(stream=data, filetype="pdf")
        else:
            document = pymupdf.open(path, filetype="pdf")
    except MUPDF_ERRORS as exc:
        raise CorruptPDF(source, reason(exc)) from None
    try:
        _check(document, source)
    except BaseException:
        document.close()
        raise
    return document


def _check(document: pymupdf.Document, source: str) -> None:
    """Raise the named error for a document that needs a password or has no readable pages."""
    try:
        if document.needs_pass:
            raise EncryptedPDF(source, "den kræver en adgangskode")
        count, repaired = document.page_count, document.is_repaired
    except MUPDF_ERRORS as exc:
        raise CorruptPDF(source, f"sidetræet: {reason(exc)}") from None
    if count == 0 and repaired:
        raise CorruptPDF(source, "ingen sider kunne reddes")
    if count == 0:
        raise EmptyDocument(source, "PDF'en har ingen sider")


def require_text(document: pymupdf.Document, source: str) -> int:
    """A page (0-based) with text, or the error for a PDF without any."""
    for number in range(document.page_count):
        if document[number].get_text("text", flags=FLAGS).strip():
            return number
    for page in document:
        if page.get_images(full=False) or page.get_image_info():
            raise NoTextLayer(source, f"{_pages(document.page_count)} med billeder og ingen tekst")
    raise EmptyDocument(
        source, f"blank: ingen tekst på nogen af dens {_pages(document.page_count)}"
    )


def _pages(count: int) -> str:
    return f"{count} side" if count == 1 else f"{count} sider"
