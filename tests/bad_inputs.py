"""A corpus of bad and hostile input files, generated at test time (no binaries in the repository).

`make_bad_corpus(folder)` writes every kind into `folder` and returns what each
file should come to: a status ("ingested", "unchanged" or "failed") and, for a
failure, the machine code. Hand-made PDFs come from `pdf_of` (objects and a
correct cross-reference table, so one field can lie at a time; `raw_pdf` is a
one-page text PDF made with it) and `object_stream_pdf` (objects packed in an
object stream, found through a cross-reference stream, as PDF 1.5 writers do).
`HEAVY` names the files that would cost gigabytes or minutes if a reader
inflated what they declare.
"""

from __future__ import annotations

import shutil
import struct
import zlib
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


def text(title: bytes) -> bytes:
    """A content stream's text: `title` (WinAnsi) over a decision."""
    return b"BT /F1 12 Tf 72 720 Td (" + title + b") Tj 0 -16 Td (Sagen blev godkendt.) Tj ET"


def stream(data: bytes, entries: bytes = b"") -> bytes:
    return b"<< %s /Length %d >>\nstream\n%s\nendstream" % (entries, len(data), data)


def page(contents: bytes = b" /Contents 4 0 R", resources: bytes = b"") -> bytes:
    return (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]" + contents + b" /Resources"
        b" << /Font << /F1 5 0 R >> " + resources + b">> >>"
    )


CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"


def raw_pdf(
    count: bytes = b"1",
    kids: bytes = b"[3 0 R]",
    content: bytes = TEXT,
    xref_shift: int = 0,
    extra: Sequence[bytes] = (),
) -> bytes:
    """A one-page PDF with Helvetica text; `count`, `kids` and `xref_shift` can be made to lie."""
    objects = [
        CATALOG,
        b"<< /Type /Pages /Kids " + kids + b" /Count " + count + b" >>",
        page(),
        stream(content),
        FONT,
        *extra,
    ]
    return pdf_of(objects, xref_shift)


def pdf_of(objects: Sequence[bytes], xref_shift: int = 0) -> bytes:
    """Objects 1, 2, … with a cross-reference table (each offset `xref_shift` off) and trailer."""
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


def object_stream_pdf(
    packed: dict[int, bytes],
    plain: dict[int, bytes],
    stream_entries: bytes = b"",
    loops: bool = False,
) -> bytes:
    """Objects `packed` inside an object stream, `plain` ones outside, and a cross-reference
    stream. `loops`: the object stream's /Length is an object inside itself, and the
    cross-reference stream's /Prev is itself."""
    numbers = sorted(packed)
    holder = max([*packed, *plain]) + 1
    bodies = [packed[n] + b"\n" for n in numbers]
    starts = [sum(map(len, bodies[:i])) for i in range(len(bodies))]
    index = b" ".join(b"%d %d" % pair for pair in zip(numbers, starts, strict=True)) + b"\n"
    payload = index + b"".join(bodies)
    pdf, where = b"%PDF-1.7\n", {}
    for number in sorted(plain):
        where[number] = (1, len(pdf), 0)
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number, plain[number])
    where[holder] = (1, len(pdf), 0)
    length = b"%d 0 R" % numbers[-1] if loops else b"%d" % len(payload)
    pdf += (
        b"%d 0 obj\n<< /Type /ObjStm /N %d /First %d /Length %s %s >>\nstream\n%s\nendstream\n"
        b"endobj\n" % (holder, len(numbers), len(index), length, stream_entries, payload)
    )
    where |= {number: (2, holder, i) for i, number in enumerate(numbers)}
    xref, size = len(pdf), holder + 2
    where[holder + 1] = (1, xref, 0)
    rows = b"".join(
        struct.pack(">BIH", *where.get(n, (0, 0, 65535 if n == 0 else 0))) for n in range(size)
    )
    prev = b" /Prev %d" % xref if loops else b""
    pdf += (
        b"%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Root 1 0 R%s /Length %d >>\nstream\n%s\n"
        b"endstream\nendobj\nstartxref\n%d\n%%%%EOF\n"
        % (holder + 1, size, prev, len(rows), rows, xref)
    )
    return pdf


def inflating_to(size: int) -> bytes:
    """zlib data of about 1/1000 of `size` that inflates to `size` zero bytes (rounded up to
    16 MB): a decompression bomb, made of one compressed 16 MB block repeated."""
    block = b"\0" * (1 << 24)
    compressor = zlib.compressobj(9)
    head = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    again = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    blocks = -(-size // len(block))
    checksum = 1
    for _ in range(blocks):
        checksum = zlib.adler32(block, checksum)
    return head + again * (blocks - 1) + b"\x03\x00" + struct.pack(">I", checksum)


def image_pdf(width: int, height: int, pixels: bytes, title: bytes | None) -> bytes:
    """A page drawing an RGB image that declares `width` x `height`, over `title` if given."""
    draw = b"q 500 0 0 500 40 100 cm /Im1 Do Q " + (text(title) if title else b"")
    image = stream(
        pixels,
        b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB"
        b" /BitsPerComponent 8 /Filter /FlateDecode" % (width, height),
    )
    return pdf_of(
        [CATALOG, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
         page(resources=b"/XObject << /Im1 6 0 R >> "), stream(draw), FONT, image]
    )  # fmt: skip


GLYPH_NAMES = {" ": "space", ".": "period", "æ": "ae", "ø": "oslash", "å": "aring"}


def differences_font_pdf(lines: Sequence[str]) -> bytes:
    """Text in a font with its own code for each letter (an /Encoding of /Differences with the
    standard glyph names) and no ToUnicode map: readable through the glyph names alone."""
    letters = sorted({c for line in lines for c in line})
    code = {c: n for n, c in enumerate(letters, 1)}
    names = b" ".join(b"/" + GLYPH_NAMES.get(c, c).encode() for c in letters)
    font = (
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding"
        b" << /Type /Encoding /Differences [1 " + names + b"] >> >>"
    )
    shown = b" 0 -16 Td ".join(
        b"<%s> Tj" % bytes(code[c] for c in line).hex().encode() for line in lines
    )
    objects = [CATALOG, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", page(),
               stream(b"BT /F1 12 Tf 72 720 Td " + shown + b" ET"), font]  # fmt: skip
    return pdf_of(objects)


def empty_streams_pdf(with_text: bool) -> bytes:
    """Pages whose content is a 0-byte stream, an empty array, or missing; and, `with_text`,
    one page whose text follows a 0-byte stream."""
    pages = [page(b" /Contents 4 0 R"), page(b" /Contents []"), page(b"")]
    extra = [stream(text(b"Referat af tomsidem\xf8det"))] if with_text else []
    if with_text:
        pages.append(page(b" /Contents [4 0 R %d 0 R]" % (6 + len(pages))))
    kids = b" ".join(b"%d 0 R" % (5 + n) if n else b"3 0 R" for n in range(len(pages)))
    objects = [CATALOG, b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(pages)),
               pages[0], stream(b""), FONT, *pages[1:], *extra]  # fmt: skip
    return pdf_of(objects)


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


# Files that declare far more than they hold: read as they are, never inflated.
HEAVY = ("kaempebillede.pdf", "billedbombe-med-tekst.pdf", "dekomprimeringsbombe.pdf")
# What the PDFs read in spite of their faults say, each in its own words.
READ_AS_WRITTEN = {
    "kaempebillede.pdf": "Referat af billedmødet",
    "billedbombe-med-tekst.pdf": "Referat af bombemødet",
    "nul-byte-sider.pdf": "Referat af tomsidemødet",
    "skrifttype-uden-tounicode.pdf": "Referat af mødet i Byrådet",
    "objektstroem-i-ring.pdf": "Referat af ringmødet",
    "loegnagtig-xref.pdf": "Referat af mødet i Byrådet",
}
SIDE = 20_000  # pixels each way of the huge images: 1.2 GB as RGB


def _object_stream_loop() -> bytes:
    """Pages, page and font in an object stream that extends itself and whose length is an
    object inside it; the cross-reference stream's /Prev points at itself."""
    objects = raw_objects(text(b"Referat af ringm\xf8det"))
    packed = {n: objects[n - 1] for n in (2, 3, 5)}
    return object_stream_pdf(packed, {1: objects[0], 4: objects[3]}, b"/Extends 6 0 R", loops=True)


def _reference_loop() -> bytes:
    """The page's resources are an object that is itself: its font cannot be reached.

    MuPDF ends the loop and reads the text in its fallback encoding, in which the byte of
    "ø" is "ł": ingested, but not letter for letter (so not in READ_AS_WRITTEN)."""
    objects = raw_objects(text(b"Referat af henvisningsm\xf8det"))
    objects[2] = page().replace(b"/Resources << /Font << /F1 5 0 R >> >>", b"/Resources 6 0 R")
    return pdf_of([*objects, b"6 0 R"])


def raw_objects(content: bytes) -> list[bytes]:
    return [CATALOG, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", page(), stream(content), FONT]


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
        "dekomprimeringsbombe.pdf": (
            "no_text_layer",
            lambda p: _write(p, image_pdf(SIDE, SIDE, inflating_to(SIDE * SIDE * 3), None)),
        ),
        "tomme-indholdsstroemme.pdf": (
            "empty_document",
            lambda p: _write(p, empty_streams_pdf(with_text=False)),
        ),
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
        "kaempebillede.pdf": image_pdf(
            SIDE, SIDE, zlib.compress(b"\0" * 3000), b"Referat af billedm\xf8det"
        ),
        "billedbombe-med-tekst.pdf": image_pdf(
            SIDE, SIDE, inflating_to(SIDE * SIDE * 3), b"Referat af bombem\xf8det"
        ),
        "nul-byte-sider.pdf": empty_streams_pdf(with_text=True),
        "skrifttype-uden-tounicode.pdf": differences_font_pdf(
            ["Referat af mødet i Byrådet", "Sagen om æblehaven blev godkendt."]
        ),
        "objektstroem-i-ring.pdf": _object_stream_loop(),
        "henvisning-i-ring.pdf": _reference_loop(),
    }
    for name, data in ingested.items():
        _write(folder / name, data)
        expected[name] = Expected("ingested")
    # The same bytes under other names (and another suffix), after their originals.
    shutil.copy(good, folder / "zz-kopi-af-referat.pdf")
    shutil.copy(folder / "blandet-kodning.md", folder / "zz-kopi-af-notat.txt")
    for name in ("zz-kopi-af-referat.pdf", "zz-kopi-af-notat.txt"):
        expected[name] = Expected("unchanged", "duplicate")
    return expected
