"""Danish dates: "11. juni 2025", "d. 03. februar 2026", "12-08-2025", "28.01.26", "2025-08-12"."""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    "januar": 1, "jan": 1, "februar": 2, "feb": 2, "marts": 3, "mar": 3, "april": 4, "apr": 4,
    "maj": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_WORDS = re.compile(
    rf"(?<![\d.])(?P<day>[0-3]?\d)\.?\s*(?P<month>{_MONTH_NAMES})\.?(?:\s+(?P<year>(?:19|20)\d\d))?(?![\wæøå])",
    re.IGNORECASE,
)
_ISO = re.compile(
    r"(?<![\d.\-])(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?![\d\-])"
)
_NUMERIC = re.compile(
    r"(?<![\w.\-/])(?P<day>[0-3]?\d)(?P<sep>[-./])(?P<month>[01]?\d)(?P=sep)(?P<year>(?:19|20)?\d\d)(?![\d\-/]|\.\d)"
)


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _year(text: str) -> int:
    year = int(text)
    if year >= 100:
        return year
    return year + 2000 if year < 70 else year + 1900  # "28.01.26" is 2026, "03.04.98" is 1998


def find_dates(text: str, default_year: int | None = None) -> list[tuple[dt.date, int, int, str]]:
    """All dates in the text as (date, start, end, raw), in order. Invalid dates are skipped."""
    found: list[tuple[dt.date, int, int, str]] = []
    taken: list[tuple[int, int]] = []

    def add(date: dt.date | None, m: re.Match[str]) -> None:
        if date and not any(s < m.end() and m.start() < e for s, e in taken):
            found.append((date, m.start(), m.end(), m.group(0)))
            taken.append(m.span())

    for m in _ISO.finditer(text):
        add(_make(int(m["year"]), int(m["month"]), int(m["day"])), m)
    for m in _WORDS.finditer(text):
        year = _year(m["year"]) if m["year"] else default_year
        if year is not None:
            add(_make(year, MONTHS[m["month"].lower()], int(m["day"])), m)
    for m in _NUMERIC.finditer(text):
        add(_make(_year(m["year"]), int(m["month"]), int(m["day"])), m)
    return sorted(found, key=lambda f: f[1])


def parse_danish_date(text: str, default_year: int | None = None) -> dt.date | None:
    """The first date in the text, or None."""
    dates = find_dates(text, default_year)
    return dates[0][0] if dates else None


def format_danish_date(date: dt.date, style: str) -> str:
    """Write a date the ways minutes do; the inverse of `parse_danish_date` (used in tests)."""
    names = [n for n, v in MONTHS.items() if len(n) > 4 or n == "maj" or n == "juni" or n == "juli"]
    month_name = next(n for n in names if MONTHS[n] == date.month)
    return {
        "words": f"{date.day}. {month_name} {date.year}",
        "d_words": f"d. {date.day:02d}. {month_name} {date.year}",
        "dashes": f"{date.day:02d}-{date.month:02d}-{date.year}",
        "dots": f"{date.day:02d}.{date.month:02d}.{date.year}",
        "short": f"{date.day:02d}.{date.month:02d}.{date.year % 100:02d}",
        "iso": date.isoformat(),
    }[style]
