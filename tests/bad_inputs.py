"""A corpus of bad and hostile input files, generated at test time (no binaries in the repository).

`make_bad_corpus(folder)` writes every kind into `folder` and returns what each
file should come to: a status ("ingested", "unchanged" or "failed") and, for a
failure, the machine code. Hand-made PDFs come from `raw_pdf`, which writes the
objects and a correct cross-reference table, so one field can lie at a time.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pdf_factory import (
    make_blank_pages_pdf,
    make_encrypted_pdf,
    make_image_only_pdf,
    make_minutes_pdf,
    make_truncated_pdf,
    make_unmapped_glyphs_pdf,
)

FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
TEXT = b"BT /F1 12 Tf 72 720 Td (Referat af m\xf8det i Byr\xe5det) Tj 0 -16 Td (Sagen blev godkendt.) Tj ET"


@dataclass(frozen=True)
class Expected:
    status: str
    code: str | None = None


def raw_pdf(
    count: bytes = b"1",
    kids: bytes = b"[3 0 R]",
    content: bytes = TEXT,
    xref_shift: int = 0,
    extra: Sequence[bytes] = (),
) -> bytes:
    """A one-page PDF with Helvetica text; `count`, `kids` and `xref_shift` can be made to lie."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids " + kids + b" /Count " + count + b" >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        FONT,
        *extra,
    ]
    pdf, offsets = b"%PDF-1.7\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(pdf) + xref_shift)
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return pdf


def _write(path: Path, data: bytes | str) -> Path:
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


NOTE = (
    "# Notat om vejbump\n\nForvaltningen foreslår vejbump på Skolevej ved børnehaven Æblehaven.\n"
    "\n## Økonomi\n\nAnlægget koster 120.000 kr.\n"
)
NAVIGATION = """<!doctype html><html><head><title>Politik</title></head><body>
<nav><ul><li><a href="/">Forside</a></li><li><a href="/politik">Politik</a></li></ul></nav>
<script>var x = 1;</script><footer><nav><a href="/kontakt">Kontakt</a></nav></footer>
</body></html>"""


def make_bad_corpus(folder: Path) -> dict[str, Expected]:
    """Every kind of bad input in `folder`, and what each file should come to."""
    folder.mkdir(parents=True, exist_ok=True)
    good = make_minutes_pdf(folder / "referat-god.pdf")
    failed = {
        "krypteret.pdf": ("encrypted_pdf", lambda p: make_encrypted_pdf(p)),
        "blank.pdf": ("empty_document", lambda p: make_blank_pages_pdf(p, pages=3)),
        "nul-bytes.pdf": ("empty_document", lambda p: _write(p, b"")),
        "afskaaret.pdf": ("corrupt_pdf", lambda p: make_truncated_pdf(p, good)),
        "word-dokument.pdf": ("not_a_pdf", lambda p: _write(p, b"PK\x03\x04" + b"\0" * 60)),
        "billede-uden-tekst.pdf": ("no_text_layer", make_image_only_pdf),
        "negativt-sidetal.pdf": ("corrupt_pdf", lambda p: _write(p, raw_pdf(count=b"-1"))),
        "absurd-sidetal.pdf": ("corrupt_pdf", lambda p: _write(p, raw_pdf(count=b"2000000000"))),
        "for-stort-sidetal.pdf": ("corrupt_pdf", lambda p: _write(p, raw_pdf(count=b"7"))),
        "sidetrae-i-ring.pdf": (
            "corrupt_pdf",
            lambda p: _write(p, raw_pdf(count=b"2", kids=b"[3 0 R 2 0 R]")),
        ),
        "glyffer-uden-tounicode.pdf": ("unreadable_text", make_unmapped_glyphs_pdf),
        "skraa-tekst.pdf": (
            "angled_text",
            lambda p: _write(
                p, raw_pdf(content=TEXT.replace(b"72 720 Td", b"0 1 -1 0 300 200 Tm"))
            ),
        ),
        "kun-navigation.html": ("empty_document", lambda p: _write(p, NAVIGATION)),
        "tom.txt": ("empty_document", lambda p: _write(p, " \n\t\n")),
        "billede.txt": (
            "unsupported_format",
            lambda p: _write(p, b"\x89PNG\r\n\x1a\n" + b"\0" * 40),
        ),
        "regneark.xlsx": ("unsupported_format", lambda p: _write(p, b"PK\x03\x04" + b"\0" * 60)),
    }
    expected: dict[str, Expected] = {"referat-god.pdf": Expected("ingested")}
    for name, (code, make) in failed.items():
        make(folder / name)
        expected[name] = Expected("failed", code)
    ingested = {
        "loegnagtig-xref.pdf": raw_pdf(xref_shift=7),
        "utf16-med-bom.txt": "\ufeff".encode("utf-16-le") + NOTE.encode("utf-16-le"),
        "utf16-uden-bom.md": NOTE.replace("vejbump", "chikaner").encode("utf-16-le"),
        "blandet-kodning.md": NOTE.replace("vejbump", "hastighed").encode("utf-8")
        + "\nTilføjet af Søren Ærø fra Vejafdelingen.\n".encode("cp1252"),
    }
    for name, data in ingested.items():
        _write(folder / name, data)
        expected[name] = Expected("ingested")
    shutil.copy(good, folder / "zz-kopi-af-referat.pdf")  # sorted after the original
    expected["zz-kopi-af-referat.pdf"] = Expected("unchanged", "duplicate")
    return expected
