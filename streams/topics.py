"""The project's topics: their names and their creation with a chosen partition count.

The broker never creates topics on its own (auto.create.topics.enable=false on the local
broker); `create_topics` is the one place they come from, and running it twice is harmless.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Literal

from streams.errors import BrokerError
from streams.kafka_clients import client_config, require_broker
from streams.schemas import CATEGORIES
from streams.settings import Settings

log = logging.getLogger(__name__)

ARTICLES = "articles"
ARTICLES_DLQ = "articles.dlq"
EVENTS = "events"
EVENTS_CANONICAL = "events.canonical"
MAX_REPLICATION = 3
# One key per happening, the latest version kept: consumers read the current state of every
# canonical event; an old version goes once the cleaner runs.
TOPIC_CONFIGS: dict[str, dict[str, str]] = {
    EVENTS_CANONICAL: {"cleanup.policy": "compact", "min.compaction.lag.ms": "60000"}
}

CreateOutcome = Literal["created", "exists"]


def topic_names(settings: Settings) -> list[str]:
    """Every topic of the project, prefixed: articles, articles.dlq, events, events.<category>,
    events.canonical."""
    bare = [
        ARTICLES,
        ARTICLES_DLQ,
        EVENTS,
        *(f"{EVENTS}.{c}" for c in CATEGORIES),
        EVENTS_CANONICAL,
    ]
    return [settings.topic(name) for name in bare]


def _describe(settings: Settings) -> str:
    """Where we connect, for log lines and errors (never the password)."""
    user = f" as {settings.sasl_username}" if settings.sasl_username else ""
    return f"{settings.bootstrap} ({settings.security_protocol}{user})"


@contextmanager
def admin_client(settings: Settings, timeout_s: float = 30.0) -> Iterator[Any]:
    """A connected KafkaAdminClient, closed on exit; BrokerError when Kafka is unreachable."""
    from kafka import KafkaAdminClient
    from kafka.errors import KafkaError

    timeout_ms = int(timeout_s * 1000)
    try:
        admin = KafkaAdminClient(
            client_id=f"{settings.app_id}-admin",
            request_timeout_ms=timeout_ms,
            bootstrap_timeout_ms=timeout_ms,
            **client_config(settings),
        )
    except (KafkaError, OSError) as exc:
        raise BrokerError(f"cannot reach Kafka at {_describe(settings)}: {exc!r}") from exc
    try:
        yield admin
    finally:
        admin.close()


def broker_count(admin: Any) -> int:
    return len(admin.describe_cluster()["brokers"])


def replication_factor(settings: Settings, brokers: int) -> int:
    """The configured factor, else min(3, brokers) so a single broker gets 1."""
    if settings.replication_factor is not None:
        return settings.replication_factor
    return max(1, min(MAX_REPLICATION, brokers))


def create_topics(settings: Settings, timeout_s: float = 30.0) -> dict[str, CreateOutcome]:
    """Create every missing project topic; return topic -> "created" or "exists"."""
    from kafka.errors import KafkaError

    names = topic_names(settings)
    with admin_client(settings, timeout_s) as admin:
        try:
            existing = set(admin.list_topics())
            factor = replication_factor(settings, broker_count(admin))
            missing = [name for name in names if name not in existing]
            if missing:
                log.info(
                    "creating %d topics on %s: %d partitions, replication factor %d",
                    len(missing),
                    _describe(settings),
                    settings.partitions,
                    factor,
                )
                _create(admin, missing, settings.partitions, factor, timeout_s, settings)
        except KafkaError as exc:
            raise BrokerError(f"creating topics on {_describe(settings)} failed: {exc!r}") from exc
    return {name: "exists" if name in existing else "created" for name in names}


def _create(  # noqa: PLR0917  # the settings give the per-topic configs
    admin: Any,
    names: list[str],
    partitions: int,
    factor: int,
    timeout_s: float,
    settings: Settings | None = None,
) -> None:
    """Create names; a topic that appeared meanwhile (another worker won the race) is fine."""
    from kafka.errors import TopicAlreadyExistsError

    configs = {settings.topic(k): v for k, v in TOPIC_CONFIGS.items()} if settings else {}
    spec = {
        name: {"num_partitions": partitions, "replication_factor": factor}
        | ({"configs": configs[name]} if name in configs else {})
        for name in names
    }
    timeout_ms = int(timeout_s * 1000)
    result = admin.create_topics(spec, timeout_ms=timeout_ms, raise_errors=False)
    for topic in result.get("topics", []):
        code = topic.get("error_code", 0)
        if code and code != TopicAlreadyExistsError.errno:
            raise BrokerError(
                f"creating topic {topic.get('name')} failed: "
                f"error {code} {topic.get('error_message') or ''}".rstrip()
            )
    # The create response precedes leader election; wait so producers can use them at once.
    admin.wait_for_topics(names, timeout_ms=timeout_ms)


def describe_partitions(settings: Settings, timeout_s: float = 30.0) -> dict[str, int]:
    """Partition count of every existing project topic (missing topics are left out)."""
    names = topic_names(settings)
    require_broker(settings)
    with admin_client(settings, timeout_s) as admin:
        present = [name for name in names if name in set(admin.list_topics())]
        described = admin.describe_topics(present) if present else []
    return {entry["name"]: len(entry["partitions"]) for entry in described}


def topics_report(settings: Settings) -> tuple[list[str], int]:
    """`streams topics list`: one line per project topic as the broker sees it; and the
    number of missing topics. BrokerError when the broker cannot be reached."""
    partitions = describe_partitions(settings, timeout_s=10.0)
    names = topic_names(settings)
    width = max(len(name) for name in names)
    lines = [
        f"{name:<{width}}  {partitions[name]} partition(s)"
        if name in partitions
        else f"{name:<{width}}  missing"
        for name in names
    ]
    return lines, sum(name not in partitions for name in names)
