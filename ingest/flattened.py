"""Pages whose line breaks were lost: a whole item on one line, its section names inline.

Web transcripts and some portals' print views run an item together: "00.30.10-S00-3-16
Resume Kompetenceudvalg: Byrådet … INDSTILLING Økonomiudvalget indstiller, at … Beslutning
Byrådet, 20.09.2016 Godkendt. Sagsfremstilling …". A long line that holds two or more
section names where a heading would stand (after a sentence, a case number or a date, or
in capitals) is cut back into a heading and its text at each of them.
"""

from __future__ import annotations

import re

_NAMES = (
    "Resumé",
    "Resume",
    "Sagsresumé",
    "Sagsresume",
    "Indstilling",
    "Beslutning",
    "Beslutninger",
    "Sagsfremstilling",
    "Økonomi",
    "Bilag",
    "Sagsforløb",
    "Historik",
    "Anbefaling",
    "Beslutningstema",
    "Beslutningskompetence",
)
_TITLE_CASE = "|".join(sorted(_NAMES, key=len, reverse=True))
_UPPER = "|".join(sorted({n.upper() for n in _NAMES}, key=len, reverse=True))
# A heading stands at the line start, after a sentence, a case number or a date, and is
# followed by a capitalised word; a heading in capitals may stand anywhere.
_HEADING = re.compile(
    rf"(?:^|(?<=[.!?:] )|(?<=\d )|(?<=\) ))(?:{_TITLE_CASE})\b(?=:?\s+[A-ZÆØÅ])"
    rf"|(?<=\s)(?:{_UPPER})\b(?=:?\s+[A-ZÆØÅ0-9])"
)
# "Beslutning Byrådet, 20.09.2016": a dated decision heading ends at its date.
_DATED = re.compile(
    r"^(?:Beslutning(?:er)?|BESLUTNING(?:ER)?):?\s+(?:(?:i|fra)\s+)?[\wÆØÅæøå\- ]{2,60}?,?\s+"
    r"(?:den\s+|d\.\s*)?\d{1,2}[.\-/]\d{1,2}[.\-/]\d{2,4}(?:,?\s+pkt\.\s*\d+)?"
)
_SHORT = 60  # a line this short is a heading or a sentence, not a run-together item


def unflatten(text: str) -> str:
    """The text with each flattened line cut into headings and paragraphs."""
    if not any(len(line) > _SHORT for line in text.split("\n")):
        return text
    return "\n".join(_unflatten_line(line) for line in text.split("\n"))


def _unflatten_line(line: str) -> str:
    if len(line) <= _SHORT:
        return line
    starts = [m.start() for m in _HEADING.finditer(line)]
    dated = any(_DATED.match(line[k:]) for k in starts)
    if not dated and (len(line) < 300 or len(starts) < 2):
        return line
    pieces = [line[: starts[0]].strip()]
    for a, b in zip(starts, [*starts[1:], len(line)], strict=True):
        piece = line[a:b].strip()
        dated = _DATED.match(piece)
        cut = dated.end() if dated else len(piece.split(None, 1)[0])
        heading, rest = piece[:cut].rstrip(":"), piece[cut:].strip(" :")
        pieces += [heading, rest]
    return "\n\n".join(p for p in pieces if p)
