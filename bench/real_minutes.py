"""Score `minutes` on real minutes pages from many municipalities, against hand labels.

The texts are third-party pages kept outside the repository, in
`../shared/external/real-minutes/` (and `real-minutes-more/` where present); the
labels are every `bench/gold/real*.gold.jsonl` (a row's `dir` names its folder). Files that are
absent are skipped and counted as skipped. `--plain-pdf` renders each text into a
PDF of one font and no styling first, so the PDF reader is scored without cues.

Fields, each over the gold entries that state them:
- recognised: the document parsed as minutes; not minutes: a document labelled not minutes
  (an agenda, a news page) parsed as something else;
- date, body: the meeting's date; its body (compared as slugs);
- items: gold items found with the same number (where printed) and title (as printed,
  whitespace and quote marks aside), precision over the items parsed;
- case number, closed: on the items found;
- outcomes: the item's outcomes in order, precision/recall over (item, outcome) pairs
  and exact per item;
- absent: per item, the names absent for the item (the meeting's absences included);
- votes: (for, against, abstain) per item;
- vote sides: per item, the (side, name or party letter) pairs of its votes, where the gold
  lists them (`for_names`, `against_names`, `abstain_names`, or `*_parties`).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ingest import parse_bytes
from ingest.records import Document, Item, slugify
from ingest.segment import UNNUMBERED_WARNING
from nlp.extract import extract_meeting_items

REPO = Path(__file__).resolve().parents[1]
EXTERNAL = REPO.parent / "shared" / "external"
GOLD = REPO / "bench" / "gold"
DEFAULT_DIR = "real-minutes"  # rows without a "dir" field
# Held-out sets not scored yet: read only when named (`--gold <name>`), once, at the end.
# real-heldout3 was scored at 7bb1d16, real-heldout4 at 5a5ff7e, real-heldout5 at b5b4b3a and
# real-heldout6 at 4f455f8 and real-heldout7 at 4bb05b6 (docs/BENCHMARKS.md); all are
# development data since. A new held-out set goes here until it is scored.
SEALED: set[str] = set()
UNTITLED = "(uden titel)"


def gold_documents(split: str, gold: str | None = None) -> Iterator[tuple[dict, Path]]:
    """(gold row, text path) for each labelled document of the split ("dev", "heldout", "all"),
    from one gold file (`gold`, e.g. "real-heldout2") or from all of them. A `gold` ending in
    ".jsonl" is a gold file elsewhere whose texts lie beside it (synthetic probe sets)."""
    outside = gold is not None and gold.endswith(".jsonl")
    if outside:
        paths = [Path(gold)]
    else:
        paths = sorted(GOLD.glob(f"{gold}.gold.jsonl" if gold else "real*.gold.jsonl"))
    for path in paths:
        if not gold and path.name.split(".")[0] in SEALED:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            if split != "all" and row["split"] != split:
                continue
            folder = path.parent if outside else EXTERNAL / row.get("dir", DEFAULT_DIR)
            yield row, folder / row["file"]


def page_text(path: Path) -> str:
    """The page's text without the two `#` header lines the excerpts carry."""
    lines = path.read_text(encoding="utf-8").split("\n")
    while lines and lines[0].startswith("# "):
        lines.pop(0)
    return "\n".join(lines)


def _norm(text: str | None) -> str | None:
    if text is None:
        return None
    text = re.sub(r"[“”„\"«»]", '"', text)
    text = re.sub(r"[’‘`]", "'", text)
    return " ".join(text.split()).strip().lower()


def _person(name: str) -> str | None:
    """A name without its middle initials: `minutes` names a member as the member list does
    ("Walter G. Christophersen") where a page line leaves the initial out."""
    return _norm(re.sub(r"\s[A-ZÆØÅ]\.(?=\s)", "", name))


SIDES = ("for", "against", "abstain")


def side_pairs(votes: Sequence[dict[str, Sequence[str]]]) -> Counter:
    """(side, name) pairs over an item's votes: a party letter or a member's name, as printed."""
    return Counter((side, _person(name)) for vote in votes for side in SIDES for name in vote[side])


def gold_sides(vote: dict) -> dict[str, Sequence[str]]:
    """A gold vote's names per side (`for_names`, or `for_parties` in the older sets)."""
    return {k: vote.get(f"{k}_names") or vote.get(f"{k}_parties") or [] for k in SIDES}


def _case(text: str | None) -> str | None:
    return re.sub(r"\s+", "", text).lower() if text else None


@dataclass
class Tally:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += int(ok)
        self.total += 1

    def __str__(self) -> str:
        if not self.total:
            return "0/0"
        return f"{self.right}/{self.total} = {self.right / self.total:.3f}"


@dataclass
class PR:
    hit: int = 0
    gold: int = 0
    found: int = 0

    def add(self, want: Counter, got: Counter) -> None:
        self.hit += sum((want & got).values())
        self.gold += sum(want.values())
        self.found += sum(got.values())

    def __str__(self) -> str:
        p = self.hit / self.found if self.found else 1.0
        r = self.hit / self.gold if self.gold else 1.0
        return f"precision {p:.3f} recall {r:.3f} (gold {self.gold}, found {self.found})"


@dataclass
class Scores:
    documents: int = 0
    skipped: int = 0
    recognised: Tally = field(default_factory=Tally)
    not_minutes: Tally = field(default_factory=Tally)  # documents labelled not minutes, kept out
    date: Tally = field(default_factory=Tally)
    body: Tally = field(default_factory=Tally)
    items: PR = field(default_factory=PR)
    case_number: Tally = field(default_factory=Tally)
    closed: Tally = field(default_factory=Tally)
    outcomes: PR = field(default_factory=PR)
    outcomes_exact: Tally = field(default_factory=Tally)
    absent: PR = field(default_factory=PR)
    votes: PR = field(default_factory=PR)
    vote_sides: PR = field(default_factory=PR)
    misses: list[str] = field(default_factory=list)


# "Salg af areal(Lukket)", "Lukket punkt: Køb af ejendom", "Salg af ejendom - LUKKET SAG": a
# closed marker beside a title is printed by some portals and left out by some labellers;
# titles are compared without it (`closed` scores it).
_CLOSED_MARK = r"(?:lukket|fortroligt?|for\s+lukkede\s+døre)(?:\s+(?:punkt|sag))?"
_CLOSED_SUFFIX = re.compile(
    rf"\s*\({_CLOSED_MARK}\)\s*$|\s+[-–]\s+{_CLOSED_MARK}\s*$|^{_CLOSED_MARK}\s*[-–:]\s*"
)


def _item_matches(gold: dict, item: Item, numbered: bool) -> bool:
    if gold["number"] is not None and (not numbered or item.number != gold["number"]):
        return False
    title = None if item.title == UNTITLED else item.title

    def bare(text: str | None) -> str | None:
        return None if text is None else _CLOSED_SUFFIX.sub("", _norm(text))

    return bare(gold["title"]) == bare(title)


def _align(gold_items: list[dict], items: tuple[Item, ...], numbered: bool) -> list[Item | None]:
    """Each gold item's parsed item, matched in order."""
    matched: list[Item | None] = []
    at = 0
    for gold in gold_items:
        found = None
        for k in range(at, len(items)):
            if _item_matches(gold, items[k], numbered):
                found, at = items[k], k + 1
                break
        matched.append(found)
    return matched


def score_document(row: dict, document: Document, scores: Scores) -> None:
    name = row["file"]
    if not row.get("is_minutes", True):  # an agenda, a news page: nothing else to score
        scores.not_minutes.add(document.kind.value != "minutes")
        if document.kind.value == "minutes":
            scores.misses.append(f"{name}: read as minutes, but it is not")
        return
    scores.recognised.add(document.kind.value == "minutes")
    if document.kind.value != "minutes":
        scores.misses.append(f"{name}: not recognised as minutes")
    meeting = document.meeting
    if row.get("date"):
        ok = (
            meeting is not None
            and meeting.date is not None
            and meeting.date.isoformat() == row["date"]
        )
        scores.date.add(ok)
        if not ok:
            scores.misses.append(
                f"{name}: date {meeting.date if meeting else None} != {row['date']}"
            )
    if row.get("body"):
        ok = meeting is not None and slugify(meeting.committee) == slugify(row["body"])
        scores.body.add(ok)
        if not ok:
            got = meeting.committee if meeting else None
            scores.misses.append(f"{name}: body {got!r} != {row['body']!r}")
    numbered = UNNUMBERED_WARNING not in document.warnings
    matched = _align(row["items"], document.items, numbered)
    hits = sum(m is not None for m in matched)
    scores.items.hit += hits
    scores.items.gold += len(row["items"])
    scores.items.found += len(document.items)
    for gold, item in zip(row["items"], matched, strict=True):
        if item is None:
            scores.misses.append(f"{name}: item {gold['number']} {gold['title']!r} not found")
    if len(document.items) > hits:
        got = [(it.number, it.title[:50]) for it in document.items]
        scores.misses.append(f"{name}: {len(document.items) - hits} extra items in {got}")
    pairs = [(g, it) for g, it in zip(row["items"], matched, strict=True) if it is not None]
    extractions = extract_meeting_items(meeting, [it for _, it in pairs]) if pairs else []
    meeting_absent = set(meeting.absent) if meeting else set()
    for (gold, item), extraction in zip(pairs, extractions, strict=True):
        where = f"{name}#{gold['number'] or gold['title']}"
        case = item.case_numbers[0] if item.case_numbers else None
        scores.case_number.add(_case(case) == _case(gold["case_number"]))
        if _case(case) != _case(gold["case_number"]):
            scores.misses.append(f"{where}: case {case!r} != {gold['case_number']!r}")
        scores.closed.add(item.closed == gold["closed"])
        if gold["decisions"] is not None:
            want = [d["outcome"] for d in gold["decisions"]]
            got = [d.outcome.value for d in extraction.decisions]
            scores.outcomes.add(Counter(want), Counter(got))
            scores.outcomes_exact.add(want == got)
            if want != got:
                scores.misses.append(f"{where}: outcomes {got} != {want}")
        if gold.get("absent") is not None:
            want_a = Counter(_person(n) for n in gold["absent"])
            got_a = Counter(_person(n) for n in set(extraction.absent) | meeting_absent)
            scores.absent.add(want_a, got_a)
            if want_a != got_a:
                scores.misses.append(f"{where}: absent {sorted(got_a)} != {sorted(want_a)}")
        if gold.get("votes") is not None:
            want_v = Counter((v["for"], v["against"], v["abstain"]) for v in gold["votes"])
            got_v = Counter((v.for_count, v.against, v.abstain) for v in extraction.votes)
            scores.votes.add(want_v, got_v)
            if want_v != got_v:
                scores.misses.append(
                    f"{where}: votes {sorted(got_v, key=repr)} != {sorted(want_v, key=repr)}"
                )
            if any("for_names" in v or "for_parties" in v for v in gold["votes"]):
                want_s = side_pairs([gold_sides(v) for v in gold["votes"]])
                got_s = side_pairs(
                    [{k: getattr(v, f"{k}_names") for k in SIDES} for v in extraction.votes]
                )
                scores.vote_sides.add(want_s, got_s)
                if want_s != got_s:
                    scores.misses.append(
                        f"{where}: vote sides {sorted(got_s.elements())} != "
                        f"{sorted(want_s.elements())}"
                    )


def score(
    split: str, plain_pdf: bool = False, gold: str | None = None, variant: str | None = None
) -> Scores:
    """Scores of the split's documents; `variant` (bench.text_variants) rewrites each text
    page's whitespace and layout first (HTML pages are read as they are)."""
    scores = Scores()
    for row, path in gold_documents(split, gold):
        # A plain PDF is typeset from text; an HTML page's text is its markup.
        if not path.exists() or (plain_pdf and path.suffix == ".html"):
            scores.skipped += 1
            continue
        scores.documents += 1
        text = page_text(path)
        name = path.name
        if variant and path.suffix != ".html":
            from bench.text_variants import HTML_VARIANTS, variant_text

            text = variant_text(variant, text, path.name)
            name = path.stem + ".html" if variant in HTML_VARIANTS else name
        if plain_pdf:
            from bench.plain_pdf import text_to_pdf

            document = parse_bytes(text_to_pdf(text), path.stem + ".pdf")
        else:
            document = parse_bytes(text.encode("utf-8"), name)
        score_document(row, document, scores)
    return scores


def report(scores: Scores, misses: bool = False) -> str:
    lines = [
        f"documents scored {scores.documents}, skipped (text absent, or HTML for a plain PDF) "
        f"{scores.skipped}",
        f"recognised as minutes  {scores.recognised}",
        f"not minutes, kept out  {scores.not_minutes}",
        f"meeting date           {scores.date}",
        f"meeting body           {scores.body}",
        f"items (number + title) {scores.items}",
        f"case number            {scores.case_number}",
        f"closed                 {scores.closed}",
        f"outcomes               {scores.outcomes}",
        f"outcomes exact/item    {scores.outcomes_exact}",
        f"absent                 {scores.absent}",
        f"votes                  {scores.votes}",
        f"vote sides             {scores.vote_sides}",
    ]
    if misses:
        lines += ["", *scores.misses]
    return "\n".join(lines)
