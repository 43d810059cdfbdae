"""The decision texts of bench/probes/vote_phrasings.jsonl (60 ways councils and committees
write decisions and votes, labelled before they were run) stay read."""

from __future__ import annotations

from bench.vote_phrasings import PROBES, score


def test_decision_texts_stay_read():
    scores = score()
    assert scores.exact.total == 60
    assert scores.exact.right / scores.exact.total >= 0.95, scores.misses
    assert scores.votes.hit / scores.votes.gold >= 0.97, scores.misses
    assert scores.votes.hit / scores.votes.found >= 0.97, scores.misses
    assert scores.sides.hit / scores.sides.gold >= 0.95, scores.misses


def test_the_second_set_of_decision_texts_stays_read():
    """bench/probes/survey15/vote_phrasings2.jsonl: 50 more, of municipalities L-Ø and the
    islands (labelled before they were run)."""
    scores = score(PROBES.parent / "survey15" / "vote_phrasings2.jsonl")
    assert scores.exact.total == 50
    assert scores.exact.right / scores.exact.total >= 0.95, scores.misses
    assert scores.votes.hit / scores.votes.gold >= 0.95, scores.misses
    assert scores.votes.hit / scores.votes.found >= 0.95, scores.misses
