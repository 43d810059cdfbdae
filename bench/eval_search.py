"""Search quality on the development queries over the whole bundled corpus: dense, sparse, hybrid, and an FTS5 baseline.

Usage: python bench/eval_search.py [--corpus corpus] [--queries FILE ...] [--fp32] [--verbose]

Several query files are scored on one index (built once): e.g.
`--queries ../shared/eval/queries.dev.jsonl bench/queries.paraphrase.jsonl bench/queries.heldout.jsonl`.

Items are keyed MEETING_DATE#ITEM_NUMBER as in the eval data; several chunks of
one item count once. The FTS5 baseline ranks the same items (title + all
section text) with SQLite's bm25(), query words OR-ed, the way a Datasette
archive of the minutes would.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
AARHUS = REPO.parent / "shared" / "external" / "aarhus-byraad-2025-08-27.pdf"
sys.path.insert(0, str(REPO))

from index.service import MinutesIndex  # noqa: E402
from index.settings import IndexSettings  # noqa: E402
from ingest import DocumentKind, parse_file  # noqa: E402


def key(meeting_date: str | None, item_number: int | None) -> str:
    return f"{meeting_date}#{item_number}"


def metrics(ranked: list[str], relevant: set[str]) -> tuple[float, float, float]:
    """nDCG@10, recall@5 and reciprocal rank of one ranked list of item keys."""
    gains = [1.0 if k in relevant else 0.0 for k in ranked[:10]]
    dcg = sum(g / math.log2(i + 2) for i, g in enumerate(gains))
    ideal = sum(1 / math.log2(i + 2) for i in range(min(len(relevant), 10)))
    recall = len(set(ranked[:5]) & relevant) / len(relevant)
    rr = next((1 / (i + 1) for i, k in enumerate(ranked) if k in relevant), 0.0)
    return dcg / ideal, recall, rr


def corpus_files(corpus: Path) -> list[Path]:
    """The corpus PDFs, and the real Aarhus minutes (queries ask for its items) where
    ../shared/external has them: the repository commits no third-party document."""
    files = [*corpus.glob("*.pdf"), *([AARHUS] if AARHUS.exists() else [])]
    return sorted(files, key=lambda p: p.name)


def fts5_baseline(files: list[Path]) -> sqlite3.Connection:
    db = sqlite3.connect(":memory:")
    db.execute("create virtual table items using fts5(key unindexed, title, body)")
    for path in files:
        document = parse_file(path)
        if document.kind is not DocumentKind.MINUTES:
            for k, section in enumerate(document.sections):
                db.execute(
                    "insert into items values (?, ?, ?)",
                    (f"{document.id}#s{k}", section.heading, section.text),
                )
            continue
        for item in document.items:
            db.execute(
                "insert into items values (?, ?, ?)",
                (key(document.meeting.date.isoformat(), item.number), item.title, item.text()),
            )
    return db


def fts5_search(db: sqlite3.Connection, query: str) -> list[str]:
    words = [w for w in re.findall(r"\w+", query.lower()) if len(w) > 1]
    if not words:
        return []
    match = " OR ".join(f'"{w}"' for w in words)
    return [
        row[0]
        for row in db.execute(
            "select key from items where items match ? order by bm25(items) limit 10", (match,)
        )
    ]


def score_set(minutes: MinutesIndex, db: sqlite3.Connection, path: Path, verbose: bool) -> None:
    """Print nDCG@10, recall@5, MRR and median latency per method for one query file."""
    queries = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    runs: dict[str, list[tuple[float, float, float]]] = {}
    latencies: dict[str, list[float]] = {}
    for mode in ("dense", "sparse", "hybrid"):
        for query in queries:
            t = time.perf_counter()
            results = minutes.searcher.search(query["q"], limit=10, mode=mode, facets=False).results
            latencies.setdefault(mode, []).append(time.perf_counter() - t)
            ranked = [key(r.meeting_date, r.item_number) for r in results]
            runs.setdefault(mode, []).append(metrics(ranked, set(query["relevant"])))
            if verbose and mode == "hybrid":
                ranks = [i + 1 for i, k in enumerate(ranked) if k in query["relevant"]]
                print(f"  {query['id']} ranks {ranks or '-'}  {query['q']}")
    runs["fts5 (bm25, OR)"] = [
        metrics(fts5_search(db, q["q"]), set(q["relevant"])) for q in queries
    ]
    print(f"\n{len(queries)} queries · {path.name}")
    print(f"{'method':<18}{'nDCG@10':>9}{'recall@5':>10}{'MRR':>8}{'p50 ms':>9}")
    for method, scores in runs.items():
        n = len(scores)
        lat = sorted(latencies.get(method, [0.0]))
        print(
            f"{method:<18}{sum(s[0] for s in scores) / n:>9.3f}{sum(s[1] for s in scores) / n:>10.3f}"
            f"{sum(s[2] for s in scores) / n:>8.3f}{lat[len(lat) // 2] * 1000:>9.1f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=REPO / "corpus")
    parser.add_argument(
        "--queries",
        type=Path,
        nargs="+",
        default=[REPO.parent / "shared" / "eval" / "queries.dev.jsonl"],
        help="One or more query files (JSON lines with id, q, relevant), scored on one index.",
    )
    parser.add_argument("--model", default="multilingual-e5-small+onnx")
    parser.add_argument("--fp32", action="store_true", help="Use the fp32 model instead of int8.")
    parser.add_argument("--model-cache", type=Path, default=REPO / ".cache" / "models")
    parser.add_argument(
        "--verbose", action="store_true", help="Print the hybrid ranks of each query's items."
    )
    args = parser.parse_args()

    files = corpus_files(args.corpus)
    db = fts5_baseline(files)
    with tempfile.TemporaryDirectory() as data:
        settings = IndexSettings(
            MINUTES_DATA=data,
            MINUTES_MODEL=args.model,
            MINUTES_MODEL_CACHE=args.model_cache,
            MINUTES_QUANTIZE=not args.fp32,
        )
        minutes = MinutesIndex(settings)
        start = time.perf_counter()
        summary = minutes.indexer.ingest_paths(files)
        print(
            f"indexed {summary.as_dict()['items']} units, {summary.as_dict()['chunks']} chunks "
            f"in {time.perf_counter() - start:.1f} s with {minutes.embedder.name}"
        )
        for path in args.queries:
            score_set(minutes, db, path, args.verbose)
        minutes.close()


if __name__ == "__main__":
    main()
