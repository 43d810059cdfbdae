"""A small client of the HTTP API, for the CLI beside a running `minutes serve`.

The embedded index is locked to one process. While `minutes serve` holds a
data folder it says where it listens in `server.json`, beside the index folder
(not in it: `minutes stats` counts that folder's size) (`announce`), and the CLI's read commands ask it (`served_url`), as they do a
server named by `--url` or `MINUTES_URL`. `ingest --url` uploads through it.
"""

from __future__ import annotations

import fcntl
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

if TYPE_CHECKING:
    import httpx  # imported by ApiClient: finding no server (`served_url`) needs no HTTP client

SERVER_FILE = "server.json"


class ClientError(Exception):
    """The server could not be reached, or answered with an error; the message says which."""

    def __init__(self, message: str, status: int | None = None, field: str | None = None):
        super().__init__(message)
        self.status = status
        self.field = field


def announce(store_dir: Path, url: str) -> Path:
    """Note that this process serves `store_dir` at `url` (it holds the folder's lock)."""
    path = store_dir.parent / SERVER_FILE
    staged = path.with_suffix(".tmp")
    staged.write_text(json.dumps({"url": url, "pid": os.getpid()}))
    os.replace(staged, path)
    return path


def withdraw(store_dir: Path) -> None:
    """Undo `announce`, if the note is this process's."""
    path = store_dir.parent / SERVER_FILE
    try:
        if json.loads(path.read_text()).get("pid") == os.getpid():
            path.unlink()
    except (OSError, ValueError):
        pass


def served_url(store_dir: Path) -> str | None:
    """The URL of the server holding `store_dir`, or None when no process holds it."""
    try:
        note = json.loads((store_dir.parent / SERVER_FILE).read_text())
        handle = (store_dir / "minutes.lock").open("rb")
    except (OSError, ValueError):
        return None
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:  # held: by the server that wrote the note
            return str(note.get("url") or "") or None
        fcntl.flock(handle, fcntl.LOCK_UN)
    return None  # a note left by a server that is gone


class ApiClient:
    def __init__(self, url: str, api_key: str | None = None, timeout: float = 60):
        self.url = url.rstrip("/")
        import httpx

        headers = {"X-API-Key": api_key} if api_key else {}
        self._http = httpx.Client(
            base_url=self.url, timeout=timeout, headers=headers, follow_redirects=True
        )

    def __enter__(self) -> ApiClient:
        return self

    def __exit__(self, *_: object) -> None:
        self._http.close()

    def _send(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        import httpx

        try:
            response = self._http.request(method, path, **kwargs)
        except httpx.HTTPError as exc:
            raise ClientError(f"{self.url} svarer ikke: {exc}") from exc
        if response.status_code >= 400:
            message, field = error_of(response)
            raise ClientError(message, response.status_code, field)
        return response

    def get(self, path: str, params: Any = None) -> Any:
        return self._send("GET", path, params=params).json()

    def search(self, params: dict[str, Any]) -> dict[str, Any]:
        return self.get("/search", {k: v for k, v in params.items() if v not in (None, [])})

    def item(self, item_id: str) -> dict[str, Any]:
        return self.get(f"/items/{quote(item_id, safe='')}")

    def meeting(self, meeting_id: str) -> dict[str, Any]:
        return self.get(f"/meetings/{quote(meeting_id, safe='')}")

    def case(self, case_number: str) -> dict[str, Any]:
        return self.get(f"/cases/{quote(case_number, safe='')}")

    def stats(self) -> dict[str, Any]:
        return self.get("/stats")

    def upload(self, path: Path, replace: bool) -> httpx.Response:
        """POST one file to /documents; the response whatever its status (the caller sorts)."""
        import httpx

        try:
            return self._http.post(
                "/documents",
                files={"files": (path.name, path.read_bytes())},
                data={"replace": "true"} if replace else None,
                timeout=600,
            )
        except httpx.HTTPError as exc:
            raise ClientError(f"{self.url} svarer ikke: {exc}") from exc


def error_of(response: httpx.Response) -> tuple[str, str | None]:
    """The message and field of the API's error shape {"error": {"status", "message", "field"}}."""
    try:
        error = response.json()["error"]
        return str(error["message"]), error.get("field")
    except (ValueError, KeyError, TypeError):
        return response.text[:500], None
