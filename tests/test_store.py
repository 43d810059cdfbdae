"""The store interface, run against both engines: qdrant-edge embedded and qdrant-client local mode."""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import json
import random
import signal
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import numpy as np
import pytest
from qdrant_client import QdrantClient

from index import commit
from index.filters import SearchFilter
from index.sparse import SparseEncoder, identifier_index
from index.store import ModelMismatch, StoreLocked, StorePoint, point_uuid
from index.store_edge import EdgeStore
from index.store_qdrant import QdrantStore

REPO = Path(__file__).resolve().parents[1]
DIM = 16
SPARSE = SparseEncoder()
ROWS = [
    # item, doc, committee, date, case, outcomes, parties, amounts, persons by role, text
    (
        "a#1",
        "doc-a",
        "Beskæftigelsesudvalget",
        "2025-08-12",
        "15.00.00-G01-5-25",
        ["approved"],
        ["Venstre"],
        [15600000.0],
        {"absent": ["Claus Berggren"], "voted_for": ["Anna Jensen"]},
        "Besparelser på fleksjobbet og ledighed · 15.00.00-G01-5-25",
    ),
    (
        "a#2",
        "doc-a",
        "Beskæftigelsesudvalget",
        "2025-08-12",
        "27.35.00-G01-2-22",
        ["noted"],
        [],
        [],
        {"present": ["Anna Jensen"]},
        "Status på veteranindsatsen og veteranhuset (27.35.00-G01-2-22)",
    ),
    (
        "b#1",
        "doc-b",
        "Social- og arbejdsmarkedsudvalget",
        "2026-02-03",
        "15.00.00-G01-5-25",
        ["noted"],
        ["Velfærdslisten"],
        [2511000.0],
        {"voted_against": ["Bo Hansen"]},
        "Beskæftigelsesreformen · 15.00.00-G01-5-25 · se EMN-2025-008579",
    ),
    (
        "c#1",
        "doc-c",
        "Aarhus Byråd",
        "2025-08-27",
        "EMN-2025-008579",
        ["rejected"],
        ["Moderaterne"],
        [500.0],
        {},
        "Parkering i kommunale P-huse · EMN-2025-008579",
    ),
]


def unit(seed: int) -> list[float]:
    vector = np.random.default_rng(seed).normal(size=DIM)
    return (vector / np.linalg.norm(vector)).tolist()


def make_points(rows=ROWS) -> list[StorePoint]:
    points = []
    for n, (item, doc, committee, date, case, outcomes, parties, amounts, roles, text) in enumerate(
        rows
    ):
        group = case.split(".")[0] if "." in case else None
        closed = item == "c#1"
        payload = {
            "item_id": item, "doc_id": doc, "source": f"{doc}.pdf", "committee": committee,
            "meeting_id": f"{doc}/m", "meeting_date": f"{date}T00:00:00Z", "year": date[:4],
            "item_number": int(item[-1]), "case_numbers": [case],
            "kle_groups": [group] if group else [], "kle_subjects": [case[:8]] if group else [],
            "kle_prefixes": [group, case[:5], case[:8]] if group else [],
            "outcomes": outcomes, "parties": parties, "amounts_abs": amounts,
            "persons": sorted({p for names in roles.values() for p in names}),
            **{f"persons_{r}" if r in ("present", "absent") else r: names for r, names in roles.items()},
            "kind": "other" if doc == "doc-c" else "minutes",
            "chunk_type": "title", "closed": closed, "access": "closed" if closed else "open", "text": text,
        }  # fmt: skip
        points.append(StorePoint(point_uuid(item), unit(n), SPARSE.encode_document(text), payload))
    return points


def open_edge(folder: Path) -> EdgeStore:
    return EdgeStore.open(folder)


def open_qdrant_path(folder: Path) -> QdrantStore:
    return QdrantStore.local(folder)


PERSISTENT = {"edge": open_edge, "qdrant-path": open_qdrant_path}


@pytest.fixture(params=["edge", "qdrant-memory"])
def store(request, tmp_path):
    if request.param == "edge":
        s = EdgeStore.open(tmp_path / "index")
    else:
        s = QdrantStore(QdrantClient(":memory:"), "minutes")
    s.ensure_collection(DIM, "test-model")
    yield s
    s.close()


@pytest.fixture
def filled(store):
    store.upsert(make_points())
    return store


def ids(hits) -> set[str]:
    return {h.payload["item_id"] for h in hits}


FILTER_CASES = [
    (SearchFilter(), {"a#1", "a#2", "b#1", "c#1"}),
    (SearchFilter(committees=("Beskæftigelsesudvalget",)), {"a#1", "a#2"}),
    (SearchFilter(committees=("Aarhus Byråd", "Beskæftigelsesudvalget")), {"a#1", "a#2", "c#1"}),
    (SearchFilter(date_from=dt.date(2025, 8, 13)), {"b#1", "c#1"}),
    (SearchFilter(date_to=dt.date(2025, 8, 12)), {"a#1", "a#2"}),
    (SearchFilter(date_from=dt.date(2025, 8, 27), date_to=dt.date(2025, 8, 27)), {"c#1"}),
    (SearchFilter(case_numbers=("15.00.00-G01-5-25",)), {"a#1", "b#1"}),
    (SearchFilter(case_numbers=("EMN-2025-008579", "27.35.00-G01-2-22")), {"a#2", "c#1"}),
    (SearchFilter(case_prefix="15"), {"a#1", "b#1"}),
    (SearchFilter(case_prefix="27.35"), {"a#2"}),
    (SearchFilter(case_prefix="15.00.00"), {"a#1", "b#1"}),
    (SearchFilter(case_prefix="82"), set()),
    (SearchFilter(outcomes=("noted",)), {"a#2", "b#1"}),
    (SearchFilter(outcomes=("approved", "rejected")), {"a#1", "c#1"}),
    (SearchFilter(parties=("Velfærdslisten", "Moderaterne")), {"b#1", "c#1"}),
    (SearchFilter(persons=("Anna Jensen",)), {"a#1", "a#2"}),
    (SearchFilter(persons=("Anna Jensen",), person_role="present"), {"a#2"}),
    (SearchFilter(persons=("Anna Jensen",), person_role="voted_for"), {"a#1"}),
    (SearchFilter(persons=("Claus Berggren",), person_role="absent"), {"a#1"}),
    (SearchFilter(persons=("Bo Hansen",), person_role="voted_against"), {"b#1"}),
    (SearchFilter(persons=("Bo Hansen",), person_role="voted_for"), set()),
    (SearchFilter(min_amount=Decimal(1000000)), {"a#1", "b#1"}),
    (SearchFilter(max_amount=Decimal(3000000)), {"b#1", "c#1"}),
    (SearchFilter(min_amount=Decimal(1000), max_amount=Decimal(3000000)), {"b#1"}),
    (SearchFilter(min_amount=Decimal("-2511000")), {"a#1", "b#1"}),  # compared by size
    (SearchFilter(kinds=("other",)), {"c#1"}),
    (SearchFilter(kinds=("minutes",)), {"a#1", "a#2", "b#1"}),
    (SearchFilter(document_ids=("doc-a",)), {"a#1", "a#2"}),
    (SearchFilter(item_ids=("a#2", "c#1")), {"a#2", "c#1"}),
    (SearchFilter(item_numbers=(2,)), {"a#2"}),
    (SearchFilter(meeting_ids=("doc-b/m",)), {"b#1"}),
    (SearchFilter(sources=("doc-c.pdf",)), {"c#1"}),
    (SearchFilter(chunk_types=("text",)), set()),
    (SearchFilter(closed=True), {"c#1"}),
    (SearchFilter(closed=False), {"a#1", "a#2", "b#1"}),
    (
        SearchFilter(
            committees=("Beskæftigelsesudvalget",), outcomes=("approved",), parties=("Venstre",)
        ),
        {"a#1"},
    ),
]


@pytest.mark.parametrize(("flt", "expected"), FILTER_CASES)
def test_every_filter_in_scroll_count_and_query(filled, flt, expected):
    assert ids(filled.scroll(flt)) == expected
    assert filled.count(flt) == len(expected)
    query = filled.query(unit(0), SPARSE.encode_query("beskæftigelse"), flt, limit=10)
    assert ids(query) == expected  # RRF over the filtered set returns all four at limit 10


def test_dense_sparse_and_hybrid_queries(filled):
    points = make_points()
    dense = filled.query(points[1].dense, None, None, limit=1, mode="dense")
    assert dense[0].payload["item_id"] == "a#2" and dense[0].score == pytest.approx(1.0)
    sparse = filled.query(None, SPARSE.encode_query("veteranhus"), None, limit=2, mode="sparse")
    assert sparse[0].payload["item_id"] == "a#2"
    hybrid = filled.query(
        points[1].dense,
        SPARSE.encode_query("veteranhuset"),
        SearchFilter(committees=("Beskæftigelsesudvalget",)),
        limit=4,
    )
    assert [h.payload["item_id"] for h in hybrid] == ["a#2", "a#1"]
    assert hybrid[0].score == pytest.approx(2 / 60)  # first in both lists: RRF with k=60
    # Hybrid with one vector missing uses the other one.
    assert filled.query(points[2].dense, None, None, limit=1)[0].payload["item_id"] == "b#1"


def test_query_arguments_are_checked(filled):
    with pytest.raises(ValueError, match="mode"):
        filled.query(unit(0), None, None, limit=1, mode="bm25")
    with pytest.raises(ValueError, match="needs"):
        filled.query(None, None, None, limit=1)
    with pytest.raises(ValueError, match="needs"):
        filled.query(unit(0), None, None, limit=1, mode="sparse")


def test_both_engines_rank_and_score_alike(tmp_path):
    edge = EdgeStore.open(tmp_path / "index")
    local = QdrantStore(QdrantClient(":memory:"), "minutes")
    points = make_points()
    for s in (edge, local):
        s.ensure_collection(DIM, "test-model")
        s.upsert(points)
    try:
        for text, dense in [("fleksjob ledighed", unit(9)), ("EMN-2025-008579", unit(3))]:
            for mode in ("hybrid", "dense", "sparse"):
                a, b = (
                    s.query(dense, SPARSE.encode_query(text), None, limit=4, mode=mode)
                    for s in (edge, local)
                )
                assert [h.id for h in a] == [h.id for h in b], (text, mode)
                assert [h.score for h in a] == pytest.approx([h.score for h in b], rel=1e-4)
    finally:
        edge.close()


def test_case_numbers_match_whole(filled):
    hits = filled.query(None, SPARSE.encode_query("EMN-2025-008579"), None, limit=4, mode="sparse")
    assert ids(hits) == {"b#1", "c#1"}
    # a#2 shares the pieces "00" and "g01", but not the whole number: it trails far behind.
    hits = filled.query(
        None, SPARSE.encode_query("sag 15.00.00-G01-5-25"), None, limit=4, mode="sparse"
    )
    assert ids(hits[:2]) == {"a#1", "b#1"}
    assert all(h.score < hits[1].score / 2 for h in hits[2:])


def test_sparse_encoder_stems_drops_stop_words_and_keeps_identifiers_apart():
    # One stem for both; the compound also brings its parts ("fleks", "job").
    stem = set(SPARSE.encode_query("fleksjob").indices)
    assert len(stem) == 1 and stem < set(SPARSE.encode_query("fleksjobbet").indices)
    assert SPARSE.encode_query("og i på det").indices == ()
    doc = SPARSE.encode_document("Sag 15.00.00-G01-5-25 om fleksjob, jf. 15.00.00-G01-5-25")
    words = [i for i in doc.indices if i < 2**31]
    assert len(words) >= 5 and all(i >= 0 for i in doc.indices)
    case = identifier_index("15.00.00-G01-5-25")
    assert case >= 2**31 and case in doc.indices
    assert identifier_index("15.00.00-g01-5-25") == case  # case-insensitive
    # The identifier weighs what BM25 gives a word seen twice in the same text.
    twice = SPARSE.encode_document("fleksjob fleksjob om 15.00.00-G01-5-25 15.00.00-G01-5-25")
    weights = dict(zip(twice.indices, twice.values, strict=True))
    stem = SPARSE.encode_query("fleksjob").indices[0]
    assert weights[identifier_index("15.00.00-G01-5-25")] == pytest.approx(weights[stem], rel=0.02)
    party = SPARSE.encode_query("V")
    assert party.indices and party.indices == SPARSE.encode_query("v").indices


def test_stemmed_sparse_match(filled):
    hits = filled.query(None, SPARSE.encode_query("fleksjob"), None, limit=1, mode="sparse")
    assert hits[0].payload["item_id"] == "a#1"


def test_facets(filled):
    assert filled.facet("committee", None) == {
        "Beskæftigelsesudvalget": 2,
        "Social- og arbejdsmarkedsudvalget": 1,
        "Aarhus Byråd": 1,
    }
    assert filled.facet("outcomes", SearchFilter(committees=("Beskæftigelsesudvalget",))) == {
        "approved": 1,
        "noted": 1,
    }
    assert filled.facet("committee", None, limit=1) == {"Beskæftigelsesudvalget": 2}
    assert filled.facet("year", SearchFilter(date_from=dt.date(2026, 1, 1))) == {"2026": 1}


def test_scroll_pages_limits_and_vectors(store):
    rng = np.random.default_rng(1)
    many = [
        StorePoint(
            point_uuid(f"bulk/{k}"),
            rng.normal(size=DIM).tolist(),
            SPARSE.encode_document(f"punkt {k}"),
            {"doc_id": f"bulk{k % 3}", "item_id": f"bulk#{k}"},
        )
        for k in range(1100)
    ]
    store.upsert(many)
    assert len({h.id for h in store.scroll(None)}) == 1100
    assert len(list(store.scroll(SearchFilter(document_ids=("bulk0",)), limit=700))) == 367
    assert len(list(store.scroll(None, limit=600))) == 600
    first = next(store.scroll(SearchFilter(item_ids=("bulk#5",)), with_vectors=True))
    assert first.dense == pytest.approx(np.array(many[5].dense) / np.linalg.norm(many[5].dense))
    assert first.sparse == many[5].sparse
    assert next(store.scroll(None)).dense is None


def test_retrieve_and_set_payload(filled):
    a1, c1 = point_uuid("a#1"), point_uuid("c#1")
    hits = filled.retrieve([c1, point_uuid("nothing"), a1])
    assert [h.payload["item_id"] for h in hits] == ["c#1", "a#1"]
    filled.set_payload([a1], {"note": "checked"})
    (hit,) = filled.retrieve([a1])
    assert hit.payload["note"] == "checked" and hit.payload["committee"] == "Beskæftigelsesudvalget"
    with pytest.raises(ValueError, match="store's own"):
        filled.set_payload([a1], {"state": "staged"})


def test_delete_by_document(filled):
    filled.delete(SearchFilter(document_ids=("doc-a",)))
    assert ids(filled.scroll(None)) == {"b#1", "c#1"}
    with pytest.raises(ValueError, match="empty filter"):
        filled.delete(SearchFilter())
    assert filled.count() == 2


def version(doc: str, tag: str, n: int) -> list[StorePoint]:
    """Version `tag` of a document: n points with their own ids and payloads saying which version."""
    return [
        StorePoint(
            point_uuid(f"{doc}/{tag}/{k}"),
            unit(k),
            SPARSE.encode_document(f"version {tag} punkt {k}"),
            {"doc_id": doc, "item_id": f"{doc}#{k}", "version": tag},
        )
        for k in range(n)
    ]


def test_replace_document_leaves_no_duplicates_or_orphans(filled):
    filled.replace_document("doc-x", version("doc-x", "A", 3))
    filled.replace_document("doc-x", version("doc-x", "A", 3))
    x = SearchFilter(document_ids=("doc-x",))
    assert filled.count(x) == 3 == filled.count(dataclasses.replace(x, include_staged=True))
    filled.replace_document("doc-x", version("doc-x", "B", 5))
    assert {h.payload["version"] for h in filled.scroll(x)} == {"B"} and filled.count(x) == 5
    filled.replace_document("doc-x", version("doc-x", "B", 2))  # same ids, fewer: overwritten
    assert sorted(h.id for h in filled.scroll(x)) == sorted(p.id for p in version("doc-x", "B", 2))
    filled.replace_document("doc-a", make_points()[:1])
    assert ids(filled.scroll(SearchFilter(document_ids=("doc-a",)))) == {"a#1"}
    assert filled.count() == 3 + 2  # doc-a (1), doc-b, doc-c, doc-x (2)
    assert filled.count(SearchFilter(include_staged=True)) == filled.count()


def staged_copies() -> list[StorePoint]:
    """The points of make_points again, under other ids: a new version to stage."""
    return [dataclasses.replace(p, id=point_uuid(f"new/{p.id}")) for p in make_points()]


def test_staged_points_are_invisible_until_discarded(filled):
    # A crash after writing but before committing: staged points under a new ingest id.
    staged = staged_copies()
    filled._write(filled._points(staged, {"state": "staged", "ingest_id": "crashed"}))
    assert filled.count() == 4 and filled.count(SearchFilter(include_staged=True)) == 8
    assert len(filled.query(unit(0), SPARSE.encode_query("fleksjob"), None, limit=20)) == 4
    assert sum(filled.facet("committee", None).values()) == 4
    assert filled.retrieve([staged[0].id]) == []
    # The next replacement of the document removes its leftovers; discard_staged removes all.
    filled.replace_document("doc-a", make_points()[:2])
    assert filled.count(SearchFilter(include_staged=True)) == 6
    assert filled.discard_staged() == 2
    assert filled.count(SearchFilter(include_staged=True)) == 4


@pytest.fixture
def filled_edge(tmp_path):
    store = EdgeStore.open(tmp_path / "index")
    store.ensure_collection(DIM, "test-model")
    store.upsert(make_points())
    shard = store.shard
    yield store
    store.shard = shard  # a test may have put a RacingShard in front of it
    store.close()


class RacingShard:
    """An engine that lets a staged write in (a server's upload) once, during its first call
    of `during`: before a query runs, or after a count has counted."""

    def __init__(self, store: EdgeStore, staged: list[StorePoint], during: str):
        self.shard, self.store, self.staged, self.during = store.shard, store, staged, during

    def __getattr__(self, name):
        return getattr(self.shard, name)

    def _stage(self, call: str) -> None:
        if call == self.during and self.staged:
            points, self.staged = self.staged, []
            self.store._write(self.store._points(points, {"state": "staged", "ingest_id": "x"}))

    def query(self, request):
        self._stage("query")
        return self.shard.query(request)

    def count(self, request):
        counted = self.shard.count(request)
        self._stage("count")
        return counted


def test_a_count_overtaken_by_a_staged_write_does_not_clear_the_staged_flag(filled_edge):
    filled_edge.shard = RacingShard(filled_edge, staged_copies(), during="count")
    assert not filled_edge._none_staged()  # the count found none, but a write ran after it
    assert len(filled_edge.query(unit(0), None, None, limit=20, mode="dense")) == 4


def test_a_query_overtaken_by_a_staged_write_still_leaves_staged_points_out(filled_edge):
    # With no point staged, queries drop the `state` condition; a write that begins while one
    # runs makes it run again with the condition.
    before = filled_edge.query(unit(0), None, None, limit=20, mode="dense")
    assert filled_edge._none_staged()
    filled_edge.shard = RacingShard(filled_edge, staged_copies(), during="query")
    assert filled_edge.query(unit(0), None, None, limit=20, mode="dense") == before
    assert filled_edge.count(SearchFilter(include_staged=True)) == 8
    assert not filled_edge._none_staged()  # and later queries keep the condition
    assert filled_edge.query(unit(0), None, None, limit=20, mode="dense") == before


def test_model_mismatch(store):
    store.ensure_collection(DIM, "test-model")  # the same model again is fine
    with pytest.raises(ModelMismatch, match="other-model"):
        store.ensure_collection(DIM, "other-model")
    with pytest.raises(ModelMismatch, match="16 dimensioner"):
        store.ensure_collection(DIM * 2, "test-model")


def test_older_sparse_format_asks_for_a_rebuild(tmp_path):
    store = EdgeStore.open(tmp_path / "index")
    store.ensure_collection(DIM, "test-model")
    store.close()
    meta = tmp_path / "index" / "index.json"
    meta.write_text(json.dumps({"model": "test-model", "dim": DIM}))
    store = EdgeStore.open(tmp_path / "index")
    with pytest.raises(ModelMismatch, match="ældre minutes-version"):
        store.ensure_collection(DIM, "test-model")
    store.close()


@pytest.mark.parametrize("kind", PERSISTENT)
def test_reopen_keeps_points_and_model(tmp_path, kind):
    opener = PERSISTENT[kind]
    store = opener(tmp_path / "index")
    store.ensure_collection(DIM, "test-model")
    store.upsert(make_points())
    store.close()
    again = opener(tmp_path / "index")
    try:
        info = again.index_info()
        assert (info.model_name, info.dim, info.points) == ("test-model", DIM, 4)
        assert again.count(SearchFilter(case_prefix="15")) == 2
        with pytest.raises(ModelMismatch):
            again.ensure_collection(DIM, "other-model")
    finally:
        again.close()


OPEN_SCRIPT = """
import sys
from pathlib import Path
from index.store import StoreLocked
from tests.test_store import PERSISTENT
try:
    PERSISTENT[sys.argv[1]](Path(sys.argv[2])).close()
except StoreLocked as exc:
    print(exc)
    sys.exit(3)
"""


@pytest.mark.parametrize("kind", PERSISTENT)
def test_second_process_gets_store_locked(tmp_path, kind):
    store = PERSISTENT[kind](tmp_path / "index")
    store.ensure_collection(DIM, "test-model")
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-c", OPEN_SCRIPT, kind, str(tmp_path / "index")],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
    )
    assert result.returncode == 3, result.stderr
    assert "bruges af en anden minutes-proces" in result.stdout
    assert f"(pid {__import__('os').getpid()})" in result.stdout and "--url" in result.stdout
    assert time.monotonic() - started < 30  # refused at once, not after a wait
    with pytest.raises(StoreLocked):
        PERSISTENT[kind](tmp_path / "index")  # a second open in the same process, too
    store.close()
    PERSISTENT[kind](tmp_path / "index").close()  # free again after close


WRITER_SCRIPT = """
import sys
from pathlib import Path
from tests.test_store import DIM, PERSISTENT, version
store = PERSISTENT[sys.argv[1]](Path(sys.argv[2]))
store.ensure_collection(DIM, "test-model")
print("READY", flush=True)
n = 0
while True:
    tag = "ABC"[n % 3]
    store.replace_document("doc-x", version("doc-x", tag, 40 + 10 * (n % 3)))
    print("COMMITTED", tag, flush=True)
    n += 1
"""
SIZES = {"A": 40, "B": 50, "C": 60}


@pytest.mark.parametrize("kind", PERSISTENT)
def test_sigkill_mid_replace_leaves_one_whole_version(tmp_path, kind):
    folder = tmp_path / "index"
    rng = random.Random(5)
    for _ in range(4):
        process = subprocess.Popen(
            [sys.executable, "-c", WRITER_SCRIPT, kind, str(folder)],
            cwd=REPO,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert process.stdout.readline().strip() == "READY"
        first = (
            process.stdout.readline().split()
        )  # one whole version first, however slow the machine
        time.sleep(rng.uniform(0.0, 1.2))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        committed = [first[1]] + [line.split()[1] for line in process.stdout.read().splitlines()]
        store = PERSISTENT[kind](folder)  # the kernel dropped the dead writer's lock
        try:
            live = list(store.scroll(SearchFilter(document_ids=("doc-x",))))
            tags = {h.payload["version"] for h in live}
            assert len(tags) == 1, f"versions mixed after the kill: {tags}"
            (tag,) = tags
            # The last committed version, or the next one if its commit step had run.
            last = committed[-1]
            assert tag in (last, "ABC"[("ABC".index(last) + 1) % 3]), (tag, last)
            assert len(live) == SIZES[tag] == len({h.id for h in live})
            if kind == "edge":  # opening the embedded store rolled back the unfinished write
                assert store.count(SearchFilter(include_staged=True)) == SIZES[tag]
        finally:
            store.close()


def test_edge_store_without_collection_answers_empty(tmp_path):
    store = EdgeStore.open(tmp_path / "empty")
    try:
        assert store.index_info() is None and store.count() == 0
        assert list(store.scroll(None)) == [] and store.facet("committee", None) == {}
        assert store.query(unit(0), None, None, limit=3) == []
        assert store.retrieve([point_uuid("x")]) == []
    finally:
        store.close()


def test_point_uuid_is_stable():
    assert point_uuid("doc/1") == point_uuid("doc/1") != point_uuid("doc/2")
    assert len(point_uuid("x")) == 36


class Crash(Exception):
    pass


class DyingStore:
    """A store whose process dies before its n-th write of a replacement (half-way, if `partial`)."""

    def __init__(self, store, writes: int, partial: bool = False):
        self.store, self.left, self.partial = store, writes, partial

    def __getattr__(self, name):
        operation = getattr(self.store, name)
        if name not in ("write_points", "update_where", "delete_where"):
            return operation

        def write(where_or_points, *rest):
            if self.left == 0:
                if self.partial and name == "update_where":
                    half = sorted(self.store.ids_where(where_or_points))[::2]
                    operation(commit.Where(or_ids=tuple(half)), *rest)
                raise Crash
            self.left -= 1
            return operation(where_or_points, *rest)

        return write


# Writes of a replacement: 0 staged points, 1 the commit, 2 kept points again, 3 older points
# deleted, 4 superseded documents deleted, 5 supersedes emptied. Dying before 0 or 1 keeps
# the old version.
@pytest.mark.parametrize("kind", PERSISTENT)
@pytest.mark.parametrize(
    ("writes", "partial", "survivor"),
    [(0, False, "A"), (1, False, "A"), (1, True, "B"), (2, False, "B"), (3, False, "B"), (4, False, "B"), (5, False, "B")],
)  # fmt: skip
def test_reopening_settles_a_replacement_cut_short(tmp_path, kind, writes, partial, survivor):
    folder = tmp_path / "index"
    store = PERSISTENT[kind](folder)
    store.ensure_collection(DIM, "test-model")
    store.replace_document("doc-x", version("doc-x", "A", 40))
    store.replace_document("old-x", version("old-x", "A", 3))  # an older file of the same source
    with pytest.raises(Crash):
        commit.replace_document(
            DyingStore(store, writes, partial), "doc-x", version("doc-x", "B", 50), ["old-x"]
        )
    store.close()
    store = PERSISTENT[kind](folder)
    try:
        live = list(store.scroll(SearchFilter(document_ids=("doc-x",))))
        assert {h.payload["version"] for h in live} == {survivor}
        assert len(live) == SIZES[survivor]
        assert store.count(SearchFilter(document_ids=("old-x",))) == (3 if survivor == "A" else 0)
        assert store.count(SearchFilter(include_staged=True)) == store.count()
    finally:
        store.close()


@pytest.mark.parametrize("kind", PERSISTENT)
def test_replacement_keeps_points_it_shares_with_the_last_version(tmp_path, kind):
    store = PERSISTENT[kind](tmp_path / "index")
    try:
        store.ensure_collection(DIM, "test-model")
        store.replace_document("doc-x", version("doc-x", "A", 40))
        shared = version("doc-x", "A", 10)
        with pytest.raises(Crash):  # dies after the commit, before the kept points are rewritten
            commit.replace_document(
                DyingStore(store, 2), "doc-x", shared + version("doc-x", "B", 50)[10:]
            )
        wanted = {p.id for p in shared} | {p.id for p in version("doc-x", "B", 50)[10:]}
        assert {h.id for h in store.scroll(SearchFilter(document_ids=("doc-x",)))} >= wanted
        store.close()
        store = PERSISTENT[kind](tmp_path / "index")
        assert {h.id for h in store.scroll(SearchFilter(document_ids=("doc-x",)))} == wanted
    finally:
        store.close()


@pytest.mark.parametrize("kind", PERSISTENT)
def test_superseded_bytes_ingested_again_stay_after_reopening(tmp_path, kind):
    store = PERSISTENT[kind](tmp_path / "index")
    try:
        store.ensure_collection(DIM, "test-model")
        store.replace_document("old-x", version("old-x", "A", 3))
        store.replace_document("doc-x", version("doc-x", "B", 5), supersedes=["old-x"])
        assert store.count(SearchFilter(document_ids=("old-x",))) == 0
        store.replace_document("old-x", version("old-x", "A", 3))  # the old bytes, another name
        store.close()
        store = PERSISTENT[kind](tmp_path / "index")
        assert store.count(SearchFilter(document_ids=("old-x",))) == 3
        assert store.count(SearchFilter(document_ids=("doc-x",))) == 5
    finally:
        store.close()


def test_server_settling_leaves_staged_points_to_their_writer():
    store = QdrantStore(QdrantClient(":memory:"), "minutes")  # speaks the server's API
    store.ensure_collection(DIM, "test-model")
    store.replace_document("doc-x", version("doc-x", "A", 40))
    store.replace_document("old-x", version("old-x", "A", 3))
    with pytest.raises(Crash):  # after the commit, before the older points go
        commit.replace_document(DyingStore(store, 3), "doc-x", version("doc-x", "B", 50), ["old-x"])
    with pytest.raises(Crash):  # another writer, half-way: its points are staged
        commit.replace_document(DyingStore(store, 1), "doc-y", version("doc-y", "C", 60))
    commit.settle(store, staged_too=False)
    live = {h.payload["version"] for h in store.scroll(SearchFilter(document_ids=("doc-x",)))}
    assert live == {"B"} and store.count(SearchFilter(document_ids=("old-x",))) == 0
    assert store.count(SearchFilter(document_ids=("doc-y",), include_staged=True)) == 60


def test_embedded_facets_follow_every_write(tmp_path):
    store = EdgeStore.open(tmp_path / "index")
    try:
        store.ensure_collection(DIM, "test-model")
        store.replace_document("doc-x", version("doc-x", "A", 4))
        assert store.facet("doc_id", None) == {"doc-x": 4}
        store.replace_document("doc-x", version("doc-x", "B", 6))
        assert store.facet("doc_id", None) == {"doc-x": 6}
        store.upsert(version("doc-y", "A", 2))
        assert store.facet("doc_id", None) == {"doc-x": 6, "doc-y": 2}
        store.delete(SearchFilter(document_ids=("doc-x",)))
        assert store.facet("doc_id", None) == {"doc-y": 2}
        store.facet("doc_id", None)["doc-y"] = 99  # a caller's copy, not the cache
        assert store.facet("doc_id", None) == {"doc-y": 2}
    finally:
        store.close()


def test_embedded_query_fields_follow_every_write(tmp_path):
    """Queries asking for `fields` read them from a per-point cache; every write keeps it true."""
    store = EdgeStore.open(tmp_path / "index")
    fields = ("item_id", "version", "state")

    def answered() -> dict[str, tuple]:
        hits = store.query(unit(0), None, None, limit=50, mode="dense", fields=fields)
        return {h.id: tuple(h.payload.get(f) for f in fields) for h in hits}

    def truth() -> dict[str, tuple]:
        return {h.id: tuple(h.payload.get(f) for f in fields) for h in store.scroll(None)}

    try:
        store.ensure_collection(DIM, "test-model")
        store.replace_document("doc-x", version("doc-x", "A", 4))
        assert answered() == truth() and len(truth()) == 4
        store.replace_document("doc-x", version("doc-x", "B", 6))  # new ids, old ones deleted
        assert answered() == truth() and {v[1] for v in truth().values()} == {"B"}
        kept = version("doc-x", "B", 6)
        for p in kept:
            p.payload["version"] = "B2"  # the same ids written again with another payload
        store.replace_document("doc-x", kept)
        assert answered() == truth() and {v[1] for v in answered().values()} == {"B2"}
        store.set_payload([kept[0].id], {"version": "C"})
        assert answered() == truth() and answered()[kept[0].id][1] == "C"
        store.delete(SearchFilter(document_ids=("doc-x",)))
        assert answered() == {}
        store.upsert(version("doc-y", "A", 2))
        assert answered() == truth() and len(answered()) == 2
        hit = store.query(unit(0), None, None, limit=1, mode="dense", fields=fields)[0]
        with pytest.raises(TypeError):  # a read-only view of the cache: no caller changes it
            hit.payload["version"] = "changed by a caller"  # type: ignore[index]
        assert answered() == truth()
    finally:
        store.close()


def test_warming_reads_every_point_once(filled_edge):
    filled_edge._light.clear()
    filled_edge.warm(("item_id",))
    cached = filled_edge._light[("item_id",)].values()
    assert {(i, f["item_id"]) for i, f in cached} == {
        (p.id, p.payload["item_id"]) for p in make_points()
    }
    hits = filled_edge.query(unit(1), None, None, limit=10, mode="dense", fields=("item_id",))
    assert {h.payload["item_id"] for h in hits} == {"a#1", "a#2", "b#1", "c#1"}


def test_the_field_cache_is_left_out_of_garbage_collection(filled_edge):
    """Cached list fields are tuples, so after a full collection no cached payload is tracked:
    a server's 100k payloads are not walked at every collection (docs/BENCHMARKS.md)."""
    fields = ("item_id", "case_numbers", "outcomes", "parties")
    filled_edge._light.clear()
    filled_edge.warm(fields)
    gc.collect()
    cached = [payload for _, payload in filled_edge._light[fields].values()]
    assert len(cached) == len(make_points())
    assert not any(gc.is_tracked(p) or any(map(gc.is_tracked, p.values())) for p in cached)
    hits = filled_edge.query(unit(1), None, None, limit=10, mode="dense", fields=fields)
    truth = {p.id: p.payload for p in make_points()}
    assert hits and all(list(h.payload[f]) == truth[h.id][f] for h in hits for f in fields[1:])


@pytest.mark.slow
def test_optimize_builds_hnsw_and_keeps_every_answer(tmp_path):
    """Past the engine's indexing threshold (~10 MB of vectors), optimize builds HNSW; results hold."""
    dim, n = 384, 8000
    rng = np.random.default_rng(3)
    vectors = rng.normal(size=(n, dim)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    store = EdgeStore.open(tmp_path / "index")
    try:
        store.ensure_collection(dim, "test-model")
        sparse = SPARSE.encode_document("punkt")
        store.upsert(
            [
                StorePoint(point_uuid(f"p/{k}"), vectors[k].tolist(), sparse, {"item_id": f"i#{k}"})
                for k in range(n)
            ]
        )
        probes = [int(k) for k in rng.choice(n, 20, replace=False)]

        def nearest(k: int) -> str:
            hits = store.query(
                vectors[k].tolist(), None, None, 1, mode="dense", fields=("item_id",)
            )
            return hits[0].payload["item_id"]

        before = [nearest(k) for k in probes]
        assert store.optimize() is True
        assert store.optimize() is False  # nothing left to do
        assert [nearest(k) for k in probes] == before == [f"i#{k}" for k in probes]
        assert store.count() == n
    finally:
        store.close()
    reopened = EdgeStore.open(tmp_path / "index")
    try:
        assert reopened.count() == n and reopened.optimize() is False
    finally:
        reopened.close()


def test_an_opened_shard_searches_on_one_engine_thread_and_answers_the_same(tmp_path):
    """The engine's calls hold the GIL, so one search thread (the caller's) is set in the shard's
    config, also on a shard made before it was; the answers do not change (docs/BENCHMARKS.md)."""
    from index.store_edge import SEARCH_THREADS

    folder = tmp_path / "index"
    saved = folder / "shard" / "edge_config.json"
    store = EdgeStore.open(folder)
    store.ensure_collection(DIM, "test-model")
    store.upsert(make_points())
    fresh = store.query(unit(1), None, None, limit=10, mode="dense", fields=("item_id",))
    store.close()
    assert json.loads(saved.read_text())["max_search_threads"] == SEARCH_THREADS == 1
    older = json.loads(saved.read_text())
    del older["max_search_threads"]  # as a shard made before: the engine's default pool
    saved.write_text(json.dumps(older))
    store = EdgeStore.open(folder)
    try:
        assert json.loads(saved.read_text())["max_search_threads"] == 1
        again = store.query(unit(1), None, None, limit=10, mode="dense", fields=("item_id",))
        assert fresh and [(h.id, h.score, dict(h.payload)) for h in again] == [
            (h.id, h.score, dict(h.payload)) for h in fresh
        ]
    finally:
        store.close()
