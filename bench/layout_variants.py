"""Score every real and probe gold set on whitespace and layout variants of its texts.

Usage:
    python bench/layout_variants.py [--variants nbsp indent …] [--plain-pdf]

The same minutes handed over with non-breaking spaces, indented lines, tabs, squeezed or
dropped blank lines, or wrapped at 78 characters (bench/text_variants.py) should read the
same. Prints, per variant, the totals over every set (documents recognised, not-minutes kept
out, dates, items, outcomes, absences, votes as precision/recall) beside the unchanged texts,
and the sets whose items or outcomes moved.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.real_minutes import PR, Scores, Tally, score  # noqa: E402
from bench.text_variants import VARIANTS  # noqa: E402

_SETS = ["real", *(str(p) for p in sorted((REPO / "bench" / "probes").glob("*/gold.jsonl")))]


def _add(total: Scores, part: Scores) -> None:
    for name in ("recognised", "not_minutes", "date"):
        a: Tally = getattr(total, name)
        b: Tally = getattr(part, name)
        a.right, a.total = a.right + b.right, a.total + b.total
    for name in ("items", "outcomes", "absent", "votes"):
        p: PR = getattr(total, name)
        q: PR = getattr(part, name)
        p.hit, p.gold, p.found = p.hit + q.hit, p.gold + q.gold, p.found + q.found


def _pr(pr: PR) -> str:
    p = pr.hit / pr.found if pr.found else 1.0
    r = pr.hit / pr.gold if pr.gold else 1.0
    return f"{p:.3f}/{r:.3f}"


def _row(name: str, s: Scores) -> str:
    return (
        f"| {name} | {s.recognised.right}/{s.recognised.total} | "
        f"{s.not_minutes.right}/{s.not_minutes.total} | {s.date.right}/{s.date.total} | "
        f"{_pr(s.items)} | {_pr(s.outcomes)} | {_pr(s.absent)} | {_pr(s.votes)} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", nargs="*", choices=list(VARIANTS), default=list(VARIANTS))
    parser.add_argument("--plain-pdf", action="store_true", help="typeset each variant as a PDF")
    args = parser.parse_args()
    print(
        "| variant | recognised | not minutes kept out | date | items P/R | outcomes P/R "
        "| absent P/R | votes P/R |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    per_set: dict[str | None, dict[str, Scores]] = {}
    for variant in [None, *args.variants]:
        total = Scores()
        per_set[variant] = {}
        for gold in _SETS:
            part = score(
                "all",
                plain_pdf=args.plain_pdf,
                gold=None if gold == "real" else gold,
                variant=variant,
            )
            per_set[variant][gold] = part
            _add(total, part)
        print(_row(variant or "as written", total), flush=True)
    for variant in args.variants:
        for gold, part in per_set[variant].items():
            base = per_set[None][gold]
            if _pr(part.items) != _pr(base.items) or _pr(part.outcomes) != _pr(base.outcomes):
                label = Path(gold).parent.name if gold.endswith(".jsonl") else gold
                print(
                    f"{variant}: {label} items {_pr(base.items)} -> {_pr(part.items)}, "
                    f"outcomes {_pr(base.outcomes)} -> {_pr(part.outcomes)}"
                )


if __name__ == "__main__":
    main()
