"""Documents that look like minutes and are not (agendas of several systems), beside the minutes
of the same layout: the meeting's own decision written or left empty decides."""

from __future__ import annotations

import pytest

from ingest import parse_bytes
from nlp.extract import extract_meeting_items

_PORTAL_AGENDA = """Tønder Kommune

Mødedetaljer

Udvalg Dato Type
Byrådet 18-06-2025 17:00 Dagsorden

Punkt 80 Godkendelse af dagsorden
  • Indstilling

    Direktionen indstiller, at dagsordenen godkendes.

  • Beslutning

Punkt 81 Årsregnskab 2024
  • Resumé

    Regnskabet viser et overskud på 41,2 mio. kr.

  • Indstilling

    Direktionen indstiller, at regnskabet godkendes.

  • Beslutning i Økonomiudvalget den 09-06-2025

    Anbefales.

  • Beslutning

Punkt 82 Lokalplan 45 - Boliger ved Ribevej
  • Indstilling

    Direktionen indstiller, at forslaget sendes i høring.

  • Beslutning

    Vis video
"""

_PORTAL_MINUTES = (
    _PORTAL_AGENDA.replace("Dagsorden", "Referat")
    .replace("  • Beslutning\n\nPunkt 81", "  • Beslutning\n\n    Godkendt.\n\nPunkt 81")
    .replace("  • Beslutning\n\nPunkt 82", "  • Beslutning\n\n    Godkendt.\n\nPunkt 82")
    .replace("    Vis video", "    Godkendt.")
)

# (a document site's transcript of an agenda PDF: a page a line)
_RUN_ON_AGENDA = """ÅBEN DAGSORDEN Teknisk Udvalg. Mødedato: 3. februar 2025 Mødested: Rådhuset. Mødetidspunkt: 15:00. Mødet hævet:

Transkript

1 ÅBEN DAGSORDEN Teknisk Udvalg Mødedato: 3. februar 2025 Mødetidspunkt: 15:00 Deltagere: Ib Holm, Ane Lund, Per Berg Fraværende:

2 INDHOLDSFORTEGNELSE Sag nr.: Emne 1. Vintertjeneste 2025 ... 1 2. Salg af grund på Engvej ... 2 SIDE 1

3 1. VINTERTJENESTE 2025 Sagsnr. 25-101 ÅBENT INDSTILLING Forvaltningen indstiller, At regulativet godkendes. SAGSFREMSTILLING Regulativet er uændret. BESLUTNING SIDE 1

4 2. SALG AF GRUND PÅ ENGVEJ Sagsnr. 25-117 ÅBENT INDSTILLING Forvaltningen indstiller, At Teknisk Udvalg anbefaler Byrådet at sælge grunden for 850.000 kr. SAGSFREMSTILLING Grunden er udbudt. BESLUTNING SIDE 2
"""


def test_an_agenda_with_the_meetings_own_decision_headings_left_empty_is_not_minutes():
    agenda = parse_bytes(_PORTAL_AGENDA.encode(), "dagsorden.txt")
    assert agenda.kind.value == "other"
    minutes = parse_bytes(_PORTAL_MINUTES.encode(), "referat.txt")
    assert minutes.kind.value == "minutes"
    assert [i.number for i in minutes.items] == [80, 81, 82]


def test_a_run_on_agenda_titled_by_its_body_is_not_minutes():
    assert parse_bytes(_RUN_ON_AGENDA.encode(), "dagsorden.txt").kind.value == "other"


def test_minutes_with_one_decision_left_empty_stay_minutes():
    one_empty = _PORTAL_MINUTES.replace("    Godkendt.\n\nPunkt 82", "\nPunkt 82", 1)
    assert parse_bytes(one_empty.encode(), "referat.txt").kind.value == "minutes"


_CALENDAR = """Politiske møder

Mødekalender 2025

Mandag den 2. juni 2025 kl. 15:00
Børne- og Ungdomsudvalget
Mødested: Rådhuset
Dagsorden | Referat

Onsdag den 4. juni 2025 kl. 08:30
Teknisk Udvalg
Mødested: Rådhuset
Dagsorden | Referat

Onsdag den 25. juni 2025 kl. 17:00
Byrådet
Dagsorden
"""

_SUPPLEMENT = """Tillægsdagsorden

Byrådet
Dato: 28. maj 2025 kl. 17:00

Pkt. 121 Valg af nyt medlem til Børne- og Skoleudvalget

Resume
Et medlem er udtrådt af udvalget.

Indstilling
Borgmesteren indstiller, at udpegningen tages til efterretning.

Pkt. 122 Tillægsbevilling til oprydning efter skybrud

Resume
Skybruddet har beskadiget to daginstitutioner.

Indstilling
Forvaltningen indstiller, at der gives en tillægsbevilling på 3,9 mio. kr.
"""

# a portal's agenda: the table says what it is, no item has a decision heading
_AGENDA_TABLE = """<html><body>
<table><tr><th>Udvalg</th><th>Mødedato</th><th>Type</th></tr>
<tr><td>Byrådet</td><td>24-06-2025</td><td>Dagsorden</td></tr></table>
<h3>1. Godkendelse af dagsorden</h3><p>Sag 306-2025-1191<br>Åbent</p>
<h4>Indstilling</h4><p>Borgmesteren indstiller, at dagsordenen godkendes.</p>
<h3>2. Lejeaftale for sejlklubben</h3><p>Sag 306-2024-7730<br>Åbent</p>
<h4>Sagsfremstilling</h4><p>Lejeaftalen udløber 31. december 2025.</p>
<h4>Indstilling</h4><p>Administrationen indstiller, at lejeaftalen forlænges i 10 år.</p>
</body></html>"""

# a PDF agenda's text with each page's running head ("Byrådet 27. maj 2025" / "Side 3")
# right under the empty decision heading
_PAGED_AGENDA = """Byrådet
Indkaldelse til møde
Mødedato: Tirsdag den 27. maj 2025
Byrådet 27. maj 2025
Side 2
1. Godkendelse af dagsorden
Sagsnr.: 00.01.00-A00-3-25
Indstilling
Kommunaldirektøren indstiller, at dagsordenen godkendes.
BESLUTNING
Byrådet 27. maj 2025
Side 3
2. Regnskab 2024
Sagsnr.: 00.30.14-S55-1-25
Indstilling
Økonomiudvalget indstiller, at regnskabet godkendes.
BESLUTNING
Byrådet 27. maj 2025
Side 4
"""


def test_a_calendar_a_supplementary_agenda_and_agendas_without_decisions_are_not_minutes():
    for text, name in (
        (_CALENDAR, "kalender.txt"),
        (_SUPPLEMENT, "dagsorden.txt"),
        (_AGENDA_TABLE, "dagsorden.html"),
        (_PAGED_AGENDA, "dagsorden.txt"),
    ):
        assert parse_bytes(text.encode(), name).kind.value == "other", name


def test_the_same_paged_layout_with_decisions_is_minutes():
    minutes = _PAGED_AGENDA.replace("Indkaldelse til møde", "Referat").replace(
        "BESLUTNING\n", "BESLUTNING\nGodkendt.\n"
    )
    document = parse_bytes(minutes.encode(), "referat.txt")
    assert document.kind.value == "minutes"
    assert [s.text for it in document.items for s in it.sections if s.heading == "BESLUTNING"] == [
        "Godkendt.",
        "Godkendt.",
    ]


def test_items_each_under_the_meetings_lines_printed_again():
    """A council's web minutes: each item opens with the meeting's date and place printed
    again, its title under them, whatever comes next (a link, the proposal's text)."""
    head = "Mødedato: 11.12.2019, kl. 17:30\nMødested: Rådhusets mødesal\n\n"
    text = (
        head + "Godkendelse af dagsordenen\n\nSe alle bilag\n\nBeslutning\n\nDagsordenen blev "
        "godkendt.\n\nTil top\n\n" + head + "Medlemsforslag om grønne skolegårde\n\nDet foreslås,"
        "\n\n1. at der laves en plan.\n\nBeslutning\n\nMedlemsforslaget blev tiltrådt med 31 "
        "stemmer imod 16.\n\nTil top\n\n" + head + "Budget 2025 og overslagsårene 2026-2028\n\n"
        "Indstilling\n\nØkonomiforvaltningen indstiller, at budgettet vedtages.\n\nBeslutning\n\n"
        "Vedtaget.\n"
    )
    document = parse_bytes(text.encode("utf-8"), "referat.txt")
    assert document.kind.value == "minutes"
    assert [i.title for i in document.items] == [
        "Godkendelse af dagsordenen",
        "Medlemsforslag om grønne skolegårde",
        "Budget 2025 og overslagsårene 2026-2028",
    ]


# Minutes that look like the agendas above in one way each (found by a review of the rules).
_CLOSED_MAJORITY = (
    "Referat\nØkonomiudvalget\nMødedato: 10. juni 2025\n\nPunkt 1: Godkendelse af dagsorden\n"
    "Indstilling\nKommunaldirektøren indstiller, at dagsordenen godkendes.\nBeslutning\nGodkendt.\n\n"
    "Punkt 2: Lukket punkt: Køb af ejendom\nBeslutning\n\nPunkt 3: Lukket punkt: Personalesag\n"
    "Beslutning\n"
)
_ABSENCE_LABEL_UNDER_DECISION = (
    "Byrådet\nMødedato: 24. juni 2025\n\n1. Godkendelse af dagsorden\nIndstilling\nBorgmesteren "
    "indstiller, at dagsordenen godkendes.\nBeslutning\nFraværende:\nAnne Holm (V)\nGodkendt.\n\n"
    "2. Anlægsbevilling til cykelsti\nIndstilling\nForvaltningen indstiller, at der gives en "
    "bevilling.\nBeslutning\nFraværende:\nAnne Holm (V)\nGodkendt.\n\n3. Salg af grund\nIndstilling\n"
    "Forvaltningen indstiller, at grunden sælges.\nBeslutning\nGodkendt.\n"
)
_CONCLUSIONS = (
    "Handicaprådet\nMødedato: 5. februar 2025 kl. 15.00\nDeltagere: Inge Bach, Poul Lind\n"
    "Afbud: Bent Kjær\n\n12. Godkendelse af dagsorden\nSagsfremstilling\nDagsordenen er udsendt.\n"
    "Konklusion\nGodkendt.\n\n13. Høring om kvalitetsstandard\nSagsfremstilling\nStandarden er i "
    "høring.\nKonklusion\nRådet afgiver høringssvar som drøftet.\n"
)
_TITLED_PAGE = (
    "<html><head><title>Referat - Teknik- og Miljøudvalget 2. juni 2025</title></head><body>"
    "<h1>Teknik- og Miljøudvalget</h1><p>Mødedato: 2. juni 2025 kl. 15:00</p>"
    "<h2>45. Vintertjeneste 2025</h2><h3>Indstilling</h3><p>Forvaltningen indstiller, at "
    "regulativet godkendes.</p><h3>Udvalgets behandling</h3><p>Godkendt.</p>"
    "<h2>46. Salg af grund</h2><h3>Indstilling</h3><p>Forvaltningen indstiller, at grunden "
    "sælges.</p><h3>Udvalgets behandling</h3><p>Anbefales.</p></body></html>"
)
_SAME_DECISION_LINE = (
    "Referat\nØkonomiudvalget\nMødedato: 10. juni 2025\n\n1. Godkendelse af dagsorden\nIndstilling\n"
    "Dagsordenen godkendes.\nBeslutning i Økonomiudvalget den 10-06-2025: Godkendt.\n\n2. Salg af "
    "grund\nIndstilling\nGrunden sælges.\nBeslutning i Økonomiudvalget den 10-06-2025: Godkendt.\n"
)


@pytest.mark.parametrize(
    ("text", "name", "outcomes"),
    [
        (_CLOSED_MAJORITY, "referat.txt", [["approved"], ["closed"], ["closed"]]),
        (_ABSENCE_LABEL_UNDER_DECISION, "referat.txt", None),
        (_CONCLUSIONS, "referat.txt", [[], []]),
        (_TITLED_PAGE, "referat.html", [["approved"], ["recommended"]]),
        (_SAME_DECISION_LINE, "referat.txt", [["approved"], ["approved"]]),
    ],
)
def test_minutes_that_look_like_agendas_in_one_way_stay_minutes(text, name, outcomes):
    document = parse_bytes(text.encode("utf-8"), name)
    assert document.kind.value == "minutes"
    if outcomes is not None:
        extracted = extract_meeting_items(document.meeting, list(document.items))
        assert [[d.outcome.value for d in e.decisions] for e in extracted] == outcomes


def test_a_transcripts_items_with_their_kle_number_after_the_title():
    """A document site's transcript, a page a line: each item's KLE number after its title,
    each decision run into the page's foot (the meeting's date)."""
    text = (
        "Kommunalbestyrelsen. Referat. Mødedato: 24. marts 2011.\n\nTranskript\n\n"
        "1 Referat Mødedato: 24. marts 2011 Fraværende: Bo Dahl ved afbud 24. marts 2011\n\n"
        "2 Referat 1. Regnskab 2010 for havneanlægget 08.00.00-G01-4-11 Sagsfremstilling Regnskabet "
        "udviser et overskud. Indstilling Forvaltningen indstiller, at regnskabet godkendes. "
        "Beslutning Kommunalbestyrelsen den Godkendt. 24. marts 2011 Side 2\n\n"
        "3 Referat 2. Takst for madservice 27.36.04-S55-1-11 Sagsfremstilling Prisen reguleres. "
        "Indstilling Forvaltningen indstiller, at taksten godkendes. Beslutning Kommunalbestyrelsen "
        "den Godkendt. 24. marts 2011 Side 3\n"
    )
    document = parse_bytes(text.encode("utf-8"), "referat.txt")
    assert [(i.number, i.title) for i in document.items] == [
        (1, "Regnskab 2010 for havneanlægget"),
        (2, "Takst for madservice"),
    ]
    extracted = extract_meeting_items(document.meeting, list(document.items))
    assert [[d.outcome.value for d in e.decisions] for e in extracted] == [["approved"]] * 2


def test_a_title_repeated_as_each_pages_head_calls_a_long_header_minutes():
    """The page head "Referat Teknik- og Miljøudvalget 2. juni 2025" (dropped as a head) says
    what the document is even where the cover's lines before the first item are many."""
    cover = "".join(f"Medlem {n}: Navn Nummer{n}\n\n" for n in range(16))
    head = "Referat Teknik- og Miljøudvalget 2. juni 2025\n"
    text = (
        "Teknik- og Miljøudvalget\nMødedato: 2. juni 2025\n\n"
        + cover
        + head
        + "45. Vintertjeneste 2025\nIndstilling\n"
        "Forvaltningen indstiller, at regulativet godkendes.\nUdvalgets bemærkninger\nGodkendt.\n"
        + head
        + "46. Salg af grund på Engvej\nIndstilling\nForvaltningen indstiller, at grunden "
        "sælges.\nUdvalgets bemærkninger\nAnbefales.\n"
    )
    assert parse_bytes(text.encode("utf-8"), "referat.txt").kind.value == "minutes"
