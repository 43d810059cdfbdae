"""What the index holds, for `minutes stats` and `/health`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from index.filters import SearchFilter

if TYPE_CHECKING:
    from index.service import MinutesIndex


def folder_size(path: Path) -> int:
    """The index's files, without the lock (which names the process holding it)."""
    if not path.exists():
        return 0
    return sum(
        p.stat().st_size for p in path.rglob("*") if p.is_file() and p.name != "minutes.lock"
    )


def index_stats(index: MinutesIndex) -> dict[str, Any]:
    store = index.store
    info = store.index_info()
    titles = SearchFilter(chunk_types=("title",))
    settings = index.settings
    return {
        "engine": f"qdrant server {settings.qdrant_url}"
        if settings.qdrant_url
        else "qdrant-edge (embedded)",
        "store": settings.qdrant_url or str(settings.store_dir),
        "model": info.model_name if info else None,
        "dimension": info.dim if info else None,
        "documents": len(store.facet("doc_id", titles, limit=100_000)),
        "meetings": len(store.facet("meeting_id", titles, limit=100_000)),
        "items": store.count(titles),
        "chunks": store.count(None),
        "kinds": store.facet("kind", titles),
        "committees": store.facet("committee", titles),
        "size_bytes": None if settings.qdrant_url else folder_size(settings.store_dir),
    }
