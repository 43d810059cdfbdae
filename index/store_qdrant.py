"""The server store: a Qdrant server or cluster through qdrant-client (`QDRANT_URL`).

The same collection schema as the embedded store. qdrant-client's local mode
(`:memory:` or a path) speaks the same API, which is how the test suite runs
this class without a server.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from qdrant_client import QdrantClient, models

from index.filters import Condition, SearchFilter, conditions
from index.store import (
    BOOL_FIELDS,
    DATETIME_FIELDS,
    DENSE,
    FLOAT_FIELDS,
    INTEGER_FIELDS,
    KEYWORD_FIELDS,
    SPARSE,
    Hit,
    IndexInfo,
    SparseVector,
    StoreError,
    StorePoint,
    check_model,
    new_ingest_id,
)

if TYPE_CHECKING:
    from index.settings import IndexSettings

_SCROLL_PAGE = 512
_SCHEMA = (
    [(f, models.PayloadSchemaType.KEYWORD) for f in KEYWORD_FIELDS]
    + [(f, models.PayloadSchemaType.DATETIME) for f in DATETIME_FIELDS]
    + [(f, models.PayloadSchemaType.FLOAT) for f in FLOAT_FIELDS]
    + [(f, models.PayloadSchemaType.BOOL) for f in BOOL_FIELDS]
    + [(f, models.PayloadSchemaType.INTEGER) for f in INTEGER_FIELDS]
)


def _condition(c: Condition) -> models.FieldCondition:
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


class QdrantStore:
    def __init__(
        self,
        client: QdrantClient,
        collection: str,
        shard_number: int = 1,
        replication_factor: int = 1,
    ):
        self.client = client
        self.collection = collection
        self.shard_number = shard_number
        self.replication_factor = replication_factor

    @classmethod
    def connect(cls, settings: IndexSettings) -> QdrantStore:
        client = QdrantClient(url=settings.qdrant_url, api_key=settings.qdrant_api_key, timeout=60)
        try:
            client.get_collections()
        except Exception as exc:
            raise StoreError(
                f"cannot reach the Qdrant server at {settings.qdrant_url}: {exc}"
            ) from None
        return cls(client, settings.collection, settings.shard_number, settings.replication_factor)

    def _exists(self) -> bool:
        return self.client.collection_exists(self.collection)

    def index_info(self) -> IndexInfo | None:
        if not self._exists():
            return None
        info = self.client.get_collection(self.collection)
        meta = info.config.metadata or {}
        if "model" not in meta:
            return None
        return IndexInfo(meta["model"], int(meta["dim"]), int(info.points_count or 0))

    def ensure_collection(self, dim: int, model_name: str) -> None:
        check_model(self.index_info(), dim, model_name, f"collection {self.collection}")
        if self._exists():
            return
        self.client.create_collection(
            self.collection,
            vectors_config={DENSE: models.VectorParams(size=dim, distance=models.Distance.COSINE)},
            sparse_vectors_config={SPARSE: models.SparseVectorParams(modifier=models.Modifier.IDF)},
            shard_number=self.shard_number,
            replication_factor=self.replication_factor,
            metadata={"model": model_name, "dim": dim},
        )
        for name, schema in _SCHEMA:
            self.client.create_payload_index(self.collection, name, field_schema=schema, wait=True)

    def _points(
        self, points: Sequence[StorePoint], extra: dict[str, Any]
    ) -> list[models.PointStruct]:
        return [
            models.PointStruct(
                id=p.id,
                vector={DENSE: list(p.dense), SPARSE: _sparse(p.sparse)},
                payload=p.payload | extra,
            )
            for p in points
        ]

    def upsert(self, points: Sequence[StorePoint]) -> None:
        if points:
            self.client.upsert(self.collection, self._points(points, {"state": "live"}), wait=True)

    def replace_document(self, doc_id: str, points: Sequence[StorePoint]) -> None:
        ingest_id = new_ingest_id()
        staged = self._points(points, {"state": "staged", "ingest_id": ingest_id})
        for start in range(0, len(staged), 256):
            self.client.upsert(self.collection, staged[start : start + 256], wait=True)
        mine = models.Filter(must=[_condition(Condition("ingest_id", (ingest_id,)))])
        self.client.set_payload(self.collection, {"state": "live"}, points=mine, wait=True)
        older = models.Filter(
            must=[_condition(Condition("doc_id", (doc_id,)))],
            must_not=[_condition(Condition("ingest_id", (ingest_id,)))],
        )
        self.client.delete(
            self.collection, points_selector=models.FilterSelector(filter=older), wait=True
        )

    def delete(self, flt: SearchFilter) -> None:
        if self._exists():
            selector = models.FilterSelector(filter=client_filter(flt))
            self.client.delete(self.collection, points_selector=selector, wait=True)

    def query(
        self,
        dense: Sequence[float] | None,
        sparse: SparseVector | None,
        flt: SearchFilter | None,
        limit: int,
        prefetch_limit: int = 100,
        mode: str = "hybrid",
    ) -> list[Hit]:
        if not self._exists():
            return []
        qfilter = client_filter(flt)
        if mode == "dense" or (mode == "hybrid" and sparse is None):
            response = self.client.query_points(
                self.collection,
                query=list(dense),
                using=DENSE,
                query_filter=qfilter,
                limit=limit,
                with_payload=True,
            )
        elif mode == "sparse" or dense is None:
            response = self.client.query_points(
                self.collection,
                query=_sparse(sparse),
                using=SPARSE,
                query_filter=qfilter,
                limit=limit,
                with_payload=True,
            )
        else:
            response = self.client.query_points(
                self.collection,
                prefetch=[
                    models.Prefetch(
                        query=list(dense), using=DENSE, limit=prefetch_limit, filter=qfilter
                    ),
                    models.Prefetch(
                        query=_sparse(sparse), using=SPARSE, limit=prefetch_limit, filter=qfilter
                    ),
                ],
                query=models.FusionQuery(fusion=models.Fusion.RRF),
                query_filter=qfilter,
                limit=limit,
                with_payload=True,
            )
        return [Hit(str(p.id), float(p.score), p.payload or {}) for p in response.points]

    def scroll(self, flt: SearchFilter | None, limit: int | None = None) -> Iterator[Hit]:
        if not self._exists():
            return
        offset, seen = None, 0
        qfilter = client_filter(flt)
        while True:
            page = _SCROLL_PAGE if limit is None else min(_SCROLL_PAGE, limit - seen)
            if page <= 0:
                return
            records, offset = self.client.scroll(
                self.collection, scroll_filter=qfilter, limit=page, offset=offset, with_payload=True
            )
            for record in records:
                yield Hit(str(record.id), 1.0, record.payload or {})
            seen += len(records)
            if offset is None or not records:
                return

    def count(self, flt: SearchFilter | None = None) -> int:
        if not self._exists():
            return 0
        return int(
            self.client.count(self.collection, count_filter=client_filter(flt), exact=True).count
        )

    def facet(self, key: str, flt: SearchFilter | None, limit: int = 50) -> dict[str, int]:
        if not self._exists():
            return {}
        response = self.client.facet(
            self.collection, key=key, facet_filter=client_filter(flt), limit=limit, exact=True
        )
        return {str(h.value): int(h.count) for h in response.hits}

    def flush(self) -> None:
        """Writes wait for the server; nothing is buffered here."""

    def close(self) -> None:
        self.client.close()
