"""Amounts in Danish kroner, normalised to exact Decimals.

Forms: "-15,6 mio. kr.", "2.511.000 kr.", "20.015.538,54 kr.", "2,7 mia. kr.",
"en mio. kr.", "kr. 500.000", "1,2 mio. DKK", "500 t.kr.", "½ mio. kr.",
"÷2,3 mio. kr.", "500.000,- kr.", "2-3 mio. kr." and "mellem 1.500 og 2.000 kr."
(two amounts each).

Rules:
- A number is an amount only next to a currency ("kr.", "kroner", "DKK", "t.kr.");
  a scale alone ("2 mio.") is not enough, so percentages, years, counts and
  item numbers never match.
- A minus ("-", "–", "−") is a sign only when attached to the number and not to
  a word or number before it: "i 2026 -15,6 mio. kr." is negative, "fra 2026 - 3
  mio. kr." is not. "÷" (Danish accounting minus) is a sign with or without a space.
- After a leading "kr."/"DKK", a plain year ("mio. kr. 2026", "kr. 2026-priser") is
  not an amount; neither is a unit statement such as "(1.000 kr.)" or "i 1.000 kr.".
- Numbers in tables take their unit from the table header (`table_amounts`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation, localcontext

from nlp.numbers import parse_danish_number_word


@dataclass(frozen=True)
class Amount:
    value: Decimal  # exact kroner, sign included
    text: str  # as matched
    start: int  # offsets in the text; 0 for table cells
    end: int
    unit_from_header: bool = False  # the scale came from a table header
    row: int | None = None  # table cell position, for table amounts only
    column: int | None = None


# ASCII digits only: \d would accept other scripts' digits.
_D = "[0-9]"
_DIGITS = (
    rf"{_D}{{1,3}}(?:\.{_D}{{3}})+(?:,{_D}+)?"  # 2.511.000 / 20.015.538,54
    rf"|{_D}{{1,3}}(?:[ \u00a0\u202f]{_D}{{3}})+(?:,{_D}+)?(?!\.{_D})"  # 2 511 000
    rf"|{_D}+(?:,{_D}+)?½?"  # 15,6 / 1½
    r"|½"
)
_DOT_DECIMAL = rf"{_D}+\.{_D}{{1,2}}(?!{_D})"  # "2.5 mio.": a decimal point, only before a scale
_WORDS = (
    r"en\s+halv|halvanden|én|ét|en|et|to|tre|fire|fem|seks|syv|otte|ni|ti|elleve|tolv|femten|tyve"
)
_SCALE = (
    r"(?:millioner|million|milliarder|milliard|mio|mill|mia|mrd|tusinde|tusind)(?!\w)\.?"
    r"|t\.\s?kr(?!\w)\.?|tkr(?!\w)\.?"  # thousand kroner: scale and currency in one
)
_CURRENCY = r"(?:kr\.?|kroner|DKK)(?!\w)"
_SIGN = r"(?:[-–−](?!\s)|÷\s?)"
_START = r"(?<![\w,\-–−÷])(?<![0-9]\.)"  # not glued to a word, number or dash before it

_SUFFIXED = re.compile(
    rf"(?:\b(?P<between>mellem|fra)\s+(?P<low>{_DIGITS})\s+(?:og|til)\s+)?"
    rf"{_START}(?P<sign>{_SIGN})?"
    rf"(?:(?P<dotnum>{_DOT_DECIMAL})(?=\s*(?:{_SCALE}))"
    rf"|(?P<num>{_DIGITS})(?:,[-–])?(?:(?:[-–]|\s[-–]\s)(?P<num2>{_DIGITS}))?"
    rf"|(?P<word>{_WORDS})(?=\s+(?:{_SCALE})))"
    rf"\s*(?:(?P<scale>{_SCALE})\s*(?:(?:årligt|årlig|netto|brutto)\s+)?)?"
    rf"(?P<cur>{_CURRENCY})?",
    re.IGNORECASE,
)
_PREFIXED = re.compile(
    rf"(?<!\w)(?:kr\.?|DKK)\s?(?P<sign>{_SIGN})?(?P<num>{_DIGITS})(?:,[-–])?"
    rf"(?:\s*(?P<scale>{_SCALE}))?(?![0-9])",
    re.IGNORECASE,
)
_SCALE_BEFORE = re.compile(rf"(?:{_SCALE})\s*$", re.IGNORECASE)
_UNIT_STATEMENT = re.compile(r"(?:\(|\bi\s)\s*$", re.IGNORECASE)
_YEAR = re.compile(r"(?:19|20)[0-9]{2}")

_SCALES = {
    "mio": 10**6, "mill": 10**6, "million": 10**6, "millioner": 10**6,
    "mia": 10**9, "mrd": 10**9, "milliard": 10**9, "milliarder": 10**9,
    "tusind": 1000, "tusinde": 1000, "t.kr": 1000, "tkr": 1000,
}  # fmt: skip


def _number(text: str) -> Decimal | None:
    text = re.sub(r"\s+", " ", text.strip().lower())
    if text in ("halvanden", "en halv"):
        return Decimal("1.5") if text == "halvanden" else Decimal("0.5")
    word = parse_danish_number_word(text)
    if word is not None:
        return Decimal(word)
    half = text.endswith("½")
    digits = re.sub(r"[.\s]", "", text.rstrip("½"))
    try:
        value = Decimal(digits.replace(",", ".")) if digits else Decimal(0)
    except InvalidOperation:
        return None
    return value + Decimal("0.5") if half else value


def _scale(text: str | None) -> Decimal:
    if not text:
        return Decimal(1)
    return Decimal(_SCALES.get(re.sub(r"\s", "", text.lower()).rstrip("."), 1))


def _exact(value: Decimal, sign: str | None = None) -> Decimal:
    value = -value if sign else value
    # 15,6 mio. is 15600000, not 15600000.0. (A number of 30 digits needs more than the default
    # 28 digits of precision to be rounded.)
    with localcontext() as context:
        context.prec = max(28, value.adjusted() + 8)
        whole = value == value.to_integral_value()
        return value.quantize(Decimal(1)) if whole else value.normalize()


def _is_year(text: str) -> bool:
    return bool(_YEAR.fullmatch(text))


def _year_then_amount(first: str, second: str) -> bool:
    """ "fra 2026 - 3 mio. kr.": the first number is a year, not the lower end of a range."""
    return _is_year(first) and not _is_year(second)


def _is_unit_statement(text: str, m: re.Match[str]) -> bool:
    """ "(1.000 kr.)", "i 1.000 kr.": the unit of a table, not an amount."""
    if not m["num"] or m["sign"] or m["num2"] or _number(m["num"]) != 1000:
        return False
    return bool(_UNIT_STATEMENT.search(text, max(0, m.start() - 4), m.start()))


def _suffixed(text: str, m: re.Match[str]) -> list[Amount]:
    if not m["cur"] and "kr" not in (m["scale"] or "").lower():
        return []  # "2 mio." alone is not known to be money
    scale = _scale(m["scale"])
    end = m.end("cur") if m["cur"] else m.end("scale")

    def amount(group: str, stop: int, sign: str | None = None) -> Amount | None:
        start = m.start("sign") if sign else m.start(group)
        value = Decimal(m[group]) if group == "dotnum" else _number(m[group])
        if value is None:
            return None
        return Amount(_exact(value * scale, sign), text[start:stop], start, stop)

    main = next(g for g in ("dotnum", "num", "word") if m[g])
    if _is_unit_statement(text, m):
        return []
    found = []
    if m["low"] and not _year_then_amount(m["low"], m[main]):
        found.append(amount("low", m.end("low")))  # "mellem 1.500 og 2.000 kr."
    if m["num2"]:  # "2-3 mio. kr.": both ends take the unit
        if not _year_then_amount(m["num"], m["num2"]):
            found.append(amount("num", m.end("num"), m["sign"]))
        found.append(amount("num2", end))
    else:
        found.append(amount(main, end, m["sign"]))
    return [a for a in found if a is not None]


def find_amounts(text: str) -> list[Amount]:
    """Every amount in kroner in the text, in order of appearance."""
    suffixed = [a for m in _SUFFIXED.finditer(text) for a in _suffixed(text, m)]
    starts = [a.start for a in suffixed]  # in order and disjoint
    prefixed: list[Amount] = []
    for m in _PREFIXED.finditer(text):
        i = bisect.bisect_left(starts, m.end())
        if i and suffixed[i - 1].end > m.start():
            continue  # "2.000 kr. 45% ...": the "kr." belongs to the amount before it
        if _SCALE_BEFORE.search(text, max(0, m.start() - 10), m.start()) or _is_year(m["num"]):
            continue  # "mio. kr. 2026" in a header, "kr. 2026-priser": a year, not an amount
        value = _number(m["num"])
        if value is not None:
            value = _exact(value * _scale(m["scale"]), m["sign"])
            prefixed.append(Amount(value, m.group(0), m.start(), m.end()))
    return sorted(suffixed + prefixed, key=lambda a: a.start)


def parse_amount(text: str) -> Decimal | None:
    """The value of the first amount in the text, or None."""
    found = find_amounts(text)
    return found[0].value if found else None


def _danish(number: Decimal, min_decimals: int = 0) -> str:
    exponent = number.normalize().as_tuple().exponent
    decimals = max(min_decimals, -exponent if isinstance(exponent, int) and exponent < 0 else 0)
    return f"{number:,.{decimals}f}".replace(",", "X").replace(".", ",").replace("X", ".")


def format_amount(value: Decimal, style: str) -> str:
    """Write an amount the ways minutes do, exactly; the inverse of `parse_amount`.

    Styles: "mio" (-15,6 mio. kr.), "mia" (2,7 mia. kr.), "thousands_dots" (2.511.000 kr.),
    "kr_prefix" (kr. 500.000), "dkk" (1,2 mio. DKK), "tkr" (500 t.kr.).
    """
    sign = "-" if value < 0 else ""
    value = abs(value)
    styles = {
        "mio": lambda: f"{sign}{_danish(value / 10**6, 1)} mio. kr.",
        "mia": lambda: f"{sign}{_danish(value / 10**9, 1)} mia. kr.",
        "thousands_dots": lambda: f"{sign}{_danish(value)} kr.",
        "kr_prefix": lambda: f"kr. {sign}{_danish(value)}",
        "dkk": lambda: f"{sign}{_danish(value / 10**6, 1)} mio. DKK",
        "tkr": lambda: f"{sign}{_danish(value / 1000)} t.kr.",
    }
    if style not in styles:
        raise ValueError(f"unknown amount style {style!r}; one of {', '.join(styles)}")
    return styles[style]()


# "kr" after a letter only in "tkr": "Sundhedskr" is not a unit.
_HEADER_MONEY = re.compile(r"(?<![a-su-zæøå])(?:kr|kroner|DKK)(?!\w)", re.IGNORECASE)
_HEADER_SCALES = (
    (re.compile(r"\b1\.?000\s*kr|\bt\.?\s?kr\b|\btkr\b|\btusind", re.IGNORECASE), 1000),
    (re.compile(r"\bmio\b|\bmill\b|\bmillion", re.IGNORECASE), 10**6),
    (re.compile(r"\bmia\b|\bmrd\b|\bmilliard", re.IGNORECASE), 10**9),
)
_TAGS = re.compile(r"<[^>]*>")
_CELL = re.compile(rf"^(?P<sign>[-–−÷])?\s?(?P<num>{_DIGITS})(?:,[-–])?$")
_GENERIC_HEADER = re.compile(r"^(?:|[0-9]{4}\b.*|i\s*alt|total|budget|regnskab)$", re.IGNORECASE)


def header_scale(header: str) -> Decimal | None:
    """The money unit a header states ("2026-pl, mio. kr.", "I 1.000 kr.", "(t.kr.)"), or None."""
    if not _HEADER_MONEY.search(header):
        return None
    for pattern, scale in _HEADER_SCALES:
        if pattern.search(header):
            return Decimal(scale)
    return Decimal(1)


def _cell_value(cell: str) -> tuple[Decimal, str] | None:
    raw = " ".join(_TAGS.sub("", cell).split())
    m = _CELL.match(raw)
    if not m:
        return None
    value = _number(m["num"])
    return (_exact(value, m["sign"]), raw) if value is not None else None


def _is_header_row(row: Sequence[str]) -> bool:
    values = [_cell_value(c) for c in row[1:]]
    return all(v is None or _is_year(v[1]) for v in values)


def table_amounts(
    rows: Sequence[Sequence[str]], header_unit_text: str | None = None
) -> list[Amount]:
    """Numbers in a table, read with the money unit its header states; none without one.

    The unit may stand in the caption (`header_unit_text`, e.g. "(1.000 kr.)"), in the
    top-left header cell ("2026-pl, mio. kr." over year columns) or in one column's
    header ("2025 budget, mio. kr."); a column header with its own unit rules that
    column only, so "Helårspersoner" next to "Budget, mio. kr." is not money. The
    first column holds row labels and is never read.
    """
    n_header = 0
    while n_header < len(rows) and _is_header_row(rows[n_header]):
        n_header += 1
    if n_header == 0 and header_unit_text is None:
        n_header = min(1, len(rows))
    headers = rows[:n_header]
    width = max((len(r) for r in rows), default=0)
    titles = [_TAGS.sub("", " ".join(r[c] for r in headers if c < len(r))).strip() for c in range(width)]  # fmt: skip
    own = [header_scale(t) for t in titles]
    default = header_scale(header_unit_text) if header_unit_text else (own[0] if own else None)
    stated = {s for s in own[1:] if s is not None}
    # One column states the unit and the others are years or totals: the whole table's unit.
    if (
        default is None
        and len(stated) == 1
        and all(s or _GENERIC_HEADER.match(t) for s, t in zip(own[1:], titles[1:], strict=True))
    ):
        default = stated.pop()
    found = []
    for r, row in enumerate(rows[n_header:], start=n_header):
        for c, cell in enumerate(row[1:], start=1):
            scale = own[c] or default
            parsed = _cell_value(cell) if scale is not None else None
            if scale is not None and parsed is not None:
                value, raw = parsed
                found.append(Amount(_exact(value * scale), raw, 0, 0, True, r, c))
    return found


_TYPED = re.compile(
    rf"^(?P<sign>[-–−÷])?\s*(?P<num>{_DIGITS}|{_D}+\.{_D}{{1,2}}|{_D}+)\s*"
    rf"(?P<scale>{_SCALE})?\s*(?:(?:kr\.?|kroner|dkk)(?!\w))?\s*$",
    re.IGNORECASE,
)


def parse_amount_input(text: str) -> Decimal | None:
    """An amount as a person types it into a field, in kroner; None if it is not one.

    "1000000", "1.000.000", "1 000 000", "1.500.000,50", "2,5", "1500000.50",
    "1 mio.", "2,5 mio. kr.", "500 t.kr.", "3 mia": unlike `find_amounts` in running
    text, no currency is needed. A dot before three digits groups thousands
    ("1.000" is a thousand); before one or two it is a decimal point ("2.5 mio").
    """
    m = _TYPED.match(" ".join(text.split()))
    if m is None:
        return None
    raw = m["num"]
    if re.fullmatch(_DOT_DECIMAL, raw) and "," not in raw:
        value = Decimal(raw)  # "2.5", "1500000.50"
    else:
        parsed = _number(raw)
        if parsed is None:
            return None
        value = parsed
    with localcontext() as context:  # exact however many digits are typed
        context.prec = max(28, len(raw) + 12)
        return _exact(value * _scale(m["scale"]), m["sign"])
