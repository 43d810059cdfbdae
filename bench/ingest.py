"""Parse speed (no extraction, no embedding) over the bundled corpus, on one core.

Usage: python bench/ingest.py [--corpus corpus] [--repeat 3]
The real Aarhus PDF is read from ../shared/external where it is (it is not committed).
Prints pages per second per file and overall, and extraction items per second.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
REPO = Path(__file__).resolve().parents[1]
AARHUS = REPO.parent / "shared" / "external" / "aarhus-byraad-2025-08-27.pdf"
sys.path.insert(0, str(REPO))

from ingest import DocumentKind, parse_file  # noqa: E402
from nlp.extract import extract_meeting_items  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=REPO / "corpus")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    # The real Aarhus minutes (hostile text layer) are not committed: read where they are.
    files = [*args.corpus.glob("*.pdf"), *([AARHUS] if AARHUS.exists() else [])]
    files.sort(key=lambda p: p.name)
    parse_file(files[0])  # warm imports
    total_pages = total_time = 0.0
    documents = []
    print(f"{'file':<58}{'pages':>6}{'pages/s':>9}")
    for path in files:
        best = float("inf")
        for _ in range(args.repeat):
            start = time.perf_counter()
            document = parse_file(path)
            best = min(best, time.perf_counter() - start)
        documents.append(document)
        total_pages += document.page_count
        total_time += best
        print(f"{path.name:<58}{document.page_count:>6}{document.page_count / best:>9.1f}")
    print(
        f"{'all (parse only, one core)':<58}{int(total_pages):>6}{total_pages / total_time:>9.1f}"
    )
    minutes = [d for d in documents if d.kind is DocumentKind.MINUTES]
    extract_meeting_items(minutes[0].meeting, minutes[0].items[:1])  # load spaCy
    items = sum(len(d.items) for d in minutes)
    start = time.perf_counter()
    for document in minutes:
        extract_meeting_items(document.meeting, document.items)
    elapsed = time.perf_counter() - start
    print(f"extraction: {items} items in {elapsed:.2f} s = {items / elapsed:.1f} items/s")


if __name__ == "__main__":
    main()
