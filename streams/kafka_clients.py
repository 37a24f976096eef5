"""kafka-python clients configured from Settings (bootstrap and security in one place)."""

from __future__ import annotations

import socket
from typing import Any

from streams.errors import BrokerError
from streams.settings import Settings

REACH_TIMEOUT_SECONDS = 3.0


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


def reachable(bootstrap: str, timeout: float = REACH_TIMEOUT_SECONDS) -> bool:
    """True when a TCP connection to any bootstrap server opens within the timeout."""
    for server in bootstrap.split(","):
        host, _, port = server.strip().rpartition(":")
        try:
            with socket.create_connection((host, int(port)), timeout=timeout):
                return True
        except (OSError, ValueError):
            continue
    return False


def require_broker(settings: Settings) -> None:
    """Fail in seconds with one line, before a Kafka client retries for half a minute."""
    if not reachable(settings.bootstrap):
        hint = (
            "start it with `streams broker start`"
            if settings.uses_local_broker
            else "check KAFKA_BOOTSTRAP_SERVERS"
        )
        raise BrokerError(f"cannot reach Kafka at {settings.bootstrap}; {hint}")
