"""The command line against the real broker: tail, topics list, publish when Kafka is down."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest

from streams.settings import PROJECT_ROOT
from streams.topics import topic_names
from tests.integration.conftest import Pipeline, free_port

pytestmark = pytest.mark.integration

SEED = PROJECT_ROOT / "seeds" / "01-russia-overnight-assault-ukraine.txt"
BROKER_DOWN_SECONDS = 10.0


def _cli(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "streams.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=90,
        check=False,
        cwd=PROJECT_ROOT,
    )


def _down_env() -> dict[str, str]:
    return {**os.environ, "KAFKA_BOOTSTRAP_SERVERS": f"127.0.0.1:{free_port()}"}


def test_cli_tail_max_stops_after_exactly_n(pipeline: Pipeline) -> None:
    pipeline.produce([json.dumps({"n": index}).encode() for index in range(40)])
    result = _cli(["tail", "articles", "--from-beginning", "--max", "3"], pipeline.env())
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 3
    assert result.stderr.strip().splitlines()[-1] == "3 message(s)"


def test_cli_tail_missing_topic_is_one_line_and_exit_1(pipeline: Pipeline) -> None:
    result = _cli(["tail", "no-such-topic", "--idle-timeout", "5"], pipeline.env())
    assert result.returncode == 1
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("streams: error: topic") and "does not exist" in line


def test_cli_topics_list_reads_the_broker(pipeline: Pipeline) -> None:
    result = _cli(["topics", "list"], pipeline.env())
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(topic_names(pipeline.settings)) == 12
    assert all(line.startswith(pipeline.prefix) for line in lines)
    assert all(line.endswith(f"  {pipeline.settings.partitions} partition(s)") for line in lines)

    missing = _cli(["topics", "list"], {**pipeline.env(), "STREAMS_TOPIC_PREFIX": "absent."})
    assert missing.returncode == 0
    assert [line.split()[-1] for line in missing.stdout.splitlines()] == ["missing"] * 12
    assert "12 topic(s) missing" in missing.stderr


@pytest.mark.parametrize("command", [["topics", "list"], ["publish", str(SEED)]])
def test_cli_broker_down_is_one_line_within_seconds(command: list[str]) -> None:
    started = time.monotonic()
    result = _cli(command, _down_env())
    assert time.monotonic() - started < BROKER_DOWN_SECONDS
    assert result.returncode == 1
    [line] = result.stderr.strip().splitlines()  # no library log lines
    assert line.startswith("streams: error: cannot reach Kafka at 127.0.0.1:")
