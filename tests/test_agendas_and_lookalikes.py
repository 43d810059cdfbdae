"""Documents that look like minutes and are not (agendas of several systems), beside the minutes
of the same layout: the meeting's own decision written or left empty decides."""

from __future__ import annotations

from ingest import parse_bytes

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
