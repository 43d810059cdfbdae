"""Minutes read the same whatever whitespace their text was handed over with: non-breaking
spaces and soft hyphens from a web page, indented lines, tabs after item numbers, squeezed
spaces, Windows line ends, section names in capitals or run into their text
(bench/text_variants.py, scored in bench/layout_variants.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.real_minutes import score
from bench.text_variants import variant_text
from ingest import parse_bytes
from nlp.extract import extract_meeting_items

PROBES = Path(__file__).resolve().parents[1] / "bench" / "probes"
# Flattened transcripts (a page a line), portal texts, council votes: the forms that broke.
DOCUMENTS = sorted(
    p for name in ("heldout8", "survey10", "survey11") for p in (PROBES / name).glob("*.txt")
)


def _reading(text: str, name: str) -> tuple:
    document = parse_bytes(text.encode("utf-8"), name)
    items = list(document.items)
    extractions = extract_meeting_items(document.meeting, items) if items else []
    return (
        document.kind,
        document.meeting.date if document.meeting else None,
        [(i.number, i.title, i.case_numbers, i.closed) for i in items],
        [
            (
                [d.outcome for d in e.decisions],
                [(v.for_count, v.against) for v in e.votes],
                e.absences,
            )
            for e in extractions
        ],
    )


@pytest.mark.parametrize(
    "variant", ["nbsp", "soft-hyphens", "indent", "tabs", "squeeze", "crlf", "capital-headings"]
)
def test_whitespace_does_not_change_the_reading(variant):
    assert len(DOCUMENTS) > 40
    changed = [
        p.name
        for p in DOCUMENTS
        if _reading(variant_text(variant, p.read_text(encoding="utf-8"), p.name), p.name)
        != _reading(p.read_text(encoding="utf-8"), p.name)
    ]
    assert changed == []


@pytest.mark.parametrize("variant", ["colon-headings", "run-on-headings"])
def test_headings_run_into_their_text_still_read(variant):
    """ "Beslutning" / "Godkendt." printed "Beslutning: Godkendt." or "Beslutning Godkendt."."""
    for name in ("heldout9", "survey6"):
        plain = score("all", gold=str(PROBES / name / "gold.jsonl"))
        run_in = score("all", gold=str(PROBES / name / "gold.jsonl"), variant=variant)
        assert run_in.recognised.right == run_in.recognised.total
        assert _recall(run_in.items) >= _recall(plain.items) - 0.03
        assert _recall(run_in.outcomes) >= _recall(plain.outcomes) - 0.1


def _recall(pr) -> float:
    return pr.hit / pr.gold if pr.gold else 1.0


@pytest.mark.parametrize("variant", ["html-divs", "html-breaks", "html-headings"])
def test_the_same_minutes_as_a_web_page_read_as_the_text(variant):
    """The lines as a page of bare <div>s, of <br>-broken paragraphs, or of headings; a
    document site's transcript page ("Transkript", a page a paragraph) among them."""
    for name in ("heldout8", "survey10", "heldout9"):
        plain = score("all", gold=str(PROBES / name / "gold.jsonl"))
        page = score("all", gold=str(PROBES / name / "gold.jsonl"), variant=variant)
        assert page.recognised.right == page.recognised.total
        assert _recall(page.items) >= _recall(plain.items) - 0.06, name
        assert _recall(page.outcomes) >= _recall(plain.outcomes) - 0.05, name
