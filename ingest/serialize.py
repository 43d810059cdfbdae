"""The stable JSON shape of a parsed document (`minutes parse FILE --json`)."""

from __future__ import annotations

from typing import Any

from ingest.records import Document, Item, Meeting, Section


def meeting_to_dict(meeting: Meeting) -> dict[str, Any]:
    return {
        "id": meeting.id,
        "committee": meeting.committee,
        "municipality": meeting.municipality,
        "date": meeting.date.isoformat() if meeting.date else None,
        "start_time": meeting.start_time,
        "place": meeting.place,
        "participants": list(meeting.participants),
        "absent": list(meeting.absent),
    }


def section_to_dict(section: Section) -> dict[str, Any]:
    return {
        "heading": section.heading,
        "kind": section.kind.value,
        "text": section.text,
        "pages": list(section.pages),
        "tables": [[list(row) for row in t.rows] for t in section.tables],
    }


def item_to_dict(document: Document, item: Item) -> dict[str, Any]:
    return {
        "id": document.item_id(item),
        "number": item.number,
        "title": item.title,
        "case_numbers": list(item.case_numbers),
        "closed": item.closed,
        "page_start": item.page_start,
        "page_end": item.page_end,
        "attachments": list(item.attachments),
        "sections": [section_to_dict(s) for s in item.sections],
    }


def document_to_dict(document: Document) -> dict[str, Any]:
    return {
        "id": document.id,
        "source": document.source,
        "sha256": document.sha256,
        "kind": document.kind.value,
        "title": document.title,
        "page_count": document.page_count,
        "meeting": meeting_to_dict(document.meeting) if document.meeting else None,
        "items": [item_to_dict(document, it) for it in document.items],
        "sections": [section_to_dict(s) for s in document.sections],
        "warnings": list(document.warnings),
        "cpr_redacted": document.cpr_redacted,
    }
