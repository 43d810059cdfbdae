"""Where agenda items begin: numbered titles in every common form.

"Punkt 13: …", "Pkt. 42 …", "Nr. 178 - …", "Dagsordenspunkt 3", "13. …", "13   …",
"åbent 13 …", "1Godkendelse" (glued), a number alone with the title on the next line,
and a title followed by "Sag nr. 130". A table of contents is a run of starts with
nothing between them and is skipped; a numbered line in running text (a list of
at-points, of members, of dates) is told apart by where it stands and whether a body
of its own follows it. Among the starts, the items are the longest run whose numbers
grow (`_main_sequence`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ingest.case_lines import CASE_LABEL_ALONE, is_case_line
from ingest.chrome import strip_glued_chrome
from ingest.closed import CLOSED_MARK
from ingest.records import TOC_LINE, Block, BlockKind, SectionKind
from ingest.sections import is_document_title, section_kind
from nlp.case_numbers import find_case_numbers
from nlp.dates import FULL_MONTH_NAMES

# "Punkt 13", "Pkt. 42", "Punkt nr. 45", "Sag 3", "Sag nr. 130", "Dagsordenspunkt 3", "Nr. 178"
_LABEL = (
    r"(?:(?:Sag|SAG|Punkt|PUNKT|Pkt\.?|PKT\.?)(?:\s*(?i:nr)\.?)?|Dagsordenspunkt|Dagsordenpunkt|"
    r"Nr\.?|NR\.?)"
)
_STRONG_ITEM = re.compile(
    rf"^{_LABEL}\s*"
    # ("Punkt 3 (Åben): Title": the open mark between the number and the title)
    r"(?P<number>\d{1,4})(?:\s*\((?i:åben|åbent)\))?\s*(?:[:.\-–)]\s*|\s+(?=[A-ZÆØÅ\"“]|\d{1,2}\.\s))"
    # (not a case number: "Sag 306-2010-395", "Sag 2019-12345")
    r"(?!\d+[-/]\d)(?!\d[\d./-]*\s*$)(?P<title>.*)$"
)

# The label alone on its line ("Punkt 13"), the title in the block under it.
_BARE_ITEM = re.compile(rf"^{_LABEL}\s*(?P<number>\d{{1,4}})\s*[:.\-–]?$")

# "13. Title", "13) Title", "13   Title", "åbent 13 Title", "1Godkendelse af dagsorden" (glued).
_WEAK_ITEM = re.compile(
    # ("§ 3 Title", "Ad 3) Title": a small council's or association's numbering)
    r"^(?:(?P<marker>(?i:åbent|lukket))\s+(?:(?i:punkt)\s+)?)?(?:(?:§|Ad)\s*)?(?P<number>\d{1,4})"
    # ("1 - Godkendelse af dagsorden": a dash after a number of one to three digits, not a year)
    r"(?P<sep>\s*[.):]\s*|(?<=^\d)\s+[-–]\s+|(?<=^\d\d)\s+[-–]\s+|(?<=^\d\d\d)\s+[-–]\s+|\s+"
    r"|(?=[A-ZÆØÅ][a-zæøå]))"
    # "1.  1. Godkendelse af dagsordenen": a list number before the printed one.
    r"(?:(?P=number)[.)]\s+)?"
    # "2. 1. behandling af budget 2018-2021": a title may open with a reading's ordinal.
    # … or a follow-up's ordinal: "8. 1. Budgetopfølgning 2017".
    # "1 (Åben) Godkendelse af dagsorden": the open/closed mark in brackets after the number.
    r"(?P<title>(?:[A-ZÆØÅ\"“«]|\((?i:åben|åbent|lukket)\)\s*[A-ZÆØÅ\"“]|[1-3]\.\s+(?:og\s+[1-3]\.\s+)?behandling\b|"
    r"[1-4]\.\s+(?i:budgetopfølgning|budgetrevision|økonomiopfølgning|kvartal|halvår)).{2,})$"
)

# "ØU-55/07-O Økonomisk orientering": the committee's code, its item number in the year's
# series, and a type letter (older council systems).
_CODED_ITEM = re.compile(
    r"^[A-ZÆØÅ]{1,4}-(?P<number>\d{1,4})/(?:\d{2}|\d{4})(?:-[A-ZÆØÅ])?(?P<sep>\s+)"
    r"(?P<title>[A-ZÆØÅ\"“].{2,})$"
)
_LOWER_START = re.compile(r"^[a-zæøå]")
# ("LUKKET PUNKT - Salg af arealer" is a title as printed, not a mark and "PUNKT - …")
_MARK_AFTER_NUMBER = re.compile(
    r"(?P<mark>Åbent|Lukket|ÅBENT|LUKKET)\s+(?!(?i:punkt|sag)\b)(?=[A-ZÆØÅ0-9\"“])"
    r"|\((?P<bracketed>(?i:åben|åbent|lukket))\)\s*"
    # "3. Åben sag: Title" (a closed one keeps its "Lukket sag: …" as printed)
    r"|(?P<labelled>(?i:åben|åbent))\s+(?i:sag|punkt)\s*:\s*(?=[A-ZÆØÅ0-9\"“])"
)

_LEADING_BULLET = re.compile(r"^[•·▪◦■*]\s*")

# A numbered member in a list of participants or votes: "3. Anne Hansen (A)".
_PERSON_LINE = re.compile(
    r"^[A-ZÆØÅ][\wæøå\-]+(?:\s+[A-ZÆØÅ][\wæøå\-.]*){1,3}"
    r"(?:,?\s*\((?:[A-ZÆØÅ]{1,2})?\)|,\s*[A-ZÆØÅ]{1,2})\.?$"
)

# (also "- 97": a portal's list entry holding the item's number, its title the heading under it)
_BARE_NUMBER = re.compile(r"^(?:[-–]\s+)?(?P<number>\d{1,4})\.?$")

# (also "Sag nr. 142 (ØU 161/2020)": the committee's own number after it)
_SAG_NR_LINE = re.compile(
    r"^Sag\s*nr\.?\s*(?P<number>\d{1,4})\.?(?:\s*\([^()]{1,40}\))?$", re.IGNORECASE
)

# "Økonomiudvalget den 9. september 2002 Side 2 af 8": a page's head, never an item's title.
_PAGE_HEAD = re.compile(r"\bSide\s+\d{1,3}\s*(?:af|/)\s*\d{1,3}\s*$")

MAX_HEADING_CHARS = 300


@dataclass(frozen=True)
class ItemStart:
    index: int
    number: int
    title: str
    consumed: int  # blocks taken by the heading itself (title continuation, "Sag nr." line)
    weak: bool = False  # numbered without a label ("13. Title"): an item only with a body
    closed: bool = False  # marked closed before its number ("Lukket 13 …")
    renumbered: bool = False  # every item printed as " 1." (a list export): numbered by order


def is_toc_line(block: Block) -> bool:
    return bool(TOC_LINE.search(block.text)) or (
        block.kind is BlockKind.TABLE and all(TOC_LINE.search(" \t".join(r)) for r in block.rows)
    )


_DANGLING = re.compile(
    r"\b(?:om|af|i|og|for|til|med|på|fra|ved|samt|eller|at|en|et|den|det|de|vedr\.?|"
    r"vedrørende|angående)$|[,–\-]$",
    re.IGNORECASE,
)


def is_title(block: Block, title: str = "") -> bool:
    """Whether a block can be (part of) an item title: not a section, case number or new item."""
    return not (
        block.kind is BlockKind.TABLE
        or CASE_LABEL_ALONE.match(block.text.strip())
        or " ".join(block.text.split()) == title
        or section_kind(block.text) is not None
        or _STRONG_ITEM.match(block.text)
        or _BARE_ITEM.match(block.text.strip())
        or _SAG_NR_LINE.match(block.text.strip())
        or is_toc_line(block)
        or find_case_numbers(block.text)
        or is_case_line(block)
        or len(title) + len(block.text) > MAX_HEADING_CHARS
    )


# An attachment's file or icon text under a title: "application/pdf icon udkast.pdf".
_FILE_NAME = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?)\b|\bapplication/\w+", re.IGNORECASE)
# "Mødekalender 2014 moedekalender_-_version_2.pdf": the attachment's name run onto the title.
_TRAILING_FILE_NAME = re.compile(r"\s+[\w\-.]+\.(?:pdf|docx?|xlsx?|pptx?)$", re.IGNORECASE)


# "Åbent punkt 1: …" / "Åbent punkt 2: …", "Ad 4. …" / "Ad 5. …": the words before the number
_LIST_LEAD = re.compile(r"^\W*((?:[^\W\d]+\.?\s+){0,3})(\d{1,4})\b")


def _next_in_list(line: str, nxt: str) -> bool:
    """Whether `nxt` is the entry after `line` in a numbered list: the same words before a
    number one higher."""
    a, b = _LIST_LEAD.match(line), _LIST_LEAD.match(nxt)
    return bool(a and b) and a[1].lower() == b[1].lower() and int(b[2]) == int(a[2]) + 1


def _goes_on_title(block: Block, nxt: Block, title: str) -> bool:
    """Whether `nxt` is the rest of an item title that `block` began."""
    if not is_title(nxt, title) or _next_in_list(block.text, nxt.text):
        return False
    if block.kind is BlockKind.HEADING:
        if nxt.kind is not BlockKind.HEADING or nxt.level != block.level:
            return False
        # "446. Godkendelse af dagsorden" / "447. Whistleblowerordning": a list of titles
        if _NEXT_NUMBERED.match(block.text.lstrip()) and _NEXT_NUMBERED.match(nxt.text.lstrip()):
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
        and not nxt.text.rstrip().endswith((".", ":", ","))  # ("Det foreslås,": a sentence)
        and not _FILE_NAME.search(nxt.text)
        # "1 Meddelelser" / "2 Budgetopfølgning": a list's next numbered line; "A. Sager til
        # afgørelse i byrådet": a part heading repeated under the title
        and not _NEXT_NUMBERED.match(nxt.text.lstrip())
        and not _ONE_WORD_LABEL.match(nxt.text.strip())  # "Beslutningskompetence: Byrådet"
        # "• 91": the next entry of a list (but "kommuneplantillæg nr." / "24")
        and not (_BULLET_OR_NUMBER.match(nxt.text.strip()) and not title.endswith("nr."))
        and not _OPEN_OR_CLOSED.match(nxt.text.strip())  # "Lukket punkt" under the title
        # "Indstillingen blev godkendt med" / "43 stemmer imod 5.": the decision, wrapped
        and not _DECIDED_SENTENCE.match(nxt.text.strip())
        and not OUTCOME_OPENING.match(nxt.text.strip())
    )


_BULLET_OR_NUMBER = re.compile(r"[•·▪◦*]\s|[•·▪◦*]?\s*\d{1,4}\.?$")
# (also " 7.  7. Salg af …": the list's number before the printed one)
_NEXT_NUMBERED = re.compile(r"(?:\d{1,3}[.)]\s+)?(?:\d{1,3}[.)]?|[A-ZÆØÅ][.)])\s+[A-ZÆØÅ]")


def _wrapped_title(blocks: Sequence[Block], i: int, title: str) -> tuple[str, int]:
    """The title with the blocks it wrapped onto, and how many blocks the heading takes."""
    consumed = 1
    while i + consumed < len(blocks) and _goes_on_title(
        blocks[i + consumed - 1], blocks[i + consumed], title
    ):
        title = f"{title} {blocks[i + consumed].text.strip()}"
        consumed += 1
    return " ".join(title.split()), consumed


def _weak_title_ok(
    block: Block, title: str, m: re.Match[str] | None = None, decided: bool = False
) -> bool:
    """Whether a weakly numbered line reads as an item title, not a list entry in running text.

    A long title counts when its outcome is written straight under it (`decided`)."""
    # "6200 Aabenraa" is a postcode: a number set off by a space alone has at most three digits.
    if m is not None and not m.group("sep").strip() and len(m.group("number")) > 3:
        return False
    if block.kind is BlockKind.HEADING:
        return True
    return not (
        len(title) > (MAX_HEADING_CHARS if decided else 200)
        or title.rstrip().endswith((",", ";", ":"))
        or _PERSON_LINE.search(title)
        or _LOWER_START.match(title)
        # "1. At trafiksikkerhedsplanen godkendes": an at-point (not "At være ung i Holbæk")
        or re.match(r"At\s[^\n]*\b[a-zæøå]{3,}es\b", title)
    )


_LABEL_VALUE = re.compile(r"[\wæøåÆØÅ ]{2,30}:\s")  # "Afbud: Eva Lund (O)"
_ONE_WORD_LABEL = re.compile(r"[A-ZÆØÅ][\wæøå-]{3,30}:\s")
_OPEN_OR_CLOSED = re.compile(r"^(?:Åben|Åbent|Lukket)(?:\s+(?:sag|punkt))?\.?$", re.IGNORECASE)
_INTRODUCES_LIST = re.compile(r"(?:[:,]|\bat)\s*$")

_PROPOSES = re.compile(r"\b(?:indstill|foresl|anbefal|beslut)\w*", re.IGNORECASE)
_NUMBERED_LINE = re.compile(r"^\s*(\d{1,3})\s*[.)]\s")
_AT_POINT = re.compile(r"^\s*[.)]?\s*at\b")

# A decision written straight under a numbered title, with no section heading (a plain
# record of what the meeting did): "Vedtaget i overensstemmelse med …", "Henvist til …".
OUTCOME_OPENING = re.compile(
    r"^(?:Vedtaget|Vedtoges|Godkendt|Godkendes|Godkendtes|Tiltrådt|Tiltrådtes|Henvist|Henvises|"
    r"Oversendt|Oversendes|Fremsendes|Forkastet|Forkastedes|Udsat|Udsættes|Anbefalet|Anbefales|"
    r"Bevilget|Bevilges|Taget til (?:efterretning|orientering)|Tages til (?:efterretning|orientering)|"
    r"Drøftet|Besluttet|Afvist|Afvises|Udgår|Trukket)\b"
)


# "Cirkulæreskrivelse, orienteringssager m.v.", "Evt.": a title that ends in an abbreviation.
_ABBREVIATION_END = re.compile(
    r"\b(?:m\.v|m\.m|mv|mm|o\.l|bl\.a|etc|evt|vedr|pkt|nr|stk)\.\s*$", re.I
)


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
        previous = _NUMBERED_LINE.match(blocks[i - 1].text) if i else None
        number = re.match(r"\s*(\d+)", blocks[i].text)
        # A list a sentence opens counts from 1: "103. Godkendelse af dagsorden" after a member
        # list that ends in a comma is the next item.
        # "7. Sundhedsprofil 2017" / "Sagsnummer: …": a list entry has no case number under it,
        # nor a section of its own ("3. Orientering om vejarbejder" / "Beslutning" after the
        # decision's points 1 and 2).
        headed = i + 1 < len(blocks) and (
            is_case_line(blocks[i + 1])
            or (
                blocks[i + 1].kind is not BlockKind.TABLE
                and section_kind(blocks[i + 1].text) not in (None, SectionKind.OTHER)
                and not blocks[i].text.rstrip().endswith(".")  # a sentence of a list, not a title
            )
        )
        # ("For åbne døre:" / "1. Godkendelse af dagsorden" / "Beslutning": the first item
        # under a part heading, not a recommendation's point)
        rest = blocks[i].text[number.end() :] if number else ""
        proposes = _PROPOSES.search(before) or re.match(r"\s*[.)]?\s*at\b", rest, re.IGNORECASE)
        if (
            len(before.split()) >= 3
            and _INTRODUCES_LIST.search(before)
            and (number is None or int(number.group(1)) <= 1)
            and not (headed and not proposes)
        ):
            return False
        listed = blocks[i - 1].text[previous.end() :].strip() if previous else ""
        if (
            previous
            and number
            and int(previous.group(1)) == int(number.group(1)) - 1
            and not _PERSON_LINE.match(listed)  # "Afbud: 1. Anne Holm, Ø" closes the item before
            and not headed
            # "64. Lukket punkt: Køb af plejeboliger" / "65. Lukket punkt: Personalesag": closed
            # items publish their heading alone, one under the other
            and not (
                CLOSED_MARK.search(listed)
                and CLOSED_MARK.search(blocks[i].text[number.end() :].lstrip(" .)"))
            )
            # "1. at Udvalget godkender …" / "2. Status på …": at-points end before a title.
            and not (
                _AT_POINT.match(listed) and not _AT_POINT.match(blocks[i].text[number.end() :])
            )
        ):
            return False
        k = i - 1
        while k >= 0 and _NUMBERED_LINE.match(blocks[k].text):
            k -= 1
        # "Beslutning" / "1. Godkendt" / "5. Meddelelser": a list that opens a section counts
        # its points from 1 in order; a number that does not go on from them is the next item.
        listed_numbers = [int(_NUMBERED_LINE.match(b.text)[1]) for b in blocks[k + 1 : i]]
        runs_on = number is not None and listed_numbers + [int(number.group(1))] == list(
            range(1, len(listed_numbers) + 2)
        )
        if (
            k >= 0
            and blocks[k].kind is not BlockKind.TABLE
            and section_kind(blocks[k].text) not in (None, SectionKind.OTHER)
            and not is_document_title(blocks[k].text)
            # ("Bilagsoversigt" ends a contents list: the document's, not a section's)
            and not _ATTACHMENTS_OVERVIEW.fullmatch(blocks[k].text.strip())
            and runs_on
            and not headed
        ):
            return False
        if blocks[i].text.rstrip().endswith(".") and not _ABBREVIATION_END.search(blocks[i].text):
            if _agenda_run(blocks, i):
                return True
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            # "Åben sag" / "Sagsid: 17/10466": an open/closed line may stand before the case line.
            marked = nxt is not None and _OPEN_OR_CLOSED.match(nxt.text.strip())
            return nxt is not None and (
                is_case_line(nxt)
                or (nxt.kind is not BlockKind.TABLE and section_kind(nxt.text))
                or bool(OUTCOME_OPENING.match(nxt.text))
                or bool(marked and i + 2 < len(blocks) and is_case_line(blocks[i + 2]))
            )
    return True


_ATTACHMENTS_OVERVIEW = re.compile(
    r"(?:samlet\s+)?bilags?(?:oversigt|liste|fortegnelse)\s*:?", re.IGNORECASE
)
_AGENDA_LABEL = re.compile(r"\s*(?:dagsorden|dagsordenspunkter|punkter)\s*:?\s*", re.IGNORECASE)


def _short_numbered_title(block: Block) -> re.Match[str] | None:
    m = _NUMBERED_LINE.match(block.text)
    title = block.text[m.end() :].strip() if m else ""
    if not m or not title or len(title.split()) > 10 or OUTCOME_OPENING.match(title):
        return None
    return m


def _agenda_run(blocks: Sequence[Block], i: int) -> bool:
    """ "Dagsorden:" / "1. Godkendelse af dagsorden." / its record / "2. Status siden sidst." …:
    short numbered titles ending in a full stop, counted on from 1 under an agenda label with
    each one's record between them (a small council's own prose minutes)."""
    m = _short_numbered_title(blocks[i])
    if m is None:
        return False
    want = int(m.group(1))
    k = i
    while k >= 0:
        if want == 1:
            return k > 0 and bool(_AGENDA_LABEL.fullmatch(blocks[k - 1].text))
        want -= 1
        k -= 1
        while k >= 0 and not ((p := _short_numbered_title(blocks[k])) and int(p.group(1)) == want):
            k -= 1
        after = _NUMBERED_LINE.match(blocks[k + 1].text) if 0 <= k < len(blocks) - 1 else None
        if after and int(after.group(1)) == want + 1:
            return False  # "1. …" straight above "2. …": a list, not items with their records
    return False


# A sentence that ends in what is done with the item: "… udsættes.", "… udgår.", "… behandles
# før punkt 2.".
_SAYS_WHAT_HAPPENS = re.compile(
    r"\s(?:udsættes|udsat|udskudt|udskydes|udgår|udgik|behandles(?:\s+\w+){0,4}|tages\s+af\s+dagsordenen|"
    r"taget\s+af\s+dagsordenen|trækkes|trukket|blev\s+\w+)\.$"
)


# A decision's sentence, not a title: it opens with an outcome or states one with its verb.
_DECISION_AS_TITLE = re.compile(
    # "Godkendt.", "Godkendt med 20 stemmer mod 5 (O)", "Anbefales over for Byrådet", "Ikke
    # godkendt" (not "Udsat sag: Takster …", "Henvist sag fra Økonomiudvalget: …")
    rf"(?:{OUTCOME_OPENING.pattern[1:]}|Ikke\s+(?:godkend|vedtag|tiltr|anbefal|bevilg)\w*)"
    r"(?:[.,]|\s+(?:med|idet|uden|over|for|af|til|i|som|og)\b|\s*$)"
    # "Sendes i høring i Ældrerådet." (a passive verb first, then where it goes)
    r"|[A-ZÆØÅ][a-zæøå]{2,}es\s+(?:i|til|på|videre|tilbage)\b"
    # "Udvalget godkendte indstillingen.", "Forslaget blev ikke godkendt." (not "Udmøntning af
    # de godkendte besparelser")
    r"|(?:[A-ZÆØÅ][\wæøå-]*(?:udvalget|rådet|bestyrelsen|ningen|gen|et|en))\s+(?:godkendte|"
    r"vedtog|tiltrådte|anbefalede|besluttede|forkastede|tager|tog)\b"
    # (not "Status på anlægsprojekter, der blev vedtaget i budget 2024": a relative clause)
    r"|[A-ZÆØÅ][^,.\n]*\bblev\s+(?:ikke\s+)?(?:godkendt|vedtaget|tiltrådt|anbefalet|forkastet)\b"
    # "Indstillingen godkendes."
    r"|[A-ZÆØÅ][\wæøå-]*(?:en|et|erne)\s+(?:godkendes|vedtages|tiltrædes|anbefales|forkastes|"
    r"udsættes)\b"
)


def _item_start(
    blocks: Sequence[Block],
    i: int,
    allow_weak: bool,
    relisted: dict[int, int],
    colon_headed: set[int],
) -> ItemStart | None:
    block = blocks[i]
    if block.kind is BlockKind.TABLE or is_toc_line(block):
        return None
    # (Measured without a file icon's text glued on: "424. Title application/pdf icon ….pdf".)
    text = _LEADING_BULLET.sub("", strip_glued_chrome(" ".join(block.text[:2000].split())))
    text = _TRAILING_FILE_NAME.sub("", text)
    if len(text) > MAX_HEADING_CHARS:
        return None
    if i in colon_headed and (m := _WEAK_ITEM.match(text)):
        title = m["title"].strip().removesuffix(":").rstrip()
        return ItemStart(i, int(m["number"]), title, 1, weak=False)
    if i in relisted and (m := _WEAK_ITEM.match(text)) and _weak_title_ok(block, m["title"], m):
        title, consumed = _wrapped_title(blocks, i, m["title"].strip())
        return ItemStart(i, relisted[i], title, consumed, weak=True, renumbered=True)
    m = _STRONG_ITEM.match(text)
    if m is not None and (
        _SAYS_WHAT_HAPPENS.search(m.group("title")) or _DECISION_AS_TITLE.match(m.group("title"))
    ):
        # "Punkt 359 Rengøringsløsning … udsættes.": a decision about an item; "Punkt 1:
        # Godkendt.", "Punkt 2: Udvalget godkendte indstillingen.": a decision's point
        return None
    weak = False
    if m is None and allow_weak:
        m = _WEAK_ITEM.match(text) or _CODED_ITEM.match(text)
        weak = m is not None
        decided = i + 1 < len(blocks) and bool(OUTCOME_OPENING.match(blocks[i + 1].text))
        if weak and not (
            _weak_title_ok(block, m.group("title"), m, decided) and _weak_place_ok(blocks, i)
        ):
            m = None
    if m is not None and weak and int(m.group("number")) == 0:
        m = None  # "00 Referat uden bilag": agenda numbers start at 1
    if (
        m is not None
        and weak
        and len(m.group("title")) < 40
        and OUTCOME_OPENING.match(m.group("title"))
    ):
        m = None  # "Ad 2: Anbefales.": a decision's point, not an item
    if m is not None:
        title = m.group("title").strip()
        marker = (m.groupdict().get("marker") or "").lower()
        # "1  Åbent   Lokalplan 360 …": the open/closed mark printed after the number
        if after := _MARK_AFTER_NUMBER.match(title):
            marker = (after["mark"] or after["bracketed"] or after["labelled"]).lower()
            title = title[after.end() :]
        title, consumed = _wrapped_title(blocks, i, title)
        return ItemStart(i, int(m.group("number")), title, consumed, weak, marker == "lukket")
    m = _BARE_ITEM.match(text) or (_BARE_NUMBER.match(text) if allow_weak else None)
    if m is not None and i + 1 < len(blocks) and is_title(blocks[i + 1]):
        nxt = strip_glued_chrome(blocks[i + 1].text.strip())
        if _BARE_NUMBER.match(text) and re.match(r"\d{1,4}\s*[.)]?\s+[A-ZÆØÅ]", nxt):
            # "2" / "17. Lokalplan …", "3" / "1 Budgetopfølgning": a page number over the
            # numbered title
            return None
        if _BARE_NUMBER.match(text) and not _weak_title_ok(blocks[i + 1], nxt):
            return None
        title, consumed = _wrapped_title(blocks, i + 1, nxt)
        return ItemStart(
            i, int(m.group("number")), title, consumed + 1, bool(_BARE_NUMBER.match(text))
        )
    # "Title" followed by a "Sag nr. 130" line (not "Afbud: X" / "Sag nr. 1" / "Title": the
    # label before its own title).
    if (
        i + 1 < len(blocks)
        and (block.kind is BlockKind.HEADING or _weak_title_ok(block, text))
        and not _PAGE_HEAD.search(text)
    ):
        m = _SAG_NR_LINE.match(blocks[i + 1].text.strip())
        after = blocks[i + 2] if i + 2 < len(blocks) else None
        titled_after = (
            after is not None
            and after.tight
            and is_title(after)
            and ":" not in after.text
            and not OUTCOME_OPENING.match(after.text)
        )
        # ("Lukket sag: Personalesag": a closed mark before the title, not a label's value)
        labelled = _LABEL_VALUE.match(text) and not CLOSED_MARK.match(text)
        if m and is_title(block) and not titled_after and not labelled:
            return ItemStart(i, int(m.group("number")), text, 2)
    return None


def _restarted_list(blocks: Sequence[Block]) -> dict[int, int]:
    """Items an ordered-list export printed all as " 1. Title": their place in order, by block.

    Three or more lines read "1. Title", none reads "2. Title", and each follows text of the
    item before (not a section heading or a sentence that opens a list of points).
    """
    ones = []
    for i, block in enumerate(blocks):
        if block.kind is BlockKind.TABLE or len(block.text) > MAX_HEADING_CHARS:
            continue
        m = _WEAK_ITEM.match(_LEADING_BULLET.sub("", " ".join(block.text.split())))
        if m is None or m["marker"] or not m["sep"].strip():
            continue
        if int(m["number"]) == 2:
            return {}
        before = blocks[i - 1] if i else None
        if (
            int(m["number"]) == 1
            and before is not None
            and before.kind is not BlockKind.TABLE
            and section_kind(before.text) is None
            and not _INTRODUCES_LIST.search(before.text)
        ):
            ones.append(i)
    return {i: n for n, i in enumerate(ones, start=1)} if len(ones) >= 3 else {}


def _colon_headings(blocks: Sequence[Block]) -> set[int]:
    """Items headed "3. Budget, status skole/SFO:" with the record under each (a board's own
    referat): three or more such lines numbered on in order, none followed by a numbered point,
    so the colons do not open lists."""
    found: list[tuple[int, int]] = []
    for i, block in enumerate(blocks[:-1]):
        if block.kind is BlockKind.TABLE or len(block.text) > 120:
            continue
        m = _WEAK_ITEM.match(_LEADING_BULLET.sub("", " ".join(block.text.split())))
        if m is None or not m["title"].rstrip().endswith(":") or not m["sep"].strip():
            continue
        under = blocks[i + 1].text
        if _NUMBERED_LINE.match(under) or _AT_POINT.match(under) or section_kind(under):
            continue
        found.append((i, int(m["number"])))
    numbers = [n for _, n in found]
    if len(found) < 3 or numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        return set()
    return {i for i, _ in found} if numbers[0] <= 2 else set()


def _fill_numbering_gaps(blocks: Sequence[Block], starts: list[ItemStart]) -> list[ItemStart]:
    """Items 1 and 3 found, and between them a line "2. Statsforvaltningen." with text under
    it: the missing number is an item, though its title alone would not pass (a full stop
    after it, no section heading under it). Not a point of a list: the line before it is no
    numbered line and does not open a list."""
    filled: list[ItemStart] = []
    for k, start in enumerate(starts):
        filled.append(start)
        if k + 1 == len(starts):
            break
        end = starts[k + 1].index
        i = start.index + start.consumed
        while filled[-1].number + 1 < starts[k + 1].number and i < end - 1:
            block, before = blocks[i], blocks[i - 1]
            m = None
            if block.kind is not BlockKind.TABLE and len(block.text) <= MAX_HEADING_CHARS:
                m = _WEAK_ITEM.match(_LEADING_BULLET.sub("", " ".join(block.text.split())))
            if (
                m is not None
                and int(m["number"]) == filled[-1].number + 1
                and _weak_title_ok(block, m["title"], m)
                and not _NUMBERED_LINE.match(before.text)
                and not _INTRODUCES_LIST.search(before.text)
            ):
                title, consumed = _wrapped_title(blocks, i, m["title"].strip())
                if i + consumed < end:
                    filled.append(ItemStart(i, int(m["number"]), title, consumed, weak=True))
                    i += consumed
                    continue
            i += 1
    return filled


def _repeated_headings_joined(starts: list[ItemStart]) -> list[ItemStart]:
    """ "Pkt. 111 Meddelelser" / "Pkt. 111" / "Meddelelser": a portal's heading printed again
    right under it is one heading, the first."""
    joined: list[ItemStart] = []
    for start in starts:
        last = joined[-1] if joined else None
        if last and start.number == last.number and last.index + last.consumed == start.index:
            joined[-1] = replace(last, consumed=start.index + start.consumed - last.index)
            continue
        joined.append(start)
    return joined


def find_item_starts(blocks: Sequence[Block], allow_weak: bool) -> list[ItemStart]:
    starts = []
    relisted = _restarted_list(blocks) if allow_weak else {}
    colon_headed = _colon_headings(blocks) if allow_weak else set()
    i = 0
    while i < len(blocks):
        start = _item_start(blocks, i, allow_weak, relisted, colon_headed)
        if start:
            starts.append(start)
            i += start.consumed
        else:
            i += 1
    if allow_weak:
        starts = _fill_numbering_gaps(blocks, starts)
    starts = _repeated_headings_joined(starts)
    # A table of contents lists the item headings with nothing between them.
    runs: list[list[ItemStart]] = []
    for start in starts:
        if (
            runs
            and runs[-1][-1].index + runs[-1][-1].consumed == start.index
            and runs[-1][-1].number < start.number
        ):
            runs[-1].append(start)
        else:
            runs.append([start])

    # Not a table of contents: a run of items whose numbers never come again, such as
    # closed items that print only their heading ("Punkt 2 … (Lukket)").
    def listed_again(run: list[ItemStart]) -> bool:
        later = {s.number for s in starts if s.index > run[-1].index}
        return any(s.number in later for s in run)

    candidates = [start for run in runs if len(run) < 3 or not listed_again(run) for start in run]
    # (A plain record: titles set apart by a blank line, a sub-list's points run on under them.)
    apart = [int(not blocks[c.index].tight) for c in candidates]
    if is_informal_agenda(blocks, seq := _main_sequence(candidates, [0] * len(candidates), apart)):
        return seq
    # A weakly numbered paragraph is an item only when a section or case number follows it,
    # or the meeting's act on it ("2. Budgetopfølgning" / "Indstillingen blev vedtaget …").
    while True:
        solid = _substantial(blocks, candidates)
        kept = [
            c
            for c, ok in zip(candidates, solid, strict=True)
            if ok
            or not c.weak
            or blocks[c.index].kind is BlockKind.HEADING
            # "6. Lukket punkt": a closed item publishes its heading alone.
            or CLOSED_MARK.search(c.title)
            or c.closed
            or _closed_under(blocks, c)
            or _decided_under(blocks, c)
        ]
        if len(kept) == len(candidates):
            break
        candidates = kept
    return _main_sequence(candidates, _substantial(blocks, candidates))


# Items every agenda has ("Godkendelse af dagsorden", "Eventuelt"), and the attendance lines
# of a meeting's record ("Fremmødte:", "Afbud:").
_STANDING_ITEM = re.compile(
    r"^(?:godkendelse\s+af\s+(?:dagsorden|referat)|eventuelt|evt\.|meddelelser|"
    r"orientering\b|valg\s+af\s+(?:formand|næstformand)|siden\s+sidst|nyt\s+fra)",
    re.IGNORECASE,
)
_ATTENDANCE_LINE = re.compile(
    r"^(?:fremmødte|afbud|fraværende|deltagere|mødedeltagere|til\s+stede|tilstede|"
    r"deltog|referent|referat)\b",
    re.IGNORECASE,
)


# "Indstillingen blev vedtaget uden afstemning.", "Medlemsforslaget blev oversendt til …",
# "2 ændringsforslag fra Enhedslisten blev forkastet med …", "Ændringsforslag fra
# Socialdemokratiet om … blev vedtaget …"
_DECIDED_SENTENCE = re.compile(
    r"^(?:Indstillingen|Indstillingerne|Forslaget|\w+forslaget|Sagen|Punktet|Dagsordenen)\s+"
    r"(?:blev|er)\s+\w+"
    r"|^(?:\d{1,2}\s+)?(?i:\w*forslag(?:et|ene)?)\b[^.\n]{0,200}?\bblev\s+(?:\w+\s+){0,2}?"
    r"(?:vedtaget|godkendt|forkastet|tiltrådt|anbefalet|oversendt|nedstemt)\b"
)


def _closed_under(blocks: Sequence[Block], start: ItemStart) -> bool:
    """A plain numbered title with "Lukket punkt" under it: a closed item prints no more."""
    at = start.index + start.consumed
    under = blocks[at].text.strip() if at < len(blocks) else ""
    return bool(_OPEN_OR_CLOSED.match(under)) and under.lower().startswith("lukket")


def _decided_under(blocks: Sequence[Block], start: ItemStart) -> bool:
    """A plain numbered title with the meeting's act on it straight under it."""
    at = start.index + start.consumed
    if at >= len(blocks) or start.title.rstrip().endswith((".", ":", ",")):
        return False
    return _states_act(blocks[at].text)


_TOLD_AFTER = re.compile(rf"\s+(?:af|i\s+(?:{FULL_MONTH_NAMES}|\d{{4}}))\b")


def _states_act(text: str) -> bool:
    """A line that opens with the meeting's act on the item ("Vedtaget …", "Forslaget blev
    forkastet …")."""
    text = text.strip()
    if OUTCOME_OPENING.match(text):
        return True
    # (not "Sagen er sendt til høring …", "Budgetforslaget blev godkendt af bestyrelsen i
    # januar": what happened before, told)
    m = _DECIDED_SENTENCE.match(text)
    return bool(m) and " er " not in m.group(0) and not _TOLD_AFTER.match(text, m.end())


def is_informal_agenda(blocks: Sequence[Block], starts: Sequence[ItemStart]) -> bool:
    """Minutes written as a plain numbered list, with no section headings: the items numbered
    1, 2, 3 … in order, at least one of them an item every agenda has or each of them with its
    outcome written under it, each with text under it (the last may be cut off), after
    attendance lines ("Fremmødte: …", "Afbud: …") or a "Referat" title (a small council's
    record: "2.Valg af formand" / "Knud Nielsen blev genvalgt."; a council's summary record:
    "4. International Community" / "Vedtaget i overensstemmelse med …")."""
    numbers = [s.number for s in starts]
    # (from 2: item 1 glued to the attendance lines above it in a transcript)
    if len(starts) < 3 or numbers[0] > 2 or numbers != list(range(numbers[0], numbers[-1] + 1)):
        return False
    ends = [s.index for s in starts[1:]] + [len(blocks)]
    if any(s.index + s.consumed >= end for s, end in zip(starts[:-1], ends, strict=False)):
        return False
    decided = all(
        _states_act(blocks[s.index + s.consumed].text)
        for s in starts
        if s.index + s.consumed < len(blocks)
    )
    if not decided and not any(_STANDING_ITEM.match(s.title) for s in starts):
        return False
    if not decided and starts[-1].index + starts[-1].consumed >= len(blocks):
        return False
    return any(_ATTENDANCE_LINE.match(b.text.strip()) for b in blocks[: starts[0].index])


def _substantial(blocks: Sequence[Block], starts: Sequence[ItemStart]) -> list[int]:
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


def _main_sequence(
    starts: Sequence[ItemStart], substantial: Sequence[int], apart: Sequence[int] | None = None
) -> list[ItemStart]:
    """The items: the longest run of starts whose numbers grow, the rest are mentions.

    Numbering only grows within one set of minutes, so a start that breaks it is a
    mention, or a contents entry that escaped as a heading. Among equally long
    sequences, the one with more starts that have a body of their own wins, then the one
    with more starts set apart from the line above (`apart`: a sub-list's points run on
    under their item's title), then the later one (the contents come before the items).
    """
    n = len(starts)
    apart = apart or [0] * n
    if n > 1000:  # far more than any agenda: keep the greedy rule
        kept: list[ItemStart] = []
        for start in starts:
            if not kept or start.number > kept[-1].number:
                kept.append(start)
        return kept
    # best[k]: (length, substantial count, set-apart count, first index) of the best
    # sequence ending at k.
    best: list[tuple[int, int, int, int]] = []
    previous: list[int] = []
    for k, start in enumerate(starts):
        score, link = (1, substantial[k], apart[k], start.index), -1
        for j in range(k):
            if starts[j].number < start.number:
                length, solid, spaced, first = best[j]
                candidate = (length + 1, solid + substantial[k], spaced + apart[k], first)
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
