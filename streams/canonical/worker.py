"""`streams canonical`: the canonical worker, a faust worker of its own consumer group."""

from __future__ import annotations

import logging
from typing import Any

from streams.errors import BrokerError
from streams.settings import Settings

log = logging.getLogger("streams.canonical")


def ensure_topics(settings: Settings) -> None:
    """The project topics, and the internal re-key topic with the same partition count.

    faust would declare the re-key topic itself, but only while it starts: its first
    assignment then misses the topic (not yet in the metadata) and the merge agent reads
    nothing until a later rebalance. Created here, it is there before the group forms.
    """
    from streams.canonical.app import TABLES, blocks_topic_name, changelog_topic_name
    from streams.topics import _create, admin_client, broker_count, create_topics
    from streams.topics import replication_factor as factor_for

    create_topics(settings)
    name = blocks_topic_name(settings)
    changelogs = [changelog_topic_name(settings, table) for table in TABLES]
    with admin_client(settings) as admin:
        present = set(admin.list_topics())
        factor = factor_for(settings, broker_count(admin))
        if name not in present:
            _create(admin, [name], settings.partitions, factor, 30.0)
        missing = [topic for topic in changelogs if topic not in present]
        if missing:
            _create_compacted(admin, missing, settings.partitions, factor)


def _create_compacted(admin: Any, names: list[str], partitions: int, factor: int) -> None:
    """The tables' changelogs as faust declares them (compacted); created before the group
    forms for the same reason as the re-key topic: a first assignment that misses one
    crash-loops the merge agent (faust's PartitionsMismatch) until the next rebalance."""
    from kafka.errors import TopicAlreadyExistsError

    spec = {
        name: {
            "num_partitions": partitions,
            "replication_factor": factor,
            "configs": {"cleanup.policy": "compact"},
        }
        for name in names
    }
    result = admin.create_topics(spec, timeout_ms=30_000, raise_errors=False)
    failed = [
        topic
        for topic in result.get("topics", [])
        if topic.get("error_code", 0) not in (0, TopicAlreadyExistsError.errno)
    ]
    if failed:
        raise BrokerError(f"creating the canonical changelogs failed: {failed}")
    admin.wait_for_topics(names, timeout_ms=30_000)


def run_canonical_worker(settings: Settings) -> int:
    import faust

    from streams.canonical.app import create_canonical_app
    from streams.worker import bind_web_port

    web_socket = bind_web_port(
        settings.model_copy(update={"web_port": settings.canonical_web_port})
    )
    ensure_topics(settings)
    app = create_canonical_app(settings, web_socket=web_socket)
    log.info(
        "canonical worker %s: %s -> %s (store %s, window %d days); /metrics on port %d",
        settings.canonical_app_id,
        settings.topic("events"),
        settings.topic("events.canonical"),
        settings.canonical_store,
        settings.canonical_window_days,
        web_socket.getsockname()[1],
    )
    worker = faust.Worker(
        app, loglevel=settings.log_level, redirect_stdouts=False, override_logging=False
    )
    worker.spinner = None
    worker.execute_from_commandline()
    return 0
