"""Shared test fixtures: paths to the seeds, eval data and bundled corpus.

The shared folder (seeds, eval, third-party documents) is `../shared` beside the
repository, or MINUTES_SHARED; `MINUTES_SHARED=/nonexistent pytest` runs the suite
as a fresh clone without it does.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# The project's shared data (seeds, eval, third-party documents) sits beside the
# repository; MINUTES_SHARED points elsewhere, and a folder that does not exist
# runs the suite as a fresh clone does.
SHARED = Path(os.environ.get("MINUTES_SHARED") or REPO.parent / "shared")
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
    """Items (number, title, case number) of the three meetings, by meeting date:
    ../shared/eval's gold, or the repository's copy of it."""
    path = EVAL / "items.gold.jsonl"
    if not path.exists():
        path = CORPUS_GOLD
    return {row["meeting"]: row for row in map(json.loads, path.read_text().splitlines()) if row}


# The three Randers meetings and two background documents exist twice: as the seed
# texts in ../shared/seeds, and as the PDFs corpus/make_corpus.py made of them,
# committed here. Tests that need real-looking minutes run on the corpus wherever the
# seeds are missing; its items, titles and case numbers are the gold ones
# (tests/data/corpus-items.gold.jsonl, a copy of ../shared/eval/items.gold.jsonl).
CORPUS_MINUTES = {
    "2026-02-03": "randers-social-og-arbejdsmarkedsudvalget-2026-02-03.pdf",
    "2025-08-12": "randers-beskaeftigelsesudvalget-2025-08-12.pdf",
    "2025-02-04": "randers-beskaeftigelsesudvalget-2025-02-04.pdf",
}
CORPUS_BACKGROUND = [
    "background-beskaeftigelsesindsatsen-webkapitel.pdf",
    "background-beskaeftigelsesplan-2022.pdf",
]
CORPUS_GOLD = REPO / "tests" / "data" / "corpus-items.gold.jsonl"
EXTRACTION_GOLD = REPO / "bench" / "gold" / "extraction.gold.jsonl"
# The real Aarhus Byråd minutes: a third-party document, kept out of the repository.
AARHUS = EXTERNAL / "aarhus-byraad-2025-08-27.pdf"


@dataclass(frozen=True)
class Randers:
    """The Randers meetings from one source: `minutes` by meeting date, and `background`."""

    source: str  # "seeds" or "corpus"
    minutes: dict[str, Path]
    background: list[Path]


def randers_from(source: str) -> Randers:
    if source == "seeds":
        _require(SEEDS)
        return Randers(
            "seeds",
            {date: SEEDS / name for date, name in SEED_MINUTES.items()},
            [SEEDS / name for name in SEED_BACKGROUND],
        )
    return Randers(
        "corpus",
        {date: CORPUS / name for date, name in CORPUS_MINUTES.items()},
        [CORPUS / name for name in CORPUS_BACKGROUND],
    )


@pytest.fixture(scope="session", params=["seeds", "corpus"])
def randers(request) -> Randers:
    """Both sources, for tests cheap enough to run twice: the seeds skip without ../shared."""
    return randers_from(request.param)


@pytest.fixture(scope="session")
def randers_one() -> Randers:
    """One source, for tests that build an index or a server: the seeds where they are,
    else the corpus."""
    return randers_from("seeds" if SEEDS.exists() else "corpus")


@pytest.fixture(scope="session")
def aarhus_pdf() -> Path:
    return _require(AARHUS)


@pytest.fixture(scope="session")
def extraction_gold() -> dict[str, dict]:
    """bench/gold/extraction.gold.jsonl by item key ("2025-08-12#74")."""
    rows = map(json.loads, EXTRACTION_GOLD.read_text(encoding="utf-8").splitlines())
    return {row["item"]: row for row in rows if row}


def seed_text(meeting_date: str) -> str:
    """A seed minutes text, or where the seeds are missing the same meeting read back
    from its corpus PDF in the seed's form: "REFERAT <committee> d. <date>", the cover
    lines, the contents as "Title.....<tab>page", then each item's blocks (headings,
    paragraphs, table cells), one a line, separated by blank lines, without running header or footer."""
    if SEEDS.exists():
        return (SEEDS / SEED_MINUTES[meeting_date]).read_text(encoding="utf-8")
    import pymupdf

    mm = 72 / 25.4
    year, month, day = meeting_date.split("-")
    out: list[str] = []
    with pymupdf.open(CORPUS / CORPUS_MINUTES[meeting_date]) as document:
        for number, page in enumerate(document, start=1):
            body = pymupdf.Rect(0, 27 * mm - 3, page.rect.width, page.rect.height - 22 * mm + 3)
            blocks = [b[4].strip() for b in page.get_text("blocks", clip=body) if b[6] == 0]
            lines = [line for block in blocks for line in block.splitlines()]
            if number == 1:  # Randers Kommune / Referat / committee / Mødedato: … / …
                out += [f"REFERAT {lines[2]} d. {day}-{month}-{year}", "", *lines[3:], ""]
            elif lines and lines[0] == "Indholdsfortegnelse":
                out += ["Indholdsfortegnelse", ""]
                for line in lines[1:]:
                    if entry := re.match(r"^\d+\. (.*?) \.{3,} (\d+)$", line):
                        out.append(f"{entry[1]}.....\t{entry[2]}")
                out.append("")
            else:
                out += [line for block in blocks for line in (" ".join(block.split()), "")]
    return "\n".join(out)
