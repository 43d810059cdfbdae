"""Who did not take part: per item ("X deltog ikke i sagens behandling") and per meeting ("Afbud: X")."""

from __future__ import annotations

import re

from nlp.names import Gazetteer
from nlp.records import Absence

_WORD = r"(?:[A-ZÆØÅ]\.|[A-ZÆØÅ][a-zæøåéü]+(?:-[A-ZÆØÅ][a-zæøåéü]+)?)"
_NAME = rf"{_WORD}(?:[ \t]+(?:{_WORD}|von|van|de|la))*"
_NAMES = rf"(?<![\wæøå])(?P<names>{_NAME}(?:[ \t]*(?:,|og)[ \t]*{_NAME})*)"
_RULES: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(
            rf"{_NAMES}\s+deltog\s+ikke\s+i\s+behandlingen\s+af\s+(?:pkt\.?|punkt(?:erne)?)\s*(?P<items>[\d,\sog]+).*?inhabil"
        ),
        "inhabil",
    ),
    (
        re.compile(
            rf"{_NAMES}\s+(?:deltog|var)\s+ikke\s+(?:til\s+stede\s+)?(?:i|under)\s+(?:sagens\s+)?(?:behandling(?:en)?|punktet|sagen|mødet|dette\s+punkt)\b(?!\s+af\s+(?:pkt|punkt))"
        ),
        "did not take part",
    ),
    (re.compile(rf"{_NAMES}\s+var\s+forhindret\s+i\s+at\s+deltage"), "absent"),
    (re.compile(rf"{_NAMES}\s+(?:erklærede\s+sig|var|blev\s+erklæret)\s+inhabil"), "inhabil"),
    (re.compile(rf"{_NAMES}\s+(?:havde|har)\s+forfald"), "absent"),
    (re.compile(rf"{_NAMES}\s+(?:var|er)\s+fraværende"), "absent"),
    (re.compile(rf"{_NAMES}\s+(?:havde|har)\s+meldt\s+afbud"), "absent"),
    (re.compile(rf"{_NAMES}\s+forlod\s+mødet"), "left"),
    (re.compile(rf"\b[Aa]fbud\s+fra\s+{_NAMES}"), "absent"),
    (re.compile(rf"\b(?:Fraværende|Afbud|Forfald)\s*:\s*{_NAMES}"), "absent"),
]
_SUBSTITUTE = re.compile(rf"\b[Ii]\s+stedet\s+(?:mødte|deltog)\s+(?:stedfortræder\s+)?{_NAMES}")
_SPLIT = re.compile(r"\s*(?:,|\bog\b)\s*")
_NOT_NAMES = {
    "Udvalget",
    "Forvaltningen",
    "Sagen",
    "Punktet",
    "Borgmesteren",
    "Direktøren",
    "Ingen",
    "Der",
    "Det",
}


def _split(names: str, gazetteer: Gazetteer) -> list[str]:
    out = []
    for part in _SPLIT.split(names):
        part = part.strip(" .")
        words = part.split()
        # A sentence that runs into the name: keep the capitalised tail ("Desuden Bo Hansen").
        while words and words[0] in _NOT_NAMES:
            words = words[1:]
        if not words or len(words) > 5:
            continue
        name = gazetteer.resolve(" ".join(words))
        if gazetteer.participants and not gazetteer.known(name) and len(words) == 1:
            continue  # a lone capitalised word that is nobody on the list
        out.append(name)
    return out


def find_absences(text: str, gazetteer: Gazetteer, item_number: int | None = None) -> list[Absence]:
    found: list[Absence] = []
    for pattern, reason in _RULES:
        for m in pattern.finditer(text):
            if (
                reason == "inhabil"
                and "items" in m.groupdict()
                and m["items"]
                and item_number is not None
            ):
                numbers = {int(n) for n in re.findall(r"\d+", m["items"])}
                if item_number not in numbers:
                    continue
            sentence = m.group(0)
            for name in _split(m["names"], gazetteer):
                if not any(a.name == name for a in found):
                    found.append(Absence(name, reason, " ".join(sentence.split())))
    return found


def find_substitutes(text: str, gazetteer: Gazetteer) -> list[str]:
    return [n for m in _SUBSTITUTE.finditer(text) for n in _split(m["names"], gazetteer)]
