"""The source behind a citation: `GET /documents/{doc_id}/file`, the original file as ingested.

A PDF is served inline, so a browser's viewer opens it at the `#page=N` of a
result's `source_url`. Text, markdown and portal HTML are served as
text/plain in a sandbox: a third party's page never runs on this origin. A
document kept no file when it was indexed before files were kept, or when its
parsing redacted CPR numbers (the original holds them): then 404 says so.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from fastapi.responses import FileResponse

from index.files import MEDIA_TYPES
from index.filters import SearchFilter
from search_api.models import ErrorResponse

router = APIRouter(tags=["documents"])
# A PDF may be shown in a frame of the web page; nothing else about it is ours to restrict.
PDF_POLICY = "frame-ancestors 'self'"
# Text is shown as text: no script, style or request, not even on a browser that sniffs.
TEXT_POLICY = "default-src 'none'; sandbox; frame-ancestors 'self'"


class NoFile(Exception):
    """No file to serve for a document: the message says why, in Danish; `code` for machines."""

    def __init__(self, message: str, code: str = "no_file"):
        self.code = code
        super().__init__(message)


def document_file(request: Request, doc_id: str) -> tuple[Any, str]:
    index = request.app.state.index
    hits = list(
        index.store.scroll(SearchFilter(document_ids=(doc_id,), chunk_types=("title",)), limit=1)
    )
    if not hits:
        raise NoFile(f"intet dokument '{doc_id}'", "not_found")
    payload = hits[0].payload
    name = payload.get("file")
    path = index.files.path(name) if name else None
    if path is None:
        raise NoFile(
            f"dokumentet '{doc_id}' har ingen gemt originalfil (indekseret før filer blev gemt, "
            "eller originalen rummer CPR-numre); indlæs filen igen for at gemme den"
        )
    return path, payload.get("source") or path.name


@router.get(
    "/documents/{doc_id}/file",
    responses={
        200: {
            "content": {"application/pdf": {}, "text/plain": {}},
            "description": "The original file: a PDF inline, text and HTML as plain text",
        },
        404: {"model": ErrorResponse, "description": "No such document, or no file kept"},
    },
)
def source_file(
    request: Request,
    doc_id: Annotated[
        str,
        Path(
            pattern="^[0-9a-f]{16}$",
            description="Document id (16 hex digits of the file's sha256), as every result's "
            "`doc_id` and `source_url` give it.",
            examples=["fbac77d932f02310"],
        ),
    ],
) -> FileResponse:
    """The original file, for citing: open `source_url` (`…/file#page=N`) to land on the cited page."""
    path, source = document_file(request, doc_id)
    media = MEDIA_TYPES.get(path.suffix, "application/octet-stream")
    if media == "text/plain":
        charset = "utf-8" if _is_utf8(path) else "windows-1252"
        media = f"text/plain; charset={charset}"
    disposition = "inline" if media != "application/octet-stream" else "attachment"
    return FileResponse(
        path,
        media_type=media,
        content_disposition_type=disposition,
        filename=source,
        headers={
            "Content-Security-Policy": PDF_POLICY if media == "application/pdf" else TEXT_POLICY,
            "X-Frame-Options": "SAMEORIGIN",
            "Cache-Control": "public, max-age=86400, immutable",  # the bytes never change
        },
    )


def _is_utf8(path) -> bool:
    try:
        path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
