"""`streams publish`: articles from files to the articles topic, counted and acknowledged."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path

from streams.articles_io import read_articles
from streams.errors import PublishError
from streams.kafka_clients import consumer, producer, require_broker
from streams.settings import Settings

PROGRESS_EVERY = 1000


@dataclass(frozen=True)
class PublishReport:
    sent: int
    seconds: float


def publish_paths(
    settings: Settings, paths: list[str], *, topic: str | None = None
) -> PublishReport:
    """Send every article; raise PublishError (with how many were already sent) on failure."""
    from kafka.errors import KafkaError

    for path in paths:
        if path != "-" and not Path(path).exists():
            raise PublishError(f"{path}: no such file")
    target = topic or settings.topic("articles")
    started = time.monotonic()
    sent = 0
    try:
        require_broker(settings)
        _require_topic(settings, target)
        client = producer(settings, max_request_size=max(settings.max_article_bytes * 2, 1_048_576))
    except KafkaError as exc:
        raise PublishError(f"cannot reach Kafka at {settings.bootstrap}: {exc}") from None
    try:
        pending = []
        for loaded in read_articles(paths):
            value = loaded.article.model_dump_json(exclude_none=True).encode("utf-8")
            _check_size(settings, loaded.origin, len(value))
            try:
                future = client.send(target, key=loaded.article.id.encode(), value=value)
            except KafkaError as exc:
                raise PublishError(f"{loaded.origin}: {_explain(exc)}") from None
            pending.append((loaded.origin, future))
            if len(pending) >= PROGRESS_EVERY:
                sent += _wait(pending)
                _progress(sent, started)
        sent += _wait(pending)
    except PublishError as exc:
        client.flush(timeout=10)
        raise PublishError(f"{exc} ({sent} article(s) were sent before this)") from None
    finally:
        client.close(timeout=10)
    return PublishReport(sent=sent, seconds=time.monotonic() - started)


def _require_topic(settings: Settings, topic: str) -> None:
    """Fail fast and clearly instead of a 60 s metadata timeout on a missing topic."""
    probe = consumer(settings, enable_auto_commit=False)
    try:
        exists = topic in probe.topics()
    finally:
        probe.close()
    if not exists:
        raise PublishError(
            f"topic {topic!r} does not exist on {settings.bootstrap} (create it with "
            "`streams topics create`)"
        )


def _wait(pending: list[tuple[str, object]]) -> int:
    from kafka.errors import KafkaError

    done = 0
    for origin, future in pending:
        try:
            future.get(timeout=30)  # type: ignore[attr-defined]
        except KafkaError as exc:
            pending.clear()
            raise PublishError(f"{origin}: {_explain(exc)}") from None
        done += 1
    pending.clear()
    return done


def _check_size(settings: Settings, origin: str, size: int) -> None:
    if size > settings.max_article_bytes:
        raise PublishError(
            f"{origin}: the article is {size:,} bytes, over STREAMS_MAX_ARTICLE_BYTES="
            f"{settings.max_article_bytes} (the worker would reject it as too_large); raise "
            "that setting to send it"
        )


def _explain(exc: Exception) -> str:
    """The error, and for a message over a size limit, which setting changes that limit."""
    text = f"{type(exc).__name__}: {exc}"
    if "MessageSizeTooLarge" in type(exc).__name__:
        text += (
            " (the broker refuses messages over its message.max.bytes, 1 MB by default: "
            "raise it on the broker, or lower STREAMS_MAX_ARTICLE_BYTES so that publish "
            "refuses such articles up front)"
        )
    return text


def _progress(sent: int, started: float) -> None:
    rate = sent / max(time.monotonic() - started, 1e-9)
    print(f"  ... {sent} articles sent ({rate:.0f}/s)", file=sys.stderr, flush=True)
