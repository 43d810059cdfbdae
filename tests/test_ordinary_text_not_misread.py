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


# The second review (stop 25): decisions and votes of one item's "Beslutning".
def _decided(decision: str) -> tuple[list[str], list[tuple]]:
    document = parse_bytes(
        (HEAD + f"1. Salg af grund ved Egevej\n\nBeslutning\n\n{decision}\n").encode(), "side.txt"
    )
    (extraction,) = extract_meeting_items(document.meeting, list(document.items))
    return (
        [d.outcome.value for d in extraction.decisions],
        [(v.for_count, v.against, v.abstain) for v in extraction.votes],
    )


def test_a_case_sent_on_up_keeps_one_outcome():
    for sent in (
        "Anbefales godkendt. Sagen oversendes til godkendelse i Byrådet.",
        "Anbefales. Oversendes til KB.",
        "Udvalget anbefalede indstillingen. Sagen blev herefter oversendt til Byrådet.",
    ):
        assert _decided(sent)[0] == ["recommended"], sent


def test_a_put_proposal_s_outcome_after_its_clause_stands():
    assert _decided(
        "Et af Enhedslisten fremsat forslag om, at der etableres en cykelsti, blev enstemmigt godkendt."
    ) == (["approved"], [])
    assert _decided(
        "Det af Venstre stillede ændringsforslag om, at sagen udsættes, blev herefter forkastet "
        "med 5 stemmer mod 20."
    ) == (["rejected"], [(5, 20, None)])


def test_a_date_after_today_s_vote_keeps_the_vote():
    assert _decided(
        "Indstillingen blev godkendt med 20 stemmer mod 5, idet projektet kan starte den 1. august 2024."
    ) == (["approved"], [(20, 5, None)])


def test_an_earlier_meeting_s_dated_recommendation_is_history():
    assert _decided(
        "Økonomiudvalget anbefalede den 5. marts 2024 indstillingen med 5 stemmer mod 2.\n\n"
        "Byrådet godkendte indstillingen med 20 stemmer mod 5."
    ) == (["approved"], [(20, 5, None)])


def test_party_sizes_add_up_and_a_share_is_no_count():
    assert _decided("Godkendt, idet Venstre (5) og Dansk Folkeparti (2) stemte imod.")[1] == [
        (None, 7, None)
    ]
    assert _decided("Vedtaget af et flertal på 2/3 af byrådets medlemmer.")[1] == []


def test_a_quoted_remark_in_danish_quotes_names_no_side():
    document = parse_bytes(
        (
            HEAD
            + "1. Lukning af skole\n\nBeslutning\n\nEnhedslisten fremsatte følgende bemærkning: "
            "”Enhedslisten stemmer imod, fordi skolen lukkes.”\n\nGodkendt med 20 stemmer mod 2.\n"
        ).encode(),
        "side.txt",
    )
    (extraction,) = extract_meeting_items(document.meeting, list(document.items))
    assert [(v.for_count, v.against, v.against_names) for v in extraction.votes] == [(20, 2, ())]


def test_titles_that_end_in_a_full_stop_stay_items():
    for title in (
        "Budgetproces 2025-2028.",
        "Udmøntning af de godkendte besparelser.",
        "Udsat sag: Takster for vand og varme m.v.",
    ):
        text = (
            "Punkt 1: Salg af grund ved Egevej\n\nBeslutning\n\nGodkendt.\n\n"
            f"Punkt 2: {title}\n\nSagsfremstilling\n\nTekst.\n\nBeslutning\n\nTaget til efterretning.\n"
        )
        document = parse_bytes((HEAD + text).encode(), "side.txt")
        assert [i.number for i in document.items] == [1, 2], title


def test_a_decision_s_points_named_punkt_are_no_items():
    for points in (
        "Punkt 1: Godkendt\nPunkt 2: Sendes i høring i Ældrerådet",
        "Punkt 1: Indstillingen godkendes.\nPunkt 2: Udvalget tager orienteringen til efterretning.",
    ):
        text = f"1. Salg af grund ved Egevej\n\nBeslutning\n\n{points}\n"
        document = parse_bytes((HEAD + text).encode(), "side.txt")
        assert [i.title for i in document.items] == ["Salg af grund ved Egevej"], points


def test_vote_tables_with_more_columns():
    for table in (
        "For\tImod\tUndlod\tFraværende\n11\t3\t2\t1",
        "Stemmer for\tStemmer imod\tUndlod at stemme\n11\t3\t2",
    ):
        assert _decided(f"Godkendt med følgende afstemning:\n\n{table}")[1] == [(11, 3, 2)], table


# The third review (stop 25): the reading rules after heldout11. Each document was written by
# the review and read wrongly by a rule of that round.
_AGENDA_WITH_RECOMMENDATIONS = "Dagsorden\n\nKommunalbestyrelsen\n\n28. november 2024 kl. 17:00\n\n1 Takster for vand 2025\n\nSagsfremstilling\n\nTaksterne stiger med 3 pct.\n\nIndstilling\n\nForvaltningen foreslår, at taksterne godkendes.\n\nØkonomiudvalget den 21. november 2024\n\nAnbefales.\n\n2 Lokalplan 301\n\nSagsfremstilling\n\nPlanen har været i høring.\n\nIndstilling\n\nForvaltningen foreslår, at planen vedtages endeligt.\n\nTeknisk Udvalg den 12. november 2024\n\nAnbefales.\n\nØkonomiudvalget den 21. november 2024\n\nAnbefales.\n"
_AGENDA_WITH_BACKGROUND = "Dagsorden\n\nBestyrelsesmøde i Lokalrådet for Vestby 5. marts 2025\n\nDeltagere: Anne Holm, Per Lund, Kim Berg, Eva Dahl\n\n1. Endelig vedtagelse af lokalplan 301\n\nLokalplanforslaget blev vedtaget af Byrådet i december og har været i høring i 8 uger. Lokalrådet skal drøfte, om der skal sendes et høringssvar.\n\n2. Budget 2026\n\nBudgetforslaget blev godkendt af bestyrelsen i januar og skal nu forelægges generalforsamlingen.\n\n3. Trafiksikkerhed ved skolen\n\nForslaget fra forældrebestyrelsen blev oversendt til kommunen i februar. Vi afventer svar.\n"
_AD_RECORD_WITH_REFERAT = "Grundejerforeningen Skovbrynet\nBestyrelsesmøde 4. marts 2025\n\nDeltagere: Anne Holm, Per Lund, Kim Berg\n\nDagsorden:\n\n1. Godkendelse af referat\n\n2. Budget 2025\n\n3. Vejvedligeholdelse\n\n4. Eventuelt\n\nReferat\n\nAd 1. Referatet fra sidste møde blev godkendt uden bemærkninger.\n\nAd 2. Kassereren gennemgik budgettet. Kontingentet fastholdes på 1.200 kr.\n\nAd 3. Vejen repareres i maj. Per indhenter tilbud.\n\nAd 4. Intet.\n"
_HISTORY_LIST = "Byrådet\n\nReferat\n\n12. marts 2024 kl. 17:00\n\n1 Regnskab 2023\n\nSagsfremstilling\n\nRegnskabet viser et overskud.\n\nIndstilling\n\nDirektionen indstiller, at regnskabet godkendes.\n\nØkonomiudvalget den 5. marts 2024\n\nAnbefales.\n\nByrådet den 12. marts 2024\n\nGodkendt.\n\n2 Lokalplan 88 for boliger ved Skovvej\n\nSagsfremstilling\n\nSagsforløb:\n\nTeknisk Udvalg den 4. december 2023\n\nByrådet den 19. december 2023\n\nForslaget har været i offentlig høring i 8 uger. Miljøstyrelsen har godkendt planens afgrænsning, og der er kommet 5 høringssvar.\n\nIndstilling\n\nDirektionen indstiller, at planen vedtages endeligt.\n\nByrådet den 12. marts 2024\n\nGodkendt.\n"
_TIMETABLE = "Kommunalbestyrelsen\n\nReferat\n\n28. november 2024 kl. 17:00\n\n1 Takster for vand 2025\n\nSagsfremstilling\n\nTaksterne stiger.\n\nIndstilling\n\nForvaltningen foreslår, at taksterne godkendes.\n\nØkonomiudvalget den 21. november 2024\n\nAnbefales.\n\nKommunalbestyrelsen den 28. november 2024\n\nGodkendt.\n\n2 Forslag til Kommuneplan 2025\n\nSagsfremstilling\n\nForslaget skal i offentlig høring. Tidsplanen er:\n\nKommunalbestyrelsen den 28. november 2024\n\nForslaget vedtages og sendes i høring.\n\nOffentlig høring fra 2. december 2024 til 27. januar 2025.\n\nKommunalbestyrelsen den 24. april 2025\n\nEndelig vedtagelse.\n\nIndstilling\n\nForvaltningen foreslår, at forslaget sendes i offentlig høring.\n\nØkonomiudvalget den 21. november 2024\n\nAnbefales.\n\nKommunalbestyrelsen den 28. november 2024\n\nGodkendt med 15 stemmer for og 4 imod.\n"
_TITLE_WITH_AT = "Referat\n\nBørne- og Ungeudvalget\n\nMødedato: 4. marts 2025\n\nFraværende: Ingen\n\n1. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n\n2. At være ung i Holbæk - ungepolitik 2025-2028\n\nSagsfremstilling\n\nUdkast til ungepolitik er udarbejdet sammen med ungdomsrådet.\n\nBeslutning\n\nAnbefales over for Byrådet.\n\n3. Eventuelt\n\nBeslutning\n\nIntet.\n"
_SEMICOLON_ATTENDANCE = "Referat fra bestyrelsesmøde i Grundejerforeningen Skovbrynet 4. marts 2025\n\nTil stede: Anne Holm, formand; Per Lund, kasserer; Kim Berg; Eva Dahl;\n\n1. Godkendelse af dagsorden\n\nDagsordenen blev godkendt.\n\n2. Budget 2025\n\nKassereren gennemgik budgettet. Kontingentet fastholdes.\n\n3. Vejvedligeholdelse\n\nVejen repareres i maj.\n\n4. Eventuelt\n\nIntet.\n"
_TITLES_WITH_RELATIVE_CLAUSES = "Referat\n\nTeknisk Udvalg\n\nMødedato: 4. marts 2025\n\nPunkt 1: Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n\nPunkt 2: Status på anlægsprojekter, der blev vedtaget i budget 2024\n\nSagsfremstilling\n\nStatus på 14 projekter.\n\nBeslutning\n\nTaget til efterretning.\n\nPunkt 3: Forslag til lokalplan 301, som blev forkastet i 2023, genoptages\n\nSagsfremstilling\n\nBygherren har ændret projektet.\n\nBeslutning\n\nGodkendt.\n\nPunkt 4: Vejene tager skade af tung trafik - henvendelse fra Vejforum\n\nSagsfremstilling\n\nHenvendelse.\n\nBeslutning\n\nTaget til efterretning.\n\nPunkt 5: Godkendt budget 2025 - fordeling af rammer\n\nSagsfremstilling\n\nFordeling.\n\nBeslutning\n\nGodkendt.\n"


def test_agendas_with_recommendations_or_background_are_not_minutes():
    for text in (_AGENDA_WITH_RECOMMENDATIONS, _AGENDA_WITH_BACKGROUND):
        assert parse_bytes(text.encode(), "side.txt").kind.value == "other"


def test_items_are_kept_in_these_layouts():
    for text, numbers in (
        (_AD_RECORD_WITH_REFERAT, [1, 2, 3, 4]),
        (_TITLE_WITH_AT, [1, 2, 3]),
        (_SEMICOLON_ATTENDANCE, [1, 2, 3, 4]),
        (_TITLES_WITH_RELATIVE_CLAUSES, [1, 2, 3, 4, 5]),
    ):
        assert [i.number for i in parse_bytes(text.encode(), "side.txt").items] == numbers


def test_history_lines_and_timetables_are_no_decision_headings():
    for text in (_HISTORY_LIST, _TIMETABLE):
        document = parse_bytes(text.encode(), "side.txt")
        extracted = extract_meeting_items(document.meeting, list(document.items))
        assert [[d.outcome.value for d in e.decisions] for e in extracted] == [
            ["approved"],
            ["approved"],
        ]
        assert all(
            p.date is None or p.date <= document.meeting.date
            for e in extracted
            for p in e.prior_decisions
        )
