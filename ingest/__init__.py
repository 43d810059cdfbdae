"""Ingest: PDF, text, markdown or portal HTML in; a typed `Document` out."""

from ingest.errors import (
    AngledText,
    CorruptPDF,
    EmptyDocument,
    EncryptedPDF,
    IngestError,
    NotAPDF,
    NoTextLayer,
    UnreadableText,
    UnsupportedFormat,
)
from ingest.parse import parse_bytes, parse_file
from ingest.records import (
    Block,
    BlockKind,
    Document,
    DocumentKind,
    Item,
    Meeting,
    Section,
    SectionKind,
)

__all__ = [
    "AngledText",
    "Block",
    "BlockKind",
    "CorruptPDF",
    "Document",
    "DocumentKind",
    "EmptyDocument",
    "EncryptedPDF",
    "IngestError",
    "Item",
    "Meeting",
    "NoTextLayer",
    "NotAPDF",
    "Section",
    "SectionKind",
    "UnreadableText",
    "UnsupportedFormat",
    "parse_bytes",
    "parse_file",
]
