"""Decisions and absences as real councils write them, one rule a test (passages written here)."""

from __future__ import annotations

import datetime as dt

from ingest import parse_bytes
from ingest.records import Item, Meeting, Section, SectionKind
from ingest.sections import dated_decision
from nlp.extract import extract_item, extract_meeting_items
from nlp.records import Outcome

A, D, INFO, DI, P, R = (
    Outcome.APPROVED,
    Outcome.DECIDED,
    Outcome.INFORMATION,
    Outcome.DISCUSSED,
    Outcome.POSTPONED,
    Outcome.REJECTED,
)
MEETING = Meeting("Kommunalbestyrelsen", dt.date(2024, 3, 5))


def _item(number: int | None, decision: str, title: str = "Et punkt", *more: Section) -> Item:
    section = Section("Beslutning", SectionKind.DECISION, decision, (1,))
    return Item(number, title, (), False, 1, 1, (*more, section))


def _outcomes(item: Item, meeting: Meeting = MEETING) -> list[Outcome]:
    return [d.outcome for d in extract_item(item, meeting).decisions]


def test_fixed_opening_items_answered_ingen_inform():
    assert _outcomes(_item(1, "Ingen.", "Fraværende")) == [INFO]
    assert _outcomes(_item(2, "Ingen.", "Bemærkninger/ændringer til dagsordenen")) == [INFO]
    assert _outcomes(_item(3, "Ingen.", "Bemærkninger til dagsorden")) == [INFO]
    assert _outcomes(_item(4, "Godkendt.", "Godkendelse af dagsorden")) == [A]


def test_question_time_without_questions_informs():
    text = "Der er ikke inden fristen indkommet spørgsmål til spørgetiden."
    assert _outcomes(_item(2, text)) == [INFO]
    assert _outcomes(_item(3, "Der var ingen meddelelser.", "Meddelelser")) == [INFO]


def test_a_later_paragraph_that_opens_with_its_outcome_is_a_decision_of_its_own():
    text = "Drøftet.\n\nBesluttet, at budgettet kommer på som fast punkt fremover."
    assert _outcomes(_item(4, text)) == [DI, D]
    numbered = (
        "1. Godkendt.\n\nBesluttet, at betingelserne for at indkalde en stedfortræder er opfyldt."
    )
    assert _outcomes(_item(5, numbered)) == [A, D]


def test_the_body_or_the_agenda_as_subject_opens_a_decision():
    text = (
        "Udvalget besluttede at behandle den udsendte tillægsdagsorden som punkt 9.\n\n"
        "Dagsordenen blev herefter godkendt."
    )
    assert _outcomes(_item(1, text, "Godkendelse af dagsorden")) == [D, A]


def test_sub_headings_each_with_their_decision():
    text = (
        "Valg af stedfortræder for Bo Dahl (A)\n\n"
        "Indstillingen blev godkendt uden afstemning.\n\n"
        "Udtræden af stedfortræderlisten (Eva Krogh)\n\n"
        "Indstillingen blev godkendt uden afstemning."
    )
    decided = extract_item(_item(1, text), MEETING).decisions
    assert [d.outcome for d in decided] == [A, A]
    assert decided[1].text.startswith("Udtræden af stedfortræderlisten")


def test_remarks_and_orientations_stay_with_their_decision():
    assert _outcomes(_item(6, "Godkendt.\n\nAnne Holm (V) kunne ikke tiltræde.")) == [A]
    text = "1. at taget til efterretning\n\nOrientering om et nyt tilskud fra staten."
    assert _outcomes(_item(7, text)) == [Outcome.NOTED]
    informed = "Borgmesteren orienterede om en kommende sag.\n\nGodkendt."
    assert _outcomes(_item(8, informed, "Godkendelse af dagsorden")) == [A]


def test_a_quoted_proposal_after_a_shouted_heading_decides_nothing():
    text = (
        "Fremsendes til forvaltningen med henblik på en indstilling.\n\n"
        "FORSLAG FRA LISTE K\n\n"
        "Byrådet beslutter at halvere taksten."
    )
    assert _outcomes(_item(9, text)) == [Outcome.RECOMMENDED]


def test_another_items_postponement_inside_the_agenda_approval():
    text = (
        "Borgmesteren meddelte, at punkt 9 om en lokalplan udgår.\n\n"
        "Der er omdelt et notat til punkt 12.\n\nGodkendt."
    )
    assert _outcomes(_item(1, text, "Godkendelse af dagsorden")) == [A]
    assert _outcomes(_item(4, "Punktet blev udsat.")) == [P]


def test_numbered_lines_of_names_are_not_points():
    text = (
        "Deltagerne var:\n\n1. Borgmester Anne Holm (A)\n\n2. Bo Dahl (A)\n\n3. Carl Berg (V)\n\n"
        "Dagsordenen blev godkendt."
    )
    assert _outcomes(_item(1, text, "Godkendelse af dagsorden")) == [A]


def test_an_attendance_item_decides_nothing():
    text = "Bo Dahl (A) var fraværende. Som stedfortræder deltog Eva Krogh (A)"
    assert _outcomes(_item(1, text, "Deltagere")) == [INFO]
    assert _outcomes(_item(2, "Godkendt.\n\nBo Dahl (A) var fraværende.")) == [A]


def test_items_rejected_members_proposals_then_the_agenda():
    text = (
        "Liste K foreslog, at punkt 7 blev behandlet som et åbent punkt. Udvalget kunne ikke "
        "støtte dette.\n\nDagsorden blev herefter godkendt, idet punkt 3 blev behandlet sidst."
    )
    assert _outcomes(_item(None, text)) == [R, A]
    two = (
        "Liste K foreslog, at punkt 7 blev behandlet åbent. Udvalget kunne ikke støtte dette. "
        "Liste Ø foreslog, at punkt 8 blev delt i to. Udvalget kunne ikke støtte dette.\n\n"
        "Dagsorden blev herefter godkendt, idet punkt 3 blev behandlet sidst."
    )
    assert _outcomes(_item(None, two)) == [R, R, A]


def test_a_party_groups_nomination_is_decided_by_the_statement_after_it():
    text = (
        "Venstre indstiller, at Eva Krogh vælges som repræsentant i bestyrelsen.\n\n"
        "Kommunalbestyrelsen godkendte dette."
    )
    decided = extract_item(_item(None, text), MEETING).decisions
    assert [(d.outcome, d.amendment) for d in decided] == [(A, False)]
    assert decided[0].text.startswith("Venstre indstiller")
    committee = "Økonomiudvalget indstiller, at sagen godkendes.\n\nBo Dahl (V) tog forbehold."
    assert [d.text[:15] for d in extract_item(_item(None, committee), MEETING).decisions] == [
        "Økonomiudvalget"
    ]


PEOPLE = ("Anne Holm", "Bo Dahl", "Carl Berg", "Dorte Lund", "Eva Krogh", "Finn Lyng")
COUNCIL = Meeting("Byrådet", dt.date(2024, 3, 5), participants=PEOPLE)


def test_a_lower_case_surname_inside_a_list_of_absentees():
    text = "Godkendt\nPeter Holm, Gert vinther og Lise Berg deltog ikke på mødet."
    absent = extract_item(_item(1, text, "Godkendelse af dagsorden"), MEETING).absent
    assert sorted(absent) == ["Gert vinther", "Lise Berg", "Peter Holm"]
    sick = extract_item(_item(2, "Fraværende: Peter Holm syg"), MEETING).absent
    assert sick == ("Peter Holm",)


def test_an_attendance_item_counts_for_the_whole_meeting():
    attendance = _item(None, "Bo Dahl (A) var fraværende. Som stedfortræder deltog Eva Krogh (A)")
    later = _item(None, "Godkendt.")
    first, second = extract_meeting_items(COUNCIL, [attendance, later])
    assert first.absent == ("Bo Dahl",) and second.absent == ("Bo Dahl",)
    assert [d.outcome for d in first.decisions] == [INFO]


def test_a_substitute_called_in_for_a_member():
    text = "Indkaldelse af stedfortræder for Carl Berg (V)\n\nIndstillingen blev godkendt."
    assert extract_item(_item(1, text), COUNCIL).absent == ("Carl Berg",)
    joins = "Godkendt, idet Eva Krogh indtræder som stedfortræder for Dorte Lund."
    assert extract_item(_item(1, joins), COUNCIL).absent == ("Dorte Lund",)


def test_absence_list_with_a_dash_and_empty_party():
    text = "Godkendt.\n\nFraværende- Finn Lyng ()"
    assert extract_item(_item(1, text), COUNCIL).absent == ("Finn Lyng",)


def test_items_named_before_the_absentee_limit_the_absence():
    text = (
        "Dagsordenen blev godkendt.\n\n"
        "Under punkterne 14 og 18 deltog stedfortræder Eva Krogh (V), da Anne Holm (V) var inhabil."
    )
    agenda = _item(1, text, "Godkendelse af dagsorden")
    first, fourteenth = extract_meeting_items(COUNCIL, [agenda, _item(14, "Godkendt.")])
    assert first.absent == () and fourteenth.absent == ("Anne Holm",)


def test_side_lists_with_counts_and_names_carrying_their_party():
    from nlp.names import Gazetteer
    from nlp.votes import find_votes

    text = (
        "For: 4 (Anne Holm (A), Bo Dahl (A), Carl Berg (V), Eva Krogh (Frie Borgere)) "
        "Imod: 2 (Dorte Lund (B), Finn Lyng (Ø)) Liste B stemte imod, idet sagen er oplyst."
    )
    (vote,) = find_votes(text, Gazetteer(PEOPLE), A)
    assert (vote.for_count, vote.against, vote.abstain) == (4, 2, None)
    assert vote.for_names == ("Anne Holm", "Bo Dahl", "Carl Berg", "Eva Krogh")
    assert vote.against_names == ("Dorte Lund", "Finn Lyng")


def test_for_the_motion_stemte_with_parties_and_names_per_side():
    from nlp.names import Gazetteer
    from nlp.votes import find_votes

    text = (
        "For ændringsforslaget fra V stemte 3 (Venstre, Anne Holm) "
        "Imod stemte 2 (Enhedslisten, Bo Dahl) "
        "Undlod at stemme 1 (Carl Berg) Godkendt."
    )
    (vote,) = find_votes(text, Gazetteer(PEOPLE), A)
    assert (vote.for_count, vote.against, vote.abstain) == (3, 2, 1)
    assert vote.for_names == ("Venstre", "Anne Holm")
    assert vote.abstain_names == ("Carl Berg",)


def test_an_approved_recommendation_that_calls_in_substitutes():
    recommendation = Section(
        "Indstilling",
        SectionKind.RECOMMENDATION,
        "Sekretariatet indstiller,\n\nat Eva Krogh indtræder som stedfortræder for Dorte Lund, og\n\n"
        "at dagsordenen godkendes.",
        (1,),
    )
    opening = _item(None, "Godkendt.", "(uden titel)", recommendation)
    first, later = extract_meeting_items(COUNCIL, [opening, _item(None, "Godkendt.")])
    assert first.absent == ("Dorte Lund",) and later.absent == ("Dorte Lund",)
    refused = _item(None, "Ikke godkendt.", "(uden titel)", recommendation)
    assert extract_item(refused, COUNCIL).absent == ()


def test_a_question_put_at_the_meeting_informs():
    put = Section("Sagsfremstilling", SectionKind.CASE, "Foretoges.\n\n”Kan borgmesteren …?”", (1,))
    question = Item(227, "Spørgsmål fra rådmand Bo Dahl om vejene", (), False, 1, 1, (put,))
    assert _outcomes(question) == [INFO]
    other = Item(228, "Lokalplan for et område", (), False, 1, 1, (put,))
    assert _outcomes(other) == []


def test_a_side_list_after_the_count_and_a_comma_mixes_parties_and_members():
    text = (
        "Formanden stillede forslag om, at punkt 12 tages af dagsordenen.\n\n"
        "For forslaget stemte 9, Venstre, Anne Holm (O), Det Radikale Venstre og Socialdemokratiet."
        "\n\nImod forslaget stemte 3, Bo Dahl (O), Lokallisten.\n\n"
        "Eva Krogh (A) deltog i mødet i stedet for Dorte Lund (A)."
    )
    (decision,) = extract_item(_item(7, text, "Godkendelse af dagsorden"), MEETING).decisions
    assert decision.outcome is D  # another item taken off the agenda; no "godkendt" printed
    vote = decision.vote
    assert (vote.for_count, vote.against, vote.abstain) == (9, 3, None)
    assert vote.for_names == ("Venstre", "Anne Holm", "Det Radikale Venstre", "Socialdemokratiet")
    assert vote.against_names == ("Bo Dahl", "Lokallisten")


def test_removing_or_possibly_removing_another_item_is_no_postponement():
    text = (
        "Eva Krogh har orienteret om følgende: Hun frafalder standsningsretten i sag 14, og det "
        "har den virkning, at udvalgets beslutning står ved magt og sagen kan tages af "
        "dagsordenen.\n\nDagsordenen blev godkendt."
    )
    assert _outcomes(_item(3, text, "Godkendelse af dagsorden")) == [A]
    assert _outcomes(_item(4, "Sagen blev udsat til næste møde.")) == [P]


def test_what_a_speaker_reports_is_not_decided_at_the_meeting():
    text = "Borgmesteren orienterede om at han var valgt til selskabets bestyrelse.\n\nTil orientering."
    assert _outcomes(_item(2, text, "Orientering fra borgmesteren")) == [INFO]
    assert _outcomes(_item(3, "Bo Dahl blev valgt som formand.", "Valg af formand")) == [D]
    announced = "Formanden oplyste, at punktet udsættes til næste møde."
    assert _outcomes(_item(4, announced, "Lokalplan for et område")) == [P]


def test_remarks_on_the_agenda_and_a_dash_under_messages():
    wish = "Bilag til punkt 5 er sendt sent ud. Et enigt udvalg ønsker at behandle punktet."
    assert _outcomes(_item(1, wish, "Bemærkninger til dagsordenen")) == [D]
    assert _outcomes(_item(2, "-", "Meddelelser")) == [INFO]
    assert _outcomes(_item(3, "-", "Lokalplan for et område")) == []


def test_a_dated_decision_heading_whose_body_name_has_commas():
    page = (
        "UDVALG\n\nKultur, Fritid og Idrætsudvalget\n\nMØDE\n\nReferat\n\nSTARTTIDSPUNKT\n\n"
        "06-11-2018 07:30:00\n\n"
        "1. Bemærkninger til dagsordenen\n\nBemærkninger til dagsordenen\n\nPunkttype\n\n"
        "Beslutning.\n\nBeslutning Kultur, Fritid og Idrætsudvalget 2018-2021 den 06-11-2018\n\n"
        "Bilag til pkt. 4 vedhæftes referatet fra mødet.\n\n\n"
        "2. Meddelelser\n\nMeddelelser\n\nPunkttype\n\nOrientering.\n\n"
        "Beslutning Kultur, Fritid og Idrætsudvalget 2018-2021 den 06-11-2018\n\n-\n\n\n"
        "3. Tilskud til foreninger\n\nTilskud til foreninger\n\nPunkttype\n\nBeslutning.\n\n"
        "Beslutning Kultur, Fritid og Idrætsudvalget 2018-2021 den 06-11-2018\n\nGodkendt.\n"
    )
    document = parse_bytes(page.encode(), "kultur.txt")
    found = extract_meeting_items(document.meeting, document.items)
    assert [[d.outcome for d in x.decisions] for x in found] == [[INFO], [INFO], [A]]
    assert dated_decision("Beslutning i Udvalget for Kultur, Erhverv og Turisme den 03-05-2021")
    assert dated_decision("Beslutning: Godkendt, idet udvalget den 5. maj 2020") is None


def test_a_decision_written_under_an_empty_absence_label():
    def item(number: int, title: str, words: str) -> Item:
        empty = Section(
            "Beslutning i Økonomiudvalget den 5. marts 2024", SectionKind.DECISION, "", (1,)
        )
        label = Section("Fraværende", SectionKind.OTHER, words, (1,))
        return Item(number, title, (), False, 1, 1, (empty, label))

    agenda = item(1, "Godkendelse af dagsorden", "Godkendt.\n\n2. Siden sidst")
    remarks = item(
        2, "Siden sidst", "Bo Dahl (V) spurgte til vejene.\n\n3. Lokalplan for et område"
    )
    plan = item(3, "Lokalplan for et område", "Anbefales.")
    found = extract_meeting_items(COUNCIL, [agenda, remarks, plan])
    assert [[d.outcome for d in x.decisions] for x in found] == [[A], [INFO], [Outcome.RECOMMENDED]]


def test_a_later_sentence_with_its_own_subject_and_outcome_is_its_own_decision():
    text = (
        "Indledningsvis var der dialog med vandværket om vejen.\n\n"
        "Dialogen blev taget til efterretning. Punktet om vejarbejdet drøftes efter sommeren.\n\n"
        "Dagsordenen blev godkendt. Udvalget godkendte samtidig at drøfte cykelstien."
    )
    assert _outcomes(_item(1, text, "Godkendelse af dagsorden")) == [Outcome.NOTED, P, A]
    told = (
        "Der var foretræde, hvorefter udvalget drøftede sagen. Udvalget besluttede herefter at "
        "udsætte sagen til forvaltningen har svaret."
    )
    assert _outcomes(_item(2, told)) == [P]


def test_an_informing_item_printed_without_a_decision_heading():
    def item(title: str, heading: str, kind: SectionKind, text: str) -> Item:
        return Item(1, title, (), False, 1, 1, (Section(heading, kind, text, (1,)),))

    act = "Kommunalbestyrelsen godkender, at Eva Krogh er indkaldt som stedfortræder for Bo Dahl."
    assert _outcomes(item("Meddelelser", "Resumé", SectionKind.RESUME, act)) == [A]
    fixed = "Ingen.\n\nBemærkninger til dagsordenen\n\nIngen."
    assert _outcomes(
        item("Fraværende og bemærkninger", "Fraværende", SectionKind.OTHER, fixed)
    ) == [INFO]
    case = item("Lokalplan for et område", "Resumé", SectionKind.RESUME, act)
    assert _outcomes(case) == []  # a case's résumé proposes; it does not record the decision


def test_question_time_with_nothing_to_it_and_a_change_written_in():
    assert _outcomes(_item(None, "Intet til spørgetiden.", "(uden titel)")) == [INFO]
    change = (
        "I punkt 8 om forretningsordenen tilføjes, at formanden kan indkalde til ekstra møder.\n\n"
        "Venstre og Enhedslisten stemte for denne ændring.\n\nDansk Folkeparti stemte imod."
    )
    (decision,) = extract_item(_item(None, change, "(uden titel)"), MEETING).decisions
    assert decision.outcome is A and decision.amendment
    assert decision.vote.for_names == ("Venstre", "Enhedslisten")
    told = "Besluttet, at der tilføjes et fast punkt om budgettet på de kommende møder."
    assert _outcomes(_item(2, told)) == [D]


def _votes_of(text: str) -> list[tuple]:
    found = extract_item(_item(5, text), MEETING).decisions
    return [
        (d.outcome, d.vote.for_count, d.vote.against, d.vote.abstain)
        + (d.vote.for_names, d.vote.against_names, d.vote.abstain_names)
        if d.vote
        else (d.outcome, None)
        for d in found
    ]


def test_the_vote_forms_councils_write():
    assert _votes_of("For stemte 4 (C) Imod stemte 9 (A, F, V) Undlod at stemme 1 (T) Faldet") == [
        (R, 4, 9, 1, ("C",), ("A", "F", "V"), ("T",))
    ]
    assert _votes_of("Medlemsforslaget blev tiltrådt med 31 stemmer imod 12.") == [
        (A, 31, 12, None, (), (), ())
    ]
    assert _votes_of("Godkendt. For: A, B og F. Imod: V") == [
        (A, None, None, None, ("A", "B", "F"), ("V",), ())
    ]
    # the larger number first: the outcome and the lists tell which side is which
    assert _votes_of(
        "Forslaget blev forkastet efter afstemning med 28 stemmer mod 21. For: A, C og V. "
        "Imod: Ø, F og B"
    ) == [(R, 21, 28, None, ("A", "C", "V"), ("Ø", "F", "B"), ())]
    assert _votes_of("Forslaget blev forkastet med 2 stemmer mod 7. For stemte: A og V") == [
        (R, 2, 7, None, ("A", "V"), (), ())
    ]
    assert _votes_of(
        "Indstillingen blev godkendt med 38 stemmer mod 11. Ingen medlemmer undlod at stemme."
    ) == [(A, 38, 11, 0, (), (), ())]
    assert _votes_of("Godkendt med stemmerne 6 for, 3 imod.") == [(A, 6, 3, None, (), (), ())]
    assert _votes_of("Indstillingen blev godkendt uden afstemning.") == [(A, None)]


def test_a_proposal_voted_after_the_agenda_approval_is_a_decision_of_its_own():
    text = (
        "Dagsordenen blev godkendt.\n\n"
        "For så vidt angår sag 12 foreslog borgmesteren, at sagen genoptages i byrådet til marts, "
        "idet byrådet ønsker at afvente høringen.\n\nDer blev stemt om forslaget:\n\n"
        "For: 5 (Anne Holm (A), Bo Dahl (A), Carl Berg (V), Dorte Lund (V), Eva Krogh (C))\n\n"
        "Imod: 1 (Finn Lyng (Ø))"
    )
    approval, proposal = extract_item(
        _item(7, text, "Godkendelse af dagsordenen"), COUNCIL
    ).decisions
    assert (approval.outcome, approval.vote) == (A, None)
    assert proposal.outcome is P
    assert (proposal.vote.for_count, proposal.vote.against) == (5, 1)
    assert proposal.vote.against_names == ("Finn Lyng",)


def test_a_meeting_without_items_extracts_nothing():
    assert extract_meeting_items(COUNCIL, []) == []


def test_a_body_and_date_line_ending_in_a_colon_heads_that_days_decision():
    page = (
        "Referat\n\nKommunalbestyrelsen\n\n05-03-2024 kl. 19:00\n\n"
        "Åbent punkt\n\n 1  Vinterbadeanstalt ved havnen\n\n"
        "Resumé\n\nForeningen søger om en grund til en vinterbadeanstalt.\n\n"
        "Indstilling og beslutning\n\nDirektøren indstiller,\n\n"
        "·         at grunden udlejes til foreningen.\n\n"
        "Økonomiudvalget den 20. februar 2024:\n\nAnbefales.\n\n"
        "Kommunalbestyrelsen den 5. marts 2024:\n\nGodkendt.\n\n"
        "Sagsfremstilling\n\nForeningen har 300 medlemmer.\n\n"
        "Åbent punkt\n\n 2  Status på vejarbejdet\n\n"
        "Indstilling og beslutning\n\nDirektøren indstiller,\n\n"
        "·         at orienteringen tages til efterretning.\n\n"
        "Kommunalbestyrelsen den 5. marts 2024:\n\nTaget til efterretning.\n"
    )
    document = parse_bytes(page.encode(), "kommunalbestyrelsen.txt")
    first, second = extract_meeting_items(document.meeting, document.items)
    assert [d.outcome for d in first.decisions] == [A]
    (prior,) = first.prior_decisions
    assert (prior.body, prior.date, prior.outcomes) == (
        "Økonomiudvalget",
        dt.date(2024, 2, 20),
        (Outcome.RECOMMENDED,),
    )
    assert [d.outcome for d in second.decisions] == [Outcome.NOTED]
    # the meeting's own title line is no decision heading
    assert dated_decision("Referat fra mødet i Byrådet den 3. maj 2018:") is None
    assert dated_decision("Udvalget blev den 3. maj 2018 enige om følgende:") is None


def test_a_point_stated_as_a_noun_and_a_discussion_planned_for_later():
    text = (
        "• Godkendelse af skriftlig høring i uge 12 om årets frivillighedspris.\n\n"
        "• Til næste møde dagsordensættes en drøftelse af erfaringerne med de nye åbningstider."
    )
    # Not a discussion held, but the matter put on a later meeting: a decision of its own.
    assert _outcomes(_item(3, text)) == [A, D]
    assert _outcomes(_item(4, "Efter godkendelse af regnskabet blev sagen drøftet.")) == [DI]
    assert _outcomes(_item(5, "Godkendelse af regnskab 2023\n\nDrøftet.")) == [DI]  # the title


def test_a_case_sent_on_to_a_committee_to_handle_is_decided_not_recommended():
    sent = "Fremsendes til Kultur- og Fritidsudvalget til behandling i henhold til byrådets beslutning."
    assert _outcomes(_item(5, sent)) == [D]
    assert _outcomes(_item(6, "Henvist til behandling i Teknik- og Miljøudvalget.")) == [D]
    assert _outcomes(_item(7, "Fremsendes til byrådet.")) == [Outcome.RECOMMENDED]


def test_a_cancelled_meeting_a_round_of_introductions_and_the_next_meetings_date():
    assert _outcomes(_item(1, "Mødet er aflyst.", "Godkendelse af dagsorden")) == []
    assert _outcomes(_item(2, "Alle medlemmer gav en kort præsentation af sig selv.")) == [INFO]
    assert _outcomes(_item(3, "Næste møde er berammet til 4. juni 2024 kl. 14.")) == [INFO]
    handled = (
        "Formanden gav en gennemgang af forretningsordenen.\n\nForretningsordenen blev godkendt."
    )
    assert _outcomes(_item(4, handled)) == [A]


def test_a_body_and_date_run_into_the_decision_after_the_title():
    page = (
        "Referat af Byrådets møde d. 05.03.2024\n\nByrådet 05-03-2024\n\n"
        "Punkt 12: Godkendelse af dagsorden\n\n"
        "00.22.02-A26-1-24 Godkendelse af dagsorden. Byrådet, 05.03.2024 Bo Dahl var fraværende. "
        "Godkendt.\n\n"
        "Punkt 13: Salg af grund ved skolen\n\n"
        "82.06.02-G01-4-23 Salg af grund ved skolen. Plan- og Miljøudvalget, 20.02.2024 Anbefales. "
        "Byrådet, 05.03.2024 Bo Dahl var fraværende. Ikke godkendt.\n"
    )
    document = parse_bytes(page.encode(), "byraadet.txt")
    found = extract_meeting_items(document.meeting, document.items)
    assert [[d.outcome for d in x.decisions] for x in found] == [[A], [R]]


def test_amendments_rejected_after_the_proposal_was_adopted_are_decisions_of_their_own():
    text = (
        "Vedtaget med de ændringer, der indgår i udvalgets erklæring af 22. januar 2024.\n"
        "Enhedslisten kunne ikke tiltræde udvalgets erklæring.\n"
        "3 ændringsforslag fra Enhedslisten blev forkastet med 27 stemmer imod og 2 for.\n"
        "Ændringsforslagene er vedlagt erklæringen."
    )
    adopted, amendment = extract_item(_item(4, text), COUNCIL).decisions
    assert (adopted.outcome, adopted.amendment, adopted.vote) == (A, False, None)
    assert (amendment.outcome, amendment.amendment, amendment.author) == (R, True, "Enhedslisten")
    assert (amendment.vote.for_count, amendment.vote.against) == (2, 27)
    assert _votes_of(
        "Forslaget blev forkastet med 9 stemmer imod, 4 for og 1 undlod at stemme."
    ) == [(R, 4, 9, 1, (), (), ())]
    # a quoted proposal under its shouted heading holds no motions of the meeting
    quoted = (
        "Fremsendes til Teknik- og Miljøudvalget til behandling.\n\n"
        "BESLUTNINGSFORSLAG FRA LISTE X\n\n"
        "Liste X foreslår derfor, at byrådet pålægger forvaltningen at finde en ny placering."
    )
    assert _outcomes(_item(5, quoted)) == [D]


def test_a_combined_recommendation_and_decision_section_holds_the_bodys_decision():
    def item(text: str) -> Item:
        section = Section("INDSTILLING OG BESLUTNING", SectionKind.RECOMMENDATION, text, (1,))
        return Item(3, "Tilskud til sommerkoncerter", (), False, 1, 1, (section,))

    acted = (
        "Forvaltningen indstiller, at udvalget godkender tilskuddet.\n\n"
        "Børne- og Kulturudvalget besluttede, at tilskuddet gives som foreslået."
    )
    found = extract_item(item(acted), MEETING).decisions
    assert [d.outcome for d in found] == [D]
    assert found[0].text.startswith("Børne- og Kulturudvalget besluttede")
    verdict = "Direktionen indstiller,\n\nat planen godkendes.\n\nGodkendt."
    assert _outcomes(item(verdict)) == [A]
    # Only the recommendation: no decision is made up from it.
    assert _outcomes(item("Direktionen indstiller,\n\nat planen godkendes.")) == []


def test_a_roll_call_on_taking_a_point_off_the_agenda_names_both_sides():
    from nlp.names import Gazetteer
    from nlp.votes import find_votes

    text = (
        "Peter Nielsen foreslår, at punkt 7 tages af dagsorden.\n\n"
        "For at punkt 7 tages af dagsorden stemmer:\n\n"
        "Anne Holm, Bo Kragh, Karen M. Lund og Ulrik Bech.\n\n"
        "Imod at punkt 7 tages af dagsorden stemmer:\n\n"
        "Carl Th. Dam, Jens Kr. Yde, Ole P. Storm og Lis Vang.\n\n"
        "Forslaget er vedtaget, hvorfor punkt 7 tages af dagsorden."
    )
    (vote,) = find_votes(text, Gazetteer(()), A)
    assert vote.for_names == ("Anne Holm", "Bo Kragh", "Karen M. Lund", "Ulrik Bech")
    # An abbreviated middle name ("Kr.", "Th.") does not end the list.
    assert vote.against_names == ("Carl Th. Dam", "Jens Kr. Yde", "Ole P. Storm", "Lis Vang")
    # A sentence that ends after a name still ends the list.
    (short,) = find_votes("Imod stemte: Bo Kragh. Forslaget blev vedtaget.", Gazetteer(()), A)
    assert short.against_names == ("Bo Kragh",)


def test_a_section_answered_with_a_lone_dash_does_not_hide_the_dated_decision_under_it():
    page = (
        "Referat\n\nDeltagere:\nAnne Holm, V\nBo Kragh, A\n\n"
        " 1.  1. Godkendelse af dagsordenen\n\n  Økonomi\n\n  -\n\n"
        "  Beslutning i Fritidsudvalget den 04-09-2018\n\n  Dagsordenen godkendt.\n\n"
        " 2.  2. Salg af klubhus\n\n  Økonomi\n\n  -\n\n"
        "  Beslutning i Fritidsudvalget den 04-09-2018\n\n  Udsat til næste møde.\n"
    )
    document = parse_bytes(page.encode(), "fritid.txt")
    assert document.meeting.date == dt.date(2018, 9, 4)
    assert document.meeting.committee == "Fritidsudvalget"
    found = extract_meeting_items(document.meeting, document.items)
    assert [[d.outcome for d in x.decisions] for x in found] == [[A], [P]]


def test_an_open_decision_published_for_a_closed_item_is_its_decision():
    page = (
        "Referat\n\nUnge- og Fritidsudvalget\n\nMøde den 2. april 2024\n\n"
        "12Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n\n"
        "13Orientering om lejeaftale (Lukket punkt)\n\nÅben beslutning\n\n"
        "Taget til efterretning.\n"
    )
    document = parse_bytes(page.encode(), "fritid.txt")
    assert [(it.number, it.closed) for it in document.items] == [(12, False), (13, True)]
    found = extract_meeting_items(document.meeting, document.items)
    assert [[d.outcome for d in x.decisions] for x in found] == [[A], [Outcome.NOTED]]


def test_a_recommendation_line_repeated_before_the_decision_heading_does_not_swallow_it():
    page = (
        "Referat\n\nUdvalg: Ældrerådet\nMødedato: 6. maj 2019\n\n"
        "14. Temamøde om demens\n\nIndstilling\n\nFormanden indstiller,\n\n"
        "at rådet fastlægger datoen.\nFormanden indstiller,\n\nBeslutning\n\n"
        "Rådet besluttede, at temamødet holdes den 3. juni.\n"
    )
    document = parse_bytes(page.encode(), "aeldre.txt")
    (item,) = document.items
    assert [s.heading for s in item.sections][-1] == "Beslutning"
    found = extract_meeting_items(document.meeting, document.items)
    assert [d.outcome for d in found[0].decisions] == [D]


def test_the_next_items_marker_under_a_decision_is_not_its_text():
    assert [d.text for d in extract_item(_item(3, "Godkendt.\n\nÅben"), MEETING).decisions] == [
        "Godkendt."
    ]
    marked = "Drøftet.\n\n  • Pkt. 9 Status på byggeriet"
    assert [d.text for d in extract_item(_item(8, marked), MEETING).decisions] == ["Drøftet."]
    # A point of the decision that names another item stays.
    moved = "Godkendt.\n\nPkt. 5 behandles efter pkt. 7."
    (decision,) = extract_item(_item(1, moved), MEETING).decisions
    assert decision.text.endswith("behandles efter pkt. 7.")


def test_a_note_on_who_came_written_under_the_decision_is_not_its_text():
    for note in (
        "Fremmøde og inhabilitet: Alle var til stede.",
        "Fraværende i Byrådet - 12. maj 2022:\n\nAnne Holm og Bo Kragh",
        "Sted: Medborgerhuset, Torvet 2",
    ):
        (decision,) = extract_item(_item(1, f"Godkendt.\n\n{note}"), MEETING).decisions
        assert (decision.outcome, decision.text) == (A, "Godkendt.")


def test_a_matter_put_on_a_later_meeting_is_decided():
    text = (
        "At 1: Indstilles til Byrådets godkendelse.\n\n"
        "På et kommende møde præsenteres sag om ventelister i dagplejen."
    )
    assert _outcomes(_item(2, text, "Budgetopfølgning 1")) == [Outcome.RECOMMENDED, D]
    # Under a title that informs ("Status på …"), the step agreed is still a decision.
    later = "Der udarbejdes et udkast til et kommissorium, hvilket drøftes på næste udvalgsmøde."
    assert _outcomes(_item(3, later, "Status på idrætsstrategi")) == [D]
    assert _outcomes(_item(4, "Sagen udsættes til næste møde.")) == [P]
    # A report alone stays information.
    assert _outcomes(_item(5, "Formanden orienterede om årsmødet.", "Meddelelser")) == [INFO]


def test_an_attendance_note_in_a_decision_section_of_its_own_decides_nothing():
    document = parse_bytes(
        (
            "Mødedato: 14.03.2023, kl. 15:30\n\nGodkendelse af dagsorden\n\nBeslutning\n\n"
            "Afbud: ingen\n\n"
            "- Ida Holm mødte kl. 15:50 under punkt 2 og forlod mødet kl. 17:50 efter punkt 8.\n\n"
            "- Jens Berg forlod mødet kl. 19 efter punkt 12.\n\n"
            "Sundhedsudvalgets beslutning i mødet den 14. marts 2023:\n\n"
            "Sundhedsudvalget besluttede at imødekomme en anmodning om foretræde under punkt 5.\n\n"
            "Dagsordenen blev dermed godkendt.\n"
        ).encode(),
        "referat.txt",
    )
    assert [i.title for i in document.items] == ["Godkendelse af dagsorden"]
    (found,) = extract_meeting_items(document.meeting, document.items)
    assert [d.outcome for d in found.decisions] == [A, A]
    # Away until item 2 (so from item 1); leaving after item 12 is no absence from item 1.
    assert [a.name for a in found.absences] == ["Ida Holm"]


def test_afbud_ingen_is_an_attendance_note():
    from nlp.attendance import attendance_only, without_attendance

    for note in ("Afbud: ingen", "Fraværende: -", "Afbud: Ingen."):
        assert attendance_only(note) and without_attendance(note) == ""
    assert not attendance_only("Afbud: ingen\n\nGodkendt.")


def test_vote_sides_named_by_group_letters():
    from nlp.names import Gazetteer
    from nlp.votes import find_votes

    text = "Bo Dahl blev valgt som formand.\nFor: Gruppe A, F, O og V.\nImod: Liste H og Gruppe Ø."
    (vote,) = find_votes(text, Gazetteer(()), D)
    assert (vote.for_names, vote.against_names) == (("A", "F", "O", "V"), ("H", "Ø"))


def test_what_a_rejected_amendment_proposed_is_not_its_outcome():
    text = (
        "Et ændringsforslag fra Venstre om at udsætte sagen blev forkastet med 5 stemmer mod 50."
        "\n\nHerefter blev indstillingen godkendt med 49 stemmer mod 6."
    )
    found = extract_item(_item(7, text), MEETING).decisions
    assert [(d.outcome, d.amendment) for d in found] == [(R, True), (A, False)]
    assert (found[0].vote.for_count, found[0].vote.against) == (5, 50)


def test_a_side_listed_in_brackets_ends_at_its_verb():
    text = "Forslaget blev vedtaget med 35 stemmer mod 10 (Ø og O stemte imod)."
    (decision,) = extract_item(_item(8, text), MEETING).decisions
    assert decision.vote.against_names == ("Ø", "O")


def test_at_points_listed_before_their_outcome_are_a_decision_each():
    text = "1. og 2. at-punkt blev godkendt. 3. at-punkt blev taget til efterretning."
    found = extract_item(_item(9, text), MEETING).decisions
    assert [(d.point, d.outcome) for d in found] == [(1, A), (2, A), (3, Outcome.NOTED)]
    text = "1., 2. og 4. at-punkt blev godkendt. 3. at-punkt blev forkastet."
    found = extract_item(_item(10, text), MEETING).decisions
    assert [(d.point, d.outcome) for d in found] == [(1, A), (2, A), (4, A), (3, R)]
    # Numbered decisions stay numbered decisions.
    found = extract_item(_item(11, "1. Godkendt.\n2. Taget til efterretning."), MEETING).decisions
    assert [(d.point, d.outcome) for d in found] == [(1, A), (2, Outcome.NOTED)]


def test_a_recommendation_followed_is_approved():
    assert _outcomes(_item(12, "Anbefalingen fra Økonomiudvalget blev fulgt.")) == [A]


def test_herefter_godkendt_after_a_decision_is_a_decision_of_its_own():
    text = "Udvalget besluttede at gøre punkt 154 til et orienteringspunkt.\n\nHerefter godkendt."
    assert _outcomes(_item(153, text, "Beslutninger om dagsordenen")) == [D, A]


def test_an_outcome_word_in_a_relative_clause_describes_rather_than_decides():
    text = (
        "Brev til regionen er afsendt.\n"
        "Hjemmesiden ajourføres for byrådsmedlemmer, der er bevilget orlov."
    )
    assert _outcomes(_item(2, text, "Siden sidst fra udvalgets medlemmer")) == [INFO]
    assert _outcomes(_item(3, "Der blev bevilget 2 mio. kr. til projektet.")) == [A]


def test_question_time_recorded_as_questions_answered_informs():
    case = Section(
        "Sagsfremstilling",
        SectionKind.CASE,
        "To spørgsmål:\n\n1. Om skolevejen. Spørgsmål besvaret af borgmesteren på mødet.\n\n"
        "2. Om hallen. Der udarbejdes et skriftligt svar.",
        (1,),
    )
    item = Item(571, "Spørgetid 24. juni 2020", (), False, 1, 1, (case,))
    assert [d.outcome for d in extract_item(item, MEETING).decisions] == [INFO]


def test_vote_counts_written_around_their_sides():
    def vote(text: str):
        (decision,) = extract_item(_item(13, text), MEETING).decisions
        v = decision.vote
        return decision, (v.for_count, v.against, v.abstain, v.for_names, v.against_names)

    _, counts = vote("Godkendt med 7 stemmer. 2 stemte imod (O), og 0 undlod at stemme.")
    assert counts == (7, 2, 0, (), ("O",))
    _, counts = vote("Indstillingen blev godkendt med 5 stemmer for (A og F) mod 2 (V).")
    assert counts == (5, 2, None, ("A", "F"), ("V",))
    decision, counts = vote(
        "Ændringsforslag fra Enhedslisten:\nAt der afsættes 1 mio. kr. til cykelstier.\n\n"
        "For stemte: Ø (1)\nImod stemte: A, C, V og O (24)\nUndlod at stemme: F (2)\n\n"
        "Ændringsforslaget blev forkastet."
    )
    assert (decision.outcome, decision.amendment, decision.author) == (R, True, "Enhedslisten")
    assert counts == (1, 24, 2, ("Ø",), ("A", "C", "V", "O"))
    assert decision.vote.abstain_names == ("F",)
