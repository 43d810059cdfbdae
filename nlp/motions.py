"""Motions: the several things one decision text decides, in the order they were voted.

Councils vote amendments before the proposal ("Ændringsforslaget fra Venstre blev
forkastet med 20 stemmer mod 35 … Herefter blev indstillingen godkendt med 40
stemmer mod 15"), and decide points of the recommendation in groups
("Indstillingens 1. og 2. at-punkt blev godkendt uden afstemning. 3. at-punkt blev
taget til efterretning."). `split_motions` cuts a decision text into one `Motion`
per such statement; a text that decides one thing gives `None`, and the caller
reads it whole as before.

It works on sentences and whether each states an outcome (the caller's matcher
decides that): a sentence that introduces an amendment or a member's proposal
("Ændringsforslag stillet af Venstre:", "Liste V foreslog, at …") opens a motion
whose outcome comes in the next sentence that states one; its own words are the
proposal's content, not an outcome.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from nlp.names import canonical_party
from nlp.votes import ROLL_CALL_LABEL


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    states_outcome: bool
    opens: bool = False  # it opens with its outcome: "Vedtaget med de ændringer, …"


@dataclass(frozen=True)
class Motion:
    start: int  # where its words begin (an amendment's introduction included)
    outcome_start: int  # where the statement of its outcome begins
    end: int
    points: tuple[int, ...] = ()  # the recommendation's points it decides ("1. og 2. at-punkt")
    amendment: bool = False
    author: str | None = None


_LEAD = r"^\W*(?:(?:Herefter|Derefter|Dernæst|Endelig|Så)\s+(?:blev|er|vedtog|godkendte)\s+)?"
_NUMBERS = r"\d{1,2}\.?(?:\s*(?:,|og|-|–|til)\s*\d{1,2}\.?)*"
# "Indstillingens 1. og 2. at-punkt", "3. at-punkt", "At-punkt 1-3", "Indstillingspunkterne 1 – 3"
_POINTS = re.compile(
    _LEAD + rf"(?:(?:indstillingens|forslagets)\s+)?(?P<a>{_NUMBERS})\s*(?:at-?punkt\w*|at\b)"
    # "Ad 1 og 2: Anbefales.": the points a statement is about, named first
    r"|" + _LEAD + rf"Ad\s+(?:pkt\.?\s*|punkt(?:erne)?\s+)?(?P<d>{_NUMBERS})\s*[:.)]"
    # "Indstillingens 1. punkt", "2. pind": an ordinal point can only be the recommendation's
    r"|" + _LEAD + rf"(?:(?:indstillingens|forslagets)\s+)?(?P<o>{_NUMBERS})\s*(?:punkt|pind)\b"
    r"|" + _LEAD + r"(?:(?:indstillingens|forslagets)\s+(?:(?:at-?)?punkt\w*|pkt\.?)|at-?punkt\w*|"
    rf"indstillingspunkt\w*|beslutningspunkt\w*)\s+(?P<b>{_NUMBERS})\b",
    re.IGNORECASE,
)
_AMENDMENT_NOUN = r"(?:ændrings|tillægs|underændrings)forslag(?:et|ene)?"
# The subject of a sentence that decides a motion.
_MOTION_SUBJECT = re.compile(
    _LEAD + r"(?:[\wæøå-]+\s+){0,2}?(?:\w*forslag(?:et|ene)?|indstilling(?:en|erne|ens)?|"
    r"anbefaling(?:en)?|dagsorden(?:en)?)\b",
    re.IGNORECASE,
)
_AMENDMENT = re.compile(_LEAD + r"(?:[\wæøå-]+\s+){0,2}?" + _AMENDMENT_NOUN + r"\b", re.IGNORECASE)
_ITS_OWN = re.compile(r"\W*(?:[\wæøå-]+\s+){0,2}?\w*forslag", re.IGNORECASE)
# "For at punkt 102 tages af dagsorden stemmer:": a roll call, announced before the result of
# the motion it is on (the names follow, then "Forslaget falder.").
_ROLL_CALL = re.compile(rf"\W*{ROLL_CALL_LABEL}")
# "For ændringsforslaget stemte 3, …", "Imod stemte 27": a sentence of the vote on a motion.
# ("For: 4 (Clara Winge (B), …)", "Imod: A, B (12)": a side's label)
_VOTE_SENTENCE = re.compile(r"\W*(?:For|Imod)\b(?:[^.\n]{0,40}?\bstem(?:te|mer)\b|\s*:)")
# "Der blev begæret afstemning om et af Pia Vest stillet ændringsforslag om, at …"
_PUT_TO_VOTE = re.compile(
    r"\bafstemning\s+om\s+(?:et|det|[\wæøå]+s)\b[^.]*?\w*forslag|"
    r"\b(?:stillet|fremsat)\s+(?:\w+\s+)?\w*forslag\b",
    re.IGNORECASE,
)
# "Budgetforliget (V, A, C og F): Vedtaget af et flertal på 20.": what is decided, a colon,
# its outcome.
_LABELLED = re.compile(
    r"^\W*[A-ZÆØÅ][^:.\n]{2,150}:\s+(?:Forkastet|Vedtaget|Godkendt|Tiltrådt|Anbefalet|Anbefales|"
    r"Godkendes|Vedtages|Forkastes|Tiltrædes|Taget\s+til)\b"
)
# "Budget 2020-2023 blev (herefter) vedtaget …": a thing of its own voted after a motion (not
# "Sagen blev herefter oversendt til Byrådet", what follows from the decision before).
_PASSIVE_THEN = re.compile(
    r"^\W*(?!(?:Sagen|Punktet|Den|Det|Dette|Denne)\b)[A-ZÆØÅ][^.:;\n]{0,80}?\bblev\s+"
    r"(?:[a-zæøå]+\s+){0,2}?(?:vedtaget|godkendt|forkastet|tiltrådt|nedstemt)\b"
)
_THEN = re.compile(r"^\W*(?:herefter|derefter|dernæst|efterfølgende)\b", re.IGNORECASE)
_AFTER = re.compile(r"\b(?:herefter|derefter|dernæst)\b", re.IGNORECASE)
_NAME_WORDS = r"[A-ZÆØÅ][\wæøåé.-]*(?:\s+(?:[A-ZÆØÅ][\wæøåé.-]*))*"
# "Ændringsforslag (stillet) fra/af Venstre", "Ændringsforslaget fra Det Konservative Folkeparti"
_NOUN_AUTHOR = re.compile(
    r"\b(?:\w*forslag(?:et)?)\s+(?:nr\.\s*\d{1,2}\s+)?(?:(?:stillet|fremsat)\s+)?(?:fra|af)\s+"
    rf"(?P<author>{_NAME_WORDS})(?:\s*\([^)]*\))?",
)
# "Venstre stillede følgende ændringsforslag:", "Liste V foreslog, at …"; a party group's
# nomination: "Venstre indstiller, at X vælges" (a committee's "indstiller" is its outcome).
_PROPOSER = re.compile(
    rf"^\W*(?P<author>{_NAME_WORDS})(?:\s*\([^)]*\))?\s+"
    r"(?:(?P<verb>stillede|fremsatte|foreslog|foreslår|stiller|fremsætter|havde\s+stillet)|"
    r"(?P<nominates>indstiller|indstillede))\b"
)
_NOT_AUTHORS = {"Udvalget", "Forvaltningen", "Formanden", "Borgmesteren", "Der", "Det", "Den"}


def _points(numbers: str) -> tuple[int, ...]:
    found: list[int] = []
    for a, b in re.findall(r"(\d{1,2})\.?(?:\s*(?:-|–|til)\s*(\d{1,2}))?", numbers):
        low, high = int(a), int(b) if b else int(a)
        found.extend(range(low, high + 1) if low <= high <= low + 20 else (low,))
    return tuple(dict.fromkeys(found))


# "Punkt 2 taget til efterretning": a bare "Punkt N" is one of the recommendation's points
# only inside a run of such statements that starts at point 1 (`point_run`); alone it may be
# another agenda item ("Punkt 15 udgår").
_BARE_POINTS = re.compile(
    _LEAD + rf"(?:punkt(?:erne)?|pkt\.?)\s*(?P<c>{_NUMBERS})\b", re.IGNORECASE
)


# "Godkendt for så vidt angår 1. og 3. at-punkt": the points named after the outcome
_AS_REGARDS = re.compile(
    rf"^\W*\w+\s+for\s+så\s+vidt\s+angår\s+(?:indstillingens\s+)?(?:(?P<a>{_NUMBERS})\s*"
    rf"(?:at-?punkt\w*|punkt\w*)|(?:at-?punkt\w*|punkt\w*|pkt\.?)\s+(?P<b>{_NUMBERS}))",
    re.IGNORECASE,
)


def points_of(sentence: str, bare: bool = False) -> tuple[int, ...]:
    """The recommendation's points a sentence decides, from its subject: "1. og 2. at-punkt" -> (1, 2)."""
    if m := _POINTS.match(sentence) or _AS_REGARDS.match(sentence):
        return _points(m["a"] or m["b"] or m.groupdict().get("o") or m.groupdict().get("d"))
    if bare and (m := _BARE_POINTS.match(sentence)):
        return _points(m["c"])
    return ()


def point_run(sentences: Sequence[str]) -> bool:
    """Whether the sentences decide the recommendation point by point, from point 1 on:
    "Indstillingens punkt 1 godkendt. Punkt 2 taget til efterretning."."""
    found = [points_of(s, bare=True) for s in sentences]
    numbered = [p for p in found if p]
    return len(numbered) >= 2 and numbered[0][0] == 1


def _proposer(sentence: str) -> re.Match[str] | None:
    m = _PROPOSER.match(sentence)
    if m is None or m["author"] in _NOT_AUTHORS:
        return None
    if m["nominates"] and canonical_party(m["author"].strip(" .")) is None:
        return None
    return m


# "Enhedslistens ændringsforslag", "Venstres forslag": the party's own.
_OWNER_AUTHOR = re.compile(r"\b(?P<owner>[A-ZÆØÅ][\wæøå]+(?:\s+[A-ZÆØÅ][\wæøå]+)*)s\s+\w*forslag\b")


_PUT_BY = re.compile(
    rf"\b[Ee]t\s+af\s+(?P<author>{_NAME_WORDS})(?:\s*\([^)]*\))?\s+(?:stillet|fremsat)\b"
)


def author_of(sentence: str) -> str | None:
    """Who moved an amendment or proposal, as printed: "Ændringsforslag fra Venstre" -> "Venstre"."""
    if (m := _NOUN_AUTHOR.search(sentence)) and m["author"] not in _NOT_AUTHORS:
        return m["author"].strip(" .")
    # "Et af Det Konservative Folkeparti stillet ændringsforslag"
    if m := _PUT_BY.search(sentence):
        return m["author"].strip(" .")
    if (m := _OWNER_AUTHOR.search(sentence)) and canonical_party(m["owner"]) is not None:
        return m["owner"]
    if m := _proposer(sentence):
        return m["author"].strip(" .")
    return None


def _introduces(sentence: Sentence) -> bool:
    """A sentence that puts a proposal forward: its words are the proposal, not an outcome."""
    text = sentence.text
    if _proposer(text):
        return True
    if _VOTE_SENTENCE.match(text):
        return False  # "For ændringsforslaget stemte 3, …": the vote on it
    return not sentence.states_outcome and bool(_AMENDMENT.match(text) or _PUT_TO_VOTE.search(text))


@dataclass
class _Draft:
    """A motion while the sentences are read: its outcome may come later (an introduced
    proposal waits for it), and its vote may come before or after it."""

    start: int
    outcome_start: int | None
    amendment: bool = False
    author: str | None = None
    points: tuple[int, ...] = ()
    after: bool = False  # decided after another motion ("Herefter blev …")
    voted_first: bool = False  # its vote's sides were printed over its outcome
    vote_start: int | None = None


def split_motions(sentences: Sequence[Sentence]) -> list[Motion] | None:
    """One motion per amendment, proposal or group of points decided; None for a single decision."""
    motions: list[_Draft] = []
    bare = point_run([s.text for s in sentences if s.states_outcome])
    waiting = False  # the last motion is an introduced proposal whose outcome has not come yet
    roll_call: int | None = None  # where a roll call on a motion not yet stated began
    sides: int | None = None  # where a vote's sides over an outcome not yet stated began
    for k, sentence in enumerate(sentences):
        text = sentence.text
        if not waiting and _ROLL_CALL.match(text):
            roll_call = sentence.start if roll_call is None else roll_call
            continue
        if not waiting and _VOTE_SENTENCE.match(text) and not sentence.states_outcome:
            sides = sentence.start if sides is None else sides  # "For stemte 21 (…)"
            continue
        # "Budgettet med de af Økonomiudvalget anbefalede ændringer:" over "For stemte: 17 …"
        # and "Godkendt.": a line that names what the vote under it is on.
        heads_vote = (
            text.rstrip().endswith(":")
            and k + 1 < len(sentences)
            and bool(_VOTE_SENTENCE.match(sentences[k + 1].text))
        )
        if heads_vote and sentence.states_outcome and not waiting:
            # "Et af C stillet ændringsforslag … blev forkastet efter følgende afstemning:": its
            # outcome, then the vote on it
            motions.append(
                _Draft(
                    sentence.start if roll_call is None else roll_call,
                    sentence.start,
                    amendment=bool(re.search(_AMENDMENT_NOUN, text, re.IGNORECASE)),
                    author=author_of(text),
                    points=points_of(text, bare),
                    after=bool(_AFTER.search(text)),
                )
            )
        elif _introduces(sentence) or (heads_vote and not waiting):
            nomination = (m := _proposer(text)) is not None and bool(m["nominates"])
            motions.append(
                _Draft(
                    sentence.start,
                    None,
                    amendment=not nomination
                    and (
                        not heads_vote
                        # ("Der blev stemt om Borgerlistens ændringsforslag om …:")
                        or bool(re.search(_AMENDMENT_NOUN, text, re.IGNORECASE))
                    ),
                    author=author_of(text),
                )
            )
            waiting = True
        elif waiting and _VOTE_SENTENCE.search(text) and motions[-1].vote_start is None:
            motions[-1].vote_start = sentence.start
            if sentence.states_outcome:
                motions[-1].outcome_start = sentence.start
                waiting = False
        elif (
            sentence.states_outcome
            and waiting
            and motions[-1].vote_start is not None
            and motions[-1].amendment
            and _MOTION_SUBJECT.match(text)
            and not _AMENDMENT.match(text)
            and not _ITS_OWN.match(text)  # "Forslaget falder.": the motion's own outcome
        ):
            # "Stine Isaksen stillede ændringsforslag om … For ændringsforslaget stemte 3 …
            # Imod stemte 27 … Indstillingen blev godkendt": the amendment's outcome is its vote
            # (read in decisions.py), the recommendation's is a decision of its own.
            motions[-1].outcome_start = motions[-1].vote_start
            waiting = False
            motions.append(
                _Draft(sentence.start, sentence.start, points=points_of(text, bare), after=True)
            )
        elif sentence.states_outcome and waiting:
            motions[-1].voted_first = motions[-1].vote_start is not None
            motions[-1].outcome_start = sentence.start
            motions[-1].author = motions[-1].author or author_of(text)
            waiting = False
        elif sentence.states_outcome and motions and motions[-1].voted_first and sides is not None:
            # the next motion's vote over its outcome, as the last one's was: "For
            # ændringsforslaget stemte 3 …" / "Ændringsforslaget faldt." / "For indstillingen
            # stemte 21 …" / "Godkendt." (sides after an outcome are that outcome's vote)
            motions.append(
                _Draft(
                    sides,
                    sentence.start,
                    amendment=bool(_AMENDMENT.match(text)),
                    author=author_of(text),
                    points=points_of(text, bare),
                    after=True,
                    voted_first=True,
                )
            )
        elif sentence.states_outcome and (
            _MOTION_SUBJECT.match(text)
            or _LABELLED.match(text)
            or points_of(text, bare)
            # "Herefter blev budgettet vedtaget …": what comes after a motion is one of its own
            or (motions and (_THEN.match(text) or _PASSIVE_THEN.match(text)))
        ):
            amendment = bool(_AMENDMENT.match(text))
            motions.append(
                _Draft(
                    sentence.start if roll_call is None else roll_call,
                    sentence.start,
                    amendment=amendment,
                    author=author_of(text) if amendment else None,
                    points=points_of(text, bare),
                    after=bool(_AFTER.search(text)),
                    voted_first=roll_call is not None or sides is not None,
                )
            )
        elif (
            sentence.states_outcome
            and sentence.opens
            and motions
            and motions[-1].amendment
            # (decided by a sentence of its own, not "Ændringsforslag om at udskyde …: For
            # stemte 9 … Forkastet.", whose words only seemed to state one)
            and motions[-1].outcome_start not in (None, motions[-1].start)
            and motions[-1].outcome_start == sentences[k - 1].start  # right after it
        ):
            # "Ø foreslog sagen udsat. Forslaget blev forkastet med 27 stemmer imod og 2 for.
            # Godkendt.": the proposal's own outcome after the motion put to it
            motions.append(_Draft(sentence.start, sentence.start, after=True))
        elif sentence.states_outcome and sentence.opens and not motions:
            # the proposal's own outcome stated first ("Vedtaget …"); an amendment voted
            # on it may follow ("2 ændringsforslag fra Enhedslisten blev forkastet …")
            motions.append(_Draft(sentence.start, sentence.start))
        if sentence.states_outcome:
            roll_call = sides = None
    decided = [m for m in motions if m.outcome_start is not None]
    several = len(decided) >= 2 and any(m.amendment or m.after for m in decided)
    nominated = len(decided) == 1 and decided[0].outcome_start != decided[0].start
    if nominated and not decided[0].amendment:
        # "Venstre indstiller, at X vælges. Kommunalbestyrelsen godkendte dette.": the
        # nomination's words are what was decided; its outcome is the statement after it.
        return [Motion(sentences[0].start, decided[0].outcome_start, sentences[-1].end)]
    if not (several or any(m.points for m in decided)):
        return None
    if len(decided) >= 2 and not several and not all(m.points for m in decided):
        return None  # point groups only when every statement names its points
    end = sentences[-1].end if sentences else 0
    found = []
    for k, m in enumerate(decided):
        stop = decided[k + 1].start if k + 1 < len(decided) else end
        start = sentences[0].start if k == 0 else m.start
        author = m.author
        if m.amendment and author is None:
            # "Der blev stemt om Venstres ændringsforslag: … Ændringsforslaget blev forkastet."
            author = author_of(" ".join(x.text for x in sentences if start <= x.start < stop))
        found.append(Motion(start, m.outcome_start, stop, m.points, m.amendment, author))
    return found
