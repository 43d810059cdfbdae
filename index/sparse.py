"""Sparse lexical vectors: Danish-stemmed BM25, plus whole identifiers.

qdrant-edge's `Bm25` (Danish Snowball stemmer and stop words, k=1.2, b=0.75,
average length 256) gives "fleksjobbet" and "fleksjob" one token, drops "og",
"i", "på", and keeps numbers and single letters, so party letters ("V", "Ø")
match as words. Compounds are also indexed by their parts (nlp/compounds.py).

BM25 splits "15.00.00-G01-5-25" into "15", "00", "g01", "5", "25", which many
items share. So identifiers (case numbers, numbers with separators, numbers of
three or more digits) are also added whole, as tokens of their own. BM25's
token indices are 31-bit (murmur3 hashes below 2**31); identifier indices are
a blake2b hash with the top bit set, so the two sets never collide. A
document's identifier weight is the BM25 weight a word with the same count
would get in that document; in a query every token weighs 1, as BM25's do.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter

from qdrant_edge import Bm25, Bm25Config

from index.store import SPARSE_FORMAT, SparseVector
from nlp.compounds import compound_parts

__all__ = ["SPARSE_FORMAT", "SparseEncoder", "identifier_index", "identifiers"]

_K1 = 1.2
_B = 0.75
_AVG_LEN = 256.0
_IDENTIFIER_BIT = 1 << 31
_IDENTIFIER = re.compile(
    r"(?<![\w.\-/])(?:(?:[A-ZÆØÅa-zæøå]{1,5}-)?\d\w*(?:[./\-]\w+)+|\d{3,})(?![\w\-/])"
)


def identifier_index(token: str) -> int:
    """The sparse index of an identifier: a stable hash in [2**31, 2**32), where BM25 never lands."""
    digest = hashlib.blake2b(f"id:{token.lower()}".encode(), digest_size=4).digest()
    return _IDENTIFIER_BIT | (int.from_bytes(digest, "little") & 0x7FFFFFFF)


def identifiers(text: str) -> list[str]:
    """Case numbers ("15.00.00-G01-5-25", "EMN-2025-008579") and long numbers, as written."""
    return [m.group(0).rstrip(".") for m in _IDENTIFIER.finditer(text)]


class SparseEncoder:
    def __init__(self) -> None:
        self._bm25 = Bm25(Bm25Config(language="danish", k=_K1, b=_B, avg_len=_AVG_LEN))

    def encode_document(self, text: str) -> SparseVector:
        words = self._bm25.embed_document(_with_parts(text))
        found = Counter(t.lower() for t in identifiers(text))
        norm = _length_norm(words.values)
        extra = {identifier_index(t): (_K1 + 1) * n / (n + norm) for t, n in found.items()}
        return _merge(words.indices, words.values, extra)

    def encode_query(self, text: str) -> SparseVector:
        words = self._bm25.embed_query(_with_parts(text))
        extra = {identifier_index(t.lower()): 1.0 for t in identifiers(text)}
        return _merge(words.indices, words.values, extra)


def _length_norm(weights) -> float:
    """BM25's length norm k·(1 − b + b·dl/avg) of a document, from its word weights alone.

    A word's weight is w = (k+1)·tf / (tf + norm), so tf = w·norm / (k+1 − w) and
    dl = norm·S with S = Σ w / (k+1 − w). Putting dl into the norm's definition
    gives norm = k·(1 − b) / (1 − k·b·S / avg).
    """
    ratio = sum(w / max(_K1 + 1 - w, 1e-6) for w in weights)
    return _K1 * (1 - _B) / max(1 - _K1 * _B * ratio / _AVG_LEN, 1e-6)


def _merge(indices, values, extra: dict[int, float]) -> SparseVector:
    merged = dict(zip(indices, values, strict=True)) | extra
    order = sorted(merged)
    return SparseVector(tuple(order), tuple(float(merged[i]) for i in order))


def _with_parts(text: str) -> str:
    """The text followed by the parts of its compounds, so "pligt" finds "arbejdspligt"."""
    parts = compound_parts(text)
    return f"{text} {' '.join(parts)}" if parts else text
