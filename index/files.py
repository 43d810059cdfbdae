"""The original files, kept by content: `$MINUTES_DATA/files/<sha256>.<ext>`, served as the source.

A file is named by the sha256 of its bytes, so the same bytes again are the
same file (a re-ingest writes nothing) and a document's file is found from
its payload (`file`). Files live under MINUTES_DATA with either store, an
embedded index or a Qdrant server. A file goes when no indexed document
refers to it any more (`Indexer.delete_document`, a replaced version).

`source_url` is the link every result, item, case entry, feed entry and
export row carries: `/documents/{doc_id}/file#page=N`, N the page to cite. A
closed item ("Lukket punkt") gets the document without `#page`: its pages may
hold text that was never published, and a page link would point right at it.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

# What a file is served as. Text and HTML go out as text/plain: a portal page's scripts and
# styles must not run on our origin. A suffix not here is served as bytes to download.
MEDIA_TYPES = {
    ".pdf": "application/pdf",
    ".txt": "text/plain",
    ".md": "text/plain",
    ".markdown": "text/plain",
    ".html": "text/plain",
    ".htm": "text/plain",
}
_SAFE_SUFFIX = frozenset(MEDIA_TYPES)


def file_name(data: bytes, source: str) -> str:
    """`<sha256>.<ext>`: the content's name, with the source's suffix when it is one we serve."""
    suffix = Path(source).suffix.lower()
    return hashlib.sha256(data).hexdigest() + (suffix if suffix in _SAFE_SUFFIX else ".bin")


def source_url(doc_id: str, page: int | None, closed: bool = False) -> str:
    """The link to the source file, at `page` unless the item is closed (see the module's note)."""
    base = f"/documents/{doc_id}/file"
    return base if closed or not page else f"{base}#page={page}"


class FileStore:
    """A folder of files named by their content."""

    def __init__(self, folder: Path):
        self.folder = folder

    def path(self, name: str) -> Path | None:
        """The file of this name, if it is here; a name that is not one of ours is refused."""
        stem, _, suffix = name.partition(".")
        if len(stem) != 64 or any(c not in "0123456789abcdef" for c in stem):
            return None
        path = self.folder / name
        return path if path.is_file() else None

    def put(self, data: bytes, source: str) -> str:
        """Keep `data` (once: the same bytes are already here); its name."""
        name = file_name(data, source)
        target = self.folder / name
        if target.exists():
            return name
        self.folder.mkdir(parents=True, exist_ok=True)
        # Written whole, then renamed: a reader never sees half a file.
        handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".incoming-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return name

    def remove(self, name: str) -> bool:
        path = self.path(name)
        if path is None:
            return False
        path.unlink(missing_ok=True)
        return True
