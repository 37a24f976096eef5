"""At-least-once delivery into the canonical worker's agents across restores and rebalances.

faust-streaming 0.15 loses input records of a worker that restores tables, silently (seen in
tests/integration/test_canonical.py, kill -9 and rebalance, about 2 runs in 3):

1. faust hands aiokafka its live set of active partitions for each fetch. When the restore
   ends, every partition is paused for a moment, the set is empty, and aiokafka reads an
   empty set as "every partition": a fetch then returns the paused `events` records, faust
   drops them (their partition is not active) and aiokafka has moved its position past
   them. Those records never reach the agent and their offsets never commit: the partition
   stalls until the next restart. `HandledOnlyConsumer` fetches with a copy of the set,
   and nothing while it is empty.
2. `Recovery.on_recovery_completed` resumes the stream partitions before it seeks them to
   their committed offsets, while the fetcher runs and flow control is already active (both
   were resumed to read the changelogs). Records fetched in that window reach the agents'
   queues and move the consumer's read offset on; the seek makes the fetcher return them
   again and the consumer drops the copies as already read (a dev-only "DROPPED MESSAGE"
   log); then `flow_control.resume()` clears the agents' queues, so the first copies go
   too. The next record handled after that jump in read offsets opens a "gap" that faust
   counts as acked: the commit moves past records no agent saw. `SeekFirstRecovery` seeks
   while the partitions are paused and resumes them only once the queues are cleared.
3. A stream acks the records it skips (fetched before a rebalance, or taken while flow
   control is suspended) as if they were handled. `HandledOnlyConsumer` records an ack of
   an agent topic only for a record the agent marked handled (`mark_handled`); a skipped
   record stays uncommitted and is fetched again from the committed offset.
4. For the agents' topics `HandledOnlyConsumer` never counts a jump in read offsets as
   acked: `events` and the re-key topic are neither compacted nor transactional here (the
   producers are idempotent, without transactions), so a jump means records were lost on
   the way in. The commit then waits at the gap (a restart or rebalance reads it again) and
   a warning names it, instead of moving past it.

Redelivered records are merged again: the merge is idempotent (a member event changes
nothing, see `Canonicalizer`), so at-least-once here gives the same canonical events.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any, cast
from weakref import WeakSet

from faust.tables.manager import TableManager
from faust.tables.recovery import Recovery
from faust.transport.consumer import RecordMap
from faust.transport.drivers.aiokafka import Consumer
from faust.types import TP, AppT, Message
from faust.types.tuples import ack_lock
from mode.utils.futures import notify

log = logging.getLogger("streams.canonical")


class HandledOnlyConsumer(Consumer):
    """faust's aiokafka consumer; for `guarded_topics`, offsets move only past handled records."""

    guarded_topics: frozenset[str] = frozenset()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.handled: WeakSet[Message] = WeakSet()

    async def _getmany(self, active_partitions: set[TP] | None, timeout: float) -> RecordMap:
        if active_partitions is None:  # a client-only app: every assigned partition
            return await super()._getmany(None, timeout)
        snapshot = set(active_partitions)  # faust's own set changes while the fetch waits
        if not snapshot:  # aiokafka would read an empty set as "every partition"
            await asyncio.sleep(min(timeout, 1.0))
            return {}
        return await super()._getmany(snapshot, timeout)

    def ack(self, message: Message) -> bool:
        if message.topic not in self.guarded_topics:
            return super().ack(message)
        if message in self.handled:
            self.handled.discard(message)
            return super().ack(message)
        with ack_lock:  # skipped by the stream: done with it, but not committable
            message.acked = True
            self._unacked_messages.discard(message)
        notify(self._waiting_for_ack)
        log.info(
            "%s offset %d was skipped by faust during a rebalance, not handled: not committed, "
            "it is read again from the committed offset",
            message.tp,
            message.offset,
        )
        return False

    async def _add_gap(self, tp: TP, offset_from: int, offset_to: int) -> None:
        if tp.topic not in self.guarded_topics:
            await super()._add_gap(tp, offset_from, offset_to)
            return
        log.warning(
            "%s: offsets %d..%d were never delivered to the agent; the commit waits for them "
            "(a restart or rebalance reads them again). If the topic is compacted or written "
            "with transactions, such gaps are expected and this guard must go.",
            tp,
            offset_from,
            offset_to,
        )


def guarded_consumer(topics: set[str]) -> type[HandledOnlyConsumer]:
    """A `HandledOnlyConsumer` class guarding the offsets of `topics`."""
    return type(
        "HandledOnlyConsumer", (HandledOnlyConsumer,), {"guarded_topics": frozenset(topics)}
    )


def mark_handled(app: AppT, message: Message) -> None:
    """The agent is done with `message` (its outputs are acknowledged): its offset may commit."""
    consumer = app.consumer
    if isinstance(consumer, HandledOnlyConsumer):
        consumer.handled.add(message)


class SeekFirstRecovery(Recovery):
    """faust's Recovery, except that the stream partitions are sought before they resume."""

    async def on_recovery_completed(self, generation_id: int = 0) -> None:
        consumer = self.app.consumer
        self.log.info("Restore complete!")
        await self.app.on_rebalance_complete.send()
        self._set_recovery_ended()
        for table in self.tables.values():
            await table.on_recovery_completed(
                self.actives_for_table[table], self.standbys_for_table[table]
            )
        assignment = consumer.assignment()
        if self.app.consumer_generation_id != generation_id:
            self.log.warning("Recovery rebalancing again (generation %d)", generation_id)
            return
        if assignment:
            # The stream partitions are still paused: nothing of theirs is fetched or queued.
            self.log.info("Seek stream partitions to committed offsets.")
            await self._wait(consumer.perform_seek(), timeout=self.app.conf.broker_request_timeout)
        self.completed.set()
        self.app.flow_control.resume()  # clears the agents' queues: none holds a stream record
        consumer.resume_flow()
        consumer.resume_partitions({tp for tp in assignment if not self._is_changelog_tp(tp)})
        await cast(Any, self.app)._fetcher.maybe_start()
        self.tables.on_actives_ready()
        if not self.app.assignor.assigned_standbys():
            self.tables.on_standbys_ready()
        self.app.on_rebalance_end()
        self.log.info("Worker ready")


class SeekFirstTableManager(TableManager):
    """faust's TableManager with `SeekFirstRecovery`."""

    @property
    def recovery(self) -> Recovery:
        if self._recovery is None:
            self._recovery = SeekFirstRecovery(self.app, self, beacon=self.beacon, loop=self.loop)
        return self._recovery
