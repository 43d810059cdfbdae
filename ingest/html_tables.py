"""What a `<table>` on a portal page is: page layout, label/value pairs, or a table of data.

- Layout: the page is built of table cells (FirstAgenda puts each item in a row,
  old portals a whole page in one cell). A cell holding headings, lists, buttons
  or another table, or rows of one cell, is read as running text.
- Label/value: two cells a row, the first a short label ("Udvalg" | "Byrådet",
  "Mødedato:" | "03-05-2021"). Each row reads as the line "Udvalg: Byrådet", as the
  meeting reader expects; a row whose label is a section name ("Beslutning" |
  "Godkendt.") is that section's heading and text.
- Data: anything else (a budget, a table of contents) is a TABLE block with its rows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from enum import Enum

from ingest.html_tree import Element

_FLOW = {
    "table", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "button", "form",
    "blockquote", "section", "article",
}  # fmt: skip
HEADING_CLASS = re.compile(r"heading|overskrift|title|titel|rubrik")
_LABEL = re.compile(r"^[A-ZÆØÅ][^!?]{0,39}$")


class TableKind(Enum):
    LABELS = "labels"
    DATA = "data"


def rows(table: Element) -> Iterator[tuple[Element, list[Element]]]:
    """The rows of a table (in its head, bodies and foot), each with its cells; not nested tables'."""
    for child in table.children:
        if not isinstance(child, Element):
            continue
        if child.tag == "tr":
            yield (
                child,
                [c for c in child.children if isinstance(c, Element) and c.tag in ("td", "th")],
            )
        elif child.tag in ("thead", "tbody", "tfoot"):
            yield from rows(child)


def has_flow(element: Element) -> bool:
    """Whether an element holds what only running text has: headings, lists, tables, buttons."""
    for child in element.children:
        if isinstance(child, Element) and (
            child.tag in _FLOW
            or HEADING_CLASS.search(child.attr("class").lower())
            or has_flow(child)
        ):
            return True
    return False


def is_label(text: str) -> bool:
    """A short label such as "Udvalg", "Mødedato:" or "STARTTIDSPUNKT", not a value or a sentence."""
    text = " ".join(text.split()).rstrip(":").strip()
    return bool(_LABEL.match(text)) and len(text.split()) <= 5


def is_layout(table: Element, elements: list[list[Element]]) -> bool:
    """Whether a table lays out the page (read as running text); `elements` are its rows' cells."""
    return (
        table.attr("role").lower() in ("presentation", "none")
        or max((len(r) for r in elements), default=0) <= 1
        or any(has_flow(cell) for row in elements for cell in row)
    )


def table_kind(cells: list[list[str]], elements: list[list[Element]]) -> TableKind:
    """Label/value pairs or data, for a table that is not layout: `cells` are the cells' texts."""
    filled = [(texts, row) for texts, row in zip(cells, elements, strict=True) if any(texts)]
    pairs = [texts for texts, _ in filled if len(texts) == 2]
    header = len(filled) > 1 and all(c.tag == "th" for c in filled[0][1])
    if (
        pairs
        and not header
        and all(len(texts) <= 2 for texts, _ in filled)
        and all(is_label(texts[0]) for texts in pairs)
    ):
        return TableKind.LABELS
    return TableKind.DATA
