"""Named errors for input that cannot be ingested. Only the edges (CLI, API) turn them into messages.

Each has a Danish `reason` for people and a `code` for machines.
"""


class IngestError(Exception):
    """Base class: a file that could not be ingested, with a reason a person can read."""

    code = "ingest_error"  # for machines (the API's `code`)
    reason = "kunne ikke indlæses"

    def __init__(self, source: str, detail: str | None = None):
        self.source = source
        self.detail = detail
        message = f"{source}: {self.reason}"
        if detail:
            message += f" ({detail})"
        super().__init__(message)


class EncryptedPDF(IngestError):
    code = "encrypted_pdf"
    reason = "PDF'en er krypteret"


class CorruptPDF(IngestError):
    code = "corrupt_pdf"
    reason = "PDF'en er beskadiget eller afkortet"


class NotAPDF(IngestError):
    code = "not_a_pdf"
    reason = "ikke en PDF, selv om navnet siger det"


class EmptyDocument(IngestError):
    code = "empty_document"
    reason = "dokumentet er tomt"


class NoTextLayer(IngestError):
    code = "no_text_layer"
    reason = "intet tekstlag (en PDF af billeder; kør OCR på den først)"


class UnreadableText(NoTextLayer):
    """A text layer whose glyphs map to no characters (a font without ToUnicode): as good as none."""

    code = "unreadable_text"
    reason = (
        "tekstlaget kan ikke bruges: tegnene har ingen Unicode-oversættelse (kør OCR på den først)"
    )


class AngledText(IngestError):
    """Text on the pages, but none of it in horizontal lines (set vertically or at a slant)."""

    code = "angled_text"
    reason = "teksten står lodret eller på skrå: der er ingen vandrette linjer at læse"


class UnsupportedFormat(IngestError):
    code = "unsupported_format"
    reason = "filtypen understøttes ikke"
