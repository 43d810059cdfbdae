"""CPR numbers never leave `minutes`: not in a background document, not in `parse`, `show FILE`, the index or search."""

from __future__ import annotations

import json

import pytest
from conftest import seed_text
from typer.testing import CliRunner

from cli import app
from ingest import parse_bytes, parse_file

CPR = "010190-1234"
BACKGROUND = f"""# Notat om borger {CPR}

## Baggrund for sagen CPR {CPR}

Borgeren med CPR-nr. {CPR} har klaget over sagsbehandlingen i jobcentret.

| Navn | CPR |
| --- | --- |
| Anna | {CPR} |
"""


@pytest.fixture
def cli(tmp_path, monkeypatch):
    monkeypatch.setenv("MINUTES_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("MINUTES_MODEL", "hash")
    runner = CliRunner()

    def invoke(*args: str) -> str:
        result = runner.invoke(app, list(args), catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.output

    return invoke


def test_a_background_document_is_redacted_when_parsed(tmp_path):
    path = tmp_path / f"notat-{CPR}.md"
    path.write_text(BACKGROUND)
    for document in (parse_file(path), parse_bytes(path.read_bytes(), path.name)):
        assert document.kind.value == "other"
        assert CPR not in repr(document)
        assert document.cpr_redacted >= 5  # file name, title, heading, text and a table cell


def test_no_command_prints_or_stores_a_cpr_number(tmp_path, cli):
    background = tmp_path / "notat.md"
    background.write_text(BACKGROUND)
    minutes = tmp_path / "referat.md"
    text = seed_text("2025-02-04")
    head, tail = text.split("Punkt 13:", 1)
    minutes.write_text(f"{head}Punkt 13: Klage fra {CPR}{tail}")
    outputs = [
        cli("parse", str(background), "--json"),
        cli("parse", str(background)),
        cli("show", str(background)),
        cli("parse", str(minutes), "--json"),
        cli("show", str(minutes), "--item", "13"),
    ]
    summary = json.loads(cli("ingest", str(background), str(minutes), "--json", "--quiet"))
    assert summary["cpr_redacted"] >= 6
    found = json.loads(cli("search", "klaget sagsbehandlingen jobcentret", "--json"))
    assert found["results"]
    outputs += [
        json.dumps(found),
        cli("search", "klage", "--json"),
        cli("show", found["results"][0]["item_id"], "--json"),
    ]
    for output in outputs:
        assert CPR not in output and "0101901234" not in output
    assert "[CPR]" in outputs[0]
