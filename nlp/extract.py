"""Entry point of the Danish extraction: an item (and its meeting) in, an `ItemExtraction` out.

`extract_item` handles one item; `extract_meeting_items` runs a meeting's items
through the spaCy pipeline in one `nlp.pipe` batch and resolves references to
items of the same meeting (plus whatever a passed `resolver` knows). CPR
numbers are redacted when a file is parsed (`ingest.redact`), and again here
(`redact_item`) for items made by other means, so no extracted text can carry one.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from spacy.tokens import Doc

from ingest.records import (
    Document,
    Item,
    Meeting,
    Section,
    SectionKind,
    Table,
    make_item_id,
    slugify,
)
from ingest.redact import redact_item
from nlp.amounts import Amount, find_amounts, header_scale, table_amounts
from nlp.attendance import (
    IN_ANOTHER_BODY,
    ScopedAbsence,
    approved_calling_in,
    attendance_only,
    calling_in,
    find_absences,
    find_substitutes,
    meeting_absences,
    meeting_wide_absences,
    quoted_decision,
    recorded_after,
    this_meeting,
)
from nlp.case_numbers import parse_case_number
from nlp.dates import find_dates
from nlp.decisions import (
    COMBINED_HEADING,
    answered_question,
    classify,
    combined_decisions,
    decisions_in,
    doc_text,
    fallback,
    informing_record,
    inline_dated_decision,
    points_from_recommendation,
    prior_decisions,
    tie_votes,
    unheaded_decision,
)
from nlp.item_scope import with_own_number
from nlp.names import (
    AMBIGUOUS,
    POLITICAL_CONTEXT,
    Gazetteer,
    organizations_in,
    parties_in,
    persons_in,
)
from nlp.pipeline import danish
from nlp.records import Absence, AmountMention, Decision, ItemExtraction, Outcome, Vote
from nlp.references import Resolver, find_references
from nlp.votes import find_reservations, find_votes, joined_vote_blocks

_ATTENDANCE_KINDS = {SectionKind.DECISION, SectionKind.OTHER}
_ABSENCE_HEADING = re.compile(
    r"^\s*(?:fraværende|afbud|forfald|fravær|ikke til stede|meldt afbud)\b", re.IGNORECASE
)
_NOT_MONEY_COLUMN = re.compile(r"%|\bpct\b|procent|antal|andel|personer|helårs|\bstk\b", re.I)


@dataclass(frozen=True)
class _Placed:
    """A section and where its text sits in the item's text."""

    section: Section
    start: int
    end: int


def _item_text(item: Item) -> tuple[str, list[_Placed]]:
    parts = [item.title]
    placed = []
    position = len(item.title)
    for section in item.sections:
        if section.kind is SectionKind.DECISION:
            section = replace(section, text=joined_vote_blocks(section.text))
        position += 2 + len(section.heading) + 1
        placed.append(_Placed(section, position, position + len(section.text)))
        parts.append(f"{section.heading}\n{section.text}")
        position += len(section.text)
    return "\n\n".join(parts), placed


def _laid_out(item: Item) -> tuple[Doc, list[_Placed]]:
    """The item's tokens with `Doc._.sections` set, ready for the pipeline."""
    text, placed = _item_text(item)
    doc = danish().make_doc(text)
    doc._.sections = [
        (
            p.section.heading,
            SectionKind.DECISION if _under_empty_decision(placed, k) else p.section.kind,
            p.start,
            p.end,
        )
        for k, p in enumerate(placed)
    ]
    doc.user_data["minutes:text"] = text
    return doc, placed


def _sentence_of(text: str, starts: list[int], position: int) -> str:
    k = max(0, bisect.bisect_right(starts, position) - 1)
    end = starts[k + 1] if k + 1 < len(starts) else len(text)
    return " ".join(text[starts[k] : end].split())


def _column_amounts(table: Table) -> Iterable[tuple[Amount, str]]:
    """Cells read with their column's unit ("2025 budget, mio. kr.") or the table's ("2026-pl, mio. kr.")."""
    rows = table.rows
    if len(rows) < 2:
        return
    header, data = rows[0], rows[1:]
    table_unit = header[0] if header and header_scale(header[0]) is not None else None
    for j in range(1, max(len(r) for r in rows)):
        column = header[j] if j < len(header) else ""
        if header_scale(column) is not None:
            unit = column
        elif table_unit is not None and not _NOT_MONEY_COLUMN.search(column):
            unit = table_unit
        else:
            continue
        for row in data:
            if j < len(row) and row[j].strip():
                for amount in table_amounts([("", row[j])], header_unit_text=unit):
                    yield amount, f"{row[0]} | {column}".strip(" |")


def _amounts(placed: _Placed, text: str, starts: list[int]) -> list[AmountMention]:
    section = placed.section
    found = [
        AmountMention(
            a.value,
            a.text,
            _sentence_of(text, starts, placed.start + a.start),
            section.heading,
            a.start,
            a.end,
        )
        for a in find_amounts(section.text)
    ]
    for table in section.tables:
        for amount, where in _column_amounts(table):
            found.append(
                AmountMention(amount.value, amount.text, where, section.heading, 0, 0, True)
            )
    return found


def _parties(doc: Doc, text: str) -> list[str]:
    ids = []
    for ent in doc.ents:
        if ent.label_ != "PARTY":
            continue
        sentence = ent.sent
        if (
            ent.text in AMBIGUOUS
            and ent.start == sentence.start
            and not POLITICAL_CONTEXT.search(sentence.text)
        ):
            continue  # "Alternativet er at ...": an ordinary word at a sentence start
        ids.append(ent.ent_id_ or ent.text)
    return parties_in(text, ids)


def _extract(
    item: Item,
    meeting: Meeting | None,
    doc: Doc,
    placed: list[_Placed],
    resolver: Resolver | None,
    away: Sequence[ScopedAbsence] = (),
    following: Item | None = None,
) -> ItemExtraction:
    gazetteer = Gazetteer(meeting.participants if meeting else ())
    text = doc_text(doc)
    decided: list[Decision] = []
    reservations = []
    closed = item.closed or bool(re.match(r"\s*lukket\b", item.title, re.IGNORECASE))

    def read_vote(words: str, outcome: Outcome) -> Vote | None:
        return next(iter(find_votes(words, gazetteer, outcome)), None)

    per_section = []
    for start, end in _decision_spans(placed, text, following):
        per_section.append(decisions_in(doc, start, end, read_vote, fallback(item, closed)))
        reservations.extend(find_reservations(text[start:end], gazetteer))
    # "Beslutning" / "Afbud: ingen" over "Udvalgets beslutning i mødet den …": the attendance
    # note decides nothing where another decision section of the item decides.
    if any(not _attendance_record(found) for found in per_section):
        per_section = [found for found in per_section if not _attendance_record(found)]
    decided = [d for found in per_section for d in found]
    if not decided and not closed:
        for p in placed:
            if p.section.kind is SectionKind.OTHER and (
                (a := unheaded_decision(doc, p.start, p.end)) is not None
            ):
                decided.extend(decisions_in(doc, a, p.end, read_vote, fallback(item, closed)))
                break
    if not decided and not closed:
        for p in placed:
            if COMBINED_HEADING.match(p.section.heading):
                decided.extend(
                    combined_decisions(doc, p.start, p.end, read_vote, fallback(item, closed))
                )
                break
    if not decided and not closed and meeting is not None:
        for p in placed:
            if p.section.kind is SectionKind.OTHER and (
                span := inline_dated_decision(doc, p.start, p.end, meeting.date, meeting.committee)
            ):
                decided.extend(decisions_in(doc, *span, read_vote, fallback(item, closed)))
                break
    if not decided and (answer := answered_question(item)):
        decided.append(answer)
    if not decided and not closed and (record := informing_record(item)):
        decided.append(record)
    decided, votes = tie_votes(points_from_recommendation(decided, item.sections))
    if not decided and closed:
        decided.append(Decision(None, Outcome.CLOSED, "Lukket"))

    attendance_text = with_own_number(_attendance_text(item.sections, decided), item.number)
    absences = find_absences(attendance_text, gazetteer, item.number, closed)
    for p in placed:
        if p.section.kind is SectionKind.OTHER and _ABSENCE_HEADING.match(p.section.heading):
            listed = meeting_absences(
                f"{p.section.heading}:\n{p.section.text}", gazetteer.participants
            )
            known = {a.name for a in absences}
            absences.extend(
                a for a in _as_absences(listed, p.section.heading) if a.name not in known
            )
    substitutes = find_substitutes(attendance_text, gazetteer)
    if meeting is not None:  # who met in someone's place all meeting, said on the cover
        cover = find_substitutes("\n".join(meeting.attendance_notes), gazetteer)
        substitutes += [name for name in cover if name not in substitutes]
    # Away from the whole meeting, so from this item too, unless the item shows them taking part.
    taking_part = {n for v in votes for n in (*v.for_names, *v.against_names, *v.abstain_names)}
    known = {a.name for a in absences}
    # An item that lists who was away from it ("Anne Holm var fraværende.", repeated under
    # every item as the list changes) says it for itself; only the cover's absentees hold.
    listed_here = any(a.reason == "absent" for a in absences)
    cover = set(meeting.absent) if meeting is not None else set()
    absences.extend(
        s.absence
        for s in away
        if s.scope.covers(item.number, closed)
        and s.absence.name not in known | taking_part | set(substitutes)
        and not (listed_here and s.scope.everything and s.absence.name not in cover)
    )

    starts = [s.start_char for s in doc.sents]
    amounts = [a for p in placed for a in _amounts(p, text, starts)]
    own_case = item.case_numbers[0] if item.case_numbers else None
    voters = {
        n for v in votes for n in (*v.for_names, *v.against_names, *v.abstain_names) if len(n) > 3
    }
    persons = list(persons_in(text, gazetteer))
    for name in (
        *(a.name for a in absences),
        *substitutes,
        *sorted(voters),
        *(r.who for r in reservations if r.who),
    ):
        if name not in persons and (gazetteer.known(name) or len(name.split()) >= 2):
            persons.append(name)
    parties = _parties(doc, text)
    persons = [p for p in persons if p not in parties]
    return ItemExtraction(
        decisions=tuple(decided),
        prior_decisions=tuple(prior_decisions(item.sections, doc, [p.start for p in placed])),
        votes=tuple(votes),
        absences=tuple(absences),
        substitutes=tuple(substitutes),
        reservations=tuple(reservations),
        amounts=tuple(amounts),
        references=tuple(
            find_references(
                text, own_case, resolver, meeting.date.year if meeting and meeting.date else None
            )
        ),
        persons=tuple(persons),
        parties=tuple(parties),
        organizations=tuple(
            organizations_in(
                text,
                [
                    (e.ent_id_ or e.text, e.start_char, e.end_char)
                    for e in doc.ents
                    if e.label_ == "ORG"
                ],
                exclude=[meeting.municipality or ""] if meeting else (),
            )
        ),
        dates=tuple(sorted({d for d, *_ in find_dates(text)})),
        case_numbers=tuple(
            c for c in (parse_case_number(n) for n in item.case_numbers) if c is not None
        ),
        cpr_redacted=item.cpr_redacted,
    )


def _under_empty_decision(placed: Sequence[_Placed], k: int) -> bool:
    """An absence label right under an empty decision heading: the decision is written under it."""
    section = placed[k].section
    return (
        k > 0
        and section.kind is SectionKind.OTHER
        and bool(_ABSENCE_HEADING.match(section.heading))
        and placed[k - 1].section.kind is SectionKind.DECISION
        and not placed[k - 1].section.text.strip()
    )


# "I mødet deltog:" / "Borgerrepræsentanter:" / names …: who met, under a decision heading.
_PRESENCE_RECORD = re.compile(
    r"\s*(?:i\s+mødet\s+deltog|til\s*stede|(?:møde)?deltagere|fremmødte|fremmøde)\s*:", re.I
)


def _attendance_record(found: Sequence[Decision]) -> bool:
    """Decisions that are only an attendance note read as information ("Afbud: ingen"), or a
    list of who met that states no act."""
    if len(found) != 1:
        return False
    text, outcome = found[0].text, found[0].outcome
    return (outcome is Outcome.INFORMATION and attendance_only(text)) or (
        outcome in (Outcome.INFORMATION, Outcome.DECIDED)
        and bool(_PRESENCE_RECORD.match(text))
        and not re.search(
            r"\bbeslut|\b(?:blev|er)\s+(?:gen)?(?:valgt|udpeget)|\bvalgtes|\budpeges", text, re.I
        )
    )


def _decision_spans(
    placed: Sequence[_Placed], text: str, following: Item | None
) -> list[tuple[int, int]]:
    """Where the item's own decisions are written in its text.

    An empty decision heading followed by an absence label ("Beslutning i Økonomiudvalget den
    21. august 2017:" / "Fraværende:" / "Godkendt.") has its words under that label. A decision
    never runs into the next item's heading ("2. Siden sidst …"), wherever reading left it.
    """
    spans = []
    for k, p in enumerate(placed):
        if p.section.kind is not SectionKind.DECISION and not _under_empty_decision(placed, k):
            continue
        start, end = p.start, p.end
        if following is not None and following.number is not None:
            heading = re.compile(
                rf"^[ \t]*{following.number}\.?[ \t]+{re.escape(following.title.strip())}",
                re.MULTILINE,
            )
            if m := heading.search(text, start, end):
                end = m.start()
        spans.append((start, end))
    return spans


# "… som suppleant for X i Handicaprådet": a seat in another body, not this meeting's attendance
_SEAT_ELSEWHERE = re.compile(
    rf"\b(?:suppleant|stedfortræder)\w*\s+for\s+[^.\n]{{1,60}}?\s+{IN_ANOTHER_BODY}", re.IGNORECASE
)


def _attendance_text(sections: Sequence[Section], decided: Sequence[Decision] | None = None) -> str:
    """Where an item records attendance: its decision and loose text, and the lines of its
    recommendation that call in substitutes once the decision approves it."""
    # A "Fraværende" section keeps its heading: the names under it say nothing alone.
    # Nor are absences inside a decision quoted from another meeting ("Økonomiudvalget, 19. juni
    # 2019, pkt. 146: … Fraværende: X") this meeting's.
    parts = [
        f"{s.heading}:\n{this_meeting(s.text)}"
        if _ABSENCE_HEADING.match(s.heading)
        else this_meeting(s.text)
        for s in sections
        if s.kind in _ATTENDANCE_KINDS and not quoted_decision(s.heading)
    ]
    parts += [approved_calling_in(s.text) for s in sections if s.kind is SectionKind.RESUME]
    parts += [recorded_after(s.text) for s in sections if s.kind is SectionKind.RECOMMENDATION]
    called = "\n".join(
        calling_in(s.text)
        for s in sections
        if s.kind is SectionKind.RECOMMENDATION and not _SEAT_ELSEWHERE.search(s.text)
    ).strip()
    if called:
        if decided is None:
            decision = "\n\n".join(s.text for s in sections if s.kind is SectionKind.DECISION)
            approved = bool(decision.strip()) and classify(decision) is Outcome.APPROVED
        else:
            approved = any(d.outcome is Outcome.APPROVED for d in decided)
        if approved:
            parts.append(called)
    return "\n\n".join(parts)


def _as_absences(names: Iterable[str], heading: str) -> list[Absence]:
    return [Absence(name, "absent", heading) for name in names]


def _away(meeting: Meeting | None, items: Sequence[Item]) -> list[ScopedAbsence]:
    """Who was away from the meeting or from some of its items: see `meeting_wide_absences`."""
    return meeting_wide_absences(
        meeting.absent if meeting else (),
        [(it.title, with_own_number(_attendance_text(it.sections), it.number)) for it in items],
        meeting.participants if meeting else (),
        meeting.attendance_notes if meeting else (),
    )


def extract_item(
    item: Item,
    meeting: Meeting | None,
    resolver: Resolver | None = None,
    meeting_items: Sequence[Item] = (),
) -> ItemExtraction:
    """Everything the extraction finds in one item; CPR numbers are redacted first.

    `meeting_items` (the meeting's other items) let a "havde forfald" under the agenda
    approval count for this item too, as `extract_meeting_items` does.
    """
    clean, _ = redact_item(item)
    doc, placed = _laid_out(clean)
    away = _away(meeting, [redact_item(it)[0] for it in meeting_items] or [clean])
    return _extract(clean, meeting, danish()(doc), placed, resolver, away)


def meeting_resolver(
    meeting: Meeting | None, items: Sequence[Item], outer: Resolver | None = None
) -> Resolver:
    """Resolves references to this meeting and its items (ids as `Document.item_id` makes them)."""
    numbers = {it.number for it in items}
    committee = slugify(meeting.committee) if meeting else ""

    def resolve(body, date, number):
        if outer is not None and (target := outer(body, date, number)):
            return target
        if meeting is None:
            return None
        same_body = body is None or slugify(body) in committee or committee in slugify(body)
        if date == meeting.date and same_body:
            return make_item_id(meeting.id, number) if number in numbers else meeting.id
        if date is None and body is None and number in numbers:
            return make_item_id(meeting.id, number)  # "jf. punkt 5" in the same minutes
        return None

    return resolve


def extract_meeting_items(
    meeting: Meeting | None,
    items: Sequence[Item],
    resolver: Resolver | None = None,
    batch_size: int = 32,
) -> list[ItemExtraction]:
    """A meeting's items in one spaCy batch; references to the same meeting are resolved."""
    cleaned = [redact_item(item)[0] for item in items]
    laid_out = [_laid_out(clean) for clean in cleaned]
    resolve = meeting_resolver(meeting, items, resolver)
    away = _away(meeting, cleaned)
    docs = danish().pipe((doc for doc, _ in laid_out), batch_size=batch_size)
    following = [*cleaned[1:], None][: len(cleaned)]
    return [
        _extract(clean, meeting, doc, placed, resolve, away, after)
        for clean, (_, placed), doc, after in zip(cleaned, laid_out, docs, following, strict=True)
    ]


def with_meeting_absentees(document: Document, extractions: Sequence[ItemExtraction]) -> Document:
    """The document whose meeting's absentees include those away from every item (sites that
    print the meeting's absences under each item, and no list on the cover)."""
    meeting = document.meeting
    if meeting is None or len(extractions) < 2:
        return document
    away = [
        {a.name for a in e.absences if a.reason in ("absent", "substituted")} for e in extractions
    ]
    everywhere = [n for n in extractions[0].absent if all(n in a for a in away)]
    absent = tuple(dict.fromkeys([*meeting.absent, *everywhere]))
    return replace(document, meeting=replace(meeting, absent=absent))


def extractions_json(document: Document) -> list[dict[str, Any]]:
    """The extraction fields `minutes parse --json` shows under each item (CPR numbers redacted)."""
    return [ex.to_json() for ex in extract_meeting_items(document.meeting, document.items)]
