"""The vector store interface, shared types, and the choice between embedded and server Qdrant.

`open_store(settings)` gives Qdrant's engine embedded in the process
(qdrant-edge) in the data folder, or, with `QDRANT_URL` set, a Qdrant server
or cluster through qdrant-client. Both keep one collection with a dense
vector "dense" (cosine), a sparse vector "sparse" (BM25 with IDF) and payload
indexes on every filtered field.

Index metadata (embedding model, dimension, sparse format) sits in
`index.json` beside the edge shard, and in the collection's own `metadata`
on a server, so no reserved point has to be kept out of searches.

Replacing a document (`replace_document`) is crash-safe, and a store opened
under its lock settles what an interrupted replacement left: see
index/commit.py. Searches only see `state="live"`, and of a replacement
under way, one version (`view`, `read_in_one_view`).
"""

from __future__ import annotations

import fcntl
import os
import uuid
from collections.abc import Callable, Hashable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol, TypeVar

from index.commit import RESERVED_KEYS
from index.filters import SearchFilter

if TYPE_CHECKING:
    from index.settings import IndexSettings

DENSE = "dense"
SPARSE = "sparse"
# The sparse vectors' layout (index/sparse.py). An index written with another layout
# cannot match identifier tokens, so opening it asks for a rebuild.
SPARSE_FORMAT = "bm25-danish+identifiers/3"  # 3: compounds split into every known part
KEYWORD_FIELDS = (
    "committee", "case_numbers", "kle_groups", "kle_prefixes", "outcomes", "persons",
    "persons_present", "persons_absent", "voted_for", "voted_against", "parties", "kind",
    "doc_id", "item_id", "meeting_id", "year", "source", "chunk_type", "ingest_id", "state", "access",
    "supersedes", "voted", "parties_voted_for", "parties_voted_against", "item_aliases",
    "meeting_aliases",
)  # fmt: skip
DATETIME_FIELDS = ("meeting_date",)
FLOAT_FIELDS = ("amounts_abs",)
# "closed" is filtered through the keyword "access": qdrant-edge 0.9 matches booleans as
# integers and finds nothing (MatchValue(True) counts 0 points, indexed or not).
BOOL_FIELDS: tuple[str, ...] = ()
INTEGER_FIELDS = ("item_number",)
QUERY_MODES = ("hybrid", "dense", "sparse")
VIEW_ATTEMPTS = 4  # reads again while replacements switch under them; then the last answer stands
RRF_K = 60
_NAMESPACE = uuid.UUID("6f1d7c1e-8f2a-4c55-9a43-2b1e0c6d5a10")


class StoreError(Exception):
    """A problem with the index store, with a message for people."""


class StoreLocked(StoreError):
    """Another process holds the embedded index."""


class ModelMismatch(StoreError):
    """The index was built with another embedding model, dimension or sparse format."""


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


class Hit(NamedTuple):
    """A point found. A named tuple: a query makes hundreds, and a frozen dataclass costs
    five times as much to build (1.7 us against 0.35)."""

    id: str
    score: float
    payload: dict[str, Any]
    dense: tuple[float, ...] | None = None  # only from scroll(with_vectors=True)
    sparse: SparseVector | None = None


@dataclass(frozen=True)
class IndexInfo:
    model_name: str
    dim: int
    points: int
    sparse_format: str = SPARSE_FORMAT


@dataclass(frozen=True)
class View:
    """What readers leave out now (`index.commit.superseded`), and a stamp that differs after
    any write that may change what they see: a reader that finds the same stamp after its
    calls read one state of the index."""

    stamp: Hashable
    superseded: tuple[str, ...]


def point_uuid(key: str) -> str:
    """A stable point id for a chunk key: the same chunk always lands on the same point."""
    return str(uuid.uuid5(_NAMESPACE, key))


class Store(Protocol):
    # True when the engine runs in this process and holds the GIL while it works (qdrant-edge):
    # its calls gain nothing from threads. False when calls wait on a server.
    in_process: bool

    def ensure_collection(self, dim: int, model_name: str) -> None: ...

    def view(self) -> View: ...

    def index_info(self) -> IndexInfo | None: ...

    def upsert(self, points: Sequence[StorePoint]) -> None: ...

    def replace_document(
        self, doc_id: str, points: Sequence[StorePoint], supersedes: Sequence[str] = ()
    ) -> None: ...

    def delete(self, flt: SearchFilter) -> None: ...

    def discard_staged(self) -> int: ...

    def query(
        self,
        dense: Sequence[float] | None,
        sparse: SparseVector | None,
        flt: SearchFilter | None,
        limit: int,
        prefetch_limit: int = 100,
        mode: str = "hybrid",
        fields: Sequence[str] | None = None,
    ) -> list[Hit]: ...

    def scroll(
        self, flt: SearchFilter | None, limit: int | None = None, with_vectors: bool = False
    ) -> Iterator[Hit]: ...

    def count(self, flt: SearchFilter | None = None) -> int: ...

    def facet(self, key: str, flt: SearchFilter | None, limit: int = 50) -> dict[str, int]: ...

    def retrieve(self, ids: Sequence[str]) -> list[Hit]: ...

    def set_payload(self, ids: Sequence[str], payload: dict[str, Any]) -> None: ...

    def warm(self, fields: Sequence[str]) -> None:
        """Have `fields` of every point at hand for queries that ask for them (a server's start)."""
        ...

    def optimize(self) -> bool:
        """Build the engine's search indexes (HNSW) for what was written; True if there was work."""
        ...

    def flush(self) -> None: ...

    def close(self) -> None: ...


def check_model(existing: IndexInfo | None, dim: int, model_name: str, where: str) -> None:
    if existing is None:
        return
    # A collection without metadata (not made by minutes) is checked on its dimension alone.
    if existing.model_name not in ("", model_name) or existing.dim != dim:
        raise ModelMismatch(
            f"indekset i {where} er bygget med {existing.model_name or 'en ukendt model'} "
            f"({existing.dim} dimensioner), "
            f"ikke {model_name} ({dim}); brug samme model (MINUTES_MODEL) eller en ny MINUTES_DATA"
        )
    check_sparse_format(existing, where)


def check_sparse_format(existing: IndexInfo | None, where: str) -> None:
    """Queries encoded now cannot match sparse vectors of another layout."""
    if existing is not None and existing.sparse_format != SPARSE_FORMAT:
        raise ModelMismatch(
            f"indekset i {where} har sparse-vektorer fra en ældre minutes-version "
            f"({existing.sparse_format}, nu {SPARSE_FORMAT}); indlæs igen i en ny MINUTES_DATA"
        )


def query_plan(
    dense: Sequence[float] | None, sparse: SparseVector | None, mode: str
) -> tuple[bool, bool]:
    """Which vectors a query uses: (dense, sparse). Hybrid with one vector missing uses the other."""
    if mode not in QUERY_MODES:
        raise ValueError(f"mode must be one of {', '.join(QUERY_MODES)}, not {mode!r}")
    use_dense = dense is not None and mode in ("hybrid", "dense")
    use_sparse = sparse is not None and mode in ("hybrid", "sparse")
    if not use_dense and not use_sparse:
        raise ValueError(
            f"a {mode} query needs a {'dense or sparse' if mode == 'hybrid' else mode} vector"
        )
    return use_dense, use_sparse


def check_payload(payload: dict[str, Any]) -> None:
    reserved = sorted(set(payload) & set(RESERVED_KEYS))
    if reserved:
        raise ValueError(f"payload keys {reserved} are the store's own")


def removal_filter(flt: SearchFilter) -> SearchFilter:
    """A filter for deleting: staged and superseded points match too; an empty filter is refused."""
    flt = replace(flt, include_staged=True, superseded=None)
    if flt == SearchFilter(include_staged=True):
        raise ValueError("refusing to delete with an empty filter")
    return flt


T = TypeVar("T")


def read_in_one_view(
    store: Store, flt: SearchFilter | None, read: Callable[[SearchFilter], T]
) -> T:
    """`read(flt)` with what the store's view leaves out, again if a switch fell within it.

    A filter that names what to leave out already (a caller's view) or asks for staged
    points (the raw index) is read as it is.
    """
    flt = flt or SearchFilter()
    if flt.brings_own_view:
        return read(flt)
    for _ in range(VIEW_ATTEMPTS):
        view = store.view()
        result = read(replace(flt, superseded=view.superseded))
        if store.view().stamp == view.stamp:
            break
    return result


def scroll_in_one_view(
    store: Store, flt: SearchFilter | None, pages: Callable[[SearchFilter], Iterator[Hit]]
) -> Iterator[Hit]:
    """A store's scroll: read in one view (`read_in_one_view`), whole, unless the filter brings
    its own, which streams page by page."""
    if flt is not None and flt.brings_own_view:
        yield from pages(flt)
    else:
        yield from read_in_one_view(store, flt, lambda f: list(pages(f)))


class FolderLock:
    """An exclusive, non-blocking lock on a data folder, naming the process that holds it.

    The lock is `flock` on `minutes.lock`: the kernel drops it when the process
    ends, however it ends, so a crash never leaves the folder locked.
    """

    def __init__(self, folder: Path):
        self.path = folder / "minutes.lock"
        self.handle = self.path.open("a+")
        try:
            fcntl.flock(self.handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.handle.seek(0)
            holder = self.handle.read().strip() or "ukendt"
            self.handle.close()
            raise StoreLocked(
                f"indekset i {folder} bruges af en anden minutes-proces (pid {holder}), "
                "fx `minutes serve`; stop den, eller send filerne til serveren med `minutes ingest --url`"
            ) from None
        self.handle.seek(0)
        self.handle.truncate()
        self.handle.write(str(os.getpid()))
        self.handle.flush()

    def release(self) -> None:
        if not self.handle.closed:
            fcntl.flock(self.handle, fcntl.LOCK_UN)
            self.handle.close()


def open_store(settings: IndexSettings) -> Store:
    if settings.qdrant_url:
        from index.store_qdrant import QdrantStore

        return QdrantStore.connect(settings)
    from index.store_edge import EdgeStore

    return EdgeStore.open(settings.store_dir)
