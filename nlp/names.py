"""Parties, organisations and persons: gazetteers, patterns and the meeting's own participant list."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

# Canonical party name -> names, abbreviations and letters used in minutes.
PARTIES: dict[str, tuple[str, ...]] = {
    "Socialdemokratiet": ("Socialdemokratiet", "Socialdemokraterne", "S", "A"),
    "Radikale Venstre": ("Radikale Venstre", "Det Radikale Venstre", "Radikale", "RV", "B"),
    "Det Konservative Folkeparti": (
        "Det Konservative Folkeparti",
        "Konservative",
        "De Konservative",
        "KF",
        "C",
    ),
    "SF": ("SF", "Socialistisk Folkeparti", "F"),
    "Liberal Alliance": ("Liberal Alliance", "LA", "I"),
    "Moderaterne": ("Moderaterne", "M"),
    "Danmarksdemokraterne": ("Danmarksdemokraterne", "DD", "Æ"),
    "Dansk Folkeparti": ("Dansk Folkeparti", "DF", "O"),
    "Venstre": ("Venstre", "V"),
    "Enhedslisten": ("Enhedslisten", "EL", "Ø"),
    "Alternativet": ("Alternativet", "ALT", "Å"),
    "Nye Borgerlige": ("Nye Borgerlige", "NB", "D"),
    "Borgernes Parti": ("Borgernes Parti", "H"),
    "Kristendemokraterne": ("Kristendemokraterne", "KD", "K"),
    "Frie Grønne": ("Frie Grønne", "Q"),
    "Velfærdslisten": ("Velfærdslisten",),
    "Randers Lokalliste": ("Randers Lokalliste",),
    "Udviklingspartiet": ("Udviklingspartiet", "UFP"),
}
_LETTERS = {
    alias: party for party, aliases in PARTIES.items() for alias in aliases if len(alias) <= 3
}
_NAMES = {
    alias.lower(): party
    for party, aliases in PARTIES.items()
    for alias in aliases
    if len(alias) > 3
}

ORGANIZATIONS: dict[str, tuple[str, ...]] = {
    "KL": ("KL", "Kommunernes Landsforening"),
    "STAR": ("STAR", "Styrelsen for Arbejdsmarked og Rekruttering"),
    "Ankestyrelsen": ("Ankestyrelsen",),
    "BDO": ("BDO",),
    "Region Midtjylland": ("Region Midtjylland",),
    "Socialstyrelsen": ("Socialstyrelsen",),
    "Beskæftigelsesministeriet": ("Beskæftigelsesministeriet",),
    "Arbejdsmarkedsrådet": ("Arbejdsmarkedsrådet", "Arbejdsmarkedsrådet Østjylland", "RAR"),
    "Jobcenter Randers": ("Jobcenter Randers",),
    "Tradium": ("Tradium",),
    "Planklagenævnet": ("Planklagenævnet",),
    "Rigsrevisionen": ("Rigsrevisionen",),
    "Danmarks Statistik": ("Danmarks Statistik",),
    "VIVE": ("VIVE",),
    "Arbejderbevægelsens Erhvervsråd": ("Arbejderbevægelsens Erhvervsråd", "AE"),
    "Dansk Industri": ("Dansk Industri", "DI"),
    "3F": ("3F",),
    "FOA": ("FOA",),
    "a-kasserne": ("a-kasserne", "a-kasser"),
    "Aarhus Havn": ("Aarhus Havn",),
    "Trafikstyrelsen": ("Trafikstyrelsen",),
    "Vejdirektoratet": ("Vejdirektoratet",),
    "Midttrafik": ("Midttrafik",),
}
_ORG_PATTERN = re.compile(
    r"\b(?:[A-ZÆØÅ][\wæøå]+\s){0,3}(?:A/S|ApS|I/S|P/S|[A-ZÆØÅ][\wæøå]*(?:styrelsen|ministeriet|forening|fonden|rådet|nævnet|selskab))\b"
)
_TITLE_WORDS = re.compile(
    r"^(?:Byrådsmedlem|Udvalgsmedlem|Rådmand|Borgmester|Formand|Næstformand|Medlem|Direktør|Og)\s+",
    re.IGNORECASE,
)
# "Henriette Malland, Velfærdslisten," or "Jens Peter Hansen (V)"
_PERSON_PARTY = re.compile(
    r"(?P<name>[A-ZÆØÅ][\wæøå\-]+(?:\s+[A-ZÆØÅ][\wæøå\-]+){1,4}),\s+(?P<party>[A-ZÆØÅ][\wæøå]+(?:listen|partiet|erne|demokraterne|Venstre|Folkeparti))\b"
    r"|(?P<name2>[A-ZÆØÅ][\wæøå\-]+(?:\s+[A-ZÆØÅ][\wæøå\-]+){1,4})\s+\((?P<letter>[A-ZÆØÅ]{1,3})\)"
)
_NAME_ABBREVIATION = re.compile(r"\b[A-ZÆØÅ][a-zæøå]+\s+[A-ZÆØÅ][a-zæøå]+,\s+([A-ZÆØÅ]{2,3})\b")
_LETTERS_GROUP = r"[A-ZÆØÅ]{1,3}(?:\s*(?:,|og)\s*[A-ZÆØÅ]{1,3})*"
_LETTER_CONTEXT = re.compile(
    rf"\b(?:[Ff]orslag|[Aa]nmodning|[Hh]envendelse|[Bb]eslutningsforslag|[Ss]pørgsmål)\s+fra\s+(?P<letters>{_LETTERS_GROUP})(?=[\s,.]|$)"
    rf"|\((?P<paren>{_LETTERS_GROUP})\)"
    rf"|(?P<voters>{_LETTERS_GROUP})\s+(?:stemte|stemmer|tog forbehold|kunne ikke)"
)


def entity_patterns() -> list[dict]:
    patterns = []
    for party, aliases in PARTIES.items():
        for alias in aliases:
            if len(alias) > 3:
                patterns.append({"label": "PARTY", "pattern": alias, "id": party})
    for org, aliases in ORGANIZATIONS.items():
        for alias in aliases:
            if len(alias) > 2 or alias.isupper():
                patterns.append(
                    {"label": "ORG", "pattern": [{"TEXT": w} for w in alias.split()], "id": org}
                )
    return patterns


def party_letters(text: str) -> set[str]:
    """Parties named by letter or abbreviation where the context is political: "fra DD", "(V)", "V og O stemte"."""
    found = set()
    for m in _LETTER_CONTEXT.finditer(text):
        group = m.group("letters") or m.group("paren") or m.group("voters") or ""
        for letter in re.split(r"\s*(?:,|og)\s*", group):
            if letter in _LETTERS:
                found.add(_LETTERS[letter])
    return found


def parties_in(text: str, entity_ids: Iterable[str]) -> list[str]:
    found = {_NAMES.get(e.lower(), e) for e in entity_ids}
    found |= party_letters(text)
    for m in _NAME_ABBREVIATION.finditer(text):
        if m.group(1) in _LETTERS:
            found.add(_LETTERS[m.group(1)])
    for m in _PERSON_PARTY.finditer(text):
        if m.group("party"):
            party = m.group("party")
            found.add(_NAMES.get(party.lower(), party))
        elif m.group("letter") in _LETTERS:
            found.add(_LETTERS[m.group("letter")])
    return sorted(found)


def organizations_in(text: str, entity_ids: Iterable[str]) -> list[str]:
    found = set(entity_ids)
    for m in _ORG_PATTERN.finditer(text):
        name = m.group(0).strip()
        if len(name) > 4 and name.lower() not in _NAMES:
            found.add(name)
    return sorted(found)


def clean_name(name: str) -> str:
    name = _TITLE_WORDS.sub("", " ".join(name.split())).strip(" ,.")
    return name


class Gazetteer:
    """The meeting's participants: resolve a mentioned name ("Malland", "Bo Vestergaard") to the full name."""

    def __init__(self, participants: Sequence[str]):
        self.participants = tuple(participants)
        self._by_key: dict[str, str] = {}
        surnames: dict[str, list[str]] = {}
        for full in participants:
            self._by_key[full.lower()] = full
            parts = full.split()
            if len(parts) >= 2:
                self._by_key[f"{parts[0]} {parts[-1]}".lower()] = full
                surnames.setdefault(parts[-1].lower(), []).append(full)
        for surname, fulls in surnames.items():
            if len(fulls) == 1:
                self._by_key.setdefault(surname, fulls[0])

    def resolve(self, name: str) -> str:
        name = clean_name(name)
        return self._by_key.get(name.lower(), name)

    def mentioned(self, text: str) -> list[str]:
        lower = text.lower()
        return [p for p in self.participants if p.lower() in lower]

    def known(self, name: str) -> bool:
        return name in self.participants
