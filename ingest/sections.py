"""Recognise section headings whatever words, accents or capitals a municipality uses."""

from __future__ import annotations

import re
import unicodedata

from ingest.records import SectionKind


def normalise_heading(text: str) -> str:
    """Lower-case, no accents (é→e but æøå kept), no trailing punctuation, single spaces."""
    text = text.replace("é", "e").replace("É", "E")
    text = unicodedata.normalize("NFC", text).lower()
    text = re.sub(r"[\s:.\-–]+$", "", text.strip())
    return " ".join(text.split())


_EXACT: dict[str, SectionKind] = {}
for _kind, _names in {
    SectionKind.RESUME: "resume|resumé|sammenfatning|sagens kerne|kort fortalt|kort resume|sagsresume",
    SectionKind.RECOMMENDATION: (
        "indstilling|indstillinger|forslag til beslutning|beslutningspunkter|"
        "indstilling og beslutning|det indstilles|forslag til indstilling"
    ),
    SectionKind.DECISION: "beslutning|beslutninger|afgørelse|protokol|protokoltilførsel|referat",
    SectionKind.HISTORY: (
        "sagsforløb|sagens forløb|tidligere beslutninger|tidligere behandling|"
        "tidligere politisk behandling|historik|politisk behandling"
    ),
    SectionKind.CASE: (
        "sagsfremstilling|sagsbeskrivelse|problemstilling|løsning|sagens indhold|"
        "supplerende sagsfremstilling|lovgrundlag|retsgrundlag|høring|beskrivelse af sagen|"
        "vurdering|forvaltningens vurdering|administrationens vurdering|sagens baggrund"
    ),
    SectionKind.ECONOMY: (
        "økonomi|økonomiske konsekvenser|økonomi og finansiering|bevillingsmæssige konsekvenser|"
        "økonomiske forhold|bevilling|finansiering|økonomisk konsekvens|økonomi og bevilling"
    ),
    SectionKind.ATTACHMENTS: "bilag|bilagsliste|bilagsfortegnelse|vedlagte bilag|bilagsoversigt",
    SectionKind.OTHER: (
        "personalemæssige konsekvenser|miljømæssige konsekvenser|konsekvenser|kompetence|"
        "beslutningskompetence|kommunikation|tidsplan|fraværende|afbud|habilitet|"
        "sagen afgøres af|beslutningsforslag|mål og indsats|borgerinddragelse"
    ),
}.items():
    for _name in _names.split("|"):
        _EXACT[normalise_heading(_name)] = _kind

_PATTERNS: list[tuple[re.Pattern[str], SectionKind]] = [
    # "Beslutning fra Beskæftigelsesudvalget, den 11. juni 2025, punkt 59:"
    (
        re.compile(r"^(?:tidligere )?beslutning(?:er)? (?:fra|i|truffet i) \S"),
        SectionKind.PRIOR_DECISION,
    ),
    (
        re.compile(r"^\w+(?:udvalg|råd|magistrat)\w*s? beslutning (?:den|d\.) \d"),
        SectionKind.PRIOR_DECISION,
    ),
    (re.compile(r"^(?:\w+s )?(?:indstilling|forslag til beslutning)$"), SectionKind.RECOMMENDATION),
    (re.compile(r"^(?:\w+s )?(?:beslutning|afgørelse)$"), SectionKind.DECISION),
    (re.compile(r"^\w+s? (?:afdelings? )?påtegning$"), SectionKind.OTHER),
]


def section_kind(heading: str) -> SectionKind | None:
    """The kind of a section heading, or None if the text is not a known section heading."""
    key = normalise_heading(heading)
    if not key or len(key) > 160:
        return None
    if key in _EXACT:
        return _EXACT[key]
    for pattern, kind in _PATTERNS:
        if pattern.match(key):
            return kind
    return None
