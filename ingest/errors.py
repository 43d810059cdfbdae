"""Named errors for input that cannot be ingested. Only the edges (CLI, API) turn them into messages."""


class IngestError(Exception):
    """Base class: a file that could not be ingested, with a reason a person can read."""

    code = "ingest_error"  # for machines (the API's `code`)
    reason = "could not be ingested"

    def __init__(self, source: str, detail: str | None = None):
        self.source = source
        self.detail = detail
        message = f"{source}: {self.reason}"
        if detail:
            message += f" ({detail})"
        super().__init__(message)


class EncryptedPDF(IngestError):
    code = "encrypted_pdf"
    reason = "the PDF is encrypted"


class CorruptPDF(IngestError):
    code = "corrupt_pdf"
    reason = "the PDF is corrupt or truncated"


class NotAPDF(IngestError):
    code = "not_a_pdf"
    reason = "not a PDF, although the name says so"


class EmptyDocument(IngestError):
    code = "empty_document"
    reason = "the document is empty"


class NoTextLayer(IngestError):
    code = "no_text_layer"
    reason = "no text layer (image-only PDF; OCR it first)"


class UnreadableText(NoTextLayer):
    """A text layer whose glyphs map to no characters (a font without ToUnicode): as good as none."""

    code = "unreadable_text"
    reason = "no usable text layer: the glyphs have no Unicode mapping (OCR it first)"


class AngledText(IngestError):
    """Text on the pages, but none of it in horizontal lines (set vertically or at a slant)."""

    code = "angled_text"
    reason = "the text runs vertically or at a slant: there are no horizontal lines to read"


class UnsupportedFormat(IngestError):
    code = "unsupported_format"
    reason = "unsupported file type"
