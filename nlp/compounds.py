"""Split Danish compounds into their parts, so "arbejdspligt" also matches "pligt" and "arbejde".

Danish writes compounds as one word ("kontanthjælpssystemet", "parkeringshuse"),
so a lexical match on the whole word misses a query that uses the parts. A
word is split where its head (the last part) is a known word form and the
rest is a known word, allowing the linking "s" or "e" and a dropped final
"e" ("arbejd-s-pligt" from "arbejde"). The rest may itself be a compound of
known words ("borgertilfredsheds-undersøgelse": "borger" + "tilfredshed"), and
both sides are split again, so a three- or four-part compound gives all its
parts. The word list is spaCy's Danish lemma lookup table (550,000 forms) from
spacy-lookups-data, read once into a memory-mapped sorted word file in the
model cache (nlp/sorted_words.py), so a query's few lookups need neither
spaCy nor the 1.5 s it takes to load the table.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import os
import re
from functools import lru_cache
from pathlib import Path

from nlp.sorted_words import SortedWords, write_sorted_words

_MIN_PART = 4
_MIN_WORD = 9
_MAX_DEPTH = 3  # parts of parts: enough for "kontant-hjælps-modtager-gruppen"
_WORD = re.compile(r"[a-zæøåé]+")


def lexicon_source() -> Path:
    """spacy-lookups-data's Danish lemma table, found without importing spaCy."""
    spec = importlib.util.find_spec("spacy_lookups_data")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("spacy-lookups-data is not installed")
    return Path(spec.submodule_search_locations[0]) / "data" / "da_lemma_lookup.json.gz"


def lexicon_dir() -> Path:
    """Where the word file is kept: the model cache, as index/settings.py places it."""
    cache = os.environ.get("MINUTES_MODEL_CACHE")
    if cache:
        return Path(cache)
    data = os.environ.get("MINUTES_DATA")
    return (Path(data) if data else Path.home() / ".local" / "share" / "minutes") / "models"


def lexicon_forms() -> list[str]:
    """The word forms of the lookup table (its keys)."""
    with gzip.open(lexicon_source(), "rt", encoding="utf-8") as handle:
        return list(json.load(handle))


@lru_cache(maxsize=1)
def _lexicon() -> SortedWords | frozenset[str]:
    """Membership test over the word forms of the lookup table, made into a file on first use."""
    source = lexicon_source().stat()  # a new spacy-lookups-data gets a file of its own
    path = lexicon_dir() / f"da-lemma-forms-{source.st_size}-{int(source.st_mtime)}"
    if not (path / "words.txt").exists():
        forms = lexicon_forms()
        try:
            write_sorted_words(path, forms)
        except OSError:  # a cache that cannot be written: keep the forms in memory
            return frozenset(forms)
    return SortedWords(path)


def _known_modifier(part: str, lexicon, depth: int) -> bool:
    """A known word (or one missing its final "e"), or a compound of known words."""
    if part in lexicon or part + "e" in lexicon:
        return True
    return depth > 0 and len(part) >= 2 * _MIN_PART and bool(_split(part, depth - 1))


@lru_cache(maxsize=65536)
def _split(word: str, depth: int) -> tuple[str, str] | tuple[()]:
    if len(word) < 2 * _MIN_PART or not word.isalpha():
        return ()
    lexicon = _lexicon()
    splits = []
    for cut in range(_MIN_PART - 1, len(word) - _MIN_PART + 1):
        head = word[cut:]
        if head not in lexicon:
            continue
        modifier = word[:cut]
        for link in ("", "s", "e"):
            if link and not modifier.endswith(link):
                continue
            stem = modifier[: len(modifier) - len(link)] if link else modifier
            if len(stem) >= _MIN_PART and _known_modifier(stem, lexicon, depth):
                splits.append((cut, link, stem, head))
    if not splits:
        return ()
    # Danish compounds are right-headed: prefer the longest head, but a linking "s" beats a head
    # that merely starts with it ("arbejd-s-løse", not "arbejd-sløse").
    cut, link, stem, head = splits[0]
    for other in splits[1:]:
        if other[0] == cut + 1 and other[1] and word[cut] == other[1]:
            cut, link, stem, head = other
            break
    return (stem, head)


def split_compound(word: str) -> tuple[str, ...]:
    """The parts of a compound (modifier, head), or () when the word is not a clear compound."""
    word = word.lower()
    if len(word) < _MIN_WORD:
        return ()
    return _split(word, _MAX_DEPTH)


@lru_cache(maxsize=65536)
def compound_split_all(word: str) -> tuple[str, ...]:
    """Every part of a compound, outermost first: the modifier and head, then their own parts."""
    parts: list[str] = []
    pending = [word.lower()]
    for depth in range(_MAX_DEPTH + 1):
        following = []
        for part in pending:
            split = split_compound(part) if depth == 0 else _split(part, _MAX_DEPTH - depth)
            for piece in split:
                if piece not in parts:
                    parts.append(piece)
                    following.append(piece)
        pending = following
    return tuple(parts)


def compound_parts(text: str) -> list[str]:
    """The parts of every compound in the text, for adding to a lexical index."""
    parts: list[str] = []
    for word in _WORD.findall(text.lower()):
        parts.extend(compound_split_all(word))
    return parts
