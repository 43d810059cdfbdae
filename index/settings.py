"""One settings object for where minutes keeps its data and which engine and model it uses.

Read from the environment by a few lines of its own rather than pydantic-settings: every CLI
command reads these, and importing pydantic for them cost 0.09 s of a 0.5 s `minutes show`
(docs/BENCHMARKS.md, issue 16).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar


class SettingsError(ValueError):
    """An environment value that cannot be used, named by its variable (in Danish: users read it)."""


@dataclass(frozen=True)
class Env:
    """One setting: the variable it is read from, how a value is read, its default."""

    variable: str
    read: Callable[[Any], Any]
    default: Callable[[], Any] = lambda: None


def text(value: Any) -> str:
    return str(value)


def optional_text(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)


def path(value: Any) -> Path:
    if value == "":
        raise ValueError("en mappe skal angives")
    return Path(value)


def optional_path(value: Any) -> Path | None:
    return None if value is None or value == "" else Path(value)


_TRUE = {"1", "true", "yes", "on", "t", "y"}
_FALSE = {"0", "false", "no", "off", "f", "n"}


def flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    word = str(value).strip().lower()
    if word in _TRUE | _FALSE:
        return word in _TRUE
    raise ValueError(f"'{value}' er ikke en af {', '.join(sorted(_TRUE | _FALSE))}")


def integer(low: int, high: int | None = None) -> Callable[[Any], int]:
    def read(value: Any) -> int:
        try:
            number = int(str(value).strip())
        except ValueError:
            raise ValueError(f"'{value}' er ikke et helt tal") from None
        if number < low or (high is not None and number > high):
            bound = f"fra {low} til {high}" if high is not None else f"mindst {low}"
            raise ValueError(f"{number} er ikke {bound}")
        return number

    return read


def comma_list(value: Any) -> list[str]:
    items = value if isinstance(value, list | tuple) else str(value).split(",")
    return [str(v).strip() for v in items if str(v).strip()]


class EnvSettings:
    """Settings read from the environment at construction; keyword arguments named by the
    variable (`MINUTES_DATA=...`) or by the attribute (`data_dir=...`) take their place."""

    FIELDS: ClassVar[dict[str, Env]] = {}

    def __init__(self, **values: Any) -> None:
        fields = type(self).fields()
        by_variable = {env.variable: name for name, env in fields.items()}
        for key in values:
            if key not in fields and key not in by_variable:
                raise TypeError(f"{type(self).__name__} has no setting {key}")
        given = {by_variable.get(key, key): value for key, value in values.items()}
        for name, env in fields.items():
            if name in given:
                raw = given[name]
            elif env.variable in os.environ:
                raw = os.environ[env.variable]
            else:
                setattr(self, name, env.default())
                continue
            try:
                setattr(self, name, env.read(raw))
            except ValueError as exc:
                raise SettingsError(f"{env.variable}: {exc}") from None

    @classmethod
    def fields(cls) -> dict[str, Env]:
        merged: dict[str, Env] = {}
        for klass in reversed(cls.__mro__):
            merged.update(vars(klass).get("FIELDS", {}))
        return merged

    def __repr__(self) -> str:
        values = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.fields())
        return f"{type(self).__name__}({values})"


def _default_data_dir() -> Path:
    return Path.home() / ".local" / "share" / "minutes"


class IndexSettings(EnvSettings):
    """Where the data lives (`MINUTES_DATA`), the engine (`QDRANT_URL`, ...) and the model."""

    data_dir: Path
    model_cache: Path | None
    model: str
    quantize: bool
    qdrant_url: str | None
    qdrant_api_key: str | None
    collection: str
    shard_number: int
    replication_factor: int

    FIELDS: ClassVar[dict[str, Env]] = {
        "data_dir": Env("MINUTES_DATA", path, _default_data_dir),
        "model_cache": Env("MINUTES_MODEL_CACHE", optional_path),
        "model": Env("MINUTES_MODEL", text, lambda: "multilingual-e5-small+onnx"),
        "quantize": Env("MINUTES_QUANTIZE", flag, lambda: True),
        "qdrant_url": Env("QDRANT_URL", optional_text),
        "qdrant_api_key": Env("QDRANT_API_KEY", optional_text),
        "collection": Env("MINUTES_COLLECTION", text, lambda: "minutes"),
        "shard_number": Env("QDRANT_SHARDS", integer(1), lambda: 1),
        "replication_factor": Env("QDRANT_REPLICATION", integer(1), lambda: 1),
    }

    @property
    def models_dir(self) -> Path:
        return self.model_cache or (self.data_dir / "models")

    @property
    def files_dir(self) -> Path:
        return self.data_dir / "files"

    @property
    def store_dir(self) -> Path:
        return self.data_dir / "index"
