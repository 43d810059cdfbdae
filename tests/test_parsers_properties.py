"""Property tests of the parsers: format -> parse round-trips, and no crash on any text."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from nlp.amounts import find_amounts, format_amount, parse_amount
from nlp.case_numbers import CaseScheme, find_case_numbers, format_kle, parse_case_number
from nlp.cpr import REDACTED, redact_cpr
from nlp.dates import find_dates, format_danish_date, parse_danish_date
from nlp.numbers import parse_count, parse_danish_number_word

kroner = st.decimals(min_value=Decimal("-1e12"), max_value=Decimal("1e12"), places=2)
# Where amounts stand in minutes; "(" and "i " are left out: "(1.000 kr.)" is a unit statement.
before = st.sampled_from(["", "Udgiften er ", "I 2026 ", "besparelser på ", "fra 2026 og "])
after = st.sampled_from(["", ".", " i 2027.", " pr. år", ", mens", " (2026-pl)"])


@given(kroner, st.sampled_from(["mio", "mia", "thousands_dots", "kr_prefix", "dkk", "tkr"]), before, after)  # fmt: skip
def test_amount_round_trip(value, style, prefix, suffix):
    # "I 2026 kr. 500" reads as "2026 kr." first, as it should: no one writes that.
    assume(not (style == "kr_prefix" and prefix.strip()[-1:].isdigit()))
    text = format_amount(value, style)
    found = find_amounts(prefix + text + suffix)
    assert [a.value for a in found] == [value], text
    assert found[0].text == text


@given(
    st.decimals(min_value=0, max_value=999, places=1),
    st.decimals(min_value=0, max_value=999, places=1),
    st.sampled_from(["-", "–", " - "]),
)
def test_range_round_trip(low, high, dash):
    assume(low <= high)
    text = f"mellem {format_amount(low * 10**6, 'mio').split()[0]}{dash}{format_amount(high * 10**6, 'mio')}"
    assert [a.value for a in find_amounts(text)] == [low * 10**6, high * 10**6]


@given(
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)),
    st.sampled_from(["words", "d_words", "abbrev", "dashes", "dots", "short", "slash", "iso"]),
    st.sampled_from(
        ["Mødet {} kl. 16.00", "{}", "Tirsdag d. {}", "(BU {})", "pr. {}: 2,5 mio. kr."]
    ),
)
def test_date_round_trip(date, style, template):
    if style == "short":  # two-digit years stand for 1970-2069
        date = date.replace(year=1970 + (date.year - 1970) % 100, day=min(date.day, 28))
    text = template.format(format_danish_date(date, style))
    assert parse_danish_date(text) == date, text


@given(
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)),
    st.integers(1900, 2099),
)
def test_day_and_month_take_the_default_year(date, year):
    assume(not (date.month == 2 and date.day == 29))
    text = f"på mødet den {date.day}. {format_danish_date(date, 'words').split()[1]}"
    assert parse_danish_date(text) is None
    assert parse_danish_date(text, default_year=year) == date.replace(year=year)


kle_parts = st.tuples(
    st.lists(st.integers(0, 99), min_size=3, max_size=3).map(
        lambda p: ".".join(f"{n:02d}" for n in p)
    ),
    st.tuples(st.sampled_from("ABCGKPÆØÅ"), st.integers(0, 99)).map(lambda f: f"{f[0]}{f[1]:02d}"),
    st.integers(0, 999999),
    st.integers(0, 99),
)


@given(kle_parts, st.sampled_from(["{}", "Åbent - {}", "Journalnr. {}", "Sag: {} (åben)"]))
def test_kle_round_trip(parts, template):
    subject, facet, serial, year = parts
    raw = format_kle(subject, facet, serial, year)
    case = parse_case_number(template.format(raw))
    assert case is not None and case.scheme is CaseScheme.KLE
    assert (case.kle_subject, case.kle_facet, case.kle_serial, case.kle_year) == parts
    assert (case.normalized, case.kle_group) == (raw, subject[:2])


@given(st.integers(1, 10**7), st.sampled_from(["Sagsnr. {}", "Sagsnr.: {}", "sagsnr. {}"]))
def test_sagsnr_round_trip(number, template):
    case = parse_case_number(template.format(number))
    assert case is not None and (case.normalized, case.scheme) == (str(number), CaseScheme.SAGSNR)


@given(st.integers(1, 999))
def test_agenda_references_are_never_case_numbers(number):
    assert find_case_numbers(f"behandlet på mødet (sag {number}) og sag nr. {number}") == []


@given(
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)),
    st.integers(0, 9999),
    st.sampled_from(["{}-{}", "{}{}", "{} - {}", "{}–{}"]),
)
def test_cpr_is_redacted(birth, serial, template):
    cpr = template.format(birth.strftime("%d%m%y"), f"{serial:04d}")
    text, count = redact_cpr(f"Borger ({cpr}), tlf. 86 12 34 56, den {birth:%d-%m-%Y}.")
    assert count == 1 and REDACTED in text and cpr not in text
    assert "86 12 34 56" in text and f"{birth:%d-%m-%Y}" in text


@given(st.lists(st.integers(10, 99), min_size=4, max_size=4))
def test_phone_numbers_are_not_cpr(parts):
    for phone in (" ".join(map(str, parts)), "".join(map(str, parts))):
        assert redact_cpr(f"tlf. {phone}") == (f"tlf. {phone}", 0)


_UNITS = ["en", "to", "tre", "fire", "fem", "seks", "syv", "otte", "ni"]
_TENS = ["tyve", "tredive", "fyrre", "halvtreds", "tres", "halvfjerds", "firs", "halvfems"]


@given(st.integers(20, 99), st.booleans())
def test_number_word_round_trip(n, upper):
    tens, unit = _TENS[n // 10 - 2], _UNITS[n % 10 - 1] if n % 10 else ""
    word = f"{unit}og{tens}" if unit else tens
    assert parse_danish_number_word(word.upper() if upper else word) == n
    assert parse_count(str(n)) == n


# Text made of what the parsers look for, to reach deep into their patterns.
_PIECES = list("0123456789.,-–−÷/½ :\t\n()") + ["kr.", " mio. ", "DKK", "juni", "Sag ", "G01", "EMN-", "mellem ", " og "]  # fmt: skip
parser_alphabet = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


@given(st.one_of(st.text(), parser_alphabet))
@settings(max_examples=500)
def test_finders_never_crash_and_spans_match(text):
    for amount in find_amounts(text):
        assert text[amount.start : amount.end] == amount.text
    for _, start, end, raw in find_dates(text):
        assert text[start:end] == raw
    for case in find_case_numbers(text):
        assert text[case.start : case.end] == case.raw
    redacted, count = redact_cpr(text)
    assert count == redacted.count(REDACTED) - text.count(REDACTED)
    parse_amount(text)
    parse_count(text)
    parse_danish_date(text, default_year=2025)


@given(st.text())
def test_no_currency_no_amount(text):
    assume(not re.search(r"kr|kroner|dkk", text, re.IGNORECASE))
    assert find_amounts(text) == []


@given(st.text())
def test_no_ascii_digit_no_date_case_or_cpr(text):
    assume(not re.search("[0-9]", text))
    assert find_dates(text) == []
    assert find_case_numbers(text) == []
    assert redact_cpr(text) == (text, 0)
