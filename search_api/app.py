"""The HTTP API: `create_app(settings)` builds a FastAPI app over one index.

Reads are public; writes (`POST /documents`, `DELETE /documents/{id}`) need
the key from `MINUTES_API_KEY` in the `X-API-Key` header. Every error has
one shape: `{"error": {"status", "message", "field", "code"}}`, the message in
Danish for people and the code for machines (`search_api.errors`).
"""

import hmac
import threading
from collections.abc import Callable
from contextlib import asynccontextmanager, suppress
from enum import StrEnum
from pathlib import Path as FilePath
from typing import Annotated, Any

import anyio.to_thread
from fastapi import Depends, FastAPI, File, Form, Header, Path, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import (
    FileResponse,
    JSONResponse,
    RedirectResponse,
    Response,
    StreamingResponse,
)
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from index.files import source_url
from index.filter_input import FilterError, build_filter, resolve_committees
from index.filters import SearchFilter
from index.lookup import ambiguity
from index.search import MIN_CASE_CHARS, MODES, SearchResponse
from index.service import MinutesIndex
from index.store import StoreError
from search_api import feeds, people, sources
from search_api.docs import mount_docs
from search_api.errors import validation_message
from search_api.guard import Guard, page_policy
from search_api.models import (
    CaseTimeline,
    Deleted,
    ErrorResponse,
    Health,
    Item,
    Meeting,
    MeetingSummary,
    SearchPage,
    UploadResult,
)
from search_api.settings import ApiSettings
from search_api.upload_jobs import Busy, Uploads
from search_api.uploads import TooLarge, read_uploads

STATIC = FilePath(__file__).parent / "static"


class Mode(StrEnum):
    hybrid = "hybrid"
    dense = "dense"
    sparse = "sparse"


class ExportFormat(StrEnum):
    csv = "csv"
    json = "json"


class PersonRole(StrEnum):
    present = "present"
    absent = "absent"
    voted_for = "voted_for"
    voted_against = "voted_against"


ERRORS = {
    400: {"model": ErrorResponse, "description": "Bad request"},
    422: {"model": ErrorResponse, "description": "A parameter is invalid; `field` names it"},
}


class ApiError(Exception):
    def __init__(
        self, status: int, message: str, field: str | None = None, code: str | None = None
    ):
        self.status, self.message, self.field, self.code = status, message, field, code
        super().__init__(message)


HTTP_CODES = {
    401: "missing_key",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "ambiguous_id",
    413: "too_large",
    422: "invalid_value",
    429: "busy",
    500: "internal_error",
    503: "index_unavailable",
}
HTTP_MESSAGES = {404: "findes ikke", 405: "metoden er ikke tilladt her"}


def _error(
    status: int, message: str, field: str | None = None, code: str | None = None
) -> JSONResponse:
    code = code or HTTP_CODES.get(status, "error")
    return JSONResponse(
        {"error": {"status": status, "message": message, "field": field, "code": code}},
        status_code=status,
    )


def with_source(record: dict[str, Any]) -> dict[str, Any]:
    """An item record with its `source_url`: the source at its first page (closed: no page)."""
    closed = bool(record.get("closed"))
    return record | {"source_url": source_url(record["doc_id"], record.get("page_start"), closed)}


def _field_of(loc: tuple[Any, ...]) -> str | None:
    parts = [str(p) for p in loc if p not in ("query", "path", "body", "header")]
    return parts[0] if parts else None


def create_app(
    settings: ApiSettings | None = None,
    index: MinutesIndex | None = None,
    on_ready: Callable[[], None] | None = None,
) -> FastAPI:
    """The app over `index` (by default, the one `settings` name). `on_ready` is called once
    the index is optimized and warm, just before the server takes requests."""
    settings = settings or ApiSettings()
    index = index or MinutesIndex(settings)
    write_lock = threading.Lock()
    uploads = Uploads(lambda: index.indexer, lambda: index.store, write_lock)

    @asynccontextmanager
    async def lifespan(_: FastAPI):
        # Open (and lock) the store at start, not on the first request, and build what an
        # ingest left unindexed: the engine's optimizer blocks every thread while it runs.
        index.store.optimize()
        # An index this version cannot search still serves: every search answers 503 saying why.
        with suppress(StoreError):
            index.searcher.warm_up()
        if settings.api_key:
            uploads.warm_up()
        if on_ready is not None:
            on_ready()
        yield
        uploads.stop()
        index.close()

    app = FastAPI(
        docs_url=None,  # served by mount_docs, with Swagger UI from this server, not a CDN
        redoc_url=None,
        title="minutes",
        version="0.1.0",
        summary="Search Danish municipal committee minutes (referater).",
        description=(
            "Hybrid semantic and lexical search over agenda items of Danish committee minutes, "
            "with filters by committee, date, case, decision, person, party and amount, case "
            "timelines, Atom feeds and page-exact citations. Queries are in Danish."
        ),
        lifespan=lifespan,
    )
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "DELETE"],
            allow_headers=["X-API-Key"],
        )
    app.add_middleware(
        Guard,
        page="/",
        page_csp=page_policy(STATIC / "index.html"),
        max_body=settings.max_upload_bytes,
    )
    app.state.index = index
    app.state.settings = settings
    # The web page's scripts and style sheet (its policy allows them as 'self').
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    # The API documentation from this server's own files; the source files; persons and parties.
    mount_docs(app)
    app.include_router(sources.router)
    app.include_router(people.router)

    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError) -> JSONResponse:
        return _error(exc.status, exc.message, exc.field, exc.code)

    @app.exception_handler(FilterError)
    async def _filter_error(_: Request, exc: FilterError) -> JSONResponse:
        return _error(422, exc.message, exc.field, exc.code)

    @app.exception_handler(sources.NoFile)
    async def _no_file(_: Request, exc: sources.NoFile) -> JSONResponse:
        return _error(404, str(exc), "doc_id", exc.code)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {"loc": (), "type": "invalid"}
        field = _field_of(tuple(first.get("loc", ())))
        return _error(422, validation_message(first, field), field, str(first.get("type")))

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = HTTP_MESSAGES.get(exc.status_code, str(exc.detail))
        return _error(exc.status_code, message)

    @app.exception_handler(StoreError)
    async def _store_error(_: Request, exc: StoreError) -> JSONResponse:
        # The index cannot serve this (a locked folder, another model or sparse format):
        # the message says what to do.
        return _error(503, str(exc))

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
        return _error(500, f"intern fejl: {type(exc).__name__}")

    def require_key(
        x_api_key: Annotated[
            str | None, Header(description="The write key (MINUTES_API_KEY).")
        ] = None,
    ) -> None:
        if settings.api_key is None:
            raise ApiError(
                403,
                "denne server tager ikke imod ændringer: sæt MINUTES_API_KEY for at tillade dem",
                code="writes_disabled",
            )
        if not x_api_key:
            raise ApiError(401, "headeren X-API-Key mangler", "X-API-Key")
        if not hmac.compare_digest(x_api_key.encode(), settings.api_key.encode()):
            raise ApiError(403, "X-API-Key er ikke gyldig", "X-API-Key", "invalid_key")

    def indexed_committees() -> list[str]:
        return list(index.store.facet("committee", SearchFilter(), limit=1000))

    def indexed_persons() -> list[str]:
        return list(index.store.facet("persons", SearchFilter(), limit=100_000))

    async def search_filter(
        committee: Annotated[
            list[str] | None,
            Query(description="Committee name (repeatable).", examples=["Beskæftigelsesudvalget"]),
        ] = None,
        date_from: Annotated[
            str | None,
            Query(
                alias="from",
                description="Meetings on or after: 2025-08-12, 12-08-2025, 12.08.2025 or "
                "12. august 2025.",
                examples=["2025-01-01"],
            ),
        ] = None,
        date_to: Annotated[
            str | None,
            Query(
                alias="to",
                description="Meetings on or before (as `from`).",
                examples=["2025-12-31"],
            ),
        ] = None,
        case: Annotated[
            str | None,
            Query(
                max_length=100,
                description="Case number, or a KLE prefix such as 15.00.00 or 15.",
                examples=["15.00.00-G01-5-25"],
            ),
        ] = None,
        decision: Annotated[
            list[str] | None,
            Query(
                description="Decision outcome, a code or its Danish label (repeatable).",
                examples=["approved", "godkendt"],
            ),
        ] = None,
        person: Annotated[
            list[str] | None,
            Query(
                description="A person named in the item (repeatable): any case, a surname "
                "alone, or as the minutes write it ('Claus Berggren (V)').",
                examples=["Claus Berggren"],
            ),
        ] = None,
        person_role: Annotated[
            str | None,
            Query(description="present, absent, voted_for or voted_against.", examples=["absent"]),
        ] = None,
        party: Annotated[
            list[str] | None,
            Query(description="Party name or letter (repeatable).", examples=["Velfærdslisten"]),
        ] = None,
        party_role: Annotated[
            str | None,
            Query(
                description="Narrow party: voted_for or voted_against.", examples=["voted_against"]
            ),
        ] = None,
        voted: Annotated[
            bool | None,
            Query(description="Only items with (true) or without (false) a recorded vote."),
        ] = None,
        absence: Annotated[
            bool | None,
            Query(
                description="Only items where someone was absent (true), or nobody (false). "
                "person_role=absent without a person means the same as true."
            ),
        ] = None,
        has_amount: Annotated[
            bool | None,
            Query(description="Only items naming (true) or not naming (false) an amount."),
        ] = None,
        min_amount: Annotated[
            str | None,
            Query(
                max_length=40,
                description="Items naming at least this many kroner: 1000000, 1.000.000, "
                "1 mio. or 2,5 mio. kr.",
                examples=["1.000.000"],
            ),
        ] = None,
        max_amount: Annotated[
            str | None,
            Query(
                max_length=40,
                description="Items naming at most this many kroner.",
                examples=["50000000"],
            ),
        ] = None,
        kind: Annotated[
            list[str] | None,
            Query(description="minutes or other (background documents).", examples=["minutes"]),
        ] = None,
    ) -> SearchFilter:
        for name, values in (
            ("committee", committee),
            ("decision", decision),
            ("person", person),
            ("party", party),
            ("kind", kind),
        ):
            if values and (len(values) > 20 or any(len(v) > 200 for v in values)):
                raise ApiError(422, "for mange eller for lange værdier", name, "too_many_values")
        # The committee lookup is a store call. A server's answer is waited for off the loop;
        # the embedded store answers from its facet cache, and a thread would only add two
        # turns in the loop's queue.
        known = names = None
        if committee:
            if index.store.in_process:
                known = indexed_committees()
            else:
                known = await anyio.to_thread.run_sync(indexed_committees)
        if person:
            if index.store.in_process:
                names = indexed_persons()
            else:
                names = await anyio.to_thread.run_sync(indexed_persons)
        return build_filter(
            indexed_committees=known,
            indexed_persons=names,
            committee=committee,
            date_from=date_from,
            date_to=date_to,
            case=case,
            decision=decision,
            person=person,
            person_role=person_role,
            party=party,
            party_role=party_role,
            voted=voted,
            absence=absence,
            has_amount=has_amount,
            min_amount=min_amount,
            max_amount=max_amount,
            kind=kind,
        )

    Filter = Annotated[SearchFilter, Depends(search_filter)]
    QueryText = Annotated[
        str,
        Query(
            max_length=settings.max_query_chars,
            description="Danish query in your own words; empty lists the filtered items, newest first.",
            examples=["besparelser på beskæftigelsesområdet"],
        ),
    ]
    Limit = Annotated[int, Query(ge=1, le=settings.max_limit, description="Items per page.")]
    Offset = Annotated[int, Query(ge=0, le=settings.max_offset, description="Items to skip.")]

    def check_mode(mode: str) -> None:
        if mode not in MODES:
            raise ApiError(422, f"brug en af {', '.join(MODES)}", "mode", "unknown_mode")

    def run_search(
        q: str,
        flt: SearchFilter,
        limit: int,
        offset: int,
        mode: str = "hybrid",
        facets: bool = True,
        dense: list[float] | None = None,
    ) -> SearchResponse:
        check_mode(mode)
        return index.searcher.search(
            q, flt, limit=limit, offset=offset, mode=mode, facets=facets, dense=dense
        )

    @app.get("/search", response_model=SearchPage, responses=ERRORS, tags=["search"])
    async def search(
        flt: Filter,
        q: QueryText = "",
        limit: Limit = 10,
        offset: Offset = 0,
        mode: Annotated[
            str, Query(description="hybrid (default), dense or sparse.", examples=["hybrid"])
        ] = "hybrid",
    ) -> dict[str, Any]:
        """Search items: the best first, each with a snippet, highlights, pages to cite and decision outcomes."""
        if not q.strip() or not index.store.in_process:
            response = await anyio.to_thread.run_sync(run_search, q, flt, limit, offset, mode)
        else:
            # The embedded engine holds the GIL, as does all but the query's embedding, so
            # threads would only take turns at it, paying for every handoff. The embedding
            # runs in a worker thread; the rest of the search here, one at a time (at 100k
            # chunks: p95 207-212 ms against 237-248 in worker threads, bench/api_load.py).
            check_mode(mode)
            dense = None
            if mode != "sparse":
                dense = await anyio.to_thread.run_sync(index.searcher.query_vector, q)
            response = run_search(q, flt, limit, offset, mode, dense=dense)
        return response.as_dict() | {"limit": limit, "offset": offset}

    @app.get(
        "/search.atom",
        responses=ERRORS
        | {200: {"content": {"application/atom+xml": {}}, "description": "Atom feed"}},
        tags=["search"],
    )
    def search_feed(
        request: Request,
        flt: Filter,
        q: QueryText = "",
        limit: Annotated[int, Query(ge=1, le=100, description="Entries in the feed.")] = 30,
    ) -> Response:
        """An Atom feed of the items matching a search, newest ingested first: subscribe to get alerts in any feed reader."""
        # Every matching item (as far as an export reaches), then the newest ingested of them.
        response = run_search(q, flt, settings.export_max, 0, facets=False)
        newest = feeds.newest_ingested(response.results)[:limit]
        xml = feeds.atom(newest, str(request.url), str(request.base_url), q)
        return Response(xml, media_type="application/atom+xml; charset=utf-8")

    @app.get(
        "/export",
        responses=ERRORS
        | {
            200: {
                "content": {"text/csv": {}, "application/json": {}},
                "description": "The search results",
            }
        },
        tags=["search"],
    )
    def export(
        request: Request,
        flt: Filter,
        q: QueryText = "",
        format: Annotated[str, Query(pattern="^(csv|json)$", description="csv or json.")] = "csv",
        limit: Annotated[
            int, Query(ge=1, le=settings.export_max, description="At most this many items.")
        ] = settings.export_max,
        mode: Annotated[
            str, Query(description="hybrid (default), dense or sparse.", examples=["hybrid"])
        ] = "hybrid",
    ) -> Response:
        """The items of a search, the same and in the same order as /search pages them, at most
        `limit` (1000); streamed. CSV for Danish spreadsheets (`;`, UTF-8 with BOM, Danish
        labels); JSON with every field and each item's record. `X-Total-Count` says how many
        items match, `X-Export-Capped` whether the export stops short of them."""
        response = run_search(q, flt, limit, 0, mode=mode, facets=False)

        def records(ids: Any) -> dict[str, dict[str, Any]]:
            found = index.searcher.records(SearchFilter(item_ids=tuple(ids)))
            return {r["id"]: with_source(r) for r in found if "id" in r}

        headers = {
            "X-Total-Count": str(response.total),
            "X-Export-Capped": "true" if response.total > len(response.results) else "false",
        }
        if format == ExportFormat.json:
            return StreamingResponse(
                feeds.json_lines(response.results, records, response.total),
                media_type="application/json",
                headers=headers,
            )
        return StreamingResponse(
            feeds.csv_rows(response.results, records, str(request.base_url)),
            media_type="text/csv; charset=utf-8",
            headers=headers
            | {"Content-Disposition": 'attachment; filename="minutes-soegning.csv"'},
        )

    @app.get(
        "/items/{item_id}",
        response_model=Item,
        responses={
            308: {"description": "An id of before: the item's current URL (Location)"},
            404: {"model": ErrorResponse},
            409: {
                "model": ErrorResponse,
                "description": "An id of before that names items of several municipalities; "
                "the message lists their current ids",
            },
        },
        tags=["items"],
    )
    def item(
        request: Request,
        item_id: Annotated[
            str,
            Path(
                description="Item id: the meeting id, '-punkt-' and the item number. Ids of "
                "before ('2025-08-12-beskaeftigelsesudvalget#74', '#' sent as %23) are "
                "redirected (308) to the current one.",
                examples=["randers-2025-08-12-beskaeftigelsesudvalget-punkt-74"],
            ),
        ],
    ) -> Any:
        """The whole item: sections, decisions, earlier decisions, votes, absences, amounts, references, attachments, pages."""
        found = index.searcher.find_item(item_id)
        if found.ambiguous:
            raise ApiError(409, ambiguity(item_id, found), "item_id")
        if found.id is None or not found.records:
            if "text/html" in request.headers.get("accept", ""):
                # A feed link of before (`/items/<meeting>#72`) followed by a browser, which kept
                # `#72` to itself: the page opens the meeting's item 72 (a redirect keeps the `#`).
                meeting = index.searcher.find_meeting(item_id)
                if meeting.id is not None:
                    page_url = request.url_for("page").include_query_params(meeting=meeting.id)
                    return RedirectResponse(page_url, 308)
            raise ApiError(404, f"intet punkt '{item_id}'", "item_id")
        if found.id != item_id:
            return RedirectResponse(request.url_for("item", item_id=found.id), 308)
        return with_source(found.records[0])

    @app.get("/meetings", response_model=list[MeetingSummary], responses=ERRORS, tags=["meetings"])
    def meetings(
        committee: Annotated[
            list[str] | None,
            Query(description="Committee name (repeatable).", examples=["Beskæftigelsesudvalget"]),
        ] = None,
    ) -> list[dict[str, Any]]:
        """All meetings, newest first."""
        grouped: dict[str, dict[str, Any]] = {}
        committees = resolve_committees(committee or (), indexed_committees())
        for record in index.searcher.records(
            SearchFilter(kinds=("minutes",), committees=committees)
        ):
            m = record.get("meeting") or {}
            if not m:
                continue
            entry = grouped.setdefault(
                m["id"],
                {
                    "id": m["id"],
                    "committee": m["committee"],
                    "date": m["date"],
                    "municipality": m.get("municipality"),
                    "place": m.get("place"),
                    "items": 0,
                    "source": record["source"],
                },
            )
            entry["items"] += 1
        return sorted(grouped.values(), key=lambda m: m["date"] or "", reverse=True)

    @app.get(
        "/meetings/{meeting_id}",
        response_model=Meeting,
        responses={
            308: {"description": "An id of before: the meeting's current URL (Location)"},
            404: {"model": ErrorResponse},
            409: {
                "model": ErrorResponse,
                "description": "An id of before that names meetings of several municipalities",
            },
        },
        tags=["meetings"],
    )
    def meeting(
        request: Request,
        meeting_id: Annotated[
            str,
            Path(
                description="Meeting id: municipality, date and committee. Ids of before "
                "(date and committee) are redirected (308) to the current one.",
                examples=["randers-2025-08-12-beskaeftigelsesudvalget"],
            ),
        ],
    ) -> Any:
        """One meeting with its items in order."""
        found = index.searcher.find_meeting(meeting_id)
        if found.ambiguous:
            raise ApiError(409, ambiguity(meeting_id, found), "meeting_id")
        records = found.records
        if found.id is None or not records:
            raise ApiError(404, f"intet møde '{meeting_id}'", "meeting_id")
        if found.id != meeting_id:
            return RedirectResponse(request.url_for("meeting", meeting_id=found.id), 308)
        records.sort(key=lambda r: r["number"])
        m = records[0]["meeting"]
        items = [
            {
                "id": r["id"],
                "number": r["number"],
                "title": r["title"],
                "case_numbers": r["case_numbers"],
                "closed": r["closed"],
                "outcomes": sorted({d["outcome"] for d in r.get("decisions", [])}),
                "page_start": r["page_start"],
                "page_end": r["page_end"],
                "source_url": with_source(r)["source_url"],
            }
            for r in records
        ]
        source = source_url(records[0]["doc_id"], None)
        return m | {"source": records[0]["source"], "source_url": source, "items": items}

    @app.get(
        "/cases/{case_number:path}",
        response_model=CaseTimeline,
        responses={404: {"model": ErrorResponse}},
        tags=["cases"],
    )
    def case(
        case_number: Annotated[
            str, Path(description="A case number (sagsnummer).", examples=["15.00.00-G01-5-25"])
        ],
    ) -> dict[str, Any]:
        """A case across meetings, oldest first: committee, date, item, outcomes and earlier decisions."""
        if len(case_number.strip()) < MIN_CASE_CHARS:
            raise ApiError(
                422,
                f"et sagsnummer eller en KLE-gruppe har mindst {MIN_CASE_CHARS} tegn",
                "case_number",
            )
        records = index.searcher.case_timeline(case_number)
        if not records:
            raise ApiError(404, f"ingen punkter med sagsnummer '{case_number}'", "case_number")
        return {"case_number": case_number, "items": [with_source(r) for r in records]}

    @app.post(
        "/documents",
        response_model=UploadResult,
        dependencies=[Depends(require_key)],
        responses={
            401: {"model": ErrorResponse, "description": "No X-API-Key header"},
            403: {"model": ErrorResponse, "description": "Wrong key, or writes disabled"},
            413: {
                "model": ErrorResponse,
                "description": "The files together are over MINUTES_MAX_UPLOAD_BYTES",
            },
            202: {"model": UploadResult, "description": "With wait=false: queued; poll status_url"},
            422: {"model": ErrorResponse, "description": "No `files` in the form"},
            429: {"model": ErrorResponse, "description": "Too many uploads queued already"},
            503: {"model": ErrorResponse, "description": "The index cannot take writes"},
        },
        tags=["documents"],
    )
    def upload(
        response: Response,
        files: Annotated[
            list[UploadFile], File(description="PDFs, text/markdown or portal HTML minutes.")
        ],
        replace: Annotated[
            bool,
            Form(
                description="Also replace documents of the same file name. New minutes of a "
                "meeting already indexed replace those anyway; every replacement is listed."
            ),
        ] = False,
        wait: Annotated[
            bool,
            Query(
                description="true (default): answer when every file is done. false: answer "
                "202 at once with `status_url` (GET /uploads/{upload_id}) to follow a long upload."
            ),
        ] = True,
    ) -> dict[str, Any]:
        """Ingest uploaded files. Each gets a status: ingested, unchanged, or failed with the reason and a code.

        The files are ingested beside the server, not in the request: searches and other
        uploads go on meanwhile (the index is written in short locked steps)."""
        try:
            payloads = read_uploads(files, settings.max_upload_bytes)
            job = uploads.submit(payloads, replace)
        except TooLarge as exc:
            raise ApiError(413, str(exc), "files") from None
        except Busy as exc:
            raise ApiError(429, str(exc), "files") from None
        if not wait:
            response.status_code = 202
            response.headers["Location"] = f"/uploads/{job.id}"
        elif job.ended.wait() and job.error is not None:
            raise job.error
        return job.as_dict()

    @app.get(
        "/uploads/{upload_id}",
        response_model=UploadResult,
        responses={404: {"model": ErrorResponse}},
        tags=["documents"],
    )
    def upload_status(
        upload_id: Annotated[str, Path(description="upload_id, as POST /documents returned it.")],
    ) -> dict[str, Any]:
        """An upload's progress: queued, running or done, each file's phase, and its result when done."""
        job = uploads.get(upload_id)
        if job is None:
            raise ApiError(404, f"ingen upload '{upload_id}' (eller den er glemt)", "upload_id")
        return job.as_dict()

    @app.delete(
        "/documents/{doc_id}",
        response_model=Deleted,
        dependencies=[Depends(require_key)],
        responses={
            401: {"model": ErrorResponse},
            403: {"model": ErrorResponse},
            404: {"model": ErrorResponse},
        },
        tags=["documents"],
    )
    def delete(
        doc_id: Annotated[
            str,
            Path(
                description="Document id, as returned by POST /documents.",
                examples=["fbac77d932f02310"],
            ),
        ],
    ) -> dict[str, Any]:
        """Remove a document with all its items and chunks."""
        with write_lock:
            deleted = index.indexer.delete_document(doc_id)
        if not deleted:
            raise ApiError(404, f"intet dokument '{doc_id}'", "doc_id")
        return {"doc_id": doc_id, "deleted": True}

    @app.get("/health", response_model=Health, tags=["service"])
    def health() -> dict[str, Any]:
        """Store reachable, model loaded, counts."""
        from index.stats import index_stats

        stats = index_stats(index)
        return {
            "status": "ok",
            "store": "qdrant server" if settings.qdrant_url else "qdrant-edge (embedded)",
            "model": stats["model"],
            "model_loaded": "embedder" in index.__dict__,
            "documents": stats["documents"],
            "items": stats["items"],
            "chunks": stats["chunks"],
        }

    @app.get("/stats", include_in_schema=False)
    def stats() -> dict[str, Any]:
        """What `minutes stats` prints, for the CLI beside this server (without the index's path)."""
        from index.stats import index_stats

        return {k: (None if k == "store" else v) for k, v in index_stats(index).items()}

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    return app
