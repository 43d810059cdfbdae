"""A web page's markup as a small element tree, the way a browser would nest it.

Portal pages are rarely well formed: paragraphs and list items left open, cells
without rows, end tags for elements never opened. The tree closes what HTML lets
an author leave open (a `<p>` at the next block, an `<li>` at the next `<li>`, a
cell at the next cell or row) and ignores end tags that close nothing, so the
reader (`ingest.html`) walks nested elements and never a flat stream of tags.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
}  # fmt: skip
# Elements a new block element closes when it opens inside them (`<p>` has no end tag to wait for).
_CLOSED_BY_BLOCK = {"p"}
_PARAGRAPH_CLOSERS = {
    "address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "main", "nav", "ol",
    "p", "pre", "section", "table", "ul",
}  # fmt: skip
# An element that opens while a sibling of the same group is open closes that sibling,
# up to (not past) the container named beside it.
_SIBLINGS = {
    "li": ({"li"}, {"ul", "ol", "menu"}),
    "dt": ({"dt", "dd"}, {"dl"}),
    "dd": ({"dt", "dd"}, {"dl"}),
    "tr": ({"tr", "td", "th"}, {"table", "thead", "tbody", "tfoot"}),
    "td": ({"td", "th"}, {"tr", "table"}),
    "th": ({"td", "th"}, {"tr", "table"}),
    "thead": ({"thead", "tbody", "tfoot", "tr", "td", "th"}, {"table"}),
    "tbody": ({"thead", "tbody", "tfoot", "tr", "td", "th"}, {"table"}),
    "tfoot": ({"thead", "tbody", "tfoot", "tr", "td", "th"}, {"table"}),
    "option": ({"option"}, {"select", "datalist", "optgroup"}),
}
# Raw-text elements whose content is never markup.
_RAW = {"script", "style"}
# Deeper than any page is built: past it (thousands of unclosed <font> tags), elements are
# kept as siblings, so that walking the tree never runs out of stack.
_MAX_DEPTH = 150


@dataclass
class Element:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Element | str] = field(default_factory=list)

    def attr(self, name: str) -> str:
        return self.attrs.get(name) or ""

    @property
    def classes(self) -> str:
        """Class and id, lower-cased, for matching names such as "cookie" or "breadcrumb"."""
        return f"{self.attr('class')} {self.attr('id')}".lower()


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root")
        self.stack = [self.root]
        self.controlled: set[str] = set()

    def _close_to(self, index: int) -> None:
        del self.stack[index:]

    def _find_open(self, tags: set[str], stop: set[str]) -> int | None:
        for k in range(len(self.stack) - 1, 0, -1):
            tag = self.stack[k].tag
            if tag in tags:
                return k
            if tag in stop:
                return None
        return None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _PARAGRAPH_CLOSERS:
            k = self._find_open(_CLOSED_BY_BLOCK, {"td", "th", "li", "button", "table"})
            if k is not None:
                self._close_to(k)
        if tag in _SIBLINGS:
            siblings, container = _SIBLINGS[tag]
            k = self._find_open(siblings, container)
            if k is not None:
                self._close_to(k)
        if tag in ("td", "th") and self.stack[-1].tag in ("table", "thead", "tbody", "tfoot"):
            self.handle_starttag("tr", [])  # a cell without a row: the row is implied
        element = Element(tag, {name: value or "" for name, value in attrs})
        for target in element.attr("aria-controls").split():
            self.controlled.add(target)
        self.stack[-1].children.append(element)
        if tag not in VOID and len(self.stack) < _MAX_DEPTH:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack[-1].tag == tag:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag == "br":  # "</br>" is read as a line break, as browsers do
            self.handle_starttag("br", [])
            return
        for k in range(len(self.stack) - 1, 0, -1):
            if self.stack[k].tag == tag:
                self._close_to(k)
                return

    def handle_data(self, data: str) -> None:
        parent = self.stack[-1]
        if parent.tag in _RAW:
            return
        if parent.children and isinstance(parent.children[-1], str):
            parent.children[-1] += data
        else:
            parent.children.append(data)


def parse_tree(html: str) -> tuple[Element, set[str]]:
    """The page's element tree, and the ids that toggles (`aria-controls`) open and close."""
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.root, builder.controlled
