"""A synthetic index with realistic payloads, for latency and load benchmarks at 10k and 100k chunks.

Dense vectors are either random unit vectors or, given real chunk vectors
(`corpus_vectors`), mixtures of three of them plus a little noise. The choice
matters for the engine: HNSW search is graph search, and random vectors in 384
dimensions have no neighbourhoods, so a query explores far more of the graph
than it does among text embeddings, which crowd into a narrow cone. Sparse vectors come from Danish-like text built from the
seed minutes' vocabulary; payloads have the same fields and cardinalities as
real items (committees, dates over five years, KLE case numbers, outcomes,
parties, persons, amounts).
"""

from __future__ import annotations

import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from index.sparse import SparseEncoder  # noqa: E402
from index.store import StorePoint, point_uuid  # noqa: E402

COMMITTEES = ["Beskæftigelsesudvalget", "Social- og arbejdsmarkedsudvalget", "Teknisk Udvalg", "Børne- og Skoleudvalget",
              "Økonomiudvalget", "Byrådet", "Kultur- og Fritidsudvalget", "Miljø- og Teknikudvalget"]  # fmt: skip
OUTCOMES = [
    "approved",
    "noted",
    "discussed",
    "postponed",
    "rejected",
    "recommended",
    "decided",
    "information",
]
PARTIES = [
    "Socialdemokratiet",
    "Venstre",
    "Enhedslisten",
    "SF",
    "Dansk Folkeparti",
    "Det Konservative Folkeparti",
    "Velfærdslisten",
]
PERSONS = [
    f"{first} {last}"
    for first in ("Anna", "Bo", "Claus", "Dorte", "Erik", "Hanne", "Jesper", "Mette")
    for last in ("Jensen", "Hansen", "Berggren", "Gade", "Malland")
]


def vocabulary() -> list[str]:
    seeds = REPO.parent / "shared" / "seeds"
    words: list[str] = []
    for path in sorted(seeds.glob("00[0-3]*.txt")):
        words.extend(re.findall(r"[a-zæøå]{4,}", path.read_text().lower()))
    return words or [
        "beskæftigelse",
        "ledighed",
        "budget",
        "kommune",
        "borger",
        "indsats",
        "udvalg",
    ]


def corpus_vectors(index_dir: Path) -> np.ndarray:
    """The dense vectors of an index that `minutes ingest` wrote (e.g. of the bundled corpus)."""
    from index.store_edge import EdgeStore

    store = EdgeStore.open(index_dir)
    try:
        vectors = [hit.dense for hit in store.scroll(None, with_vectors=True)]
    finally:
        store.close()
    if not vectors:
        raise ValueError(f"no vectors in {index_dir}")
    return np.array(vectors, dtype=np.float32)


def _vector(rng: np.random.Generator, dim: int, basis: np.ndarray | None) -> np.ndarray:
    if basis is None:
        vector = rng.normal(size=dim).astype(np.float32)
    else:
        # A point among real chunks: a mixture of three, one of them mostly, and noise of a
        # fifth of a unit vector's length. Over the bundled corpus this gives what its own
        # chunks show: cosine between two chunks 0.85 on average (spread 0.03), and 0.95 to
        # the nearest one.
        rows = basis[rng.choice(len(basis), 3, replace=False)]
        vector = rng.dirichlet((0.3, 0.3, 0.3)) @ rows + rng.normal(0, 0.2 / dim**0.5, dim)
        vector = vector.astype(np.float32)
    return vector / np.linalg.norm(vector)


def synthetic_points(
    n: int,
    dim: int = 384,
    seed: int = 7,
    with_sparse: bool = True,
    basis: np.ndarray | None = None,
) -> Iterator[StorePoint]:
    """`n` chunks, six per item; dense vectors random, or mixtures of the rows of `basis`."""
    rng = np.random.default_rng(seed)
    pick = random.Random(seed)
    words = vocabulary()
    encoder = SparseEncoder()
    for k in range(n):
        item = k // 6
        vector = _vector(rng, dim, basis)
        year = 2021 + (item % 5)
        case = f"{pick.choice(['15.00.00', '27.35.00', '00.22.00', '82.02.00'])}-G01-{item % 400}-{year % 100}"
        text = " ".join(pick.choice(words) for _ in range(120))
        absent = [pick.choice(PERSONS)] if item % 7 == 0 else []
        payload = {
            "item_id": f"synthetic#{item}", "doc_id": f"doc{item // 20}", "source": f"doc{item // 20}.pdf",
            "kind": "minutes", "meeting_id": f"m{item // 20}", "committee": COMMITTEES[(item // 20) % len(COMMITTEES)],
            "meeting_date": f"{year}-{1 + item % 12:02d}-{1 + item % 28:02d}T00:00:00Z", "year": str(year),
            "item_number": item % 400, "title": f"Punkt {item}", "case_numbers": [case],
            "kle_groups": [case[:2]], "kle_prefixes": [case[:2], case[:5], case[:8]],
            "outcomes": [OUTCOMES[item % len(OUTCOMES)]], "parties": [PARTIES[item % len(PARTIES)]],
            "persons": absent, "persons_absent": absent, "persons_present": [], "voted_for": [], "voted_against": [],
            "amounts_abs": [float(pick.randint(1, 50) * 100000)] if item % 3 == 0 else [],
            "closed": False, "access": "open", "chunk_type": "title" if k % 6 == 0 else "text",
            "section": "Sagsfremstilling", "pages": [1 + k % 30], "text": text,
        }  # fmt: skip
        sparse = encoder.encode_document(text) if with_sparse else None
        yield StorePoint(point_uuid(f"synthetic/{k}"), vector.tolist(), sparse, payload)
