"""The ways Danish portals print minutes, read from text, plain PDF and real excerpts.

The short documents below are written for these tests in the forms municipalities use
(label/value headers, "PUNKTER" lists, items with no printed number, dated decision
headings, glued numbers); none is a copy of a published page. The last tests score the
real excerpts in ../shared/external when they are there.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pymupdf
import pytest
from conftest import SHARED

from ingest import DocumentKind, SectionKind, parse_bytes
from ingest.segment import UNNUMBERED_WARNING

REPO = Path(__file__).resolve().parents[1]


def parse_text(text: str):
    return parse_bytes(text.encode("utf-8"), "referat.txt")


def plain_pdf(text: str) -> bytes:
    """One font, one size, a line per line: no styling cue at all."""
    document = pymupdf.open()
    page = document.new_page(width=595, height=842)
    y = 60
    for line in text.strip().split("\n"):
        if line:
            page.insert_text((56, y), line, fontname="helv", fontsize=10)
        y += 13
    data = document.tobytes()
    document.close()
    return data


PREPARE_STYLE = """UDVALG

Byrådet

MØDE

Referat

STED

Byrådssalen, Torvet 1

STARTTIDSPUNKT

03-05-2021 18:00:00

SLUTTIDSPUNKT

03-05-2021 20:10:00


PUNKTER

51. Godkendelse af dagsorden
52. Ny skolestruktur - høring
53. Salg af grund i Østerby - Lukket punkt



51. Godkendelse af dagsorden

Godkendelse af dagsorden
Beslutning Byrådet den 03-05-2021

Dagsorden godkendt.

Fraværende:

Jonas Kragh



52. Ny skolestruktur - høring

Ny skolestruktur - høring
Sagsfremstilling

Forvaltningen har udarbejdet et forslag til ny skolestruktur, som sendes i høring.

Beslutning Byrådet den 03-05-2021

Godkendt.



53. Salg af grund i Østerby - Lukket punkt

Salg af grund i Østerby - Lukket punkt
Køber er Hans Hansen, der betaler 1,2 mio. kr. for grunden.
"""


def test_label_value_header_punkter_list_and_running_numbers():
    document = parse_text(PREPARE_STYLE)
    assert document.kind is DocumentKind.MINUTES
    meeting = document.meeting
    assert (meeting.committee, meeting.date, meeting.start_time) == (
        "Byrådet",
        dt.date(2021, 5, 3),
        "18:00",
    )
    assert meeting.place == "Byrådssalen, Torvet 1"
    got = [(it.number, it.title) for it in document.items]
    assert got == [
        (51, "Godkendelse af dagsorden"),
        (52, "Ny skolestruktur - høring"),  # the hyphen stays a hyphen
        (53, "Salg af grund i Østerby - Lukket punkt"),
    ]
    # "Beslutning Byrådet den <the meeting's date>" is this meeting's decision, not an earlier one.
    assert [s.kind for s in document.items[1].sections] == [SectionKind.CASE, SectionKind.DECISION]


def test_closed_item_marked_in_its_title_publishes_no_text():
    closed = parse_text(PREPARE_STYLE).items[2]
    assert closed.closed
    assert closed.sections == ()
    assert "Hans Hansen" not in closed.text()


UNNUMBERED = """Beslutningsprotokol

onsdag den 30. november 2022 kl. 17:00

Mødested: Byrådssalen
Udvalg: Byrådet
Medlemmer: Anne Holm, Bent Krogh, Carsten Due

Udskriv hele dagsordenen
  • Udskriv
    Sagsid.: 22/2694, Sagsinitialer: abc

    Indstilling

    Sekretariatet indstiller, at dagsordenen godkendes.

    Beslutning Byrådet den 30-11-2022

    Godkendt.

  • Udskriv
    Sagsid.: 22/36619, Sagsinitialer: xyz

    Sagsfremstilling

    Bestyrelsen for hallen skal have et nyt medlem.

    Beslutning Byrådet den 30-11-2022

    Byrådet valgte Bent Krogh.
"""


def test_items_without_printed_numbers_start_at_their_case_lines():
    document = parse_text(UNNUMBERED)
    assert document.kind is DocumentKind.MINUTES
    assert document.meeting.committee == "Byrådet"
    assert document.meeting.date == dt.date(2022, 11, 30)
    assert document.meeting.participants == ("Anne Holm", "Bent Krogh", "Carsten Due")
    assert [it.case_numbers[:1] for it in document.items] == [("22/2694",), ("22/36619",)]
    assert UNNUMBERED_WARNING in document.warnings
    # Portal buttons ("Udskriv") are not minutes text.
    assert all("Udskriv" not in it.text() for it in document.items)
    assert document.items[1].sections[-1].kind is SectionKind.DECISION


DECISION_FIRST = """Økonomiudvalget
Referat • 17. juni 2025 kl. 15.30
Indhold
Beslutning i Økonomiudvalget den 17-06-2025
Dagsorden godkendt.
Beslutningstema
Orientering om budgettet for 2026.
Indstilling
Direktionen indstiller, at orienteringen tages til efterretning.
Beslutning i Økonomiudvalget den 17-06-2025
Taget til efterretning.
Beslutningstema
Ny parkeringsnorm.
Sagsfremstilling
Forvaltningen foreslår en ny norm.
"""


def test_sections_starting_over_mark_the_next_unnumbered_item():
    document = parse_text(DECISION_FIRST)
    assert (document.meeting.committee, document.meeting.date) == (
        "Økonomiudvalget",
        dt.date(2025, 6, 17),
    )
    assert document.meeting.start_time == "15:30"
    kinds = [[s.kind for s in it.sections] for it in document.items]
    assert kinds == [
        [SectionKind.DECISION],
        [SectionKind.RESUME, SectionKind.RECOMMENDATION, SectionKind.DECISION],
        [SectionKind.RESUME, SectionKind.CASE],
    ]


def test_glued_numbers_meeting_line_and_numbered_lists_that_are_not_items():
    document = parse_text(
        """Økonomiudvalgets møde den 21. januar 2026
Mødelokale 1 kl. 16.00
1Godkendelse af dagsorden
Beslutning
Godkendt.
2Forretningsorden for udvalget
Indstilling
Administrationen indstiller, at:
1. Forslag til forretningsorden godkendes.
2. Formanden bemyndiges til at underskrive.
Beslutning
Godkendt.
"""
    )
    assert document.meeting.committee == "Økonomiudvalget"
    assert document.meeting.date == dt.date(2026, 1, 21)
    assert document.meeting.start_time == "16:00"
    assert [(it.number, it.title) for it in document.items] == [
        (1, "Godkendelse af dagsorden"),
        (2, "Forretningsorden for udvalget"),
    ]


@pytest.mark.parametrize(
    ("line", "date", "time"),
    [
        ("Tirsdag den 14-04-2009 kl. 17:00", dt.date(2009, 4, 14), "17:00"),
        ("Den 10.02.2021 kl. 13:00", dt.date(2021, 2, 10), "13:00"),
        ("Mødedato: Tirsdag d. 12. august 2025 kl. 16:30", dt.date(2025, 8, 12), "16:30"),
    ],
)
def test_meeting_date_and_time_forms(line, date, time):
    document = parse_text(
        f"Referat\nTeknik- og Miljøudvalget\n{line}\n\n1. Godkendelse af dagsorden\n\n"
        "Beslutning\n\nGodkendt.\n"
    )
    assert (document.meeting.date, document.meeting.start_time) == (date, time)
    assert document.meeting.committee == "Teknik- og Miljøudvalget"


def test_plain_one_font_pdf_keeps_item_one_and_its_case_number_out_of_titles():
    data = plain_pdf(
        """Referat
Teknik- og Miljøudvalget
Tirsdag den 14-04-2009 kl. 17:00
Punkt 1: Godkendelse af dagsorden
00.01.00-A00-1-25
Beslutning
Godkendt.
Punkt 2: Lukket: Salg af byggegrund
00.01.00-A00-2-25
Køber betaler 800.000 kr.
"""
    )
    document = parse_bytes(data, "referat.pdf")
    got = [(it.number, it.title, it.case_numbers, it.closed) for it in document.items]
    assert got == [
        (1, "Godkendelse af dagsorden", ("00.01.00-A00-1-25",), False),
        (2, "Lukket: Salg af byggegrund", ("00.01.00-A00-2-25",), True),
    ]
    assert document.items[1].sections == ()


def test_minutes_whose_items_cannot_be_told_apart_stay_minutes_with_a_warning():
    document = parse_text(
        "Referat fra Økonomiudvalget Mødedato: Mandag den 6. oktober 2014 "
        "1. Godkendelse af dagsorden Sagsid.: 14/40 Beslutning Økonomiudvalget den "
        "Godkendt. 2. Budget Sagsid.: 14/41 Beslutning Økonomiudvalget den Godkendt.\n"
    )
    assert document.kind is DocumentKind.MINUTES
    assert document.meeting.date == dt.date(2014, 10, 6)
    assert document.items == ()
    assert document.sections and document.warnings


def test_a_background_document_is_not_minutes():
    document = parse_text(
        "Beskæftigelsesplan 2026\n\nIndledning\n\nPlanen beskriver indsatsen for ledige "
        "i kommunen og de mål, byrådet har sat for året.\n\nMål\n\nFlere i job.\n"
    )
    assert document.kind is DocumentKind.OTHER


EXTERNAL = SHARED / "external" / "real-minutes"


@pytest.mark.skipif(not EXTERNAL.exists(), reason="../shared/external/real-minutes is absent")
@pytest.mark.parametrize("plain", [False, True], ids=["text", "plain-pdf"])
def test_real_minutes_dev_excerpts_are_read(plain):
    sys.path.insert(0, str(REPO))
    from bench.real_minutes import score

    scores = score("dev", plain_pdf=plain)
    assert scores.documents >= 20
    # The development pages include page-per-line transcripts of PDFs (docplayer and the
    # like), of which some stop in their table of contents.
    assert scores.recognised.right / scores.recognised.total >= 0.9
    assert scores.date.right / scores.date.total >= 0.9
    assert scores.items.hit / scores.items.gold >= 0.85
    assert scores.items.hit / scores.items.found >= 0.9


def test_titled_items_without_numbers_whose_decision_comes_first():
    document = parse_text(
        """Referat Magistraten 25-03-2019

Dialogmøde med forsyningsselskabet

Beslutning
Drøftet.

Sagens forløb 25-03-2019 Magistraten
Drøftet.

Bilag

Referat fra Magistratens møde den 18. marts 2019

Beslutning
Godkendt.

Bilag

Mødeplan for byrådet 2020

Beslutning
Anbefales.

Indstilling
Det indstilles, at møderne holdes om onsdagen.
"""
    )
    assert (document.meeting.committee, document.meeting.date) == (
        "Magistraten",
        dt.date(2019, 3, 25),
    )
    assert [it.title for it in document.items] == [
        "Dialogmøde med forsyningsselskabet",
        "Referat fra Magistratens møde den 18. marts 2019",
        "Mødeplan for byrådet 2020",
    ]


@pytest.mark.parametrize(
    ("header", "committee", "date"),
    [
        (
            "Udvalget for Miljø og Teknik\nReferat 28.05.2013 kl. 16:30",
            "Udvalget for Miljø og Teknik",
            dt.date(2013, 5, 28),
        ),
        (
            "ÅBENT REFERAT ØKONOMIUDVALG Mødedato: 16. juni 2009",
            "Økonomiudvalg",
            dt.date(2009, 6, 16),
        ),
        (
            "Referat\nMøde i Udvalg for natur, miljø og grøn omstilling\nDato: Onsdag den 7. november 2018",
            "Udvalg for natur, miljø og grøn omstilling",
            dt.date(2018, 11, 7),
        ),
        (
            "SKOVBY KOMMUNE. REFERAT Økonomiudvalget.\nMødedato: Onsdag den 18-06-2008.",
            "Økonomiudvalget",
            dt.date(2008, 6, 18),
        ),
        (
            "Møde i Kommunalbestyrelsen mandag den 25. september 2006, kl. 18 REFERAT",
            "Kommunalbestyrelsen",
            dt.date(2006, 9, 25),
        ),
        ("Børn & Læringsudvalget - 08-09-2021", "Børn & Læringsudvalget", dt.date(2021, 9, 8)),
        (
            "Ekstraordinært Ældrerådsmøde – Referat 14. december 2018",
            "Ældrerådet",
            dt.date(2018, 12, 14),
        ),
        (
            "Kultur og sundheds møde den 17. april 2023\nReferat",
            "Kultur og sundhed",
            dt.date(2023, 4, 17),
        ),
        (
            "Dagsordener og referater\nNatur og Friluftsliv\nMandag den 30-04-2018 kl. 16:30\nReferat",
            "Natur og Friluftsliv",
            dt.date(2018, 4, 30),
        ),
        (
            "Referat\nTitel Udvalg Funktioner\nByrådet Byrådet Vis medlemmer\nMødedato: 3. maj 2014",
            "Byrådet",
            dt.date(2014, 5, 3),
        ),
        ("Konstituerende møde - 02-12-2021\nReferat", "Konstituerende møde", dt.date(2021, 12, 2)),
        (
            "Kultur-, Fritids- og Idrætsudvalget Referat fra møde 10. januar 2012",
            "Kultur-, Fritids- og Idrætsudvalget",
            dt.date(2012, 1, 10),
        ),
        (
            "SammenlægningsudvalgetBeslutningsprotokol\nMødedato: 12. oktober 2006",
            "Sammenlægningsudvalget",
            dt.date(2006, 10, 12),
        ),
        (
            "R e f e r a t MØDE 6-2015. Skovby Seniorråd. Torsdag den 4. juni 2015 kl. 13.00.",
            "Seniorråd",
            dt.date(2015, 6, 4),
        ),
        (
            "Referat\nMødet i Sundheds- og Omsorgsudvalget begyndte kl. 14:30 og sluttede kl. 17:00.",
            "Sundheds- og Omsorgsudvalget",
            None,
        ),
        (
            "Referat\nØkonomiudvalget\nMødedato:\nBemærkninger:\nMandag den 16. marts 2015\nKl. 17:00",
            "Økonomiudvalget",
            dt.date(2015, 3, 16),
        ),
    ],
)
def test_meeting_headers_that_name_the_body_in_other_ways(header, committee, date):
    document = parse_text(f"{header}\n\n1. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n")
    assert (document.meeting.committee, document.meeting.date) == (committee, date)


def test_doubled_numbers_and_a_numbered_absence_line_between_items():
    document = parse_text(
        """Referat
Kommunalbestyrelsen
Onsdag den 17. januar 2018

 1.  1. Godkendelse af dagsordenen
Beslutning i Kommunalbestyrelsen den 17-01-2018
Godkendt.
Afbud:
1. Anne Holm, Ø
 2.  2. Orientering fra borgmesteren
Beslutning i Kommunalbestyrelsen den 17-01-2018
Til orientering.
"""
    )
    assert [(it.number, it.title) for it in document.items] == [
        (1, "Godkendelse af dagsordenen"),
        (2, "Orientering fra borgmesteren"),
    ]


def test_an_item_closed_by_its_wording_and_a_case_number_under_its_label():
    document = parse_text(
        """Referat
Byrådet
Tirsdag den 9. oktober 2018

1. Salg af ejendom
Sagsnr.
450-2018-4075
Køber er Hans Hansen, som betaler 2 mio. kr.
Punktet er lukket af hensyn til kommunens forhandlingsposition.
Beslutning i Byrådet 9. oktober 2018:
Godkendt.
"""
    )
    (item,) = document.items
    assert item.case_numbers == ("450-2018-4075",)
    assert item.closed
    assert "Hans Hansen" not in item.text()
    assert [s.kind for s in item.sections] == [SectionKind.DECISION]


def test_a_referat_page_that_stops_before_its_first_decision_is_minutes():
    document = parse_text(
        "Referat for Byrådet møde den 12. august 2019\n\n205. Rekruttering af ny direktør\n\n"
        "Præsentation:\n\nByrådet skal tage stilling til en rekrutteringsproces for stillingen.\n"
    )
    assert document.kind is DocumentKind.MINUTES
    assert (document.meeting.committee, document.meeting.date) == ("Byrådet", dt.date(2019, 8, 12))


def test_a_beslutningsprotokol_states_the_decision_under_the_proposal_without_a_heading():
    from nlp.extract import extract_meeting_items

    document = parse_text(
        "Mødedato: 04.03.2010, kl. 17:30\n\nBorgerrepræsentationen\n\nBESLUTNINGSPROTOKOL\n\n"
        "fra ordinært møde torsdag den 4. marts 2010\n\n"
        "Nr. 7           BR 112/10. Medlemsforslag om flere bænke i parkerne\n\n"
        "Det foreslås,\n\n1. at der opstilles flere bænke i kommunens parker.\n\n"
        "(Stillet af Enhedslisten)\n\n"
        "Medlemsforslaget blev forkastet med 20 stemmer imod 29.\n\n"
        "For stemte: F, Ø og B. Jensen (løsgænger).\n\nImod stemte: A, C, O og V.\n"
    )
    (item,) = document.items
    assert (item.number, item.title) == (7, "Medlemsforslag om flere bænke i parkerne")
    assert item.case_numbers == ("BR 112/10",)
    (extraction,) = extract_meeting_items(document.meeting, document.items)
    (decision,) = extraction.decisions
    assert decision.outcome == "rejected"
    vote = decision.vote
    assert (vote.for_count, vote.against) == (20, 29)
    assert vote.for_names == ("F", "Ø", "B. Jensen")
    assert vote.against_names == ("A", "C", "O", "V")


def test_an_earlier_act_reported_in_untitled_text_is_not_this_meetings_decision():
    from nlp.extract import extract_meeting_items

    document = parse_text(
        "Referat af Byrådets møde den 4. marts 2010\n\n"
        "Nr. 12           BR 40/10. Status for skolebyggeriet\n\n"
        "Forslaget blev godkendt af Byrådet i 2008, og byggeriet går nu i gang.\n\n"
        "Nr. 13           BR 41/10. Nye bænke i parkerne\n\n"
        "Forslaget blev godkendt.\n"
    )
    extractions = extract_meeting_items(document.meeting, document.items)
    assert [e.decisions[0].outcome if e.decisions else None for e in extractions] == [
        None,
        "approved",
    ]


TRANSCRIPT = """Referat. fra Teknisk Udvalg
Størrelse: px
Download "Referat. fra Teknisk Udvalg"
Transkript
1 Referat fra Teknisk Udvalg Mødedato: Onsdag den 4. marts 2015 Mødetidspunkt: 16:00-18:00 Mødested: Rådhuset Deltagere: Ole Berg (V), Lise Holm (A), Jens Kofoed (C) Afbud:
2 Indholdsfortegnelse Side 1. Godkendelse af dagsorden Nye cykelstier langs Ringvejen Side 1
3 1. Godkendelse af dagsorden Dok.nr.: 1201 Sagsid.: 15/310 Initialer: abc Åben sag Beslutning Teknisk Udvalg den Godkendt. Side 2
4 2. Nye cykelstier langs Ringvejen Dok.nr.: 1202 Sagsid.: 15/2291 Initialer: def Åben sag Indledning Forvaltningen har undersøgt to linjeføringer. Indstilling Forvaltningen indstiller, at linjeføring A vælges. Beslutning Teknisk Udvalg den Godkendt. Lise Holm (A) deltog ikke i behandlingen af sagen. Side 3
"""


def test_a_page_per_line_transcript_of_a_pdf_is_read_as_pages_of_items():
    from nlp.extract import extract_meeting_items

    document = parse_text(TRANSCRIPT)
    assert document.kind is DocumentKind.MINUTES
    assert document.meeting.date == dt.date(2015, 3, 4)
    assert [(i.number, i.title, i.case_numbers[0]) for i in document.items] == [
        (1, "Godkendelse af dagsorden", "15/310"),
        (2, "Nye cykelstier langs Ringvejen", "15/2291"),
    ]
    assert [i.page_start for i in document.items] == [3, 4]
    extractions = extract_meeting_items(document.meeting, document.items)
    assert [d.outcome for e in extractions for d in e.decisions] == ["approved", "approved"]
    assert [a.name for a in extractions[1].absences] == ["Lise Holm"]


def test_a_flattened_item_is_cut_back_at_its_inline_section_names():
    from nlp.extract import extract_meeting_items

    document = parse_text(
        "Referat af Byrådets møde d. 14.03.2017\n\n"
        "Punkt 40: Godkendelse af dagsorden\n\n"
        "00.22.02-A26-1-17 Beslutning Byrådet, 14.03.2017 Anne Friis var fraværende. Godkendt.\n\n"
        "Punkt 41: Ny legeplads i Østbyen\n\n"
        "05.00.00-G01-3-17 Resume Kompetence: Byrådet Sagen handler om en ny legeplads. "
        "INDSTILLING Teknikudvalget indstiller, at der gives en anlægsbevilling på 1,2 mio. kr. "
        "Beslutning Byrådet, 14.03.2017 Anne Friis var fraværende. Indstillingen blev godkendt. "
        "Sagsfremstilling Legepladsen i Østbyen er slidt op, og der er ønsker fra beboerne "
        "om en ny. Forvaltningen har indhentet tilbud fra tre leverandører.\n"
    )
    items = document.items
    assert [(i.number, i.case_numbers[0]) for i in items] == [
        (40, "00.22.02-A26-1-17"),
        (41, "05.00.00-G01-3-17"),
    ]
    assert [s.kind for s in items[1].sections] == [
        SectionKind.RESUME,
        SectionKind.RECOMMENDATION,
        SectionKind.DECISION,
        SectionKind.CASE,
    ]
    extractions = extract_meeting_items(document.meeting, items)
    assert [[d.outcome for d in e.decisions] for e in extractions] == [["approved"], ["approved"]]


def test_an_item_heading_glued_to_the_sentence_before_and_a_file_icon_after_a_title():
    document = parse_text(
        "Referat af Byrådets møde den 6. februar 2014\n\n"
        "12. Godkendelse af dagsorden\n\nSagsnr: 00.01.00-P35-1-14\n\nBeslutning\n\n"
        "Godkendt. Ole Bech deltog i mødet i stedet for Mette Lund.13. Spørgetid\n\n"
        "Sagsnr: 00.01.00-P35-2-14\n\nBeslutning\n\nIngen spørgsmål.\n\n"
        "14. Lokalplan for Havnen application/pdf icon forslag_lokalplan.pdf\n\n"
        "Sagsnr: 01.02.05-P16-3-14\n\nBeslutning\n\nGodkendt.\n"
    )
    assert [(i.number, i.title) for i in document.items] == [
        (12, "Godkendelse af dagsorden"),
        (13, "Spørgetid"),
        (14, "Lokalplan for Havnen"),
    ]


def test_a_reported_sentence_over_the_next_case_line_is_not_that_items_title():
    document = parse_text(
        "Referat\n\nDato: 10-10-2022 17:00:00\n\nUdvalg: Kommunalbestyrelsen\n\n"
        "Sagsnr.: 22/131\n\nBeslutning i Kommunalbestyrelsen den 10-10-2022\n\nGodkendt.\n\n"
        "Ane Holm deltog som stedfortræder for Bo Lind\n\n"
        "Sagsnr.: 22/132\n\nBeslutning i Kommunalbestyrelsen den 10-10-2022\n\nGodkendt.\n"
    )
    assert [(i.title, i.case_numbers) for i in document.items] == [
        ("(uden titel)", ("22/131",)),
        ("(uden titel)", ("22/132",)),
    ]


def test_a_page_that_names_its_body_only_in_a_sentence_about_the_meeting():
    document = parse_text(
        "30. aug 2022\n\nDeltagere:\n • Ane Holm (A)\n • Bo Lind (V)\n\n"
        "136. Godkendelse af dagsorden\n\nSagstema\n\n"
        "Godkendelse af dagsorden til dagens møde i Kommunalbestyrelsen.\n\n"
        "Beslutning\n\nGodkendt.\n"
    )
    assert (document.meeting.committee, document.meeting.date) == (
        "Kommunalbestyrelsen",
        dt.date(2022, 8, 30),
    )


def test_a_page_without_a_header_dates_its_meeting_by_the_agenda_approval():
    document = parse_text(
        "Referat\n\n • 301. Åben dagsorden - godkendelse\n\n    Resume\n\n"
        "    Godkendelse af åben dagsorden for KB den 22. januar 2020.\n\n"
        "    Beslutning\n\n    Godkendt.\n\n • 302. Planstrategi 2020\n\n    Resume\n\n"
        "    Direktionen drøftede planstrategien den 6. januar 2020.\n\n"
        "    Beslutning Direktionen den 06-01-2020\n\n    Anbefales.\n\n"
        "    Beslutning\n\n    Godkendt.\n"
    )
    assert (document.meeting.committee, document.meeting.date) == (
        "Kommunalbestyrelsen",
        dt.date(2020, 1, 22),
    )


def test_a_decision_heading_dated_by_the_label_line_under_it_names_the_meeting():
    from nlp.extract import extract_meeting_items

    document = parse_text(
        "21.    Godkendelse af dagsorden\n\nSag 306-2010-395\n\nÅbent\n\nSagsfremstilling\n\n"
        "Dagsordenen forelægges til godkendelse.\n\n"
        "Beslutning fra Teknik- og Miljøudvalget\n\nDato: 7. februar 2017\n\n"
        "Fraværende: Bo Lind\n\nGodkendt.\n\n"
        "22.    Vejbelysning i Nørreby\n\nSag 306-2016-1122\n\nÅbent\n\nSagsfremstilling\n\n"
        "Belysningen skal skiftes.\n\nBeslutning fra Teknik- og Miljøudvalget\n\n"
        "Dato: 7. februar 2017\n\nFraværende: Bo Lind\n\nGodkendt.\n"
    )
    assert (document.meeting.committee, document.meeting.date) == (
        "Teknik- og Miljøudvalget",
        dt.date(2017, 2, 7),
    )
    extractions = extract_meeting_items(document.meeting, document.items)
    assert [[d.outcome for d in e.decisions] for e in extractions] == [["approved"], ["approved"]]


def test_a_numbered_title_with_its_case_number_under_it_in_a_referat_is_an_item():
    document = parse_text(
        "Referat for Byrådet møde den 12. august 2019\n\nMøde:\nByrådet\n\n"
        "Fraværende:\nAne Holm\nBo Lind\n\nÅBNE SAGER\n\n"
        "205. Ansættelse af ny kommunaldirektør\n\nSagsnr.: 2019-010736\n\n"
        "Præsentation:\n\nDer skal ansættes en ny kommunaldirektør.\n"
    )
    assert document.kind is DocumentKind.MINUTES
    assert [(i.number, i.case_numbers) for i in document.items] == [(205, ("2019-010736",))]
    assert document.meeting.absent == ("Ane Holm", "Bo Lind")


TRANSCRIPT_TITLED = """Vejle Kommune Teknik- og Miljøudvalget Referat Mødedato: 3. marts 2016
Størrelse: px
Download "Teknik- og Miljøudvalget Referat"
Transkript
1 Mødedo: 3. marts 2016 Mødelokale: 121 Starttidspunkt for møde: 15:00 Fraværende: Ingen
2 Indholdsfortegnelse Pkt. Tekst Side 1 Orientering fra formanden 3 2 Nye cykelstier 4
3 Teknik- og Miljøudvalget Side: 3 1. Orientering fra formanden G Sagsfremstilling Formanden orienterede om vejarbejdet. Beslutning Taget til efterretning.
4 Teknik- og Miljøudvalget Side: 4 2. Nye cykelstier langs Ringvejen P Sagsfremstilling Forvaltningen har undersøgt to linjeføringer. Fraværende: Bo Lind, Ane Holm. Til behandling forelå: linjeføring A. Beslutning Godkendt.
"""


def test_a_transcript_with_a_title_line_type_letters_and_a_running_header():
    from nlp.extract import extract_meeting_items

    document = parse_text(TRANSCRIPT_TITLED)
    assert (document.meeting.committee, document.meeting.date) == (
        "Teknik- og Miljøudvalget",
        dt.date(2016, 3, 3),
    )
    assert [(i.number, i.title) for i in document.items] == [
        (1, "Orientering fra formanden"),
        (2, "Nye cykelstier langs Ringvejen"),
    ]
    extractions = extract_meeting_items(document.meeting, document.items)
    assert [[d.outcome for d in e.decisions] for e in extractions] == [["noted"], ["approved"]]


UNDATED_TRANSCRIPT = """Økonomiudvalget Åben beslutningsprotokol
Størrelse: px
Download "Økonomiudvalget Åben beslutningsprotokol"
Transkript
1 Åben beslutningsprotokol kl. 10:00 Lokale 12, Rådhuset Afbud: Lene Dahl, Bo Kirk
2 Indholdsfortegnelse Side Salg af grund på Chr. 8. Vej 7 Ny legeplads i Nørreparken
3 Salg af grund på Chr. 8. Vej 7 Sagsnr.: 07/2153 Sagsansvarlig: HBA Fraværende: Afbud: Sagens formål Salg af en grund på Chr. 8. Vej 7. Sagsbeskrivelse Kommunen ejer grunden.
4 Ny legeplads i Nørreparken Sagsnr.: 07/2288 Sagsansvarlig: KLN Fraværende: Afbud: Sagens formål Ny legeplads til Nørreparken. Sagsbeskrivelse Den gamle legeplads er slidt.
"""


def test_an_undated_transcript_is_minutes_of_its_body_with_items_at_their_case_lines():
    """A document site's transcript that lost every digit of its date is still minutes: the
    meeting has its body and no date, two such meetings get ids of their own, and "Chr. 8.
    Vej" inside a title is no item number."""
    from ingest.serialize import meeting_to_dict

    document = parse_text(UNDATED_TRANSCRIPT)
    assert document.kind is DocumentKind.MINUTES
    meeting = document.meeting
    assert (meeting.committee, meeting.date, meeting.absent) == (
        "Økonomiudvalget",
        None,
        ("Lene Dahl", "Bo Kirk"),
    )
    assert "mødets dato blev ikke fundet" in document.warnings
    assert [(i.title, i.case_numbers) for i in document.items] == [
        ("Salg af grund på Chr. 8. Vej 7", ("07/2153",)),
        ("Ny legeplads i Nørreparken", ("07/2288",)),
    ]
    kinds = [s.kind for s in document.items[0].sections]
    assert kinds[-2:] == [SectionKind.RESUME, SectionKind.CASE]
    assert meeting_to_dict(meeting)["date"] is None
    other = parse_text(UNDATED_TRANSCRIPT.replace("Lene Dahl", "Lene Dal"))
    assert other.meeting.id != meeting.id
    assert document.item_id(document.items[0]) != other.item_id(other.items[0])
    assert meeting.id.startswith("udateret-") and meeting.id.endswith("-oekonomiudvalget")


INFORMAL_RECORD = """Fremmødte: Knud Lund, Eva Holm, Per Berg, Ane Friis.

Afbud: Tove Kjær.

1.Godkendelse af dagsorden

Godkendt.

2.Valg af formand

Knud Lund blev genvalgt.

3.Orientering om naturplanen v/ Eva Holm

Eva præsenterede planens tre indsatsområder.

4.Eventuelt

Intet.
"""


def test_a_plain_numbered_record_without_section_headings_is_minutes():
    from nlp.extract import extract_meeting_items

    document = parse_text(INFORMAL_RECORD)
    assert document.kind is DocumentKind.MINUTES
    assert [(i.number, i.title) for i in document.items] == [
        (1, "Godkendelse af dagsorden"),
        (2, "Valg af formand"),
        (3, "Orientering om naturplanen v/ Eva Holm"),
        (4, "Eventuelt"),
    ]
    extractions = extract_meeting_items(document.meeting, document.items)
    assert [[d.outcome for d in e.decisions] for e in extractions][:3] == [
        ["approved"],
        ["decided"],
        ["information"],
    ]


def test_a_numbered_report_without_attendance_or_agenda_items_is_not_minutes():
    report = "\n\n".join(
        f"{n}.{title}\n\nTeksten om {title.lower()} fortsætter her med flere sætninger."
        for n, title in enumerate(["Indledning", "Baggrund", "Analyse", "Anbefalinger"], start=1)
    )
    assert parse_text(report).kind is DocumentKind.OTHER


def test_a_body_and_referat_title_line_and_a_cut_case_number():
    document = parse_text(
        "Erhvervsudvalget. Referat. Anne Lund, Bo Holm\n\n"
        "Erhvervsudvalget Referat Dato 04. juni 2015 Mødetidspunkt 15:00 Sted Rådhuset\n\n"
        "Bo Holm var fraværende til punkt 1 og 2.\n\n"
        "Godkendelse af dagsorden\n\n"
        "Sagsnr.: 14/ Område: Sekretariatet - Sagsbeh: Gitte Nielsen\n\n"
        "Indstilling\n\nAdministrationen indstiller, at dagsordenen godkendes.\n\n"
        "Beslutning\n\nGodkendt.\n\n"
        "Orientering fra formanden\n\n"
        "Sagsnr.: 14/ Område: Sekretariatet - Sagsbeh: Gitte Nielsen\n\n"
        "Sagsfremstilling\n\nFormanden orienterer om diverse emner.\n\n"
        "Beslutning\n\nTaget til efterretning.\n"
    )
    assert (document.meeting.committee, document.meeting.date) == (
        "Erhvervsudvalget",
        dt.date(2015, 6, 4),
    )
    assert document.meeting.absent == ()  # away from two items only, not from the meeting
    assert [(i.title, i.case_numbers) for i in document.items] == [
        ("Godkendelse af dagsorden", ()),
        ("Orientering fra formanden", ()),
    ]


def test_a_transcript_dated_only_by_its_download_title():
    """Document sites strip digits from the page text but quote the title whole in the link."""
    document = parse_text(
        "Byrådet REFERAT. Mødedato: Torsdag den\n"
        "Størrelse: px\n"
        'Download "Byrådet REFERAT. Mødedato: Torsdag den 27-03-2008"\n'
        "Transkript\n"
        "1 REFERAT Byrådet Mødedato: Torsdag den Mødested: Byrådssalen Starttidspunkt: Kl. 17:00\n"
        "2 1. Godkendelse af dagsorden Sagsnr.: 08/1201 Beslutning Byrådet den Godkendt.\n"
    )
    assert (document.meeting.committee, document.meeting.date) == ("Byrådet", dt.date(2008, 3, 27))
    assert [(i.number, i.title) for i in document.items] == [(1, "Godkendelse af dagsorden")]


def test_a_summary_record_with_each_outcome_straight_under_its_numbered_title():
    document = parse_text(
        "Referat for møde i Byrådet, 12. marts 2014\n\n"
        "Fraværende: Lone Berg\n\n"
        "1. Budgetopfølgning pr. 1. februar\n"
        "Vedtaget i overensstemmelse med Magistratens indstilling af 3. marts 2014.\n\n"
        "2. Forslag fra Venstres byrådsgruppe om at kommunen undersøger mulighederne for at "
        "etablere flere pladser i dagplejen i de nye boligområder i den nordlige bydel og "
        "samtidig ser på mulighederne for at udvide åbningstiden i de eksisterende institutioner.\n\n"
        "Henvist til behandling i Børne- og Ungeudvalget.\n\n"
        "3. Ny parkeringsstrategi\n\n"
        "Vedtaget med de ændringer, der fremgår af udvalgets erklæring.\n"
        "Ændringsforslaget fra Enhedslisten blev forkastet med 28 stemmer imod og 2 for.\n\n"
        "4. Salg af byggegrunde i Østbyen\n"
    )
    assert document.kind is DocumentKind.MINUTES
    assert [i.number for i in document.items] == [1, 2, 3, 4]
    assert document.items[2].title == "Ny parkeringsstrategi"
    assert document.items[1].title.startswith("Forslag fra Venstres byrådsgruppe")
    assert document.items[0].sections[0].kind is SectionKind.DECISION
    assert document.items[0].sections[0].text.startswith("Vedtaget i overensstemmelse")
    assert document.meeting.absent == ("Lone Berg",)


def test_numbered_points_in_an_item_do_not_swallow_the_next_numbered_item():
    document = parse_text(
        "Kulturudvalget – Referat – 4. marts 2023\n\n"
        "1. Godkendelse af dagsorden (B)\n\nBeslutning\n\nAt 1: Godkendt.\n\n"
        "Indstilling\n\nDirektøren for Kultur indstiller,\n\n"
        "1. at Kulturudvalget godkender dagsordenen.\n\n"
        "2. Orientering om biblioteksplanen (O)\n\nBeslutning\n\nAt 1: Taget til orientering.\n\n"
        "Indstilling\n\nDirektøren for Kultur indstiller,\n\n"
        "1. at udvalget tager orienteringen til efterretning.\n\n"
        "3. Godkendelse af referat\n\nSagsnummer: 00.22.00-P35-3-23\n\n"
        "Beslutning\n\n1. Godkendt\n\n"
        "4. Meddelelser\n\nSagsnummer: 00.22.04-G01-8-23\n\n"
        "Beslutning\n\nUdvalget tog meddelelserne til efterretning.\n\n"
        "5. Lukket punkt\n\n"
        "6. Udviklingsplan for idrætsanlæg\n\nSagsnummer: 18.15.00-G01-1-23\n\n"
        "Beslutning\n\nGodkendt.\n"
    )
    items = document.items
    assert [(i.number, i.title) for i in items] == [
        (1, "Godkendelse af dagsorden (B)"),
        (2, "Orientering om biblioteksplanen (O)"),
        (3, "Godkendelse af referat"),
        (4, "Meddelelser"),
        (5, "Lukket punkt"),
        (6, "Udviklingsplan for idrætsanlæg"),
    ]
    decisions = [s.text for i in items for s in i.sections if s.kind is SectionKind.DECISION]
    assert "1. Godkendt" in decisions and not any("Meddelelser" in d for d in decisions)
    assert items[4].closed and items[4].case_numbers == ()
    assert items[5].case_numbers == ("18.15.00-G01-1-23",) and not items[5].closed


def test_items_an_ordered_list_export_printed_all_as_one_are_numbered_by_order():
    document = parse_text(
        "Referat fra Seniorrådets møde den 9. marts 2017 i Mødelokale 2\n\n"
        "Afbud: Karen Dahl.\n\n"
        " 1. Godkendelse af dagsorden\n\nReferat: Godkendt\n\n"
        " 1. Nyt fra formanden.\n\nReferat:\n\nFormanden har deltaget i et møde med borgmesteren.\n\n"
        " 1. Høring om værdighedspolitikken.\n\nUdkastet er sendt til rådet.\n\n"
        "Referat:\n\nRådet skriver et høringssvar.\n\n"
        " 1. Eventuelt\n\nReferat:\n\nIntet.\n"
    )
    assert document.kind is DocumentKind.MINUTES
    assert [(i.number, i.title) for i in document.items] == [
        (1, "Godkendelse af dagsorden"),
        (2, "Nyt fra formanden."),
        (3, "Høring om værdighedspolitikken."),
        (4, "Eventuelt"),
    ]
    assert UNNUMBERED_WARNING in document.warnings


def test_an_attachment_file_name_run_onto_an_item_title_is_not_title():
    document = parse_text(
        "Plan- og Miljøudvalget - 11-03-2015\n\n"
        "Dato: Onsdag den 11. marts 2015 Tid: Kl. 16:00\n\n"
        " • Punkt 1 Godkendelse af dagsorden\n\n"
        "  Beslutning i Plan- og Miljøudvalget den 11-03-2015\n\n  Godkendt.\n\n"
        " • Punkt 2 Vejplan 2016\n\n  vejplan_-_udkast_3.pdf\n\n"
        "  Beslutning i Plan- og Miljøudvalget den 11-03-2015\n\n  Godkendt.\n"
    )
    assert [i.title for i in document.items] == ["Godkendelse af dagsorden", "Vejplan 2016"]


def test_transcript_items_after_a_page_number_a_committee_in_capitals_or_before_their_points():
    document = parse_text(
        "Møde i Byrådet mandag den 24. april 2006\n\nStørrelse: px\n\nTranskript\n\n"
        "1 Møde i Byrådet mandag den 24. april 2006, Kl i Byrådssalen REFERAT INDHOLDSFORTEGNELSE "
        "1... Meddelelser Salg af jord ved Vestervej Ny affaldsordning 4 1. Meddelelser\n\n"
        "2 Byrådets møde 24. april 2006 Punkt 1: Der var ingen meddelelser. TEKNISK UDVALG "
        "2. Salg af jord ved Vestervej Teknikudvalget den 4. april 2006, pkt. 7 Resumé "
        "Kommunen ejer et areal ved Vestervej, som foreslås solgt til en nabo. Byrådets møde "
        "24. april 2006 Punkt 2: Godkendt.\n\n"
        "3 3. Ny affaldsordning a) Der indføres sortering af madaffald fra 1. januar. "
        "b) Ordningen evalueres efter et år. Byrådets møde 24. april 2006 Punkt 3: Godkendt.\n"
    )
    assert document.kind is DocumentKind.MINUTES
    assert (document.meeting.committee, document.meeting.date) == ("Byrådet", dt.date(2006, 4, 24))
    assert [(i.number, i.title) for i in document.items] == [
        (1, "Meddelelser"),
        (2, "Salg af jord ved Vestervej"),
        (3, "Ny affaldsordning"),
    ]
    decided = [
        [s.text for s in i.sections if s.kind is SectionKind.DECISION] for i in document.items
    ]
    assert decided[1] == ["Godkendt."] and decided[2] == ["Godkendt."]


def test_a_transcript_item_with_its_case_number_absences_attachments_and_inline_section():
    document = parse_text(
        "åbent møde for Miljøudvalgets møde den 12. maj 2010 kl. 15:00\n\nTranskript\n\n"
        "1 åbent møde for Miljøudvalgets møde den 12. maj 2010 kl. 15:00\n\n"
        "2 001. Status på vandplanerne Sagsnr.: 09/1234 Fraværende: Ole Lund, Eva Berg "
        "Bilag: 1234/10Åben Notat om vandplaner Sagsfremstilling Udvalget vedtog i 2009 at følge "
        "arbejdet med vandplanerne tæt. Beslutning Taget til efterretning.\n\n"
        "3 002. Naturpleje i ådalen Sagsnr.: 09/2345 Sagsfremstilling Der er udarbejdet en plan. "
        "Beslutning Godkendt.\n"
    )
    assert document.kind is DocumentKind.MINUTES
    assert [(i.number, i.title, i.case_numbers) for i in document.items] == [
        (1, "Status på vandplanerne", ("09/1234",)),
        (2, "Naturpleje i ådalen", ("09/2345",)),
    ]
    from nlp.extract import extract_meeting_items

    absent = extract_meeting_items(document.meeting, document.items)[0].absences
    assert [a.name for a in absent] == ["Ole Lund", "Eva Berg"]


def test_unnumbered_titles_lose_their_case_type_letter_and_an_attachment_named_as_the_item():
    document = parse_text(
        "Økonomiudvalg Referat Møde 8. april 2014 kl. 08:00\n\n"
        "Ø Regnskab 2013\n\nSagsfremstilling\n\nRegnskabet forelægges til godkendelse.\n\n"
        "Bilag\n\nRegnskab 2013\n\nBeslutning\n\nGodkendt.\n\n"
        "P Budgetproces 2015\n\nSagsfremstilling\n\nTidsplanen for budgettet forelægges.\n\n"
        "Beslutning\n\nGodkendt.\n"
    )
    assert [i.title for i in document.items] == ["Regnskab 2013", "Budgetproces 2015"]
    assert [s.text for s in document.items[0].sections if s.kind is SectionKind.DECISION] == [
        "Godkendt."
    ]


def test_a_single_titled_item_that_opens_with_its_decision_under_the_pages_title():
    document = parse_text(
        "Vælg\n\nReferat Aarhus Byråd 14-03-2018\n\n"
        "    Ny plan for cykelparkering\n\n"
        "    Beslutning\n    Fremsendes til Teknisk Udvalg til videre behandling.\n"
        "    Resumé\n    Byrådet har bedt om en samlet plan for cykelparkering i midtbyen.\n"
        "    Indstilling\n    Det indstilles, at planen godkendes.\n"
        "    Sagens forløb\n    01-03-2018 Magistraten\n    Fremsendes til byrådet.\n"
    )
    assert document.kind is DocumentKind.MINUTES
    assert (document.meeting.committee, document.meeting.date) == (
        "Aarhus Byråd",
        dt.date(2018, 3, 14),
    )
    assert [i.title for i in document.items] == ["Ny plan for cykelparkering"]


def test_a_transcript_page_header_of_municipality_lost_labels_and_body_is_not_the_title():
    document = parse_text(
        "Miljøudvalget. Referat. Dato 3. maj 2012\n\nTranskript\n\n"
        "1 Miljøudvalget Referat Dato 3. maj 2012 Mødetidspunkt 15:00 Sted Rådhuset\n\n"
        "2 Indholdsfortegnelse Sag nr. Side 1. Orientering fra formanden Vandløbsregulativer\n\n"
        "3 Skovby Kommune Dato Side Miljøudvalget Orientering fra formanden Sagsnr.: 12/ "
        "Sagen afgøres i: Miljøudvalget Sagsfremstilling Formanden orienterer om diverse emner. "
        "Beslutning Taget til efterretning.\n"
    )
    assert document.kind is DocumentKind.MINUTES
    assert [i.title for i in document.items] == ["Orientering fra formanden"]


def test_an_item_title_that_opens_with_the_readings_ordinal():
    document = parse_text(
        "Referat\n\nByrådet\n\nMødedato: 18. september 2017\n\n"
        "1. Godkendelse af dagsorden\n\nSagsnr.: 17/5316\n\nBeslutning\n\nGodkendt.\n\n"
        "2. 1. behandling af budget 2018-2021\n\nSagsnr.: 17/62363\n\n"
        "Beslutningstema\n\nByrådet skal 1. behandle budgettet.\n\n"
        "Beslutning\n\nOversendt til 2. behandling.\n"
    )
    assert [(i.number, i.title) for i in document.items] == [
        (1, "Godkendelse af dagsorden"),
        (2, "1. behandling af budget 2018-2021"),
    ]


def test_an_item_heading_glued_to_the_contents_heading_or_to_a_contents_lines_year():
    document = parse_text(
        "Skoleudvalget - Referat\n\nDato: 4. marts 2019\nTidspunkt: Kl. 15:00\n\n"
        "Indholdsfortegnelse1. Godkendelse af dagsorden\n\n"
        "Sagsfremstilling\n\nDagsordenen forelægges.\n\nBeslutning\n\nGodkendt.\n\n"
        "2. Skolernes budget\n\nSagsfremstilling\n\nBudgettet forelægges.\n\n"
        "Beslutning\n\nGodkendt.\n"
    )
    assert [(i.number, i.title) for i in document.items] == [
        (1, "Godkendelse af dagsorden"),
        (2, "Skolernes budget"),
    ]
    document = parse_text(
        "UDVALG\n\nMiljøudvalget\n\nMØDE\n\nReferat\n\nSTARTTIDSPUNKT\n\n03-05-2018 09:00:00\n\n"
        "PUNKTER\n\n21. Godkendelse af dagsorden den 3. maj 2018\n"
        "22. Orientering den 3. maj 201821. Godkendelse af dagsorden den 3. maj 2018\n\n"
        "Indstilling\nDirektøren indstiller, at dagsordenen godkendes.\n\n"
        "Beslutning i Miljøudvalget den 03-05-2018\nGodkendt\n"
        "22. Orientering den 3. maj 2018\n\n"
        "Beslutning i Miljøudvalget den 03-05-2018\nTaget til efterretning\n"
    )
    assert [(i.number, i.title) for i in document.items] == [
        (21, "Godkendelse af dagsorden den 3. maj 2018"),
        (22, "Orientering den 3. maj 2018"),
    ]


def test_an_empty_tab_label_heading_before_the_next_items_number_does_not_swallow_it():
    document = parse_text(
        "UDVALG\n\nSkoleudvalget\n\nMØDE\n\nReferat\n\nSTARTTIDSPUNKT\n\n12-09-2017 15:00:00\n\n"
        "PUNKTER\n\n7. Godkendelse af dagsorden\n8. Budget for skolerne\n\n\n"
        "7. Godkendelse af dagsorden\n\nIndstilling\n\nDirektøren indstiller, at:\n\n"
        "  1. dagsordenen godkendes.\n\n"
        "Beslutning i Skoleudvalget den 12-09-2017\n \nGodkendt.\n \n \n\n"
        "Referat\nSagsfremstilling\n\n\n\n"
        "8. Budget for skolerne\n\nIndstilling\n\nDirektøren indstiller, at:\n\n"
        "  1. budgettet godkendes.\n\n"
        "Beslutning i Skoleudvalget den 12-09-2017\n \nGodkendt.\n"
    )
    assert [(i.number, i.title) for i in document.items] == [
        (7, "Godkendelse af dagsorden"),
        (8, "Budget for skolerne"),
    ]
    # A list that opens a section from 1 is still the section's points, not items.
    document = parse_text(
        "Referat\n\nSkoleudvalget\n\nMødedato: 12. september 2017\n\n"
        "4. Skolernes ferieplan\n\nSagsfremstilling\n\nFerieplanen forelægges.\n\n"
        "Beslutning\n\n1. Ferieplanen godkendt\n\n2. Ny plan til næste møde\n\n"
        "5. Eventuelt\n\nBeslutning\n\nIntet.\n"
    )
    assert [(i.number, i.title) for i in document.items] == [
        (4, "Skolernes ferieplan"),
        (5, "Eventuelt"),
    ]


def test_a_case_section_after_the_decision_stays_in_its_item_where_items_open_with_a_resume():
    document = parse_text(
        "Referat\n\nonsdag den 6. marts 2019 kl. 15:00\n\n"
        "Mødested Rådhuset\nUdvalg Kulturudvalget\nFraværende Anne Holm\n\n"
        "Resume\nUdvalget orienteres om budgetprocessen.\n"
        "Indstilling\nDirektøren indstiller, at orienteringen tages til efterretning.\n"
        "Beslutning i Kulturudvalget den 06-03-2019\nTaget til efterretning.\n"
        "Fraværende:\nAnne Holm\n"
        "Sagsfremstilling\nHistorik\nByrådet vedtog processen i januar.\n"
        "Beskrivelse\nProcessen løber frem til september, hvor budgettet vedtages.\n\n"
        "Resume\nUdvalget skal vedtage en ny biblioteksplan.\n"
        "Indstilling\nDirektøren indstiller, at planen godkendes.\n"
        "Beslutning i Kulturudvalget den 06-03-2019\nGodkendt.\n"
        "Sagsfremstilling\nPlanen er udarbejdet med bibliotekerne.\n"
    )
    assert len(document.items) == 2
    assert "Anne Holm" not in [i.title for i in document.items]
    decisions = [
        [s.text for s in i.sections if s.kind is SectionKind.DECISION] for i in document.items
    ]
    assert [d[0].split("\n")[0] for d in decisions] == ["Taget til efterretning.", "Godkendt."]
    assert any("september" in s.text for s in document.items[0].sections)
    assert SectionKind.CASE in [s.kind for s in document.items[0].sections]


def test_the_meeting_room_under_the_date_line_is_not_the_first_untitled_items_title():
    document = parse_text(
        "Referat\nKulturudvalget tirsdag den 9. maj 2017 kl. 17:00\n\nMødelokale 3 B\n\n"
        "Resume\n\nUdvalget orienteres om sommerens arrangementer.\n\n"
        "Indstilling\n\nDirektøren indstiller, at orienteringen tages til efterretning.\n\n"
        "Beslutning\n\nTaget til efterretning.\n\n"
        "Mødesteder for foreningerne\n\nResume\n\nUdvalget skal udpege et medlem.\n\n"
        "Beslutning\n\nGodkendt.\n"
    )
    assert [i.title for i in document.items] == ["(uden titel)", "Mødesteder for foreningerne"]


def test_transcript_items_headed_sag_nr_on_each_page_with_an_inline_legal_basis_label():
    document = parse_text(
        "Teknikudvalget\n\nTranskript\n\n"
        "1 Teknikudvalget Referat fra møde Onsdag den 8. februar 2012 kl i Rådhuset "
        "MØDEDELTAGERE Anne Holm (A) Bo Berg (V) 1 / 12\n\n"
        "2 Indhold ÅBENT MØDE Sag nr. 1 Sag nr. 2 Vejplan 2012 Cykelstier Sag nr. 3 "
        "Meddelelser 2 / 12\n\n"
        "3 Sag nr. 1 Vejplan 2012 Lovgrundlag: Vejloven Sagsfremstilling: Forvaltningen har "
        "udarbejdet en plan for vejene. Beslutning: Godkendt. 3 / 12\n\n"
        "4 Sag nr. 2 Cykelstier Lovgrundlag: Vejloven Sagsfremstilling: Der foreslås nye "
        "cykelstier langs skolevejene. 4 / 12\n\n"
        "5 Stierne anlægges i 2013 og 2014, når budgettet er vedtaget. 5 / 12\n\n"
        "6 Beslutning: Godkendt. 6 / 12\n"
    )
    assert [(i.number, i.title) for i in document.items] == [
        (1, "Vejplan 2012"),
        (2, "Cykelstier"),
    ]


def test_a_numbered_record_whose_titles_end_in_a_full_stop_keeps_every_number():
    document = parse_text(
        "Referat fra Seniorrådsmøde torsdag den 9. marts 2023 kl. 10.00\n\n"
        "Til stede: Karen Holm, Ib Lund, Poul Berg.\n\n"
        " 1. Godkendelse af dagsorden\n  Godkendt.\n"
        " 2. Trafikplanen.\n  Rådet afventer svar fra forvaltningen.\n"
        " 3. Budget 2024\n  Rådet sender et høringssvar.\n"
        " 4. Nyt medlem.\n  Karen Holm bød velkommen.\n"
        " 5. Eventuelt\n  Intet.\n"
    )
    assert document.kind is DocumentKind.MINUTES
    assert [(i.number, i.title) for i in document.items] == [
        (1, "Godkendelse af dagsorden"),
        (2, "Trafikplanen."),
        (3, "Budget 2024"),
        (4, "Nyt medlem."),
        (5, "Eventuelt"),
    ]


def test_a_list_inside_an_item_does_not_fill_a_gap_in_the_numbering():
    document = parse_text(
        "Referat fra Seniorrådsmøde torsdag den 9. marts 2023 kl. 10.00\n\n"
        "Til stede: Karen Holm, Ib Lund.\n\n"
        " 1. Godkendelse af dagsorden\n  Godkendt. Rådet noterede:\n"
        " 1. Bussen kører.\n 2. Toget kører.\n  Det var det.\n"
        " 3. Eventuelt\n  Intet.\n"
    )
    assert (2, "Toget kører.") not in [(i.number, i.title) for i in document.items]


def test_a_page_without_a_header_is_dated_by_its_bodys_meeting_line_over_each_decision():
    document = parse_text(
        "1.         Bemærkninger til dagsordenen\n\nÅbent\n\n"
        "Sagsnr.: 326-2010-57347       J.nr.: 00.01.00\n\n"
        "Integrationsudvalgets møde den 12. december 2011:\n\nIngen bemærkninger.\n\n"
        "2.         Tilskud til foreninger\n\nÅbent\n\n"
        "Sagsnr.: 326-2011-11603       J.nr.: 00.10.00\n\n"
        "Økonomiudvalgets møde den 1. december 2011:\n\nAnbefales.\n\n"
        "Integrationsudvalgets møde den 12. december 2011:\n\nGodkendt.\n"
    )
    from nlp.extract import extract_meeting_items

    assert document.kind is DocumentKind.MINUTES
    assert (document.meeting.committee, document.meeting.date) == (
        "Integrationsudvalget",
        dt.date(2011, 12, 12),
    )
    extractions = extract_meeting_items(document.meeting, document.items)
    assert [d.outcome for d in extractions[1].decisions] == ["approved"]
    assert [p.body for p in extractions[1].prior_decisions] == ["Økonomiudvalget"]


def test_glued_labels_a_term_after_the_body_and_absentees_named_with_their_organisation():
    document = parse_text(
        "Referat\n\nTirsdag d. 7 februar 2023, kl. 10:15\nMødestedRådssalen\nUdvalgSeniorråd\n\n"
        "Resume\n\nRådet skal godkende dagsordenen.\n\nBeslutning\n\nGodkendt.\n"
    )
    assert (document.meeting.committee, document.meeting.date) == (
        "Seniorråd",
        dt.date(2023, 2, 7),
    )
    assert document.meeting.place == "Rådssalen"
    document = parse_text(
        "27-02-2018 kl. 17:00\n\nMedlemmer\n\nBo Hilsted (A)\n\nAnne Lund (Idrætsrådet)\n\n"
        "Afbud\n\nKim Holm (B)\n\nEva Juul (Børne- og Ungdomsorganisationernes Samråd\n\n"
        "Ida Berg (Aftenskoleforeningen)\n\n"
        "Nr.1 - Godkendelse af dagsorden\n\n"
        "Beslutning i Folkeoplysningsudvalget (18-21) den 27-02-2018\n\nGodkendt.\n"
    )
    assert (document.meeting.committee, document.meeting.date) == (
        "Folkeoplysningsudvalget",
        dt.date(2018, 2, 27),
    )
    assert document.meeting.absent == ("Kim Holm", "Eva Juul", "Ida Berg")


def test_a_transcripts_decision_heading_that_lost_its_date_still_heads_the_decision():
    from nlp.extract import extract_meeting_items

    document = parse_text(
        "Referat fra møde i Idrætsudvalget onsdag den 21. maj 2008\n\nTranskript\n\n"
        "1 Referat fra møde i Idrætsudvalget onsdag den 21. maj 2008 Mødet startede kl. 19:00\n\n"
        "2 Side 2 1. Godkendelse af dagsorden Sagsnr.: 08/1377 Beslutning den Godkendt.\n\n"
        "3 Side 3 2. Tilskud til klubberne Sagsnr.: 08/3562 Resumé: Klubberne har søgt om "
        "tilskud til deres aktiviteter i 2008, og administrationen har vurderet ansøgningerne. "
        "Bilag: Beslutning i Idrætsudvalget den : Godkendt.\n"
    )
    assert [(i.number, i.title) for i in document.items] == [
        (1, "Godkendelse af dagsorden"),
        (2, "Tilskud til klubberne"),
    ]
    extractions = extract_meeting_items(document.meeting, document.items)
    assert [[d.outcome for d in e.decisions] for e in extractions] == [["approved"], ["approved"]]


def test_a_one_item_page_names_its_body_by_who_approves_the_agenda_and_who_stayed_away():
    from nlp.extract import extract_meeting_items

    document = parse_text(
        "2. Godkendelse af dagsorden ( )\n\nIndstilling\n\nFormanden indstiller,\n\n"
        "1. at Lokaludvalget godkender dagsordenen\n\nBeslutning\n\nDagsordenen blev godkendt.\n\n"
        "Fremmøde:\n\nAnne Holm havde meldt afbud.\n\nBo Dahl udeblev uden afbud.\n"
    )
    assert document.meeting.committee == "Lokaludvalget"
    assert [(i.number, i.title) for i in document.items] == [(2, "Godkendelse af dagsorden")]
    [extraction] = extract_meeting_items(document.meeting, document.items)
    assert sorted(a.name for a in extraction.absences) == ["Anne Holm", "Bo Dahl"]


def test_a_journal_number_in_brackets_after_the_title_is_the_items_case():
    document = parse_text(
        "Folkeoplysningsudvalget\n\nBESLUTNINGSPROTOKOL\n\nfra ordinært møde mandag den 16. juni 2008\n\n"
        "3. Meddelelser(FOU 35/2008)\n\nBESLUTNING\n\nTaget til efterretning.\n"
    )
    [item] = document.items
    assert (item.title, item.case_numbers) == ("Meddelelser", ("FOU 35/2008",))


def test_office_hours_nobody_came_to_inform():
    from nlp.extract import extract_meeting_items

    document = parse_text(
        "Referat\n\nFolkeoplysningsudvalget\n\n27-02-2018 kl. 17:00\n\n"
        "Nr.1 - Træffetid\n\nBeslutning\n\nIngen mødt.\n\n"
        "Nr.2 - Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n"
    )
    extractions = extract_meeting_items(document.meeting, document.items)
    assert [[d.outcome for d in e.decisions] for e in extractions] == [
        ["information"],
        ["approved"],
    ]


def test_a_decision_printed_before_the_case_description_ends_where_that_begins():
    from nlp.extract import extract_meeting_items

    document = parse_text(
        "Referat\n\nMandag d. 7 februar 2022, kl. 10:15\nMødestedRådssalen\nUdvalgÆldreråd\n\n"
        "Resume\n\nRådet skal godkende dagsordenen.\n\nBeslutning\n\nDagsordenen blev godkendt.\n\n"
        "Beskrivelse af sagen\n\nGodkendelse af dagsorden.\n\n"
        "Økonomiske konsekvenser og finansiering\n\nIkke relevant for sagen.\n"
    )
    [item] = document.items
    assert [s.kind for s in item.sections] == [
        SectionKind.RESUME,
        SectionKind.DECISION,
        SectionKind.CASE,
        SectionKind.ECONOMY,
    ]
    [extraction] = extract_meeting_items(document.meeting, document.items)
    assert [d.outcome for d in extraction.decisions] == ["approved"]


def test_a_contents_heading_run_into_item_one_in_a_plain_pdf():
    text = (
        "Byrådet - Referat\n\nDato: 29. januar 2020\nLokale: Byrådssalen\n\n"
        "Indholdsfortegnelse1. Fraværende\n\nSagsfremstilling\n\nDer er afbud fra Bo Dahl.\n\n"
        "Beslutning\n\nTaget til efterretning.\n\n"
        "2. Lokalplan for boligområde ved Møllebakken\n01.02G00 - 2017/27088\n\n"
        "Sagsfremstilling\n\nForslaget har været i høring.\n\nBeslutning\n\nGodkendt.\n"
    )
    for document in (parse_text(text), parse_bytes(plain_pdf(text), "referat.pdf")):
        assert [(i.number, i.title) for i in document.items] == [
            (1, "Fraværende"),
            (2, "Lokalplan for boligområde ved Møllebakken"),
        ]
        assert document.items[1].case_numbers[0] in ("01.02G00", "2017/27088")


def test_an_item_after_a_member_list_ending_in_a_comma_and_a_title_ending_in_an_abbreviation():
    document = parse_text(
        "Referat\n\nKulturudvalget 3. september 2018\n\nDeltagere\n\n"
        "Anne Holm (A),\nBo Dahl (O),\nCarl Berg (V),\n\n\n"
        "103. Godkendelse af dagsorden\n\nSagsnr.: 00.22.00-P35-32-17\n\n"
        "Beslutning\n\nGodkendt.\n\n"
        "104. Cirkulæreskrivelse, orienteringssager m.v.\n\n"
        "Sagsnr.: 00.01.00-G01-4-19 Sagsbehandler: Marie Jensen\n\n"
        "Beslutning\n\nTaget til efterretning.\n"
    )
    assert [(i.number, i.title, i.case_numbers) for i in document.items] == [
        (103, "Godkendelse af dagsorden", ("00.22.00-P35-32-17",)),
        (104, "Cirkulæreskrivelse, orienteringssager m.v.", ("00.01.00-G01-4-19",)),
    ]


def test_a_decision_field_that_says_only_ingen_or_a_dash_informs():
    from nlp.extract import extract_meeting_items

    document = parse_text(
        "Byrådet - Referat\n\nDato: 29. januar 2020\n\n"
        "1. Bemærkninger til dagsordenen\n\nBeslutning\n\nIngen.\n\n"
        "Bo Dahl og Anne Holm var fraværende.\n\n"
        "2. Meddelelser fra borgmesteren\n\nBeslutning\n\n-\n\n"
        "3. Godkendelse af referat\n\nBeslutning\n\nGodkendt.\n"
    )
    extractions = extract_meeting_items(document.meeting, document.items)
    assert [[d.outcome for d in e.decisions] for e in extractions] == [
        ["information"],
        ["information"],
        ["approved"],
    ]


def test_a_page_named_only_by_the_body_that_acts_and_a_dated_heading_with_a_comma():
    document = parse_text(
        "Mødedato: 29.01.2014, kl. 18:30\nMødested: Beboerhuset\n\n"
        "Eventuelt\n\nBeslutning\n\nLokaludvalget drøftede behovet for nye arbejdsgrupper.\n"
    )
    assert (document.meeting.committee, document.meeting.date) == (
        "Lokaludvalget",
        dt.date(2014, 1, 29),
    )
    from ingest.sections import dated_decision

    assert dated_decision("Fritids-, Kultur- og Forebyggelsesudvalget, d. 14. august 2013:") == (
        dated_decision("Fritids-, Kultur- og Forebyggelsesudvalget den 14. august 2013:")
    )


def test_portal_items_titled_under_their_case_line_and_an_end_time_that_is_no_title():
    document = parse_text(
        "Udvalg: Teknik- og Miljøudvalget\nMødedato: 6. november 2017\n\nDagsordenpunkter\n\n"
        "Sagsnr.: 05.00.00-A00-2-17 Sagsbehandler: Lene Holm\n\n"
        "Orientering om cykelprojektet\n\nSagsresume\n\nProjektet er i gang.\n\n"
        "Beslutning\n\nSagen taget til orientering.\n\n"
        "Sagsnr.: 01.02.03-P20-1-17 Sagsbehandler: Bo Dahl\n\n"
        "Mødekalender 2018\n\nSagsresume\n\nUdvalget skal fastlægge møderne.\n\n"
        "Beslutning\n\nGodkendt.\n\nMødet sluttede kl. 11.15\n"
    )
    assert [i.title for i in document.items] == [
        "Orientering om cykelprojektet",
        "Mødekalender 2018",
    ]


def test_question_time_owned_by_the_council_and_a_list_of_topics_inform():
    from nlp.extract import extract_meeting_items

    document = parse_text(
        "Referat\n\nByrådet\n\n26. juni 2019\n\n"
        "358. Byrådets spørgetid 26/6-2019\n\nBeslutning\n\n"
        "Anne Holm stillede spørgsmål om busserne. Der sendes skriftligt svar.\n\n"
        "359. Kommende møder\n\nBeslutning\n\n- Dialogmøde med BUPL den 27. marts 2023\n\n"
        "- Dialogforum med skolerne den 16. marts 2023\n"
    )
    extractions = extract_meeting_items(document.meeting, document.items)
    assert [[d.outcome for d in e.decisions] for e in extractions] == [
        ["information"],
        ["information"],
    ]


def test_a_transcript_with_an_empty_page_and_items_known_by_their_open_marker():
    document = parse_text(
        'Referat Seniorrådet\n\nDownload "Referat Seniorrådet"\n\nTranskript\n\n'
        "1 Referat Seniorrådet Mødedato: Mandag den 23. november 2015 Mødetidspunkt: Kl. 8:00 "
        "Medlemmer: Anne Holm (C) Bo Dahl (O) Fraværende: Bo Dahl Sagsoversigt Side "
        "Godkendelse af dagsorden Trafikplan Indholdsfortegnelse 19. juni 2008\n\n2\n\n"
        "3 Seniorrådet Mødedato Side Godkendelse af dagsorden Åben sag Sagsnr.: Sagen afgøres i: "
        "Seniorrådet Indstilling Formandsskabet indstiller: At dagsordenen godkendes "
        "Beslutninger Seniorrådet den Dagsordenen godkendt.\n\n"
        "4 Seniorrådet Mødedato Side Trafikplan Åben sag Sagsnr.: Sagen afgøres i: Seniorrådet "
        "Indstilling Formandsskabet indstiller: At planen tages til efterretning "
        "Beslutninger Seniorrådet den Taget til efterretning.\n"
    )
    from nlp.extract import extract_meeting_items

    assert document.meeting.date == dt.date(2015, 11, 23)
    assert [i.title for i in document.items] == ["Godkendelse af dagsorden", "Trafikplan"]
    extractions = extract_meeting_items(document.meeting, document.items)
    assert [[d.outcome for d in e.decisions] for e in extractions] == [["approved"], ["noted"]]


def test_a_portal_member_list_marked_deltog_or_afbud_with_notes_under_a_member():
    document = parse_text(
        "Kommunalbestyrelsen\n\n26.08.2019 kl. 18:00\nRådhuset\n\nDeltagere\n"
        "  • Jesper Holm (A) (borgmester) - Deltog\n  • Birgitte Dahl (O) - Deltog\n"
        "  • Deltog ikke under punkterne 20-21\n  • Özcan Kizil (A) - Deltog\n"
        "AFBUD/FRAVÆRENDE\n  • Michael Jensen (O) - Afbud\n\n"
        "1. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n"
    )
    assert document.meeting.participants[:3] == ("Jesper Holm", "Birgitte Dahl", "Özcan Kizil")
    assert document.meeting.absent == ("Michael Jensen",)


def test_bulleted_items_with_a_file_icon_glued_on_and_a_follow_ups_ordinal_in_the_title():
    document = parse_text(
        "Referat\n\n  • 423. Dagsorden - Godkendelse\n\n    Resume\n\n    Godkendelse af dagsorden.\n\n"
        "    Beslutning\n\n    Godkendt.\n\n  • 424. Spildevandsplan, tillæg 1 - Godkendelse\n"
        "    application/pdf icon forslag_-_tillaeg_1_0.pdfapplication/pdf icon bilag_iv_0.pdf\n\n"
        "    Resume\n\n    Tillægget skal i høring.\n\n    Beslutning\n\n    Anbefales.\n\n"
        "  • 425. 1. Budgetopfølgning 2017 - Kulturudvalget\n\n    Resume\n\n    Status.\n\n"
        "    Beslutning\n\n    Taget til efterretning.\n"
    )
    assert [(i.number, i.title) for i in document.items] == [
        (423, "Dagsorden - Godkendelse"),
        (424, "Spildevandsplan, tillæg 1 - Godkendelse"),
        (425, "1. Budgetopfølgning 2017 - Kulturudvalget"),
    ]


def test_a_decision_heading_of_a_committee_whose_name_has_commas():
    from ingest.sections import dated_decision

    found = dated_decision("Udvalget for Vækst, Erhverv og Globalisering, 10-03-2017, pkt. 12")
    assert (found.body, found.date) == (
        "Udvalget for Vækst, Erhverv og Globalisering",
        dt.date(2017, 3, 10),
    )


def test_a_decision_line_about_another_item_is_not_that_items_heading():
    document = parse_text(
        "UDVALG\nByrådet\nSTARTTIDSPUNKT\n03-04-2019 18:00:00\n\nPUNKTER\n"
        "356. Godkendelse af dagsorden\n357. Rengøringsløsning fra 2020\n\n"
        "356. Godkendelse af dagsorden\n\nBeslutning Byrådet den 03-04-2019\n\n"
        "Punkt 357 Rengøringsløsning fra 2020 udsættes.\n"
    )
    assert [(i.number, i.title) for i in document.items] == [(356, "Godkendelse af dagsorden")]


def test_a_small_councils_prose_minutes_under_an_agenda_label():
    document = parse_text(
        "Seniorrådsmøde – Referat 12. marts 2019\n\nData om mødet\n\n"
        "Dato:         12. marts 2019\nTid:            10.00-12.00\nSted:          Mødelokale 2.\n\n"
        "Mødedeltagere:\nAnna Berg (AB), Ole Lund (OL), Kim Sand (KS)\n\n"
        "Fra forvaltningen:\nefter aftale, ingen.\n\nDagsorden:\n"
        "1.    Godkendelse af dagsorden.\n\nDagsordenen blev godkendt med tilføjelse af pkt. 3.c.\n\n"
        "2.    Nyt fra formanden.\n\n  1. AB og OL deltog i dialogmødet mandag den 4. marts 2019.\n\n"
        "Der var enighed om at mødes igen efter sommerferien med forvaltningen.\n\n"
        "3.    Sager i høring.\n\na.    Kvalitetsstandard for madservice.\n\n"
        "Der blev besluttet et samlet høringssvar, som formanden sender i næste uge.\n"
    )
    assert [(i.number, i.title) for i in document.items] == [
        (1, "Godkendelse af dagsorden."),
        (2, "Nyt fra formanden."),
        (3, "Sager i høring."),
    ]
    assert document.meeting.start_time == "10:00"
    assert document.meeting.participants == ("Anna Berg", "Ole Lund", "Kim Sand")


def test_numbered_sentences_in_running_text_are_not_an_agenda():
    document = parse_text(
        "Referat\n\nKultur- og Fritidsudvalget\n\nMødedato: 2. april 2019\n\n"
        "1. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n\n"
        "2. Orientering\n\nBeslutning\n\nUdvalget noterede:\n\n1. Hallen åbner i maj.\n\n"
        "2. Budgettet holder.\n\nTaget til efterretning.\n"
    )
    assert [(i.number, i.title) for i in document.items] == [
        (1, "Godkendelse af dagsorden"),
        (2, "Orientering"),
    ]


def test_a_single_item_page_with_an_unheaded_resume_and_a_named_local_committee():
    document = parse_text(
        "Mødedato: 11.05.2023, kl. 18:30\nMødested: Kulturhuset, Enghavevej 8\n\n"
        "Referat og godkendelse af dagsordenen\n\n"
        "Vesterbro Lokaludvalg skal drøfte referatet af det seneste møde og godkende dagsordenen.\n\n"
        "Indstilling\n\nIndstilling om,\n\n  1. at Vesterbro Lokaludvalg drøfter referatet.\n\n"
        "Problemstilling\n\nLokaludvalget skal drøfte referatet samt godkende dagsordenen.\n\n"
        "Løsning\n\nReferat\n\nReferaterne drøftes. Eventuelle rettelser noteres.\n\n"
        "Økonomi\n\nIntet.\n\nBeslutning\n\n"
        "  1. Lokaludvalget udsatte drøftelsen af referatet.\n\n"
        "  2. Lokaludvalget godkendte dagsordenen for mødet.\n"
    )
    assert [i.title for i in document.items] == ["Referat og godkendelse af dagsordenen"]
    assert document.meeting.committee == "Vesterbro Lokaludvalg"
    (item,) = document.items
    assert [s.heading for s in item.sections if s.kind is SectionKind.DECISION] == ["Beslutning"]


def test_a_body_named_in_a_title_with_an_underscore_or_in_the_agenda_approval_with_a_comma():
    titled = parse_text(
        "Gå til hovedindhold\nHovedmenu\n  • Borger\n  • Politik\n\n"
        "Referat til mødet i Kommunalbestyrelsen_2018-21 den 16. november 2020 kl. 19:00 i "
        "Kommunalbestyrelsens mødesal\n\nPkt. 294 Forslag om en børnevenlig kommune\n\n"
        "Beslutning\n\nForslaget blev oversendt til børneudvalget.\n"
    )
    assert (titled.meeting.committee, titled.meeting.date) == (
        "Kommunalbestyrelsen",
        dt.date(2020, 11, 16),
    )
    approval = parse_text(
        "13. maj 2019\n\nDeltagere:\n\n • Esben Holm (V)\n • Kaj Berg (O)\n\n"
        "117. Godkendelse af dagsorden\n\nSagstema\n\n"
        "Godkendelse af dagsorden til dagens møde i Klima-, Miljø- og Teknikudvalget.\n\n"
        "Beslutning\n\nGodkendt.\n"
    )
    assert approval.meeting.committee == "Klima-, Miljø- og Teknikudvalget"


def test_a_meeting_time_labelled_moedetid():
    document = parse_text(
        "Referat\nSocialudvalget\nMødedato: Onsdag den 3. marts 2021\nMødetid: 16:00 - 18:30\n"
        "Mødested: Rådhuset\n\nPkt. 12 Godkendelse af dagsorden\n\nBeslutning\nGodkendt.\n"
    )
    assert (document.meeting.date, document.meeting.start_time) == (dt.date(2021, 3, 3), "16:00")


def test_a_record_that_never_names_its_body_keeps_its_date_and_attendance():
    document = parse_text(
        "Referat: 30. september 2025 kl. 08:30\nDeltagere\n- Niels Holm\n- Søren Bak\n"
        "- Hans Dal\nFraværende: Søren Bak\n\n1: Godkendelse af dagsorden\n\nBeslutning\n"
        "Godkendt.\n\n2: Salg af grund\n\nBeslutning\nGodkendt.\n\n3: Eventuelt\n\n"
        "Beslutning\nIntet.\n"
    )
    meeting = document.meeting
    assert (meeting.committee, meeting.date, meeting.start_time) == (
        "Ukendt udvalg",
        dt.date(2025, 9, 30),
        "08:30",
    )
    assert meeting.absent == ("Søren Bak",)


@pytest.mark.parametrize(
    "label",
    ["Sag {}", "Punkt nr. {} -", "§ {}", "Ad {})"],
)
def test_item_labels_of_small_councils_and_older_systems(label):
    document = parse_text(
        "Referat af mødet i Folkeoplysningsudvalget den 2. maj 2016 kl. 17.00\n\n"
        f"{label.format(1)} Godkendelse af dagsorden\n\nBeslutning: Godkendt.\n\n"
        f"{label.format(2)} Fordeling af lokaletilskud\n\nSag 306-2010-395\n\n"
        "Beslutning: Godkendt.\n\n"
        f"{label.format(3)} Eventuelt\n\nBeslutning: Intet.\n"
    )
    assert [(it.number, it.title) for it in document.items] == [
        (1, "Godkendelse af dagsorden"),
        (2, "Fordeling af lokaletilskud"),
        (3, "Eventuelt"),
    ]


def test_a_plain_record_whose_text_under_each_title_is_what_was_done():
    from nlp.extract import extract_meeting_items

    document = parse_text(
        "Handicaprådet\n\nMødereferat\nMødedato: Torsdag d. 9. februar 2017\nMødetid: 14:00-16:00\n\n"
        "Dagsordenspunkt 1 Godkendelse af referat\nGodkendt.\n\n"
        "Dagsordenspunkt 2 Tilgængelighed i idrætshaller\n"
        "Rådet drøftede sagen og ønsker en status på næste møde.\n"
    )
    assert document.kind == "minutes"
    assert [it.title for it in document.items] == [
        "Godkendelse af referat",
        "Tilgængelighed i idrætshaller",
    ]
    outcomes = [
        e.decisions[0].outcome for e in extract_meeting_items(document.meeting, document.items)
    ]
    assert outcomes[0] == "approved" and outcomes[1] is not None


def test_a_contents_list_of_tight_numbered_lines_before_the_items():
    document = parse_text(
        "Referat - Økonomiudvalget den 18. januar 2021\n\nIndholdsfortegnelse\n"
        "1 Meddelelser\n2 Budgetopfølgning\n3 Lukket punkt: Ejendomshandel\n"
        "1 Meddelelser\nBeslutning\nTaget til efterretning.\n\n"
        "2 Budgetopfølgning\nBeslutning\nAnbefales over for byrådet.\n\n"
        "3 Lukket punkt: Ejendomshandel\n"
    )
    assert [(it.number, it.title) for it in document.items] == [
        (1, "Meddelelser"),
        (2, "Budgetopfølgning"),
        (3, "Lukket punkt: Ejendomshandel"),
    ]


def test_the_cover_says_who_left_after_an_item_and_a_closed_mark_stays_out_of_the_title():
    from nlp.extract import extract_meeting_items

    document = parse_text(
        "Kommunalbestyrelsen\nBeslutningsprotokol fra ordinært møde\n"
        "Torsdag den 28. september 2023 kl. 18.00\n\n"
        "Afbud: Anne Holm (A)\n"
        "I stedet for Anne Holm deltog Gitte Bak (A).\n"
        "Carl Berg (F) forlod mødet kl. 20.15 efter behandlingen af punkt 120.\n\n"
        "119. Takstblad 2024\nBeslutning\nGodkendt.\n\n"
        "120. Salg af Skovvej 4\nLukket punkt\nBeslutning\nGodkendt.\n\n"
        "121. Spørgetid\nBeslutning\nIngen spørgsmål.\n"
    )
    assert [(it.title, it.closed) for it in document.items] == [
        ("Takstblad 2024", False),
        ("Salg af Skovvej 4", True),
        ("Spørgetid", False),
    ]
    extractions = extract_meeting_items(document.meeting, document.items)
    assert [sorted(a.name for a in e.absences) for e in extractions] == [
        ["Anne Holm"],
        ["Anne Holm"],
        ["Anne Holm", "Carl Berg"],
    ]
    assert [list(e.substitutes) for e in extractions] == [["Gitte Bak"]] * 3


def test_a_decision_label_with_its_text_on_the_same_line_and_a_part_heading_under_a_title():
    from nlp.extract import extract_meeting_items

    document = parse_text(
        "Referat fra Ældrerådets møde den 22. februar 2016 kl. 10.00\n\n"
        "A. Sager til afgørelse\n\n"
        "1. Godkendelse af referatet fra sidste møde\nA. Sager til afgørelse\nReferat: Godkendt\n\n"
        "2. Høringssvar om fortov\nReferat:\nÆldrerådet formulerer et høringssvar.\n\n"
        "3. Eventuelt\nReferat:\nIntet.\n"
    )
    assert [it.title for it in document.items] == [
        "Godkendelse af referatet fra sidste møde",
        "Høringssvar om fortov",
        "Eventuelt",
    ]
    first = extract_meeting_items(document.meeting, document.items)[0]
    assert [d.outcome for d in first.decisions] == ["approved"]


SMALL_COUNCIL = """Beboerrådet i Nordby
Referat af møde d. 5/3-2019 kl. 19.00
Deltagere: Anne Holm, Bo Dahl, Carl Berg
Afbud: Dorte Lund
§ 1 Godkendelse af dagsorden
Dagsordenen blev godkendt.
§ 2 Trafiksikkerhed på Skolevej
Rådet besluttede at rette henvendelse til kommunen om hastighedsdæmpning af trafikken.
§ 3 Eventuelt
Intet."""


def test_a_plain_pdf_keeps_a_field_line_and_a_title_apart_from_the_line_under_it():
    from nlp.extract import extract_meeting_items

    for document in (parse_text(SMALL_COUNCIL), parse_bytes(plain_pdf(SMALL_COUNCIL), "r.pdf")):
        assert document.meeting.absent == ("Dorte Lund",)
        assert [it.title for it in document.items] == [
            "Godkendelse af dagsorden",
            "Trafiksikkerhed på Skolevej",
            "Eventuelt",
        ]
        first = extract_meeting_items(document.meeting, document.items)[0]
        assert [d.outcome for d in first.decisions] == ["approved"]


def test_a_body_named_without_a_body_word_over_a_labelled_date():
    document = parse_text(
        "Referat\nTeknik & Miljø\nMødedato: 3/5 2022\n\n"
        "1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n\n2. Budget\nBeslutning\nGodkendt.\n"
    )
    assert (document.meeting.committee, document.meeting.date) == (
        "Teknik & Miljø",
        dt.date(2022, 5, 3),
    )


def test_remarks_that_say_who_sent_apologies_and_a_vedtagelse_heading():
    from nlp.extract import extract_meeting_items

    document = parse_text(
        "Beslutningsprotokol\n\nonsdag den 26. februar 2020 kl. 17:00\n\n"
        "Mødested: Byrådssalen\nUdvalg: Byrådet\nMedlemmer: Anne Holm, Bo Dahl, Eva Lund\n"
        "Bemærkninger: Der er afbud fra Bo Dahl og Eva Lund.\n\n"
        "1. Godkendelse af dagsorden\n\nSagsid.: 20/2001\n\nVedtagelse\n\nGodkendt.\n\n"
        "2. Udpegning til bestyrelsen\n\nSagsid.: 20/1734\n\nVedtagelse\n\nAnne Holm blev udpeget.\n"
    )
    assert document.meeting.absent == ("Bo Dahl", "Eva Lund")
    extractions = extract_meeting_items(document.meeting, document.items)
    assert [[d.outcome for d in e.decisions] for e in extractions] == [["approved"], ["decided"]]


def test_an_item_numbered_on_from_the_points_of_the_decision_before_it():
    document = parse_text(
        "Referat\nTeknik- og Bygningsudvalget tirsdag den 10. september 2024 kl. 16.30\n\n"
        "1. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n\n"
        "2. Ny affaldsordning\n\nSagsnr.: 24/11873\n\nBeslutning\n\n1. Godkendt.\n"
        "2. Godkendt, idet ordningen evalueres.\n\n"
        "3. Orientering om vejarbejder\n\nBeslutning\n\nTaget til efterretning.\n"
    )
    assert [it.title for it in document.items] == [
        "Godkendelse af dagsorden",
        "Ny affaldsordning",
        "Orientering om vejarbejder",
    ]


def test_an_open_mark_after_the_item_number_is_no_part_of_the_title():
    document = parse_text(
        "Referat fra møde i Økonomiudvalget\nMødedato 9. juni 2014\n\n"
        "1  Åbent         Lokalplan 360 for Strandvejen 101\n\nBeslutning\nAnbefales.\n\n"
        "2  Lukket        Køb af ejendom\n\nBeslutning\nGodkendt.\n\n"
        "3  Åbent         Meddelelser\n\nBeslutning\nTaget til efterretning.\n"
    )
    assert [(it.title, it.closed) for it in document.items] == [
        ("Lokalplan 360 for Strandvejen 101", False),
        ("Køb af ejendom", True),
        ("Meddelelser", False),
    ]


def test_a_local_committee_named_on_the_cover_and_who_left_during_an_item_in_brackets():
    from nlp.extract import extract_meeting_items

    document = parse_text(
        "Valby Lokaludvalg\n\nReferat af møde torsdag den 18. marts 2021 kl. 18.30\n\n"
        "1. Godkendelse af dagsorden\n\nIndstilling\n\nat lokaludvalget godkender dagsordenen.\n\n"
        "Beslutning\n\nDagsordenen blev godkendt.\n\n"
        "Fremmøde: Søren Bak forlod mødet kl. 20.40 (pkt. 3).\n\n"
        "2. Høringssvar\n\nBeslutning\n\nGodkendt.\n\n3. Puljeansøgning\n\nBeslutning\n\nGodkendt.\n"
    )
    assert document.meeting.committee == "Valby Lokaludvalg"
    extractions = extract_meeting_items(document.meeting, document.items)
    assert [[a.name for a in e.absences] for e in extractions] == [[], [], ["Søren Bak"]]


PROTOCOL = """Borgerrepræsentationen

BESLUTNINGSPROTOKOL

fra Ordinært møde torsdag den 7. marts 2019

Nr. 22           BR 88/19. Budgetregulering for Kultur- og Fritidsforvaltningen

Indstilling om, at Borgerrepræsentationen godkender budgetreguleringen.

Anne Holm (Ø) stillede følgende ændringsforslag til indstillingens 1. "at":

"Der afsættes yderligere 2 mio. kr. til biblioteker."

Ændringsforslaget blev forkastet med 9 stemmer imod 40.

For stemte: Ø og Å.

Imod stemte: A, B, C, F, O og V.

Indstillingen blev herefter vedtaget med 47 stemmer imod 0.

Nr. 23           BR 90/19. Salg af ejendommen Havnegade 12

Indstilling om, at Borgerrepræsentationen godkender salget.

Et af Bo Dahl (Ø) fremsat forslag om sagens tilbagevisning til Økonomiudvalget blev forkastet med 40 stemmer imod 9.

For stemte: Ø og Å.

Imod stemte: A, B, C, F, O og V.
"""


def test_a_protocol_with_a_moved_amendment_and_a_procedural_motion():
    from nlp.extract import extract_meeting_items

    document = parse_text(PROTOCOL)
    first, second = (e.to_json() for e in extract_meeting_items(document.meeting, document.items))
    assert [(d["outcome"], d["amendment"], d["author"]) for d in first["decisions"]] == [
        ("rejected", True, "Anne Holm"),
        ("approved", False, None),
    ]
    assert [(d["outcome"], d["vote"]) for d in second["decisions"]] == [("rejected", 0)]
    assert [(v["for"], v["against"], v["for_names"]) for v in second["votes"]] == [
        (9, 40, ["Ø", "Å"])
    ]


def test_points_after_a_dated_body_line_and_an_attendance_line_of_the_decision():
    from nlp.extract import extract_meeting_items

    document = parse_text(
        "Referat\nHandicaprådet\n\nMødedato: Mandag den 9. november 2020\n\n"
        "01. Godkendelse af dagsorden\n\nBeslutninger\nHandicaprådet den 09.11.2020\n"
        "Ikke til stede: Bo Dahl\nDagsordenen godkendt.\n\n"
        "02. Høring om ny handicappolitik\n\nBeslutninger\nHandicaprådet den 09.11.2020\n"
        "Ikke til stede: Bo Dahl\nAd 1. Drøftet.\nAd 2. Handicaprådet afgav høringssvar.\n"
    )
    second = extract_meeting_items(document.meeting, document.items)[1]
    assert [(d.point, d.outcome) for d in second.decisions] == [(1, "discussed"), (2, "decided")]


def test_a_cover_absence_list_that_names_the_cases_each_member_missed():
    from nlp.extract import extract_meeting_items

    document = parse_text(
        "Kommunalbestyrelsen\n\n27-10-2020\n\nFraværende\n\nBo Dahl (A), sag 140-142\n"
        "Eva Lund (Ø), sag 141\n\nSpørgetid\nSag nr. 140\n\nBeslutning\n\nTaget til efterretning.\n\n"
        "Lokalplan 150\nSag nr. 141 (ØU 160/2020)\n\nBeslutning\n\nGodkendt.\n\n"
        "Anlægsregnskab\nSag nr. 142\n\nBeslutning\n\nGodkendt.\n"
    )
    assert [it.number for it in document.items] == [140, 141, 142]
    extractions = extract_meeting_items(document.meeting, document.items)
    assert [sorted(a.name for a in e.absences) for e in extractions] == [
        ["Bo Dahl"],
        ["Bo Dahl", "Eva Lund"],
        ["Bo Dahl"],
    ]


def test_plain_numbered_protocol_items_after_an_item_with_headings():
    document = parse_text(
        "Borgerrepræsentationen\n\nMødedato: 15.11.2012, kl. 17:30\n\n"
        "1. Godkendelse af dagsordenen\n\nBeslutning\n\nDagsordenen blev godkendt.\n\n"
        "2. Budgetopfølgning 3. kvartal\n\nIndstillingen blev vedtaget uden afstemning.\n\n"
        "3. Medlemsforslag om gratis svømmehaller\n\nMedlemsforslaget blev forkastet.\n"
    )
    assert [it.title for it in document.items] == [
        "Godkendelse af dagsordenen",
        "Budgetopfølgning 3. kvartal",
        "Medlemsforslag om gratis svømmehaller",
    ]


def test_header_labels_without_a_colon():
    document = parse_text(
        "Handicaprådet\nOrdinært møde\nDato 24. september 2019\nTid 15:30\nSted Rådhuset, mødelokale 2\n"
        "Mødetidspunkt 15.30\n\n1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n\n"
        "2. Budget\nBeslutning\nGodkendt.\n"
    )
    meeting = document.meeting
    assert (meeting.date, meeting.start_time, meeting.place) == (
        dt.date(2019, 9, 24),
        "15:30",
        "Rådhuset, mødelokale 2",
    )


def test_a_text_exports_running_page_lines_stay_out_of_the_decisions():
    from nlp.extract import extract_meeting_items

    document = parse_text(
        "Referat\nHandicaprådet\nMødedato: Mandag den 9. november 2020\n\n"
        "Handicaprådet Mødedato 09.11.2020 Side 3\n\n01. Godkendelse af dagsorden\n\n"
        "Beslutning\nDagsordenen godkendt.\n\nHandicaprådet Mødedato 09.11.2020 Side 4\n\n"
        "02. Meddelelser\n\nBeslutning\nTaget til efterretning.\n"
    )
    first = extract_meeting_items(document.meeting, document.items)[0]
    assert [d.text for d in first.decisions] == ["Dagsordenen godkendt."]


def test_run_in_decisions_under_committee_coded_titles():
    from nlp.extract import extract_meeting_items

    document = parse_text(
        "Beslutninger fra mødet\nTorsdag 24.05.2007 kl. 8.15\nØkonomiudvalget\n\n"
        "Fraværende: Anne Holm (C).\n\n"
        "ØU-55/07-O Økonomisk orientering maj 2007\nOpgørelsen viser et mindreforbrug.\n"
        "Beslutning: Taget til efterretning.\n\n"
        "ØU-56/07-B Salg af Stationsvej 4\nDer er modtaget et bud på ejendommen.\n"
        "Beslutning: Anbefales.\n"
    )
    assert [(it.number, it.title) for it in document.items] == [
        (55, "Økonomisk orientering maj 2007"),
        (56, "Salg af Stationsvej 4"),
    ]
    extractions = extract_meeting_items(document.meeting, document.items)
    assert [[d.outcome for d in e.decisions] for e in extractions] == [["noted"], ["recommended"]]


@pytest.mark.parametrize(
    ("remark", "expected"),
    [
        (
            "Bemærkninger Bo Dahl deltog ikke i udvalgets behandling af sag nr. 2,3",
            [[], ["Bo Dahl"], ["Bo Dahl"]],
        ),
        (
            "Bemærkninger: Bo Dahl medvirkede ikke ved behandlingen af pkt. 2, idet han var inhabil. "
            "Anne Holm deltog ikke i den lukkede del af mødet.",
            [[], ["Bo Dahl"], ["Anne Holm"]],
        ),
    ],
)
def test_the_covers_remarks_on_who_missed_which_items(remark, expected):
    from nlp.extract import extract_meeting_items

    document = parse_text(
        "Referat\n\ntorsdag den 16. april 2015 kl. 16:00\n\nUdvalg Folkeoplysningsudvalget\n"
        "Mødedato: Torsdag den 16-04-2015\nStarttidspunkt: Kl. 17:00\nSluttidspunkt: Kl. 19:25\n"
        f"{remark}\n\n1. Meddelelser\n\nBeslutning\n\nTaget til efterretning.\n\n"
        "2. Tilskud til lokaler\n\nBeslutning\n\nGodkendt.\n\n"
        "3. Lukket: Personalesag\n\nBeslutning\n\nGodkendt.\n"
    )
    assert document.meeting.start_time == "17:00"
    extractions = extract_meeting_items(document.meeting, document.items)
    assert [sorted(a.name for a in e.absences) for e in extractions] == expected


def test_members_present_but_for_those_named_and_a_part_heading_before_item_one():
    document = parse_text(
        "Referat af mødet i Regionsrådet 14. november 2007 kl. 14:00\n\n"
        "Medlemmerne var mødt, bortset fra Anne Holm, Bo Dahl og Carla Friis, der havde meldt afbud.\n\n"
        "For åbne døre:\n\n1. Godkendelse af dagsorden\n\nBeslutning\n\nDagsordenen blev godkendt.\n\n"
        "2. Budget 2008\n\nBeslutning\n\nForslaget blev vedtaget.\n"
    )
    assert document.meeting.absent == ("Anne Holm", "Bo Dahl", "Carla Friis")
    assert [it.title for it in document.items] == ["Godkendelse af dagsorden", "Budget 2008"]


def test_member_lists_with_what_each_represents_and_a_date_glued_to_d():
    document = parse_text(
        "Referat fra møde i Integrationsrådet\nTorsdag d.10.09.15.\nTil stede:\n"
        "Anne Holm, Formand, udpeget af Kommunalbestyrelsen\nBo Dahl, etnisk repræsentant\n"
        "Carla Friis, Frivillignet\nAfbud:\nEva Lund, Oplysningsforbundene\nFinn Hald, etnisk repræsentant\n"
        "Pkt. 1\nGodkendelse af referat\nReferatet blev godkendt.\nPkt. 2\nEventuelt\nIntet.\n"
    )
    meeting = document.meeting
    assert meeting.date == dt.date(2015, 9, 10)
    assert meeting.participants == ("Anne Holm", "Bo Dahl", "Carla Friis")
    assert meeting.absent == ("Eva Lund", "Finn Hald")


def test_a_committee_named_over_its_weekday_line():
    document = parse_text(
        "Referat\nUdvalget for Teknik & Miljø\ntirsdag den 3. november 2015\n\n"
        "1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n\n2. Takster\nBeslutning\nAnbefales.\n"
    )
    assert document.meeting.committee == "Udvalget for Teknik & Miljø"


def test_a_journal_number_alone_under_the_title_is_the_items_case():
    document = parse_text(
        "Referat fra møde i Økonomiudvalget\nMødedato 9. juni 2014\n\n"
        "1  Åbent         Lokalplan 360\n\n014433-2014\n\nBeslutning\nAnbefales.\n\n"
        "2  Åbent         Budget\n\n2023-2026\n\nBeslutning\nGodkendt.\n"
    )
    assert [it.case_numbers for it in document.items] == [("014433-2014",), ()]


@pytest.mark.parametrize(
    ("line", "place"),
    [
        ("Kl. 16:00 i Mødelokale 2, Allerslev", "Mødelokale 2, Allerslev"),
        ("Mødelokale Tårnet, Rådhuset", "Mødelokale Tårnet, Rådhuset"),
    ],
)
def test_a_place_given_without_a_label(line, place):
    document = parse_text(
        f"Referat\nUdvalget for Teknik & Miljø\ntirsdag den 3. november 2015\n\n{line}\n\n"
        "1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n\n2. Takster\nBeslutning\nAnbefales.\n"
    )
    assert document.meeting.place == place


def test_decisions_headed_by_body_comma_date_lines():
    from nlp.extract import extract_meeting_items

    document = parse_text(
        "Byrådets møde 11.12.2018\n\nPunkt 214. Turismetillæg til Kommuneplan 2017\n\nSagsnr. 18-2210\n\n"
        "Økonomiudvalget, 04.12.2018\nAnbefales.\n\nByrådet, 11.12.2018\nGodkendt med 24 stemmer mod 3.\n\n"
        "Punkt 215. Takster 2019\n\nByrådet, 11.12.2018\nGodkendt.\n"
    )
    assert document.kind == "minutes"
    first, second = extract_meeting_items(document.meeting, document.items)
    assert [d.outcome for d in first.decisions] == ["approved"]
    assert [(p.body, p.outcomes) for p in first.prior_decisions] == [
        ("Økonomiudvalget", ("recommended",))
    ]
    assert [d.outcome for d in second.decisions] == ["approved"]


def test_a_case_reference_under_a_title_is_no_coded_title():
    document = parse_text(
        "Referat\nDet rådgivende Integrationsudvalg\nMødedato: 2. maj 2005\n\n"
        "1. Møde med Rådet for Etniske Minoriteter\nIU    1/2005  J.nr. IU 14/2005\n\nBeslutning\nMødet fandt sted.\n\n"
        "2. Integrationspolitik 2005-2009\nIU    2/2005  J.nr. IU 15/2005\n\nBeslutning\nTiltrådt.\n"
    )
    assert [it.title for it in document.items] == [
        "Møde med Rådet for Etniske Minoriteter",
        "Integrationspolitik 2005-2009",
    ]


def test_a_journal_number_after_the_title_is_the_items_case_not_its_title():
    document = parse_text(
        "Referat\nUdvalget for Kultur og Fritid\nTirsdag den 13-04-2010 Kl. 13:30\n\n"
        "1. Godkendelse af dagsorden 10/21001\nBeslutning i Udvalget for Kultur og Fritid den 13-04-2010:\n"
        "Godkendt.\n\n2. Budget 2019/2020\nBeslutning i Udvalget for Kultur og Fritid den 13-04-2010:\n"
        "Taget til efterretning.\n"
    )
    assert [(it.title, it.case_numbers) for it in document.items] == [
        ("Godkendelse af dagsorden", ("10/21001",)),
        ("Budget 2019/2020", ()),
    ]


def test_a_protocol_title_keeps_its_own_line_from_the_decision_and_the_proposal():
    document = parse_text(
        "Borgerrepræsentationen\nBESLUTNINGSPROTOKOL\nfra Ordinært møde torsdag den 31. maj 2007\n"
        "Nr. 24 BR 242/07. Medlemsforslag om koncerter på Rådhuset\nDet foreslås,\n"
        "1. at Rådhushallen stilles til rådighed for koncerter.\n(Stillet af Enhedslisten)\n"
        "Indstillingen blev forkastet med 39 stemmer imod 5.\n"
        "Nr. 28 BR 40/04. Aftale om salg\nIndstillingen blev godkendt med\n43 stemmer imod 5.\n"
    )
    assert [it.title for it in document.items] == [
        "Medlemsforslag om koncerter på Rådhuset",
        "Aftale om salg",
    ]
