"""CPR numbers (DDMMYY-XXXX) are personal data: found and redacted before anything is stored.

Matched: "010190-1234", "010190 - 1234", "0101901234" with a day that exists in its
month. Not matched: a number glued to other digits, dots, commas or slashes
(amounts, dates, case numbers), and "010190 1234" with only a space, which is as
likely two numbers as one CPR number. Phone numbers ("86 12 34 56", "86123456")
have too few digits. The old modulus-11 check is not applied: CPR numbers issued
since 2007 need not pass it.
"""

from __future__ import annotations

import re

CPR_PATTERN = re.compile(
    r"(?<![0-9/])(?<![0-9][-.,])"
    r"(?P<day>0[1-9]|[12][0-9]|3[01])(?P<month>0[1-9]|1[0-2])(?P<year>[0-9]{2})"
    r"(?:[ \u00a0]?[-–][ \u00a0]?)?(?P<serial>[0-9]{4})"
    r"(?![0-9\-/]|[.,][0-9])"
)
REDACTED = "[CPR]"
_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # leap day allowed any year


def is_cpr(match: re.Match[str]) -> bool:
    """A CPR_PATTERN match whose day exists in its month ("310290-1234" does not)."""
    return int(match["day"]) <= _MONTH_DAYS[int(match["month"]) - 1]


def redact_cpr(text: str) -> tuple[str, int]:
    """The text with every CPR number replaced by "[CPR]", and how many there were."""
    count = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal count
        if not is_cpr(match):
            return match.group(0)
        count += 1
        return REDACTED

    return CPR_PATTERN.sub(replace, text), count
