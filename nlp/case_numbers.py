"""Case numbers: KLE journal numbers and the other forms municipalities use.

`normalized` is the identifier alone, the way people search for it:
KLE "15.00.00-G01-5-25", "EMN-2025-008579", "299835" for "Sagsnr. 299835",
"306-2009-600" for "Sag 306-2009-600", "20/33839" for "Sagsid.: 20/33839",
"A09" for "J.nr.: A09". "sag 315" and "sag nr. 56" are references to agenda
items, not case numbers (see nlp/references.py).
"""

from __future__ import annotations

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
    r"(?<![\w.\-])(?P<subject>\d{2}\.\d{2}(?:\.\d{2})?)-(?P<facet>[A-ZÆØÅ]\d{2})-(?P<serial>\d{1,6})-(?P<year>\d{2}|\d{4})(?![\w\-])"
)
_EMN = re.compile(r"(?<![\w\-])(?P<id>EMN-\d{4}-\d{4,8})(?![\w\-])", re.IGNORECASE)
_LABELLED = re.compile(
    r"(?P<label>Sagsnr\.?|Sagsnummer|Sags\s?id\.?|Sagsid\.?|J\.\s?nr\.?|Journalnr\.?|Journalnummer|Sag(?:\s+nr\.?)?)"
    r"\s*:?\s*(?P<id>[A-ZÆØÅ]{0,4}\d[\w]*(?:[-/.][\w]+)*)",
)


def _scheme(label: str, identifier: str) -> CaseScheme | None:
    label = label.lower().replace(" ", "")
    if label.startswith(("sagsnr", "sagsnummer")):
        return CaseScheme.SAGSNR
    if label.startswith(("sagsid", "sagsid.")):
        return CaseScheme.SAGSID
    if label.startswith(("j.nr", "journal")):
        return CaseScheme.JNR
    # A bare "sag 315" is an agenda reference; a case needs a structured id like "306-2009-600".
    if label.startswith("sag") and re.search(r"[-/]", identifier):
        return CaseScheme.SAG
    return None


def find_case_numbers(text: str) -> list[CaseNumber]:
    """Every case number in the text, in order of appearance."""
    found: list[CaseNumber] = []
    spans: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in spans)

    for m in _KLE.finditer(text):
        raw = m.group(0)
        year = m["year"]
        found.append(
            CaseNumber(raw, raw, CaseScheme.KLE, m["subject"], m["facet"], int(m["serial"]),
                       int(year[-2:]), m.start(), m.end())
        )  # fmt: skip
        spans.append(m.span())
    for m in _EMN.finditer(text):
        if free(*m.span()):
            found.append(
                CaseNumber(
                    m.group(0), m["id"].upper(), CaseScheme.EMN, start=m.start(), end=m.end()
                )
            )
            spans.append(m.span())
    for m in _LABELLED.finditer(text):
        identifier = m["id"].rstrip(".")
        scheme = _scheme(m["label"], identifier)
        start, end = m.start(), m.start("id") + len(identifier)
        if scheme is None or not free(start, end):
            continue
        # A KLE number behind a label was already found.
        if _KLE.fullmatch(identifier) or _EMN.fullmatch(identifier):
            continue
        found.append(CaseNumber(text[start:end], identifier, scheme, start=start, end=end))
        spans.append((start, end))
    return sorted(found, key=lambda c: c.start)


def parse_case_number(text: str) -> CaseNumber | None:
    found = find_case_numbers(text)
    return found[0] if found else None


def format_kle(subject: str, facet: str, serial: int, year: int) -> str:
    return f"{subject}-{facet}-{serial}-{year:02d}"
