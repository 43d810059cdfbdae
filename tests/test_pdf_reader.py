"""The PDF reader on PDFs made here and on the real Aarhus minutes."""

from __future__ import annotations

import io
import tracemalloc
import zipfile
from collections import Counter

import pytest
from pdf_factory import (
    make_blank_pages_pdf,
    make_empty_pdf,
    make_encrypted_pdf,
    make_fake_bold_pdf,
    make_image_only_pdf,
    make_minutes_pdf,
    make_truncated_pdf,
    make_unmapped_glyphs_pdf,
)

from ingest import (
    CorruptPDF,
    DocumentKind,
    EmptyDocument,
    EncryptedPDF,
    NotAPDF,
    NoTextLayer,
    SectionKind,
    UnreadableText,
    parse_bytes,
    parse_file,
)
from ingest.pdf import read_pdf


@pytest.fixture
def minutes_pdf(tmp_path):
    return make_minutes_pdf(tmp_path / "teknik.pdf")


def test_minutes_pdf_items_sections_and_pages(minutes_pdf):
    document = parse_file(minutes_pdf)
    assert document.kind is DocumentKind.MINUTES
    assert document.meeting.committee == "Teknik- og Miljøudvalget"
    assert document.meeting.participants == ("Anna Jensen", "Bo Hansen", "Carl Nielsen")
    assert [(it.number, it.title, it.case_numbers) for it in document.items] == [
        (n, f"Cykelsti nummer {n}", (f"06.00.00-G01-{n}-24",)) for n in (1, 2, 3)
    ]
    item = document.items[1]
    assert (item.page_start, item.page_end) == (3, 3)
    assert [s.kind for s in item.sections] == [
        SectionKind.CASE,
        SectionKind.ECONOMY,
        SectionKind.DECISION,
    ]
    assert all(s.pages == (3,) for s in item.sections)


def test_running_header_and_footer_do_not_leak(minutes_pdf):
    text = "\n".join(b.text for b in read_pdf(minutes_pdf).blocks)
    assert "Side 2 af 4" not in text and "Side " not in text
    assert "Vejle Kommune" not in text
    assert "Teknik- og Miljøudvalget – 04-03-2024" not in text


def test_hyphenation_joined_but_real_hyphens_kept(minutes_pdf):
    case = parse_file(minutes_pdf).items[0].sections[0].text
    assert "beskæftigelse og trafiksikkerhed" in case
    assert "social- og sundhedspersonale" in case


def test_tables_stay_rows_of_cells(minutes_pdf):
    economy = parse_file(minutes_pdf).items[0].sections[1]
    assert economy.tables[0].rows == (
        ("Mio. kr.", "2024", "2025"),
        ("Anlæg", "1,5", "0,5"),
        ("Drift", "0,1", "0,1"),
    )
    assert economy.text.count("Drift") == 1  # the table is not also run-on text


def test_fake_bold_comes_out_once(tmp_path):
    document = parse_file(make_fake_bold_pdf(tmp_path / "plan.pdf"))
    assert document.kind is DocumentKind.OTHER
    assert [s.heading for s in document.sections] == [
        "1. Indledning",
        "1.2 Helhedsorienteret indsats",
    ]
    assert document.sections[0].text == "Arbejdsmarkedet har stor betydning for produktionen."


@pytest.mark.parametrize(
    ("make", "error"),
    [
        (make_encrypted_pdf, EncryptedPDF),
        (make_empty_pdf, EmptyDocument),
        (make_image_only_pdf, NoTextLayer),
    ],
)
def test_bad_pdfs_get_named_errors(tmp_path, make, error):
    with pytest.raises(error):
        parse_file(make(tmp_path / "bad.pdf"))


def test_blank_pages_and_zero_bytes_are_empty(tmp_path):
    with pytest.raises(EmptyDocument, match="blank: ingen tekst på nogen af dens 5 sider"):
        parse_file(make_blank_pages_pdf(tmp_path / "blank.pdf"))
    zero = tmp_path / "zero.pdf"
    zero.write_bytes(b"")
    with pytest.raises(EmptyDocument, match="0 bytes"):
        parse_file(zero)


def test_image_only_is_no_text_layer_and_unmapped_glyphs_are_unreadable(tmp_path):
    with pytest.raises(NoTextLayer, match="intet tekstlag") as scan:
        parse_file(make_image_only_pdf(tmp_path / "scan.pdf"))
    assert not isinstance(scan.value, UnreadableText)
    with pytest.raises(UnreadableText, match="ingen Unicode-oversættelse"):
        parse_file(make_unmapped_glyphs_pdf(tmp_path / "glyphs.pdf"))


def _zip(members: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (_zip({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w/>"}), "Word-dokument"),
        (_zip({"a.txt": "hej", "b.txt": "med dig"}), "ZIP-arkiv med 2 filer"),
        (b"\x89PNG\r\n\x1a\n" + bytes(64), "PNG-billede"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64), "OLE2"),
        ("Kære udvalg, dette er ikke en PDF.".encode(), "tekstfil"),
    ],
)
def test_renamed_files_say_what_they_are(tmp_path, content, says):
    path = tmp_path / "referat.pdf"
    path.write_bytes(content)
    for parse in (lambda: parse_file(path), lambda: parse_bytes(content, "referat.pdf")):
        with pytest.raises(NotAPDF, match=says):
            parse()


def test_parse_file_and_parse_bytes_agree(minutes_pdf):
    from_file, from_bytes = (
        parse_file(minutes_pdf),
        parse_bytes(minutes_pdf.read_bytes(), "teknik.pdf"),
    )
    assert from_file == from_bytes


def test_reading_goes_on_across_reopened_documents(tmp_path):
    from ingest.pdf import REOPEN_PAGES

    path = make_minutes_pdf(tmp_path / "long.pdf", items=2, extra_pages=2 * REOPEN_PAGES + 10)
    pages = {b.page for b in read_pdf(path).blocks}
    with path.open("rb") as file:
        pages_from_bytes = {b.page for b in read_pdf(path, data=file.read()).blocks}
    assert pages == pages_from_bytes == set(range(1, 2 * REOPEN_PAGES + 14))


def test_truncated_and_fake_pdfs(tmp_path, minutes_pdf):
    with pytest.raises(CorruptPDF):
        parse_file(make_truncated_pdf(tmp_path / "cut.pdf", minutes_pdf))
    garbage = tmp_path / "garbage.pdf"
    garbage.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF\n")
    with pytest.raises(CorruptPDF):
        parse_file(garbage)
    fake = tmp_path / "letter.pdf"
    fake.write_text("Kære udvalg, dette er ikke en PDF.")
    with pytest.raises(NotAPDF):
        parse_file(fake)


def test_large_pdf_streams_pages(tmp_path):
    path = make_minutes_pdf(tmp_path / "big.pdf", items=5, extra_pages=1000)
    pdf = read_pdf(path)
    tracemalloc.start()
    count = sum(1 for _ in pdf.blocks)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert pdf.page_count == 1006
    assert count > 1000
    assert peak < 50 * 1024 * 1024


def test_aarhus_hostile_text_layer(external_dir):
    document = parse_file(external_dir / "aarhus-byraad-2025-08-27.pdf")
    assert document.kind is DocumentKind.MINUTES
    assert document.meeting.committee == "Aarhus Byråd"
    assert [it.number for it in document.items] == list(range(1, 22))
    assert all(it.case_numbers and it.case_numbers[0].startswith("EMN-") for it in document.items)
    assert (
        document.items[1].title
        == "Svar på forslag fra DD om principbeslutning om at sikre Havnens Perles fremtid på Aarhus Ø"
    )
    assert document.items[20].closed and document.items[20].title.endswith(
        "Køb af landbrugsejendom"
    )
    for item in document.items:
        for section in item.sections:
            paragraphs = [p for p in section.text.split("\n\n") if len(p) > 30]
            repeated = [p for p, n in Counter(paragraphs).items() if n > 1]
            assert not repeated, (item.number, section.heading, repeated[:1])
            sentences = [s for s in section.text.split(". ") if len(s) > 60]
            assert max(Counter(sentences).values(), default=1) == 1, (item.number, section.heading)


def test_a_heading_at_the_foot_of_one_page_and_the_head_of_the_next_is_no_running_line():
    import pymupdf

    first = [
        "Referat",
        "Økonomiudvalget",
        "Mødedato: 9. november 2020",
        "",
        "1. Godkendelse af dagsorden",
    ]
    first += ["", "Beslutning", "Godkendt.", ""] + [
        f"Tekst om sagen, linje {k}." for k in range(40)
    ]
    first += ["", "2. Budgetopfølgning", "", "Beslutning"]
    second = [
        "Beslutning",
        "Anbefales over for Byrådet.",
        "",
        "3. Eventuelt",
        "",
        "Beslutning",
        "Intet.",
    ]
    document = pymupdf.open()
    for number, lines, top in ((1, first, 90), (2, second, 60)):
        page = document.new_page(width=595, height=842)
        page.insert_text((56, 40), "Økonomiudvalget 09.11.2020", fontname="helv", fontsize=9)
        page.insert_text((56, 830), f"Side {number} af 2", fontname="helv", fontsize=9)
        for k, line in enumerate(lines):
            if line:
                page.insert_text((56, top + 13 * k), line, fontname="helv", fontsize=10)
    parsed = parse_bytes(document.tobytes(), "okonomi.pdf")
    texts = " ".join(s.text for it in parsed.items for s in it.sections)
    assert "Økonomiudvalget 09.11.2020" not in texts  # the running header is still dropped
    budget = next(it for it in parsed.items if it.number == 2)
    assert SectionKind.DECISION in [s.kind for s in budget.sections]
    assert "Anbefales over for Byrådet." in budget.text()
