"""Response models of the HTTP API: what each endpoint returns, described for the OpenAPI document."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class ErrorDetail(BaseModel):
    status: int = Field(description="HTTP status code.", examples=[422])
    message: str = Field(
        description="What went wrong, in Danish, for people.",
        examples=[
            "'2025-13-01' er ikke en dato; skriv fx 2025-08-12, 12-08-2025 eller 12. august 2025"
        ],
    )
    field: str | None = Field(
        default=None, description="The parameter at fault, where there is one.", examples=["from"]
    )
    code: str = Field(
        description="What went wrong, for machines: invalid_date, invalid_amount, amount_order, "
        "date_order, unknown_committee, unknown_person, unknown_party, unknown_outcome, "
        "not_found, no_file, missing_key, ... (for a malformed parameter, pydantic's error type).",
        examples=["invalid_date"],
    )


class ErrorResponse(BaseModel):
    error: ErrorDetail


class SearchHit(BaseModel):
    item_id: str = Field(
        description="Stable, URL-safe item id: meeting id, '-punkt-' and item number "
        "(a background section: document id, '-afsnit-' and its number).",
        examples=["randers-2025-08-12-beskaeftigelsesudvalget-punkt-74"],
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
    source_url: str = Field(
        description="The source file at the cited page (`#page=N`); a closed item links to "
        "the document without a page.",
        examples=["/documents/fbac77d932f02310/file#page=27"],
    )
    ingested_at: str | None = Field(
        description="When the document was ingested (ISO 8601, UTC).",
        examples=["2026-12-01T10:15:00+00:00"],
    )


class SearchPage(BaseModel):
    results: list[SearchHit]
    total: int = Field(
        description="Items that match: for a query, those sharing a word with it or close "
        "enough in meaning (a calibrated dense score); for filters alone, every filtered item."
    )
    total_exact: bool = Field(
        default=True,
        description="False when more items match than were counted (300 chunks a vector).",
    )
    facets_exact: bool = Field(
        default=True,
        description="False when total_exact is: the facets then count the filtered set.",
    )
    limit: int
    offset: int
    facets: dict[str, dict[str, int]] = Field(
        description="Item counts per committee, year, outcomes, parties, kle_groups and kind "
        "over the matching items.",
        examples=[{"committee": {"Beskæftigelsesudvalget": 24}, "outcomes": {"approved": 10}}],
    )


class _Open(BaseModel):
    """Fields named here are described; fields added by newer extractors still pass through."""

    model_config = ConfigDict(extra="allow")


class Section(_Open):
    heading: str = Field(examples=["Beslutning"])
    kind: str = Field(
        description="resume, case, economy, recommendation, decision, ... or other.",
        examples=["decision"],
    )
    text: str = Field(examples=["Godkendt med fire stemmer for og to stemmer imod."])
    pages: list[int] = Field(description="Pages of the source PDF (1-based).", examples=[[32]])
    tables: list[list[list[str]]] = Field(
        default_factory=list,
        description="Ruled tables as rows of cells.",
        examples=[[[["Mio. kr.", "2026", "2027"], ["Serviceudgifter (drift)", "-6,1", "-15,9"]]]],
    )


class MeetingInfo(_Open):
    id: str = Field(examples=["randers-2025-08-12-beskaeftigelsesudvalget"])
    committee: str = Field(examples=["Beskæftigelsesudvalget"])
    municipality: str | None = Field(default=None, examples=["Randers Kommune"])
    date: str | None = Field(
        description="ISO date; null where the minutes print none.", examples=["2025-08-12"]
    )
    start_time: str | None = Field(default=None, examples=["16:30"])
    place: str | None = Field(default=None, examples=["C.2.25"])
    participants: list[str] = Field(default_factory=list, examples=[["Claus Berggren"]])
    absent: list[str] = Field(default_factory=list, examples=[["Claus Berggren"]])


class Decision(_Open):
    point: int | None = Field(description="The recommendation's point, when numbered.")
    outcome: str = Field(examples=["approved"])
    text: str = Field(examples=["Godkendt med fire stemmer for og to stemmer imod."])


class PriorDecision(_Open):
    body: str | None = Field(examples=["Beskæftigelsesudvalget"])
    date: str | None = Field(examples=["2025-06-11"])
    item: int | None = Field(examples=[61])
    outcomes: list[str] = Field(examples=[["postponed"]])
    text: str = Field(examples=["Sagen udsat"])


class Vote(_Open):
    for_: int | None = Field(alias="for", examples=[4])
    against: int | None = Field(examples=[2])
    abstain: int | None = Field(examples=[None])
    for_names: list[str] = Field(default_factory=list)
    against_names: list[str] = Field(
        default_factory=list, examples=[["Bo Vestergaard", "Jesper Gade"]]
    )
    abstain_names: list[str] = Field(default_factory=list)


class Absence(_Open):
    name: str = Field(examples=["Claus Berggren"])
    reason: str | None = Field(examples=["did not take part"])
    text: str = Field(examples=["Claus Berggren deltog ikke i sagens behandling"])


class Amount(_Open):
    value: str = Field(description="Kroner, as a decimal string.", examples=["2600000000"])
    text: str = Field(examples=["2,6 mia. kr."])
    sentence: str = Field(
        examples=["Reformen skal samlet set reducere offentlige udgifter med 2,6 mia. kr."]
    )


class Reference(_Open):
    kind: str = Field(description="item, meeting, case or law.", examples=["item"])
    text: str = Field(
        examples=["Beslutning fra Beskæftigelsesudvalget, den 11. juni 2025, punkt 61"]
    )
    target: str | None = Field(
        default=None, description="The indexed item or meeting it points to, when found."
    )


class Item(_Open):
    """The whole item. A closed item carries only number, title, case number and its published decision."""

    id: str = Field(examples=["randers-2025-08-12-beskaeftigelsesudvalget-punkt-74"])
    number: int = Field(examples=[74])
    title: str = Field(
        examples=['Forslag fra Henriette Malland, Velfærdslisten, om "Unge i Fokus"']
    )
    case_numbers: list[str] = Field(
        description="The item's own case number first.", examples=[["15.00.00-G01-32-25"]]
    )
    closed: bool = Field(description="Lukket punkt: nothing but the published decision is kept.")
    page_start: int = Field(description="First page of the item in the source PDF.", examples=[32])
    page_end: int = Field(description="Last page of the item in the source PDF.", examples=[33])
    sections: list[Section] = Field(description="The item's sections in order.")
    doc_id: str = Field(description="The source document (first 16 hex digits of its sha256).")
    source: str = Field(
        description="Source file name.", examples=["randers-beskaeftigelsesudvalget-2025-08-12.pdf"]
    )
    source_url: str | None = Field(
        default=None,
        description="The source file at the item's first page; a closed item links to the "
        "document without a page.",
        examples=["/documents/fbac77d932f02310/file#page=32"],
    )
    kind: str = Field(description="minutes or other.", examples=["minutes"])
    meeting: MeetingInfo | None
    attachments: list[str] = Field(default_factory=list, examples=[["Forslag til udvalget"]])
    decisions: list[Decision] = Field(default_factory=list)
    prior_decisions: list[PriorDecision] = Field(
        default_factory=list, description="Earlier decisions quoted in the item (Sagsforløb)."
    )
    votes: list[Vote] = Field(default_factory=list)
    absent: list[str] = Field(
        default_factory=list, description="Members who took no part in this item."
    )
    absences: list[Absence] = Field(default_factory=list)
    reservations: list[dict[str, Any]] = Field(
        default_factory=list, description="§ 23 referrals and reservations ('tog forbehold')."
    )
    amounts: list[Amount] = Field(default_factory=list)
    references: list[Reference] = Field(default_factory=list)
    persons: list[str] = Field(default_factory=list, examples=[["Henriette Malland"]])
    parties: list[str] = Field(default_factory=list, examples=[["Velfærdslisten"]])
    organizations: list[str] = Field(default_factory=list, examples=[["STAR"]])
    dates: list[str] = Field(default_factory=list, examples=[["2025-05-12"]])


class MeetingSummary(BaseModel):
    id: str = Field(examples=["randers-2025-08-12-beskaeftigelsesudvalget"])
    committee: str
    date: str | None  # null where the minutes print no date
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
    source_url: str | None = Field(
        default=None, description="The source at the item's first page (a closed item: no page)."
    )


class Meeting(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: str
    committee: str
    date: str | None  # null where the minutes print no date
    participants: list[str]
    absent: list[str]
    source: str
    source_url: str | None = Field(default=None, description="The minutes' source file.")
    items: list[MeetingItem]


class CaseTimeline(BaseModel):
    case_number: str = Field(examples=["15.00.00-G01-5-25"])
    items: list[Item] = Field(description="Every item of the case, oldest meeting first.")


class Replaced(BaseModel):
    doc_id: str
    source: str
    why: str = Field(description="same_meeting, or same_name when `replace` was asked for.")


class FileStatus(BaseModel):
    source: str
    status: str = Field(
        description="ingested, unchanged or failed; while an upload runs, queued or running."
    )
    phase: str | None = Field(
        default=None, description="While running: læser, udtrækker, indlejrer or skriver."
    )
    done: int | None = Field(default=None, description="While running: steps of the phase done.")
    total: int | None = Field(default=None, description="While running: steps of the phase.")
    doc_id: str | None = None
    kind: str | None = None
    meetings: int = 0
    items: int = 0
    chunks: int = 0
    cpr_redacted: int = 0
    reason: str | None = Field(
        default=None, description="Why a file failed, or what an unchanged file duplicates."
    )
    code: str | None = Field(
        default=None,
        description="The reason for machines: encrypted_pdf, corrupt_pdf, not_a_pdf, "
        "empty_document, no_text_layer, unreadable_text, unsupported_format, duplicate, "
        "internal_error; index_error (the index could not be written), interrupted (the "
        "server stopped first).",
    )
    replaced: list[Replaced] = Field(
        default_factory=list, description="Documents this file replaced, and why."
    )


class UploadResult(BaseModel):
    upload_id: str
    status: str = Field(description="queued, running or done.")
    status_url: str = Field(description="Where to follow the upload: GET /uploads/{upload_id}.")
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
