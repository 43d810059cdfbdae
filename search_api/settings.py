"""Settings of the HTTP service, on top of the index settings; validated when the app is built."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, field_validator
from pydantic_settings import NoDecode

from index.settings import IndexSettings


class ApiSettings(IndexSettings):
    host: str = Field(default="127.0.0.1", alias="MINUTES_HOST")
    port: int = Field(default=8000, ge=1, le=65535, alias="MINUTES_PORT")
    api_key: str | None = Field(default=None, alias="MINUTES_API_KEY")
    cors_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=list, alias="MINUTES_CORS_ORIGINS"
    )
    max_upload_bytes: int = Field(default=50 * 1024 * 1024, ge=1, alias="MINUTES_MAX_UPLOAD_BYTES")
    max_query_chars: int = Field(default=500, ge=1)
    max_limit: int = Field(default=100, ge=1)
    max_offset: int = Field(default=1000, ge=0)
    export_max: int = Field(default=1000, ge=1)

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        if isinstance(value, str):
            return [v.strip() for v in value.split(",") if v.strip()]
        return value

    @field_validator("api_key", mode="before")
    @classmethod
    def _empty_key_is_unset(cls, value: object) -> object:
        return None if value == "" else value
