"""Settings come from the environment; a bad value is named, in Danish, and stops the command."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from index.settings import IndexSettings, SettingsError
from search_api.settings import ApiSettings

REPO = Path(__file__).resolve().parents[1]


def test_environment_then_arguments(monkeypatch, tmp_path):
    monkeypatch.setenv("MINUTES_DATA", str(tmp_path / "env"))
    monkeypatch.setenv("MINUTES_QUANTIZE", "off")
    monkeypatch.setenv("QDRANT_URL", "")
    monkeypatch.setenv("QDRANT_SHARDS", " 3 ")
    settings = IndexSettings()
    assert settings.data_dir == tmp_path / "env"
    assert settings.store_dir == tmp_path / "env" / "index"
    assert settings.quantize is False
    assert settings.qdrant_url is None  # empty is unset
    assert settings.shard_number == 3
    # An argument, by its variable or by its attribute, wins over the environment.
    assert IndexSettings(MINUTES_DATA=tmp_path / "a").data_dir == tmp_path / "a"
    assert IndexSettings(data_dir=str(tmp_path / "b")).data_dir == tmp_path / "b"


def test_defaults(monkeypatch):
    for variable in [env.variable for env in ApiSettings.fields().values()]:
        monkeypatch.delenv(variable, raising=False)
    settings = ApiSettings()
    assert settings.model == "multilingual-e5-small+onnx"
    assert settings.quantize is True
    assert (settings.host, settings.port, settings.api_key) == ("127.0.0.1", 8000, None)
    assert settings.cors_origins == []
    assert settings.models_dir == settings.data_dir / "models"


def test_api_settings_read_lists_and_bounds(monkeypatch):
    monkeypatch.setenv("MINUTES_CORS_ORIGINS", "https://a.dk, ,https://b.dk")
    monkeypatch.setenv("MINUTES_API_KEY", "")
    settings = ApiSettings(MINUTES_PORT="8080")
    assert settings.cors_origins == ["https://a.dk", "https://b.dk"]
    assert settings.api_key is None
    assert settings.port == 8080


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"MINUTES_PORT": "otte"}, "MINUTES_PORT: 'otte' er ikke et helt tal"),
        ({"MINUTES_PORT": "70000"}, "MINUTES_PORT: 70000 er ikke fra 1 til 65535"),
        ({"QDRANT_SHARDS": "0"}, "QDRANT_SHARDS: 0 er ikke mindst 1"),
        ({"MINUTES_QUANTIZE": "måske"}, "MINUTES_QUANTIZE: 'måske' er ikke en af"),
        ({"MINUTES_DATA": ""}, "MINUTES_DATA: en mappe skal angives"),
    ],
)
def test_bad_values_are_named(values, message):
    with pytest.raises(SettingsError, match=message):
        ApiSettings(**values)


def test_unknown_setting_is_a_mistake():
    with pytest.raises(TypeError, match="MINUTES_DATTA"):
        IndexSettings(MINUTES_DATTA="/tmp")


def test_cli_stops_on_a_bad_value(tmp_path):
    env = dict(os.environ, MINUTES_DATA=str(tmp_path), QDRANT_SHARDS="nul")
    env.pop("MINUTES_URL", None)
    result = subprocess.run(
        [sys.executable, "-m", "cli", "stats"], cwd=REPO, env=env, capture_output=True, text=True
    )
    assert result.returncode == 2
    assert "ugyldig indstilling: QDRANT_SHARDS: 'nul' er ikke et helt tal" in result.stderr
