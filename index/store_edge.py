"""The embedded store: Qdrant's engine in this process (qdrant-edge), in the data folder.

Layout of the folder: `shard/` (the engine's files), `index.json` (model
name, dimension and sparse format of the index), `minutes.lock` (the pid of
the process holding it). One process at a time: a second `minutes` process
gets a clear `StoreLocked` at once instead of a WAL error or a wait.
"""

from __future__ import annotations

import json
import os
import threading
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

import qdrant_edge as qe

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

_BATCH = 256
_SCROLL_PAGE = 512
_OLD_SPARSE_FORMAT = "bm25-danish+identifiers/1"  # index.json before it recorded the format
# Payload indexes held in memory (the engine's default). Paged from disk (`Memory.Cold`) a
# 100k-chunk shard loads in 0.35-0.4 s instead of 1.0-1.4 s, but the server then serves 20-25%
# fewer searches a second at 100k (docs/BENCHMARKS.md): the server is what most users wait on.
_SCHEMA = (
    [(f, qe.PayloadSchemaType.Keyword) for f in KEYWORD_FIELDS]
    + [(f, qe.PayloadSchemaType.Datetime) for f in DATETIME_FIELDS]
    + [(f, qe.PayloadSchemaType.Float) for f in FLOAT_FIELDS]
    + [(f, qe.PayloadSchemaType.Bool) for f in BOOL_FIELDS]
    + [(f, qe.PayloadSchemaType.Integer) for f in INTEGER_FIELDS]
)


def _condition(c: Condition) -> qe.FieldCondition:
    if c.min_count == 1:
        # "Has a value" through the index's empty-tracking: a values count reads every point's
        # payload (0.6-2.7 s against 0.001-0.003 s at 100k chunks), with the same points.
        return qe.FieldCondition(key=c.key, is_empty=False)
    if c.min_count is not None:
        return qe.FieldCondition(key=c.key, values_count=qe.ValuesCount(gte=c.min_count))
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


# The engine's search threads. Its calls hold the GIL, so a server's searches take turns at them
# whatever the pool; with one thread a query runs in the calling thread instead of waking a pool
# thread while the caller waits, GIL held. At 100k chunks, 8 clients: 1-9% less server CPU a
# request (alternate and side-by-side runs), p95 within noise, the same answers; a shard loads
# in 0.87 s against 1.0-1.25 (docs/BENCHMARKS.md). Kept in the shard's own config, so every
# process that opens it searches so.
SEARCH_THREADS = 1


def _config(dim: int) -> qe.EdgeConfig:
    """The shard's configuration: the vectors it holds, searched on `SEARCH_THREADS` threads."""
    return qe.EdgeConfig(
        vectors={DENSE: qe.EdgeVectorParams(size=dim, distance=qe.Distance.Cosine)},
        sparse_vectors={SPARSE: qe.EdgeSparseVectorParams(modifier=qe.Modifier.Idf)},
        max_search_threads=SEARCH_THREADS,
    )


_STAGED = qe.Filter(must=[qe.FieldCondition(key="state", match=qe.MatchValue("staged"))])


def _sparse(vector: SparseVector) -> qe.SparseVector:
    return qe.SparseVector(indices=list(vector.indices), values=list(vector.values))


def _hit(record: Any, score: float = 1.0) -> Hit:
    vectors = record.vector or {}
    sparse = vectors.get(SPARSE)
    return Hit(
        str(record.id),
        float(score),
        dict(record.payload or {}),
        tuple(vectors[DENSE]) if DENSE in vectors else None,
        SparseVector(tuple(sparse.indices), tuple(sparse.values)) if sparse is not None else None,
    )


def _light_entry(record: Any) -> tuple[str, dict[str, Any]]:
    """What the candidate cache keeps of an engine record that came with the cached fields.

    Lists are kept as tuples: a payload that holds no list is untracked by the garbage
    collector after a full collection, and so are the copies queries hand out, so collections
    do not walk 100k cached payloads (with lists, at 100k chunks, a full collection took
    0.2-0.7 s, stalling every request under way, and young ones took twice as long).
    """
    payload = {k: tuple(v) if isinstance(v, list) else v for k, v in (record.payload or {}).items()}
    return str(record.id), payload


class EdgeStore:
    in_process = True  # the engine's calls hold the GIL for their whole run

    def __init__(self, folder: Path, shard: qe.EdgeShard | None, lock: FolderLock):
        self.folder = folder
        self.shard = shard
        self._lock: FolderLock | None = lock
        # Facet counts depend on the filter, not the query, and this process is the only
        # writer (the folder is locked), so they are kept until the next write.
        self._facets: dict[tuple[str, SearchFilter | None, int], dict[str, int]] = {}
        # Payload fields that queries ask for by `fields`, per point: (id, those fields), keyed
        # by the id's integer, which the engine's UUIDs give without formatting a string.
        # Reading a point's payload costs ~30 us however few fields are asked for (the engine
        # decodes all ~40), which was 6 of the 6.4 ms of a 200-candidate query. Writes keep it
        # current: every point written goes through `_points`, and `update_where`/`set_payload`
        # drop a field set they touch. A deleted point's entry stays but is never asked for again.
        self._light: dict[tuple[str, ...], dict[int, tuple[str, dict[str, Any]]]] = {}
        # Reads leave staged points out (a replacement not yet committed) by a `state` condition,
        # which costs a 150-candidate dense query ~0.5 ms at 100k chunks. While no point is
        # staged it changes nothing, so queries drop it: writes count themselves, and a query
        # trusts that none is staged only after a count found none with no write since (a
        # server writes in worker threads while it searches).
        self._writes = 0
        self._writing = 0
        self._maybe_staged = True
        self._writes_lock = threading.Lock()
        # Writes that may change what readers see (all but staging), counted as they begin and
        # again as they end: the stamp of `view`, which differs after any such write that
        # overlapped a reader's calls, even one already under way when the reader began.
        self._switches = 0
        self._switching = 0
        self._view: View | None = None

    def _update(self, operation: Any, visible: bool = True) -> None:
        """Every write goes through here; `visible=False` for staged points, which no reader sees."""
        with self._writes_lock:
            # The flag first: `query` reads the count and then the flag without the lock.
            self._maybe_staged = True
            self._writes += 1
            self._writing += 1
            self._switches += visible
            self._switching += visible
        try:
            self._facets.clear()
            self._require().update(operation)
        finally:
            self._facets.clear()  # and again: a facet read during the write counted the old points
            with self._writes_lock:
                self._writing -= 1
                self._switches += visible
                self._switching -= visible

    def view(self) -> View:
        """What readers leave out now (`commit.superseded`), read once per visible write."""
        with self._writes_lock:
            stamp, settled = self._switches, not self._switching
        if settled and self._view is not None and self._view.stamp == stamp:
            return self._view
        view = View(stamp, commit.superseded(self) if self.shard is not None else ())
        with self._writes_lock:
            if settled and self._switches == stamp:  # no write under way: it holds until one
                self._view = view
        return view

    def _none_staged(self) -> bool:
        """Whether no point is staged now; False when unsure (a write is running)."""
        if not self._maybe_staged:
            return True
        with self._writes_lock:
            if self._writing:
                return False
            writes = self._writes
        staged = self._require().count(qe.CountRequest(exact=True, filter=_STAGED))
        with self._writes_lock:
            if staged == 0 and self._writes == writes:
                self._maybe_staged = False
        return not self._maybe_staged

    def _light_payloads(
        self, fields: tuple[str, ...], ids: Sequence[uuid.UUID]
    ) -> dict[int, tuple[str, dict[str, Any]]]:
        """`fields` of these points' payloads, read once per point and then kept."""
        known = self._light.setdefault(fields, {})
        missing = [str(i) for i in ids if i.int not in known]
        if missing:
            selector = qe.PayloadSelector.Include(list(fields))
            for record in self._require().retrieve(
                missing, with_payload=selector, with_vector=False
            ):
                known[record.id.int] = _light_entry(record)
        return known

    def warm(self, fields: Sequence[str]) -> None:
        """Read `fields` of every point now, so no query pays for it later (a server's start)."""
        if self.shard is None:
            return
        known = self._light.setdefault(tuple(fields), {})
        selector = qe.PayloadSelector.Include(list(fields))
        offset = None
        while True:
            request = qe.ScrollRequest(offset=offset, limit=4096, with_payload=selector)
            records, offset = self.shard.scroll(request)
            known.update((r.id.int, _light_entry(r)) for r in records)
            if offset is None or not records:
                return

    def _drop_light(self, keys: Sequence[str]) -> None:
        for fields in [f for f in self._light if set(f) & set(keys)]:
            del self._light[fields]

    @classmethod
    def open(cls, folder: Path) -> EdgeStore:
        """Lock the folder and load the shard in it, if there is one; settle unfinished writes."""
        folder.mkdir(parents=True, exist_ok=True)
        lock = FolderLock(folder)
        try:
            shard = None
            if (folder / "shard").exists():
                meta = folder / "index.json"
                try:
                    # A folder without its metadata (not made by minutes) loads as it is.
                    dim = int(json.loads(meta.read_text())["dim"]) if meta.exists() else None
                    shard = qe.EdgeShard.load(str(folder / "shard"), _config(dim) if dim else None)
                except Exception as exc:
                    raise StoreError(f"indekset i {folder} kan ikke åbnes: {exc}") from exc
            store = cls(folder, shard, lock)
            if shard is not None:
                store._ensure_indexes()  # a folder from an older version may lack some
                commit.settle(store)
        except BaseException:
            lock.release()
            raise
        return store

    @property
    def _meta_path(self) -> Path:
        return self.folder / "index.json"

    def _meta(self) -> dict[str, Any] | None:
        return json.loads(self._meta_path.read_text()) if self._meta_path.exists() else None

    def _write_meta(self, meta: dict[str, Any]) -> None:
        staging = self._meta_path.with_suffix(".json.tmp")
        staging.write_text(json.dumps(meta))
        os.replace(staging, self._meta_path)

    def index_info(self) -> IndexInfo | None:
        meta = self._meta()
        if self.shard is None or meta is None:
            return None
        return IndexInfo(
            meta["model"],
            int(meta["dim"]),
            int(self.shard.info().points_count),
            meta.get("sparse", _OLD_SPARSE_FORMAT),
        )

    def ensure_collection(self, dim: int, model_name: str) -> None:
        """Create the shard and its payload indexes, or check that the existing one fits."""
        check_model(self.index_info(), dim, model_name, str(self.folder))
        if self.shard is None:
            # The metadata goes first: a shard never exists without it.
            self._write_meta({"model": model_name, "dim": dim, "sparse": SPARSE_FORMAT})
            shard_dir = self.folder / "shard"
            shard_dir.mkdir(parents=True, exist_ok=True)
            self.shard = qe.EdgeShard.create(str(shard_dir), _config(dim))
        elif self._meta() is None:
            self._write_meta({"model": model_name, "dim": dim, "sparse": SPARSE_FORMAT})
        self._ensure_indexes()

    def _ensure_indexes(self) -> None:
        """Payload indexes on every filtered field (facets need them too)."""
        shard = self._require()
        indexed = set(shard.info().payload_schema or {})
        for name, schema in _SCHEMA:
            if name not in indexed:
                self._update(qe.UpdateOperation.create_field_index(name, schema))

    def _require(self) -> qe.EdgeShard:
        if self.shard is None:
            raise StoreError(f"indekset i {self.folder} er tomt; indlæs først med `minutes ingest`")
        return self.shard

    def _points(self, points: Sequence[StorePoint], extra: dict[str, Any]) -> list[qe.Point]:
        written = []
        for p in points:
            check_payload(p.payload)
            payload = p.payload | extra
            key = uuid.UUID(p.id).int
            for fields, known in self._light.items():
                known[key] = (p.id, {f: payload[f] for f in fields if f in payload})
            vector = {DENSE: list(p.dense), SPARSE: _sparse(p.sparse)}
            written.append(qe.Point(id=p.id, vector=vector, payload=payload))
        return written

    def _write(self, points: list[qe.Point], visible: bool = True) -> None:
        for start in range(0, len(points), _BATCH):
            self._update(qe.UpdateOperation.upsert_points(points[start : start + _BATCH]), visible)

    def upsert(self, points: Sequence[StorePoint]) -> None:
        self._write(self._points(points, {"state": "live"}))

    def replace_document(
        self, doc_id: str, points: Sequence[StorePoint], supersedes: Sequence[str] = ()
    ) -> None:
        """Make `points` the document's only points; an interruption leaves the previous ones live."""
        self._require()
        commit.replace_document(self, doc_id, points, supersedes)

    def delete(self, flt: SearchFilter) -> None:
        """Delete the matching points, staged ones included. An empty filter is refused."""
        if self.shard is not None:
            self._update(
                qe.UpdateOperation.delete_points_by_filter(edge_filter(removal_filter(flt)))
            )

    def discard_staged(self) -> int:
        """Delete points of writes that never committed; how many there were."""
        return commit.discard_staged(self)

    # The primitives of the commit protocol (index/commit.py).

    def _where(self, where: commit.Where) -> qe.Filter:
        selected = qe.Filter(
            must=[_condition(c) for c in where.must] or None,
            must_not=[_condition(c) for c in where.must_not] or None,
        )
        if not where.or_ids:
            return selected
        ids = qe.HasIdCondition(set(where.or_ids))
        return (
            qe.Filter(should=[selected, ids])
            if where.must or where.must_not
            else qe.Filter(must=[ids])
        )

    def ids_where(self, where: commit.Where) -> set[str]:
        if self.shard is None:
            return set()
        ids, offset = set(), None
        while True:
            records, offset = self.shard.scroll(
                qe.ScrollRequest(
                    offset=offset,
                    limit=_SCROLL_PAGE,
                    filter=self._where(where),
                    with_payload=False,
                    with_vector=False,
                )
            )
            ids.update(str(r.id) for r in records)
            if offset is None or not records:
                return ids

    def write_points(self, points: Sequence[StorePoint], extra: dict[str, Any]) -> None:
        self._write(self._points(points, extra), visible=extra.get(commit.STATE) != "staged")

    def update_where(self, where: commit.Where, payload: dict[str, Any]) -> None:
        self._drop_light(list(payload))
        self._update(qe.UpdateOperation.set_payload_by_filter(self._where(where), payload))

    def delete_where(self, where: commit.Where) -> None:
        self._update(qe.UpdateOperation.delete_points_by_filter(self._where(where)))

    def count_where(self, where: commit.Where) -> int:
        if self.shard is None:
            return 0
        return int(self.shard.count(qe.CountRequest(exact=True, filter=self._where(where))))

    def facet_where(self, key: str, where: commit.Where) -> dict[str, int]:
        if self.shard is None:
            return {}
        request = qe.FacetRequest(key=key, limit=commit.ALL, exact=True, filter=self._where(where))
        return {str(h.value): int(h.count) for h in self.shard.facet(request).hits}

    def first_payload(self, where: commit.Where) -> dict[str, Any] | None:
        if self.shard is None:
            return None
        records, _ = self.shard.scroll(
            qe.ScrollRequest(
                limit=1, filter=self._where(where), with_payload=True, with_vector=False
            )
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

        `fields` limits the payload returned to those keys (None: all of it), and then each
        payload is a read-only view of the store's field cache (a copy cost ~1 us a point,
        most of a query's Python at 450 candidates).
        """
        use_dense, use_sparse = query_plan(dense, sparse, mode)
        if self.shard is None:
            return []
        searches = []
        if use_dense:
            searches.append(qe.Query.Nearest(list(dense), using=DENSE))
        if use_sparse:
            searches.append(qe.Query.Nearest(_sparse(sparse), using=SPARSE))

        def run(qfilter: qe.Filter | None) -> list[Any]:
            if len(searches) == 1:
                request = qe.QueryRequest(
                    limit=limit, query=searches[0], filter=qfilter, with_payload=not fields
                )
            else:
                prefetches = [
                    qe.Prefetch(limit=prefetch_limit, query=q, filter=qfilter) for q in searches
                ]
                request = qe.QueryRequest(
                    limit=limit,
                    prefetches=prefetches,
                    query=qe.Fusion.Rrf(k=RRF_K),
                    filter=qfilter,
                    with_payload=not fields,
                )
            return self._require().query(request)

        def read(flt: SearchFilter) -> list[Any]:
            writes = self._writes
            unstaged = not flt.include_staged and self._none_staged()
            points = run(edge_filter(replace(flt, include_staged=True) if unstaged else flt))
            if unstaged and self._writes != writes:  # a write began while it ran: it may stage
                points = run(edge_filter(flt))
            return points

        points = read_in_one_view(self, flt, read)
        if not fields:
            return [Hit(str(p.id), float(p.score), p.payload or {}) for p in points]
        # One pass while every point is cached (a server's, once warm): each read of `id`
        # makes a new uuid.UUID, and the cache is looked up once a point.
        known = self._light.setdefault(tuple(fields), {})
        hits = []
        for point in points:
            if (entry := known.get(point.id.int)) is None:
                return self._light_hits(tuple(fields), points)
            hits.append(Hit(entry[0], point.score, MappingProxyType(entry[1])))
        return hits

    def _light_hits(self, fields: tuple[str, ...], points: Sequence[Any]) -> list[Hit]:
        """Hits carrying `fields`, read for the points not cached yet."""
        ids = [p.id for p in points]  # read once: each read of `id` makes a new uuid.UUID
        known = self._light_payloads(fields, ids)
        hits = []
        for point_id, point in zip(ids, points, strict=True):
            # A point deleted since the query ran is left out; callers get views, not the cache.
            if (entry := known.get(point_id.int)) is not None:
                hits.append(Hit(entry[0], point.score, MappingProxyType(entry[1])))
        return hits

    def scroll(
        self, flt: SearchFilter | None, limit: int | None = None, with_vectors: bool = False
    ) -> Iterator[Hit]:
        """Every matching point (up to `limit`), in id order, fetched a page at a time.

        Read in one view (`read_in_one_view`), whole, unless the filter brings its own.
        """
        if self.shard is None:
            return
        yield from scroll_in_one_view(self, flt, lambda f: self._pages(f, limit, with_vectors))

    def _pages(self, flt: SearchFilter, limit: int | None, with_vectors: bool) -> Iterator[Hit]:
        offset, seen = None, 0
        qfilter = edge_filter(flt)
        while True:
            page = _SCROLL_PAGE if limit is None else min(_SCROLL_PAGE, limit - seen)
            if page <= 0:
                return
            records, offset = self.shard.scroll(
                qe.ScrollRequest(
                    offset=offset,
                    limit=page,
                    filter=qfilter,
                    with_payload=True,
                    with_vector=with_vectors,
                )
            )
            for record in records:
                yield _hit(record)
            seen += len(records)
            if offset is None or not records:
                return

    def count(self, flt: SearchFilter | None = None) -> int:
        if self.shard is None:
            return 0
        shard = self.shard
        return read_in_one_view(
            self,
            flt,
            lambda f: int(shard.count(qe.CountRequest(exact=True, filter=edge_filter(f)))),
        )

    def facet(self, key: str, flt: SearchFilter | None, limit: int = 50) -> dict[str, int]:
        """Counts of points per value of a keyword field, largest first."""
        if self.shard is None:
            return {}
        return dict(read_in_one_view(self, flt, lambda f: self._facet(key, f, limit)))

    def _facet(self, key: str, flt: SearchFilter, limit: int) -> dict[str, int]:
        cached = self._facets.get((key, flt, limit))
        if cached is None:
            if len(self._facets) > 512:
                self._facets.clear()
            response = self._require().facet(
                qe.FacetRequest(key=key, limit=limit, exact=True, filter=edge_filter(flt))
            )
            cached = {str(h.value): int(h.count) for h in response.hits}
            self._facets[(key, flt, limit)] = cached
        return cached

    def retrieve(self, ids: Sequence[str]) -> list[Hit]:
        """The live points with these ids, in the order asked; unknown ids are left out."""
        if self.shard is None or not ids:
            return []
        # Each read of a record's `payload` converts it again: read once, in `_hit`.
        records = self.shard.retrieve(list(ids), with_payload=True, with_vector=False)
        found = {hit.id: hit for hit in map(_hit, records)}
        return [found[i] for i in ids if i in found and found[i].payload.get("state") == "live"]

    def set_payload(self, ids: Sequence[str], payload: dict[str, Any]) -> None:
        """Merge `payload` into these points' payloads."""
        check_payload(payload)
        if ids:
            self._drop_light(list(payload))
            self._update(qe.UpdateOperation.set_payload(list(ids), payload))

    def optimize(self) -> bool:
        """Merge segments and build their HNSW graphs, blocking until done.

        qdrant-edge has no background optimizer: without this, points stay in the
        appendable segment and every dense query scans all of them (23 ms at 100k chunks,
        against 2.6 ms on HNSW). It holds the GIL for the whole run (minutes at 100k chunks),
        so it runs after an ingest or before a server serves, never beside reads.
        """
        if self.shard is None:
            return False
        changed = bool(self.shard.optimize())
        if changed:
            self.shard.flush()
        return changed

    def flush(self) -> None:
        if self.shard is not None:
            self.shard.flush()

    def close(self) -> None:
        if self.shard is not None:
            if self._writes:  # a reader has nothing to flush (0.1-0.2 s of a command's run)
                self.shard.flush()
            self.shard.close()
            self.shard = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None
