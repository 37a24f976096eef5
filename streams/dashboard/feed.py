"""Reads the events into the store: `events.canonical` when a canonical worker writes it,
else `events`.

A plain consumer with no group (it commits nothing, so it never takes partitions from a
worker): it starts at the offsets of `hours` ago and follows the topics. While only `events`
exists it checks every RECHECK_SECONDS whether `events.canonical` appeared, and switches.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from typing import Any

from streams.dashboard.points import Point, point_from_canonical, point_from_event
from streams.dashboard.store import Store
from streams.kafka_clients import consumer
from streams.settings import Settings
from streams.topics import EVENTS

log = logging.getLogger(__name__)

EVENTS_CANONICAL = "events.canonical"
RECHECK_SECONDS = 30.0
POLL_MS = 300
RETRY_SECONDS = 5.0


class Feed(threading.Thread):
    def __init__(self, settings: Settings, store: Store) -> None:
        super().__init__(name="dashboard-feed", daemon=True)
        self.settings = settings
        self.store = store
        self.stopping = threading.Event()

    def run(self) -> None:
        """Follow the topics; on a broker error, log it and start again (the map stays)."""
        while not self.stopping.is_set():
            try:
                self._follow()
            except Exception:
                log.exception("dashboard feed failed; retrying in %.0f s", RETRY_SECONDS)
                self.stopping.wait(RETRY_SECONDS)

    def _follow(self) -> None:
        client = consumer(self.settings, group_id=None, enable_auto_commit=False)
        try:
            canonical = self._assign(client)
            next_check = time.monotonic() + RECHECK_SECONDS
            while not self.stopping.is_set():
                for records in client.poll(timeout_ms=POLL_MS).values():
                    for record in records:
                        self._take(record)
                if not canonical and time.monotonic() > next_check:
                    next_check = time.monotonic() + RECHECK_SECONDS
                    if self._canonical_written(client):
                        canonical = self._assign(client)
        finally:
            client.close()

    def _assign(self, client: Any) -> bool:
        """Assign every partition of the topics read; True when canonical events exist."""
        from kafka import TopicPartition

        canonical_topic = self.settings.topic(EVENTS_CANONICAL)
        canonical = self._canonical_written(client)
        topics = [self.settings.topic(EVENTS)] + ([canonical_topic] if canonical else [])
        log.info("dashboard reads %s", ", ".join(topics))
        partitions = [
            TopicPartition(topic, p)
            for topic in topics
            for p in sorted(client.partitions_for_topic(topic) or [])
        ]
        client.assign(partitions)
        since_ms = int((time.time() - self.store.hours * 3600) * 1000)
        found = client.offsets_for_times(dict.fromkeys(partitions, since_ms))
        ends = client.end_offsets(partitions)
        for tp in partitions:
            at = found.get(tp)
            client.seek(tp, at.offset if at is not None else ends[tp])
        self.store.set_source(topics[-1])
        return canonical

    def _canonical_written(self, client: Any) -> bool:
        """`events.canonical` exists and a canonical worker has written to it (`streams topics
        create` makes the topic whether or not a canonical worker runs)."""
        from kafka import TopicPartition

        topic = self.settings.topic(EVENTS_CANONICAL)
        if topic not in client.topics():
            return False
        partitions = [TopicPartition(topic, p) for p in client.partitions_for_topic(topic) or []]
        return any(offset > 0 for offset in client.end_offsets(partitions).values())

    def _take(self, record: Any) -> None:
        try:
            data = json.loads(record.value)
        except (TypeError, ValueError):
            return
        if not isinstance(data, dict):
            return
        received = record.timestamp / 1000 if record.timestamp else time.time()
        point: Point | None
        if record.topic == self.settings.topic(EVENTS_CANONICAL):
            point = point_from_canonical(data, received)
        else:
            self._remember(data)
            if self.store.source_topic != record.topic:
                return  # canonical events are drawn; plain events only lend their evidence
            point = point_from_event(data, received)
        if point is not None:
            self.store.upsert(point)

    def _remember(self, data: dict[str, Any]) -> None:
        evidence = data.get("evidence")
        sentence = evidence.get("sentence") if isinstance(evidence, dict) else None
        event_id = data.get("event_id")
        if isinstance(event_id, str) and isinstance(sentence, str):
            self.store.remember_evidence(event_id, sentence)
