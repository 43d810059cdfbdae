"""The `minutes` command as a user runs it: a real process, real files, a real index."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pdf_factory import make_encrypted_pdf, make_minutes_pdf

from cli import app

MINUTES = [sys.executable, "-m", "cli"]
REPO = Path(__file__).resolve().parents[1]


def run(
    *args: str, data: Path, check: bool = False, timeout: int = 300
) -> subprocess.CompletedProcess:
    env = os.environ | {"MINUTES_DATA": str(data), "MINUTES_MODEL": "hash", "COLUMNS": "200"}
    result = subprocess.run(
        [*MINUTES, *args], capture_output=True, text=True, env=env, cwd=REPO, timeout=timeout
    )
    if check:
        assert result.returncode == 0, result.stderr
    return result


def test_every_command_has_help():
    import typer.main

    command = typer.main.get_command(app)
    assert command.commands
    for name, sub in command.commands.items():
        assert sub.help and len(sub.help) > 20, name
        for param in sub.params:
            if param.name != "help" and getattr(param, "help", None) is not None:
                assert param.help.strip(), (name, param.name)


def test_parse_json_shape(randers, tmp_path):
    result = run("parse", str(randers.minutes["2025-08-12"]), "--json", data=tmp_path, check=True)
    data = json.loads(result.stdout)
    assert data["kind"] == "minutes"
    assert (
        data["meeting"]["committee"] == "Beskæftigelsesudvalget"
        and data["meeting"]["date"] == "2025-08-12"
    )
    assert "Henriette Malland" in data["meeting"]["participants"]
    item = data["items"][8]
    for key in ("number", "title", "case_numbers", "closed", "page_start", "page_end", "sections", "decisions",
                "prior_decisions", "votes", "absent", "amounts", "references", "persons", "parties", "organizations"):  # fmt: skip
        assert key in item, key
    assert item["number"] == 74 and item["votes"][0]["against"] == 2
    assert {"heading", "text", "pages"} <= set(item["sections"][0])


def test_parse_says_a_missing_date_in_danish(tmp_path):
    undated = tmp_path / "referat.txt"
    undated.write_text(
        "Referat\n\nÆldrerådet\n\n1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n\n"
        "2. Eventuelt\nBeslutning\nIntet.\n",
        encoding="utf-8",
    )
    result = run("parse", str(undated), data=tmp_path, check=True)
    assert "Ældrerådet · uden dato" in result.stdout and "None" not in result.stdout


def test_parse_bad_file_exit_code(tmp_path):
    bad = make_encrypted_pdf(tmp_path / "hemmelig.pdf")
    result = run("parse", str(bad), data=tmp_path)
    assert result.returncode == 1
    assert "Fejl:" in result.stderr and "krypteret" in result.stderr


def test_ingest_search_case_show_stats(randers_one, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(randers_one.minutes["2025-08-12"], corpus)
    shutil.copy(randers_one.minutes["2026-02-03"], corpus)
    make_minutes_pdf(corpus / "teknik.pdf")
    make_encrypted_pdf(corpus / "hemmelig.pdf")
    # A folder's README and hidden files describe the folder; they are not its documents.
    (corpus / "README.md").write_text("# Mappen\n\nReferater fra Randers Kommune.\n")
    (corpus / ".cache").mkdir()
    (corpus / ".cache" / "udkast.txt").write_text("Punkt 1: Udkast\n")
    data = tmp_path / "data"
    result = run("ingest", str(corpus), "--json", data=data, check=True)
    summary = json.loads(result.stdout)
    assert (summary["files"], summary["ingested"], summary["failed"]) == (4, 3, 1)
    assert summary["items"] == 9 + 15 + 3

    result = run("search", "veteranhuset", "--json", "--limit", "3", data=data, check=True)
    body = json.loads(result.stdout)
    assert set(body) == {"results", "total", "total_exact", "facets_exact", "facets"}
    first = body["results"][0]
    for key in (
        "item_id",
        "committee",
        "meeting_date",
        "item_number",
        "title",
        "case_numbers",
        "outcomes",
        "pages",
        "snippet",
        "score",
    ):
        assert key in first, key
    assert first["item_number"] == 69

    table = run("search", "veteranhuset", data=data, check=True).stdout
    assert "Status på veteranindsatsen" in table

    timeline = json.loads(run("case", "15.00.00-G01-5-25", "--json", data=data, check=True).stdout)
    assert [i["meeting"]["date"] for i in timeline["items"]] == ["2025-08-12", "2026-02-03"]

    shown = run(
        "show", "randers-2025-08-12-beskaeftigelsesudvalget-punkt-74", data=data, check=True
    ).stdout
    assert "Imod" in shown or "imod" in shown
    stats = json.loads(run("stats", "--json", data=data, check=True).stdout)
    assert stats["items"] == 27 and stats["model"] == "hash-384"

    # Committees resolve to the index's spelling; parties by name or letter; unknown ones are usage errors.
    lower = run("search", "", "--committee", "beskæftigelsesudvalget", "--json", data=data)
    assert lower.returncode == 0, lower.stderr
    assert {r["committee"] for r in json.loads(lower.stdout)["results"]} == {
        "Beskæftigelsesudvalget"
    }
    unknown = run("search", "", "--committee", "Teknisk Udvalg", data=data)
    assert unknown.returncode == 2 and "--committee" in unknown.stderr
    assert "Beskæftigelsesudvalget" in unknown.stderr  # the known committees are listed
    letter = json.loads(run("search", "", "--party", "Velfærdslisten", "--json", data=data).stdout)
    assert letter["total"] > 0
    bad_party = run("search", "", "--party", "Findesikkepartiet", data=data)
    assert bad_party.returncode == 2 and "--party" in bad_party.stderr

    again = json.loads(run("ingest", str(corpus), "--json", data=data, check=True).stdout)
    assert again["unchanged"] == 3 and again["ingested"] == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--decision", "vedtaget"], "--decision"),
        (["--from", "2025-13-01"], "--from"),
        (["--min-amount", "10", "--max-amount", "1"], "--min-amount"),
    ],
)
def test_bad_filters_are_usage_errors(tmp_path, args, message):
    result = run("search", "budget", *args, data=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr


def test_missing_path_is_a_usage_error(tmp_path):
    result = run("ingest", str(tmp_path / "findes-ikke"), data=tmp_path)
    assert result.returncode == 2 and "findes ikke" in result.stderr


def test_remote_ingest_reads_the_api_error_shape():
    import httpx

    from cli import _error_message

    shaped = httpx.Response(
        413, json={"error": {"status": 413, "message": "too large", "field": "files"}}
    )
    assert _error_message(shaped) == "too large"
    assert _error_message(httpx.Response(502, text="Bad Gateway")) == "Bad Gateway"


def test_search_refuses_an_index_of_an_older_sparse_format(randers_one, tmp_path):
    data = tmp_path / "data"
    run("ingest", str(randers_one.minutes["2025-02-04"]), "-q", data=data, check=True)
    meta = data / "index" / "index.json"
    meta.write_text(
        json.dumps(json.loads(meta.read_text()) | {"sparse": "bm25-danish+identifiers/2"})
    )
    result = run("search", "ledighed", data=data)
    assert result.returncode == 1 and "ældre minutes-version" in result.stderr
