"""Load on GET /search from concurrent clients on loopback, at the bundled corpus size and at 100k chunks.

Usage: python bench/api_load.py [--clients 8] [--requests 400] [--seconds 60] [--sizes corpus 100000]

Starts `minutes serve` as its own process on a free loopback port (embedded
store, real embedding model, so every request embeds its query), drives it
from N client threads with a bounded number of requests and a time limit,
prints throughput and p50/p95 latency, and stops the server.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

QUERIES = [
    "besparelser på beskæftigelsesområdet", "hjælp til tidligere soldater", "ledighed i december",
    "fleksjob efter ny ordning", "praktikpladser og elever", "borgertilfredshed med jobcentret",
    "budget for tilbudsviften", "SOSU uddannelse for ledige", "partnerskab med erhvervslivet", "kontanthjælp og arbejdspligt",
]  # fmt: skip
FILTERS = [
    {},
    {"committee": "Beskæftigelsesudvalget"},
    {"from": "2025-01-01", "decision": "approved"},
    {"min_amount": "1000000"},
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare_synthetic(data: Path, size: int) -> None:
    from bench.synthetic import synthetic_points
    from index.store_edge import EdgeStore

    store = EdgeStore.open(data / "index")
    store.ensure_collection(384, "multilingual-e5-small+int8")
    batch = []
    for point in synthetic_points(size):
        batch.append(point)
        if len(batch) == 1000:
            store.upsert(batch)
            batch = []
    store.upsert(batch)
    store.close()


def load(url: str, clients: int, requests: int, seconds: float) -> tuple[list[float], int, float]:
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    budget = iter(range(requests))
    deadline = time.monotonic() + seconds

    def client(seed: int) -> None:
        nonlocal errors
        rng = random.Random(seed)
        with httpx.Client(base_url=url, timeout=30) as http:
            while time.monotonic() < deadline:
                with lock:
                    if next(budget, None) is None:
                        return
                params = {"q": rng.choice(QUERIES), "limit": 10} | rng.choice(FILTERS)
                start = time.perf_counter()
                response = http.get("/search", params=params)
                elapsed = time.perf_counter() - start
                with lock:
                    latencies.append(elapsed)
                    errors += response.status_code != 200

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, errors, time.perf_counter() - start


def serve(data: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = os.environ | {
        "MINUTES_DATA": str(data),
        "MINUTES_MODEL_CACHE": str(REPO / ".cache" / "models"),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "cli", "serve", "--port", str(port)],
        env=env,
        cwd=REPO,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            httpx.get(f"{url}/search", params={"q": "varm op"}, timeout=60).raise_for_status()
            return process, url
        except httpx.HTTPError:
            time.sleep(0.5)
    process.kill()
    raise RuntimeError("the server did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--sizes", nargs="+", default=["corpus", "100000"])
    args = parser.parse_args()
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as folder:
            data = Path(folder)
            if size == "corpus":
                env = os.environ | {
                    "MINUTES_DATA": str(data),
                    "MINUTES_MODEL_CACHE": str(REPO / ".cache" / "models"),
                }
                subprocess.run(
                    [sys.executable, "-m", "cli", "ingest", "corpus", "-q", "--json"],
                    env=env,
                    cwd=REPO,
                    check=True,
                    capture_output=True,
                )
            else:
                prepare_synthetic(data, int(size))
            process, url = serve(data)
            try:
                chunks = json.loads(httpx.get(f"{url}/health", timeout=30).text)["chunks"]
                latencies, errors, elapsed = load(url, args.clients, args.requests, args.seconds)
            finally:
                process.send_signal(signal.SIGINT)
                process.wait(timeout=30)
        ordered = sorted(latencies)
        p50 = ordered[len(ordered) // 2] * 1000
        p95 = ordered[int(len(ordered) * 0.95)] * 1000
        print(f"{chunks:>7} chunks · {args.clients} clients · {len(latencies)} requests in {elapsed:.1f} s · "
              f"{len(latencies) / elapsed:.1f} req/s · p50 {p50:.0f} ms · p95 {p95:.0f} ms · errors {errors}")  # fmt: skip


if __name__ == "__main__":
    main()
