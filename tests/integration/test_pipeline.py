"""The whole pipeline on the real broker: articles in, events out, rejects in the DLQ."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from streams.articles_io import read_articles
from streams.schemagen import SCHEMA_DIR
from streams.settings import PROJECT_ROOT
from tests.integration.conftest import Pipeline, free_port

pytestmark = pytest.mark.integration

SEED = PROJECT_ROOT / "seeds" / "01-russia-overnight-assault-ukraine.txt"


def _seed_bytes() -> bytes:
    [loaded] = list(read_articles([str(SEED)]))
    return loaded.article.model_dump_json().encode()


def _events(records: list) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(record.value) for record in records]


def test_pipeline_seed_article_events_on_both_topics(pipeline: Pipeline) -> None:
    pipeline.start_worker()
    pipeline.produce([_seed_bytes()])
    pipeline.wait_metric("streams_articles_processed_total", lambda v: v >= 1, timeout=60)
    records = pipeline.consume("events", expected=5)
    events = _events(records)
    by_type: dict[str, list[dict]] = {}  # type: ignore[type-arg]
    for event in events:
        by_type.setdefault(event["event_type"], []).append(event)
    strikes = [
        e
        for e in by_type.get("air_strike", [])
        if any(loc["name"] == "Kyiv" for loc in e["locations"])
    ]
    assert strikes, f"no air strike on Kyiv in {sorted(by_type)}"
    strike = strikes[0]
    assert strike["status"] == "occurred"
    assert strike["quantities"]["killed"]["value"] == 6
    assert strike["quantities"]["killed"]["qualifier"] == "at_least"
    assert strike["quantities"]["injured"]["value"] == 18
    assert {"initiator": "RUS", "target": "UKR"}.items() <= {
        a["role"]: a["country"] for a in strike["actors"]
    }.items()
    sanctions = by_type["sanctions_imposed"][0]
    assert {"Lukoil", "Rosneft"} <= {a["name"] for a in sanctions["actors"]}
    meetings = by_type.get("diplomatic_meeting", [])
    assert meetings and all(m["status"] != "occurred" for m in meetings)

    headers = dict(records[0].headers)
    assert headers["content-type"] == b"application/json"
    assert headers["ce_specversion"] == b"1.0"
    assert headers["ce_id"] == records[0].key

    conflict = _events(pipeline.consume("events.conflict", expected=1))
    assert strike["event_id"] in {event["event_id"] for event in conflict}
    sanctions_topic = _events(pipeline.consume("events.sanctions", expected=1))
    assert sanctions["event_id"] in {event["event_id"] for event in sanctions_topic}


def test_pipeline_malformed_to_dlq_and_next_article_processed(pipeline: Pipeline) -> None:
    pipeline.start_worker()
    bad = {
        b"\xff\xfe\xfa": "not_utf8",
        b"{this is not json": "not_json",
        b'{"title": "no text"}': "missing_text",
        b'{"text": "   "}': "empty_text",
        b'{"text": 12}': "invalid",
        b'{"text": "' + b"x" * 250_000 + b'"}': "too_large",
    }
    good = json.dumps(
        {
            "id": "after-bad",
            "text": "Russian drones struck Odesa overnight, "
            "killing two people, officials said on Tuesday.",
            "published_at": "2025-10-22T08:00:00Z",
        }
    ).encode()
    pipeline.produce([*bad, good], keys=[b"same-key"] * (len(bad) + 1))
    pipeline.wait_metric("streams_articles_processed_total", lambda v: v >= 1, timeout=60)
    dlq = pipeline.consume("articles.dlq", expected=len(bad))
    assert len(dlq) == len(bad)
    for record in dlq:
        headers = dict(record.headers)
        assert headers["dlq.reason"].decode() == bad[record.value]
        assert headers["dlq.source.topic"].decode() == pipeline.settings.topic("articles")
        assert int(headers["dlq.source.offset"]) >= 0
    events = _events(pipeline.consume("events", expected=1))
    assert any(e["article_id"] == "after-bad" for e in events)

    samples = pipeline.scrape()
    assert samples["streams_articles_received_total"] == len(bad) + 1
    assert samples["streams_articles_processed_total"] == 1
    for reason in set(bad.values()):
        assert samples[f"streams_articles_rejected_total{{reason={reason}}}"] == 1
    published = sum(v for k, v in samples.items() if k.startswith("streams_events_published_total"))
    assert published == len([e for e in events if e["article_id"] == "after-bad"])
    assert samples["streams_end_to_end_latency_seconds_count"] == 1
    assert "streams_build_info{python=" in "".join(samples)


def test_pipeline_plain_consumer_validates_events_against_schema(pipeline: Pipeline) -> None:
    pipeline.start_worker()
    seeds = [
        item.article.model_dump_json().encode()
        for item in read_articles([str(PROJECT_ROOT / "seeds")])
    ]
    pipeline.produce(seeds)
    pipeline.wait_metric("streams_articles_processed_total", lambda v: v >= len(seeds), timeout=90)
    schema = json.loads((SCHEMA_DIR / "event.v1.0.json").read_text())
    records = pipeline.consume("events", expected=len(seeds))
    assert len(records) >= len(seeds) // 2
    ids = set()
    for record in records:
        event = json.loads(record.value)
        jsonschema.validate(event, schema)
        assert record.key.decode() == event["event_id"]
        ids.add(event["event_id"])
    assert len(ids) == len(records), "event ids are unique per event"


def test_pipeline_demo_command_exits_after_seeds(kafka_bootstrap: str, tmp_path: Path) -> None:
    env_pipeline = Pipeline(kafka_bootstrap, tmp_path)
    dashboard_port = free_port()
    env = {**env_pipeline.env(web_port=free_port()), "STREAMS_DASHBOARD_PORT": str(dashboard_port)}
    result = subprocess.run(
        [sys.executable, "-m", "streams.cli", "demo", "--exit-after-seeds", "--timeout", "120"],
        capture_output=True,
        text=True,
        env=env,
        cwd=PROJECT_ROOT,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "all seeds processed" in result.stdout
    assert "air_strike [occurred]" in result.stdout
    assert "sanctions_imposed" in result.stdout
    assert "dashboard (pid " in result.stdout
    assert f"http://127.0.0.1:{dashboard_port}/" in result.stdout
