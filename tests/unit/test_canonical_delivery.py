"""streams.canonical.delivery: what the canonical worker commits, fetches and resumes.

No broker: the consumer and the recovery service of a real canonical App are driven by hand.
tests/integration/test_canonical.py runs the same through kill -9 and a rebalance.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import faust
import pytest
from faust.types import TP
from faust.types.tuples import ConsumerMessage

from streams.canonical.app import blocks_topic_name, create_canonical_app
from streams.canonical.delivery import HandledOnlyConsumer, SeekFirstRecovery, mark_handled
from streams.settings import Settings


@pytest.fixture
def app(tmp_path: Path) -> faust.App:
    return create_canonical_app(Settings(data_dir=tmp_path, topic_prefix="t"))


def consumer_of(app: faust.App) -> HandledOnlyConsumer:
    consumer = app.consumer
    assert isinstance(consumer, HandledOnlyConsumer)
    return consumer


def message(topic: str, offset: int) -> ConsumerMessage:
    tp = TP(topic, 0)
    return ConsumerMessage(topic, 0, offset, 0.0, 0, [], b"k", b"v", None, tp=tp)


def acking(app: faust.App, *topics: str) -> None:
    """What faust's conductor does once it subscribed the agents' topics."""
    app.topics._acking_topics.update(topics)  # type: ignore[attr-defined]


def test_canonical_delivery_guards_the_agents_topics(app: faust.App) -> None:
    settings = Settings(topic_prefix="t")
    assert consumer_of(app).guarded_topics == {
        settings.topic("events"),
        blocks_topic_name(settings),
    }
    assert isinstance(app.tables.recovery, SeekFirstRecovery)


def test_canonical_delivery_commits_only_handled_records_of_guarded_topics(
    app: faust.App,
) -> None:
    consumer, events = consumer_of(app), Settings(topic_prefix="t").topic("events")
    acking(app, events, "other")
    skipped, handled, other = message(events, 5), message(events, 6), message("other", 1)
    for record in (skipped, handled, other):
        consumer.track_message(record)
    mark_handled(app, handled)
    assert skipped.ack(consumer) is False  # what a stream does with a record it skipped
    assert handled.ack(consumer) is True
    assert other.ack(consumer) is True  # unguarded topics: faust's own behaviour
    assert consumer._acked[skipped.tp] == [6]
    assert consumer._acked[other.tp] == [1]
    assert skipped.acked and not consumer.unacked  # nothing left for wait_empty to wait on


def test_canonical_delivery_a_read_gap_in_a_guarded_topic_is_not_acked(app: faust.App) -> None:
    consumer, events = consumer_of(app), Settings(topic_prefix="t").topic("events")
    guarded, other = TP(events, 0), TP("other", 0)
    asyncio.run(consumer._add_gap(guarded, 3, 7))
    asyncio.run(consumer._add_gap(other, 3, 7))
    assert not consumer._gap[guarded]
    assert sorted((i.begin, i.end) for i in consumer._gap[other]) == [(3, 8)]


def test_canonical_delivery_fetches_with_a_copy_and_never_with_an_empty_set(
    app: faust.App, monkeypatch: pytest.MonkeyPatch
) -> None:
    consumer = consumer_of(app)
    asked: list[Any] = []

    class Thread:
        async def getmany(self, partitions: Any, timeout: float) -> dict[TP, list[Any]]:
            asked.append(partitions)
            return {}

    monkeypatch.setattr(consumer, "_thread", Thread())
    live = {TP("t.events", 0)}
    asyncio.run(consumer._getmany(live, timeout=0.01))
    asyncio.run(consumer._getmany(set(), timeout=0.01))
    [partitions] = asked  # the empty set never reached aiokafka ("every partition" there)
    assert partitions == live and partitions is not live


def test_canonical_delivery_recovery_seeks_before_it_resumes_the_stream_partitions(
    app: faust.App, monkeypatch: pytest.MonkeyPatch
) -> None:
    recovery, consumer = app.tables.recovery, consumer_of(app)
    calls: list[str] = []
    stream = TP("t.events", 0)
    changelog = TP("streams-canonical-canonical-events-changelog", 0)

    async def perform_seek() -> None:
        calls.append("seek")

    async def nothing() -> None:
        return None

    async def passthrough(coro: Any, timeout: Any = None) -> None:
        await coro

    monkeypatch.setattr(consumer, "assignment", lambda: {stream, changelog})
    monkeypatch.setattr(consumer, "perform_seek", perform_seek)
    monkeypatch.setattr(
        consumer, "resume_partitions", lambda tps: calls.append(f"resume {sorted(tps)}")
    )
    monkeypatch.setattr(consumer, "resume_flow", lambda: calls.append("flow"))
    monkeypatch.setattr(app.flow_control, "resume", lambda: calls.append("clear queues"))
    monkeypatch.setattr(recovery, "_wait", passthrough)
    monkeypatch.setattr(app._fetcher, "maybe_start", nothing)  # type: ignore[attr-defined]
    asyncio.run(recovery.on_recovery_completed(app.consumer_generation_id))
    assert calls == ["seek", "clear queues", "flow", f"resume {[stream]}"]


def test_canonical_worker_creates_the_changelogs_faust_uses_compacted(
    app: faust.App, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Created before the group forms, like the re-key topic (see ensure_topics)."""
    import contextlib

    import streams.topics
    from streams.canonical.app import TABLES
    from streams.canonical.worker import ensure_topics

    settings = Settings(topic_prefix="t")
    created: dict[str, Any] = {}

    class Admin:
        def list_topics(self) -> list[str]:
            return [blocks_topic_name(settings)]

        def create_topics(self, spec: dict[str, Any], **_: Any) -> dict[str, Any]:
            created.update(spec)
            return {"topics": [{"name": name, "error_code": 0} for name in spec]}

        def wait_for_topics(self, names: list[str], **_: Any) -> None:
            assert set(names) <= set(created)

    monkeypatch.setattr(streams.topics, "create_topics", lambda s: {})
    monkeypatch.setattr(streams.topics, "admin_client", lambda s: contextlib.nullcontext(Admin()))
    monkeypatch.setattr(streams.topics, "broker_count", lambda admin: 1)
    ensure_topics(settings)
    faust_names = {app.tables[table].changelog_topic.get_topic_name() for table in TABLES}
    assert set(created) == faust_names
    assert all(spec["configs"]["cleanup.policy"] == "compact" for spec in created.values())
    assert {spec["num_partitions"] for spec in created.values()} == {settings.partitions}
