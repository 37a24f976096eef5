"""Nothing lost, nothing crashes: crashes, outages, shutdowns and rebalances on the real broker.

Measured figures are written to var/test-figures.json for the release notes.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from streams import broker
from streams.settings import PROJECT_ROOT, Settings
from tests.integration.conftest import Pipeline, free_port
from tests.integration.corpus import as_bytes, event_ids, expected_event_ids, many_articles

pytestmark = [pytest.mark.integration, pytest.mark.timeout(420)]

FIGURES = PROJECT_ROOT / "var" / "test-figures.json"


def record_figure(name: str, value: Any) -> None:
    FIGURES.parent.mkdir(parents=True, exist_ok=True)
    figures = json.loads(FIGURES.read_text()) if FIGURES.exists() else {}
    figures[name] = value
    FIGURES.write_text(json.dumps(figures, indent=2, sort_keys=True))


def wait_all_events(pipeline: Pipeline, expected: set[str], timeout: float) -> list[str]:
    deadline = time.monotonic() + timeout
    ids: list[str] = []
    while time.monotonic() < deadline:
        ids = event_ids(pipeline.consume("events", expected=len(expected), timeout=10))
        if expected <= set(ids):
            return ids
        time.sleep(1)
    missing = len(expected - set(ids))
    raise AssertionError(f"{missing} of {len(expected)} event ids missing after {timeout}s")


def test_reliability_crash_without_loss(pipeline: Pipeline) -> None:
    articles = many_articles(2000, prefix="crash")
    expected = expected_event_ids(articles)
    worker = pipeline.start_worker()
    pipeline.produce(as_bytes(articles))
    pipeline.wait_metric("streams_articles_processed_total", lambda v: v >= 300, timeout=120)
    os.kill(worker.pid, signal.SIGKILL)
    worker.wait()
    killed_at = time.monotonic()
    port = free_port()
    pipeline.start_worker(web_port=port)
    pipeline.wait_metric(
        "streams_articles_processed_total", lambda v: v > 0, timeout=120, port=port
    )
    recovery = time.monotonic() - killed_at
    ids = wait_all_events(pipeline, expected, timeout=180)
    assert set(ids) == expected, "the crash changed the set of event ids"
    duplicates = len(ids) - len(set(ids))
    record_figure("crash.duplicates", duplicates)
    record_figure("crash.recovery_seconds", round(recovery, 1))
    record_figure("crash.distinct_event_ids", len(expected))


def test_reliability_graceful_shutdown_commits_and_exits(pipeline: Pipeline) -> None:
    articles = many_articles(1500, prefix="sigterm")
    expected = expected_event_ids(articles)
    worker = pipeline.start_worker()
    pipeline.produce(as_bytes(articles))
    pipeline.wait_metric("streams_articles_processed_total", lambda v: v >= 200, timeout=120)
    processed_before = pipeline.scrape()["streams_articles_processed_total"]
    started = time.monotonic()
    worker.send_signal(signal.SIGTERM)
    code = worker.wait(timeout=30)
    stop_seconds = time.monotonic() - started
    assert code == 0
    record_figure("sigterm.exit_seconds", round(stop_seconds, 2))
    port = free_port()
    pipeline.start_worker(web_port=port)
    ids = wait_all_events(pipeline, expected, timeout=180)
    duplicates = len(ids) - len(set(ids))
    record_figure("sigterm.duplicates_after_restart", duplicates)
    record_figure("sigterm.processed_before_stop", processed_before)
    assert duplicates <= 10, "a graceful stop commits what it finished"


def test_reliability_broker_outage(tmp_path: Path) -> None:
    settings = Settings(
        bootstrap_servers=None,
        broker_port=free_port(),
        broker_controller_port=free_port(),
        broker_home=tmp_path / "kafka",
    )
    broker.start(settings)
    try:
        pipeline = Pipeline(settings.bootstrap, tmp_path)
        try:
            _outage_scenario(pipeline, settings)
        finally:
            pipeline.stop()
    finally:
        broker.stop(settings)


def _health(port: int) -> tuple[int, dict[str, Any]]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=5) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def _outage_scenario(pipeline: Pipeline, settings: Settings) -> None:
    articles = many_articles(3000, prefix="outage")
    expected = expected_event_ids(articles)
    worker = pipeline.start_worker()
    pipeline.produce(as_bytes(articles))
    pipeline.wait_metric("streams_articles_processed_total", lambda v: v >= 100, timeout=120)
    broker.stop(settings)
    stopped = time.monotonic()
    at_stop = pipeline.scrape()["streams_articles_processed_total"]
    pipeline.wait_metric("streams_broker_up", lambda v: v == 0, timeout=15, process=worker)
    status, body = _health(pipeline.settings.web_port)
    assert status == 503 and body["broker_up"] is False
    time.sleep(max(0.0, 30 - (time.monotonic() - stopped)))
    during = pipeline.scrape()["streams_articles_processed_total"] - at_stop
    assert worker.poll() is None, "the worker died during the outage"
    broker.start(settings)
    pipeline.wait_metric("streams_broker_up", lambda v: v == 1, timeout=30, process=worker)
    ids = wait_all_events(pipeline, expected, timeout=240)
    assert worker.poll() is None
    log_text = (pipeline.log_dir / "worker-0.log").read_text(errors="replace")
    tracebacks = log_text.count("Traceback")
    record_figure("outage.processed_during_outage", during)
    record_figure("outage.duplicates", len(ids) - len(set(ids)))
    record_figure("outage.tracebacks_in_log", tracebacks)
    assert tracebacks <= 5, f"traceback storm: {tracebacks} tracebacks in the worker log"


def test_reliability_two_workers_one_leaves(pipeline: Pipeline) -> None:
    articles = many_articles(2000, prefix="pair")
    expected = expected_event_ids(articles)
    first = pipeline.start_worker()
    second_port = free_port()
    pipeline.start_worker(web_port=second_port)
    time.sleep(3)
    pipeline.produce(as_bytes(articles))
    pipeline.wait_metric(
        "streams_articles_processed_total", lambda v: v >= 300, timeout=120, port=second_port
    )
    first.send_signal(signal.SIGTERM)
    assert first.wait(timeout=30) == 0
    pipeline.wait_metric(
        "streams_assigned_partitions", lambda v: v == 4, timeout=60, port=second_port
    )
    ids = wait_all_events(pipeline, expected, timeout=180)
    assert expected <= set(ids)
    rebalances = pipeline.scrape(second_port)["streams_rebalances_total"]
    assert rebalances >= 2
    log_text = (pipeline.log_dir / "worker-1.log").read_text(errors="replace")
    assert log_text.count("partitions assigned") >= 2
    record_figure("two_workers.rebalances_seen_by_survivor", rebalances)


def test_reliability_web_server_exposes_only_metrics_health_status(pipeline: Pipeline) -> None:
    pipeline.start_worker()
    base = f"http://127.0.0.1:{pipeline.settings.web_port}"
    for path in ("/metrics", "/health", "/"):
        with urllib.request.urlopen(base + path, timeout=5) as response:
            assert response.status == 200
    for path in ("/router", "/table", "/graph", "/stats", "/debug", "/signal"):
        with pytest.raises(urllib.error.HTTPError) as info:
            urllib.request.urlopen(base + path, timeout=5)
        assert info.value.code == 404


def test_reliability_publish_errors_are_one_line(kafka_bootstrap: str, tmp_path: Path) -> None:
    pipeline = Pipeline(kafka_bootstrap, tmp_path)
    big = tmp_path / "huge.json"
    big.write_text(json.dumps({"id": "huge", "text": "word " * 400_000}))
    env = {**pipeline.env(), "STREAMS_MAX_ARTICLE_BYTES": "5000000"}
    result = _publish([str(big)], env)
    assert result.returncode != 0
    assert "huge.json" in result.stderr and "MessageSizeTooLarge" in result.stderr
    assert "message.max.bytes" in result.stderr and "STREAMS_MAX_ARTICLE_BYTES" in result.stderr
    assert "0 article(s) were sent" in result.stderr
    over = _publish([str(big)], pipeline.env())  # its STREAMS_MAX_ARTICLE_BYTES: 200000
    assert over.returncode != 0 and "over STREAMS_MAX_ARTICLE_BYTES=200000" in over.stderr
    missing = _publish([str(big)], {**env, "STREAMS_TOPIC_PREFIX": "no-such-prefix."})
    assert missing.returncode != 0 and "does not exist" in missing.stderr
    down = {**os.environ, "KAFKA_BOOTSTRAP_SERVERS": f"127.0.0.1:{free_port()}"}
    seed = str(PROJECT_ROOT / "seeds" / "01-russia-overnight-assault-ukraine.txt")
    result = _publish([seed], down)
    assert result.returncode != 0
    assert result.stderr.strip().splitlines()[-1].startswith("streams: error: cannot reach Kafka")


def _publish(paths: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "streams.cli", "publish", *paths],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    errors = [line for line in result.stderr.splitlines() if line.startswith("streams: error")]
    assert len(errors) <= 1
    return result


def _malformed(index: int) -> tuple[bytes, str]:
    kinds: list[tuple[bytes, str]] = [
        (b"\xff\xfe" + str(index).encode(), "not_utf8"),
        (b"{broken json " + str(index).encode(), "not_json"),
        (json.dumps({"title": f"no text {index}"}).encode(), "missing_text"),
        (json.dumps({"id": f"blank-{index}", "text": " \n\t "}).encode(), "empty_text"),
        (json.dumps({"id": f"typed-{index}", "text": index}).encode(), "invalid"),
        (json.dumps([index]).encode(), "not_object"),
        (b"[" * 100 + str(index).encode() + b"]" * 100, "too_deep"),
    ]
    return kinds[index % len(kinds)]


def test_reliability_mixed_stream_exact_events_and_dead_letters(pipeline: Pipeline) -> None:
    valid = many_articles(667, prefix="mixed")
    expected = expected_event_ids(valid)
    bad = [_malformed(index) for index in range(333)]
    messages = as_bytes(valid) + [raw for raw, _ in bad]
    order = sorted(range(len(messages)), key=lambda i: (i * 7919) % len(messages))
    pipeline.start_worker()
    pipeline.produce([messages[i] for i in order])
    pipeline.wait_metric(
        "streams_articles_received_total", lambda v: v >= len(messages), timeout=180
    )
    ids = event_ids(pipeline.consume("events", expected=len(expected), timeout=60))
    assert set(ids) == expected
    dead = pipeline.consume("articles.dlq", expected=len(bad), timeout=60)
    assert sorted((r.value, dict(r.headers)["dlq.reason"].decode()) for r in dead) == sorted(bad)
