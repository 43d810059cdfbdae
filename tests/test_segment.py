"""Segmentation of text, markdown and portal HTML minutes into meetings, items and sections."""

from __future__ import annotations

import datetime as dt

import pytest

from ingest import DocumentKind, SectionKind, parse_bytes, parse_file
from ingest.repeats import collapse_repeats


@pytest.mark.parametrize("meeting_date", ["2026-02-03", "2025-08-12", "2025-02-04"])
def test_seed_minutes_items_match_gold(randers, gold_items, meeting_date):
    document = parse_file(randers.minutes[meeting_date])
    gold = gold_items[meeting_date]
    assert document.kind is DocumentKind.MINUTES
    assert document.meeting.date == dt.date.fromisoformat(meeting_date)
    assert document.meeting.committee == gold["committee"]
    got = [
        [it.number, it.title, it.case_numbers[0] if it.case_numbers else None]
        for it in document.items
    ]
    assert got == gold["items"]


def test_sections_and_prior_decision(randers):
    document = parse_file(randers.minutes["2025-08-12"])
    item = next(it for it in document.items if it.number == 68)
    kinds = [s.kind for s in item.sections]
    assert kinds[:5] == [
        SectionKind.RESUME,
        SectionKind.RECOMMENDATION,
        SectionKind.PRIOR_DECISION,
        SectionKind.DECISION,
        SectionKind.CASE,
    ]
    prior = item.sections[2]
    assert prior.heading.startswith(
        "Beslutning fra Beskæftigelsesudvalget, den 11. juni 2025, punkt 59"
    )
    assert "Videre i job" in item.text()


def test_closed_item_keeps_no_case_text(randers):
    document = parse_file(randers.minutes["2025-08-12"])
    closed = next(it for it in document.items if it.number == 75)
    assert closed.closed
    assert all(s.kind is SectionKind.DECISION for s in closed.sections)


def test_participants_from_front_matter(randers):
    meeting = parse_file(randers.minutes["2025-08-12"]).meeting
    assert "Henriette Malland" in meeting.participants
    assert meeting.start_time == "16:30"
    assert meeting.place == "C.2.25"


def test_table_rows_stay_in_their_section(randers):
    document = parse_file(randers.minutes["2025-08-12"])
    item = next(it for it in document.items if it.number == 67)
    tables = [t for s in item.sections for t in s.tables]
    assert tables and tables[0].rows[0][0] == "2026-pl, mio. kr."
    assert ("I alt", "-15,9", "-39,7", "-52,4", "-55,4") in tables[0].rows


@pytest.mark.parametrize("which", [0, 1])
def test_background_documents_are_not_meetings(randers, which):
    document = parse_file(randers.background[which])
    assert document.kind is DocumentKind.OTHER
    assert document.meeting is None and not document.items
    assert len(document.sections) > 5
    assert not any("Indledning1. Indledning" in s.heading for s in document.sections)


def test_fake_bold_text_collapses():
    assert (
        collapse_repeats("1. Indledning1. Indledning1. Indledning1. Indledning") == "1. Indledning"
    )
    painted = "1.1.1.1.2222    HHHHelhedsorienteret indsats elhedsorienteret indsats elhedsorienteret indsats elhedsorienteret indsats "
    assert collapse_repeats(painted) == "1.2 Helhedsorienteret indsats"
    assert collapse_repeats("Godkendt uden bemærkninger.") == "Godkendt uden bemærkninger."


def test_portal_html(external_dir):
    document = parse_file(external_dir / "aarhus-teknisk-udvalg-2025-10-01.html")
    assert document.kind is DocumentKind.MINUTES
    assert document.meeting.committee == "Teknisk Udvalg"
    assert document.meeting.date == dt.date(2025, 10, 1)
    first = document.items[0]
    assert (first.number, first.title, first.case_numbers[0]) == (
        1,
        "Referat fra sidste udvalgsmøde",
        "EMN-2025-010561",
    )
    assert first.attachments == ("Referat fra møde den 22. september 2025",)
    assert all(it.sections[0].heading == "Beslutninger" for it in document.items)


def test_unknown_heading_forms_degrade_gracefully():
    text = (
        "Referat af mødet i Teknik- og Miljøudvalget den 4. marts 2024\n\n"
        "Nr. 178 - Ny cykelsti langs Ringvejen\n\nSagsid.: 20/33839\n\n"
        "Problemstilling\n\nDer mangler en cykelsti.\n\nUdvalgets afgørelse\n\nGodkendt.\n\n"
        "Nr. 179 - Vintervedligeholdelse\n\nJournalkode X-Y-Z ukendt form\n\nSagens kerne\n\nSne.\n\nBeslutning\n\nTaget til efterretning.\n"
    )
    document = parse_bytes(text.encode(), "teknik.txt")
    assert [it.number for it in document.items] == [178, 179]
    assert document.items[0].title == "Ny cykelsti langs Ringvejen"
    assert "Sne." in document.items[1].text()


def test_empty_text_is_a_named_error():
    from ingest import EmptyDocument

    with pytest.raises(EmptyDocument):
        parse_bytes(b"   \n", "empty.txt")


@pytest.mark.parametrize("leader", ["..........", "……", "__________", "\t"])
def test_contents_lines_are_not_items_whatever_the_leaders(leader):
    text = (
        "Referat af mødet i Teknik- og Miljøudvalget den 4. marts 2024\n\n"
        f"Indholdsfortegnelse\n\n1. Ny cykelsti langs Ringvejen{leader}2\n\n"
        f"2. Vintervedligeholdelse{leader}3\n\n"
        "Punkt 1: Ny cykelsti langs Ringvejen\n\nSagsfremstilling\n\nDer mangler en cykelsti.\n\n"
        "Beslutning\n\nGodkendt.\n\n"
        "Punkt 2: Vintervedligeholdelse\n\nSagsfremstilling\n\nSne.\n\nBeslutning\n\nDrøftet.\n"
    )
    document = parse_bytes(text.encode(), "teknik.txt")
    assert [(it.number, it.title) for it in document.items] == [
        (1, "Ny cykelsti langs Ringvejen"),
        (2, "Vintervedligeholdelse"),
    ]
    assert leader.strip() not in document.items[0].text() or leader == "\t"
