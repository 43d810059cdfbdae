"""Score the reading of decision texts as councils and committees write them, one text at a time.

Usage: python bench/vote_phrasings.py [--file bench/probes/vote_phrasings.jsonl] [--misses]

Each line of the file is one decision text (what stands under an item's "Beslutning") with
its labels: the outcomes in order and the votes (counts, the decision each decided, the names
on each side). Each text is read as the decision of a one-item minutes page of its body, and
scored per text: outcomes (precision/recall over outcome labels, and exact), votes (counts with
their decision), vote sides ((side, name) pairs).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.real_minutes import PR, SIDES, Tally, gold_sides, side_pairs  # noqa: E402
from ingest import parse_bytes  # noqa: E402
from nlp.extract import extract_meeting_items  # noqa: E402

PROBES = REPO / "bench" / "probes" / "vote_phrasings.jsonl"


def read(body: str, decision: str) -> tuple[list[str], list[tuple], Counter, int]:
    """A decision text read as the decision of the only item of a minutes page of `body`:
    outcomes, votes (for, against, abstain, decision index), (side, name) pairs and the number of
    items the page was read as (a text cut into several items is scored over all of them)."""
    page = (
        f"Referat\n\n{body}\n\nMødedato: 12. marts 2024 kl. 17.00\n\n"
        f"1. Salg af grund ved Egevej\n\nSagsnr.: 24/1180\n\nBeslutning\n\n{decision}\n"
    )
    document = parse_bytes(page.encode("utf-8"), "beslutning.txt")
    outcomes: list[str] = []
    votes: list[tuple] = []
    sides: list[dict] = []
    extractions = extract_meeting_items(document.meeting, list(document.items))
    for extraction in extractions:
        for v in extraction.votes:
            at = None if v.decision is None else v.decision + len(outcomes)
            votes.append((v.for_count, v.against, v.abstain, at))
            sides.append({s: getattr(v, f"{s}_names") for s in SIDES})
        outcomes += [d.outcome.value for d in extraction.decisions]
    return outcomes, votes, side_pairs(sides), len(extractions)


@dataclass
class Scores:
    outcomes: PR = field(default_factory=PR)
    exact: Tally = field(default_factory=Tally)
    votes: PR = field(default_factory=PR)
    sides: PR = field(default_factory=PR)
    misses: list[str] = field(default_factory=list)


def score(path: Path = PROBES) -> Scores:
    scores = Scores()
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        got_o, got_votes, got_sides, items = read(row["body"], row["text"])
        scores.outcomes.add(Counter(row["decisions"]), Counter(got_o))
        scores.exact.add(got_o == row["decisions"])
        want_v = Counter(
            (v["for"], v["against"], v["abstain"], v["decision"]) for v in row["votes"]
        )
        scores.votes.add(want_v, Counter(got_votes))
        want_s = side_pairs([gold_sides(v) for v in row["votes"]])
        scores.sides.add(want_s, got_sides)
        where = row["id"]
        if items != 1:
            scores.misses.append(f"{where}: read as {items} items")
        if got_o != row["decisions"]:
            scores.misses.append(f"{where}: outcomes {got_o} != {row['decisions']}")
        if want_v != Counter(got_votes):
            scores.misses.append(
                f"{where}: votes {sorted(got_votes, key=repr)} != {sorted(want_v, key=repr)}"
            )
        if want_s != got_sides:
            scores.misses.append(
                f"{where}: sides {sorted(got_sides.elements())} != {sorted(want_s.elements())}"
            )
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--file", type=Path, default=PROBES)
    parser.add_argument("--misses", action="store_true")
    args = parser.parse_args()
    scores = score(args.file)
    print(f"texts                  {scores.exact.total}")
    print(f"outcomes               {scores.outcomes}")
    print(f"outcomes exact/text    {scores.exact}")
    print(f"votes (with decision)  {scores.votes}")
    print(f"vote sides             {scores.sides}")
    if args.misses:
        print("", *scores.misses, sep="\n")


if __name__ == "__main__":
    main()
