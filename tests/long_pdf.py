"""A long minutes PDF, thousands of pages, made in a fraction of a second.

One agenda item a page (title, case number, Sagsfremstilling with an amount,
Beslutning), after a cover page naming the meeting. The PDF's objects are
written directly (the base-14 Helvetica fonts, WinAnsi text): pymupdf's page
API takes about 0.75 ms a page, which at 4,000 pages is most of a test's time.
pymupdf reads it as it reads any PDF.
"""

from __future__ import annotations

_FONTS = (
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
)


def _line(bold: bool, size: int, y: int, text: str) -> bytes:
    font = b"/F2" if bold else b"/F1"
    return b"BT %s %d Tf 56 %d Td <%s> Tj ET\n" % (
        font,
        size,
        842 - y,
        text.encode("cp1252").hex().encode(),
    )


def _cover() -> bytes:
    return _line(True, 16, 80, "Referat af mødet i Vejudvalget den 4. marts 2024") + _line(
        False, 10, 110, "Mødested: Rådhuset, lokale 2"
    )


def _item(n: int) -> bytes:
    return b"".join(
        (
            _line(True, 13, 70, f"Punkt {n}: Vedligeholdelse af vej nummer {n}"),
            _line(False, 10, 90, f"05.01.00-G01-{n}-24"),
            _line(True, 11, 115, "Sagsfremstilling"),
            _line(
                False, 10, 132, f"Forvaltningen foreslår at asfaltere vej {n} for {n},5 mio. kr."
            ),
            _line(True, 11, 157, "Beslutning"),
            _line(False, 10, 174, "Godkendt."),
        )
    )


def long_minutes_pdf(items: int) -> bytes:
    """Minutes of one meeting with `items` items, one a page after the cover."""
    contents = [_cover(), *(_item(n) for n in range(1, items + 1))]
    pages = len(contents)
    # Objects: 1 catalog, 2 page tree, 3-4 fonts, then a page and its content per page.
    kids = b" ".join(b"%d 0 R" % (5 + 2 * k) for k in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
        *_FONTS,
    ]
    for k, content in enumerate(contents):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R"
            b" /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> >>" % (6 + 2 * k)
        )
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
    parts, offsets, at = [b"%PDF-1.7\n"], [], 9
    for number, body in enumerate(objects, 1):
        chunk = b"%d 0 obj\n%s\nendobj\n" % (number, body)
        offsets.append(at)
        parts.append(chunk)
        at += len(chunk)
    parts.append(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    parts.extend(b"%010d 00000 n \n" % offset for offset in offsets)
    parts.append(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, at)
    )
    return b"".join(parts)
