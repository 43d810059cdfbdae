"""Security headers on every response, and a request body refused by its declared size before it is read.

The web page gets a Content-Security-Policy that allows exactly its own
scripts and styles (inline ones by their sha256, computed from the file when
the app is built; the files it loads from this server's /static/ by 'self')
and requests to this server; API responses get one that allows nothing.
`/docs` and `/redoc` (their scripts served by this server, from the
swagger-ui-bundle package) keep no policy; a response that sets its own policy
or framing (a source file, `search_api.sources`) keeps it. Every response says
nosniff, may not be framed unless it says otherwise, and sends no referrer.

A POST whose Content-Length is over the upload budget (plus room for the
multipart framing) is answered 413 at once, before the server spools the files;
a body without a Content-Length is held to the same budget by
`search_api.uploads.read_uploads`.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

MULTIPART_ROOM = 1 << 20  # boundaries and part headers around the files
UNGUARDED = ("/docs", "/redoc")  # and /docs-assets/
API_POLICY = "default-src 'none'; frame-ancestors 'none'"
_INLINE = re.compile(r"<(script|style)>(.*?)</\1>", re.DOTALL)
# Scripts and style sheets the page loads from this server.
_OWN_FILES = {
    "script": re.compile(r'<script\b[^>]*\bsrc="/static/'),
    "style": re.compile(r'<link\b[^>]*\brel="stylesheet"[^>]*\bhref="/static/'),
}


def page_policy(html: Path) -> str:
    """A Content-Security-Policy for `html` that allows its inline scripts and styles, the
    ones it loads from /static/ on this server, and nothing else."""
    text = html.read_text(encoding="utf-8")
    sources: dict[str, list[str]] = {
        tag: ["'self'"] if pattern.search(text) else [] for tag, pattern in _OWN_FILES.items()
    }
    for tag, body in _INLINE.findall(text):
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        sources[tag].append(f"'sha256-{digest}'")
    scripts = " ".join(sources["script"]) or "'none'"
    styles = " ".join(sources["style"]) or "'none'"
    return (
        "default-src 'none'; "
        f"script-src {scripts}; style-src {styles}; "
        "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; "
        "frame-ancestors 'none'"
    )


class Guard:
    def __init__(self, app: ASGIApp, page: str, page_csp: str, max_body: int):
        self.app, self.page, self.page_csp = app, page, page_csp
        self.max_body = max_body + MULTIPART_ROOM

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["method"] == "POST" and self._too_large(scope):
            await self._refuse(send)
            return
        path = scope["path"]
        policy = self.page_csp if path == self.page else API_POLICY
        if path.startswith(UNGUARDED):
            policy = None

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["X-Content-Type-Options"] = "nosniff"
                if "x-frame-options" not in headers:
                    headers["X-Frame-Options"] = "DENY"
                headers["Referrer-Policy"] = "no-referrer"
                if policy and "content-security-policy" not in headers:
                    headers["Content-Security-Policy"] = policy
            await send(message)

        await self.app(scope, receive, send_with_headers)

    def _too_large(self, scope: Scope) -> bool:
        for name, value in scope["headers"]:
            if name == b"content-length":
                return not value.isdigit() or int(value) > self.max_body
        return False

    async def _refuse(self, send: Send) -> None:
        limit = self.max_body - MULTIPART_ROOM
        message = (
            f"forespørgslen er større end de {limit} bytes, som filerne tilsammen må fylde "
            "(MINUTES_MAX_UPLOAD_BYTES)"
        )
        body = json.dumps(
            {"error": {"status": 413, "message": message, "field": "files"}}, ensure_ascii=False
        ).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close"),
                    (b"x-content-type-options", b"nosniff"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})
