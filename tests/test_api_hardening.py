"""The API's smaller holes, closed: bounded case queries, valid feeds, inert CSV, one upload budget, headers."""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET

import httpx
import pytest
from api_server import serve
from starlette.testclient import TestClient

from index.embedder import HashEmbedder
from index.search import SearchResult
from index.service import MinutesIndex
from search_api import feeds
from search_api.app import STATIC, create_app
from search_api.settings import ApiSettings

KEY = "noegle-til-test"
LIMIT = 1_000_000
FORMULA = '=HYPERLINK("http://example.com/x","Klik")'
NOTE = f"# {FORMULA}\n\nNotat om vejbump på Skolevej: forvaltningen anbefaler to vejbump.\n"


@pytest.fixture(scope="module")
def api(tmp_path_factory, randers_one):
    data = tmp_path_factory.mktemp("hardening")
    (data / "notat.md").write_text(NOTE)
    settings = ApiSettings(
        MINUTES_DATA=data / "index",
        MINUTES_MODEL="hash",
        MINUTES_API_KEY=KEY,
        MINUTES_MAX_UPLOAD_BYTES=LIMIT,
    )
    index = MinutesIndex(settings, embedder=HashEmbedder())
    index.indexer.ingest_paths([randers_one.minutes["2025-08-12"], data / "notat.md"])
    with serve(create_app(settings, index)) as url, httpx.Client(base_url=url, timeout=60) as c:
        c.data_dir = data
        yield c


@pytest.mark.parametrize("case", ["%20", "%20%20%20", "1", "%09"])
def test_a_blank_or_too_short_case_is_refused(api, case):
    response = api.get(f"/cases/{case}")
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "case_number"


def test_a_case_prefix_still_finds_its_items(api):
    body = api.get("/cases/15").json()
    assert body["items"] and all(
        any(c.startswith("15.") for c in r["case_numbers"]) for r in body["items"]
    )


def test_control_characters_do_not_break_the_feed(api):
    response = api.get("/search.atom", params={"q": "vejbump\x01\x0b\x1f"})
    assert response.status_code == 200
    ET.fromstring(response.content)  # well-formed
    dirty = SearchResult(
        "a#1", "d", "other", None, None, 1, "Titel\x00 med \x08styretegn", [], [], False, [1],
        "s", "tekst \x1b[31m og \ufffe mere", [], 1.0, "kilde\x07.md", "/documents/d/file#page=1",
        None,
    )  # fmt: skip
    root = ET.fromstring(feeds.atom([dirty], "http://x/?q=\x02", "http://x/", "q\x02"))
    assert "styretegn" in ET.tostring(root, encoding="unicode")


def test_csv_export_cells_cannot_be_formulas(api):
    response = api.get("/export", params={"q": "vejbump Skolevej", "format": "csv"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert any(row["Titel"].startswith("'" + FORMULA) for row in rows)
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "@", "\t", "\r")), value


def test_the_upload_limit_is_for_the_whole_request(api):
    part = b"%PDF-1.7\n" + b"0" * (LIMIT * 6 // 10)
    one = [("files", ("a.pdf", part, "application/pdf"))]
    two = [*one, ("files", ("b.pdf", part, "application/pdf"))]
    headers = {"X-API-Key": KEY}
    assert api.post("/documents", files=one, headers=headers).status_code == 200
    response = api.post("/documents", files=two, headers=headers)
    assert response.status_code == 413 and response.json()["error"]["field"] == "files"


def test_a_body_declared_too_large_is_refused_before_it_is_read(tmp_path):
    settings = ApiSettings(
        MINUTES_DATA=tmp_path,
        MINUTES_MODEL="hash",
        MINUTES_API_KEY=KEY,
        MINUTES_MAX_UPLOAD_BYTES=10,
    )
    client = TestClient(create_app(settings, MinutesIndex(settings, embedder=HashEmbedder())))
    response = client.post(
        "/documents", content=b"x" * (2 << 20), headers={"X-API-Key": KEY, "content-type": "x/y"}
    )
    assert response.status_code == 413 and response.json()["error"]["field"] == "files"
    assert not (tmp_path / "index").exists()  # the index was never opened


def test_health_does_not_show_where_the_index_lives(api):
    body = api.get("/health").text
    assert str(api.data_dir) not in body and "/" not in api.get("/health").json()["store"]


def test_security_headers_and_a_policy_for_the_page_own_script(api):
    for path in ("/", "/search?q=vejbump", "/health", "/cases/%20"):
        headers = api.get(path).headers
        assert headers["x-content-type-options"] == "nosniff", path
        assert headers["x-frame-options"] == "DENY" and headers["referrer-policy"], path
        assert "frame-ancestors 'none'" in headers["content-security-policy"], path
    policy = api.get("/").headers["content-security-policy"]
    # The page's script and style are files of its own under /static/, allowed as 'self'.
    assert "script-src 'self';" in policy and "style-src 'self';" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    page = (STATIC / "index.html").read_text()
    for asset in re.findall(r'(?:src|href)="(/static/[^"]+)"', page):
        assert api.get(asset).status_code == 200, asset
    # Nothing inline that the policy would block: no script or style body, no handler, no style attribute.
    assert not re.search(r"<(script|style)>", page) and not re.search(r"\son\w+=|\sstyle=", page)
    for script in STATIC.glob("*.js"):
        assert not re.search(
            r"style=|\bon(click|load|error)=|\beval\(|new Function", script.read_text()
        ), script
    assert api.get("/search").headers["content-security-policy"].startswith("default-src 'none'")


def test_the_cli_refuses_a_blank_case_too(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from cli import app

    monkeypatch.setenv("MINUTES_DATA", str(tmp_path))
    result = CliRunner().invoke(app, ["case", "  "])
    assert result.exit_code == 2 and "mindst 2 tegn" in result.output
