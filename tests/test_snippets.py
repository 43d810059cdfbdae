"""Snippets: the best window of a chunk for a query, and which words it marks."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from index.snippets import _WORD, _best_start, _terms_of, make_snippet, mark, query_terms


def reference_match(word: str, terms: list[str]) -> bool:
    """The matching rule written out word by word, to check the regex-assisted one against."""
    word = word.lower().strip(".-/,")
    for term in terms:
        if len(term) < 5 or not term.isalpha():
            if word == term:
                return True
            continue
        if word.startswith(term[: max(4, len(term) - 3)]):
            return True
        if len(word) >= 5:
            stem = word[: max(4, len(word) - 3)]
            if len(stem) <= len(term) and term.startswith(stem):
                return True
    return False


def test_words_sharing_a_stem_match_and_short_terms_match_exactly():
    hits = _terms_of("fleksjob besparelser SF").hits(
        ["fleksjobbet", "Besparelse", "besparelserne.", "SF", "sfære", "flexjob", "spare"]
    )
    assert hits == [0, 1, 2, 3]


def test_snippet_moves_to_the_matches_and_marks_them():
    filler = " ".join(f"ord{k}" for k in range(100))
    text = f"{filler} Udvalget godkendte fleksjobbet og besparelsen på 2 mio. kr. {filler}"
    snippet = make_snippet(text, "fleksjob besparelse")
    assert snippet.text.startswith("… ") and snippet.text.endswith(" …")
    marked = [snippet.text[a:b] for a, b in snippet.highlights]
    assert marked == ["fleksjobbet", "besparelsen"]
    assert "«fleksjobbet»" in mark(snippet)


def test_a_short_text_is_shown_whole_and_a_query_without_terms_marks_nothing():
    assert make_snippet("Sagen  udsat.", "og i").text == "Sagen udsat."
    assert make_snippet("Sagen  udsat.", "og i").highlights == ()


WORD_PIECES = ["fleks", "job", "bet", "bespar", "else", "r", "ne", "xy", "sf", "15.00", "kr", "-", ".", "/", "Æ"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    query=st.lists(
        st.sampled_from(WORD_PIECES + ["fleksjob", "besparelser"]), min_size=1, max_size=3
    ),
    words=st.lists(
        st.lists(st.sampled_from(WORD_PIECES), min_size=1, max_size=4)
        .map("".join)
        .filter(_WORD.fullmatch),  # words as the tokenizer cuts them
        min_size=1,
        max_size=30,
    ),
)
def test_matching_follows_the_rule_for_any_word(query, words):
    text = " ".join(query)
    terms = query_terms(text)
    _terms_of.cache_clear()
    hits = _terms_of(text).hits(words)
    assert hits == [k for k, w in enumerate(words) if reference_match(w, terms)]


@settings(max_examples=300, deadline=None)
@given(
    flags=st.lists(st.booleans(), min_size=1, max_size=60),
    words=st.integers(min_value=1, max_value=12),
)
def test_the_window_is_the_first_with_the_most_hits(flags, words):
    hits = [k for k, hit in enumerate(flags) if hit]
    starts = range(max(1, len(flags) - words + 1))
    counts = [sum(flags[s : s + words]) for s in starts]
    assert _best_start(hits, words) == counts.index(max(counts))
