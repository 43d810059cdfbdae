"""Searches during a replacement see one version of a document, whole, at every step of it.

A re-published meeting replaces its first version in steps (index/commit.py: staged
batches, the commit, the kept points, the deletes, `supersedes` emptied). The writer
here runs in a thread whose every store write waits for the test's go, so the test
reads between each two steps, and in the middle of a search, on both engines.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from pdf_factory import make_minutes_pdf
from qdrant_client import QdrantClient

from index import commit
from index.embedder import HashEmbedder
from index.filters import SearchFilter
from index.service import MinutesIndex
from index.settings import IndexSettings
from index.store_edge import EdgeStore
from index.store_qdrant import QdrantStore

NOTE = "# Notat om cykelstier\n\nCykelstien langs Ringvejen forlænges mod Vestbyen.\n"
WRITES = ("write_points", "update_where", "delete_where")
TITLES = SearchFilter(chunk_types=("title",))


class SteppedStore:
    """A store whose writes (those of the commit protocol) each wait for `step()` once opened."""

    def __init__(self, store):
        self.store = store
        self.gated = False
        self.done: list[str] = []  # the writes made while gated, in order
        self._go = threading.Semaphore(0)
        self._written = threading.Semaphore(0)
        self.on_query: Callable[[], None] | None = None  # runs once, after the next query

    def __getattr__(self, name):
        operation = getattr(self.store, name)
        if name not in WRITES:
            return operation

        def write(*args):
            if not self.gated:
                return operation(*args)
            self._go.acquire()
            try:
                return operation(*args)
            finally:
                self.done.append(name)
                self._written.release()

        return write

    def query(self, *args, **kwargs):
        hits = self.store.query(*args, **kwargs)
        if self.on_query is not None:
            hook, self.on_query = self.on_query, None
            hook()
        return hits

    def step(self, writer: threading.Thread) -> bool:
        """Let the next write run; False when the writer finished instead."""
        self._go.release()
        while not self._written.acquire(timeout=0.05):
            if not writer.is_alive():
                return False
        return True


@pytest.fixture(params=["edge", "server-api"])
def store(request, tmp_path):
    if request.param == "edge":
        inner = EdgeStore.open(tmp_path / "index")
    else:
        inner = QdrantStore(QdrantClient(":memory:"), "minutes")
    yield SteppedStore(inner)
    inner.close()


@pytest.fixture
def published(tmp_path, store):
    """An index holding a note and the first version of a meeting (4 items); the corrected
    version (3 items, other bytes, the same meeting) ready to be ingested."""
    settings = IndexSettings(MINUTES_DATA=tmp_path / "data", MINUTES_MODEL="hash")
    index = MinutesIndex(settings, embedder=HashEmbedder(), store=store)
    (tmp_path / "notat.md").write_text(NOTE)
    first = make_minutes_pdf(tmp_path / "referat.pdf", items=4)
    summary = index.indexer.ingest_paths([tmp_path / "notat.md", first])
    assert [r.status for r in summary.results] == ["ingested", "ingested"]
    note, old = (r.doc_id for r in summary.results)
    second = make_minutes_pdf(tmp_path / "referat-rettet.pdf", items=3).read_bytes()
    return index, note, old, second


def replace_in_thread(index: MinutesIndex, data: bytes) -> tuple[threading.Thread, list]:
    store = index.store
    store.gated = True
    results: list = []
    writer = threading.Thread(
        target=lambda: results.append(index.indexer.ingest_bytes(data, "referat-rettet.pdf")),
        daemon=True,
    )
    writer.start()
    return writer, results


def versions_seen(index: MinutesIndex, note: str, old: str) -> str:
    """Everything a reader gets, checked to hold one version whole; which one it was."""
    searcher, store = index.searcher, index.store
    found = searcher.search("cykelsti ringvejen", limit=50)
    listed = searcher.search("", limit=50)
    titles = list(store.scroll(TITLES))
    answers = {
        "search": [(r.doc_id, r.item_number) for r in found.results],
        "browse": [(r.doc_id, r.item_number) for r in listed.results],
        "titles": [(h.payload["doc_id"], h.payload.get("item_number")) for h in titles],
    }
    seen = set()
    for where, pairs in answers.items():
        assert note in {d for d, _ in pairs}, f"{where}: the note went missing"
        minutes = {d for d, _ in pairs if d != note}
        assert len(minutes) == 1, f"{where} mixes versions: {pairs}"
        (doc,) = minutes
        numbers = sorted(n for d, n in pairs if d == doc)
        assert numbers == ([1, 2, 3, 4] if doc == old else [1, 2, 3]), (where, pairs)
        seen.add(doc)
    assert found.total == len(found.results) and listed.total == len(listed.results)
    counts = store.facet("doc_id", TITLES)
    assert set(counts) - {note} == seen and store.count(TITLES) == sum(counts.values())
    assert len(seen) == 1, f"calls of one moment disagree: {answers}"
    return seen.pop()


def test_every_step_of_a_replacement_shows_one_version_whole(published):
    index, note, old, data = published
    writer, results = replace_in_thread(index, data)
    seen = [versions_seen(index, note, old)]
    steps = 0
    while index.store.step(writer):
        steps += 1
        seen.append(versions_seen(index, note, old))
    writer.join(timeout=30)
    (result,) = results
    assert result.status == "ingested" and [r["doc_id"] for r in result.replaced] == [old]
    # Staged batch, commit, kept points, older points, the replaced document, `supersedes`.
    assert index.store.done == ["write_points", "update_where", "write_points"] + [
        "delete_where",
        "delete_where",
        "update_where",
    ]
    assert steps == len(index.store.done)
    new = result.doc_id
    switch = seen.index(new)
    assert seen[:switch] == [old] * switch and seen[switch:] == [new] * (len(seen) - switch)
    assert switch == 2  # before staging and after it: the old; from the commit on: the new
    assert commit.superseded(index.store.store) == ()


@pytest.mark.parametrize("writes", ["commit", "all"])
def test_a_switch_in_the_middle_of_a_search_is_searched_again(published, writes):
    """The commit alone, or the whole replacement, between the first query of a search and
    its next calls: what the search gives is the one version or the other, whole."""
    index, note, old, data = published
    writer, results = replace_in_thread(index, data)
    store = index.store
    assert store.step(writer) and store.done == ["write_points"]  # staged: nothing switched

    def switch() -> None:
        while store.step(writer) and (writes == "all" or store.done[-1] != "update_where"):
            pass

    store.on_query = switch
    found = index.searcher.search("cykelsti ringvejen", limit=50)
    assert store.on_query is None  # the switch ran within the search
    pairs = [(r.doc_id, r.item_number) for r in found.results]
    minutes = {d for d, _ in pairs if d != note}
    assert note in {d for d, _ in pairs} and len(minutes) == 1, pairs
    assert sorted(n for d, n in pairs if d in minutes) == [1, 2, 3]  # read again: the new one
    assert found.total == len(pairs)
    while store.step(writer):
        pass
    writer.join(timeout=30)
    assert results[0].status == "ingested"
    assert versions_seen(index, note, old) == results[0].doc_id


def test_a_document_replaced_by_itself_is_seen_in_one_version(tmp_path: Path):
    """Versions of one document id (a crash left one, or another process wrote one): from the
    commit on, readers leave out the older versions, on the embedded store too."""
    from test_store import DIM, version

    inner = EdgeStore.open(tmp_path / "index")
    try:
        inner.ensure_collection(DIM, "test-model")
        inner.replace_document("doc-x", version("doc-x", "A", 6))
        stepped = SteppedStore(inner)
        stepped.gated = True
        writer = threading.Thread(
            target=commit.replace_document,
            args=(stepped, "doc-x", version("doc-x", "B", 4)),
            daemon=True,
        )
        writer.start()
        tags = []
        while True:
            live = list(inner.scroll(SearchFilter(document_ids=("doc-x",))))
            (tag,) = {h.payload["version"] for h in live}
            assert len(live) == {"A": 6, "B": 4}[tag]
            assert inner.count(SearchFilter(document_ids=("doc-x",))) == len(live)
            tags.append(tag)
            if not stepped.step(writer):
                break
        writer.join(timeout=30)
        assert tags == ["A", "A"] + ["B"] * (len(tags) - 2)
    finally:
        inner.close()
