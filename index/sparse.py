"""Sparse lexical vectors: Danish-stemmed BM25, plus whole identifiers.

qdrant-edge's BM25 stems Danish ("fleksjobbet" and "fleksjob" give one
token); compounds are also indexed by their parts (nlp/compounds.py). BM25 splits "15.00.00-G01-5-25" into "15", "00", "g01", ... which many
items share. So identifiers (case numbers, numbers with separators, long
numbers) are added as tokens of their own, hashed into the same index space.
"""

from __future__ import annotations

import hashlib
import re

from qdrant_edge import Bm25, Bm25Config

from index.store import SparseVector
from nlp.compounds import compound_parts

_IDENTIFIER = re.compile(
    r"(?<![\w.\-/])(?:(?:[A-ZÆØÅa-zæøå]{1,5}-)?\d\w*(?:[./\-]\w+)+|\d{3,})(?![\w\-/])"
)
_IDENTIFIER_WEIGHT = 2.0


def _token_index(token: str) -> int:
    digest = hashlib.blake2b(f"id:{token.lower()}".encode(), digest_size=4).digest()
    return int.from_bytes(digest, "little") & 0x7FFFFFFF


def identifiers(text: str) -> list[str]:
    return [m.group(0).rstrip(".") for m in _IDENTIFIER.finditer(text)]


class SparseEncoder:
    def __init__(self) -> None:
        self._bm25 = Bm25(Bm25Config(language="danish"))

    def _combine(self, vector, text: str, weight: float) -> SparseVector:
        values = dict(zip(vector.indices, vector.values, strict=True))
        for token in identifiers(text):
            index = _token_index(token)
            values[index] = values.get(index, 0.0) + weight
        indices = sorted(values)
        return SparseVector(tuple(indices), tuple(float(values[i]) for i in indices))

    def encode_document(self, text: str) -> SparseVector:
        return self._combine(self._bm25.embed_document(_with_parts(text)), text, _IDENTIFIER_WEIGHT)

    def encode_query(self, text: str) -> SparseVector:
        return self._combine(self._bm25.embed_query(_with_parts(text)), text, 1.0)


def _with_parts(text: str) -> str:
    """The text followed by the parts of its compounds, so "pligt" finds "arbejdspligt"."""
    parts = compound_parts(text)
    return f"{text} {' '.join(parts)}" if parts else text
