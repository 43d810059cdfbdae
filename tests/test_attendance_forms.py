"""Attendance as real minutes write it: stand-ins, list labels, repeated lists, the closed part.

Every passage is written here in the forms seen on municipal pages; none is copied from one.
"""

from __future__ import annotations

import datetime as dt

import pytest

from ingest import parse_bytes
from ingest.meeting import read_meeting
from ingest.records import Item, Meeting, Section, SectionKind
from nlp.extract import extract_item, extract_meeting_items

PEOPLE = ("Anne Holm", "Bo Dahl", "Carl Berg", "Dorte Lund", "Eva Krogh", "Finn Lyng")
COUNCIL = Meeting("Byrådet", dt.date(2024, 3, 7), participants=PEOPLE)
NOBODY = Meeting("Byrådet", dt.date(2024, 3, 7))


def _item(number: int, decision: str, title: str = "Et punkt", closed: bool = False) -> Item:
    section = Section("Beslutning", SectionKind.DECISION, decision, (1,))
    return Item(number, title, (), closed, 1, 1, (section,))


def test_a_stand_in_at_the_meeting_makes_the_member_absent():
    text = (
        "Godkendt.\n\nCarl Berg (C) deltog i mødet i stedet for Anne Holm (C).\n\n"
        "Eva Krogh deltog i mødet istedet for Bo Dahl."
    )
    found = extract_item(_item(1, text, "Godkendelse af dagsorden"), COUNCIL)
    assert found.absent == ("Anne Holm", "Bo Dahl")
    assert set(found.substitutes) == {"Carl Berg", "Eva Krogh"}


def test_a_stand_in_sentence_glued_to_the_next_heading():
    text = "Godkendt.\n\nEva Krogh deltog i mødet istedet for Bo Dahl.7. Spørgetid"
    assert extract_item(_item(6, text, "Godkendelse af dagsorden"), COUNCIL).absent == ("Bo Dahl",)


def test_a_party_written_out_after_the_name():
    text = (
        "Godkendt.\n\nFraværende:  Bo Dahl (Udenfor partierne), Carl Berg (I)\n\n"
        "Fraværende med afbud: Dorte Lund (Løsgænger) og Eva Krogh (A)"
    )
    found = extract_item(_item(1, text), COUNCIL)
    assert found.absent == ("Bo Dahl", "Carl Berg", "Dorte Lund", "Eva Krogh")


def test_list_labels_with_qualifiers():
    whole = "Godkendt.\n\nAfbud under hele mødet:\n\nBo Dahl og Finn Lyng"
    assert extract_item(_item(1, whole), COUNCIL).absent == ("Bo Dahl", "Finn Lyng")
    away = "Godkendt. Ej til stede: Anne Holm og Dorte Lund"
    assert extract_item(_item(1, away), COUNCIL).absent == ("Anne Holm", "Dorte Lund")


def test_absences_under_a_question_time_before_the_agenda_approval():
    question_time = (
        "Der blev stillet spørgsmål om skolevejen.\n\nFraværende:\n\nDorte Lund (A)\n\n"
        "Carl Berg (F) deltog i mødet i stedet for Finn Lyng (F)"
    )
    items = [
        _item(40, question_time, "Spørgsmål fra borgerne"),
        _item(41, "Godkendt", "Godkendelse af dagsorden"),
        _item(42, "Godkendt.", "Anlægsbevilling til en skole"),
    ]
    for found in extract_meeting_items(COUNCIL, items):
        assert set(found.absent) == {"Dorte Lund", "Finn Lyng"}


def test_a_list_repeated_under_every_item_counts_for_items_without_one():
    note = "Fraværende med afbud: Bo Dahl (A)\n\nStedfortræder: Eva Krogh (A)"
    items = [
        _item(1, "Sagen blev drøftet i marts.", "Orientering om byggeriet"),
        _item(2, f"Indstillingen godkendt\n\n{note}", "Salg af ejendom", closed=True),
        _item(3, f"Indstillingen godkendt\n\n{note}", "Køb af inventar", closed=True),
    ]
    assert [f.absent for f in extract_meeting_items(COUNCIL, items)] == [("Bo Dahl",)] * 3


def test_an_item_only_absence_is_not_repeated_to_the_meeting():
    items = [
        _item(1, "Godkendt.", "Godkendelse af dagsorden"),
        _item(2, "Godkendt.\n\nFraværende: Carl Berg (C)"),
        _item(3, "Godkendt."),
    ]
    assert [f.absent for f in extract_meeting_items(COUNCIL, items)] == [(), ("Carl Berg",), ()]


def test_away_from_the_closed_part_of_the_meeting_only():
    opening = (
        "Dorte Lund havde meldt afbud til mødet. Første stedfortræder, Finn Lyng, deltog som "
        "stedfortræder.\n\nAnne Holm var ikke til stede under den lukkede del af mødet.\n\nGodkendt."
    )
    items = [
        _item(1, opening, "Godkendelse af dagsorden"),
        _item(2, "Lukket.", "Beretning fra borgmesteren", closed=True),
        _item(3, "Godkendt.", "Vejbelysning"),
        _item(4, "Lukket.", "Salg af grund", closed=True),
    ]
    absent = [set(f.absent) for f in extract_meeting_items(COUNCIL, items)]
    assert absent == [
        {"Dorte Lund"},
        {"Dorte Lund", "Anne Holm"},
        {"Dorte Lund"},
        {"Dorte Lund", "Anne Holm"},
    ]


def test_names_without_a_member_list_keep_their_printed_form():
    text = "Godkendt.\n\nFraværende med afbud: Walter Kristensen (O)"
    assert extract_item(_item(1, text), NOBODY).absent == ("Walter Kristensen",)


def test_a_member_table_run_into_its_absence_label():
    front = [
        "Referat til Byrådet",
        "Mødedato: Mandag den 4. marts 2024",
        "Medlemmer:",
        "Afbud: Anne Holm, Bo Dahl, Carl Berg, Dorte Lund Bo Dahl, Carl Berg",
    ]
    meeting = read_meeting(front, [])
    assert meeting is not None
    assert meeting.absent == ("Bo Dahl", "Carl Berg")
    assert meeting.participants == ("Anne Holm", "Bo Dahl", "Carl Berg", "Dorte Lund")


def test_an_absence_list_stops_at_a_line_that_is_not_names():
    front = [
        "Referat til Byrådet",
        "Mødedato: Mandag den 4. marts 2024",
        "Fraværende",
        "Eva Krogh (A), sag 1-12",
        "Indholdsfortegnelse 1. Godkendelse af dagsorden 2. Meddelelser og Lukket punkt",
    ]
    meeting = read_meeting(front, [])
    # (away from the cases it names: those items, not the whole meeting)
    assert meeting is not None and meeting.absent == ()
    assert meeting.attendance_notes == ("Fraværende:\nEva Krogh (A), sag 1-12",)


def test_names_under_a_fravaerende_heading_count_for_the_meeting():
    decision = Section("Beslutning", SectionKind.DECISION, "Godkendt.", (1,))
    listed = Section("Fraværende", SectionKind.OTHER, "Finn Lyng (V)", (1,))
    items = [
        Item(12, "Godkendelse af dagsorden", (), False, 1, 1, (decision, listed)),
        _item(13, "Godkendt."),
    ]
    assert [f.absent for f in extract_meeting_items(COUNCIL, items)] == [("Finn Lyng",)] * 2


def test_a_sentence_that_names_the_meeting_counts_for_all_of_it():
    items = [
        _item(1, "Godkendt."),
        _item(
            2,
            "Godkendt.\n\nBo Dahl deltog ikke i mødet.\n\nCarl Berg deltog ikke i sagens behandling.",
        ),
        _item(3, "Godkendt."),
    ]
    absent = [f.absent for f in extract_meeting_items(COUNCIL, items)]
    assert absent == [("Bo Dahl",), ("Bo Dahl", "Carl Berg"), ("Bo Dahl",)]


def test_remarks_on_the_agenda_open_the_meeting():
    remarks = (
        "Der er afbud fra Dorte Lund. Finn Lyng er indkaldt som suppleant.\n\nIngen bemærkninger."
    )
    items = [
        _item(2, "Godkendt."),
        _item(3, remarks, "Bemærkninger til dagsordenen"),
        _item(4, "Godkendt."),
    ]
    for found in extract_meeting_items(COUNCIL, items):
        assert found.absent == ("Dorte Lund",)


def test_afbud_fra_in_a_sentence_on_the_cover():
    front = [
        "Referat til mødet i Byrådet den 4. marts 2024 kl. 17:00",
        "Der var afbud fra Anne Holm (O) og Jan R. Jakobsen (C).",
        "Afbud fra Bo Dahl stedfortræder Eva Krogh.",
    ]
    meeting = read_meeting(front, [])
    assert meeting is not None
    assert meeting.absent == ("Anne Holm", "Jan R. Jakobsen", "Bo Dahl")


def test_a_summary_that_approves_calling_in_a_substitute():
    summary = Section(
        "Resumé",
        SectionKind.RESUME,
        "Byrådet godkender, at Eva Krogh er indkaldt, som stedfortræder for Carl Berg, jf. "
        "styrelsesvedtægten § 21.",
        (1,),
    )
    item = Item(1, "Meddelelser", (), False, 1, 1, (summary,))
    assert extract_item(item, COUNCIL).absent == ("Carl Berg",)
    plans = Section("Resumé", SectionKind.RESUME, "Eva Krogh er stedfortræder for Carl Berg.", (1,))
    assert extract_item(Item(1, "Meddelelser", (), False, 1, 1, (plans,)), COUNCIL).absent == ()


def test_two_stand_in_clauses_joined_by_og():
    text = (
        "Godkendt.\n\nEva Krogh deltog som stedfortræder for Anne Holm og Finn Lyng deltog som "
        "stedfortræder for Dorte Lund"
    )
    found = extract_item(_item(1, text, "Godkendelse af dagsorden"), NOBODY)
    assert found.absent == ("Anne Holm", "Dorte Lund")
    assert set(found.substitutes) == {"Eva Krogh", "Finn Lyng"}


def test_absences_in_a_decision_quoted_from_a_committee_are_not_this_meetings():
    text = (
        "Anbefales.\n\nTeknik og Miljø, 7. januar 2024, pkt. 12:\n\nIkke til stede: Bo Dahl (A)\n\n"
        "Anbefales."
    )
    assert extract_item(_item(5, text), COUNCIL).absent == ()
    quoted = Section(
        "Økonomiudvalget, 9. januar 2024, pkt. 3", SectionKind.DECISION, "Fraværende: Bo Dahl", (1,)
    )
    own = Section("Beslutning", SectionKind.DECISION, "Godkendt.\n\nFraværende: Carl Berg", (1,))
    item = Item(5, "Et punkt", (), False, 1, 1, (quoted, own))
    assert extract_item(item, COUNCIL).absent == ("Carl Berg",)


@pytest.mark.parametrize(
    ("text", "absent", "substitutes"),
    [
        ("Godkendt.\n\nCarl Berg mødte for Anne Holm.", ("Anne Holm",), {"Carl Berg"}),
        (
            "Godkendt.\n\nSom stedfortræder for Anne Holm (A) deltog Carl Berg (A).",
            ("Anne Holm",),
            {"Carl Berg"},
        ),
        (
            "Godkendt.\n\nCarl Berg (A) var indkaldt som stedfortræder for Anne Holm (A).",
            ("Anne Holm",),
            {"Carl Berg"},
        ),
        ("Godkendt.\n\nAnne Holm (A) var forhindret.", ("Anne Holm",), set()),
        ("Godkendt.\n\nAnne Holm (A) var sygemeldt.", ("Anne Holm",), set()),
        ("Godkendt.\n\nAnne Holm (A) havde afbud.", ("Anne Holm",), set()),
        (
            "Godkendt.\n\nAfbud: Anne Holm (A). Stedfortræder: Carl Berg (A).",
            ("Anne Holm",),
            {"Carl Berg"},
        ),
        ("Godkendt. Anne Holm deltog ikke.", ("Anne Holm",), set()),
        ("Carl Berg mødte for første gang. Godkendt.", (), set()),
    ],
)
def test_more_ways_to_say_who_was_away(text, absent, substitutes):
    found = extract_item(_item(3, text), COUNCIL)
    assert found.absent == absent
    assert set(found.substitutes) == substitutes


def test_taking_part_from_an_item_on():
    opening = "Godkendt.\n\nBo Dahl (V) deltog fra og med punkt 3."
    items = [_item(1, opening, "Godkendelse af dagsorden")] + [
        _item(n, "Godkendt.") for n in (2, 3, 4)
    ]
    absent = [f.absent for f in extract_meeting_items(COUNCIL, items)]
    assert absent == [("Bo Dahl",), ("Bo Dahl",), (), ()]


def test_members_marked_away_in_the_participant_list():
    inline = [
        "Referat til Byrådet",
        "Mødedato: Mandag den 4. marts 2024",
        "Deltagere: Anne Holm (A), Bo Dahl (V) - afbud, Carl Berg (C)",
    ]
    meeting = read_meeting(inline, [])
    assert meeting is not None and meeting.absent == ("Bo Dahl",)
    assert meeting.participants == ("Anne Holm", "Bo Dahl", "Carl Berg")
    one_a_line = [
        "Referat til Byrådet",
        "Mødedato: Mandag den 4. marts 2024",
        "Medlemmer:",
        "Anne Holm (A)",
        "Bo Dahl (V) (afbud)",
        "Carl Berg (C), fraværende",
        "Dorte Lund (Ø)",
    ]
    meeting = read_meeting(one_a_line, [])
    assert meeting is not None and meeting.absent == ("Bo Dahl", "Carl Berg")
    assert len(meeting.participants) == 4


# Absences as covers and attendance blocks print them (the forms of the sweep of new pages).


def test_an_absence_inside_the_remarks_field():
    front = [
        "Beslutningsprotokol",
        "onsdag den 6. marts 2024 kl. 09:00",
        "Udvalg: Teknikudvalget",
        "Medlemmer: Anne Holm, Bo Dahl, Carl Berg",
        "Bemærkninger: Afbud: Bo Dahl",
    ]
    meeting = read_meeting(front, [])
    assert meeting is not None and meeting.absent == ("Bo Dahl",)


def test_an_absence_label_with_the_name_on_the_next_line_of_a_page():
    text = (
        "Referat\nTeknikudvalget\nonsdag den 6. marts 2024\nKl. 15:30 i Mødelokale 2\n\n"
        "Afbud:\n\nEva Krogh (DF)\n\nIndholdsfortegnelse\n\n"
        "1.\n\nGodkendelse af dagsorden ..............................1\n\n"
        "2.\n\nOrientering fra formanden ............................2\n"
    )
    document = parse_bytes(text.encode(), "teknikudvalget.txt")
    assert document.meeting is not None and document.meeting.absent == ("Eva Krogh",)


def test_members_each_marked_present_or_away_in_one_line():
    front = [
        "Kommunalbestyrelsen",
        "Protokol",
        "06-03-2024 kl. 17:00 Mødesalen",
        "Medlemmer Anne Holm deltog Bo Dahl deltog Carl Berg deltog Dorte Lund var fraværende",
        "I stedet for Dorte Lund deltog Eva Krogh. Bo Dahl deltog ikke under punkt. 7.",
    ]
    meeting = read_meeting(front, [])
    assert meeting is not None and meeting.absent == ("Dorte Lund",)


def test_absences_run_on_with_their_substitutes():
    front = [
        "Kommunalbestyrelsen",
        "Referat",
        "6. marts 2024 kl. 17:00",
        "Anne Holm (A) var fraværende. I stedet deltog Eva Krogh (A) Bo Dahl (V) var fraværende. "
        "I stedet deltog Finn Lyng (V) Carl Berg (F) var fraværende. I stedet deltog Ib Hald (F).",
        "Dorte Lund var fraværende under punkt 3. Finn Lyng var fraværende under punkterne 4-6.",
    ]
    meeting = read_meeting(front, [])
    assert meeting is not None and meeting.absent == ("Anne Holm", "Bo Dahl", "Carl Berg")


@pytest.mark.parametrize(
    ("printed", "absent"),
    [
        ("Mødedato: 6. marts 2024", ("Bo Dahl",)),
        ("Mødedato: 18. marts 2024", ("Carl Berg",)),
        ("Mødedato: 20. marts 2024", ("Bo Dahl", "Carl Berg")),  # neither day: every day's
    ],
)
def test_an_absence_field_dated_by_the_days_of_the_meeting(printed, absent):
    front = [
        "Økonomiudvalget",
        printed,
        "Fraværende: Den 6. marts 2024: Bo Dahl (C). Den 18. marts 2024: Carl Berg (A).",
    ]
    meeting = read_meeting(front, [])
    assert meeting is not None and meeting.absent == absent


def test_an_absence_list_that_runs_on_into_the_place_and_the_programme():
    front = [
        "Referat Byrådet",
        "Mødedato: Mandag den 4. marts 2024",
        "Medlemmer: Anne Holm (C) Bo Dahl (A) Carl Berg (V)",
        "Fraværende: Bo Dahl Byrådssalen, Rådhuset Orientering kl : Ny planproces v/ "
        "områdeleder Ib Hald, Center for By, Land og Vand. Sagsoversigt Side 01.",
    ]
    meeting = read_meeting(front, [])
    assert meeting is not None and meeting.absent == ("Bo Dahl",)
    assert meeting.participants == ("Anne Holm", "Bo Dahl", "Carl Berg")


def test_an_absence_list_stops_before_an_item_title_and_an_organisation():
    item_title = [
        "Referat fra Ældrerådets møde den 4. marts 2024",
        "Afbud: Bo Dahl.",
        "1. Godkendelse af referatet fra sidste møde, den 12.2.2024",
    ]
    meeting = read_meeting(item_title, [])
    assert meeting is not None and meeting.absent == ("Bo Dahl",)
    organisation = [
        "Mødereferat",
        "d.: 04-03-2024 kl.: 16:30",
        "Grundejerkontaktudvalg",
        "Fraværende: Carl Berg",
        "Grundejersammenslutningen Nord",
    ]
    meeting = read_meeting(organisation, [])
    assert meeting is not None and meeting.absent == ("Carl Berg",)


def test_a_member_table_flattened_into_its_absence_column():
    front = [
        "Kommunalbestyrelsen BESLUTNINGSPROTOKOL",
        "Dato: Tirsdag den 5. marts 2024",
        "Medlemmer: Fraværende: Anne Holm (A) Bo Dahl (A) Carl Berg (V) Dorte Lund (F) "
        "Eva Krogh (Løsgænger) Bo Dahl (A) Finn Lyng (V) Eva Krogh (Løsgænger) Byrådet",
    ]
    meeting = read_meeting(front, [])
    assert meeting is not None and meeting.absent == ("Bo Dahl", "Eva Krogh")


def test_late_arrivals_and_departures_are_away_from_the_items_they_missed():
    opening = (
        "Godkendt.\n\nFraværende med afbud:\n\nAnne Holm, A, (ferie)\n\n"
        "Bo Dahl, F, ankom til mødet kl. 17.35 under behandlingen af punkt 3.\n\n"
        "Carl Berg, V, forlod mødet kl. 20.20 under behandling af punkt 4.\n\n"
        "Dorte Lund var fraværende under punkterne 2-3.\n\n"
        "Eva Krogh medvirkede ikke ved behandlingen af pkt. 4, idet hun var inhabil."
    )
    items = [_item(1, opening, "Godkendelse af dagsorden")] + [
        _item(n, "Godkendt.") for n in (2, 3, 4, 5)
    ]
    absent = [set(f.absent) for f in extract_meeting_items(COUNCIL, items)]
    assert absent == [
        {"Anne Holm", "Bo Dahl"},
        {"Anne Holm", "Bo Dahl", "Dorte Lund"},
        {"Anne Holm", "Dorte Lund"},
        {"Anne Holm", "Carl Berg", "Eva Krogh"},
        {"Anne Holm", "Carl Berg"},
    ]
    inhabil = extract_meeting_items(COUNCIL, items)[3].absences
    assert next(a.reason for a in inhabil if a.name == "Eva Krogh") == "inhabil"


def test_substitutes_in_an_absence_list_took_part():
    block = (
        "Godkendt.\n\nFraværende med afbud:\nAnne Holm, Eva Krogh indkaldt\n"
        "Bo Dahl og Carl Berg, Finn Lyng deltog\nDorte Lund\n\n"
        "Fraværende i mødet:\nIb Hald til kl. 18.40 i punkt 2\nJens Vig fra kl. 21.30 i punkt 3\n"
    )
    people = (*PEOPLE, "Ib Hald", "Jens Vig")
    council = Meeting("Lokaludvalget", dt.date(2024, 3, 7), participants=people)
    items = [_item(1, block, "Godkendelse af dagsorden"), _item(2, "Godkendt."), _item(3, "OK.")]
    found = extract_meeting_items(council, items)
    away = {"Anne Holm", "Bo Dahl", "Carl Berg", "Dorte Lund"}
    assert [set(f.absent) for f in found] == [away | {"Ib Hald"}, away, away | {"Jens Vig"}]
    assert {"Eva Krogh", "Finn Lyng"} <= set(found[0].substitutes)


def test_an_absence_run_into_the_recommendation_of_an_unheaded_decision():
    recommendation = Section(
        "Indstilling",
        SectionKind.RECOMMENDATION,
        "Administrationen indstiller, at dagsordenen godkendes.\n\n"
        "Fraværende: Bo Dahl Godkendt. Bo Dahl fraværende. "
        "Carl Berg var fraværende til punkt 1, 2 og 4.",
        (1,),
    )
    items = [
        Item(1, "Godkendelse af dagsorden", (), False, 1, 1, (recommendation,)),
        _item(2, "Godkendt."),
        _item(3, "Godkendt."),
    ]
    absent = [f.absent for f in extract_meeting_items(NOBODY, items)]
    assert absent == [("Bo Dahl", "Carl Berg"), ("Bo Dahl", "Carl Berg"), ("Bo Dahl",)]


def test_the_attendance_record_is_not_the_decision_text():
    after = extract_item(_item(1, "Godkendt.\n\n \n\nAfbud: Bo Dahl (V)"), COUNCIL)
    assert [d.text for d in after.decisions] == ["Godkendt."]
    assert after.absent == ("Bo Dahl",)
    before = (
        "Fraværende med afbud:\n\nAnne Holm, A, (ferie)\n\nBo Dahl, F, (sygdom)\n\n \n\n"
        "Carl Berg, V, ankom til mødet kl. 17.32 under behandlingen af punkt 3.\n\n"
        "Dagsordenen blev godkendt."
    )
    found = extract_item(_item(1, before, "Godkendelse af dagsordenen"), COUNCIL)
    assert [d.text for d in found.decisions] == ["Dagsordenen blev godkendt."]
    assert set(found.absent) == {"Anne Holm", "Bo Dahl", "Carl Berg"}


def test_an_absence_field_with_the_title_set_beside_it_and_a_sentence_after_it():
    front = [
        "Økonomiudvalget",
        "Mødedato: Onsdag den 6-03-2024.",
        "Fraværende: REFERAT Bo Dahl. Carl Berg deltog ikke i behandlingen af pkt. 4 og pkt. 9",
    ]
    meeting = read_meeting(front, [])
    assert meeting is not None and meeting.absent == ("Bo Dahl",)
    initials = read_meeting(
        ["Økonomiudvalget", "Mødedato: 6. marts 2024", "Afbud: Poul A. Larsen"], []
    )
    assert initials is not None and initials.absent == ("Poul A. Larsen",)


@pytest.mark.parametrize(
    "block",
    [
        "Følgende havde meldt afbud:\n\nBo Dahl, Carl Berg, Dorte Lund, Eva Krogh Madsen, Finn Lyng "
        "Hansen og Anne Holm.\n\nUdvalgets beslutning på mødet den 7. marts 2024:",
        "Følgende udeblev uden afbud: Bo Dahl, Carl Berg, Dorte Lund, Eva Krogh Madsen, Finn Lyng "
        "Hansen og Anne Holm.",
        "Fravær med afbud: Bo Dahl, Carl Berg og Dorte Lund\n\n"
        "Fravær uden afbud: Eva Krogh Madsen, Finn Lyng Hansen og Anne Holm",
        "Fraværende i Byrådet - 7. marts 2024:\n\nBo Dahl, Carl Berg, Dorte Lund, Eva Krogh Madsen, "
        "Finn Lyng Hansen og Anne Holm\n\nTil toppen",
    ],
)
def test_absence_labels_in_other_wordings(block):
    found = extract_item(_item(1, f"Godkendt.\n\n{block}", "Godkendelse af dagsorden"), NOBODY)
    assert found.absent == (
        "Bo Dahl",
        "Carl Berg",
        "Dorte Lund",
        "Eva Krogh Madsen",
        "Finn Lyng Hansen",
        "Anne Holm",
    )


def test_notes_between_the_names_of_an_absence_list():
    marked = "Godkendt.\n\nFraværende: Bo Dahl ved afbud Carl M. Berg ved afbud 7. marts 2024"
    assert extract_item(_item(1, marked), NOBODY).absent == ("Bo Dahl", "Carl M. Berg")
    stand_ins = (
        "Godkendt.\n\nFraværende: Bo Dahl (stedfortræder: Eva K. Krogh) og Dorte Lund "
        "(stedfortræder: Finn Lyng) Indholdsfortegnelse Byrådet"
    )
    found = extract_item(_item(1, stand_ins), NOBODY)
    assert found.absent == ("Bo Dahl", "Dorte Lund")
    assert set(found.substitutes) == {"Eva K. Krogh", "Finn Lyng"}
    bullets = (
        "Godkendt.\n\nFravær med afbud:\n\n  • Bo Dahl – Eva Krogh deltager som suppleant\n"
        "  • Carl Berg – Finn Lyng-Holm deltager som suppleant\n"
        "    • Partiets plads er vakant. Der er ingen suppleanter.\n"
    )
    found = extract_item(_item(1, bullets), NOBODY)
    assert found.absent == ("Bo Dahl", "Carl Berg")
    assert set(found.substitutes) == {"Eva Krogh", "Finn Lyng-Holm"}


def test_an_absence_list_running_on_into_the_next_text():
    text = "Godkendt.\n\nFraværende: Bo Dahl, Carl Berg Sagsoversigt Side 2"
    assert extract_item(_item(1, text), NOBODY).absent == ("Bo Dahl", "Carl Berg")
    closing = (
        "Godkendt.\n\nFraværende i øvrigt:\n\nBo Dahl (A)\n\n \n\nFormanden konstaterede, at ..."
    )
    assert extract_item(_item(1, closing), NOBODY).absent == ("Bo Dahl",)


def test_late_arrivals_written_in_a_list_or_by_the_agenda():
    opening = (
        "Godkendt.\n\nI mødet deltog: Anne Holm, Bo Dahl (ankom under behandlingen af punkt 3) "
        "og Carl Berg.\n\nDorte Lund mødte kl. 16.35 under behandlingen af dagsordenens punkt 2.\n\n"
        "Eva Krogh (forlod mødet efter pkt. 3)"
    )
    items = [_item(1, opening, "Godkendelse af dagsorden")] + [
        _item(n, "Godkendt.") for n in (2, 3, 4)
    ]
    absent = [set(f.absent) for f in extract_meeting_items(COUNCIL, items)]
    assert absent == [{"Bo Dahl", "Dorte Lund"}, {"Bo Dahl"}, set(), {"Eva Krogh"}]


def test_items_named_as_dagsordenpunkt_on_a_page_of_one_item():
    text = (
        "Godkendt.\n\nBo Dahl (B) deltog ikke under behandlingen af dagsordenpunkt 2.\n"
        "Carl Berg (A) var forsinket pga. arbejde, og deltog derfor først fra kl. 15.45 og ikke "
        "under behandling af dagsordenpunkt 1, 2 og 3."
    )
    assert extract_item(_item(1, text, "Godkendelse af dagsorden"), COUNCIL).absent == (
        "Carl Berg",
    )
    items = [_item(1, text, "Godkendelse af dagsorden"), _item(2, "Godkendt."), _item(4, "OK.")]
    absent = [set(f.absent) for f in extract_meeting_items(COUNCIL, items)]
    assert absent == [{"Carl Berg"}, {"Bo Dahl", "Carl Berg"}, set()]


def test_a_cover_absence_field_with_notes_and_a_run_on_date():
    front = [
        "Byrådet",
        "Mødedato: 7. marts 2024",
        "Fraværende: Bo Dahl ved afbud Carl M. Berg ved afbud 7. marts 2024",
    ]
    assert read_meeting(front, []).absent == ("Bo Dahl", "Carl M. Berg")


def test_a_cover_absence_list_ends_before_a_sentence():
    front = [
        "Byrådet",
        "Mødedato: 7. marts 2024",
        "Fraværende med afbud:",
        "Bo Dahl (A)        Carl Berg (C)",
        "Fraværende i øvrigt:",
        "Dorte Lund (A)",
        "Formanden konstaterede, at udvalget ikke var beslutningsdygtigt, men at mødet blev holdt.",
    ]
    assert read_meeting(front, []).absent == ("Bo Dahl", "Carl Berg", "Dorte Lund")


def test_a_list_of_absentees_stops_at_a_sentence_about_a_member():
    front = [
        "Mødedato: 17.11.2011, kl. 17:30",
        "Borgerrepræsentationen",
        "Fraværende med afbud:",
        "Anne Holm, A, (ferie)",
        "Bo Dahl, F, (sygdom)",
        "Dan Ege, C, ankom til mødet kl. 17.32 under behandlingen af punkt 1.",
    ]
    meeting = read_meeting(front, [])
    assert meeting is not None and meeting.absent == ("Anne Holm", "Bo Dahl")


def test_unnumbered_items_each_under_its_case_line_with_the_absentees_after_each_decision():
    """A portal that prints no item numbers or titles, a case line opening each item and the
    absentees under each decision; a member who left after items 1-3 is away from item 4."""
    item = (
        "Sagsid.: 25/{n}\n\nResume\nEt resume.\n\nIndstilling\nDirektionen indstiller, at "
        "sagen godkendes.\n\nBeslutning i Byrådet den 25-06-2025\n\nGodkendt.\n\nFraværende:\n"
        "Finn Lyng\n\n"
    )
    text = (
        "Referat\n\nonsdag den 25. juni 2025 kl. 17:00\n\nUdvalg Byrådet\nFraværende Finn Lyng\n"
        "Bemærkninger Bo Dahl forlod mødet kl. 19.10 efter behandlingen af sagerne 1-3.\n\n"
        + "".join(item.format(n=n) for n in range(101, 105))
    )
    document = parse_bytes(text.encode("utf-8"), "side.txt")
    assert [i.title for i in document.items] == ["(uden titel)"] * 4
    extracted = extract_meeting_items(document.meeting, list(document.items))
    assert [sorted(e.absent) for e in extracted] == [["Finn Lyng"]] * 3 + [["Bo Dahl", "Finn Lyng"]]


def test_a_place_written_under_an_empty_decision_decides_nothing():
    found = extract_item(_item(1, "Sted: Mødelokale 3\n\nFraværende: Finn Lyng"), COUNCIL)
    assert [d.outcome.value for d in found.decisions] == ["information"]


def test_a_cover_pages_labels_run_into_one_line():
    """A document site's first line: the cover's title, date, place, members and absentees
    run together, its page count after them."""
    text = (
        "Referat Byrådet Onsdag den 25. juni 2025 Kl. 16:00 Byrådssalen Medlemmer Anne Holm (A) "
        "Bo Dahl (V) Carl Berg (C) Fraværende Dorte Lund (O) 1 of 31\n\n"
        "Punkt 612 Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n\n"
        "Punkt 613 Regnskab 2024\n\nBeslutning\n\nGodkendt.\n"
    )
    document = parse_bytes(text.encode("utf-8"), "side.txt")
    assert document.meeting.absent == ("Dorte Lund",)
    extracted = extract_meeting_items(document.meeting, list(document.items))
    assert [e.absent for e in extracted] == [("Dorte Lund",)] * 2


def test_absentees_listed_under_another_bodys_decision_are_that_meetings():
    """A portal's item under its case line: a label heading ("Sagen behandles i") is no title,
    and "Fraværende:" under the committee's quoted decision was that meeting's absence."""
    article = (
        "<article><p>Sagsnr.: 24/{n}</p><h3>Sagen behandles i</h3><p>Økonomiudvalget den 18/3 "
        "2024 og Byrådet den 26/3 2024.</p><h3>Forslag</h3><p>at planen godkendes.</p>"
        "<h3>Beslutning Byrådet den 26-03-2024</h3><p>Godkendt.</p>"
        "<h3>Beslutning Økonomiudvalget den 18-03-2024</h3><p>Anbefales.</p><p>Fraværende:</p>"
        "<p>Bo Dahl</p><h3>Sagsfremstilling</h3><p>Planen er revideret.</p></article>"
    )
    html = (
        "<html><body><h1>Referat</h1><table><tr><th>Dato:</th><td>26-03-2024 19:00:00</td></tr>"
        "<tr><th>Udvalg:</th><td>Byrådet</td></tr></table>"
        + "".join(article.format(n=n) for n in (2210, 2211))
        + "</body></html>"
    )
    document = parse_bytes(html.encode("utf-8"), "side.html")
    assert [i.title for i in document.items] == ["(uden titel)"] * 2
    extracted = extract_meeting_items(document.meeting, list(document.items))
    assert [e.absent for e in extracted] == [(), ()]


def test_a_cover_absence_followed_by_its_stand_in_sentence():
    text = (
        "Kommunalbestyrelsen\n\nBESLUTNINGSPROTOKOL\n\nfra ordinært møde onsdag den 8. oktober "
        "2008 kl. 19.00\n\nFraværende: Dorte Lund (C). I stedet mødte stedfortræder Eva Krogh (C)."
        "\n\nPkt. 96 - Godkendelse af dagsorden\n\nBESLUTNING\n\nGodkendt.\n\n"
        "Pkt. 97 - Budget 2009\n\nBESLUTNING\n\nVedtaget.\n"
    )
    document = parse_bytes(text.encode("utf-8"), "side.txt")
    assert document.meeting.absent == ("Dorte Lund",)
    extracted = extract_meeting_items(document.meeting, list(document.items))
    assert [e.absent for e in extracted] == [("Dorte Lund",)] * 2
