"""Which indexed documents a new one replaces: a document is its content and its meeting, not its name.

The same bytes are the same document (its id is their sha256). Different
bytes are a different document, kept beside the others, whatever the file is
called: `a/referat.pdf` and `b/referat.pdf` are two documents. A new document
replaces others only when

- it is the minutes of a meeting already indexed from other bytes: the same
  meeting id and municipality (the meeting re-published, corrected), or
- the user asks for it (`minutes ingest --replace`, `replace=true` on
  `POST /documents`): then documents of the same file name are replaced too.

Each replacement is reported with the reason (`Replaced`).
"""

from __future__ import annotations

from dataclasses import dataclass

from index.filters import SearchFilter
from index.store import Store
from ingest.records import Document

MEETING_ITEMS = 5000  # title points read to find the documents of one meeting


@dataclass(frozen=True)
class Replaced:
    doc_id: str
    source: str
    why: str  # "same_meeting" or "same_name"

    def as_dict(self) -> dict[str, str]:
        return {"doc_id": self.doc_id, "source": self.source, "why": self.why}


def _same_meeting(store: Store, document: Document) -> dict[str, Replaced]:
    meeting = document.meeting
    if meeting is None:
        return {}
    found: dict[str, Replaced] = {}
    # An index written before meeting ids carried the municipality holds the id of before.
    ids = tuple(dict.fromkeys((meeting.id, meeting.legacy_id)))
    titles = SearchFilter(meeting_ids=ids, chunk_types=("title",))
    for hit in store.scroll(titles, limit=MEETING_ITEMS):
        payload = hit.payload
        if payload.get("municipality") == meeting.municipality:
            doc_id = payload["doc_id"]
            found[doc_id] = Replaced(doc_id, payload.get("source", ""), "same_meeting")
    return found


def _same_name(store: Store, document: Document) -> dict[str, Replaced]:
    sources = SearchFilter(sources=(document.source,))
    return {
        doc_id: Replaced(doc_id, document.source, "same_name")
        for doc_id in store.facet("doc_id", sources, limit=100)
    }


def replaced_documents(store: Store, document: Document, by_name: bool = False) -> list[Replaced]:
    """The indexed documents `document` replaces (never itself), sorted by id."""
    found = _same_meeting(store, document)
    if by_name:
        found = _same_name(store, document) | found
    found.pop(document.id, None)
    return [found[doc_id] for doc_id in sorted(found)]
