"""Broker, topics, workers and Kafka I/O for the end-to-end benchmark."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kafka import KafkaConsumer, KafkaProducer, TopicPartition

from streams.metrics import scrape as scrape_metrics
from streams.settings import PROJECT_ROOT, Settings
from streams.topics import create_topics


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def scrape(port: int) -> dict[str, float]:
    return scrape_metrics(f"http://127.0.0.1:{port}/metrics")


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of one process so far (0 once it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICKS


def machine_busy_seconds() -> float:
    """CPU seconds all cores spent not idle since boot (from /proc/stat)."""
    fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]
    return (sum(fields[:8]) - idle) / TICKS


@dataclass
class CpuMeter:
    """CPU seconds used by named processes (and the whole machine) between start and stop."""

    pids: dict[str, int]
    before: dict[str, float] = field(default_factory=dict)

    def start(self) -> None:
        self.before = self._now()

    def stop(self) -> dict[str, float]:
        now = self._now()
        used = {name: now[name] - self.before.get(name, 0.0) for name in now}
        ours = sum(v for k, v in used.items() if k not in ("machine", "wall"))
        used["other processes"] = max(0.0, used["machine"] - ours)  # ticks: can read < 0
        return used

    def _now(self) -> dict[str, float]:
        values = {name: cpu_seconds(pid) for name, pid in self.pids.items()}
        values["machine"] = machine_busy_seconds()
        values["wall"] = time.monotonic()
        return values


@dataclass
class Worker:
    process: subprocess.Popen[bytes]
    port: int

    def processed(self) -> float:
        try:
            samples = scrape(self.port)
        except OSError:
            return 0.0
        # Rejected articles went to the DLQ instead; an extractor error is also counted as
        # processed (the other extractors' events went out). Only *_total samples: the
        # counters' *_created samples are timestamps.
        rejected = sum(
            value
            for name, value in samples.items()
            if name.startswith("streams_articles_rejected_total")
            and "reason=extractor_error" not in name
        )
        return samples.get("streams_articles_processed_total", 0.0) + rejected


@dataclass
class Run:
    """One isolated set of topics (unique prefix) and its workers."""

    bootstrap: str
    partitions: int
    log_dir: Path
    prefix: str = field(default_factory=lambda: f"bench{uuid.uuid4().hex[:6]}.")
    workers: list[Worker] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.settings = Settings(
            bootstrap_servers=self.bootstrap,
            topic_prefix=self.prefix,
            app_id=f"bench-{self.prefix.strip('.')}",
            partitions=self.partitions,
        )
        create_topics(self.settings)

    def topic(self, name: str) -> str:
        return self.settings.topic(name)

    def start_worker(
        self, module: str = "streams.cli", extra_env: dict[str, str] | None = None
    ) -> Worker:
        """Start `python -m <module> worker` on this run's topics (module: a probe wrapper)."""
        port = free_port()
        env = {
            **os.environ,
            **(extra_env or {}),
            "KAFKA_BOOTSTRAP_SERVERS": self.bootstrap,
            "STREAMS_TOPIC_PREFIX": self.prefix,
            "STREAMS_APP_ID": self.settings.app_id,
            "STREAMS_WEB_PORT": str(port),
            "STREAMS_LOG_LEVEL": "WARNING",
        }
        log = (self.log_dir / f"{self.prefix}worker{len(self.workers)}.log").open("wb")
        # Another checkout's worker (e.g. the code before a change): `python -m` imports the
        # package from the working directory first.
        root = os.environ.get("STREAMS_BENCH_WORKER_ROOT") or PROJECT_ROOT
        process = subprocess.Popen(
            [sys.executable, "-m", module, "worker"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=root,
        )
        worker = Worker(process, port)
        self.workers.append(worker)
        return worker

    def wait_assigned(self, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            total = 0.0
            for worker in self.workers:
                with contextlib.suppress(OSError):
                    total += scrape(worker.port).get("streams_assigned_partitions", 0.0)
            if total >= self.partitions:
                return
            time.sleep(0.2)
        raise RuntimeError(f"workers did not get all partitions in {timeout}s")

    def processed(self) -> float:
        return sum(worker.processed() for worker in self.workers)

    def stop(self) -> None:
        for worker in self.workers:
            worker.process.terminate()
        for worker in self.workers:
            try:
                worker.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                worker.process.kill()


def produce(
    bootstrap: str, topic: str, articles: list[dict[str, Any]], rate: float | None = None
) -> dict[str, float]:
    """Send articles (optionally at a steady rate); returns article id -> produce timestamp."""
    producer = KafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=2)
    # Fetch the topic's metadata before the clock starts: otherwise the first send blocks
    # on it (~100 ms) and the pacing below catches up with a burst of ~20 articles, which
    # alone was the slowest 1% of the latency run.
    producer.partitions_for(topic)
    sent_at: dict[str, float] = {}
    started = time.monotonic()
    futures = []
    for index, article in enumerate(articles):
        if rate:
            delay = started + index / rate - time.monotonic()
            if delay > 0:
                time.sleep(delay)
        value = json.dumps(article).encode()
        futures.append(
            (article["id"], producer.send(topic, key=article["id"].encode(), value=value))
        )
    producer.flush(timeout=60)
    for article_id, future in futures:
        sent_at[article_id] = future.get(timeout=30).timestamp / 1000.0
    producer.close()
    return sent_at


def read_all(bootstrap: str, topic: str, expected: int, timeout: float) -> list[Any]:
    consumer = KafkaConsumer(
        bootstrap_servers=bootstrap,
        group_id=None,
        enable_auto_commit=False,
        max_partition_fetch_bytes=10_000_000,
    )
    partitions = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or []]
    consumer.assign(partitions)
    consumer.seek_to_beginning(*partitions)
    records: list[Any] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and len(records) < expected:
        for batch in consumer.poll(timeout_ms=500, max_records=5000).values():
            records.extend(batch)
    consumer.close()
    return records


def progress(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)
