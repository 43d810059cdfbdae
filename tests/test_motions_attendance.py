"""Several decisions in one item with their votes, and absences that cover items across a meeting."""

from __future__ import annotations

import datetime as dt

import pytest

from ingest.records import Item, Meeting, Section, SectionKind
from nlp.extract import extract_item, extract_meeting_items
from nlp.item_scope import Scope
from nlp.motions import author_of, points_of
from nlp.names import Gazetteer
from nlp.records import Outcome
from nlp.votes import find_votes

PEOPLE = ("Anne Holm", "Bo Dahl", "Carl Berg", "Dorte Lund", "Eva Krogh", "Finn Lyng", "Gitte Bak")
MEETING = Meeting("Byrådet", dt.date(2025, 9, 1), participants=PEOPLE)


def _item(number: int, decision: str, title: str = "Et punkt") -> Item:
    section = Section("Beslutning", SectionKind.DECISION, decision, (1,))
    return Item(number, title, (), False, 1, 1, (section,))


def test_amendment_then_proposal_each_with_its_vote():
    text = (
        "Ændringsforslaget fra Venstre blev forkastet med 20 stemmer mod 35.\n\n"
        "Herefter blev indstillingen godkendt med 40 stemmer mod 15."
    )
    found = extract_item(_item(5, text), MEETING).to_json()
    assert [(d["outcome"], d["amendment"], d["author"]) for d in found["decisions"]] == [
        ("rejected", True, "Venstre"),
        ("approved", False, None),
    ]
    assert [(v["for"], v["against"], v["decision"]) for v in found["votes"]] == [
        (20, 35, 0),
        (40, 15, 1),
    ]
    assert [d["vote"] for d in found["decisions"]] == [0, 1]
    assert found["decisions"][0]["text"].startswith("Ændringsforslaget fra Venstre")
    assert found["decisions"][1]["text"].startswith("Herefter blev indstillingen")


def test_one_vote_for_a_group_of_points():
    text = (
        "Indstillingens 1. og 2. at-punkt blev godkendt med 40 stemmer mod 15. "
        "3. at-punkt blev taget til efterretning uden afstemning."
    )
    found = extract_item(_item(5, text), MEETING).to_json()
    assert [(d["point"], d["outcome"], d["vote"]) for d in found["decisions"]] == [
        (1, "approved", 0),
        (2, "approved", 0),
        (3, "noted", None),
    ]
    assert [(v["for"], v["against"], v["decision"]) for v in found["votes"]] == [(40, 15, 0)]


def test_no_vote_without_a_vote():
    found = extract_item(_item(5, "Indstillingen blev godkendt uden afstemning."), MEETING)
    assert found.votes == () and found.decisions[0].vote is None


@pytest.mark.parametrize(
    ("text", "outcome", "counts"),
    [
        ("Forslaget blev forkastet med 30 stemmer mod 25.", Outcome.REJECTED, (25, 30)),
        ("Forslaget blev forkastet med 3 stemmer mod 8.", Outcome.REJECTED, (3, 8)),
        ("Indstillingen blev godkendt med 15 stemmer mod 40.", Outcome.APPROVED, (40, 15)),
        ("Forslaget faldt med 4 stemmer for og 5 imod.", Outcome.REJECTED, (4, 5)),
        ("Forslaget blev forkastet med 10 stemmer mod 10.", Outcome.REJECTED, (10, 10)),
    ],
)
def test_which_number_is_for_follows_the_outcome(text, outcome, counts):
    (vote,) = find_votes(text, Gazetteer(()), outcome)
    assert (vote.for_count, vote.against) == counts


def test_name_lists_decide_the_sides_when_the_outcome_is_unknown():
    text = "Afstemning: 3 stemmer mod 2. For: Anne Holm og Bo Dahl. Imod: Carl Berg, Dorte Lund og Eva Krogh."
    (vote,) = find_votes(text, Gazetteer(PEOPLE))
    assert (vote.for_count, vote.against) == (2, 3)


@pytest.mark.parametrize(
    ("sentence", "points", "author"),
    [
        ("Indstillingens 1. og 2. at-punkt blev godkendt.", (1, 2), None),
        ("At-punkt 1-3 blev godkendt.", (1, 2, 3), None),
        ("Indstillingspunkterne 1 – 3 anbefales.", (1, 2, 3), None),
        ("Punkt 15 udgår.", (), None),  # an agenda item, not a point of the recommendation
        (
            "Ændringsforslag stillet af Det Konservative Folkeparti:",
            (),
            "Det Konservative Folkeparti",
        ),
        ("Liste V foreslog, at sagen blev udsat.", (), "Liste V"),
        ("Udvalget foreslog, at sagen blev udsat.", (), None),
    ],
)
def test_points_and_authors(sentence, points, author):
    assert points_of(sentence) == points
    assert author_of(sentence) == author


def test_scope_covers():
    assert Scope().covers(7)
    assert Scope(numbers=frozenset({3, 4})).covers(4) and not Scope(numbers=frozenset({3})).covers(
        4
    )
    assert Scope(first=9).covers(9) and not Scope(first=9).covers(8)
    assert Scope(last=2).covers(1) and not Scope(last=2).covers(3)


def test_absences_said_once_cover_the_items_they_name():
    opening = (
        "Godkendt.\n\n"
        "Afbud: Anne Holm (A). I stedet for Anne Holm deltog Gitte Bak (A).\n"
        "Bo Dahl (F) deltog ikke under punkterne 4-6.\n"
        "Carl Berg forlod mødet efter behandlingen af punkt 8.\n"
        "Eva Krogh ankom til mødet kl. 17.35 under behandlingen af punkt 3."
    )
    items = [_item(1, opening, "Godkendelse af dagsorden")]
    items += [_item(n, "Godkendt.") for n in range(2, 11)]
    items[8] = _item(9, "Godkendt.\n\nDorte Lund forlod mødet inden behandlingen af punkt 10.")
    absent = {
        it.number: set(ex.absent)
        for it, ex in zip(items, extract_meeting_items(MEETING, items), strict=True)
    }
    for number in range(1, 11):
        expected = {"Anne Holm"}
        expected |= {"Bo Dahl"} if 4 <= number <= 6 else set()
        expected |= {"Carl Berg"} if number >= 9 else set()
        expected |= {"Dorte Lund"} if number >= 10 else set()
        expected |= {"Eva Krogh"} if number <= 2 else set()
        assert absent[number] == expected, number
    assert all("Gitte Bak" not in names for names in absent.values())


def test_an_absence_item_lists_names_alone():
    items = [
        _item(1, "Martin Bech og Bettina Kjeldsen.", "Fraværende"),
        _item(2, "Godkendt."),
    ]
    meeting = Meeting(
        "Byrådet", dt.date(2025, 9, 1), participants=("Martin Bech", "Bettina Kjeldsen")
    )
    extractions = extract_meeting_items(meeting, items)
    assert extractions[1].absent == ("Martin Bech", "Bettina Kjeldsen")


def test_absence_list_with_item_range_and_reasons():
    text = (
        "Taget til efterretning.\n\nFraværende med afbud:\n\nAnne Holm (A), arbejde.\n\n"
        "Bo Dahl (F), sag 1-3\n\nCarl Berg (C), sygdom."
    )
    assert extract_item(_item(2, text), MEETING).absent == ("Anne Holm", "Bo Dahl", "Carl Berg")
    assert extract_item(_item(5, text), MEETING).absent == ("Anne Holm", "Carl Berg")


@pytest.mark.parametrize(
    ("title", "text", "outcome"),
    [
        ("Et punkt", "Borgmesteren nævnte status på byggeriet.", "decided"),
        ("Meddelelser", "Borgmesteren nævnte status på byggeriet.", "information"),
        ("Spørgetid", "Ingen spørgsmål.", "information"),
        ("Et punkt", "Budgetforslaget oversendes til 2. behandling.", "decided"),
        ("Et punkt", "Oversendes til Økonomiudvalget.", "recommended"),
    ],
)
def test_outcome_by_item(title, text, outcome):
    found = extract_item(_item(4, text, title), MEETING)
    assert [d.outcome.value for d in found.decisions] == [outcome]


def test_closed_item_with_unpublished_decision():
    item = Item(9, "Lukket: Køb af ejendom", (), True, 1, 1, (
        Section("Beslutning", SectionKind.DECISION, "Sagen er behandlet.", (1,)),
    ))  # fmt: skip
    assert [d.outcome for d in extract_item(item, MEETING).decisions] == [Outcome.CLOSED]


def test_a_members_proposal_put_to_a_roll_call_that_falls_before_the_agenda_is_approved():
    text = (
        "Bo Dahl stiller forslag om, at punkt 14 flyttes til den åbne dagsorden.\n\n"
        "For forslaget stemmer:\n\nBo Dahl, Carl Berg og Dorte Lund.\n\n"
        "Imod stemmer:\n\nAnne Holm, Eva Krogh og Finn Lyng.\n\n"
        "Gitte Bak undlader at stemme.\n\nForslaget falder.\n\nDagsorden er godkendt."
    )
    found = extract_item(_item(1, text, "Godkendelse af dagsorden"), MEETING).to_json()
    assert [d["outcome"] for d in found["decisions"]] == ["rejected", "approved"]
    [vote] = found["votes"]
    assert vote["decision"] == 0
    assert (vote["for_names"], vote["against_names"], vote["abstain_names"]) == (
        ["Bo Dahl", "Carl Berg", "Dorte Lund"],
        ["Anne Holm", "Eva Krogh", "Finn Lyng"],
        ["Gitte Bak"],
    )


def test_what_a_body_will_do_later_is_not_what_it_decided():
    text = (
        "Bo Dahl spurgte til arbejdsgrupperne. Det forventes, at det nye udvalg vil vedtage "
        "en fortsættelse af dem."
    )
    found = extract_item(_item(9, text, "Eventuelt"), MEETING).to_json()
    assert [d["outcome"] for d in found["decisions"]] != ["approved"]


def test_absence_lists_with_substitutes_written_after_or_beside_the_name():
    from nlp.attendance import meeting_absences

    after = (
        "Fraværende med afbud\nElin Holm. I stedet deltog Ruth Berg.\n"
        "Jens Lund. I stedet deltog Mikkel Krogh.\nDan Bak."
    )
    assert sorted(meeting_absences(after)) == ["Dan Bak", "Elin Holm", "Jens Lund"]
    beside = "Afbud: Carsten Fuhr, Winnie Lund ( i stedet for Brian Frank)"
    assert sorted(meeting_absences(beside)) == ["Brian Frank", "Carsten Fuhr"]


def test_a_decision_run_on_after_an_attendance_note_is_still_the_decision():
    text = "Ikke til stede: Bo Dahl, Carl Berg Dagsordenen godkendt."
    found = extract_item(_item(1, text, "Godkendelse af dagsorden"), MEETING).to_json()
    assert [d["outcome"] for d in found["decisions"]] == ["approved"]
    assert sorted(a["name"] for a in found["absences"]) == ["Bo Dahl", "Carl Berg"]
    noted = "Godkendt (afbud fra Bo Dahl)."
    found = extract_item(_item(2, noted, "Et punkt"), MEETING).to_json()
    assert [d["outcome"] for d in found["decisions"]] == ["approved"]


def test_votes_by_party_blocs_with_their_size_and_an_empty_side():
    blocs = find_votes(
        "Et flertal bestående af A, C, N og V (6) anbefaler indstillingen. "
        "O (1) kan ikke anbefale indstillingen.",
        Gazetteer(()),
    )
    assert [(v.for_count, v.against, v.for_names, v.against_names) for v in blocs] == [
        (6, 1, ("A", "C", "N", "V"), ("O",))
    ]
    [vote] = find_votes(
        "For stemte:  6 (A+C+V+L)\nImod stemte:  \nUndlod at stemme: 0", Gazetteer(())
    )
    assert (vote.for_count, vote.against, vote.abstain, vote.for_names) == (
        6,
        0,
        0,
        ("A", "C", "V", "L"),
    )


def test_absence_lists_with_initials_organisations_and_a_second_list_after_a_full_stop():
    from nlp.attendance import meeting_absences

    assert meeting_absences(
        "Afbud: Peter H.S. Kristensen, Frede Hansen og Pia Uth. Uden afbud Martin Bech."
    ) == ["Peter H.S. Kristensen", "Frede Hansen", "Pia Uth", "Martin Bech"]
    text = (
        "Fraværende: Cecilia Dahl (Dansk Erhverv), Niels Moestrup (Dansk Byggeri) og "
        "Karim Arfaoui (Byrådet)."
    )
    found = extract_item(_item(3, f"Godkendt.\n\n{text}"), MEETING).to_json()
    assert [a["name"] for a in found["absences"]] == [
        "Cecilia Dahl",
        "Niels Moestrup",
        "Karim Arfaoui",
    ]


def test_an_amendment_whose_outcome_only_its_counts_state_before_the_recommendation_passes():
    text = (
        "Bo Dahl stillede ændringsforslag om:\n\nat Carl Berg erstatter Eva Krogh i nævnet.\n\n"
        "For ændringsforslaget stemte 3, Bo Dahl, Carl Berg og Dorte Lund.\n\n"
        "Imod stemte 4 (Venstres byrådsgruppe og den Socialdemokratiske byrådsgruppe\n\n"
        "Indstillingen fra borgmesteren blev herefter godkendt."
    )
    found = extract_item(_item(1, text, "Valg til nævn"), MEETING).to_json()
    assert [(d["outcome"], d["amendment"]) for d in found["decisions"]] == [
        ("rejected", True),
        ("approved", False),
    ]
    assert [(v["for"], v["against"], v["decision"]) for v in found["votes"]] == [(3, 4, 0)]


def test_short_paragraphs_that_each_state_an_act_on_their_own_subject_are_decisions_each():
    text = (
        "Taksterne blev tiltrådt.\n\nValg af selvbudgettering blev tiltrådt.\n\n"
        "Kirkeskatten vedtoges uændret 0,50 pct.\n\nUdskrivningsprocenten er herefter uændret."
    )
    found = extract_item(_item(4, text, "2. behandling af budget 2017"), MEETING).to_json()
    assert [d["outcome"] for d in found["decisions"]] == ["approved", "approved", "approved"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Indstillingens punkt 1 godkendt. Punkt 2 taget til efterretning.",
            [(1, "approved"), (2, "noted")],
        ),
        ("Indstillingens 1. punkt godkendt. 2. punkt udsat.", [(1, "approved"), (2, "postponed")]),
        (
            "Punkt 1 og 2 godkendt. Punkt 3 taget til efterretning.",
            [(1, "approved"), (2, "approved"), (3, "noted")],
        ),
        ("Ad a) Godkendt. Ad b) Taget til efterretning.", [(1, "approved"), (2, "noted")]),
        (
            "Ad 1: Godkendt.\nAd 2 og 3: Udsat.",
            [(1, "approved"), (2, "postponed"), (3, "postponed")],
        ),
        ("Ad 1 og 2: Anbefales.", [(1, "recommended"), (2, "recommended")]),
        ("a. Godkendt\nb. Taget til efterretning", [(1, "approved"), (2, "noted")]),
        # alone, "Punkt 15" is another agenda item, not a point of this recommendation
        ("Dagsordenen godkendt. Punkt 15 udgår.", [(None, "approved")]),
    ],
)
def test_points_decided_one_by_one_in_the_forms_councils_write(text, expected):
    found = extract_item(_item(4, text), MEETING).to_json()["decisions"]
    assert [(d["point"], d["outcome"]) for d in found] == expected


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("Udvalget var enige i indstillingen.", "approved"),
        ("Forvaltningens indstilling blev fulgt.", "approved"),
        ("Udvalget følger forvaltningens indstilling.", "approved"),
        # what a minority wanted is not what the meeting decided
        ("Godkendt med 5 stemmer mod 2. Mindretallet (V) ønskede sagen udsat.", "approved"),
    ],
)
def test_outcomes_agreed_with_the_recommendation_or_wished_by_a_minority(text, outcome):
    assert [d["outcome"] for d in extract_item(_item(4, text), MEETING).to_json()["decisions"]] == [
        outcome
    ]


@pytest.mark.parametrize(
    ("text", "outcome", "counts", "abstain_parties"),
    [
        ("Anbefales med 5 stemmer. 2 stemte imod.", Outcome.RECOMMENDED, (5, 2, None), ()),
        (
            "For: 16 (A, F, Ø). Imod: 9 (V, C). Undlod: 2 (O). Indstillingen blev godkendt.",
            Outcome.APPROVED,
            (16, 9, 2),
            ("O",),
        ),
        (
            "For stemte 16, imod stemte 9, 2 undlod at stemme. Godkendt.",
            Outcome.APPROVED,
            (16, 9, 2),
            (),
        ),
        ("For: 6 Imod: 1 Undlod: 0 Godkendt.", Outcome.APPROVED, (6, 1, 0), ()),
        (
            "For: A, F, Ø (15)\nImod: V, C (10)\nUndlader: O (2)",
            Outcome.APPROVED,
            (15, 10, 2),
            ("O",),
        ),
    ],
)
def test_vote_sides_labelled_in_the_forms_councils_write(text, outcome, counts, abstain_parties):
    (vote,) = find_votes(text, Gazetteer(PEOPLE), outcome)
    assert (vote.for_count, vote.against, vote.abstain) == counts
    assert vote.abstain_names == abstain_parties


def test_an_amendment_voted_by_side_lists_then_the_budget_adopted_after_it():
    text = (
        "Ændringsforslag fra Venstre om nedsættelse af dækningsafgiften:\n"
        "For stemte: V, C (8)\nImod stemte: A, F, Ø (17)\nÆndringsforslaget blev forkastet.\n"
        "Herefter blev budgettet vedtaget med 17 stemmer for og 8 imod."
    )
    found = extract_item(_item(119, text), MEETING).to_json()
    assert [(d["outcome"], d["amendment"], d["author"]) for d in found["decisions"]] == [
        ("rejected", True, "Venstre"),
        ("approved", False, None),
    ]
    assert [(v["for"], v["against"], v["for_names"], v["decision"]) for v in found["votes"]] == [
        (8, 17, ["V", "C"], 0),
        (17, 8, [], 1),
    ]


def test_who_left_during_the_meeting_said_on_the_cover_covers_the_items_after():
    meeting = Meeting(
        "Byrådet",
        dt.date(2025, 9, 1),
        participants=PEOPLE,
        attendance_notes=("Carl Berg (F) forlod mødet kl. 20.15 efter behandlingen af punkt 2.",),
    )
    items = [_item(n, "Godkendt.") for n in (1, 2, 3)]
    absent = [[a.name for a in e.absences] for e in extract_meeting_items(meeting, items)]
    assert absent == [[], [], ["Carl Berg"]]


@pytest.mark.parametrize(
    ("text", "counts", "sides"),
    [
        (
            "Der blev stemt om forslaget:\nFor stemte 8: A og F\nImod stemte 5: V, C og O\n"
            "Forslaget blev vedtaget.",
            (8, 5, None),
            (("A", "F"), ("V", "C", "O"), ()),
        ),
        (
            "Forslaget blev sendt til afstemning med følgende resultat:\nJa: 17\nNej: 10\n"
            "Hverken for eller imod: 2\nForslaget blev vedtaget.",
            (17, 10, 2),
            ((), (), ()),
        ),
    ],
)
def test_a_side_list_ends_where_the_outcome_sentence_begins(text, counts, sides):
    found = extract_item(_item(4, text), MEETING)
    (decision,) = found.decisions
    assert decision.outcome == Outcome.APPROVED  # not "sendt til": a vote, not a referral
    vote = decision.vote
    assert (vote.for_count, vote.against, vote.abstain) == counts
    assert (vote.for_names, vote.against_names, vote.abstain_names) == sides


def test_at_points_each_with_or_without_a_vote_keep_their_words():
    text = "1. at-punkt blev godkendt med 40 stemmer mod 15.\n2. at-punkt blev godkendt uden afstemning."
    found = extract_item(_item(4, text), MEETING).to_json()
    assert [(d["point"], d["text"][:12]) for d in found["decisions"]] == [
        (1, "1. at-punkt "),
        (2, "2. at-punkt "),
    ]
    assert [(v["for"], v["against"], v["decision"]) for v in found["votes"]] == [(40, 15, 0)]


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        (
            "Ændringsforslag nr. 1 fra Venstre blev forkastet med 9 stemmer for og 22 imod.\n"
            "Herefter blev indstillingen godkendt med 29 stemmer for og 2 imod.",
            ["Venstre", None],
        ),
        (
            "Der blev stemt om Venstres ændringsforslag: 10 stemte for, 21 stemte imod. "
            "Ændringsforslaget blev forkastet.\nIndstillingen blev godkendt med 21 stemmer for, 10 imod.",
            ["Venstre", None],
        ),
    ],
)
def test_an_amendments_author_numbered_or_named_by_its_party(text, authors):
    found = extract_item(_item(7, text), MEETING).to_json()["decisions"]
    assert [d["author"] for d in found] == authors
    assert [d["outcome"] for d in found] == ["rejected", "approved"]


def test_a_change_written_into_a_recommendation_is_not_its_outcome():
    text = "Anbefales over for Byrådet med den ændring, at projektet udskydes til 2026."
    assert [d.outcome for d in extract_item(_item(7, text), MEETING).decisions] == ["recommended"]


@pytest.mark.parametrize(
    ("text", "counts", "sides"),
    [
        (
            "Et flertal på 17 (A, F, B og Ø) godkendte indstillingen. "
            "Et mindretal på 10 (V, C og O) stemte imod.",
            (17, 10),
            (("A", "F", "B", "Ø"), ("V", "C", "O")),
        ),
        ("Godkendt med alle stemmer mod 1 (Ø).", (None, 1), ((), ("Ø",))),
    ],
)
def test_majority_sizes_and_all_but_one(text, counts, sides):
    (vote,) = find_votes(text, Gazetteer(PEOPLE), Outcome.APPROVED)
    assert (vote.for_count, vote.against) == counts
    assert (vote.for_names, vote.against_names) == sides


@pytest.mark.parametrize(
    ("text", "outcome", "counts", "sides"),
    [
        (
            "Anbefales. For beslutningen stemte: Anne Holm (A) og Bo Dahl (A). Imod stemte: Eva Krogh (V).",
            Outcome.RECOMMENDED,
            (None, None, None),
            (("Anne Holm", "Bo Dahl"), ("Eva Krogh",)),
        ),
        (
            "Bo Dahl og Carl Berg følger indstillingen. Anne Holm, Dorte Lund og Eva Krogh stemmer imod, "
            "indstillingen nedstemt.",
            Outcome.REJECTED,
            (None, None, None),
            (("Bo Dahl", "Carl Berg"), ("Anne Holm", "Dorte Lund", "Eva Krogh")),
        ),
        (
            "Forslaget faldt ved afstemning: med 13 imod, 3 for og 4 der undlod at stemme.",
            Outcome.REJECTED,
            (3, 13, 4),
            ((), ()),
        ),
    ],
)
def test_committee_votes_in_their_own_words(text, outcome, counts, sides):
    (vote,) = find_votes(text, Gazetteer(PEOPLE), outcome)
    assert (vote.for_count, vote.against, vote.abstain) == counts
    assert (vote.for_names, vote.against_names) == sides


def test_points_named_pkt_decided_one_by_one():
    text = "Indstillingens pkt. 1 og 2 blev godkendt. Pkt. 3 blev udsat til næste møde."
    found = extract_item(_item(4, text), MEETING).decisions
    assert [(d.point, d.outcome) for d in found] == [
        (1, "approved"),
        (2, "approved"),
        (3, "postponed"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Afbud fra Anne Holm (A), Bo Dahl (V). Som suppleanter er indkaldt Carl Berg (A), Dorte Lund (V).",
        "Afbud fra Anne Holm (A) og Bo Dahl (V). Som suppleanter deltager Carl Berg (A) og Dorte Lund (V).",
    ],
)
def test_substitutes_called_in_for_those_who_sent_apologies(text):
    found = extract_item(_item(1, f"Godkendt.\n\n{text}", "Godkendelse af dagsorden"), MEETING)
    assert sorted(a.name for a in found.absences) == ["Anne Holm", "Bo Dahl"]
    assert list(found.substitutes) == ["Carl Berg", "Dorte Lund"]


def test_left_the_meeting_and_missed_the_items_named_and_party_blocs_joined_by_plus():
    items = [
        _item(
            1,
            "Godkendt. Bo Dahl (V) forlod mødet kl. 15.10 og deltog ikke i behandlingen af pkt. 3-4.",
        ),
        *(_item(n, "Godkendt.") for n in (2, 3, 4)),
    ]
    absent = [[a.name for a in e.absences] for e in extract_meeting_items(MEETING, items)]
    assert absent == [[], [], ["Bo Dahl"], ["Bo Dahl"]]
    (vote,) = find_votes("A+V+C stemte for. Ø stemte imod.", Gazetteer(PEOPLE), Outcome.APPROVED)
    assert (vote.for_names, vote.against_names) == (("A", "V", "C"), ("Ø",))


@pytest.mark.parametrize(
    "text",
    [
        "Økonomiudvalget har på deres møde den 19. april 2017 besluttet at anvende Saltsøvej 7 "
        "til boliger. Borgmesteren orienterede om rengøringen.",
        "Kjeld Hansen spurgte til færdiggørelse af arbejder ved søen.",
        "Der blev svaret på det rejste spørgsmål af 23.08.2021.",
    ],
)
def test_reports_of_earlier_decisions_and_question_time_inform(text):
    assert [d.outcome for d in extract_item(_item(2, text), MEETING).decisions] == ["information"]


def test_elections_in_paragraphs_of_their_own_are_decisions_each():
    text = (
        "Handicaprådet udpegede Anne Holm som formand.\n\n"
        "Handicaprådet udpegede Bo Dahl som næstformand.\n\n"
        "Carl Berg blev valgt som økonomiansvarlig."
    )
    found = extract_item(_item(1, text, "Konstituering"), MEETING).decisions
    assert [d.outcome for d in found] == ["decided"] * 3


def test_appointing_a_substitute_member_of_another_body_is_no_absence():
    recommendation = Section(
        "Indstilling",
        SectionKind.RECOMMENDATION,
        "Direktionen indstiller,\n1. at Dorte Lund udtræder som suppleant for Eva Krogh i Handicaprådet, og\n"
        "2. at Finn Lyng indtræder som suppleant for Eva Krogh i stedet for Dorte Lund.",
        (1,),
    )
    decision = Section("Beslutning", SectionKind.DECISION, "Godkendt.", (1,))
    item = Item(
        1, "Handicaprådet - udpegning af ny suppleant", (), False, 1, 1, (recommendation, decision)
    )
    assert extract_item(item, MEETING).absences == ()
