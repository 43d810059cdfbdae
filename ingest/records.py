"""Typed records passed between ingest stages.

Flow: a source file becomes `Block`s (layout-neutral text units with a page
and a heading hint), the segmenter turns blocks into a `Document` with a
`Meeting`, `Item`s and `Section`s. Pages are 1-based everywhere.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum


class DocumentKind(StrEnum):
    MINUTES = "minutes"
    OTHER = "other"


class SectionKind(StrEnum):
    """What a section heading means, whatever words a municipality uses."""

    RESUME = "resume"
    RECOMMENDATION = "recommendation"  # Indstilling, Beslutningspunkter
    DECISION = "decision"  # Beslutning, Beslutninger
    PRIOR_DECISION = "prior_decision"  # Beslutning fra <udvalg>, den <dato>, punkt <n>:
    CASE = "case"  # Sagsfremstilling, Sagens kerne, Problemstilling ...
    ECONOMY = "economy"  # Økonomi
    ATTACHMENTS = "attachments"  # Bilag
    HISTORY = "history"  # Sagsforløb, Tidligere beslutninger
    OTHER = "other"


# A table-of-contents entry: a title, leaders (dots, ellipses, underscores or a tab) and a page.
TOC_LINE = re.compile(r"(?:\.{4,}|…{2,}|_{4,}|\t)\s*\d{1,4}\s*$")


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    TABLE = "table"


@dataclass(frozen=True)
class Block:
    """One unit of text in reading order, as any reader (PDF, text, HTML) emits it.

    `level` is a heading strength hint: 1 strongest; 0 for body text.
    `rows` holds table cells when kind is TABLE (text is then the rows joined).
    `tight` says nothing set it apart from the block before (a text line right under
    another, no blank line between): it may go on that block, as a wrapped title does.
    """

    text: str
    page: int
    kind: BlockKind = BlockKind.PARAGRAPH
    level: int = 0
    rows: tuple[tuple[str, ...], ...] = ()
    tight: bool = False


@dataclass(frozen=True)
class Table:
    rows: tuple[tuple[str, ...], ...]
    page: int


@dataclass(frozen=True)
class Section:
    heading: str
    kind: SectionKind
    text: str
    pages: tuple[int, ...]
    tables: tuple[Table, ...] = ()
    # (char offset in text, page) where the text moves to a new page, for page-exact citations.
    page_breaks: tuple[tuple[int, int], ...] = ()

    def page_at(self, offset: int) -> int | None:
        page = self.pages[0] if self.pages else None
        for start, p in self.page_breaks:
            if start > offset:
                break
            page = p
        return page


@dataclass(frozen=True)
class Meeting:
    committee: str
    date: dt.date | None  # None: minutes that print no date (transcripts that lost their digits)
    municipality: str | None = None
    start_time: str | None = None  # "16:30"
    place: str | None = None
    participants: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    # The cover's statements of who left or came during the meeting, naming items ("X forlod
    # mødet efter behandlingen af punkt 120"), and of who met in whose place ("I stedet for X
    # deltog Y"): they apply to the items they cover (`nlp.attendance`).
    attendance_notes: tuple[str, ...] = ()
    # Where the date is missing, the meeting's own document (its id) tells two undated meetings
    # of one body apart; set when the document is built.
    undated_document: str | None = None

    @property
    def id(self) -> str:
        """Stable and URL-safe: the municipality (without "Kommune"), the date and the committee,
        e.g. `randers-2025-08-12-beskaeftigelsesudvalget`; without a municipality, the date and
        the committee (`legacy_id`). See `Document.item_id` for the whole scheme."""
        place = municipality_slug(self.municipality)
        return f"{place}-{self.legacy_id}" if place else self.legacy_id

    @property
    def legacy_id(self) -> str:
        """The id before ids carried the municipality: `2025-08-12-beskaeftigelsesudvalget`.
        Meetings of two municipalities can share it; lookups still accept it."""
        when = (
            self.date.isoformat()
            if self.date
            else "-".join(filter(None, ("udateret", self.undated_document)))
        )
        return f"{when}-{slugify(self.committee)}"


@dataclass(frozen=True)
class Item:
    number: int
    title: str
    case_numbers: tuple[str, ...]
    closed: bool
    page_start: int
    page_end: int
    sections: tuple[Section, ...]
    attachments: tuple[str, ...] = ()
    cpr_redacted: int = 0  # CPR numbers replaced in this item (`ingest.redact`)

    def text(self) -> str:
        return "\n\n".join(f"{s.heading}\n{s.text}" for s in self.sections)


@dataclass(frozen=True)
class Document:
    """One ingested file. Minutes carry a meeting and items; other documents carry sections."""

    source: str  # file name as given
    sha256: str
    kind: DocumentKind
    page_count: int
    title: str
    meeting: Meeting | None = None
    items: tuple[Item, ...] = ()
    sections: tuple[Section, ...] = ()
    warnings: tuple[str, ...] = field(default=())
    cpr_redacted: int = 0  # CPR numbers replaced anywhere in the document (`ingest.redact`)

    @property
    def id(self) -> str:
        """Stable across re-ingest of the same bytes: the first 16 hex digits of the sha256."""
        return self.sha256[:16]

    def item_id(self, item: Item) -> str:
        """An item's id: its meeting's id, `-punkt-` and its number.

        The scheme (every id is made of `a-z`, `0-9` and `-`, so it stands in a URL
        path as it is, and has no random part, so it is the same after a re-ingest):

        - meeting: `randers-2025-08-12-beskaeftigelsesudvalget` (`Meeting.id`),
        - item: `randers-2025-08-12-beskaeftigelsesudvalget-punkt-74`,
        - an item of minutes without a meeting: `<document id>-punkt-<number>`,
        - a section of a background document: `<document id>-afsnit-<k>` (`section_id`).

        The ids before this scheme (`legacy_item_id`) are kept beside them in the index.
        """
        return make_item_id(self.meeting.id if self.meeting else self.id, item.number)

    def legacy_item_id(self, item: Item) -> str:
        """The item's id before ids carried the municipality: `2025-08-12-beskaeftigelsesudvalget#74`."""
        base = self.meeting.legacy_id if self.meeting else self.id
        return f"{base}#{item.number}"

    def section_id(self, k: int) -> str:
        """The id of section `k` (1-based) of a background document: `<document id>-afsnit-<k>`."""
        return f"{self.id}-afsnit-{k}"

    def legacy_section_id(self, k: int) -> str:
        """The section's id before: `<document id>#s<k>`."""
        return f"{self.id}#s{k}"


def make_item_id(base: str, number: int) -> str:
    """Item `number` of the meeting (or document) with id `base`: `<base>-punkt-<number>`."""
    return f"{base}-punkt-{number}"


_SLUG_MAP = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "ae", "Ø": "oe", "Å": "aa"})


def slugify(text: str) -> str:
    text = text.translate(_SLUG_MAP)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


_KOMMUNE = re.compile(r"\s+kommune\s*$", re.IGNORECASE)


def municipality_slug(municipality: str | None) -> str:
    """The municipality's part of a meeting id: "Randers Kommune" gives "randers", none ""."""
    return slugify(_KOMMUNE.sub("", municipality or ""))
