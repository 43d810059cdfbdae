"""Snippets: the part of a chunk that best matches the query, with the matching words marked."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from nlp.stop_words import STOP_WORDS

SNIPPET_WORDS = 40
_WORD = re.compile(r"[\wæøåÆØÅ][\w\-./æøåÆØÅ]*")


@dataclass(frozen=True)
class Snippet:
    text: str
    highlights: tuple[tuple[int, int], ...]  # character spans in text


def query_terms(query: str) -> list[str]:
    terms = []
    for word in _WORD.findall(query.lower()):
        word = word.strip(".-/")
        if word and word not in STOP_WORDS and (len(word) > 1 or word.isdigit()):
            terms.append(word)
    return terms


class _Terms:
    """Decides whether a word matches a query term, each word once: a page of results repeats
    its words, and a query's next page comes back to them.

    Short or non-alphabetic terms match exactly. Longer ones match a shared stem:
    "fleksjobbet" ~ "fleksjob" (the word starts with the term's stem) and
    "besparelse" ~ "besparelser" (the term starts with the word's stem).
    """

    def __init__(self, terms: list[str]):
        long = [t for t in terms if len(t) >= 5 and t.isalpha()]
        self.exact = frozenset(t for t in terms if t not in long)
        self.stems = tuple(t[: max(4, len(t) - 3)] for t in long)
        self.term_prefixes = frozenset(t[:k] for t in long for k in range(4, len(t) + 1))
        # Every match starts with an exact term or a long term's first four letters: one regex
        # pass over the new words finds the few worth deciding. Words are lines, each after a
        # newline: a pattern that opens with one is searched for that character alone, where
        # `^` was tried at every position.
        starts = "|".join(re.escape(t) for t in self.exact | {t[:4] for t in long})
        self.candidates = re.compile(f"\n((?:{starts})[^\n]*)") if terms else None
        self.decided: dict[str, bool] = {}

    def hits(self, words: list[str]) -> list[int]:
        """The positions of the matching words, in order: one regex pass over the lowered words
        finds the few that start like a term, and only those are decided."""
        if self.candidates is None:
            return []
        lowered = "\n" + "\n".join(words).lower()  # a line per word, each after a newline
        decided = self.decided
        found = []
        position = newlines = 0  # the newlines before `position`: the index of its word
        for candidate in self.candidates.finditer(lowered):
            word = candidate.group(1)
            hit = decided.get(word)
            if hit is None:
                hit = decided[word] = self._matches(word)
            if hit:
                newlines += lowered.count("\n", position, candidate.start())
                position = candidate.start()
                found.append(newlines)
        return found

    def _matches(self, lowered: str) -> bool:
        word = lowered.strip(".-/,")
        return (
            word in self.exact
            or (bool(self.stems) and word.startswith(self.stems))
            or (len(word) >= 5 and word[: max(4, len(word) - 3)] in self.term_prefixes)
        )


@lru_cache(maxsize=64)
def _terms_of(query: str) -> _Terms:
    """One query's matcher, shared by the snippets of its results (and its next page)."""
    return _Terms(query_terms(query))


def _best_start(hits: list[int], words: int) -> int:
    """The first start of a window of `words` tokens holding the most of `hits` (sorted).

    A window's count rises only where a hit enters it, so the first best window starts at 0
    or just where some hit enters: at `hit - words + 1`.
    """
    best_start, best = 0, bisect_left(hits, words)
    for hit in hits:
        start = hit - words + 1
        if start > 0:
            count = bisect_left(hits, start + words) - bisect_left(hits, start)
            if count > best:
                best_start, best = start, count
    return best_start


def make_snippet(text: str, query: str, words: int = SNIPPET_WORDS) -> Snippet:
    """The window of `words` words with the most query matches, its matches as character spans."""
    tokens = _WORD.findall(text)
    if not tokens:
        return Snippet(text[:300], ())
    hits = _terms_of(query).hits(tokens)
    best_start = _best_start(hits, words) if len(tokens) > words else 0
    end = min(len(tokens), best_start + words)
    # Where the window's first and last tokens sit; only those two need their offsets.
    spans = _WORD.finditer(text)
    first = next(islice(spans, best_start, None))
    last = first if end - 1 == best_start else next(islice(spans, end - 2 - best_start, None))
    prefix = "… " if best_start > 0 else ""
    suffix = " …" if end < len(tokens) else ""
    snippet = prefix + " ".join(text[first.start() : last.end()].split()) + suffix
    # Normalising whitespace keeps every token whole, so the snippet's tokens are the window's.
    found = list(_WORD.finditer(snippet))
    shown = (found[hit - best_start].span() for hit in hits if best_start <= hit < end)
    return Snippet(snippet, tuple(shown))


def mark(snippet: Snippet, open_tag: str = "«", close_tag: str = "»") -> str:
    out, last = [], 0
    for start, end in snippet.highlights:
        out.append(snippet.text[last:start])
        out.append(f"{open_tag}{snippet.text[start:end]}{close_tag}")
        last = end
    out.append(snippet.text[last:])
    return "".join(out)
