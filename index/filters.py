"""Engine-neutral search filters, and their translation into payload conditions.

Both store implementations turn `Condition`s into their engine's filter
objects, so a filter means the same on the embedded engine and on a server.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

PERSON_FIELDS = {
    None: "persons",
    "present": "persons_present",
    "absent": "persons_absent",
    "voted_for": "voted_for",
    "voted_against": "voted_against",
}
PARTY_FIELDS = {
    None: "parties",
    "voted_for": "parties_voted_for",
    "voted_against": "parties_voted_against",
}


@dataclass(frozen=True)
class SearchFilter:
    committees: tuple[str, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    case_numbers: tuple[str, ...] = ()
    case_prefix: str | None = None  # a KLE prefix: "15", "15.00" or "15.00.00"
    outcomes: tuple[str, ...] = ()
    persons: tuple[str, ...] = ()
    person_role: str | None = None  # None (any mention), present, absent, voted_for, voted_against
    parties: tuple[str, ...] = ()
    party_role: str | None = None  # None (any mention), voted_for, voted_against
    voted: bool | None = None  # items with (True) or without (False) a counted or named vote
    absence: bool | None = None  # items where someone was (True) or nobody was (False) absent
    has_amount: bool | None = None  # items naming (True) or not naming (False) an amount
    min_amount: Decimal | None = None
    max_amount: Decimal | None = None
    kinds: tuple[str, ...] = ()
    document_ids: tuple[str, ...] = ()
    item_ids: tuple[str, ...] = ()
    item_aliases: tuple[str, ...] = ()  # ids of before: "2025-08-12-beskaeftigelsesudvalget#74"
    item_numbers: tuple[int, ...] = ()
    meeting_ids: tuple[str, ...] = ()
    meeting_aliases: tuple[str, ...] = ()  # "2025-08-12-beskaeftigelsesudvalget"
    sources: tuple[str, ...] = ()
    chunk_types: tuple[str, ...] = ()  # "title" (one per item, carries the record) or "text"
    closed: bool | None = None
    include_staged: bool = (
        False  # also points of an ingest that has not committed ("state": "staged")
    )
    # Documents and versions (doc ids, ingest ids) that a committed replacement supersedes while
    # it is unfinished (`index.commit.superseded`), left out. None: the store reads them itself.
    superseded: tuple[str, ...] | None = None

    @property
    def brings_own_view(self) -> bool:
        """The filter names what to leave out already (a caller's view) or asks for staged
        points (the raw index): it is read as it is, not in the store's view."""
        return self.superseded is not None or self.include_staged


@dataclass(frozen=True)
class Condition:
    """One payload condition: match any of `values`, or a range (`gte`/`lte`) on `key`."""

    key: str
    values: tuple[str | bool | int, ...] = ()
    gte: float | str | None = None
    lte: float | str | None = None
    is_datetime: bool = False
    min_count: int | None = None  # at least this many values (a list that is not empty: 1)


def _iso(date: dt.date, end_of_day: bool = False) -> str:
    return f"{date.isoformat()}T{'23:59:59' if end_of_day else '00:00:00'}Z"


def conditions(flt: SearchFilter | None) -> tuple[list[Condition], list[Condition]]:
    """(must, must_not) conditions for a filter. Staged points are left out unless asked for."""
    flt = flt or SearchFilter()
    must: list[Condition] = [] if flt.include_staged else [Condition("state", ("live",))]
    must_not: list[Condition] = []
    for key, values in (
        ("committee", flt.committees),
        ("case_numbers", flt.case_numbers),
        ("outcomes", flt.outcomes),
        (PARTY_FIELDS[flt.party_role], flt.parties),
        ("kind", flt.kinds),
        ("doc_id", flt.document_ids),
        ("item_id", flt.item_ids),
        ("item_aliases", flt.item_aliases),
        ("meeting_id", flt.meeting_ids),
        ("meeting_aliases", flt.meeting_aliases),
        ("source", flt.sources),
        ("chunk_type", flt.chunk_types),
        ("item_number", flt.item_numbers),
        (PERSON_FIELDS[flt.person_role], flt.persons),
    ):
        if values:
            must.append(Condition(key, tuple(values)))
    if flt.case_prefix:
        must.append(Condition("kle_prefixes", (flt.case_prefix,)))
    if flt.date_from or flt.date_to:
        must.append(
            Condition(
                "meeting_date",
                gte=_iso(flt.date_from) if flt.date_from else None,
                lte=_iso(flt.date_to, end_of_day=True) if flt.date_to else None,
                is_datetime=True,
            )
        )
    # An item qualifies when one of its amounts lies in the range. Amounts are compared by
    # size: a saving of -15,6 mio. kr. is an amount of 15,6 mio. kr.
    if flt.min_amount is not None or flt.max_amount is not None:
        must.append(
            Condition(
                "amounts_abs",
                gte=float(abs(flt.min_amount)) if flt.min_amount is not None else None,
                lte=float(abs(flt.max_amount)) if flt.max_amount is not None else None,
            )
        )
    for key, wanted in (("persons_absent", flt.absence), ("amounts_abs", flt.has_amount)):
        if wanted is not None:
            (must if wanted else must_not).append(Condition(key, min_count=1))
    if flt.voted is not None:  # a keyword, as "access" below
        must.append(Condition("voted", ("yes" if flt.voted else "no",)))
    if flt.superseded:
        # One list of both: a document's id (16 hex digits) is never an ingest id ("ingest-…").
        must_not.append(Condition("doc_id", flt.superseded))
        must_not.append(Condition("ingest_id", flt.superseded))
    if flt.closed is not None:
        # A keyword, not the boolean "closed": qdrant-edge 0.9 matches booleans as integers and finds nothing.
        must.append(Condition("access", ("closed" if flt.closed else "open",)))
    return must, must_not
