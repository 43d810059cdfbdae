"""A long upload is ingested beside the server: searches and other uploads go on, and its status is followed.

A 4,000-page minutes PDF (tests/long_pdf.py) is uploaded with `wait=false` to a
real server; while it is ingested, searches answer within a second or two each,
a small upload finishes before it, and GET /uploads/{id} reports its progress
until it is done with the file's result.
"""

from __future__ import annotations

import statistics
import threading
import time

import httpx
import pytest
from api_server import serve
from long_pdf import long_minutes_pdf
from pdf_factory import make_minutes_pdf

from index.embedder import HashEmbedder
from index.service import MinutesIndex
from search_api.app import create_app
from search_api.settings import ApiSettings

pytestmark = pytest.mark.slow  # a real server and a 4,000-page ingest: about a minute

KEY = "upload-noegle"
PAGES = 4000
HEADERS = {"X-API-Key": KEY}


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    folder = tmp_path_factory.mktemp("upload-jobs")
    settings = ApiSettings(
        MINUTES_DATA=folder / "data",
        MINUTES_MODEL="hash",
        MINUTES_API_KEY=KEY,
        MINUTES_MAX_UPLOAD_BYTES=20_000_000,
    )
    index = MinutesIndex(settings, embedder=HashEmbedder())
    index.indexer.ingest_paths([make_minutes_pdf(folder / "teknik.pdf", items=6)])
    with (
        serve(create_app(settings, index)) as url,
        httpx.Client(base_url=url, timeout=120) as client,
    ):
        yield client


def test_a_long_upload_blocks_neither_searches_nor_other_uploads(client, tmp_path):
    started = time.perf_counter()
    data = long_minutes_pdf(PAGES)
    assert time.perf_counter() - started < 3

    queued = client.post(
        "/documents", params={"wait": "false"}, files={"files": ("lang.pdf", data)}, headers=HEADERS
    )
    assert queued.status_code == 202, queued.text
    body = queued.json()
    status_url = body["status_url"]
    assert queued.headers["location"] == status_url == f"/uploads/{body['upload_id']}"
    assert body["status"] in ("queued", "running")

    latencies: list[float] = []
    phases: set[str] = set()
    small_done_while_running = False
    small = make_minutes_pdf(tmp_path / "lille.pdf", items=2).read_bytes()
    small_result: dict = {}

    def upload_small() -> None:
        response = client.post("/documents", files={"files": ("lille.pdf", small)}, headers=HEADERS)
        small_result.update(response.json()["files"][0] | {"http": response.status_code})

    other = threading.Thread(target=upload_small)
    deadline = time.monotonic() + 300
    status = body
    while status["status"] != "done":
        assert time.monotonic() < deadline, status
        start = time.perf_counter()
        found = client.get("/search", params={"q": "cykelsti Ringvejen", "limit": 5})
        latencies.append(time.perf_counter() - start)
        assert found.status_code == 200 and found.json()["results"], found.text[:300]
        status = client.get(status_url).json()
        file = status["files"][0]
        if file["status"] == "running":
            phases.add(file["phase"])
            if not other.is_alive() and not small_result and "udtrækker" in phases:
                other.start()  # a second upload in the middle of the long one
        if small_result and status["status"] != "done":
            small_done_while_running = True
    other.join()

    result = status["files"][0]
    assert result["status"] == "ingested" and result["items"] == PAGES, result
    assert {"læser", "udtrækker", "indlejrer"} <= phases, phases
    assert small_result["http"] == 200 and small_result["status"] == "ingested", small_result
    assert small_done_while_running, "the small upload waited for the long one"
    latencies.sort()
    p95 = latencies[int(0.95 * (len(latencies) - 1))]
    # Typically p95 under 0.1 s and the longest under 1 s (docs/BENCHMARKS.md); the bounds leave
    # room for a busy machine, far under the whole ingest (20 s and more) that a held lock gives.
    assert len(latencies) >= 10 and p95 < 1.0 and latencies[-1] < 5, (
        statistics.median(latencies),
        p95,
        latencies[-5:],
    )
    hits = client.get("/search", params={"q": "asfaltere vej 3999", "limit": 3}).json()["results"]
    assert hits and hits[0]["committee"] == "Vejudvalget"
    assert client.get(status_url).json() == status  # the result stays to be read again


def test_an_unknown_upload_is_a_404_in_the_one_error_shape(client):
    response = client.get("/uploads/findes-ikke")
    assert response.status_code == 404
    error = response.json()["error"]
    assert (error["status"], error["field"]) == (404, "upload_id")
    assert error["message"] == "ingen upload 'findes-ikke' (eller den er glemt)"


def test_a_small_upload_still_answers_with_its_results(client, tmp_path):
    pdf = make_minutes_pdf(tmp_path / "tre.pdf", items=3, extra_pages=1)
    response = client.post(
        "/documents", files={"files": ("tre.pdf", pdf.read_bytes())}, headers=HEADERS
    )
    body = response.json()
    assert response.status_code == 200 and body["status"] == "done"
    assert body["files"][0]["status"] == "ingested" and body["files"][0]["items"] == 3
    assert client.get(body["status_url"]).json() == body
