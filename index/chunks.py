"""Split items (and background documents) into search chunks that respect section boundaries.

Every chunk starts with the item's title, so a passage deep in Økonomi still
says which item it belongs to; windows overlap so a sentence cut at a window
edge is whole in the next one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ingest.records import Section

WINDOW_WORDS = 160
OVERLAP_WORDS = 30


@dataclass(frozen=True)
class Chunk:
    id: str  # "<unit id>:<section>:<window>", stable for the same text
    unit_id: str  # the item id (or background section id) this chunk belongs to
    section: str  # heading of the section, "" for the title chunk
    section_kind: str
    text: str  # what is embedded and shown as the snippet source
    pages: tuple[int, ...]


def _windows(spans: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Word-index windows over a section's words."""
    if len(spans) <= WINDOW_WORDS + OVERLAP_WORDS:
        yield 0, len(spans)
        return
    start = 0
    while start < len(spans):
        end = min(len(spans), start + WINDOW_WORDS)
        yield start, end
        if end == len(spans):
            return
        start = end - OVERLAP_WORDS


def _pages(section: Section, first_char: int, last_char: int) -> tuple[int, ...]:
    first, last = section.page_at(first_char), section.page_at(last_char)
    if first is None or last is None:
        return section.pages
    return tuple(p for p in section.pages if first <= p <= last)


def chunk_sections(
    unit_id: str, title: str, header: str, sections: tuple[Section, ...]
) -> list[Chunk]:
    """Chunks of one unit: a title chunk (title + header facts) and windows over each section."""
    first_page = sections[0].pages[:1] if sections and sections[0].pages else ()
    chunks = [Chunk(f"{unit_id}:t", unit_id, "", "title", f"{title}\n{header}".strip(), first_page)]
    for s_index, section in enumerate(sections):
        spans = [m.span() for m in re.finditer(r"\S+", section.text)]
        if not spans:
            continue
        for w_index, (start, end) in enumerate(_windows(spans)):
            first_char, last_char = spans[start][0], spans[end - 1][1] - 1
            body = " ".join(section.text[first_char : last_char + 1].split())
            heading = f"{section.heading}\n" if section.heading else ""
            chunks.append(
                Chunk(
                    id=f"{unit_id}:{s_index}:{w_index}",
                    unit_id=unit_id,
                    section=section.heading,
                    section_kind=section.kind.value,
                    text=f"{title}\n{heading}{body}",
                    pages=_pages(section, first_char, last_char),
                )
            )
    return chunks
