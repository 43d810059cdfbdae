"""CPR numbers (DDMMYY-XXXX) are personal data: found and redacted before anything is stored."""

from __future__ import annotations

import re

CPR_PATTERN = re.compile(
    r"(?<![\d\-/.])(?P<day>0[1-9]|[12]\d|3[01])(?P<month>0[1-9]|1[0-2])(?P<year>\d\d)\s?-?\s?(?P<serial>\d{4})(?![\d\-/.,])"
)
REDACTED = "[CPR]"


def redact_cpr(text: str) -> tuple[str, int]:
    """The text with every CPR number replaced by "[CPR]", and how many there were."""
    count = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal count
        raw = match.group(0)
        # Ten digits without a dash only count when they stand alone: "0101901234".
        if "-" not in raw and " " in raw:
            return raw
        count += 1
        return REDACTED

    return CPR_PATTERN.sub(replace, text), count
