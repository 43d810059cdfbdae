"""The store interface, run against both engines: qdrant-edge embedded and qdrant-client local mode."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from decimal import Decimal

import numpy as np
import pytest
from qdrant_client import QdrantClient

from index.filters import SearchFilter
from index.sparse import SparseEncoder
from index.store import ModelMismatch, StoreLocked, StorePoint, point_uuid
from index.store_edge import EdgeStore
from index.store_qdrant import QdrantStore

DIM = 16
SPARSE = SparseEncoder()
ROWS = [
    # item, doc, committee, date, case, outcomes, parties, amounts, absent, text
    (
        "a#1",
        "doc-a",
        "Beskæftigelsesudvalget",
        "2025-08-12",
        "15.00.00-G01-5-25",
        ["approved"],
        ["Venstre"],
        [15600000.0],
        ["Claus Berggren"],
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
        [],
        "Status på veteranindsatsen og veteranhuset",
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
        [],
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
        [],
        "Parkering i kommunale P-huse · EMN-2025-008579",
    ),
]


def make_points(rows=ROWS, state_doc: str | None = None) -> list[StorePoint]:
    rng = np.random.default_rng(7)
    points = []
    for item, doc, committee, date, case, outcomes, parties, amounts, absent, text in rows:
        vector = rng.normal(size=DIM)
        vector /= np.linalg.norm(vector)
        group = case.split(".")[0] if "." in case else None
        payload = {
            "item_id": item, "doc_id": doc, "source": f"{doc}.pdf", "committee": committee,
            "meeting_date": f"{date}T00:00:00Z", "year": date[:4], "case_numbers": [case],
            "kle_groups": [group] if group else [], "kle_prefixes": [group, case[:5], case[:8]] if group else [],
            "outcomes": outcomes, "parties": parties, "amounts_abs": amounts, "persons_absent": absent,
            "persons": absent, "kind": "minutes", "chunk_type": "title", "closed": item == "c#1",
            "access": "closed" if item == "c#1" else "open", "text": text,
        }  # fmt: skip
        points.append(
            StorePoint(point_uuid(item), vector.tolist(), SPARSE.encode_document(text), payload)
        )
    return points


@pytest.fixture(params=["edge", "qdrant-local"])
def store(request, tmp_path):
    if request.param == "edge":
        s = EdgeStore.open(tmp_path / "index")
    else:
        s = QdrantStore(QdrantClient(":memory:"), "minutes")
    s.ensure_collection(DIM, "test-model")
    yield s
    s.close()


def ids(hits) -> set[str]:
    return {h.payload["item_id"] for h in hits}


def test_upsert_count_and_filters(store):
    store.upsert(make_points())
    assert store.count() == 4
    cases = [
        (SearchFilter(committees=("Beskæftigelsesudvalget",)), {"a#1", "a#2"}),
        (SearchFilter(date_from=dt.date(2025, 8, 13)), {"b#1", "c#1"}),
        (SearchFilter(date_to=dt.date(2025, 8, 12)), {"a#1", "a#2"}),
        (SearchFilter(case_numbers=("15.00.00-G01-5-25",)), {"a#1", "b#1"}),
        (SearchFilter(case_prefix="15"), {"a#1", "b#1"}),
        (SearchFilter(case_prefix="27.35"), {"a#2"}),
        (SearchFilter(outcomes=("noted",)), {"a#2", "b#1"}),
        (SearchFilter(parties=("Velfærdslisten", "Moderaterne")), {"b#1", "c#1"}),
        (SearchFilter(min_amount=Decimal(1000000)), {"a#1", "b#1"}),
        (SearchFilter(max_amount=Decimal(3000000)), {"b#1", "c#1"}),
        (SearchFilter(min_amount=Decimal(1000), max_amount=Decimal(3000000)), {"b#1"}),
        (SearchFilter(persons=("Claus Berggren",), person_role="absent"), {"a#1"}),
        (SearchFilter(closed=True), {"c#1"}),
        (SearchFilter(closed=False), {"a#1", "a#2", "b#1"}),
        (SearchFilter(document_ids=("doc-a",)), {"a#1", "a#2"}),
    ]
    for flt, expected in cases:
        assert ids(store.scroll(flt)) == expected, flt
        assert store.count(flt) == len(expected), flt


def test_dense_sparse_and_hybrid_queries(store):
    points = make_points()
    store.upsert(points)
    target = points[1]
    dense = store.query(target.dense, None, None, limit=1, mode="dense")
    assert dense[0].payload["item_id"] == "a#2"
    sparse = store.query(None, SPARSE.encode_query("veteranhus"), None, limit=2, mode="sparse")
    assert sparse[0].payload["item_id"] == "a#2"
    hybrid = store.query(
        target.dense,
        SPARSE.encode_query("veteranhuset"),
        SearchFilter(committees=("Beskæftigelsesudvalget",)),
        limit=4,
    )
    assert hybrid[0].payload["item_id"] == "a#2"
    assert ids(hybrid) <= {"a#1", "a#2"}


def test_case_numbers_match_lexically(store):
    store.upsert(make_points())
    hits = store.query(None, SPARSE.encode_query("EMN-2025-008579"), None, limit=4, mode="sparse")
    assert ids(hits) == {"b#1", "c#1"}
    hits = store.query(
        None, SPARSE.encode_query("sag 15.00.00-G01-5-25"), None, limit=4, mode="sparse"
    )
    assert ids(hits[:2]) == {"a#1", "b#1"}


def test_stemmed_sparse_match(store):
    store.upsert(make_points())
    hits = store.query(None, SPARSE.encode_query("fleksjob"), None, limit=1, mode="sparse")
    assert hits[0].payload["item_id"] == "a#1"


def test_facets(store):
    store.upsert(make_points())
    assert store.facet("committee", None) == {
        "Beskæftigelsesudvalget": 2,
        "Social- og arbejdsmarkedsudvalget": 1,
        "Aarhus Byråd": 1,
    }
    assert store.facet("outcomes", SearchFilter(committees=("Beskæftigelsesudvalget",))) == {
        "approved": 1,
        "noted": 1,
    }


def test_replace_document_leaves_no_duplicates_or_orphans(store):
    points = make_points()
    store.replace_document("doc-a", points[:2])
    store.replace_document("doc-a", points[:2])
    assert store.count(SearchFilter(document_ids=("doc-a",))) == 2
    store.replace_document("doc-a", points[:1])
    assert ids(store.scroll(SearchFilter(document_ids=("doc-a",)))) == {"a#1"}


def test_staged_points_are_invisible(store):
    point = make_points()[0]
    staged = StorePoint(point.id, point.dense, point.sparse, point.payload)
    # Simulate a crash after writing but before committing: upsert with state "staged".
    store.upsert([staged])
    store_points = list(store.scroll(None))
    assert len(store_points) == 1
    if isinstance(store, EdgeStore):
        import qdrant_edge as qe

        store.shard.update(
            qe.UpdateOperation.set_payload_by_filter(qe.Filter(must=[]), {"state": "staged"})
        )
    else:
        from qdrant_client import models

        store.client.set_payload("minutes", {"state": "staged"}, points=models.Filter(must=[]))
    assert store.count() == 0
    assert store.query(point.dense, None, None, limit=5, mode="dense") == []
    assert store.count(SearchFilter(include_staged=True)) == 1


def test_delete_by_document(store):
    store.upsert(make_points())
    store.delete(SearchFilter(document_ids=("doc-a",)))
    assert ids(store.scroll(None)) == {"b#1", "c#1"}


def test_model_mismatch(store):
    with pytest.raises(ModelMismatch):
        store.ensure_collection(DIM * 2, "other-model")


def test_edge_reopens_and_locks(tmp_path):
    store = EdgeStore.open(tmp_path / "index")
    store.ensure_collection(DIM, "test-model")
    store.upsert(make_points())
    code = (
        "import sys; from pathlib import Path; from index.store_edge import EdgeStore; from index.store import StoreLocked\n"
        f"try:\n    EdgeStore.open(Path({str(tmp_path / 'index')!r}))\nexcept StoreLocked as e:\n    print('LOCKED', e); sys.exit(3)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 3, result.stderr
    assert "in use by another minutes process" in result.stdout
    store.close()
    reopened = EdgeStore.open(tmp_path / "index")
    assert reopened.count() == 4
    assert reopened.index_info().model_name == "test-model"
    with pytest.raises(StoreLocked):
        EdgeStore.open(tmp_path / "index")
    reopened.close()


def test_qdrant_local_path_persists(tmp_path):
    store = QdrantStore(QdrantClient(path=str(tmp_path / "q")), "minutes")
    store.ensure_collection(DIM, "test-model")
    store.upsert(make_points())
    store.close()
    again = QdrantStore(QdrantClient(path=str(tmp_path / "q")), "minutes")
    assert again.count() == 4 and again.index_info().dim == DIM
    again.close()
