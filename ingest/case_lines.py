"""Case-number lines at the top of an item: "Sagsnr.: 24/1234", "Åbent - 00.01.00A04 - 2009/12345".

An item's own case number is the one printed on a line of its own (with its label,
"Sagsid.:", "Sagsnr.", "Sagsinitialer: abc" and the like) at the top of the item, or
under a bare "Sagsnr." label on the next line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ingest.records import Block, BlockKind
from nlp.case_numbers import CaseScheme, find_case_numbers

CASE_LABEL_ALONE = re.compile(
    r"^(?:Sagsnr|Sags\s?nr|Sagsnummer|Sagsid|Sags\s?id|J\.\s?nr|Journalnr)\.?\s*:?$", re.I
)


# (The labels that carry a value first: "Sagsbehandler: Marie Jensen" is not "Sag" + text.)
_CASE_LABELS = re.compile(
    # ("DIRJHA / 25/4410": the case officer's initials before the number)
    r"^\s*[A-ZÆØÅ]{2,8}(?=\s*/)|"
    r"Sagsinitialer\s*:?\s*\w*|Sagsbehandler\s*:?\s*[\w ]*|"
    r"[\W_]|Åbent|Lukket|Sagsnr|Sagsnummer|Sagsid|Sag|nr|Journalnr|J",
    re.I,
)


# ("12/110": a year and serial alone under the title)
BARE_JOURNAL = re.compile(
    r"(?:0\d{3,7}|\d{5,8})-(?:19|20)\d{2}|(?:19|20)\d{2}-\d{5,8}|\d{2}/\d{3,6}"
)
_IDENTIFIER = re.compile(r"^[A-ZÆØÅ]{0,4}\d[\w]*(?:[-/.]\w+)+$|^\d{3,}$")


# "DIRJHA / 25/4410": the case officer's initials, then the journal number (Acadre's layout);
# "A00 15/2210": the KLE action facet, then the journal number.
_INITIALS_CASE = re.compile(r"(?:[A-ZÆØÅ]{2,8}\s*/|[A-ZÆØÅ]\d{2})\s*(?P<case>\d{2,4}/\d{2,6})")


# "IU 7/2024  J.nr. IU 31/2024", "BR 12/2021 J.nr. 2020-0123456": København's committees number
# their cases by committee and year, the journal number beside.
_COMMITTEE_CASE = re.compile(
    r"(?P<case>[A-ZÆØÅ]{2,5}\s+\d{1,4}/(?:19|20)\d{2})"
    r"(?:\s+J\.\s?nr\.?:?\s*(?:[A-ZÆØÅ]{2,5}\s+)?\d[\w/.-]*)?"
)
_JOURNAL_LABEL = re.compile(r"\s*(?:J\.\s?nr|Journalnr|Journal\s+nr)\b", re.I)


def is_case_line(block: Block) -> bool:
    """A line that is nothing but a case number (and its label)."""
    if block.kind is BlockKind.TABLE or len(block.text) > 100:
        return False
    text = block.text.strip()
    if _INITIALS_CASE.fullmatch(text) or BARE_JOURNAL.fullmatch(text):
        return True
    if _COMMITTEE_CASE.fullmatch(text):
        return True
    found = find_case_numbers(block.text)
    if not found:
        return False
    rest = block.text
    for c in found:
        rest = rest.replace(c.raw, "")
    return len(_CASE_LABELS.sub("", rest)) < 3


def case_numbers(head: Sequence[Block]) -> tuple[tuple[str, ...], int]:
    """Case numbers at the top of an item, and how many blocks are nothing but case-number lines."""
    numbers: list[str] = []
    consumed = 0
    # A journal number alone on the line under the title: "014433-2014", "2019-12345".
    if head and BARE_JOURNAL.fullmatch(head[0].text.strip()):
        return (head[0].text.strip(),), 1
    if head and (initials := _INITIALS_CASE.fullmatch(head[0].text.strip())):
        return (initials["case"],), 1
    if head and (committee := _COMMITTEE_CASE.fullmatch(head[0].text.strip())):
        return (" ".join(committee["case"].split()),), 1
    # "Sagsnr." on a line of its own, the identifier on the next: "450-2018-4075".
    for k in range(len(head) - 1):
        label, value = head[k].text.strip(), head[k + 1].text.strip()
        if (
            CASE_LABEL_ALONE.match(label)
            and _IDENTIFIER.match(value)
            and not find_case_numbers(value)
        ):
            return (value,), k + 2
    journal: list[str] = []  # "J.nr.: 00.30.10S00" beside "Sagsnr.: 24/1056": the case first
    for k, block in enumerate(head):
        found = find_case_numbers(block.text)
        if not found:
            if numbers or journal:
                break
            continue
        # "Åbent - 00.01.00A04 - 2007/34364": a KLE code with no serial classifies the case;
        # the journal number beside it is the case.
        found = sorted(found, key=lambda c: c.scheme is CaseScheme.KLE and c.kle_serial is None)
        (journal if _JOURNAL_LABEL.match(block.text) else numbers).extend(
            c.normalized for c in found
        )
        rest = block.text
        for c in found:
            rest = rest.replace(c.raw, "")
        if len(_CASE_LABELS.sub("", rest)) < 3:
            consumed = k + 1
    return tuple(dict.fromkeys(numbers + journal)), consumed
