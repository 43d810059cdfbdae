"""Split a stream of blocks into a meeting, its agenda items and their sections.

Works on any reader's blocks (PDF, text, HTML), after portal chrome is dropped
(`ingest.chrome`). Items begin at numbered titles (`ingest.item_starts`), or, in
minutes that print no numbers, at case-number lines and where the sections start
over (`ingest.unnumbered`). The meeting is read from the front matter and the
dated decision headings (`ingest.meeting`); each item gets its case number
(`ingest.case_lines`), its sections (`ingest.sections`) and, if closed, only what
a closed item publishes (`ingest.closed`). A document that calls itself minutes
but whose items cannot be told apart stays minutes, kept as sections with a
warning; anything else without items is kind OTHER, split at its headings.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from ingest.case_lines import case_numbers, is_case_line
from ingest.chrome import is_chrome, strip_glued_chrome
from ingest.closed import (
    CLOSED_LINE,
    CLOSED_MARK,
    CLOSED_PART,
    CLOSED_SENTENCE,
    PUBLISHED_DECISION,
    part_heading,
)
from ingest.item_starts import (
    OUTCOME_OPENING,
    ItemStart,
    find_item_starts,
    is_informal_agenda,
    is_toc_line,
)
from ingest.meeting import GLUED_LABEL, absence_list_length, read_meeting, unspaced
from ingest.records import (
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
from ingest.sections import (
    BODY_WORDS,
    DatedDecision,
    dated_decision,
    is_secondary,
    section_kind,
    without_titled_decisions,
)
from ingest.transcripts import split_transcript
from ingest.unnumbered import is_case_label_line, short_lines, unnumbered_starts
from nlp.dates import find_dates

_CASE_PREFIX = re.compile(
    r"^(?:(?P<case>[A-ZÆØÅ]{1,4}\s+\d{1,5}/\d{2,4})\.|J\.\s?nr\.?\s*(?P<jnr>\d[\w./-]*))\s+(?=[A-ZÆØÅ\"“])"
)
# "Meddelelser(FOU 35/2008)", "… seminar 2024 (2024-0088123)": the number after the title, in
# brackets; "Godkendelse af dagsorden ( )": the brackets a portal prints for a number it does
# not have.
_CASE_SUFFIX = re.compile(
    r"\s*\((?P<case>[A-ZÆØÅ]{1,4}\s+\d{1,5}/\d{2,4}|(?:19|20)\d{2}-\d{5,8}|EMN-\d{4}-\d{4,8})?\s*\)$"
)

# "… 10/21001", "… 2010/21001": a journal number (year / serial, not a year range) at the end
_JOURNAL_SUFFIX = re.compile(r"\s+(?P<case>(?:\d{2}|(?:19|20)\d{2})/(?!(?:19|20)\d{2}$)\d{4,6})$")
_FACET_JOURNAL_SUFFIX = re.compile(
    r"\s+[A-ZÆØÅ]\d{2}\s+(?P<case>(?:\d{2}|(?:19|20)\d{2})/\d{2,6})$"
)
_TOC_HEADING = re.compile(r"^(?:indholdsfortegnelse|indhold|dagsorden|oversigt)$", re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[-*•·▪]|\d{1,3}[.)]|[a-z][.)])\s+")
_MINUTES_KINDS = {
    SectionKind.DECISION,
    SectionKind.RECOMMENDATION,
    SectionKind.PRIOR_DECISION,
    SectionKind.RESUME,
    SectionKind.CASE,
}
UNNUMBERED_WARNING = "punkterne har intet trykt nummer: de er nummereret i den rækkefølge, de står"
# ("Side 3" alone: a transcript's page marker)
_PAGE_FOOTER = re.compile(r"^(?:Side|Page)\s+\d+(?:\s+(?:af|of)\s+\d+)?$", re.IGNORECASE)


# "Handicaprådet Mødedato 09.11.2020 Side 4": a page's running line, kept in a text export.
_ENDS_WITH_PAGE = re.compile(
    r"\S.{2,100}\s(?:Side|Page)\s+\d{1,3}(?:\s+(?:af|of)\s+\d{1,3})?$", re.I
)


# "SKIVE KOMMUNE" / "ØKONOMIUDVALG, DEN 14. MAJ 2024" over every page of a transcript.
_MUNICIPALITY_LINE = re.compile(r"[A-ZÆØÅ][\wÆØÅæøå\- ]{1,30}\s(?:KOMMUNE|Kommune)")
_NUMBERED_TITLE = re.compile(r"\s*\d{1,3}\s*[.)]\s+\S")


def _page_heads(blocks: Sequence[Block]) -> set[int]:
    """Indices of a page's head repeated in a text that kept it (a transcript, a text export):
    short dated lines or the municipality's name that come back, right over an item's numbered
    title, the contents or another such line (the meeting is read with them: `segment`)."""
    heads = {
        text: ks
        for text, ks in short_lines(blocks, longest=80).items()
        if len(ks) >= 2
        and (_MUNICIPALITY_LINE.fullmatch(text) or find_dates(text))
        # (not "Beslutning i Økonomiudvalget den 10-06-2025: Godkendt." under every item)
        and not text.endswith(".")
        and not re.search(r":\s*\w", text)
        # (nor "Godkendt. 24. marts 2011": a decision a transcript ran into its page's foot)
        and not re.search(r"[a-zæøå]{3}\.\s", text)
    }
    repeated = {k for ks in heads.values() for k in ks}
    dropped: set[int] = set()
    for k in repeated:
        after = k + 1
        while after in repeated:
            after += 1
        nxt = blocks[after].text if after < len(blocks) else ""
        # (or the document's end: the head of a last page that holds nothing else)
        if _NUMBERED_TITLE.match(nxt) or _TOC_HEADING.match(nxt.strip()) or after == len(blocks):
            dropped.add(k)
    return dropped


def _running_page_lines(blocks: Sequence[Block]) -> set[str]:
    """Lines that end with a page number and come back, page numbers aside, on other pages."""
    seen: dict[str, list[str]] = {}
    for b in blocks:
        line = " ".join(b.text.split())
        if b.kind is not BlockKind.TABLE and _ENDS_WITH_PAGE.fullmatch(line):
            seen.setdefault(re.sub(r"\d+$", "#", line), []).append(line)
    return {line for lines in seen.values() if len(lines) >= 2 for line in lines}


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


# "Referent:" / "Carla Winther" / "04.03.2024" closing the record: who wrote it, not the last
# item's text.
_SIGNATURE = re.compile(
    r"(?:referent|ref\.|referatet\s+er\s+skrevet\s+af|referatfører)\s*:.{0,60}", re.I
)


# "Underskrifter" / "Protokollen oplæst og godkendt." / "Mødet hævet kl. 10.05" / the names.
_SIGNATURE_PAGE = re.compile(
    r"(?:underskrifter|underskrift(?:erne)?|protokollen\s+(?:blev\s+)?(?:op)?læst\s+og\s+godkendt|"
    r"mødet\s+(?:blev\s+)?hævet\s+kl)\b.{0,40}",
    re.I,
)


# (the opening line, how many blocks from the end it may stand, the most words a line after it)
_SIGNATURES = ((_SIGNATURE, 4, 6), (_SIGNATURE_PAGE, 12, 8))


def _without_signature(blocks: list[Block]) -> list[Block]:
    for opening, reach, words in _SIGNATURES:
        for k in range(max(0, len(blocks) - reach), len(blocks)):
            if opening.fullmatch(blocks[k].text.strip()) and all(
                len(b.text.split()) <= words for b in blocks[k + 1 :]
            ):
                return blocks[:k]
    return blocks


# "Beslutning: Godkendt.", "Referat: Godkendt": a decision heading with its text on one line.
_LABELLED_DECISION = re.compile(r"(?P<label>[^\W\d][^:\n]{2,38}):[ \t]+(?P<rest>\S.*)", re.DOTALL)


# "Beslutning Tilbagesendes Magistratsafdelingen … har vedtaget …": the heading run into its
# sentence with no colon (a portal's print view).
_RUN_IN_DECISION = re.compile(
    r"(?P<label>Beslutning)[ \t]+(?P<rest>(?!(?:i|fra|på|af|den|d\.)\b)[A-ZÆØÅ][a-zæøå]+\b.{30,})",
    re.DOTALL,
)

# Other section names portals run into their first sentence, with or without a colon
# ("Sagsfremstilling: Byrådet vedtog …", "Økonomi Sagen har ingen økonomiske konsekvenser.",
# "INDSTILLING Forvaltningen indstiller, at …"): names that never open a sentence, and an
# item's title only with a small word after them ("Indstilling af kandidater …"). (Not the
# labels of a case's route, "Sagsforløb: ØK/BY", "Beslutningskompetence: KB".)
_RUN_IN_NAMES = (
    "resumé|resume|sagsresumé|sagsresume|sammenfatning|sagens kerne|beslutningstema|"
    "indstilling|indstillinger|sagsfremstilling|sagsbeskrivelse|sagens indhold|"
    "lovgrundlag|retsgrundlag|økonomi|økonomiske konsekvenser|bevillingsmæssige konsekvenser|"
    "historik|tidligere beslutninger|baggrund|vurdering"
)
_RUN_IN_HEADING = re.compile(
    rf"(?:[•·▪◦*][ \t]*)?(?P<label>(?i:{_RUN_IN_NAMES}|beslutning|beslutninger))"
    r"(?::[ \t]+|[ \t]+(?=[A-ZÆØÅ]))(?P<rest>\S.*)",
    re.DOTALL,
)
# "Beslutning Godkendt.", "Beslutning Intet": a decision heading with its sentence or word,
# not with a body's name after it ("Beslutning Teknisk Udvalg" heads that body's decision).
# ("Beslutninger Byrådet den : Godkendt.", a transcript's heading that lost its date, too;
# but "Beslutning Byrådet godkendte indstillingen." is the decision.)
_BODY_NAME = re.compile(rf"(?:\S+\s+){{0,2}}?\S*{BODY_WORDS}\w*", re.IGNORECASE)
_AFTER_BODY = re.compile(r"\s*(?:[,:]|den\b|d\.|\d)")


# A decision's heading ("Beslutning i …", "Byrådets beslutning den …") or a body and a date
# ("Teknisk Udvalg, 03.03.2025"), with no label before it ("Referat Byrådet Mødedato: …").
_RUN_IN_DATED_OPENING = (
    r"(?:[•·▪◦*]\s*)?(?:(?i:beslutning|afgørelse)\b|[^:\n]*\b(?i:beslutning)\b"
    # ("Økonomi-, Erhvervs- og Planudvalget, den 17. juni 2025: Anbefalet.")
    r"|[A-ZÆØÅ][\w\- ]{2,60},\s*\d|[A-ZÆØÅ][\w\-, ]{2,60}?,?\s+den\s+\d)"
)
_RUN_IN_DATED = re.compile(rf"{_RUN_IN_DATED_OPENING}[^:\n]*$")
# (how such a line opens: only a paragraph that does is looked at for its dates)
_OPENS_RUN_IN_DATED = re.compile(_RUN_IN_DATED_OPENING)
_DECISION_WORD = re.compile(r"(?:[•·▪◦*]\s*)?[^:\n]*\b(?i:beslutning|afgørelse)\b")


def _dated_heading_run_in(text: str, meeting_date: dt.date | None = None) -> tuple[str, str] | None:
    """("Beslutning i Byrådet den 24-04-2024", "Godkendt.") from the two run into one line;
    also "Teknisk Udvalg, 03.03.2025 Anbefales." and, on the meeting's own date, a body's
    heading over any text ("Kommunalbestyrelsen, den 26. juni 2025: Borgmesteren orienterede …")."""
    if not _OPENS_RUN_IN_DATED.match(text):
        return None
    dates = find_dates(text[:200])
    if not dates:
        return None
    end = dates[0][2]
    head, rest = text[:end], text[end:].strip(" :")
    if not rest[:1].isupper() or not any(c.islower() for c in rest) or len(head) > 120:
        return None
    if re.match(r"Side\s+\d", rest):  # "Teknik- og Miljøudvalget, 12-03-2024  Side 3 af 5"
        return None
    if not _RUN_IN_DATED.match(head) or dated_decision(head, headed=True) is None:
        return None
    if _DECISION_WORD.match(head):
        return head, rest
    # "Teknisk Udvalg, 03.03.2025 Anbefales.": a body and a date alone head only an outcome
    # (not "Handicaprådet, 5. februar 2024: Rådet anbefaler forslaget.", a hearing's answer),
    # or any text on the meeting's own date ("Byrådet, 27.08.2024 Lone Dahl var fraværende.")
    if not OUTCOME_OPENING.match(rest) and dates[0][0] != meeting_date:
        return None
    if text[end:].lstrip().startswith(":"):
        head += ":"  # "Økonomiudvalget den 10-03-2025: Anbefales.": a body's dated heading
    return head, rest


def _decision_run_in(text: str) -> re.Match[str] | None:
    """ "Beslutning: Godkendt.", "Beslutning Godkendt", "Beslutning Tilbagesendes …": a decision
    heading and its text on one line (not "Beslutning Teknisk Udvalg", a body's heading, nor
    "BESLUTNING: Økonomiudvalget den 12-03-2024", a dated one)."""
    m = _LABELLED_DECISION.fullmatch(text) or _RUN_IN_DECISION.fullmatch(text)
    if m is None or section_kind(m["label"]) is not SectionKind.DECISION:
        m = _RUN_IN_HEADING.fullmatch(text)
        if m is None or section_kind(m["label"]) is not SectionKind.DECISION:
            return None
        rest = m["rest"].strip()
        named = _BODY_NAME.match(rest)
        body = named and (len(rest.split()) <= 5 or _AFTER_BODY.match(rest[named.end() :]))
        if body or not (rest.endswith((".", "!")) or len(rest.split()) <= 3):
            return None
    return m if dated_decision(text) is None else None


def _split_run_in_headings(blocks: Sequence[Block]) -> list[Block]:
    """Section headings run into their text ("Beslutning: Godkendt.") as a heading and its text."""
    split: list[Block] = []
    # (the first date of the document's head: the meeting's)
    meeting_date = next((d[0] for b in blocks[:15] for d in find_dates(b.text[:300])), None)
    for block in blocks:
        text = block.text.strip()
        if block.kind is not BlockKind.PARAGRAPH:
            split.append(block)
            continue
        if dated := _dated_heading_run_in(text, meeting_date):
            split.append(replace(block, text=dated[0], kind=BlockKind.HEADING, level=0))
            split.append(replace(block, text=dated[1], tight=True))
            continue
        m = _decision_run_in(text)
        if m is None:
            m = _RUN_IN_HEADING.fullmatch(text)
            m = m if m and section_kind(m["label"]) is not SectionKind.DECISION else None
        # (a run-in section's text has a word in it: not "Sagsforløb: ØK/BY", "BESLUTNING OK")
        if m and (m.re is not _RUN_IN_HEADING or any(c.islower() for c in m["rest"])):
            split.append(replace(block, text=m["label"], kind=BlockKind.HEADING, level=0))
            split.append(replace(block, text=m["rest"], tight=True))
        else:
            split.append(block)
    return split


# "Ad. 3 Kassereren gennemgik budgettet …": the record of the agenda's item 3, run in.
_AD_PARAGRAPH = re.compile(r"Ad\.?\s*(?P<number>\d{1,2})\s*[.:)]?\s+(?P<rest>\S.*)", re.DOTALL)
_LISTED = re.compile(r"(?P<number>\d{1,2})\s*[.)]\s+(?P<title>[A-ZÆØÅ\"“].{1,120})")


def _ad_paragraphs(blocks: Sequence[Block]) -> list[Block]:
    """A small council's referat: the agenda listed ("1. Velkommen", "2. Budget …"), then a
    paragraph "Ad. N …" for each item. Each paragraph becomes the listed item's heading and
    its text: three or more, numbered 1, 2, 3 …, right after the list (1, 2, 3 … too)."""
    ad = {
        i: m
        for i, b in enumerate(blocks)
        if b.kind is BlockKind.PARAGRAPH and (m := _AD_PARAGRAPH.fullmatch(b.text.strip()))
    }
    numbers = [int(m["number"]) for m in ad.values()]
    if len(ad) < 3 or numbers != list(range(1, len(numbers) + 1)):
        return list(blocks)
    first = min(ad)
    listed: dict[int, str] = {}
    k = first - 1
    while k >= 0 and first - k <= 3 and not _LISTED.fullmatch(" ".join(blocks[k].text.split())):
        if section_kind(blocks[k].text) not in (None, SectionKind.OTHER, SectionKind.DECISION):
            # "Indstilling" / "1. At …" / "Sagsfremstilling" / … / "Ad 1: Godkendt.": the
            # recommendation's points, not an agenda
            return list(blocks)
        k -= 1  # "Referat:" between the list and "Ad. 1"
    while k >= 0 and (m := _LISTED.fullmatch(" ".join(blocks[k].text.split()))):
        if listed and int(m["number"]) != min(listed) - 1:
            break
        listed[int(m["number"])] = m["title"]
        k -= 1
    if 1 not in listed or len(listed) < len(numbers):
        return list(blocks)
    out: list[Block] = []
    for i, block in enumerate(blocks):
        if (m := ad.get(i)) is None:
            out.append(block)
            continue
        number = int(m["number"])
        heading = f"{number}. {listed[number]}"
        out.append(replace(block, text=heading, kind=BlockKind.HEADING, level=0))
        out.append(replace(block, text=m["rest"], tight=True))
    return out


def _build_sections(blocks: Sequence[Block], styled: bool) -> list[Section]:
    sections: list[_SectionBuilder] = []
    kinds = without_titled_decisions(
        [block.text for block in blocks], [_section_heading(block, styled) for block in blocks]
    )
    for block, kind in zip(blocks, kinds, strict=True):
        # A sub-heading inside the open section: its text stays there. Not in a decision: a
        # portal that prints "Beslutning" before "Beskrivelse af sagen" opens the case there.
        if (
            kind is not None
            and sections
            and is_secondary(block.text)
            and sections[-1].kind is not SectionKind.DECISION
        ):
            kind = None
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


_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "‘": "'", "’": "'", "‚": "'"})


def plain_quotes(text: str) -> str:
    """Typographic quotes as plain ones: word processors curl them, the minutes' own text has both."""
    return text.translate(_QUOTES)


def _this_meetings(section: Section, meeting: Meeting | None) -> Section:
    """A dated decision heading of this meeting ("Beslutning i Byrådet den <mødedato>") is its decision."""
    if section.kind is not SectionKind.PRIOR_DECISION or meeting is None:
        return section
    dated = dated_decision(section.heading, headed=True)
    if dated is None:
        return section
    same_body = slugify(dated.body) == slugify(meeting.committee)
    if (dated.date is not None and dated.date == meeting.date) or (
        dated.date is None and same_body
    ):
        return replace(section, kind=SectionKind.DECISION)
    return section


def _build_item(
    start: ItemStart,
    body: Sequence[Block],
    heading_page: int,
    styled: bool,
    meeting: Meeting | None = None,
) -> Item:
    own_cases, consumed = case_numbers(body[:4])
    if consumed:
        body = [b for k, b in enumerate(body) if k >= consumed or not is_case_line(b)]
    title = plain_quotes(start.title)
    if (prefix := _CASE_PREFIX.match(title)) and not own_cases:
        # "BR 366/07. Medlemsforslag om …", "J.nr. 329 Forretningsorden …": the journal number
        # before the title.
        own_cases, title = (prefix["case"] or prefix["jnr"],), title[prefix.end() :]
    if (suffix := _CASE_SUFFIX.search(title)) and suffix.start() > 0:
        if suffix["case"] and not own_cases:
            own_cases = (suffix["case"],)
        title = title[: suffix.start()]
    elif (facet := _FACET_JOURNAL_SUFFIX.search(title)) and facet.start() > 0:
        # "2. Spørgetid A00 17/102": the KLE action facet and the journal number after the title
        own_cases, title = own_cases or (facet["case"],), title[: facet.start()]
    elif (journal := _JOURNAL_SUFFIX.search(title)) and journal.start() > 0 and not own_cases:
        # "1. Godkendelse af dagsorden 10/21001": the journal number printed after the title
        own_cases, title = (journal["case"],), title[: journal.start()]
    # Portals print the title twice: as the item heading and again over the text.
    if body and title and " ".join(body[0].text.split()) == title:
        body = body[1:]
    sections = _absences_of_prior_decisions(
        [_this_meetings(s, meeting) for s in _build_sections(body, styled)]
    )
    closed = (
        start.closed
        or bool(CLOSED_MARK.search(title))
        or any(CLOSED_LINE.match(b.text.strip()) for b in body[:3] if b.kind is not BlockKind.TABLE)
        or any(CLOSED_SENTENCE.search(b.text) for b in body[:6] if b.kind is not BlockKind.TABLE)
        or any(
            CLOSED_MARK.match(s.text) and s.kind is SectionKind.OTHER and len(s.text) < 60
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
            and PUBLISHED_DECISION.search(lone.text)
        ):
            decisions = [replace(lone, heading="Beslutning", kind=SectionKind.DECISION)]
        sections = decisions
    pages = [heading_page] + [b.page for b in body]
    return Item(
        number=start.number,
        title=title or "(uden titel)",
        case_numbers=own_cases,
        closed=closed,
        page_start=heading_page,
        page_end=max(pages),
        sections=tuple(sections),
        attachments=_attachments(sections),
    )


_ABSENCE_LABEL = re.compile(r"(?:fraværende|afbud|fravær|forfald)\b[^:]{0,30}:?", re.IGNORECASE)


def _absences_of_prior_decisions(sections: list[Section]) -> list[Section]:
    """A "Fraværende:" list right under another body's decision is that meeting's, part of the
    decision quoted (not this meeting's absence)."""
    out: list[Section] = []
    for section in sections:
        if (
            out
            and out[-1].kind is SectionKind.PRIOR_DECISION
            and section.kind is SectionKind.OTHER
            and _ABSENCE_LABEL.fullmatch(section.heading.strip())
        ):
            before = out[-1]
            text = f"{before.text}\n\n{section.heading.rstrip(':')}: {section.text}"
            out[-1] = replace(
                before, text=text, pages=tuple(dict.fromkeys(before.pages + section.pages))
            )
            continue
        out.append(section)
    return out


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


# "… deltog i mødet i stedet for Per Thomsen.13. Spørgetid": the next item's heading glued
# to the last sentence of the item before (no space after the full stop).
_GLUED_ITEM = re.compile(
    r"^(?P<before>.*[a-zæøå)]\.)(?P<item>\d{1,3}\.\s+[A-ZÆØÅ][^.!?]{2,100})$"
    # "Indholdsfortegnelse1. Fraværende": a contents heading the number runs into (any reader)
    r"|^(?P<word>[^\n]*[a-zæøå]{4})(?P<listed>\d{1,3}\.\s+[A-ZÆØÅ][^\n.!?]{2,100})$",
    re.DOTALL,
)


# "Beslutning fra Miljø- og Klimaudvalget" / "Dato: 7. februar 2017": a decision heading
# whose date stands on the label line under it.
_UNDATED_DECISION = re.compile(r"^Beslutning(?:er)?\s+(?:fra|i)\s+\S.{2,80}$", re.IGNORECASE)
_DATE_LABEL = re.compile(r"^(?:Dato|Mødedato)\s*:\s*(?P<date>.+)$", re.IGNORECASE)


def _dated_headings(blocks: list[Block]) -> list[Block]:
    """Each decision heading joined with the "Dato:" line under it, as one dated heading; a
    body and a date on a line of their own with the decision under it ("Økonomiudvalget den
    21. november 2024" / "Anbefales.") a heading, as if it ended in a colon."""
    # ("Sagsforløb:" / "Teknisk Udvalg den 4. december 2023", a timetable, a page head, a
    # hearing answer's line: no decision under them)
    headings = {
        k
        for k, b in enumerate(blocks[:-1])
        if _body_on_date_line(b) and _OPENS_DECISION.match(blocks[k + 1].text.strip())
    }
    out: list[Block] = []
    k = 0
    while k < len(blocks):
        block = blocks[k]
        nxt = blocks[k + 1] if k + 1 < len(blocks) else None
        if k in headings:
            block = replace(block, text=block.text.rstrip() + ":")
        label = _DATE_LABEL.match(nxt.text.strip()) if nxt is not None else None
        if (
            label
            and block.kind is not BlockKind.TABLE
            and _UNDATED_DECISION.match(block.text.strip())
            and not find_dates(block.text)
            and find_dates(label.group("date"))
        ):
            text = f"{block.text.strip()} den {label.group('date').strip()}"
            out.append(replace(block, text=text))
            k += 2
            continue
        out.append(block)
        k += 1
    return out


# The meeting's act, opening a paragraph: "Anbefales.", "Godkendt med …", "Et flertal (C, V, O)
# … godkendte …", "For forslaget stemte 8 (A, B, F, Ø).", "Indstillingen blev godkendt."
_OPENS_DECISION = re.compile(
    rf"{OUTCOME_OPENING.pattern}|^(?:Et\s+(?:flertal|mindretal)\b|For\s+(?:\w+\s+)?stemte\b"
    r"|(?:Indstillingen|Forslaget|Sagen)\s+(?:blev|er)\s+(?:\w+\s+)?(?:godkendt|vedtaget|"
    r"forkastet|tiltrådt|anbefalet|taget)\b)"
)


def _body_on_date_line(block: Block) -> bool:
    """ "Økonomiudvalget den 21. november 2024" on a line of its own, no colon after it."""
    return (
        block.kind is not BlockKind.TABLE
        and len(block.text) < 120
        and not block.text.rstrip().endswith(":")
        and section_kind(block.text) is None
        and dated_decision(block.text, headed=True) is not None
    )


_ITEM_MARK = re.compile(r"(?:åben|åbent|lukket)\s+(?:punkt|sag)\.?", re.IGNORECASE)
# A portal's item heading as a small table: "Punkt | Titel" / "41 | Indkaldelse af …".
_NUMBER_COLUMN = re.compile(r"(?:punkt|pkt\.?|nr\.?|sag\s*nr\.?)", re.I)
_TITLE_COLUMN = re.compile(r"(?:titel|overskrift|emne|sag|sagstitel)", re.I)


def _heading_table(block: Block) -> Block:
    rows = block.rows if block.kind is BlockKind.TABLE else ()
    if (
        len(rows) == 2
        and len(rows[0]) >= 2
        and len(rows[1]) == len(rows[0])
        and _NUMBER_COLUMN.fullmatch(rows[0][0].strip())
        and _TITLE_COLUMN.fullmatch(rows[0][1].strip())
        and re.fullmatch(r"\d{1,4}\.?", rows[1][0].strip())
        and rows[1][1].strip()
    ):
        number = rows[1][0].strip().rstrip(".")
        return Block(f"{number}. {rows[1][1].strip()}", block.page, kind=BlockKind.HEADING, level=2)
    return block


def _unglued(block: Block) -> tuple[Block, ...]:
    """A section name glued to its text ("BeslutningGodkendt.") as the heading and the text;
    an item heading glued to the sentence before it as a block of its own; a label glued to
    its value ("UdvalgÆldreråd") set apart by a colon."""
    if block.kind is BlockKind.HEADING and (bare := strip_glued_chrome(block.text)) != block.text:
        return (replace(block, text=bare),)  # "fold dette punkt ind Beslutning"
    if block.kind is not BlockKind.PARAGRAPH:
        return (block,)
    if len(block.text) <= 100 and (label := GLUED_LABEL.match(block.text)):
        return (replace(block, text=f"{label['key']}: {block.text[label.end() :]}"),)
    glued = _GLUED_ITEM.match(block.text)
    if glued is not None:
        return (
            Block(glued.group("before") or glued.group("word"), block.page, tight=block.tight),
            Block(glued.group("item") or glued.group("listed"), block.page),
        )
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
        if not is_toc_line(b) and not part_heading(b)  # "ÅBNE SAGER" ends a list of names
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
    blocks = list(blocks)
    running = _running_page_lines(blocks)
    all_blocks = [
        part
        for b in blocks
        if b.text.strip()
        and not _PAGE_FOOTER.match(b.text.strip())
        and not is_chrome(b.text)
        and " ".join(b.text.split()) not in running
        for part in _unglued(_heading_table(b))
    ]
    heads = _page_heads(all_blocks)
    head_lines = list(dict.fromkeys(all_blocks[k].text for k in sorted(heads)))
    all_blocks = [b for k, b in enumerate(all_blocks) if k not in heads]
    all_blocks = _without_signature(_dated_headings(all_blocks))
    # (Whether the document sets its section headings apart, before "Beslutning: Godkendt."
    # lines are split into a heading of their own.)
    styled = any(b.kind is BlockKind.HEADING and section_kind(b.text) for b in all_blocks)
    all_blocks = _ad_paragraphs(_split_run_in_headings(all_blocks))
    starts = find_item_starts(all_blocks, allow_weak=False)
    if not starts:
        starts = find_item_starts(all_blocks, allow_weak=True)
    transcript = False  # a run-together transcript cut at its listed titles
    if not starts and (split := split_transcript(all_blocks)) != all_blocks:
        all_blocks, transcript = split, True
        starts = find_item_starts(all_blocks, allow_weak=True)
    numbered = bool(starts)
    if not starts:
        starts = [
            ItemStart(index, n + 1, title, consumed, closed=closed)
            for n, (index, title, consumed, closed) in enumerate(unnumbered_starts(all_blocks))
        ]
    front_end = starts[0].index if starts else min(len(all_blocks), 40)
    front = _front_lines(all_blocks[:front_end])
    # An item without a number may seem to start at the cover's "Afbud:" list.
    listed = absence_list_length([b.text for b in all_blocks[front_end : front_end + 31]])
    front += _front_lines(all_blocks[front_end : front_end + listed])
    front += head_lines  # the page's head names the meeting too
    decisions = _dated_decisions(all_blocks)
    meeting: Meeting | None = read_meeting(front, (b.text for b in all_blocks), decisions)

    items = []
    # A case-number line printed above the next item's heading (Faaborg-Midtfyn's layout)
    # belongs to that item, when that item has none of its own at its top.
    carried = (
        [all_blocks[front_end - 1]]
        if starts and front_end and is_case_line(all_blocks[front_end - 1])
        else []
    )
    # "Lukket møde" / "Lukkede punkter" right before the first item closes the meeting's items.
    in_closed_part = bool(front_end) and bool(
        CLOSED_PART.match(all_blocks[front_end - 1].text.strip())
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
        parts = [k for k, b in enumerate(body) if part_heading(b)]
        next_closed = in_closed_part
        if parts:
            next_closed = bool(CLOSED_PART.match(body[parts[-1]].text.strip()))
            body = body[: parts[0]] + [b for b in body[parts[0] :] if not part_heading(b)]
        if k + 1 < len(starts):
            nxt = starts[k + 1]
            next_head = all_blocks[nxt.index + nxt.consumed : nxt.index + nxt.consumed + 4]
            if not any(is_case_line(b) for b in next_head):
                while len(body) > 1 and is_case_line(body[-1]) and not is_case_line(body[-2]):
                    carried.insert(0, body.pop())
            # "Lukket punkt" / "Åbent punkt" printed over the next item's heading: its mark
            while len(body) > 1 and _ITEM_MARK.fullmatch(body[-1].text.strip()):
                body.pop()
        if in_closed_part:
            start = replace(start, closed=True)
        item = _build_item(start, body, all_blocks[start.index].page, styled, meeting)
        if not numbered:
            item = replace(item, number=k + 1)
        items.append(item)
        in_closed_part = next_closed

    # (A transcript keeps no headings either: the text under each title is the record.)
    informal = numbered and (transcript or is_informal_agenda(all_blocks, starts))
    if informal and not any(s.heading for it in items for s in it.sections):
        # A plain numbered record: the text under each item is what the meeting did with it.
        items = [
            replace(it, sections=tuple(replace(s, kind=SectionKind.DECISION) for s in it.sections))
            for it in items
        ]
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
        or informal
        or (meeting is not None and with_minutes_sections > 0)
        # Numbered items of a page that calls itself minutes, their sections run into one line,
        # or a numbered title with its case number under it before the first decision.
        or (
            (any(not start.weak for start in starts) or any(it.case_numbers for it in items))
            and numbered
            and meeting is not None
            and _says_minutes(front)
        )
    )
    # Without numbered items, only a decision makes a document minutes: a report has
    # "Indledning" and "Baggrund" sections too. Or a case number under each item's title, in a
    # document that calls itself minutes of a meeting (the text may stop before the decision).
    if not numbered and not any(
        s.kind in (SectionKind.DECISION, SectionKind.PRIOR_DECISION)
        for it in items
        for s in it.sections
    ):
        is_minutes = (
            meeting is not None
            and _says_minutes(front)
            and all(
                is_case_label_line(all_blocks[s.index + s.consumed])
                for s in starts
                if s.index + s.consumed < len(all_blocks)
            )
            and any(s.title for s in starts)
        )
    # Minutes whose items could not be told apart: the meeting and its text stay searchable.
    # A page that calls itself minutes ("Referat", "Beslutningsprotokol") of a meeting that
    # was read is minutes, even where the text stops before the first decision.
    minutes_without_items = not is_minutes and (
        decision_headings >= 2
        or (decision_headings >= 1 and (meeting is not None or _says_minutes(front)))
        or (meeting is not None and _says_minutes(front))
    )
    # An agenda ("Dagsorden" over the meeting) with no decision written anywhere is not minutes,
    # whatever its case descriptions and labels: an advisory body's agenda names its
    # "Referent:" and "Afbud:" in advance, an agenda PDF prints empty "Beslutning" headings.
    # (A council's agenda prints the committees' recommendations: decisions of other bodies.)
    decided = any(
        s.kind is SectionKind.DECISION and s.text.strip() for it in items for s in it.sections
    )
    opening = [b.text for b in all_blocks[: min(front_end, 15)]]  # ("ÅBEN DAGSORDEN" too)
    # An agenda prints the meeting's own "Beslutning" heading under each item and leaves it empty
    # (the committees' earlier decisions above it may be filled in); minutes fill it.
    # (A page that calls itself minutes is, in its title, its first lines or its page heads;
    # a closed item's decision is not published.)
    called_minutes = (
        _says_minutes(opening)
        or _says_minutes(head_lines)
        or bool(title and _MINUTES_PAGE_TITLE.match(title))
    )
    own_decisions = [_decision_written(it.sections) for it in items if not it.closed]
    own_decisions = [written for written in own_decisions if written is not None]
    empty = own_decisions.count(False)
    if not called_minutes and empty >= 2 and empty > own_decisions.count(True):
        is_minutes = minutes_without_items = False
    # Cases described and recommended with no decision heading anywhere, in a document that
    # does not call itself minutes: an agenda ("Type: Dagsorden" in a portal's table).
    recommended = sum(
        any(s.kind is SectionKind.RECOMMENDATION for s in it.sections) for it in items
    )
    if (
        len(items) >= 2
        and not decision_headings
        and not informal
        and not any(it.closed for it in items)
        and not called_minutes
        and recommended * 2 >= len(items)
    ):
        is_minutes = False
    if (
        _says_agenda(opening)
        and not _says_minutes(opening)
        and not informal
        and not decided
        and (items or not decision_headings)
    ):
        is_minutes = minutes_without_items = False
    # A news page ("Forside › Nyheder › Politik" over "Byrådet har besluttet …") tells of
    # decisions in its own words: with no items of its own, it is not minutes.
    if not is_minutes and any(_NEWS_CRUMB.search(line) for line in opening):
        minutes_without_items = False
    # A list of documents ("Referat Økonomiudvalget 5. november …" / "Referat Byrådet …", a
    # document site's related documents) names several minutes and is none of them.
    titles = {unspaced(" ".join(t.split())) for t in opening if _MINUTES_TITLE.match(t.strip())}
    if not is_minutes and not decision_headings and len(titles) >= 3:
        minutes_without_items = False
    if meeting is not None and meeting.date is None:
        meeting = replace(meeting, undated_document=sha256[:16])
    if meeting is not None and items and is_minutes:
        doc_title = f"Referat {meeting.committee} {meeting.date.isoformat() if meeting.date else 'uden dato'}"
    else:
        doc_title = title or (front[0] if front else (all_blocks[0].text if all_blocks else source))
    warnings = []
    if is_minutes or minutes_without_items:
        if meeting is None:
            warnings.append("mødets dato eller udvalg blev ikke fundet")
        elif meeting.date is None:
            warnings.append("mødets dato blev ikke fundet")
        if (not numbered or any(s.renumbered for s in starts)) and items:
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


def _decision_written(sections: Sequence[Section]) -> bool | None:
    """Whether an item's own decision is written; None where it has no decision heading. (A
    decision heading over dated decisions, "Beslutning" / "Byrådet den 24-03-2025: Godkendt.",
    is written even where the date was not read as the meeting's.)"""
    kinds = [s.kind for s in sections]
    if SectionKind.DECISION not in kinds:
        return None
    first = kinds.index(SectionKind.DECISION)
    # ("Beslutning" / "Fraværende:" / "Anne Holm (V)" / "Godkendt.": a label under it)
    return any(
        s.text.strip()
        for s in sections[first:]
        if s.kind in (SectionKind.DECISION, SectionKind.PRIOR_DECISION, SectionKind.OTHER)
    )


_MINUTES_TITLE = re.compile(
    # ("Refer": "Referat" in a transcript that lost its "at" ligatures)
    r"^(?:(?:åbent|offentligt?)\s+)?(?:referat|refer|beslutningsprotokol|protokol|dagsorden med vedtagelser)\b"
    # ("Mødereferat", "Beslutningsreferat": the word ends a compound)
    r"|\b(?:\w*referat|refer|beslutningsprotokol)\b(?! fra (?:sidste|forrige))",
    re.I,
)


# A page's or a PDF's own title that opens with what it is: "Referat - Teknik- og Miljøudvalget"
_MINUTES_PAGE_TITLE = re.compile(r"\s*(?:referat|beslutningsprotokol)\b", re.IGNORECASE)
_AGENDA_TITLE = re.compile(
    r"^(?:(?:åben|åbent|offentlig|lukket)\s+)?(?:(?:tillægs)?dagsorden(?:\s*(?:til|for|[-–:])(?:\s.*)?)?|"
    # "ÅBEN DAGSORDEN Økonomiudvalg. Mødedato: …": the body's name after the word
    r"dagsorden\s+(?!godkend|blev\b|er\b)(?-i:[A-ZÆØÅ]).*|"
    # "Indkaldelse :" over the members summoned
    r"(?:møde)?indkaldelse(?:\s+til\s+(?:\w+)?møde\b.*|\s*:.*))$",
    re.I,
)


def _says_agenda(front: Sequence[str]) -> bool:
    return any(_AGENDA_TITLE.match(" ".join(line.split())) for line in front[:15])


_NEWS_CRUMB = re.compile(
    r"[›»>/|]\s*(?:Nyheder|Nyhed|Presse|Pressemeddelelser)\s*(?:[›»>/|]|$)", re.I
)


# "Dagsorden | Referat": a calendar's links to a meeting's papers
_PAPERS_MENU = re.compile(r"\W*dagsorden\W+referat\W*", re.I)


def _says_minutes(front: Sequence[str]) -> bool:
    return any(
        _MINUTES_TITLE.search(unspaced(line)) and not _PAPERS_MENU.fullmatch(line)
        for line in front[:15]
    )
