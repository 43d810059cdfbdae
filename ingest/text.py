"""Read plain-text or markdown extractions of minutes into `Block`s.

Text has no pages unless it carries form feeds; each form feed starts a page.
Markdown headings (`#`, a whole line in `**bold**`) become heading blocks;
tab-separated lines become tables; lines broken inside a sentence are joined.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ingest.flattened import unflatten
from ingest.records import Block, BlockKind
from ingest.repeats import collapse_repeats
from ingest.sections import section_kind

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_WHOLE_BOLD = re.compile(r"^\s*(\*{1,3}|_{1,3})(?P<t>[^*_].*?)\1\s*$")
_INLINE_TAGS = re.compile(r"</?(?:b|i|u|strong|em|br|span)\b[^>]*>", re.IGNORECASE)
_EMPHASIS = re.compile(r"(\*{1,3}|_{2,3})(?=\S)(.+?)(?<=\S)\1")
_BULLET = re.compile(r"^\s*(?:[-*•·▪]|\d{1,2}[.)]|[a-h]\))\s+")
_SENTENCE_END = re.compile(r"[.!?:;)\]\"”»]$")
# A web page's or word processor's text carries Unicode spaces (NBSP above all), soft hyphens
# and zero-width marks, and indents lines as its layout pleased: none of it is meaning.
_UNICODE_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"  # spaces, joiners and the byte-order mark
SOFT_HYPHEN = "\u00ad"
_INVISIBLE = str.maketrans("", "", SOFT_HYPHEN + ZERO_WIDTH)
_INDENT = re.compile(r"^ +", re.MULTILINE)  # (a leading tab may be a table's empty cell)
# "12.<tab>Godkendelse af dagsorden": a tab after an item's number is a space, not a column.
_NUMBER_TAB = re.compile(
    r"^((?:(?:punkt|pkt\.?|sag(?:\s+nr\.?)?|nr\.)\s*)?\d{1,3}[.:)]?)\t+(?=[^\t\n]+$)",
    re.IGNORECASE | re.MULTILINE,
)


def normalise_whitespace(text: str) -> str:
    lines = _INDENT.sub("", _UNICODE_SPACES.sub(" ", text.translate(_INVISIBLE))).split("\n")
    # (not the rows under a table's header: "Prioritet<tab>Projekt" / "3<tab>Cykelsti langs Søvej")
    in_table = False
    for k, line in enumerate(lines):
        numbered = bool(_NUMBER_TAB.match(line))
        in_table = numbered and (in_table or (k > 0 and _is_table_line(lines[k - 1])))
        if numbered and not in_table:
            lines[k] = _NUMBER_TAB.sub(r"\1 ", line)
    return "\n".join(lines)


def clean_inline(text: str) -> str:
    text = _INLINE_TAGS.sub("", text)
    text = _EMPHASIS.sub(r"\2", text)
    return " ".join(text.split())


def _is_table_line(line: str) -> bool:
    return line.count("\t") >= 1 and len([c for c in line.split("\t") if c.strip()]) >= 2


def _heading(line: str) -> tuple[str, int] | None:
    m = _MD_HEADING.match(line)
    if m:
        return clean_inline(m.group(2)), len(m.group(1))
    m = _WHOLE_BOLD.match(line)
    if m and len(m.group("t")) < 160:
        return clean_inline(m.group("t")), 3
    return None


_NUMBERED_TITLE = re.compile(r"^\s*\d{1,3}\.\s+[A-ZÆØÅ]")


def _continues(previous: str, line: str) -> bool:
    """A line broken inside a sentence: previous has no end mark and this starts lower-case."""
    if not previous or _SENTENCE_END.search(previous) or _BULLET.match(line):
        return False
    if previous in ("-", "–"):
        return False  # a section answered with a lone dash ("Økonomi" / "-") ends there
    first = line.lstrip()[:1]
    return first.islower() or previous.endswith(("-", ","))


_MD_MARKS = re.compile(r"^(?:#{1,6}\s|\*\*\S)")


def undo_markdown(blocks: Iterable[Block]) -> Iterator[Block]:
    """Blocks of a markdown file typeset as it is (marks and all) read as markdown.

    Only when at least three blocks open with markdown marks ("# ", "**"): a
    heading mark makes a heading of that level, inline emphasis is dropped.
    """
    blocks = list(blocks)
    if sum(1 for b in blocks[:400] if _MD_MARKS.match(b.text)) < 3:
        yield from blocks
        return
    for block in blocks:
        if block.kind is BlockKind.TABLE:
            yield block
            continue
        heading = _heading(block.text)
        if heading and heading[0]:
            yield Block(heading[0], block.page, BlockKind.HEADING, level=heading[1])
        elif not heading:
            yield Block(clean_inline(block.text), block.page, tight=block.tight)


def read_text(text: str) -> Iterator[Block]:
    """Yield blocks from plain text or markdown."""
    text = unflatten(normalise_whitespace(text))
    markdown = bool(re.search(r"^#{1,6} ", text, re.MULTILINE))
    page = 1
    paragraph: list[str] = []
    paragraph_page = 1
    paragraph_tight = False  # it began on the line right under the paragraph before
    table: list[tuple[str, ...]] = []
    table_page = 1
    blank_run = 0

    def flush_paragraph() -> Iterator[Block]:
        if paragraph:
            joined = clean_inline(" ".join(paragraph))
            if joined:
                yield Block(joined, paragraph_page, tight=paragraph_tight)
            paragraph.clear()

    def flush_table() -> Iterator[Block]:
        if table:
            rows = tuple(table)
            yield Block(
                "\n".join(" | ".join(r) for r in rows), table_page, BlockKind.TABLE, rows=rows
            )
            table.clear()

    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        pages_here = raw.count("\f")
        if pages_here:
            yield from flush_paragraph()
            yield from flush_table()
            page += pages_here
            raw = raw.replace("\f", "")
        soft_break = markdown and raw.endswith("  ")
        line = collapse_repeats(raw).rstrip()
        painted_twice = line != raw.rstrip()
        if not line.strip():
            blank_run += 1
            if blank_run > 1:
                yield from flush_table()
            continue
        after_blank, blank_run = blank_run > 0, 0
        if _is_table_line(line):
            yield from flush_paragraph()
            if not table:
                table_page = page
            table.append(tuple(clean_inline(c) for c in line.split("\t")))
            continue
        yield from flush_table()
        heading = _heading(line) or ((clean_inline(line), 2) if painted_twice else None)
        if heading:
            yield from flush_paragraph()
            if heading[0]:
                yield Block(heading[0], page, BlockKind.HEADING, level=heading[1])
            continue
        # "Formanden indstiller," / "" / "Beslutning": a section's name after a blank line is
        # a heading, not the end of the sentence that a comma left open.
        # So is a numbered title ("Sebastian Holm (V)," / "" / "103. Godkendelse af dagsorden").
        heads = after_blank and (
            (line.strip()[:1].isupper() and section_kind(line) is not None)
            or bool(_NUMBERED_TITLE.match(line))
        )
        if paragraph and (
            paragraph[-1].endswith("  ") or (_continues(paragraph[-1].strip(), line) and not heads)
        ):
            paragraph.append(line.strip() + ("  " if soft_break else ""))
            continue
        tight = bool(paragraph) and not after_blank
        yield from flush_paragraph()
        paragraph_tight, paragraph_page = tight, page
        paragraph.append(line.strip() + ("  " if soft_break else ""))
    yield from flush_paragraph()
    yield from flush_table()
