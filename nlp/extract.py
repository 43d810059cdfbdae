"""Entry point of the Danish extraction: an item (and its meeting) in, an `ItemExtraction` out."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from ingest.records import Document, Item, Meeting, Section, SectionKind, Table
from nlp.amounts import find_amounts, table_amounts
from nlp.attendance import find_absences, find_substitutes
from nlp.case_numbers import parse_case_number
from nlp.cpr import redact_cpr
from nlp.dates import find_dates
from nlp.decisions import decisions, prior_decisions
from nlp.names import Gazetteer, organizations_in, parties_in
from nlp.pipeline import danish
from nlp.records import AmountMention, Decision, ItemExtraction, Outcome, Reservation, Vote
from nlp.references import Resolver, find_references
from nlp.votes import find_votes

_ATTENDANCE_KINDS = {SectionKind.DECISION, SectionKind.OTHER}
_RESERVATION_PATTERNS = (
    (
        "referral",
        r"begær(?:ede|er)\s+sagen\s+(?:indbragt\s+for|i|behandlet\s+i)\s+(?:by|kommunal)r[åa]det",
    ),
    ("reservation", r"tog\s+forbehold"),
    ("dissent", r"kunne\s+ikke\s+tiltræde"),
)


def _sentences(text: str) -> tuple[list[int], list[str]]:
    doc = danish()(text)
    starts = [s.start_char for s in doc.sents]
    return starts, [s.text for s in doc.sents]


def _amounts(section: Section) -> list[AmountMention]:
    found = []
    text = section.text
    mentions = find_amounts(text)
    if mentions:
        starts, sentences = _sentences(text)
        for amount in mentions:
            k = max(0, bisect.bisect_right(starts, amount.start) - 1)
            found.append(
                AmountMention(
                    amount.value,
                    amount.text,
                    " ".join(sentences[k].split()),
                    section.heading,
                    amount.start,
                    amount.end,
                )
            )
    for table in section.tables:
        for amount in table_amounts(table.rows):
            found.append(
                AmountMention(
                    amount.value,
                    amount.text,
                    " | ".join(table.rows[0]),
                    section.heading,
                    0,
                    0,
                    from_table=True,
                )
            )
    return found


def _reservations(text: str, gazetteer: Gazetteer) -> list[Reservation]:
    import re

    found = []
    for kind, pattern in _RESERVATION_PATTERNS:
        for m in re.finditer(rf"(?P<who>(?:[A-ZÆØÅ][\wæøå\-]+\s?){{1,5}})?\s*{pattern}", text):
            who = m["who"].strip() if m["who"] else None
            found.append(
                Reservation(
                    gazetteer.resolve(who) if who else None, kind, " ".join(m.group(0).split())
                )
            )
    return found


def extract_item(
    item: Item, meeting: Meeting | None, resolver: Resolver | None = None
) -> ItemExtraction:
    gazetteer = Gazetteer(meeting.participants if meeting else ())
    decision_sections = [s for s in item.sections if s.kind is SectionKind.DECISION]
    decided: list[Decision] = []
    votes: list[Vote] = []
    for section in decision_sections:
        for decision in decisions(section.text):
            decided.append(decision)
            votes.extend(find_votes(decision.text, gazetteer))
    if item.closed and not decided:
        decided.append(Decision(None, Outcome.CLOSED, "Lukket"))
    attendance_text = "\n".join(s.text for s in item.sections if s.kind in _ATTENDANCE_KINDS)
    absences = find_absences(attendance_text, gazetteer, item.number)
    full_text = f"{item.title}\n" + "\n".join(f"{s.heading}\n{s.text}" for s in item.sections)
    doc = danish()(full_text)
    entities = [(e.label_, e.ent_id_ or e.text) for e in doc.ents]
    persons = set(gazetteer.mentioned(full_text)) | {a.name for a in absences}
    persons |= {n for v in votes for n in (*v.for_names, *v.against_names, *v.abstain_names)}
    own_case = item.case_numbers[0] if item.case_numbers else None
    return ItemExtraction(
        decisions=tuple(decided),
        prior_decisions=tuple(prior_decisions(item.sections)),
        votes=tuple(votes),
        absences=tuple(absences),
        substitutes=tuple(find_substitutes(attendance_text, gazetteer)),
        reservations=tuple(r for s in decision_sections for r in _reservations(s.text, gazetteer)),
        amounts=tuple(a for s in item.sections for a in _amounts(s)),
        references=tuple(find_references(full_text, own_case, resolver)),
        persons=tuple(sorted(persons)),
        parties=tuple(parties_in(full_text, [eid for label, eid in entities if label == "PARTY"])),
        organizations=tuple(
            organizations_in(full_text, [eid for label, eid in entities if label == "ORG"])
        ),
        dates=tuple(sorted({d for d, *_ in find_dates(full_text)})),
        case_numbers=tuple(
            c for c in (parse_case_number(n) for n in item.case_numbers) if c is not None
        ),
    )


def extract_meeting_items(
    meeting: Meeting | None, items: Sequence[Item], resolver: Resolver | None = None
) -> list[ItemExtraction]:
    return [extract_item(item, meeting, resolver) for item in items]


def _redact_section(section: Section) -> tuple[Section, int]:
    text, count = redact_cpr(section.text)
    heading, n_heading = redact_cpr(section.heading)
    tables = []
    for table in section.tables:
        rows = []
        for row in table.rows:
            cells = []
            for cell in row:
                clean, n = redact_cpr(cell)
                cells.append(clean)
                count += n
            rows.append(tuple(cells))
        tables.append(Table(tuple(rows), table.page))
    return replace(section, text=text, heading=heading, tables=tuple(tables)), count + n_heading


def redact_item(item: Item) -> tuple[Item, int]:
    """The item with every CPR number replaced, and how many there were."""
    title, count = redact_cpr(item.title)
    sections = []
    for section in item.sections:
        clean, n = _redact_section(section)
        sections.append(clean)
        count += n
    attachments = []
    for name in item.attachments:
        clean, n = redact_cpr(name)
        attachments.append(clean)
        count += n
    return replace(
        item, title=title, sections=tuple(sections), attachments=tuple(attachments)
    ), count


def extraction_json(document: Document, item: Item) -> dict[str, Any]:
    """The extraction fields `minutes parse --json` shows under each item (CPR numbers redacted)."""
    clean, count = redact_item(item)
    data = extract_item(clean, document.meeting).to_json()
    data["cpr_redacted"] = count
    return data
