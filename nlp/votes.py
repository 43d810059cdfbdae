"""Votes: counts for, against and abstaining, with the names (or party letters) on each side.

"Godkendt med fire stemmer for og to stemmer imod. Imod stemte Bo Vestergaard og Jesper Gade."
"godkendt med 42 stemmer mod 4. 8 medlemmer undlod at stemme. For stemte: … Imod stemte: …"
"For: 20 (A, F, Ø) Imod: 6 (V, O)"
"""

from __future__ import annotations

import re

from nlp.names import Gazetteer
from nlp.numbers import NUMBER_WORDS, parse_count
from nlp.records import Vote

_COUNT = rf"(?:\d{{1,3}}|{'|'.join(NUMBER_WORDS)})"
_FOR = re.compile(rf"\b(?P<n>{_COUNT})\s+stemmer?\s+for\b", re.IGNORECASE)
_AGAINST = re.compile(rf"\b(?P<n>{_COUNT})\s+stemmer?\s+imod\b", re.IGNORECASE)
_FOR_MOD = re.compile(
    rf"\b(?P<for>{_COUNT})\s+stemmer\s+mod\s+(?P<against>{_COUNT})\b", re.IGNORECASE
)
_ABSTAIN = re.compile(
    rf"\b(?P<n>{_COUNT})\s+(?:medlemmer\s+|stemmer\s+)?(?:undlod\s+at\s+stemme|stemte\s+blankt|blanke|hverken\s+for\s+eller\s+imod)",
    re.IGNORECASE,
)
_COLON_COUNTS = re.compile(
    rf"\b(?P<side>For|Imod|Undlod(?:\s+at\s+stemme)?|Hverken for eller imod)\s*:\s*(?P<n>{_COUNT})\b\s*(?:\((?P<who>[^)]*)\))?",
    re.IGNORECASE,
)
_NAMES_AFTER = re.compile(
    r"\b(?P<side>For|Imod)\s+stemte\s*:?\s*(?P<names>[^.:;]+?)(?:\.(?!\w)|;|$|(?=\s+(?:For|Imod|Undlod)\b))"
    r"|\b(?P<side2>Undlod\s+at\s+stemme)\s*:\s*(?P<names2>[^.;]+)",
    re.IGNORECASE,
)
_NAMES_BEFORE = re.compile(
    r"(?P<names>(?:[A-ZÆØÅ][\wæøå\-]+\s?){1,4}(?:\s*(?:,|og)\s*(?:[A-ZÆØÅ][\wæøå\-]+\s?){1,4})*)\s+(?P<side>stemte\s+imod|stemte\s+for|undlod\s+at\s+stemme)\b"
)
_SPLIT = re.compile(r"\s*(?:,|\bog\b)\s*")


def _names(text: str, gazetteer: Gazetteer) -> tuple[str, ...]:
    names = []
    for part in _SPLIT.split(text):
        part = re.sub(r"\s*\([^)]*\)", "", part).strip(" .:")
        if part and part[0].isupper() and len(part.split()) <= 5:
            names.append(gazetteer.resolve(part))
    return tuple(dict.fromkeys(names))


def find_votes(text: str, gazetteer: Gazetteer) -> list[Vote]:
    """One vote per sentence group that states counts or names; usually one per decision point."""
    for_count = against = abstain = None
    for_names: tuple[str, ...] = ()
    against_names: tuple[str, ...] = ()
    abstain_names: tuple[str, ...] = ()
    if m := _FOR_MOD.search(text):
        for_count, against = parse_count(m["for"]), parse_count(m["against"])
    if m := _FOR.search(text):
        for_count = parse_count(m["n"])
    if m := _AGAINST.search(text):
        against = parse_count(m["n"])
    if m := _ABSTAIN.search(text):
        abstain = parse_count(m["n"])
    for m in _COLON_COUNTS.finditer(text):
        side = m["side"].lower()
        count = parse_count(m["n"])
        who = _names(m["who"], gazetteer) if m["who"] else ()
        if side == "for":
            for_count, for_names = count, who or for_names
        elif side == "imod":
            against, against_names = count, who or against_names
        else:
            abstain, abstain_names = count, who or abstain_names
    for m in _NAMES_AFTER.finditer(text):
        side = (m["side"] or m["side2"] or "").lower()
        names = _names(m["names"] or m["names2"] or "", gazetteer)
        if side == "for":
            for_names = names
        elif side == "imod":
            against_names = names
        else:
            abstain_names = names
    for m in _NAMES_BEFORE.finditer(text):
        side = m["side"].lower()
        names = _names(m["names"], gazetteer)
        if side.endswith("imod") and not against_names:
            against_names = names
        elif side.endswith("for") and not for_names:
            for_names = names
        elif side.startswith("undlod") and not abstain_names:
            abstain_names = names
    if all(v is None for v in (for_count, against, abstain)) and not (
        for_names or against_names or abstain_names
    ):
        return []
    return [
        Vote(
            for_count,
            against,
            abstain,
            for_names,
            against_names,
            abstain_names,
            " ".join(text.split()),
        )
    ]
