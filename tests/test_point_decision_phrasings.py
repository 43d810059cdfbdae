"""Ways minutes decide a recommendation point by point, or an amendment before the motion,
each read to one decision per point, in the order they are written. Fictitious sentences in the
forms of Danish minutes."""

from __future__ import annotations

import pytest

from ingest import parse_bytes
from nlp.extract import extract_meeting_items

RECOMMENDATION = (
    "Forvaltningen indstiller,\n\n1. at planen godkendes,\n\n"
    "2. at der gives en bevilling på 2 mio. kr.,\n\n3. at orienteringen tages til efterretning."
)
PHRASINGS = [
    (
        "Indstillingens 1. og 2. at-punkt blev godkendt uden afstemning. "
        "3. at-punkt blev taget til efterretning.",
        ["approved", "approved", "noted"],
    ),
    (
        "Ad 1: Godkendt.\n\nAd 2: Godkendt.\n\nAd 3: Taget til efterretning.",
        ["approved", "approved", "noted"],
    ),
    ("Punkt 1 og 2 godkendt. Punkt 3 taget til efterretning.", ["approved", "approved", "noted"]),
    (
        "1. Godkendt.\n\n2. Godkendt.\n\n3. Taget til efterretning.",
        ["approved", "approved", "noted"],
    ),
    (
        "Indstillingens punkt 1-2 blev godkendt, og punkt 3 blev taget til efterretning.",
        ["approved", "approved", "noted"],
    ),
    (
        "1. at-punkt: Godkendt.\n\n2. at-punkt: Forkastet.\n\n3. at-punkt: Taget til efterretning.",
        ["approved", "rejected", "noted"],
    ),
    (
        "Godkendt for så vidt angår 1. og 3. at-punkt. 2. at-punkt blev forkastet.",
        ["approved", "approved", "rejected"],  # as written (points 1, 3, 2)
    ),
    ("Indstillingens 1. - 3. at-punkt blev godkendt.", ["approved", "approved", "approved"]),
    (
        "Ændringsforslaget fra Venstre blev forkastet med 8 stemmer mod 21. "
        "Herefter blev indstillingen godkendt med 21 stemmer mod 8.",
        ["rejected", "approved"],
    ),
    ("Godkendt.", ["approved"]),
]


@pytest.mark.parametrize(("decision", "outcomes"), PHRASINGS)
def test_one_decision_per_point(decision, outcomes):
    text = (
        "Referat Byrådet 12. marts 2024\n\n1. Plan for Søparken\n\nSagsnr.: 24/1180\n\n"
        f"Indstilling\n\n{RECOMMENDATION}\n\nBeslutning\n\n{decision}\n"
    )
    document = parse_bytes(text.encode("utf-8"), "side.txt")
    (extraction,) = extract_meeting_items(document.meeting, list(document.items))
    assert [d.outcome.value for d in extraction.decisions] == outcomes
