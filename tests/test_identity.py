"""A document is its content and its meeting: a name alone never replaces anything, and every replacement is said."""

from __future__ import annotations

import json
import shutil

import httpx
import pytest
from api_server import serve
from conftest import seed_text
from typer.testing import CliRunner

from cli import app
from index.embedder import HashEmbedder
from index.filters import SearchFilter
from index.service import MinutesIndex
from index.settings import IndexSettings
from search_api.app import create_app
from search_api.settings import ApiSettings

KEY = "noegle-til-test"
CYKEL = "# Notat om cykelstier\n\nCykelstien langs Ringvejen forlænges mod Vestbyen.\n"
SKOLE = "# Notat om skoler\n\nSkolen i Østbyen får en ny idrætshal i 2026.\n"


@pytest.fixture
def minutes(tmp_path):
    settings = IndexSettings(MINUTES_DATA=tmp_path / "data", MINUTES_MODEL="hash")
    index = MinutesIndex(settings, embedder=HashEmbedder())
    yield index
    index.close()


def documents(index: MinutesIndex) -> set[str]:
    return set(index.store.facet("doc_id", SearchFilter(), limit=100))


def write(path, text: str):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_files_of_the_same_name_are_two_documents(tmp_path, minutes, randers_one):
    notes = [write(tmp_path / "a" / "notat.md", CYKEL), write(tmp_path / "b" / "notat.md", SKOLE)]
    meetings = []
    for folder, date in (("a", "2025-02-04"), ("b", "2025-08-12")):
        source = randers_one.minutes[date]
        meetings.append(shutil.copy(source, tmp_path / folder / f"referat{source.suffix}"))
    summary = minutes.indexer.ingest_paths([*notes, *meetings])
    assert [r.status for r in summary.results] == ["ingested"] * 4
    assert not any(r.replaced for r in summary.results)
    assert documents(minutes) == {r.doc_id for r in summary.results}


def test_the_same_meeting_published_again_replaces_it_and_says_so(tmp_path, minutes):
    text = seed_text("2025-02-04")
    first = minutes.indexer.ingest_paths([write(tmp_path / "referat.txt", text)]).results[0]
    corrected = write(tmp_path / "referat-rettet.txt", text + "\nRettet 10. februar 2025.\n")
    (result,) = minutes.indexer.ingest_paths([corrected]).results
    assert result.status == "ingested"
    assert result.replaced == (
        {"doc_id": first.doc_id, "source": "referat.txt", "why": "same_meeting"},
    )
    assert documents(minutes) == {result.doc_id}


def test_replacing_by_name_is_asked_for(tmp_path, minutes):
    first = minutes.indexer.ingest_paths([write(tmp_path / "a" / "notat.md", CYKEL)]).results[0]
    second = write(tmp_path / "b" / "notat.md", SKOLE)
    (result,) = minutes.indexer.ingest_paths([second], replace=True).results
    assert result.replaced == ({"doc_id": first.doc_id, "source": "notat.md", "why": "same_name"},)
    assert documents(minutes) == {result.doc_id}


def test_the_same_bytes_under_another_name_are_unchanged_and_named(tmp_path, minutes):
    original = write(tmp_path / "notat.md", CYKEL)
    copy = write(tmp_path / "kopi af notat.md", CYKEL)
    first, again = minutes.indexer.ingest_paths([original, copy]).results
    assert (again.status, again.doc_id, again.code) == ("unchanged", first.doc_id, "duplicate")
    assert "notat.md" in again.reason


def test_cli_keeps_both_and_lists_what_it_replaced(tmp_path, monkeypatch):
    monkeypatch.setenv("MINUTES_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("MINUTES_MODEL", "hash")
    runner = CliRunner()
    a, b = write(tmp_path / "a" / "notat.md", CYKEL), write(tmp_path / "b" / "notat.md", SKOLE)
    result = runner.invoke(app, ["ingest", str(a), str(b), "--quiet"])
    assert result.exit_code == 0, result.output
    assert "2 indekseret" in result.output and "0 erstattet" in result.output
    stats = json.loads(runner.invoke(app, ["stats", "--json"]).output)
    assert stats["documents"] == 2
    c = write(tmp_path / "c" / "notat.md", CYKEL + "\nTilføjet et afsnit.\n")
    result = runner.invoke(app, ["ingest", str(c), "--replace", "--quiet"])
    assert result.exit_code == 0, result.output
    assert result.output.count("erstattede notat.md") == 2 and "samme filnavn" in result.output
    assert json.loads(runner.invoke(app, ["stats", "--json"]).output)["documents"] == 1


def test_an_upload_name_with_a_path_replaces_nothing(tmp_path):
    settings = ApiSettings(
        MINUTES_DATA=tmp_path / "data", MINUTES_MODEL="hash", MINUTES_API_KEY=KEY
    )
    index = MinutesIndex(settings, embedder=HashEmbedder())
    with (
        serve(create_app(settings, index)) as url,
        httpx.Client(base_url=url, timeout=60) as client,
    ):

        def upload(name: str, text: str, **form) -> dict:
            files = {"files": (name, text.encode(), "text/markdown")}
            response = client.post("/documents", files=files, data=form, headers={"X-API-Key": KEY})
            assert response.status_code == 200, response.text
            return response.json()["files"][0]

        first = upload("x.md", CYKEL)
        sneaky = upload("....//....//x.md", SKOLE)
        assert sneaky["source"] == "x.md" and sneaky["status"] == "ingested"
        assert sneaky["replaced"] == [] and documents(index) == {first["doc_id"], sneaky["doc_id"]}
        asked = upload("..\\..\\x.md", SKOLE + "\nNy version.\n", replace="true")
        assert {r["doc_id"] for r in asked["replaced"]} == {first["doc_id"], sneaky["doc_id"]}
        assert documents(index) == {asked["doc_id"]}
