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
    "Indledning",
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
# "BESLUTNING I KOMMUNALBESTYRELSEN Godkendt.": a heading in capitals runs to its last capital word.
_CAPITALS_RUN = re.compile(r"[A-ZÆØÅÉ]{2,}(?:[ /][A-ZÆØÅÉ]{1,}(?=[ /:]|$))*:?")
_SHORT = 60  # a line this short is a heading or a sentence, not a run-together item


def unflatten(text: str) -> str:
    """The text with each flattened line cut into headings and paragraphs."""
    if not any(len(line) > _SHORT for line in text.split("\n")):
        return text
    return "\n".join(_unflatten_line(line) for line in text.split("\n"))


def _unflatten_line(line: str, transcript: bool = False) -> str:
    if len(line) <= _SHORT and not transcript:
        return line
    starts = [m.start() for m in _HEADING.finditer(line)]
    dated = any(_DATED.match(line[k:]) for k in starts)
    if not starts or (not dated and not transcript and (len(line) < 300 or len(starts) < 2)):
        return line
    pieces = [line[: starts[0]].strip()]
    for a, b in zip(starts, [*starts[1:], len(line)], strict=True):
        piece = line[a:b].strip()
        dated = _DATED.match(piece)
        capitals = _CAPITALS_RUN.match(piece)
        cut = dated.end() if dated else capitals.end() if capitals else len(piece.split(None, 1)[0])
        heading, rest = piece[:cut].rstrip(":"), piece[cut:].strip(" :")
        pieces += [heading, rest]
    return "\n\n".join(p for p in pieces if p)


# A document-sharing site's transcript of a PDF: "Transkript", then one line a page, each
# opening with its page number ("3 1. Godkendelse af dagsorden Dok.nr.: 1965 Sagsid.: 14/40
# … Åben sag Beslutning Økonomiudvalget den Godkendt.").
_TRANSCRIPT_MARK = re.compile(r"^(?:Transkript|Transcript)\s*$", re.MULTILINE)
_PAGE_LINE = re.compile(r"^(?P<page>\d{1,3}) (?P<text>\S.*)$")
_ITEM_IN_PAGE = re.compile(
    r"(?:^|(?<=\s))(?P<start>\d{1,3}\.\s+[A-ZÆØÅ\"“][^\n]{3,200}?)\s+"
    r"(?=(?:(?:Åben|Åbent|Lukket)\s+(?:sag|punkt)\b|Dok\.\s?nr|Sagsid|Sagsnr|J\.\s?nr))"
)
_LABEL_IN_PAGE = re.compile(
    r"\s+(?=(?:(?:Åben|Åbent|Lukket)\s+(?:sag|punkt)|Sagsnr\.?:|Sagsid\.?:|Dok\.\s?nr\.?:|"
    r"J\.\s?nr\.?:|Initialer:|Afbud:|Fraværende:|Deltagere:|Medlemmer:|Mødedato:|"
    r"Mødetidspunkt:|Mødested:|Sagen afgøres i:|Dato:|Tidspunkt:|Tid:|Sted:|Starttidspunkt:|"
    r"Sluttidspunkt:)(?:\s|$))"
)
# The site strips the digits of dates: "Beslutning i Klima- og Miljøudvalget den Godkendt."
_DATELESS_DECISION = re.compile(
    r"(?:^|(?<=\s))(?P<heading>Beslutning(?:\s+i)?\s+[A-ZÆØÅ][\wæøå\- ]{2,60}?\s+den)\s+(?=[A-ZÆØÅ])"
)


def unflatten_transcript(text: str) -> str:
    """A page-per-line transcript as pages (form feeds) of headings and paragraphs."""
    mark = _TRANSCRIPT_MARK.search(text)
    if mark is None:
        return text
    lines = text[mark.end() :].strip("\n").split("\n")
    pages: list[str] = []
    expected = 1
    for line in lines:
        m = _PAGE_LINE.match(line)
        if m and int(m["page"]) == expected:
            pages.append(m["text"])
            expected += 1
        elif pages:
            pages[-1] += "\n" + line
    if len(pages) < 2:
        return text
    pages = [re.sub(r"^Side \d{1,3}\s+|\s+Side \d{1,3}\s*$", "", page) for page in pages]
    running = _running_header(pages[1:])
    pages = [pages[0], *(page[len(running) :].lstrip() for page in pages[1:])]
    return "\f".join(_unflatten_page(page) for page in pages)


def _running_header(pages: list[str]) -> str:
    """The words every page after the first opens with ("Udvalget for Erhverv og Kultur, Side")."""
    if len(pages) < 2:
        return ""
    words = [page.split(" ") for page in pages]
    common = 0
    while all(len(w) > common + 1 and w[common] == words[0][common] for w in words):
        common += 1
    return " ".join(words[0][:common])


def _unflatten_page(page: str) -> str:
    page = _ITEM_IN_PAGE.sub(lambda m: f"\n\n{m['start']}\n\n", page)
    page = _DATELESS_DECISION.sub(lambda m: f"\n\n{m['heading']}\n\n", page)
    page = _LABEL_IN_PAGE.sub("\n\n", page)
    return "\n".join(_unflatten_line(line, transcript=True) for line in page.split("\n"))
