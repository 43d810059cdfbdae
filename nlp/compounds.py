"""Split Danish compounds into their parts, so "arbejdspligt" also matches "pligt" and "arbejde".

Danish writes compounds as one word ("kontanthjælpssystemet", "parkeringshuse"),
so a lexical match on the whole word misses a query that uses the parts. A
word is split where its head (the last part) is a known word form and the
rest is a known word, allowing the linking "s" or "e" and a dropped final
"e" ("arbejd-s-pligt" from "arbejde"). The word list is spaCy's Danish
lemma lookup table (550,000 forms) from spacy-lookups-data.
"""

from __future__ import annotations

import re
from functools import lru_cache

_MIN_PART = 4
_MIN_WORD = 9
_WORD = re.compile(r"[a-zæøåé]+")


@lru_cache(maxsize=1)
def _lexicon():
    """Membership test over the word forms of the lookup table (its keys are hashes of the forms)."""
    from spacy.lookups import load_lookups

    return load_lookups("da", ["lemma_lookup"]).get_table("lemma_lookup")


def _known_modifier(part: str, lexicon) -> bool:
    return part in lexicon or part + "e" in lexicon


@lru_cache(maxsize=65536)
def split_compound(word: str) -> tuple[str, ...]:
    """The parts of a compound (modifier, head), or () when the word is not a clear compound."""
    word = word.lower()
    if len(word) < _MIN_WORD or not word.isalpha():
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
            if len(stem) >= _MIN_PART and _known_modifier(stem, lexicon):
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


def compound_parts(text: str) -> list[str]:
    """The parts of every compound in the text, for adding to a lexical index."""
    parts: list[str] = []
    for word in _WORD.findall(text.lower()):
        parts.extend(split_compound(word))
    return parts
