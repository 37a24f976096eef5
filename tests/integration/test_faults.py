"""Issue 13, "nothing lost, nothing stalls", on the real broker.

Compressed articles far over the size limit, an article whose extraction outlasts the
session timeout, a second worker on a taken port, and a worker whose project folder it
cannot write.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from streams.processing import DEFAULT_DLQ_PAYLOAD_BYTES
from streams.settings import PROJECT_ROOT
from tests.integration.conftest import Pipeline
from tests.integration.corpus import (
    as_bytes,
    event_ids,
    expected_event_ids,
    many_articles,
    seed_articles,
)
from tests.integration.test_reliability import record_figure

pytestmark = [pytest.mark.integration, pytest.mark.timeout(300)]

SLOW_ARTICLE_BYTES = 950_000
NEXT_ARTICLE_SECONDS = 15.0


def _samples_settled(pipeline: Pipeline, received: int, timeout: float) -> dict[str, float]:
    """The worker's samples once `received` messages are all processed or rejected."""
    deadline = time.monotonic() + timeout
    samples: dict[str, float] = {}
    while time.monotonic() < deadline:
        samples = pipeline.scrape()
        if samples.get("streams_articles_received_total", 0) >= received and _settled(samples):
            return samples
        time.sleep(0.5)
    raise AssertionError(f"not settled after {timeout}s: {samples}")


def _rejected(samples: dict[str, float]) -> dict[str, float]:
    prefix = "streams_articles_rejected_total{reason="
    return {
        name[len(prefix) : -1]: value
        for name, value in samples.items()
        if name.startswith(prefix) and value > 0
    }


def _settled(samples: dict[str, float]) -> bool:
    """received = processed + rejected; an extractor_error is also processed (events kept)."""
    rejected = sum(v for reason, v in _rejected(samples).items() if reason != "extractor_error")
    processed = samples.get("streams_articles_processed_total", 0)
    return samples["streams_articles_received_total"] == processed + rejected


def _no_escape_codes(pipeline: Pipeline) -> None:
    for log in pipeline.log_dir.glob("worker-*.log"):
        assert "\x1b" not in log.read_text(errors="replace"), f"terminal escape codes in {log}"


def _huge(size: int) -> bytes:
    return json.dumps({"id": f"huge-{size}", "text": "word " * (size // 5)}).encode()


MALFORMED = [
    (b"{broken json", "not_json"),
    (b"\xff\xfe\xfa", "not_utf8"),
    (b'{"title": "no text"}', "missing_text"),
    (b'{"text": "   "}', "empty_text"),
]


@pytest.fixture(scope="module")
def worker_pipeline(
    kafka_bootstrap: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Pipeline]:
    """One running worker shared by the tests that do not restart or reconfigure it."""
    created = Pipeline(kafka_bootstrap, tmp_path_factory.mktemp("faults"))
    try:
        created.start_worker()
        yield created
    finally:
        created.stop()


def test_faults_compressed_huge_articles_end_as_one_counted_dead_letter(
    worker_pipeline: Pipeline,
) -> None:
    pipeline = worker_pipeline
    valid = many_articles(60, prefix="gz")
    expected = expected_event_ids(valid)
    huge = [_huge(1_500_000), _huge(5_000_000)]
    messages = as_bytes(valid[:30]) + huge[:1] + [raw for raw, _ in MALFORMED]
    messages += as_bytes(valid[30:]) + huge[1:]
    pipeline.produce(messages, compression="gzip")  # the broker accepts these compressed

    samples = _samples_settled(pipeline, len(messages), timeout=120)
    assert samples["streams_articles_received_total"] == len(messages)
    assert samples["streams_articles_processed_total"] == len(valid)
    reasons = {reason: 1 for _, reason in MALFORMED} | {"too_large": len(huge)}
    assert _rejected(samples) == reasons
    assert set(event_ids(pipeline.consume("events", expected=len(expected)))) == expected

    dead = pipeline.consume("articles.dlq", expected=len(MALFORMED) + len(huge))
    assert len(dead) == len(MALFORMED) + len(huge), "exactly one dead letter per rejection"
    cut = [record for record in dead if dict(record.headers)["dlq.reason"] == b"too_large"]
    assert len(cut) == len(huge)
    for record in cut:
        headers = dict(record.headers)
        size = int(headers["dlq.original.size"])
        [original] = [raw for raw in huge if len(raw) == size]
        assert headers["dlq.truncated"] == b"true"
        assert headers["dlq.original.sha256"].decode() == hashlib.sha256(original).hexdigest()
        assert record.value == original[:DEFAULT_DLQ_PAYLOAD_BYTES]
    _no_escape_codes(pipeline)


def _slow_article() -> bytes:
    """A real article repeated to just under 1 MB: it takes far longer than the budget."""
    seed = seed_articles()[0]
    text = (seed.text + "\n\n") * (SLOW_ARTICLE_BYTES // (len(seed.text) + 2))
    return seed.model_copy(update={"id": "slow", "text": text}).model_dump_json().encode()


def _wait_for_events(pipeline: Pipeline, wanted: set[str], timeout: float) -> float:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if wanted <= set(event_ids(pipeline.consume("events", expected=len(wanted), timeout=2))):
            return time.monotonic() - started
    raise AssertionError(f"the next article's events did not arrive within {timeout}s")


def test_faults_slow_article_times_out_and_never_stalls_the_group(pipeline: Pipeline) -> None:
    pipeline.extra_env = {"STREAMS_MAX_ARTICLE_BYTES": "1000000"}
    slow = _slow_article()
    assert len(slow) < 1_000_000
    after = seed_articles()[1].model_copy(update={"id": "after-slow"})
    wanted = expected_event_ids([after])
    pipeline.start_worker()
    rebalances = pipeline.scrape()["streams_rebalances_total"]
    produced = time.monotonic()
    # One key: both on one partition, the next article queued right behind the slow one.
    pipeline.produce([slow, after.model_dump_json().encode()], keys=[b"k", b"k"])

    waited = _wait_for_events(pipeline, wanted, timeout=90)
    record_figure("slow_article.next_article_events_seconds", round(waited, 1))
    assert waited < NEXT_ARTICLE_SECONDS, f"the next article waited {waited:.1f} s"
    [dead] = pipeline.consume("articles.dlq", expected=1)
    assert dict(dead.headers)["dlq.reason"] == b"extraction_timeout"
    assert dead.value == slow
    # Stay past the session timeout (10 s) and a heartbeat from the start: had heartbeats
    # stopped, the group would have rebalanced and delivered the slow article again.
    time.sleep(max(0.0, 15 - (time.monotonic() - produced)))
    samples = pipeline.scrape()
    assert samples["streams_rebalances_total"] == rebalances
    assert samples["streams_articles_received_total"] == 2
    assert samples["streams_articles_rejected_total{reason=extraction_timeout}"] == 1
    assert samples["streams_articles_processed_total"] == 1


def test_faults_second_worker_on_a_taken_port_stops_before_joining(
    worker_pipeline: Pipeline,
) -> None:
    pipeline = worker_pipeline
    rebalances = pipeline.scrape()["streams_rebalances_total"]
    started = time.monotonic()
    second = subprocess.run(
        [sys.executable, "-m", "streams.cli", "worker"],
        env=pipeline.env(),  # the first worker's port
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=PROJECT_ROOT,
    )
    assert second.returncode == 1
    assert time.monotonic() - started < 30
    [line] = second.stderr.strip().splitlines()
    assert line.startswith(f"streams: error: port {pipeline.settings.web_port} ")
    assert "STREAMS_WEB_PORT" in line
    time.sleep(3)  # a join would have made the first worker rebalance by its next heartbeat
    assert pipeline.scrape()["streams_rebalances_total"] == rebalances


def read_only_project() -> list[str]:
    """A command prefix that runs its command with PROJECT_ROOT mounted read-only.

    A private mount namespace (util-linux unshare), so that even root cannot write there,
    as under Kubernetes' readOnlyRootFilesystem; empty when this machine does not allow it.
    """
    root = str(PROJECT_ROOT)
    wrapper = [
        "unshare",
        "--mount",
        "--propagation",
        "private",
        "sh",
        "-c",
        'mount --bind -o ro "$0" "$0" && exec "$@"',
        root,
    ]
    probe = subprocess.run(
        [*wrapper, "sh", "-c", f"! touch {root}/.write-probe 2>/dev/null"],
        capture_output=True,
        check=False,
    )
    return wrapper if probe.returncode == 0 else []


def test_faults_worker_runs_with_a_read_only_project_folder(pipeline: Pipeline) -> None:
    wrapper = read_only_project()
    if not wrapper:
        pytest.skip("this machine cannot mount the project read-only (needs CAP_SYS_ADMIN)")
    data = Path(tempfile.mkdtemp(prefix="streams-data-"))
    try:
        pipeline.extra_env = {"STREAMS_DATA_DIR": str(data / "faust")}
        pipeline.start_worker(wrapper=wrapper)
        pipeline.produce(as_bytes(seed_articles()[:2]))
        pipeline.wait_metric("streams_articles_processed_total", lambda v: v >= 2, timeout=60)
        assert any((data / "faust").iterdir()), "faust kept no state in STREAMS_DATA_DIR"
    finally:
        pipeline.stop()
        shutil.rmtree(data, ignore_errors=True)
