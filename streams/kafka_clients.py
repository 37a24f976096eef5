"""kafka-python clients configured from Settings (bootstrap and security in one place)."""

from __future__ import annotations

from typing import Any

from streams.settings import Settings


def client_config(settings: Settings) -> dict[str, Any]:
    config: dict[str, Any] = {
        "bootstrap_servers": settings.bootstrap.split(","),
        "security_protocol": settings.security_protocol.upper(),
    }
    if config["security_protocol"].startswith("SASL"):
        config["sasl_mechanism"] = settings.sasl_mechanism
        config["sasl_plain_username"] = settings.sasl_username
        if settings.sasl_password is not None:
            config["sasl_plain_password"] = settings.sasl_password.get_secret_value()
    if settings.ssl_cafile is not None:
        config["ssl_cafile"] = str(settings.ssl_cafile)
    return config


def producer(settings: Settings, **overrides: Any) -> Any:
    from kafka import KafkaProducer

    options = {"acks": "all", "linger_ms": 5, "retries": 5, **overrides}
    return KafkaProducer(**client_config(settings), **options)


def consumer(settings: Settings, *topics: str, **overrides: Any) -> Any:
    from kafka import KafkaConsumer

    return KafkaConsumer(*topics, **client_config(settings), **overrides)
