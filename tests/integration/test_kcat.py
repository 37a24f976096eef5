"""Generic consumers read what the worker published: Debian's kcat, and the examples/
(kcat.sh, consume_events.py with kafka-python + jsonschema, Kafka's console consumer).

scripts/ensure-debian-tools installs kcat.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from kafka import KafkaProducer

from streams.articles_io import read_articles
from streams.schemagen import SCHEMA_DIR
from streams.settings import PROJECT_ROOT
from tests.integration.conftest import Pipeline

pytestmark = pytest.mark.integration

SEED = PROJECT_ROOT / "seeds" / "01-russia-overnight-assault-ukraine.txt"
EXAMPLES = PROJECT_ROOT / "examples"
EVENT_SCHEMA = SCHEMA_DIR / "event.v1.0.json"
CE_HEADERS = {"content-type", "schema-version", "ce_specversion", "ce_id", "ce_type", "ce_time"}
BAD_KEY = "not-an-event"
BAD_TOPIC = "events.humanitarian"


@pytest.fixture(scope="module")
def processed(
    kafka_bootstrap: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Pipeline, int]]:
    """A pipeline whose worker processed the seed article; with its number of events."""
    pipeline = Pipeline(kafka_bootstrap, tmp_path_factory.mktemp("kcat"))
    try:
        pipeline.start_worker()
        [loaded] = list(read_articles([str(SEED)]))
        pipeline.produce([loaded.article.model_dump_json().encode()])
        pipeline.wait_metric("streams_articles_processed_total", lambda v: v >= 1, timeout=60)
        published = sum(
            value
            for name, value in pipeline.scrape().items()
            if name.startswith("streams_events_published_total{")
        )
        assert published >= 3, f"the seed article gave {published} events"
        yield pipeline, int(published)
    finally:
        pipeline.stop()


def kcat() -> str:
    binary = shutil.which("kcat")
    if binary is None:
        pytest.fail("kcat not installed: run scripts/ensure-debian-tools")
    return binary


def run(command: list[str], env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, capture_output=True, text=True, timeout=120, check=False, env=env, cwd=PROJECT_ROOT
    )


def header_map(envelope: dict[str, Any]) -> dict[str, str]:
    """kcat -J gives headers as a flat [name, value, name, value, ...] list."""
    flat = envelope.get("headers") or []
    return dict(zip(flat[::2], flat[1::2], strict=True))


def check_envelopes(lines: list[str], expected: int) -> None:
    envelopes = [json.loads(line) for line in lines if line.strip()]
    assert len(envelopes) == expected
    for envelope in envelopes:
        event = json.loads(envelope["payload"])
        assert envelope["key"] == event["event_id"]
        assert event["event_type"]
        headers = header_map(envelope)
        assert set(headers) >= CE_HEADERS
        assert headers["ce_id"] == envelope["key"]
        assert headers["ce_type"] == f"org.streams.event.{event['event_type']}.v1"
        assert headers["content-type"] == "application/json"


@pytest.mark.timeout(180)
def test_kcat_json_envelopes_of_events_topic(processed: tuple[Pipeline, int]) -> None:
    pipeline, published = processed
    topic = pipeline.settings.topic("events")
    consume = [kcat(), "-C", "-q", "-b", pipeline.settings.bootstrap, "-t", topic]
    done = run([*consume, "-o", "beginning", "-e", "-J"])
    assert done.returncode == 0, done.stderr
    check_envelopes(done.stdout.splitlines(), published)


@pytest.mark.timeout(180)
def test_kcat_format_prints_key_headers_and_event(processed: tuple[Pipeline, int]) -> None:
    pipeline, published = processed
    topic = pipeline.settings.topic("events")
    consume = [kcat(), "-C", "-q", "-b", pipeline.settings.bootstrap, "-t", topic]
    done = run([*consume, "-o", "beginning", "-e", "-f", "%k\t%h\t%s\n"])
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == published
    for line in lines:
        key, headers, value = line.split("\t", 2)
        event = json.loads(value)
        assert key == event["event_id"]
        assert f"ce_id={key}" in headers.split(",")
        assert f"ce_type=org.streams.event.{event['event_type']}.v1" in headers.split(",")


def example_env(pipeline: Pipeline) -> dict[str, str]:
    return {
        **os.environ,
        "KAFKA_BOOTSTRAP_SERVERS": pipeline.settings.bootstrap,
        "STREAMS_TOPIC_PREFIX": pipeline.settings.topic_prefix,
        "PYTHON": sys.executable,
        "PATH": f"{Path(sys.executable).parent}:{os.environ.get('PATH', '')}",
    }


@pytest.mark.timeout(180)
def test_kcat_example_script_prints_envelopes(processed: tuple[Pipeline, int]) -> None:
    pipeline, published = processed
    kcat()
    done = run([str(EXAMPLES / "kcat.sh"), "events"], env=example_env(pipeline))
    assert done.returncode == 0, done.stderr
    check_envelopes(done.stdout.splitlines(), published)


@pytest.mark.timeout(180)
def test_kcat_consume_events_example_validates_against_schema(
    processed: tuple[Pipeline, int],
) -> None:
    pipeline, published = processed
    command = [sys.executable, str(EXAMPLES / "consume_events.py"), "--schema", str(EVENT_SCHEMA)]
    command += ["--from-beginning", "--idle-timeout", "8"]
    done = run(command, env=example_env(pipeline))
    assert done.returncode == 0, done.stderr
    valid = [line.split() for line in done.stdout.splitlines() if line.startswith("ok ")]
    assert len(valid) == published
    assert all(fields[-1] == f"org.streams.event.{fields[3]}.v1" for fields in valid)
    assert f"{published} message(s), 0 invalid" in done.stderr


@pytest.mark.timeout(180)
def test_kcat_consume_events_example_reports_invalid_message(
    processed: tuple[Pipeline, int],
) -> None:
    pipeline, _ = processed
    topic = pipeline.settings.topic(BAD_TOPIC)
    producer = KafkaProducer(bootstrap_servers=pipeline.settings.bootstrap)
    producer.send(topic, key=BAD_KEY.encode(), value=b'{"event_id": "x", "category": "nope"}')
    producer.flush(timeout=30)
    producer.close()
    command = [sys.executable, str(EXAMPLES / "consume_events.py"), "--schema", str(EVENT_SCHEMA)]
    command += ["--topic", topic, "--from-beginning", "--idle-timeout", "8"]
    done = run(command, env=example_env(pipeline))
    assert done.returncode == 1, done.stdout + done.stderr
    [invalid] = [line for line in done.stderr.splitlines() if line.startswith("INVALID")]
    assert f"key=b'{BAD_KEY}'" in invalid
    assert "category" in invalid


@pytest.mark.timeout(240)
def test_kcat_console_consumer_example_prints_events(processed: tuple[Pipeline, int]) -> None:
    pipeline, published = processed
    command = [str(EXAMPLES / "console-consumer.sh"), "events", "--timeout-ms", "8000"]
    command += ["--max-messages", str(published)]
    done = run(command, env=example_env(pipeline))
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    assert len(lines) == published, done.stderr[-2000:]
    for line in lines:
        headers, key, value = line.split("\t", 2)
        assert key == json.loads(value)["event_id"]
        assert f"ce_id:{key}" in headers.split(",")
