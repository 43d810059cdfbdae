"""Forms met in a fourth survey of real minutes pages (advisory bodies, joint boards, councils
outside København), each written here in its own words with fictitious names: what is not
minutes stays out, and what is gets its items, meeting, decisions, votes and absences."""

from __future__ import annotations

from bench.plain_pdf import text_to_pdf as plain_pdf_bytes
from ingest import DocumentKind, parse_bytes
from nlp.extract import extract_meeting_items


def parse_text(text: str, name: str = "side.txt"):
    return parse_bytes(text.encode("utf-8"), name)


def extracted(text: str):
    document = parse_text(text)
    assert document.kind is DocumentKind.MINUTES, document.warnings
    return document, extract_meeting_items(document.meeting, list(document.items))


NEWS_PAGE = """Hjem Nyheder Byrådet har besluttet - april

Byrådet har besluttet - april

Onsdag 9. april holdt byrådet møde. Her er et kort overblik over beslutningerne.

Ny skolestruktur
Vestby: Byrådet har vedtaget en ny skolestruktur med tre distrikter.
Byrådsmødet, 9. april, sag 3

Renovering af svømmehal
Østby: Byrådet har bevilget 14 mio. kroner til svømmehallen.
Byrådsmødet, 9. april, sag 4
"""

AGENDA = """Dagsorden

Forum: Ældrerådet
Tid: 4. juni 2024, kl. 10.00
Sted: Mødelokale 3, Rådhuset

Deltagere: Ida Holt, Per Lund, Rita Mose, Sven Bak
Afbud:
Referent: Tove Dam

1. Godkendelse af dagsorden

2. Høring om værdighedspolitik
Sagsfremstilling:
Forvaltningen har sendt værdighedspolitikken i høring hos rådet.

3. Budget for rådets arbejde
Sagsfremstilling:
Rådet har 40.000 kr. til rådighed i 2024.

4. Eventuelt
"""


def test_a_news_page_of_council_decisions_is_not_minutes():
    """Each paragraph ends "Byrådsmødet, 9. april, sag 3": no year, so no dated earlier decision."""
    for data, name in (
        (NEWS_PAGE.encode(), "nyhed.txt"),
        (plain_pdf_bytes(NEWS_PAGE), "nyhed.pdf"),
    ):
        assert parse_bytes(data, name).kind is DocumentKind.OTHER


def test_an_agenda_with_case_descriptions_and_a_minute_taker_is_not_minutes():
    for data, name in ((AGENDA.encode(), "dagsorden.txt"), (plain_pdf_bytes(AGENDA), "d.pdf")):
        assert parse_bytes(data, name).kind is DocumentKind.OTHER
    # The same page with a decision under an item is minutes.
    decided = AGENDA.replace("4. Eventuelt", "Beslutning:\nGodkendt.\n\n4. Eventuelt")
    assert parse_text(decided).kind is DocumentKind.MINUTES


BOARD_RECORD = """Referat af bestyrelsesmøde
Nordskolen, lokale 12
onsdag den 10. april 2024 kl. 19.00 - 21.00

Til stede:
Forældrevalgte: Lis Bang, Ole Krag, Mia Friis.
Medarbejdere: Tom Hald.

Fraværende:
Forældrevalgte: Afbud fra Kim Dal.

 1. Godkendelse af referat:
  Referatet blev godkendt.

 2. Nyt fra elevrådet:
  Elevrådet fortalte om sommerfesten. Bestyrelsen tog orienteringen til efterretning.

 3. Skolens budget, Tom Hald:
  Tom Hald gennemgik budgettet. Enkelte poster blev drøftet.

 4. Eventuelt:
  Intet.
"""


def test_item_headings_that_end_in_a_colon_over_the_record():
    """A board's own referat: "3. Skolens budget, Tom Hald:" heads each item; the colons open no
    list, as no numbered point follows any of them."""
    document, extractions = extracted(BOARD_RECORD)
    assert [(it.number, it.title) for it in document.items] == [
        (1, "Godkendelse af referat"),
        (2, "Nyt fra elevrådet"),
        (3, "Skolens budget, Tom Hald"),
        (4, "Eventuelt"),
    ]
    outcomes = [[d.outcome.value for d in e.decisions] for e in extractions]
    assert outcomes == [["approved"], ["noted"], ["discussed"], ["information"]]
    # A colon that opens a list of points is no heading.
    listed = BOARD_RECORD.replace("  Referatet blev godkendt.", "  1. Referatet\n  2. Dagsordenen")
    assert [it.number for it in parse_text(listed).items] == [2, 3, 4]


LOCAL_COUNCIL = """Referat af

Lokalrådsmøde i Forsamlingshuset

torsdag d. 7. marts 2024 kl. 19-21

Dagsorden:

1. Velkommen

2. Til stede

3. Regnskab for sommerfesten

4. Stier ved søen

5. Evt.

Referat:

Ad. 1 Formanden bød velkommen.

Ad. 2 Lis Bang, Ole Krag og Mia Friis. Kim Dal havde meldt afbud.

Ad. 3 Kassereren fremlagde regnskabet. Regnskabet blev godkendt.

Ad. 4 Lokalrådet besluttede at søge puljemidler til nye stier.

Ad. 5 Intet.
"""


def test_ad_paragraphs_after_the_agenda_list_are_its_items():
    """ "Ad. 3 …" is the record of the listed item 3, which gives its title."""
    document, extractions = extracted(LOCAL_COUNCIL)
    assert [(it.number, it.title) for it in document.items] == [
        (1, "Velkommen"),
        (2, "Til stede"),
        (3, "Regnskab for sommerfesten"),
        (4, "Stier ved søen"),
        (5, "Evt."),
    ]
    outcomes = [[d.outcome.value for d in e.decisions] for e in extractions]
    assert outcomes == [
        ["information"],
        ["information"],
        ["approved"],
        ["decided"],
        ["information"],
    ]
    assert all(e.absent == ("Kim Dal",) for e in extractions)


def test_ad_points_of_one_decision_stay_in_it():
    """ "Ad 1) Godkendt." under a Beslutning after the recommendation's at-points: sub-points."""
    text = """Økonomiudvalget

Referat

Mødedato: 3. oktober 2023

7. Anlægsregnskaber

Indstilling
Forvaltningen indstiller,
1. at regnskaberne godkendes,
2. at restbeløbet tilføres kassen,
3. at sagen sendes videre.

Beslutning
Ad 1) Godkendt.
Ad 2) Anbefales over for Byrådet.
Ad 3) Godkendt.
"""
    document, extractions = extracted(text)
    assert [it.number for it in document.items] == [7]
    assert [(d.point, d.outcome.value) for d in extractions[0].decisions] == [
        (1, "approved"),
        (2, "recommended"),
        (3, "approved"),
    ]


def _committee(first_lines: str) -> str | None:
    text = f"{first_lines}\n\nMødedato: 5. marts 2024\n\n1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n"
    document = parse_text(text)
    return document.meeting.committee if document.meeting else None


def test_bodies_named_by_their_meeting_or_with_their_term():
    assert _committee("UDVALG\n\n14-17 Økonomiudvalget\n\nMØDE\n\nReferat") == "Økonomiudvalget"
    assert _committee("Referat af Grønt Råds møde den 5. marts 2024") == "Grønt Råd"
    assert _committee("Referat fra ekstraordinært SeniorRådsmøde") == "Seniorrådet"
    assert _committee("Bestyrelsesmøde 5. marts 2024 kl. 10.00, Vestforsyning") == "Bestyrelsen"
    assert _committee("Nordskolen - Referat af skolebestyrelsesmøde") == "Skolebestyrelsen"
    assert _committee("Kommissionsmøde 05-03-2024") == "Kommissionen"
    # A body mentioned in running text is no heading.
    assert _committee("Referat\n\nVi talte om næste byrådsmøde.") != "Byrådet"


def _outcomes(decision: str, title: str = "Et punkt") -> list[str]:
    import datetime as dt

    from ingest.records import Item, Meeting, Section, SectionKind
    from nlp.extract import extract_item

    section = Section("Beslutning", SectionKind.DECISION, decision, (1,))
    item = Item(1, title, (), False, 1, 1, (section,))
    extraction = extract_item(item, Meeting("Byrådet", dt.date(2024, 3, 5)))
    return [d.outcome.value for d in extraction.decisions]


def test_a_case_sent_back_to_a_committee_is_an_act_and_to_the_staff_postponed():
    assert _outcomes("Sagen sendes tilbage til Plan- og Miljøudvalget.") == ["decided"]
    assert _outcomes("Sagen blev sendt tilbage til forvaltningen.") == ["postponed"]
    # In the agenda's approval: the case sent back is its own act, then the approval.
    approval = "Punkt 9 udgår og sagen sendes tilbage til Teknisk Udvalg.\n\nGodkendt."
    assert _outcomes(approval, "Godkendelse af dagsorden") == ["decided", "approved"]
    assert _outcomes("Punkt 9 udgår.\n\nGodkendt.", "Godkendelse af dagsorden") == ["approved"]


def test_elections_written_seat_first_are_one_decision_each():
    two = "Som 1. næstformand valgtes Lis Bang.\n\nSom 2. næstformand valgtes Ole Krag."
    assert _outcomes(two) == ["decided", "decided"]
    assert _outcomes("Godkendt.\n\nTil arbejdsgruppen udpeges: Mia Friis og Tom Hald.") == [
        "approved",
        "decided",
    ]
    assert _outcomes("Valgt blev: Kim Dal.") == ["decided"]


def test_absences_listed_under_every_item_as_the_list_changes():
    """ "Lis Bang og Kim Dal var fraværende." under the first items, "Lis Bang var fraværende."
    under the later ones: Kim Dal came during the meeting."""
    items = "\n\n".join(
        f"{n}. Sag nummer {n}\n\nBeslutning\n\nGodkendt.\n\n{who} fraværende."
        for n, who in ((1, "Lis Bang og Kim Dal var"), (2, "Lis Bang og Kim Dal var"),
                       (3, "Lis Bang var"), (4, "Lis Bang var"))
    )  # fmt: skip
    document, extractions = extracted(f"Byrådet\n\nReferat\n\nMødedato: 4. marts 2024\n\n{items}")
    assert [e.absent for e in extractions] == [
        ("Lis Bang", "Kim Dal"),
        ("Lis Bang", "Kim Dal"),
        ("Lis Bang",),
        ("Lis Bang",),
    ]


def test_an_absentee_written_with_initials_and_a_stand_in_after_the_name():
    text = """Referat

onsdag den 2. september 2020 kl. 17:00

Udvalg Byrådet
Mødedeltagere Tom Ek, Lis Mo, Per Vad
Fraværende Ida Holt, K. J. Bro

1. Godkendelse af dagsorden

Beslutning

Godkendt.
"""
    document = parse_text(text)
    assert document.meeting.absent == ("Ida Holt", "K. J. Bro")
    record = """Fraværende med afbud
Ida Holt. I stedet deltog Per Vad.
Sven Bak."""
    from nlp.attendance import find_absences
    from nlp.names import Gazetteer

    assert [a.name for a in find_absences(record, Gazetteer(()))] == ["Ida Holt", "Sven Bak"]


def test_remarks_and_lists_of_who_met_in_the_agenda_approval_are_not_decisions():
    title = "Godkendelse af dagsorden"
    asked = (
        "Ole Krag foreslog en drøftelse af stierne. Formanden foreslog, at sagen drøftes under "
        "pkt. 5.\n\nMed denne tilføjelse blev dagsordenen godkendt."
    )
    assert _outcomes(asked, title) == ["approved"]
    assert _outcomes("Dagsordenen blev drøftet og godkendt.", title) == ["approved"]
    text = """Ældrerådet

Referat

Mødedato: 4. marts 2024

1. Godkendelse af dagsorden

Beslutning

I mødet deltog:

Valgte medlemmer:

Lis Bang, Ole Krag og Mia Friis.

Følgende havde meldt afbud:

Kim Dal.

Ældrerådets beslutning på mødet den 4. marts 2024:

Dagsordenen blev godkendt.
"""
    document, extractions = extracted(text)
    assert [d.outcome.value for d in extractions[0].decisions] == ["approved"]
    assert extractions[0].absent == ("Kim Dal",)


def test_votes_printed_a_label_a_line_belong_to_their_points():
    """Some systems print each vote as "For stemte:" / "2 (C+V)" / "Imod stemte:" / … /
    "Godkendt.", a line each: the amendment first, then "Ad 1" and "Ad 2-3" with votes of their
    own."""
    block = "For stemte:\n\n{f}\n\nImod stemte:\n\n{a}\n\nUndlod at stemme:\n\n{u}\n\n{o}"
    decision = "\n\n".join(
        [
            "Ændringsforslag fra A til ad 1:",
            "At sagen først behandles sammen med trafikplanen.",
            block.format(f="1 (A)", a="1 (C)", u="4 (O+T+V)", o="Faldet."),
            "Ad 1",
            block.format(f="2 (C+V)", a="", u="4 (A+O+T)", o="Godkendt.").replace(
                "\n\n\n\n", "\n\n"
            ),
            "Ad 2-3",
            block.format(f="2 (C+V)", a="", u="4 (A+O+T)", o="Godkendt.").replace(
                "\n\n\n\n", "\n\n"
            ),
        ]
    )
    import datetime as dt

    from ingest.records import Item, Meeting, Section, SectionKind
    from nlp.extract import extract_item

    item = Item(
        4,
        "Parkering",
        (),
        False,
        1,
        1,
        (Section("Beslutning", SectionKind.DECISION, decision, (1,)),),
    )
    extraction = extract_item(item, Meeting("Økonomiudvalget", dt.date(2024, 3, 5)))
    assert [d.outcome.value for d in extraction.decisions] == ["rejected", "approved", "approved"]
    assert [(v.for_count, v.against, v.abstain) for v in extraction.votes] == [
        (1, 1, 4),
        (2, 0, 4),
        (2, 0, 4),
    ]
    assert [v.decision for v in extraction.votes] == [0, 1, 2]
    assert extraction.votes[0].for_names == ("A",)


def test_points_the_body_decided_in_one_sentence_and_a_case_number_after_the_title():
    decided = (
        "Udvalget besluttede, 1. at orienteringen tages til efterretning, 2. at planen "
        "vedtages, og 3. at pege på, at der afsættes midler til stier."
    )
    assert _outcomes(decided) == ["noted", "approved", "decided"]
    # A recommendation's changes listed after its approval stay one decision.
    assert _outcomes("Godkendt med følgende ændringer:\n1. at datoen rettes,\n2. at …") == [
        "approved"
    ]
    document = parse_text(
        "4. Opfølgning på seminaret 2024 (2024-0088123)\n\nIndstilling og beslutning\n\n"
        "Indstillingen blev taget til efterretning.\n"
    )
    assert [(it.title, it.case_numbers) for it in document.items] == [
        ("Opfølgning på seminaret 2024", ("2024-0088123",))
    ]


def test_the_record_s_signature_and_a_blog_s_comment_form_are_not_the_last_item():
    text = """Ældrerådet

Referat af møde den 4. marts 2024

1. Godkendelse af dagsorden
Godkendt.

2. Seniortræf
Ældrerådet besluttede at deltage med to repræsentanter.

3. Eventuelt
Intet.

Referent:
Mia Friis
04.03.2024

Skriv et svar

Din e-mailadresse vil ikke blive publiceret. Krævede felter er markeret med *
"""
    document, extractions = extracted(text)
    assert [d.outcome.value for e in extractions for d in e.decisions] == [
        "approved",
        "decided",
        "information",
    ]
    assert "Referent" not in document.items[-1].sections[-1].text


TRANSCRIPT = """PROTOKOL fra bestyrelsesmøde i VESTFORSYNING A/S

Download "PROTOKOL fra bestyrelsesmøde i VESTFORSYNING A/S"

Transkript

1 PROTOKOL fra bestyrelsesmøde i VESTFORSYNING A/S tirsdag d. 9. april 2024 kl. 10.00 Havnevej 3, 6700 Esbjerg 1. Formanden orienterer 2. Direktionen orienterer 3. J.nr. 12 Køb af grund ved havnen 4. Regnskab 2023 5. Evt. Fraværende: Mødet hævet kl Side 1 af 4

2 PROTOKOL fra bestyrelsesmøde i VESTFORSYNING A/S Mødetid : tirsdag den 9. april 2024 kl. 10.00 1. Formanden orienterer Formanden orienterede om mødet med ejerne. Bestyrelsen tog orienteringen til efterretning. 2. Direktionen orienterer Direktøren orienterede om driften. 3. J.nr. 12 Køb af grund ved havnen Bestyrelsen besluttede at købe grunden. 4. Regnskab 2023 Regnskabet blev godkendt. 5. Evt. Intet.
"""


def test_a_transcript_run_together_is_cut_at_the_listed_titles():
    """A document site's transcript: the agenda listed in one run, then every item's title
    glued to its text. The listed titles say where each title ends."""
    for data, name in ((TRANSCRIPT.encode(), "p.txt"), (plain_pdf_bytes(TRANSCRIPT), "p.pdf")):
        document = parse_bytes(data, name)
        assert [(it.number, it.title, it.case_numbers) for it in document.items] == [
            (1, "Formanden orienterer", ()),
            (2, "Direktionen orienterer", ()),
            (3, "Køb af grund ved havnen", ("12",)),
            (4, "Regnskab 2023", ()),
            (5, "Evt.", ()),
        ], name
        extractions = extract_meeting_items(document.meeting, list(document.items))
        assert [d.outcome.value for e in extractions for d in e.decisions] == [
            "noted",
            "information",
            "decided",
            "approved",
            "information",
        ]


def test_a_sub_list_under_an_item_does_not_number_the_items():
    """Points listed under an item's title (a blank line after it, as the surveyed page has it)
    run on line by line; the next item's title is set apart by a blank line."""
    text = """Referat Ungerådsmøde d. 5. marts 2024

 1. Besøg fra arbejdsgruppen

  1. Status på politikken
  2. Arbejdsgruppens idéoplæg
  Ungerådet drøftede idéoplægget.

 2. Ungerådet online

  1. Podcast
  2. Brevkasse
  Ungerådet besluttede at starte en podcast.

 3. Evt.
  Intet.
"""
    document = parse_text(text)
    assert [(it.number, it.title) for it in document.items] == [
        (1, "Besøg fra arbejdsgruppen"),
        (2, "Ungerådet online"),
        (3, "Evt."),
    ]


def test_the_case_officer_s_initials_line_and_another_item_postponed_in_the_approval():
    text = """REFERAT

Byrådet

Mødedato: Torsdag den 27-03-2025

355. Fritagelse fra udvalgsposter
DIRJHA / 25/4410
Beslutning
Godkendt.

356. Anlægsbevilling til skolernes tage
DIUKFJ / 24/307
Beslutning
Punkt 357. Lokalplan for erhvervsområdet 24/12096 udsat.
Dagsordenen blev herefter godkendt.

357. Lokalplan for erhvervsområdet
DIPLMK / 24/12096
Beslutning
Udsat.
"""
    document, extractions = extracted(text)
    assert [(it.number, it.title, it.case_numbers) for it in document.items] == [
        (355, "Fritagelse fra udvalgsposter", ("25/4410",)),
        (356, "Anlægsbevilling til skolernes tage", ("24/307",)),
        (357, "Lokalplan for erhvervsområdet", ("24/12096",)),
    ]
    assert [[d.outcome.value for d in e.decisions] for e in extractions] == [
        ["approved"],
        ["approved"],
        ["postponed"],
    ]


def test_three_acts_of_a_committee_in_one_decision_each_their_own():
    for decision in (
        "Udvalget tiltræder besparelsesforslag 1 - 4.\n\nUdvalget indstiller derudover, at "
        "udflugten holdes lokalt.\n\nEndelig kan udvalget ikke tiltræde lukning af holdet.",
        # the same lines with no blank line between (a PDF's lines)
        "Udvalget tiltræder besparelsesforslag 1 - 4.\nUdvalget indstiller derudover, at "
        "udflugten holdes lokalt.\nEndelig kan udvalget ikke tiltræde lukning af holdet.",
    ):
        assert _outcomes(decision) == ["approved", "recommended", "rejected"]
    assert _outcomes("Drøftet. Sagen genoptages på mødet i maj.") == ["discussed", "postponed"]
    # a discussion told before the decision it led to stays part of it
    assert _outcomes("Udvalget drøftede sagen. Udvalget besluttede herefter at udsætte den.") == [
        "postponed"
    ]


def test_absences_with_a_stand_in_a_reason_or_a_remark_beside_them():
    from nlp.attendance import find_absences
    from nlp.names import Gazetteer

    def away(text: str) -> list[tuple[str, str]]:
        return [(a.name, a.reason) for a in find_absences(text, Gazetteer(()), 5)]

    assert away("Afbud fra:\nFrida Kjær pga. arbejde.") == [("Frida Kjær", "absent")]
    both = (
        "Fraværende: Mikkel Dahl (C) og Henrik Aagaard (V) deltog ikke i behandlingen af punktet."
    )
    assert away(both) == [
        ("Mikkel Dahl", "did not take part"),
        ("Henrik Aagaard", "did not take part"),
    ]
    for line, names in (
        ("Fraværende: Bo Dahl (V). Som stedfortræder deltog Hanne Bech (V).", ("Bo Dahl",)),
        ("Bemærkninger: Afbud: Carl Berg (A). Mødet sluttede kl. 18.40", ("Carl Berg",)),
    ):
        document = parse_text(
            f"Referat\n\nByrådet\n\nMødedato: 4. marts 2024\n{line}\n\n1. Godkendelse af "
            "dagsorden\n\nBeslutning\n\nGodkendt.\n"
        )
        assert document.meeting.absent == names


def test_the_meeting_s_absentees_are_those_away_from_every_item():
    from nlp.extract import with_meeting_absentees

    items = "\n\n".join(
        f"{n}. Sag {n}\n\nBeslutning\n\nGodkendt.\n\nFraværende: Per Ravn (V) - Lis Kirk (V) "
        "mødte som stedfortræder."
        for n in (1, 2, 3)
    )
    document, extractions = extracted(f"Byrådet\n\nReferat\n\nMødedato: 7. maj 2024\n\n{items}")
    assert document.meeting.absent == ()
    assert with_meeting_absentees(document, extractions).meeting.absent == ("Per Ravn",)


def test_start_times_of_web_pages():
    for line, time in (
        ("Dato: Tirsdag, Maj 7, 2024 - 08:00", "08:00"),
        ("Mandag den 5. februar 2024\n12:30 Rådhuset, mødelokale 1", "12:30"),
        ("Mødedato: 27. juni 2024\nStarttidspunkt for møde:\n19:00", "19:00"),
    ):
        document = parse_text(
            f"Referat\n\nByrådet\n\n{line}\n\n1. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n"
        )
        assert document.meeting.start_time == time, line
    assert parse_text("Referat\n\nByrådet\n\nDato: Tirsdag, Maj 7, 2024 - 08:00\n\n1. Sag\n\n"
                      "Beslutning\n\nGodkendt.\n").meeting.date.isoformat() == "2024-05-07"  # fmt: skip


def test_a_pdf_s_cover_closed_headings_and_fold_out_links():
    cover = """Struer Kommune
Sekretariatet
Struer, den 22. februar 2024 /ABH

REFERAT
fra møde i
LEMVIG BYRÅD
den 21.02.2024 kl. 18.00 i byrådssalen

61. Godkendelse af dagsorden
Beslutning:
Godkendt.

Lukkede punkter

62. Lukket punkt: Køb af plejeboliger
63. Lukket punkt: Personalesag
"""
    document = parse_text(cover)
    assert (document.meeting.committee, document.meeting.date.isoformat()) == (
        "Lemvig Byråd",
        "2024-02-21",
    )
    assert [(it.number, it.closed) for it in document.items] == [
        (61, False),
        (62, True),
        (63, True),
    ]
    page = """<html><body><main><h1>Sundhedsudvalget</h1><p>Referat af mødet den 16. april 2024</p>
<h2>1. Opfølgning på anskaffelser</h2><h3><a href="#">fold dette punkt ind</a> Beslutning</h3>
<p>Indstillingen blev tiltrådt.</p>
<h2>2. LUKKET PUNKT - Salg af arealer</h2></main></body></html>"""
    document = parse_bytes(page.encode(), "side.html")
    extractions = extract_meeting_items(document.meeting, list(document.items))
    assert [it.title for it in document.items] == [
        "Opfølgning på anskaffelser",
        "LUKKET PUNKT - Salg af arealer",
    ]
    assert [d.outcome.value for d in extractions[0].decisions] == ["approved"]


def test_an_agenda_pdf_with_empty_decision_headings_is_not_minutes():
    agenda = """Dagsorden
Teknik- og Miljøudvalget

Mødedato: 14-05-2024

1. Godkendelse af dagsorden
Sagsnr.: 24/5530
Indstilling
Forvaltningen indstiller, at dagsordenen godkendes.
Beslutning

2. Vejplan for bymidten
Sagsnr.: 23/7765
Indstilling
Forvaltningen indstiller, at vejplanen sendes i høring.
Beslutning
"""
    assert parse_text(agenda).kind is DocumentKind.OTHER
    assert parse_text(agenda.replace("Beslutning\n\n2.", "Beslutning\nGodkendt.\n\n2.")).kind is (
        DocumentKind.MINUTES
    )


def test_a_portal_heading_printed_again_under_itself_is_one_heading():
    page = """<html><body><main><h1>Referat</h1><p>Kultur- og Idrætsudvalget, 4. september 2024</p>
<h2>Pkt. 110 Meddelelser fra formanden</h2><h3>Pkt. 110</h3><h3>Meddelelser fra formanden</h3>
<h4>Beslutning</h4><p>Til efterretning.</p>
<h2>Pkt. 111 Ny strategi for kunstmuseet</h2><h3>Pkt. 111</h3><h3>Ny strategi for kunstmuseet</h3>
<h4>Beslutning</h4><p>Drøftet.</p>
<p>Made with FlippingBook - Online magazine maker</p></main></body></html>"""
    document = parse_bytes(page.encode(), "side.html")
    extractions = extract_meeting_items(document.meeting, list(document.items))
    assert [(it.number, it.title) for it in document.items] == [
        (110, "Meddelelser fra formanden"),
        (111, "Ny strategi for kunstmuseet"),
    ]
    assert [[d.text for d in e.decisions] for e in extractions] == [
        ["Til efterretning."],
        ["Drøftet."],
    ]


def test_attendance_lists_of_web_pages_and_of_a_meeting_held_over_two_days():
    page = """<html><body><h1>Sundhedsudvalget - Referat - 16. april 2024</h1>
<dl><dt>Mødedato</dt><dd>16-04-2024 kl. 15:00</dd><dt>Deltagere</dt>
<dd><ul><li>Lis Bang, A</li><li>Ole Krag, B</li><li>Kim Dal, C</li></ul></dd></dl>
<ul><li>Afbud</li><li>Kim Dal, C</li></ul>
<h2>1. Meddelelser</h2><h3>Beslutning</h3><p>Til efterretning.</p></body></html>"""
    meeting = parse_bytes(page.encode(), "side.html").meeting
    assert (meeting.participants, meeting.absent) == (
        ("Lis Bang", "Ole Krag", "Kim Dal"),
        ("Kim Dal",),
    )
    two_days = """Økonomiudvalget

Referat

Torsdag 6.06.2024 kl. 8.15

Fraværende:
Den 6. juni 2024: Inge Bjerre (C).
Den 17. juni 2024: Ingen.

70. Regnskab 2023

Beslutning

Godkendt.
"""
    assert parse_text(two_days).meeting.absent == ("Inge Bjerre",)


def test_an_undated_decision_heading_of_the_meeting_s_own_body_and_a_signature_page():
    text = """Beskæftigelsesudvalget

Referat af ordinært møde
Onsdag den 17. april 2024 kl. 08:30

Punkt 1. Godkendelse af dagsorden
Sagsnr.: 24/4400
Beslutning i Beskæftigelsesudvalget
Godkendt.

Punkt 2. Puljeansøgning om jobrotation
Sagsnr.: 24/3260
Beslutning i Beskæftigelsesudvalget
Udvalget godkendte ansøgningen.

Underskrifter

Protokollen oplæst og godkendt.
Mødet hævet kl. 10.05

Lis Bang                         Ole Krag
Formand
"""
    document, extractions = extracted(text)
    assert [[(d.outcome.value, d.text) for d in e.decisions] for e in extractions] == [
        [("approved", "Godkendt.")],
        [("approved", "Udvalget godkendte ansøgningen.")],
    ]


def test_agendas_that_say_so_in_capitals_or_by_their_summons_are_not_minutes():
    for top in (
        "ÅBEN DAGSORDEN\nØKONOMIUDVALG",
        "Udvalg: Kommunalbestyrelsen\n\nIndkaldelse :\n\n  • Lis Bang (A)",
    ):
        text = f"""{top}

Mødedato: 21. oktober 2024

1. Regnskab for varmeværket
Sagsnr. 24/8810
INDSTILLING
Direktionen indstiller, at regnskabet godkendes.

2. Kvalitetsplan for dagtilbud
Sagsnr. 24/6620
INDSTILLING
Direktionen indstiller, at planen godkendes.
"""
        document = parse_text(text)
        assert document.kind is DocumentKind.OTHER, top
        assert not document.title.startswith("Referat")


def test_a_page_s_head_kept_in_a_text_export_and_items_as_small_heading_tables():
    text = """ÅBENT REFERAT
ØKONOMIUDVALGET
Mødedato: 14. maj 2024

SKIVE KOMMUNE
ØKONOMIUDVALG, DEN 14. MAJ 2024
1. VEJANLÆG VED ØSTERGADE
Sagsnr.
24/3310
BESLUTNING
Anbefales.

2

SKIVE KOMMUNE
ØKONOMIUDVALG, DEN 14. MAJ 2024
2. BUDGETSTATUS 2025
Sagsnr.
24/0450
BESLUTNING
Taget til efterretning.
"""
    document, extractions = extracted(text)
    assert [(it.number, it.title) for it in document.items] == [
        (1, "VEJANLÆG VED ØSTERGADE"),
        (2, "BUDGETSTATUS 2025"),
    ]
    assert [[d.outcome.value for d in e.decisions] for e in extractions] == [
        ["recommended"],
        ["noted"],
    ]
    page = """<html><body><p>Byrådet 26-02-2024</p><h2>Dagsorden</h2>
<table><tr><th>Punkt</th><th>Titel</th></tr><tr><td>41</td><td>Indkaldelse af stedfortræder</td></tr></table>
<h4>Beslutning</h4><p>Godkendt.</p>
<table><tr><th>Punkt</th><th>Titel</th></tr><tr><td>42</td><td>Udpegning til Handicaprådet</td></tr></table>
<h4>Beslutning</h4><p>Byrådet udpegede Ole Brink.</p></body></html>"""
    document = parse_bytes(page.encode(), "nemagenda.html")
    assert [(it.number, it.title) for it in document.items] == [
        (41, "Indkaldelse af stedfortræder"),
        (42, "Udpegning til Handicaprådet"),
    ]


def test_absences_as_a_web_page_s_bullets_and_gone_after_an_item():
    from nlp.attendance import find_absences, meeting_absences
    from nlp.names import Gazetteer

    assert meeting_absences("Fraværende\n\n- Bo Dahl ()\n\n- Gorm Sand ()\n\nNæste punkt", ()) == [
        "Bo Dahl",
        "Gorm Sand",
    ]
    left = "Frida Kjær (T) var ikke til stede efter punkt 3."
    assert [bool(find_absences(left, Gazetteer(()), n)) for n in (3, 4)] == [False, True]
    twice = "Bo Dahl deltog ikke i behandlingen af pkt. 3 og pkt. 4."
    assert [bool(find_absences(twice, Gazetteer(()), n)) for n in (3, 4, 5)] == [True, True, False]


def test_vote_sides_that_end_with_their_total_and_a_decision_that_nobody_was_away():
    amendment = (
        "Ændringsforslag fra A:\nAt sagen udsættes.\n"
        "For stemte: A, Ø, Bo Dahl (F) og Carl Mose (F) – i alt 10\n"
        "Imod stemte: V, C, B og Dorte Lind (F) – i alt 14\n"
        "Ændringsforslag ikke vedtaget."
    )
    import datetime as dt

    from ingest.records import Item, Meeting, Section, SectionKind
    from nlp.extract import extract_item

    item = Item(
        3,
        "Klimaskov",
        (),
        False,
        1,
        1,
        (Section("Beslutning", SectionKind.DECISION, amendment, (1,)),),
    )
    vote = extract_item(item, Meeting("Kommunalbestyrelsen", dt.date(2024, 5, 2))).votes[0]
    assert (vote.for_count, vote.against) == (10, 14)
    assert vote.against_names[-1] == "Dorte Lind"
    assert _outcomes("Der var ingen stedfortrædere.", "Godkendelse af stedfortræder") == [
        "information"
    ]


def test_a_labelled_dated_decision_of_another_body_is_quoted_not_decided():
    text = """Kommunalbestyrelsen

Referat

Mødedato: 21. marts 2024

3. Takster for 2025

INDSTILLING

Administrationen indstiller, at taksterne godkendes.

BESLUTNING: Økonomiudvalget den 12-03-2024

Anbefales over for KB.

BESLUTNING: Kommunalbestyrelsen den 21-03-2024

Godkendt.
"""
    document, extractions = extracted(text)
    assert [d.outcome.value for d in extractions[0].decisions] == ["approved"]
    assert [(p.body, p.date.isoformat()) for p in extractions[0].prior_decisions] == [
        ("Økonomiudvalget", "2024-03-12")
    ]


def test_the_case_number_before_the_journal_key():
    from ingest.case_lines import case_numbers
    from ingest.records import Block

    head = [Block("J.nr.: 00.30.10S00", 1), Block("Sagsnr.: 24/1056", 1), Block("Indstilling", 1)]
    assert case_numbers(head) == (("24/1056", "00.30.10S00"), 2)
    # the KLE action facet before the journal number, on the line under the title
    assert case_numbers([Block("A00 15/2210", 1), Block("Åben sag", 1)]) == (("15/2210",), 1)


def test_a_label_over_its_title_a_role_inside_a_member_list_and_item_marks():
    text = """Dagsorden med beslutninger

Teknik- og Miljøudvalget
Møde den 7. maj 2019 kl. 8.00 i mødelokale C

Til stede: Lis Bang (A), formand, Ole Krag (V), Mia Friis (C)
Afbud: Kim Dal (O)

Sag nr. 1
Godkendelse af dagsorden
Beslutning: Godkendt.

Åbent punkt

Sag nr. 2
Trafikplan 2019-2022
Beslutning: Godkendt.
"""
    document, extractions = extracted(text)
    assert document.meeting.participants == ("Lis Bang", "Ole Krag", "Mia Friis")
    assert [(it.number, it.title) for it in document.items] == [
        (1, "Godkendelse af dagsorden"),
        (2, "Trafikplan 2019-2022"),
    ]
    assert [[d.outcome.value for d in e.decisions] for e in extractions] == [
        ["approved"],
        ["approved"],
    ]


def test_a_note_under_a_member_in_a_portal_s_participant_list():
    text = """Kommunalbestyrelsen

27.05.2024 kl. 18:00

Deltagere
  • Lis Bang (A) (borgmester) - Deltog
  • Erik Vang (O) - Deltog
  • Deltog ikke under punkterne 2-3
  • Mia Friis (C) - Deltog

Punkt 1 Godkendelse af dagsorden

Beslutning

Godkendt

Punkt 2 Meddelelser

Beslutning

Taget til efterretning

Punkt 3 Takster 2025

Beslutning

Godkendt
"""
    document, extractions = extracted(text)
    assert [e.absent for e in extractions] == [(), ("Erik Vang",), ("Erik Vang",)]


def test_a_decision_heading_run_into_its_sentence_without_a_colon():
    decision = (
        "Beslutning Tilbagesendes Magistratsafdelingen med bemærkning, at byrådet i sit møde den "
        "10. april 2024 har vedtaget Magistratens indstilling af 8. april 2024."
    )
    text = f"Referat\n\nAarhus Byråd\n\nMødedato: 10. april 2024\n\n1. Etablering af multihus\n\n{decision}\n"
    document, extractions = extracted(text)
    assert [d.outcome.value for d in extractions[0].decisions] == ["approved"]
    # a dated heading stays a heading
    assert (
        parse_text(text.replace(decision, "Beslutning i Byrådet den 10. april 2024\n\nGodkendt."))
        .items[0]
        .sections[-1]
        .heading.startswith("Beslutning i Byrådet")
    )


def test_a_transcript_s_labels_first_and_a_facet_code_after_the_title():
    text = """1 Kommunalbestyrelsen BESLUTNINGSPROTOKOL

Dato: Tirsdag den 24. januar 2017

Medlemmer:
Fraværende: Ove Rytter (A) Lis Bang (A) Ole Krag (A) Mia Friis (A) Tom Hald (A) Kim Dal (O) Per Vad (O) Ida Holt (V) Bo Lund (V) Eva Mose (V) Vestby Kommune

2. Spørgetid A00 17/102
Åben sag
Beslutning
Der blev ikke stillet spørgsmål.

3. Takstoversigt S00 16/7720
Åben sag
Beslutning
Godkendt.
"""
    document = parse_text(text)
    assert document.meeting.absent == ()
    assert "Vestby Kommune" not in document.meeting.participants
    assert [(it.number, it.title, it.case_numbers) for it in document.items] == [
        (2, "Spørgetid", ("17/102",)),
        (3, "Takstoversigt", ("16/7720",)),
    ]
