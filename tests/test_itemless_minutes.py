"""Minutes whose items cannot be told apart are still indexed, searchable and listed as minutes."""

from __future__ import annotations

import httpx
from api_server import serve

from index.embedder import HashEmbedder
from index.service import MinutesIndex
from index.settings import IndexSettings
from search_api.app import create_app
from search_api.settings import ApiSettings

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


# A transcript that lost the digits of its date: minutes of a body, with no date.
UNDATED = """Økonomiudvalget Åben beslutningsprotokol
Transkript
1 Åben beslutningsprotokol kl. 10:00 Lokale 12 Afbud: Lene Dahl
2 Salg af grund på Skovvej Sagsnr.: 07/2153 Sagsansvarlig: HBA Fraværende: Afbud: Sagens formål Salg af en grund på Skovvej til daginstitution.
"""


def test_undated_minutes_of_two_meetings_are_kept_searchable_and_served(tmp_path):
    """Two undated meetings of one body are two meetings: neither replaces the other, and the
    API lists, shows and serves them (no date in, none made up)."""
    (tmp_path / "a.txt").write_text(UNDATED, encoding="utf-8")
    (tmp_path / "b.txt").write_text(UNDATED.replace("Skovvej", "Enghavevej"), encoding="utf-8")
    settings = ApiSettings(MINUTES_DATA=tmp_path / "data", MINUTES_MODEL="hash")
    minutes = MinutesIndex(settings, embedder=HashEmbedder())
    summary = minutes.indexer.ingest_paths([tmp_path / "a.txt", tmp_path / "b.txt"])
    assert summary.count("ingested") == 2
    ids = set()
    for road in ("Skovvej", "Enghavevej"):
        top = minutes.searcher.search(f"salg af grund {road}", limit=3).results[0]
        assert (top.kind, top.committee, top.meeting_date) == ("minutes", "Økonomiudvalget", None)
        assert road in top.title
        ids.add(top.item_id)
    assert len(ids) == 2
    with serve(create_app(settings, minutes)) as url, httpx.Client(base_url=url) as client:
        meetings = client.get("/meetings").json()
        assert [(m["committee"], m["date"]) for m in meetings] == [("Økonomiudvalget", None)] * 2
        meeting = client.get(f"/meetings/{meetings[0]['id']}")
        assert meeting.status_code == 200 and meeting.json()["date"] is None
        for item_id in ids:
            item = client.get(f"/items/{item_id}")
            assert item.status_code == 200 and item.json()["meeting"]["date"] is None
