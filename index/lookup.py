"""Item and meeting ids as people pass them: the current ids and the ids of before.

A current id (`ingest.records.Document.item_id`,
`randers-2025-08-12-beskaeftigelsesudvalget-punkt-74`) is matched as it is.
An id of before (`2025-08-12-beskaeftigelsesudvalget#74`, also written
`…%2374`; a background section `<document id>#s3`; a meeting
`2025-08-12-beskaeftigelsesudvalget`) is matched against the aliases the
index keeps beside each item (`item_aliases`, `meeting_aliases`). An id of
before has no municipality, so it can name items of several municipalities
(Randers and Vejle both have a Beskæftigelsesudvalget that met on 12 August
2025, both with an item 74): the lookup then gives every current id it names
and no record, and the caller asks which one is meant (the API answers 409,
`minutes show` an error listing them).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

from index.filters import SearchFilter
from index.store import Store

MEETING_ITEMS = 5000  # title points read for one meeting
CANDIDATES = 50  # ids of before naming more items than this are listed in part


@dataclass(frozen=True)
class Found:
    """What an id names: `ids` are the current ids (none, one, or for an id of before
    several); `records` are the item records when it names one item or one meeting."""

    ids: tuple[str, ...] = ()
    records: list[dict[str, Any]] = field(default_factory=list)
    legacy: bool = False  # the id given was an id of before, not the current one

    @property
    def ambiguous(self) -> bool:
        return len(self.ids) > 1

    @property
    def id(self) -> str | None:
        """The one current id, when there is one."""
        return self.ids[0] if len(self.ids) == 1 else None


def normalise(raw: str) -> str:
    """An id as typed or pasted: blanks trimmed, `%23` and other escapes undone, lower case."""
    text = raw.strip()
    if "%" in text:
        text = unquote(text)
    return text.lower()


def _titles(store: Store, flt: SearchFilter, limit: int) -> list[dict[str, Any]]:
    return [h.payload for h in store.scroll(flt, limit=limit)]


def find_item(store: Store, raw: str) -> Found:
    """The item `raw` names: by its current id, else by an id of before."""
    key = normalise(raw)
    if not key:
        return Found()
    exact = _titles(store, SearchFilter(item_ids=(key,), chunk_types=("title",)), 1)
    if exact:
        return Found((key,), [p["record"] for p in exact if "record" in p])
    hits = _titles(store, SearchFilter(item_aliases=(key,), chunk_types=("title",)), CANDIDATES)
    by_id = {p["item_id"]: p for p in hits}
    ids = tuple(sorted(by_id))
    if len(ids) != 1:
        return Found(ids, legacy=True)
    payload = by_id[ids[0]]
    return Found(ids, [payload["record"]] if "record" in payload else [], legacy=True)


def find_meeting(store: Store, raw: str) -> Found:
    """The meeting `raw` names, with its items' records in order of their numbers."""
    key = normalise(raw)
    if not key:
        return Found()
    hits = _titles(store, SearchFilter(meeting_ids=(key,), chunk_types=("title",)), MEETING_ITEMS)
    legacy = not hits
    if legacy:
        hits = _titles(
            store, SearchFilter(meeting_aliases=(key,), chunk_types=("title",)), MEETING_ITEMS
        )
    ids = tuple(sorted({p["meeting_id"] for p in hits if p.get("meeting_id")}))
    if len(ids) != 1:
        return Found(ids, legacy=legacy)
    records = [p["record"] for p in hits if "record" in p]
    records.sort(key=lambda r: r.get("number") or 0)
    return Found(ids, records, legacy=legacy)


def ambiguity(raw: str, found: Found) -> str:
    """The message for an id of before that names several items or meetings."""
    return (
        f"'{raw}' er et id fra før id'er bar kommunens navn, og det passer på flere: "
        f"{', '.join(found.ids)}. Brug et af dem."
    )
