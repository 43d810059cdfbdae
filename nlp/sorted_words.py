"""A large set of words on disk that opens in a millisecond: sorted lines, searched in place.

The compound lexicon (550,000 Danish word forms) and the tokenizer's pieces
(250,000) are too big to load for one short query: building a Python set or
the spaCy table takes 50 ms to 1.5 s and tens of megabytes. A `SortedWords`
file is the words' UTF-8 bytes, sorted and one a line, beside an array of line
offsets; both are memory-mapped and a lookup is a binary search (~20 probes),
so a query touches a few pages. Columns of numbers (a piece's id and score)
sit in arrays of their own, row for row.

A caller that looks up many words (an ingest) gets a set after the first
`BULK` lookups: a set costs ~50 ms once and a lookup then costs nothing.
"""

from __future__ import annotations

import bisect
import mmap
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported where a file is opened or written: `show` or `case` open none
    import numpy as np

BULK = 4096  # lookups after which the words are read into a set


def write_sorted_words(
    path: Path, words: Iterable[str], columns: dict[str, Iterable[float]] | None = None
) -> None:
    """Write `words` (without newlines) as a sorted word file, with optional number columns
    given in the order of `words`. Written beside `path` first, then renamed into place."""
    import numpy as np

    encoded = [w.encode() for w in words]
    if any(b"\n" in w for w in encoded):
        raise ValueError("a word holds a newline")
    order = sorted(range(len(encoded)), key=encoded.__getitem__)
    lines = [encoded[i] for i in order]
    offsets = np.zeros(len(lines) + 1, dtype=np.uint64)
    np.cumsum([len(w) + 1 for w in lines], out=offsets[1:])
    path.parent.mkdir(parents=True, exist_ok=True)
    staged = path.with_name(f"{path.name}.staging-{os.getpid()}")
    staged.mkdir()
    try:
        (staged / "words.txt").write_bytes(b"".join(w + b"\n" for w in lines))
        np.save(staged / "offsets.npy", offsets)
        for name, values in (columns or {}).items():
            array = np.asarray(list(values))
            np.save(staged / f"{name}.npy", array[order] if len(order) else array)
        try:
            os.replace(staged, path)  # a folder: whole or absent
        except OSError:
            if not (path / "words.txt").exists():  # not another process's copy, made meanwhile
                raise
    finally:
        if staged.exists():
            for child in staged.iterdir():
                child.unlink()
            staged.rmdir()


class _Lines:
    """The lines of the mapped file as a sequence of bytes, for `bisect`."""

    def __init__(self, data: mmap.mmap, offsets: np.ndarray):
        import numpy as np

        self.data = data
        # Still mapped, but indexed as Python ints: a memmap's own indexing is Python code,
        # and a search makes ~40 of them (16 against 90 µs a lookup).
        self.offsets = memoryview(np.asarray(offsets, dtype=np.uint64))
        self.n = len(offsets) - 1

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, i: int) -> bytes:
        return self.data[self.offsets[i] : self.offsets[i + 1] - 1]


class SortedWords:
    """Membership and row lookup over a file written by `write_sorted_words`."""

    def __init__(self, path: Path):
        import numpy as np

        self.path = path
        with (path / "words.txt").open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            self._data = mmap.mmap(handle.fileno(), size, access=mmap.ACCESS_READ) if size else b""
        self._lines = _Lines(self._data, np.load(path / "offsets.npy", mmap_mode="r"))
        self._lookups = 0
        self._set: frozenset[str] | None = None

    def __len__(self) -> int:
        return len(self._lines)

    def row(self, word: str) -> int | None:
        """The word's row (for the columns), or None."""
        key = word.encode()
        i = bisect.bisect_left(self._lines, key)
        return i if i < len(self._lines) and self._lines[i] == key else None

    def word(self, row: int) -> str:
        return self._lines[row].decode()

    def words(self) -> list[str]:
        """Every word, in row order."""
        return bytes(self._data).decode().split("\n")[:-1]

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        if self._set is not None:
            return word in self._set
        self._lookups += 1
        if self._lookups > BULK:
            self._set = frozenset(self.words())
            return word in self._set
        return self.row(word) is not None

    def column(self, name: str) -> np.ndarray:
        """A number column, row for row (memory-mapped)."""
        import numpy as np

        return np.load(self.path / f"{name}.npy", mmap_mode="r")
