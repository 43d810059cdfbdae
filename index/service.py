"""Wiring: the store, embedder and sparse encoder for one set of settings, created once, lazily."""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING

from index.files import FileStore
from index.settings import IndexSettings
from index.store import Store, check_sparse_format, open_store

if TYPE_CHECKING:
    # Loaded by the properties that use them: `stats` needs none of them, `show` and `case`
    # no embedder (numpy, onnxruntime), and the indexer is spaCy's, for writes only.
    from index.embedder import Embedder
    from index.indexer import Indexer
    from index.search import Searcher
    from index.sparse import SparseEncoder


class MinutesIndex:
    """Everything a command or the API needs; the model loads only when a command needs it."""

    def __init__(
        self,
        settings: IndexSettings,
        embedder: Embedder | None = None,
        log: Callable[[str], None] = lambda _: None,
        store: Store | None = None,
    ):
        self.settings = settings
        self._embedder = embedder
        self._log = log
        if store is not None:
            self.store = store

    @cached_property
    def store(self) -> Store:
        return open_store(self.settings)

    @cached_property
    def embedder(self) -> Embedder:
        if self._embedder is not None:
            return self._embedder
        from index.embedder import load_embedder

        return load_embedder(
            self.settings.model,
            cache_dir=self.settings.models_dir,
            quantize=self.settings.quantize,
            log=self._log,
        )

    @cached_property
    def sparse(self) -> SparseEncoder:
        from index.sparse import SparseEncoder

        return SparseEncoder()

    @cached_property
    def indexer(self) -> Indexer:
        from index.indexer import Indexer

        return Indexer(self.store, self.embedder, self.sparse, files=self.files)

    @cached_property
    def files(self) -> FileStore:
        """The original files, under MINUTES_DATA whichever store holds the index."""
        return FileStore(self.settings.files_dir)

    @cached_property
    def searcher(self) -> Searcher:
        from index.search import Searcher

        where = (
            f"collection {self.settings.collection}"
            if self.settings.qdrant_url
            else str(self.settings.store_dir)
        )
        check_sparse_format(self.store.index_info(), where)
        return Searcher(self.store, _Deferred(lambda: self.embedder), self.sparse)

    def close(self) -> None:
        if "store" in self.__dict__:
            self.store.close()


class _Deferred:
    """An embedder that loads the real one on first use, so commands that never embed stay fast."""

    def __init__(self, load: Callable[[], Embedder]):
        self._load = load

    def __getattr__(self, name: str):
        return getattr(self._load(), name)
