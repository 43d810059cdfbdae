"""Snippets: the part of a chunk that best matches the query, with the matching words marked."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.lang.da.stop_words import STOP_WORDS

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


def _matches(word: str, terms: list[str]) -> bool:
    word = word.lower().strip(".-/,")
    for term in terms:
        if len(term) < 5 or not term.isalpha():
            if word == term:
                return True
        # A shared stem: "fleksjobbet" ~ "fleksjob", "besparelser" ~ "besparelse".
        elif (
            word.startswith(term[: max(4, len(term) - 3)])
            or term.startswith(word[: max(4, len(word) - 3)])
            and len(word) >= 5
        ):
            return True
    return False


def make_snippet(text: str, query: str, words: int = SNIPPET_WORDS) -> Snippet:
    """The window of `words` words with the most query matches, its matches as character spans."""
    tokens = list(_WORD.finditer(text))
    if not tokens:
        return Snippet(text[:300], ())
    terms = query_terms(query)
    seen: dict[str, bool] = {}  # chunks repeat their words: decide each word once

    def matches(word: str) -> bool:
        if word not in seen:
            seen[word] = bool(terms) and _matches(word, terms)
        return seen[word]

    hits = [matches(t.group(0)) for t in tokens]
    best_start, best_score = 0, -1
    window_hits = sum(hits[:words])
    for start in range(0, max(1, len(tokens) - words + 1)):
        if start:
            window_hits += hits[start + words - 1] if start + words - 1 < len(hits) else 0
            window_hits -= hits[start - 1]
        if window_hits > best_score:
            best_start, best_score = start, window_hits
    end = min(len(tokens), best_start + words)
    first_char = tokens[best_start].start()
    last_char = tokens[end - 1].end()
    prefix = "… " if best_start > 0 else ""
    suffix = " …" if end < len(tokens) else ""
    body = text[first_char:last_char]
    snippet = prefix + " ".join(body.split()) + suffix
    # Recompute spans on the whitespace-normalised snippet.
    spans = tuple(m.span() for m in _WORD.finditer(snippet) if matches(m.group(0)))
    return Snippet(snippet, spans)


def mark(snippet: Snippet, open_tag: str = "«", close_tag: str = "»") -> str:
    out, last = [], 0
    for start, end in snippet.highlights:
        out.append(snippet.text[last:start])
        out.append(f"{open_tag}{snippet.text[start:end]}{close_tag}")
        last = end
    out.append(snippet.text[last:])
    return "".join(out)
