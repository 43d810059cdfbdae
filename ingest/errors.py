"""Named errors for input that cannot be ingested. Only the edges (CLI, API) turn them into messages."""


class IngestError(Exception):
    """Base class: a file that could not be ingested, with a reason a person can read."""

    reason = "could not be ingested"

    def __init__(self, source: str, detail: str | None = None):
        self.source = source
        self.detail = detail
        message = f"{source}: {self.reason}"
        if detail:
            message += f" ({detail})"
        super().__init__(message)


class EncryptedPDF(IngestError):
    reason = "the PDF is encrypted"


class CorruptPDF(IngestError):
    reason = "the PDF is corrupt or truncated"


class NotAPDF(IngestError):
    reason = "not a PDF, although the name says so"


class EmptyDocument(IngestError):
    reason = "the document is empty"


class NoTextLayer(IngestError):
    reason = "no text layer (image-only PDF; OCR it first)"


class UnreadableText(NoTextLayer):
    """A text layer whose glyphs map to no characters (a font without ToUnicode): as good as none."""

    reason = "no usable text layer: the glyphs have no Unicode mapping (OCR it first)"


class UnsupportedFormat(IngestError):
    reason = "unsupported file type"
