"""Settings of the HTTP service, on top of the index settings; validated when the app is built."""

from __future__ import annotations

from typing import ClassVar

from index.settings import Env, IndexSettings, comma_list, integer, optional_text, text


class ApiSettings(IndexSettings):
    host: str
    port: int
    api_key: str | None
    cors_origins: list[str]
    max_upload_bytes: int
    max_query_chars: int
    max_limit: int
    max_offset: int
    export_max: int

    FIELDS: ClassVar[dict[str, Env]] = {
        "host": Env("MINUTES_HOST", text, lambda: "127.0.0.1"),
        "port": Env("MINUTES_PORT", integer(1, 65535), lambda: 8000),
        "api_key": Env("MINUTES_API_KEY", optional_text),
        "cors_origins": Env("MINUTES_CORS_ORIGINS", comma_list, list),
        "max_upload_bytes": Env("MINUTES_MAX_UPLOAD_BYTES", integer(1), lambda: 50 * 1024 * 1024),
        "max_query_chars": Env("MINUTES_MAX_QUERY_CHARS", integer(1), lambda: 500),
        "max_limit": Env("MINUTES_MAX_LIMIT", integer(1), lambda: 100),
        "max_offset": Env("MINUTES_MAX_OFFSET", integer(0), lambda: 1000),
        "export_max": Env("MINUTES_EXPORT_MAX", integer(1), lambda: 1000),
    }
