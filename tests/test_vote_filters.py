"""Filters on votes in a real embedded index: items with a vote, and how a party voted."""

from __future__ import annotations

import pytest

from index.embedder import HashEmbedder
from index.filter_input import FilterError, build_filter
from index.service import MinutesIndex
from index.settings import IndexSettings

MINUTES = """# REFERAT Byrådet d. 03-09-2025

**Mødedato**       Onsdag d. 3. september 2025 kl. 17:00

**Mødested**       Byrådssalen

**Mødedeltagere**   Anne Holm, Bo Dahl, Carl Berg, Dorte Lund

## **Punkt 1: Godkendelse af dagsorden**

00.22.00-P35-2-25

### **Beslutning**

Godkendt.

## **Punkt 2: Ny skolestruktur**

17.01.00-G01-1-25

### **Beslutning**

Ændringsforslaget fra Venstre blev forkastet med 10 stemmer mod 15.

For stemte: C og V.
Imod stemte: A, F og Ø.

Herefter blev indstillingen godkendt med 15 stemmer mod 10.

For stemte: A, F og Ø.
Imod stemte: C og V.

## **Punkt 3: Cykelsti langs Ringvejen**

05.01.00-G01-2-25

### **Beslutning**

Indstillingen blev godkendt uden afstemning.

## **Punkt 4: Ny svømmehal**

04.01.00-G01-3-25

### **Beslutning**

Indstillingen blev godkendt med 20 stemmer mod 5.

For stemte: A, C og V.
Imod stemte: Ø.
"""


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    folder = tmp_path_factory.mktemp("minutes")
    (folder / "byraadet-2025-09-03.txt").write_text(MINUTES, encoding="utf-8")
    settings = IndexSettings(MINUTES_DATA=tmp_path_factory.mktemp("data"), MINUTES_MODEL="hash")
    minutes = MinutesIndex(settings, embedder=HashEmbedder())
    minutes.indexer.ingest_paths([folder / "byraadet-2025-09-03.txt"])
    yield minutes
    minutes.close()


def _numbers(index, **filters) -> list[int]:
    response = index.searcher.search("", build_filter(**filters), limit=50)
    return sorted(r.item_number for r in response.results)


def test_items_with_and_without_a_vote(index):
    assert _numbers(index, voted=True) == [2, 4]
    assert _numbers(index, voted=False) == [1, 3]


def test_items_where_a_party_voted_against_or_for(index):
    assert _numbers(index, party="Ø", party_role="voted_against") == [2, 4]  # 2: the amendment
    assert _numbers(index, party="Ø", party_role="voted_for") == [2]
    assert _numbers(index, party="Venstre", party_role="voted_against") == [2]
    assert _numbers(index, party="V", party_role="voted_for") == [2, 4]
    assert _numbers(index, party="F", party_role="voted_for", voted=True) == [2]


def test_the_item_view_ties_each_vote_to_its_decision(index):
    record = index.searcher.record(
        next(r.item_id for r in index.searcher.search("", build_filter(voted=True)).results
             if r.item_number == 2)
    )  # fmt: skip
    decisions, votes = record["decisions"], record["votes"]
    assert [(d["outcome"], d["amendment"], d["author"], d["vote"]) for d in decisions] == [
        ("rejected", True, "Venstre", 0),
        ("approved", False, None, 1),
    ]
    assert [(v["for"], v["against"], v["decision"]) for v in votes] == [(10, 15, 0), (15, 10, 1)]


def test_a_bad_party_role_names_the_field():
    with pytest.raises(FilterError) as caught:
        build_filter(party="V", party_role="imod")
    assert caught.value.field == "party_role"
