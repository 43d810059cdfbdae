"""Ingest into a real embedded index and search it (stand-in embedder for speed; the real one runs in test_model.py)."""

from __future__ import annotations

import shutil

import pytest
from conftest import AARHUS, seed_text
from pdf_factory import make_encrypted_pdf, make_minutes_pdf

from index.embedder import HashEmbedder
from index.filter_input import FilterError, build_filter
from index.filters import SearchFilter
from index.search import fuse_items
from index.service import MinutesIndex
from index.settings import IndexSettings
from index.store import Hit
from nlp.compounds import compound_parts, compound_split_all, split_compound


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory, randers_one):
    """The Randers minutes and background, the real Aarhus PDF where it is, two made here."""
    folder = tmp_path_factory.mktemp("corpus")
    for path in [*randers_one.minutes.values(), *randers_one.background]:
        shutil.copy(path, folder / path.name)
    if AARHUS.exists():
        shutil.copy(AARHUS, folder)
    make_minutes_pdf(folder / "teknik.pdf")
    make_encrypted_pdf(folder / "hemmelig.pdf")
    return folder


@pytest.fixture(scope="module")
def index(tmp_path_factory, corpus_dir):
    settings = IndexSettings(MINUTES_DATA=tmp_path_factory.mktemp("data"), MINUTES_MODEL="hash")
    minutes = MinutesIndex(settings, embedder=HashEmbedder())
    summary = minutes.indexer.ingest_paths(sorted(corpus_dir.iterdir()))
    minutes.summary = summary
    yield minutes
    minutes.close()


def test_batch_ingest_records_failures_and_goes_on(index):
    summary = index.summary.as_dict()
    assert summary["files"] == 7 + AARHUS.exists()
    assert summary["failed"] == 1
    (failure,) = index.summary.failures
    assert failure.source == "hemmelig.pdf" and "krypteret" in failure.reason
    assert summary["meetings"] == 4 + AARHUS.exists()


def test_reingest_is_idempotent(index, corpus_dir):
    before = index.store.count(SearchFilter(include_staged=True))
    again = index.indexer.ingest_paths(sorted(corpus_dir.iterdir()))
    assert again.count("unchanged") == 6 + AARHUS.exists() and again.count("ingested") == 0
    assert index.store.count(SearchFilter(include_staged=True)) == before


def test_search_returns_items_with_citations(index):
    response = index.searcher.search("veteranindsatsen", limit=5)
    top = response.results[0]
    assert top.item_id == "randers-2025-08-12-beskaeftigelsesudvalget-punkt-69"
    assert top.committee == "Beskæftigelsesudvalget" and top.meeting_date == "2025-08-12"
    assert top.case_numbers == ["27.35.00-G01-2-22"] and top.outcomes == ["noted"]
    assert top.pages and top.snippet
    assert len({r.item_id for r in response.results}) == len(response.results)


def test_a_vector_made_beforehand_gives_the_same_search(index):
    """The API embeds the query in a worker thread and hands the vector to the search."""
    query = "  hjælp til   tidligere soldater "
    made_here = index.searcher.search(query, limit=5)
    handed = index.searcher.search(query, limit=5, dense=index.searcher.query_vector(query))
    assert made_here == handed and made_here.results
    other = index.searcher.query_vector("budget for tilbudsviften")
    assert index.searcher.search(query, limit=5, dense=other) != made_here  # it is used


def test_case_number_query_finds_its_items(index):
    response = index.searcher.search("15.00.00-G01-5-25", limit=3)
    assert {r.item_id for r in response.results[:2]} == {
        "randers-2025-08-12-beskaeftigelsesudvalget-punkt-67",
        "randers-2026-02-03-social-og-arbejdsmarkedsudvalget-punkt-13",
    }


def test_filters_and_facets(index):
    flt = build_filter(
        committee="Beskæftigelsesudvalget", date_from="2025-06-01", decision="approved"
    )
    response = index.searcher.search("beskæftigelse", flt, limit=50)
    assert response.results
    assert all(
        r.committee == "Beskæftigelsesudvalget" and "approved" in r.outcomes
        for r in response.results
    )
    assert all(r.meeting_date >= "2025-06-01" for r in response.results)
    facets = index.searcher.search("", build_filter(kind="minutes"), limit=1).facets
    assert facets["committee"]["Beskæftigelsesudvalget"] == 24
    assert "15" in facets["kle_groups"]


def test_person_party_amount_and_kind_filters(index):
    absent = index.searcher.search(
        "", build_filter(person="Kasper Fuhr Christensen", person_role="absent"), limit=50
    )
    assert [r.item_id for r in absent.results] == [
        "randers-2026-02-03-social-og-arbejdsmarkedsudvalget-punkt-13"
    ]
    voted = index.searcher.search(
        "", build_filter(person="Jesper Gade", person_role="voted_against"), limit=50
    )
    assert [r.item_number for r in voted.results] == [74]
    party = index.searcher.search("", build_filter(party="Velfærdslisten"), limit=50)
    assert {74, 77} <= {r.item_number for r in party.results}
    big = index.searcher.search("", build_filter(min_amount="100000000"), limit=50)
    assert big.results and all(r.kind == "minutes" for r in big.results)
    other = index.searcher.search("fleksjob", build_filter(kind="other"), limit=10)
    assert other.results and all(r.kind == "other" and r.committee is None for r in other.results)


def test_bad_filters_name_the_field():
    for kwargs, field in [
        ({"decision": "vedtaget"}, "decision"),
        ({"date_from": "2025-13-01"}, "from"),
        ({"min_amount": "5", "max_amount": "1"}, "min_amount"),
        ({"date_from": "2025-02-01", "date_to": "2025-01-01"}, "from"),
        ({"kind": "referat"}, "kind"),
        ({"min_amount": "mange"}, "min_amount"),
    ]:
        with pytest.raises(FilterError) as error:
            build_filter(**kwargs)
        assert error.value.field == field


def test_case_timeline_oldest_first(index):
    timeline = index.searcher.case_timeline("15.00.00-G01-5-25")
    assert [(r["meeting"]["date"], r["number"]) for r in timeline] == [
        ("2025-08-12", 67),
        ("2026-02-03", 13),
    ]


def test_closed_item_never_leaks_text(index):
    record = index.searcher.record("randers-2025-08-12-beskaeftigelsesudvalget-punkt-75")
    assert record["closed"] and record["sections"] == []
    closed_chunks = list(index.store.scroll(SearchFilter(closed=True)))
    assert closed_chunks
    for hit in closed_chunks:
        assert hit.payload["section_kind"] in ("title", "decision")


def test_the_real_aarhus_minutes_in_the_index(index, aarhus_pdf):
    response = index.searcher.search("EMN-2025-008579", limit=1)
    assert response.results[0].case_numbers == ["EMN-2025-008579"]
    facets = index.searcher.search("", build_filter(kind="minutes"), limit=1).facets
    assert facets["committee"]["Aarhus Byråd"] == 21
    aarhus = index.searcher.record("aarhus-2025-08-27-aarhus-byraad-punkt-21")
    assert aarhus["closed"] and [s["kind"] for s in aarhus["sections"]] == ["decision"]


def test_changed_file_replaces_its_items(tmp_path):
    settings = IndexSettings(MINUTES_DATA=tmp_path / "data", MINUTES_MODEL="hash")
    minutes = MinutesIndex(settings, embedder=HashEmbedder())
    try:
        path = make_minutes_pdf(tmp_path / "teknik.pdf", items=3)
        first = minutes.indexer.ingest_paths([path]).results[0]
        assert first.status == "ingested" and first.items == 3
        make_minutes_pdf(path, items=2)
        second = minutes.indexer.ingest_paths([path]).results[0]
        assert second.status == "ingested" and second.doc_id != first.doc_id
        assert (
            minutes.store.count(SearchFilter(document_ids=(first.doc_id,), include_staged=True))
            == 0
        )
        items = minutes.searcher.search("", SearchFilter(), limit=10)
        assert sorted(r.item_number for r in items.results) == [1, 2]
        assert minutes.indexer.delete_document(second.doc_id)
        assert minutes.store.count(SearchFilter(include_staged=True)) == 0
    finally:
        minutes.close()


def test_references_resolve_to_indexed_items(index, tmp_path):
    follow_up = tmp_path / "byraad.md"
    follow_up.write_text(
        "# REFERAT Byrådet d. 25-08-2025\n\n## Punkt 101: Unge i Fokus\n\n15.00.00-G01-32-25\n\n"
        "## Beslutning fra Beskæftigelsesudvalget, den 12. august 2025, punkt 74:\n\nGodkendt.\n\n"
        "## Beslutning\n\nGodkendt. Sagen blev behandlet på mødet den 12. august 2025 (sag 74).\n"
    )
    result = index.indexer.ingest_paths([follow_up]).results[0]
    assert result.status == "ingested"
    record = index.searcher.record("2025-08-25-byraadet-punkt-101")
    targets = {r["target"] for r in record["references"] if r["target"]}
    assert "randers-2025-08-12-beskaeftigelsesudvalget-punkt-74" in targets
    timeline = index.searcher.case_timeline("15.00.00-G01-32-25")
    assert [(r["meeting"]["date"], r["number"]) for r in timeline] == [
        ("2025-08-12", 74),
        ("2025-08-25", 101),
    ]
    assert timeline[1]["prior_decisions"][0]["item"] == 74


def _hit(chunk: str, item: str, score: float, kind: str = "minutes") -> Hit:
    return Hit(chunk, score, {"item_id": item, "kind": kind})


def test_fusion_is_per_item_so_two_sections_both_vote():
    # Dense likes item A's Økonomi chunk, sparse its Sagsfremstilling chunk; B has one chunk
    # ranked first by dense and third by sparse. Per chunk B would win; per item A wins.
    dense = [_hit("b1", "B", 0.9), _hit("a1", "A", 0.8), _hit("c1", "C", 0.7)]
    sparse = [_hit("a2", "A", 9.0), _hit("c2", "C", 8.0), _hit("b1", "B", 7.0)]
    fused = fuse_items([(dense, 1.0), (sparse, 1.0)], k=60)
    assert [h.payload["item_id"] for h in fused] == ["A", "B", "C"]
    assert fused[0].id == "a2"  # the chunk shown is the item's best fused chunk
    assert len(fuse_items([(dense, 1.0)], k=60)) == 3


def test_background_documents_yield_unless_clearly_better():
    # A background section first in both lists loses to a minutes item second in both ...
    bg = [_hit("x", "plan#s1", 1.0, "other"), _hit("m", "meeting#1", 0.9)]
    assert fuse_items([(bg, 1.0), (bg, 1.0)], k=60)[0].payload["item_id"] == "meeting#1"
    # ... but beats one that only one list found.
    dense = [_hit("x", "plan#s1", 1.0, "other"), _hit("m", "meeting#1", 0.9)]
    sparse = [_hit("x", "plan#s1", 5.0, "other")]
    assert fuse_items([(dense, 1.0), (sparse, 1.0)], k=60)[0].payload["item_id"] == "plan#s1"


def test_compounds_split_into_all_their_parts():
    assert split_compound("arbejdspligt") == ("arbejd", "pligt")
    assert split_compound("fleksjob") == ()  # too short to be split safely
    # The modifier is itself a compound of known words, and is split again.
    parts = compound_split_all("borgertilfredshedsundersøgelse")
    assert "undersøgelse" in parts and "borger" in parts
    assert "området" in compound_split_all("arbejdsmarkedsområdet")
    assert compound_parts("Huslejetilskud og veteranindsatsen") == [
        "husleje",
        "tilskud",
        "veteran",
        "indsatsen",
    ]


def test_sparse_query_drops_question_and_filler_words():
    from index.search import sparse_query

    assert sparse_query("hvad besluttede udvalget om unge i fokus forslaget?") == (
        "besluttede udvalget unge fokus forslaget?"
    )
    assert sparse_query("Hvilket tilbud 15.00.00-G01-5-25") == "tilbud 15.00.00-G01-5-25"
    assert sparse_query("Hvem stemte imod") == "stemte"
    # A query of filler words only is kept as it is, so it still matches something.
    assert sparse_query("hvad er det") == "hvad er det"


def test_cpr_numbers_are_redacted_before_indexing_and_counted_per_item(tmp_path):
    text = seed_text("2025-02-04")
    head, tail = text.split("Punkt 13:", 1)
    title, body = tail.split("\n", 1)
    source = tmp_path / "med-cpr.md"
    source.write_text(f"{head}Punkt 13:{title}\nBorgeren (CPR 010190-1234) klagede.\n{body}")
    settings = IndexSettings(MINUTES_DATA=tmp_path / "data", MINUTES_MODEL="hash")
    minutes = MinutesIndex(settings, embedder=HashEmbedder())
    try:
        summary = minutes.indexer.ingest_paths([source])
        assert summary.as_dict()["cpr_redacted"] == 1
        hits = list(minutes.store.scroll(SearchFilter()))
        assert hits and not any("010190-1234" in str(h.payload) for h in hits)
        item = next(h.payload["item_id"] for h in hits if h.payload.get("item_number") == 13)
        assert minutes.searcher.record(item)["cpr_redacted"] == 1
    finally:
        minutes.close()
