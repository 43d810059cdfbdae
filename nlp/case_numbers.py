"""Case numbers: KLE journal numbers and the other forms municipalities use.

`normalized` is the identifier alone, the way people search for it:
KLE "15.00.00-G01-5-25", "EMN-2025-008579", "299835" for "Sagsnr. 299835",
"306-2009-600" for "Sag 306-2009-600", "20/33839" for "Sagsid.: 20/33839",
"A09" for "J.nr.: A09". A KLE or EMN number behind a label ("Journalnr.
27.00.00-A00-1-21") keeps its own scheme.

A bare "Sag"/"Sag nr." counts only before a serial-year-number identifier
("Sag 306-2009-600") or a two-digit year and serial ("sag 20/33839"): "sag 315",
"sag nr. 56", "sag 2025-2026" are references to agenda items or years
(nlp/references.py handles the references).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from enum import StrEnum


class CaseScheme(StrEnum):
    KLE = "kle"
    EMN = "emn"
    SAGSNR = "sagsnr"
    SAG = "sag"
    SAGSID = "sagsid"
    JNR = "jnr"
    OTHER = "other"


@dataclass(frozen=True)
class CaseNumber:
    raw: str
    normalized: str
    scheme: CaseScheme
    kle_subject: str | None = None  # "15.00.00"
    kle_facet: str | None = None  # "G01"
    kle_serial: int | None = None  # 5
    kle_year: int | None = None  # 25, two digits as written
    start: int = 0
    end: int = 0

    @property
    def kle_group(self) -> str | None:
        """The KLE main group ("15" = employment), a topic facet."""
        return self.kle_subject.split(".")[0] if self.kle_subject else None


_KLE = re.compile(
    r"(?<![\w.\-])(?P<subject>[0-9]{2}\.[0-9]{2}(?:\.[0-9]{2})?)-(?P<facet>[A-ZÆØÅ][0-9]{2})"
    r"-(?P<serial>[0-9]{1,6})-(?P<year>[0-9]{2}|[0-9]{4})(?![\w\-])"
)
# Older systems glue the facet to the subject and may leave out the year or the serial:
# "00.01.00P35-0098", "00.01.00A04" (the year and serial then follow as "2009/12345"), and
# a group's number with its facet, "01.02G00 - 2017/27088".
_KLE_GLUED = re.compile(
    r"(?<![\w.\-])(?P<subject>[0-9]{2}\.[0-9]{2}\.[0-9]{2}(?=-?[A-ZÆØÅ])|[0-9]{2}\.[0-9]{2}(?=[A-ZÆØÅ]))"
    r"-?(?P<facet>[A-ZÆØÅ][0-9]{2})"
    # ("05.01.00G01/412": the serial after a slash)
    r"(?:-(?P<serial>[0-9]{1,6})|/(?P<slashed>[0-9]{1,6})(?![\w/]))?(?![\w\-])"
)
_YEAR_SERIAL = re.compile(r"(?<![\w/\-.])(?P<id>(?:19|20)[0-9]{2}/[0-9]{3,})(?![\w/\-])")
_EMN = re.compile(r"(?<![\w\-])(?P<id>EMN-[0-9]{4}-[0-9]{4,8})(?![\w\-])", re.IGNORECASE)
_LABELLED = re.compile(
    r"(?<!\w)(?P<label>Sagsnr\.?|Sags\s+nr\.?|Sagsnummer|Sags\s?id\.?|J\.\s?nr\.?|Journalnr\.?"
    r"|Journalnummer|Sag(?:\s+nr\.?)?)"
    # (not "Sagsnr.: 14/ Område", a number whose digits a transcript stripped)
    r"(?:\s*:\s*|\s+|(?<=\.))(?P<id>[A-ZÆØÅ]{0,4}[0-9][\w]*(?:[-/.][\w]+)*)(?!\w|[-/](?:\s|$))",
    re.IGNORECASE,
)
# What a bare "Sag" needs: serial-year-number or year/serial. Dates and year ranges fail both.
_SAG_ID = re.compile(
    r"[0-9]+-(?:19|20)[0-9]{2}-[0-9]+|[0-9]{2}/[0-9]{4,}|(?:19|20)[0-9]{2}[-/][0-9]{5,}"
)


def _scheme(label: str, identifier: str) -> CaseScheme | None:
    label = re.sub(r"[\s.]", "", label.lower())
    if label.startswith(("sagsnr", "sagsnummer")):
        return CaseScheme.SAGSNR
    if label.startswith("sagsid"):
        return CaseScheme.SAGSID
    if label.startswith(("jnr", "journal")):
        return CaseScheme.JNR
    # "sag 315", "sag nr. 56" point at agenda items (nlp/references.py); "Sag 306-2009-600" is a case.
    if _SAG_ID.fullmatch(identifier):
        return CaseScheme.SAG
    return None


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the sorted, disjoint spans."""
    i = bisect.bisect_left(spans, (end,))
    return i > 0 and spans[i - 1][1] > start


def find_case_numbers(text: str) -> list[CaseNumber]:
    """Every case number in the text, in order of appearance."""
    found: list[CaseNumber] = []
    spans: list[tuple[int, int]] = []

    def add(case: CaseNumber) -> None:
        if not _overlaps(spans, case.start, case.end):
            found.append(case)
            bisect.insort(spans, (case.start, case.end))

    for m in _KLE.finditer(text):
        subject, facet, serial, year = (
            m["subject"],
            m["facet"],
            int(m["serial"]),
            int(m["year"][-2:]),
        )
        add(CaseNumber(m[0], m[0], CaseScheme.KLE, subject, facet, serial, year, *m.span()))
    for m in _KLE_GLUED.finditer(text):
        serial = int(m["serial"] or m["slashed"]) if m["serial"] or m["slashed"] else None
        add(
            CaseNumber(
                m[0], m[0], CaseScheme.KLE, m["subject"], m["facet"], serial, None, *m.span()
            )
        )
    # "Åbent - 00.01.00A04 - 2009/12345": a year/serial beside a KLE subject is the case's own.
    if found:
        for m in _YEAR_SERIAL.finditer(text):
            add(CaseNumber(m[0], m["id"], CaseScheme.OTHER, start=m.start(), end=m.end()))
    for m in _EMN.finditer(text):
        add(CaseNumber(m[0], m["id"].upper(), CaseScheme.EMN, start=m.start(), end=m.end()))
    for m in _LABELLED.finditer(text):
        identifier = m["id"].rstrip(".")
        scheme = _scheme(m["label"], identifier)
        # A labelled KLE or EMN number ("Journalnr. 27.00.00-A00-1-21") was found above.
        if scheme is None or _KLE.fullmatch(identifier) or _EMN.fullmatch(identifier):
            continue
        end = m.start("id") + len(identifier)
        add(CaseNumber(text[m.start() : end], identifier, scheme, start=m.start(), end=end))
    return sorted(found, key=lambda c: c.start)


def parse_case_number(text: str) -> CaseNumber | None:
    """The first case number in the text, or None."""
    found = find_case_numbers(text)
    return found[0] if found else None


def format_kle(subject: str, facet: str, serial: int, year: int) -> str:
    """ "15.00.00", "G01", 5, 25 -> "15.00.00-G01-5-25"; the inverse of the KLE parts."""
    return f"{subject}-{facet}-{serial}-{year:02d}"
