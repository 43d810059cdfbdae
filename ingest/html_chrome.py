"""What a portal page wraps around its minutes, told from the markup: never read.

Site navigation, the page's banner and footer, search and subscription forms,
cookie and consent banners, breadcrumbs, skip links, dialogs, hidden templates,
scripts, icons and the buttons of FirstAgenda's item rows. Two things look like
chrome and are not: content a toggle opens (a collapsed accordion panel is
`hidden` until clicked, and holds the item's text), and a `<header>` that carries
a heading: an item's own (its title), or the page's title block as pandoc writes
it. As in HTML's own rule for banners, a header or footer inside a `<main>`,
`<article>` or `<section>` belongs to that content and is kept.
"""

from __future__ import annotations

import re

from ingest.html_tree import Element

_NEVER_TEXT = {
    "head", "script", "style", "noscript", "template", "svg", "math", "canvas", "iframe",
    "object", "embed", "video", "audio", "select", "textarea", "datalist", "nav", "aside",
    "dialog", "menu",
}  # fmt: skip
_ROLES = {"navigation", "banner", "contentinfo", "search", "dialog", "alertdialog", "menu"}
# Substrings of a class or id that name chrome.
_CHROME_NAMES = re.compile("|".join((
    "cookie", "consent", "gdpr", "coi-banner", "coioverlay", "cc-window", "cc-banner",
    "breadcrumb", "brødkrumme", "brodkrumme", "skip-link", "skiplink", "skip-to", "skipnav",
    "sr-only", "visually-hidden", "visuallyhidden", "screen-reader",
)))  # fmt: skip
# Whole class names: FirstAgenda's item-row buttons, icons and counters, Bootstrap's dialogs.
_CHROME_CLASSES = {
    "pdf-label", "fil-ikon", "badge", "dropdown", "glyphicon", "expand", "tilbage-wrapper",
    "dagsordenhent", "lydfiler-og-bilag", "modal",
}  # fmt: skip
_CONTENT = {"main", "article", "section"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


_TOGGLE = re.compile(r"accordion|toggle|collaps")
# "70. Godkendelse af dagsorden", "Punkt 3 Budget": an item's number and title
_NUMBERED_TITLE = re.compile(
    r"\s*(?:(?:punkt|pkt\.?|sag)\s*)?\d{1,4}[.):]?\s+\w{3,}", re.IGNORECASE
)


def _text(element: Element) -> str:
    return " ".join(child if isinstance(child, str) else _text(child) for child in element.children)


def _has(element: Element, tags: set[str]) -> bool:
    return any(
        isinstance(child, Element) and (child.tag in tags or _has(child, tags))
        for child in element.children
    )


def is_page_chrome(element: Element, controlled: set[str], in_content: bool) -> bool:
    """Whether an element (and all inside it) is chrome, not minutes text.

    `controlled` are the ids that toggles open; `in_content` whether the element sits
    in the page's `<main>`, an `<article>` or a `<section>` (whose headers and footers
    are their own).
    """
    tag = element.tag
    if tag in _NEVER_TEXT:
        return True
    opened_by_toggle = element.attr("id") in controlled
    if not opened_by_toggle and (
        "hidden" in element.attrs or element.attr("aria-hidden").lower() == "true"
    ):
        return True
    if element.attr("role").lower() in _ROLES or element.attr("aria-modal").lower() == "true":
        return True
    names = element.classes
    if names != " " and (
        _CHROME_NAMES.search(names) or _CHROME_CLASSES.intersection(names.split())
    ):
        return True
    if tag == "button":
        # An accordion toggle holds the item's title ("70. Godkendelse af dagsorden"); other
        # buttons hold "Udskriv", "Luk", "Accepter alle" ...
        return not (
            _has(element, _HEADINGS)
            or element.attr("aria-controls")
            or _TOGGLE.search(names)
            or _NUMBERED_TITLE.match(_text(element))
        )
    if tag == "form":
        # ASP.NET pages wrap the whole page in one form; a search or subscribe form has no text.
        return not _has(element, _HEADINGS | {"p", "table"})
    if not in_content and tag == "footer":
        return True
    return not in_content and tag == "header" and not _has(element, _HEADINGS)


def opens_content(element: Element) -> bool:
    """Whether an element is the page's content, inside which headers and footers are kept."""
    return element.tag in _CONTENT or element.attr("role").lower() == "main"
