"""What the agent does with one input message, as plain data: no Kafka, no clock reads.

`process_message` turns the raw bytes of one `articles` message into the records to send:
events to `events` and `events.<category>`, or one dead letter to `articles.dlq`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from streams.decode import Rejected, decode_article
from streams.extraction import ExtractionResult, ExtractorFailure, run_extraction
from streams.schemas import SCHEMA_VERSION, Article, Event

Headers = list[tuple[str, bytes]]
Extractor = Callable[..., ExtractionResult]

ARTICLES = "articles"
DLQ = "articles.dlq"
EVENTS = "events"
EXTRACTION_TIMEOUT = "extraction_timeout"
DEFAULT_DLQ_PAYLOAD_BYTES = 960_000


@dataclass(frozen=True)
class Source:
    """Where an input message came from."""

    topic: str
    partition: int
    offset: int
    key: bytes | None = None


@dataclass(frozen=True)
class Record:
    """One message to produce. `topic` is the logical name (before any prefix)."""

    topic: str
    key: bytes | None
    value: bytes
    headers: Headers


@dataclass
class Outcome:
    """Everything the agent must send and count for one input message."""

    records: list[Record] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    rejected_reason: str | None = None
    failures: list[ExtractorFailure] = field(default_factory=list)
    article: Article | None = None


def process_message(
    raw: bytes | None,
    source: Source,
    *,
    max_bytes: int,
    now: datetime,
    extract: Extractor = run_extraction,
    dlq_limit: int = DEFAULT_DLQ_PAYLOAD_BYTES,
) -> Outcome:
    decoded = decode_article(raw, max_bytes=max_bytes)
    if isinstance(decoded, Rejected):
        return rejected(raw, source, decoded.reason, decoded.detail, dlq_limit)
    result = extract(decoded, extracted_at=now)
    outcome = Outcome(events=list(result.events), failures=list(result.failures), article=decoded)
    for event in result.events:
        outcome.records.extend(event_records(event))
    for failure in result.failures:
        detail = f"{failure.extractor}: {failure.error}"
        extra = [
            ("dlq.extractor", failure.extractor.encode()),
            ("dlq.traceback", failure.traceback[-1500:].encode("utf-8", "replace")),
        ]
        outcome.records.append(
            dead_letter(raw, source, "extractor_error", detail, extra, limit=dlq_limit)
        )
    return outcome


def rejected(
    raw: bytes | None, source: Source, reason: str, detail: str, dlq_limit: int
) -> Outcome:
    """The outcome of a message that yields no events: exactly one dead letter."""
    record = dead_letter(raw, source, reason, detail, limit=dlq_limit)
    return Outcome(records=[record], rejected_reason=reason)


def event_records(event: Event) -> list[Record]:
    """The same event on `events` and on `events.<category>`, keyed by event id."""
    value = event.model_dump_json(exclude_none=False).encode("utf-8")
    key = event.event_id.encode("utf-8")
    headers = event_headers(event)
    return [
        Record(EVENTS, key, value, headers),
        Record(f"{EVENTS}.{event.category}", key, value, headers),
    ]


def event_headers(event: Event) -> Headers:
    """content-type, schema-version and CloudEvents binary-mode headers."""
    return [
        ("content-type", b"application/json"),
        ("schema-version", SCHEMA_VERSION.encode()),
        ("ce_specversion", b"1.0"),
        ("ce_id", event.event_id.encode()),
        ("ce_source", f"urn:streams:extractor:{event.extractor.name}".encode()),
        ("ce_type", f"org.streams.event.{event.event_type}.v1".encode()),
        ("ce_time", event.extracted_at.isoformat().encode()),
        ("ce_subject", event.article_id.encode("utf-8", "replace")),
        ("ce_datacontenttype", b"application/json"),
    ]


def dead_letter(
    raw: bytes | None,
    source: Source,
    reason: str,
    detail: str,
    extra: Headers | None = None,
    *,
    limit: int = DEFAULT_DLQ_PAYLOAD_BYTES,
) -> Record:
    """The original bytes with why and where in the headers.

    An original longer than `limit` bytes would not fit in one Kafka message (the send
    itself would fail and the article would be lost), so its first `limit` bytes are kept,
    with the original size and sha256 in headers.
    """
    payload = raw or b""
    headers: Headers = [
        ("dlq.reason", reason.encode()),
        ("dlq.detail", detail.encode("utf-8", "replace")),
        ("dlq.source.topic", source.topic.encode()),
        ("dlq.source.partition", str(source.partition).encode()),
        ("dlq.source.offset", str(source.offset).encode()),
        *(extra or []),
    ]
    if len(payload) > limit:
        headers += [
            ("dlq.truncated", b"true"),
            ("dlq.original.size", str(len(payload)).encode()),
            ("dlq.original.sha256", hashlib.sha256(payload).hexdigest().encode()),
        ]
        payload = payload[:limit]
    return Record(DLQ, source.key, payload, headers)
