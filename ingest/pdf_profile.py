"""What a first pass over sampled pages learns about a PDF's layout.

The body size is the most used font size (by characters). Heading styles
are the sizes clearly above it, and bold at about body size; their levels
are fixed for the whole document (1 for the largest), so the same heading
style gets the same level on every page. The right edge of the body text
tells a line that ends early on purpose from one that is full. The usual
gap between the lines of a paragraph tells a paragraph break.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ingest.pdf_margins import RunningLines
from ingest.pdf_page import Line

_LARGER = 1.15  # a size this much above the body size is a heading size
Style = tuple[float, bool]  # rounded size, bold


def style_of(line: Line) -> Style:
    return (round(line.size * 2) / 2, line.bold)


@dataclass(frozen=True)
class Profile:
    body_size: float = 10.0
    heading_styles: tuple[Style, ...] = ()  # strongest first
    right_edge: float = 0.0
    line_gap: float = 2.0  # usual space between two lines of a paragraph
    running: RunningLines = RunningLines()

    def is_heading_style(self, style: Style) -> bool:
        size, bold = style
        return size >= self.body_size * _LARGER or (bold and size >= self.body_size - 0.5)

    def heading_level(self, style: Style) -> int:
        """1 for the strongest heading style in the document; 0 for body text."""
        if not self.is_heading_style(style):
            return 0
        return 1 + sum(1 for known in self.heading_styles if known > style)

    def is_body(self, line: Line) -> bool:
        return abs(line.size - self.body_size) <= 0.75


def learn_profile(pages: Sequence[tuple[int, float, Sequence[Line]]]) -> Profile:
    """Learn from (page number, page height, lines) of the sampled pages."""
    running = RunningLines.learn(pages)
    sizes: Counter[float] = Counter()
    for page, height, lines in pages:
        for line in lines:
            if not running.is_running(line, page, height):
                sizes[round(line.size * 2) / 2] += len(line.text)
    if not sizes:
        return Profile(running=running)
    body_size = sizes.most_common(1)[0][0]
    profile = Profile(body_size=body_size, running=running)
    styles = set()
    right_edges: list[float] = []
    gaps: list[float] = []
    for page, height, lines in pages:
        previous = None
        for line in lines:
            if running.is_running(line, page, height):
                continue
            style = style_of(line)
            if profile.is_heading_style(style):
                styles.add(style)
            if profile.is_body(line):
                right_edges.append(line.x1)
                if previous is not None and previous.block == line.block:
                    gap = line.y0 - previous.y1
                    if -1 < gap < body_size:
                        gaps.append(gap)
                previous = line
    right_edges.sort()
    return Profile(
        body_size=body_size,
        heading_styles=tuple(sorted(styles, reverse=True)),
        right_edge=right_edges[int(0.95 * (len(right_edges) - 1))] if right_edges else 0.0,
        line_gap=statistics.median(gaps) if gaps else 0.2 * body_size,
        running=running,
    )
