"""Uploaded files read within one budget for the whole request, each under a plain file name."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import BinaryIO, Protocol

_SEPARATORS = re.compile(r"[/\\]")
_MAX_NAME = 200


class TooLarge(Exception):
    """The request's files together are over the limit."""

    def __init__(self, limit: int):
        self.limit = limit
        super().__init__(
            f"filerne fylder tilsammen mere end {limit} bytes (MINUTES_MAX_UPLOAD_BYTES)"
        )


class Upload(Protocol):
    filename: str | None
    file: BinaryIO


def safe_name(filename: str | None) -> str:
    """The last part of an uploaded name, with no path, control characters or dots in front.

    "....//....//x.pdf", "C:\\\\referater\\\\x.pdf" and "../x.pdf" are all "x.pdf": a name
    says nothing about where a file goes, and `index.identity` never replaces a
    document for its name unless asked to.
    """
    name = _SEPARATORS.split(filename or "")[-1]
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C").strip().lstrip(".")
    return name[-_MAX_NAME:] or "upload"


def read_uploads(files: Iterable[Upload], limit: int) -> list[tuple[str, bytes]]:
    """(name, bytes) of every file; `TooLarge` as soon as they add up to more than `limit`."""
    payloads = []
    left = limit
    for upload in files:
        data = upload.file.read(left + 1)
        if len(data) > left:
            raise TooLarge(limit)
        left -= len(data)
        payloads.append((safe_name(upload.filename), data))
    return payloads
