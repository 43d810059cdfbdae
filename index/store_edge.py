"""The embedded store: Qdrant's engine in this process (qdrant-edge), in the data folder.

One process at a time: a lock file names the holder, so a second `minutes`
process gets a clear `StoreLocked` instead of a WAL error.
"""

from __future__ import annotations

import fcntl
import json
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import qdrant_edge as qe

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
    StoreLocked,
    StorePoint,
    check_model,
    new_ingest_id,
)

_SCROLL_PAGE = 512
_SCHEMA = (
    [(f, qe.PayloadSchemaType.Keyword) for f in KEYWORD_FIELDS]
    + [(f, qe.PayloadSchemaType.Datetime) for f in DATETIME_FIELDS]
    + [(f, qe.PayloadSchemaType.Float) for f in FLOAT_FIELDS]
    + [(f, qe.PayloadSchemaType.Bool) for f in BOOL_FIELDS]
    + [(f, qe.PayloadSchemaType.Integer) for f in INTEGER_FIELDS]
)


def _condition(c: Condition) -> qe.FieldCondition:
    if c.gte is not None or c.lte is not None:
        if c.is_datetime:
            return qe.FieldCondition(key=c.key, range=qe.RangeDateTime(gte=c.gte, lte=c.lte))
        return qe.FieldCondition(key=c.key, range=qe.RangeFloat(gte=c.gte, lte=c.lte))
    if len(c.values) == 1:
        return qe.FieldCondition(key=c.key, match=qe.MatchValue(c.values[0]))
    return qe.FieldCondition(key=c.key, match=qe.MatchAny(list(c.values)))


def edge_filter(flt: SearchFilter | None) -> qe.Filter | None:
    must, must_not = conditions(flt)
    if not must and not must_not:
        return None
    return qe.Filter(
        must=[_condition(c) for c in must] or None,
        must_not=[_condition(c) for c in must_not] or None,
    )


def _sparse(vector: SparseVector) -> qe.SparseVector:
    return qe.SparseVector(indices=list(vector.indices), values=list(vector.values))


class _Lock:
    def __init__(self, path: Path):
        self.path = path
        self.handle = path.open("a+")
        try:
            fcntl.flock(self.handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.handle.seek(0)
            holder = self.handle.read().strip() or "unknown"
            self.handle.close()
            raise StoreLocked(
                f"the index at {path.parent} is in use by another minutes process (pid {holder}), "
                "e.g. `minutes serve`; stop it, or send files to the server with `minutes ingest --url`"
            ) from None
        self.handle.seek(0)
        self.handle.truncate()
        self.handle.write(str(os.getpid()))
        self.handle.flush()

    def release(self) -> None:
        fcntl.flock(self.handle, fcntl.LOCK_UN)
        self.handle.close()


class EdgeStore:
    def __init__(self, folder: Path, shard: qe.EdgeShard | None, lock: _Lock):
        self.folder = folder
        self.shard = shard
        self._lock = lock

    @classmethod
    def open(cls, folder: Path) -> EdgeStore:
        folder.mkdir(parents=True, exist_ok=True)
        lock = _Lock(folder / "minutes.lock")
        try:
            shard = (
                qe.EdgeShard.load(str(folder / "shard")) if (folder / "shard").exists() else None
            )
        except Exception:
            lock.release()
            raise
        return cls(folder, shard, lock)

    @property
    def _meta_path(self) -> Path:
        return self.folder / "index.json"

    def index_info(self) -> IndexInfo | None:
        if self.shard is None or not self._meta_path.exists():
            return None
        meta = json.loads(self._meta_path.read_text())
        return IndexInfo(meta["model"], meta["dim"], self.shard.info().points_count)

    def ensure_collection(self, dim: int, model_name: str) -> None:
        check_model(self.index_info(), dim, model_name, str(self.folder))
        if self.shard is not None:
            return
        config = qe.EdgeConfig(
            vectors={DENSE: qe.EdgeVectorParams(size=dim, distance=qe.Distance.Cosine)},
            sparse_vectors={SPARSE: qe.EdgeSparseVectorParams(modifier=qe.Modifier.Idf)},
        )
        shard_dir = self.folder / "shard"
        shard_dir.mkdir(parents=True, exist_ok=True)
        shard = qe.EdgeShard.create(str(shard_dir), config)
        for name, schema in _SCHEMA:
            shard.update(qe.UpdateOperation.create_field_index(name, schema))
        self._meta_path.write_text(json.dumps({"model": model_name, "dim": dim}))
        self.shard = shard

    def _points(self, points: Sequence[StorePoint], extra: dict[str, Any]) -> list[qe.Point]:
        return [
            qe.Point(
                id=p.id,
                vector={DENSE: list(p.dense), SPARSE: _sparse(p.sparse)},
                payload=p.payload | extra,
            )
            for p in points
        ]

    def upsert(self, points: Sequence[StorePoint]) -> None:
        if points:
            self.shard.update(
                qe.UpdateOperation.upsert_points(self._points(points, {"state": "live"}))
            )

    def replace_document(self, doc_id: str, points: Sequence[StorePoint]) -> None:
        ingest_id = new_ingest_id()
        staged = self._points(points, {"state": "staged", "ingest_id": ingest_id})
        for start in range(0, len(staged), 256):
            self.shard.update(qe.UpdateOperation.upsert_points(staged[start : start + 256]))
        mine = qe.Filter(must=[_condition(Condition("ingest_id", (ingest_id,)))])
        self.shard.update(qe.UpdateOperation.set_payload_by_filter(mine, {"state": "live"}))
        older = qe.Filter(
            must=[_condition(Condition("doc_id", (doc_id,)))],
            must_not=[_condition(Condition("ingest_id", (ingest_id,)))],
        )
        self.shard.update(qe.UpdateOperation.delete_points_by_filter(older))

    def delete(self, flt: SearchFilter) -> None:
        if self.shard is not None:
            self.shard.update(qe.UpdateOperation.delete_points_by_filter(edge_filter(flt)))

    def query(
        self,
        dense: Sequence[float] | None,
        sparse: SparseVector | None,
        flt: SearchFilter | None,
        limit: int,
        prefetch_limit: int = 100,
        mode: str = "hybrid",
    ) -> list[Hit]:
        if self.shard is None:
            return []
        qfilter = edge_filter(flt)
        if mode == "dense" or (mode == "hybrid" and sparse is None):
            request = qe.QueryRequest(
                limit=limit,
                query=qe.Query.Nearest(list(dense), using=DENSE),
                filter=qfilter,
                with_payload=True,
            )
        elif mode == "sparse" or dense is None:
            request = qe.QueryRequest(
                limit=limit,
                query=qe.Query.Nearest(_sparse(sparse), using=SPARSE),
                filter=qfilter,
                with_payload=True,
            )
        else:
            request = qe.QueryRequest(
                limit=limit,
                prefetches=[
                    qe.Prefetch(
                        limit=prefetch_limit,
                        query=qe.Query.Nearest(list(dense), using=DENSE),
                        filter=qfilter,
                    ),
                    qe.Prefetch(
                        limit=prefetch_limit,
                        query=qe.Query.Nearest(_sparse(sparse), using=SPARSE),
                        filter=qfilter,
                    ),
                ],
                query=qe.Fusion.Rrf(k=60),
                filter=qfilter,
                with_payload=True,
            )
        return [Hit(str(p.id), float(p.score), p.payload or {}) for p in self.shard.query(request)]

    def scroll(self, flt: SearchFilter | None, limit: int | None = None) -> Iterator[Hit]:
        if self.shard is None:
            return
        offset, seen = None, 0
        qfilter = edge_filter(flt)
        while True:
            page = _SCROLL_PAGE if limit is None else min(_SCROLL_PAGE, limit - seen)
            if page <= 0:
                return
            records, offset = self.shard.scroll(
                qe.ScrollRequest(offset=offset, limit=page, filter=qfilter, with_payload=True)
            )
            for record in records:
                yield Hit(str(record.id), 1.0, record.payload or {})
            seen += len(records)
            if offset is None or not records:
                return

    def count(self, flt: SearchFilter | None = None) -> int:
        if self.shard is None:
            return 0
        return int(self.shard.count(qe.CountRequest(exact=True, filter=edge_filter(flt))))

    def facet(self, key: str, flt: SearchFilter | None, limit: int = 50) -> dict[str, int]:
        if self.shard is None:
            return {}
        response = self.shard.facet(
            qe.FacetRequest(key=key, limit=limit, exact=True, filter=edge_filter(flt))
        )
        return {str(h.value): int(h.count) for h in response.hits}

    def flush(self) -> None:
        if self.shard is not None:
            self.shard.flush()

    def close(self) -> None:
        if self.shard is not None:
            self.shard.flush()
            self.shard.close()
            self.shard = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None
