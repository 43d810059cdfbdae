"""The CLI beside a running `minutes serve`: read commands ask the server and print the same."""

from __future__ import annotations

import json
import signal
import subprocess
import sys

import pytest
from test_serve import REPO, env, start_serve

from search_api.client import SERVER_FILE, served_url

COMMANDS = [
    ["search", "ledighed"],
    ["search", "ledighed", "--json"],
    ["search", "", "--committee", "beskæftigelsesudvalget", "--limit", "3"],
    ["stats"],
    ["stats", "--json"],
]


def minutes(data, *args: str, **extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "cli", *args],
        env=env(data, **extra),
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.slow
def test_read_commands_print_the_same_through_a_running_server(tmp_path, randers_one):
    data = tmp_path / "data"
    process, url = start_serve(data, randers_one.minutes["2025-02-04"])
    process.send_signal(signal.SIGINT)
    process.wait(timeout=30)
    assert served_url(data / "index") is None and not (data / SERVER_FILE).exists()

    first = json.loads(minutes(data, "search", "ledighed", "--json").stdout)["results"][0]
    meeting = first["item_id"].rsplit("-punkt-", 1)[0]
    commands = [
        *COMMANDS,
        ["show", first["item_id"]],
        ["show", first["item_id"], "--json"],
        ["show", meeting],
        ["case", first["case_numbers"][0]] if first["case_numbers"] else ["stats"],
        ["show", "no-such-item"],
        ["search", "x", "--decision", "maybe"],
    ]
    alone = [minutes(data, *c) for c in commands]

    process, url = start_serve(data, randers_one.minutes["2025-02-04"])
    try:
        assert served_url(data / "index") == url
        beside = [minutes(data, *c) for c in commands]
        named = minutes(data, "search", "ledighed", MINUTES_URL=url, MINUTES_DATA="/nonexistent")
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=30)
    for command, a, b in zip(commands, alone, beside, strict=True):
        assert a.returncode == b.returncode, command
        if "--json" in command and command[0] == "show":
            # The API orders an item's keys its way, and may add links (`source_url`).
            local, remote = json.loads(a.stdout), json.loads(b.stdout)
            assert {k: remote.get(k) for k in local} == local, command
        else:
            assert a.stdout == b.stdout, command
        assert "bruges af en anden" not in b.stderr
    assert [a.returncode for a in alone[-2:]] == [1, 2]
    assert named.returncode == 0 and named.stdout == alone[0].stdout
    assert not (data / SERVER_FILE).exists()  # withdrawn when the server stopped


def test_an_unreachable_url_is_an_error(tmp_path):
    result = minutes(tmp_path / "data", "stats", "--url", "http://127.0.0.1:9")
    assert result.returncode == 1 and "http://127.0.0.1:9 svarer ikke" in result.stderr
