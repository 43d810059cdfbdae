"""Amounts in Danish kroner, normalised to exact Decimals.

Forms: "-15,6 mio. kr.", "2.511.000 kr.", "20.015.538,54 kr.", "2,7 mia. kr.",
"en mio. kr.", "kr. 500.000", "1,2 mio. DKK", "500 t.kr.", "2-3 mio. kr." (two
amounts), "½ mio. kr.". A number counts only next to a currency word; numbers
in tables take their unit from the table header ("2026-pl, mio. kr.").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from nlp.numbers import parse_danish_number_word

_SIGN = r"[-–−]"
_NUM = r"(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?|½)"
_WORD = r"(?:en|et|én|to|tre|fire|fem|seks|syv|otte|ni|ti|tyve|halvanden|en halv)"
_SCALE = (
    r"(?P<scale>mio\.?|mill\.?|millioner|million|mia\.?|mrd\.?|milliarder|milliard|"
    r"tusind(?:e)?|t\.\s?kr\.?|tkr\.?|t\.kr\.?)"
)
_CURRENCY = r"(?:kr\.?|kroner|DKK|dkk)(?![\wæøå])"
_PER = r"(?:\s+(?:årligt|årlig|om\s+året|netto|brutto))?"
_AFTER = re.compile(
    rf"(?:(?P<between>mellem|fra)\s+(?P<low>{_NUM})\s+(?:og|til)\s+)?"
    rf"(?<![\w.,\-–−])(?P<sign>{_SIGN})?(?P<num>{_NUM}|{_WORD})"
    rf"(?:\s?(?P<dash>[-–])\s?(?P<num2>{_NUM}))?"
    rf"\s*(?:{_SCALE}{_PER}\s*)?(?P<cur>{_CURRENCY})?",
    re.IGNORECASE,
)
_BEFORE = re.compile(
    rf"(?<![\w])(?:kr\.|DKK)\s?(?P<sign>{_SIGN})?(?P<num>{_NUM})(?:\s*{_SCALE})?(?![\d])",
    re.IGNORECASE,
)
_SCALES = {
    "mio": Decimal(10**6), "mill": Decimal(10**6), "million": Decimal(10**6), "millioner": Decimal(10**6),
    "mia": Decimal(10**9), "mrd": Decimal(10**9), "milliard": Decimal(10**9), "milliarder": Decimal(10**9),
    "tusind": Decimal(1000), "tusinde": Decimal(1000), "t.kr": Decimal(1000), "tkr": Decimal(1000),
}  # fmt: skip
_HEADER_UNIT = re.compile(
    rf"(?:(?:i|kr\.?,?)\s*)?(?:(?P<thousand>1\.000|1000|t\.?\s?kr|tkr)|{_SCALE})?\s*(?P<cur>{_CURRENCY})?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Amount:
    value: Decimal
    text: str
    start: int
    end: int
    unit_from_header: bool = False


def _number(text: str) -> Decimal | None:
    text = text.strip()
    if text == "½":
        return Decimal("0.5")
    lower = text.lower()
    if lower in ("halvanden",):
        return Decimal("1.5")
    if lower == "en halv":
        return Decimal("0.5")
    word = parse_danish_number_word(lower)
    if word is not None:
        return Decimal(word)
    try:
        return Decimal(text.replace(".", "").replace(",", "."))
    except InvalidOperation:
        return None


def _scale(text: str | None) -> Decimal:
    if not text:
        return Decimal(1)
    key = re.sub(r"\s", "", text.lower()).rstrip(".")
    if key.startswith("t.kr") or key == "tkr":
        return Decimal(1000)
    return _SCALES.get(key, Decimal(1))


def _signed(value: Decimal, sign: str | None) -> Decimal:
    value = -value if sign else value
    # Exact, without a trailing ".0" from the scale: 15,6 mio. is 15600000, not 15600000.0.
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def find_amounts(text: str) -> list[Amount]:
    """Every amount in kroner in the text, in order."""
    found: list[Amount] = []
    taken: list[tuple[int, int]] = []
    for m in _AFTER.finditer(text):
        scale_text = m.group("scale")
        has_currency = bool(m.group("cur")) or (scale_text and "kr" in scale_text.lower())
        if not has_currency:
            continue
        num = m.group("num")
        if not num[0].isdigit() and num != "½" and not scale_text:
            continue  # "to kr." is too rare to tell from "til to kr.": only words with a scale
        value = _number(num)
        if value is None:
            continue
        scale = _scale(scale_text)
        end = m.end("cur") if m.group("cur") else m.end("scale")
        if m.group("low"):
            # "mellem 1.500 og 2.000 kr.": the lower bound is an amount in the same unit.
            low = _number(m.group("low"))
            if low is not None:
                found.append(
                    Amount(_signed(low * scale, None), m.group("low"), m.start("low"), m.end("low"))
                )
        start = m.start("sign") if m.group("sign") else m.start("num")
        if m.group("num2"):
            second = _number(m.group("num2"))
            first_end = m.end("num")
            found.append(
                Amount(
                    _signed(value * scale, m.group("sign")), text[start:first_end], start, first_end
                )
            )
            if second is not None:
                found.append(
                    Amount(
                        _signed(second * scale, None),
                        text[m.start("num2") : end],
                        m.start("num2"),
                        end,
                    )
                )
        else:
            found.append(
                Amount(
                    _signed(value * scale, m.group("sign")), text[start:end].rstrip(), start, end
                )
            )
        taken.append((m.start(), end))
    for m in _BEFORE.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        if re.search(rf"{_SCALE}\s*$", text[max(0, m.start() - 8) : m.start()], re.IGNORECASE):
            continue  # "mio. kr. 2026" in a table header: the unit of a column, not "kr. 2026"
        value = _number(m.group("num"))
        if value is not None:
            found.append(
                Amount(
                    _signed(value * _scale(m.group("scale")), m.group("sign")),
                    m.group(0),
                    m.start(),
                    m.end(),
                )
            )
    return sorted(found, key=lambda a: a.start)


def parse_amount(text: str) -> Decimal | None:
    found = find_amounts(text)
    return found[0].value if found else None


def format_amount(value: Decimal, style: str) -> str:
    """Write an amount the ways minutes do; the inverse of `parse_amount` (used in tests)."""
    sign = "-" if value < 0 else ""
    value = abs(value)

    def danish(number: Decimal, decimals: int) -> str:
        text = f"{number:,.{decimals}f}"
        return text.replace(",", "X").replace(".", ",").replace("X", ".")

    if style == "mio":
        return f"{sign}{danish(value / Decimal(10**6), 1)} mio. kr."
    if style == "mia":
        return f"{sign}{danish(value / Decimal(10**9), 1)} mia. kr."
    if style == "thousands_dots":
        return f"{sign}{danish(value, 2 if value % 1 else 0)} kr."
    if style == "kr_prefix":
        return f"kr. {sign}{danish(value, 2 if value % 1 else 0)}"
    if style == "dkk":
        return f"{sign}{danish(value / Decimal(10**6), 1)} mio. DKK"
    raise ValueError(f"unknown style {style}")


def header_scale(header: str) -> Decimal | None:
    """The money unit a table header states ("2026-pl, mio. kr.", "I 1.000 kr.", "(1.000 kr.)"), or None."""
    if not re.search(_CURRENCY, header, re.IGNORECASE) and not re.search(
        r"\bt\.?\s?kr|\btkr", header, re.IGNORECASE
    ):
        return None
    if re.search(r"\b(?:1\.000|1000)\s*kr|\bt\.?\s?kr|\btkr|tusind", header, re.IGNORECASE):
        return Decimal(1000)
    if re.search(r"\bmio\b|\bmill|million", header, re.IGNORECASE):
        return Decimal(10**6)
    if re.search(r"\bmia\b|\bmrd\b|milliard", header, re.IGNORECASE):
        return Decimal(10**9)
    return Decimal(1)


_CELL_NUMBER = re.compile(
    rf"^\s*(?P<sign>{_SIGN})?\s?(?P<num>\d{{1,3}}(?:\.\d{{3}})+(?:,\d+)?|\d+(?:,\d+)?)\s*$"
)


def table_amounts(
    rows: Sequence[Sequence[str]], header_unit_text: str | None = None
) -> list[Amount]:
    """Numbers in a table read with the unit its header states; nothing when no money unit is stated."""
    if not rows:
        return []
    header = header_unit_text if header_unit_text is not None else " ".join(rows[0])
    scale = header_scale(header)
    if scale is None:
        return []
    found = []
    for row in rows[1:] if header_unit_text is None else rows:
        for cell in row[1:]:
            m = _CELL_NUMBER.match(cell)
            if not m:
                continue
            value = _number(m.group("num"))
            if value is not None:
                found.append(
                    Amount(
                        _signed(value * scale, m.group("sign")),
                        cell.strip(),
                        0,
                        0,
                        unit_from_header=True,
                    )
                )
    return found
