"""Decisions: one per numbered sub-point of a Beslutning section, each with an outcome.

Outcome words are matched on lemmas by the pipeline (`da_outcomes`), so
"godkendt", "godkendes" and "Godkendt" are one pattern. Within a point the
first paragraph that states an outcome decides (later paragraphs are
members' remarks), and within it the strongest outcome wins: "Drøftet og
godkendt" is approved. A member's dissent ("Solveig Munk kunne ikke tiltræde
indstillingen") is not the committee rejecting; "Udvalget kunne ikke
tiltræde" is.

Aarhus form: when the decision adopts or rejects the recommendation as a
whole and the "Beslutningspunkter" section numbers its points ("At 1) ...",
"At 2) ..."), each point gets a decision (`points_from_recommendation`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span

from ingest.item_starts import OUTCOME_OPENING
from ingest.records import Item, Section, SectionKind
from ingest.sections import BODY_WORDS, dated_decision
from nlp.attendance import without_attendance
from nlp.dates import find_dates, parse_danish_date
from nlp.motions import Motion, Sentence, author_of, point_run, split_motions
from nlp.outcomes import PAST_ACTS, PRIORITY
from nlp.records import Decision, Outcome, PriorDecision, Vote

# The vote stated in a decision's words, read knowing its outcome (see `nlp.votes.find_votes`).
VoteReader = Callable[[str, Outcome], Vote | None]

# A committee (not a member or a group) as the subject of "kunne ikke tiltræde".
_COMMITTEE_SUBJECT = re.compile(
    r"^(?:et\s+|det\s+|den\s+)?(?:\w*udvalg\w*|byrådet|kommunalbestyrelsen|magistraten|regionsrådet|"
    r"flertallet|flertal|enigt|enstemmigt|enstemmig|indstillingen|forslaget|sagen|punktet)\b",
    re.IGNORECASE,
)
_DISSENT_VERB = re.compile(
    r"\b(?:kunne|kan)\s+ikke\s+(?:tiltræde|godkende|støtte|anbefale|gå\s+ind\s+for)", re.IGNORECASE
)
_ATTENDANCE = re.compile(
    r"deltog ikke|havde forfald|var fraværende|meldt afbud|afbud fra|i stedet mødte|forlod mødet|"
    r"inhabil|var forhindret|deltog i stedet|ikke til stede|fraværende med afbud",
    re.IGNORECASE,
)
# A note on who came and where, written under the decision: "I mødet deltog:",
# "Fremmøde og inhabilitet:", "Fraværende i Byrådet - 29. marts 2022:", "Sted: …".
_NOTE_LABEL = re.compile(
    r"^[ \t]*(?:I\s+mødet\s+deltog|Fremmøde(?:\s+og\s+inhabilitet)?|Fraværende\s+i\s+[^:\n]{3,80}|"
    r"Sted)[ \t]*:",
    re.MULTILINE,
)
_MONTHS = (
    r"jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec|januar|februar|marts|april|juni|juli|"
    r"august|september|oktober|november|december"
)
# "1. at godkendt", "2)", "Ad 1:", "Ad pkt. 2.", "At 1)", "Beslutningspunkt 3:" at a line or
# sentence start; "... 2. at drøftet" inside a line; "At)" (number left out) counts as the next.
_POINT = re.compile(
    rf"(?:(?<=\n)|^|(?<=[.!?:;]\s)|(?<=[.!?:;]))[ \t]*"
    rf"(?:(?:Ad|At)\s+(?:indstillingens\s+|forslagets\s+)?)?(?:(?:pkt\.?|punkt|beslutningspunkt)\s*)?"
    rf"(?P<n>\d{{1,2}})\s*[.):](?!\d)(?!\s*(?:{_MONTHS})\b)"
    # (not "1. og 2. at-punkt blev godkendt", "3. at-punkt …": at-points, read by the motions)
    r"(?!(?:\s*(?:og|,|-|–)\s*\d{1,2}\.)*\s*at-?punkt)\s*(?:at\b:?\s*)?"
    r"|[ \t](?P<n2>\d{1,2})\.[ \t]+(?-i:at)\b:?\s*"
    r"|(?<![\w])At\s*\)\s*"
    # lettered points at a line or sentence start: "a) Godkendt", "Ad b) Taget til efterretning"
    r"|(?:(?<=\n)|^|(?<=[.!?:;]\s))[ \t]*(?:Ad\s+)?(?P<letter>(?-i:[a-h]))\s*[).](?=[ \t])\s*",
    re.IGNORECASE,
)
_AD_GROUP = re.compile(
    r"(?:^|(?<=\n)|(?<=[.!?]\s))[ \t]*Ad\s+(?:pkt\.?\s*|punkt(?:erne)?\s+)?\d{1,2}\s*(?:og|,|-|–)\s*\d{1,2}",
    re.IGNORECASE,
)
_PARAGRAPH = re.compile(r"\n[ \t]*\n")
_CANCELLED = re.compile(r"\W*(?:mødet|møde)\s+(?:er\s+|blev\s+|var\s+)?aflyst\W*", re.IGNORECASE)
_PARENTHESES = re.compile(r"\([^)]*\)")
_SHOUTING = re.compile(r"\b[A-ZÆØÅ]{4,}(?:\s+[A-ZÆØÅ]{2,})+\b")
_NOTING = re.compile(r"\btage[rs]?\b.{0,120}?\btil\s+efterretning\b", re.IGNORECASE | re.DOTALL)


def strongest_first(labels: Iterable[str]) -> list[Outcome]:
    found = set(labels)
    return [o for o in PRIORITY if o.value in found]


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once per Doc (spaCy joins every token again on each access)."""
    text = doc.user_data.get("minutes:text")
    if text is None:
        text = doc.user_data["minutes:text"] = doc.text
    return text


def _doc(text: str) -> Doc:
    from nlp.pipeline import danish

    return danish()(text)


def _first_word_index(doc: Doc, start: int, end: int) -> int | None:
    for token in doc.char_span(start, end, alignment_mode="expand") or ():
        if token.is_alpha:
            return token.i
    return None


def _kept(doc: Doc, span) -> bool:
    """False for outcome words that are a member's dissent or part of an attendance note."""
    sentence = span.sent
    subject = doc[max(sentence.start, span.start - 2) : span.start].text.lower()
    if _ATTENDANCE.search(_PARENTHESES.sub("", sentence.text)) and not _RUN_ON_SUBJECT.search(
        subject
    ):
        # not "Godkendt (afbud fra Søren Larsen)." (but "Ikke til stede: Bo Dahl Dagsordenen
        # godkendt.", a transcript that lost the line break, is the decision)
        return False
    if _MINORITY.match(sentence.text):
        return False  # "Mindretallet (V) ønskede sagen udsat": a minority decides nothing
    label = span.label_
    previous = doc[span.start - 1].lower_ if span.start > 0 else ""
    following = doc[span.end].lower_ if span.end < len(doc) else ""
    if label in _NEGATABLE and (previous in ("ikke", "ej") or following in ("ikke", "ej")):
        return False  # part of a rejection pattern
    if label == Outcome.RECOMMENDED.value and _SECOND_READING.match(doc_text(doc), span.end_char):
        return False  # "oversendes til 2. behandling": the council's own next reading
    if label == Outcome.RECOMMENDED.value and _referral_at(doc, span):
        return False  # "Fremsendes til X-udvalget til behandling": sent on, nothing recommended
    if label == Outcome.APPROVED.value and span[0].lower_ == "godkendelse":
        # "• Godkendelse af mailhøring …" states a point; "efter godkendelse af …" does not,
        # nor does the item's title repeated as a line of its own ("Godkendelse af regnskab")
        first = _first_word_index(doc, sentence.start_char, sentence.end_char) == span.start
        said = sentence.text.rstrip().endswith((".", "!")) or bool(_BULLET.match(sentence.text))
        return first and said
    planned = span[0].lower_ in ("drøftelse", "drøftes") and (
        _LATER_MEETING.search(sentence.text)
        or _UNDER_ITEM.search(sentence.text)  # "… at sagen drøftes under pkt. 5"
        or _WISHED.search(_clause_before(doc, span))  # "X foreslog en drøftelse af …"
    )
    if label == Outcome.DISCUSSED.value and planned:
        return False  # "Til næste møde dagsordensættes en drøftelse af …": not yet discussed
    sent_back = label == Outcome.DECIDED.value and span[-1].lower_ == "tilbage"
    text = doc_text(doc)
    line = text[text.rfind("\n", 0, span.start_char) + 1 : span.start_char]
    if (
        (_OTHER_ITEM.match(_clause_before(doc, span)) or _OTHER_ITEM_TITLED.match(line))
        and not _in_point_run(doc, sentence)
        and not sent_back  # "Punkt 12 udgår og sagen sendes tilbage til …": the approval's act
    ):
        return False  # "Borgmesteren meddelte, at punkt 9 udgår": another item's outcome
    before = doc_text(doc)[sentence.start_char : span.start_char]
    if _EARLIER_MEETING.search(before):
        return False  # "Økonomiudvalget har på deres møde den 19. april 2017 besluttet …": reported
    after = text[span.end_char : span.end_char + 40]
    if span[-1].lower_ in PAST_ACTS and _DATED_AFTER.match(after):
        return False  # "Byrådet godkendte den 3. maj 2023 med 20 stemmer mod 5 …": history
    start = text.rfind("\n\n", 0, span.start_char) + 1
    end = text.find("\n\n", span.end_char)
    paragraph = text[start : end if end >= 0 else len(text)]
    opened = sum(paragraph[: span.start_char - start].count(q) for q in _QUOTE_MARKS) % 2
    if opened and any(q in paragraph[span.end_char - start :] for q in _QUOTE_MARKS):
        return False  # inside a quotation: a proposal's or a remark's words
    if _CHANGE_CLAUSE.search(before):
        return False  # "Anbefales, med den ændring, at projektet udskydes": the change's words
    if _RELATIVE.search(before):
        return False  # "… i forhold til byrådsmedlemmer, der er bevilget orlov": a description
    if _PROPOSED.search(before) and any(
        later.start >= span.end and later.end <= sentence.end
        for later in doc.spans.get("outcomes", [])
    ):
        return False  # "Et ændringsforslag om at udsætte sagen blev forkastet": what was proposed
    if (
        _PROPOSED.search(before)
        and (_PUT_FORWARD.search(before) or sentence.text.rstrip().endswith(":"))
        # (not "… om, at X udgår, blev herefter forkastet": the clause closed, the main verb)
        and "," not in re.split(r"\bom,?\s+at\b", before, flags=re.IGNORECASE)[-1]
    ):
        # "afstemning om et af X stillet procedureforslag om, at sagen udsættes", "Ændringsforslag
        # nr. 3 fra A om at udskyde besparelsen:": what is proposed, its outcome still to come
        return False
    if _ATTRIBUTIVE.search(before) and span[-1].lower_.endswith("e"):
        return False  # "med de vedtagne ændringer", "de af Økonomiudvalget anbefalede ændringer"
    if label == Outcome.POSTPONED.value:
        if previous in ("kan", "kunne"):
            return False  # "… og sagen kan tages af dagsordenen": a consequence, not an act
        if _OTHER_ITEM.match(_AT_CLAUSE.split(before)[-1]) and not _in_point_run(doc, sentence):
            return False  # "forslag om, at dagsordenens punkt 38 - …, tages af dagsordenen"
    if span.text.lower() in _CHANGE_VERBS and _AT_CLAUSE.search(before):
        return False  # "Besluttet, at der tilføjes et punkt": the change is what was decided
    if previous in _MODALS and re.fullmatch(r"[a-zæøå]+e", span[0].lower_):
        return False  # "… at det ny lokaludvalg vil vedtage en fortsættelse": not (yet) done
    if label not in _ANNOUNCED and _REPORTED.search(before):
        return False  # "Borgmesteren orienterede om, at han var valgt til …": reported
    if label in (Outcome.REJECTED.value, Outcome.APPROVED.value):
        window = doc[max(sentence.start, span.start - 3) : span.end].text
        if _DISSENT_VERB.search(window):
            # The clause's subject: from the last comma or conjunction before the verb.
            clause_start = sentence.start
            for token in doc[sentence.start : span.start]:
                if token.text in (",", ";") or token.lower_ in ("idet", "men", "mens"):
                    clause_start = token.i + 1
            subject = doc[clause_start : span.start].text.strip()
            return bool(_COMMITTEE_SUBJECT.match(subject))
    return True


# (Not "kan/kunne": "Udvalget kan anbefale", "Flertallet kunne tiltræde" state a stance.)
_RUN_ON_SUBJECT = re.compile(
    r"\b(?:dagsordenen|indstillingen|forslaget|sagen|referatet)\b(?:\s+blev)?$"
)
_EARLIER_MEETING = re.compile(
    rf"\bpå\s+(?:\w+\s+){{0,2}}møde\s+(?:den\s+|d\.\s*)?\d{{1,2}}\.?\s*(?:{_MONTHS}|\d{{1,2}}\.)",
    re.IGNORECASE,
)
_QUOTE_MARKS = '"“”„»«'
# "… godkendte den 3. maj 2023", "… vedtog i 2019": a past act on its own date
_DATED_AFTER = re.compile(
    rf"\s+(?:(?:den|d\.)\s*\d{{1,2}}\.?\s*(?:{_MONTHS}|\d{{1,2}}\.)|i\s+(?:19|20)\d\d\b)",
    re.IGNORECASE,
)
_CHANGE_CLAUSE = re.compile(
    r"\bmed\s+(?:den|de|følgende)\s+(?:ændring|tilføjelse|bemærkning|præcisering|justering)\w*"
    r"\s*,?\s+at\b",
    re.IGNORECASE,
)
_MINORITY = re.compile(r"\W*(?:et\s+)?mindretal(?:let)?\b", re.IGNORECASE)
_MODALS = {"vil", "ville", "skal", "skulle", "bør", "burde"}
# A relative clause that describes something already so, not this meeting's act: "…
# medlemmer, der er bevilget orlov", "… planen, som blev vedtaget i 2019," (not "Der blev
# bevilget …", where "der" opens the sentence).
_RELATIVE = re.compile(
    r"[\wæøå][,]?\s+(?:der|som)\s+(?:er|var|blev|har\s+været)\s+$", re.IGNORECASE
)
# Inside what a proposal proposes: "(Ændrings)forslag(et) fra V om(,) at udsætte sagen …".
_PROPOSED = re.compile(r"forslag\w*\b[^.;:]*?\bom,?\s+at\b[^.;:]*$", re.IGNORECASE)
# An article before the participle: an outcome's word describing a thing ("de vedtagne
# ændringer", "den af byrådet godkendte lokalplan").
_ATTRIBUTIVE = re.compile(r"\b(?:de|den|det)\s+(?:af\s+[^,.;:]{1,60}?\s+)?$", re.IGNORECASE)
# A proposal being put forward or to the vote, its outcome still to come.
_PUT_FORWARD = re.compile(
    r"\b(?:afstemning\s+om|stillet|fremsat|stillede|fremsatte|stiller|fremsætter)\b", re.IGNORECASE
)
# A clause whose subject is another agenda item: "(at) punkt 9 vedrørende ... udgår".
_OTHER_ITEM = re.compile(
    r"^\W*(?:at\s+)?(?:dagsordenens\s+|dagsordens)?(?:punkt|pkt\.?|sag)(?:\s+nr\.?)?\s*\d+\b",
    re.IGNORECASE,
)
# "Punkt 51. Beslutning om frokostordning 25/17702 udsat.": another item, by number and title.
_OTHER_ITEM_TITLED = re.compile(r"^\W*(?:punkt|pkt\.?)\s*\d+\.\s+[^.!?\n]*$", re.IGNORECASE)
# What the chair announces of the item itself is its outcome: "Formanden oplyste, at punktet
# udsættes til næste møde".
_ANNOUNCED = {Outcome.INFORMATION.value, Outcome.POSTPONED.value, Outcome.CLOSED.value}
_AT_CLAUSE = re.compile(r"\bat\b", re.IGNORECASE)
_VOTED_CHANGE = re.compile(
    r"\bstemte\s+(?:for|imod)\s+(?:denne|den\s+foreslåede)\s+ændring\b", re.IGNORECASE
)
# Verbs that write a change in ("I punkt 113 tilføjes, at …"): approval as main verb only.
_CHANGE_VERBS = {"tilføjes", "tilføjedes", "indføjes", "indarbejdes", "indarbejdedes"}
# What a speaker told the meeting: "Borgmesteren orienterede om, at …", "oplyste, at …"
_REPORTED = re.compile(
    r"\b(?:orienterede|orienterer|oplyste|oplyser|informerede|informerer|meddelte|meddeler|"
    r"redegjorde|fortalte|nævnte)\b(?:\s+om)?\s*,?\s+at\b",
    re.IGNORECASE,
)


_BULLET = re.compile(r"\s*[•·▪◦*–-]\s")
# A discussion planned under another item of the meeting, or asked for by a member.
_UNDER_ITEM = re.compile(
    r"\bunder\s+(?:(?:dagsordens)?punkt|pkt\.?)\s*\d+|\bunder\s+eventuelt\b", re.IGNORECASE
)
_WISHED = re.compile(r"\b(?:foreslog|foreslår|ønskede|ønsker|bad\s+om|efterlyste)\b", re.IGNORECASE)
# A discussion planned for a later meeting ("Til næste møde dagsordensættes en drøftelse").
_LATER_MEETING = re.compile(
    r"\bdagsordensæt\w*|\bsættes\s+på\s+(?:\w+\s+)?dagsorden\w*|"
    r"\b(?:næste|senere|kommende|et\s+senere|et\s+kommende)\s+\w*møde\b",
    re.IGNORECASE,
)


def _in_point_run(doc: Doc, sentence: Span) -> bool:
    """A sentence among its neighbours deciding the recommendation point by point."""
    near = [
        s.text for s in doc.sents if abs(s.start_char - sentence.start_char) <= _POINT_RUN_REACH
    ]
    return point_run(near)


_POINT_RUN_REACH = 400


def _referral_at(doc: Doc, span: Span) -> bool:
    """A referral ("Fremsendes til X til behandling", `decided`) matched from the same word."""
    return any(
        other.label_ == Outcome.DECIDED.value and other.start == span.start
        for other in doc.spans.get("outcomes", [])
    )


def _clause_before(doc: Doc, span: Span) -> str:
    """The words of the span's clause before it: from the last comma, "at" or "idet"."""
    start = span.sent.start
    for token in doc[span.sent.start : span.start]:
        if token.text in (",", ";", ":") or token.lower_ in ("idet", "mens", "men"):
            start = token.i + 1
    return doc[start : span.start].text


_NEGATABLE = {Outcome.APPROVED.value, Outcome.RECOMMENDED.value}
_SECOND_READING = re.compile(r"\s+til\s+(?:\w+s\s+)?(?:2\.?|anden)\s*behandling", re.IGNORECASE)
# A sentence about an amendment ("Ændringsforslaget fra C blev forkastet ..."): its outcome is
# the amendment's, not the item's, unless nothing else in the decision states one.
_AMENDMENT = re.compile(
    r"^\W*(?:[\wæøå-]+\s+){0,3}?(?:ændrings|tillægs)forslag(?:et|ene)?\b", re.IGNORECASE
)


def _subordinate_negation(doc: Doc, span, kept) -> bool:
    """A negated approval after the sentence's own approval: "Godkendt, idet der ikke bevilges ..."."""
    if span.label_ != Outcome.REJECTED.value or not any(t.lower_ in ("ikke", "ej") for t in span):
        return False
    sentence = span.sent
    return any(
        other.label_ in _NEGATABLE and sentence.start <= other.start and other.end <= span.start
        for other in kept
    ) and any(
        t.text == "," or t.lower_ in ("idet", "dog") for t in doc[sentence.start : span.start]
    )


def _paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, position = [], start
    for m in _PARAGRAPH.finditer(text, start, end):
        spans.append((position, m.start()))
        position = m.end()
    spans.append((position, end))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def outcome_between(doc: Doc, start: int, end: int) -> Outcome | None:
    """The outcome of the first paragraph in doc.text[start:end] that states one."""
    groups = doc.spans.get("outcomes", [])
    matches = [s for s in groups if s.start_char >= start and s.end_char <= end]
    amendment: Outcome | None = None
    informing: Outcome | None = None  # "Borgmesteren meddelte ..." before the decision proper
    for a, b in _paragraphs(doc_text(doc), start, end):
        labels, amended = set(), set()
        first_word = _first_word_index(doc, a, b)
        kept = [s for s in matches if s.start_char >= a and s.end_char <= b and _kept(doc, s)]
        for span in kept:
            lukket = span.label_ == Outcome.CLOSED.value and span.text.lower() == "lukket"
            if lukket and span.start != first_word:
                continue  # "Lukket" decides only as the paragraph's first word
            if _subordinate_negation(doc, span, kept):
                continue
            (amended if _AMENDMENT.match(span.sent.text) else labels).add(span.label_)
        if labels == {Outcome.INFORMATION.value}:
            informing = informing or Outcome.INFORMATION
        elif labels:
            return strongest_first(labels)[0]
        if amended and amendment is None:
            amendment = strongest_first(amended)[0]
    return amendment or informing


def split_points(
    text: str, start: int = 0, end: int | None = None
) -> list[tuple[int | None, int, int]]:
    """Numbered sub-points 1, 2, 3 ... as (number, start, end) in text; one unnumbered point if none.

    Numbering that follows a preamble with its own outcome belongs to quoted text
    (a member's proposal after "Fremsendes til ..."), not to the decision.
    """
    end = len(text) if end is None else end
    if _AD_GROUP.search(text, start, end):
        return [(None, start, end)]  # "Ad 2 og 3: Udsat.": groups of points, read by the motions
    marks: list[tuple[int, int, int]] = []
    expected = 1
    for m in _POINT.finditer(text, start, end):
        number = m.group("n") or m.group("n2")
        letter = m.group("letter")
        n = int(number) if number else ord(letter) - ord("a") + 1 if letter else expected
        if n == expected:
            marks.append((n, m.start(), m.end()))
            expected += 1
    if not marks or _name_list(text, marks, end):
        return [(None, start, end)]
    preamble = _bare_preamble(text[start : marks[0][1]])
    if preamble and (len(marks) == 1 or not _OPENS_POINTS.search(preamble)):
        return [(None, start, end)]
    points = []
    for k, (n, _, body) in enumerate(marks):
        stop = marks[k + 1][1] if k + 1 < len(marks) else end
        points.append((n, body, stop))
    return points


# What introduces the decided points: a colon, or the body's act ("Udvalget besluttede, 1. at …").
_ACT_OPENS_POINTS = re.compile(
    r"\b(?:besluttede|beslutter|vedtog|vedtager|tiltrådte|godkendte|godkender)\s*,"
    r"(?:\s*\d{1,2}[.)]\s*(?:at\b)?)?$",  # (up to the first point's label)
    re.IGNORECASE,
)
_OPENS_POINTS = re.compile(rf":$|{_ACT_OPENS_POINTS.pattern}", re.IGNORECASE)


def _bare_preamble(text: str) -> str:
    """What stands before a decision's first point, without the lines that only date it or
    record attendance ("Handicaprådet den 09.11.2020" / "Ikke til stede: Bo Dahl")."""
    lines = [
        line
        for line in without_attendance(text).split("\n")
        if line.strip() and dated_decision(line.strip(), headed=True) is None
    ]
    return "\n".join(lines).strip()


# "Lars Weiss (A)", "Borgmester Mia Nyegaard (B)": a line that only names someone.
_NAME_LINE = re.compile(
    r"[ \t]*(?:(?:[A-ZÆØÅ]\.|[A-ZÆØÅ][\wæøåéü-]+)[ \t]+){1,5}(?:[A-ZÆØÅ]\.|[A-ZÆØÅ][\wæøåéü-]+)"
    r"(?:[ \t]*\([^()\n]{1,30}\))?[ \t]*"
)


def _name_list(text: str, marks: list[tuple[int, int, int]], end: int) -> bool:
    """Numbered lines that name people (a list of who took part) are not sub-points."""
    named = 0
    for k, (_, _, body) in enumerate(marks):
        stop = marks[k + 1][1] if k + 1 < len(marks) else end
        line = text[body:stop].split("\n", 1)[0]
        named += bool(_NAME_LINE.fullmatch(line))
    return len(marks) >= 2 and named * 3 >= len(marks) * 2


# The next item's marker printed under a decision: "Åben", "• Pkt. 17 Resultat af …".
_NEXT_ITEM_MARK = re.compile(
    r"\s*(?:(?:åben|åbent)(?:\s+punkt)?\s*$|[•·▪]?\s*(?:pkt|punkt)\.?\s*\d{1,3}(?:\s*$|\s+(?-i:[A-ZÆØÅ])))",
    re.IGNORECASE,
)


def _clean(text: str) -> str:
    """A decision's words: up to the first shouted heading or long quoted paragraph."""
    m = _SHOUTING.search(text)
    if m and m.start() > 0:
        text = text[: m.start()]
    kept = []
    for k, paragraph in enumerate(_PARAGRAPH.split(text)):
        if k and (len(paragraph) > 600 or _NEXT_ITEM_MARK.match(paragraph)):
            break
        kept.append(paragraph)
    return " ".join(" ".join(kept).split())


def _quote_at(text: str, start: int, end: int) -> int:
    """Where a quoted proposal begins (after "BESLUTNINGSFORSLAG FRA DD", or a long
    paragraph): its words are not the meeting's motions."""
    if (shouted := _SHOUTING.search(text, start, end)) and shouted.start() > start:
        end = shouted.start()
    for a, b in _paragraphs(text, start, end):
        paragraph = text[a:b].strip()
        if len(paragraph) > 600 or (paragraph.isupper() and _SHOUTING.match(paragraph)):
            return a
    return end


# A sentence in quotation marks, whole: the words of a proposal put to the meeting.
_QUOTED = re.compile(r'\s*["“”„»«].*["“”»«][.!]?\s*', re.DOTALL)


def _sentences(doc: Doc, start: int, end: int) -> list[Sentence]:
    """The sentences of doc.text[start:end], each marked when it states an outcome."""
    text = doc_text(doc)
    spans = [s for s in doc.spans.get("outcomes", []) if start <= s.start_char < end]
    kept = [s for s in spans if _kept(doc, s) and not _subordinate_negation(doc, s, spans)]
    found: list[Sentence] = []
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return found  # no tokens: an empty section
    for sent in span.sents:
        clauses = _clauses(text, max(sent.start_char, start), min(sent.end_char, end), kept)
        for a, b in clauses:
            if text[a:b].strip():
                stating = [s for s in kept if _inside(s, a, b) and not _lone_closed(doc, s)]
                if _QUOTED.fullmatch(text[a:b]):
                    stating = []  # a proposal's words quoted: "at sagen til orientering …"
                first = _first_word_index(doc, a, b)
                opens = any(s.start == first and s.label_ not in _NOT_OPENING for s in stating)
                found.append(Sentence(a, b, text[a:b].strip(), bool(stating), opens))
    return found


# "Forslaget blev vedtaget, og ændringsforslaget fra Enhedslisten blev forkastet.": a second
# motion's outcome in a clause of its own.
# Also the recommendation's next point: "Indstillingens punkt 1-2 blev godkendt, og punkt 3
# blev taget til efterretning."
_MOTION_CLAUSE = re.compile(
    r",\s+og\s+(?=(?:(?:[\wæøå-]+\s+){0,2}?(?:\w*forslag(?:et|ene)?|indstilling(?:en|erne)?)\b"
    r"|(?:indstillingens\s+)?(?:punkt(?:erne)?\s+\d|\d{1,2}\.\s*(?:og\s+\d{1,2}\.\s*)?at-?punkt"
    r"|at-?punkt(?:erne)?\s+\d))"
    r"[^,.;]{0,80}?\b(?:blev|er)\b)",
    re.IGNORECASE,
)


def _clauses(text: str, a: int, b: int, kept: Sequence[Span]) -> list[tuple[int, int]]:
    """The sentence a..b, cut before each clause that states another motion's outcome."""
    cuts = [m.end() for m in _MOTION_CLAUSE.finditer(text, a, b)]
    parts = list(zip([a, *cuts], [*cuts, b], strict=True))
    if len(parts) > 1 and all(any(_inside(s, c, d) for s in kept) for c, d in parts):
        return parts
    return [(a, b)]


_NOT_OPENING = {Outcome.INFORMATION.value, Outcome.DISCUSSED.value}


def _inside(span: Span, a: int, b: int) -> bool:
    return a <= span.start_char and span.end_char <= b


def _lone_closed(doc: Doc, span: Span) -> bool:
    """ "lukket" inside a sentence ("hvis punktet er lukket") states nothing."""
    if span.label_ != Outcome.CLOSED.value or span.text.lower() != "lukket":
        return False
    return span.start != span.sent.start


def _motion_decisions(
    doc: Doc, motions: list[Motion], read_vote: VoteReader | None, fallback: Outcome
) -> list[Decision]:
    text = doc_text(doc)
    found = []
    for motion in motions:
        stated = outcome_between(doc, motion.outcome_start, motion.end)
        outcome = stated or fallback
        words = _clean(text[motion.start : motion.end])
        # The vote on a proposal put first stands between it and its outcome ("X stiller
        # forslag om … For forslaget stemmer: … Imod stemmer: … Forslaget falder.").
        vote = (
            read_vote(_clean(text[motion.outcome_start : motion.end]), outcome)
            if read_vote
            else None
        )
        uncounted = vote is None or (vote.for_count, vote.against, vote.abstain) == (None,) * 3
        if uncounted and read_vote and motion.outcome_start > motion.start:
            # ("Der blev stemt om indstillingen: For: 22 (…) … Indstillingen blev godkendt.
            # Liste B undlod at stemme, idet …": the counted vote before the outcome)
            vote = read_vote(words, outcome) or vote
        counted = vote is not None and None not in (vote.for_count, vote.against)
        if stated is None and counted and vote.for_count != vote.against:
            # A motion whose outcome only its counts state: "For … 3. Imod stemte 27."
            outcome = Outcome.APPROVED if vote.for_count > vote.against else Outcome.REJECTED
        for point in motion.points or (None,):
            found.append(Decision(point, outcome, words, motion.amendment, motion.author, vote))
    return found


def decisions_in(
    doc: Doc,
    start: int,
    end: int,
    read_vote: VoteReader | None = None,
    fallback: Outcome = Outcome.DECIDED,
) -> list[Decision]:
    """Decisions of the text doc.text[start:end] (a Beslutning section), each with its vote.

    `fallback` is the outcome of words that state none: `decided` unless the item says
    otherwise (a closed item's unpublished decision, an information item's remarks).
    """
    text = doc_text(doc)
    remainder = without_attendance(text[start:end])
    if remainder and _NOTHING_RECORDED.fullmatch(remainder):
        # "Beslutning" / "Ingen.": nothing was decided, the item only informed.
        return [Decision(None, Outcome.INFORMATION, remainder.strip())]
    found = []
    points = split_points(text, start, end)
    if (
        points[0][0] is not None
        and outcome_between(doc, start, points[0][1]) is not None
        and not _ACT_OPENS_POINTS.search(text[start : points[0][1]].strip())
    ):
        points = [(None, start, end)]  # "Godkendt med følgende ændringer: 1. ... 2. ..."
    attendance = ""
    blank = ""  # a decision printed as a dash: "-"
    for number, a, b in points:
        if number is None and (motions := split_motions(_sentences(doc, a, _quote_at(text, a, b)))):
            found.extend(_motion_decisions(doc, motions, read_vote, fallback))
            continue
        for k, (c, d) in enumerate(statements(doc, a, b)):
            note = _NOTE_LABEL.search(text, c, d)
            if note and text[c : note.start()].strip():
                d = note.start()  # "Godkendt.\n\nFremmøde og inhabilitet: …" ends the decision
            outcome = outcome_between(doc, c, d)
            if note and outcome is None and not text[c : note.start()].strip():
                attendance = attendance or text[c:d].strip()
                continue  # "Sted: Mødelokale 3" under an empty decision: a note, nothing decided
            body = text[c:d].strip()
            if not body or (outcome is None and not re.search(r"[A-Za-zÆØÅæøå]{3}", body)):
                blank = blank or body
                continue
            if _CANCELLED.fullmatch(body):
                continue  # "Mødet er aflyst.": no meeting, so nothing decided
            if _ITEM_HEADING_LINE.fullmatch(body):
                continue  # "• Pkt. 13 Godkendelse af dagsordenen": the next item's heading
            if outcome is None and not re.search(r"[A-Za-zÆØÅæøå]{3}", without_attendance(body)):
                # "-" / "Afbud: Dorte Holm": a dash and an attendance note, nothing decided
                blank = blank or without_attendance(body).strip()
                attendance = attendance or body
                continue
            if outcome is None and _ONLY_BULLETS.fullmatch(body):
                outcome = Outcome.INFORMATION  # "- Dialogmøde med BUPL den 27. marts": topics told
            if outcome is None and number is None:
                if all(
                    _ATTENDANCE.search(_PARENTHESES.sub("", p))
                    for p in _PARAGRAPH.split(body)
                    if p.strip()
                ):
                    attendance = attendance or body
                    continue  # only attendance notes
                outcome = fallback
            outcome = outcome or fallback
            # (Not the attendance record written with it: "Godkendt.\n\nAfbud: X".)
            words = _clean(without_attendance(body) or body)
            vote = read_vote(words, outcome) if read_vote else None
            # "… stemte for denne ændring"; "Ændringsforslag fra Enhedslisten: … forkastet."
            amendment = _AMENDMENT.match(words)
            amended = bool(_VOTED_CHANGE.search(words) or amendment)
            author = author_of(words) if amendment else None
            point = number if k == 0 else None
            found.append(Decision(point, outcome, words, amended, author, vote=vote))
    if not found and attendance and not (blank and fallback is not Outcome.INFORMATION):
        # An attendance item ("X var fraværende. Som stedfortræder deltog Y"): nothing decided.
        found.append(Decision(None, Outcome.INFORMATION, _clean(attendance)))
    if not found and blank and fallback is Outcome.INFORMATION:
        # "Meddelelser" answered "-": nothing was decided, the item informed
        found.append(Decision(None, Outcome.INFORMATION, blank))
    return found


# The paragraph's subject is what is decided, or who decides it: "Dagsordenen blev godkendt",
# "Indstillingen blev godkendt uden afstemning", "Økonomiudvalget besluttede at ...".
_DECIDED_SUBJECT = re.compile(
    # ("Endelig kan udvalget ikke tiltræde …": the verb before its subject after the adverb)
    r"^\W*(?:(?:herefter|derefter|dernæst|endelig)\s+(?:(?:kan|kunne|vil|ville)\s+)?)?"
    r"(?:blev\s+)?(?:den\s+|det\s+)?"
    # "Et af Anne Holm (Ø) fremsat forslag om sagens tilbagevisning …"
    r"(?:et\s+(?:af\s+[^.;:\n]{1,60}?\s+)?(?:fremsat|stillet)\s+(?:\w+\s+)?\w*forslag|"
    # "Indstillingens 1. og 3. at-punkt blev godkendt": the points of the proposal by number
    r"indstillingens\s+(?:(?:\d{1,2}\.|og|,|-|–)\s*)+at-?punkt(?:er|erne)?|"
    r"dagsorden(?:en)?|tillægsdagsorden(?:en)?|indstilling(?:en)?|\w*forslag(?:et)?|referat(?:et)?|"
    r"sagen|punktet|\w*udvalget|\w*rådet|kommunalbestyrelsen|borgerrepræsentationen|"
    r"regionsrådet|magistraten)\b",
    re.IGNORECASE,
)
# A proposal put to the meeting, whose outcome is what it proposes once voted through.
_PROPOSAL = re.compile(
    r"\b(?:foreslog|foreslår|(?:stillede|fremsatte)\s+(?:\w+\s+)?forslag\s+om)\b", re.IGNORECASE
)
_HEADING_LINE = re.compile(r"[^\n.:!?]{3,120}")
# A point's label and its vote opening a paragraph ("Ad 1 For stemte: 2 (C+V) …").
_POINT_VOTE = re.compile(
    r"[ \t]*Ad\.?\s+\d{1,2}(?:\s*(?:og|,|-|–)\s*\d{1,2})*\s*[.:)]?\s+(?:for|imod|undlod)\b",
    re.IGNORECASE,
)
_THEN = {"herefter", "derefter", "dernæst", "endelig", "hereafter", "derpå"}


def _opens_statement(doc: Doc, a: int, b: int, kept: list[Span]) -> bool:
    """A paragraph that begins with a decision of its own: its first sentence states an outcome
    and opens with the outcome ("Besluttet, at ...", "Drøftet.") or with what is decided."""
    first = doc.char_span(a, b, alignment_mode="expand")
    if first is None:
        return False
    sentence = next(iter(first.sents))
    if _POINT_VOTE.match(doc_text(doc), a) and any(a <= s.start_char < b for s in kept):
        return True  # "Ad 2-3 For stemte: 2 (C+V) … Godkendt.": a point's own vote and outcome
    stated = [s for s in kept if a <= s.start_char and s.end_char <= sentence.end_char]
    if not stated or _ATTENDANCE.search(sentence.text):
        return False
    first_word = _first_word_index(doc, a, b)
    if first_word is not None and doc[first_word].lower_ in _THEN and first_word + 1 < len(doc):
        first_word += 1  # "Herefter godkendt.": the outcome after the word that orders it
    opens = any(s.start == first_word for s in stated)
    if _PROPOSAL.search(doc_text(doc)[sentence.start_char : stated[0].start_char]):
        return True  # "For så vidt angår sag 179 foreslog borgmesteren, at sagen genoptages …"
    paragraph = doc_text(doc)[a:b]
    if (
        len(paragraph) < 200
        and _SUBJECT_ACT.match(paragraph)
        and stated[-1].end_char >= sentence.end_char - 20
    ):
        return True  # "Taksterne blev tiltrådt." / "Kirkeskatten vedtoges uændret 0,50 pct."
    return opens or bool(_DECIDED_SUBJECT.match(paragraph) or _ELECTED.match(paragraph))


# "Mikael Rosenkilde blev valgt som økonomiansvarlig": an election, the person its subject.
_ELECTED = re.compile(
    r"^\W*[A-ZÆØÅ][\wæøå-]+(?:\s+[A-ZÆØÅ][\wæøå.-]+){1,3}(?:\s*\([^)]*\))?\s+blev\s+"
    r"(?:gen)?(?:valgt|udpeget|konstitueret)\b"
    # the seat first: "Som 2. viceborgmester valgtes Karl Berg.", "Til udvalget udpeges: …",
    # "Valgt blev: …"
    r"|^\W*(?:Som|Til)\s(?:[^.!?\n]|(?<=\d)\.){1,80}?\s(?:(?:gen)?valgtes|udpeges|udpegedes|blev\s+(?:gen)?valgt"
    r"|blev\s+udpeget)\b"
    r"|^\W*(?:Valgt|Genvalgt|Udpeget)\s+blev\b"
)
# A short paragraph that states one act on its own subject: "Valg af selvbudgettering blev
# tiltrådt.", "Kirkeskatten vedtoges uændret".
_SUBJECT_ACT = re.compile(
    r"^\W*[A-ZÆØÅ][^.!?\n]{0,80}?\s(?:blev|vedtoges|tiltrådtes|godkendtes|anbefaledes)\s"
    # "Ønske 2 anbefales ikke.": a numbered thing and its passive verb, the sentence whole
    r"|^\W*[A-ZÆØÅ][\wæøå-]*\s+\d{1,2}\s+[a-zæøå]+es(?:\s+ikke)?\.?\s*$"
)
# "Dagsorden godkendt. Referat godkendt.", "Ønske 1 anbefales. Ønske 2 anbefales.": two things
# each with its outcome, nothing more, are two decisions even with the same outcome (not
# "Indstillingen godkendt. Bevillingen godkendes.", the one act told twice).
_BARE_ACT = re.compile(
    r"\W*(?P<thing>[A-ZÆØÅ][\wæøå-]+)(?:\s+(?P<number>\d{1,2}))?\s+[a-zæøå]+(?:\s+ikke)?\.\s*"
)
_AGENDA_AND_MINUTES = {"dagsorden", "referat"}


def _two_things(first: str, second: str) -> bool:
    a, b = _BARE_ACT.fullmatch(first), _BARE_ACT.fullmatch(second)
    if a is None or b is None:
        return False
    things = {
        re.sub(r"^(dagsorden|referat)\w*", r"\1", t.lower()) for t in (a["thing"], b["thing"])
    }
    numbered = a["thing"] == b["thing"] and a["number"] and b["number"] != a["number"]
    return bool(numbered) or things == _AGENDA_AND_MINUTES


def statements(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """doc.text[start:end] cut where a later paragraph states a decision of its own.

    "Drøftet.\n\nBesluttet, at ..." is two decisions, so are "Økonomiudvalget besluttede at
    ...\n\nDagsordenen blev herefter godkendt." and two sub-headings each followed by
    "Indstillingen blev godkendt". A paragraph that only informs, or states nothing
    (members' remarks, attendance notes), stays with the decision before it.
    """
    text = doc_text(doc)
    spans = [s for s in doc.spans.get("outcomes", []) if start <= s.start_char < end]
    kept = [s for s in spans if _kept(doc, s) and not _subordinate_negation(doc, s, spans)]
    paragraphs = _paragraphs(text, start, end)
    shouted = _SHOUTING.search(text, start, end)
    quoted = shouted.start() if shouted else end  # "BESLUTNINGSFORSLAG FRA DD": a quote follows
    cuts = [start]
    decided = False  # the current statement has stated a decision (not only information)
    for k, (a, b) in enumerate(paragraphs):
        paragraph = text[a:b].strip()
        if len(paragraph) > 600 or (paragraph.isupper() and _SHOUTING.match(paragraph)):
            break  # a quoted proposal follows ("BESLUTNINGSFORSLAG FRA ..."): not decisions
        outcome = outcome_between(doc, a, b)
        if (
            decided
            and outcome not in (None, Outcome.INFORMATION)
            and _opens_statement(doc, a, b, kept)
        ):
            previous = paragraphs[k - 1]
            heading = _HEADING_LINE.fullmatch(text[previous[0] : previous[1]].strip())
            cut = previous[0] if heading and cuts[-1] < previous[0] else a
            cuts.append(cut)
            decided = False
        if outcome not in (None, Outcome.INFORMATION):
            decided = True
            cuts.extend(_sentence_cuts(doc, a, min(b, quoted), cuts[-1], kept))
    return [(c, cuts[k + 1] if k + 1 < len(cuts) else end) for k, c in enumerate(cuts)]


def _sentence_cuts(doc: Doc, a: int, b: int, since: int, kept: list[Span]) -> list[int]:
    """Later sentences of a paragraph that state another outcome on a subject of their own:
    "Dialogen blev taget til efterretning. Punktet om X drøftes efter sommeren." is two. A
    discussion told in the same paragraph ("… drøftede sagen. Udvalget besluttede herefter …")
    led to the decision after it and is part of it."""
    span = doc.char_span(a, b, alignment_mode="expand") if a < b else None
    if span is None:
        return []
    cuts = []
    for sentence in list(span.sents)[1:]:
        c, d = max(sentence.start_char, a), min(sentence.end_char, b)
        outcome = outcome_between(doc, c, d)
        if outcome in (None, Outcome.INFORMATION) or c <= since:
            continue
        before = outcome_between(doc, since, c)
        done = (None, Outcome.INFORMATION, Outcome.DISCUSSED, outcome)
        if _two_things(doc_text(doc)[since:c], doc_text(doc)[c:d]):
            done = (None, Outcome.INFORMATION)
        if before is Outcome.DISCUSSED and _BARE_DISCUSSED.fullmatch(doc_text(doc)[since:c]):
            done = (None, Outcome.INFORMATION, outcome)  # "Drøftet. Sagen genoptages i maj."
        if before not in done and _opens_statement(doc, c, d, kept):
            cuts.append(c)
            since = c
    return cuts


# "Drøftet.": the outcome alone, a statement of its own (not "Udvalget drøftede sagen.", which
# tells how the decision after it came about).
_BARE_DISCUSSED = re.compile(r"\W*(?:drøftet|drøftedes|debatteret)\b[^.!?]{0,40}[.!?]?\s*", re.I)
# "Medlemsforslaget blev tiltrådt med 34 stemmer imod 15.", "Indstillingen er godkendt.":
# what is decided, then the passive verb of this meeting's act.
_PASSIVE_ACT = re.compile(r"\s(?:blev|er|var)\s+(?:herefter\s+|derefter\s+)?\w+", re.IGNORECASE)
_DATED = re.compile(
    rf"\b(?:\d{{1,2}}\.\s*(?:{_MONTHS})\b|\d{{1,2}}[-./]\d{{1,2}}[-./]\d{{2,4}}|(?:19|20)\d\d\b)",
    re.IGNORECASE,
)


# A paragraph that opens with its outcome ("Godkendt.", "Taget til efterretning."), short.
_OPENING_REACH = 300


def unheaded_decision(doc: Doc, start: int, end: int) -> int | None:
    """Where this meeting's decision starts in text no "Beslutning" heading marks, if anywhere.

    Pages that print the decision under the proposal without a heading (a
    beslutningsprotokol) state it as a paragraph whose subject is what is
    decided and whose verb is passive: "Medlemsforslaget blev tiltrådt med 34
    stemmer imod 15." A dated sentence ("Forslaget blev godkendt i 2019")
    reports an earlier act, not this meeting's.
    """
    text = doc_text(doc)
    paragraphs = _paragraphs(text, start, end)
    for k, (a, b) in enumerate(paragraphs):
        paragraph = text[a:b]
        # (not before a word in lower case: "Indstillingens 1. at-punkt blev godkendt …")
        sentence = re.split(r"(?<=[.!?])\s(?![a-zæøå])", paragraph, maxsplit=1)[0]
        stated = (
            (_DECIDED_SUBJECT.match(sentence) and _PASSIVE_ACT.search(sentence))
            or _BODY_ACTS.match(sentence)
            or (OUTCOME_OPENING.match(sentence.lstrip()) and len(sentence) <= _OPENING_REACH)
        )
        if (
            stated
            and not _DATED.search(sentence)
            and outcome_between(doc, a, a + len(sentence)) not in (None, Outcome.INFORMATION)
        ):
            # "Anne Holm (Ø) stillede følgende ændringsforslag: …" / the proposal's words /
            # "Ændringsforslaget blev forkastet …": the motion begins where it was moved.
            for c, d in paragraphs[max(0, k - 2) : k]:
                if _MOVED.search(text[c:d]):
                    return c
            return a
    return None


_MOVED = re.compile(
    r"\b(?:stillede|fremsatte|stiller|fremsætter)\s+(?:følgende\s+)?\w*forslag", re.IGNORECASE
)


# "Godkendelse af dagsorden. Byrådet, 16.12.2014 Godkendt.": a body and a date opening a
# sentence, run into the text of what the body decided that day (a print that lost its lines).
_INLINE_DATED = re.compile(
    r"(?:^|(?<=[.!?:]\s))(?P<body>[A-ZÆØÅ][\w-]*(?:\s+[\w-]+){0,5}?),?\s+(?:den\s+|d\.\s*)?"
    r"(?P<date>\d{1,2}\.\s?(?:\d{1,2}\.|[a-zæøå]{3,9}\.?)\s?\d{4})\s+(?=[A-ZÆØÅ])"
)


def inline_dated_decision(
    doc: Doc, start: int, end: int, date: dt.date | None, body: str | None
) -> tuple[int, int] | None:
    """Where this meeting's decision is written after an inline "Body, <date>" in
    doc.text[start:end]: the heading of the meeting's date (or, undated, its body's name)."""
    text = doc_text(doc)
    for a, b in _paragraphs(text, start, end):
        found = [
            m
            for m in _INLINE_DATED.finditer(text, a, b)
            if re.search(BODY_WORDS, m["body"], re.IGNORECASE) and len(m["body"].split()) <= 6
        ]
        for k, m in enumerate(found):
            dates = find_dates(m["date"])
            on_date = date is not None and bool(dates) and dates[0][0] == date
            by_body = date is None and body is not None and m["body"].lower() == body.lower()
            if on_date or by_body:
                stop = found[k + 1].start() if k + 1 < len(found) else b
                return m.end(), stop
    return None


# Items that inform: remarks under them state no decision ("Borgmesteren nævnte ...").
_INFORMING_TITLE = re.compile(
    # "Byrådets spørgetid 26/6-2019", "Borgmesterens meddelelser": the owner's name may lead
    r"^\W*(?:\d+\.?\s*)?(?:[A-ZÆØÅ][\wæøå-]*s\s+)?(?:meddelelse|orientering|gensidig\s+orientering|spørgetid|"
    r"spørgsmål|eventuelt|evt\.|siden\s+sidst|nyt\s+fra|formandens|direktørens|status\b|"
    # fixed opening items answered "Ingen.": "Fraværende", "Bemærkninger/ændringer til dagsordenen"
    r"fraværende|fravær\b|afbud\b|(?:bemærkninger|ændringer)(?:\s*(?:/|og)\s*\w+)?\s+til\s+dagsorden|"
    # a small body's opening items: "Velkommen", "Til stede", "Mødedeltagere"
    r"velkom(?:men|st)\b|til\s*stede\b|(?:møde)?deltagere\b|fremmøde|"
    # a visit: "Rundvisning på Plejecenter Solbakken", "Besøg på Ungdomsskolen"
    r"rundvisning\b|besøg\b)",
    re.IGNORECASE,
)


# A member's question put at the meeting: "Foretoges." (it was put), "Besvaret."
_ANSWERED = re.compile(
    r"\s*(?:foretoges|besvaret|besvaredes)(?:\s+mundtligt)?\.?\s*", re.IGNORECASE
)


def answered_question(item: Item) -> Decision | None:
    """A question item ("Spørgsmål fra rådmand X om Y") whose text opens "Foretoges.": it informs.

    Pages that print no Beslutning heading put that line at the top of the item's text.
    """
    if not _INFORMING_TITLE.match(item.title):
        return None
    for section in item.sections:
        first = section.text.strip().split("\n", 1)[0]
        if _ANSWERED.fullmatch(first):
            return Decision(None, Outcome.INFORMATION, first.strip())
    return None


# The body's own act, stated actively: "Kommunalbestyrelsen godkender, at X er indkaldt …",
# "Rådet drøftede sagen …", "Et enigt udvalg anbefalede …".
_BODY_ACTS = re.compile(
    r"^\W*(?:(?:herefter|derefter)\s+)?(?:et\s+enigt\s+|det\s+samlede\s+)?"
    r"(?:[\wæøå-]*udvalg(?:et)?|[\wæøå-]*rådet|kommunalbestyrelsen|bestyrelsen|nævnet|"
    r"borgerrepræsentationen|magistraten)\s+(?:godkender|godkendte|beslutter|besluttede|vedtager|"
    r"vedtog|tiltræder|tiltrådte|tager|tog|drøftede|anbefalede|afviste|udsatte|valgte|bevilgede|"
    r"udpegede|udpeger|imødekom|imødekommer)\b",
    re.IGNORECASE,
)
_ITEM_HEADING_LINE = re.compile(r"\W*(?:Pkt\.?|Punkt)\s*\d{1,4}\.?\s+[A-ZÆØÅ][^\n.!?]{2,150}")
# Only a list of topics, a bullet each: "- Dialogmøde med BUPL den 27. marts 2023".
_ONLY_BULLETS = re.compile(r"(?:\s*[-–•·▪*][ \t]+[^\n]+\n*)+\s*")
# A decision field that says there is nothing: "Ingen.", "Intet." (a lone "-" publishes no
# decision at all, unless the item only informs: below).
# "Ingen.", "Der var ingen stedfortrædere.": nothing to decide
_NOTHING_RECORDED = re.compile(
    r"\s*(?:ingen|intet|(?:der\s+var\s+)?ingen\s+(?:stedfortrædere|suppleanter|afbud|fraværende))"
    r"\s*\.?\s*",
    re.IGNORECASE,
)
# A fixed item's answer: "Ingen.", "Intet.", "-"
_SHORT_ANSWER = re.compile(r"\s*(?:ingen|intet|ingen\s+bemærkninger|-|–)\s*\.?\s*", re.IGNORECASE)


_QUESTION_TIME = re.compile(r"^\W*(?:\d+\.?\s*)?(?:\w+s\s+)?(?:spørgetid|spørgsmål)", re.IGNORECASE)
_ANSWERED_IN_TEXT = re.compile(
    r"[^.\n]*\b(?:besvaret|besvares|besvaredes|besvarede|skriftligt\s+svar)\b[^.\n]*\.?",
    re.IGNORECASE,
)


_ABSENCE_TITLE = re.compile(r"^\W*(?:\d+\.?\s*)?(?:fraværende|fravær|afbud)\b", re.IGNORECASE)


def informing_record(item: Item) -> Decision | None:
    """An informing item (Meddelelser, Fraværende …) printed without a Beslutning section.

    Its text is the record: an act the body states there ("Kommunalbestyrelsen godkender,
    at Mette Poulsen er indkaldt …") is its decision; a short answer ("Ingen.") informs.
    """
    if not _INFORMING_TITLE.match(item.title):
        return None
    answer = None
    for section in item.sections:
        if section.kind in (SectionKind.RECOMMENDATION, SectionKind.ATTACHMENTS):
            continue
        for paragraph in _PARAGRAPH.split(section.text):
            sentence = re.split(r"(?<=[.!?])\s", paragraph.strip(), maxsplit=1)[0]
            if _BODY_ACTS.match(sentence) and (outcome := classify(sentence)) is not None:
                return Decision(None, outcome, " ".join(sentence.split()))
        first = section.text.strip().split("\n", 1)[0]
        if answer is None and _SHORT_ANSWER.fullmatch(first):
            answer = Decision(None, Outcome.INFORMATION, first.strip())
        # Question time recorded as the questions and who answered them: it informed.
        asked = answer is None and _QUESTION_TIME.match(item.title)
        if asked and (found := _ANSWERED_IN_TEXT.search(section.text)):
            answer = Decision(None, Outcome.INFORMATION, " ".join(found.group(0).split()))
        # "Fraværende og bemærkninger til dagsorden" / "Bo Dahl": who was away, recorded
        if answer is None and _ABSENCE_TITLE.match(item.title) and first.strip():
            answer = Decision(None, Outcome.INFORMATION, first.strip())
    return answer


def fallback(item: Item, closed: bool) -> Outcome:
    """The outcome of decision words that state none: what the item is about decides."""
    if closed:
        return Outcome.CLOSED  # a closed item's decision is not published
    if _INFORMING_TITLE.match(item.title):
        return Outcome.INFORMATION
    return Outcome.DECIDED


def tie_votes(found: Sequence[Decision]) -> tuple[list[Decision], list[Vote]]:
    """Decisions and their votes, each vote knowing the (first) decision it decided."""
    votes: list[Vote] = []
    tied: dict[int, Vote] = {}  # id of a reader's vote -> the vote with its decision
    decided = []
    for k, decision in enumerate(found):
        vote = decision.vote
        if vote is not None:
            if id(vote) not in tied:
                tied[id(vote)] = replace(vote, decision=k)
                votes.append(tied[id(vote)])
            decision = replace(decision, vote=tied[id(vote)])
        decided.append(decision)
    return decided, votes


def decisions(section_text: str) -> list[Decision]:
    """Decisions of a Beslutning section's text."""
    text = section_text.strip()
    if not text:
        return []
    return decisions_in(_doc(text), 0, len(text))


def outcomes_in(text: str) -> list[Outcome]:
    """Outcomes of a decision text, one per point, in order and without repeats."""
    return list(dict.fromkeys(d.outcome for d in decisions(text)))


def classify(text: str) -> Outcome | None:
    text = text.strip()
    return outcome_between(_doc(text), 0, len(text)) if text else None


def _is_points_heading(heading: str) -> bool:
    return bool(re.match(r"\s*beslutningspunkter\b", heading, re.IGNORECASE))


def points_from_recommendation(
    found: Sequence[Decision], sections: Sequence[Section]
) -> list[Decision]:
    """Aarhus: "Vedtaget"/"kunne tiltræde indstillingen" applies to each numbered Beslutningspunkt."""
    if len(found) != 1 or found[0].point is not None:
        return list(found)
    decision = found[0]
    if decision.outcome not in (Outcome.APPROVED, Outcome.REJECTED):
        return list(found)
    for section in sections:
        if section.kind is not SectionKind.RECOMMENDATION or not _is_points_heading(
            section.heading
        ):
            continue
        points = split_points(section.text)
        if len(points) < 2:
            continue
        result = []
        for number, a, b in points:
            point_text = " ".join(section.text[a:b].split())
            outcome = decision.outcome
            if outcome is Outcome.APPROVED and _NOTING.search(point_text):
                outcome = Outcome.NOTED  # adopting "X tages til efterretning" notes X
            result.append(Decision(number, outcome, point_text, vote=decision.vote))
        return result
    return list(found)


_PRIOR_HEADING = re.compile(
    r"(?:Tidligere\s+)?Beslutning(?:er)?\s+(?:fra|i|truffet\s+i)\s+(?P<body>.+?)"
    r"(?:,|\s+den\b|\s+d\.)\s*(?:den\s+|d\.\s*)?(?P<date>.*?)"
    r"(?:,?\s*(?:punkt|pkt\.?|sag)\s*(?P<item>\d+))?\s*[:.]?\s*$"
    r"|(?P<gbody>\S+(?:udvalg|råd|magistrat)\w*?)s?\s+beslutning\s+(?:den\s+|d\.\s*)(?P<gdate>.*?)"
    r"(?:,?\s*(?:punkt|pkt\.?|sag)\s*(?P<gitem>\d+))?\s*[:.]?\s*$",
    re.IGNORECASE,
)
_HISTORY_ENTRY = re.compile(
    r"Udvalg:\s*(?P<body>.+?)\s+Dato:\s*(?P<date>[\d.\-/]+)\s+Punktnummer:\s*(?P<item>\d+)"
    r"\s*(?P<text>.*?)(?=\s*Udvalg:|\Z)",
    re.DOTALL,
)
_INLINE_PRIOR = re.compile(
    r"^[ \t]*(?P<heading>(?:Tidligere\s+)?Beslutning(?:er)?\s+(?:fra|i)\s+[^\n]{3,120}?"
    r"(?:punkt|pkt\.?)\s*\d+\s*:?)[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)


_ITEM_AT_END = re.compile(r"\b(?:pkt\.?|punkt)\s*(\d{1,4})\s*[.:]?$", re.IGNORECASE)


def parse_prior_heading(heading: str) -> tuple[str | None, object, int | None]:
    """(body, date, item) of "Beslutning fra Beskæftigelsesudvalget, den 11. juni 2025, punkt 59"."""
    heading = " ".join(heading.split())
    m = _PRIOR_HEADING.match(heading)
    if not m:
        # "Økonomiudvalget den 20. maj 2024", "Økonomiudvalget, 17. september 2024, pkt. 211"
        numbered = _ITEM_AT_END.search(heading)
        item = int(numbered[1]) if numbered else None
        if dated := dated_decision(heading, headed=True):
            return dated.body, dated.date, item
        return None, parse_danish_date(heading), item
    body = (m["body"] or m["gbody"] or "").strip(" ,")
    date = parse_danish_date(m["date"] or m["gdate"] or "") or parse_danish_date(heading)
    item = m["item"] or m["gitem"]
    return body[:1].upper() + body[1:] if body else None, date, int(item) if item else None


def prior_decisions(
    sections: Sequence[Section], doc: Doc | None = None, offsets: Sequence[int] | None = None
) -> list[PriorDecision]:
    """Earlier decisions quoted in the item: "Beslutning fra X, den D, punkt N:" and Sagsforløb blocks.

    With the item's `doc` and each section's text offset in it, outcomes come from
    the item's own pipeline run; otherwise each quoted decision is parsed alone.
    """
    found = []

    def prior(body, date, item, k: int, start: int, end: int) -> PriorDecision:
        text = sections[k].text[start:end]
        if doc is not None and offsets is not None:
            quoted = decisions_in(doc, offsets[k] + start, offsets[k] + end)
        else:
            quoted = decisions(text)
        outcomes = tuple(dict.fromkeys(d.outcome for d in quoted))
        return PriorDecision(body, date, item, outcomes, " ".join(text.split()))

    for k, section in enumerate(sections):
        if section.kind is SectionKind.PRIOR_DECISION:
            found.append(prior(*parse_prior_heading(section.heading), k, 0, len(section.text)))
        elif section.kind is SectionKind.HISTORY:
            for m in _HISTORY_ENTRY.finditer(section.text):
                body = " ".join(m["body"].split())
                date = parse_danish_date(m["date"])
                found.append(prior(body, date, int(m["item"]), k, m.start("text"), m.end("text")))
            headings = list(_INLINE_PRIOR.finditer(section.text))
            for j, m in enumerate(headings):
                stop = headings[j + 1].start() if j + 1 < len(headings) else len(section.text)
                found.append(prior(*parse_prior_heading(m["heading"]), k, m.end(), stop))
    return found


# A combined "Indstilling og beslutning" section: the recommendation, then the body's act
# stated in the past ("Kultur- og Fritidsudvalget besluttede, at …") or a short verdict
# paragraph ("Godkendt.", "Taget til efterretning.").
COMBINED_HEADING = re.compile(r"^\W*indstilling(?:er)?\s+og\s+beslutning(?:er)?\W*$", re.IGNORECASE)
_BODY_ACTED = re.compile(
    rf"^\W*(?:[\w\-]+,?\s+(?:og\s+)?){{0,6}}?\w*{BODY_WORDS}\w*\s+"
    r"(?:besluttede|godkendte|vedtog|tiltrådte|tog|anbefalede|afviste|drøftede)\b",
    re.IGNORECASE,
)


def combined_decisions(
    doc: Doc,
    start: int,
    end: int,
    read_vote: VoteReader | None = None,
    fallback: Outcome = Outcome.DECIDED,
) -> list[Decision]:
    """The body's decisions in a combined "Indstilling og beslutning" section doc.text[start:end].

    The item's outcome words are matched in decision sections only, so the section's text is
    read again on its own, from the first paragraph past the recommendation that decides.
    """
    text = doc_text(doc)[start:end]
    own = _doc(text)
    for a, b in _paragraphs(text, 0, len(text)):
        paragraph = text[a:b].strip()
        if re.match(r"\W*at\b", paragraph, re.I) or re.search(r"\bindstill", paragraph, re.I):
            continue  # the recommendation: "Direktionen indstiller," / "at planen godkendes."
        sentence = re.split(r"(?<=[.!?])\s", paragraph, maxsplit=1)[0]
        short = len(paragraph.split()) <= 6
        if _BODY_ACTED.match(sentence) or (short and outcome_between(own, a, b) is not None):
            return decisions_in(own, a, len(text), read_vote, fallback)
    return []
