"""Search units: what a search result is. An agenda item, or a section of a background document.

A unit gathers everything the index needs about one result: its identity,
the facts filters and facets read (payload), the full record that
`/items/{id}` returns, and the text to chunk. The payload keeps the ids of
before (`item_aliases`, `meeting_aliases`: `2025-08-12-beskaeftigelsesudvalget#74`)
so old links still find the item (`index.lookup`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ingest.records import Document, Item, Section
from ingest.serialize import item_to_dict, meeting_to_dict, section_to_dict
from nlp.case_numbers import parse_case_number
from nlp.names import canonical_party
from nlp.records import ItemExtraction


@dataclass(frozen=True)
class Unit:
    id: str
    title: str
    header: str  # short facts embedded with the title: committee, date, case number, decisions
    sections: tuple[Section, ...]
    payload: dict[str, Any]  # filterable facts, copied onto every chunk
    record: dict[str, Any]  # the full record, stored once per unit


def _kle_fields(case_numbers: tuple[str, ...]) -> dict[str, list[str]]:
    groups, subjects, prefixes = [], [], []
    for raw in case_numbers:
        parsed = parse_case_number(raw)
        if parsed is None or not parsed.kle_subject:
            continue
        subject = parsed.kle_subject
        parts = subject.split(".")
        groups.append(parts[0])
        subjects.append(subject)
        prefixes.extend(".".join(parts[: k + 1]) for k in range(len(parts)))
    return {
        "kle_groups": sorted(set(groups)),
        "kle_subjects": sorted(set(subjects)),
        "kle_prefixes": sorted(set(prefixes)),
    }


def _document_payload(document: Document) -> dict[str, Any]:
    meeting = document.meeting
    payload: dict[str, Any] = {
        "doc_id": document.id,
        "source": document.source,
        "kind": document.kind.value,
        "doc_title": document.title,
    }
    if meeting is not None:
        payload |= {
            "meeting_id": meeting.id,
            "meeting_aliases": [meeting.legacy_id],
            "committee": meeting.committee,
            "municipality": meeting.municipality,
        }
        if meeting.date is not None:
            payload["meeting_date"] = f"{meeting.date.isoformat()}T00:00:00Z"
            payload["year"] = str(meeting.date.year)
    return payload


def item_unit(document: Document, item: Item, extraction: ItemExtraction) -> Unit:
    meeting = document.meeting
    item_id = document.item_id(item)
    absent = set(extraction.absent) | set(meeting.absent if meeting else ())
    participants = list(meeting.participants) if meeting else []
    voted_for = sorted({n for v in extraction.votes for n in v.for_names})
    voted_against = sorted({n for v in extraction.votes for n in v.against_names})
    parties_for = sorted({p for n in voted_for if (p := canonical_party(n))})
    parties_against = sorted({p for n in voted_against if (p := canonical_party(n))})
    amounts = [a.value for a in extraction.amounts]
    outcomes = sorted({d.outcome.value for d in extraction.decisions})
    persons = sorted(set(extraction.persons) | absent | set(voted_for) | set(voted_against))
    payload = (
        _document_payload(document)
        | _kle_fields(item.case_numbers)
        | {
            "item_id": item_id,
            "item_aliases": [document.legacy_item_id(item)],
            "item_number": item.number,
            "title": item.title,
            "case_numbers": list(item.case_numbers),
            "closed": item.closed,
            "access": "closed" if item.closed else "open",
            "outcomes": outcomes,
            "persons": persons,
            "persons_present": sorted(p for p in participants if p not in absent),
            "persons_absent": sorted(absent),
            "voted_for": voted_for,
            "voted_against": voted_against,
            "voted": "yes" if extraction.votes else "no",
            "parties_voted_for": parties_for,
            "parties_voted_against": parties_against,
            "parties": sorted(set(extraction.parties)),
            "organizations": sorted(set(extraction.organizations)),
            "amounts_abs": sorted({float(abs(a)) for a in amounts}),
            "page_start": item.page_start,
            "page_end": item.page_end,
        }
    )
    record = item_to_dict(document, item) | extraction.to_json()
    record |= {
        "doc_id": document.id,
        "source": document.source,
        "kind": document.kind.value,
        "meeting": meeting_to_dict(meeting) if meeting else None,
    }
    decisions = "; ".join(d.text for d in extraction.decisions)[:300]
    header = " · ".join(
        x
        for x in (
            meeting.committee if meeting else "",
            meeting.date.isoformat() if meeting and meeting.date else "",
            ", ".join(item.case_numbers),
            f"Beslutning: {decisions}" if decisions else "",
        )
        if x
    )
    return Unit(item_id, item.title, header, item.sections, payload, record)


def section_units(document: Document) -> list[Unit]:
    """Background documents: each section is a unit, titled with the document and its heading."""
    units = []
    base = _document_payload(document)
    for k, section in enumerate(document.sections):
        unit_id = document.section_id(k + 1)
        title = f"{document.title} – {section.heading}" if section.heading else document.title
        pages = section.pages or (1,)
        payload = base | {
            "item_id": unit_id,
            "item_aliases": [document.legacy_section_id(k + 1)],
            "item_number": k + 1,
            "title": title,
            "case_numbers": [],
            "closed": False,
            "access": "open",
            "outcomes": [],
            "persons": [],
            "persons_present": [],
            "persons_absent": [],
            "voted_for": [],
            "voted_against": [],
            "voted": "no",
            "parties_voted_for": [],
            "parties_voted_against": [],
            "parties": [],
            "organizations": [],
            "kle_groups": [],
            "kle_subjects": [],
            "kle_prefixes": [],
            "amounts_abs": [],
            "page_start": min(pages),
            "page_end": max(pages),
        }
        record = {
            "id": unit_id,
            "number": k + 1,
            "title": title,
            "case_numbers": [],
            "closed": False,
            "page_start": min(pages),
            "page_end": max(pages),
            "sections": [section_to_dict(section)],
            "doc_id": document.id,
            "source": document.source,
            "kind": document.kind.value,
            "meeting": None,
        }
        units.append(Unit(unit_id, title, "", (section,), payload, record))
    return units
