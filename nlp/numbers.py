"""Danish number words: "fire" → 4, "tyve" → 20, "treogfirs" → 83, "hundrede" → 100."""

from __future__ import annotations

import re

_UNITS = {
    "nul": 0, "en": 1, "et": 1, "én": 1, "ét": 1, "een": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5,
    "seks": 6, "syv": 7, "otte": 8, "ni": 9, "ti": 10, "elleve": 11, "tolv": 12, "tretten": 13,
    "fjorten": 14, "femten": 15, "seksten": 16, "sytten": 17, "atten": 18, "nitten": 19,
}  # fmt: skip
_TENS = {
    "tyve": 20, "tredive": 30, "fyrre": 40, "fyrretyve": 40, "halvtreds": 50, "halvtredsindstyve": 50,
    "tres": 60, "tresindstyve": 60, "halvfjerds": 70, "halvfjerdsindstyve": 70, "firs": 80,
    "firsindstyve": 80, "halvfems": 90, "halvfemsindstyve": 90,
}  # fmt: skip
_DIGITS = re.compile("[0-9]+")  # not str.isdigit(): "²" is a digit to it
_SCALES = {"hundrede": 100, "hundred": 100, "tusind": 1000, "tusinde": 1000}
_COMPOUND = re.compile(
    rf"^({'|'.join(sorted(_UNITS, key=len, reverse=True))})og({'|'.join(sorted(_TENS, key=len, reverse=True))})$"
)


def parse_danish_number_word(word: str) -> int | None:
    """A Danish number word as an int ("fire" → 4, "treogfirs" → 83), or None."""
    word = word.strip().lower()
    if word in _UNITS:
        return _UNITS[word]
    if word in _TENS:
        return _TENS[word]
    if word in _SCALES:
        return _SCALES[word]
    m = _COMPOUND.match(word)
    if m and _UNITS[m.group(1)] < 10:
        return _UNITS[m.group(1)] + _TENS[m.group(2)]
    return None


def parse_count(text: str) -> int | None:
    """A count written in digits or as a Danish number word."""
    text = text.strip().rstrip(".")
    if _DIGITS.fullmatch(text):
        return int(text)
    return parse_danish_number_word(text)


NUMBER_WORDS = tuple(sorted(set(_UNITS) | set(_TENS) | set(_SCALES), key=len, reverse=True))
