"""Response models of the HTTP API: what each endpoint returns, described for the OpenAPI document."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class ErrorDetail(BaseModel):
    status: int = Field(description="HTTP status code.", examples=[422])
    message: str = Field(
        description="What went wrong, in English.",
        examples=["'2025-13-01' is not a date (use YYYY-MM-DD)"],
    )
    field: str | None = Field(
        default=None, description="The parameter at fault, where there is one.", examples=["from"]
    )


class ErrorResponse(BaseModel):
    error: ErrorDetail


class SearchHit(BaseModel):
    item_id: str = Field(
        description="Stable item id: meeting id and item number.",
        examples=["2025-08-12-beskaeftigelsesudvalget#74"],
    )
    doc_id: str = Field(description="The source document (first 16 hex digits of its sha256).")
    kind: str = Field(
        description="'minutes' for agenda items, 'other' for background documents.",
        examples=["minutes"],
    )
    committee: str | None = Field(
        description="The committee that met.", examples=["Beskæftigelsesudvalget"]
    )
    meeting_date: str | None = Field(
        description="ISO date of the meeting.", examples=["2025-08-12"]
    )
    item_number: int | None = Field(description="Agenda item number.", examples=[74])
    title: str = Field(
        examples=['Forslag fra Henriette Malland, Velfærdslisten, om "Unge i Fokus"']
    )
    case_numbers: list[str] = Field(
        description="The item's case number first.", examples=[["15.00.00-G01-32-25"]]
    )
    outcomes: list[str] = Field(description="Decision outcomes.", examples=[["approved"]])
    closed: bool = Field(
        description="A closed item: only number, title, case number and decision are public."
    )
    pages: list[int] = Field(
        description="Pages of the source PDF to cite for the snippet.", examples=[[27]]
    )
    section: str = Field(
        description="Section heading the snippet comes from.", examples=["Beslutning"]
    )
    snippet: str = Field(
        description="The best-matching passage.",
        examples=["Godkendt med fire stemmer for og to stemmer imod."],
    )
    highlights: list[list[int]] = Field(
        description="Character spans [start, end) of query words in the snippet."
    )
    score: float = Field(
        description="Fused rank score (higher is better; comparable within one response)."
    )
    source: str = Field(description="Source file name.")


class SearchPage(BaseModel):
    results: list[SearchHit]
    total: int = Field(description="Items matching (for a query: among the ranked candidates).")
    limit: int
    offset: int
    facets: dict[str, dict[str, int]] = Field(
        description="Item counts per committee, year, outcomes, parties, kle_groups and kind over the filtered set.",
        examples=[{"committee": {"Beskæftigelsesudvalget": 24}, "outcomes": {"approved": 10}}],
    )


class Item(BaseModel):
    """The whole item. A closed item carries only number, title, case number and its published decision."""

    model_config = ConfigDict(extra="allow")
    id: str
    number: int
    title: str
    case_numbers: list[str]
    closed: bool
    page_start: int
    page_end: int
    sections: list[dict[str, Any]] = Field(
        description="Ordered sections: heading, kind, text, pages, tables."
    )
    doc_id: str
    source: str
    kind: str
    meeting: dict[str, Any] | None


class MeetingSummary(BaseModel):
    id: str = Field(examples=["2025-08-12-beskaeftigelsesudvalget"])
    committee: str
    date: str
    municipality: str | None = None
    place: str | None = None
    items: int
    source: str


class MeetingItem(BaseModel):
    id: str
    number: int
    title: str
    case_numbers: list[str]
    closed: bool
    outcomes: list[str]
    page_start: int
    page_end: int


class Meeting(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: str
    committee: str
    date: str
    participants: list[str]
    absent: list[str]
    source: str
    items: list[MeetingItem]


class CaseTimeline(BaseModel):
    case_number: str = Field(examples=["15.00.00-G01-5-25"])
    items: list[Item] = Field(description="Every item of the case, oldest meeting first.")


class FileStatus(BaseModel):
    source: str
    status: str = Field(description="ingested, unchanged or failed.")
    doc_id: str | None = None
    kind: str | None = None
    meetings: int = 0
    items: int = 0
    chunks: int = 0
    cpr_redacted: int = 0
    reason: str | None = Field(default=None, description="Why a file failed.")


class UploadResult(BaseModel):
    files: list[FileStatus]


class Deleted(BaseModel):
    doc_id: str
    deleted: bool


class Health(BaseModel):
    status: str = Field(examples=["ok"])
    store: str
    model: str | None
    model_loaded: bool
    documents: int
    items: int
    chunks: int
