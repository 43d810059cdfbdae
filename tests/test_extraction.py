"""Danish extraction on real phrasings: decisions, votes, attendance, names, amounts, references, CPR."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from ingest import parse_file
from ingest.records import Item, Meeting, Section, SectionKind, Table
from nlp.attendance import meeting_absences
from nlp.decisions import decisions, parse_prior_heading, prior_decisions
from nlp.extract import extract_item, extract_meeting_items, redact_item
from nlp.names import Gazetteer, parties_in, party_letters
from nlp.pipeline import danish
from nlp.records import Outcome
from nlp.votes import find_reservations, find_votes

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
A, N, D, P, R, REC, DEC, INF, C = (
    Outcome.APPROVED,
    Outcome.NOTED,
    Outcome.DISCUSSED,
    Outcome.POSTPONED,
    Outcome.REJECTED,
    Outcome.RECOMMENDED,
    Outcome.DECIDED,
    Outcome.INFORMATION,
    Outcome.CLOSED,
)


def item(decision: str, number: int = 7, *more: Section, title: str = "Et punkt") -> Item:
    sections = (Section("Beslutning", SectionKind.DECISION, decision, (3,)), *more)
    return Item(number, title, ("15.00.00-G01-5-25",), False, 3, 3, sections)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Godkendt", [(None, A)]),
        ("Godkendt.\n\nClaus Berggren havde forfald.", [(None, A)]),
        ("1. at godkendt 2. at drøftet", [(1, A), (2, D)]),
        ("1. at godkendt\n\n2. at taget til efterretning", [(1, A), (2, N)]),
        ("Tiltrådt.", [(None, A)]),
        ("Anbefales.", [(None, REC)]),
        ("Taget til efterretning.", [(None, N)]),
        ("1. sagen taget til efterretning.", [(1, N)]),
        ("Drøftet.", [(None, D)]),
        ("Sagen udsat.", [(None, P)]),
        ("Udsat", [(None, P)]),
        ("Sagen blev udsat uden behandling.", [(None, P)]),
        ("Indstillingen blev godkendt uden afstemning.", [(None, A)]),
        ("Protokollen er godkendt med mindre, der modtages indsigelser.", [(None, A)]),
        ("Godkendt tilstedeværelse og protokol.", [(None, A)]),
        ("1. at indstilles godkendt", [(1, REC)]),
        ("Anbefales over for byrådet.", [(None, REC)]),
        ("Oversendes til byrådet.", [(None, REC)]),
        # sent on to a committee to handle, with no recommendation
        ("Fremsendes til Teknisk Udvalg til behandling.", [(None, DEC)]),
        ("Forkastet.", [(None, R)]),
        ("Ikke godkendt.", [(None, R)]),
        ("Faldt.", [(None, R)]),
        ("Indstillingen blev ikke godkendt.", [(None, R)]),
        ("Udvalget kunne ikke tiltræde indstillingen.", [(None, R)]),
        ("Drøftet og godkendt.", [(None, A)]),
        ("Godkendt med fire stemmer for og to stemmer imod.", [(None, A)]),
        ("Udvalget besluttede at bede forvaltningen om en ny sag.", [(None, DEC)]),
        ("2. at besluttet at status forelægges årligt", [(None, DEC)]),
        ("Udvalget besluttede at udsætte sagens behandling.", [(None, P)]),
        ("Gensidig orientering.", [(None, INF)]),
        ("Til orientering.", [(None, INF)]),
        ("Orientering givet.", [(None, INF)]),
        ("Udvalget blev orienteret om arkitekturugen i uge 41.", [(None, INF)]),
        ("Orienteringen blev taget til efterretning.", [(None, N)]),
        ("Lukket", [(None, C)]),
        ("Ad 1: Godkendt. Ad 2: Taget til efterretning.", [(1, A), (2, N)]),
        ("Forslaget bortfaldt.", [(None, R)]),
        ("Forslaget fik ikke flertal.", [(None, R)]),
        # A negation in a subordinate clause does not turn the approval into a rejection.
        ("Godkendt, idet udvalget bemærker, at der ikke bevilges midler i 2026.", [(None, A)]),
        ("Sagen blev sendt tilbage til forvaltningen.", [(None, P)]),
        # A member's dissent is not the committee rejecting.
        (
            "Et flertal i udvalget kunne tiltræde indstillingen.\n\n"
            "Solveig Munk kunne ikke tiltræde indstillingen.\n\nJakob Clausen tog forbehold.",
            [(None, A)],
        ),
        (
            "Tilbagesendes med bemærkning, at byrådet har vedtaget Magistratens indstilling. "
            "Enhedslisten de Rød-Grønne kunne ikke tiltræde indstillingen.",
            [(None, A)],
        ),
        # Numbering inside a quoted proposal after the decision is not the decision's.
        (
            "Fremsendes til Teknisk Udvalg til behandling. BESLUTNINGSFORSLAG FRA DD\n\n"
            "Danmarksdemokraterne foreslår derfor at,\n\n1. Byrådet træffer en principbeslutning.\n\n"
            "2. Byrådet pålægger forvaltningen at arbejde for en løsning.",
            [(None, DEC)],
        ),
        (
            "Forslag fra Velfærdslisten om:\n\n1. at: forvaltningen udarbejder forslag. Godkendt.\n\n"
            "2. at: forvaltningen finder finansiering. Godkendt.",
            [(1, A), (2, A)],
        ),
    ],
)
def test_decision_outcomes(text, expected):
    found = [(d.point, d.outcome) for d in decisions(text)]
    if len(expected) == 1 and expected[0][0] is None:
        assert [o for _, o in found] == [expected[0][1]]
    else:
        assert found == expected


def test_aarhus_points_come_from_beslutningspunkter():
    points = Section(
        "Beslutningspunkter",
        SectionKind.RECOMMENDATION,
        "Det indstilles:\n\nAt 1) der gives anlægsbevilling på 18,8 mio. kr.\n\n"
        "At 2) Byrådet tager redegørelsen til efterretning.\n\n"
        "At) byrådet godkender skoleskift.",
        (2,),
    )
    decided = Section(
        "Beslutninger",
        SectionKind.DECISION,
        "Tilbagesendes med bemærkning, at byrådet har vedtaget Magistratens indstilling.",
        (2,),
    )
    it = Item(3, "Anlægsbevilling", ("EMN-2025-007373",), False, 2, 2, (decided, points))
    found = extract_item(it, None).decisions
    assert [(d.point, d.outcome) for d in found] == [(1, A), (2, N), (3, A)]
    # Passed on to another body: one decision, not one per point.
    passed = Section("Beslutninger", SectionKind.DECISION, "Fremsendes til Kulturudvalget.", (2,))
    it = Item(3, "Anlægsbevilling", (), False, 2, 2, (passed, points))
    assert [(d.point, d.outcome) for d in extract_item(it, None).decisions] == [(None, REC)]


def test_closed_item_without_decision_text():
    closed = Item(75, "Lukket", ("15.00.00-G01-31-25",), True, 27, 27, ())
    assert [(d.point, d.outcome) for d in extract_item(closed, MEETING).decisions] == [(None, C)]


def test_prior_decisions_from_headings_and_sagsforlob():
    assert parse_prior_heading(
        "Beslutning fra Beskæftigelsesudvalget, den 11. juni 2025, punkt 59:"
    ) == ("Beskæftigelsesudvalget", dt.date(2025, 6, 11), 59)
    assert parse_prior_heading("Økonomiudvalgets beslutning den 3. marts 2025, pkt. 4") == (
        "Økonomiudvalget",
        dt.date(2025, 3, 3),
        4,
    )
    history = Section(
        "Sagsforløb",
        SectionKind.HISTORY,
        "Udvalg: Magistraten\n\nDato: 02-09-2025\n\nPunktnummer: 12\n\n"
        "Fremsendes til Aarhus Byråd med bemærkning, at Magistraten anbefaler, at byrådet tiltræder.\n\n"
        "Venstre tog forbehold.\n\nUdvalg: Teknisk Udvalg\n\nDato: 22-09-2025\n\nPunktnummer: 2 "
        "Udvalget besluttede at udsætte sagens behandling.",
        (4,),
    )
    found = [(p.body, p.date, p.item, p.outcomes) for p in prior_decisions([history])]
    assert found == [
        ("Magistraten", dt.date(2025, 9, 2), 12, (REC,)),
        ("Teknisk Udvalg", dt.date(2025, 9, 22), 2, (P,)),
    ]


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
    assert vote.for_names == ("A", "F", "Ø")
    assert vote.against_names == ("Bo Vestergaard", "Jesper Gade")


@pytest.mark.parametrize(
    ("text", "counts", "for_names", "against_names", "abstain_names"),
    [
        ("For: 20 (A, F, Ø) Imod: 6 (V, O)", (20, 6, None), ("A", "F", "Ø"), ("V", "O"), ()),
        ("Godkendt. V og O stemte imod.", (None, None, None), (), ("V", "O"), ()),
        ("Godkendt. Et mindretal (V, O) stemte imod.", (None, None, None), (), ("V", "O"), ()),
        (
            # (one member named as abstaining: one abstention)
            "Vedtaget med 25 stemmer for og 3 imod. Undlod at stemme: Jesper Gade (C).",
            (25, 3, 1),
            (),
            (),
            ("Jesper Gade",),
        ),
    ],
)
def test_vote_forms(text, counts, for_names, against_names, abstain_names):
    (vote,) = find_votes(text, Gazetteer(MEETING.participants))
    assert (vote.for_count, vote.against, vote.abstain) == counts
    assert (vote.for_names, vote.against_names, vote.abstain_names) == (
        for_names,
        against_names,
        abstain_names,
    )


def test_no_vote_in_a_plain_decision():
    assert find_votes("Godkendt uden afstemning.", Gazetteer(())) == []


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
        ("Godkendt. Fraværende: Jesper Gade", ["Jesper Gade"]),
        (
            "Godkendt. Bo Vestergaard deltog ikke i behandlingen af pkt. 7 og 9 på grund af inhabilitet.",
            ["Bo Vestergaard"],
        ),
        (
            "Godkendt. Bo Vestergaard deltog ikke i behandlingen af pkt. 1 og 9 på grund af inhabilitet.",
            [],
        ),
        (
            "Godkendt. Bo Vestergaard deltog ikke i behandlingen af punkterne 5-8.",
            ["Bo Vestergaard"],
        ),
        (
            "Godkendt.\n\nLiv Gro Jensen var forhindret i at deltage i udvalgets behandling af sagen.",
            ["Liv Gro Jensen"],
        ),
        ("Godkendt. Anne Møller mødte som stedfortræder for Jesper Gade.", ["Jesper Gade"]),
        ("Godkendt. Udvalget havde ingen bemærkninger.", []),
    ],
)
def test_absences(text, absent):
    extraction = extract_item(item(text), MEETING)
    assert list(extraction.absent) == absent


def test_inhabil_reason_is_recorded():
    text = "Godkendt. Bo Vestergaard deltog ikke i behandlingen af pkt. 7 og 9 på grund af inhabilitet."
    (absence,) = extract_item(item(text), MEETING).absences
    assert (absence.name, absence.reason) == ("Bo Vestergaard", "inhabil")


def test_substitutes_are_recorded():
    extraction = extract_item(
        item("Godkendt. Afbud fra Jesper Gade. I stedet mødte Anne Møller."), MEETING
    )
    assert extraction.substitutes == ("Anne Møller",)
    assert "Anne Møller" in extraction.persons and "Anne Møller" not in extraction.absent


def test_meeting_absences_from_a_cover_page():
    cover = "Mødedeltagere: Claus Berggren, Jesper Gade\n\nAfbud: Bo Vestergaard (V), Malland\n"
    assert meeting_absences(cover, MEETING.participants) == ["Bo Vestergaard", "Henriette Malland"]
    assert meeting_absences("Fraværende\nJesper Gade\nBo Vestergaard\n\nMødested\nC.2.25") == [
        "Jesper Gade",
        "Bo Vestergaard",
    ]
    assert meeting_absences("Afbud: Ingen") == []


def test_participant_list_name_matching():
    gazetteer = Gazetteer(MEETING.participants)
    assert gazetteer.resolve("Malland") == "Henriette Malland"
    assert gazetteer.resolve("Kasper Christensen") == "Kasper Fuhr Christensen"
    assert gazetteer.resolve("byrådsmedlem Bo Vestergaard") == "Bo Vestergaard"
    # "Gade" alone is also the word for street: only the full name counts as a mention.
    assert gazetteer.mentioned("Der skal bygges en ny Gade.") == []
    assert gazetteer.mentioned("Malland og Jesper Gade spurgte.") == [
        "Henriette Malland",
        "Jesper Gade",
    ]


def test_reservations_referral_and_dissent():
    gazetteer = Gazetteer(MEETING.participants)
    text = (
        "Godkendt.\n\nBo Vestergaard begærede sagen i byrådet, jf. styrelseslovens § 23.\n\n"
        "Socialistisk Folkepartis og Enhedslisten de Rød-Grønnes byrådsgrupper kunne ikke "
        "tiltræde indstillingen.\n\nVenstre tog forbehold for stillingtagen i byrådet."
    )
    found = [(r.who, r.kind) for r in find_reservations(text, gazetteer)]
    assert found == [
        ("Bo Vestergaard", "referral"),
        ("SF", "dissent"),
        ("Enhedslisten", "dissent"),
        ("Venstre", "reservation"),
    ]
    assert find_reservations("Udvalget kunne ikke tiltræde indstillingen.", gazetteer) == []


def test_party_detection():
    assert party_letters("Svar på forslag fra KF og M om parkering") == {
        "Det Konservative Folkeparti",
        "Moderaterne",
    }
    assert parties_in("Stillet af: Gert Bjerregaard (V), byrådsmedlem.") == ["Venstre"]
    assert parties_in("Forslag fra Henriette Malland, Velfærdslisten, om unge") == [
        "Velfærdslisten"
    ]
    text = "Forslag fra EL og Viggo Jonasen, UFP, om specialundervisning."
    assert parties_in(text) == ["Enhedslisten", "Udviklingspartiet"]
    extraction = extract_item(
        item("Godkendt.\n\nSocialdemokratiets byrådsgruppe kunne ikke tiltræde indstillingen."),
        MEETING,
    )
    assert extraction.parties == ("Socialdemokratiet",)


@pytest.mark.parametrize(
    "text",
    [
        "I alt (I alt) og Å er et bogstav.",
        "I 2025 blev der brugt 2 mio. kr. Å-løbet blev renset. I stedet mødte ingen.",
        "Alternativet er at udsætte sagen. Bilister skal dreje til venstre.",
        "Se bilag (A) og afsnit B.",
    ],
)
def test_no_false_party(text):
    extraction = extract_item(item(f"Godkendt.\n\n{text}"), MEETING)
    assert extraction.parties == ()


def test_persons_and_organizations():
    text = (
        "Godkendt.\n\nJesper Kjeldsen, Steffen Wich og Metin Lindved Aydin kunne tiltræde "
        "indstillingen. Rådmand Bünyamin Simsek orienterede. Sagen er drøftet med KL, "
        "Ankestyrelsen, Styrelsen for Arbejdsmarked og Rekruttering og Kredsløb A/S."
    )
    extraction = extract_item(item(text), MEETING)
    for name in ("Jesper Kjeldsen", "Steffen Wich", "Metin Lindved Aydin", "Bünyamin Simsek"):
        assert name in extraction.persons
    assert {"KL", "Ankestyrelsen", "STAR", "Kredsløb A/S"} <= set(extraction.organizations)


def test_amounts_with_sentences_and_table_units():
    economy = Section(
        "Økonomi",
        SectionKind.ECONOMY,
        "Besparelserne er -15,6 mio. kr. i 2026. Tilskuddet er 2.511.000 kr.",
        (4,),
        tables=(
            Table(
                (
                    ("Målgruppe", "2025 budget, mio. kr.", "Helårspersoner", "Udgift pr. person"),
                    ("Kontanthjælp", "11,5", "1.267", "9.102"),
                ),
                4,
            ),
            Table((("2026-pl, mio. kr.", "2026", "Ændring i %"), ("Drift", "-6,1", "-2 %")), 4),
        ),
    )
    extraction = extract_item(item("Godkendt.", 7, economy), MEETING)
    text_amounts = [a for a in extraction.amounts if not a.from_table]
    assert [a.value for a in text_amounts] == [Decimal("-15600000"), Decimal("2511000")]
    assert text_amounts[0].sentence == "Besparelserne er -15,6 mio. kr. i 2026."
    assert text_amounts[1].sentence == "Tilskuddet er 2.511.000 kr."
    start = economy.text.index("2.511.000")
    assert (text_amounts[1].section, text_amounts[1].start) == ("Økonomi", start)
    # Only columns whose header (or the table's) states a money unit; not persons, not percent.
    assert [a.value for a in extraction.amounts if a.from_table] == [
        Decimal("11500000"),
        Decimal("-6100000"),
    ]


def test_references_and_resolution():
    text = (
        "Godkendt, jf. punkt 8.\n\nSagen blev behandlet på beskæftigelsesudvalgsmødet "
        "den 11. juni 2025 (sag 56)."
    )
    items = [item(text, 7), item("Godkendt.", 8)]
    seen = []

    def corpus(body, date, number):
        seen.append((body, date, number))
        return "2025-06-11-beskaeftigelsesudvalget-punkt-56" if number == 56 else None

    refs = extract_meeting_items(MEETING, items, resolver=corpus)[0].references
    by_item = {r.item: r for r in refs}
    assert by_item[8].target == f"{MEETING.id}-punkt-8"
    meeting_ref = by_item[56]
    assert meeting_ref.text.endswith("beskæftigelsesudvalgsmødet den 11. juni 2025 (sag 56)")
    assert (meeting_ref.body, meeting_ref.date, meeting_ref.item) == (
        "Beskæftigelsesudvalget",
        dt.date(2025, 6, 11),
        56,
    )
    assert meeting_ref.target == "2025-06-11-beskaeftigelsesudvalget-punkt-56"


def test_cpr_is_redacted_before_extraction():
    section = Section(
        "Sagsfremstilling",
        SectionKind.CASE,
        "Borgeren (CPR 010190-1234) klagede.\fSide to.",
        (2, 3),
        page_breaks=((36, 3),),
    )
    clean, count = redact_item(item("Godkendt.", 7, section))
    assert count == 1
    assert "010190-1234" not in clean.text()
    moved = clean.sections[1]
    assert moved.page_breaks == ((30, 3),) and moved.text[30:].startswith("Side")
    extraction = extract_item(item("Godkendt.", 7, section), MEETING)
    assert extraction.cpr_redacted == 1
    assert "010190" not in json.dumps(extraction.to_json(), ensure_ascii=False)


def test_to_json_has_the_fixed_keys():
    data = extract_item(
        item("Godkendt med fire stemmer for og to stemmer imod."), MEETING
    ).to_json()
    for key in (
        "decisions",
        "prior_decisions",
        "votes",
        "absent",
        "amounts",
        "references",
        "persons",
        "parties",
        "organizations",
    ):
        assert key in data
    assert data["decisions"][0].keys() >= {"point", "outcome", "text"}
    assert data["votes"][0].keys() >= {
        "for",
        "against",
        "abstain",
        "for_names",
        "against_names",
        "abstain_names",
    }


def test_pipeline_is_built_once():
    assert danish() is danish()
    doc = danish()("Godkendt. Drøftet.")
    assert [s._.outcomes for s in doc.sents] == [[A], [D]]


def test_seed_item_74(randers):
    document = parse_file(randers.minutes["2025-08-12"])
    extraction = extract_item(
        next(it for it in document.items if it.number == 74), document.meeting
    )
    assert [(d.point, d.outcome) for d in extraction.decisions] == [(1, A), (2, A)]
    assert extraction.votes[0].against_names == ("Bo Vestergaard", "Jesper Gade")
    assert extraction.absent == ("Claus Berggren",)
    assert ("Bo Vestergaard", "referral") in [(r.who, r.kind) for r in extraction.reservations]
    assert "Velfærdslisten" in extraction.parties
    assert "Henriette Malland" in extraction.persons
    (prior,) = extraction.prior_decisions
    assert (prior.body, prior.date, prior.item, prior.outcomes) == (
        "Beskæftigelsesudvalget",
        dt.date(2025, 6, 11),
        61,
        (P,),
    )


def test_meeting_wide_absence_counts_for_every_item():
    """ "X havde forfald" under the agenda approval, or "Afbud: X" on the cover page, is the whole meeting."""
    agenda = Item(
        1,
        "Godkendelse af dagsorden",
        (),
        False,
        3,
        3,
        (
            Section(
                "Beslutning", SectionKind.DECISION, "Godkendt.\n\nJesper Gade havde forfald.", (3,)
            ),
        ),
    )
    closed = Item(2, "Lukket", (), True, 4, 4, ())
    silent = item("Godkendt.", 3)
    voted = item("Godkendt med 3 stemmer for og 1 imod. Imod stemte Jesper Gade.", 4)
    other = item("Godkendt.\n\nBo Vestergaard deltog ikke i sagens behandling.", 5)
    batch = extract_meeting_items(MEETING, [agenda, closed, silent, voted, other])
    assert [ex.absent for ex in batch] == [
        ("Jesper Gade",),
        ("Jesper Gade",),
        ("Jesper Gade",),
        (),  # the item shows him voting: he came after all
        ("Bo Vestergaard", "Jesper Gade"),
    ]
    # "deltog ikke i sagens behandling" under the agenda approval is that item only.
    only_there = replace(
        agenda,
        sections=(
            replace(
                agenda.sections[0], text="Godkendt. Bo Vestergaard deltog ikke i sagens behandling."
            ),
        ),
    )
    assert [ex.absent for ex in extract_meeting_items(MEETING, [only_there, silent])] == [
        ("Bo Vestergaard",),
        (),
    ]
    # One item at a time: the meeting's items passed along, or the cover page's absentees.
    assert extract_item(closed, MEETING, meeting_items=[agenda, closed]).absent == ("Jesper Gade",)
    covered = replace(MEETING, absent=("Henriette Malland",))
    assert extract_item(silent, covered).absent == ("Henriette Malland",)


def test_seed_closed_item_keeps_the_meeting_absence(randers):
    document = parse_file(randers.minutes["2025-08-12"])
    extractions = extract_meeting_items(document.meeting, document.items)
    by_number = {it.number: ex for it, ex in zip(document.items, extractions, strict=True)}
    assert [(d.point, d.outcome) for d in by_number[75].decisions] == [(None, C)]
    assert by_number[75].absent == ("Claus Berggren",)
    # An absence quoted from the Omsorgsudvalget's decision is not one of this meeting.
    assert by_number[73].absent == ("Claus Berggren",)


def test_batch_matches_one_by_one(randers):
    document = parse_file(randers.minutes["2025-02-04"])
    batch = extract_meeting_items(document.meeting, document.items)
    for it, extraction in zip(document.items, batch, strict=True):
        single = extract_item(it, document.meeting)
        assert extraction.decisions == single.decisions
        assert extraction.absent == single.absent
        assert extraction.amounts == single.amounts


def _as_labelled(got: list[dict], gold: list[dict]) -> list[dict]:
    """The extracted records with only the fields the gold labels have."""
    return [{key: record[key] for key in gold[0]} for record in got] if gold else got


@pytest.mark.parametrize("meeting_date", ["2026-02-03", "2025-08-12", "2025-02-04"])
def test_extraction_matches_the_repository_gold(randers, extraction_gold, meeting_date):
    """Every item against bench/gold/extraction.gold.jsonl: decisions, prior decisions,
    votes, absences, amounts in running text (in order) and in tables (in any order)."""
    document = parse_file(randers.minutes[meeting_date])
    extractions = extract_meeting_items(document.meeting, document.items)
    assert len(extractions) == len(document.items) > 0
    for it, extraction in zip(document.items, extractions, strict=True):
        gold = extraction_gold[f"{meeting_date}#{it.number}"]
        got = extraction.to_json()
        for field in ("decisions", "prior_decisions", "votes"):
            assert _as_labelled(got[field], gold[field]) == gold[field], (it.number, field)
        assert got["absent"] == gold["absent"], it.number
        text = [str(a["value"]) for a in got["amounts"] if not a["from_table"]]
        table = [str(a["value"]) for a in got["amounts"] if a["from_table"]]
        assert text == gold["amounts"], it.number
        assert sorted(table) == sorted(gold["table_amounts"]), it.number


def test_aarhus_portal(external_dir):
    document = parse_file(external_dir / "aarhus-teknisk-udvalg-2025-10-01.html")
    extractions = dict(
        zip(
            [it.number for it in document.items],
            extract_meeting_items(document.meeting, document.items),
            strict=True,
        )
    )
    second = extractions[2]
    assert [(d.point, d.outcome) for d in second.decisions] == [(1, A), (2, A)]
    assert second.absent == ("Liv Gro Jensen",)
    assert [(r.who, r.kind) for r in second.reservations] == [
        ("Jakob Søgaard Clausen", "reservation"),
        ("Solveig Munk", "dissent"),
    ]
    assert [(p.body, p.item, p.outcomes) for p in second.prior_decisions] == [
        ("Magistraten", 12, (REC,)),
        ("Aarhus Byråd", 11, (DEC,)),
        ("Teknisk Udvalg", 2, (P,)),
    ]
    assert [d.outcome for d in extractions[3].decisions] == [P]
    assert [d.outcome for d in extractions[4].decisions] == [INF]
    assert [d.outcome for d in extractions[5].decisions] == [D]


def test_gold_files_are_well_formed():
    gold_dir = Path(__file__).resolve().parents[1] / "bench" / "gold"
    outcomes = {o.value for o in Outcome}
    for path in gold_dir.glob("extraction.*.gold.jsonl"):  # the real-minutes gold has its own shape
        for line in path.read_text().splitlines():
            row = json.loads(line)
            assert "#" in row["item"] or path.name == STYLES.name
            assert all(d["outcome"] in outcomes for d in row["decisions"])
            assert all(Decimal(v) for v in row.get("amounts", []))


STYLES = Path(__file__).resolve().parents[1] / "bench" / "gold" / "extraction.styles.gold.jsonl"
STYLE_ROWS = [json.loads(line) for line in STYLES.read_text().splitlines() if line]


@pytest.mark.parametrize("row", STYLE_ROWS, ids=[r["item"] for r in STYLE_ROWS])
def test_other_municipalities_styles(row):
    """Decision, vote and attendance passages in the styles of other municipalities, labelled by reading."""
    meeting = Meeting("Udvalget", dt.date(2025, 9, 1), participants=tuple(row["participants"]))
    section = Section("Beslutning", SectionKind.DECISION, row["decision"], (1,))
    found = extract_item(Item(5, "Et punkt", (), False, 1, 1, (section,)), meeting).to_json()
    assert [(d["point"], d["outcome"]) for d in found["decisions"]] == [
        (d["point"], d["outcome"]) for d in row["decisions"]
    ]
    keys = ("for", "against", "abstain", "for_names", "against_names", "abstain_names")
    assert [{k: v[k] for k in keys} for v in found["votes"]] == [
        {k: v[k] for k in keys} for v in row["votes"]
    ]
    # Which decision each vote decided, and who moved an amendment, where the line labels them.
    for got, want in zip(found["votes"], row["votes"], strict=True):
        if "decision" in want:
            assert got["decision"] == want["decision"]
            assert found["decisions"][got["decision"]]["vote"] == found["votes"].index(got)
    for got, want in zip(found["decisions"], row["decisions"], strict=True):
        assert got["author"] == want.get("author")
        assert got["amendment"] == ("author" in want) or got["author"] is None
    assert found["absent"] == row["absent"]


def test_vote_abstentions_and_recorded_dissent():
    g = Gazetteer(["Lise Berg"])
    (vote,) = find_votes(
        "Godkendt med 24 stemmer for, 4 stemmer imod (V, C) og 1 stemte hverken for eller imod (O).",
        g,
    )
    assert (vote.for_count, vote.against, vote.abstain) == (24, 4, 1)
    assert (vote.against_names, vote.abstain_names) == (("V", "C"), ("O",))
    (vote,) = find_votes("Godkendt. Lise Berg ønskede sin stemme imod ført til protokol.", g)
    assert vote.against_names == ("Lise Berg",)


def test_absence_list_one_name_a_line():
    meeting = Meeting("Udvalget", dt.date(2025, 9, 1), participants=("Jan Hansen", "Lise Berg"))
    found = extract_item(item("Godkendt.\n\nFraværende:\nJan Hansen\nLise Berg (A)"), meeting)
    assert found.absent == ("Jan Hansen", "Lise Berg")


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        (
            "Økonomiudvalget, 17. september 2024, pkt. 211",
            ("Økonomiudvalget", dt.date(2024, 9, 17), 211),
        ),
        (
            "Økonomiudvalget den 17. september 2024, punkt 211",
            ("Økonomiudvalget", dt.date(2024, 9, 17), 211),
        ),
        ("Økonomiudvalget den 20. maj 2024", ("Økonomiudvalget", dt.date(2024, 5, 20), None)),
    ],
)
def test_a_prior_decisions_item_number_after_its_body_and_date(heading, expected):
    assert parse_prior_heading(heading) == expected
