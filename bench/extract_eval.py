"""Score the Danish extraction against hand-labelled gold on the seed minutes.

Usage: python bench/extract_eval.py [--seeds ../shared/seeds]
Prints precision/recall per field, outcome accuracy per sub-point, case-number
accuracy against ../shared/eval/items.gold.jsonl, and items/s.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from ingest import parse_file  # noqa: E402
from nlp.extract import extract_item  # noqa: E402

SEEDS = {
    "2026-02-03": "000_dd634a48b5fa8e93.txt",
    "2025-08-12": "001_29e3001dddba3512.txt",
    "2025-02-04": "002_4527f87a4ec4da6b.txt",
}


def prf(gold: Counter, got: Counter) -> tuple[float, float, int, int]:
    hit = sum((gold & got).values())
    precision = hit / sum(got.values()) if got else 1.0
    recall = hit / sum(gold.values()) if gold else 1.0
    return precision, recall, sum(gold.values()), sum(got.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=REPO.parent / "shared" / "seeds")
    parser.add_argument(
        "--aarhus-gold", type=Path, default=REPO / "bench" / "gold" / "extraction.aarhus.gold.jsonl"
    )
    parser.add_argument(
        "--gold", type=Path, default=REPO / "bench" / "gold" / "extraction.gold.jsonl"
    )
    parser.add_argument(
        "--items-gold", type=Path, default=REPO.parent / "shared" / "eval" / "items.gold.jsonl"
    )
    args = parser.parse_args()

    gold = {row["item"]: row for row in map(json.loads, args.gold.read_text().splitlines()) if row}
    items_gold = {
        row["meeting"]: row
        for row in map(json.loads, args.items_gold.read_text().splitlines())
        if row
    }
    totals: dict[str, tuple[Counter, Counter]] = {
        f: (Counter(), Counter())
        for f in ("decisions", "prior_decisions", "votes", "absent", "amounts", "table_amounts")
    }
    outcome_right = outcome_total = 0
    case_right = case_total = 0
    items = 0
    elapsed = 0.0
    extract_item(
        parse_file(args.seeds / SEEDS["2025-02-04"]).items[0], None
    )  # load spaCy outside the timing
    for date, name in SEEDS.items():
        document = parse_file(args.seeds / name)
        own_cases = {n: c for n, _, c in items_gold[date]["items"]}
        for item in document.items:
            case_total += 1
            case_right += bool(item.case_numbers) and item.case_numbers[0] == own_cases.get(
                item.number
            )
            start = time.perf_counter()
            data = extract_item(item, document.meeting).to_json()
            elapsed += time.perf_counter() - start
            items += 1
            key = f"{date}#{item.number}"
            g = gold.get(key, {})
            got = {
                "decisions": [(d["point"], d["outcome"]) for d in data["decisions"]],
                "prior_decisions": [
                    (p["body"], p["date"], p["item"], tuple(p["outcomes"]))
                    for p in data["prior_decisions"]
                ],
                "votes": [
                    (
                        v["for"],
                        v["against"],
                        v["abstain"],
                        tuple(v["against_names"]),
                        tuple(v["for_names"]),
                    )
                    for v in data["votes"]
                ],
                "absent": data["absent"],
                "amounts": [a["value"] for a in data["amounts"] if not a["from_table"]],
                "table_amounts": [a["value"] for a in data["amounts"] if a["from_table"]],
            }
            want = {
                "decisions": [(d["point"], d["outcome"]) for d in g.get("decisions", [])],
                "prior_decisions": [
                    (p["body"], p["date"], p["item"], tuple(p["outcomes"]))
                    for p in g.get("prior_decisions", [])
                ],
                "votes": [
                    (
                        v["for"],
                        v["against"],
                        v["abstain"],
                        tuple(v["against_names"]),
                        tuple(v["for_names"]),
                    )
                    for v in g.get("votes", [])
                ],
                "absent": g.get("absent", []),
                "amounts": g.get("amounts", []),
                "table_amounts": g.get("table_amounts", []),
            }
            for field in totals:
                totals[field][0].update(map(str, want[field]))
                totals[field][1].update(map(str, got[field]))
            got_by_point = dict(got["decisions"])
            for point, outcome in want["decisions"]:
                outcome_total += 1
                outcome_right += got_by_point.get(point) == outcome
    print(f"{'field':<16}{'precision':>10}{'recall':>8}{'gold':>6}{'found':>7}")
    for field, (want_counter, got_counter) in totals.items():
        p, r, n_gold, n_got = prf(want_counter, got_counter)
        print(f"{field:<16}{p:>10.3f}{r:>8.3f}{n_gold:>6}{n_got:>7}")
    print(
        f"outcome accuracy per sub-point: {outcome_right}/{outcome_total} = {outcome_right / outcome_total:.3f}"
    )
    print(f"own case number: {case_right}/{case_total} = {case_right / case_total:.3f}")
    print(
        f"throughput: {items} items in {elapsed:.2f} s = {items / elapsed:.1f} items/s (extraction only)"
    )
    if args.aarhus_gold.exists():
        aarhus(args.aarhus_gold, args.seeds.parent / "external")


def aarhus(gold_path: Path, external: Path) -> None:
    """Real minutes from another municipality, labelled by a team member: item-level agreement."""
    gold = {row["item"]: row for row in map(json.loads, gold_path.read_text().splitlines()) if row}
    same_outcomes = total = 0
    prior: tuple[Counter, Counter] = (Counter(), Counter())
    absent: tuple[Counter, Counter] = (Counter(), Counter())
    for name in ("aarhus-teknisk-udvalg-2025-10-01.html", "aarhus-byraad-2025-08-27.pdf"):
        document = parse_file(external / name)
        for item in document.items:
            g = gold.get(f"{document.meeting.date}#{item.number}")
            if g is None:
                continue
            data = extract_item(item, document.meeting).to_json()
            total += 1
            # The gold splits some decisions per recommendation point; compare the outcomes named.
            same_outcomes += {d["outcome"] for d in data["decisions"]} == {
                d["outcome"] for d in g["decisions"]
            }
            prior[0].update(
                str((p["body"], p["date"], p["item"], tuple(p["outcomes"])))
                for p in g["prior_decisions"]
            )
            prior[1].update(
                str((p["body"], p["date"], p["item"], tuple(p["outcomes"])))
                for p in data["prior_decisions"]
            )
            absent[0].update(g["absent"])
            absent[1].update(data["absent"])
    print(f"\nAarhus, another municipality ({total} items; gold: {gold_path.name})")
    print(f"item outcomes equal to gold: {same_outcomes}/{total} = {same_outcomes / total:.3f}")
    for field, (want, got) in (("prior_decisions", prior), ("absent", absent)):
        p, r, n_gold, n_got = prf(want, got)
        print(f"{field:<16}{p:>10.3f}{r:>8.3f}{n_gold:>6}{n_got:>7}")


if __name__ == "__main__":
    main()
