"""Ids: the municipality in every meeting and item id, URL-safe, the same after a re-ingest,
and the ids of before ("…#74") still accepted everywhere an id is.

Randers and Vejle both have a Beskæftigelsesudvalget that met on 12 August 2025 with an
item 74: both are indexed and both are found. Vejle alone has an item 75.
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import httpx
import pytest
from api_server import serve
from typer.testing import CliRunner

from cli import app
from index.embedder import HashEmbedder
from index.service import MinutesIndex
from ingest import parse_file
from search_api.app import create_app
from search_api.settings import ApiSettings

RANDERS = """Referat
Randers Kommune
Beskæftigelsesudvalget
Mødedato: 12. august 2025

Punkt 74: Praktikpladser til unge i Randers

Sagsfremstilling
Udvalget orienteres om praktikpladserne i Randers, hvor 40 unge fik plads i foråret.

Beslutning
Taget til efterretning.
"""
VEJLE = """Referat
Vejle Kommune
Beskæftigelsesudvalget
Mødedato: 12. august 2025

Punkt 74: Jobmesse for ledige i Vejle

Sagsfremstilling
Jobmessen i Vejle samler virksomheder og ledige i september.

Beslutning
Godkendt.

Punkt 75: Sygedagpenge i Vejle

Sagsnr.: 24/1234

Sagsfremstilling
Antallet af sager om sygedagpenge i Vejle er faldet.

Beslutning
Taget til efterretning.
"""
NO_MUNICIPALITY = "# REFERAT Økonomiudvalget d. 05-03-2025\n\n## Punkt 7: Regnskab\n\n## Beslutning\n\nGodkendt.\n"
NOTE = "# Notat om cykelstier\n\nCykelstien langs Ringvejen forlænges mod Vestbyen.\n"

R_MEETING = "randers-2025-08-12-beskaeftigelsesudvalget"
V_MEETING = "vejle-2025-08-12-beskaeftigelsesudvalget"
R74, V74, V75 = f"{R_MEETING}-punkt-74", f"{V_MEETING}-punkt-74", f"{V_MEETING}-punkt-75"
OLD_MEETING = "2025-08-12-beskaeftigelsesudvalget"
OLD74, OLD75 = f"{OLD_MEETING}#74", f"{OLD_MEETING}#75"
URL_SAFE = re.compile(r"[a-z0-9-]+")
ATOM = "{http://www.w3.org/2005/Atom}"


def write_corpus(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    texts = {"randers.txt": RANDERS, "vejle.txt": VEJLE, "notat.md": NOTE}
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return sorted(folder / name for name in texts)


def test_ids_carry_the_municipality_are_url_safe_and_stable(tmp_path):
    randers, vejle = (tmp_path / "randers.txt", tmp_path / "vejle.txt")
    randers.write_text(RANDERS, encoding="utf-8")
    vejle.write_text(VEJLE, encoding="utf-8")
    r, v = parse_file(randers), parse_file(vejle)
    assert (r.meeting.id, v.meeting.id) == (R_MEETING, V_MEETING)
    assert [r.item_id(i) for i in r.items] == [R74]
    assert [v.item_id(i) for i in v.items] == [V74, V75]
    assert r.legacy_item_id(r.items[0]) == v.legacy_item_id(v.items[0]) == OLD74
    assert [parse_file(vejle).item_id(i) for i in v.items] == [V74, V75]  # no random part
    plain = tmp_path / "oekonomi.md"
    plain.write_text(NO_MUNICIPALITY, encoding="utf-8")
    unknown = parse_file(plain)
    assert unknown.meeting.municipality is None
    assert unknown.meeting.id == unknown.meeting.legacy_id == "2025-03-05-oekonomiudvalget"
    assert unknown.item_id(unknown.items[0]) == "2025-03-05-oekonomiudvalget-punkt-7"
    note = tmp_path / "notat.md"
    note.write_text(NOTE, encoding="utf-8")
    background = parse_file(note)
    assert background.section_id(1) == f"{background.id}-afsnit-1"
    for item_id in (R74, V74, V75, unknown.item_id(unknown.items[0]), background.section_id(1)):
        assert URL_SAFE.fullmatch(item_id), item_id


@pytest.fixture(scope="module")
def minutes(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ids-corpus")
    settings = ApiSettings(MINUTES_DATA=tmp_path_factory.mktemp("ids-data"), MINUTES_MODEL="hash")
    index = MinutesIndex(settings, embedder=HashEmbedder())
    summary = index.indexer.ingest_paths(write_corpus(folder))
    assert summary.count("ingested") == 3
    again = index.indexer.ingest_paths(write_corpus(folder))
    assert again.count("unchanged") == 3
    yield index, settings


def test_both_municipalities_are_indexed_and_found(minutes):
    index, _ = minutes
    searcher = index.searcher
    assert searcher.search("praktikpladser unge", limit=1).results[0].item_id == R74
    assert searcher.search("jobmesse ledige", limit=1).results[0].item_id == V74
    listed = {r.item_id for r in searcher.search("", limit=50).results}
    assert {R74, V74, V75} <= listed
    assert searcher.record(R74)["title"] == "Praktikpladser til unge i Randers"
    assert searcher.record(V74)["title"] == "Jobmesse for ledige i Vejle"
    assert searcher.record(V74)["meeting"]["id"] == V_MEETING


def test_ids_of_before_resolve_or_name_every_match(minutes):
    searcher = minutes[0].searcher
    unique = searcher.find_item(OLD75)
    assert (
        unique.legacy and unique.id == V75 and unique.records[0]["title"] == "Sygedagpenge i Vejle"
    )
    assert searcher.find_item(OLD75.replace("#", "%23")).id == V75
    assert searcher.find_item(f"  {V75.upper()} ").id == V75
    both = searcher.find_item(OLD74)
    assert both.ambiguous and both.ids == (R74, V74) and not both.records
    assert searcher.find_item(OLD74.replace("#", "%23")).ids == (R74, V74)
    assert searcher.find_meeting(OLD_MEETING).ids == (R_MEETING, V_MEETING)
    vejle = searcher.find_meeting(V_MEETING)
    assert not vejle.legacy and [r["id"] for r in vejle.records] == [V74, V75]
    assert not searcher.find_item("2025-08-12-beskaeftigelsesudvalget#99").ids
    note = next(r for r in searcher.search("cykelstien", limit=3).results if r.kind == "other")
    assert note.item_id.endswith("-afsnit-1")
    assert searcher.find_item(note.item_id.replace("-afsnit-", "#s")).id == note.item_id


@pytest.fixture(scope="module")
def server(minutes):
    index, settings = minutes
    with (
        serve(create_app(settings, index)) as url,
        httpx.Client(base_url=url, timeout=60) as client,
    ):
        yield client


def test_the_api_serves_both_and_redirects_ids_of_before(server):
    for item_id, title in ((R74, "Praktikpladser"), (V74, "Jobmesse"), (V75, "Sygedagpenge")):
        response = server.get(f"/items/{item_id}")
        assert response.status_code == 200 and response.json()["id"] == item_id
        assert response.json()["title"].startswith(title)
    moved = server.get(f"/items/{OLD75.replace('#', '%23')}")
    assert moved.status_code == 308 and moved.headers["location"].endswith(f"/items/{V75}")
    followed = server.get(f"/items/{OLD75.replace('#', '%23')}", follow_redirects=True)
    assert followed.status_code == 200 and followed.json()["id"] == V75
    ambiguous = server.get(f"/items/{OLD74.replace('#', '%23')}")
    error = ambiguous.json()["error"]
    assert ambiguous.status_code == 409 and error["field"] == "item_id"
    assert set(error) == {"status", "message", "field", "code"} and R74 in error["message"]
    assert V74 in error["message"]
    assert server.get(f"/meetings/{R_MEETING}").json()["items"][0]["id"] == R74
    assert server.get(f"/meetings/{OLD_MEETING}").status_code == 409
    assert (
        server.get("/items/randers-2025-08-12-beskaeftigelsesudvalget-punkt-99").status_code == 404
    )
    # A feed link of before whose "#75" the browser kept: the page, told the meeting, opens item 75.
    html = {"accept": "text/html,application/xhtml+xml"}
    page = server.get(f"/items/{V_MEETING}", headers=html)
    assert page.status_code == 308 and page.headers["location"].endswith(f"/?meeting={V_MEETING}")
    assert server.get(f"/items/{V_MEETING}").status_code == 404  # not a page: no item
    assert server.get(f"/items/{OLD_MEETING}", headers=html).status_code == 404  # which one?


def test_a_case_number_with_a_slash_is_one_path_segment(server):
    for path in ("/cases/24%2F1234", "/cases/24/1234"):
        response = server.get(path)
        assert response.status_code == 200, path
        assert [i["id"] for i in response.json()["items"]] == [V75]


def test_search_export_and_feed_link_to_the_new_ids(server):
    hits = server.get("/search", params={"q": "beskæftigelsesudvalget", "limit": 50}).json()
    assert {R74, V74, V75} <= {r["item_id"] for r in hits["results"]}
    exported = server.get("/export", params={"q": "jobmesse", "format": "csv", "limit": 3})
    rows = csv.DictReader(io.StringIO(exported.content.decode("utf-8-sig")), delimiter=";")
    assert next(rows)["Punkt-id"] == V74
    as_json = server.get("/export", params={"q": "jobmesse", "format": "json", "limit": 3})
    assert as_json.json()["results"][0]["item_id"] == V74
    feed = ET.fromstring(server.get("/search.atom", params={"q": "jobmesse"}).text)
    entries = {e.find(f"{ATOM}id").text: e for e in feed.findall(f"{ATOM}entry")}
    entry = entries[f"urn:minutes:item:{V74}"]
    links = {link.get("rel"): link.get("href") for link in entry.findall(f"{ATOM}link")}
    page, record = links["alternate"], links["related"]
    assert page.endswith(f"/?item={V74}") and record.endswith(f"/items/{V74}")
    for href in (page, record):
        assert "#" not in href and "%23" not in href
        assert server.get(href).status_code == 200
    assert server.get(record).json()["id"] == V74


def test_minutes_show_takes_new_ids_and_ids_of_before(tmp_path, monkeypatch):
    monkeypatch.setenv("MINUTES_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("MINUTES_MODEL", "hash")
    runner = CliRunner()
    write_corpus(tmp_path / "in")
    assert runner.invoke(app, ["ingest", str(tmp_path / "in"), "--quiet"]).exit_code == 0

    def shown(target: str) -> dict:
        result = runner.invoke(app, ["show", target, "--json"])
        assert result.exit_code == 0, result.output
        return json.loads(result.output)

    assert shown(R74)["title"] == "Praktikpladser til unge i Randers"
    assert shown(V74)["title"] == "Jobmesse for ledige i Vejle"
    assert shown(OLD75)["id"] == shown(OLD75.replace("#", "%23"))["id"] == V75
    assert [r["id"] for r in shown(V_MEETING)] == [V74, V75]
    for target in (OLD74, OLD74.replace("#", "%23"), OLD_MEETING):
        result = runner.invoke(app, ["show", target])
        assert result.exit_code == 1 and R_MEETING in result.output and V_MEETING in result.output
    human = runner.invoke(app, ["show", OLD75])
    assert human.exit_code == 0 and V75 in human.output  # says the id to use from now on
    found = json.loads(runner.invoke(app, ["search", "jobmesse", "--json"]).output)
    assert found["results"][0]["item_id"] == V74
