"""`minutes serve` as a process: it holds the embedded store; other commands get a clear message or go through it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from api_server import free_port
from pdf_factory import make_minutes_pdf

from index.embedder import HashEmbedder
from index.filters import SearchFilter
from index.service import MinutesIndex
from index.settings import IndexSettings

REPO = Path(__file__).resolve().parents[1]


def env(data: Path, **extra: str) -> dict[str, str]:
    return (
        os.environ
        | {"MINUTES_DATA": str(data), "MINUTES_MODEL": "hash", "MINUTES_API_KEY": "k3y"}
        | extra
    )


def start_serve(data: Path, minutes: Path) -> tuple[subprocess.Popen, str]:
    """`minutes serve` on an index of one seed file, once its /health answers."""
    subprocess.run(
        [sys.executable, "-m", "cli", "ingest", str(minutes), "-q"],
        env=env(data), cwd=REPO, check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "cli", "serve", "--port", str(port)], env=env(data), cwd=REPO,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                return process, url
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline or process.poll() is not None:
            process.kill()
            pytest.fail(
                f"minutes serve did not start: {process.stderr.read() if process.stderr else ''}"
            )
        time.sleep(0.2)


@pytest.fixture
def server(tmp_path, randers_one):
    data = tmp_path / "data"
    process, url = start_serve(data, randers_one.minutes["2025-02-04"])
    yield url, data
    process.send_signal(signal.SIGINT)
    process.wait(timeout=30)


def test_serve_says_serving_only_once_it_is_ready(tmp_path, randers_one):
    data = tmp_path / "data"
    process, url = start_serve(data, randers_one.minutes["2025-02-04"])
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=30)
    lines = [line for line in stderr.splitlines() if line.startswith("minutes:")]
    assert lines[0].startswith("minutes: åbner") and len(lines) == 2
    assert lines[1] == f"minutes: serverer {data} på {url}/"


def test_writes_beside_the_server_stop_with_a_clear_message(server, tmp_path):
    """Reads go through the server (tests/test_cli_remote.py); a write needs --url."""
    url, data = server
    result = subprocess.run(
        [sys.executable, "-m", "cli", "ingest", str(make_minutes_pdf(tmp_path / "x.pdf"))],
        env=env(data),
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "bruges af en anden minutes-proces" in result.stderr and "--url" in result.stderr


def test_ingest_goes_through_the_running_server(server, tmp_path):
    url, data = server
    pdf = make_minutes_pdf(tmp_path / "teknik.pdf")
    result = subprocess.run(
        [sys.executable, "-m", "cli", "ingest", str(pdf), "--url", url, "--json"],
        env=env(data), cwd=REPO, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["ingested"] == 1
    hits = httpx.get(f"{url}/search", params={"q": "cykelsti"}).json()["results"]
    assert hits and hits[0]["committee"] == "Teknik- og Miljøudvalget"


KILL_SCRIPT = """
import sys
from pathlib import Path
from index.embedder import HashEmbedder
from index.service import MinutesIndex
from index.settings import IndexSettings
import index.indexer as indexer

minutes = MinutesIndex(IndexSettings(MINUTES_DATA=sys.argv[1], MINUTES_MODEL="hash"), embedder=HashEmbedder())
indexer.EMBED_BATCH = 4
print("START", flush=True)
minutes.indexer.ingest_paths([Path(sys.argv[2])])
print("DONE", flush=True)
"""


@pytest.mark.parametrize("delay", [0.5, 1.5, 3.0])
def test_kill_9_mid_ingest_leaves_the_index_as_before(tmp_path, delay):
    data = tmp_path / "data"
    first = make_minutes_pdf(tmp_path / "first.pdf", items=2)
    settings = IndexSettings(MINUTES_DATA=data, MINUTES_MODEL="hash")
    minutes = MinutesIndex(settings, embedder=HashEmbedder())
    minutes.indexer.ingest_paths([first])
    before = minutes.store.count()
    first_docs = {
        h.payload["doc_id"] for h in minutes.store.scroll(SearchFilter(chunk_types=("title",)))
    }
    minutes.close()
    big = make_minutes_pdf(tmp_path / "big.pdf", items=60)
    process = subprocess.Popen(
        [sys.executable, "-c", KILL_SCRIPT, str(data), str(big)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout.readline().strip() == "START"
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    minutes = MinutesIndex(settings, embedder=HashEmbedder())
    try:
        live = minutes.store.count()
        titles = list(minutes.store.scroll(SearchFilter(chunk_types=("title",))))
        docs = {h.payload["doc_id"] for h in titles}
        # Either the index is exactly as before, or the big file committed whole: the same
        # meeting re-published, it replaced the first file (index/identity.py).
        assert (live, docs) == (before, first_docs) or (
            len(docs) == 1 and docs.isdisjoint(first_docs) and len(titles) == 60
        ), (live, before, docs)
        if live == before:
            again = minutes.indexer.ingest_paths([big]).results[0]
            assert again.status == "ingested" and again.items == 60
            assert minutes.store.count(SearchFilter(include_staged=True)) == minutes.store.count()
    finally:
        minutes.close()
