"""Load on GET /search from concurrent clients on loopback, at the bundled corpus size and at 100k chunks.

Usage: python bench/api_load.py [--clients 8] [--requests 400] [--seconds 60] [--sizes corpus 100000]
                                [--data DIR] [--model multilingual-e5-small+onnx]
                                [--vectors corpus|random]

Starts `minutes serve` as its own process on a free loopback port (embedded
store, real embedding model), drives it from N client threads with a bounded
number of requests and a time limit, prints throughput, p50/p95 latency, the
server's CPU per request and the load average, and stops the server. Every request's query is a different text, so the
server's query-vector cache never answers and every request embeds its query.

The 100k index is built as `minutes ingest` leaves one: written, then optimized
(HNSW built), which takes minutes; `--data DIR` keeps it in DIR for the next run.
Its dense vectors are mixtures of the bundled corpus's chunk vectors (`--vectors
corpus`, the default), which HNSW searches as it does text embeddings, or random
unit vectors (`--vectors random`), its worst case (bench/synthetic.py).
"""

from __future__ import annotations

import argparse
import http.client
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
from urllib.parse import urlencode, urlsplit

import httpx
import numpy as np

REPO = Path(__file__).resolve().parents[1]
# Not committed (a third-party document): ingested with the corpus where it is.
AARHUS = REPO.parent / "shared" / "external" / "aarhus-byraad-2025-08-27.pdf"
sys.path.insert(0, str(REPO))

from bench.synthetic import corpus_vectors  # noqa: E402

QUERIES = [
    "besparelser på beskæftigelsesområdet", "hjælp til tidligere soldater", "ledighed i december",
    "fleksjob efter ny ordning", "praktikpladser og elever", "borgertilfredshed med jobcentret",
    "budget for tilbudsviften", "SOSU uddannelse for ledige", "partnerskab med erhvervslivet", "kontanthjælp og arbejdspligt",
]  # fmt: skip
QUALIFIERS = [
    "i 2025", "for unge", "status", "økonomi", "borgere", "kommunen", "nye regler", "evaluering",
    "handleplan", "tal for 2024", "Randers", "udvalget", "forslag", "opfølgning", "indsats",
    "målgruppen", "kvartal", "virksomheder", "kvalitet", "pris", "lovgivning", "sagsbehandling",
    "ventetid", "samarbejde", "mål", "resultater", "projekt", "ansøgning", "puljen", "tilskud",
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


# What an index built by each model records (the server refuses an index of another model).
INDEX_NAMES = {
    "multilingual-e5-small": "multilingual-e5-small+int8",
    "multilingual-e5-small+onnx": "multilingual-e5-small+onnx-int8",
}


def prepare_synthetic(data: Path, size: int, model: str, basis: np.ndarray | None = None) -> None:
    """A synthetic index of `size` chunks, written and optimized as `minutes ingest` leaves one."""
    from bench.synthetic import synthetic_points
    from index.store_edge import EdgeStore

    store = EdgeStore.open(data / "index")
    store.ensure_collection(384, INDEX_NAMES[model])
    batch = []
    for point in synthetic_points(size, basis=basis):
        batch.append(point)
        if len(batch) == 1000:
            store.upsert(batch)
            batch = []
    store.upsert(batch)
    start = time.perf_counter()
    store.optimize()
    print(f"{size} chunks: optimized in {time.perf_counter() - start:.0f} s", file=sys.stderr)
    store.close()


def unique_queries(count: int, seed: int = 1) -> list[str]:
    """`count` different queries: a topic with one or two qualifiers."""
    rng = random.Random(seed)
    found: dict[str, None] = {}
    while len(found) < count:
        words = rng.sample(QUALIFIERS, rng.choice((1, 2)))
        found[" ".join([rng.choice(QUERIES), *words])] = None
    return list(found)


def load(url: str, clients: int, requests: int, seconds: float) -> tuple[list[float], int, float]:
    """Latencies of GET /search from `clients` threads, each on one keep-alive connection.

    http.client rather than httpx: the clients share the server's two cores, and
    a lighter client leaves more of them to the server.
    """
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    budget = iter(unique_queries(requests))
    deadline = time.monotonic() + seconds
    where = urlsplit(url)

    def client(seed: int) -> None:
        nonlocal errors
        rng = random.Random(seed)
        connection = http.client.HTTPConnection(where.hostname, where.port, timeout=30)
        try:
            while time.monotonic() < deadline:
                with lock:
                    query = next(budget, None)
                if query is None:
                    return
                params = {"q": query, "limit": 10} | rng.choice(FILTERS)
                start = time.perf_counter()
                connection.request("GET", "/search?" + urlencode(params))
                response = connection.getresponse()
                response.read()
                elapsed = time.perf_counter() - start
                with lock:
                    latencies.append(elapsed)
                    errors += response.status != 200
        finally:
            connection.close()

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, errors, time.perf_counter() - start


def cpu_seconds(pid: int) -> float | None:
    """CPU time (user + system) of a process so far, from /proc (Linux); None elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def model_env(data: Path, model: str) -> dict[str, str]:
    return os.environ | {
        "MINUTES_DATA": str(data),
        "MINUTES_MODEL_CACHE": str(REPO / ".cache" / "models"),
        "MINUTES_MODEL": model,
    }


def serve(data: Path, model: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "cli", "serve", "--port", str(port)],
        env=model_env(data, model),
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


def ingest_corpus(data: Path, model: str) -> None:
    extra = [str(AARHUS)] if AARHUS.exists() else []
    subprocess.run(
        [sys.executable, "-m", "cli", "ingest", "corpus", *extra, "-q", "--json"],
        env=model_env(data, model),
        cwd=REPO,
        check=True,
        capture_output=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--sizes", nargs="+", default=["corpus", "100000"])
    parser.add_argument("--data", type=Path, help="Keep (and reuse) the synthetic index here.")
    parser.add_argument(
        "--model", default="multilingual-e5-small+onnx", choices=sorted(INDEX_NAMES)
    )
    parser.add_argument(
        "--vectors",
        choices=("corpus", "random"),
        default="corpus",
        help="Synthetic dense vectors: mixtures of the corpus's chunk vectors, or random ones.",
    )
    args = parser.parse_args()
    print(f"model: {args.model} · synthetic vectors: {args.vectors}")
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus"
        ingest_corpus(corpus, args.model)
        for size in args.sizes:
            data = corpus
            if size != "corpus":
                name = f"{size}-{args.vectors}-{INDEX_NAMES[args.model]}"
                data = (args.data or Path(folder)) / name
                if not (data / "index" / "shard").exists():
                    basis = corpus_vectors(corpus / "index") if args.vectors == "corpus" else None
                    prepare_synthetic(data, int(size), args.model, basis)
            process, url = serve(data, args.model)
            try:
                chunks = json.loads(httpx.get(f"{url}/health", timeout=30).text)["chunks"]
                cpu_before = cpu_seconds(process.pid)
                latencies, errors, elapsed = load(url, args.clients, args.requests, args.seconds)
                cpu_after = cpu_seconds(process.pid)
            finally:
                process.send_signal(signal.SIGINT)
                process.wait(timeout=30)
            ordered = sorted(latencies)
            p50 = ordered[len(ordered) // 2] * 1000
            p95 = ordered[int(len(ordered) * 0.95)] * 1000
            # The server's CPU per request: less sensitive than latency to other work on the machine.
            cpu = ""
            if cpu_before is not None and cpu_after is not None and latencies:
                cpu = f" · server CPU {(cpu_after - cpu_before) / len(latencies) * 1000:.1f} ms/request"
            load_average = f" · load {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else ""
            print(f"{chunks:>7} chunks · {args.clients} clients · {len(latencies)} requests in {elapsed:.1f} s · "
                  f"{len(latencies) / elapsed:.1f} req/s · p50 {p50:.0f} ms · p95 {p95:.0f} ms · errors {errors}"
                  f"{cpu}{load_average}")  # fmt: skip


if __name__ == "__main__":
    main()
