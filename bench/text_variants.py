"""The same minutes text as other tools hand it over: whitespace and layout variants.

A page's text reaches `minutes` through whatever its publisher or a user's tool made of
it: non-breaking spaces and soft hyphens from a web page, indented lines, tabs after item
numbers, runs of spaces squeezed, blank lines dropped or doubled, Windows line ends, or
lines wrapped at a fixed width; section names in capitals, or run onto their first line
("Beslutning: Godkendt.", "Beslutning Godkendt.") as many portals print them; or the same
lines as a web page of headings, of bare <div>s or of <br>-broken paragraphs. None of that changes what the minutes say, so the reading
should not change either; `bench/layout_variants.py` scores every gold set on each variant.
Each variant is deterministic (seeded by the document's name).
"""

from __future__ import annotations

import html
import random
import re
import textwrap
from collections.abc import Callable

from ingest.sections import section_kind


def _nbsp(text: str, rng: random.Random) -> str:
    return "".join("\xa0" if c == " " and rng.random() < 0.2 else c for c in text)


def _soft_hyphens(text: str, rng: random.Random) -> str:
    def hyphenate(m: re.Match[str]) -> str:
        word = m.group(0)
        cut = rng.randrange(3, len(word) - 2)
        return word[:cut] + "\xad" + word[cut:] if rng.random() < 0.3 else word

    return re.sub(r"[a-zæøå]{9,}", hyphenate, text)


def _indent(text: str, rng: random.Random) -> str:
    return "\n".join("   " + line if line.strip() else line for line in text.split("\n"))


def _tabs(text: str, rng: random.Random) -> str:
    return re.sub(r" {2,}", "\t", text)


def _squeeze(text: str, rng: random.Random) -> str:
    return re.sub(r" {2,}", " ", text)


def _no_blank_lines(text: str, rng: random.Random) -> str:
    return "\n".join(line for line in text.split("\n") if line.strip())


def _double_blank_lines(text: str, rng: random.Random) -> str:
    return "\n\n".join(text.split("\n"))


def _crlf(text: str, rng: random.Random) -> str:
    return text.replace("\n", "\r\n")


def _trailing_space(text: str, rng: random.Random) -> str:
    return "\n".join(line + " \t" if line.strip() else line for line in text.split("\n"))


def _is_section_name(line: str) -> bool:
    return len(line.strip()) < 40 and section_kind(line.strip()) is not None


def _capital_headings(text: str, rng: random.Random) -> str:
    return "\n".join(line.upper() if _is_section_name(line) else line for line in text.split("\n"))


def _headings_inline(text: str, joiner: str) -> str:
    """ "Beslutning" / "" / "Godkendt." as "Beslutning: Godkendt." (or with a space)."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        j = i + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        if (
            _is_section_name(line)
            and j < len(lines)
            and not _is_section_name(lines[j])
            and lines[j].strip()[:1].isupper()
        ):
            out.append(line.strip().rstrip(":") + joiner + lines[j].strip())
            i = j + 1
            continue
        out.append(line)
        i += 1
    return "\n".join(out)


def _colon_headings(text: str, rng: random.Random) -> str:
    return _headings_inline(text, ": ")


def _run_on_headings(text: str, rng: random.Random) -> str:
    return _headings_inline(text, " ")


def _wrapped(text: str, rng: random.Random) -> str:
    lines = []
    for line in text.split("\n"):
        lines += textwrap.wrap(line, 78, break_long_words=False, break_on_hyphens=False) or [line]
    return "\n".join(lines)


_NUMBERED_TITLE = re.compile(r"^\s*(?:(?:punkt|pkt\.?)\s*)?\d{1,3}[.:]?\s+\S", re.IGNORECASE)


def _html_page(body: str) -> str:
    return (
        '<!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><title>Referat</title>'
        f"</head><body><main>{body}</main></body></html>"
    )


def _html_headings(text: str, rng: random.Random) -> str:
    """A portal's page: numbered titles in <h2>, section names in <h3>, a <p> a line."""
    parts = []
    for line in text.split("\n"):
        if not line.strip():
            continue
        escaped = html.escape(line.strip())
        tag = "h2" if _NUMBERED_TITLE.match(line) else "h3" if _is_section_name(line) else "p"
        parts.append(f"<{tag}>{escaped}</{tag}>")
    return _html_page("\n".join(parts))


def _html_divs(text: str, rng: random.Random) -> str:
    """A page of bare <div>s, a line each, with no heading or bold at all."""
    lines = [f"<div>{html.escape(line.strip())}</div>" for line in text.split("\n") if line.strip()]
    return _html_page("\n".join(lines))


def _html_breaks(text: str, rng: random.Random) -> str:
    """A paragraph a block of lines, the lines split by <br>, section names in <strong>."""
    blocks = []
    for block in re.split(r"\n\s*\n", text):
        lines = [
            f"<strong>{html.escape(x.strip())}</strong>"
            if _is_section_name(x)
            else html.escape(x.strip())
            for x in block.split("\n")
            if x.strip()
        ]
        if lines:
            blocks.append("<p>" + "<br>\n".join(lines) + "</p>")
    return _html_page("\n".join(blocks))


# Variants that hand the text over as a web page (read as HTML).
HTML_VARIANTS = {"html-headings", "html-divs", "html-breaks"}

VARIANTS: dict[str, Callable[[str, random.Random], str]] = {
    "nbsp": _nbsp,
    "soft-hyphens": _soft_hyphens,
    "indent": _indent,
    "tabs": _tabs,
    "squeeze": _squeeze,
    "no-blank-lines": _no_blank_lines,
    "double-blank-lines": _double_blank_lines,
    "crlf": _crlf,
    "trailing-space": _trailing_space,
    "capital-headings": _capital_headings,
    "colon-headings": _colon_headings,
    "run-on-headings": _run_on_headings,
    "wrapped": _wrapped,
    "html-headings": _html_headings,
    "html-divs": _html_divs,
    "html-breaks": _html_breaks,
}


def variant_text(name: str, text: str, seed: str) -> str:
    """`text` as variant `name` hands it over; the same seed gives the same text."""
    return VARIANTS[name](text, random.Random(seed))
