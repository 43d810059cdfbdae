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
    ("Ændringsforslaget blev ikke vedtaget med 1 stemme mod 8. 1 undlod at stemme.", (1, 8, 1)),
    ("Vedtaget af et flertal på 20 byrådsmedlemmer. Fem stemte imod (O og Ø).", (20, 5, None)),
    ("Vedtaget med følgende afstemning:\n\nFor\tImod\tUndlod\n11\t3\t2", (11, 3, 2)),  # a table
    # the size after the side's verb; a party the letters do not know (a local list)
    ("Godkendt med 20 stemmer for og 4 imod. Fælleslisten undlod at stemme (1).", (20, 4, 1)),
    (
        "For forslaget stemte 2 (F og Ø). Forkastet, idet 26 stemte imod. Slesvigsk Parti (3) "
        "undlod at stemme.",
        (2, 26, 3),
    ),  # fmt: skip
    # the lines run together: the next label ends the side
    (
        "Godkendt med følgende stemmefordeling: For: A, V (23) Imod: Ø, F (4) Undlod: 0 Afbud: Bo "
        "Dahl (B)",
        (23, 4, 0),
    ),  # fmt: skip
    # each party's size, the side's total after an equals sign
    (
        "Afstemning:\nFor: A (7), F (3) = 10\nImod: V (6), C (2) = 8\nUndlod: 0\nForkastet.",
        (10, 8, 0),
    ),
    # a table a party a row, the totals in the last
    (
        "Parti | For | Imod | Undlod\nA | 6 | |\nV | | 4 |\nØ | | | 1\nI alt | 6 | 4 | 1\nGodkendt.",
        (6, 4, 1),
    ),  # fmt: skip
    ("Forkastet. For stemte 7, imod stemte 15 og 3 undlod at stemme.", (7, 15, 3)),
    # the members who carried it, counted after "af"
    ("Indstillingen tiltrådt af 4 medlemmer (A og V). 1 medlem (O) stemte imod.", (4, 1, None)),
    (
        "Forkastet med 5 stemmer for (F), 18 stemmer imod (A, V) og 2, der undlod at stemme (B).",
        (5, 18, 2),
    ),  # fmt: skip
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


def _read(decision: str) -> tuple[list[str], list[tuple]]:
    extraction = _extraction(decision)
    return (
        [d.outcome.value for d in extraction.decisions],
        [(v.for_count, v.against, v.abstain, v.decision) for v in extraction.votes],
    )


# (decision text, outcomes, votes as (for, against, abstain, decision index))
SEQUENCES = [
    (
        # the proposal's words quoted ("til orientering") decide nothing
        'Dansk Folkeparti stillede følgende ændringsforslag til dagsordenen:\n\n"at sagen til '
        'orientering bliver løftet til en beslutningssag."\n\nÆndringsforslaget blev ikke vedtaget '
        "med 1 stemme mod 8.\n\nDagsordenen blev herefter godkendt.",
        ["rejected", "approved"],
        [(1, 8, None, 0)],
    ),
    (
        # a procedural motion put to the vote, its content ("at sagen udsættes") not an outcome
        "Der blev begæret afstemning om et af Jonas Kruse stillet procedureforslag om, at sagen "
        "udsættes. Et mindretal (Jonas Kruse) stemte for procedureforslaget. Et flertal (Anne "
        "Friis og Bent Holm) stemte imod. Procedureforslaget blev dermed forkastet.\n\nDer blev "
        "begæret afstemning om et af Bent Holm stillet ændringsforslag om, at forslaget "
        "finansieres af puljen. Et flertal (Anne Friis og Bent Holm) stemte for ændringsforslaget. "
        "Ændringsforslaget blev dermed vedtaget.\n\nIndstillingen blev herefter godkendt med 5 "
        "stemmer mod 2.",
        ["rejected", "approved", "approved"],
        [(None, None, None, 0), (None, None, None, 1), (5, 2, None, 2)],
    ),
    (
        # "Der blev herefter stemt om indstillingen:" names the next motion; the vote above the
        # outcome is its own, not the party's remark below it
        "Liste Ø stillede ændringsforslag om, at bebyggelsen nedsættes.\n\nDer blev stemt om "
        "ændringsforslaget:\n\nFor: 4 (B, F, Ø)\n\nImod: 23 (A, C, V)\n\nÆndringsforslaget "
        "faldt.\n\nDer blev herefter stemt om indstillingen:\n\nFor: 22 (A, C, V)\n\nImod: 3 "
        "(F, Ø)\n\nUndlod: 2 (B)\n\nIndstillingen blev godkendt.\n\nListe B undlod at stemme, "
        "idet de ønsker et nyt borgermøde.",
        ["rejected", "approved"],
        [(4, 23, None, 0), (22, 3, 2, 1)],
    ),
    (
        # each thing decided named before a colon, its outcome after it
        "Ændringsforslag fra Enhedslisten om skatten: Forkastet med to stemmer for og 23 imod.\n\n"
        "Budgetforliget (V, A, C og F): Vedtaget af et flertal på 20 byrådsmedlemmer. Fem stemte "
        "imod (O og Ø).\n\nStatsgaranti: Vedtaget enstemmigt.",
        ["rejected", "approved", "approved"],
        [(2, 23, None, 0), (20, 5, None, 1)],
    ),
    (
        # an amendment's content ("om at udskyde") and "de vedtagne ændringer" decide nothing;
        # the budget decided after the labelled parts is a decision of its own
        "Ændringsforslag nr. 3 fra Socialdemokratiet om at udskyde besparelsen på dagplejen:\n"
        "For stemte 9 (A), imod stemte 17 (V, C, I og O), 3 undlod (F og Ø).\nForkastet.\n\n"
        "Herefter blev der stemt om budgetforslaget med de vedtagne ændringer:\n\n"
        "Udskrivningsprocent og grundskyldspromille: Vedtaget med 17 stemmer mod 12 (A, F og Ø)."
        "\n\nTakstoversigten: Godkendt uden afstemning.\n\nBudget 2020-2023 blev herefter "
        "vedtaget med 17 stemmer for og 12 imod.",
        ["rejected", "approved", "approved", "approved"],
        [(9, 17, 3, 0), (17, 12, None, 1), (17, 12, None, 3)],
    ),
    (
        # each motion's sides a line each over its outcome, the amendment's then the proposal's
        "For ændringsforslaget stemte 3 (F, Ø)\nImod stemte 21 (A, V, C)\nUndlod at stemme 1 (I)\n"
        "Ændringsforslaget faldt.\n\nFor indstillingen stemte 21 (A, V, C)\nImod stemte 0\n"
        "Undlod at stemme 4 (F, Ø, I)\nGodkendt.",
        ["rejected", "approved"],
        [(3, 21, 1, 0), (21, 0, 4, 1)],
    ),
    (
        # sides after an outcome that counts its vote are that vote's, not the next motion's
        "Forslaget om udsættelse blev forkastet med 17 stemmer mod 10.\nFor stemte: V, C og O\n"
        "Imod stemte: A, F, B og Ø\n\nIndstillingen blev derefter godkendt med 17 stemmer for "
        "og 10 imod.",
        ["rejected", "approved"],
        [(10, 17, None, 0), (17, 10, None, 1)],
    ),
    (
        # "Der blev stemt om <party>s ændringsforslag …:" names an amendment over its vote
        "Der blev stemt om Borgerlistens ændringsforslag om højst 3 etager:\n\nFor: 5 (O)\n"
        "Imod: 22 (A, V)\nUndlod: 2 (I)\n\nÆndringsforslaget blev forkastet.\n\nDer blev "
        "herefter stemt om indstillingen:\n\nFor: 22 (A, V)\nImod: 5 (O)\nUndlod: 2 (I)\n\n"
        "Indstillingen blev godkendt.",
        ["rejected", "approved"],
        [(5, 22, 2, 0), (22, 5, 2, 1)],
    ),
    (
        # a member's proposal whose words name an outcome ("udsat"), its rejection, then the
        # case's own outcome
        "V foreslog sagen udsat til næste møde. Forslaget blev forkastet med 20 stemmer imod og "
        "3 for (V).\nGodkendt.",
        ["rejected", "approved"],
        [(3, 20, None, 0)],
    ),
]


@pytest.mark.parametrize(("decision", "outcomes", "votes"), SEQUENCES)
def test_each_motion_with_its_own_vote(decision, outcomes, votes):
    assert _read(decision) == (outcomes, votes)


@pytest.mark.parametrize(
    ("decision", "side", "names"),
    [
        # a party list ends at its last letter, the next sentence naming a party and a member
        (
            "Tiltrådt med 27 stemmer imod 21. Imod stemte: B, C, Karin Holm Lind (løsgænger), O "
            'og V. Venstre og Karin Holm Lind (løsgænger) afgav følgende protokolbemærkning: "Vi '
            'stemmer imod."',
            "against_names",
            ("B", "C", "Karin Holm Lind", "O", "V"),
        ),
        # a bracket inside the side's bracket
        (
            "Forslaget blev forkastet med 3 stemmer for (Borgerlisten og Lars Fog (O)) og 21 stemmer "
            "imod.",
            "for_names",
            ("Borgerlisten", "Lars Fog"),
        ),
        # the side's parties after a bare "for", the larger count first
        ("Forslaget blev forkastet med 27 stemmer imod og 2 for (Ø).", "for_names", ("Ø",)),
        # after what the side was for
        (
            "5 stemte for indstillingen (A, F), 2 stemte imod (V). Anbefales.",
            "for_names",
            ("A", "F"),
        ),
    ],
)
def test_the_names_on_a_side(decision, side, names):
    (vote,) = _extraction(decision).votes
    assert getattr(vote, side) == names


def test_a_table_of_parties_names_each_side():
    (vote,) = _extraction(
        "Parti | For | Imod | Undlod\nA | 6 | |\nF | 2 | |\nV | | 4 |\nØ | | | 1\n"
        "I alt | 8 | 4 | 1\nGodkendt."
    ).votes
    assert (vote.for_names, vote.against_names, vote.abstain_names) == (("A", "F"), ("V",), ("Ø",))


def test_another_bodys_dated_decision_in_the_text_is_a_prior_decision():
    text = (
        "Referat Byrådet 24. marts 2025\n\n1. Salg af grund ved Egevej\n\nSagsnr.: 24/1180\n\n"
        "Beslutning\n\nØkonomiudvalget den 10-03-2025: Anbefales med 6 stemmer for og 1 imod (Ø)."
        "\nByrådet den 24-03-2025: Godkendt.\n"
    )
    document = parse_bytes(text.encode("utf-8"), "side.txt")
    (extraction,) = extract_meeting_items(document.meeting, list(document.items))
    assert [d.outcome.value for d in extraction.decisions] == ["approved"]
    assert extraction.votes == ()
    assert [p.body for p in extraction.prior_decisions] == ["Økonomiudvalget"]


def test_the_meetings_own_body_and_date_over_its_decision_inside_a_recommendation():
    """A portal that prints "Indstilling og beslutning" and, under the recommendation, each
    body's dated decision run into its text; the meeting's own date heads its decision."""
    text = (
        "Referat\n\nKommunalbestyrelsen\n\n26-06-2025\n\n2. Medlemsforslag om naturpark\n\n"
        "Indstilling og beslutning\n\nEnhedslistens gruppe foreslår, at kommunen søger om en "
        "naturpark.\n\nKommunalbestyrelsen, den 26. juni 2025: Enhedslistens ændringsforslag om "
        "en frist blev forkastet med 5 stemmer for (Ø) og 17 imod.\n\nForslaget blev herefter "
        "uden afstemning oversendt til Natur- og Miljøudvalget.\n\n3. Orientering fra formanden\n\n"
        "Indstilling og beslutning\n\nKommunalbestyrelsen, den 26. juni 2025: Borgmesteren "
        "orienterede om færgekontrakten. Til efterretning.\n"
    )
    document = parse_bytes(text.encode("utf-8"), "side.txt")
    extracted = extract_meeting_items(document.meeting, list(document.items))
    assert [[d.outcome.value for d in e.decisions] for e in extracted] == [
        ["rejected", "decided"],
        ["noted"],
    ]
    assert [(v.for_count, v.against) for v in extracted[0].votes] == [(5, 17)]


def test_members_counted_against_in_the_present_tense():
    assert _vote("Et flertal (A+C+N) godkender indstillingen. 2 medlemmer (O+V) stemmer imod.") == [
        (None, 2, None)
    ]


def test_the_councils_dated_line_after_the_committees_heads_its_decision():
    """A transcript where each body's dated line runs into its text, the council's own (the
    meeting's date, no colon) opening with an absence."""
    text = (
        "Referat af Byrådets møde d. 27.08.2024 kl. 17.00\n\nPunkt 102: Lokalplan 142 - endelig "
        "vedtagelse\n\n01.02.05-P16-12-23 Kompetenceudvalg: Byrådet\n\nAdministrationen indstiller, "
        "at lokalplanen vedtages.\n\nØkonomiudvalget, 19.08.2024 Anbefales over for Byrådet.\n\n"
        "Byrådet, 27.08.2024 Bo Dahl var fraværende.\n\nGodkendt.\n\nFor stemte 27: A, C, V "
        "Imod stemte 3: B, Ø\n"
    )
    document = parse_bytes(text.encode("utf-8"), "side.txt")
    (extraction,) = extract_meeting_items(document.meeting, list(document.items))
    assert [d.outcome.value for d in extraction.decisions] == ["approved"]
    assert [(v.for_count, v.against) for v in extraction.votes] == [(27, 3)]
    assert [p.body for p in extraction.prior_decisions] == ["Økonomiudvalget"]


def test_a_run_on_item_whose_decision_heading_follows_its_closed_mark():
    text = (
        "Referat af Byrådets møde d. 23.04.2024 kl. 17.00\n\nPunkt 63: Godkendelse af dagsorden\n\n"
        "00.22.02-A26-3-24 Beslutning Byrådet, 23.04.2024 Godkendt.\n\nPunkt 64: Salg af byggegrund"
        "\n\n02.34.02-G01-7-24 Lukket punkt Beslutning Byrådet, 23.04.2024 Mette Frost og Jan Aagaard "
        "var fraværende. Godkendt.\n"
    )
    document = parse_bytes(text.encode("utf-8"), "side.txt")
    extracted = extract_meeting_items(document.meeting, list(document.items))
    assert [d.outcome.value for d in extracted[1].decisions] == ["approved"]
    assert extracted[1].absent == ("Mette Frost", "Jan Aagaard")
