"""Read a minutes page as a FirstAgenda portal serves it (HTML) into `Block`s.

The portal puts each agenda item in a table row: the number in a label, the
title in `h2.overskrift`, the case number in `span.sagsnummer`, section
headings in `h3` and the text in divs. Other HTML is read generically:
`h1`–`h6` become headings, block elements paragraphs, tables rows of cells.
"""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser

from ingest.records import Block, BlockKind

_BLOCK_TAGS = {"p", "div", "li", "br", "tr", "section", "article", "ul", "ol", "table"}
_SKIP_TAGS = {"script", "style", "noscript", "template", "nav", "button", "head", "title"}
# Portal chrome: buttons, icons, counters and labels that are not minutes text.
_CHROME_CLASSES = {
    "pdf-label",
    "fil-ikon",
    "badge",
    "dropdown",
    "glyphicon",
    "expand",
    "tilbage-wrapper",
    "dagsordenhent",
    "lydfiler-og-bilag",
}
_HEADING_TAGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self._text: list[str] = []
        self._skip_depth = 0
        self._skip_stack: list[str] = []
        self._heading: int | None = None
        self._classes: list[set[str]] = []
        self._item_number: str | None = None
        self._in_label = False
        self._in_item_title = False
        self._in_field_label = False
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._rows: list[tuple[str, ...]] = []

    def _flush(self) -> None:
        text = " ".join("".join(self._text).split())
        self._text = []
        if text:
            self.blocks.append(Block(text, 1))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = set((dict(attrs).get("class") or "").split())
        if (
            self._skip_depth
            or (tag in _SKIP_TAGS and "overskrift-btn" not in classes)
            or classes & _CHROME_CLASSES
        ):
            self._skip_stack.append(tag)
            self._skip_depth += 1
            return
        if dict(attrs).get("hidden") is not None and tag == "tr":
            return
        if "label" in classes and "label-default" in classes and "pdf-label" not in classes:
            self._in_label = True
            self._flush()
            return
        if tag in _HEADING_TAGS:
            self._flush()
            self._heading = _HEADING_TAGS[tag]
            self._in_item_title = "overskrift" in classes
            return
        if "sagsnummer" in classes:
            self._flush()
        if tag in _BLOCK_TAGS:
            self._flush()
        if tag in ("td", "th"):
            self._text.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if self._skip_depth:
            if tag in self._skip_stack:
                while self._skip_stack and self._skip_stack.pop() != tag:
                    self._skip_depth -= 1
                self._skip_depth -= 1
            return
        if self._in_label and tag == "span":
            self._item_number = "".join(self._text).strip() or None
            self._text = []
            self._in_label = False
            return
        if tag in _HEADING_TAGS and self._heading is not None:
            text = " ".join("".join(self._text).split())
            self._text = []
            if text:
                if self._in_item_title and self._item_number:
                    text = f"Punkt {self._item_number}: {text}"
                    self._item_number = None
                self.blocks.append(Block(text, 1, BlockKind.HEADING, level=self._heading))
            self._heading = None
            self._in_item_title = False
            return
        if tag in _BLOCK_TAGS or tag == "span":
            if tag == "span" and not self._text:
                return
            if tag in _BLOCK_TAGS:
                self._flush()

    def handle_data(self, data: str) -> None:
        if self._skip_depth:
            return
        self._text.append(data)


def read_html(html: str) -> Iterator[Block]:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    reader._flush()
    yield from reader.blocks
