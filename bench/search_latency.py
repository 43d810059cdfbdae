"""Query latency of the store at 10k and 100k chunks, embedded (qdrant-edge) and through qdrant-client.

Usage: python bench/search_latency.py [--sizes 10000 100000] [--queries 200] [--client-queries 20]

Prints, per engine and size: write and optimize (HNSW build) time, p50/p95 latency of `Searcher.search`
(hybrid: a dense and a sparse query fused per item, 10 results) without and
with filters, p95 with facets too (the API's default), all with the query's
embedding left out (reported separately), and the process's peak memory. qdrant-client's local mode is a brute-force
Python implementation, so it gets fewer queries at 100k.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.api_load import unique_queries  # noqa: E402
from bench.synthetic import synthetic_points  # noqa: E402
from index.filters import SearchFilter  # noqa: E402
from index.search import CANDIDATE_FIELDS, Searcher  # noqa: E402
from index.sparse import SparseEncoder  # noqa: E402
from index.store_edge import EdgeStore  # noqa: E402
from index.store_qdrant import QdrantStore  # noqa: E402

FILTERS = [
    SearchFilter(committees=("Beskæftigelsesudvalget",)),
    SearchFilter(
        date_from=dt.date(2023, 1, 1), date_to=dt.date(2023, 12, 31), outcomes=("approved",)
    ),
    SearchFilter(case_prefix="15"),
    SearchFilter(min_amount=Decimal(1_000_000), parties=("Venstre",)),
]
QUERIES = [
    "besparelser på beskæftigelsesområdet",
    "ledighed blandt unge",
    "budget for tilbudsviften",
    "fleksjob og førtidspension",
]


class FixedEmbedder:
    """Returns a vector set beforehand, so the timings leave the query's embedding out."""

    name, dim = "fixed", 384
    vector: np.ndarray = np.zeros(384, dtype=np.float32)

    def embed_queries(self, texts):
        return np.stack([self.vector for _ in texts])

    def embed_passages(self, texts):
        return self.embed_queries(texts)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000


def run(store, size: int, queries: int, sparse: SparseEncoder) -> dict[str, float]:
    store.ensure_collection(384, "synthetic")
    start = time.perf_counter()
    batch = []
    for point in synthetic_points(size):
        batch.append(point)
        if len(batch) == 1000:
            store.upsert(batch)
            batch = []
    store.upsert(batch)
    store.flush()
    write = time.perf_counter() - start
    start = time.perf_counter()
    store.optimize()  # as `minutes ingest` leaves the index: HNSW built
    optimize = time.perf_counter() - start
    store.warm(CANDIDATE_FIELDS)  # as `minutes serve` starts
    rng = np.random.default_rng(1)
    embedder = FixedEmbedder()
    searcher = Searcher(store, embedder, sparse)
    timings: dict[str, list[float]] = {"no filter": [], "filters": [], "facets": []}
    for k in range(queries):
        embedder.vector = rng.normal(size=384).astype(np.float32)
        embedder.vector /= np.linalg.norm(embedder.vector)
        query = QUERIES[k % len(QUERIES)]
        for name, flt, facets in (
            ("no filter", None, False),
            ("filters", FILTERS[k % len(FILTERS)], False),
            ("facets", FILTERS[k % len(FILTERS)], True),
        ):
            t = time.perf_counter()
            searcher.search(query, flt, limit=10, facets=facets)
            timings[name].append(time.perf_counter() - t)
    return {
        "write_s": write,
        "optimize_s": optimize,
        "p50": percentile(timings["no filter"], 0.5),
        "p95": percentile(timings["no filter"], 0.95),
        "p50_f": percentile(timings["filters"], 0.5),
        "p95_f": percentile(timings["filters"], 0.95),
        "p95_facets": percentile(timings["facets"], 0.95),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--client-queries", type=int, default=20)
    parser.add_argument("--skip-client", action="store_true")
    args = parser.parse_args()
    sparse = SparseEncoder()
    sparse.encode_query("varm op")
    rows = []
    reopen: dict[int, float] = {}
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as folder:
            store = EdgeStore.open(Path(folder) / "index")
            rows.append(("qdrant-edge (embedded)", size, run(store, size, args.queries, sparse)))
            store.close()
            start = time.perf_counter()  # what every CLI command pays: load, lock, settle
            EdgeStore.open(Path(folder) / "index").close()
            reopen[size] = time.perf_counter() - start
        if not args.skip_client:
            from qdrant_client import QdrantClient

            with tempfile.TemporaryDirectory() as folder:
                store = QdrantStore(QdrantClient(path=str(Path(folder) / "q")), "bench")
                queries = args.queries if size <= 10_000 else args.client_queries
                rows.append(("qdrant-client (local)", size, run(store, size, queries, sparse)))
                store.close()
        print(f"… {size} done", file=sys.stderr)
    print(
        f"{'engine':<24}{'chunks':>8}{'write s':>9}{'optimize s':>12}{'p50 ms':>8}{'p95 ms':>8}{'p50 filt':>10}{'p95 filt':>10}{'p95 +facets':>13}"
    )
    for engine, size, r in rows:
        print(
            f"{engine:<24}{size:>8}{r['write_s']:>9.1f}{r['optimize_s']:>12.1f}{r['p50']:>8.1f}{r['p95']:>8.1f}{r['p50_f']:>10.1f}{r['p95_f']:>10.1f}{r['p95_facets']:>13.1f}"
        )
    for size, seconds in reopen.items():
        print(f"qdrant-edge: opening the {size}-chunk index again took {seconds:.2f} s")
    print(
        f"peak memory of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
    )
    _embedding_cost()


def _embedding_cost() -> None:
    from index.embedder import load_embedder

    embedder = load_embedder(cache_dir=REPO / ".cache" / "models", quantize=True)
    embedder.embed_queries(["varm op"])
    times = []
    for q in unique_queries(100):  # all different: the embedder keeps recent query vectors
        t = time.perf_counter()
        embedder.embed_queries([q])
        times.append(time.perf_counter() - t)
    print(
        f"query embedding ({embedder.name}): p50 {percentile(times, 0.5):.1f} ms, p95 {percentile(times, 0.95):.1f} ms (not included above)"
    )


if __name__ == "__main__":
    main()
