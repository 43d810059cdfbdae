"""From a hit to a citation (issue 15, the API side): the source file at the cited page, honest
counts and facets, exports equal to the page, feeds that fire only on matches, the questions
people ask, Danish input and Danish errors. A real embedded index, the stand-in embedder."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
import time
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from conftest import randers_from
from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st

from index.embedder import HashEmbedder
from index.files import source_url
from index.filter_input import FilterError, build_filter, resolve_persons
from index.filters import SearchFilter
from index.search import FACET_KEYS
from index.service import MinutesIndex
from nlp.amounts import parse_amount_input
from nlp.dates import parse_date_input
from search_api.app import create_app
from search_api.settings import ApiSettings

ATOM = "{http://www.w3.org/2005/Atom}"
KEY = "noegle"
VETERAN = "randers-2025-08-12-beskaeftigelsesudvalget-punkt-69"
CLOSED = "randers-2025-08-12-beskaeftigelsesudvalget-punkt-75"


def minutes_text(date: str, number: int, title: str, body: str) -> str:
    return (
        f"Referat\nRanders Kommune\nTeknisk Udvalg\nMødedato: {date}\n\n"
        f"Punkt {number}: {title}\n\nSagsfremstilling\n{body}\n\nBeslutning\nGodkendt.\n"
    )


@pytest.fixture(scope="module")
def randers_pdfs():
    """The bundled corpus's PDFs (the seeds are text): a citation opens a PDF at its page."""
    return randers_from("corpus")


@pytest.fixture(scope="module")
def api(tmp_path_factory, randers_pdfs):
    corpus = tmp_path_factory.mktemp("cite-corpus")
    for path in [*randers_pdfs.minutes.values(), *randers_pdfs.background]:
        shutil.copy(path, corpus)
    data = tmp_path_factory.mktemp("cite-data")
    settings = ApiSettings(MINUTES_DATA=data, MINUTES_MODEL="hash", MINUTES_API_KEY=KEY)
    index = MinutesIndex(settings, embedder=HashEmbedder())
    index.indexer.ingest_paths(sorted(corpus.iterdir()))
    with TestClient(create_app(settings, index)) as client:
        client.index = index
        client.corpus = corpus
        yield client


def all_pages(api, **params) -> list[str]:
    ids, offset = [], 0
    while True:
        body = api.get("/search", params=params | {"limit": 100, "offset": offset}).json()
        ids += [r["item_id"] for r in body["results"]]
        offset += 100
        if offset >= body["total"]:
            return ids


def test_a_results_source_url_opens_the_pdf_at_the_cited_page(api, randers_pdfs):
    body = api.get("/search", params={"q": "veteranindsatsen"}).json()
    hit = next(r for r in body["results"] if r["item_id"] == VETERAN)
    assert hit["source_url"] == f"/documents/{hit['doc_id']}/file#page={hit['pages'][0]}"
    response = api.get(hit["source_url"])  # the client drops the fragment, as a browser does
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"].startswith("inline")
    assert response.content == randers_pdfs.minutes["2025-08-12"].read_bytes()
    item = api.get(f"/items/{VETERAN}").json()
    assert item["source_url"].endswith(f"#page={item['page_start']}")


def test_closed_items_link_to_the_document_without_a_page(api):
    closed = api.get(f"/items/{CLOSED}").json()
    assert closed["closed"] and closed["source_url"] == f"/documents/{closed['doc_id']}/file"
    rows = api.get("/export", params={"format": "json", "q": ""}).json()["results"]
    assert all("#page=" not in r["source_url"] for r in rows if r["closed"])
    assert any("#page=" in r["source_url"] for r in rows if not r["closed"])
    assert source_url("abc", 3, closed=True) == "/documents/abc/file"


def test_text_sources_are_served_as_plain_text(tmp_path):
    settings = ApiSettings(MINUTES_DATA=tmp_path, MINUTES_MODEL="hash")
    index = MinutesIndex(settings, embedder=HashEmbedder())
    page = tmp_path / "side.html"
    page.write_text(
        "<html><body><script>alert(1)</script><h1>Punkt 1: Skolevej</h1>"
        "<p>Mødedato: 3. marts 2025</p><p>Beslutning: Godkendt.</p></body></html>"
    )
    (result,) = index.indexer.ingest_paths([page]).results
    with TestClient(create_app(settings, index)) as client:
        response = client.get(f"/documents/{result.doc_id}/file")
        assert response.headers["content-type"].startswith("text/plain")
        assert "sandbox" in response.headers["content-security-policy"]
        assert "<script>" in response.text  # the bytes as they came, never run here
        missing = client.get("/documents/0123456789abcdef/file")
        assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"


def test_files_are_kept_once_and_go_with_their_document(tmp_path):
    settings = ApiSettings(MINUTES_DATA=tmp_path / "data", MINUTES_MODEL="hash")
    index = MinutesIndex(settings, embedder=HashEmbedder())
    first = tmp_path / "a.txt"
    first.write_text(minutes_text("3. marts 2025", 1, "Cykelsti", "En ny cykelsti."))
    shutil.copy(first, tmp_path / "b.txt")  # the same bytes under another name
    (a,) = index.indexer.ingest_paths([first]).results
    index.indexer.ingest_paths([first, tmp_path / "b.txt"])
    files = list(settings.files_dir.iterdir())
    assert len(files) == 1 and files[0].read_bytes() == first.read_bytes()
    assert files[0].name.startswith(a.doc_id)
    assert index.indexer.delete_document(a.doc_id)
    assert list(settings.files_dir.iterdir()) == []


def test_a_nonsense_query_matches_nothing(api):
    body = api.get("/search", params={"q": "xyzzyqq"}).json()
    assert body["total"] == 0 and body["results"] == []
    assert all(counts == {} for counts in body["facets"].values())
    feed = ET.fromstring(api.get("/search.atom", params={"q": "xyzzyqq"}).content)
    assert feed.findall(f"{ATOM}entry") == []
    assert api.get("/export", params={"q": "xyzzyqq", "format": "json"}).json()["results"] == []


def test_total_counts_only_matching_items_and_pages_reach_them_all(api):
    everything = api.get("/search", params={"limit": 1}).json()["total"]
    body = api.get("/search", params={"q": "veteranindsatsen"}).json()
    assert 0 < body["total"] < everything and body["total_exact"]
    assert body["results"][0]["item_id"] == VETERAN
    ids = all_pages(api, q="veteranindsatsen")
    assert len(ids) == len(set(ids)) == body["total"]


def test_facets_count_the_querys_matching_items(api):
    body = api.get("/search", params={"q": "besparelser", "limit": 100}).json()
    committees: dict[str, int] = {}
    years: dict[str, int] = {}
    for r in body["results"]:
        if r["committee"]:
            committees[r["committee"]] = committees.get(r["committee"], 0) + 1
            year = r["meeting_date"][:4]
            years[year] = years.get(year, 0) + 1
    assert body["facets"]["committee"] == committees and body["facets"]["year"] == years
    assert sum(body["facets"]["kind"].values()) == body["total"]
    everything = api.get("/search", params={"limit": 1}).json()["facets"]["kind"]
    assert sum(everything.values()) > body["total"]


@pytest.mark.parametrize(
    "params",
    [
        {"q": "besparelser"},
        {"q": "veteranindsatsen"},
        {"q": "ledighed", "committee": "Beskæftigelsesudvalget"},
        {"q": "budget", "decision": "approved"},
        {"q": "tilbud", "kind": "other"},
    ],
)
def test_facets_are_the_engines_counts_of_the_matching_items(api, params):
    """Facets are counted from the matching items' candidates, not asked of the engine again:
    they are what the engine counts over those items' title chunks, in the same order."""
    body = api.get("/search", params=params | {"limit": 1}).json()
    assert body["total"] > 0 and body["total_exact"] and body["facets_exact"]
    titles = SearchFilter(chunk_types=("title",), item_ids=tuple(all_pages(api, **params)))
    engine = {key: api.index.store.facet(key, titles) for key in FACET_KEYS}
    assert sum(engine["kind"].values()) == body["total"]
    assert {k: list(v.items()) for k, v in body["facets"].items()} == {
        k: list(v.items()) for k, v in engine.items()
    }


@pytest.mark.parametrize("q", ["veteranindsatsen", "besparelser beskæftigelse", ""])
def test_export_has_the_pages_items_in_the_pages_order(api, q):
    page = all_pages(api, q=q)
    exported = api.get("/export", params={"q": q, "format": "json"})
    assert [r["item_id"] for r in exported.json()["results"]] == page
    assert exported.headers["x-total-count"] == str(len(page))
    assert all(r["record"]["id"] == r["item_id"] for r in exported.json()["results"])
    text = api.get("/export", params={"q": q, "format": "csv"}).content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    assert [row["Punkt-id"] for row in rows] == page


def test_csv_speaks_danish_and_carries_decisions_amounts_absences_votes(api):
    text = api.get("/export", params={"q": "", "format": "csv"}).content.decode("utf-8-sig")
    rows = {r["Punkt-id"]: r for r in csv.DictReader(io.StringIO(text), delimiter=";")}
    veteran = rows[VETERAN]
    assert veteran["Beslutning"] == "taget til efterretning"
    assert veteran["Beslutningstekst"] and veteran["Link til kilden"].startswith("http")
    assert any(r["Fraværende"] for r in rows.values())
    with_amount = [r for r in rows.values() if r["Største beløb (kr.)"]]
    assert with_amount and all(
        Decimal(r["Største beløb (kr.)"].replace(",", ".")) >= 0 for r in with_amount
    )
    assert {"Afstemning", "Stemte for", "Stemte imod", "Beløb"} <= set(veteran)


def test_the_feed_gets_only_a_new_matching_item_first(api, tmp_path):
    params = {"q": "skaterbane"}
    before = ET.fromstring(api.get("/search.atom", params=params).content)
    ids_before = [e.findtext(f"{ATOM}id") for e in before.findall(f"{ATOM}entry")]
    matching = tmp_path / "skater.txt"
    matching.write_text(
        minutes_text("2. januar 2024", 5, "Skaterbane ved hallen", "En skaterbane bygges.")
    )
    unrelated = tmp_path / "kloak.txt"
    unrelated.write_text(
        minutes_text("3. januar 2024", 6, "Kloakering", "Kloakken renoveres i bydelen.")
    )
    for path in (matching, unrelated):
        time.sleep(0.01)  # distinct ingest times
        files = {"files": (path.name, path.read_bytes(), "text/plain")}
        assert api.post("/documents", files=files, headers={"X-API-Key": KEY}).status_code == 200
    feed = ET.fromstring(api.get("/search.atom", params=params).content)
    entries = feed.findall(f"{ATOM}entry")
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    new = ids[0].removeprefix("urn:minutes:item:")
    assert new.startswith("randers-2024-01-02-") and new.endswith("-punkt-5")
    assert ids[1:] == ids_before and not any("2024-01-03" in i for i in ids)
    links = {link.get("rel"): link.get("href") for link in entries[0].findall(f"{ATOM}link")}
    assert links["alternate"].endswith(f"/?item={new}")
    assert "/documents/" in links["via"]
    assert entries[0].findtext(f"{ATOM}summary").endswith("– godkendt")


@pytest.mark.parametrize("typed", ["1.000.000", "1 mio.", "1 mio", "1000000 kr."])
def test_danish_amounts_give_the_same_items(api, typed):
    plain = all_pages(api, min_amount="1000000")
    assert plain and all_pages(api, min_amount=typed) == plain
    assert all_pages(api, min_amount="2,5 mio. kr.") == all_pages(api, min_amount="2500000")


@pytest.mark.parametrize("typed", ["12-08-2025", "12.08.2025", "12. august 2025", "2025-08-12"])
def test_danish_dates_give_the_same_items(api, typed):
    items = all_pages(api, **{"from": typed, "to": typed})
    assert VETERAN in items and all("2025-08-12" in i for i in items)


def test_case_numbers_in_any_case(api):
    lower = api.get("/cases/15.00.00-g01-5-25")
    assert lower.status_code == 200
    assert lower.json()["items"] == api.get("/cases/15.00.00-G01-5-25").json()["items"]
    assert all(r["source_url"].startswith("/documents/") for r in lower.json()["items"])
    assert all_pages(api, case="15.00.00-g01-5-25") == all_pages(api, case="15.00.00-G01-5-25")


def test_absences_persons_and_amounts_as_people_ask(api):
    absent_any = all_pages(api, person_role="absent")
    everything = all_pages(api)
    assert 0 < len(absent_any) < len(everything)
    assert all_pages(api, absence="true") == absent_any
    berggren = all_pages(api, person="Claus Berggren", person_role="absent")
    for form in ("claus berggren", "Berggren", "Claus Berggren (V)", "  BERGGREN "):
        assert all_pages(api, person=form, person_role="absent") == berggren
    assert berggren and set(berggren) <= set(absent_any)
    with_amount = all_pages(api, has_amount="true")
    without = all_pages(api, has_amount="false")
    assert with_amount and sorted(with_amount + without) == sorted(everything)
    unknown = api.get("/search", params={"person": "Ingen Sådan"}).json()["error"]
    assert unknown["field"] == "person" and unknown["code"] == "unknown_person"


def test_persons_and_parties_with_counts(api):
    persons = {p["name"]: p for p in api.get("/persons").json()}
    berggren = persons["Claus Berggren"]
    assert berggren["absent"] == len(all_pages(api, person="Claus Berggren", person_role="absent"))
    assert berggren["items"] == len(all_pages(api, person="Claus Berggren"))
    parties = api.get("/parties").json()
    assert parties and all(
        {"name", "items", "voted_for", "voted_against"} <= set(p) for p in parties
    )


@pytest.mark.parametrize(
    ("params", "field", "code", "words"),
    [
        ({"min_amount": "-5", "max_amount": "-1"}, "min_amount", "amount_order", "større end"),
        ({"min_amount": "mange"}, "min_amount", "invalid_amount", "ikke et beløb"),
        ({"from": "i går"}, "from", "invalid_date", "ikke en dato"),
        ({"from": "2025-02-01", "to": "2025-01-01"}, "from", "date_order", "efter"),
        ({"decision": "vedtaget"}, "decision", "unknown_outcome", "ukendt beslutning"),
        ({"limit": "0"}, "limit", "greater_than_equal", "mindst 1"),
    ],
)
def test_errors_are_danish_with_a_machine_code(api, params, field, code, words):
    error = api.get("/search", params=params).json()["error"]
    assert (error["field"], error["code"]) == (field, code) and words in error["message"]


def test_outcomes_by_danish_label(api):
    assert all_pages(api, decision="godkendt") == all_pages(api, decision="approved")


def test_docs_work_offline(api):
    html = api.get("/docs").text
    assert "/docs-assets/swagger-ui-bundle.js" in html and "cdn" not in html.lower()
    assert api.get("/docs-assets/swagger-ui-bundle.js").status_code == 200
    assert api.get("/docs-assets/swagger-ui.css").status_code == 200


def test_filter_input_reads_danish_forms():
    flt = build_filter(
        min_amount="2,5 mio. kr.", date_from="12. august 2025", case="15.00.00-g01-5-25"
    )
    assert flt.min_amount == Decimal(2_500_000) and str(flt.date_from) == "2025-08-12"
    assert "15.00.00-G01-5-25" in flt.case_numbers
    assert resolve_persons(["berggren"], ["Claus Berggren", "Anne Berg"]) == ("Claus Berggren",)
    with pytest.raises(FilterError) as error:
        build_filter(date_to="31-02-2025")
    assert error.value.code == "invalid_date"


@given(st.integers(min_value=0, max_value=10**12))
def test_amounts_typed_with_thousands_dots_are_the_number(value):
    dotted = f"{value:,}".replace(",", ".")
    assert parse_amount_input(dotted) == value == parse_amount_input(str(value))
    assert parse_amount_input(f"{dotted} kr.") == value


def test_an_amount_of_thirty_digits_is_a_number_not_a_crash():
    # (The fuzzer's max_amount=999…9: more digits than Decimal's default precision.)
    assert parse_amount_input("9" * 30) == int("9" * 30)
    assert parse_amount_input("2,5 mio.") == 2_500_000
    from index.filter_input import kroner

    assert kroner(parse_amount_input("9" * 30)) == ".".join(["999"] * 10)


@given(st.dates(min_value=dt.date(1970, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_dates_typed_the_danish_ways_are_the_date(date):
    for typed in (
        date.isoformat(),
        date.strftime("%d-%m-%Y"),
        date.strftime("%d.%m.%Y"),
    ):
        assert parse_date_input(typed) == date
