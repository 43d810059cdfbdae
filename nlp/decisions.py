"""Decisions: one per numbered sub-point of a Beslutning section, each with an outcome.

Outcomes come from spaCy Matcher patterns over lemmas ("godkendt", "godkendes"
and "Godkendt" all have the lemma "godkende"), so inflected and capitalised
forms need no pattern of their own. When several outcomes appear in one
point, the strongest wins: "Drøftet og godkendt" is approved.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.matcher import Matcher

from ingest.records import Section, SectionKind
from nlp.dates import parse_danish_date
from nlp.pipeline import danish
from nlp.records import Decision, Outcome, PriorDecision

# Earlier outcomes win: a rejection mentions "godkendt", a recommendation may too.
PRIORITY = (
    Outcome.CLOSED,
    Outcome.POSTPONED,
    Outcome.REJECTED,
    Outcome.RECOMMENDED,
    Outcome.APPROVED,
    Outcome.NOTED,
    Outcome.DISCUSSED,
    Outcome.DECIDED,
    Outcome.INFORMATION,
)
_APPROVE = [
    "godkende",
    "tiltræde",
    "vedtage",
    "bevilge",
    "imødekomme",
    "godtage",
    "tilslutte",
    "bifalde",
]
_PATTERNS: dict[Outcome, list[list[dict]]] = {
    Outcome.CLOSED: [
        [{"LOWER": "lukket"}, {"IS_PUNCT": True, "OP": "?"}, {"IS_SENT_START": True, "OP": "?"}]
    ],
    Outcome.POSTPONED: [
        [{"LEMMA": {"IN": ["udsætte", "udskyde"]}}],
        [{"LOWER": {"IN": ["udsat", "udskudt", "udsættes"]}}],
    ],
    Outcome.REJECTED: [
        [{"LEMMA": {"IN": ["forkaste", "afvise", "afslå"]}}],
        [
            {"LOWER": {"IN": ["ikke", "ej"]}},
            {"LOWER": {"IN": ["blev", "er", "kunne"]}, "OP": "?"},
            {"LEMMA": {"IN": _APPROVE}},
        ],
        [{"LOWER": "faldt"}],
        [{"LOWER": "bortfaldet"}],
    ],
    Outcome.RECOMMENDED: [
        [{"LEMMA": "anbefale"}],
        [
            {"LOWER": {"IN": ["indstilles", "indstiller"]}},
            {"LOWER": {"IN": ["godkendt", "vedtaget", "tiltrådt", "til"]}},
        ],
        [{"LEMMA": {"IN": ["fremsende", "videresende", "oversende"]}}],
        [{"LOWER": {"IN": ["oversendes", "oversendt", "fremsendt", "videresendt"]}}],
        [{"LOWER": "sendes"}, {"LOWER": "videre"}],
    ],
    Outcome.APPROVED: [
        [{"LEMMA": {"IN": _APPROVE}}],
        [{"LOWER": {"IN": ["godkendt", "tiltrådt", "vedtaget", "bevilget"]}}],
    ],
    Outcome.NOTED: [
        [{"LEMMA": {"IN": ["tage", "tag"]}}, {"LOWER": "til"}, {"LOWER": "efterretning"}],
        [{"LOWER": {"IN": ["taget", "tages"]}}, {"LOWER": "til"}, {"LOWER": "efterretning"}],
        [{"LOWER": "til"}, {"LOWER": "efterretning"}],
        [{"LEMMA": "notere"}],
        [{"LOWER": "ingen"}, {"LOWER": "bemærkninger"}],
    ],
    Outcome.DISCUSSED: [
        [{"LEMMA": "drøfte"}],
        [{"LOWER": {"IN": ["drøftet", "drøftede", "drøftelse"]}}],
    ],
    Outcome.DECIDED: [
        [{"LEMMA": "beslutte"}],
        [{"LOWER": {"IN": ["besluttet", "besluttede", "beslutter"]}}],
        [{"LOWER": "udvalget"}, {"LOWER": {"IN": ["ønsker", "ønskede", "bad", "beder"]}}],
    ],
    Outcome.INFORMATION: [
        [
            {
                "LOWER": {
                    "IN": [
                        "orientering",
                        "orienteret",
                        "orienterede",
                        "orienterer",
                        "orienteringen",
                    ]
                }
            }
        ],
        [{"LOWER": "til"}, {"LOWER": "orientering"}],
    ],
}
_ATTENDANCE = re.compile(
    r"deltog ikke|havde forfald|var fraværende|meldt afbud|afbud fra|i stedet mødte|forlod mødet|inhabil",
    re.IGNORECASE,
)
# A minority's stance is not the body's decision: "Enhedslisten kunne ikke tiltræde indstillingen".
_MINORITY = re.compile(
    r"kunne ikke (?:tiltræde|godkende|støtte|anbefale)|tog forbehold|henholdt sig|stemte imod|undlod at stemme|begærede sagen",
    re.IGNORECASE,
)
# "1. at godkendt", "2) ...", "Ad 1:", "Ad pkt. 2." at a line start or after a sentence end.
_POINT = re.compile(
    r"(?:(?<=\n)|^|(?<=[.!?]\s)|(?<=[.!?]))\s*(?:Ad\s+(?:pkt\.?\s*|punkt\s*)?)?(?P<n>\d{1,2})\s*[.):]\s+(?:at:?\s+)?"
    r"|\s(?P<n2>\d{1,2})\.\s+at:?\s+",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _matcher() -> Matcher:
    matcher = Matcher(danish().vocab)
    for outcome, patterns in _PATTERNS.items():
        matcher.add(outcome.value, patterns)
    return matcher


def outcomes_in(text: str) -> list[Outcome]:
    """Outcomes named in a text, strongest first."""
    doc = danish()(text)
    found = {Outcome(doc.vocab.strings[match_id]) for match_id, _, _ in _matcher()(doc)}
    if Outcome.CLOSED in found and not re.match(r"\s*lukket\b", text, re.IGNORECASE):
        found.discard(Outcome.CLOSED)
    return [o for o in PRIORITY if o in found]


def classify(text: str) -> Outcome | None:
    found = outcomes_in(text)
    return found[0] if found else None


def _decision_text(text: str) -> str:
    """The decision without attendance notes ("X deltog ikke i sagens behandling")."""
    sentences = re.split(r"(?<=[.!?])\s+|\n+", text)
    kept = [
        s for s in sentences if s.strip() and not _ATTENDANCE.search(s) and not _MINORITY.search(s)
    ]
    return " ".join(kept).strip()


def split_points(text: str) -> list[tuple[int | None, str]]:
    """Numbered sub-points 1, 2, 3 ... in order; the whole text as one point if there are none."""
    marks = []
    expected = 1
    for m in _POINT.finditer(text):
        number = int(m.group("n") or m.group("n2"))
        if number == expected:
            marks.append((number, m.start(), m.end()))
            expected += 1
    preamble = text[: marks[0][1]].strip() if marks else ""
    # Numbered lines after a decision that stands on its own are a quoted proposal, not sub-points:
    # "Fremsendes til Teknisk Udvalg ... BESLUTNINGSFORSLAG FRA DD: 1. ... 2. ...".
    if (
        not marks
        or (len(marks) == 1 and preamble)
        or (preamble and classify(_decision_text(preamble) or preamble))
    ):
        return [(None, text.strip())]
    points = []
    for k, (number, _, end) in enumerate(marks):
        stop = marks[k + 1][1] if k + 1 < len(marks) else len(text)
        points.append((number, text[end:stop].strip()))
    return points


def _point_outcome(text: str) -> Outcome | None:
    """The outcome of the first paragraph that names one; later paragraphs are members' remarks."""
    for paragraph in re.split(r"\n\s*\n", text):
        outcome = classify(_decision_text(paragraph) or paragraph) if paragraph.strip() else None
        if outcome is not None:
            return outcome
    return None


def decisions(section_text: str) -> list[Decision]:
    text = section_text.strip()
    if not text:
        return []
    found = []
    for number, point_text in split_points(text):
        outcome = _point_outcome(point_text)
        if outcome is None and number is None:
            # Unnumbered text with no outcome word: look at the first paragraph only.
            continue
        found.append(Decision(number, outcome or Outcome.DECIDED, " ".join(point_text.split())))
    if not found:
        clean = _decision_text(text)
        if clean:
            found.append(
                Decision(None, classify(clean) or Outcome.DECIDED, " ".join(clean.split()))
            )
    return found


_PRIOR_HEADING = re.compile(
    r"(?:Tidligere\s+)?Beslutning(?:er)?\s+(?:fra|i|truffet i)\s+(?P<body>.+?)(?:,|\s+den|\s+d\.)\s*(?:den\s+|d\.\s*)?(?P<date>.*?)(?:,?\s*(?:punkt|pkt\.?)\s*(?P<item>\d+))?\s*:?\s*$",
    re.IGNORECASE,
)
_HISTORY_ENTRY = re.compile(
    r"Udvalg:\s*(?P<body>.+?)\s+Dato:\s*(?P<date>[\d.\-/]+)\s+Punktnummer:\s*(?P<item>\d+)\s*(?P<text>.*?)(?=Udvalg:|$)",
    re.DOTALL,
)


def prior_decisions(sections: tuple[Section, ...]) -> list[PriorDecision]:
    found = []
    for section in sections:
        if section.kind is SectionKind.PRIOR_DECISION:
            m = _PRIOR_HEADING.match(" ".join(section.heading.split()))
            body = m.group("body").strip() if m else None
            date = (
                parse_danish_date(m.group("date"))
                if m and m.group("date")
                else parse_danish_date(section.heading)
            )
            item = int(m.group("item")) if m and m.group("item") else None
            text = " ".join(section.text.split())
            found.append(
                PriorDecision(
                    body, date, item, tuple(outcomes_in(_decision_text(text) or text)[:1]), text
                )
            )
        elif section.kind is SectionKind.HISTORY:
            for m in _HISTORY_ENTRY.finditer(section.text):
                text = " ".join(m.group("text").split())
                found.append(
                    PriorDecision(
                        m.group("body").strip(),
                        parse_danish_date(m.group("date")),
                        int(m.group("item")),
                        tuple(outcomes_in(_decision_text(text) or text)[:1]),
                        text,
                    )  # fmt: skip
                )
    return found
