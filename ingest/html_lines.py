"""Lines of a web page to `Block`s: what in a line's styling makes it a heading.

The walker (`ingest.html`) hands over runs of text, each marked bold or not, and
ends a line at every block element and `<br>`. A line set wholly in bold is a
heading, as a PDF line in a heavier font is; a line that is exactly a section
name ("Beslutning", "Sagsfremstilling") is one too, so a page that sets some
section names in `<h3>` and others in plain `<p>` loses none. A bold section
name leading a line ("**Beslutning:** Godkendt.") is split off as its heading.
A number alone on its line (an item-number cell, FirstAgenda's label) followed
by a heading names that heading's item: "Punkt 3: <title>".
"""

from __future__ import annotations

import re

from ingest.chrome import is_chrome
from ingest.records import Block, BlockKind, SectionKind
from ingest.sections import section_kind
from ingest.text import SOFT_HYPHEN, ZERO_WIDTH

_INVISIBLE = str.maketrans("", "", SOFT_HYPHEN + ZERO_WIDTH)
# ("1) 1": a list item's own number printed in it, beside the list's marker)
_LONE_NUMBER = re.compile(r"^(?:(\d{1,4})\)\s+(?=\1\.?$))?(\d{1,4})\.?$")
_NUMBERED = re.compile(r"^(?:\d{1,4}\b|(?:punkt|pkt|sag|nr)\.?\s*\d)", re.IGNORECASE)
_MARKER = re.compile(r"^(?:[-–•·▪◦*]|\d{1,3}[.)]|[a-zA-Z][.)])(?:\s|$)")
_MAX_HEADING = 160
BOLD_HEADING_LEVEL = 4


def clean(text: str) -> str:
    """Text with soft hyphens and zero-width characters removed and whitespace (NBSP too) single."""
    return " ".join(text.translate(_INVISIBLE).split())


def _is_heading_text(text: str) -> bool:
    return (
        len(text) <= _MAX_HEADING
        and any(c.isalpha() for c in text)
        and not text.endswith((".", ",", ";"))
    )


def _is_section_line(text: str) -> bool:
    """A plain line that is a section name: "Beslutning", "Sagsfremstilling:", "BESLUTNING".

    Not a lead-in such as "Det indstilles:" or "Forvaltningen indstiller:", which opens
    the points under a heading rather than naming one.
    """
    if len(text) >= 80 or text.endswith(".") or (text.endswith(":") and " " in text):
        return False
    return section_kind(text) is not None


def _names_section(text: str) -> bool:
    kind = section_kind(text)
    return kind is not None and kind is not SectionKind.OTHER


class LineWriter:
    """Collects runs into lines and lines into blocks, in reading order."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._runs: list[tuple[str, bool]] = []
        self._tight = False  # the next line follows a <br>: nothing sets it apart
        self.prefix = ""  # a list marker for the list item's first line
        self._number: str | None = None  # a lone number waiting to see what follows

    def text(self, data: str, bold: bool = False) -> None:
        self._runs.append((data, bold))

    def end_line(self, *, after_break: bool = False, plain: bool = False) -> None:
        """End the current line; `after_break` at a `<br>`; `plain` where bold makes no heading."""
        runs, self._runs = self._runs, []
        if not runs:  # a blank line, or a block boundary: what follows is set apart
            self._tight = False
            return
        text = clean("".join(t for t, _ in runs))
        tight, self._tight = self._tight, after_break and bool(text)
        if not text or is_chrome(text):
            return
        if self.prefix:
            text = text if _MARKER.match(text) else f"{self.prefix}{text}"
            self.prefix = ""
            self.emit(Block(text, 1, tight=tight))
            return
        worded = [(t, b) for t, b in runs if any(c.isalnum() for c in t)]
        if not plain and worded and all(b for _, b in worded) and _is_heading_text(text):
            self.emit(Block(text, 1, BlockKind.HEADING, level=BOLD_HEADING_LEVEL, tight=tight))
            return
        lead = clean("".join(t for t, _ in _bold_lead(runs)))
        split = lead and lead != text and text.startswith(lead)
        if not plain and split and _names_section(lead.rstrip(":")):
            self.emit(Block(lead, 1, BlockKind.HEADING, level=BOLD_HEADING_LEVEL, tight=tight))
            self.emit(Block(text[len(lead) :].strip(), 1, tight=True))
            return
        if not plain and _is_section_line(text):
            self.emit(Block(text, 1, BlockKind.HEADING, level=BOLD_HEADING_LEVEL, tight=tight))
            return
        self.emit(Block(text, 1, tight=tight))

    def heading(self, text: str, level: int) -> None:
        """A heading the markup names (`<h2>`, a class "overskrift"): it may carry a pending number."""
        text = clean(text)
        if not text or is_chrome(text):
            return
        if self.prefix:  # a list item that opens with a heading: an agenda as a list
            number = self.prefix.rstrip(") ")
            self.prefix = ""
            if number.isdigit() and self._number is None:
                self._number = number
        if self._number is not None and not _NUMBERED.match(text) and not section_kind(text):
            text = f"Punkt {self._number}: {text}"
            self._number = None
        self.emit(Block(text, 1, BlockKind.HEADING, level=level))

    def emit(self, block: Block) -> None:
        if self._number is not None:
            self.blocks.append(Block(self._number, 1))
            self._number = None
        m = _LONE_NUMBER.match(block.text)
        if m and block.kind is BlockKind.PARAGRAPH and not block.tight:
            self._number = m.group(2)
            return
        self.blocks.append(block)

    def close(self) -> list[Block]:
        self.end_line()
        if self._number is not None:
            self.blocks.append(Block(self._number, 1))
            self._number = None
        return self.blocks


def _bold_lead(runs: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """The runs that open a line in bold (blank runs between them included)."""
    lead = []
    for text, bold in runs:
        if not bold and text.strip():
            break
        lead.append((text, bold))
    return lead
