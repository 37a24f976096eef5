"""A real Kafka broker for the integration tests, and a worker process to test against.

Broker: KAFKA_BOOTSTRAP_SERVERS when set; else testcontainers' Kafka when a Docker engine
answers; else the project's own local broker in a temporary folder on free ports.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from kafka import KafkaConsumer, KafkaProducer, TopicPartition

from streams import broker
from streams.metrics import scrape
from streams.settings import PROJECT_ROOT, Settings
from streams.topics import create_topics

pytestmark = pytest.mark.integration


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _docker_engine_answers() -> bool:
    if shutil.which("docker") is None:
        return False
    probe = subprocess.run(["docker", "info"], capture_output=True, timeout=20, check=False)
    return probe.returncode == 0


@pytest.fixture(scope="session")
def kafka_bootstrap(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    external = os.environ.get("KAFKA_BOOTSTRAP_SERVERS")
    if external:
        yield external
        return
    if _docker_engine_answers():
        from testcontainers.kafka import KafkaContainer

        with KafkaContainer() as container:
            yield container.get_bootstrap_server()
        return
    settings = Settings(
        bootstrap_servers=None,
        broker_port=free_port(),
        broker_controller_port=free_port(),
        broker_home=tmp_path_factory.mktemp("kafka-home"),
    )
    broker.start(settings)
    try:
        yield settings.bootstrap
    finally:
        broker.stop(settings)


class Pipeline:
    """Topics with a unique prefix on the test broker, and a `streams worker` process."""

    def __init__(self, bootstrap: str, log_dir: Path, partitions: int = 4) -> None:
        self.prefix = f"t{uuid.uuid4().hex[:8]}."
        self.settings = Settings(
            bootstrap_servers=bootstrap,
            topic_prefix=self.prefix,
            app_id=f"streams-test-{self.prefix.strip('.')}",
            partitions=partitions,
            web_port=free_port(),
            max_article_bytes=200_000,
        )
        self.log_dir = log_dir
        self.workers: list[subprocess.Popen[bytes]] = []
        self.extra_env: dict[str, str] = {}
        create_topics(self.settings)

    @property
    def metrics_url(self) -> str:
        return f"http://127.0.0.1:{self.settings.web_port}/metrics"

    def env(self, web_port: int | None = None) -> dict[str, str]:
        settings = self.settings
        return {
            **os.environ,
            "KAFKA_BOOTSTRAP_SERVERS": self.settings.bootstrap,
            "STREAMS_TOPIC_PREFIX": settings.topic_prefix,
            "STREAMS_APP_ID": settings.app_id,
            "STREAMS_PARTITIONS": str(settings.partitions),
            "STREAMS_WEB_PORT": str(web_port or settings.web_port),
            "STREAMS_MAX_ARTICLE_BYTES": str(settings.max_article_bytes),
            **self.extra_env,
        }

    def start_worker(
        self, web_port: int | None = None, wrapper: list[str] | None = None
    ) -> subprocess.Popen[bytes]:
        """A worker process (run through `wrapper` when given), once it has its partitions."""
        log = (self.log_dir / f"worker-{len(self.workers)}.log").open("wb")
        process = subprocess.Popen(
            [*(wrapper or []), sys.executable, "-m", "streams.cli", "worker"],
            stdout=log,
            stderr=subprocess.STDOUT,
            env=self.env(web_port),
            cwd=PROJECT_ROOT,
        )
        self.workers.append(process)
        self.wait_metric(
            "streams_assigned_partitions",
            lambda v: v > 0,
            timeout=60,
            port=web_port,
            process=process,
        )
        return process

    def scrape(self, port: int | None = None) -> dict[str, float]:
        return scrape(f"http://127.0.0.1:{port or self.settings.web_port}/metrics")

    def wait_metric(
        self,
        name: str,
        accept: Any,
        timeout: float,
        port: int | None = None,
        process: subprocess.Popen[bytes] | None = None,
    ) -> float:
        deadline = time.monotonic() + timeout
        value = None
        while time.monotonic() < deadline:
            if process is not None and process.poll() is not None:
                raise AssertionError(f"worker exited with {process.returncode}; see {self.log_dir}")
            try:
                value = self.scrape(port).get(name)
            except OSError:
                value = None
            if value is not None and accept(value):
                return value
            time.sleep(0.25)
        raise AssertionError(f"{name} = {value} after {timeout}s; logs in {self.log_dir}")

    def produce(
        self,
        values: list[bytes],
        keys: list[bytes | None] | None = None,
        compression: str | None = None,
    ) -> None:
        producer = KafkaProducer(
            bootstrap_servers=self.settings.bootstrap,
            acks="all",
            max_request_size=8_000_000,
            compression_type=compression,
        )
        for index, value in enumerate(values):
            key = keys[index] if keys else None
            producer.send(self.settings.topic("articles"), key=key, value=value)
        producer.flush(timeout=30)
        producer.close()

    def consume(self, topic: str, expected: int, timeout: float = 60.0) -> list[Any]:
        """All records of a topic from the start, once at least `expected` have arrived.

        Reads every partition to its end offset: with redelivered duplicates the count alone
        can be reached before one partition's tail was read (ids then looked missing).
        """
        consumer = KafkaConsumer(
            bootstrap_servers=self.settings.bootstrap, enable_auto_commit=False, group_id=None
        )
        name = self.settings.topic(topic)
        partitions = [TopicPartition(name, p) for p in consumer.partitions_for_topic(name) or []]
        consumer.assign(partitions)
        consumer.seek_to_beginning(*partitions)
        records: list[Any] = []
        deadline = time.monotonic() + timeout
        try:
            while time.monotonic() < deadline:
                for batch in consumer.poll(timeout_ms=500).values():
                    records.extend(batch)
                if len(records) >= expected and _read_to_end(consumer, partitions):
                    return records
            return records
        finally:
            consumer.close()

    def stop(self) -> None:
        for process in self.workers:
            if process.poll() is None:
                process.terminate()
        for process in self.workers:
            try:
                process.wait(timeout=40)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _read_to_end(consumer: KafkaConsumer, partitions: list[TopicPartition]) -> bool:
    ends = consumer.end_offsets(partitions)
    return all(consumer.position(tp) >= ends[tp] for tp in partitions)


@pytest.fixture
def pipeline(kafka_bootstrap: str, tmp_path: Path) -> Iterator[Pipeline]:
    created = Pipeline(kafka_bootstrap, tmp_path)
    try:
        yield created
    finally:
        created.stop()
