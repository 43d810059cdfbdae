"""What marks an item, or a part of a meeting, as closed ("lukket"), and what it may publish.

Closed is the default reading for anything the minutes mark as closed: a title that
starts or ends with "Lukket"/"Fortroligt", a marker line at the top of the item's text,
a sentence saying the item is closed, or a "Lukket møde"/"Lukkede punkter" heading
before the items it covers. A closed item publishes only its number, title, case
number and an explicit decision.
"""

from __future__ import annotations

import re

from ingest.records import Block

CLOSED_MARK = re.compile(
    r"(?:^(?:Lukket|Fortroligt?)(?:\s*(?:punkt|sag|møde))?\b)"
    # ("Salg af grund (FOR LUKKEDE DØRE)")
    r"|(?:[\s\-–(:]+(?:Lukket|Fortroligt?|for\s+lukkede\s+døre)(?:\s+(?:punkt|sag))?\)?\s*$)",
    re.IGNORECASE,
)


# "Punktet er lukket af hensyn til …", "… og behandles derfor som lukket punkt."
# "Sagen behandles for lukkede døre.", "Punktet behandles på lukket møde."
CLOSED_SENTENCE = re.compile(
    r"\b(?:punktet|sagen) (?:er|behandles|bliver behandlet) (?:\w+ ){0,2}(?:som )?(?:et )?lukket\b"
    r"|\bbehandles (?:\w+ )?som (?:et )?lukket punkt\b"
    # (present tense and not negated: "Sagen blev behandlet på lukket møde i Økonomiudvalget"
    # tells its history, "behandles ikke for lukkede døre" the opposite)
    r"|\b(?:punktet|sagen) (?:behandles|bliver behandlet) (?!ikke\b|ej\b)"
    r"(?:\w+ )?(?:for lukkede døre|på (?:et )?lukket møde)\b",
    re.IGNORECASE,
)


PUBLISHED_DECISION = re.compile(
    r"^(?=.{0,300}$).*\b(?:vedtaget|vedtog|godkendt|godkendte|godkendes|tiltrådt|tiltrådte|"
    r"besluttet|besluttede|forkastet|udsat|taget til efterretning|bevilget|anbefales|anbefalet)\b",
    re.IGNORECASE | re.DOTALL,
)


# Headings that open the closed, or again the open, part of a meeting.
CLOSED_PART = re.compile(
    r"^#*\s*(?:lukket møde|lukkede punkter|lukkede sager|lukket dagsorden|lukket del(?: af mødet)?|"
    r"den lukkede del(?: af mødet)?|fortrolige punkter|lukkede dagsordenspunkter)\s*:?$",
    re.IGNORECASE,
)


OPEN_PART = re.compile(
    r"^#*\s*(?:åbent møde|åbne punkter|åbne sager|åben dagsorden|åben del(?: af mødet)?|"
    r"den åbne del(?: af mødet)?)\s*:?$",
    re.IGNORECASE,
)


# A closed marker on a line of its own at the top of an item's text.
CLOSED_LINE = re.compile(r"^(?:lukket|lukket punkt|lukket sag|fortroligt?)\s*[.:]?$", re.IGNORECASE)


def part_heading(block: Block) -> bool:
    text = block.text.strip()
    return bool(CLOSED_PART.match(text) or OPEN_PART.match(text))
