"""Split Danish compounds into their parts, so "arbejdspligt" also matches "pligt" and "arbejde".

Danish writes compounds as one word ("kontanthjælpssystemet", "parkeringshuse"),
so a lexical match on the whole word misses a query that uses the parts. A
word is split where its head (the last part) is a known word form and the
rest is a known word, allowing the linking "s" or "e" and a dropped final
"e" ("arbejd-s-pligt" from "arbejde"). The rest may itself be a compound of
known words ("borgertilfredsheds-undersøgelse": "borger" + "tilfredshed"), and
both sides are split again, so a three- or four-part compound gives all its
parts. The word list is spaCy's Danish lemma lookup table (550,000 forms) from
spacy-lookups-data.
"""

from __future__ import annotations

import re
from functools import lru_cache

_MIN_PART = 4
_MIN_WORD = 9
_MAX_DEPTH = 3  # parts of parts: enough for "kontant-hjælps-modtager-gruppen"
_WORD = re.compile(r"[a-zæøåé]+")


@lru_cache(maxsize=1)
def _lexicon():
    """Membership test over the word forms of the lookup table (its keys are hashes of the forms)."""
    from spacy.lookups import load_lookups

    return load_lookups("da", ["lemma_lookup"]).get_table("lemma_lookup")


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
