"""The plumbing limit: consume -> produce without extraction, three ways.

- `ack_each`: each input message's output is sent and acknowledged (acks=all) before the
  loop moves on (the worker's delivery pattern before issue 13): it measures that pattern,
  not the pipe.
- `pipelined`: a whole fetched batch is sent without waiting, the producer is flushed,
  then the batch's offsets are committed (at-least-once), with lz4 and idempotence as the
  worker has them now.
- Kafka's own `ProducerPerformance` and `ConsumerPerformance` (kafka-producer-perf-test,
  kafka-consumer-perf-test) from the broker's jars: the hardware's limit on this broker.
"""

from __future__ import annotations

import asyncio
import re
import subprocess
import time

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from streams import broker
from streams.settings import Settings


def _consumer(bootstrap: str, source: str, group: str, auto_commit: bool) -> AIOKafkaConsumer:
    return AIOKafkaConsumer(
        source,
        bootstrap_servers=bootstrap,
        group_id=group,
        auto_offset_reset="earliest",
        enable_auto_commit=auto_commit,
    )


async def _ack_each(bootstrap: str, source: str, target: str, count: int, group: str) -> float:
    consumer = _consumer(bootstrap, source, group, auto_commit=True)
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


async def _pipelined(bootstrap: str, source: str, target: str, count: int, group: str) -> float:
    consumer = _consumer(bootstrap, source, group, auto_commit=False)
    producer = AIOKafkaProducer(
        bootstrap_servers=bootstrap,
        acks="all",
        enable_idempotence=True,
        compression_type="lz4",
        linger_ms=5,
    )
    await consumer.start()
    await producer.start()
    done = 0
    started = None
    try:
        while done < count:
            batches = await consumer.getmany(timeout_ms=500, max_records=1000)
            if started is None and batches:
                started = time.monotonic()
            for messages in batches.values():
                for message in messages:
                    await producer.send(target, key=message.key, value=message.value)
                done += len(messages)
            await producer.flush()
            await consumer.commit()
    finally:
        await consumer.stop()
        await producer.stop()
    return time.monotonic() - (started or time.monotonic())


def plumbing_rate(
    bootstrap: str, source: str, target: str, count: int, group: str, *, pipelined: bool = False
) -> float:
    """Messages per second of one plain loop over `count` messages already on `source`."""
    loop = _pipelined if pipelined else _ack_each
    seconds = asyncio.run(loop(bootstrap, source, target, count, group))
    return count / seconds if seconds > 0 else float("inf")


def _kafka_tool(settings: Settings, main: str, *args: str) -> str:
    command = [
        "java",
        "-Xmx512m",
        f"-Dlog4j2.configurationFile={broker.TOOLS_LOG4J}",
        "-cp",
        broker.console_tool_classpath(settings),
        f"org.apache.kafka.tools.{main}",
        *args,
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, check=True)
    return done.stdout


def producer_perf_test(
    settings: Settings, bootstrap: str, topic: str, records: int, size: int
) -> float:
    """kafka-producer-perf-test with the worker's producer settings: records per second."""
    out = _kafka_tool(
        settings,
        "ProducerPerformance",
        "--topic",
        topic,
        "--num-records",
        str(records),
        "--record-size",
        str(size),
        "--throughput",
        "-1",
        "--producer-props",
        f"bootstrap.servers={bootstrap}",
        "acks=all",
        "enable.idempotence=true",
        "compression.type=lz4",
        "linger.ms=5",
    )
    final = out.strip().splitlines()[-1]
    match = re.search(r"([\d.]+) records/sec", final)
    if match is None:
        raise RuntimeError(f"unexpected ProducerPerformance output: {final}")
    return float(match.group(1))


def consumer_perf_test(settings: Settings, bootstrap: str, topic: str, records: int) -> float:
    """kafka-consumer-perf-test over `records` already on the topic: messages per second."""
    out = _kafka_tool(
        settings,
        "ConsumerPerformance",
        "--bootstrap-server",
        bootstrap,
        "--topic",
        topic,
        "--num-records",
        str(records),
        "--timeout",
        "60000",
    )
    lines = [line for line in out.strip().splitlines() if line and line[0].isdigit()]
    header = next(line for line in out.splitlines() if "nMsg.sec" in line)
    columns = [name.strip() for name in header.split(",")]
    values = [value.strip() for value in lines[-1].split(",")]
    return float(values[columns.index("nMsg.sec")])
