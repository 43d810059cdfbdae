"""Council records as heldout11 showed them after its scoring: a numbered record with only the
decisions under each title, a page number over "1 Title", "Body den DATE" lines over each body's
decision, a vote table of counts and parties. Fictitious text in those forms."""

from __future__ import annotations

from ingest import parse_bytes
from nlp.extract import extract_meeting_items


def _read(text: str, name: str = "side.txt"):
    document = parse_bytes(text.encode("utf-8"), name)
    return document, extract_meeting_items(document.meeting, list(document.items))


def test_a_numbered_record_of_decisions_only_is_minutes():
    document, extracted = _read(
        "Referat for møde i Byrådet, 22. januar 2025\n\nFraværende: Lise Holm\n\n"
        "1. Udmøntning af besparelser\n\n2 ændringsforslag fra Enhedslisten blev forkastet med "
        "29 stemmer imod og 1 for.\nHerefter vedtaget.\n\n"
        "2. Forslag om tryghedsvagter\n\nÆndringsforslag fra Socialdemokratiet om en forsøgsperiode "
        "blev vedtaget med 17 stemmer for og 13 imod.\nForslaget blev herefter vedtaget med 20 "
        "stemmer for og 10 imod.\n\n3. Forslag om byrådsmøder i lokalsamfundene\n\nForslaget blev "
        "forkastet med 24 stemmer imod 6.\n"
    )
    assert document.kind.value == "minutes"
    assert [i.number for i in document.items] == [1, 2, 3]
    assert [[(v.for_count, v.against) for v in e.votes] for e in extracted] == [
        [(1, 29)],
        [(17, 13), (20, 10)],
        [(6, 24)],
    ]


def test_body_and_date_lines_head_each_body_s_decision():
    text = (
        "Kommunalbestyrelsen\n\nReferat\n\n28. november 2024 kl. 17:00\n\n"
        "1 Takster for vand 2025\n\nSagsfremstilling\n\nTaksterne stiger.\n\nIndstilling\n\n"
        "Forvaltningen foreslår, at taksterne godkendes.\n\nØkonomiudvalget den 21. november 2024"
        "\n\nAnbefales.\n\nKommunalbestyrelsen den 28. november 2024\n\nGodkendt med 18 stemmer for "
        "(C, A, V) mod 2 (Ø, O).\n\n3\n\n2 Lokalplan 301\n\nSagsfremstilling\n\nPlanen.\n\n"
        "Kommunalbestyrelsen den 28. november 2024\n\nEt flertal (C, V, O) på 10 medlemmer "
        "godkendte indstillingen. Et mindretal (A, B, F, Ø) på 9 medlemmer stemte imod.\n"
    )
    document, extracted = _read(text)
    assert [(i.number, i.title) for i in document.items] == [
        (1, "Takster for vand 2025"),
        (2, "Lokalplan 301"),
    ]
    assert [[d.outcome.value for d in e.decisions] for e in extracted] == [
        ["approved"],
        ["approved"],
    ]
    assert [[(v.for_count, v.against) for v in e.votes] for e in extracted] == [
        [(18, 2)],
        [(10, 9)],
    ]
    (prior,) = extracted[0].prior_decisions
    assert prior.body == "Økonomiudvalget"


def test_a_vote_table_of_counts_and_parties():
    _, (extraction,) = _read(
        "Referat Byrådet 12. marts 2024\n\n1. Salg af ejendom\n\nBeslutning\n\n"
        "Indstillingen blev sat under afstemning:\n\n\tFor\tImod\tUndlod\nAntal\t23\t6\t1\n"
        "Partier\tA, V, C\tO, Ø, D\tI\n\nGodkendt.\n"
    )
    (vote,) = extraction.votes
    assert (vote.for_count, vote.against, vote.abstain) == (23, 6, 1)
    assert (vote.for_names, vote.against_names, vote.abstain_names) == (
        ("A", "V", "C"),
        ("O", "Ø", "D"),
        ("I",),
    )


def test_at_points_under_the_recommendation_are_no_items():
    document, extracted = _read(
        "Referat til mødet i Udvalget for Teknik og Miljø den 3. februar 2025\n\n"
        "05.01.08-P20-3-24\n\n16. Trafiksikkerhedsplan 2025-2030\n\nIndstilling\n\n"
        "Direktøren indstiller til udvalget;\n\n  1. At planen godkendes\n  2. At der anvendes "
        "3 mio. kr.\n  3. At Byrådet anbefales at afsætte 2 mio. kr.\n\nSagsfremstilling\n\n"
        "Planen er drøftet.\n\nBeslutning\n\nAd 1: Godkendt.\n\nAd 2: Godkendt med 5 stemmer for "
        "(A, V). Imod stemte 1 (F).\n\nAd 3: Anbefales overfor Byrådet.\n\n"
        "02.34.02-P19-14-24\n\n17. Orientering\n\nBeslutning\n\nTaget til efterretning.\n"
    )
    assert [i.number for i in document.items] == [16, 17]
    assert [d.outcome.value for d in extracted[0].decisions] == [
        "approved",
        "approved",
        "recommended",
    ]


def test_sized_party_sides_with_members_and_a_majority_closed_by_its_size():
    _, (extraction,) = _read(
        "Referat Kommunalbestyrelsen 12. marts 2024\n\n1. Lokalplan 215\n\nBeslutning\n\n"
        "Godkendt af et flertal bestående af A, V, C, B, F og O (15).\n\n"
        "Ø (1) undlod at stemme.\n"
    )
    assert [(v.for_count, v.against, v.abstain) for v in extraction.votes] == [(15, None, 1)]
    _, (extraction,) = _read(
        "Referat Kommunalbestyrelsen 12. marts 2024\n\n1. Takster\n\nBeslutning\n\n"
        "Et flertal bestående af A, V, C og N (13) godkender indstillingen.\n\n"
        "O og Ø (3) stemmer imod.\n\nF og B (2 medlemmer) undlod at stemme.\n"
    )
    assert [(v.for_count, v.against, v.abstain) for v in extraction.votes] == [(13, 3, 2)]


def test_the_against_count_told_after_the_for_label():
    _, (extraction,) = _read(
        "Referat Byrådet 12. marts 2024\n\n1. Beslutningsforslag om gratis bus\n\nBeslutning\n\n"
        "For forslaget stemte 2 (F og Ø).\n\nForslaget blev ikke godkendt, idet 26 stemte imod.\n"
    )
    assert [(v.for_count, v.against) for v in extraction.votes] == [(2, 26)]


def test_a_portal_list_whose_items_print_their_own_number():
    document, _ = _read(
        "<html><body><h1>Referat</h1><p>Onsdag den 12. marts 2025 kl. 16:00</p>"
        "<p>Udvalg: Økonomiudvalget</p><ol>"
        '<li><span class="num">1</span><h2>Godkendelse af dagsorden</h2><h3>BESLUTNING:</h3>'
        "<p>Godkendt.</p></li>"
        '<li><span class="num">2</span><h2>Lejeaftale for Hollænderhallen</h2><h3>BESLUTNING:</h3>'
        "<p>Godkendt med 6 stemmer for og 1 imod.</p></li></ol></body></html>",
        "side.html",
    )
    assert [(i.number, i.title) for i in document.items] == [
        (1, "Godkendelse af dagsorden"),
        (2, "Lejeaftale for Hollænderhallen"),
    ]
