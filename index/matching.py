"""What counts as a match for a query: the rule behind `total`, facets, exports and feeds.

An item matches a query when it shares a word with it (its sparse BM25 vector
has a term of the query's) or when its best chunk's dense cosine to the query
is at least the model's calibrated threshold. The dense side still ranks
every matching item, but it no longer pads a result list with the nearest
items of a query nothing answers: `xyzzyqq` matches nothing. The rule is the
same in every mode (the mode only ranks), except that sparse mode, which never
embeds the query, counts lexical matches alone.

The thresholds are measured per model by `bench/calibrate_threshold.py` on the
evaluation queries (relevant against non-relevant items' dense scores) and
recorded in docs/BENCHMARKS.md. A model not listed has no threshold: its dense
scores alone match nothing (lexical matches still do) until one is measured and
set with MINUTES_DENSE_MATCH.
"""

from __future__ import annotations

import os

# Best-chunk cosine at or above which an item matches on meaning alone, by the name the
# index records for its model (`Embedder.name`). bench/calibrate_threshold.py chose them: the
# best F1 of "score >= t" for "relevant" over 115 evaluation queries (docs/BENCHMARKS.md).
# The torch forms of multilingual-e5-small give the ONNX model's scores to within 0.03.
DENSE_MATCH = {
    "multilingual-e5-small+onnx-int8": 0.895,
    "multilingual-e5-small+int8": 0.895,
    "multilingual-e5-small": 0.895,
    "hash-384": 0.465,
}
# Chunks read per vector to find every matching item; a query matching more chunks than this
# reports a total that is a lower bound (`total_exact`), and facets that count the filtered set
# instead of its matching items (`facets_exact`). 300 keeps the API at 100k chunks near its old
# latency (p95 153 ms against 326 at 1,000 and 2.7 s at 5,000; docs/BENCHMARKS.md).
MATCH_LIMIT = 300


def dense_threshold(model_name: str) -> float | None:
    """The cosine at which `model_name`'s dense score alone makes a match (None: it never does)."""
    override = os.environ.get("MINUTES_DENSE_MATCH", "").strip()
    if override:
        return float(override)
    return DENSE_MATCH.get(model_name)
