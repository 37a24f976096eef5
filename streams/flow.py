"""How the agent keeps the event loop free and many articles in flight.

`ExtractionRunner` runs `process_message` in a bounded executor (threads, or processes when
configured), never on the event loop: a slow article must not stop heartbeats, or the group
rebalances and redelivers it again and again. Each article has a time budget; past it the
article becomes one `extraction_timeout` dead letter. Python cannot stop a running thread,
so a timed-out extraction finishes in the background on its executor slot and its result is
dropped; the slot is only given back when it is really free, so budgets measure extraction
time and never time spent queued.

`InFlight` bounds how many articles are between "taken from the stream" and "every record
acknowledged"; `AckInOrder` acks an input message only when all of its records, and every
earlier message of its partition, are acknowledged. faust then commits only offsets whose
messages are done, so delivery stays at-least-once while articles overlap.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
from collections import deque
from collections.abc import Awaitable, Callable, Coroutine
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from datetime import datetime
from typing import Any

from streams.processing import EXTRACTION_TIMEOUT, Extractor, Outcome, Source, process_message
from streams.processing import rejected as rejected_outcome
from streams.settings import Settings

log = logging.getLogger("streams.worker")


def make_executor(settings: Settings) -> tuple[Executor, int]:
    """The extraction executor and its number of slots.

    Processes are forked at once, before the event loop and the Kafka clients exist, from
    a parent that has already loaded the extraction data (shared copy-on-write).
    """
    if settings.extraction_processes > 0:
        pool = ProcessPoolExecutor(
            settings.extraction_processes, mp_context=multiprocessing.get_context("fork")
        )
        pool.submit(int).result()
        return pool, settings.extraction_processes
    threads = ThreadPoolExecutor(settings.extraction_threads, thread_name_prefix="extract")
    return threads, settings.extraction_threads


class ExtractionRunner:
    """process_message off the event loop, at most `slots` at once, each within a budget."""

    def __init__(self, settings: Settings, extract: Extractor) -> None:
        self._settings = settings
        self._extract = extract
        self._executor, slots = make_executor(settings)
        self._slots = asyncio.Semaphore(slots)

    async def run(self, raw: bytes | None, source: Source, now: datetime) -> Outcome:
        settings = self._settings
        await self._slots.acquire()
        loop = asyncio.get_running_loop()
        future: Future[Outcome] = self._executor.submit(
            process_message,
            raw,
            source,
            max_bytes=settings.max_article_bytes,
            now=now,
            extract=self._extract,
            dlq_limit=settings.dlq_max_payload_bytes,
        )
        future.add_done_callback(lambda _: _call_soon(loop, self._slots.release))
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), settings.extraction_timeout)
        except TimeoutError:
            detail = (
                f"extraction took longer than {settings.extraction_timeout:g} s "
                "(STREAMS_EXTRACTION_TIMEOUT)"
            )
            log.warning(
                "article at %s/%d@%d: %s", source.topic, source.partition, source.offset, detail
            )
            return rejected_outcome(
                raw, source, EXTRACTION_TIMEOUT, detail, settings.dlq_max_payload_bytes
            )

    def shutdown(self, wait: bool = False) -> None:
        self._executor.shutdown(wait=wait, cancel_futures=True)


def _call_soon(loop: asyncio.AbstractEventLoop, callback: Any) -> None:
    # The loop may have closed while a timed-out extraction was still running.
    with contextlib.suppress(RuntimeError):
        loop.call_soon_threadsafe(callback)


class InFlight:
    """At most `size` articles in flight; the first failure is raised to the agent.

    A failed article is never acked, so its offset and every later one of its partition stay
    uncommitted; `on_failure` (the worker: crash and exit non-zero) lets a restart redeliver
    them instead of the worker running on with a stuck partition.
    """

    def __init__(
        self, size: int, on_failure: Callable[[BaseException], object] | None = None
    ) -> None:
        self._slots = asyncio.Semaphore(size)
        self._tasks: set[asyncio.Task[None]] = set()
        self._failure: BaseException | None = None
        self._on_failure = on_failure

    async def add(self, work: Coroutine[Any, Any, None]) -> None:
        if self._failure is not None:
            work.close()  # never started: its message stays unacked, so it is redelivered
            raise self._failure
        try:
            await self._slots.acquire()
        except asyncio.CancelledError:  # the worker stops while the window is full
            work.close()
            raise
        task = asyncio.create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._finished)

    def _finished(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        self._slots.release()
        failure = None if task.cancelled() else task.exception()
        if failure is not None and self._failure is None:
            self._failure = failure
            log.error("sending the records of an article failed: %r", failure)
            if self._on_failure is not None:
                self._on_failure(failure)


class _Pending:
    __slots__ = ("done", "event")

    def __init__(self, event: Any) -> None:
        self.event = event
        self.done = False


class AckInOrder:
    """Acks each partition's input messages in offset order, whatever order they finish in.

    faust-streaming (Consumer._new_offset) commits the first run of consecutive acked
    offsets; its check against the committed offset lets that run start one past it (and
    there is no check before the first commit), so acks out of order could commit past an
    article still in flight. Acked in order, every committed offset is really done.
    """

    def __init__(self, ack: Callable[[Any], Awaitable[Any]]) -> None:
        self._ack = ack
        self._queues: dict[Any, deque[_Pending]] = {}

    def track(self, event: Any) -> _Pending:
        """Call in the order the stream delivers the events."""
        pending = _Pending(event)
        self._queues.setdefault(event.message.tp, deque()).append(pending)
        return pending

    async def finished(self, pending: _Pending) -> None:
        pending.done = True
        queue = self._queues[pending.event.message.tp]
        while queue and queue[0].done:
            await self._ack(queue.popleft().event)
