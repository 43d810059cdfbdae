"""Ingest files into the index: parse, extract, chunk, embed, write. Idempotent and crash-safe.

A file is identified by its bytes (sha256): the same bytes again do no work,
whatever the file is called. A file replaces other documents only as
`index.identity` says (the same meeting re-published, or `replace` asked
for), and the result names each one it replaced. The new points are written
first and only then are the old ones removed, so an interruption at any moment
leaves the previous version searchable.

Every file gets a result: a file that cannot be read fails with a named reason
and a machine `code`, and the batch goes on, whatever went wrong in it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import threading
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, cast

from index import commit
from index.chunks import Chunk, chunk_sections
from index.embedder import Embedder
from index.files import FileStore
from index.filters import SearchFilter
from index.identity import replaced_documents
from index.sparse import SparseEncoder
from index.store import Store, StoreError, StorePoint, point_uuid
from index.units import Unit, item_unit, section_units
from ingest import Document, DocumentKind, IngestError, parse_bytes
from ingest.parse import SUPPORTED_SUFFIXES
from nlp.extract import extract_meeting_items, with_meeting_absentees

EMBED_BATCH = 32
log = logging.getLogger(__name__)
# Called as a file is ingested: (phase, done, total). The phases, in Danish for the status page:
READING, EXTRACTING, EMBEDDING, WRITING = "læser", "udtrækker", "indlejrer", "skriver"
Progress = Callable[[str, int, int], None]
# A writer's lock, held for one bounded store step at a time.
Step = Callable[[], AbstractContextManager[Any]]


class Interrupted(Exception):
    """The ingest was asked to stop (the server is stopping); nothing of the file went live."""


def error_code(exc: BaseException) -> str:
    """A machine code for a failure: `EncryptedPDF` is "encrypted_pdf"; anything unforeseen "internal_error"."""
    return exc.code if isinstance(exc, IngestError) else "internal_error"


@dataclass(frozen=True)
class FileResult:
    source: str
    status: str  # "ingested" | "unchanged" | "failed"
    doc_id: str | None = None
    kind: str | None = None
    meetings: int = 0
    items: int = 0
    chunks: int = 0
    cpr_redacted: int = 0
    reason: str | None = None
    code: str | None = None  # why it failed, for machines: "encrypted_pdf", "corrupt_pdf", ...
    replaced: tuple[dict[str, str], ...] = ()  # documents this one replaced, and why


@dataclass
class IngestSummary:
    results: list[FileResult] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def failures(self) -> list[FileResult]:
        return [r for r in self.results if r.status == "failed"]

    def as_dict(self) -> dict:
        return {
            "files": len(self.results),
            "ingested": self.count("ingested"),
            "unchanged": self.count("unchanged"),
            "failed": self.count("failed"),
            "replaced": sum(len(r.replaced) for r in self.results),
            "meetings": sum(r.meetings for r in self.results),
            "items": sum(r.items for r in self.results),
            "chunks": sum(r.chunks for r in self.results),
            "cpr_redacted": sum(r.cpr_redacted for r in self.results),
            "results": [r.__dict__ for r in self.results],
        }


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files under the given paths that minutes can read, sorted; explicit files are kept as given.

    In a folder, hidden files and folders and README files (a folder's description,
    not a document of it) are passed over.
    """
    found: list[Path] = []
    for path in paths:
        if not path.is_dir():
            found.append(path)
            continue
        for p in sorted(path.rglob("*")):
            inside = p.relative_to(path).parts
            if (
                p.is_file()
                and p.suffix.lower() in SUPPORTED_SUFFIXES
                and not any(part.startswith(".") for part in inside)
                and not p.stem.lower().startswith("readme")
            ):
                found.append(p)
    return found


class Indexer:
    def __init__(
        self,
        store: Store,
        embedder: Embedder,
        sparse: SparseEncoder,
        files: FileStore | None = None,
    ):
        self.store = store
        self.embedder = embedder
        self.sparse = sparse
        self.files = files  # where the original files are kept and served from (index.files)
        self.store.ensure_collection(embedder.dim, embedder.name)
        # One ingest at a time per document (the same bytes): another waits, then finds it indexed.
        self._in_flight: set[str] = set()
        self._in_flight_changed = threading.Condition()

    def is_indexed(self, doc_id: str) -> bool:
        return self.store.count(SearchFilter(document_ids=(doc_id,))) > 0

    def units(self, document: Document) -> tuple[list[Unit], int]:
        """The document's search units, and how many CPR numbers parsing redacted (`ingest.redact`)."""
        # Minutes whose items could not be told apart are searched by their sections.
        if document.kind is DocumentKind.OTHER or not document.items:
            return section_units(document), document.cpr_redacted
        extractions = extract_meeting_items(
            document.meeting, document.items, resolver=self.resolve_reference
        )
        document = with_meeting_absentees(document, extractions)
        return [
            item_unit(document, it, ex) for it, ex in zip(document.items, extractions, strict=True)
        ], document.cpr_redacted

    def _points(
        self, units: Sequence[Unit], progress: Progress = lambda *_: None
    ) -> list[StorePoint]:
        chunks: list[tuple[Unit, Chunk]] = [
            (unit, chunk)
            for unit in units
            for chunk in chunk_sections(unit.id, unit.title, unit.header, unit.sections)
        ]
        texts = [c.text for _, c in chunks]
        dense = []
        for start in range(0, len(texts), EMBED_BATCH):
            progress(EMBEDDING, start, len(texts))
            dense.extend(self.embedder.embed_passages(texts[start : start + EMBED_BATCH]))
        points = []
        for (unit, chunk), vector in zip(chunks, dense, strict=True):
            payload = dict(unit.payload)
            payload |= {
                "chunk_id": chunk.id,
                "chunk_type": "title" if chunk.section_kind == "title" else "text",
                "section": chunk.section,
                "section_kind": chunk.section_kind,
                "pages": list(chunk.pages),
                "text": chunk.text,
            }
            if chunk.section_kind == "title":
                payload["record"] = unit.record
            points.append(
                StorePoint(
                    id=point_uuid(f"{payload['doc_id']}/{chunk.id}"),
                    dense=[float(x) for x in vector],
                    sparse=self.sparse.encode_document(chunk.text),
                    payload=payload,
                )
            )
        return points

    def ingest_bytes(
        self,
        data: bytes,
        source: str,
        replace: bool = False,
        step: Step = nullcontext,
        progress: Progress = lambda *_: None,
    ) -> FileResult:
        """Index one file. `replace`: it also replaces documents of the same file name.

        Reading, extraction and embedding take no lock; the store is written inside
        `step()` (a writer's lock) one bounded step at a time: a batch of staged
        points, then the switch to the new version. `progress` is told each phase;
        it may raise `Interrupted` to stop before anything goes live.
        """
        doc_id = hashlib.sha256(data).hexdigest()[:16]
        with self._in_flight_changed:
            self._in_flight_changed.wait_for(lambda: doc_id not in self._in_flight)
            self._in_flight.add(doc_id)
        try:
            return self._ingest(data, source, doc_id, replace, step, progress)
        finally:
            with self._in_flight_changed:
                self._in_flight.discard(doc_id)
                self._in_flight_changed.notify_all()

    def _ingest(
        self, data: bytes, source: str, doc_id: str, replace: bool, step: Step, progress: Progress
    ) -> FileResult:
        if self.is_indexed(doc_id):
            return self._unchanged(source, doc_id)
        try:
            progress(READING, 0, 1)
            document = parse_bytes(data, source)
            progress(EXTRACTING, 0, 1)
            units, redacted = self.units(document)
            self._stamp(units, data, document)
            points = self._points(units, progress)
        except (StoreError, Interrupted):
            raise  # the index's trouble or a stop, not the file's
        except Exception as exc:  # a file's failure is its own: the batch goes on
            code = error_code(exc)
            if not isinstance(exc, IngestError):
                log.exception("%s: unexpected error while reading", source)
                exc = IngestError(source, f"uventet fejl under læsningen: {type(exc).__name__}")
            return FileResult(source, "failed", reason=str(exc), code=code)
        engine = cast(commit.Engine, self.store)  # every store is the commit protocol's engine
        staged = commit.stage(
            engine, document.id, points, step, lambda done, total: progress(WRITING, done, total)
        )
        with step():
            # What the new document replaces is read and removed in the step it goes live in.
            replaced = replaced_documents(self.store, document, by_name=replace)
            commit.make_live(engine, staged, supersedes=[r.doc_id for r in replaced])
        self._drop_files([r.doc_id for r in replaced])
        return FileResult(
            document.source,
            "ingested",
            document.id,
            document.kind.value,
            meetings=1 if document.meeting else 0,
            items=len(units),
            chunks=len(points),
            cpr_redacted=redacted,
            replaced=tuple(r.as_dict() for r in replaced),
        )

    def _stamp(self, units: Sequence[Unit], data: bytes, document: Document) -> None:
        """When the document arrived, and its original file (kept here, named by its content).

        A document whose parsing redacted CPR numbers keeps no file: the original holds them.
        """
        stamp: dict[str, str] = {"ingested_at": dt.datetime.now(dt.UTC).isoformat()}
        if self.files is not None and not document.cpr_redacted:
            stamp["file"] = self.files.put(data, document.source)
        for unit in units:
            unit.payload.update(stamp)

    def _drop_files(self, doc_ids: Sequence[str]) -> None:
        """Remove the files of documents no longer indexed (deleted, or replaced by a new version)."""
        if self.files is None:
            return
        for doc_id in doc_ids:
            if self.is_indexed(doc_id):
                continue
            # The file name carries the whole sha256, of which the document id is the start.
            for path in self.files.folder.glob(f"{doc_id}*"):
                self.files.remove(path.name)

    def _unchanged(self, source: str, doc_id: str) -> FileResult:
        """The same bytes are indexed already, perhaps under another name, which is said."""
        names = self.store.facet("source", SearchFilter(document_ids=(doc_id,)), limit=5)
        if not names or source in names:
            return FileResult(source, "unchanged", doc_id)
        note = f"samme indhold som {', '.join(sorted(names))}, der allerede er indekseret"
        return FileResult(source, "unchanged", doc_id, reason=note, code="duplicate")

    def resolve_reference(
        self, body: str | None, date: dt.date | None, item: int | None
    ) -> str | None:
        """The id of an indexed item (or meeting) that a reference like "punkt 59 den 11. juni 2025" points to."""
        if date is None:
            return None
        flt = SearchFilter(date_from=date, date_to=date, chunk_types=("title",), kinds=("minutes",))
        if item is not None:
            flt = replace(flt, item_numbers=(item,))
        hits = list(self.store.scroll(flt, limit=20))
        if body:
            named = [
                h
                for h in hits
                if body.lower().rstrip("s") in (h.payload.get("committee") or "").lower()
            ]
            hits = named or hits
        if len(hits) != 1 and not (hits and item is None):
            return None
        return hits[0].payload["item_id"] if item is not None else hits[0].payload.get("meeting_id")

    def ingest_paths(
        self,
        paths: Sequence[Path],
        on_file: Callable[[Path, FileResult], None] | None = None,
        replace: bool = False,
    ) -> IngestSummary:
        summary = IngestSummary()
        for path in paths:
            try:
                data = path.read_bytes()
            except OSError as exc:
                result = FileResult(
                    path.name,
                    "failed",
                    reason=f"{path}: kan ikke læses ({exc.strerror})",
                    code="unreadable_file",
                )
            else:
                result = self.ingest_bytes(data, path.name, replace=replace)
            summary.results.append(result)
            if on_file:
                on_file(path, result)
        self.store.flush()
        # A batch ends with the engine's search indexes built, so the next search is fast.
        self.store.optimize()
        return summary

    def delete_document(self, doc_id: str) -> bool:
        if not self.is_indexed(doc_id):
            return False
        self.store.delete(SearchFilter(document_ids=(doc_id,)))
        self.store.flush()
        self._drop_files([doc_id])
        return True
