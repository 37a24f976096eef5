"""The local Kafka broker launcher and topic creation, against a real broker started here.

The broker runs on free ports in 29110-29199 with a temporary broker home; the jars come
from the shared cache (STREAMS_BROKER_JARS or .cache/kafka-libs), fetched once by Maven.
"""

from __future__ import annotations

import random
import socket
import string
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from kafka import KafkaConsumer, KafkaProducer, TopicPartition

from streams import broker, topics
from streams.errors import BrokerError, ToolMissingError
from streams.kafka_clients import client_config
from streams.schemas import CATEGORIES
from streams.settings import Settings

pytestmark = [pytest.mark.integration, pytest.mark.timeout(240)]

TIMINGS: dict[str, float] = {}


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _free_port_pair() -> tuple[int, int]:
    candidates = list(range(29110, 29198, 2))
    random.shuffle(candidates)
    for port in candidates:
        if _port_free(port) and _port_free(port + 1):
            return port, port + 1
    pytest.fail("no free port pair in 29110-29199")


def _settings(home: Path, **extra: object) -> Settings:
    port, controller = _free_port_pair()
    return Settings(
        broker_port=port,
        broker_controller_port=controller,
        broker_home=home,
        topic_prefix="it.",
        **extra,  # type: ignore[arg-type]
    )


@pytest.fixture(scope="module")
def running(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    settings = _settings(tmp_path_factory.mktemp("kafka-home"))
    began = time.monotonic()
    started = broker.start(settings, timeout=120)
    TIMINGS["cold_start_s"] = time.monotonic() - began
    assert started.running and not started.already_running
    try:
        yield settings
    finally:
        broker.stop(settings)
        print(f"\nbroker timings: {TIMINGS}")


def test_broker_start_again_is_harmless(running: Settings) -> None:
    first_pid = broker.status(running).pid
    again = broker.start(running, timeout=30)
    assert again.running and again.already_running
    assert again.pid == first_pid
    assert "already running" in again.message
    assert again.describe() == (
        f"running: 127.0.0.1:{running.broker_port}, pid {first_pid} "
        f"(broker already running (pid {first_pid}))"
    )


def test_broker_status_reports_pid_and_bootstrap(running: Settings) -> None:
    current = broker.status(running)
    assert current.state == "running"
    assert current.bootstrap == f"127.0.0.1:{running.broker_port}"
    assert current.pid == int(broker.pid_file(running).read_text())
    assert broker.broker_answers(current.bootstrap)


def test_broker_log_is_quiet_and_in_broker_home(running: Settings) -> None:
    out = (broker.logs_dir(running) / "broker.out").read_text()
    assert "INFO" not in out
    log = broker.logs_dir(running) / "server.log"
    lines = log.read_text().splitlines() if log.exists() else []
    assert all(" INFO " not in line and " DEBUG " not in line for line in lines)


def test_topics_names_cover_every_category(running: Settings) -> None:
    names = topics.topic_names(running)
    assert names[:3] == ["it.articles", "it.articles.dlq", "it.events"]
    assert {f"it.events.{category}" for category in CATEGORIES} == set(names[3:-1])
    assert names[-1] == "it.events.canonical"
    assert len(names) == len(set(names))


def test_topics_create_is_idempotent_with_partitions(running: Settings) -> None:
    first = topics.create_topics(running)
    second = topics.create_topics(running)
    assert set(first) == set(topics.topic_names(running))
    assert set(first.values()) == {"created"}
    assert set(second.values()) == {"exists"}
    partitions = topics.describe_partitions(running)
    assert partitions == dict.fromkeys(topics.topic_names(running), running.partitions)


def test_topics_replication_factor_beyond_brokers_is_a_broker_error(running: Settings) -> None:
    too_many = running.model_copy(update={"topic_prefix": "it3.", "replication_factor": 3})
    with pytest.raises(BrokerError, match="replication factor of 3"):
        topics.create_topics(too_many)


def test_broker_produce_consume_roundtrip(running: Settings) -> None:
    topics.create_topics(running)
    topic = running.topic("articles")
    producer = KafkaProducer(**client_config(running))
    sent = producer.send(topic, key=b"a-1", value=b'{"id": "a-1", "text": "x"}').get(timeout=30)
    producer.close()
    consumer = KafkaConsumer(consumer_timeout_ms=10_000, **client_config(running))
    partition = TopicPartition(topic, sent.partition)
    consumer.assign([partition])
    consumer.seek(partition, sent.offset)
    received = next(iter(consumer))
    consumer.close()
    assert (received.key, received.value) == (b"a-1", b'{"id": "a-1", "text": "x"}')


def test_broker_console_consumer_reads_topic(running: Settings) -> None:
    topics.create_topics(running)
    topic = running.topic("articles.dlq")
    producer = KafkaProducer(**client_config(running))
    producer.send(topic, key=b"k", value=b"rejected article").get(timeout=30)
    producer.close()
    lines = broker.run_console_consumer(
        running, topic, max_messages=1, extra=["--formatter-property", "print.key=true"]
    )
    assert lines == ["k\trejected article"]


def test_broker_port_in_use_is_a_clear_error(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as squatter:
        squatter.bind(("127.0.0.1", settings.broker_port))
        squatter.listen()
        with pytest.raises(BrokerError, match=f"port {settings.broker_port} is in use"):
            broker.start(settings)
    assert not broker.pid_file(settings).exists()


@pytest.mark.parametrize(("tool", "hint"), [("java", "OpenJDK 17"), ("mvn", "Maven")])
def test_broker_missing_tool_is_one_clear_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tool: str, hint: str
) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for other in {"java", "mvn"} - {tool}:
        (bin_dir / other).symlink_to(f"/usr/bin/{other}")
    monkeypatch.setenv("PATH", str(bin_dir))
    # An empty jar cache forces a Maven fetch, so a missing mvn is noticed.
    monkeypatch.setenv(broker.JARS_ENV, str(tmp_path / "jars"))
    with pytest.raises(ToolMissingError, match=hint) as caught:
        broker.start(_settings(tmp_path / "home"))
    assert str(caught.value).startswith(f"{tool} not found")
    assert "\n" not in str(caught.value)


def test_broker_jars_stamp_skips_maven(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    jars = tmp_path / "jars"
    jars.mkdir()
    (jars / broker.STAMP_NAME).write_text(broker.pom_hash() + "\n")
    monkeypatch.setenv(broker.JARS_ENV, str(jars))
    monkeypatch.setenv("PATH", str(tmp_path))  # no mvn: a fetch would raise
    assert broker.ensure_jars(_settings(tmp_path / "home")) == jars


def test_broker_stale_stamp_refetches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    jars = tmp_path / "jars"
    jars.mkdir()
    (jars / broker.STAMP_NAME).write_text("hash-of-an-older-pom\n")
    monkeypatch.setenv(broker.JARS_ENV, str(jars))
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ToolMissingError, match="mvn not found"):
        broker.ensure_jars(_settings(tmp_path / "home"))


def test_broker_stop_then_warm_restart_keeps_topics(running: Settings) -> None:
    topics.create_topics(running)
    stopped = broker.stop(running)
    assert stopped.state == "stopped"
    assert broker.status(running).state == "stopped"
    assert not broker.pid_file(running).exists()
    began = time.monotonic()
    restarted = broker.start(running, timeout=90)
    TIMINGS["warm_start_s"] = time.monotonic() - began
    assert restarted.running and not restarted.already_running
    assert set(topics.create_topics(running).values()) == {"exists"}


def test_broker_reset_wipes_topics(running: Settings) -> None:
    topics.create_topics(running)
    restarted = broker.start(running, timeout=90, reset=True)
    assert restarted.running and not restarted.already_running
    assert set(topics.create_topics(running).values()) == {"created"}


def test_broker_cluster_ids_are_valid_for_the_storage_tool() -> None:
    ids = {broker.new_cluster_id() for _ in range(2000)}
    assert len(ids) == 2000
    assert all(len(cid) == 22 and not cid.startswith("-") for cid in ids)
    assert all(set(cid) <= set(string.ascii_letters + string.digits + "-_") for cid in ids)
