"""The plumbing limit: a plain aiokafka consume -> produce loop, no extraction.

Same delivery pattern as the worker: each input message's output is sent and acknowledged
(acks=all) before the loop moves on, and offsets are committed from a consumer group.
"""

from __future__ import annotations

import asyncio
import time

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer


async def _loop(bootstrap: str, source: str, target: str, count: int, group: str) -> float:
    consumer = AIOKafkaConsumer(
        source,
        bootstrap_servers=bootstrap,
        group_id=group,
        auto_offset_reset="earliest",
        enable_auto_commit=True,
    )
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
    await consumer.start()
    await producer.start()
    done = 0
    started = None
    try:
        async for message in consumer:
            if started is None:
                started = time.monotonic()
            future = await producer.send(target, key=message.key, value=message.value)
            await future
            done += 1
            if done >= count:
                break
    finally:
        await consumer.stop()
        await producer.stop()
    return time.monotonic() - (started or time.monotonic())


def plumbing_rate(bootstrap: str, source: str, target: str, count: int, group: str) -> float:
    """Messages per second of the plain loop over `count` messages already on `source`."""
    seconds = asyncio.run(_loop(bootstrap, source, target, count, group))
    return count / seconds if seconds > 0 else float("inf")
