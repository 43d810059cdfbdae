"""Recognise section headings whatever words, accents or capitals a municipality uses."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from ingest.records import SectionKind
from nlp.dates import find_dates


def normalise_heading(text: str) -> str:
    """Lower-case, no accents (é→e but æøå kept), no trailing punctuation, single spaces."""
    text = text.replace("é", "e").replace("É", "E")
    text = unicodedata.normalize("NFC", text).lower()
    text = re.sub(r"^[•·▪◦■*]\s*", "", text.strip())
    text = re.sub(r"[\s:.\-–]+$", "", text)
    return " ".join(text.split())


_EXACT: dict[str, SectionKind] = {}
for _kind, _names in {
    SectionKind.RESUME: (
        "resume|resumé|sammenfatning|sagens kerne|kort fortalt|kort resume|sagsresume|"
        "beslutningstema|sagstema|sagens tema|formål|sagens formål|baggrund og formål|anledning|"
        "resume og sagens baggrund|kort om sagen|sagsresumé og indstilling"
    ),
    SectionKind.RECOMMENDATION: (
        "indstilling|indstillinger|forslag til beslutning|beslutningspunkter|"
        "indstilling og beslutning|det indstilles|forslag til indstilling|anbefaling|"
        "administrationen indstiller|forvaltningen indstiller|direktionen indstiller|"
        "indstillinger og beslutninger|administrationens indstilling|forvaltningens indstilling|"
        "forslag|forvaltningen foreslår|administrationen foreslår|direktionen foreslår|"
        "borgmesteren foreslår|forslag til afgørelse|hovedindstilling"
    ),
    # "Beslutning den": a transcript that lost the date (and the body) of its heading
    # ("Udvalgets behandling": a committee's own record; not "Konklusion", which is also a
    # report's conclusion in the case text)
    SectionKind.DECISION: "beslutning|beslutninger|afgørelse|protokol|protokoltilførsel|referat|vedtagelse|"
    "beslutning den|udvalgets behandling|rådets behandling|drøftelse og beslutning|"
    "beslutning/referat|referat/beslutning",
    SectionKind.HISTORY: (
        "sagsforløb|sagens forløb|tidligere beslutninger|tidligere behandling|"
        "tidligere politisk behandling|historik|politisk behandling|tidligere beslutning|"
        "sagsgang|sagsgang og sagstype|politisk behandlingsforløb|sagsprocedure"
    ),
    SectionKind.CASE: (
        "sagsfremstilling|sagsbeskrivelse|problemstilling|løsning|sagens indhold|"
        "supplerende sagsfremstilling|lovgrundlag|retsgrundlag|høring|beskrivelse af sagen|"
        "vurdering|forvaltningens vurdering|administrationens vurdering|sagens baggrund|"
        "redegørelse|baggrund|beskrivelse|sagsfremstilling og økonomi|sagsbeskrivelse og vurdering|"
        "indledning|sagens oplysninger|faktiske forhold|begrundelse|præsentation|"
        "retligt grundlag|lovgrundlag og praksis|sagens fakta|beskrivelse af sagen"
    ),
    SectionKind.ECONOMY: (
        "økonomi|økonomiske konsekvenser|økonomi og finansiering|bevillingsmæssige konsekvenser|"
        "økonomiske forhold|bevilling|finansiering|økonomisk konsekvens|økonomi og bevilling|"
        "økonomiske konsekvenser og finansiering"
    ),
    SectionKind.ATTACHMENTS: "bilag|bilagsliste|bilagsfortegnelse|vedlagte bilag|bilagsoversigt",
    SectionKind.OTHER: (
        "personalemæssige konsekvenser|miljømæssige konsekvenser|konsekvenser|kompetence|"
        "beslutningskompetence|kommunikation|tidsplan|fraværende|afbud|habilitet|"
        "sagen afgøres af|sagen afgøres i|beslutningsforslag|mål og indsats|borgerinddragelse|"
        "andre konsekvenser|høring og sagsgang|inddragelse og høring|kommunikation og høring|"
        "klima- og miljømæssige konsekvenser|bæredygtighed|tidsplan og proces|"
        "videre proces|det videre forløb|risikovurdering|juridiske forhold|"
        "konsekvenser for miljø og klima|politisk behandling og beslutning|"
        "personale|kompetenceforhold|beslutningskompetence og sagsgang|forventet sagsgang|"
        "mødedeltagelse|behandling|sagsbehandling|videre behandling"
    ),
}.items():
    for _name in _names.split("|"):
        _EXACT[normalise_heading(_name)] = _kind

# The words that name a municipal body ("Byrådet", "Teknik- og Miljøudvalget", ...).
BODY_WORDS = (
    r"(?:udvalg|byråd|råd|nævn|bestyrelse|forsamling|magistrat|kommission|repræsentantskab|"
    r"repræsentation|borgermøde|direktion)"
)
# "Beslutning Byrådet den 29-08-2017", "Beslutning i Økonomiudvalget den 17-06-2025",
# "Borgerrepræsentationens beslutning i mødet den 7. oktober 2021", "Beslutning Udvalget den :",
# "Beslutning Teknik, Erhverv, Plan og Miljøudvalget 2018-2021 den 06-11-2018".
# Whether it is this meeting's decision or an earlier one's is told by its date (segment.py).
DATED_DECISION = re.compile(
    r"^(?:beslutning(?:er)?\s*:?(?:\s+(?:i|fra|truffet i|på|af))?\s+(?P<body>[^:]{2,80}?)"
    r"|(?P<owner>[^,:]{2,80}?)s\s+beslutning(?:\s+i\s+mødet)?)"
    # (no date: "Beslutning i Beskæftigelsesudvalget", this meeting's if the body is its own)
    r"(?:(?:,?\s+(?:den|d\.|på mødet den|i mødet den|mødet den)\s*|,?\s+(?=\d))(?P<date>.{0,30}))?$"
)
# "Økonomiudvalget 2018-21, 28. oktober 2019, pkt. 452:" before a decision quoted from it.
# "Kommunalbestyrelsens møde 28. november 2005 Punkt 1:" names the body in the genitive.
# "Byrådet, 11.12.2018", "Økonomiudvalget, 4. december 2018": a body's decision on a day, the
# line alone over it (no item number, no colon).
_BODY_COMMA_DATE = re.compile(
    rf"(?P<body>(?:[A-ZÆØÅ]|(?-i:[a-zæøå]))[\w\- ]{{0,50}}?{BODY_WORDS}\w*), (?:den |d\. )?"
    r"(?P<date>\d{1,2}[.\-/]\d{1,2}[.\-/](?:\d{4}|\d{2})|\d{1,2}\. ?[a-zæøå]+ \d{4})",
    re.IGNORECASE,
)
_BODY_DATE_ITEM = re.compile(
    rf"^(?P<body>[\w\- ]*{BODY_WORDS}\w*?|udvalget for [\w\-, ]{{3,60}}?)(?:s møde)?(?: \d{{4}}(?:-\d{{2,4}})?)?,? (?:den |d\. )?"
    # a date with its year: "Byrådsmødet, 26. marts, sag 4" closes a news page's paragraph
    r"(?P<date>(?=[\w.\-/ ]*?(?:\d{4}|\d{1,2}[.\-/]\d{1,2}[.\-/]\d{2}\b))[\w.\-/ ]{6,25}?),? "
    r"(?:pkt|punkt|sag)\.? ?\d{1,4}$"
)

# "Børne- og Skoleudvalget den 6. november 2018:" over the decision it took that day: a body's
# name and a date, on a line of its own ending in a colon (`section_kind` asks for the colon; a
# section keeps its heading without it).
_NAMED_BODY = r"(?P<body>[A-ZÆØÅ][\w\-]*(?:,? [\w\-]+){0,7}?)"
_ON_DATE = (
    r" (?:den|d\.) ?(?P<date>\d{1,2}[.\-/]? ?(?:[a-zæøå]{3,9}\.?|\d{1,2}[.\-/]) ?\d{2,4})"
    r"\s*(?P<colon>:?)$"
)
_BODY_ON_DATE = re.compile(rf"^{_NAMED_BODY},?{_ON_DATE}")
# "Integrationsudvalgets møde den 12. december 2011:" over what that meeting decided (PolWeb):
# the body in the genitive, on a line of its own ending in a colon.
_OWNER_MEETING_ON_DATE = re.compile(rf"^{_NAMED_BODY}s (?:møde|mødet){_ON_DATE}")
# Lines that name the meeting, not a decision: "Referat fra mødet i Byrådet den 3. maj 2018:".
_NOT_A_BODY = re.compile(
    r"\b(?:møde|mødet|referat|dagsorden|indkaldelse|protokol|beslutning\w*)\b", re.IGNORECASE
)

_PATTERNS: list[tuple[re.Pattern[str], SectionKind]] = [
    (_BODY_DATE_ITEM, SectionKind.PRIOR_DECISION),
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
    # "Direktionen indstiller, at", "Forvaltningen foreslår:" on a line of their own.
    (
        re.compile(r"^\w+(?: \w+)? (?:indstiller|foreslår|anbefaler)(?:,? at)?$"),
        SectionKind.RECOMMENDATION,
    ),
    # "Sagens forløb 25-03-2019 Magistraten"
    (re.compile(r"^(?:sagens forløb|sagsforløb|tidligere behandling) \d"), SectionKind.HISTORY),
    (re.compile(r"^(?:\w+s )?(?:beslutning|afgørelse)$"), SectionKind.DECISION),
    # A template's label over a decision published for an open or a closed item:
    # "Offentlig beslutning", "Åben beslutning".
    (re.compile(r"^(?:offentlig|åben) beslutning\b"), SectionKind.DECISION),
    (re.compile(r"^\w+s? (?:afdelings? )?påtegning$"), SectionKind.OTHER),
]


_BODY_RE = re.compile(rf"{BODY_WORDS}|\\bkommune\\b", re.IGNORECASE)


@dataclass(frozen=True)
class DatedDecision:
    """A decision heading that names its body and date: this meeting's, or one quoted from earlier."""

    body: str
    date: dt.date | None


_ATTENDANCE_OPENING = re.compile(
    r"(?:fraværende|afbud|til\s+stede|tilstede|ikke\s+til\s+stede|deltagere|fremmødte)\b", re.I
)


def dated_decision(heading: str, headed: bool = False) -> DatedDecision | None:
    """ "Beslutning i Byrådet den 15-12-2021" -> (Byrådet, 2021-12-15); None for other lines.

    `headed`: the line is a section's heading already, its closing colon taken off.
    """
    line = re.sub(r"^[•·▪◦■*]\s*", "", " ".join(heading.split()))
    if _ATTENDANCE_OPENING.match(line):
        return None  # "Fraværende i Område-MED … - den 7. maj 2024:": who was away, that day
    for pattern in (_BODY_ON_DATE, _OWNER_MEETING_ON_DATE):
        m = pattern.match(line)
        if m is not None and (headed or m["colon"]) and (dated := _body_on_date(m)) is not None:
            return dated
    text = line.rstrip(" :.")
    m = _BODY_DATE_ITEM.match(text.lower())
    if m is not None:
        dates = find_dates(m.group("date"))
        body = text[m.start("body") : m.end("body")].strip()
        body = re.sub(
            r"^(?:tidligere\s+)?beslutning(?:er)?\s+(?:fra|i|truffet i|af)\s+", "", body, flags=re.I
        )
        return DatedDecision(_without_term(body), dates[0][0]) if dates else None
    if m := _BODY_COMMA_DATE.fullmatch(text):  # "Byrådet, 11.12.2018"
        dates = find_dates(m.group("date"))
        return DatedDecision(_without_term(m.group("body")), dates[0][0]) if dates else None
    m = DATED_DECISION.match(text.lower())
    if m is None:
        return None
    start, end = m.span("body") if m.group("body") else m.span("owner")
    body = _without_term(text[start:end].strip())
    if not _BODY_RE.search(body) or len(body.split()) > 8:
        return None
    if re.search(r",(?!\s*[A-ZÆØÅ])", body):
        return None  # a comma only between the capitalised words of a name ("Teknik, Erhverv og …")
    if m.group("date") is None and not (
        re.fullmatch(rf"[^\d]*{BODY_WORDS}\w*", body, re.I)
        and re.match(r"beslutning(?:er)?\s+(?:i|fra|truffet\s+i|af)\s", text.lower())
    ):
        return None  # undated: "Beslutning i <body>" and nothing else ("Beslutning: Sendt til …")
    date_text = (m.group("date") or "").strip(" :")
    dates = find_dates(date_text)
    if date_text and not dates:
        return None
    return DatedDecision(body, dates[0][0] if dates else None)


# "Folkeoplysningsudvalget (18-21)", "Økonomiudvalget 2018-2021": a body named with its term.
_TERM_SUFFIX = re.compile(r"\s+\(?(?:19|20)?\d{2}\s*[-–]\s*(?:19|20)?\d{2}\)?$")


def _without_term(body: str) -> str:
    return _TERM_SUFFIX.sub("", body)


def _body_on_date(m: re.Match[str]) -> DatedDecision | None:
    body = _without_term(m.group("body"))
    if not _BODY_RE.search(body) or _NOT_A_BODY.search(body) or len(body.split()) > 8:
        return None
    dates = find_dates(m.group("date"))
    return DatedDecision(body, dates[0][0]) if dates else None


# Names that are as often sub-headings inside a case description ("Sagsfremstilling" /
# "Baggrund" / "Videre proces") as sections of their own: they open a section only where
# no section is open yet.
_SECONDARY_NAMES = (
    "baggrund|beskrivelse|redegørelse|indledning|begrundelse|præsentation|formål|anledning|"
    "kort om sagen|sagens oplysninger|faktiske forhold|sagens fakta|videre proces|"
    "det videre forløb|tidsplan og proces|behandling|sagsbehandling|videre behandling|"
    "personale|bæredygtighed|risikovurdering|juridiske forhold|mødedeltagelse|"
    "forventet sagsgang|sagsgang|forslag|retligt grundlag|lovgrundlag og praksis|"
    "beskrivelse af sagen|kommunikation og høring|konsekvenser for miljø og klima|"
    "klima- og miljømæssige konsekvenser|kompetenceforhold"
)
SECONDARY = frozenset(normalise_heading(name) for name in _SECONDARY_NAMES.split("|"))


DOCUMENT_TITLES = frozenset({"referat", "protokol", "beslutningsprotokol", "dagsorden", "indhold"})


# "Beslutninger fra mødet. Torsdag 8.06.2006 …": the whole document's title, however it goes on.
_DOCUMENT_TITLE_LINE = re.compile(r"^beslutninger\s+fra\s+(?:mødet|møde)\b", re.IGNORECASE)


def is_document_title(text: str) -> bool:
    """ "Referat", "Dagsorden": the name of the whole document, not a section of an item."""
    return normalise_heading(text) in DOCUMENT_TITLES or bool(_DOCUMENT_TITLE_LINE.match(text))


def without_titled_decisions(
    texts: Sequence[str], kinds: Sequence[SectionKind | None]
) -> list[SectionKind | None]:
    """The heading kinds, but where decisions are headed "Beslutning", a document's name over
    a paragraph ("Løsning" / "Referat" / "Referaterne drøftes …") heads no decision."""
    headed = any(
        kind is SectionKind.DECISION and not is_document_title(text)
        for text, kind in zip(texts, kinds, strict=True)
    )
    return [
        None if headed and kind is SectionKind.DECISION and is_document_title(text) else kind
        for text, kind in zip(texts, kinds, strict=True)
    ]


def is_secondary(heading: str) -> bool:
    return normalise_heading(heading) in SECONDARY


def section_kind(heading: str) -> SectionKind | None:
    """The kind of a section heading, or None if the text is not a known section heading."""
    key = normalise_heading(heading)
    if not key or len(key) > 160:
        return None
    if key in _EXACT:
        return _EXACT[key]
    dated_form = key.startswith("beslutning") or " beslutning" in key or ", pkt" in key
    dated_form = (
        dated_form or heading.rstrip().endswith(":") or bool(_BODY_COMMA_DATE.fullmatch(key))
    )
    if dated_form and dated_decision(heading) is not None:
        return SectionKind.PRIOR_DECISION
    for pattern, kind in _PATTERNS:
        if pattern.match(key):
            return kind
    return None
