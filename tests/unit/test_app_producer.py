"""The worker's producer settings (issue 13): idempotent, lz4-compressed, a short linger."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from prometheus_client import CollectorRegistry

from streams.app import create_app
from streams.metrics import Metrics
from streams.settings import Settings


def _producer_config(settings: Settings) -> dict[str, Any]:
    app = create_app(settings, Metrics(CollectorRegistry()))
    producer: Any = app.producer  # built, not connected
    return {**producer._settings_default(), **producer._settings_extra()}


def test_app_producer_is_idempotent_with_lz4_and_linger(tmp_path: Path) -> None:
    config = _producer_config(Settings(bootstrap_servers="127.0.0.1:9", data_dir=tmp_path))
    assert config["enable_idempotence"] is True
    assert config["acks"] == -1
    assert config["compression_type"] == "lz4"
    assert config["linger_ms"] == 5


def test_app_producer_compression_is_a_setting(tmp_path: Path) -> None:
    settings = Settings(
        bootstrap_servers="127.0.0.1:9",
        data_dir=tmp_path,
        producer_compression="none",
        producer_linger_ms=0,
    )
    config = _producer_config(settings)
    assert config["compression_type"] is None
    assert config["linger_ms"] == 0
