"""Split a stream of blocks into a meeting, its agenda items and their sections.

Works on any reader's blocks (PDF, text, HTML). Item headings are found by
their numbering forms ("Punkt 13: …", "Pkt. 42 …", "Nr. 178 - …", "13. …"
headings, a title followed by "Sag nr. 130"); a table of contents is
recognised as a run of headings with nothing between them and skipped.
Documents without items, or whose items carry no minutes sections, are
kept as kind OTHER, split at their headings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from ingest.chrome import is_chrome, strip_glued_chrome
from ingest.meeting import read_meeting
from ingest.records import (
    TOC_LINE,
    Block,
    BlockKind,
    Document,
    DocumentKind,
    Item,
    Meeting,
    Section,
    SectionKind,
    Table,
    slugify,
)
from ingest.sections import DatedDecision, dated_decision, is_secondary, section_kind
from ingest.unnumbered import unnumbered_starts
from nlp.case_numbers import find_case_numbers

_STRONG_ITEM = re.compile(
    r"^(?:Punkt|PUNKT|Pkt\.?|PKT\.?|Dagsordenspunkt|Dagsordenpunkt|Nr\.?|NR\.?)\s*"
    r"(?P<number>\d{1,4})\s*(?:[:.\-–]\s*|\s+(?=[A-ZÆØÅ\"“]))(?P<title>.*)$"
)
# The label alone on its line ("Punkt 13"), the title in the block under it.
_BARE_ITEM = re.compile(
    r"^(?:Punkt|PUNKT|Pkt\.?|PKT\.?|Dagsordenspunkt|Dagsordenpunkt|Nr\.?|NR\.?)\s*"
    r"(?P<number>\d{1,4})\s*[:.\-–]?$"
)
# "13. Title", "13) Title", "13   Title", "åbent 13 Title", "1Godkendelse af dagsorden" (glued).
_WEAK_ITEM = re.compile(
    r"^(?:(?P<marker>(?i:åbent|lukket))\s+(?:(?i:punkt)\s+)?)?(?P<number>\d{1,4})"
    r"(?P<sep>\s*[.):]\s*|\s+|(?=[A-ZÆØÅ][a-zæøå]))"
    # "1.  1. Godkendelse af dagsordenen": a list number before the printed one.
    r"(?:(?P=number)[.)]\s+)?(?P<title>[A-ZÆØÅ\"“«].{2,})$"
)
_LOWER_START = re.compile(r"^[a-zæøå]")
_LEADING_BULLET = re.compile(r"^[•·▪◦■*]\s*")
# A numbered member in a list of participants or votes: "3. Anne Hansen (A)".
_PERSON_LINE = re.compile(
    r"^[A-ZÆØÅ][\wæøå\-]+(?:\s+[A-ZÆØÅ][\wæøå\-.]*){1,3}"
    r"(?:,?\s*\((?:[A-ZÆØÅ]{1,2})?\)|,\s*[A-ZÆØÅ]{1,2})\.?$"
)
_BARE_NUMBER = re.compile(r"^(?P<number>\d{1,4})\.?$")
_SAG_NR_LINE = re.compile(r"^Sag\s*nr\.?\s*(?P<number>\d{1,4})\.?$", re.IGNORECASE)
_TOC_HEADING = re.compile(r"^(?:indholdsfortegnelse|indhold|dagsorden|oversigt)$", re.IGNORECASE)
_CLOSED = re.compile(r"^Lukket(?:\s*(?:punkt|sag))?\b", re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[-*•·▪]|\d{1,3}[.)]|[a-z][.)])\s+")
_MINUTES_KINDS = {
    SectionKind.DECISION,
    SectionKind.RECOMMENDATION,
    SectionKind.PRIOR_DECISION,
    SectionKind.RESUME,
    SectionKind.CASE,
}
_MAX_HEADING_CHARS = 300
UNNUMBERED_WARNING = "punkterne har intet trykt nummer: de er nummereret i den rækkefølge, de står"
_PAGE_FOOTER = re.compile(r"^(?:Side|Page)\s+\d+\s+(?:af|of)\s+\d+$", re.IGNORECASE)


@dataclass(frozen=True)
class _ItemStart:
    index: int
    number: int
    title: str
    consumed: int  # blocks taken by the heading itself (title continuation, "Sag nr." line)
    weak: bool = False  # numbered without a label ("13. Title"): an item only with a body
    closed: bool = False  # marked closed before its number ("Lukket 13 …")


def _is_toc_line(block: Block) -> bool:
    return bool(TOC_LINE.search(block.text)) or (
        block.kind is BlockKind.TABLE and all(TOC_LINE.search(" \t".join(r)) for r in block.rows)
    )


_DANGLING = re.compile(
    r"\b(?:om|af|i|og|for|til|med|på|fra|ved|samt|eller|at|en|et|den|det|de|vedr\.?|"
    r"vedrørende|angående)$|[,–\-]$",
    re.IGNORECASE,
)


_CASE_LABEL_ALONE = re.compile(
    r"^(?:Sagsnr|Sags\s?nr|Sagsnummer|Sagsid|Sags\s?id|J\.\s?nr|Journalnr)\.?\s*:?$", re.I
)


def _is_title(block: Block, title: str = "") -> bool:
    """Whether a block can be (part of) an item title: not a section, case number or new item."""
    return not (
        block.kind is BlockKind.TABLE
        or _CASE_LABEL_ALONE.match(block.text.strip())
        or " ".join(block.text.split()) == title
        or section_kind(block.text) is not None
        or _STRONG_ITEM.match(block.text)
        or _BARE_ITEM.match(block.text.strip())
        or _SAG_NR_LINE.match(block.text.strip())
        or _is_toc_line(block)
        or find_case_numbers(block.text)
        or len(title) + len(block.text) > _MAX_HEADING_CHARS
    )


def _goes_on_title(block: Block, nxt: Block, title: str) -> bool:
    """Whether `nxt` is the rest of an item title that `block` began."""
    if not _is_title(nxt, title):
        return False
    if block.kind is BlockKind.HEADING:
        if nxt.kind is not BlockKind.HEADING or nxt.level != block.level:
            return False
        if nxt.page == block.page:
            return True
        # Wrapped over a page break: only when the first part cannot end a title.
        return nxt.page == block.page + 1 and (
            nxt.text[:1].islower() or bool(_DANGLING.search(title))
        )
    # Unstyled text: a short line right under the heading line, with no blank line between.
    return (
        nxt.kind is BlockKind.PARAGRAPH
        and nxt.tight
        and nxt.page == block.page
        and len(nxt.text) <= 120
        and not nxt.text.rstrip().endswith((".", ":"))
    )


def _wrapped_title(blocks: Sequence[Block], i: int, title: str) -> tuple[str, int]:
    """The title with the blocks it wrapped onto, and how many blocks the heading takes."""
    consumed = 1
    while i + consumed < len(blocks) and _goes_on_title(
        blocks[i + consumed - 1], blocks[i + consumed], title
    ):
        title = f"{title} {blocks[i + consumed].text.strip()}"
        consumed += 1
    return " ".join(title.split()), consumed


def _weak_title_ok(block: Block, title: str, m: re.Match[str] | None = None) -> bool:
    """Whether a weakly numbered line reads as an item title, not a list entry in running text."""
    # "6200 Aabenraa" is a postcode: a number set off by a space alone has at most three digits.
    if m is not None and not m.group("sep").strip() and len(m.group("number")) > 3:
        return False
    if block.kind is BlockKind.HEADING:
        return True
    return not (
        len(title) > 200
        or title.rstrip().endswith((",", ";", ":"))
        or _PERSON_LINE.search(title)
        or _LOWER_START.match(title)
    )


_INTRODUCES_LIST = re.compile(r"(?:[:,]|\bat)\s*$")
_NUMBERED_LINE = re.compile(r"^\s*(\d{1,3})\s*[.)]\s")


def _weak_place_ok(blocks: Sequence[Block], i: int) -> bool:
    """Whether a weakly numbered line stands where an item heading can.

    Not inside a numbered list that opens a section ("Sagsfremstilling" / "1. …" / "2. …"):
    an item heading follows the previous item's text, never an empty section. A title
    that ends with a full stop counts only when a case number or section heading follows.
    """
    if blocks[i].kind is not BlockKind.HEADING:
        # "2. …" straight under "1. …": a list, not two items (they have text between them).
        # "Direktionen indstiller, at" / "1. …": the points of a sentence, not items.
        before = blocks[i - 1].text if i else ""
        if len(before.split()) >= 3 and _INTRODUCES_LIST.search(before):
            return False
        previous = _NUMBERED_LINE.match(blocks[i - 1].text) if i else None
        number = re.match(r"\s*(\d+)", blocks[i].text)
        listed = blocks[i - 1].text[previous.end() :].strip() if previous else ""
        if (
            previous
            and number
            and int(previous.group(1)) == int(number.group(1)) - 1
            and not _PERSON_LINE.match(listed)  # "Afbud: 1. Anne Holm, Ø" closes the item before
        ):
            return False
        k = i - 1
        while k >= 0 and _NUMBERED_LINE.match(blocks[k].text):
            k -= 1
        if (
            k >= 0
            and blocks[k].kind is not BlockKind.TABLE
            and section_kind(blocks[k].text) not in (None, SectionKind.OTHER)
        ):
            return False
        if blocks[i].text.rstrip().endswith("."):
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            return nxt is not None and (
                _is_case_line(nxt) or (nxt.kind is not BlockKind.TABLE and section_kind(nxt.text))
            )
    return True


def _item_start(blocks: Sequence[Block], i: int, allow_weak: bool) -> _ItemStart | None:
    block = blocks[i]
    if block.kind is BlockKind.TABLE or len(block.text) > _MAX_HEADING_CHARS or _is_toc_line(block):
        return None
    text = _LEADING_BULLET.sub("", strip_glued_chrome(" ".join(block.text.split())))
    m = _STRONG_ITEM.match(text)
    weak = False
    if m is None and allow_weak:
        m = _WEAK_ITEM.match(text)
        weak = m is not None
        if weak and not (_weak_title_ok(block, m.group("title"), m) and _weak_place_ok(blocks, i)):
            m = None
    if m is not None and weak and int(m.group("number")) == 0:
        m = None  # "00 Referat uden bilag": agenda numbers start at 1
    if m is not None:
        title, consumed = _wrapped_title(blocks, i, m.group("title").strip())
        closed = (m.groupdict().get("marker") or "").lower() == "lukket"
        return _ItemStart(i, int(m.group("number")), title, consumed, weak, closed)
    m = _BARE_ITEM.match(text) or (_BARE_NUMBER.match(text) if allow_weak else None)
    if m is not None and i + 1 < len(blocks) and _is_title(blocks[i + 1]):
        nxt = strip_glued_chrome(blocks[i + 1].text.strip())
        if _BARE_NUMBER.match(text) and not _weak_title_ok(blocks[i + 1], nxt):
            return None
        title, consumed = _wrapped_title(blocks, i + 1, nxt)
        return _ItemStart(
            i, int(m.group("number")), title, consumed + 1, bool(_BARE_NUMBER.match(text))
        )
    # "Title" followed by a "Sag nr. 130" line.
    if i + 1 < len(blocks) and (block.kind is BlockKind.HEADING or _weak_title_ok(block, text)):
        m = _SAG_NR_LINE.match(blocks[i + 1].text.strip())
        if m and _is_title(block):
            return _ItemStart(i, int(m.group("number")), text, 2)
    return None


def _find_item_starts(blocks: Sequence[Block], allow_weak: bool) -> list[_ItemStart]:
    starts = []
    i = 0
    while i < len(blocks):
        start = _item_start(blocks, i, allow_weak)
        if start:
            starts.append(start)
            i += start.consumed
        else:
            i += 1
    # A table of contents lists the item headings with nothing between them.
    runs: list[list[_ItemStart]] = []
    for start in starts:
        if (
            runs
            and runs[-1][-1].index + runs[-1][-1].consumed == start.index
            and runs[-1][-1].number < start.number
        ):
            runs[-1].append(start)
        else:
            runs.append([start])
    candidates = [start for run in runs if len(run) < 3 for start in run]
    # A weakly numbered paragraph is an item only when a section or case number follows it.
    while True:
        solid = _substantial(blocks, candidates)
        kept = [
            c
            for c, ok in zip(candidates, solid, strict=True)
            if ok or not c.weak or blocks[c.index].kind is BlockKind.HEADING
        ]
        if len(kept) == len(candidates):
            break
        candidates = kept
    return _main_sequence(candidates, _substantial(blocks, candidates))


def _substantial(blocks: Sequence[Block], starts: Sequence[_ItemStart]) -> list[int]:
    """How surely each start has a body of its own, before the next start.

    3: a case number or the title printed again right under it; 2: a section heading
    right under it; 1: a section heading further down; 0: none (a mention or a list entry).
    """
    marks = []
    for k, start in enumerate(starts):
        end = starts[k + 1].index if k + 1 < len(starts) else len(blocks)
        body = blocks[start.index + start.consumed : end]
        headed = [b.kind is not BlockKind.TABLE and section_kind(b.text) is not None for b in body]
        if any(find_case_numbers(b.text) for b in body[:4]) or bool(
            # Portals print the title again right under the numbered heading.
            body and " ".join(body[0].text.split()) == start.title
        ):
            marks.append(3)
        elif any(headed[:3]):
            marks.append(2)
        else:
            marks.append(int(any(headed)))
    return marks


def _main_sequence(starts: Sequence[_ItemStart], substantial: Sequence[int]) -> list[_ItemStart]:
    """The items: the longest run of starts whose numbers grow, the rest are mentions.

    Numbering only grows within one set of minutes, so a start that breaks it is a
    mention, or a contents entry that escaped as a heading. Among equally long
    sequences, the one with more starts that have a body of their own wins, then
    the later one (the contents come before the items).
    """
    n = len(starts)
    if n > 1000:  # far more than any agenda: keep the greedy rule
        kept: list[_ItemStart] = []
        for start in starts:
            if not kept or start.number > kept[-1].number:
                kept.append(start)
        return kept
    # best[k]: (length, substantial count, first index) of the best sequence ending at k.
    best: list[tuple[int, int, int]] = []
    previous: list[int] = []
    for k, start in enumerate(starts):
        score, link = (1, substantial[k], start.index), -1
        for j in range(k):
            if starts[j].number < start.number:
                length, solid, first = best[j]
                candidate = (length + 1, solid + substantial[k], first)
                if candidate > score:
                    score, link = candidate, j
        best.append(score)
        previous.append(link)
    if not best:
        return []
    k = max(range(n), key=lambda i: (best[i], i))
    chain = []
    while k >= 0:
        chain.append(starts[k])
        k = previous[k]
    return chain[::-1]


def _section_heading(block: Block, styled: bool) -> SectionKind | None:
    if block.kind is BlockKind.TABLE:
        return None
    kind = section_kind(block.text)
    if kind is None:
        return None
    if block.kind is BlockKind.HEADING or kind is SectionKind.PRIOR_DECISION:
        return kind
    # Without styled section headings, a short line that is exactly a section name counts.
    return (
        kind
        if not styled and len(block.text) < 80 and not block.text.rstrip().endswith(".")
        else None
    )


class _SectionBuilder:
    def __init__(self, heading: str, kind: SectionKind):
        self.heading = heading
        self.kind = kind
        self.parts: list[str] = []
        self.pages: list[int] = []
        self.tables: list[Table] = []
        self.breaks: list[tuple[int, int]] = []
        self._length = 0

    def add(self, block: Block) -> None:
        if self.parts and self.parts[-1] == block.text:
            return  # a paragraph painted twice in a row
        if not self.breaks or self.breaks[-1][1] != block.page:
            self.breaks.append((self._length, block.page))
        self._length += len(block.text) + 2  # the "\n\n" join
        self.parts.append(block.text)
        self.pages.append(block.page)
        if block.kind is BlockKind.TABLE:
            self.tables.append(Table(block.rows, block.page))

    def build(self) -> Section:
        return Section(
            heading=self.heading,
            kind=self.kind,
            text="\n\n".join(self.parts),
            pages=tuple(sorted(set(self.pages))),
            tables=tuple(self.tables),
            page_breaks=tuple(self.breaks),
        )


def _build_sections(blocks: Sequence[Block], styled: bool) -> list[Section]:
    sections: list[_SectionBuilder] = []
    for block in blocks:
        kind = _section_heading(block, styled)
        if kind is not None and sections and is_secondary(block.text):
            kind = None  # a sub-heading inside the open section: its text stays there
        if kind is not None:
            builder = _SectionBuilder(" ".join(block.text.split()).rstrip(":"), kind)
            builder.pages.append(block.page)
            sections.append(builder)
            continue
        if not sections:
            sections.append(_SectionBuilder("", SectionKind.OTHER))
        sections[-1].add(block)
    return [s.build() for s in sections if s.parts or s.kind is not SectionKind.OTHER]


def _attachments(sections: Iterable[Section]) -> tuple[str, ...]:
    names = []
    for section in sections:
        if section.kind is SectionKind.ATTACHMENTS:
            for line in section.text.split("\n"):
                line = _BULLET.sub("", line).strip()
                if line and not line.lower().startswith("ingen bilag"):
                    names.append(line)
    return tuple(names)


_IDENTIFIER = re.compile(r"^[A-ZÆØÅ]{0,4}\d[\w]*(?:[-/.]\w+)+$|^\d{3,}$")


def _case_numbers(head: Sequence[Block]) -> tuple[tuple[str, ...], int]:
    """Case numbers at the top of an item, and how many blocks are nothing but case-number lines."""
    numbers: list[str] = []
    consumed = 0
    # "Sagsnr." on a line of its own, the identifier on the next: "450-2018-4075".
    for k in range(len(head) - 1):
        label, value = head[k].text.strip(), head[k + 1].text.strip()
        if (
            _CASE_LABEL_ALONE.match(label)
            and _IDENTIFIER.match(value)
            and not find_case_numbers(value)
        ):
            return (value,), k + 2
    for k, block in enumerate(head):
        found = find_case_numbers(block.text)
        if not found:
            if numbers:
                break
            continue
        numbers.extend(c.normalized for c in found)
        rest = block.text
        for c in found:
            rest = rest.replace(c.raw, "")
        if len(_CASE_LABELS.sub("", rest)) < 3:
            consumed = k + 1
    return tuple(dict.fromkeys(numbers)), consumed


_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "‘": "'", "’": "'", "‚": "'"})


def plain_quotes(text: str) -> str:
    """Typographic quotes as plain ones: word processors curl them, the minutes' own text has both."""
    return text.translate(_QUOTES)


_CLOSED_MARK = re.compile(
    r"(?:^(?:Lukket|Fortroligt?)(?:\s*(?:punkt|sag|møde))?\b)"
    r"|(?:[\s\-–(:]+(?:Lukket|Fortroligt?)(?:\s+(?:punkt|sag))?\)?\s*$)",
    re.IGNORECASE,
)
# "Punktet er lukket af hensyn til …", "… og behandles derfor som lukket punkt."
_CLOSED_SENTENCE = re.compile(
    r"\b(?:punktet|sagen) (?:er|behandles|bliver behandlet) (?:\w+ ){0,2}(?:som )?(?:et )?lukket\b"
    r"|\bbehandles (?:\w+ )?som (?:et )?lukket punkt\b",
    re.IGNORECASE,
)
_CASE_LABELS = re.compile(
    r"[\W_]|Åbent|Lukket|Sagsnr|Sagsnummer|Sagsid|Sag|nr|Journalnr|J|"
    r"Sagsinitialer\s*:?\s*\w*|Sagsbehandler\s*:?\s*[\w ]*",
    re.I,
)


_PUBLISHED_DECISION = re.compile(
    r"^(?=.{0,300}$).*\b(?:vedtaget|vedtog|godkendt|godkendte|godkendes|tiltrådt|tiltrådte|"
    r"besluttet|besluttede|forkastet|udsat|taget til efterretning|bevilget|anbefales|anbefalet)\b",
    re.IGNORECASE | re.DOTALL,
)


# Headings that open the closed, or again the open, part of a meeting.
_CLOSED_PART = re.compile(
    r"^#*\s*(?:lukket møde|lukkede punkter|lukkede sager|lukket dagsorden|lukket del(?: af mødet)?|"
    r"den lukkede del(?: af mødet)?|fortrolige punkter|lukkede dagsordenspunkter)\s*:?$",
    re.IGNORECASE,
)
_OPEN_PART = re.compile(
    r"^#*\s*(?:åbent møde|åbne punkter|åbne sager|åben dagsorden|åben del(?: af mødet)?|"
    r"den åbne del(?: af mødet)?)\s*:?$",
    re.IGNORECASE,
)
# A closed marker on a line of its own at the top of an item's text.
_CLOSED_LINE = re.compile(
    r"^(?:lukket|lukket punkt|lukket sag|fortroligt?)\s*[.:]?$", re.IGNORECASE
)


def _part_heading(block: Block) -> bool:
    text = block.text.strip()
    return bool(_CLOSED_PART.match(text) or _OPEN_PART.match(text))


def _is_case_line(block: Block) -> bool:
    """A line that is nothing but a case number (and its label)."""
    if block.kind is BlockKind.TABLE or len(block.text) > 100:
        return False
    found = find_case_numbers(block.text)
    if not found:
        return False
    rest = block.text
    for c in found:
        rest = rest.replace(c.raw, "")
    return len(_CASE_LABELS.sub("", rest)) < 3


def _this_meetings(section: Section, meeting: Meeting | None) -> Section:
    """A dated decision heading of this meeting ("Beslutning i Byrådet den <mødedato>") is its decision."""
    if section.kind is not SectionKind.PRIOR_DECISION or meeting is None:
        return section
    dated = dated_decision(section.heading)
    if dated is None:
        return section
    same_body = slugify(dated.body) == slugify(meeting.committee)
    if dated.date == meeting.date or (dated.date is None and same_body):
        return replace(section, kind=SectionKind.DECISION)
    return section


def _build_item(
    start: _ItemStart,
    body: Sequence[Block],
    heading_page: int,
    styled: bool,
    meeting: Meeting | None = None,
) -> Item:
    case_numbers, consumed = _case_numbers(body[:4])
    if consumed:
        body = [b for k, b in enumerate(body) if k >= consumed or not _is_case_line(b)]
    title = plain_quotes(start.title)
    # Portals print the title twice: as the item heading and again over the text.
    if body and title and " ".join(body[0].text.split()) == title:
        body = body[1:]
    sections = [_this_meetings(s, meeting) for s in _build_sections(body, styled)]
    closed = (
        start.closed
        or bool(_CLOSED_MARK.search(title))
        or any(
            _CLOSED_LINE.match(b.text.strip()) for b in body[:3] if b.kind is not BlockKind.TABLE
        )
        or any(_CLOSED_SENTENCE.search(b.text) for b in body[:6] if b.kind is not BlockKind.TABLE)
        or any(
            _CLOSED_MARK.match(s.text) and s.kind is SectionKind.OTHER and len(s.text) < 60
            for s in sections
        )
    )
    if closed:
        # A closed item publishes only its number, title, case number and an explicit decision:
        # a "Beslutning" section, or a lone short sentence that states one ("Tilbagesendes …
        # har vedtaget indstillingen"). Any other text under it is never kept.
        decisions = [s for s in sections if s.kind is SectionKind.DECISION]
        lone = sections[0] if len(sections) == 1 and sections[0].kind is SectionKind.OTHER else None
        if (
            not decisions
            and lone
            and "\n" not in lone.text
            and _PUBLISHED_DECISION.search(lone.text)
        ):
            decisions = [replace(lone, heading="Beslutning", kind=SectionKind.DECISION)]
        sections = decisions
    pages = [heading_page] + [b.page for b in body]
    return Item(
        number=start.number,
        title=title or "(uden titel)",
        case_numbers=case_numbers,
        closed=closed,
        page_start=heading_page,
        page_end=max(pages),
        sections=tuple(sections),
        attachments=_attachments(sections),
    )


def _looks_like_heading(block: Block, nxt: Block | None) -> bool:
    if block.kind is BlockKind.HEADING:
        return True
    text = block.text.strip()
    return (
        block.kind is BlockKind.PARAGRAPH
        and 3 <= len(text) <= 90
        and text[:1].isupper()
        and not re.search(r"[.,;:!?)]$", text)
        and nxt is not None
        and nxt.kind is not BlockKind.HEADING
        and len(nxt.text) > len(text)
    )


def _other_sections(blocks: Sequence[Block]) -> list[Section]:
    sections: list[_SectionBuilder] = []
    styled = any(b.kind is BlockKind.HEADING for b in blocks)
    for k, block in enumerate(blocks):
        nxt = blocks[k + 1] if k + 1 < len(blocks) else None
        if block.kind is BlockKind.HEADING if styled else _looks_like_heading(block, nxt):
            if sections and not sections[-1].parts:
                sections[-1].heading += " – " + block.text.strip()
            else:
                sections.append(_SectionBuilder(block.text.strip(), SectionKind.OTHER))
                sections[-1].pages.append(block.page)
            continue
        if not sections:
            sections.append(_SectionBuilder("", SectionKind.OTHER))
        sections[-1].add(block)
    return [s.build() for s in sections if s.parts]


_GLUED_HEADING = re.compile(
    r"^(?P<head>[A-ZÆØÅ][a-zæøå]+(?: [a-zæøå]+){0,3})(?P<rest>[A-ZÆØÅ][a-zæøå].*)$"
)


def _unglued(block: Block) -> tuple[Block, ...]:
    """A section name glued to its text ("BeslutningGodkendt.") as the heading and the text."""
    if block.kind is not BlockKind.PARAGRAPH:
        return (block,)
    m = _GLUED_HEADING.match(block.text)
    if m is None or section_kind(m.group("head")) is None:
        return (block,)
    return (
        Block(m.group("head"), block.page, tight=block.tight),
        Block(m.group("rest"), block.page, tight=True),
    )


def _dated_decisions(blocks: Sequence[Block]) -> list[DatedDecision]:
    found = []
    for block in blocks:
        if block.kind is not BlockKind.TABLE and len(block.text) < 160:
            dated = dated_decision(block.text)
            if dated is not None:
                found.append(dated)
    return found


def _front_lines(blocks: Sequence[Block]) -> list[str]:
    return [
        line
        for b in blocks
        if not _is_toc_line(b)
        for line in ([" ".join(row) for row in b.rows] if b.kind is BlockKind.TABLE else [b.text])
    ]


def segment(
    blocks: Iterable[Block],
    *,
    source: str,
    sha256: str,
    page_count: int,
    title: str | None = None,
) -> Document:
    """Turn a reader's blocks into a typed document."""
    all_blocks = [
        part
        for b in blocks
        if b.text.strip() and not _PAGE_FOOTER.match(b.text.strip()) and not is_chrome(b.text)
        for part in _unglued(b)
    ]
    starts = _find_item_starts(all_blocks, allow_weak=False)
    if not starts:
        starts = _find_item_starts(all_blocks, allow_weak=True)
    numbered = bool(starts)
    if not starts:
        starts = [
            _ItemStart(index, n + 1, title, consumed, closed=closed)
            for n, (index, title, consumed, closed) in enumerate(unnumbered_starts(all_blocks))
        ]
    front_end = starts[0].index if starts else min(len(all_blocks), 40)
    front = _front_lines(all_blocks[:front_end])
    decisions = _dated_decisions(all_blocks)
    meeting: Meeting | None = read_meeting(front, (b.text for b in all_blocks), decisions)

    styled = any(b.kind is BlockKind.HEADING and section_kind(b.text) for b in all_blocks)
    items = []
    # A case-number line printed above the next item's heading (Faaborg-Midtfyn's layout)
    # belongs to that item, when that item has none of its own at its top.
    carried = (
        [all_blocks[front_end - 1]]
        if starts and front_end and _is_case_line(all_blocks[front_end - 1])
        else []
    )
    # "Lukket møde" / "Lukkede punkter" right before the first item closes the meeting's items.
    in_closed_part = bool(front_end) and bool(
        _CLOSED_PART.match(all_blocks[front_end - 1].text.strip())
    )
    for k, start in enumerate(starts):
        end = starts[k + 1].index if k + 1 < len(starts) else len(all_blocks)
        body = carried + [
            b
            for b in all_blocks[start.index + start.consumed : end]
            if not _TOC_HEADING.match(b.text)
        ]
        carried = []
        # A closed part of the meeting begins (or an open one again) after this item.
        parts = [
            k
            for k, b in enumerate(body)
            if _CLOSED_PART.match(b.text.strip()) or _OPEN_PART.match(b.text.strip())
        ]
        next_closed = in_closed_part
        if parts:
            next_closed = bool(_CLOSED_PART.match(body[parts[-1]].text.strip()))
            body = body[: parts[0]] + [b for b in body[parts[0] :] if not _part_heading(b)]
        if k + 1 < len(starts):
            nxt = starts[k + 1]
            next_head = all_blocks[nxt.index + nxt.consumed : nxt.index + nxt.consumed + 4]
            if not any(_is_case_line(b) for b in next_head):
                while len(body) > 1 and _is_case_line(body[-1]) and not _is_case_line(body[-2]):
                    carried.insert(0, body.pop())
        if in_closed_part:
            start = replace(start, closed=True)
        item = _build_item(start, body, all_blocks[start.index].page, styled, meeting)
        if not numbered:
            item = replace(item, number=k + 1)
        items.append(item)
        in_closed_part = next_closed

    decision_headings = sum(
        1
        for b in all_blocks
        if b.kind is not BlockKind.TABLE
        and section_kind(b.text) in (SectionKind.DECISION, SectionKind.PRIOR_DECISION)
        and len(b.text) < 160
    )
    with_minutes_sections = sum(
        1 for it in items if any(s.kind in _MINUTES_KINDS for s in it.sections) or it.closed
    )
    is_minutes = bool(items) and (
        with_minutes_sections >= max(1, len(items) // 2)
        or (meeting is not None and with_minutes_sections > 0)
    )
    # Without numbered items, only a decision makes a document minutes: a report has
    # "Indledning" and "Baggrund" sections too.
    if not numbered and not any(
        s.kind in (SectionKind.DECISION, SectionKind.PRIOR_DECISION)
        for it in items
        for s in it.sections
    ):
        is_minutes = False
    # Minutes whose items could not be told apart: the meeting and its text stay searchable.
    # A page that calls itself minutes ("Referat", "Beslutningsprotokol") of a meeting that
    # was read is minutes, even where the text stops before the first decision.
    minutes_without_items = not is_minutes and (
        decision_headings >= 2
        or (decision_headings >= 1 and (meeting is not None or _says_minutes(front)))
        or (meeting is not None and _says_minutes(front))
    )
    if meeting is not None and items:
        doc_title = f"Referat {meeting.committee} {meeting.date.isoformat()}"
    else:
        doc_title = title or (front[0] if front else (all_blocks[0].text if all_blocks else source))
    warnings = []
    if is_minutes or minutes_without_items:
        if meeting is None:
            warnings.append("mødets dato eller udvalg blev ikke fundet")
        if not numbered and items:
            warnings.append(UNNUMBERED_WARNING)
    if not is_minutes:
        if minutes_without_items:
            warnings.append(
                "referat, men dagsordenspunkterne kunne ikke skilles ad: teksten er gemt som afsnit"
            )
        return Document(
            source=source,
            sha256=sha256,
            kind=DocumentKind.MINUTES if minutes_without_items else DocumentKind.OTHER,
            page_count=page_count,
            title=" ".join(doc_title.split())[:200],
            meeting=meeting if minutes_without_items else None,
            sections=tuple(_other_sections(all_blocks)),
            warnings=tuple(warnings),
        )
    return Document(
        source=source,
        sha256=sha256,
        kind=DocumentKind.MINUTES,
        page_count=page_count,
        title=" ".join(doc_title.split())[:200],
        meeting=meeting,
        items=tuple(items),
        warnings=tuple(warnings),
    )


_MINUTES_TITLE = re.compile(
    r"^(?:(?:åbent|offentligt?)\s+)?(?:referat|beslutningsprotokol|protokol|dagsorden med vedtagelser)\b"
    r"|\b(?:referat|beslutningsprotokol)\b(?! fra (?:sidste|forrige))",
    re.I,
)


def _says_minutes(front: Sequence[str]) -> bool:
    return any(_MINUTES_TITLE.search(line) for line in front[:15])
