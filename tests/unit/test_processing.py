import hashlib
import json
from datetime import UTC, datetime

from streams.extraction import ExtractionResult, ExtractorFailure
from streams.processing import DLQ, EVENTS, Source, process_message
from streams.schemas import Article, Event, Evidence, ExtractorRef

NOW = datetime(2025, 10, 22, 10, 0, tzinfo=UTC)
SOURCE = Source("articles", 3, 42, b"k1")


def _event(article: Article, category: str = "conflict") -> Event:
    return Event(
        event_id=f"ev-{article.id}",
        article_id=article.id,
        extracted_at=NOW,
        event_type="air_strike",
        category=category,  # type: ignore[arg-type]
        evidence=Evidence(sentence=article.text, start=0, end=len(article.text)),
        confidence=0.5,
        extractor=ExtractorRef(name="attack", version="1"),
    )


def _one_event(article: Article, *, extracted_at: datetime | None = None) -> ExtractionResult:
    return ExtractionResult(events=[_event(article)], failures=[])


def test_processing_invalid_bytes_go_to_dlq_untouched() -> None:
    raw = b"\xff\xfe\x00garbage"
    outcome = process_message(raw, SOURCE, max_bytes=1000, now=NOW, extract=_one_event)
    assert outcome.rejected_reason == "not_utf8"
    [record] = outcome.records
    headers = dict(record.headers)
    assert record.topic == DLQ
    assert record.value == raw
    assert record.key == b"k1"
    assert headers["dlq.reason"] == b"not_utf8"
    assert headers["dlq.source.topic"] == b"articles"
    assert headers["dlq.source.partition"] == b"3"
    assert headers["dlq.source.offset"] == b"42"


def test_processing_event_goes_to_both_topics_with_headers() -> None:
    raw = json.dumps({"id": "a1", "text": "Drones hit Kyiv."}).encode()
    outcome = process_message(raw, SOURCE, max_bytes=1000, now=NOW, extract=_one_event)
    assert outcome.rejected_reason is None
    assert [record.topic for record in outcome.records] == [EVENTS, "events.conflict"]
    first = outcome.records[0]
    assert first.key == b"ev-a1"
    headers = dict(first.headers)
    assert headers["content-type"] == b"application/json"
    assert headers["schema-version"] == b"1.0"
    assert headers["ce_specversion"] == b"1.0"
    assert headers["ce_id"] == b"ev-a1"
    assert headers["ce_type"] == b"org.streams.event.air_strike.v1"
    assert json.loads(first.value)["article_id"] == "a1"


def test_processing_extractor_failure_keeps_other_events_and_records_dlq() -> None:
    def failing(article: Article, *, extracted_at: datetime | None = None) -> ExtractionResult:
        failure = ExtractorFailure("sanctions", "ValueError: boom", "Traceback ...\nValueError")
        return ExtractionResult(events=[_event(article)], failures=[failure])

    raw = json.dumps({"id": "a2", "text": "Drones hit Kyiv."}).encode()
    outcome = process_message(raw, SOURCE, max_bytes=1000, now=NOW, extract=failing)
    topics = [record.topic for record in outcome.records]
    assert topics == [EVENTS, "events.conflict", DLQ]
    dlq_headers = dict(outcome.records[-1].headers)
    assert dlq_headers["dlq.reason"] == b"extractor_error"
    assert dlq_headers["dlq.extractor"] == b"sanctions"
    assert b"ValueError" in dlq_headers["dlq.traceback"]
    assert outcome.records[-1].value == raw


def test_processing_dead_letter_over_the_limit_is_cut_with_size_and_hash() -> None:
    raw = b'{"text": "' + b"x" * 5_000_000 + b'"}'
    outcome = process_message(
        raw, SOURCE, max_bytes=1_000_000, now=NOW, extract=_one_event, dlq_limit=900_000
    )
    assert outcome.rejected_reason == "too_large"
    [record] = outcome.records
    headers = dict(record.headers)
    assert record.value == raw[:900_000]
    assert headers["dlq.truncated"] == b"true"
    assert headers["dlq.original.size"] == str(len(raw)).encode()
    assert headers["dlq.original.sha256"] == hashlib.sha256(raw).hexdigest().encode()


def test_processing_dead_letter_within_the_limit_is_whole() -> None:
    raw = b"{broken"
    outcome = process_message(raw, SOURCE, max_bytes=1000, now=NOW, dlq_limit=1024)
    [record] = outcome.records
    assert record.value == raw
    assert "dlq.truncated" not in dict(record.headers)
