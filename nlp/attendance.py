"""Who did not take part: per item ("X deltog ikke i sagens behandling") and per meeting ("Afbud: X").

A member absent from the whole meeting (the cover page's "Afbud: X", or "X havde
forfald" under the agenda approval, where Randers and others record it) did not
take part in any of its items: `meeting_wide_absences` finds them and
`nlp.extract` adds them to every item that does not show them taking part.

Names are resolved against the meeting's participants (`Gazetteer`); without a
participant list, a run of capitalised words before the verb is taken as the name.
A statement that names items counts for those items wherever it is written
(`nlp.item_scope`): "X deltog ikke i behandlingen af pkt. 1 og 9" for items 1 and
9, "X forlod mødet efter behandlingen af punkt 8" for the items after 8.
Substitutes ("I stedet for X deltog Y", "Som stedfortræder deltog Y") took part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlp.item_scope import (
    CLOSED_PART,
    CLOSED_WORDS,
    EVERYTHING,
    ITEM_NUMBERS,
    ITEM_WORDS,
    ITEMS,
    Scope,
    from_moment,
    until_moment,
)
from nlp.item_scope import listed as listed_items
from nlp.names import Gazetteer
from nlp.records import Absence


@dataclass(frozen=True)
class ScopedAbsence:
    """An absence and the items of the meeting it covers."""

    absence: Absence
    scope: Scope = EVERYTHING


_WORD = (
    r"(?:(?:[A-ZÆØÅ]\.){1,3}|[A-ZÆØÅÄÖÜÉ][a-zæøåäéüö]+(?:-[A-ZÆØÅÄÖÜÉ][a-zæøåäéüö]+)?)"  # "H.S."
)
# A party after the name: "(A)", "(Løsgænger)", "(Udenfor partierne)".
# Or between commas: "Signe Holm, F, ankom til mødet …".
# Or the organisation a member sits for: "(Dansk Erhverv)", "(Børne- og Ungerådet)".
_PARTY = (
    r"(?:[ \t]*\((?:[A-ZÆØÅ]{1,3}|[A-ZÆØÅ][a-zæøå]+(?:[ \t]+[a-zæøå]+)?|"
    r"[A-ZÆØÅ][\wæøå-]+(?:[ \t]+(?:og[ \t]+)?[A-ZÆØÅ][\wæøå-]+){1,3})?\)"
    r"|,[ \t]*[A-ZÆØÅ]{1,2},(?=[ \t]+[a-zæøå]))"
)
_NAME = rf"{_WORD}(?:[ \t]+(?:{_WORD}|(?:von|van|de|la|af)(?![\wæøå])))*{_PARTY}?"
_BARE_NAME = rf"{_WORD}(?:[ \t]+(?:{_WORD}|(?:von|van|de|la|af)(?![\wæøå])))*"
# Inside a list a surname may be printed in lower case ("Gert winther og Linda Berg").
_LISTED_NAME = rf"{_NAME}(?:[ \t]+[a-zæøå][a-zæøåé-]{{2,}}(?=[ \t]*(?:,|og[ \t])))?"
_NAMES = rf"(?<![\wæøå])(?P<names>(?:{_LISTED_NAME}[ \t]*(?:,|og)[ \t]*)*{_NAME})"
_ITEMS = ITEMS
# "under behandlingen af dagsordenens punkt 4"
# "i Handicaprådet", "i det lokale beskæftigelsesråd": a seat in another body
IN_ANOTHER_BODY = r"i\s+(?:det\s+|den\s+)?[\wæøå-]*(?:råd|udvalg|bestyrelse|nævn)\w*"
_DURING = r"(?:(?:behandling(?:en)?|sagsbehandlingen)\s+af\s+)?(?:dagsordenens\s+)?"
_CLOCK = r"(?:\s+kl\.?\s*\d{1,2}(?:[.:]\s*\d{2})?(?!\d))?"  # "kl. 17:50", "kl. 19"
# "efter behandlingen af punkt 8", "inden behandlingen af punkt 18", "under punkt 7"
# (or in brackets: "forlod mødet kl. 20.40 (pkt. 4)", during item 4)
_MOMENT = (
    # ("… kl. 20.15 (efter pkt. 4)": the moment in brackets)
    rf"{_CLOCK}(?:\s*\(?\s*(?P<when>efter|inden|før|under)\s+(?:(?:behandling(?:en)?|sagsbehandlingen)\s+af\s+)?"
    r"|\s*\((?:under\s+)?)"
    rf"(?:dagsordenens\s+)?{ITEM_WORDS}\s*(?P<moment>{ITEM_NUMBERS})"
)
# Not when the sentence goes on to name other items: "... under behandlingen af pkt. 3".
# Nor the closed part of the meeting: "... under den lukkede del af mødet".
_NOT_OTHER_ITEMS = (
    r"(?!\s+(?:i|under)\s+(?:behandlingen|sagsbehandlingen)\s+af\s+"
    r"(?:pkt|punkt|sag|dagsordens?punkt)(?!e[tn]\b)\w*\.?\s*(?:nr\.?\s*)?\d)"
    # (not "… efter punkt 3": gone from the items after it, `_MOMENT`)
    r"(?!\s+(?:efter|inden|før|fra)\s+(?:(?:behandlingen|sagsbehandlingen)\s+af\s+)?"
    r"(?:dagsordenens\s+)?(?:pkt|punkt|sag|dagsordens?punkt)(?!e[tn]\b)\w*\.?\s*\d)"
    rf"(?!\s+(?:i|under|ved)\s+{CLOSED_WORDS})"
)
# List labels: "Fraværende: X", "Fraværende med afbud: X", "Ikke til stede: X", "Meldt afbud: X"
# "Ej til stede: X", "Afbud under hele mødet: X", "Afbud fra/fraværende: -"
# "… var fraværende til punkt 1, 2 og 8", "… under behandlingen af pkt. 3": some items only.
_NOT_ITEMS = (
    r"(?!\s+(?:til|under|ved|i|fra)\s+(?:(?:behandlingen|sagsbehandlingen|behandling)\s+af\s+)?"
    rf"{ITEM_WORDS}\s*\d)"
)
# "Følgende havde meldt afbud:", "Følgende udeblev uden afbud:", "Fravær uden afbud:",
# "Fraværende i Byrådet - 29. marts 2022:" (the body and date before the colon).
_LIST_LABEL = (
    r"(?:(?:(?:Fraværende|Fravær)(?:[ \t]+(?:med|uden)[ \t]+afbud)?|Afbud(?:[ \t]+fra)?(?:/fraværende)?|"
    r"Uden[ \t]+afbud|"
    r"Forfald|(?:Ikke|Ej)[ \t]+til[ \t]+stede|Ikke[ \t]+mødt|Meldt[ \t]+afbud|"
    r"Følgende[ \t]+(?:(?:havde|har)[ \t]+(?:meldt[ \t]+)?(?:afbud|forfald)|"
    r"udeblev(?:[ \t]+uden[ \t]+afbud)?|var[ \t]+fraværende))"
    r"(?:[ \t]+under[ \t]+hele[ \t]+mødet|[ \t]+(?:i|under)[ \t]+mødet|[ \t]+i[ \t]+øvrigt|"
    r"[ \t]+i[ \t]+[A-ZÆØÅ][^:\n]{2,80}?(?=[ \t]*:))?)"
)
# "… har meddelt, at hun er forhindret i at deltage i byrådsmødet": in this meeting (not "i
# byrådets møder i perioden …", not "i byrådsmødet den 23. april", a later one).
_PREVENTED = (
    r"har\s+meddelt,?\s+at\s+(?:hun|han)\s+er\s+forhindret\s+i\s+at\s+deltage\s+i\s+"
    r"(?:dagens\s+|aftenens\s+)?\w*mødet\b(?!\s+(?:den|d\.)\s+\d)(?!\s+(?:fra|i\s+perioden)\b)"
)
_RULES: list[tuple[re.Pattern[str], str]] = [
    # Item-specific: "deltog ikke i behandlingen af pkt. 1 og 9 (på grund af inhabilitet)".
    (
        re.compile(
            rf"{_NAMES}\s+(?:(?:deltog|medvirkede|var)\s+ikke\s+(?:til\s+stede\s+)?|var\s+fraværende\s+)"
            # ("i udvalgets behandling af sag nr. 2,3")
            rf"(?:i|under|ved|til)\s+(?:(?:\w+s\s+)?(?:behandlingen|sagsbehandlingen|behandling)\s+af\s+)?"
            rf"{_ITEMS}(?P<rest>[^.\n]*)"
        ),
        "item",
    ),
    # "X forlod mødet kl. 15.10 og deltog ikke i behandlingen af pkt. 3-4": those items.
    (
        re.compile(
            rf"{_NAMES}\s+forlod\s+mødet{_CLOCK}\s+og\s+deltog\s+ikke\s+(?:i|under|ved)\s+"
            rf"(?:(?:behandlingen|behandling)\s+af\s+)?{_ITEMS}(?P<rest>[^.\n]*)"
        ),
        "item",
    ),
    # "Medlemmerne var mødt, bortset fra X, Y og Z, der havde meldt afbud."
    (
        re.compile(
            r"\b(?:mødt|mødte|til\s+stede|fremmødt|fremmødte)\b,?\s+(?:bortset\s+fra|undtagen|"
            rf"med\s+undtagelse\s+af)\s+{_NAMES}"
        ),
        "absent",
    ),
    # Later in the sentence: "X var forsinket og deltog først fra kl. 15.45 og ikke under
    # behandling af punkt 1, 2 og 3".
    (
        re.compile(
            rf"{_NAMES}\s+(?:var|deltog|kom|mødte)\b(?:[^.\n]|\.(?!\s+[A-ZÆØÅ]))"
            r"{0,120}?\bog\s+ikke\s+(?:til\s+stede\s+)?(?:i|under|ved|til)\s+"
            rf"(?:(?:behandlingen|behandling)\s+af\s+)?{_ITEMS}(?P<rest>[^.\n]*)"
        ),
        "item",
    ),
    (
        re.compile(
            rf"{_NAMES}\s+(?:deltog|medvirkede|var)\s+ikke\s+(?:til\s+stede\s+)?(?:i|under|på|ved)\s+(?:\w+s\s+)?(?:sagens\s+)?(?:behandling(?:en)?|punktet|sagen|mødet|dette\s+punkt|afstemningen)\b"
            r"(?!\s+af\s+(?:pkt|punkt|sag|dagsordens?punkt)(?!e[tn]\b)\w*\.?\s*(?:nr\.?\s*)?\d)(?P<rest>[^.\n]*)"
        ),
        "did not take part",
    ),
    # "X deltog ikke på mødet": away from the whole meeting.
    (
        re.compile(
            rf"{_NAMES}\s+deltog\s+ikke\s+(?:i|på)\s+(?:dagens\s+)?mødet\b{_NOT_OTHER_ITEMS}"
        ),
        "absent",
    ),
    (re.compile(rf"{_NAMES}\s+var\s+ikke\s+(?:til\s+stede|mødt)\b{_NOT_OTHER_ITEMS}"), "absent"),
    (re.compile(rf"{_NAMES}\s+var\s+(?:forhindret|sygemeldt|syg)\b"), "absent"),
    # "Frida Kjær har meddelt, at hun er forhindret i at deltage i byrådsmødet"
    (re.compile(rf"{_NAMES}\s+{_PREVENTED}"), "absent"),
    # Away from the closed items only: "X var ikke til stede under den lukkede del af mødet".
    (
        re.compile(
            rf"{_NAMES}\s+(?:deltog|var)\s+ikke\s+(?:til\s+stede\s+)?(?:i|under|ved)\s+"
            rf"(?P<closed>{CLOSED_WORDS})"
        ),
        "absent",
    ),
    (
        re.compile(
            rf"{_NAMES}\s+forlod\s+mødet{_CLOCK}\s+(?:inden|før)\s+(?P<closed>{CLOSED_WORDS})"
        ),
        "absent",
    ),
    (
        re.compile(
            rf"{_NAMES}\s+(?:erklærede\s+sig|var|blev\s+erklæret|anså\s+sig\s+for)\s+inhabil"
        ),
        "inhabil",
    ),
    (re.compile(rf"{_NAMES}\s+(?:havde|har)\s+forfald"), "absent"),
    # "Sheikh Mohammed udeblev uden afbud." / "X mødte ikke frem."
    (re.compile(rf"{_NAMES}\s+(?:udeblev|udebliver)\b{_NOT_ITEMS}"), "absent"),
    (re.compile(rf"{_NAMES}\s+(?:var|er)\s+fraværende\b{_NOT_ITEMS}"), "absent"),
    (
        re.compile(
            rf"{_NAMES}\s+(?:havde|har)\s+(?:meldt\s+)?(?:afbud|forfald)(?:\s+til\s+(?:dagens\s+)?mødet)?"
        ),
        "absent",
    ),
    # "X forlod mødet kl. 20.15 (efter pkt. 4) og vendte tilbage kl. 21.05 (fra pkt. 6)": the
    # items between.
    (
        re.compile(
            rf"{_NAMES}\s+forlod\s+mødet{_MOMENT}\)?\s+og\s+(?:vendte|kom)\s+tilbage{_CLOCK}\s*\(?\s*"
            rf"(?P<back_when>fra|før|inden|under|efter|til)\s+{_DURING}{ITEM_WORDS}\s*(?P<back>\d+)"
        ),
        "left",
    ),
    # Left or came late at a moment of the meeting: the items after, or before, it.
    (
        re.compile(
            rf"{_NAMES}\s+forlod\s+mødet{_MOMENT}"
            # (not when the sentence says at which item the member came back)
            rf"(?!\d|\)?\s+og\s+(?:vendte|kom)\s+tilbage{_CLOCK}\s*\(?\s*(?:fra|før|inden|under|efter|til)\s)"
        ),
        "left",
    ),
    # "X var ikke til stede efter punkt 3": gone from the items after it
    (re.compile(rf"{_NAMES}\s+var\s+ikke\s+(?:længere\s+)?til\s+stede{_MOMENT}"), "left"),
    (
        re.compile(
            # ("Y tilsluttede sig mødet kl. 19.10 (fra pkt. 4)")
            rf"{_NAMES}\s+(?:ankom|mødte(?:\s+op)?|kom|tilsluttede\s+sig)(?:\s+(?:til\s+)?mødet)?{_CLOCK}"
            r"\s*\(?\s*(?P<arrived>under|efter|fra)\s+"
            rf"{_DURING}{ITEM_WORDS}\s*(?P<moment>{ITEM_NUMBERS})"
        ),
        "absent",
    ),
    # In a list of those present: "Bo Dahl (ankom under behandlingen af punkt 6)".
    (
        re.compile(
            rf"(?<![\wæøå])(?P<names>{_BARE_NAME})[ \t]*\((?:ankom|mødte(?:\s+op)?|kom)(?:\s+til\s+mødet)?"
            rf"{_CLOCK}\s+(?P<arrived>under|efter)\s+{_DURING}{ITEM_WORDS}\s*(?P<moment>{ITEM_NUMBERS})\)"
        ),
        "absent",
    ),
    (
        re.compile(rf"(?<![\wæøå])(?P<names>{_BARE_NAME})[ \t]*\(forlod\s+mødet{_MOMENT}\)"),
        "left",
    ),
    # "X deltog til og med punkt 2", "X deltog ikke i mødet fra og med punkt 3": gone from the
    # items after the one named, or from the one named on.
    (
        re.compile(
            rf"{_NAMES}\s+deltog\s+(?:(?P<through>til\s+og\s+med|indtil)|ikke\s+(?:i\s+mødet\s+)?"
            rf"(?P<from_on>fra\s+og\s+med))\s+{_DURING}{ITEM_WORDS}\s*(?P<moment>\d+)\b"
        ),
        "left",
    ),
    # "X deltog fra og med punkt 4", "X var til stede fra behandlingen af punkt 4"
    (
        re.compile(
            rf"{_NAMES}\s+(?:deltog|var\s+til\s+stede|mødte)(?:\s+i\s+mødet)?{_CLOCK}\s+(?:først\s+)?"
            rf"(?P<arrived>fra)\s+(?:og\s+med\s+)?(?:(?:behandling(?:en)?|sagsbehandlingen)\s+af\s+)?"
            rf"{ITEM_WORDS}\s*(?P<moment>{ITEM_NUMBERS})"
        ),
        "absent",
    ),
    (
        re.compile(
            rf"{_NAMES}\s+forlod\s+mødet(?!{_MOMENT})(?!{_CLOCK}\s+(?:inden|før)\s+{CLOSED_WORDS})"
            rf"(?!{_CLOCK}\s+og\s+deltog\s+ikke\s+(?:i|under|ved)\b)"
        ),
        "left",
    ),
    # "X deltog ikke." in an item's decision: not in this item.
    (re.compile(rf"{_NAMES}\s+deltog\s+ikke(?=\s*(?:[.;]|$))", re.MULTILINE), "did not take part"),
    (re.compile(rf"\b[Aa]fbud\s+fra\s+{_NAMES}"), "absent"),
    (re.compile(rf"\b{_LIST_LABEL}[ \t]*(?::|-|–)[ \t]*{_NAMES}"), "absent"),
    # "FRAVÆRENDE: X", "AFBUD - X": the label in capitals where a line opens
    (re.compile(rf"(?m)^[ \t]*(?i:{_LIST_LABEL})[ \t]*(?::|-|–)[ \t]*{_NAMES}"), "absent"),
    # "… og Pia Uth.\nUden afbud Martin Bech." (the list after a full stop, `_NEXT_LIST`)
    (re.compile(rf"(?m)^[ \t]*Uden[ \t]+afbud[ \t]+{_NAMES}"), "absent"),
    # "Y mødte som stedfortræder for X", "Y deltog i stedet for X", "at Y indtræder som
    # stedfortræder for X", "Indkaldelse af stedfortræder for X": X was absent.
    (
        re.compile(
            r"\b(?:mødte|møder|deltog|deltager|indtræder|indtrådte|indkaldes|indkaldtes|"
            r"(?:er|var|blev)\s+indkaldt),?\s+(?:(?:i|på)\s+mødet\s+)?"
            rf"(?:som\s+(?:stedfortræder|suppleant)\s+for|i\s*stedet\s+for)\s+{_NAMES}"
            # (not a seat in another body: "… suppleant for X i Handicaprådet")
            rf"(?![\wæøå-])(?!\s+{IN_ANOTHER_BODY})"
        ),
        "substituted",
    ),
    (
        re.compile(
            rf"\b[Ii]ndkaldelse\s+af\s+(?:rette\s+)?(?:stedfortræder|suppleant)\s+for\s+{_NAMES}"
        ),
        "substituted",
    ),
    # "Y mødte for X" (a capitalised name after "for": not "mødte for første gang").
    (re.compile(rf"{_NAME}\s+(?:mødte|deltog)\s+for\s+{_NAMES}"), "substituted"),
    # "I stedet for X deltog Y", "Som stedfortræder for X deltog Y": X was absent.
    (
        re.compile(
            # at a sentence's start: "… deltog som stedfortræder for X og Y deltog …" is two clauses
            rf"(?<![\wæøå,] )\b(?:[Ii]\s+stedet|[Ss]om\s+(?:stedfortræder|suppleant))\s+for\s+{_NAMES}\s*,?\s+"
            r"(?:mødte|deltog|deltager)\b"
        ),
        "substituted",
    ),
]
_SUBSTITUTES = [
    re.compile(
        rf"\b[Ii]\s+stedet\s+(?:mødte|deltog|deltager)\s+(?:stedfortræder\s+|suppleant\s+)?{_NAMES}"
    ),
    re.compile(
        rf"{_NAMES}\s+(?:mødte|deltog|deltager|indtræder|indtrådte|(?:er|var|blev)\s+indkaldt),?\s+"
        r"(?:(?:i|på)\s+mødet\s+)?"
        rf"(?:som\s+(?:stedfortrædere?|suppleant(?:er)?)|i\s*stedet(?:\s+for)?)\b"
    ),
    # "Som stedfortræder deltog Y", "I stedet for X deltog Y", "Som suppleant for X mødte Y"
    # ("Som suppleanter er indkaldt Y (A), Z (V)", "Som suppleanter deltager Y og Z")
    re.compile(
        rf"\b(?:[Ss]om\s+(?:stedfortrædere?|suppleant(?:er)?)(?:\s+for\s+{_NAME})?|"
        rf"[Ii]\s+stedet\s+for\s+{_NAME})"
        rf"\s*,?\s+(?:mødte|deltog|deltager|(?:er|var|blev)\s+indkaldt)\s+{_NAMES}"
    ),
    # "Y mødte for X"
    re.compile(rf"{_NAMES}\s+(?:mødte|deltog)\s+for\s+{_NAME}"),
    # "X (stedfortræder: Y)"
    re.compile(rf"\((?:stedfortræder|suppleant)[ \t]*:[ \t]*{_NAMES}[ \t]*\)"),
    # "Stedfortrædere: Y og Z"
    re.compile(rf"\b(?:Stedfortrædere?|Suppleanter?)[ \t]*:[ \t]*{_NAMES}"),
    # A line of an absence list: "Bo Dahl og Anne Holm, Eva Lund deltog" (Eva Lund stood in).
    re.compile(
        rf"(?:^|,)[ \t]*(?P<names>{_BARE_NAME})[ \t]+(?:indkaldt|deltog|mødte)[ \t]*\.?[ \t]*$",
        re.MULTILINE,
    ),
]
_SPLIT = re.compile(r"\s*(?:,|\bog\b)\s*")
_FULL_NAME = re.compile(rf"{_BARE_NAME}(?:[ \t]+[a-zæøå][a-zæøåé-]{{2,}})?")
# Words after a name that are a reason or a verb, not a lower-case surname.
# ("Bo Dahl, Eva Lund indkaldt" in an absence list: Eva Lund was called in for Bo Dahl.)
_NOT_SURNAMES = {"syg", "sygdom", "ferie", "arbejde", "afbud", "forfald", "barsel", "orlov", "og"}
_STOOD_IN = {"indkaldt", "deltog", "deltager", "mødte", "indtrådte", "indtræder"}
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
    "Formanden",
}


# Words of the page a list runs on into: "Kurt Mortensen Sagsoversigt Side", "Bo Dahl Dagsordenen".
_PAGE_WORDS = re.compile(
    r"(?:Indholdsfortegnelse|Sagsoversigt|Side|Dagsorden(?:en)?|Referat|Beslutning|Indstilling|"
    r"Sagsfremstilling|Formanden|Mødet|Til|\w+(?:udvalget|rådet|bestyrelsen|forvaltningen))"
)
# "Anker Holst Orienteringen blev taget …": a noun in its definite form opens the sentence
# after a whole name (not "Bo Lundingen").
_DEFINITE_NOUN = re.compile(r"[A-ZÆØÅ][a-zæøå]+(?:ingen|ionen)")


def _split(names: str, gazetteer: Gazetteer) -> list[str]:
    out = []
    for part in _SPLIT.split(re.sub(r"\s*\([^)]*\)", "", names)):
        words = part.strip(" .").split()
        # A list that runs on into the page's next text ends at its first word.
        cut = next(
            (
                k
                for k, w in enumerate(words)
                if k and (_PAGE_WORDS.fullmatch(w) or (k >= 2 and _DEFINITE_NOUN.fullmatch(w)))
            ),
            None,
        )
        words = words[:cut]
        # A sentence that runs into the name: keep the capitalised tail ("Desuden Bo Hansen").
        while words and words[0] in _NOT_NAMES:
            words = words[1:]
        while words and words[-1] in _NOT_NAMES:  # "Fraværende: Bo Dahl Godkendt."
            words = words[:-1]
        if not words or len(words) > 5 or not _FULL_NAME.fullmatch(" ".join(words)):
            continue
        if words[-1].lower() == "kommune":
            continue  # "Norddjurs Kommune": the page's head run into the list
        if words[-1].islower() and (
            len(words) < 2 or words[-1] in _NOT_SURNAMES or words[-1] in _STOOD_IN
        ):
            continue
        name = gazetteer.resolve(" ".join(words))
        if len(words) == 1 and not gazetteer.known(name):
            continue  # a lone capitalised word that is nobody on the list
        out.append(name)
    return out


def _scope(m: re.Match[str]) -> Scope:
    """The items a matched statement covers (all of its own when it names none)."""
    groups = m.groupdict()
    if groups.get("closed"):
        return CLOSED_PART
    if groups.get("items"):
        return listed_items(groups["items"])
    if groups.get("back"):  # left, then came back: the items between
        went, back = from_moment(groups["when"] or "under", groups["moment"]), int(groups["back"])
        return Scope(first=went.first, last=back if groups["back_when"] == "efter" else back - 1)
    if groups.get("moment") and groups.get("through"):
        return from_moment("efter", groups["moment"])
    if groups.get("moment") and groups.get("from_on"):
        return from_moment("fra", groups["moment"])
    if groups.get("moment") and groups.get("when"):
        return from_moment(groups["when"], groups["moment"])
    if groups.get("moment") and groups.get("arrived"):
        return until_moment(groups["arrived"], groups["moment"])
    if groups.get("moment") and "when" in groups:
        return from_moment("under", groups["moment"])  # "(pkt. 4)": during item 4
    return EVERYTHING


# One line of an absence list: "Lars Bo (C), sag 1-57", "Maria Lund (F), arbejde."
_ENTRY_ITEMS = re.compile(rf",?\s*{ITEMS}")


# Under "Fraværende i mødet": "Bo Dahl til kl. 18.40 i punkt 2" (away until during item 2),
# "Eva Lund fra kl. 21.30 i punkt 12" (away from during item 12 on).
_ENTRY_MOMENT = re.compile(
    rf"\s+(?P<span>til|fra)\s+kl\.?\s*\d{{1,2}}[.:]\s*\d{{2}}\s+(?:i|under)\s+"
    rf"(?:(?:behandlingen|behandling)\s+af\s+)?{ITEM_WORDS}\s*(?P<moment>{ITEM_NUMBERS})"
)


def _list_entries(lines: list[str], gazetteer: Gazetteer) -> list[tuple[str, Scope]]:
    found = []
    for line in lines:
        scope = EVERYTHING
        line = _entry(line)
        if m := _ENTRY_MOMENT.search(line):
            moment = m["moment"]
            scope = (
                until_moment("under", moment)
                if m["span"] == "til"
                else from_moment("under", moment)
            )
            line = line[: m.start()]
        elif m := _ENTRY_ITEMS.search(line):
            scope, line = listed_items(m["items"]), line[: m.start()]
        line = re.sub(r"\)\s*,\s*[a-zæøå][^,]*$", ")", line)  # "(A), arbejde" -> "(A)"
        found.extend((name, scope) for name in _split(line, gazetteer))
    return found


# "• Bo Dahl – Eva Lund deltager som suppleant": Bo Dahl is away, Eva Lund stands in.
_STANDS_IN = re.compile(
    rf"[ \t]+[-–][ \t]+{_BARE_NAME}[ \t]+(?:deltager|deltog|mødte|møder|indkaldt|indtræder|indtrådte)\b.*$"
)


# "Anne Holm. I stedet deltog Bo Dahl.": the list's entry, then who stood in for her.
_INSTEAD_AFTER = re.compile(
    r"\.?[ \t]+I[ \t]+stedet[ \t]+(?:deltog|deltager|mødte|møder|indtrådte|indtræder)\b.*$"
)


# "Frida Kjær pga. arbejde.": the reason beside the name.
_REASON_AFTER = re.compile(r"[ \t,]+(?:pga\.?|på\s+grund\s+af|grundet)[ \t].*$", re.IGNORECASE)


def _entry(line: str) -> str:
    """A list line without its bullet, the substitute beside the name and the reason."""
    line = re.sub(r"^[ \t]*(?:[•·▪*]|[-–](?=[ \t]))[ \t]*", "", line)
    return _REASON_AFTER.sub("", _INSTEAD_AFTER.sub("", _STANDS_IN.sub("", line)))


def _name_list(line: str) -> bool:
    """A line that is names alone: "Bo Dahl, Eva Lund (A) og Ole Berg."."""
    parts = _SPLIT.split(line.strip().rstrip("."))
    return len(parts) > 1 and all(re.fullmatch(_NAME, p.strip()) for p in parts)


def _is_entry(line: str) -> bool:
    """A line of a list of absentees: a name, maybe a party, items, a reason or a moment."""
    line = _entry(line)
    if len(line.split()) > 12 and _name_list(line):
        return True
    return (
        bool(re.match(rf"^\s*{_NAME}\s*(?:,|\.|$|og\s)", line))
        or bool(re.match(rf"^\s*{_NAME}{_ENTRY_MOMENT.pattern}", line))
    ) and len(line.split()) <= 12


_NOT_TAKING_PART = re.compile(r"\s+(?:deltog|medvirkede)\s+ikke\b")
# A name that a list ends on but that starts the next clause: "og Y deltog som stedfortræder".
_NEXT_CLAUSE = re.compile(r"\s+(?:deltog|deltager|mødte|møder|indtrådte|indtræder)\b")


# Notes between the names of a list: "X ved afbud Y ved afbud", "X (stedfortræder: Y) og Z".
_QUALIFIER = re.compile(r"(?<=[a-zæøå)])[ \t]+ved[ \t]+(?:afbud|forfald)\b")
_STAND_IN_NOTE = re.compile(r"[ \t]*\((?:stedfortræder|suppleant)[ \t]*:[^)\n]*\)")
# "Afbud: A og B. Uden afbud C.": a second list after the first one's full stop.
_NEXT_LIST = re.compile(r"\.[ \t]+(?=(?:Uden[ \t]+afbud|Fraværende|Afbud)\b)")
# "Afbud: Carsten Fuhr, Winnie Sørensen ( i stedet for Brian Franklin)": she came in his place.
_INSTEAD_OF = re.compile(
    r"(?<=[,:]) *[^,:\n(]+?[ \t]*\([ \t]*i[ \t]+stedet[ \t]+for[ \t]+(?P<absent>[^)\n]+?)[ \t]*\)",
    re.IGNORECASE,
)


def _statements(text: str, gazetteer: Gazetteer) -> list[tuple[int, ScopedAbsence]]:
    """Every absence stated in the text, with where it is said and the items it covers."""
    found = []
    text = _STAND_IN_NOTE.sub("", _QUALIFIER.sub(",", text))
    text = _INSTEAD_OF.sub(r" \g<absent>", text)
    text = _NEXT_LIST.sub(".\n", text)
    for pattern, reason in _RULES:
        for m in pattern.finditer(text):
            rest = m.groupdict().get("rest") or ""
            if reason in ("item", "did not take part"):
                reason_here = "inhabil" if "inhabil" in rest else "did not take part"
            else:
                reason_here = reason
            sentence = " ".join(m.group(0).split())
            scope = _scope(m)
            if scope.everything and (after := _ENTRY_ITEMS.match(text, m.end("names"))):
                scope = listed_items(after["items"])  # "Fraværende: Lars Bo (C), sag 1-57"
            if scope.everything and reason != "left" and (named := _items_in_sentence(text, m)):
                scope = named  # "Under punkterne 14 og 18 deltog Y, da X var inhabil."
            names = _split(m["names"], gazetteer)
            if m.end("names") == m.end() and _NOT_TAKING_PART.match(text, m.end()):
                # "Fraværende: X og Y deltog ikke i behandlingen af punktet": this item only
                reason_here = "did not take part" if reason in _MEETING_REASONS else reason_here
            elif m.end("names") == m.end() and _NEXT_CLAUSE.match(text, m.end()):
                names = names[:-1]  # "... for X og Y deltog som stedfortræder for Z": Y stood in
            for name in names:
                found.append(
                    (m.start(), ScopedAbsence(Absence(name, reason_here, sentence), scope))
                )
    # "Fraværende:" alone on a line, one name a line after it (blank lines between allowed).
    for m in _LIST_ALONE.finditer(text):
        lines = []
        for line in text[m.end() :].split("\n"):
            if not line.strip():
                continue
            if not _is_entry(line):
                break
            lines.append(line.strip())
        label = " ".join(m.group(0).split())
        for name, scope in _list_entries(lines, gazetteer):
            found.append((m.start(), ScopedAbsence(Absence(name, "absent", label), scope)))
    return found


_SENTENCE_END = re.compile(r"\n|[.!?](?=\s+[A-ZÆØÅ])")
# "Under punkterne 14 og 18", "i behandlingen af pkt. 3", "ved sag 5"
_IN_ITEMS = re.compile(
    rf"\b(?:[Uu]nder|[Ii]|[Vv]ed)\s+(?:(?:behandlingen|sagsbehandlingen)\s+af\s+)?{ITEMS}"
)


def _items_in_sentence(text: str, m: re.Match[str]) -> Scope | None:
    """The items the statement's sentence names elsewhere in it, if any."""
    start = max((e.end() for e in _SENTENCE_END.finditer(text, 0, m.start())), default=0)
    stop = next((e.start() for e in _SENTENCE_END.finditer(text, m.end())), len(text))
    found = _IN_ITEMS.search(text, start, stop)
    return listed_items(found["items"]) if found else None


def attendance_only(text: str) -> bool:
    """Whether every line of the text records who was away or stood in ("X var fraværende.")."""
    lines = [line for line in text.splitlines() if line.strip()]
    patterns = [p for p, _ in _RULES] + _SUBSTITUTES + [_LIST_ALONE, _NOBODY_LISTED]
    return bool(lines) and all(any(p.search(line) for p in patterns) for line in lines)


def _first_each(statements: list[tuple[int, ScopedAbsence]]) -> list[ScopedAbsence]:
    """One per name: the first-mentioned statement, in order of mention."""
    found: dict[str, tuple[int, ScopedAbsence]] = {}
    for position, stated in sorted(statements, key=lambda pair: pair[0]):
        found.setdefault(stated.absence.name, (position, stated))
    return [stated for _, stated in found.values()]


def find_absences(
    text: str, gazetteer: Gazetteer, item_number: int | None = None, closed: bool = False
) -> list[Absence]:
    """Members absent from this item (`closed`: a closed item), in order of mention, each once."""
    statements = [
        (position, stated)
        for position, stated in _statements(text, gazetteer)
        if stated.scope.covers(item_number, closed)
    ]
    return [stated.absence for stated in _first_each(statements)]


def scoped_absences(text: str, gazetteer: Gazetteer) -> list[ScopedAbsence]:
    """Absences that name the items they cover ("deltog ikke i behandlingen af punkt 3-5")."""
    return [stated for _, stated in _statements(text, gazetteer) if not stated.scope.everything]


_LIST_ALONE = re.compile(rf"^[ \t]*{_LIST_LABEL}[ \t]*:?[ \t]*$", re.MULTILINE | re.IGNORECASE)
# "Afbud: ingen", "Fraværende: -": a list that names nobody.
_NOBODY_LISTED = re.compile(
    rf"^[ \t]*{_LIST_LABEL}[ \t]*:?[ \t]*(?:ingen|intet|-|–)\.?[ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)


def find_substitutes(text: str, gazetteer: Gazetteer) -> list[str]:
    """Members who met in someone's place: "Afbud fra X. I stedet mødte Y" gives Y."""
    found: list[str] = []
    for pattern in _SUBSTITUTES:
        for m in pattern.finditer(text):
            names = _split(m["names"], gazetteer)
            if re.search(r"\bfor\s+$", text[max(0, m.start("names") - 12) : m.start("names")]):
                names = names[1:]  # "stedfortræder for X og Y deltog som …": X was replaced
            found.extend(n for n in names if n not in found)
    return found


_LIST_HEADING = re.compile(
    rf"^[ \t]*{_LIST_LABEL}[ \t]*:?[ \t]*(?P<rest>.*)$",
    re.IGNORECASE | re.MULTILINE,
)


def whole_meeting_absences(text: str, participants: tuple[str, ...] = ()) -> list[str]:
    """Members the text records as away from the whole meeting ("X havde forfald", "X var
    fraværende. I stedet deltog Y"), not from some of its items or a moment of it."""
    statements = _first_each(_statements(text, Gazetteer(participants)))
    return [
        s.absence.name
        for s in statements
        if s.scope.everything and s.absence.reason in _MEETING_REASONS
    ]


_SUBSTITUTE_AFTER = re.compile(
    r"[.,]?\s*\b(?:i\s+stedet\s+(?:deltog|mødte)|som\s+stedfortræder\s+deltog|"
    r"stedfortræder:?)\s+[^,\n]*?(?=,\s|$)",
    re.IGNORECASE,
)


_BULLETED = re.compile(r"^[ \t]*[-–•·▪*][ \t]+")


def meeting_absences(text: str, participants: tuple[str, ...] = ()) -> list[str]:
    """Absent members named on a cover page or participant block ("Afbud: X", "X havde forfald")."""
    gazetteer = Gazetteer(participants)
    names = [
        s.absence.name
        for _, s in _statements(text, gazetteer)
        if s.scope.everything and s.absence.reason != "left"
    ]
    names = list(dict.fromkeys(names))
    text = _NEXT_LIST.sub(".\n", text)
    for m in _LIST_HEADING.finditer(text):
        rest = m["rest"].strip()
        if not rest:  # "Fraværende" on a line of its own: the names follow, one per line
            following = text[m.end() :].lstrip("\n").split("\n\n", 1)[0]
            lines = [line.strip() for line in following.splitlines() if line.strip()]
            if lines and _BULLETED.match(lines[0]):  # a web page's list: blank lines between
                lines = []
                for line in text[m.end() :].splitlines():
                    if line.strip() and not _BULLETED.match(line):
                        break
                    if line.strip():
                        lines.append(_BULLETED.sub("", line).strip())
            rest = ", ".join(lines)
        # "Elin Johansson. I stedet deltog Ruth Lønskov.": the substitute is not absent.
        rest = _SUBSTITUTE_AFTER.sub("", rest)
        # "Winnie Sørensen (i stedet for Brian Franklin)": she came, he was away.
        rest = _INSTEAD_OF.sub(r" \g<absent>", rest)
        for name in _split(re.sub(r"\s*\([^)]*\)", "", rest), gazetteer):
            if name not in names and not name.lower().startswith("ingen"):
                names.append(name)
    return names


# Where a meeting records who is away: the agenda approval that opens it, or an item of its own
# ("1. Fraværende", "Afbud og stedfortrædere", "Fravær og bemærkninger til dagsordenen").
# "ØU - Godkendelse af dagsorden", "Bemærkninger til dagsordenen", "Åben dagsorden - godkendelse"
_AGENDA_APPROVAL = re.compile(
    r"^\W*(?:\d+\.?\s*)?(?:[A-ZÆØÅ]{2,5}\s*[-–]\s*)?"
    r"(?:(?:godkendelse\s+af|bemærkninger\s+til)\s+(?:den\s+)?dagsorden(?:en)?\b|"
    r"(?:åben\s+)?dagsorden(?:en)?\s*(?:[-–]\s*godkendelse\b|$)|"
    r"(?:fraværende|fravær|afbud|meddelelse\s+om\s+fravær|tilstedeværelse)\b)",
    re.IGNORECASE,
)
_ABSENCE_ITEM = re.compile(r"^\W*(?:\d+\.?\s*)?(?:fraværende|fravær|afbud)\b", re.IGNORECASE)
# A statement that names the meeting ("deltog ikke i mødet", "meldt afbud til mødet", "Afbud under
# hele mødet:") is about the whole meeting wherever it is written.
_WHOLE_MEETING = re.compile(r"\b(?:hele|i|på|til)\s+(?:dagens\s+)?mødet\b", re.IGNORECASE)
# Reasons that hold for the whole meeting when stated at its opening (not "did not take part",
# "inhabil" or "left", which are about one item or a moment of the meeting).
_MEETING_REASONS = {"absent", "substituted"}


# An item that approves the agenda is the meeting's opening act, whatever its title.
_APPROVES_AGENDA = re.compile(
    r"\bdagsorden(?:en)?\b[^.\n]{0,80}?\bgodkend(?:es|t)\b", re.IGNORECASE
)
# Lines of a recommendation that call in a substitute or approve the agenda.
_CALLING_IN = re.compile(r"\b(?:stedfortræder|suppleant)\w*\s+for\b|\bdagsorden", re.IGNORECASE)


def calling_in(recommendation: str) -> str:
    """The lines of a recommendation that call in substitutes ("at Y indtræder som
    stedfortræder for X") or approve the agenda: once the decision approves the
    recommendation, they record who is away from the meeting."""
    return "\n".join(line for line in recommendation.splitlines() if _CALLING_IN.search(line))


# A label over who was away or stood in: "Fraværende med afbud:", "Stedfortrædere:".
_ATTENDANCE_LABEL = re.compile(
    rf"^[ \t]*(?:{_LIST_LABEL}|Stedfortrædere?|Suppleanter?)[ \t]*:?[ \t]*$", re.IGNORECASE
)
# "X, F, ankom til mødet kl. 17.32 …", "X forlod mødet …": a moment of attendance.
_ARRIVED_OR_LEFT = re.compile(rf"^[ \t]*{_NAME}\s+(?:ankom|forlod|mødte\s+op)\b")
_PARAGRAPHS = re.compile(r"\n[ \t]*\n")


def without_attendance(text: str) -> str:
    """The text without its attendance record: labelled lists of who was away or stood in
    ("Fraværende med afbud:" and the names under it, "Afbud: X"), arrivals and departures
    ("X ankom til mødet kl. 17.32 …"), and sentences of absence ("X var fraværende.")."""
    kept = []
    listing = False  # under a bare label, the names that follow belong to it
    for paragraph in _PARAGRAPHS.split(text):
        lines = [line for line in paragraph.splitlines() if line.strip()]
        if not lines:
            continue
        if _ATTENDANCE_LABEL.match(lines[0]):
            listing = True
            lines = lines[1:]
        if listing and lines and all(_is_entry(line) for line in lines):
            continue
        listing = listing and not lines
        moments = all(_ARRIVED_OR_LEFT.match(line) for line in lines)
        if lines and not moments and not attendance_only("\n".join(lines)):
            kept.append("\n".join(lines))
    return "\n\n".join(kept)


# An absence label opening a line: what follows is the meeting's record, not the recommendation.
_LABEL_OPENS = re.compile(rf"^[ \t]*{_LIST_LABEL}[ \t]*:", re.MULTILINE | re.IGNORECASE)


def recorded_after(recommendation: str) -> str:
    """The meeting's record run into a recommendation whose decision heading was lost
    ("at dagsordenen godkendes." / "Fraværende: X Godkendt."): from its absence label on."""
    m = _LABEL_OPENS.search(recommendation)
    return recommendation[m.start() :] if m else ""


# A decision quoted from another meeting: "Økonomiudvalget, 19. juni 2019, pkt. 146:".
_QUOTED_DECISION = re.compile(
    r"^[ \t]*[A-ZÆØÅ][^\n,]{1,60},\s*(?:den\s+)?\d{1,2}\.?\s*(?:[a-zæøå]+\.?|\d{1,2}\.?)\s*\d{4},?\s*"
    r"(?:pkt|punkt|sag)\.?\s*\d+",
    re.MULTILINE,
)


def quoted_decision(line: str) -> bool:
    """Whether a heading or line opens a decision quoted from another meeting."""
    return bool(_QUOTED_DECISION.match(line))


def this_meeting(text: str) -> str:
    """The text before the first decision quoted from another meeting, whose absences are not
    this meeting's."""
    m = _QUOTED_DECISION.search(text)
    return text[: m.start()] if m else text


# "Kommunalbestyrelsen godkender, at Y er indkaldt som stedfortræder for X": the body's own act.
_APPROVES_CALLING_IN = re.compile(
    r"[^.\n]*\bgodkend(?:er|te)\b,?\s+at\s+[^.\n]*?\b(?:stedfortræder|suppleant)\w*\s+for\b[^.\n]*"
    # "Frida Kjær har meddelt, at hun er forhindret i at deltage i byrådsmødet …": why the
    # substitute is called in
    rf"|[^.\n]*\b{_PREVENTED}[^.\n]*"
)


def approved_calling_in(text: str) -> str:
    """The sentences of a summary in which the body approves calling in a substitute."""
    return "\n".join(m.group(0).strip() for m in _APPROVES_CALLING_IN.finditer(text))


def meeting_wide_absences(
    cover_absent: tuple[str, ...],
    agenda_items: list[tuple[str, str]],
    participants: tuple[str, ...] = (),
    cover_notes: tuple[str, ...] = (),
) -> list[ScopedAbsence]:
    """Members away from the meeting, each with the items it covers.

    The cover page's absentees and those stated under the agenda approval or an absence
    item ("Godkendelse af dagsorden" with "X havde forfald"; "1. Fraværende" listing names)
    are away from every item; a statement naming items ("X deltog ikke i behandlingen af
    punkt 3-5", "Y forlod mødet efter behandlingen af punkt 8"), wherever it is written,
    from those items. `agenda_items` are (title, decision text) pairs.
    """
    found = {name: ScopedAbsence(Absence(name, "absent", "")) for name in cover_absent}
    scoped: list[ScopedAbsence] = []
    gazetteer = Gazetteer(participants)
    # Per item that records any absence: who, with the statement that says so.
    recorded: list[dict[str, ScopedAbsence]] = []
    for note in cover_notes:
        scoped.extend(scoped_absences(note, gazetteer))
    for k, (title, text) in enumerate(agenda_items):
        if _ABSENCE_ITEM.match(title):  # "1. Fraværende" may list the names alone
            text = f"Fraværende:\n{text}"
        # The meeting's first item (often the agenda approval, or a question time before it),
        # the agenda approval, or an item that records nothing but attendance.
        opening = (
            (k == 0 and len(agenda_items) > 1)
            or bool(_AGENDA_APPROVAL.match(title))
            or attendance_only(text)
            or bool(_APPROVES_AGENDA.search(text))
        )
        here: dict[str, ScopedAbsence] = {}
        for _, stated in _statements(text, gazetteer):
            if not stated.scope.everything:
                scoped.append(stated)
            elif stated.absence.reason in _MEETING_REASONS:
                name = stated.absence.name
                here.setdefault(name, ScopedAbsence(Absence(name, "absent", stated.absence.text)))
        for name, stated in here.items():
            if opening or _WHOLE_MEETING.search(stated.absence.text):
                found.setdefault(name, stated)
        if here:
            recorded.append(here)
        elif _LIST_ALONE.search(text) or _NOBODY_LISTED.search(text):
            recorded.append({})  # "Fraværende:" with no one after it: all took part
    # Sites that repeat the meeting's absences under every item ("Fraværende med afbud: X"
    # under each decision): a name in every item that records absences is away from all.
    if len(recorded) >= 2:
        for name, stated in recorded[0].items():
            if all(name in here for here in recorded[1:]):
                found.setdefault(name, stated)
    # "Følgende havde meldt afbud: Carl Vinter …" and "Carl Vinter (ankom under behandlingen af
    # punkt 3)": the moment he came (or left) says which items he missed.
    timed = {
        s.absence.name for s in scoped if s.scope.first is not None or s.scope.last is not None
    }
    found = {name: stated for name, stated in found.items() if name not in timed}
    return [*found.values(), *(s for s in scoped if s.absence.name not in found)]
