"""Ways minutes mark an item closed, each read as a closed item whose decision is not
published: a mark before or after the title, on a line under it, or a sentence saying so.
Fictitious titles."""

from __future__ import annotations

import pytest

from ingest import parse_bytes
from nlp.extract import extract_meeting_items

FORMS = [
    ("2. Lukket punkt: Salg af ejendom", ""),
    ("2. Salg af ejendom (Lukket)", ""),
    ("2. Salg af ejendom - LUKKET", ""),
    ("2. Lukket sag: Salg af ejendom", ""),
    ("2. Lukket: Salg af ejendom", ""),
    ("2. LUKKET PUNKT - Salg af ejendom", ""),
    ("2 (Lukket) Salg af ejendom", ""),
    ("2. Salg af ejendom (Fortroligt)", ""),
    ("Lukket punkt 2: Salg af ejendom", ""),
    ("2. Salg af ejendom", "Lukket punkt"),
    ("2. Salg af ejendom", "Sagen behandles for lukkede døre."),
    ("2. Salg af ejendom", "Punktet er lukket."),
    ("2. Salg af ejendom", "Beslutning\n\nLukket."),
]


@pytest.mark.parametrize(("heading", "under"), FORMS)
def test_a_closed_item_is_closed(heading, under):
    text = (
        "Referat Økonomiudvalget\n\nMødedato: 12. marts 2024\n\n1. Godkendelse af dagsorden\n\n"
        f"Sagsnr.: 24/1180\n\nBeslutning\n\nGodkendt.\n\n{heading}\n\n"
        + (f"{under}\n\n" if under else "")
        + "3. Meddelelser\n\nBeslutning\n\nIntet.\n"
    )
    document = parse_bytes(text.encode("utf-8"), "side.txt")
    extractions = extract_meeting_items(document.meeting, list(document.items))
    assert [i.number for i in document.items] == [1, 2, 3]
    item, extraction = document.items[1], extractions[1]
    assert item.closed and "Salg af ejendom" in item.title
    assert [d.outcome.value for d in extraction.decisions] in (["closed"], [])
