"""Parsers of amounts, dates, case numbers and CPR numbers: real phrasings, round-trips, no crashes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.amounts import find_amounts, format_amount, parse_amount, table_amounts
from nlp.case_numbers import CaseScheme, find_case_numbers, format_kle, parse_case_number
from nlp.cpr import redact_cpr
from nlp.dates import find_dates, format_danish_date, parse_danish_date
from nlp.numbers import parse_count


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("-15,6 mio. kr.", "-15600000"),
        ("2.511.000 kr.", "2511000"),
        ("20.015.538,54 kr.", "20015538.54"),
        ("2,7 mia. kr.", "2700000000"),
        ("0,65 mio. kr.", "650000"),
        ("en mio. kr.", "1000000"),
        ("kr. 500.000", "500000"),
        ("1,2 mio. DKK", "1200000"),
        ("3.500 kr. pr. time", "3500"),
        ("500 t.kr.", "500000"),
        ("1,5 mio.kr.", "1500000"),
        ("½ mio. kr.", "500000"),
        ("–2,3 mio. kr.", "-2300000"),
        ("25 kroner", "25"),
    ],
)
def test_amount_forms(text, value):
    assert parse_amount(f"Udgiften er {text} i alt.") == Decimal(value)


@pytest.mark.parametrize(
    "text",
    ["1,68%", "i 2026", "punkt 59", "15.00.00-G01-5-25", "91 pct.", "12-08-2025", "1.346 borgere"],
)
def test_not_amounts(text):
    assert find_amounts(text) == []


def test_range_gives_two_amounts_and_offsets():
    text = "Prisen bliver 2-3 mio. kr. ifølge KL."
    amounts = find_amounts(text)
    assert [a.value for a in amounts] == [Decimal(2000000), Decimal(3000000)]
    assert text[amounts[1].start : amounts[1].end] == amounts[1].text


def test_table_amounts_take_the_header_unit():
    rows = [("2026-pl, mio. kr.", "2026", "2027"), ("Drift", "-6,1", "-15,9")]
    assert [a.value for a in table_amounts(rows)] == [Decimal("-6100000"), Decimal("-15900000")]
    assert (
        table_amounts(
            [("Fuldtidspersoner", "2018", "2020"), ("Forsikrede ledige", "1.346", "1.815")]
        )
        == []
    )
    assert [a.value for a in table_amounts([("I 1.000 kr.", "2025"), ("Løn", "2.500")])] == [
        Decimal(2500000)
    ]


amounts_strategy = st.decimals(
    min_value=Decimal("-999999"), max_value=Decimal("999999"), places=1
).map(lambda d: d * 1000)


@given(amounts_strategy, st.sampled_from(["mio", "thousands_dots", "kr_prefix", "dkk"]))
def test_amount_round_trip(value, style):
    if style in ("mio", "dkk"):
        value = (value / 10**6).quantize(Decimal("0.1")) * 10**6
    text = format_amount(value, style)
    assert parse_amount(text) == value, text


@given(st.text())
@settings(max_examples=300)
def test_finders_never_crash(text):
    find_amounts(text)
    find_dates(text)
    find_case_numbers(text)
    redact_cpr(text)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("11. juni 2025", dt.date(2025, 6, 11)),
        ("d. 03. februar 2026", dt.date(2026, 2, 3)),
        ("den 2. juli 2025", dt.date(2025, 7, 2)),
        ("12-08-2025", dt.date(2025, 8, 12)),
        ("Sagsstyringsliste pr. 28.01.26", dt.date(2026, 1, 28)),
        ("2025-08-12", dt.date(2025, 8, 12)),
        ("Tirsdag d. 12. august 2025 kl. 16:30", dt.date(2025, 8, 12)),
        ("15. okt. 2024", dt.date(2024, 10, 15)),
    ],
)
def test_dates(text, date):
    assert parse_danish_date(text) == date


def test_invalid_dates_and_case_numbers_are_not_dates():
    assert parse_danish_date("31. februar 2025") is None
    assert find_dates("15.00.00-G01-5-25") == []


@given(
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2089, 12, 31)),
    st.sampled_from(["words", "d_words", "dashes", "dots", "short", "iso"]),
)
def test_date_round_trip(date, style):
    if style == "short":
        date = date.replace(year=1970 + (date.year - 1970) % 100)
    assert parse_danish_date(f"Mødet {format_danish_date(date, style)} kl. 16") == date


@pytest.mark.parametrize(
    ("text", "normalized", "scheme"),
    [
        ("Åbent - 15.00.00-G01-5-25", "15.00.00-G01-5-25", CaseScheme.KLE),
        ("EMN-2025-008579", "EMN-2025-008579", CaseScheme.EMN),
        ("Sagsnr. 299835", "299835", CaseScheme.SAGSNR),
        ("Sag 306-2009-600", "306-2009-600", CaseScheme.SAG),
        ("Sagsid.: 20/33839", "20/33839", CaseScheme.SAGSID),
        ("J.nr.: A09", "A09", CaseScheme.JNR),
    ],
)
def test_case_number_forms(text, normalized, scheme):
    case = parse_case_number(text)
    assert (case.normalized, case.scheme) == (normalized, scheme)


def test_kle_parts_and_references_are_not_cases():
    case = parse_case_number("15.00.00-G01-5-25")
    assert (case.kle_subject, case.kle_facet, case.kle_serial, case.kle_year, case.kle_group) == (
        "15.00.00",
        "G01",
        5,
        25,
        "15",
    )
    assert find_case_numbers("drøftet på mødet (sag 315) og sag nr. 56") == []


@given(
    st.integers(0, 99),
    st.integers(0, 99),
    st.integers(0, 99),
    st.sampled_from("ABGP"),
    st.integers(0, 99),
    st.integers(1, 9999),
    st.integers(0, 99),
)
def test_kle_round_trip(a, b, c, letter, facet, serial, year):
    subject = f"{a:02d}.{b:02d}.{c:02d}"
    text = format_kle(subject, f"{letter}{facet:02d}", serial, year)
    case = parse_case_number(f"Sag: {text} (åben)")
    assert (case.kle_subject, case.kle_facet, case.kle_serial, case.kle_year) == (
        subject,
        f"{letter}{facet:02d}",
        serial,
        year,
    )


def test_cpr_redaction():
    text, count = redact_cpr(
        "Borger med CPR 010190-1234 og 3112891234 klagede; tlf. 86 12 34 56 den 12-08-2025."
    )
    assert count == 2
    assert "010190-1234" not in text and "3112891234" not in text
    assert "86 12 34 56" in text and "12-08-2025" in text


def test_number_words():
    assert [parse_count(w) for w in ("fire", "to", "42", "treogfirs", "tyve", "én")] == [
        4,
        2,
        42,
        83,
        20,
        1,
    ]
