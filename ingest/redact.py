"""CPR numbers out of a parsed `Document`: the one path every text takes before it is stored or printed.

`ingest.parse` returns only documents that went through `redact_document`, so
minutes and other documents alike, `minutes parse`, `minutes show FILE` and the
index see "[CPR]" where a CPR number stood. Every text field is redacted: the
document's name and title, the meeting's facts, item titles, headings, section
text, table cells and attachment names. Counts are kept on the records
(`Item.cpr_redacted`, `Document.cpr_redacted`), so redacting again finds
nothing and the counts stay right.
"""

from __future__ import annotations

from dataclasses import replace

from ingest.records import Document, Item, Meeting, Section, Table
from nlp.cpr import redact_cpr


def _texts(texts: tuple[str, ...]) -> tuple[tuple[str, ...], int]:
    cleaned = [redact_cpr(text) for text in texts]
    return tuple(text for text, _ in cleaned), sum(n for _, n in cleaned)


def redact_section(section: Section) -> tuple[Section, int]:
    """The section with CPR numbers replaced in heading, text and tables, page breaks moved to match."""
    text, count = redact_cpr(section.text)
    heading, n_heading = redact_cpr(section.heading)
    page_breaks = section.page_breaks
    if count:  # keep page-exact citations: move each break by what redaction removed before it
        page_breaks = tuple(
            (len(redact_cpr(section.text[:offset])[0]), page) for offset, page in page_breaks
        )
    tables = []
    for table in section.tables:
        rows = []
        for row in table.rows:
            cells, n = _texts(row)
            rows.append(cells)
            count += n
        tables.append(Table(tuple(rows), table.page))
    count += n_heading
    if not count:
        return section, 0
    clean = replace(
        section, text=text, heading=heading, tables=tuple(tables), page_breaks=page_breaks
    )
    return clean, count


def _sections(sections: tuple[Section, ...]) -> tuple[tuple[Section, ...], int]:
    cleaned = [redact_section(section) for section in sections]
    return tuple(section for section, _ in cleaned), sum(n for _, n in cleaned)


def redact_item(item: Item) -> tuple[Item, int]:
    """The item with CPR numbers replaced in title, sections and attachments, and how many this time.

    The returned item's `cpr_redacted` adds them to what an earlier redaction counted.
    """
    title, count = redact_cpr(item.title)
    sections, n_sections = _sections(item.sections)
    attachments, n_attachments = _texts(item.attachments)
    count += n_sections + n_attachments
    if not count:
        return item, 0
    clean = replace(
        item,
        title=title,
        sections=sections,
        attachments=attachments,
        cpr_redacted=item.cpr_redacted + count,
    )
    return clean, count


def _redact_meeting(meeting: Meeting) -> tuple[Meeting, int]:
    (committee, municipality, place), count = _texts(
        (meeting.committee, meeting.municipality or "", meeting.place or "")
    )
    participants, n_participants = _texts(meeting.participants)
    absent, n_absent = _texts(meeting.absent)
    count += n_participants + n_absent
    if not count:
        return meeting, 0
    clean = replace(
        meeting,
        committee=committee,
        municipality=municipality or None,
        place=place or None,
        participants=participants,
        absent=absent,
    )
    return clean, count


def redact_document(document: Document) -> Document:
    """The document with every CPR number replaced by "[CPR]"; `cpr_redacted` counts them all."""
    (source, title), count = _texts((document.source, document.title))
    warnings, n_warnings = _texts(document.warnings)
    sections, n_sections = _sections(document.sections)
    items = [redact_item(item) for item in document.items]
    meeting, n_meeting = _redact_meeting(document.meeting) if document.meeting else (None, 0)
    count += n_warnings + n_sections + n_meeting + sum(n for _, n in items)
    if not count:
        return document
    return replace(
        document,
        source=source,
        title=title,
        warnings=warnings,
        sections=sections,
        items=tuple(item for item, _ in items),
        meeting=meeting,
        cpr_redacted=document.cpr_redacted + count,
    )
