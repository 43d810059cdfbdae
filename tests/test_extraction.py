"""Danish extraction on real phrasings: decisions, votes, attendance, names, amounts, CPR."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ingest import parse_file
from ingest.records import Item, Meeting, Section, SectionKind
from nlp.decisions import decisions
from nlp.extract import extract_item, redact_item
from nlp.names import Gazetteer, party_letters
from nlp.records import Outcome
from nlp.votes import find_votes

MEETING = Meeting(
    committee="Beskæftigelsesudvalget",
    date=dt.date(2025, 8, 12),
    participants=(
        "Claus Berggren",
        "Kasper Fuhr Christensen",
        "Jesper Gade",
        "Henriette Malland",
        "Bo Vestergaard",
    ),
)


def item(decision: str, number: int = 7, *more: Section) -> Item:
    sections = (Section("Beslutning", SectionKind.DECISION, decision, (3,)), *more)
    return Item(number, "Et punkt", ("15.00.00-G01-5-25",), False, 3, 3, sections)


@pytest.mark.parametrize(
    ("text", "outcomes"),
    [
        ("Godkendt", [(None, Outcome.APPROVED)]),
        ("1. at godkendt 2. at drøftet", [(1, Outcome.APPROVED), (2, Outcome.DISCUSSED)]),
        ("Tiltrådt.", [(None, Outcome.APPROVED)]),
        ("Taget til efterretning.", [(None, Outcome.NOTED)]),
        ("1. sagen taget til efterretning.", [(1, Outcome.NOTED)]),
        ("Drøftet.", [(None, Outcome.DISCUSSED)]),
        ("Sagen udsat.", [(None, Outcome.POSTPONED)]),
        ("Indstillingen blev godkendt uden afstemning.", [(None, Outcome.APPROVED)]),
        (
            "Protokollen er godkendt med mindre, der modtages indsigelser.",
            [(None, Outcome.APPROVED)],
        ),
        ("1. at indstilles godkendt", [(1, Outcome.RECOMMENDED)]),
        ("Anbefales over for byrådet.", [(None, Outcome.RECOMMENDED)]),
        ("Fremsendes til Teknisk Udvalg til behandling.", [(None, Outcome.RECOMMENDED)]),
        ("Forslaget blev ikke godkendt.", [(None, Outcome.REJECTED)]),
        ("Drøftet og godkendt.", [(None, Outcome.APPROVED)]),
        ("2. at besluttet at status forelægges årligt", [(None, Outcome.DECIDED)]),
        ("Gensidig orientering.", [(None, Outcome.INFORMATION)]),
        ("Orientering givet.", [(None, Outcome.INFORMATION)]),
        (
            "Ad 1: Godkendt. Ad 2: Taget til efterretning.",
            [(1, Outcome.APPROVED), (2, Outcome.NOTED)],
        ),
    ],
)
def test_decision_outcomes(text, outcomes):
    found = [(d.point, d.outcome) for d in decisions(text)]
    if outcomes[0][0] is None and len(outcomes) == 1:
        assert [o for _, o in found] == [o for _, o in outcomes]
    else:
        assert found == outcomes


def test_vote_in_words_with_names():
    text = "Godkendt med fire stemmer for og to stemmer imod. Imod stemte Bo Vestergaard og Jesper Gade."
    (vote,) = find_votes(text, Gazetteer(MEETING.participants))
    assert (vote.for_count, vote.against, vote.abstain) == (4, 2, None)
    assert vote.against_names == ("Bo Vestergaard", "Jesper Gade")


def test_vote_in_digits_with_abstentions_and_lists():
    text = (
        "Indstillingen blev godkendt med 42 stemmer mod 4. 8 medlemmer undlod at stemme. "
        "For stemte: A, F og Ø. Imod stemte: Bo Vestergaard og Gade."
    )
    (vote,) = find_votes(text, Gazetteer(MEETING.participants))
    assert (vote.for_count, vote.against, vote.abstain) == (42, 4, 8)
    assert vote.against_names == ("Bo Vestergaard", "Jesper Gade")


def test_vote_colon_counts_with_party_letters():
    (vote,) = find_votes("For: 20 (A, F, Ø) Imod: 6 (V, O)", Gazetteer(()))
    assert (vote.for_count, vote.against) == (20, 6)
    assert vote.for_names == ("A", "F", "Ø") and vote.against_names == ("V", "O")


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        (
            "Godkendt.\n\nKasper Fuhr Christensen deltog ikke i sagens behandling.",
            ["Kasper Fuhr Christensen"],
        ),
        ("Godkendt. Malland deltog ikke under punktet.", ["Henriette Malland"]),
        ("Godkendt. Claus Berggren havde forfald.", ["Claus Berggren"]),
        (
            "Drøftet. Jesper Gade og Bo Vestergaard var fraværende.",
            ["Jesper Gade", "Bo Vestergaard"],
        ),
        ("Godkendt. Afbud fra Jesper Gade. I stedet mødte Anne Møller.", ["Jesper Gade"]),
        (
            "Godkendt. Bo Vestergaard deltog ikke i behandlingen af pkt. 7 og 9 på grund af inhabilitet.",
            ["Bo Vestergaard"],
        ),
        (
            "Godkendt. Bo Vestergaard deltog ikke i behandlingen af pkt. 1 og 9 på grund af inhabilitet.",
            [],
        ),
    ],
)
def test_absences(text, absent):
    extraction = extract_item(item(text), MEETING)
    assert list(extraction.absent) == absent


def test_substitute_is_recorded():
    extraction = extract_item(
        item("Godkendt. Afbud fra Jesper Gade. I stedet mødte Anne Møller."), MEETING
    )
    assert extraction.substitutes == ("Anne Møller",)


def test_referral_and_parties():
    text = "1. at godkendt.\n\nBo Vestergaard begærede sagen i byrådet, jf. styrelseslovens § 23."
    extraction = extract_item(item(text), MEETING)
    assert [(r.who, r.kind) for r in extraction.reservations] == [("Bo Vestergaard", "referral")]
    assert party_letters("Svar på forslag fra KF og M om parkering") == {
        "Det Konservative Folkeparti",
        "Moderaterne",
    }
    assert party_letters("I alt (I alt) og Å er et bogstav") == set()


def test_amounts_with_sentences_and_table_units():
    economy = Section(
        "Økonomi",
        SectionKind.ECONOMY,
        "Besparelserne er -15,6 mio. kr. i 2026. Tilskuddet er 2.511.000 kr.",
        (4,),
        tables=(),
    )
    extraction = extract_item(item("Godkendt.", 7, economy), MEETING)
    values = [a.value for a in extraction.amounts]
    assert values == [Decimal("-15600000"), Decimal("2511000")]
    assert extraction.amounts[1].sentence == "Tilskuddet er 2.511.000 kr."


def test_cpr_is_redacted_before_storage():
    section = Section(
        "Sagsfremstilling", SectionKind.CASE, "Borgeren (CPR 010190-1234) klagede.", (2,)
    )
    clean, count = redact_item(item("Godkendt.", 7, section))
    assert count == 1
    assert "010190-1234" not in clean.text()


def test_seed_item_74(seeds_dir):
    document = parse_file(seeds_dir / "001_29e3001dddba3512.txt")
    extraction = extract_item(
        next(it for it in document.items if it.number == 74), document.meeting
    )
    assert [(d.point, d.outcome) for d in extraction.decisions] == [
        (1, Outcome.APPROVED),
        (2, Outcome.APPROVED),
    ]
    assert extraction.votes[0].against_names == ("Bo Vestergaard", "Jesper Gade")
    assert extraction.absent == ("Claus Berggren",)
    assert "Velfærdslisten" in extraction.parties
    assert "Henriette Malland" in extraction.persons
    (prior,) = extraction.prior_decisions
    assert (prior.body, prior.date, prior.item, prior.outcomes) == (
        "Beskæftigelsesudvalget",
        dt.date(2025, 6, 11),
        61,
        (Outcome.POSTPONED,),
    )


def test_aarhus_portal_decisions(external_dir):
    document = parse_file(external_dir / "aarhus-teknisk-udvalg-2025-10-01.html")
    outcomes = {
        it.number: [d.outcome for d in extract_item(it, document.meeting).decisions]
        for it in document.items
    }
    assert outcomes[2] == [Outcome.APPROVED]  # "Et flertal i udvalget kunne tiltræde indstillingen"
    assert all(outcomes.values())
