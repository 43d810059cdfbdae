"""Ways councils write one vote, each read to the same counts: the sides' order, counts in
words, sides told with or without "stemmer", labels first or counts first, nought as
"ingen". Fictitious sentences in the forms of Danish minutes."""

from __future__ import annotations

import pytest

from ingest import parse_bytes
from nlp.extract import extract_meeting_items

# (decision text, (for, against, abstain)); None: not stated
PHRASINGS = [
    ("Godkendt med 17 stemmer for og 9 imod.", (17, 9, None)),
    ("Indstillingen blev godkendt med 17 stemmer mod 9.", (17, 9, None)),
    ("Forslaget blev forkastet med 9 stemmer for og 17 stemmer imod.", (9, 17, None)),
    ("Godkendt.\n\nFor: 17 (A, F, Ø)\n\nImod: 9 (V, O)\n\nUndlod: 3 (C)", (17, 9, 3)),
    ("Afstemning: For 17, imod 9, hverken for eller imod 3. Godkendt.", (17, 9, 3)),
    ("Godkendt med stemmerne 17 for, 9 imod og 3 undlod.", (17, 9, 3)),
    (
        "Indstillingen blev vedtaget. 17 stemte for, 9 stemte imod, og 3 undlod at stemme.",
        (17, 9, 3),
    ),
    ("Tiltrådt med 17 mod 9 stemmer.", (17, 9, None)),
    ("Forslaget faldt med 17 stemmer imod 9.", (9, 17, None)),
    (
        "Indstillingen blev godkendt med 17 stemmer for, 9 stemmer imod og 3 stemmer, "
        "der undlod at stemme.",
        (17, 9, 3),
    ),
    ("Afstemning:\n\nFor: 17\n\nImod: 9\n\nUndlader: 3\n\nGodkendt.", (17, 9, 3)),
    ("17 for, 9 imod, 3 hverken for eller imod. Godkendt.", (17, 9, 3)),
    ("Godkendt med 17 stemmer for. 9 stemte imod (V og C).", (17, 9, None)),
    ("Godkendt med fem stemmer for og to imod.", (5, 2, None)),
    ("Indstillingen blev godkendt med 17 for, 9 imod og 3 blanke.", (17, 9, 3)),
    ("Vedtaget med 17 stemmer for, ingen imod og 3 undlod at stemme.", (17, 0, 3)),
    ("Godkendt. Afstemningen: 17 for, 9 imod.", (17, 9, None)),
    ("Forkastet med 17 stemmer imod og 9 for.", (9, 17, None)),
    ("Godkendt med 25 ja-stemmer og 4 nej-stemmer.", (25, 4, None)),
    (
        "Godkendt.\n\nFor stemte 4 (A, F).\n\nImod stemte 2 (V, DF), idet de ønsker en udsættelse.",
        (4, 2, None),
    ),
    ("Anbefales. 1 medlem (Ø) stemte imod.", (None, 1, None)),
    ("Indstillingen blev herefter vedtaget. Imod stemte C, I og O (6 stemmer).", (None, 6, None)),
    ("Afstemning: 25 ja, 4 nej, 2 blanke. Godkendt.", (25, 4, 2)),
    ("Godkendt.\n\nFor indstillingen: 17 (A, F, Ø)\n\nImod: 9 (V, O)", (17, 9, None)),
    ("Indstillingen blev tiltrådt, idet Enhedslisten (2) stemte imod.", (None, 2, None)),
]


def _extraction(decision: str):
    text = (
        "Referat Byrådet 12. marts 2024\n\n1. Salg af grund ved Egevej\n\nSagsnr.: 24/1180\n\n"
        f"Beslutning\n\n{decision}\n"
    )
    document = parse_bytes(text.encode("utf-8"), "side.txt")
    (extraction,) = extract_meeting_items(document.meeting, list(document.items))
    return extraction


def _vote(decision: str):
    return [(v.for_count, v.against, v.abstain) for v in _extraction(decision).votes]


@pytest.mark.parametrize(("decision", "counts"), PHRASINGS)
def test_one_vote_whatever_the_phrasing(decision, counts):
    assert _vote(decision) == [counts]


def test_each_vote_under_the_line_that_names_what_it_is_on():
    """Amendments, then the budget, each named on a line of its own over its vote and outcome;
    "de af Økonomiudvalget anbefalede ændringer" describes the budget, it recommends nothing."""
    extraction = _extraction(
        "Ændringsforslag fra Enhedslisten (Ø) om flere pædagoger:\n\n"
        "For stemte: 2 (Ø)\n\nImod stemte: 17 (A, V, C, F, O)\n\nUndlod at stemme: 0\n\n"
        "Ændringsforslaget blev forkastet.\n\n"
        "Budgettet med de af Økonomiudvalget anbefalede ændringer:\n\n"
        "For stemte: 17 (A, V, C, F, O)\n\nImod stemte: 2 (Ø)\n\nUndlod at stemme: 0\n\n"
        "Godkendt."
    )
    assert [d.outcome.value for d in extraction.decisions] == ["rejected", "approved"]
    assert [(v.for_count, v.against, v.abstain, v.decision) for v in extraction.votes] == [
        (2, 17, 0, 0),
        (17, 2, 0, 1),
    ]
    assert extraction.votes[1].against_names == ("Ø",)
