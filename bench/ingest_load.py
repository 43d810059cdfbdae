"""Search latency while a long document is ingested through the API, and a small upload meanwhile.

Usage: python bench/ingest_load.py [--pages 4000] [--clients 2] [--baseline 15]
                                   [--model hash|multilingual-e5-small+onnx]

Starts `minutes serve` as its own process over the bundled corpus (embedded
store), runs GET /search from N client threads for `--baseline` seconds with
no upload, then uploads a generated minutes PDF of `--pages` pages (one item a
page, tests/long_pdf.py) with `wait=false` and keeps searching until GET
/uploads/{id} says done. Halfway through the long upload's extraction it
sends a small PDF with `wait=true` and times it. Prints search p50/p95/max
without and during the upload, the upload's phases and time, and the small
upload's time. `--model hash` is the stand-in embedder (fast: the upload is
mostly parsing and extraction); the real model spends most of it embedding.
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import os
import random
import signal
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import httpx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from long_pdf import long_minutes_pdf  # noqa: E402
from pdf_factory import make_minutes_pdf  # noqa: E402

from bench.api_load import FILTERS, ingest_corpus, serve, unique_queries  # noqa: E402

KEY = "bench-noegle"


def search_until(url: str, clients: int, stop: threading.Event) -> tuple[list[float], int]:
    """Latencies of GET /search from `clients` threads until `stop` is set; and errors."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    queries = itertools.cycle(unique_queries(5000))
    where = urlsplit(url)

    def client(seed: int) -> None:
        nonlocal errors
        rng = random.Random(seed)
        connection = http.client.HTTPConnection(where.hostname, where.port, timeout=60)
        try:
            while not stop.is_set():
                with lock:
                    query = next(queries)
                params = {"q": query, "limit": 10} | rng.choice(FILTERS)
                start = time.perf_counter()
                connection.request("GET", "/search?" + urlencode(params))
                response = connection.getresponse()
                response.read()
                with lock:
                    latencies.append(time.perf_counter() - start)
                    errors += response.status != 200
        finally:
            connection.close()

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    stop.wait()
    for t in threads:
        t.join()
    return latencies, errors


def figures(latencies: list[float]) -> str:
    ordered = sorted(latencies)
    p50, p95 = ordered[len(ordered) // 2], ordered[int(len(ordered) * 0.95)]
    return (
        f"{len(ordered)} searches · p50 {p50 * 1000:.0f} ms · p95 {p95 * 1000:.0f} ms · "
        f"max {ordered[-1] * 1000:.0f} ms"
    )


def upload_long(url: str, data: bytes, small: bytes) -> tuple[dict, float, float, list[str]]:
    """The long upload's final status, its seconds, the small upload's seconds, phases seen."""
    phases: list[str] = []
    small_seconds = float("nan")
    with httpx.Client(base_url=url, timeout=600, headers={"X-API-Key": KEY}) as client:
        start = time.perf_counter()
        queued = client.post(
            "/documents", params={"wait": "false"}, files={"files": ("lang.pdf", data)}
        )
        queued.raise_for_status()
        status = queued.json()
        while status["status"] != "done":
            time.sleep(0.5)
            status = client.get(status["status_url"]).json()
            phase = status["files"][0].get("phase")
            if phase and (not phases or phases[-1] != phase):
                phases.append(phase)
            if phase == "udtrækker" and small_seconds != small_seconds:
                begun = time.perf_counter()
                client.post("/documents", files={"files": ("lille.pdf", small)}).raise_for_status()
                small_seconds = time.perf_counter() - begun
        return status, time.perf_counter() - start, small_seconds, phases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=4000)
    parser.add_argument("--clients", type=int, default=2)
    parser.add_argument("--baseline", type=float, default=15, help="Seconds of search alone.")
    parser.add_argument("--model", default="hash", choices=("hash", "multilingual-e5-small+onnx"))
    args = parser.parse_args()
    os.environ |= {"MINUTES_API_KEY": KEY, "MINUTES_MAX_UPLOAD_BYTES": str(200 << 20)}
    data = long_minutes_pdf(args.pages - 1)  # the cover and one item a page
    print(
        f"model: {args.model} · {args.pages} pages ({len(data) / 1e6:.1f} MB) · {args.clients} search clients"
    )
    with tempfile.TemporaryDirectory() as folder:
        index = Path(folder) / "data"
        ingest_corpus(index, args.model)
        small = make_minutes_pdf(Path(folder) / "lille.pdf", items=2).read_bytes()
        process, url = serve(index, args.model)
        try:
            done = threading.Event()
            stop = threading.Timer(args.baseline, done.set)
            stop.start()
            alone, errors = search_until(url, args.clients, done)
            print(f"no upload:     {figures(alone)} · errors {errors}")
            done = threading.Event()
            during: list[tuple[list[float], int]] = []
            searcher = threading.Thread(
                target=lambda: during.append(search_until(url, args.clients, done))
            )
            searcher.start()
            try:
                status, seconds, small_seconds, phases = upload_long(url, data, small)
            finally:
                done.set()
                searcher.join()
            print(f"during upload: {figures(during[0][0])} · errors {during[0][1]}")
            result = status["files"][0]
            print(
                f"long upload: {result['status']}, {result.get('items')} items, {result.get('chunks')} chunks "
                f"in {seconds:.1f} s ({args.pages / seconds:.0f} pages/s) · phases {' → '.join(phases)}"
            )
            print(f"small upload (2 items, wait=true) during it: {small_seconds:.2f} s")
        finally:
            process.send_signal(signal.SIGINT)
            process.wait(timeout=60)


if __name__ == "__main__":
    main()
