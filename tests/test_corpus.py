"""The bundled corpus parses to the gold items, and its background documents stay documents."""

from __future__ import annotations

from collections import Counter

import pytest
from conftest import CORPUS, CORPUS_GOLD, EVAL

from ingest import DocumentKind, parse_file

MINUTES = {
    "2026-02-03": "randers-social-og-arbejdsmarkedsudvalget-2026-02-03.pdf",
    "2025-08-12": "randers-beskaeftigelsesudvalget-2025-08-12.pdf",
    "2025-02-04": "randers-beskaeftigelsesudvalget-2025-02-04.pdf",
}


@pytest.mark.parametrize("meeting_date", sorted(MINUTES))
def test_corpus_minutes_match_gold(gold_items, meeting_date):
    document = parse_file(CORPUS / MINUTES[meeting_date])
    gold = gold_items[meeting_date]
    assert document.meeting.committee == gold["committee"]
    assert document.meeting.date.isoformat() == meeting_date
    got = [
        [it.number, it.title, it.case_numbers[0] if it.case_numbers else None]
        for it in document.items
    ]
    assert got == gold["items"]
    assert all(
        it.page_start >= 3 for it in document.items
    )  # cover and table of contents are not items
    text = "\n".join(s.text for it in document.items for s in it.sections)
    assert "Side " not in text and "Indholdsfortegnelse" not in text


def test_corpus_background_documents():
    plan = parse_file(CORPUS / "background-beskaeftigelsesplan-2022.pdf")
    web = parse_file(CORPUS / "background-beskaeftigelsesindsatsen-webkapitel.pdf")
    for document in (plan, web):
        assert document.kind is DocumentKind.OTHER and document.meeting is None
    headings = [s.heading for s in plan.sections]
    assert any("1. Indledning" in h for h in headings)
    assert not any("Indledning1." in h or "1.1.1.1" in h for h in headings)
    paragraphs = Counter(p for s in plan.sections for p in s.text.split("\n\n") if len(p) > 40)
    assert max(paragraphs.values()) == 1


def test_the_repository_gold_is_a_copy_of_the_shared_gold():
    """tests/data/corpus-items.gold.jsonl stands in for ../shared/eval where that is missing."""
    shared = EVAL / "items.gold.jsonl"
    if not shared.exists():
        pytest.skip(f"{shared} is not here")
    assert CORPUS_GOLD.read_text(encoding="utf-8") == shared.read_text(encoding="utf-8")
