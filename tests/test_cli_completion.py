"""Shell completion as a shell runs it: the script `minutes --show-completion` prints, sourced
into a real bash, completing commands, options and the committees of a real index."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CORPUS, CORPUS_MINUTES

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent  # where the `minutes` script is installed


def env(data: Path) -> dict[str, str]:
    return os.environ | {
        "MINUTES_DATA": str(data),
        "MINUTES_MODEL": "hash",
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
    }


def bash_completes(data: Path, *words: str) -> list[str]:
    """What bash offers for the last of `words`, through the script minutes installs."""
    line = " ".join(f"'{w}'" for w in words)
    script = (
        'eval "$(minutes --show-completion bash)"\n'
        f"COMP_WORDS=({line}); COMP_CWORD={len(words) - 1}\n"
        "_minutes_completion minutes\n"
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    result = subprocess.run(
        ["bash", "-c", script], env=env(data), cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return [line for line in result.stdout.splitlines() if line]


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    if not (BIN / "minutes").exists() or not shutil.which("bash"):
        pytest.skip("needs the installed `minutes` script and bash")
    folder = tmp_path_factory.mktemp("completion")
    corpus = folder / "corpus"
    corpus.mkdir()
    for name in (CORPUS_MINUTES["2025-08-12"], CORPUS_MINUTES["2026-02-03"]):
        shutil.copy(CORPUS / name, corpus)
    ingested = subprocess.run(
        [sys.executable, "-m", "cli", "ingest", str(corpus), "-q", "--json"],
        env=env(folder / "data"),
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert ingested.returncode == 0, ingested.stderr
    return folder / "data"


def test_commands_and_options(data):
    assert bash_completes(data, "minutes", "s") == ["search", "show", "stats", "serve"]
    assert bash_completes(data, "minutes", "search", "--com") == ["--committee"]
    assert "--jsonl" in bash_completes(data, "minutes", "search", "--js")
    assert bash_completes(data, "minutes", "search", "--decision", "app") == ["approved"]
    assert bash_completes(data, "minutes", "search", "--mode", "") == ["hybrid", "dense", "sparse"]


def test_committees_of_the_index(data):
    import json

    stats = subprocess.run(
        [sys.executable, "-m", "cli", "stats", "--json"],
        env=env(data),
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    committees = sorted(json.loads(stats.stdout)["committees"])
    assert len(committees) == 2
    offered = bash_completes(data, "minutes", "search", "--committee", "")
    assert offered == [c.replace(" ", "\\ ") for c in committees]
    # Any case, completed from what was typed; the filter takes any case.
    social = [c for c in committees if c.startswith("Social")][0]
    assert bash_completes(data, "minutes", "search", "--committee", "soc") == [
        ("soc" + social[3:]).replace(" ", "\\ ")
    ]
    assert bash_completes(data, "minutes", "search", "--committee", "xyz") == []
    # And the completed value is a filter that works.
    found = subprocess.run(
        [sys.executable, "-m", "cli", "search", "", "--committee", "soc" + social[3:], "--jsonl"],
        env=env(data),
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert found.returncode == 0, found.stderr
    assert {json.loads(line)["committee"] for line in found.stdout.splitlines()} == {social}


def test_no_index_offers_no_committees(tmp_path):
    if not (BIN / "minutes").exists():
        pytest.skip("needs the installed `minutes` script")
    assert bash_completes(tmp_path / "none", "minutes", "search", "--committee", "") == []
