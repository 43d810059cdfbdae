"""Embedding throughput on this machine: fp32 against int8 dynamic quantisation, and how close they stay.

Usage: python bench/embed_speed.py [--passages 256] [--threads 2]
Passages are ~140-token chunks of the bundled corpus, embedded in batches of 32.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from index.embedder import load_embedder  # noqa: E402
from ingest import parse_file  # noqa: E402


def passages(n: int) -> list[str]:
    words: list[str] = []
    for path in sorted((REPO / "corpus").glob("randers-*.pdf")):
        for item in parse_file(path).items:
            words.extend(item.text().split())
    return [" ".join(words[k : k + 100]) for k in range(0, len(words) - 100, 100)][:n]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", type=int, default=256)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    import torch

    torch.set_num_threads(args.threads)
    texts = passages(args.passages)
    vectors = {}
    for quantize in (False, True):
        embedder = load_embedder(cache_dir=REPO / ".cache" / "models", quantize=quantize)
        embedder.embed_passages(texts[:8])
        start = time.perf_counter()
        vectors[quantize] = embedder.embed_passages(texts)
        elapsed = time.perf_counter() - start
        print(
            f"{embedder.name:<32} {len(texts) / elapsed:6.1f} passages/s ({args.threads} threads, batch 32)"
        )
    cosine = (vectors[False] * vectors[True]).sum(axis=1)
    print(f"fp32 vs int8 cosine: mean {cosine.mean():.4f}, min {cosine.min():.4f}")
    sims = [v @ v.T for v in (vectors[False], vectors[True])]
    agree = np.mean(
        [
            np.argsort(-a[i])[1] == np.argsort(-b[i])[1]
            for i, (a, b) in enumerate(
                zip([sims[0]] * len(texts), [sims[1]] * len(texts), strict=True)
            )
        ]
    )
    print(f"nearest-neighbour agreement fp32 vs int8: {agree:.3f}")


if __name__ == "__main__":
    main()
