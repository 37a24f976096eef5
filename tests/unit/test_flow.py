"""Extraction off the event loop with a budget, and the bounded window of articles in flight."""

from __future__ import annotations

import asyncio
import json
import time
from datetime import UTC, datetime

import pytest

from streams.extraction import ExtractionResult
from streams.flow import AckInOrder, ExtractionRunner, InFlight
from streams.processing import DLQ, Source
from streams.schemas import Article
from streams.settings import Settings

NOW = datetime(2025, 10, 22, tzinfo=UTC)
RAW = json.dumps({"id": "a", "text": "Drones hit Kyiv."}).encode()


def _slow(article: Article, *, extracted_at: datetime | None = None) -> ExtractionResult:
    time.sleep(1.5 if article.id == "slow" else 0.0)
    return ExtractionResult([], [])


def test_flow_article_over_budget_is_one_timeout_dead_letter_and_others_go_on() -> None:
    settings = Settings(extraction_timeout=0.3, extraction_threads=2)
    slow = json.dumps({"id": "slow", "text": "Drones hit Kyiv."}).encode()

    async def scenario() -> tuple[list[str | None], float, bool]:
        runner = ExtractionRunner(settings, _slow)
        started = time.monotonic()
        timed_out = await runner.run(slow, Source("articles", 0, 1), NOW)
        fast = await runner.run(RAW, Source("articles", 0, 2), NOW)
        elapsed = time.monotonic() - started
        [record] = timed_out.records
        runner.shutdown(wait=True)  # the timed-out extraction still runs in its thread
        return [timed_out.rejected_reason, fast.rejected_reason], elapsed, record.topic == DLQ

    reasons, elapsed, to_dlq = asyncio.run(scenario())
    assert reasons == ["extraction_timeout", None]
    assert to_dlq
    assert elapsed < 1.2, "the next article waited for the slow one"


def test_flow_in_flight_is_bounded_and_raises_a_failure() -> None:
    failures: list[BaseException] = []

    async def scenario() -> tuple[int, list[int]]:
        window = InFlight(2, on_failure=failures.append)
        running: list[int] = []
        peak = 0

        async def work(seconds: float) -> None:
            nonlocal peak
            running.append(1)
            peak = max(peak, len(running))
            await asyncio.sleep(seconds)
            running.pop()

        for _ in range(5):
            await window.add(work(0.05))

        async def fail() -> None:
            raise RuntimeError("send failed")

        await window.add(fail())
        await asyncio.sleep(0.2)
        with pytest.raises(RuntimeError, match="send failed"):
            await window.add(work(0.0))
        return peak, running

    peak, running = asyncio.run(scenario())
    assert peak == 2
    assert running == []
    assert [str(failure) for failure in failures] == ["send failed"]


class _Message:
    def __init__(self, tp: str, offset: int) -> None:
        self.tp = tp
        self.offset = offset


class _Event:
    def __init__(self, tp: str, offset: int) -> None:
        self.message = _Message(tp, offset)


def test_flow_acks_each_partition_in_offset_order_whatever_finishes_first() -> None:
    acked: list[tuple[str, int]] = []

    async def ack(event: _Event) -> None:
        acked.append((event.message.tp, event.message.offset))

    async def scenario() -> list[list[tuple[str, int]]]:
        order = AckInOrder(ack)
        a0, a1, b0, a2 = (
            order.track(_Event(tp, n)) for tp, n in [("a", 0), ("a", 1), ("b", 0), ("a", 2)]
        )
        steps = []
        for pending in (a1, a2, b0, a0):
            await order.finished(pending)
            steps.append(list(acked))
        return steps

    steps = asyncio.run(scenario())
    assert steps[0] == [] and steps[1] == []  # offsets 1 and 2 wait for offset 0
    assert steps[2] == [("b", 0)]
    assert steps[3] == [("b", 0), ("a", 0), ("a", 1), ("a", 2)]
