"""References to other agenda items, cases and meetings.

"(sag 315)", "sag nr. 56", "punkt 59", "pkt. 42" are items; "på mødet den 11.
juni 2025", "byrådets møde den 10. september 2025" are meetings (with the item
when "(sag 56)" follows); "Beslutning fra X, den D, punkt N" is an item of a
named body's meeting; a case number other than the item's own is a case.
A `Resolver` turns (body, date, item) into an item or meeting id where the
corpus has it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from nlp.case_numbers import find_case_numbers
from nlp.dates import parse_danish_date
from nlp.records import Reference

Resolver = Callable[[str | None, dt.date | None, int | None], str | None]

_ITEM = re.compile(
    r"(?<![\wæøå])(?:sag(?:\s+nr\.?)?|punkt(?:\s+nr\.?)?|pkt\.?|dagsordenspunkt)\s*(?P<n>\d{1,4})\b(?![.\-/]\d)",
    re.IGNORECASE,
)
_DATE = r"\d{1,2}\.\s*[a-zæøå]+\.?(?:\s+\d{4})?|\d{1,2}[-.]\d{1,2}[-.]\d{2,4}"
_MEETING = re.compile(
    r"(?:(?<![\wæøå])(?P<body>[\wæøå\-]*?(?i:udvalg|råd|magistrat|bestyrelse)\w*?)(?:s|ets)?\s*)?"
    r"(?:i\s+sit\s+|i\s+|på\s+)?(?P<word>(?:[\wæøå]*?(?:udvalgs|råds|bestyrelses))?møde[t]?)"
    rf"\s+(?:den|d\.)\s+(?P<date>{_DATE})",
)
_PRIOR = re.compile(
    r"Beslutning\s+fra\s+(?P<body>.+?),\s+den\s+(?P<date>.+?),\s+punkt\s+(?P<n>\d+)", re.IGNORECASE
)
_BODY_WORDS = {"by": "Byrådet", "kommunalbestyrelse": "Kommunalbestyrelsen"}


def _body(m: re.Match[str]) -> str | None:
    """The body whose meeting it is: "byrådets møde" -> Byrådet, "beskæftigelsesudvalgsmødet" -> Beskæftigelsesudvalget."""
    body = m["body"]
    word = m["word"].lower()
    if not body and word.startswith(("udvalgs", "råds", "bestyrelses")):
        return None  # "udvalgsmødet": the committee is not named
    if not body and re.match(r"\w+(?:udvalgs|råds|bestyrelses)møde", word):
        stem = re.sub(r"s?møde[t]?$", "", word)
        body = stem + ("et" if stem.endswith(("udvalg", "råd")) else "n")
    if not body or body.lower() in ("udvalg", "udvalget", "udvalgets", "udvalgs"):
        return None  # "udvalgsmødet": the committee is not named
    body = body.strip()
    if body.lower().endswith(("udvalgets", "rådets", "bestyrelsens")):
        body = body[:-1]
    if body.lower().endswith(("udvalg", "råd")):
        body += "et"
    return body[:1].upper() + body[1:]


def find_references(
    text: str,
    own_case: str | None = None,
    resolver: Resolver | None = None,
    default_year: int | None = None,
) -> list[Reference]:
    refs: list[Reference] = []
    covered: list[tuple[int, int]] = []

    def resolve(body: str | None, date: dt.date | None, item: int | None) -> str | None:
        return resolver(body, date, item) if resolver else None

    for m in _PRIOR.finditer(text):
        date = parse_danish_date(m["date"], default_year)
        item = int(m["n"])
        refs.append(
            Reference(
                "item",
                " ".join(m.group(0).split()),
                m["body"],
                date,
                item,
                target=resolve(m["body"], date, item),
            )
        )
        covered.append(m.span())
    for m in _MEETING.finditer(text):
        if any(s <= m.start() < e for s, e in covered):
            continue
        date = parse_danish_date(m["date"], default_year)
        if date is None:
            continue
        # "på mødet den 11. juni 2025 (sag 56)": the item number follows the date.
        tail = text[m.end() : m.end() + 24]
        after = _ITEM.match(tail.lstrip(" (,"))
        item = int(after["n"]) if after else None
        end = m.end() + (tail.index(after.group(0)) + len(after.group(0)) if after else 0)
        if after and text[end : end + 1] == ")":
            end += 1
        body = _body(m)
        refs.append(
            Reference(
                "item" if item else "meeting",
                " ".join(text[m.start() : end].split()),
                body,
                date,
                item,
                target=resolve(body, date, item),
            )
        )
        covered.append((m.start(), end))
    for m in _ITEM.finditer(text):
        if any(s <= m.start() < e for s, e in covered):
            continue
        item = int(m["n"])
        refs.append(Reference("item", m.group(0), item=item, target=resolve(None, None, item)))
    for case in find_case_numbers(text):
        if case.normalized != own_case:
            refs.append(Reference("case", case.raw, case_number=case.normalized))
    return refs
