"""The dashboard's pure parts: points from both message shapes, throughput sums, escaping,
and the HTTP side (served from a thread, no Kafka needed)."""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest

from streams.dashboard.points import point_from_canonical, point_from_event
from streams.dashboard.server import make_server
from streams.dashboard.store import Store, sse_json
from streams.dashboard.throughput import WorkerSample, public_name, summarize

NOW = 1_800_000_000.0
KYIV = {"name": "Kyiv", "country": "UKR", "latitude": 50.45, "longitude": 30.52}


def event(**extra: Any) -> dict[str, Any]:
    return {
        "event_id": "e1",
        "event_type": "air_strike",
        "category": "conflict",
        "extracted_at": "2027-01-15T09:00:00Z",  # NOW + 1 h
        "locations": [{"name": "Nowhere"}, KYIV],
        "actors": [{"role": "initiator", "name": "Russia"}, {"name": "no role"}],
        "quantities": {"killed": {"value": 6}, "injured": {"value": "x"}},
        "evidence": {"sentence": "At least six <script>x</script> killed."},
        "source": "Wire",
        **extra,
    }


def test_event_point_takes_the_first_located_place_and_tolerates_odd_fields() -> None:
    point = point_from_event(event(), NOW)
    assert point is not None
    assert (point.place, point.latitude, point.longitude) == ("Kyiv", 50.45, 30.52)
    assert point.counts == {"killed": 6}
    assert point.actors == ["initiator: Russia", "no role"]
    assert point.evidence == ["At least six <script>x</script> killed."]
    assert point.seen == NOW + 3600  # extracted_at wins over the record time


def test_event_without_a_located_place_or_id_makes_no_point() -> None:
    assert point_from_event(event(locations=[{"name": "Nowhere"}]), NOW) is None
    assert point_from_event(event(event_id=None), NOW) is None
    bare = point_from_event({"event_id": "e2", "locations": [KYIV]}, NOW)
    assert bare is not None and bare.category == "other" and bare.seen == NOW


def test_canonical_point_counts_mentions_and_lists_their_sources() -> None:
    canonical = {
        "canonical_id": "c1",
        "event_type": "air_strike",
        "category": "conflict",
        "locations": [KYIV],
        "quantities": {"killed": {"value": 6, "sources": []}},
        "mentions": [
            {"event_id": "e1", "source": "Wire", "url": "https://example.org/a"},
            {"event_id": "e2", "source": "Paper"},
        ],
        "updated_at": "2027-01-15T08:00:00+00:00",
    }
    point = point_from_canonical(canonical, NOW)
    assert point is not None
    assert point.mentions == 2 and point.canonical
    assert [s.name for s in point.sources] == ["Wire", "Paper"]
    store = Store(hours=10**6, max_points=10)
    store.remember_evidence("e2", "Six were killed.")
    store.upsert(point)
    assert store.points()[0]["evidence"] == ["Six were killed."]


def test_store_keeps_the_window_and_the_cap() -> None:
    store = Store(hours=1, max_points=2)
    for index, seen in enumerate((time.time() - 7200, time.time(), time.time(), time.time())):
        point = point_from_event(event(event_id=f"e{index}"), seen)
        assert point is not None
        store.upsert(point.model_copy(update={"seen": seen}))
    assert [p["id"] for p in store.points()] == ["e2", "e3"]


def test_sse_json_cannot_close_a_script_element() -> None:
    text = sse_json({"s": "</script><b>&"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"s": "</script><b>&"}


def test_throughput_sums_rates_over_workers_and_marks_the_down_one() -> None:
    def sample(at: float, articles: float, events: float, lag: float) -> WorkerSample:
        return WorkerSample(
            at=at,
            values={
                "streams_articles_processed_total": articles,
                "streams_events_published_total{category=conflict,event_type=air_strike}": events,
                "streams_articles_rejected_total{reason=not_json}": 1.0,
                "streams_consumer_lag{partition=0,topic=articles}": lag,
            },
        )

    before = {
        "http://a:1/metrics": sample(0, 10, 20, 5),
        "http://u:p@b:2/metrics": sample(0, 0, 0, 0),
    }
    now: dict[str, WorkerSample | None] = {
        "http://a:1/metrics": sample(2, 30, 60, 7),
        "http://u:p@b:2/metrics": sample(2, 4, 2, 3),
        "http://c:3/metrics": None,
    }
    view = summarize(now, before)
    assert view["articles_per_second"] == pytest.approx((20 + 4) / 2)
    assert view["events_per_second"] == {"conflict": pytest.approx((40 + 2) / 2)}
    assert (view["articles_processed"], view["events_published"]) == (34, 62)
    assert view["dlq_by_reason"] == {"not_json": 2.0}
    assert view["lag_by_partition"] == {"articles[0]": 7.0}
    assert view["workers"] == [
        {"worker": "a:1", "up": True},
        {"worker": "b:2", "up": True},
        {"worker": "c:3", "up": False},
    ]
    restarted = summarize({"http://a:1/metrics": sample(4, 3, 0, 0)}, now)
    assert restarted["articles_per_second"] == pytest.approx(3 / 2)
    assert public_name("https://user:secret@host:9/metrics?token=x") == "host:9"


@pytest.fixture
def served() -> Iterator[str]:
    store = Store(hours=1, max_points=10)
    point = point_from_event(event(), time.time())
    assert point is not None
    store.upsert(point.model_copy(update={"seen": time.time()}))
    server = make_server("127.0.0.1", 0, store)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        store.closing.set()
        server.shutdown()
        server.server_close()


def test_server_gives_the_page_the_points_escaped_and_refuses_other_methods(served: str) -> None:
    with urllib.request.urlopen(f"{served}/api/events") as answer:
        raw = answer.read().decode()
        assert "script-src 'self'" in answer.headers["Content-Security-Policy"]
    assert "<script>" not in raw and json.loads(raw)["points"][0]["id"] == "e1"
    with urllib.request.urlopen(f"{served}/") as answer:
        assert b"dashboard.js" in answer.read()
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(urllib.request.Request(f"{served}/", method="POST", data=b""))
    assert refused.value.code == 405
    with pytest.raises(urllib.error.HTTPError) as missing:
        urllib.request.urlopen(f"{served}/static/../points.py")
    assert missing.value.code == 404
