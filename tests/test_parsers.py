"""Parsers of amounts, dates, case numbers, CPR numbers and number words, on real phrasings.

Round-trips and arbitrary-text properties are in test_parsers_properties.py.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ingest import parse_file
from nlp.amounts import find_amounts, format_amount, parse_amount, table_amounts
from nlp.case_numbers import CaseScheme, find_case_numbers, format_kle, parse_case_number
from nlp.cpr import redact_cpr
from nlp.dates import find_dates, format_danish_date, parse_danish_date
from nlp.numbers import parse_count, parse_danish_number_word


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("-15,6 mio. kr.", "-15600000"),
        ("2.511.000 kr.", "2511000"),
        ("20.015.538,54 kr.", "20015538.54"),
        ("2,7 mia. kr.", "2700000000"),
        ("0,65 mio. kr.", "650000"),
        ("en mio. kr.", "1000000"),
        ("to mio. kr.", "2000000"),
        ("kr. 500.000", "500000"),
        ("1,2 mio. DKK", "1200000"),
        ("DKK 1,2 mio.", "1200000"),
        ("3.500 kr. pr. time", "3500"),
        ("500 t.kr.", "500000"),
        ("500 tkr.", "500000"),
        ("1,5 mio.kr.", "1500000"),
        ("15 mio. kr", "15000000"),
        ("3 millioner kroner", "3000000"),
        ("1,2 milliarder kroner", "1200000000"),
        ("25 kroner", "25"),
        ("½ mio. kr.", "500000"),
        ("1½ mio. kr.", "1500000"),
        ("halvanden mio. kr.", "1500000"),
        ("–2,3 mio. kr.", "-2300000"),
        ("−2,3 mio. kr.", "-2300000"),
        ("÷ 2,3 mio. kr.", "-2300000"),
        ("kr. 500.000,-", "500000"),
        ("2 511 000 kr.", "2511000"),
        ("2.5 mio. kr.", "2500000"),
        ("3 mio. årligt kr.", "3000000"),  # seed 001, as written
        ("2.138,6 mio. kr.", "2138600000"),
    ],
)
def test_amount_forms(text, value):
    assert parse_amount(f"Udgiften er {text} i alt.") == Decimal(value)


@pytest.mark.parametrize(
    "text",
    [
        "1,68%",
        "91 pct.",
        "i 2026",
        "punkt 59",
        "sag nr. 56",
        "15.00.00-G01-5-25",
        "12-08-2025",
        "1.346 borgere",
        "2 mio. borgere",
        "5 krav",
        "2026-pl, mio. kr.\t2026\t2027",  # a table header flattened into text
        "Beløb i kr.\t2026\t2027",
        "i kr. 2026-priser",
        "Beløb i 1.000 kr.",
        "Tabel 3 (1.000 kr.)",
        "Kr. Himmelfartsdag 2026",
        "tlf. 86 12 34 56",
    ],
)
def test_not_amounts(text):
    assert find_amounts(text) == []


def test_sign_only_when_attached():
    assert [a.value for a in find_amounts("i 2026 -15,6 mio. kr.")] == [Decimal(-15600000)]
    # "fra 2026 - 3 mio. kr.": the dash separates a year from a positive amount.
    assert [a.value for a in find_amounts("fra 2026 - 3 mio. kr.")] == [Decimal(3000000)]
    assert [a.value for a in find_amounts("2026-2,3 mio. kr.")] == [Decimal(2300000)]


def test_ranges_give_two_amounts_with_offsets():
    text = "Prisen bliver 2-3 mio. kr. ifølge KL, og mellem 1.500 og 2.000 kr. pr. måned."
    amounts = find_amounts(text)
    assert [a.value for a in amounts] == [Decimal(2000000), Decimal(3000000), 1500, 2000]
    assert all(text[a.start : a.end] == a.text for a in amounts)
    assert [a.value for a in find_amounts("2 - 3 mio. kr.")] == [2000000, 3000000]
    assert [a.value for a in find_amounts("reduceret fra 10 til 5 mio. kr.")] == [10**7, 5 * 10**6]


SEED_000_SENTENCE = (
    "Reformen skal samlet set reducere offentlige udgifter med 2,6 mia. kr. frem mod 2030. "
    "Det svarer til besparelser i Randers Kommune på -15,6 mio. kr. i 2026, -39,7 mio. kr. i "
    "2027 og gradvist stigende til -55,4 mio. kr. i 2029, som skal findes på "
    "arbejdsmarkedsområdet. Det er proportionalt med Randers Kommunes andel af befolkningen "
    "på landsplan på 1,68%."
)


def test_amounts_in_a_seed_sentence():
    amounts = find_amounts(SEED_000_SENTENCE)
    assert [a.value for a in amounts] == [
        Decimal("2600000000"),
        Decimal("-15600000"),
        Decimal("-39700000"),
        Decimal("-55400000"),
    ]
    assert [a.text for a in amounts][:2] == ["2,6 mia. kr.", "-15,6 mio. kr."]


def minutes_text(randers, meeting_date: str) -> str:
    """The seed's text, or the text of the items the parser reads from the corpus PDF."""
    path = randers.minutes[meeting_date]
    if randers.source == "seeds":
        return path.read_text(encoding="utf-8")
    return "\n\n".join(item.text() for item in parse_file(path).items)


def test_amounts_in_seed_000(randers):
    text = minutes_text(randers, "2026-02-03")
    values = [a.value for a in find_amounts(text)]
    assert values == [
        Decimal(v)
        for v in (
            "2600000000", "-15600000", "-39700000", "-55400000", "6100000", "19100000",
            "9800000", "36400000", "2500000", "255000", "2511000", "376800", "253600000",
            "7294853", "20015538.54", "3200000", "1000000",
        )
    ]  # fmt: skip


def test_amounts_in_seed_001_ranges_and_decimals(randers):
    text = minutes_text(randers, "2025-08-12")
    values = [a.value for a in find_amounts(text)]
    assert len(values) == 58  # each one checked by eye
    assert Decimal("875312.48") in values and Decimal("80000") in values  # 0,08 mio. kr.
    line = next(li for li in text.splitlines() if li.startswith("Nedgangen har ligget"))
    assert [a.value for a in find_amounts(line)] == [1, 9845, 1500, 2000, 2000, 5000]


def test_table_amounts_take_the_header_unit():
    rows = [("2026-pl, mio. kr.", "2026", "2027"), ("Drift", "-6,1", "-15,9")]
    found = table_amounts(rows)
    assert [a.value for a in found] == [Decimal("-6100000"), Decimal("-15900000")]
    assert all(a.unit_from_header for a in found)
    assert [(a.row, a.column) for a in found] == [(1, 1), (1, 2)]
    assert table_amounts([("Fuldtidspersoner", "2018", "2020"), ("Ledige", "1.346", "1.815")]) == []
    assert [a.value for a in table_amounts([("I 1.000 kr.", "2025"), ("Løn", "2.500")])] == [
        Decimal(2500000)
    ]


def test_table_unit_in_one_column_rules_only_that_column():
    # Seed 001: only the budget column is money; persons and a unit-less column are not read.
    rows = [
        ("<b>Målgruppe</b>", "<b>2025 budget, mio. kr.</b>", "<b>Helårspersoner</b>", "Udgift"),
        ("A-dagpengemodtagere", "12,9", "1.300", "9.925"),
        ("<b>I alt netto</b>", "<b>84,7</b>", "<b>6.736</b>", ""),
    ]
    assert [(a.value, a.text) for a in table_amounts(rows)] == [
        (Decimal(12900000), "12,9"),
        (Decimal(84700000), "84,7"),
    ]


def test_table_unit_from_caption():
    rows = [("Område", "2026", "2027"), ("Drift", "÷6,1", "1.200")]
    found = table_amounts(rows, header_unit_text="Tabel 2. Beløb i 1.000 kr.")
    assert [a.value for a in found] == [Decimal(-6100), Decimal(1200000)]
    assert table_amounts(rows, header_unit_text="Tabel 2. Antal personer") == []
    assert table_amounts([]) == []


def test_format_amount_styles():
    value = Decimal("-15600000")
    assert format_amount(value, "mio") == "-15,6 mio. kr."
    assert format_amount(Decimal("2700000000"), "mia") == "2,7 mia. kr."
    assert format_amount(Decimal("20015538.54"), "thousands_dots") == "20.015.538,54 kr."
    assert format_amount(Decimal(500000), "kr_prefix") == "kr. 500.000"
    assert format_amount(Decimal(1200000), "dkk") == "1,2 mio. DKK"
    assert format_amount(Decimal(500000), "tkr") == "500 t.kr."
    with pytest.raises(ValueError, match="unknown amount style"):
        format_amount(value, "euro")


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("11. juni 2025", dt.date(2025, 6, 11)),
        ("d. 03. februar 2026", dt.date(2026, 2, 3)),
        ("den 2. juli 2025", dt.date(2025, 7, 2)),
        ("12-08-2025", dt.date(2025, 8, 12)),
        ("12.08.2025", dt.date(2025, 8, 12)),
        ("Sagsstyringsliste pr. 28.01.26", dt.date(2026, 1, 28)),
        ("2025-08-12", dt.date(2025, 8, 12)),
        ("Tirsdag d. 03. februar 2026 kl. 16:00", dt.date(2026, 2, 3)),
        ("15. okt. 2024", dt.date(2024, 10, 15)),
        ("1. jan. 2026", dt.date(2026, 1, 1)),
        ("30. Marts 2025", dt.date(2025, 3, 30)),
        ("mødet den 3/2-2026", dt.date(2026, 2, 3)),
        ("regnskabssagen (BU 8/4-24)", dt.date(2024, 4, 8)),
        ("Slides til BU-møde 12-8-25", dt.date(2025, 8, 12)),
        ("Referat 1. oktober 2025 kl. 15.45", dt.date(2025, 10, 1)),
        ("Onsdag den 15-maj-2002", dt.date(2002, 5, 15)),
        ("3-feb-21", dt.date(2021, 2, 3)),
    ],
)
def test_dates(text, date):
    assert parse_danish_date(text) == date


def test_date_offsets_and_raw():
    text = "REFERAT Social- og arbejdsmarkedsudvalget d. 03-02-2026"
    [(date, start, end, raw)] = find_dates(text)
    assert (date, raw, text[start:end]) == (dt.date(2026, 2, 3), "03-02-2026", "03-02-2026")


def test_day_and_month_need_a_default_year():
    text = "siden udvalgsmødet den 11. juni (sag nr. 56)"
    assert find_dates(text) == []
    assert parse_danish_date(text, default_year=2025) == dt.date(2025, 6, 11)


@pytest.mark.parametrize(
    "text",
    [
        "31. februar 2025",
        "30-02-2025",
        "2026-13-01",
        "15.00.00-G01-5-25",
        "02.01.10-G01-1-20",
        "afsnit 5.2.21",
        "kl. 16.30-18.00",
        "1.500.000 kr.",
        "Sagsid.: 20/33839",
        "86 12 34 56",
        "Marts 2024",
    ],
)
def test_not_dates(text):
    assert find_dates(text) == []


def test_format_danish_date():
    date = dt.date(2026, 2, 3)
    assert format_danish_date(date, "d_words") == "d. 03. februar 2026"
    assert format_danish_date(date, "short") == "03.02.26"
    with pytest.raises(ValueError, match="unknown date style"):
        format_danish_date(date, "us")


@pytest.mark.parametrize(
    ("text", "normalized", "scheme"),
    [
        ("Åbent - 15.00.00-G01-5-25", "15.00.00-G01-5-25", CaseScheme.KLE),
        ("00.22.00-P35-2-24", "00.22.00-P35-2-24", CaseScheme.KLE),
        ("85.02.10-A26-4-25", "85.02.10-A26-4-25", CaseScheme.KLE),
        ("Journalnr. 27.00.00-A00-1-21", "27.00.00-A00-1-21", CaseScheme.KLE),
        ("EMN-2025-008579", "EMN-2025-008579", CaseScheme.EMN),
        ("emn-2025-008579", "EMN-2025-008579", CaseScheme.EMN),
        ("Sagsnr. 299835", "299835", CaseScheme.SAGSNR),
        ("Sagsnr.: 299835.", "299835", CaseScheme.SAGSNR),
        ("Sag 306-2009-600", "306-2009-600", CaseScheme.SAG),
        ("Sag nr. 306-2009-600", "306-2009-600", CaseScheme.SAG),
        ("Sagsid.: 20/33839", "20/33839", CaseScheme.SAGSID),
        ("J.nr.: A09", "A09", CaseScheme.JNR),
        ("01.02G00 - 2017/27088", "01.02G00", CaseScheme.KLE),
    ],
)
def test_case_number_forms(text, normalized, scheme):
    case = parse_case_number(text)
    assert case is not None
    assert (case.normalized, case.scheme) == (normalized, scheme)
    assert text[case.start : case.end] == case.raw


def test_kle_parts():
    case = parse_case_number("15.00.00-G01-5-25")
    assert case is not None
    parts = (case.kle_subject, case.kle_facet, case.kle_serial, case.kle_year, case.kle_group)
    assert parts == ("15.00.00", "G01", 5, 25, "15")
    assert format_kle("15.00.00", "G01", 5, 25) == "15.00.00-G01-5-25"


@pytest.mark.parametrize(
    "text",
    [
        "drøftet på byrådsmøde den 25. september 2023 (sag 315)",
        "siden udvalgsmødet den 11. juni (sag nr. 56)",
        "i denne sag 2025-2026",
        "sag 12-08-2025",
        "Sagsfremstilling 2025",
        "12.08.2025",
        "kl. 15.00.00",
        "-15,6 mio. kr.",
        "kl. 10.30 A12",
    ],
)
def test_not_case_numbers(text):
    assert find_case_numbers(text) == []


def test_case_numbers_in_the_aarhus_html(external_dir):
    html = (external_dir / "aarhus-teknisk-udvalg-2025-10-01.html").read_text(encoding="utf-8")
    found = {c.normalized for c in find_case_numbers(html)}
    assert {"EMN-2025-010561", "EMN-2025-009242"} <= found
    assert {c.scheme for c in find_case_numbers(html)} == {CaseScheme.EMN}


def test_cpr_redaction():
    text, count = redact_cpr(
        "Borger med CPR 010190-1234, og 3112891234 klagede; tlf. 86 12 34 56 den 12-08-2025."
    )
    assert count == 2
    assert "010190-1234" not in text and "3112891234" not in text and "[CPR]," in text
    assert "86 12 34 56" in text and "12-08-2025" in text


@pytest.mark.parametrize(
    "text",
    [
        "tlf. 86 12 34 56",
        "tlf. 86123456",
        "12-08-2025",
        "15.00.00-G01-5-25",
        "Sagsnr. 299835",
        "1.010.190,1234 kr.",
        "310290-1234",  # 31 February
        "010190 1234",  # two numbers as likely as one
    ],
)
def test_cpr_leaves_other_numbers(text):
    assert redact_cpr(text) == (text, 0)


def test_cpr_with_spaces_around_the_dash():
    assert redact_cpr("CPR-nr.: 010190 - 1234.") == ("CPR-nr.: [CPR].", 1)


def test_number_words():
    words = ("fire", "to", "42", "treogfirs", "tyve", "én", "et", "tolv", "hundrede", "tusind")
    assert [parse_count(w) for w in words] == [4, 2, 42, 83, 20, 1, 1, 12, 100, 1000]
    assert parse_danish_number_word("TRE") == 3
    assert [parse_count(w) for w in ("mange", "", "²", "-3", "ogtyve")] == [None] * 5


def test_a_web_cms_date_with_a_comma_before_the_year():
    [(date, _, _, raw)] = find_dates("Dato: Torsdag, 2 december, 2021 - 18:30")
    assert (date, raw) == (dt.date(2021, 12, 2), "2 december, 2021")


def test_a_portals_english_timestamp_is_read_month_first_only_with_am_or_pm():
    [(date, _, _, raw)] = find_dates("Mødedato: 8/29/2019 4:00:00 PM")
    assert (date, raw) == (dt.date(2019, 8, 29), "8/29/2019")
    [(date, _, _, _)] = find_dates("Mødedato: 3/4/2019 10:00:00 AM")
    assert date == dt.date(2019, 3, 4)
    [(date, _, _, _)] = find_dates("Svarfrist 12/8/2025")  # no AM/PM: day first, as in Danish
    assert date == dt.date(2025, 8, 12)
