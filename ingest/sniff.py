"""What a file is by its first bytes, for the message when a `.pdf` is not a PDF."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

_MAGIC = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Word/Excel file (OLE2, e.g. .doc)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
)
_ZIP_MEMBERS = (
    ("word/", "a Word document (.docx)"),
    ("xl/", "an Excel workbook (.xlsx)"),
    ("ppt/", "a PowerPoint file (.pptx)"),
)


def _zip_kind(content: bytes | Path) -> str:
    try:
        with zipfile.ZipFile(
            io.BytesIO(content) if isinstance(content, bytes) else content
        ) as archive:
            names = archive.namelist()
            mimetype = (
                archive.read("mimetype").decode("ascii", "replace") if "mimetype" in names else ""
            )
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return "a ZIP archive (damaged)"
    if "opendocument.text" in mimetype:
        return "an OpenDocument text (.odt)"
    for prefix, kind in _ZIP_MEMBERS:
        if any(name.startswith(prefix) for name in names):
            return kind
    return f"a ZIP archive of {len(names)} file{'s' if len(names) != 1 else ''}"


def describe(head: bytes, content: bytes | Path) -> str:
    """What the file is, e.g. "a Word document (.docx)", from its first bytes; a ZIP's members from `content`."""
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_kind(content)
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    start = head.lstrip()[:15].lower()
    if start.startswith((b"<!doctype html", b"<html")):
        return "an HTML page"
    if start.startswith(b"<?xml"):
        return "an XML file"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # not just a character cut at the end of the sample
            return "a binary file of an unknown type"
    return "a text file"
