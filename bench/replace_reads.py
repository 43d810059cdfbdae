"""Result lists that mix two versions of a document while it is replaced, counted.

Usage: python bench/replace_reads.py [--seconds 20] [--without-view] [--switch 0.0001]

Indexes a note and a meeting's minutes (tests/pdf_factory.py, 4 items), then
re-publishes the meeting over and over from a writer thread (two versions of
other bytes, 4 and 3 items, each replacing the other: index/commit.py's steps
run for real), while the main thread searches ("cykelsti ringvejen", and a
browse with no words) as fast as it can. A result list is *mixed* when its
minutes come from two documents, and *short* when the note is missing or the
one version it shows lacks an item. `--without-view` reads as before the
fix (nothing left out, no reading again): the figure of before.
The embedder is the hash stand-in: the store and the commit are what is measured.
The embedded store only: qdrant-client's local mode (the server API in the
tests) is not safe for a writer and a reader in two threads.
Threads switch every `--switch` seconds (Python's default is 0.005; shorter
makes a search and a replacement step interleave as often as on a busy server).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from pdf_factory import make_minutes_pdf  # noqa: E402

from index import commit  # noqa: E402
from index import store as store_module  # noqa: E402
from index.embedder import HashEmbedder  # noqa: E402
from index.service import MinutesIndex  # noqa: E402
from index.settings import IndexSettings  # noqa: E402

NOTE = "# Notat om cykelstier\n\nCykelstien langs Ringvejen forlænges mod Vestbyen.\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--without-view", action="store_true")
    parser.add_argument("--switch", type=float, default=0.0001)
    args = parser.parse_args()
    sys.setswitchinterval(args.switch)
    if args.without_view:
        commit.superseded = lambda engine: ()  # type: ignore[assignment]
        store_module.VIEW_ATTEMPTS = 1
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        settings = IndexSettings(MINUTES_DATA=folder / "data", MINUTES_MODEL="hash")
        index = MinutesIndex(settings, embedder=HashEmbedder())
        (folder / "notat.md").write_text(NOTE)
        versions = [
            make_minutes_pdf(folder / "referat.pdf", items=4).read_bytes(),
            make_minutes_pdf(folder / "referat-rettet.pdf", items=3).read_bytes(),
        ]
        note = index.indexer.ingest_paths([folder / "notat.md"]).results[0].doc_id
        index.indexer.ingest_bytes(versions[0], "referat.pdf")
        sizes = {4, 3}  # items of each version
        stop = threading.Event()
        replaced = 0

        def writer() -> None:
            nonlocal replaced
            n = 1
            while not stop.is_set():
                result = index.indexer.ingest_bytes(versions[n % 2], f"referat-{n % 2}.pdf")
                assert result.replaced, result
                replaced += 1
                n += 1

        thread = threading.Thread(target=writer, daemon=True)
        lists = mixed = short = 0
        thread.start()
        end = time.perf_counter() + args.seconds
        while time.perf_counter() < end:
            for query in ("cykelsti ringvejen", ""):
                found = index.searcher.search(query, limit=50)
                pairs = [(r.doc_id, r.item_number) for r in found.results]
                docs = {d for d, _ in pairs if d != note}
                lists += 1
                if len(docs) > 1:
                    mixed += 1
                elif note not in {d for d, _ in pairs} or len(pairs) - 1 not in sizes:
                    short += 1
        stop.set()
        thread.join()
        index.close()
    print(
        f"{'without the view' if args.without_view else 'with the view'}: {lists} result lists "
        f"during {replaced} replacements in {args.seconds:.0f} s: {mixed} mixed, {short} short"
    )


if __name__ == "__main__":
    main()
