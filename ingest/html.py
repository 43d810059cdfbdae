"""Read a minutes web page, from any portal, into `Block`s as a PDF reads into them.

The page is parsed into an element tree (`html_tree`), its chrome left out
(`html_chrome`: navigation, banners, cookie notices, footers, forms, dialogs)
and the rest walked in reading order:

- `h1`–`h6` are headings with their level; a line wholly in bold, or an element
  whose class names a heading ("overskrift", "title"), is a heading too (`html_lines`);
- `<br>` ends a line, so a label and its value on two lines stay two lines;
- list items are lines of their own: "- " before a `<ul>` item, "1) " before an
  `<ol>` item (not "1.", which reads as an agenda item's number);
- `<dl>` terms and label/value tables read "Label: value"; data tables become
  TABLE blocks; layout tables are read as running text (`html_tables`).

FirstAgenda's portal puts each item in a table row, the number in a label cell
and the title in `h2.overskrift`: the number and the heading read "Punkt 1: <title>".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ingest.html_chrome import is_page_chrome, opens_content
from ingest.html_lines import BOLD_HEADING_LEVEL, LineWriter, clean
from ingest.html_tables import (
    HEADING_CLASS,
    TableKind,
    has_flow,
    is_label,
    is_layout,
    rows,
    table_kind,
)
from ingest.html_tree import Element, parse_tree
from ingest.records import Block, BlockKind, SectionKind
from ingest.sections import section_kind

_INLINE = {
    "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font",
    "i", "img", "ins", "kbd", "label", "mark", "nobr", "q", "s", "samp", "small", "span",
    "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr", "#root",
}  # fmt: skip
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|bolder|[6-9]00)\b", re.IGNORECASE)
_BOLD_CLASSES = {"bold", "fed", "strong", "fw-bold", "font-weight-bold", "text-bold"}
_CLASS_HEADING_LEVEL = 3


def _is_bold(element: Element) -> bool:
    return (
        element.tag in ("b", "strong")
        or bool(_BOLD_STYLE.search(element.attr("style")))
        or bool(_BOLD_CLASSES & set(element.attr("class").lower().split()))
    )


class _Walker:
    def __init__(self, controlled: set[str]) -> None:
        self.controlled = controlled
        self.out = LineWriter()

    def children(self, node: Element, bold: bool, in_content: bool, plain: bool) -> None:
        for child in node.children:
            if isinstance(child, str):
                self.out.text(child, bold)
            else:
                self.element(child, bold, in_content, plain)

    def element(self, node: Element, bold: bool, in_content: bool, plain: bool) -> None:
        if is_page_chrome(node, self.controlled, in_content):
            return
        tag = node.tag
        in_content = in_content or opens_content(node)
        if tag == "br":
            self.out.end_line(after_break=True, plain=plain)
        elif tag in _HEADINGS:
            self.out.end_line(plain=plain)
            self.out.heading(self.text(node), _HEADINGS[tag])
        elif tag == "table":
            self.out.end_line(plain=plain)
            self.table(node, in_content)
        elif tag in ("ul", "ol", "menu"):
            self.out.end_line(plain=plain)
            self.list(node, in_content)
        elif tag == "dl":
            self.out.end_line(plain=plain)
            self.definitions(node, in_content)
        elif tag in ("td", "th"):  # a cell of a layout table: cells of a row share its line
            self.out.text(" ")
            self.children(node, bold, in_content, plain)
        elif tag in _INLINE or ":" in tag:  # "o:p" and other tags Word leaves in its HTML
            self.children(node, bold or _is_bold(node), in_content, plain)
        else:
            self.out.end_line(plain=plain)
            text = self.text(node) if HEADING_CLASS.search(node.attr("class").lower()) else ""
            if text and not has_flow(node) and len(clean(text)) <= 160:
                self.out.heading(text, _CLASS_HEADING_LEVEL)
                return
            self.children(node, bold or _is_bold(node), in_content, plain)
            self.out.end_line(plain=plain)

    def text(self, node: Element) -> str:
        """The text of an element on one line (a heading, a cell), chrome left out."""
        sub = _Walker(self.controlled)
        sub.children(node, False, True, True)
        return " ".join(b.text for b in sub.out.close())

    def blocks(self, node: Element, in_content: bool) -> list[Block]:
        sub = _Walker(self.controlled)
        sub.children(node, False, in_content, False)
        return sub.out.close()

    def list(self, node: Element, in_content: bool) -> None:
        ordered = node.tag == "ol"
        number = int(node.attr("start")) if node.attr("start").isdigit() else 1
        letter = node.attr("type") if node.attr("type") in ("a", "A") else ""
        for child in node.children:
            if not isinstance(child, Element) or child.tag != "li":
                if isinstance(child, Element):
                    self.element(child, False, in_content, True)
                continue
            if is_page_chrome(child, self.controlled, in_content):
                continue
            if child.attr("value").isdigit():
                number = int(child.attr("value"))
            marker = chr(ord(letter) + number - 1) if letter and number <= 26 else str(number)
            self.out.end_line(plain=True)
            self.out.prefix = f"{marker}) " if ordered else "- "
            self.children(child, False, in_content, True)
            self.out.end_line(plain=True)
            self.out.prefix = ""
            number += 1

    def pair(self, label: str, value: Element | None, in_content: bool) -> None:
        """A label and its value (a `<dt>` and its `<dd>`, two cells of a row)."""
        label = clean(label)
        blocks = self.blocks(value, in_content) if value is not None else []
        if not blocks:  # "Dato:" with nothing after it says nothing
            return
        kind = section_kind(label)
        if kind is not None and kind is not SectionKind.OTHER:
            self.out.emit(Block(label, 1, BlockKind.HEADING, level=BOLD_HEADING_LEVEL))
        elif not is_label(label):
            self.out.emit(Block(label, 1))
        elif blocks[0].kind is BlockKind.PARAGRAPH:
            first = f"{label.rstrip(':').rstrip()}: {blocks[0].text}"
            blocks = [Block(first, 1), *blocks[1:]]
        else:
            self.out.emit(Block(label, 1))
        for block in blocks:
            self.out.emit(block)

    def definitions(self, node: Element, in_content: bool) -> None:
        items = [c for c in node.children if isinstance(c, Element)]
        for k, child in enumerate(items):
            if is_page_chrome(child, self.controlled, in_content):
                continue
            if child.tag == "dt":
                nxt = items[k + 1] if k + 1 < len(items) and items[k + 1].tag == "dd" else None
                self.pair(self.text(child), nxt, in_content)
            elif child.tag == "dd" and (k == 0 or items[k - 1].tag != "dt"):
                self.element(child, False, in_content, False)  # a second value of the same term
            elif child.tag != "dd":
                self.element(child, False, in_content, False)

    def table(self, node: Element, in_content: bool) -> None:
        for child in node.children:
            if isinstance(child, Element) and child.tag == "caption":
                self.element(child, False, in_content, False)
        elements = [
            [c for c in cells if not is_page_chrome(c, self.controlled, in_content)]
            for row, cells in rows(node)
            if not is_page_chrome(row, self.controlled, in_content)
        ]
        if is_layout(node, elements):
            for row_cells in elements:
                self.out.end_line()
                for cell in row_cells:
                    self.element(cell, False, in_content, False)
                self.out.end_line()
            return
        cells = [[clean(self.text(c)) for c in row] for row in elements]
        if table_kind(cells, elements) is TableKind.LABELS:
            for texts, row in zip(cells, elements, strict=True):
                if len(row) == 2:
                    self.pair(texts[0], row[1], in_content)
                elif any(texts):
                    self.out.emit(Block(" ".join(t for t in texts if t), 1))
        else:
            kept = tuple(tuple(r) for r in cells if any(r))
            if kept:
                text = "\n".join(" | ".join(r) for r in kept)
                self.out.emit(Block(text, 1, BlockKind.TABLE, rows=kept))


def read_html(html: str) -> Iterator[Block]:
    root, controlled = parse_tree(html)
    walker = _Walker(controlled)
    if (main := _main_element(root)) is not None:
        # The page says where its content is: a mega-menu or a banner outside it is chrome,
        # however it is marked up.
        walker.children(main, False, True, False)
    else:
        walker.children(root, False, False, False)
    yield from walker.out.close()


def _main_element(root: Element) -> Element | None:
    """The page's one `<main>` (or `role="main"`) element, if it has one."""
    found: list[Element] = []

    def visit(node: Element) -> None:
        for child in node.children:
            if isinstance(child, Element):
                if child.tag == "main" or child.attr("role").lower() == "main":
                    found.append(child)
                else:
                    visit(child)

    visit(root)
    return found[0] if len(found) == 1 else None
