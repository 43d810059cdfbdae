"""Who did not take part: per item ("X deltog ikke i sagens behandling") and per meeting ("Afbud: X").

A member absent from the whole meeting (the cover page's "Afbud: X", or "X havde
forfald" under the agenda approval, where Randers and others record it) did not
take part in any of its items: `meeting_wide_absences` finds them and
`nlp.extract` adds them to every item that does not show them taking part.

Names are resolved against the meeting's participants (`Gazetteer`); without a
participant list, a run of capitalised words before the verb is taken as the name.
"X deltog ikke i behandlingen af pkt. 1 og 9 på grund af inhabilitet" counts
only for items 1 and 9.
"""

from __future__ import annotations

import re

from nlp.names import Gazetteer
from nlp.records import Absence

_WORD = r"(?:[A-ZÆØÅ]\.|[A-ZÆØÅ][a-zæøåéüö]+(?:-[A-ZÆØÅ][a-zæøåéüö]+)?)"
_NAME = rf"{_WORD}(?:[ \t]+(?:{_WORD}|von|van|de|la|af))*(?:[ \t]*\([A-ZÆØÅ]{{1,3}}\))?"
_BARE_NAME = rf"{_WORD}(?:[ \t]+(?:{_WORD}|von|van|de|la|af))*"
_NAMES = rf"(?<![\wæøå])(?P<names>{_NAME}(?:[ \t]*(?:,|og)[ \t]*{_NAME})*)"
_ITEMS = r"(?:pkt\.?|punkt(?:erne)?|sag(?:erne)?|dagsordenspunkt(?:erne)?)\s*(?P<items>\d+(?:\s*(?:,|og|-)\s*\d+)*)"
# Not when the sentence goes on to name other items: "... under behandlingen af pkt. 3".
_NOT_OTHER_ITEMS = (
    r"(?!\s+(?:i|under)\s+(?:behandlingen|sagsbehandlingen)\s+af\s+"
    r"(?:pkt|punkt|sag|dagsordenspunkt)\w*\.?\s*\d)"
)
# List labels: "Fraværende: X", "Fraværende med afbud: X", "Ikke til stede: X", "Meldt afbud: X"
_LIST_LABEL = (
    r"(?:Fraværende(?:[ \t]+(?:med|uden)[ \t]+afbud)?|Afbud|Forfald|Ikke[ \t]+til[ \t]+stede|"
    r"Ikke[ \t]+mødt|Meldt[ \t]+afbud|Fravær)"
)
_RULES: list[tuple[re.Pattern[str], str]] = [
    # Item-specific: "deltog ikke i behandlingen af pkt. 1 og 9 (på grund af inhabilitet)".
    (
        re.compile(
            rf"{_NAMES}\s+(?:deltog|var)\s+ikke\s+(?:til\s+stede\s+)?(?:i|under)\s+(?:behandlingen\s+af|sagsbehandlingen\s+af)\s+{_ITEMS}(?P<rest>[^.\n]*)"
        ),
        "item",
    ),
    (
        re.compile(
            rf"{_NAMES}\s+(?:deltog|var)\s+ikke\s+(?:til\s+stede\s+)?(?:i|under)\s+(?:\w+s\s+)?(?:sagens\s+)?(?:behandling(?:en)?|punktet|sagen|mødet|dette\s+punkt|afstemningen)\b"
            r"(?!\s+af\s+(?:pkt|punkt|sag|dagsordenspunkt)\w*\.?\s*\d)(?P<rest>[^.\n]*)"
        ),
        "did not take part",
    ),
    (re.compile(rf"{_NAMES}\s+var\s+ikke\s+(?:til\s+stede|mødt)\b{_NOT_OTHER_ITEMS}"), "absent"),
    (re.compile(rf"{_NAMES}\s+var\s+forhindret\s+i\s+at\s+deltage"), "absent"),
    (
        re.compile(
            rf"{_NAMES}\s+(?:erklærede\s+sig|var|blev\s+erklæret|anså\s+sig\s+for)\s+inhabil"
        ),
        "inhabil",
    ),
    (re.compile(rf"{_NAMES}\s+(?:havde|har)\s+forfald"), "absent"),
    (re.compile(rf"{_NAMES}\s+(?:var|er)\s+fraværende"), "absent"),
    (re.compile(rf"{_NAMES}\s+(?:havde|har)\s+meldt\s+(?:afbud|forfald)"), "absent"),
    (re.compile(rf"{_NAMES}\s+forlod\s+mødet"), "left"),
    (re.compile(rf"\b[Aa]fbud\s+fra\s+{_NAMES}"), "absent"),
    (re.compile(rf"\b{_LIST_LABEL}[ \t]*:[ \t]*{_NAMES}"), "absent"),
    # "Y mødte som stedfortræder for X", "Y deltog i stedet for X": X was absent.
    (
        re.compile(
            rf"\b(?:mødte|deltog)\s+(?:som\s+(?:stedfortræder|suppleant)\s+for|i\s+stedet\s+for)\s+{_NAMES}"
        ),
        "substituted",
    ),
]
_SUBSTITUTES = [
    re.compile(rf"\b[Ii]\s+stedet\s+(?:mødte|deltog)\s+(?:stedfortræder\s+|suppleant\s+)?{_NAMES}"),
    re.compile(
        rf"{_NAMES}\s+(?:mødte|deltog)\s+(?:som\s+(?:stedfortræder|suppleant)|i\s+stedet\s+for)\b"
    ),
]
_SPLIT = re.compile(r"\s*(?:,|\bog\b)\s*")
_FULL_NAME = re.compile(_BARE_NAME)
_NOT_NAMES = {
    "Udvalget",
    "Forvaltningen",
    "Sagen",
    "Punktet",
    "Borgmesteren",
    "Borgmester",
    "Rådmand",
    "Direktøren",
    "Ingen",
    "Der",
    "Det",
    "Desuden",
    "Endvidere",
    "Herudover",
    "Medlem",
    "Byrådsmedlem",
    "Udvalgsmedlem",
    "Formand",
    "Næstformand",
    "Godkendt",
    "Drøftet",
}


def _split(names: str, gazetteer: Gazetteer) -> list[str]:
    out = []
    for part in _SPLIT.split(re.sub(r"\s*\([^)]*\)", "", names)):
        words = part.strip(" .").split()
        # A sentence that runs into the name: keep the capitalised tail ("Desuden Bo Hansen").
        while words and words[0] in _NOT_NAMES:
            words = words[1:]
        if not words or len(words) > 5 or not _FULL_NAME.fullmatch(" ".join(words)):
            continue
        name = gazetteer.resolve(" ".join(words))
        if len(words) == 1 and not gazetteer.known(name):
            continue  # a lone capitalised word that is nobody on the list
        out.append(name)
    return out


def _items(text: str) -> set[int]:
    numbers: set[int] = set()
    for a, b in re.findall(r"(\d+)(?:\s*-\s*(\d+))?", text):
        numbers.update(range(int(a), int(b) + 1) if b else (int(a),))
    return numbers


def find_absences(text: str, gazetteer: Gazetteer, item_number: int | None = None) -> list[Absence]:
    """Members absent from this item, in order of mention, each once."""
    found: dict[str, tuple[int, Absence]] = {}  # name -> (first mention, absence of the first rule)
    for pattern, reason in _RULES:
        for m in pattern.finditer(text):
            if (
                reason == "item"
                and item_number is not None
                and item_number not in _items(m["items"])
            ):
                continue
            rest = m.groupdict().get("rest") or ""
            if reason in ("item", "did not take part"):
                reason_here = "inhabil" if "inhabil" in rest else "did not take part"
            else:
                reason_here = reason
            sentence = " ".join(m.group(0).split())
            for name in _split(m["names"], gazetteer):
                if name not in found:
                    found[name] = (m.start(), Absence(name, reason_here, sentence))
                elif m.start() < found[name][0]:
                    found[name] = (m.start(), found[name][1])
    # "Fraværende:" alone on a line, one name a line after it.
    for m in _LIST_ALONE.finditer(text):
        block = text[m.end() :].lstrip("\n").split("\n\n", 1)[0]
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if not lines or any(len(line.split()) > 6 for line in lines):
            continue
        for name in _split(", ".join(lines), gazetteer):
            if name not in found:
                found[name] = (m.start(), Absence(name, "absent", " ".join(m.group(0).split())))
    return [absence for _, absence in sorted(found.values(), key=lambda pair: pair[0])]


_LIST_ALONE = re.compile(rf"^[ \t]*{_LIST_LABEL}[ \t]*:?[ \t]*$", re.MULTILINE)


def find_substitutes(text: str, gazetteer: Gazetteer) -> list[str]:
    """Members who met in someone's place: "Afbud fra X. I stedet mødte Y" gives Y."""
    found: list[str] = []
    for pattern in _SUBSTITUTES:
        for m in pattern.finditer(text):
            found.extend(n for n in _split(m["names"], gazetteer) if n not in found)
    return found


_LIST_HEADING = re.compile(
    rf"^[ \t]*{_LIST_LABEL}[ \t]*:?[ \t]*(?P<rest>.*)$",
    re.IGNORECASE | re.MULTILINE,
)


def meeting_absences(text: str, participants: tuple[str, ...] = ()) -> list[str]:
    """Absent members named on a cover page or participant block ("Afbud: X", "X havde forfald")."""
    gazetteer = Gazetteer(participants)
    names = [a.name for a in find_absences(text, gazetteer) if a.reason != "left"]
    for m in _LIST_HEADING.finditer(text):
        rest = m["rest"].strip()
        if not rest:  # "Fraværende" on a line of its own: the names follow, one per line
            following = text[m.end() :].lstrip("\n").split("\n\n", 1)[0]
            rest = ", ".join(line.strip() for line in following.splitlines() if line.strip())
        for name in _split(re.sub(r"\s*\([^)]*\)", "", rest), gazetteer):
            if name not in names and not name.lower().startswith("ingen"):
                names.append(name)
    return names


# The agenda approval opens the meeting: who "havde forfald" there was away from all of it.
_AGENDA_APPROVAL = re.compile(
    r"^\s*godkendelse\s+af\s+(?:den\s+)?dagsorden(?:en)?\b", re.IGNORECASE
)
# Reasons that hold for the whole meeting when stated at its opening (not "did not take part",
# "inhabil" or "left", which are about one item or a moment of the meeting).
_MEETING_REASONS = {"absent", "substituted"}


def meeting_wide_absences(
    cover_absent: tuple[str, ...],
    agenda_items: list[tuple[str, str]],
    participants: tuple[str, ...] = (),
) -> list[Absence]:
    """Members away from the whole meeting: the cover page's absentees, then the absences stated
    under an agenda-approval item ("Godkendelse af dagsorden" with "X havde forfald").

    `agenda_items` are (title, decision text) pairs; only agenda approvals are read.
    """
    found = {name: Absence(name, "absent", "") for name in cover_absent}
    gazetteer = Gazetteer(participants)
    for title, text in agenda_items:
        if not _AGENDA_APPROVAL.match(title):
            continue
        for absence in find_absences(text, gazetteer):
            if absence.reason in _MEETING_REASONS and absence.name not in found:
                found[absence.name] = Absence(absence.name, "absent", absence.text)
    return list(found.values())
