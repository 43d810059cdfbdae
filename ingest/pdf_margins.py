"""Running headers and footers: lines repeated in the page margins.

A first pass over a sample of pages learns them: a line lying wholly in the
top or bottom band of the page is a running line when, with digits
ignored, it comes back on a good share of the sampled pages, and its text
is either the same every time (the committee and the date) or carries the
page number (page 3 says 3, page 4 says 4). Lines that only look alike once
digits are ignored, such as a case number at the top of every item, are not
running lines. "Side 3 af 21" and bare page numbers in the margins go
wherever they are, sampled or not, and so does a short "Side X af Y" line
anywhere on the page, whatever its place in the content stream.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ingest.pdf_page import Line

BAND = 0.12  # share of the page height at the top and at the bottom
_SHARE = 0.4  # share of the sampled pages a running line must come back on
_PAGE_LABEL = re.compile(
    r"^(?:(?:side|page|s\.)\s*)?[-–(]?\s*\d{1,4}\s*[-–)]?\s*(?:(?:af|of|/|ud af)\s*\d{1,4})?$",
    re.IGNORECASE,
)
_SIDE_X_AF_Y = re.compile(r"\b(?:side|page)\s+\d{1,4}\s*(?:af|of|/)\s*\d{1,4}\b", re.IGNORECASE)
_NUMBER = re.compile(r"\d+")
# A section's heading word alone: items open pages with them, whatever the margins.
_SECTION_WORD = re.compile(
    r"(?:beslutning(?:er)?|indstilling|sagsfremstilling|resum[ée]|sagsresum[ée]|økonomi|bilag|"
    r"baggrund|anbefaling|behandling)\s*:?",
)


def _plain(text: str) -> str:
    return " ".join(text.lower().split())


def margin_key(text: str) -> str:
    return _NUMBER.sub("#", _plain(text))


def in_band(line: Line, page_height: float) -> bool:
    return line.y1 <= page_height * BAND or line.y0 >= page_height * (1 - BAND)


def _band(line: Line, page_height: float) -> str:
    return "top" if line.y1 <= page_height * BAND else "foot"


def _page_offset(occurrences: Sequence[tuple[int, str]]) -> int | None:
    """The offset by which one number in the line follows the page number, if one does."""
    offsets: Counter[int] = Counter()
    for page, text in occurrences:
        offsets.update({int(n) - page for n in _NUMBER.findall(text)})
    if not offsets:
        return None
    offset, count = offsets.most_common(1)[0]
    return offset if count >= 0.8 * len(occurrences) else None


@dataclass(frozen=True)
class RunningLines:
    texts: frozenset[str] = frozenset()  # the same on every page (spaces and case normalised)
    paged: tuple[tuple[str, int], ...] = ()  # (text with digits as #, page number offset)

    @classmethod
    def learn(cls, pages: Sequence[tuple[int, float, Sequence[Line]]]) -> RunningLines:
        """Learn from (page number, page height, lines) of sampled pages."""
        sizes: Counter[float] = Counter()
        occurrences: defaultdict[tuple[str, str], list[tuple[int, str, float]]] = defaultdict(list)
        for page, height, lines in pages:
            seen = set()
            for line in lines:
                sizes[round(line.size)] += len(line.text)
                # A running line keeps its band: "Beslutning" at the foot of one page and the
                # head of the next is two headings, not a running line.
                key = (_band(line, height), margin_key(line.text))
                if key not in seen and in_band(line, height):
                    seen.add(key)
                    occurrences[key].append((page, line.text, line.size))
        body_size = sizes.most_common(1)[0][0] if sizes else 0.0
        threshold = max(2, math.ceil(_SHARE * len(pages)))
        texts, paged = set(), {}
        for key, found in occurrences.items():
            if len(found) < threshold or _SECTION_WORD.fullmatch(key[1]):
                continue  # ("Beslutning" opening two pages in a row: two items' headings)
            text, count = Counter(_plain(text) for _, text, _ in found).most_common(1)[0]
            if count >= threshold:
                texts.add(text)
            # A page label is not set larger than the body: "Punkt 3: ..." on page 3 is a heading.
            elif max(size for _, _, size in found) <= body_size + 0.5:
                offset = _page_offset([(page, text) for page, text, _ in found])
                if offset is not None:
                    paged[key[1]] = offset
        return cls(frozenset(texts), tuple(sorted(paged.items())))

    def is_running(self, line: Line, page: int, page_height: float) -> bool:
        text = line.text
        if len(text) <= 40 and _SIDE_X_AF_Y.search(text):
            return True
        if not in_band(line, page_height):
            return False
        if _plain(text) in self.texts:
            return True
        numbers = {int(n) for n in _NUMBER.findall(text)}
        key = margin_key(text)
        if any(key == known and page + offset in numbers for known, offset in self.paged):
            return True
        # An unlearned bare page number: "3", "- 3 -", "Side 3", "3/21" on page 3.
        return page in numbers and bool(_PAGE_LABEL.match(text))
