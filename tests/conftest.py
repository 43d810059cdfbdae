"""Shared test fixtures: paths to the seeds, eval data and bundled corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
EVAL = SHARED / "eval"
EXTERNAL = SHARED / "external"
CORPUS = REPO / "corpus"

SEED_MINUTES = {
    "2026-02-03": "000_dd634a48b5fa8e93.txt",
    "2025-08-12": "001_29e3001dddba3512.txt",
    "2025-02-04": "002_4527f87a4ec4da6b.txt",
}
SEED_BACKGROUND = ["003_a743d0336590ddea.txt", "004_2b60b0d1f6c6f43f.txt"]


def _require(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is not here (shared/ must sit beside the repository)")
    return path


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return _require(SEEDS)


@pytest.fixture(scope="session")
def external_dir() -> Path:
    return _require(EXTERNAL)


@pytest.fixture(scope="session")
def gold_items() -> dict[str, dict]:
    path = _require(EVAL / "items.gold.jsonl")
    return {row["meeting"]: row for row in map(json.loads, path.read_text().splitlines()) if row}
