"""Ordinary sentences and layouts of minutes that this stop's new reading rules must leave
alone (each found by a review of the change and reproduced first): history told in the
case text, a stand-in's line in the member list, "imod" that compares, a survey's yes and
no, a table's empty first cell, hearing answers, a page that links a transcript."""

from __future__ import annotations

from ingest import SectionKind, parse_bytes
from ingest.text import read_text
from nlp.extract import extract_meeting_items

HEAD = "Referat\nBørne- og Skoleudvalget\nMødedato: 12. marts 2024\n\nDeltagere: Anne Holm (A), Bo Dahl (V)\n\n"


def _read(body: str, name: str = "side.txt"):
    document = parse_bytes((HEAD + body).encode("utf-8"), name)
    return document, extract_meeting_items(document.meeting, list(document.items))


def _item(case_text: str, decision: str = "Taget til efterretning.") -> str:
    return (
        "1. Godkendelse af dagsorden\n\nBeslutning\nGodkendt.\n\n2. Status på pladser i dagtilbud\n\n"
        f"Sagsfremstilling\n{case_text}\n\nIndstilling\nForvaltningen indstiller, at orienteringen "
        f"tages til efterretning.\n\nBeslutning\n{decision}\n"
    )


def test_history_of_a_closed_meeting_does_not_close_the_item():
    for told in (
        "Sagen blev behandlet på lukket møde i Økonomiudvalget den 4. marts 2024, hvor forvaltningen orienterede.",
        "Sagen behandles ikke for lukkede døre, da den ikke indeholder fortrolige oplysninger.",
    ):
        document, _ = _read(_item(told))
        item = document.items[1]
        assert not item.closed
        assert SectionKind.CASE in [s.kind for s in item.sections]


def test_a_stand_in_line_stays_in_the_member_list():
    text = (
        "Referat\nBørne- og Skoleudvalget\nMødedato: 12. marts 2024\n\nDeltagere:\nAnne Holm (A), formand\n"
        "Ole Sand (C), stedfortræder for Eva Lund (C), der havde forfald.\nBo Dahl (V)\nCarl Berg (F)\n\n"
        "1. Godkendelse af dagsorden\n\nBeslutning\nGodkendt.\n"
    )
    document = parse_bytes(text.encode("utf-8"), "side.txt")
    assert {"Anne Holm", "Ole Sand", "Bo Dahl", "Carl Berg"} <= set(document.meeting.participants)
    assert "Ole Sand" not in document.meeting.absent


def test_numbers_compared_or_a_survey_are_no_vote():
    for decision in (
        "Taget til efterretning. Udvalget noterede, at der i år er indkommet 38 ansøgninger om tilskud, imod 41.",
        "Godkendt. I den vejledende forældreafstemning svarede 112 ja og 40 nej til den nye skolestart.",
    ):
        _, extractions = _read(_item("Forvaltningen orienterer.", decision))
        assert extractions[1].votes == ()


def test_hearing_answers_stay_in_the_case_text():
    told = (
        "Forslaget har været i høring.\n\nNordskolens skolebestyrelse, 3. februar 2024: Bestyrelsen "
        "kan ikke anbefale model 1.\n\nHandicaprådet, 5. februar 2024: Rådet anbefaler forslaget."
    )
    document, _ = _read(_item(told, "Godkendt."))
    kinds = [s.kind for s in document.items[1].sections]
    assert SectionKind.PRIOR_DECISION not in kinds
    case = next(s for s in document.items[1].sections if s.kind is SectionKind.CASE)
    assert "Rådet anbefaler forslaget" in case.text


def test_a_short_title_goes_on_onto_its_second_line():
    document, _ = _read(
        "Punkt 1: Godkendelse af dagsorden\n\nBeslutning\nGodkendt.\n\nPunkt 2: Lokalplan 1127\n"
        "Boliger ved Havnefronten\nSagsnr.: 24/1234\n\nBeslutning\nGodkendt.\n"
    )
    assert document.items[1].title == "Lokalplan 1127 Boliger ved Havnefronten"


def test_tables_keep_their_empty_first_cell_and_numbered_rows():
    blocks = list(read_text("\t2025 (mio. kr.)\t2026 (mio. kr.)\nAnlægsudgift\t2,5\t4,0\n"))
    assert blocks[0].rows[0] == ("", "2025 (mio. kr.)", "2026 (mio. kr.)")
    blocks = list(
        read_text("Prioritet\tProjekt\n3\tCykelsti langs Søvej\n4\tRenovering af Nordskolen\n")
    )
    assert len(blocks) == 1 and len(blocks[0].rows) == 3


def test_a_page_that_links_a_transcript_is_read_as_the_page():
    page = (
        "<html><body><p><a href='#'>Dagsorden</a></p><p><a href='#'>Transkript</a></p>"
        "<h1>Referat - Byrådet</h1><p>Mødedato: 24. april 2024</p>"
        "<h2>1 Godkendelse af dagsorden</h2><h3>Beslutning</h3><p>Godkendt.</p>"
        "<h2>2 Salg af grund ved Egevej</h2><h3>Beslutning</h3><p>Godkendt.</p></body></html>"
    )
    document = parse_bytes(page.encode("utf-8"), "side.html")
    assert document.meeting is not None and str(document.meeting.date) == "2024-04-24"
    assert [i.number for i in document.items] == [1, 2]


def test_a_news_page_about_decisions_is_not_minutes():
    page = (
        "Nordby Kommune\n\nForside › Nyheder › Politik\n\nByrådet har besluttet\n\n"
        "Her er de vigtigste beslutninger fra byrådets møde mandag den 27. oktober 2025.\n\n"
        "Ny skole i Østbyen\n\nByrådet godkendte en anlægsbevilling på 212 mio. kr. Forslaget blev "
        "vedtaget med 27 stemmer for, mens 4 medlemmer stemte imod.\n\n"
        "Busplan 2026\n\nByrådet vedtog den nye busplan uden afstemning.\n"
    )
    document = parse_bytes(page.encode("utf-8"), "side.txt")
    assert document.kind.value == "other"
