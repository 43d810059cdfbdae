"""Which agenda items an attendance statement covers.

"deltog ikke i behandlingen af punkt 3-5" covers items 3, 4 and 5; "forlod mødet
efter behandlingen af punkt 8" every item after 8; "forlod mødet inden behandlingen
af punkt 18" item 18 on; "ankom under behandlingen af punkt 2" the items before 2;
"X (C), sag 1-57" under "Fraværende" items 1 to 57; "var ikke til stede under den
lukkede del af mødet" the closed items. A statement without item
numbers covers its own item, or the whole meeting where the meeting's absences
are recorded (`nlp.attendance`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Scope:
    """Items covered: the listed `numbers`, or `first` to `last` (either open), or the closed
    items only (`closed`: "var ikke til stede under den lukkede del af mødet"); all when empty."""

    numbers: frozenset[int] = frozenset()
    first: int | None = None
    last: int | None = None
    closed: bool = False

    @property
    def everything(self) -> bool:
        return not self.numbers and self.first is None and self.last is None and not self.closed

    def covers(self, number: int | None, closed: bool = False) -> bool:
        if self.closed:
            return closed
        if number is None or self.everything:
            return True
        if self.numbers:
            return number in self.numbers
        return (self.first is None or number >= self.first) and (
            self.last is None or number <= self.last
        )


EVERYTHING = Scope()
CLOSED_PART = Scope(closed=True)
# "under den lukkede del af mødet", "i mødets lukkede del"
CLOSED_WORDS = (
    r"(?:den\s+lukkede\s+del(?:\s+af\s+mødet)?|mødets\s+lukkede\s+del|de\s+lukkede\s+punkter)"
)
# "punkt 3", "pkt. 1 og 9", "punkterne 10-13", "sag 1-57", "dagsordenspunkt 4"
ITEM_WORDS = r"(?:pkt\.?|punkt(?:erne|er|\.)?|sag(?:erne)?|dagsordens?punkt(?:erne|et)?)"
# (also "pkt. 3 og pkt. 4": the item word again before the next number)
ITEM_NUMBERS = r"\d+(?:\s*(?:,|og|-|–|til)\s*(?:(?:pkt\.?|punkt)\s*)?\d+)*"
ITEMS = rf"{ITEM_WORDS}\s*(?:nr\.?\s*)?(?P<items>{ITEM_NUMBERS})"  # (also "sag nr. 2,3")


def numbers(text: str) -> frozenset[int]:
    """Item numbers in "3-5", "1 og 9", "10 til 13"."""
    found: set[int] = set()
    for a, b in re.findall(r"(\d+)(?:\s*(?:-|–|til)\s*(\d+))?", text):
        low, high = int(a), int(b) if b else int(a)
        found.update(range(low, high + 1) if low <= high <= low + 500 else (low,))
    return frozenset(found)


def listed(text: str) -> Scope:
    return Scope(numbers=numbers(text))


def from_moment(when: str, text: str) -> Scope:
    """Away from a moment of the meeting on: "efter"/"inden"/"under" item N (left the meeting);
    after items 1-3 is after the last of them."""
    if when.lower() == "efter":
        return Scope(first=max(numbers(text)) + 1)
    return Scope(first=min(numbers(text)))


def until_moment(when: str, text: str) -> Scope:
    """Away until a moment: arrived "under"/"efter" item N, took part "fra" item N."""
    if when.lower() == "efter":
        return Scope(last=max(numbers(text)))
    return Scope(last=min(numbers(text)) - 1)


# "forlod mødet efter dette punkt", "under behandlingen af punktet", "efter punktets
# behandling": the item the statement stands under, by its number.
_THIS_ITEM = re.compile(
    r"\b(?:(?P<after>efter|under|inden|før)\s+)?(?:(?:behandlingen|sagsbehandlingen)\s+af\s+)?"
    r"(?:dette\s+punkt|punktet|denne\s+sag)(?P<own>s\s+behandling)?\b"
)
_LEFT = re.compile(r"\b(?:forlod|gik\s+fra)\s+mødet\b", re.IGNORECASE)


def with_own_number(text: str, number: int | None) -> str:
    """The text with "dette punkt" in a sentence about leaving the meeting as "punkt N", the
    item it stands under: "forlod mødet efter dette punkt" then covers the items after N."""
    if number is None or not _LEFT.search(text):
        return text

    def sentence(m: re.Match[str]) -> str:
        part = m.group(0)
        if not _LEFT.search(part):
            return part
        return _THIS_ITEM.sub(
            lambda t: f"{t['after'] + ' ' if t['after'] else ''}behandlingen af punkt {number}",
            part,
        )

    return re.sub(r"[^.!?\n]+[.!?]?", sentence, text)
