"""`minutes search` in a terminal and in a pipe, as a user runs it: real processes on a real
index of the bundled corpus, a pseudo-terminal where a terminal is meant.

- the default: two lines a hit (date, committee, item, title, outcome in Danish, pages;
  the snippet), whole lines in a pipe and without colour; on a terminal, colour (none with
  NO_COLOR) and every line fitted to the width, ending in … where it was cut;
- --jsonl and --csv (the API's export columns, `;`, UTF-8 with BOM) for pipes;
- --open opens the kept original at the cited page;
- stats, show and case import none of numpy, onnxruntime, httpx, spaCy or torch.
"""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CORPUS, CORPUS_MINUTES
from test_lemma_lookup import WITH_MODULES

from nlp.records import outcome_label
from search_api.feeds import BOM, CSV_COLUMNS

REPO = Path(__file__).resolve().parents[1]
QUERY = "budget"
ANSI = re.compile(r"\x1b\[[0-9;]*m")
COLOUR = re.compile(r"\x1b\[(?:[0-9;]*;)?(?:3[0-7]|9[0-7]|38;[0-9;]+)(?:;[0-9;]*)?m")


def env(data: Path, **extra: str) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    return base | {"MINUTES_DATA": str(data), "MINUTES_MODEL": "hash", "COLUMNS": "80"} | extra


def minutes(data: Path, *args: str, **extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "cli", *args],
        env=env(data, **extra),
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )


def on_a_terminal(data: Path, *args: str, **extra: str) -> tuple[int, str]:
    """Run `minutes` with its output on a pseudo-terminal; the exit code and what it showed."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "cli", *args],
        stdin=follower,
        stdout=follower,
        stderr=subprocess.DEVNULL,
        env=env(data, **extra),
        cwd=REPO,
    )
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the process closed the terminal
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    return process.wait(timeout=300), shown.decode().replace("\r\n", "\n")


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("terminal")
    corpus = folder / "corpus"
    corpus.mkdir()
    for name in (CORPUS_MINUTES["2025-08-12"], CORPUS_MINUTES["2026-02-03"]):
        shutil.copy(CORPUS / name, corpus)
    ingested = minutes(folder / "data", "ingest", str(corpus), "-q")
    assert ingested.returncode == 0, ingested.stderr
    return folder / "data"


@pytest.fixture(scope="module")
def found(data) -> dict:
    result = minutes(data, "search", QUERY, "--json")
    assert result.returncode == 0, result.stderr
    body = json.loads(result.stdout)
    assert len(body["results"]) >= 3
    return body


def test_two_whole_lines_a_hit_in_a_pipe(data, found):
    result = minutes(data, "search", QUERY, COLUMNS="40")
    assert result.returncode == 0, result.stderr
    assert not ANSI.search(result.stdout)
    lines = result.stdout.splitlines()
    assert lines[0] == f"{found['total']} punkter"
    hits = found["results"]
    assert len(lines) == 1 + 2 * len(hits)  # every hit has a snippet here
    for rank, (hit, line, snippet) in enumerate(
        zip(hits, lines[1::2], lines[2::2], strict=True), 1
    ):
        assert line.startswith(f"{rank:>2}. {hit['meeting_date']}  {hit['committee']}")
        assert f"pkt. {hit['item_number']}  {hit['title']}" in line  # whole, though 40 wide
        assert ", ".join(map(outcome_label, hit["outcomes"])) in line
        assert line.endswith("s. " + ", ".join(map(str, hit["pages"])))
        assert snippet == "    " + " ".join(hit["snippet"].split())


def test_on_a_terminal_lines_fit_with_an_ellipsis_and_colour(data, found):
    code, shown = on_a_terminal(data, "search", QUERY, COLUMNS="72")
    assert code == 0
    assert COLOUR.search(shown)  # the matched words, the outcome, the committee
    lines = ANSI.sub("", shown).splitlines()
    assert lines and all(len(line) <= 72 for line in lines), lines
    first = found["results"][0]
    assert lines[1].startswith(f" 1. {first['meeting_date']}  {first['committee']}")
    cut = [line for line in lines if line.endswith("…")]
    assert cut  # the snippets are longer than 72
    # Nothing is cut without an ellipsis: a line that is not whole ends in one.
    for line, snippet in zip(lines[2::2], (h["snippet"] for h in found["results"]), strict=False):
        whole = "    " + " ".join(snippet.split())
        assert line == whole or line.endswith("…"), line
    hint = f"Hele punktet: minutes show {first['item_id']}"
    assert lines[-1] == hint[:71] + "…"  # 78 characters, on 72

    code, plain = on_a_terminal(data, "search", QUERY, COLUMNS="72", NO_COLOR="1")
    assert code == 0 and not COLOUR.search(plain)
    assert ANSI.sub("", plain) == ANSI.sub("", shown)


def test_jsonl_and_csv_for_pipes(data, found):
    lines = minutes(data, "search", QUERY, "--jsonl").stdout.splitlines()
    assert [json.loads(line) for line in lines] == found["results"]

    result = minutes(data, "search", QUERY, "--csv")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(BOM)
    rows = list(csv.reader(io.StringIO(result.stdout[len(BOM) :]), delimiter=";"))
    assert rows[0] == [name for name, _ in CSV_COLUMNS]
    by_name = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    assert [r["Punkt-id"] for r in by_name] == [h["item_id"] for h in found["results"]]
    first, hit = by_name[0], found["results"][0]
    assert first["Beslutning"] == "; ".join(map(outcome_label, hit["outcomes"]))
    link = first["Link til kilden"]
    assert link.startswith(f"file://{data.resolve()}/files/") and link.endswith(
        "#" + hit["source_url"].partition("#")[2]
    )
    assert Path(link.removeprefix("file://").partition("#")[0]).is_file()

    both = minutes(data, "search", QUERY, "--json", "--csv")
    assert both.returncode == 2 and "--json" in both.stderr


def test_open_opens_the_source_at_the_cited_page(data, found, tmp_path):
    opened = tmp_path / "opened.txt"
    browser = tmp_path / "browser"
    browser.write_text(f'#!/bin/sh\necho "$1" >> {opened}\n')
    browser.chmod(0o755)
    result = minutes(data, "search", QUERY, "--open", "--offset", "1", BROWSER=f"{browser} %s")
    assert result.returncode == 0, result.stderr
    hit = found["results"][1]
    url = opened.read_text().strip()
    page = hit["source_url"].partition("#")[2]
    assert page == f"page={hit['pages'][0]}" and url.endswith("#" + page)
    pdf = Path(url.removeprefix("file://").partition("#")[0])
    assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF")
    assert url in result.stderr
    assert result.stdout.splitlines()[1].startswith(" 2. ")  # the list is printed as ever


@pytest.mark.parametrize(
    "args",
    [
        ["stats"],
        ["show", "randers-2025-08-12-beskaeftigelsesudvalget-punkt-69"],
        ["case", "27.35.00-G01-2-22"],
    ],
)
def test_read_commands_import_no_model_and_no_http_client(data, args):
    result = subprocess.run(
        [sys.executable, "-c", WITH_MODULES, *args],
        env=env(data),
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip()
    imported = set(json.loads(result.stderr.splitlines()[-1]))
    assert "qdrant_edge" in imported
    assert not {"numpy", "onnxruntime", "httpx", "spacy", "torch"} & imported


@pytest.mark.slow
def test_csv_jsonl_and_open_beside_a_running_server(tmp_path):
    import signal

    import httpx
    from test_serve import start_serve

    data = tmp_path / "data"
    pdf = CORPUS / CORPUS_MINUTES["2025-08-12"]
    process, url = start_serve(data, pdf)
    process.send_signal(signal.SIGINT)
    process.wait(timeout=30)
    alone = {form: minutes(data, "search", QUERY, form).stdout for form in ("--csv", "--jsonl")}

    opened = tmp_path / "opened.txt"
    browser = tmp_path / "browser"
    browser.write_text(f'#!/bin/sh\necho "$1" >> {opened}\n')
    browser.chmod(0o755)
    process, url = start_serve(data, pdf)
    try:
        beside = {form: minutes(data, "search", QUERY, form) for form in ("--csv", "--jsonl")}
        shown = minutes(data, "search", QUERY, "--open", BROWSER=f"{browser} %s")
        link = opened.read_text().strip()
        served = httpx.get(link.partition("#")[0], timeout=30)
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=30)
    assert all(r.returncode == 0 and "bruges af en anden" not in r.stderr for r in beside.values())
    assert beside["--jsonl"].stdout == alone["--jsonl"]
    hits = [json.loads(line) for line in alone["--jsonl"].splitlines()]
    # The same rows, but for the link: the server's address of the file, not the local copy.
    rows = {
        form: list(csv.DictReader(io.StringIO(text[len(BOM) :]), delimiter=";"))
        for form, text in (("alone", alone["--csv"]), ("beside", beside["--csv"].stdout))
    }
    link_column = CSV_COLUMNS[-1][0]
    for here, there, hit in zip(rows["alone"], rows["beside"], hits, strict=True):
        assert {k: v for k, v in here.items() if k != link_column} == {
            k: v for k, v in there.items() if k != link_column
        }
        assert there[link_column] == url + hit["source_url"]
    assert shown.returncode == 0 and link == url + hits[0]["source_url"] and link in shown.stderr
    assert served.status_code == 200 and served.content.startswith(b"%PDF")


def test_show_and_case_mark_cut_text_with_an_ellipsis(data):
    item = "randers-2025-08-12-beskaeftigelsesudvalget-punkt-74"
    record = json.loads(minutes(data, "show", item, "--json").stdout)
    long = [d["text"] for d in record["decisions"] if len(d["text"]) > 200]
    assert long  # the amendment and the proposal, voted on
    shown = minutes(data, "show", item).stdout
    timeline = minutes(data, "case", record["case_numbers"][0]).stdout
    decided = [line for line in shown.splitlines() if line.startswith("Beslutning")]
    for text in long:
        cut = text[:199].rstrip() + "…"
        assert any(line.endswith(cut) for line in decided), decided
        assert cut in timeline
