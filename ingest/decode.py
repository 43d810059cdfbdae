"""Bytes of a text or HTML file to text, whatever encoding a municipality's export used.

A byte order mark decides (UTF-8, UTF-16 or UTF-32, as Windows tools write
them); UTF-16 without one is recognised by its NUL bytes. Otherwise UTF-8,
and a file that is not UTF-8 throughout is decoded line by line: UTF-8 where
a line is, else Windows-1252 (Latin-1 for the five bytes it leaves
undefined), so a file pasted together from two exports keeps its æ, ø and å.
"""

from __future__ import annotations

import codecs

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SAMPLE = 4096


def _bom(data: bytes) -> tuple[str, int] | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """ "utf-16-le" or "utf-16-be" when most odd (or even) bytes of the start are NUL, as in ASCII-range UTF-16."""
    sample = data[:_SAMPLE]
    half = len(sample) // 2
    if half < 2:
        return None
    if sample[1::2].count(0) > 0.6 * half and sample[0::2].count(0) < 0.1 * half:
        return "utf-16-le"
    if sample[0::2].count(0) > 0.6 * half and sample[1::2].count(0) < 0.1 * half:
        return "utf-16-be"
    return None


def _line(line: bytes) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return line.decode("cp1252")
    except UnicodeDecodeError:
        return line.decode("latin-1")


def decode_text(data: bytes) -> str:
    """The text of a file's bytes (see the module's note for how the encoding is chosen)."""
    found = _bom(data)
    if found:
        encoding, skip = found
        return data[skip:].decode(encoding, errors="replace")
    if encoding := _utf16_without_bom(data):
        return data.decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return "".join(_line(line) for line in data.splitlines(keepends=True))
