"""Real PDFs made with pymupdf for the tests: minutes, broken and hostile files."""

from __future__ import annotations

from pathlib import Path

import pymupdf

HEADER = "Teknik- og Miljøudvalget – 04-03-2024"


def _page(document: pymupdf.Document, number: int, total: int) -> pymupdf.Page:
    page = document.new_page(width=595, height=842)
    page.insert_text((40, 30), HEADER, fontsize=8, fontname="helv")
    page.insert_text((500, 30), "Vejle Kommune", fontsize=8, fontname="helv")
    page.insert_text((260, 820), f"Side {number} af {total}", fontsize=8, fontname="helv")
    return page


def make_minutes_pdf(path: Path, items: int = 3, extra_pages: int = 0) -> Path:
    """Minutes with a cover, running header/footer, bold headings, a hyphenated word and a table."""
    document = pymupdf.open()
    total = 1 + items + extra_pages
    cover = _page(document, 1, total)
    cover.insert_text(
        (40, 100),
        "Referat af mødet i Teknik- og Miljøudvalget den 4. marts 2024",
        fontsize=16,
        fontname="hebo",
    )
    cover.insert_text((40, 130), "Mødested: Rådhuset, lokale 2", fontsize=10, fontname="helv")
    cover.insert_text(
        (40, 145),
        "Mødedeltagere: Anna Jensen, Bo Hansen og Carl Nielsen",
        fontsize=10,
        fontname="helv",
    )
    for n in range(1, items + 1):
        page = _page(document, n + 1, total)
        page.insert_text((40, 80), f"Punkt {n}: Cykelsti nummer {n}", fontsize=14, fontname="hebo")
        page.insert_text((40, 100), f"06.00.00-G01-{n}-24", fontsize=10, fontname="helv")
        page.insert_text((40, 125), "Sagsfremstilling", fontsize=11, fontname="hebo")
        page.insert_text(
            (40, 142),
            "Forvaltningen foreslår en ny cykelsti langs Ringvejen, som skal sikre beskæf-",
            fontsize=10,
            fontname="helv",
        )
        page.insert_text(
            (40, 154),
            "tigelse og trafiksikkerhed for social- og sundhedspersonale på vej til arbejde.",
            fontsize=10,
            fontname="helv",
        )
        page.insert_text((40, 175), "Økonomi", fontsize=11, fontname="hebo")
        page.insert_text(
            (40, 192), f"Anlægget koster {n},5 mio. kr. i 2024.", fontsize=10, fontname="helv"
        )
        _table(
            page,
            205,
            [("Mio. kr.", "2024", "2025"), ("Anlæg", f"{n},5", "0,5"), ("Drift", "0,1", "0,1")],
        )
        page.insert_text((40, 290), "Beslutning", fontsize=11, fontname="hebo")
        page.insert_text(
            (40, 307),
            "Godkendt." if n % 2 else "Taget til efterretning.",
            fontsize=10,
            fontname="helv",
        )
    for n in range(extra_pages):
        page = _page(document, items + 2 + n, total)
        page.insert_text(
            (40, 80),
            f"Fortsat tekst på side {items + 2 + n} om cykelstien.",
            fontsize=10,
            fontname="helv",
        )
    document.set_metadata({"title": "Referat Teknik- og Miljøudvalget 4. marts 2024"})
    document.save(path)
    return path


def _table(page: pymupdf.Page, top: float, rows: list[tuple[str, ...]]) -> None:
    widths = [160, 80, 80]
    height = 18
    for r, row in enumerate(rows):
        x = 40
        for c, cell in enumerate(row):
            rect = pymupdf.Rect(x, top + r * height, x + widths[c], top + (r + 1) * height)
            page.draw_rect(rect, color=(0, 0, 0), width=0.5)
            page.insert_text((rect.x0 + 3, rect.y1 - 5), cell, fontsize=9, fontname="helv")
            x += widths[c]


def make_fake_bold_pdf(path: Path) -> Path:
    """Headings painted four times a fraction of a point apart, as some producers fake bold."""
    document = pymupdf.open()
    page = document.new_page()
    for dx in (0, 0.25, 0.5, 0.75):
        page.insert_text((72 + dx, 100), "1. Indledning", fontsize=14, fontname="helv")
        page.insert_text(
            (72 + dx, 160), "1.2 Helhedsorienteret indsats", fontsize=14, fontname="helv"
        )
    page.insert_text(
        (72, 120),
        "Arbejdsmarkedet har stor betydning for produktionen.",
        fontsize=10,
        fontname="helv",
    )
    page.insert_text((72, 180), "Jobcentret har en bred målgruppe.", fontsize=10, fontname="helv")
    document.save(path)
    return path


def make_encrypted_pdf(path: Path) -> Path:
    document = pymupdf.open()
    document.new_page().insert_text((72, 72), "Hemmeligt referat", fontsize=12)
    document.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="hemmelig", owner_pw="ejer")
    return path


def make_empty_pdf(path: Path) -> Path:
    document = pymupdf.open()
    document.new_page()
    document.save(path)
    return path


def make_image_only_pdf(path: Path) -> Path:
    source = pymupdf.open()
    source.new_page(width=200, height=100).insert_text((20, 50), "Referat", fontsize=20)
    pixmap = source[0].get_pixmap(dpi=72)
    document = pymupdf.open()
    page = document.new_page(width=200, height=100)
    page.insert_image(page.rect, pixmap=pixmap)
    document.save(path)
    return path


def make_truncated_pdf(path: Path, source: Path) -> Path:
    data = source.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    return path


def make_unmapped_glyphs_pdf(path: Path) -> Path:
    """Text drawn with a Type3 font of made-up glyph names and no ToUnicode: glyphs, but no characters."""
    content = b"BT /F1 12 Tf 72 720 Td <0102030405060708090a0b0c> Tj ET"
    names = b" ".join(b"/x%dq" % i for i in range(1, 13))
    procs = b" ".join(b"/x%dq 6 0 R" % i for i in range(1, 13))
    glyph = b"600 0 0 0 500 700 d1 0 0 500 700 re f"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000]"
        b" /FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << " + procs + b" >>"
        b" /Encoding << /Type /Encoding /Differences [1 " + names + b"] >>"
        b" /FirstChar 1 /LastChar 12 /Widths [" + b" ".join([b"600"] * 12) + b"] >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(glyph), glyph),
    ]
    pdf, offsets = b"%PDF-1.7\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    path.write_bytes(pdf)
    return path


def make_blank_pages_pdf(path: Path, pages: int = 5) -> Path:
    document = pymupdf.open()
    for _ in range(pages):
        document.new_page()
    document.save(path)
    return path
