"""One settings object for where minutes keeps its data and which engine and model it uses."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


def _default_data_dir() -> Path:
    return Path.home() / ".local" / "share" / "minutes"


class IndexSettings(BaseSettings):
    """Read from the environment (`MINUTES_DATA`, `QDRANT_URL`, ...), validated at start."""

    model_config = SettingsConfigDict(env_prefix="", extra="ignore", populate_by_name=True)

    data_dir: Path = Field(default_factory=_default_data_dir, alias="MINUTES_DATA")
    model_cache: Path | None = Field(default=None, alias="MINUTES_MODEL_CACHE")
    model: str = Field(default="multilingual-e5-small+onnx", alias="MINUTES_MODEL")
    quantize: bool = Field(default=True, alias="MINUTES_QUANTIZE")
    qdrant_url: str | None = Field(default=None, alias="QDRANT_URL")
    qdrant_api_key: str | None = Field(default=None, alias="QDRANT_API_KEY")
    collection: str = Field(default="minutes", alias="MINUTES_COLLECTION")
    shard_number: int = Field(default=1, ge=1, alias="QDRANT_SHARDS")
    replication_factor: int = Field(default=1, ge=1, alias="QDRANT_REPLICATION")

    @field_validator("qdrant_url", "qdrant_api_key", "model_cache", mode="before")
    @classmethod
    def _empty_is_unset(cls, value: object) -> object:
        return None if value == "" else value

    @property
    def models_dir(self) -> Path:
        return self.model_cache or (self.data_dir / "models")

    @property
    def files_dir(self) -> Path:
        return self.data_dir / "files"

    @property
    def store_dir(self) -> Path:
        return self.data_dir / "index"
