"""What a file is by its first bytes, for the message when a `.pdf` is not a PDF."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

_MAGIC = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "en gammel Word/Excel-fil (OLE2, fx .doc)"),
    (b"{\\rtf", "et RTF-dokument"),
    (b"\x89PNG\r\n\x1a\n", "et PNG-billede"),
    (b"\xff\xd8\xff", "et JPEG-billede"),
    (b"GIF8", "et GIF-billede"),
    (b"II*\x00", "et TIFF-billede"),
    (b"MM\x00*", "et TIFF-billede"),
    (b"\x1f\x8b", "et gzip-arkiv"),
    (b"Rar!", "et RAR-arkiv"),
    (b"7z\xbc\xaf\x27\x1c", "et 7-Zip-arkiv"),
)
_ZIP_MEMBERS = (
    ("word/", "et Word-dokument (.docx)"),
    ("xl/", "et Excel-regneark (.xlsx)"),
    ("ppt/", "en PowerPoint-fil (.pptx)"),
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
        return "et ZIP-arkiv (beskadiget)"
    if "opendocument.text" in mimetype:
        return "en OpenDocument-tekst (.odt)"
    for prefix, kind in _ZIP_MEMBERS:
        if any(name.startswith(prefix) for name in names):
            return kind
    return f"et ZIP-arkiv med {len(names)} fil{'er' if len(names) != 1 else ''}"


def describe(head: bytes, content: bytes | Path) -> str:
    """What the file is, e.g. "et Word-dokument (.docx)", from its first bytes; a ZIP's members from `content`."""
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_kind(content)
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    start = head.lstrip()[:15].lower()
    if start.startswith((b"<!doctype html", b"<html")):
        return "en HTML-side"
    if start.startswith(b"<?xml"):
        return "en XML-fil"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # not just a character cut at the end of the sample
            return "en binær fil af ukendt type"
    return "en tekstfil"
