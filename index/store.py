"""The vector store interface, shared types, and the choice between embedded and server Qdrant.

`open_store(settings)` gives Qdrant's engine embedded in the process
(qdrant-edge) in the data folder, or, with `QDRANT_URL` set, a Qdrant server
or cluster through qdrant-client. Both keep one collection with a dense
vector "dense" (cosine), a sparse vector "sparse" (BM25 with IDF) and payload
indexes on every filtered field.

Writes of one document are staged: its points are written with
`state="staged"`, then flipped to `state="live"` in one update, then older
points of that document are removed. Searches leave staged points out, so a crash
mid-write leaves the previous state searchable.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from index.filters import SearchFilter

if TYPE_CHECKING:
    from index.settings import IndexSettings

DENSE = "dense"
SPARSE = "sparse"
KEYWORD_FIELDS = (
    "committee", "case_numbers", "kle_groups", "kle_prefixes", "outcomes", "persons",
    "persons_present", "persons_absent", "voted_for", "voted_against", "parties", "kind",
    "doc_id", "item_id", "meeting_id", "year", "source", "chunk_type", "ingest_id", "state", "access",
)  # fmt: skip
DATETIME_FIELDS = ("meeting_date",)
FLOAT_FIELDS = ("amounts_abs",)
BOOL_FIELDS: tuple[str, ...] = ()
INTEGER_FIELDS = ("item_number",)
_NAMESPACE = uuid.UUID("6f1d7c1e-8f2a-4c55-9a43-2b1e0c6d5a10")


class StoreError(Exception):
    """A problem with the index store, with a message for people."""


class StoreLocked(StoreError):
    pass


class ModelMismatch(StoreError):
    pass


@dataclass(frozen=True)
class SparseVector:
    indices: tuple[int, ...]
    values: tuple[float, ...]


@dataclass(frozen=True)
class StorePoint:
    id: str
    dense: Sequence[float]
    sparse: SparseVector
    payload: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Hit:
    id: str
    score: float
    payload: dict[str, Any]


@dataclass(frozen=True)
class IndexInfo:
    model_name: str
    dim: int
    points: int


def point_uuid(key: str) -> str:
    """A stable point id for a chunk key: the same chunk always lands on the same point."""
    return str(uuid.uuid5(_NAMESPACE, key))


class Store(Protocol):
    def ensure_collection(self, dim: int, model_name: str) -> None: ...

    def index_info(self) -> IndexInfo | None: ...

    def upsert(self, points: Sequence[StorePoint]) -> None: ...

    def replace_document(self, doc_id: str, points: Sequence[StorePoint]) -> None: ...

    def delete(self, flt: SearchFilter) -> None: ...

    def query(
        self,
        dense: Sequence[float] | None,
        sparse: SparseVector | None,
        flt: SearchFilter | None,
        limit: int,
        prefetch_limit: int = 100,
        mode: str = "hybrid",
    ) -> list[Hit]: ...

    def scroll(self, flt: SearchFilter | None, limit: int | None = None) -> Iterator[Hit]: ...

    def count(self, flt: SearchFilter | None = None) -> int: ...

    def facet(self, key: str, flt: SearchFilter | None, limit: int = 50) -> dict[str, int]: ...

    def flush(self) -> None: ...

    def close(self) -> None: ...


def check_model(existing: IndexInfo | None, dim: int, model_name: str, where: str) -> None:
    if existing is not None and (existing.model_name != model_name or existing.dim != dim):
        raise ModelMismatch(
            f"the index at {where} was built with {existing.model_name} ({existing.dim} dimensions), "
            f"not {model_name} ({dim}); use the same model (MINUTES_MODEL) or a new MINUTES_DATA"
        )


def new_ingest_id() -> str:
    return uuid.uuid4().hex


def open_store(settings: IndexSettings) -> Store:
    if settings.qdrant_url:
        from index.store_qdrant import QdrantStore

        return QdrantStore.connect(settings)
    from index.store_edge import EdgeStore

    return EdgeStore.open(settings.store_dir)
