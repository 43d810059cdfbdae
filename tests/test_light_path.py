"""The light query path gives what the heavy one gave: the same sparse vectors, snippets,
token ids and dense vectors, without spaCy, torch or the 250,000-piece tokenizer.

- the compound lexicon as a memory-mapped word file (nlp/sorted_words.py) against
  spaCy's lemma table, on the sparse vectors of a few hundred texts;
- the stop words copied into nlp/stop_words.py against spaCy's;
- the piece tokenizer (index/query_tokenizer.py) against the full tokenizer;
- the ONNX graph without its embedding table against the whole graph.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import nlp.compounds as compounds
from index.snippets import make_snippet
from index.sparse import SparseEncoder
from ingest import parse_file
from nlp.sorted_words import SortedWords, write_sorted_words

REPO = Path(__file__).resolve().parents[1]
CACHE = Path(os.environ.get("MINUTES_MODEL_CACHE") or REPO / ".cache" / "models")
QUERIES = [
    json.loads(line)["q"]
    for name in ("queries.paraphrase.jsonl", "queries.heldout.jsonl", "queries.validation.jsonl")
    for line in (REPO / "bench" / name).read_text().splitlines()
    if line.strip()
]
ODD = [
    "",
    " ",
    "æøå ÆØÅ 15.00.00-G01-5-25 kr. 1.000.000",
    "emoji 😀 ﬁ ligatur Ⅻ ½",
    "tab\tny\nlinje  dobbelt",
    "x" * 3000,
    "arbejdsmarkedsudvalgets " * 300,
    "kontanthjælpsmodtagergruppen borgertilfredshedsundersøgelsen",
]


@pytest.fixture(scope="module")
def texts(randers_one) -> list[str]:
    """Queries, odd strings and a few hundred item texts of real-looking minutes."""
    items = []
    for path in randers_one.minutes.values():
        for item in parse_file(path).items:
            items.append(item.title)
            items.extend(section.text for section in item.sections)
    return [*QUERIES, *ODD, *items[:300]]


def test_word_file_finds_what_a_set_finds(tmp_path):
    words = ["arbejde", "pligt", "æble", "Å", "a b", "", "zz", "arbejd"]
    write_sorted_words(tmp_path / "w", words, {"n": range(len(words))})
    found = SortedWords(tmp_path / "w")
    for word in [*words, "arbejder", "pligtig", "b", "æ", "zzz"]:
        assert (word in found) == (word in set(words)), word
        row = found.row(word)
        assert (row is None) == (word not in words)
        if row is not None:
            assert words[int(found.column("n")[row])] == word and found.word(row) == word


def test_word_file_turns_into_a_set_for_many_lookups(tmp_path, monkeypatch):
    import nlp.sorted_words as sorted_words

    monkeypatch.setattr(sorted_words, "BULK", 3)
    write_sorted_words(tmp_path / "w", ["b", "a", "c"])
    found = SortedWords(tmp_path / "w")
    assert [w in found for w in ["a", "b", "c", "d", "a", "x"]] == [1, 1, 1, 0, 1, 0]


def test_stop_words_are_spacys():
    from spacy.lang.da.stop_words import STOP_WORDS as SPACY

    from nlp.stop_words import STOP_WORDS

    assert STOP_WORDS == SPACY


@pytest.fixture(scope="module")
def spacy_table():
    from spacy.lookups import load_lookups

    return load_lookups("da", ["lemma_lookup"]).get_table("lemma_lookup")


def test_lexicon_file_holds_the_lemma_tables_forms(spacy_table, texts):
    lexicon = compounds._lexicon()
    assert isinstance(lexicon, SortedWords) and len(lexicon) == len(spacy_table)
    # Every substring a split can look up, in words of the texts: present in both or neither.
    words = {w for t in texts for w in compounds._WORD.findall(t.lower()) if len(w) >= 8}
    probes = {w[i:j] for w in words for i in range(len(w)) for j in range(i + 4, len(w) + 1)}
    probes |= {p + "e" for p in probes}
    assert len(probes) > 10_000
    assert [p for p in probes if (p in lexicon) != (p in spacy_table)] == []


def _encode_with(lexicon, texts: list[str], monkeypatch) -> list:
    monkeypatch.setattr(compounds, "_lexicon", lambda: lexicon)
    compounds._split.cache_clear()
    compounds.compound_split_all.cache_clear()
    encoder = SparseEncoder()
    try:
        return [(encoder.encode_document(t), encoder.encode_query(t)) for t in texts]
    finally:
        compounds._split.cache_clear()
        compounds.compound_split_all.cache_clear()


def test_sparse_vectors_are_the_spacy_paths(spacy_table, texts, monkeypatch):
    light = _encode_with(compounds._lexicon(), texts, monkeypatch)
    heavy = _encode_with(spacy_table, texts, monkeypatch)
    assert len(texts) > 300 and light == heavy


def test_snippet_terms_are_the_spacy_paths():
    """Snippets read spaCy's stop words and nothing else of it: the query terms are the same."""
    from spacy.lang.da.stop_words import STOP_WORDS as SPACY

    import index.snippets as snippets

    for query in QUERIES:
        kept = [t.strip(".-/") for t in snippets._WORD.findall(query.lower())]
        spacy_terms = [t for t in kept if t and t not in SPACY and (len(t) > 1 or t.isdigit())]
        assert snippets.query_terms(query) == spacy_terms
    assert make_snippet("Budgettet til veteranhuset er 850.000 kr.", "veteranhuset").highlights


def test_a_search_imports_no_spacy_torch_or_sentence_transformers(tmp_path):
    """The query path, as a process: encode a query both ways and snippet a text."""
    script = (
        "import sys\n"
        "from index.search import sparse_query\n"
        "from index.snippets import make_snippet\n"
        "from index.sparse import SparseEncoder\n"
        "SparseEncoder().encode_query(sparse_query('hvad koster arbejdsmarkedsudvalget'))\n"
        "make_snippet('Udvalget godkendte budgettet for veteranhuset.', 'veteranhuset')\n"
        "heavy = [m for m in ('spacy', 'torch', 'sentence_transformers', 'pymupdf', 'thinc')"
        " if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPO,
        env=os.environ | {"MINUTES_MODEL_CACHE": str(tmp_path / "models")},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""


def test_help_imports_nothing_heavy():
    script = (
        "import sys\n"
        "sys.argv = ['minutes', '--help']\n"
        "import cli\n"
        "try:\n    cli.app()\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('spacy', 'torch', 'qdrant_edge', 'sentence_transformers',"
        " 'pymupdf', 'onnxruntime', 'numpy') if m in sys.modules]\n"
        "print('HEAVY', ','.join(heavy))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "HEAVY"


def test_reading_minutes_leaves_spacys_command_line_out():
    """Parsing and extracting import spaCy, but not its command line (typer apps, weasel,
    httpx, jinja2): nothing here calls it, and it was 40% of spaCy's import."""
    script = (
        "import sys\n"
        "from ingest import parse_bytes\n"
        "from nlp.extract import extract_meeting_items\n"
        "doc = parse_bytes('Referat\\nByrådet\\nMødedato: 3. maj 2021\\n\\n"
        "1. Godkendelse af dagsorden\\n\\nBeslutning\\n\\nGodkendt.\\n'.encode(), 'r.txt')\n"
        "found = extract_meeting_items(doc.meeting, doc.items)\n"
        "print([d.outcome.value for e in found for d in e.decisions])\n"
        "print([m for m in ('spacy', 'weasel', 'jinja2', 'spacy.cli.download') if m in sys.modules])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines() == ["['approved']", "['spacy']"]


# --- the model: the converted folder in MINUTES_MODEL_CACHE ---------------------------


@pytest.fixture(scope="module")
def model_folder() -> Path:
    from index.onnx_model import ensure_onnx_model

    return ensure_onnx_model(CACHE).parent.parent


@pytest.mark.slow
def test_piece_tokenizer_gives_the_full_tokenizers_ids(model_folder, texts, tmp_path):
    from tokenizers import Tokenizer

    from index.onnx_model import MAX_TOKENS
    from index.query_tokenizer import PieceTokenizer, ensure_piece_files

    full = Tokenizer.from_file(str(model_folder / "tokenizer.json"))
    full.enable_truncation(MAX_TOKENS)
    pieces = PieceTokenizer(
        ensure_piece_files(model_folder / "tokenizer.json", tmp_path / "pieces"), MAX_TOKENS
    )
    prompted = [f"query: {t}" for t in texts] + [f"passage: {t}" for t in texts[:100]]
    assert not pieces.handles("en <mask> her")
    assert [pieces.encode(t) for t in prompted] == [full.encode(t).ids for t in prompted]


@pytest.mark.slow
def test_graph_without_its_table_gives_the_same_vectors(model_folder, texts):
    import onnxruntime
    from tokenizers import Tokenizer

    from index.onnx_model import ONNX_FILE, OnnxEmbedder

    whole = onnxruntime.InferenceSession(
        str(model_folder / ONNX_FILE), providers=["CPUExecutionProvider"]
    )
    tokenizer = Tokenizer.from_file(str(model_folder / "tokenizer.json"))
    tokenizer.enable_truncation(512)

    def reference(text: str) -> np.ndarray:
        ids = np.array([tokenizer.encode(text).ids], dtype=np.int64)
        (vector,) = whole.run(None, {"input_ids": ids, "attention_mask": np.ones_like(ids)})
        return vector / np.linalg.norm(vector, axis=1, keepdims=True)

    light = OnnxEmbedder(model_folder / ONNX_FILE, model_folder / "tokenizer.json")
    queries = QUERIES[:40]
    got = light.embed_queries(queries)  # the piece tokenizer: the full one is never loaded
    assert light._full_tokenizer is None
    want = np.concatenate([reference(f"query: {q}") for q in queries]).astype(np.float32)
    assert np.array_equal(got, want)
    # A batch: int8 activations are scaled per call, so the reference runs the same batch.
    passages = [f"passage: {' '.join(p.split())}" for p in texts[-12:]]
    light.batch_size = len(passages)
    got = light.embed_passages([p.removeprefix("passage: ") for p in texts[-12:]])
    tokenizer.enable_padding(pad_id=1, pad_token="<pad>")
    encodings = tokenizer.encode_batch(passages)
    ids = np.array([e.ids for e in encodings], dtype=np.int64)
    mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
    (want,) = whole.run(None, {"input_ids": ids, "attention_mask": mask})
    want = (want / np.linalg.norm(want, axis=1, keepdims=True)).astype(np.float32)
    assert np.array_equal(got, want)
