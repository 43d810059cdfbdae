"""Where items begin in minutes that print no item numbers.

Several portals (Aabenraa, Hedensted, Ishøj, Svendborg, Viborg among them) drop the
number, and often the title, from the text of a meeting page. An item then begins at
its case-number line ("Sagsid.: 22/2694", "Sagsnr.: 00.00.00-P35-34-24"), or where the
run of sections starts over: an opening section (Beslutningstema, Resumé,
Sagsfremstilling, Indstilling …) or a second decision after the item's decision. A
short line right above that boundary that reads like a title is the item's title.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ingest.case_lines import is_case_line
from ingest.records import Block, BlockKind, SectionKind
from ingest.sections import (
    dated_decision,
    is_document_title,
    section_kind,
    without_titled_decisions,
)
from nlp.attendance import attendance_only
from nlp.case_numbers import find_case_numbers
from nlp.dates import find_dates

_OPENING = {
    SectionKind.RESUME,
    SectionKind.CASE,
    SectionKind.RECOMMENDATION,
    SectionKind.HISTORY,
    SectionKind.ECONOMY,
    SectionKind.DECISION,
}
_CASE_LABEL = re.compile(
    r"^\W*(?:Sagsid|Sags\s?id|Sagsnr|Sags\s+nr|Sagsnummer|Journalnr|J\.\s?nr|Sag)\b", re.I
)
_LABEL = re.compile(r"^[\wæøåÆØÅ .\-]{2,30}:")
# ("8000 Aarhus C", not "budget 2025 og …": the town's capital letter)
_ADDRESS = re.compile(
    r"\b\d{4}\s+(?-i:[A-ZÆØÅ])[a-zæøå]+|\b\w+(?:vej|gade|torv|allé|plads)\s+\d", re.I
)
_PERSON = re.compile(r"\([A-ZÆØÅ]{0,2}\)\s*$")
_SENTENCE_END = re.compile(r"[.:;,!?]$")
# A meeting header line whose label and value share the line: "Fraværende Ingen".
_HEADER_LABEL = re.compile(
    r"^(?:mødested|udvalg|mødedeltagere|deltagere|fraværende|afbud|bemærkninger|medlemmer|"
    r"mødedato|dato|tidspunkt|sted|lokale|til stede|indkaldte)\b",
    re.IGNORECASE,
)
# A meeting room under the meeting's date line ("Mødelokale 2 E", "Byrådssalen"); "Lokale …"
# is a header label already.
_VENUE = re.compile(r"^(?i:møde ?lokale|mødesal|byrådssal|kommunalbestyrelsessal|udvalgsværelse)")
_DATED_START = re.compile(
    r"^(?:\d|(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag|den|d\.)\b)", re.IGNORECASE
)
# "Ø Likviditet og resultater": a one-letter case type printed before the title.
_CASE_TYPE = re.compile(r"^[A-ZÆØÅ] (?=[A-ZÆØÅ][a-zæøå])")


def _plain_title(text: str) -> str:
    return _CASE_TYPE.sub("", " ".join(text.split()))


MARKER = re.compile(
    r"^(?:åben|åbent|åbent punkt|åben sag|lukket|lukket punkt|lukket sag|fortroligt?)$", re.I
)


def heading_kind(block: Block) -> SectionKind | None:
    """The section a block opens, for text with no styling: a short line that is a section name."""
    if block.kind is BlockKind.TABLE or len(block.text) >= 160:
        return None
    kind = section_kind(block.text)
    if kind is None:
        return None
    if block.kind is BlockKind.HEADING or kind is SectionKind.PRIOR_DECISION:
        return kind
    return kind if len(block.text) < 100 and not block.text.rstrip().endswith(".") else None


# "Sagsnr.: 24/1234 Område: … Sagsbeh: …": a label with its colon may run on with others.
_COLON_CASE_LABEL = re.compile(r"^\W*(?:Sagsid|Sagsnr|Sagsnummer|Journalnr|J\.\s?nr)\.?:", re.I)
# "Sagsnr.: 14/ Område: …": a transcript that stripped the number's digits keeps the label.
_CUT_CASE_NUMBER = re.compile(_COLON_CASE_LABEL.pattern + r"\s*\d{1,4}/(?:\s|$)", re.I)


def is_case_label_line(block: Block) -> bool:
    text = block.text
    return (
        block.kind is not BlockKind.TABLE
        and (len(text) < 120 or (len(text) < 400 and bool(_COLON_CASE_LABEL.match(text))))
        and bool(_CASE_LABEL.match(text))
        and (bool(find_case_numbers(text[:120])) or bool(_CUT_CASE_NUMBER.match(text)))
    )


def is_title_like(block: Block) -> bool:
    """A short line that can be an item title: no sentence end, label, date, address or name."""
    text = block.text.strip()
    return (
        block.kind is not BlockKind.TABLE
        and 3 <= len(text) <= 200
        and (text[:1].isupper() or text[:1].isdigit() or text[:1] in '"“«')
        and not _SENTENCE_END.search(text)
        # ("Sagen behandles i": a label that the line under it completes)
        and not re.search(r"\s(?:i|af|til|for|med|om|på|fra|ved)$", text)
        and not MARKER.match(text)
        and not _HEADER_LABEL.match(text)
        and not _LABEL.match(text)
        and not _ADDRESS.search(text)
        and not _VENUE.match(text)
        and not _PERSON.search(text)
        and section_kind(text) is None
        and not is_document_title(text)
        # A date is a meeting line ("Tirsdag den 4. maj 2021") or a list entry ("16. december"),
        # unless it sits inside a longer title ("Referat fra mødet den 18. marts 2019").
        and not (
            find_dates(text, default_year=2000)
            and (len(text.split()) < 4 or _DATED_START.match(text))
        )
        and not find_case_numbers(text)
        and not _REPORTED.search(text)
        and not _CONTENTS.match(text)
        and not _MEETING_TIME.match(text)
        and not (_PAGE_TITLE.match(text) and find_dates(text))
        # ("Økonomiudvalg Referat Møde 8. april 2014 kl. 08:00": the meeting's line)
        and not (re.search(r"\bkl\.?\s*\d{1,2}[.:]\d{2}\b", text) and find_dates(text))
    )


# "Referat Aarhus Byråd 11-09-2019": the page's own title, a date in it (not "Referat fra …").
_PAGE_TITLE = re.compile(r"^(?:referat|dagsorden|beslutningsprotokol)\s+(?!fra\b|af\b|vedr)", re.I)

# "Indholdsfortegnelse Side …": a table of contents run into one line.
_CONTENTS = re.compile(
    r"^(?:indholdsfortegnelse|indhold|dagsordenspunkter|dagsordenpunkter|punkter)\b", re.I
)
# "Mødet sluttede kl. 11.15", "Mødet hævet kl. 21.30": when the meeting began or ended.
_MEETING_TIME = re.compile(
    r"^mødet\s+(?:sluttede|slutter|slut|hævet|hævedes|startede|begyndte|påbegyndt|afsluttet)\b",
    re.I,
)


# A sentence that reports what happened at the meeting is the item's last line, not the next
# item's title: "Britta Andersen deltog som stedfortræder for Brian Dalsgaard".
_REPORTED = re.compile(
    r"\b(?:deltog|blev|forlod|mødte|havde|godkendte|besluttede|tiltrådte|orienterede)\b"
)


def _is_content(block: Block, shorter: bool = False) -> bool:
    """Running text: the meeting's header is over once a paragraph like this comes."""
    return (
        block.kind is BlockKind.PARAGRAPH
        and len(block.text) > (40 if shorter else 150)
        and bool(re.search(r"[.!?)]$", block.text.strip()))
        and not _LABEL.match(block.text)
    )


def _meeting_decisions(blocks: Sequence[Block], kinds: list[SectionKind | None]) -> None:
    """Dated decision headings of the meeting itself (the date most of them carry) are decisions."""
    dated = {
        i: dated_decision(b.text)
        for i, b in enumerate(blocks)
        if kinds[i] is SectionKind.PRIOR_DECISION
    }
    dates = Counter(d.date for d in dated.values() if d is not None and d.date is not None)
    if not dates:
        return
    meeting_date = dates.most_common(1)[0][0]
    for i, d in dated.items():
        if d is not None and d.date in (meeting_date, None):
            kinds[i] = SectionKind.DECISION


def short_lines(blocks: Sequence[Block], longest: int) -> dict[str, list[int]]:
    """Each short line's text (spaces evened) -> where it stands: what a page or an item head
    prints again is found among them."""
    seen: dict[str, list[int]] = {}
    for k, b in enumerate(blocks):
        text = " ".join(b.text.split())
        if b.kind is not BlockKind.TABLE and len(text) <= longest:
            seen.setdefault(text, []).append(k)
    return seen


def _repeated_heads(blocks: Sequence[Block]) -> dict[int, int]:
    """Where each item opens with the meeting's lines printed again ("Mødedato: 11.12.2019, kl.
    17:30" / "Mødested: …" / the title): the first of those lines -> the title's index."""
    seen = short_lines(blocks, longest=99)
    repeated = {k for text, ks in seen.items() if len(ks) >= 2 and find_dates(text) for k in ks}
    again = {k for ks in seen.values() if len(ks) >= 2 for k in ks}
    heads = {}
    for k in sorted(repeated):
        if k - 1 in repeated:
            continue
        title = k + 1
        while title < len(blocks) and title in again and title - k <= 3:
            title += 1
        if title < len(blocks) and is_title_like(blocks[title]):
            heads[k] = title
    return heads


def _starts_under_heads(
    blocks: Sequence[Block], heads: dict[int, int]
) -> list[tuple[int, str, int, bool]]:
    starts = []
    for k, title in heads.items():
        marker = blocks[title + 1].text.strip() if title + 1 < len(blocks) else ""
        closed = bool(MARKER.match(marker)) and marker.lower().startswith(("lukket", "fortrol"))
        starts.append((k, _plain_title(blocks[title].text), title - k + 1, closed))
    return starts


def unnumbered_starts(blocks: Sequence[Block]) -> list[tuple[int, str, int, bool]]:
    """Item starts as (block index, title, blocks the title takes, marked closed) for minutes
    without numbers."""
    kinds = [heading_kind(b) for b in blocks]
    _meeting_decisions(blocks, kinds)
    kinds = without_titled_decisions([b.text for b in blocks], kinds)
    for i, block in enumerate(blocks):
        if kinds[i] is None:
            continue
        if is_document_title(block.text):
            kinds[i] = None
        else:
            break
    # (or a case number alone on its line: "P15 13/10931", a transcript's facet and journal)
    case_lines = [i for i, b in enumerate(blocks) if is_case_label_line(b) or is_case_line(b)]
    # "Godkendelse af dagsorden" / "Åben sag": a title over its open/closed marker, where a
    # transcript stripped the case numbers' digits.
    marked = [
        i
        for i in range(1, len(blocks))
        if MARKER.match(blocks[i].text.strip()) and is_title_like(blocks[i - 1])
    ]
    boundaries: list[int] = []
    heads = _repeated_heads(blocks)
    if len(case_lines) < 2 and len(heads) >= 2:
        return _starts_under_heads(blocks, heads)
    if len(case_lines) < 2 and len(marked) >= 2:
        boundaries = marked
        case_lines = []
    elif len(case_lines) >= 2:
        # Every item carries its case number: those lines alone delimit the items.
        first_heading = next((i for i, k in enumerate(kinds) if k is not None), case_lines[0])
        boundaries = sorted({min(first_heading, case_lines[0]), *case_lines})
    else:
        # A title line straight over a section heading, once the item before has text, starts
        # an item. Where the items are titled so, that is the only cue: a decision may then
        # come first (Beslutning, Sagens forløb, Bilag, Indstilling …).
        # (Not a short section body: "Lovgrundlag" / "Lov om kommunernes styrelse" / "Beslutning".)
        titled = [
            i
            for i in range(1, len(blocks))
            if kinds[i] is not None
            and kinds[i - 1] is None
            and is_title_like(blocks[i - 1])
            and (i < 2 or kinds[i - 2] in (None, SectionKind.ATTACHMENTS))
        ]
        # "Bilag" / "Likviditet pr. 28. februar" / "Beslutning": an attachment named as the
        # item is, not the next item's title.
        titled = [
            i
            for k, i in enumerate(titled)
            if k == 0
            or _plain_title(blocks[i - 1].text) != _plain_title(blocks[titled[k - 1] - 1].text)
        ]
        titled_items = len(titled) >= 2
        has_decision = has_section = decision_text = decision_first = False
        # The sections an item had before its decision; an item that opened with a Resumé
        # may print its case after the decision (Resumé, Indstilling, Beslutning,
        # Sagsfremstilling): there only a section it opened with starts the next item.
        head: set[SectionKind] = set()
        tail = False
        for i, kind in enumerate(kinds):
            if i in case_lines:
                if not boundaries or has_section:
                    boundaries.append(i)
                    has_decision = has_section = tail = False
                    head = set()
                continue
            if kind is None:
                # (Not an attendance note: "Beslutning" / "Afbud: ingen" / "Udvalgets beslutning
                # i mødet den …" is still one decision.)
                decision_text = decision_text or (
                    has_decision and not attendance_only(blocks[i].text)
                )
                continue
            if titled_items:
                restart = i in titled and has_section
            else:
                restart = has_decision and kind in _OPENING
                # A titled item that opens with its decision ("Fælles ansvar for …" /
                # "Beslutning" / "Resumé" / "Indstilling"): only the next decision starts the next.
                restart = restart and (kind is SectionKind.DECISION or not decision_first)
                titled_here = (
                    kinds[i - 1] is None
                    and is_title_like(blocks[i - 1])
                    and (i < 2 or kinds[i - 2] in (None, SectionKind.ATTACHMENTS))
                )
                if (
                    restart
                    and kind is not SectionKind.DECISION
                    and (tail or SectionKind.RESUME in head)
                    and kind not in head
                    and not titled_here
                ):
                    restart, tail = False, True
            # "Beslutning" straight over "Byrådets beslutning i mødet den …" is one decision.
            if kind is SectionKind.DECISION and has_decision and not decision_text:
                restart = False
            if not boundaries or restart:
                boundaries.append(i)
                has_decision = has_section = tail = False
                head = set()
            if not has_decision:
                head.add(kind)
            if not has_section:  # a titled item that opens with its decision
                decision_first = (
                    kind is SectionKind.DECISION
                    and i > 0
                    and kinds[i - 1] is None
                    and is_title_like(blocks[i - 1])
                )
            has_section = True
            if kind is SectionKind.DECISION:
                has_decision, decision_text = True, False
    if not boundaries:
        return []
    # Running text before the first section belongs to the first item, not to the header:
    # the first long paragraph after the header's last dated line.
    if boundaries[0] not in case_lines and boundaries[0] not in marked:
        header_end = max(
            (
                k
                for k in range(boundaries[0])
                if len(blocks[k].text) < 100 and find_dates(blocks[k].text)
            ),
            default=-1,
        )
        # (Or, after the header's dated line, a shorter one under a title: "Referat og godkendelse
        # af dagsordenen" / "Indre By Lokaludvalg skal drøfte …", a resumé printed unheaded.)
        first_content = next(
            (
                k
                for k in range(header_end + 1, boundaries[0])
                if _is_content(blocks[k])
                or (
                    header_end >= 0
                    and _is_content(blocks[k], shorter=True)
                    and is_title_like(blocks[k - 1])
                )
            ),
            None,
        )
        if first_content is not None:
            boundaries[0] = first_content
    starts = []
    floor = 0
    for n, index in enumerate(boundaries):
        title_at = None
        look = index - 1
        # Up to three title-like lines straight above; the first is the title (the rest sub-headings).
        while (
            look >= floor
            and index - look <= (3 if n == 0 else 1)
            and is_title_like(blocks[look])
            and (look == 0 or kinds[look - 1] is not SectionKind.DECISION)
            # ("Fraværende:" / "Ulla Brix": a label's value under it, not a title)
            and (look == 0 or not blocks[look - 1].text.rstrip().endswith(":"))
        ):
            title_at = look
            look -= 1
        first = title_at if title_at is not None else index
        # An "Åben"/"Lukket" marker line right above the item says whether it is closed.
        marker = next(
            (
                blocks[k].text
                for k in (first - 1, first, index)
                if k >= floor and MARKER.match(blocks[k].text.strip())
            ),
            "",
        )
        closed = marker.strip().lower().startswith(("lukket", "fortrol"))
        below = index + 1
        if title_at is not None:
            starts.append((title_at, _plain_title(blocks[title_at].text), 1, closed))
        elif index in case_lines and below < len(blocks) and is_title_like(blocks[below]):
            # "Sagsnr.: 05.00.00-A00-2-17" / "Orientering om …": a portal that prints the title
            # under the case line (it stays in the body, where the item drops it as a repeat).
            starts.append((index, _plain_title(blocks[below].text), 0, closed))
        else:
            starts.append((index, "", 0, closed))
        floor = index + 1
    return starts
