"""Pages whose line breaks were lost: a whole item on one line, its section names inline.

Web transcripts and some portals' print views run an item together: "00.30.10-S00-3-16
Resume Kompetenceudvalg: Byrådet … INDSTILLING Økonomiudvalget indstiller, at … Beslutning
Byrådet, 20.09.2016 Godkendt. Sagsfremstilling …". A long line that holds two or more
section names where a heading would stand (after a sentence, a case number or a date, or
in capitals) is cut back into a heading and its text at each of them.
"""

from __future__ import annotations

import re
from collections import Counter

from ingest.sections import BODY_WORDS

_NAMES = (
    "Resumé",
    "Resume",
    "Sagsresumé",
    "Sagsresume",
    "Indstilling",
    "Beslutning",
    "Beslutninger",
    "Sagsfremstilling",
    "Sagsbeskrivelse",
    "Sagens formål",
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
    # (or after a body's initials: "Forventet sagsgang KF Beslutning Godkendt.")
    # (or after a vote's last party letter: "Imod stemte 3: B, Ø Sagsfremstilling Lokalplanen …")
    # (or after the item's open/closed mark: "02.34.02-G01-7-24 Lukket punkt Beslutning Byrådet, …")
    rf"(?:^|(?<=[.!?:] )|(?<=\d )|(?<=\) )|(?<=\b[A-ZÆØÅ]{{2}} )|(?<=, [A-ZÆØÅ] )"
    rf"|(?<=[Pp]unkt )|(?<=[Ss]ag ))(?:{_TITLE_CASE})\b"
    r"(?=:?\s+(?:den\s+|i\s+)?[A-ZÆØÅ])"
    rf"|(?<=\s)(?:{_UPPER})\b(?=:?\s+[A-ZÆØÅ0-9])"
)
# "… vedtages endeligt. Plan- og Erhvervsudvalget, 02.04.2024 Ad 1 og 2: Anbefales. Byrådet,
# 23.04.2024 …": each body's dated decision after a sentence, the body ending in its word.
_BODY_DATED = re.compile(
    rf"(?<=[.!?] )[A-ZÆØÅ][\wæøå\-]*(?:,? [\wæøå\-]+){{0,5}}?{BODY_WORDS}\w*, "
    r"\d{1,2}\.\d{1,2}\.\d{4}(?= [A-ZÆØÅ])"
)
# "Beslutning den Godkendt.": a transcript that lost the date after "den" (and the body before).
_NAME_AT_START = re.compile(rf"(?:{_TITLE_CASE})\b(?:\s+den(?=\s+[A-ZÆØÅ]))?")
# "Beslutning Byrådet, 20.09.2016": a dated decision heading ends at its date.
_DATED = re.compile(
    r"^(?:Beslutning(?:er)?|BESLUTNING(?:ER)?):?\s+(?:(?:i|fra)\s+)?[\wÆØÅæøå\- ]{2,60}?,?\s+"
    r"(?:den\s+|d\.\s*)?\d{1,2}[.\-/]\d{1,2}[.\-/]\d{2,4}(?:,?\s+pkt\.\s*\d+)?"
)
# "Beslutning i Kultur- og Idrætsudvalget den : Godkendt.": the same with its date lost.
_UNDATED = re.compile(
    r"^(?:Beslutning(?:er)?|BESLUTNING(?:ER)?)\s+(?:(?:i|fra)\s+)?[A-ZÆØÅ][\wÆØÅæøå\-, ]{1,60}?\s+den\s*:?"
    r"(?=\s+[A-ZÆØÅ]|\s*$)"
)
# "BESLUTNING I KOMMUNALBESTYRELSEN Godkendt.": a heading in capitals runs to its last capital word.
_CAPITALS_RUN = re.compile(r"[A-ZÆØÅÉ]{2,}(?:[ /][A-ZÆØÅÉ]{1,}(?=[ /:]|$))*:?")
_SHORT = 60  # a line this short is a heading or a sentence, not a run-together item


# An item's heading glued to the word before it, running to the line's end: a contents
# heading ("Indholdsfortegnelse1. Fraværende") or a contents line's date, whose year runs into
# the next item's number ("… den 14. oktober 2016143. Godkendelse af dagsorden", "… den
# 26.02.201317. Godkendelse af dagsorden").
_MONTH = r"(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december)"
_GLUED_HEADING = re.compile(
    r"(?P<before>[a-zæøå]{4}|\b\d{1,2}\. "
    + _MONTH
    + r" (?:19|20)\d\d|\b\d{1,2}\.\d{1,2}\.(?:19|20)\d\d)"
    r"(?P<heading>\d{1,3}\.\s+[A-ZÆØÅ][^\n]{2,150})$",
    re.MULTILINE,
)


def unflatten(text: str) -> str:
    """The text with each flattened line cut into headings and paragraphs; a transcript's
    page lines are cut wholly (`unflatten_transcript`), which leaves nothing for a second pass."""
    text = _GLUED_HEADING.sub(r"\g<before>\n\g<heading>", text)
    if (transcript := unflatten_transcript(text)) is not text:
        return transcript
    lines = text.split("\n")
    if not any(len(line) > _SHORT for line in lines):
        return text
    return "\n".join(_unflatten_line(line) for line in lines)


def _unflatten_line(line: str, transcript: bool = False) -> str:
    if len(line) <= _SHORT and not transcript:
        return line
    bodies = {m.start(): m.end() for m in _BODY_DATED.finditer(line)}
    starts = sorted({m.start() for m in _HEADING.finditer(line)} | set(bodies))
    dated = bool(bodies) or any(_DATED.match(line[k:]) for k in starts)
    if not starts or (not dated and not transcript and (len(line) < 300 or len(starts) < 2)):
        return line
    pieces = [line[: starts[0]].strip()]
    for a, b in zip(starts, [*starts[1:], len(line)], strict=True):
        piece = line[a:b].strip()
        if a in bodies:  # "Plan- og Erhvervsudvalget, 02.04.2024": a body's dated heading
            cut = bodies[a] - a
        else:
            dated = _DATED.match(piece) or _UNDATED.match(piece)
            capitals = _CAPITALS_RUN.match(piece)
            name = _NAME_AT_START.match(piece)
            cut = (
                dated.end() if dated else capitals.end() if capitals else name.end() if name else 0
            )
        heading, rest = piece[:cut].rstrip(":"), piece[cut:].strip(" :")
        pieces += [heading, rest]
    return "\n\n".join(p for p in pieces if p)


# A document-sharing site's transcript of a PDF: "Transkript", then one line a page, each
# opening with its page number ("3 1. Godkendelse af dagsorden Dok.nr.: 1965 Sagsid.: 14/40
# … Åben sag Beslutning Økonomiudvalget den Godkendt.").
_TRANSCRIPT_MARK = re.compile(r"^(?:Transkript|Transcript)\s*$", re.MULTILINE)
# (A page without text, an image or a blank page, is its number alone.)
_PAGE_LINE = re.compile(r"^(?P<page>\d{1,3})(?: (?P<text>\S.*)|\s*)$")
# "Økonomiudvalget den 25. oktober 2005, pkt. 3", "Kommunalbestyrelsens møde 28. november 2005
# Punkt 1:": a body, a date and an item number, the treatments an item lists under its title
# and the meeting's own decision label, each a line of its own.
_TREATMENT = (
    rf"[A-ZÆØÅ][\wæøå\-]*{BODY_WORDS}\w*(?: møde)?,? (?:den |d\. )?\d{{1,2}}\. ?[a-zæøå]{{3,9}}"
    r"\.? \d{4},? (?:pkt|punkt|Punkt)\.? ?\d{1,4}(?::|\.(?= [A-ZÆØÅ])|(?=\s|$))"
)
_BODY_DATE_ITEM = re.compile(rf"(?<!\S){_TREATMENT}")
_ITEM_IN_PAGE = re.compile(
    # (the KLE number an SBSYS print puts before the item's number goes on a line of its own)
    r"(?:^|(?<=\s))(?:(?P<kle>\d{2}\.\d{2}\.\d{2}-[A-ZÆØÅ]\d{2}-\d{1,6}-\d{2,4})\s+)?"
    # (a title does not run over a section or a sentence of the item before: "1. At … Beslutning
    # Taget …", "1. Godkendt. Ad 2. Godkendt. 63. Godkendelse af …")
    r"(?P<start>\d{1,3}\.\s+[A-ZÆØÅ\"“]"
    # (a sentence ends in a word of four letters or more, not an abbreviation: "vedr. Lokalplan")
    r"(?:(?!\s(?:Beslutning|Indstilling|Fraværende:)\s"
    r"|\b(?!(?:vedr|inkl|ekskl|bemærk|jævnfør)\.)[a-zæøå]{4,}\.\s+[A-ZÆØÅ0-9])[^\n]){3,200}?)\s+"
    r"(?=(?:(?:Åben|Åbent|Lukket)\s+(?:sag|punkt)\b|Dok\.\s?nr|Sagsid|Sagsnr|J\.\s?nr"
    # (the item's KLE number after its title: "1. Godkendelse af … 08.00.00-G01-4-11 Sagsfremstilling")
    r"|\d{2}\.\d{2}\.\d{2}-[A-ZÆØÅ]\d{2}-\d{1,6}-\d{2,4}\s"
    r"|(?:Forventet\s+)?[Ss]agsgang\b"
    # the treatments listed under the title, or the item's points "a) …"
    rf"|{_TREATMENT}|[a-h]\)\s))"
)
# "… Byvej15 1. Meddelelser": an item's heading that closes its page (after the contents'
# last page number or a sentence).
_ITEM_CLOSES_PAGE = re.compile(r"(?<=[\d.!?] )(?P<start>\d{1,3}\.\s+[A-ZÆØÅ\"“][^.\n]{2,100})$")
# "Der var ingen meddelelser. ØKONOMIUDVALGET 2. Ny …": the committee the next items come
# from, in capitals, before the item's number.
_PART_BEFORE_ITEM = re.compile(
    r"(?<=[.!?] )(?P<part>[A-ZÆØÅ]{4,}(?: [A-ZÆØÅ]{2,}){0,4})(?= \d{1,3}\.\s+[A-ZÆØÅ\"“])"
)
_LABEL_IN_PAGE = re.compile(
    r"\s+(?=(?:(?:Åben|Åbent|Lukket)\s+(?:sag|punkt)|Sagsnr\.?:|Sagsid\.?:|Dok\.\s?nr\.?:|"
    r"J\.\s?nr\.?:|Initialer:|Lovgrundlag:|Afbud:|Bilag:|Fraværende:|Deltagere:|Medlemmer:|Mødedato:|"
    r"Mødetidspunkt:|Mødested:|Sagen afgøres i:|Dato:|Tidspunkt:|Tid:|Sted:|Starttidspunkt:|"
    r"Sluttidspunkt:)(?:\s|$))"
)
# "… Anders Fog- Petersen. Til behandling forelå: …": a label after a full stop opens a line.
_LABEL_AFTER_SENTENCE = re.compile(
    r"(?<=[a-zæøå]\.)\s+(?=[A-ZÆØÅ][a-zæøå]+(?:\s+[a-zæøå]+){0,3}:\s)"
)
# The site strips the digits of dates: "Beslutning i Klima- og Miljøudvalget den Godkendt."
_DATELESS_DECISION = re.compile(
    r"(?:^|(?<=\s))(?P<heading>Beslutning(?:er)?(?:\s+i\s+[\wæøå]|\s+[A-ZÆØÅ])[\wæøå\- ]{2,60}?\s+den)"
    # ("… den : Godkendt.": the colon after the lost date kept)
    r"(?:\s*:)?\s+(?=[A-ZÆØÅ])"
)


_DOWNLOAD_TITLE = re.compile(r'^Download "(?P<title>.+)"\s*$', re.MULTILINE)


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
            pages.append(m["text"] or "")
            expected += 1
        elif pages:
            pages[-1] += "\n" + line
    if len(pages) < 2:
        return text
    # The site's title line is the PDF's first line; the rest before "Transkript" is its UI,
    # where the download link quotes the title whole (digits the transcript stripped kept).
    head = text[: mark.start()]
    download = _DOWNLOAD_TITLE.search(head)
    title = download["title"] if download else head.strip().split("\n", 1)[0].strip()
    body_header = _body_header(pages[0])
    if title and not title.startswith(("Save this", "Størrelse", "Download")):
        pages[0] = f"{title}\n\n{pages[0]}"
    pages = [re.sub(r"^Side \d{1,3}\s+|\s+Side \d{1,3}\s*$", "", page) for page in pages]
    if body_header is not None:
        pages = [pages[0], *(body_header.sub("", page) for page in pages[1:])]
    running = _running_header(pages[1:])
    pages = [
        pages[0],
        *(page[len(running) :].lstrip() if running and page.startswith(running + " ") else page
          for page in pages[1:]),
    ]  # fmt: skip
    if running.endswith(("Side", "Side:")):  # "… Side: 3 TIL KOMMUNALBESTYRELSENS AFGØRELSE"
        pages = [pages[0], *(re.sub(r"^\d{1,3}\s+", "", page) for page in pages[1:])]
    return "\n\f".join(_unflatten_page(page) for page in pages)


# "Teknikudvalget Referat Dato 24. september 2013 …": the body the first page names before
# the document's title, which each page's header repeats.
_FIRST_PAGE_BODY = re.compile(
    r"^(?P<body>[A-ZÆØÅ][\wæøå\-]*(?: (?:og|for|&|[A-ZÆØÅ][\wæøå\-]*)){0,5}?) "
    r"(?:Referat|REFERAT|Refer|Dagsorden|DAGSORDEN|Beslutningsprotokol)\b"
)


def _body_header(first_page: str) -> re.Pattern[str] | None:
    """A page's header: the municipality, the labels whose values the transcript lost ("Dato
    Side") and the body's name, before the page's own text ("Vordingborg Kommune Dato Side
    Teknikudvalget Orientering fra formanden …")."""
    m = _FIRST_PAGE_BODY.match(first_page)
    if m is None or not re.search(BODY_WORDS, m["body"], re.IGNORECASE):
        return None
    return re.compile(
        r"^(?:[A-ZÆØÅ][\wæøå\-]+ Kommune\s+)?(?:(?:Dato|Side|Mødedato|Sag nr\.?)\s+)*"
        rf"{re.escape(m['body'])}\s+(?=[A-ZÆØÅ0-9])"
    )


def _running_header(pages: list[str]) -> str:
    """The words most pages after the first open with ("Udvalget for Erhverv og Kultur, Side"):
    the longest opening shared by at least two pages and half of them (a contents page differs)."""
    if len(pages) < 2:
        return ""
    openings = [page.split(" ")[:8] for page in pages]
    for n in range(8, 0, -1):
        counts = Counter(tuple(o[:n]) for o in openings if len(o) > n)
        if counts:
            prefix, count = counts.most_common(1)[0]
            if count >= 2 and count * 2 >= len(pages):
                return " ".join(prefix)
    return ""


# "1. Orientering fra borgmesteren G Sagsfremstilling …": an item that opens its page, its
# title ended by the first section name (a one-letter case type may stand before it).
_ITEM_OPENS_PAGE = re.compile(
    rf"^(?P<start>\d{{1,3}}\.\s+[A-ZÆØÅ\"“][^\n]{{3,200}}?)\s+(?:[A-ZÆØÅ]\s+)?"
    # … or by its points ("1. Meddelelser a) Der afholdes …")
    rf"(?=(?:{_TITLE_CASE})\b|[a-h]\)\s)"
)
# "… biblioteksområdet Sagsfremstilling Byrådet vedtog …": a name no sentence uses opens a
# section wherever it stands on a transcript's page.
_UNMISTAKABLE = re.compile(
    r"(?<=[\wæøå] )(?:Sagsfremstilling|Sagsbeskrivelse|Beslutningstema|Sagsresumé|Sagsresume)"
    r"(?=:?\s+[A-ZÆØÅ])"
    # "… Handicaprådet Indstilling Formandsskabet indstiller: …": the heading over who proposes
    r"|(?<=\w )Indstilling(?=:?\s+(?:[A-ZÆØÅ][\wæøå-]+\s+){1,3}indstiller\b)"
)


# "Chr. 8. Vej 7": a number after an abbreviated name is part of the text, not an item's.
_AFTER_ABBREVIATION = re.compile(r"\b[A-ZÆØÅ][a-zæøå]{0,3}\.\s*$")


def _item_in_page(m: re.Match[str]) -> str:
    if _AFTER_ABBREVIATION.search(m.string, 0, m.start()):
        return m[0]
    if m.groupdict().get("kle"):
        return f"\n\n{m['kle']}\n\n{m['start']}\n\n"
    return f"\n\n{m['start']}\n\n"


# "Tilskud til kulturnat C20 14/1022 Åben sag …": a page that opens with an item whose number
# the transcript lost, its title ended by the KLE facet and journal number over its mark.
_UNNUMBERED_OPENS_PAGE = re.compile(
    r"^(?P<title>[A-ZÆØÅ][^\n]{3,200}?)\s+(?P<case>[A-ZÆØÅ]\d{2}\s+\d{2}/\d{1,6})\s+"
    r"(?=(?:Åben|Åbent|Lukket)\s+(?:sag|punkt)\b)"
)


def _unflatten_page(page: str) -> str:
    page = _UNNUMBERED_OPENS_PAGE.sub(lambda m: f"{m['title']}\n\n{m['case']}\n\n", page)
    page = _PART_BEFORE_ITEM.sub(lambda m: f"\n\n{m['part']}\n\n", page)
    page = _ITEM_IN_PAGE.sub(_item_in_page, page)
    page = _ITEM_CLOSES_PAGE.sub(_item_in_page, page)
    page = _ITEM_OPENS_PAGE.sub(lambda m: f"{m['start']}\n\n", page)
    page = _BODY_DATE_ITEM.sub(lambda m: f"\n\n{m[0]}\n\n", page)
    page = _UNMISTAKABLE.sub(lambda m: f"\n\n{m[0]}\n\n", page)
    page = _DATELESS_DECISION.sub(lambda m: f"\n\n{m['heading']}\n\n", page)
    page = _LABEL_IN_PAGE.sub("\n\n", page)
    page = _LABEL_AFTER_SENTENCE.sub("\n\n", page)
    return "\n".join(_unflatten_line(line, transcript=True) for line in page.split("\n"))
