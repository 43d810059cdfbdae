"""The server store: a Qdrant server or cluster through qdrant-client (`QDRANT_URL`).

The same collection schema as the embedded store; the model name, dimension
and sparse format sit in the collection's `metadata` (Qdrant 1.16 and
later). qdrant-client's local mode (`:memory:` or a folder, see `local()`)
speaks the same API, which is how the test suite runs this class without a
server. Local mode is brute force in Python: fine for tests, slow at 100k.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qdrant_client import QdrantClient, models

from index import commit
from index.filters import Condition, SearchFilter, conditions
from index.store import (
    BOOL_FIELDS,
    DATETIME_FIELDS,
    DENSE,
    FLOAT_FIELDS,
    INTEGER_FIELDS,
    KEYWORD_FIELDS,
    RRF_K,
    SPARSE,
    SPARSE_FORMAT,
    FolderLock,
    Hit,
    IndexInfo,
    SparseVector,
    StoreError,
    StorePoint,
    View,
    check_model,
    check_payload,
    query_plan,
    read_in_one_view,
    removal_filter,
    scroll_in_one_view,
)

if TYPE_CHECKING:
    from index.settings import IndexSettings

_BATCH = 256
_SCROLL_PAGE = 512
_SCHEMA = (
    [(f, models.PayloadSchemaType.KEYWORD) for f in KEYWORD_FIELDS]
    + [(f, models.PayloadSchemaType.DATETIME) for f in DATETIME_FIELDS]
    + [(f, models.PayloadSchemaType.FLOAT) for f in FLOAT_FIELDS]
    + [(f, models.PayloadSchemaType.BOOL) for f in BOOL_FIELDS]
    + [(f, models.PayloadSchemaType.INTEGER) for f in INTEGER_FIELDS]
    # Ordered by in `view`: the newest commit is part of its stamp.
    + [(commit.COMMITTED, models.PayloadSchemaType.INTEGER)]
)
_LIVE = models.Filter(
    must=[models.FieldCondition(key="state", match=models.MatchValue(value="live"))]
)


def _condition(c: Condition) -> models.FieldCondition:
    if c.min_count is not None:
        return models.FieldCondition(key=c.key, values_count=models.ValuesCount(gte=c.min_count))
    if c.gte is not None or c.lte is not None:
        if c.is_datetime:
            return models.FieldCondition(
                key=c.key, range=models.DatetimeRange(gte=c.gte, lte=c.lte)
            )
        return models.FieldCondition(key=c.key, range=models.Range(gte=c.gte, lte=c.lte))
    if len(c.values) == 1:
        return models.FieldCondition(key=c.key, match=models.MatchValue(value=c.values[0]))
    return models.FieldCondition(key=c.key, match=models.MatchAny(any=list(c.values)))


def client_filter(flt: SearchFilter | None) -> models.Filter | None:
    must, must_not = conditions(flt)
    if not must and not must_not:
        return None
    return models.Filter(
        must=[_condition(c) for c in must] or None,
        must_not=[_condition(c) for c in must_not] or None,
    )


def _sparse(vector: SparseVector) -> models.SparseVector:
    return models.SparseVector(indices=list(vector.indices), values=list(vector.values))


def _hit(record: Any, score: float = 1.0) -> Hit:
    vectors = record.vector if isinstance(record.vector, dict) else {}
    sparse = vectors.get(SPARSE)
    return Hit(
        str(record.id),
        float(score),
        dict(record.payload or {}),
        tuple(vectors[DENSE]) if DENSE in vectors else None,
        SparseVector(tuple(sparse.indices), tuple(sparse.values)) if sparse is not None else None,
    )


class QdrantStore:
    in_process = False  # calls wait on a server's answer, outside the GIL

    def __init__(
        self,
        client: QdrantClient,
        collection: str,
        shard_number: int = 1,
        replication_factor: int = 1,
        lock: FolderLock | None = None,
    ):
        self.client = client
        self.collection = collection
        self.shard_number = shard_number
        self.replication_factor = replication_factor
        self._lock = lock
        self._ready = False  # the collection is known to exist

    @classmethod
    def connect(cls, settings: IndexSettings) -> QdrantStore:
        client = QdrantClient(url=settings.qdrant_url, api_key=settings.qdrant_api_key, timeout=60)
        try:
            client.get_collections()
        except Exception as exc:
            raise StoreError(
                f"Qdrant-serveren på {settings.qdrant_url} svarer ikke: {exc}"
            ) from None
        store = cls(client, settings.collection, settings.shard_number, settings.replication_factor)
        if store._exists():
            store._ensure_indexes()  # a collection of an older version may lack some
            commit.settle(store, staged_too=False)  # other writers may be mid-way
        return store

    def _ensure_indexes(self) -> None:
        indexed = set(self.client.get_collection(self.collection).payload_schema or {})
        for name, schema in _SCHEMA:
            if name not in indexed:
                self.client.create_payload_index(
                    self.collection, name, field_schema=schema, wait=True
                )

    @classmethod
    def local(cls, folder: Path, collection: str = "minutes") -> QdrantStore:
        """qdrant-client's local mode in a folder, locked and settled like the embedded store."""
        folder.mkdir(parents=True, exist_ok=True)
        lock = FolderLock(folder)
        try:
            store = cls(QdrantClient(path=str(folder)), collection, lock=lock)
            commit.settle(store)
        except BaseException:
            lock.release()
            raise
        return store

    def _exists(self) -> bool:
        if not self._ready:
            self._ready = self.client.collection_exists(self.collection)
        return self._ready

    def index_info(self) -> IndexInfo | None:
        if not self._exists():
            return None
        info = self.client.get_collection(self.collection)
        meta = info.config.metadata or {}
        points = int(info.points_count or 0)
        if "model" in meta:
            return IndexInfo(
                meta["model"], int(meta["dim"]), points, meta.get("sparse", SPARSE_FORMAT)
            )
        # Not made by minutes, or a server before collection metadata: the dimension still tells.
        vectors = info.config.params.vectors
        dense = vectors.get(DENSE) if isinstance(vectors, dict) else None
        return IndexInfo("", dense.size, points) if dense else None

    def ensure_collection(self, dim: int, model_name: str) -> None:
        """Create the collection (vectors, metadata, payload indexes), or check the existing one."""
        check_model(self.index_info(), dim, model_name, f"collection {self.collection}")
        if self._exists():
            return
        self.client.create_collection(
            self.collection,
            vectors_config={DENSE: models.VectorParams(size=dim, distance=models.Distance.COSINE)},
            sparse_vectors_config={SPARSE: models.SparseVectorParams(modifier=models.Modifier.IDF)},
            shard_number=self.shard_number,
            replication_factor=self.replication_factor,
            metadata={"model": model_name, "dim": dim, "sparse": SPARSE_FORMAT},
        )
        self._ready = True
        for name, schema in _SCHEMA:
            self.client.create_payload_index(self.collection, name, field_schema=schema, wait=True)

    def view(self) -> View:
        """What readers leave out now, stamped with it and the newest commit.

        Other processes may write, so nothing is kept: each view is two requests. A
        replacement's step 2 brings a newer commit, and its step 5 empties what is left out.
        """
        if not self._exists():
            return View(None, ())
        newest, _ = self.client.scroll(
            self.collection,
            scroll_filter=_LIVE,
            limit=1,
            order_by=models.OrderBy(key=commit.COMMITTED, direction=models.Direction.DESC),
            with_payload=[commit.COMMITTED],
        )
        committed = (newest[0].payload or {}).get(commit.COMMITTED) if newest else None
        superseded = commit.superseded(self)
        return View((committed, superseded), superseded)

    def _points(
        self, points: Sequence[StorePoint], extra: dict[str, Any]
    ) -> list[models.PointStruct]:
        for p in points:
            check_payload(p.payload)
        return [
            models.PointStruct(
                id=p.id,
                vector={DENSE: list(p.dense), SPARSE: _sparse(p.sparse)},
                payload=p.payload | extra,
            )
            for p in points
        ]

    def _write(self, points: list[models.PointStruct]) -> None:
        for start in range(0, len(points), _BATCH):
            self.client.upsert(self.collection, points[start : start + _BATCH], wait=True)

    def upsert(self, points: Sequence[StorePoint]) -> None:
        self._write(self._points(points, {"state": "live"}))

    def replace_document(
        self, doc_id: str, points: Sequence[StorePoint], supersedes: Sequence[str] = ()
    ) -> None:
        """Make `points` the document's only points; an interruption leaves the previous ones live."""
        commit.replace_document(self, doc_id, points, supersedes)

    def delete(self, flt: SearchFilter) -> None:
        """Delete the matching points, staged ones included. An empty filter is refused."""
        selector = models.FilterSelector(filter=client_filter(removal_filter(flt)))
        if self._exists():
            self.client.delete(self.collection, points_selector=selector, wait=True)

    def discard_staged(self) -> int:
        """Delete points of writes that never committed. Only while no other process writes."""
        return commit.discard_staged(self)

    # The primitives of the commit protocol (index/commit.py).

    def _where(self, where: commit.Where) -> models.Filter:
        selected = models.Filter(
            must=[_condition(c) for c in where.must] or None,
            must_not=[_condition(c) for c in where.must_not] or None,
        )
        if not where.or_ids:
            return selected
        ids = models.HasIdCondition(has_id=list(where.or_ids))
        return (
            models.Filter(should=[selected, ids])
            if where.must or where.must_not
            else models.Filter(must=[ids])
        )

    def ids_where(self, where: commit.Where) -> set[str]:
        if not self._exists():
            return set()
        ids, offset = set(), None
        while True:
            records, offset = self.client.scroll(
                self.collection,
                scroll_filter=self._where(where),
                limit=_SCROLL_PAGE,
                offset=offset,
                with_payload=False,
                with_vectors=False,
            )
            ids.update(str(r.id) for r in records)
            if offset is None or not records:
                return ids

    def write_points(self, points: Sequence[StorePoint], extra: dict[str, Any]) -> None:
        self._write(self._points(points, extra))

    def update_where(self, where: commit.Where, payload: dict[str, Any]) -> None:
        self.client.set_payload(self.collection, payload, points=self._where(where), wait=True)

    def delete_where(self, where: commit.Where) -> None:
        selector = models.FilterSelector(filter=self._where(where))
        self.client.delete(self.collection, points_selector=selector, wait=True)

    def count_where(self, where: commit.Where) -> int:
        if not self._exists():
            return 0
        return int(
            self.client.count(self.collection, count_filter=self._where(where), exact=True).count
        )

    def facet_where(self, key: str, where: commit.Where) -> dict[str, int]:
        if not self._exists():
            return {}
        response = self.client.facet(
            self.collection, key=key, facet_filter=self._where(where), limit=commit.ALL, exact=True
        )
        return {str(h.value): int(h.count) for h in response.hits}

    def first_payload(self, where: commit.Where) -> dict[str, Any] | None:
        if not self._exists():
            return None
        records, _ = self.client.scroll(
            self.collection, scroll_filter=self._where(where), limit=1, with_payload=True
        )
        return dict(records[0].payload or {}) if records else None

    def query(
        self,
        dense: Sequence[float] | None,
        sparse: SparseVector | None,
        flt: SearchFilter | None,
        limit: int,
        prefetch_limit: int = 100,
        mode: str = "hybrid",
        fields: Sequence[str] | None = None,
    ) -> list[Hit]:
        """Nearest points by one vector, or RRF (k=60) of the dense and sparse candidate lists.

        `fields` limits the payload returned to those keys (None: all of it).
        """
        use_dense, use_sparse = query_plan(dense, sparse, mode)
        if not self._exists():
            return []
        return read_in_one_view(
            self,
            flt,
            lambda f: self._query(
                dense, sparse, f, limit, prefetch_limit, use_dense, use_sparse, fields
            ),
        )

    def _query(
        self,
        dense: Sequence[float] | None,
        sparse: SparseVector | None,
        flt: SearchFilter,
        limit: int,
        prefetch_limit: int,
        use_dense: bool,
        use_sparse: bool,
        fields: Sequence[str] | None,
    ) -> list[Hit]:
        qfilter = client_filter(flt)
        payload = models.PayloadSelectorInclude(include=list(fields)) if fields else True
        searches: list[tuple[Any, str]] = []
        if use_dense:
            searches.append((list(dense), DENSE))
        if use_sparse:
            searches.append((_sparse(sparse), SPARSE))
        if len(searches) == 1:
            query, using = searches[0]
            response = self.client.query_points(
                self.collection,
                query=query,
                using=using,
                query_filter=qfilter,
                limit=limit,
                with_payload=payload,
            )
        else:
            response = self.client.query_points(
                self.collection,
                prefetch=[
                    models.Prefetch(query=q, using=u, limit=prefetch_limit, filter=qfilter)
                    for q, u in searches
                ],
                # RRF with the edge store's k; the server's default k is not 60.
                query=models.RrfQuery(rrf=models.Rrf(k=RRF_K)),
                query_filter=qfilter,
                limit=limit,
                with_payload=payload,
            )
        return [Hit(str(p.id), float(p.score), p.payload or {}) for p in response.points]

    def scroll(
        self, flt: SearchFilter | None, limit: int | None = None, with_vectors: bool = False
    ) -> Iterator[Hit]:
        """Every matching point (up to `limit`), in id order, fetched a page at a time.

        Read in one view (`read_in_one_view`), whole, unless the filter brings its own.
        """
        if not self._exists():
            return
        yield from scroll_in_one_view(self, flt, lambda f: self._pages(f, limit, with_vectors))

    def _pages(self, flt: SearchFilter, limit: int | None, with_vectors: bool) -> Iterator[Hit]:
        offset, seen = None, 0
        qfilter = client_filter(flt)
        while True:
            page = _SCROLL_PAGE if limit is None else min(_SCROLL_PAGE, limit - seen)
            if page <= 0:
                return
            records, offset = self.client.scroll(
                self.collection,
                scroll_filter=qfilter,
                limit=page,
                offset=offset,
                with_payload=True,
                with_vectors=with_vectors,
            )
            for record in records:
                yield _hit(record)
            seen += len(records)
            if offset is None or not records:
                return

    def count(self, flt: SearchFilter | None = None) -> int:
        if not self._exists():
            return 0
        return read_in_one_view(
            self,
            flt,
            lambda f: int(
                self.client.count(self.collection, count_filter=client_filter(f), exact=True).count
            ),
        )

    def facet(self, key: str, flt: SearchFilter | None, limit: int = 50) -> dict[str, int]:
        """Counts of points per value of a keyword field, largest first."""
        if not self._exists():
            return {}
        return read_in_one_view(self, flt, lambda f: self._facet(key, f, limit))

    def _facet(self, key: str, flt: SearchFilter, limit: int) -> dict[str, int]:
        response = self.client.facet(
            self.collection, key=key, facet_filter=client_filter(flt), limit=limit, exact=True
        )
        return {str(h.value): int(h.count) for h in response.hits}

    def retrieve(self, ids: Sequence[str]) -> list[Hit]:
        """The live points with these ids, in the order asked; unknown ids are left out."""
        if not ids or not self._exists():
            return []
        records = self.client.retrieve(self.collection, list(ids), with_payload=True)
        found = {str(r.id): r for r in records}
        return [
            _hit(found[i])
            for i in ids
            if i in found and (found[i].payload or {}).get("state") == "live"
        ]

    def set_payload(self, ids: Sequence[str], payload: dict[str, Any]) -> None:
        """Merge `payload` into these points' payloads."""
        check_payload(payload)
        if ids:
            self.client.set_payload(self.collection, payload, points=list(ids), wait=True)

    def warm(self, fields: Sequence[str]) -> None:
        """Nothing to do: the server returns the fields with each query."""

    def optimize(self) -> bool:
        """A Qdrant server optimizes in the background by itself."""
        return False

    def flush(self) -> None:
        """Writes wait for the server; nothing is buffered here."""

    def close(self) -> None:
        self.client.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None
