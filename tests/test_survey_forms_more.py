"""Forms met in a later round of surveys of real minutes pages (document-site transcripts,
council votes, committee decisions, portal pages), each written here in its own words with
fictitious names: items, meeting, decisions, votes and absences as printed."""

from __future__ import annotations

from ingest import DocumentKind, parse_bytes
from nlp.extract import extract_meeting_items


def extracted(text: str):
    document = parse_bytes(text.encode("utf-8"), "side.txt")
    assert document.kind is DocumentKind.MINUTES, document.warnings
    return document, extract_meeting_items(document.meeting, list(document.items))


BRACKETED_MARKS = """Referat Teknisk Udvalg

Mødetidspunkt: 12-05-2022 16:00
Post on 30-Jun-2022

Afbud: Lis Kragh (V)

1 (Åben) Godkendelse af dagsorden

Sagsnr.: 22-001122

Beslutning

Godkendt.

2 (Åben) Vejbelysning på Strandvej - fornyelse

Sagsnr.: 22-004411

Beslutning

Anbefales.

3 (Lukket) Køb af jord
"""


def test_a_bracketed_open_or_closed_mark_after_the_number_and_a_labelled_meeting_time():
    document, extracted_items = extracted(BRACKETED_MARKS)
    assert str(document.meeting.date) == "2022-05-12"  # not the site's upload date
    assert [(i.number, i.title, i.closed) for i in document.items] == [
        (1, "Godkendelse af dagsorden", False),
        (2, "Vejbelysning på Strandvej - fornyelse", False),
        (3, "Køb af jord", True),
    ]
    assert [d.outcome.value for d in extracted_items[1].decisions] == ["recommended"]


TRANSCRIPT = """Byrådet BESLUTNINGSPROTOKOL

Transkript

1 Byrådet BESLUTNINGSPROTOKOL Sted: Byrådssalen Dato: Onsdag den 8. marts 2023 Start kl.: 18:00 Fraværende: Eva Dahl (A)

2 1. Godkendelse af dagsorden A00 23/101 Åben sag Sagsgang: BR Sagsfremstilling Dagsordenen forelægges. Indstilling Direktionen indstiller, at dagsordenen godkendes. Beslutning i byrådet den : Godkendt. Fraværende: Eva Dahl (A) 1

3 2. Spørgetid A00 23/102 Åben sag Sagsgang: BR Sagsfremstilling Borgerne kan stille spørgsmål. Beslutning i byrådet den : Der blev ikke stillet spørgsmål. Fraværende: Eva Dahl (A) 2

4 3. Forslag fra C om gratis parkering A00 23/555 Åben sag Sagsgang: BR Sagsfremstilling Konservative foreslår gratis parkering om lørdagen. Beslutning i byrådet den : For forslaget stemte 8: C og V. Imod forslaget stemte 19: A, F og Ø. Forslaget er forkastet. Fraværende: Eva Dahl (A) 3

5 4. Takster 2024 S00 23/777 Åben sag Sagsgang: ØK, BR Sagsfremstilling Taksterne følger budgettet. Indstilling Direktionen indstiller, at taksterne godkendes. Beslutning i byrådet den : Godkendt. Fraværende: Eva Dahl (A) 4
"""


def test_a_transcript_s_dateless_decision_heading_with_its_colon_and_a_lower_case_body():
    document, extracted_items = extracted(TRANSCRIPT)
    assert [(i.number, i.title) for i in document.items] == [
        (1, "Godkendelse af dagsorden"),
        (2, "Spørgetid"),
        (3, "Forslag fra C om gratis parkering"),
        (4, "Takster 2024"),
    ]
    outcomes = [[d.outcome.value for d in e.decisions] for e in extracted_items]
    assert outcomes[0] == outcomes[3] == ["approved"] and outcomes[2] == ["rejected"]
    assert outcomes[1] in ([], ["information"])
    assert [(v.for_count, v.against) for v in extracted_items[2].votes] == [(8, 19)]


VOTE_TOTALS = """Referat

Kommunalbestyrelsen
Mødedato: 4. marts 2024

3. Realisering af bynær skov
Sagsnr.: 24/4410
Beslutning:
Økonomiudvalgets indstilling tiltrådt.
For stemte: V, C og Kim Hald (F) – i alt 14
Undlod at stemme: A og Bo Dahl (F) – i alt 9
Imod stemte: Ø – i alt 1
Fraværende: Hanne Bech (A)

4. Nyt dagtilbud i Østby
Sagsnr.: 24/8120
Beslutning:
Økonomiudvalgets indstilling tiltrådt.
For stemte: V, A, F, C, Ø i alt 21
Imod stemte: Æ i alt 2

5. Lokalplan for Havnegade
Sagsnr.: 24/9001
Beslutning:
Godkendt med 20 stemmer for. 3 stemte imod (Ø og F). Erik Bach undlod at stemme.
"""


def test_each_side_s_total_after_its_list_and_a_named_abstainer_counted():
    _, extracted_items = extracted(VOTE_TOTALS)
    counts = [[(v.for_count, v.against, v.abstain) for v in e.votes] for e in extracted_items]
    assert counts == [[(14, 1, 9)], [(21, 2, None)], [(20, 3, 1)]]
