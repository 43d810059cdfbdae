"""Choose the dense score at which an item matches a query on meaning alone (index/matching.py).

Usage: python bench/calibrate_threshold.py [--queries FILE ...] [--model NAME] [--data DIR]

Over the bundled corpus (as bench/eval_search.py builds it), each evaluation
query's dense score for every item (its best chunk's cosine) is set against
the query's relevance labels. The threshold printed is the one with the best
F1 of "dense score >= t" as a test for "relevant"; beside it, the precision and
recall of the whole match rule at it (a word in common, or dense >= t), and how
many items nonsense queries would match. The labels name the items a query is
about; other items that mention its topic count as non-relevant, so precision
here is a floor.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from eval_search import corpus_files, key  # noqa: E402

from index.filters import SearchFilter  # noqa: E402
from index.search import sparse_query  # noqa: E402
from index.service import MinutesIndex  # noqa: E402
from index.settings import IndexSettings  # noqa: E402

DEFAULT_QUERIES = [
    REPO.parent / "shared" / "eval" / "queries.dev.jsonl",
    REPO / "bench" / "queries.paraphrase.jsonl",
    REPO / "bench" / "queries.heldout.jsonl",
    REPO / "bench" / "queries.validation.jsonl",
]
NONSENSE = ["xyzzyqq", "qwxv zrtpk", "asdfghjkl", "blorfendal", "Kongeruten"]
FIELDS = ("item_id", "meeting_date", "item_number")
ALL = 100_000


def scores(minutes: MinutesIndex, query: str) -> tuple[dict[str, float], set[str]]:
    """Every item's best dense score for `query`, and the items sharing a word with it."""
    store = minutes.store
    vector = minutes.searcher.query_vector(query)
    dense: dict[str, float] = {}
    for hit in store.query(vector, None, SearchFilter(), limit=ALL, mode="dense", fields=FIELDS):
        k = key(
            (hit.payload.get("meeting_date") or "")[:10] or None, hit.payload.get("item_number")
        )
        dense[k] = max(dense.get(k, -1.0), hit.score)
    lexical: set[str] = set()
    sparse = minutes.sparse.encode_query(sparse_query(query))
    if sparse.indices:
        for hit in store.query(
            None, sparse, SearchFilter(), limit=ALL, mode="sparse", fields=FIELDS
        ):
            lexical.add(
                key(
                    (hit.payload.get("meeting_date") or "")[:10] or None,
                    hit.payload.get("item_number"),
                )
            )
    return dense, lexical


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=REPO / "corpus")
    parser.add_argument("--queries", type=Path, nargs="+", default=DEFAULT_QUERIES)
    parser.add_argument("--model", default="multilingual-e5-small+onnx")
    parser.add_argument("--model-cache", type=Path, default=REPO / ".cache" / "models")
    parser.add_argument(
        "--data", type=Path, help="Index folder to build or reuse (default: a temporary one)."
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as temporary:
        settings = IndexSettings(
            MINUTES_DATA=args.data or temporary,
            MINUTES_MODEL=args.model,
            MINUTES_MODEL_CACHE=args.model_cache,
        )
        minutes = MinutesIndex(settings)
        minutes.indexer.ingest_paths(corpus_files(args.corpus))
        print(f"model {minutes.embedder.name}")
        queries = [
            json.loads(line)
            for path in args.queries
            if path.exists()
            for line in path.read_text().splitlines()
            if line.strip()
        ]
        runs = []  # (dense scores, lexical set, relevant set)
        for q in queries:
            dense, lexical = scores(minutes, q["q"])
            runs.append((dense, lexical, set(q["relevant"])))
        nonsense = [scores(minutes, q) for q in NONSENSE]
        minutes.close()

    relevant_scores = sorted(s for d, _, rel in runs for k, s in d.items() if k in rel)
    other_scores = sorted(s for d, _, rel in runs for k, s in d.items() if k not in rel)
    n_rel = len(relevant_scores)
    print(
        f"{len(runs)} queries, {n_rel} relevant and {len(other_scores)} non-relevant (query, item) pairs"
    )
    for name, values in (("relevant", relevant_scores), ("non-relevant", other_scores)):
        quart = [values[int(f * (len(values) - 1))] for f in (0.0, 0.1, 0.5, 0.9, 1.0)]
        print(
            f"  dense score of {name:<13} min/p10/median/p90/max "
            + " ".join(f"{v:.3f}" for v in quart)
        )

    def dense_only(t: float) -> tuple[int, int]:
        """(relevant, other) pairs that only the dense score matches at t."""
        rel = other = 0
        for dense, lexical, relevant in runs:
            for k, s in dense.items():
                if s >= t and k not in lexical:
                    rel += k in relevant
                    other += k not in relevant
        return rel, other

    def rule(t: float, lexical_too: bool) -> tuple[float, float, int]:
        tp = fp = 0
        for dense, lexical, rel in runs:
            for k, s in dense.items():
                if s >= t or (lexical_too and k in lexical):
                    tp += k in rel
                    fp += k not in rel
        return (tp / (tp + fp) if tp + fp else 1.0), tp / n_rel, tp + fp

    best = max(
        (round(0.20 + i * 0.005, 3) for i in range(160)),
        key=lambda t: (lambda p, r: 2 * p * r / (p + r) if p + r else 0.0)(*rule(t, False)[:2]),
    )
    lexical_only = rule(2.0, True)
    print(
        f"lexical matches alone: precision {lexical_only[0]:.3f}, recall {lexical_only[1]:.3f}, {lexical_only[2] / len(runs):.1f} items a query"
    )
    print(
        f"\n{'t':>6}{'dense P':>9}{'dense R':>9}{'rule P':>9}{'rule R':>9}{'matches/q':>11}{'dense only +rel/+other':>24}{'nonsense/q':>12}"
    )
    for t in sorted(
        {best, *(round(best + d, 3) for d in (-0.06, -0.04, -0.03, -0.02, -0.01, 0.01, 0.02))}
    ):
        p, r, _ = rule(t, False)
        rp, rr, n = rule(t, True)
        junk = sum(sum(1 for s in d.values() if s >= t) + len(lex) for d, lex in nonsense) / len(
            NONSENSE
        )
        mark = "  <- chosen" if t == best else ""
        plus = "{} / {}".format(*dense_only(t))
        print(
            f"{t:>6.3f}{p:>9.3f}{r:>9.3f}{rp:>9.3f}{rr:>9.3f}{n / len(runs):>11.1f}{plus:>24}{junk:>12.1f}{mark}"
        )
    for query, (dense, lexical) in zip(NONSENSE, nonsense, strict=True):
        top = max(dense.values(), default=0.0)
        above = sum(1 for s in dense.values() if s >= best)
        print(
            f"  {query!r}: best dense {top:.3f}, {above} items at or above it, {len(lexical)} lexical matches"
        )
    print(f"\nchosen threshold: {best}")


if __name__ == "__main__":
    main()
