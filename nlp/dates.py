"""Danish dates: "11. juni 2025", "d. 03. februar 2026", "15. okt. 2024", "12-08-2025",
"12.08.2025", "28.01.26", "3/2-2026", "2025-08-12", "15-maj-2002", and a portal's "8/29/2019 4:00:00 PM".

A day and month without a year ("11. juni") is a date only when the caller gives a
`default_year`. Impossible dates ("31. februar 2025") are skipped, never raised.
Two-digit years are 2000-2069 or 1970-1999. With dots and a two-digit year the
day and month must have two digits ("28.01.26"), so section numbers such as
"5.2.21" are not dates; "12-8-25" and "8/4-24" are.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

MONTHS = {
    "januar": 1, "jan": 1, "februar": 2, "feb": 2, "marts": 3, "mar": 3, "april": 4, "apr": 4,
    "maj": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_FULL_NAMES = {v: k for k, v in MONTHS.items() if len(k) > 3 and k != "sept"} | {5: "maj"}
# The months written out, January first: "januar|februar|…|december"
FULL_MONTH_NAMES = "|".join(_FULL_NAMES[month] for month in range(1, 13))

_WORDS = re.compile(
    rf"(?<![0-9])(?<![0-9]\.)(?P<day>[0-3]?[0-9])\.?\s*(?P<month>{_MONTH_NAMES})(?!\w)\.?"
    r"(?:,?\s+(?P<year>(?:19|20)[0-9]{2})(?![0-9]))?",  # "2 december, 2021" (web CMS dates)
    re.IGNORECASE,
)
_ISO = re.compile(
    r"(?<![0-9.\-/])(?P<year>(?:19|20)[0-9]{2})-(?P<month>[01][0-9])-(?P<day>[0-3][0-9])(?![0-9\-])"
)
_NUMERIC = re.compile(
    # (also glued to "d.": "Torsdag d.10.09.15")
    r"(?:(?<![\w.\-/])|(?<=\bd\.))(?P<day>[0-3]?[0-9])(?P<sep>[-./])(?P<month>[01]?[0-9])(?P=sep)"
    r"(?P<year>(?:19|20)?[0-9]{2})(?![0-9\-/]|\.[0-9])"
)
_SLASH = re.compile(  # "3/2-2026", "3/2 2026", "8/4-24"
    r"(?<![\w.\-/])(?P<day>[0-3]?[0-9])/(?P<month>[01]?[0-9])"
    r"(?:-|\s)(?P<year>(?:19|20)[0-9]{2}|(?<=-)[0-9]{2})(?![0-9\-/])"
)

# "15-maj-2002", "3-feb-21": a day, a month's name and a year joined by hyphens.
_HYPHENED_WORDS = re.compile(
    rf"(?<![\w.\-/])(?P<day>[0-3]?[0-9])-(?P<month>{_MONTH_NAMES})\.?-(?P<year>(?:19|20)?[0-9]{{2}})"
    r"(?![0-9\-/])",
    re.IGNORECASE,
)

# "Tirsdag, Maj 7, 2024 - 08:00": a web CMS's date with the month's name first.
_MONTH_FIRST = re.compile(
    rf"(?<![\w.])(?P<month>{_MONTH_NAMES})\.?\s+(?P<day>[0-3]?[0-9]),\s+(?P<year>(?:19|20)[0-9]{{2}})(?![0-9])",
    re.IGNORECASE,
)

# "8/29/2019 4:00:00 PM": a portal's English date and time (month first), told by its AM/PM.
_US_TIMESTAMP = re.compile(
    r"(?<![\w.\-/])(?P<month>[01]?[0-9])/(?P<day>[0-3]?[0-9])/(?P<year>(?:19|20)[0-9]{2})"
    r"(?=\s+[0-2]?[0-9]:[0-5][0-9](?::[0-5][0-9])?\s*[AP]M\b)"
)

Found = tuple[dt.date, int, int, str]


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the sorted, disjoint spans."""
    i = bisect.bisect_left(spans, (end,))
    return i > 0 and spans[i - 1][1] > start


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _year(text: str) -> int:
    year = int(text)
    if year >= 100:
        return year
    return year + 2000 if year < 70 else year + 1900


def _numeric(m: re.Match[str]) -> dt.date | None:
    if m["sep"] == "." and len(m["year"]) == 2 and (len(m["day"]) < 2 or len(m["month"]) < 2):
        return None
    return _make(_year(m["year"]), int(m["month"]), int(m["day"]))


def find_dates(text: str, default_year: int | None = None) -> list[Found]:
    """All dates in the text as (date, start, end, raw), in order of appearance."""
    found: list[Found] = []
    spans: list[tuple[int, int]] = []

    def add(date: dt.date | None, m: re.Match[str]) -> None:
        if date and not _overlaps(spans, *m.span()):
            found.append((date, m.start(), m.end(), m.group(0)))
            bisect.insort(spans, m.span())

    for m in _ISO.finditer(text):
        add(_make(int(m["year"]), int(m["month"]), int(m["day"])), m)
    for m in _US_TIMESTAMP.finditer(text):
        add(_make(int(m["year"]), int(m["month"]), int(m["day"])), m)
    for m in _WORDS.finditer(text):
        year = _year(m["year"]) if m["year"] else default_year
        if year is not None:
            add(_make(year, MONTHS[m["month"].lower()], int(m["day"])), m)
    for m in _MONTH_FIRST.finditer(text):
        add(_make(int(m["year"]), MONTHS[m["month"].lower()], int(m["day"])), m)
    for m in _HYPHENED_WORDS.finditer(text):
        add(_make(_year(m["year"]), MONTHS[m["month"].lower()], int(m["day"])), m)
    for m in _SLASH.finditer(text):
        add(_make(_year(m["year"]), int(m["month"]), int(m["day"])), m)
    for m in _NUMERIC.finditer(text):
        add(_numeric(m), m)
    return sorted(found, key=lambda f: f[1])


def parse_danish_date(text: str, default_year: int | None = None) -> dt.date | None:
    """The first date in the text, or None."""
    dates = find_dates(text, default_year)
    return dates[0][0] if dates else None


def format_danish_date(date: dt.date, style: str) -> str:
    """Write a date the ways minutes do; the inverse of `parse_danish_date` (used in tests).

    Styles: "words" (11. juni 2025), "d_words" (d. 03. februar 2026), "abbrev" (15. okt. 2024),
    "dashes" (12-08-2025), "dots" (12.08.2025), "short" (28.01.26), "slash" (3/2-2026),
    "iso" (2025-08-12).
    """
    month = _FULL_NAMES[date.month]
    styles = {
        "words": f"{date.day}. {month} {date.year}",
        "d_words": f"d. {date.day:02d}. {month} {date.year}",
        "abbrev": f"{date.day}. {month[:3]}. {date.year}",
        "dashes": f"{date.day:02d}-{date.month:02d}-{date.year}",
        "dots": f"{date.day:02d}.{date.month:02d}.{date.year}",
        "short": f"{date.day:02d}.{date.month:02d}.{date.year % 100:02d}",
        "slash": f"{date.day}/{date.month}-{date.year}",
        "iso": date.isoformat(),
    }
    if style not in styles:
        raise ValueError(f"unknown date style {style!r}; one of {', '.join(styles)}")
    return styles[style]


def parse_date_input(text: str) -> dt.date | None:
    """A date as a person types it into a field, the whole of it: "2025-08-12", "12-08-2025",
    "12.08.2025", "12/8 2025", "12. august 2025", "12 aug. 2025"; None if it is not one."""
    text = " ".join(text.split())
    found = find_dates(text)
    if len(found) != 1:
        return None
    date, start, end, _ = found[0]
    return date if start == 0 and text[end:].strip(" .") == "" else None
