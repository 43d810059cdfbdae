"""The HTTP API on a real uvicorn server: search, items, meetings, cases, feeds, exports, protected writes."""

from __future__ import annotations

import csv
import io
import shutil
import threading
import xml.etree.ElementTree as ET

import httpx
import pytest
from api_server import serve
from conftest import AARHUS
from pdf_factory import make_minutes_pdf

from index.embedder import HashEmbedder
from index.service import MinutesIndex
from search_api.app import create_app
from search_api.settings import ApiSettings

KEY = "hemmelig-noegle-42"
CLOSED = "randers-2025-08-12-beskaeftigelsesudvalget-punkt-75"
AARHUS_CLOSED = "aarhus-2025-08-27-aarhus-byraad-punkt-21"


@pytest.fixture(scope="module")
def server(tmp_path_factory, randers_one):
    data = tmp_path_factory.mktemp("api-data")
    corpus = tmp_path_factory.mktemp("api-corpus")
    for path in [*randers_one.minutes.values(), *randers_one.background]:
        shutil.copy(path, corpus)
    if AARHUS.exists():
        shutil.copy(AARHUS, corpus)
    settings = ApiSettings(
        MINUTES_DATA=data,
        MINUTES_MODEL="hash",
        MINUTES_API_KEY=KEY,
        MINUTES_MAX_UPLOAD_BYTES=2_000_000,
    )
    index = MinutesIndex(settings, embedder=HashEmbedder())
    index.indexer.ingest_paths(sorted(corpus.iterdir()))
    with (
        serve(create_app(settings, index)) as url,
        httpx.Client(base_url=url, timeout=60) as client,
    ):
        yield client


def test_search_over_a_qdrant_server_store_answers_the_same(tmp_path, randers_one):
    """A store that waits on a server runs whole searches in worker threads; same answers."""
    from qdrant_client import QdrantClient

    from index.store_qdrant import QdrantStore

    settings = ApiSettings(MINUTES_DATA=tmp_path, MINUTES_MODEL="hash")
    store = QdrantStore(QdrantClient(":memory:"), "minutes")
    assert store.in_process is False
    index = MinutesIndex(settings, embedder=HashEmbedder(), store=store)
    index.indexer.ingest_paths([randers_one.minutes["2025-08-12"]])
    query = {"q": "veteranindsatsen", "limit": 3}
    expected = index.searcher.search(query["q"], limit=3).as_dict()
    with serve(create_app(settings, index)) as url:
        body = httpx.get(f"{url}/search", params=query, timeout=60).json()
    assert body["results"] == expected["results"] and body["results"]
    assert body["results"][0]["item_id"] == "randers-2025-08-12-beskaeftigelsesudvalget-punkt-69"


def error_of(response: httpx.Response) -> dict:
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "message", "field", "code"}
    assert body["error"]["status"] == response.status_code
    return body["error"]


def test_health(server):
    body = server.get("/health").json()
    assert body["status"] == "ok" and body["items"] > 60 and body["model"] == "hash-384"


def test_search_results_and_facets(server):
    body = server.get("/search", params={"q": "veteranindsatsen", "limit": 3}).json()
    first = body["results"][0]
    assert first["item_id"] == "randers-2025-08-12-beskaeftigelsesudvalget-punkt-69"
    assert first["pages"] and first["snippet"] and first["outcomes"] == ["noted"]
    assert body["total"] >= 3 and body["limit"] == 3 and body["offset"] == 0
    assert "Beskæftigelsesudvalget" in body["facets"]["committee"]
    page2 = server.get("/search", params={"q": "veteranindsatsen", "limit": 3, "offset": 3}).json()
    assert not {r["item_id"] for r in page2["results"]} & {r["item_id"] for r in body["results"]}


@pytest.mark.parametrize(
    ("q", "committee"), [("budget", "Aarhus Byråd"), ("beskæftigelse", "Beskæftigelsesudvalget")]
)
def test_search_filters(server, q, committee):
    if committee == "Aarhus Byråd" and not AARHUS.exists():
        pytest.skip(f"{AARHUS} is not here")
    body = server.get(
        "/search", params={"q": q, "committee": committee, "decision": "approved", "limit": 50}
    ).json()
    assert body["results"] and all(
        r["committee"] == committee and "approved" in r["outcomes"] for r in body["results"]
    )
    body = server.get("/search", params={"kind": "other", "limit": 5}).json()
    assert all(r["kind"] == "other" for r in body["results"])


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"decision": "vedtaget"}, "decision"),
        ({"from": "2025-13-01"}, "from"),
        ({"min_amount": "10", "max_amount": "1"}, "min_amount"),
        ({"limit": "0"}, "limit"),
        ({"limit": "100000"}, "limit"),
        ({"q": "x" * 600}, "q"),
        ({"kind": "referat"}, "kind"),
        ({"mode": "magic"}, "mode"),
        ({"committee": "Udvalget der ikke findes"}, "committee"),
        ({"party": "Piratpartiet"}, "party"),
        ({"to": "2025-02-30"}, "to"),
        ({"from": "2025-09-01", "to": "2025-01-01"}, "from"),
        ({"person_role": "chef"}, "person_role"),
    ],
)
def test_bad_parameters_get_one_error_shape(server, params, field):
    response = server.get("/search", params=params)
    assert response.status_code == 422
    assert error_of(response)["field"] == field


def test_committee_is_resolved(server):
    exact = server.get("/search", params={"committee": "Beskæftigelsesudvalget", "limit": 50})
    folded = server.get("/search", params={"committee": "beskæftigelsesudvalget", "limit": 50})
    assert exact.json()["results"] and folded.json()["results"] == exact.json()["results"]
    unknown = error_of(server.get("/search", params={"committee": "Kulturudvalget"}))
    assert "Beskæftigelsesudvalget" in unknown["message"]  # the known committees are listed


def test_party_letter_and_name_are_one_party(server, aarhus_pdf):
    by_letter = server.get("/search", params={"party": "V", "limit": 50}).json()["results"]
    by_name = server.get("/search", params={"party": "Venstre", "limit": 50}).json()["results"]
    assert by_letter and by_letter == by_name


def test_item_meeting_and_case(server, randers_one):
    item = server.get("/items/randers-2025-08-12-beskaeftigelsesudvalget-punkt-74").json()
    assert item["votes"][0]["against_names"] == ["Bo Vestergaard", "Jesper Gade"]
    assert item["sections"] and item["source"] == randers_one.minutes["2025-08-12"].name
    meetings = server.get("/meetings").json()
    second = "2025-08-27" if AARHUS.exists() else "2025-08-12"
    assert [m["date"] for m in meetings][:2] == ["2026-02-03", second]
    meeting = server.get("/meetings/randers-2025-08-12-beskaeftigelsesudvalget").json()
    assert [i["number"] for i in meeting["items"]] == list(range(66, 81))
    case = server.get("/cases/15.00.00-G01-5-25").json()
    assert [i["meeting"]["date"] for i in case["items"]] == ["2025-08-12", "2026-02-03"]
    for path in (
        "/items/nope-punkt-1",
        "/items/nope%231",
        "/meetings/nope",
        "/cases/99.99.99-X99-1-99",
    ):
        response = server.get(path)
        assert response.status_code == 404 and error_of(response)["message"]


def test_feed_and_exports(server):
    feed = server.get("/search.atom", params={"q": "fleksjob"})
    assert feed.headers["content-type"].startswith("application/atom+xml")
    root = ET.fromstring(feed.text)
    entries = root.findall("{http://www.w3.org/2005/Atom}entry")
    link = entries[0].find("{http://www.w3.org/2005/Atom}link").get("href")
    assert link.startswith("http://127.0.0.1") and "#" not in link and "%23" not in link
    assert server.get(link).status_code == 200  # the page that opens the item
    exported = server.get("/export", params={"q": "fleksjob", "format": "csv", "limit": 5})
    text = exported.content.decode("utf-8-sig")  # with a BOM, for Danish spreadsheets
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert len(rows) == 5 and rows[0]["Punkt-id"]
    as_json = server.get("/export", params={"q": "fleksjob", "format": "json", "limit": 5}).json()
    assert len(as_json["results"]) == 5


CLOSED_MINUTES = """# REFERAT Økonomiudvalget d. 05-03-2025

## Punkt 7: Godkendelse af dagsorden

00.22.00-P35-1-25

## Beslutning

Godkendt.

## Punkt 8: Lukket: Salg af grund ved havnen

82.02.00-G01-4-25

## Sagsfremstilling

Køber er Zebrafisken ApS, som byder 4,2 mio. kr. for grunden.

## Beslutning

Godkendt.
"""


def test_closed_items_never_leak(server):
    files = {"files": ("oekonomi.md", CLOSED_MINUTES.encode(), "text/markdown")}
    assert (
        server.post("/documents", files=files, headers={"X-API-Key": KEY}).json()["files"][0][
            "status"
        ]
        == "ingested"
    )
    item = server.get("/items/2025-03-05-oekonomiudvalget-punkt-8").json()
    assert item["closed"] and [s["heading"] for s in item["sections"]] == ["Beslutning"]
    responses = [
        server.get("/items/2025-03-05-oekonomiudvalget-punkt-8"),
        server.get("/search", params={"q": "Zebrafisken grund havnen"}),
        server.get("/search", params={"q": "Salg af grund", "min_amount": "1000000"}),
        server.get("/search.atom", params={"q": "Zebrafisken"}),
        server.get("/export", params={"q": "Zebrafisken", "format": "csv"}),
        server.get("/export", params={"q": "Zebrafisken", "format": "json"}),
        server.get("/meetings/2025-03-05-oekonomiudvalget"),
        server.get("/cases/82.02.00-G01-4-25"),
        server.get("/search", params={"q": "", "committee": "Økonomiudvalget"}),
    ]
    for response in responses:
        assert response.status_code == 200
        text = response.text
        if "atom" in response.headers["content-type"]:
            text = text[text.find("<entry>") :]  # the feed's own title repeats the query
        assert "Zebrafisken" not in text and "4,2 mio" not in text
    found = server.get("/search", params={"q": "Salg af grund ved havnen"}).json()["results"]
    assert any(r["item_id"] == "2025-03-05-oekonomiudvalget-punkt-8" and r["closed"] for r in found)
    for item_id in (CLOSED, AARHUS_CLOSED) if AARHUS.exists() else (CLOSED,):
        item = server.get(f"/items/{item_id}").json()
        assert item["closed"] and all(s["kind"] == "decision" for s in item["sections"])


def test_writes_need_the_key(server, tmp_path):
    pdf = make_minutes_pdf(tmp_path / "teknik.pdf")
    files = {"files": ("teknik.pdf", pdf.read_bytes(), "application/pdf")}
    assert server.post("/documents", files=files).status_code == 401
    response = server.post("/documents", files=files, headers={"X-API-Key": "forkert"})
    assert response.status_code == 403 and error_of(response)["field"] == "X-API-Key"
    assert server.delete("/documents/abc", headers={"X-API-Key": "forkert"}).status_code == 403
    too_big = {"files": ("stor.pdf", b"%PDF-1.7\n" + b"0" * 2_100_000, "application/pdf")}
    assert server.post("/documents", files=too_big, headers={"X-API-Key": KEY}).status_code == 413


def test_upload_search_delete(server, tmp_path):
    pdf = make_minutes_pdf(tmp_path / "teknik.pdf")
    files = [
        ("files", ("teknik.pdf", pdf.read_bytes(), "application/pdf")),
        ("files", ("ødelagt.pdf", b"%PDF-1.7 garbage", "application/pdf")),
    ]
    body = server.post("/documents", files=files, headers={"X-API-Key": KEY}).json()
    statuses = {f["source"]: f for f in body["files"]}
    assert statuses["teknik.pdf"]["status"] == "ingested" and statuses["teknik.pdf"]["items"] == 3
    assert (
        statuses["ødelagt.pdf"]["status"] == "failed"
        and "afkortet" in statuses["ødelagt.pdf"]["reason"]
    )
    again = server.post("/documents", files=files[:1], headers={"X-API-Key": KEY}).json()
    assert again["files"][0]["status"] == "unchanged"
    hits = server.get("/search", params={"q": "cykelsti Ringvejen", "limit": 3}).json()["results"]
    assert hits[0]["committee"] == "Teknik- og Miljøudvalget"
    doc_id = statuses["teknik.pdf"]["doc_id"]
    assert server.delete(f"/documents/{doc_id}", headers={"X-API-Key": KEY}).json() == {
        "doc_id": doc_id,
        "deleted": True,
    }
    hits = server.get("/search", params={"q": "cykelsti Ringvejen", "limit": 50}).json()["results"]
    assert not [h for h in hits if h["committee"] == "Teknik- og Miljøudvalget"]
    gone = server.get(
        "/search", params={"q": "cykelsti Ringvejen", "committee": "Teknik- og Miljøudvalget"}
    )
    assert gone.status_code == 422 and error_of(gone)["field"] == "committee"
    assert server.delete(f"/documents/{doc_id}", headers={"X-API-Key": KEY}).status_code == 404


def test_reads_go_on_during_an_upload(server, tmp_path):
    pdf = make_minutes_pdf(tmp_path / "lang.pdf", items=12)
    errors: list[str] = []
    done = threading.Event()

    def upload() -> None:
        try:
            server.post(
                "/documents",
                files={"files": ("lang.pdf", pdf.read_bytes())},
                headers={"X-API-Key": KEY},
            )
        finally:
            done.set()

    thread = threading.Thread(target=upload)
    thread.start()
    reads = 0
    while not done.is_set() or reads < 5:
        response = server.get("/search", params={"q": "beskæftigelse", "limit": 5})
        if response.status_code != 200 or not response.json()["results"]:
            errors.append(response.text[:200])
        reads += 1
    thread.join()
    assert not errors and reads >= 5


def test_openapi_describes_the_whole_item(server):
    schema = server.get("/openapi.json").json()
    item = schema["components"]["schemas"]["Item"]["properties"]
    for field in ("sections", "decisions", "prior_decisions", "votes", "absent", "amounts"):
        assert field in item and item[field].get("description") or item[field].get("items")
    for field in ("references", "attachments", "source", "page_start", "page_end"):
        assert field in item
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            assert operation.get("description") or operation.get("summary"), (method, path)
            for parameter in operation.get("parameters", []):
                assert parameter.get("description"), (path, parameter["name"])
