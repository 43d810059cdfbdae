"""Ingest: PDF, text, markdown or portal HTML in; a typed `Document` out.

The names below load on first use (PEP 562), so `from ingest.records import …`
does not import the PDF reader: a search reads records, never PDFs.
"""

import os
import sys
from importlib import import_module

# pymupdf imports its optional layout analyser (`pymupdf.layout`, installed with it) on
# import: an ONNX model loaded in 0.4-0.6 s that only `find_tables(use_layout=True)` uses,
# and ingest/pdf_tables.py passes use_layout=False. Marked absent, pymupdf goes without it,
# and is told not to print its advice to install it.
sys.modules.setdefault("pymupdf.layout", None)  # type: ignore[arg-type]
os.environ.setdefault("PYMUPDF_SUGGEST_LAYOUT_ANALYZER", "0")
# pymupdf also imports pymupdf4llm (its to_markdown), and through it onnxruntime: 0.2-0.4 s of
# every parse, for functions nothing here calls. Its import changed three MuPDF settings;
# ingest/pdf_page.py makes them itself, so pages read as before.
sys.modules.setdefault("pymupdf4llm", None)  # type: ignore[arg-type]

_WHERE = {
    "AngledText": "ingest.errors",
    "CorruptPDF": "ingest.errors",
    "EmptyDocument": "ingest.errors",
    "EncryptedPDF": "ingest.errors",
    "IngestError": "ingest.errors",
    "NotAPDF": "ingest.errors",
    "NoTextLayer": "ingest.errors",
    "UnreadableText": "ingest.errors",
    "UnsupportedFormat": "ingest.errors",
    "parse_bytes": "ingest.parse",
    "parse_file": "ingest.parse",
    "Block": "ingest.records",
    "BlockKind": "ingest.records",
    "Document": "ingest.records",
    "DocumentKind": "ingest.records",
    "Item": "ingest.records",
    "Meeting": "ingest.records",
    "Section": "ingest.records",
    "SectionKind": "ingest.records",
}


def __getattr__(name: str):
    if name in _WHERE:
        value = getattr(import_module(_WHERE[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'ingest' has no attribute {name!r}")


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
