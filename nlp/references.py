"""References to other agenda items, cases and meetings: "(sag 315)", "punkt 59", "på mødet den 11. juni 2025"."""

from __future__ import annotations

import re
from collections.abc import Callable

from nlp.case_numbers import find_case_numbers
from nlp.dates import parse_danish_date
from nlp.records import Reference

_ITEM = re.compile(
    r"\b(?:sag(?:\s+nr\.?)?|punkt|pkt\.?|dagsordenspunkt)\s+(?P<n>\d{1,4})\b(?![.\-/]\d)",
    re.IGNORECASE,
)
_MEETING = re.compile(
    r"\b(?:på\s+)?(?:(?P<body>[A-ZÆØÅ]?[\wæøå\-]*(?:udvalg|råd|magistrat)\w*)s?\s*)?(?:mødet?|møde)\s+(?:den|d\.)\s+"
    r"(?P<date>\d{1,2}\.\s*[a-zæøå]+\.?(?:\s+\d{4})?|\d{1,2}[-.]\d{1,2}[-.]\d{2,4})",
    re.IGNORECASE,
)
_PRIOR = re.compile(
    r"Beslutning\s+fra\s+(?P<body>.+?),\s+den\s+(?P<date>.+?),\s+punkt\s+(?P<n>\d+)", re.IGNORECASE
)

# Resolves (body, date, item number) to an item or meeting id in the corpus, where it has one.
Resolver = Callable[[str | None, object, int | None], str | None]


def find_references(
    text: str, own_case: str | None = None, resolver: Resolver | None = None
) -> list[Reference]:
    refs: list[Reference] = []
    for m in _PRIOR.finditer(text):
        date = parse_danish_date(m["date"])
        item = int(m["n"])
        target = resolver(m["body"], date, item) if resolver else None
        refs.append(
            Reference("item", " ".join(m.group(0).split()), m["body"], date, item, target=target)
        )
    for m in _MEETING.finditer(text):
        date = parse_danish_date(m["date"])
        if date is None:
            continue
        # "på mødet den 11. juni 2025 (sag 56)": the item number follows the date.
        after = _ITEM.match(text[m.end() : m.end() + 20].lstrip(" ("))
        item = int(after["n"]) if after else None
        target = resolver(m["body"], date, item) if resolver else None
        refs.append(
            Reference("meeting", " ".join(m.group(0).split()), m["body"], date, item, target=target)
        )
    for m in _ITEM.finditer(text):
        if any(
            r.item == int(m["n"]) and r.text in text[max(0, m.start() - 80) : m.end() + 20]
            for r in refs
        ):
            continue
        refs.append(Reference("item", m.group(0), item=int(m["n"])))
    for case in find_case_numbers(text):
        if case.normalized != own_case:
            refs.append(Reference("case", case.raw, case_number=case.normalized))
    return refs
