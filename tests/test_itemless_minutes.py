"""Minutes whose items cannot be told apart are still indexed, searchable and listed as minutes."""

from __future__ import annotations

from index.embedder import HashEmbedder
from index.service import MinutesIndex
from index.settings import IndexSettings

# One line a page, as a PDF-to-text site flattens it: no item can be told apart.
FLATTENED = (
    "Referat fra Økonomiudvalget Mødedato: Mandag den 6. oktober 2014 "
    "1. Godkendelse af dagsorden Sagsid.: 14/40 Beslutning Økonomiudvalget den Godkendt. "
    "2. Kunstgræsbaner i Bramming Sagsid.: 14/41 Beslutning Økonomiudvalget den "
    "Timeprisen for kunstgræsbanerne fastsættes til 300 kr.\n"
)


def test_itemless_minutes_are_searchable_with_their_meeting(tmp_path):
    (tmp_path / "referat.txt").write_text(FLATTENED, encoding="utf-8")
    settings = IndexSettings(MINUTES_DATA=tmp_path / "data", MINUTES_MODEL="hash")
    minutes = MinutesIndex(settings, embedder=HashEmbedder())
    try:
        summary = minutes.indexer.ingest_paths([tmp_path / "referat.txt"])
        assert summary.count("ingested") == 1
        response = minutes.searcher.search("kunstgræsbanerne timepris", limit=5)
        assert response.results
        top = response.results[0]
        assert top.kind == "minutes"
        assert top.committee == "Økonomiudvalget"
        assert top.meeting_date.startswith("2014-10-06")
    finally:
        minutes.close()
