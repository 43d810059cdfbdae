"""Section headings printed on the line of their text, as portals' print views and stored
copies of web pages run them together: "Beslutning Godkendt.", "Sagsfremstilling: Byrådet …",
"Beslutning i byrådet den 24-04-2024 Godkendt.". Written here in its own words with
fictitious names."""

from __future__ import annotations

from ingest import DocumentKind, SectionKind, parse_bytes
from nlp.extract import extract_meeting_items


def extracted(text: str):
    document = parse_bytes(text.encode("utf-8"), "side.txt")
    assert document.kind is DocumentKind.MINUTES, document.warnings
    return document, extract_meeting_items(document.meeting, list(document.items))


RUN_IN = """Referat Byrådet 24. april 2024

1. Anlægsbevilling til ny daginstitution i Ålholm

Sagsnummer: 24/1180

Indstilling Direktionen indstiller til byrådet at give en anlægsbevilling på 38,5 mio. kr.

Sagsfremstilling: Daginstitutionen erstatter to pavilloner, der er nedslidte.

Økonomi Udgiften finansieres af anlægsrammen for 2024.

Beslutning i byrådet den 24-04-2024 Godkendt med 21 stemmer for. 6 stemte imod (C og V).

2. Godkendelse af dagsorden

Beslutning Godkendt

3. Meddelelser

Beslutning Intet

4. Salg af grund ved Egevej

Beslutning Teknisk Udvalg
Anbefales.

FRAVÆRENDE: Bo Dahl (V)
"""


def test_headings_run_into_their_text_are_sections():
    document, extractions = extracted(RUN_IN)
    assert [(i.number, i.title) for i in document.items] == [
        (1, "Anlægsbevilling til ny daginstitution i Ålholm"),
        (2, "Godkendelse af dagsorden"),
        (3, "Meddelelser"),
        (4, "Salg af grund ved Egevej"),
    ]
    first = document.items[0]
    kinds = [s.kind for s in first.sections]
    assert SectionKind.RECOMMENDATION in kinds and SectionKind.CASE in kinds
    assert SectionKind.ECONOMY in kinds and SectionKind.DECISION in kinds
    decision = next(s for s in first.sections if s.kind is SectionKind.DECISION)
    assert decision.text.startswith("Godkendt med 21 stemmer")
    assert [d.outcome.value for d in extractions[0].decisions] == ["approved"]
    assert [(v.for_count, v.against) for v in extractions[0].votes] == [(21, 6)]
    assert [d.outcome.value for d in extractions[1].decisions] == ["approved"]
    # "Beslutning Teknisk Udvalg" heads that body's decision: the body is no decision text
    assert [d.outcome.value for d in extractions[3].decisions] == ["recommended"]
    # a list label in capitals
    assert "Bo Dahl" in extractions[3].absent


def test_route_labels_and_sentences_are_not_headings():
    document, _ = extracted(
        "Referat Økonomiudvalget 3. maj 2024\n\n1. Anlægsregnskab for Byparken\n\n"
        "Sagsforløb: ØK/BY\n\nIndstilling af kandidater sker på næste møde.\n\n"
        "Beslutning\n\nGodkendt.\n"
    )
    (item,) = document.items
    assert [s.kind for s in item.sections].count(SectionKind.HISTORY) == 0
    assert not any(s.heading.startswith("Indstilling") for s in item.sections)


def test_a_title_is_not_glued_to_the_case_line_under_it():
    document, _ = extracted(
        "Møde i Det rådgivende Integrationsudvalg\nBeslutningsprotokol 6. maj 2024\n"
        "1. Godkendelse af dagsorden\nIU 7/2024 J.nr. IU 31/2024\nBeslutning\nGodkendt.\n"
        "2. Sprogcaféer i bydelene\nIU 8/2024 J.nr. IU 32/2024\nBeslutning\nDrøftet.\n"
    )
    assert [(i.number, i.title, i.case_numbers) for i in document.items] == [
        (1, "Godkendelse af dagsorden", ("IU 7/2024",)),
        (2, "Sprogcaféer i bydelene", ("IU 8/2024",)),
    ]
