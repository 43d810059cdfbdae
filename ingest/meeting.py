"""Read the meeting's facts from the front matter (cover page, header table) of minutes."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from ingest.records import Meeting
from nlp.dates import find_dates

_BODY_WORDS = (
    r"(?:udvalg|byråd|råd|nævn|bestyrelse|forsamling|magistrat|kommission|repræsentantskab)"
)
_TITLE = re.compile(
    r"^(?:REFERAT|Referat|DAGSORDEN|Dagsorden|Beslutningsprotokol|BESLUTNINGSPROTOKOL)\b"
    r"(?:\s+(?:for|fra|af|over)(?:\s+mødet?)?(?:\s+i)?)?\s*[:\-–]?\s*"
    r"(?P<body>.+?)\s*(?:,\s*)?(?:\b(?:d\.|den|fra|mødet?)\s+|\s)?(?P<date>\d{1,2}[.\-/ ].*)?$"
)
_FIELD = re.compile(
    r"^(?P<key>Udvalg|Mødedato|Dato|Tidspunkt|Mødetidspunkt|Mødested|Sted|Lokale|"
    r"Mødedeltagere|Deltagere|Medlemmer|Til stede|Tilstede|Afbud|Fraværende|Forfald|"
    r"Fravær)\s*:?\s+(?P<value>.+)$",
    re.IGNORECASE,
)
_TIME = re.compile(r"\bkl\.?\s*(\d{1,2})[.:](\d{2})\b")
_MUNICIPALITY = re.compile(r"\b([A-ZÆØÅ][a-zæøå]+(?:-[A-ZÆØÅ][a-zæøå]+)?) Kommune\b")
_BODY = re.compile(rf"\b[A-ZÆØÅ][\wæøå\-]*(?:\s+og\s+[\wæøå\-]+)?{_BODY_WORDS}\w*\b", re.IGNORECASE)
_NAME_SPLIT = re.compile(r"\s*(?:,|;|\n|\bog\b|•)\s*")
_PARTY_SUFFIX = re.compile(r"\s*\((?:[A-ZÆØÅ]{1,3}|[^)]{2,40})\)\s*$")
_FORFALD = re.compile(r"^(?P<names>.+?)\s+(?:havde forfald|var fraværende|meldte afbud)\b")


def split_names(text: str) -> tuple[str, ...]:
    names = []
    for part in _NAME_SPLIT.split(text):
        part = _PARTY_SUFFIX.sub("", part).strip(" .:-–")
        part = re.sub(
            r"\s*,?\s*(?:formand|næstformand|borgmester|rådmand)\b.*$", "", part, flags=re.I
        )
        if 2 <= len(part) <= 60 and part[:1].isupper() and len(part.split()) <= 6:
            names.append(part)
    return tuple(dict.fromkeys(names))


def _first_date(text: str) -> dt.date | None:
    dates = find_dates(text)
    return dates[0][0] if dates else None


def _clean_committee(text: str) -> str:
    text = re.sub(r"\s+(?:d\.|den)\s*$", "", text.strip(" -–:,"))
    return " ".join(text.split())


def read_meeting(
    front: Sequence[str], texts: Iterable[str], title_hint: str | None = None
) -> Meeting | None:
    """Build the meeting from front-matter lines; None when no date can be found.

    `texts` are the document's block texts, read (once, not joined) only to find
    the municipality when the front matter does not name it.
    """
    fields: dict[str, str] = {}
    committee: str | None = None
    date: dt.date | None = None
    absent: list[str] = []
    candidates = ([title_hint] if title_hint else []) + list(front)
    for line in candidates:
        line = " ".join(line.split())
        m = _FIELD.match(line)
        if m:
            fields.setdefault(m.group("key").lower(), m.group("value").strip())
            continue
        m = _TITLE.match(line)
        if m and committee is None:
            body = _clean_committee(m.group("body"))
            if body and not body[:1].isdigit():
                committee = body
            if m.group("date"):
                date = date or _first_date(m.group("date"))
        m = _FORFALD.match(line)
        if m:
            absent.extend(split_names(m.group("names")))
    committee = committee or fields.get("udvalg")
    if committee is None:
        for line in candidates:
            m = _BODY.search(line)
            if m and len(line) < 120:
                committee = _clean_committee(m.group(0))
                break
    date_text = fields.get("mødedato") or fields.get("dato") or ""
    date = _first_date(date_text) or date
    if date is None:
        for line in front[:12]:
            date = _first_date(line)
            if date:
                break
    if date is None or not committee:
        return None
    time_match = _TIME.search(date_text or fields.get("tidspunkt", "") or " ".join(front[:6]))
    for key in ("afbud", "fraværende", "forfald", "fravær"):
        if key in fields:
            absent.extend(split_names(fields[key]))
    participants = ()
    for key in ("mødedeltagere", "deltagere", "medlemmer", "til stede", "tilstede"):
        if key in fields:
            participants = split_names(fields[key])
            break
    return Meeting(
        committee=committee,
        date=date,
        municipality=_municipality(committee, front, texts),
        start_time=f"{int(time_match.group(1)):02d}:{time_match.group(2)}" if time_match else None,
        place=fields.get("mødested") or fields.get("sted") or fields.get("lokale"),
        participants=participants,
        absent=tuple(dict.fromkeys(absent)),
    )


def _municipality(committee: str, front: Sequence[str], texts: Iterable[str]) -> str | None:
    m = re.match(r"^([A-ZÆØÅ][a-zæøå]+) (?:Byråd|Kommunalbestyrelse)$", committee)
    if m:
        return f"{m.group(1)} Kommune"
    for line in front:
        m = _MUNICIPALITY.search(line)
        if m:
            return m.group(0)
    counts = Counter(m.group(0) for text in texts for m in _MUNICIPALITY.finditer(text))
    if counts:
        name, count = counts.most_common(1)[0]
        if count >= 3:
            return name
    return None
