"""A closed item's text never leaves `minutes`: not in `parse`, `show`, search, cases, exports or feeds.

tests/closed_forms.py writes minutes with closed items in every form a
municipality prints them (as markdown, text, a styled PDF and a one-font PDF),
each form with its own secret word. The files are parsed, ingested with the
CLI and uploaded to a real server; every command and endpoint is then asked
for every item, meeting and case, and searched for the secrets, and no answer
may carry one. Each closed item must still show its number, title, case number
and a published decision.

A form the segmenter does not yet read as closed is marked xfail(strict=True)
with where it leaks, so the test turns red the day it is fixed and the mark can go.
"""

from __future__ import annotations

import json
from urllib.parse import quote

import httpx
import pytest
from api_server import serve
from closed_forms import FORMS, VARIANTS, make_closed_corpus, secret
from typer.testing import CliRunner

from cli import app
from index.embedder import HashEmbedder
from index.service import MinutesIndex
from ingest import parse_file
from ingest.serialize import document_to_dict
from nlp.extract import extractions_json
from search_api.app import create_app
from search_api.settings import ApiSettings

KEY = "lukket-noegle"

# Forms that ingest/segment.py does not read as closed (yet): the reason says where they leak.
# Forms the segmenter does not yet read as closed, with where they leak (none at present:
# the first-line marker and the meeting-wide closed part were fixed in ingest/segment.py).
LEAKS: dict[str, str] = {}


def cases() -> list:
    params = []
    for form in FORMS:
        marks = (
            [pytest.mark.xfail(strict=True, reason=LEAKS[form.name])] if form.name in LEAKS else []
        )
        for variant in VARIANTS:
            params.append(pytest.param(form, variant, marks=marks, id=f"{form.slug}-{variant}"))
    return params


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return make_closed_corpus(tmp_path_factory.mktemp("lukket"))


def file_of(corpus, form, variant):
    return next(f for f in corpus if f.variant == variant and form.name in f.secrets)


@pytest.mark.parametrize(("form", "variant"), cases())
def test_parsing_keeps_only_what_a_closed_item_publishes(corpus, form, variant):
    closed_file = file_of(corpus, form, variant)
    document = parse_file(closed_file.path)
    text = json.dumps([document_to_dict(document), extractions_json(document)], ensure_ascii=False)
    assert secret(form, variant) not in text, f"{form.name}: kept by the parser"
    closed = [it for it in document.items if it.closed]
    assert closed, "no item read as closed"
    if form.published:  # its decision is still published
        assert any(form.published in it.text() for it in closed), [it.text() for it in closed]


@pytest.fixture(scope="module")
def outputs(corpus, tmp_path_factory, monkeypatch_module) -> dict[str, str]:
    """Every answer the CLI and the API give about the closed corpus, by where it came from."""
    found = cli_outputs(corpus, tmp_path_factory.mktemp("cli-data"), monkeypatch_module)
    found |= api_outputs(corpus, tmp_path_factory.mktemp("api-data"))
    return found


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def cli_outputs(corpus, data, monkeypatch) -> dict[str, str]:
    monkeypatch.setenv("MINUTES_DATA", str(data))
    monkeypatch.setenv("MINUTES_MODEL", "hash")
    monkeypatch.setenv("COLUMNS", "200")
    runner = CliRunner()
    out: dict[str, str] = {}

    def cli(*args: str) -> str:
        result = runner.invoke(app, list(args), catch_exceptions=False)
        assert result.exit_code == 0, (args, result.output)
        out["minutes " + " ".join(args)] = result.output
        return result.output

    for f in corpus:
        cli("parse", str(f.path))
        cli("parse", str(f.path), "--json")
        cli("show", str(f.path))
        cli("show", str(f.path), "--json")
    summary = json.loads(cli("ingest", *(str(f.path) for f in corpus), "--json", "--quiet"))
    assert summary["failed"] == 0 and summary["ingested"] == len(corpus), summary
    items = []
    while True:
        page = json.loads(
            cli("search", "", "--json", "--limit", "100", "--offset", str(len(items)))
        )
        items += page["results"]
        if not page["results"]:
            break
    meetings = set()
    for case_query in case_queries(items):
        cli("case", case_query)
        timeline = json.loads(cli("case", case_query, "--json"))["items"]
        meetings.update(r["meeting"]["id"] for r in timeline)
    assert len(meetings) == len(corpus)
    for meeting in sorted(meetings):
        assert json.loads(cli("show", meeting, "--json")), meeting
        cli("show", meeting)
    for r in items:
        if r["closed"] and r["source"].endswith("-pdf.pdf"):
            cli("show", r["item_id"])
            cli("show", r["item_id"], "--json")
    for query in queries(corpus):
        cli("search", query, "--limit", "100")
        for mode in ("hybrid", "sparse"):
            cli("search", query, "--mode", mode, "--limit", "100", "--json")
    return out


def queries(corpus) -> list[str]:
    """The secrets of each variant together, and the closed items' own words."""
    by_variant = [
        " ".join(s for f in corpus if f.variant == v for s in f.secrets.values()) for v in VARIANTS
    ]
    return [*by_variant, "salg af grund køber byder erstatning advokat personalesag løn"]


def case_queries(results) -> list[str]:
    """KLE groups ("82") for KLE case numbers, which find every item of the group; others whole."""
    numbers = {c for r in results for c in r["case_numbers"]}
    return sorted({c[:2] if c[:2].isdigit() and c[2:3] == "." else c for c in numbers})


def api_outputs(corpus, data) -> dict[str, str]:
    settings = ApiSettings(MINUTES_DATA=data, MINUTES_MODEL="hash", MINUTES_API_KEY=KEY)
    index = MinutesIndex(settings, embedder=HashEmbedder())
    out: dict[str, str] = {}
    with (
        serve(create_app(settings, index)) as url,
        httpx.Client(base_url=url, timeout=60) as client,
    ):

        def get(path: str, **params) -> httpx.Response:
            response = client.get(path, params=params)
            assert response.status_code == 200, (path, params, response.text[:300])
            text = response.text
            if "atom" in response.headers["content-type"]:
                text = text[text.find("<entry>") :]  # the feed's own title repeats the query
            out[f"GET {path} {params}"] = text
            return response

        files = [("files", (f.path.name, f.path.read_bytes())) for f in corpus]
        uploaded = client.post("/documents", files=files, headers={"X-API-Key": KEY})
        out["POST /documents"] = uploaded.text
        assert all(r["status"] == "ingested" for r in uploaded.json()["files"]), uploaded.text
        exported = get("/export", format="json", q="").json()["results"]
        get("/export", format="csv", q="")
        get("/search.atom", q="", limit=100)
        for r in exported:
            get(f"/items/{quote(r['item_id'], safe='')}")
        for meeting in get("/meetings").json():
            get(f"/meetings/{quote(meeting['id'], safe='')}")
        for case_query in case_queries(exported):
            if "/" in case_query:  # a Sagsid ("22/2694"): /cases cannot route it, so as a filter
                get("/search", q="", case=case_query)
            else:
                get(f"/cases/{quote(case_query, safe='')}")
        for query in queries(corpus):
            for mode in ("hybrid", "sparse"):
                get("/search", q=query, mode=mode, limit=100)
            get("/search.atom", q=query, limit=100)
            get("/export", q=query, format="csv")
            get("/export", q=query, format="json")
        for f in corpus:
            get("/search", q="", committee=f.committee, **{"from": f.date, "to": f.date})
    return out


@pytest.mark.slow
@pytest.mark.parametrize(("form", "variant"), cases())
def test_no_command_or_endpoint_returns_a_closed_items_text(outputs, form, variant):
    word = secret(form, variant)
    leaked = sorted({place(where) for where, text in outputs.items() if word in text})
    assert not leaked, f"{form.name}: {word} in {', '.join(leaked)}"


def place(where: str) -> str:
    """An answer's command or endpoint, without its arguments: "minutes show", "GET /items"."""
    first, second = where.split()[:2]
    if first == "GET":
        return "GET /" + second.split("/")[1]
    return f"{first} {second}" + (" --json" if "--json" in where else "")


@pytest.mark.slow
def test_closed_items_are_still_listed_with_their_decision(outputs):
    """Not vacuous: the closed items are there, read as closed, with titles and decisions."""
    everything = "\n".join(outputs.values())
    for title in ("Lukket: Salg af grund ved Nørrevej", "Salg af ejendom på Bakkevej (Lukket punkt)",
                  "Gensidig orientering - Lukket punkt", "Salg af grund i Vestby"):  # fmt: skip
        assert title in everything
    items = [json.loads(text) for where, text in outputs.items() if where.startswith("GET /items/")]
    closed = [it for it in items if it["closed"]]
    assert len(closed) >= 8 * len(VARIANTS)
    assert all(s["kind"] == "decision" for it in closed for s in it["sections"])
    assert sum(1 for it in closed if it["decisions"]) >= 5 * len(VARIANTS)
