"""One page's lines to heading and paragraph blocks, in reading order.

Pieces on one baseline become one row ("Mødedato" | "Onsdag d. 27. august",
a table-of-contents title and its page number); rows are read top to
bottom, unless the page is set in columns, where the content-stream order
is kept. Consecutive rows form a paragraph until something breaks it: a
change of font style, a gap wider than the usual line gap, a list item, a
line that ended although the next word would have fitted (the Aarhus PDF
has no space between paragraphs, only short last lines), or MuPDF's own
block boundary after a finished sentence. A paragraph set in a heading
style of the document is a heading with the document-wide level.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ingest.pdf_hyphens import join_lines
from ingest.pdf_page import Line
from ingest.pdf_profile import Profile, style_of
from ingest.records import TOC_LINE, Block, BlockKind
from ingest.sections import section_kind
from nlp.case_numbers import find_case_numbers

_MONTHS = "januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december"
_LIST_START = re.compile(
    rf"^(?:[-–•·▪◦■□➢*]|\d{{1,3}}[.)](?!\s*(?:{_MONTHS})\b)|[a-zæøå][.)]|\([a-zæøå\d]{{1,3}}\)"
    r"|[IVX]{1,4}[.)]|[Aa]t \d{1,2}\))\s"
)
_SENTENCE_END = re.compile(r"[.:;!?][\"'’”»)]*$")
# A line ending like this goes on: "..., som blev vedtaget i" / "mødet".
_GOES_ON = re.compile(
    r"(?:[,(/&]|\b(?:og|eller|samt|i|af|til|for|med|på|at|der|som|den|det|de|en|et|om|fra|ved|"
    r"under|efter|over|mod|hvor|når|men|jf\.|bl\.a\.|ca\.|kr\.|nr\.|pkt\.|mv\.|evt\.|inkl\.|f\.eks\.))$",
    re.IGNORECASE,
)
# Lines that open an item whatever the font: "Punkt 2: …", "Pkt. 42 …", "Sag nr. 130".
_ITEM_LABEL = re.compile(
    r"^(?:(?:Punkt|PUNKT|Pkt\.?|Sag|SAG)(?:\s*nr\.?)?|Dagsordenspunkt|Nr\.)\s*\d{1,4}\b(?![/-]\d)"
)
# A field of the cover or the case, label first: "Afbud: …", "Mødested: …", "Sagsnr.: …".
_FIELD_LABEL = re.compile(r"^[A-ZÆØÅ][\wæøå.]*(?:[ /-][\wæøå.]+){0,3}:(?:\s|$)")
_MAX_HEADING = 300
_MAX_PLAIN_HEADING = 150
_LARGER = 1.15  # a line this much above the body size is set as a heading


def _same_row(row: list[Line], line: Line) -> bool:
    top, bottom = min(p.y0 for p in row), max(p.y1 for p in row)
    overlap = min(bottom, line.y1) - max(top, line.y0)
    if overlap < 0.5 * min(bottom - top, line.height):
        return False
    return all(line.x0 >= p.x1 - 1 or line.x1 <= p.x0 + 1 for p in row)


def _merge_row(pieces: list[Line]) -> Line:
    pieces.sort(key=lambda p: p.x0)
    text = pieces[0].text
    for left, right in zip(pieces, pieces[1:], strict=False):
        gap = right.x0 - left.x1
        size = max(left.size, right.size)
        separator = "" if gap < 0.1 * size else "\t" if gap > 2 * size else " "
        text += separator + right.text
    main = max(pieces, key=lambda p: len(p.text))
    return Line(
        text,
        pieces[0].x0,
        min(p.y0 for p in pieces),
        max(p.x1 for p in pieces),
        max(p.y1 for p in pieces),
        main.size,
        main.bold,
        pieces[0].block,
    )


def _rows(lines: Sequence[Line]) -> list[Line]:
    groups: list[list[Line]] = []
    for line in sorted(lines, key=lambda ln: (ln.y0, ln.x0)):
        if groups and _same_row(groups[-1], line):
            groups[-1].append(line)
        else:
            groups.append([line])
    # Two long pieces side by side on many rows: columns, read in content-stream order.
    side_by_side = sum(
        1
        for g in groups
        if len(g) > 1 and sum(1 for p in g if p.x1 - p.x0 > 150 and len(p.text) > 25) > 1
    )
    if side_by_side >= 3 and side_by_side >= 0.25 * len(groups):
        return list(lines)
    return [_merge_row(g) if len(g) > 1 else g[0] for g in groups]


def _first_word_width(line: Line) -> float:
    word = line.text.split(" ", 1)[0].split("\t", 1)[0]
    return (line.x1 - line.x0) * len(word) / max(1, len(line.text))


def _alone(text: str) -> bool:
    """A line that is a block of its own in any font: a section name or a case number."""
    text = text.strip()
    if len(text) > 60:
        return False
    if text[:1].isupper() and not text.endswith(".") and section_kind(text) is not None:
        return True
    found = find_case_numbers(text)
    return bool(found) and len(text) - sum(len(c.raw) for c in found) < 12


def _breaks(a: Line, b: Line, profile: Profile, right_edge: float) -> bool:
    """Whether row `b` starts a new block after row `a`."""
    if abs(a.size - b.size) > 0.6 or a.bold != b.bold:
        return True
    gap = b.y0 - a.y1
    # Leading grows with the size: a heading set larger keeps its lines further apart.
    scale = max(1.0, a.size / profile.body_size) if profile.body_size else 1.0
    allowance = 0.3 * a.size if scale < _LARGER else 0.4 * a.size
    if gap > profile.line_gap * scale + max(1.5, allowance) or gap < -0.5 * a.height:
        return True
    first = a.text.rstrip()
    if TOC_LINE.search(first) or _LIST_START.match(b.text) or _ITEM_LABEL.match(b.text):
        return True
    if _FIELD_LABEL.match(b.text) and not _GOES_ON.search(first):
        return True
    if _SENTENCE_END.search(first) and _NUMBERED_TITLE.match(b.text):
        return True  # "… af trafikken." / "§ 3 Eventuelt": the next item after a full line
    # Plain PDFs set everything in one font: structure shows in the words alone.
    if _alone(first) or _alone(b.text):
        return True
    if TOC_LINE.search(b.text):
        return False  # a contents entry wrapped onto a second line
    if _GOES_ON.search(first) or first.endswith("-") or b.text[:1].islower():
        return False
    ended_early = a.x1 + 0.3 * a.size + _first_word_width(b) < right_edge
    return ended_early or (a.block != b.block and bool(_SENTENCE_END.search(first)))


# A numbered title's line in any font: "3. Title", "§ 3 Title", "Ad 3) Title", "Punkt 3: Title".
_NUMBERED_TITLE = re.compile(r"^(?:(?:§|Ad)\s*)?\d{1,3}[.):]?\s+[A-ZÆØÅ\"“]")


def _title_ends(block: list[Line], b: Line, widest: float) -> bool:
    """Whether a block that is a numbered title's line ends before `b`, a capitalised line.

    Set in one font and as wide as the text, a title runs into the decision under it
    ("§ 1 Godkendelse af dagsorden" / "Dagsordenen blev godkendt."). The line after
    starts a block marked tight, so a title that did wrap onto it is joined again where
    the items are found (`ingest.item_starts`)."""
    if len(block) != 1 or not b.text[:1].isupper():
        return False
    first = block[0].text.rstrip()
    if _GOES_ON.search(first) or first.endswith("-"):
        return False
    if block[0].x1 > _WRAPPED * widest:
        return False  # the line ran to the margin: the title wrapped
    return bool(_ITEM_LABEL.match(first) or _NUMBERED_TITLE.match(first))


_WRAPPED = 0.85


def _block(rows: list[Line], page: int, profile: Profile, tight: bool = False) -> Block:
    text = join_lines(row.text for row in rows)
    level = profile.heading_level(style_of(rows[0]))
    if level and not TOC_LINE.search(text):
        size, bold = style_of(rows[0])
        if bold and size >= profile.body_size * 1.15:
            is_heading = len(text) <= _MAX_HEADING
        else:  # larger but not bold, or bold at body size: short, and not a sentence
            is_heading = len(text) <= _MAX_PLAIN_HEADING and not text.endswith((".", ",", ";"))
        if is_heading:
            return Block(text, page, BlockKind.HEADING, level)
    return Block(text, page, tight=tight)


def page_blocks(lines: Sequence[Line], page: int, profile: Profile) -> list[tuple[float, Block]]:
    """Blocks of one page with their top y, tables left out (the caller places them)."""
    rows = _rows(lines)
    if not rows:
        return []
    widest = max(row.x1 for row in rows)
    right_edge = profile.right_edge or widest
    blocks: list[tuple[float, Block]] = []
    current = [rows[0]]
    tight = False
    for row in rows[1:]:
        broken = _breaks(current[-1], row, profile, right_edge)
        title_ends = not broken and _title_ends(current, row, widest)
        if broken or title_ends:
            blocks.append((current[0].y0, _block(current, page, profile, tight)))
            current = []
            tight = title_ends
        current.append(row)
    blocks.append((current[0].y0, _block(current, page, profile, tight)))
    return blocks
