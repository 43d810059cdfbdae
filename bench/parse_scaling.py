"""Parse time against page count: is the PDF reader linear in pages?

Usage:
    python bench/parse_scaling.py [--pages 1000 5000 10000 20000]

Each PDF has one short line a page, all of one paragraph that runs over every page
(the case that was quadratic: the held paragraph was re-joined and re-scanned per
page), and a second kind where every page ends its own paragraph. Prints seconds
and pages per second for each.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pymupdf

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ingest import parse_bytes  # noqa: E402


def make_pdf(pages: int, one_paragraph: bool) -> bytes:
    document = pymupdf.open()
    for i in range(pages):
        page = document.new_page(width=200, height=200)
        text = f"tekst {i} og mere" if one_paragraph else f"Tekst {i} slutter her."
        page.insert_text((20, 40), text, fontsize=10, fontname="helv")
    data = document.tobytes()
    document.close()
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[1000, 5000, 10000, 20000])
    args = parser.parse_args()
    print(f"{'pages':>7} {'kind':<15} {'seconds':>8} {'pages/s':>8}")
    for pages in args.pages:
        for one_paragraph in (True, False):
            data = make_pdf(pages, one_paragraph)
            start = time.perf_counter()
            parse_bytes(data, "scaling.pdf")
            seconds = time.perf_counter() - start
            kind = "one paragraph" if one_paragraph else "a paragraph/pg"
            print(f"{pages:>7} {kind:<15} {seconds:>8.2f} {pages / seconds:>8.0f}")


if __name__ == "__main__":
    main()
