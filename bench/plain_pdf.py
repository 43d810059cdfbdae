"""Typeset text as a plain PDF: one font, one size, no bold, a line per line.

Real minutes reach `minutes` as PDFs as often as web pages. Rendering a page's text
this way takes away every styling cue (headings, bold, sizes), so the PDF reader is
scored on the words and the line breaks alone.
"""

from __future__ import annotations

import textwrap

import pymupdf

_FONT_SIZE = 10
_LINE = 13
_MARGIN = 56
_WIDTH_CHARS = 95


def text_to_pdf(text: str) -> bytes:
    """A4 pages of Helvetica 10 pt; long lines wrap, blank lines stay blank."""
    document = pymupdf.open()
    page = None
    y = 0.0
    for raw in text.replace("\r\n", "\n").split("\n"):
        pieces = textwrap.wrap(raw.strip(), _WIDTH_CHARS) or [""]
        for piece in pieces:
            if page is None or y > page.rect.height - _MARGIN:
                page = document.new_page(width=595, height=842)
                y = _MARGIN
            if piece:
                page.insert_text((_MARGIN, y), piece, fontname="helv", fontsize=_FONT_SIZE)
            y += _LINE
    data = document.tobytes()
    document.close()
    return data
