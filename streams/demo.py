"""`streams demo`: the main job in one command.

Local broker (when none is configured) -> topics -> a worker process and the dashboard
(`streams dashboard`, its URL printed) -> the seed articles published -> events printed as
they arrive, /metrics served, until Ctrl-C (or, with --exit-after-seeds, until the worker's
committed offsets cover every seed).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from streams import broker
from streams.errors import StreamsError
from streams.kafka_clients import client_config, consumer
from streams.publish import publish_paths
from streams.render import render_canonical, render_event
from streams.settings import PROJECT_ROOT, Settings
from streams.topics import create_topics

WORKER_STOP_SECONDS = 30.0
DASHBOARD_START_SECONDS = 20.0


def run_demo(
    settings: Settings, *, seeds: str | None, exit_after_seeds: bool, timeout: float
) -> int:
    seeds_dir = Path(seeds) if seeds else PROJECT_ROOT / "seeds"
    started_broker = _ensure_broker(settings)
    worker: subprocess.Popen[bytes] | None = None
    dashboard: subprocess.Popen[bytes] | None = None
    canonical: subprocess.Popen[bytes] | None = None
    try:
        created = create_topics(settings)
        say(f"topics ready: {len(created)} ({settings.partitions} partitions each)")
        events = _events_consumer(settings)
        worker, log_path = _start_worker(settings)
        say(f"worker started (pid {worker.pid}), log: {log_path}")
        canonical, canonical_log = _start_worker(settings, "canonical")
        say(f"canonical worker started (pid {canonical.pid}), log: {canonical_log}")
        say(
            f"metrics: http://{settings.web_host}:{settings.web_port}/metrics  "
            f"status page: http://{settings.web_host}:{settings.web_port}/"
        )
        dashboard = _start_dashboard(settings)
        report = publish_paths(settings, [str(seeds_dir)])
        say(f"published {report.sent} seed article(s) from {seeds_dir}")
        targets = _end_offsets(settings, settings.topic("articles"))
        return _follow(
            settings, events, worker, targets, exit_after_seeds=exit_after_seeds, timeout=timeout
        )
    finally:
        if dashboard is not None:
            _stop_worker(dashboard, "dashboard")
        if canonical is not None:
            _stop_worker(canonical, "canonical worker")
        if worker is not None:
            _stop_worker(worker)
        if started_broker:
            broker.stop(settings)
            say("local broker stopped")


def say(message: str) -> None:
    print(f"==> {message}", flush=True)


def _ensure_broker(settings: Settings) -> bool:
    if not settings.uses_local_broker:
        say(f"using Kafka at {settings.bootstrap}")
        return False
    if broker.status(settings).running:
        say(f"local broker already running at {settings.bootstrap}")
        return False
    say("starting the local Kafka broker (first run fetches its jars with Maven)...")
    broker.start(settings)
    say(f"local broker up at {settings.bootstrap}")
    return True


def _start_worker(
    settings: Settings, command: str = "worker"
) -> tuple[subprocess.Popen[bytes], Path]:
    return _start_process(settings, command)


def _start_process(settings: Settings, command: str) -> tuple[subprocess.Popen[bytes], Path]:
    """`streams <command>` in the background, its output in var/log/demo-<command>.log."""
    log_dir = PROJECT_ROOT / "var" / "log"
    log_dir.mkdir(parents=True, exist_ok=True)
    log_path = log_dir / f"demo-{command}.log"
    env = {
        **os.environ,
        "KAFKA_BOOTSTRAP_SERVERS": settings.bootstrap,
        "STREAMS_WEB_PORT": str(settings.web_port),
    }
    with log_path.open("ab") as log_file:
        process = subprocess.Popen(
            [sys.executable, "-m", "streams.cli", command],
            stdout=log_file,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=PROJECT_ROOT,
        )
    return process, log_path


def _start_dashboard(settings: Settings) -> subprocess.Popen[bytes]:
    """`streams dashboard` next to the worker; its URL once it answers (the demo goes on
    without it when it cannot start, e.g. on a taken port)."""
    import urllib.request

    process, log_path = _start_process(settings, "dashboard")
    url = f"http://{settings.dashboard_host}:{settings.dashboard_port}/"
    deadline = time.monotonic() + DASHBOARD_START_SECONDS
    while process.poll() is None and time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}health", timeout=2):
                say(f"dashboard (pid {process.pid}): {url}")
                return process
        except OSError:
            time.sleep(0.3)
    say(f"the dashboard did not start; see {log_path}")
    return process


def _stop_worker(worker: subprocess.Popen[bytes], name: str = "worker") -> None:
    if worker.poll() is not None:
        return
    worker.send_signal(signal.SIGTERM)
    try:
        worker.wait(timeout=WORKER_STOP_SECONDS)
    except subprocess.TimeoutExpired:
        worker.kill()
        worker.wait()
    say(f"{name} stopped (exit code {worker.returncode})")


def _events_consumer(settings: Settings) -> Any:
    from kafka import TopicPartition

    client = consumer(settings, group_id=None, enable_auto_commit=False)
    assigned = [
        TopicPartition(topic, partition)
        for topic in (settings.topic("events"), settings.topic("events.canonical"))
        for partition in sorted(client.partitions_for_topic(topic) or set())
    ]
    client.assign(assigned)
    client.seek_to_end(*assigned)
    for tp in assigned:
        client.position(tp)
    return client


def _end_offsets(settings: Settings, topic: str) -> dict[Any, int]:
    from kafka import TopicPartition

    client = consumer(settings, group_id=None, enable_auto_commit=False)
    try:
        partitions = client.partitions_for_topic(topic) or set()
        tps = [TopicPartition(topic, partition) for partition in partitions]
        return dict(client.end_offsets(tps))
    finally:
        client.close()


def _committed(settings: Settings, group: str | None = None) -> dict[Any, int]:
    """The worker group's committed offsets; empty while the group is still forming."""
    from kafka import KafkaAdminClient
    from kafka.errors import KafkaError

    admin = KafkaAdminClient(**client_config(settings))
    try:
        group = group or settings.app_id
        offsets = admin.list_group_offsets(group).get(group, {})
    except KafkaError:
        return {}
    finally:
        admin.close()
    return {tp: meta.offset for tp, meta in offsets.items()}


def _follow(
    settings: Settings,
    events: Any,
    worker: subprocess.Popen[bytes],
    targets: dict[Any, int],
    *,
    exit_after_seeds: bool,
    timeout: float,
) -> int:
    say("events as they arrive (Ctrl-C to stop):")
    deadline = time.monotonic() + timeout
    next_check = 0.0
    shown = 0
    try:
        while True:
            for records in events.poll(timeout_ms=300).values():
                for record in records:
                    _show(settings, record)
                    shown += record.topic == settings.topic("events")
            if worker.poll() is not None:
                raise StreamsError(f"the worker exited with code {worker.returncode}")
            if exit_after_seeds and time.monotonic() >= next_check:
                next_check = time.monotonic() + 1.0
                if _caught_up(settings, targets):
                    _drain(events, settings)
                    say(f"all seeds processed; {shown} event(s) shown")
                    return 0
                if time.monotonic() > deadline:
                    raise StreamsError(f"seeds not processed within {timeout:.0f}s")
    except KeyboardInterrupt:
        say(f"stopping; {shown} event(s) shown")
        return 0
    finally:
        events.close()


def _caught_up(settings: Settings, targets: dict[Any, int]) -> bool:
    """The worker has every seed, and the canonical worker every event it published."""
    committed = _committed(settings)
    if not all(committed.get(tp, 0) >= end for tp, end in targets.items() if end > 0):
        return False
    merged = _committed(settings, settings.canonical_app_id)
    events = _end_offsets(settings, settings.topic("events"))
    return all(merged.get(tp, 0) >= end for tp, end in events.items() if end > 0)


def _drain(events: Any, settings: Settings) -> None:
    for _ in range(3):
        for records in events.poll(timeout_ms=300).values():
            for record in records:
                _show(settings, record)


def _show(settings: Settings, record: Any) -> None:
    """A per-article event as before; a canonical event (merged across articles) marked so."""
    if record.topic == settings.topic("events.canonical"):
        if record.value is not None:
            print("  " + render_canonical(_json(record.value)), flush=True)
        return
    print("  " + render_event(_json(record.value)), flush=True)


def _json(value: bytes) -> dict[str, Any]:
    data = json.loads(value)
    return data if isinstance(data, dict) else {}
