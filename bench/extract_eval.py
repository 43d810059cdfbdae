"""Score the Danish extraction against hand-labelled gold.

Usage:
    python bench/extract_eval.py                 # the three Randers seed minutes
    python bench/extract_eval.py --set aarhus    # Aarhus Byråd PDF + Teknisk Udvalg HTML
    python bench/extract_eval.py --set styles    # decision passages in other municipalities' styles
    python bench/extract_eval.py --set all --misses
    python bench/extract_eval.py --set real [--split dev|heldout|all] [--plain-pdf] [--variant V] [--misses]
                                                 # real minutes of many municipalities

Prints precision/recall per field (decision (point, outcome) pairs, prior
decisions, votes, absences, amounts in running text and in tables), outcome
accuracy per gold sub-point, own case number accuracy against
../shared/eval/items.gold.jsonl (seeds only), and items/s of
`extract_meeting_items` (parsing excluded, spaCy loaded beforehand).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from ingest import parse_file  # noqa: E402
from ingest.records import Item, Meeting, Section, SectionKind  # noqa: E402
from nlp.extract import extract_meeting_items  # noqa: E402
from nlp.pipeline import danish  # noqa: E402

SHARED = REPO.parent / "shared"
SETS = {
    "seeds": (
        REPO / "bench" / "gold" / "extraction.gold.jsonl",
        {
            "2026-02-03": SHARED / "seeds" / "000_dd634a48b5fa8e93.txt",
            "2025-08-12": SHARED / "seeds" / "001_29e3001dddba3512.txt",
            "2025-02-04": SHARED / "seeds" / "002_4527f87a4ec4da6b.txt",
        },
    ),
    "aarhus": (
        REPO / "bench" / "gold" / "extraction.aarhus.gold.jsonl",
        {
            "2025-08-27": SHARED / "external" / "aarhus-byraad-2025-08-27.pdf",
            "2025-10-01": SHARED / "external" / "aarhus-teknisk-udvalg-2025-10-01.html",
        },
    ),
}
STYLES = REPO / "bench" / "gold" / "extraction.styles.gold.jsonl"
FIELDS = ("decisions", "prior_decisions", "votes", "absent", "amounts", "table_amounts")


def _keys(data: dict, gold: bool) -> dict[str, list]:
    """The comparable values of one item, from gold labels or from `ItemExtraction.to_json()`."""
    amounts = data.get("amounts", [])
    if gold:
        text_amounts, table = amounts, data.get("table_amounts", [])
    else:
        text_amounts = [a["value"] for a in amounts if not a["from_table"]]
        table = [a["value"] for a in amounts if a["from_table"]]
    return {
        "decisions": [(d["point"], d["outcome"]) for d in data.get("decisions", [])],
        "prior_decisions": [
            (p["body"], p["date"], p["item"], tuple(p["outcomes"]))
            for p in data.get("prior_decisions", [])
        ],
        "votes": [
            (v["for"], v["against"], v["abstain"], tuple(v["for_names"]), tuple(v["against_names"]))
            for v in data.get("votes", [])
        ],
        "absent": list(data.get("absent", [])),
        "amounts": list(text_amounts),
        "table_amounts": list(table),
    }


def style_items(path: Path = STYLES) -> list[tuple[str, Meeting, list[Item]]]:
    """The style set as meetings of one item each: (key prefix, meeting, [item])."""
    out = []
    for row in map(json.loads, path.read_text().splitlines()):
        meeting = Meeting(
            committee="Udvalget", date=dt.date(2025, 9, 1), participants=tuple(row["participants"])
        )
        section = Section("Beslutning", SectionKind.DECISION, row["decision"], (1,))
        out.append((row["item"], meeting, [Item(5, row["item"], (), False, 1, 1, (section,))]))
    return out


def prf(gold: Counter, got: Counter) -> tuple[float, float]:
    hit = sum((gold & got).values())
    precision = hit / sum(got.values()) if got else 1.0
    recall = hit / sum(gold.values()) if gold else 1.0
    return precision, recall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=[*SETS, "styles", "all", "real"], default="seeds")
    parser.add_argument("--misses", action="store_true", help="print every disagreement")
    parser.add_argument("--split", choices=["dev", "heldout", "all"], default="dev")
    parser.add_argument(
        "--plain-pdf", action="store_true", help="real: typeset each text as a plain PDF"
    )
    parser.add_argument(
        "--gold",
        help="real: only this gold file (e.g. real-heldout2, or a path to a .jsonl whose texts "
        "lie beside it), default every real*",
    )
    parser.add_argument(
        "--variant",
        help="real: rewrite each text's whitespace first (bench/text_variants.py: nbsp, indent, …)",
    )
    args = parser.parse_args()
    if args.set == "real":
        from bench.real_minutes import report, score

        start = time.perf_counter()
        scores = score(args.split, plain_pdf=args.plain_pdf, gold=args.gold, variant=args.variant)
        print(report(scores, misses=args.misses))
        print(f"time: {time.perf_counter() - start:.1f} s")
        return

    items_gold = {
        row["meeting"]: {n: case for n, _, case in row["items"]}
        for row in map(json.loads, (SHARED / "eval" / "items.gold.jsonl").read_text().splitlines())
        if row
    }
    totals = {f: (Counter(), Counter()) for f in FIELDS}
    outcome_right = outcome_total = case_right = case_total = items = 0
    elapsed = 0.0
    danish()  # load spaCy outside the timing
    names = [*SETS, "styles"] if args.set == "all" else [args.set]
    for name in names:
        if name == "styles":
            gold_path, runs = STYLES, [(key, m, its) for key, m, its in style_items()]
        else:
            gold_path, files = SETS[name]
            runs = []
            for date, path in files.items():
                document = parse_file(path)
                runs.append((date, document.meeting, list(document.items)))
        gold = {r["item"]: r for r in map(json.loads, gold_path.read_text().splitlines()) if r}
        for date, meeting, doc_items in runs:
            start = time.perf_counter()
            extractions = extract_meeting_items(meeting, doc_items)
            elapsed += time.perf_counter() - start
            items += len(doc_items)
            seen = set()
            for item, extraction in zip(doc_items, extractions, strict=True):
                key = date if name == "styles" else f"{date}#{item.number}"
                seen.add(key)
                data = extraction.to_json()
                if date in items_gold:
                    case_total += 1
                    parsed = [c["normalized"] for c in data["case_numbers_parsed"]]
                    case_right += parsed[:1] == [items_gold[date].get(item.number)]
                want, got = _keys(gold.get(key, {}), True), _keys(data, False)
                for field in FIELDS:
                    w, g = Counter(map(str, want[field])), Counter(map(str, got[field]))
                    totals[field][0].update(w)
                    totals[field][1].update(g)
                    if args.misses and w != g:
                        print(
                            f"{key} {field}: missing {list((w - g).elements())} extra {list((g - w).elements())}"
                        )
                # Several decisions may share a point (an amendment and the proposal): count
                # each gold (point, outcome) once against what was found.
                found = Counter(got["decisions"])
                for pair in want["decisions"]:
                    outcome_total += 1
                    if found[pair]:
                        found[pair] -= 1
                        outcome_right += 1
            if name != "styles":
                for key in gold:
                    if key.startswith(date + "#") and key not in seen:
                        print(f"{key}: in gold, not segmented")
    print(f"{'field':<16}{'precision':>10}{'recall':>8}{'gold':>6}{'found':>7}")
    for field, (want, got) in totals.items():
        p, r = prf(want, got)
        print(f"{field:<16}{p:>10.3f}{r:>8.3f}{sum(want.values()):>6}{sum(got.values()):>7}")
    print(
        f"outcome accuracy per gold sub-point: {outcome_right}/{outcome_total} = {outcome_right / max(outcome_total, 1):.3f}"
    )
    if case_total:
        print(f"own case number: {case_right}/{case_total} = {case_right / case_total:.3f}")
    print(
        f"throughput: {items} items in {elapsed:.2f} s = {items / elapsed:.1f} items/s (extract_meeting_items)"
    )


if __name__ == "__main__":
    main()
