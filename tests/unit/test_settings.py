import logging

import pytest
from prometheus_client import CollectorRegistry

from streams.app import broker_credentials, create_app
from streams.kafka_clients import client_config
from streams.metrics import Metrics
from streams.settings import Settings

SECRET = "hunter2-do-not-log"


def _sasl_settings() -> Settings:
    return Settings(
        bootstrap_servers="127.0.0.1:9",
        security_protocol="SASL_PLAINTEXT",
        sasl_username="svc-streams",
        sasl_password=SECRET,  # type: ignore[arg-type]
        app_id="secret-test",
    )


def test_settings_secret_never_in_repr_or_credentials_repr() -> None:
    settings = _sasl_settings()
    assert SECRET not in repr(settings) and SECRET not in str(settings.model_dump())
    credentials = broker_credentials(settings)
    assert SECRET not in repr(credentials)
    assert credentials.password == SECRET
    assert client_config(settings)["sasl_plain_password"] == SECRET


def test_settings_secret_not_in_logs_or_metrics(caplog: pytest.LogCaptureFixture) -> None:
    metrics = Metrics(CollectorRegistry())
    with caplog.at_level(logging.DEBUG):
        create_app(_sasl_settings(), metrics)
    assert SECRET not in caplog.text
    assert SECRET.encode() not in metrics.render()


def test_settings_kafka_bootstrap_servers_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092")
    monkeypatch.setenv("STREAMS_PARTITIONS", "8")
    settings = Settings()
    assert settings.bootstrap == "kafka-1:9092,kafka-2:9092"
    assert not settings.uses_local_broker
    assert settings.partitions == 8
