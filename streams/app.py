"""The one faust App: the articles agent, its output topics, and the worker's web endpoints.

The agent is thin: it hands the raw bytes to `streams.processing.process_message` in an
executor (streams.flow), sends the records it returns without waiting, and acks the input
message once every record is acknowledged, in offset order per partition. Up to
`in_flight_articles` articles overlap; faust commits only offsets of acked messages
(at-least-once).
"""

from __future__ import annotations

import asyncio
import logging
import socket
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, cast

import faust
from aiohttp import web
from faust.transport.drivers.aiokafka import Producer as AiokafkaProducer

from streams.flow import AckInOrder, ExtractionRunner, InFlight
from streams.kafka_clients import reachable
from streams.metrics import Metrics, get_metrics
from streams.plugins import extraction_for
from streams.processing import (
    ARTICLES,
    DLQ,
    EVENTS,
    Outcome,
    Record,
    Source,
)
from streams.schemas import CATEGORIES
from streams.settings import Settings
from streams.status import StatusBoard, status_page

log = logging.getLogger("streams.worker")


def broker_urls(settings: Settings) -> list[str]:
    return [f"kafka://{server.strip()}" for server in settings.bootstrap.split(",") if server]


def broker_credentials(settings: Settings) -> Any:
    """faust credentials from settings; the password never leaves this function in a log."""
    protocol = settings.security_protocol.upper()
    if protocol == "PLAINTEXT":
        return None
    ssl_context = None
    if protocol.endswith("SSL"):
        import ssl

        ssl_context = ssl.create_default_context(
            cafile=str(settings.ssl_cafile) if settings.ssl_cafile else None
        )
    if protocol.startswith("SASL"):
        password = settings.sasl_password.get_secret_value() if settings.sasl_password else None
        return faust.SASLCredentials(
            username=settings.sasl_username,
            password=password,
            ssl_context=ssl_context,
            mechanism=settings.sasl_mechanism,
        )
    return faust.SSLCredentials(ssl_context)


def create_app(
    settings: Settings, metrics: Metrics | None = None, web_socket: socket.socket | None = None
) -> faust.App:
    """Build the App with its agent and web server; nothing connects until the worker starts.

    `web_socket`: the already bound socket of /metrics (see streams.worker.bind_web_port).
    """
    metrics = metrics or get_metrics()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    app = faust.App(
        settings.app_id,
        broker=broker_urls(settings),
        broker_credentials=broker_credentials(settings),
        key_serializer="raw",
        value_serializer="raw",
        web_enabled=False,
        topic_disable_leader=True,
        topic_allow_declare=False,
        topic_partitions=settings.partitions,
        producer_acks=-1,
        producer_compression_type=None
        if settings.producer_compression == "none"
        else settings.producer_compression,
        producer_linger_ms=settings.producer_linger_ms,
        producer_max_request_size=max(settings.max_article_bytes * 2, 1_048_576),
        consumer_auto_offset_reset="earliest",
        broker_commit_interval=1.0,
        broker_session_timeout=settings.session_timeout,
        broker_heartbeat_interval=max(1.0, settings.session_timeout / 4),
        stream_wait_empty=True,
        worker_redirect_stdouts=False,
        datadir=str(settings.data_dir / settings.app_id),
    )
    cast(Any, app.transport).Producer = IdempotentProducer
    topics = _declare_topics(app, settings)
    board = StatusBoard()
    runner = ExtractionRunner(settings, extraction_for(settings.extra_extractors))
    in_flight = InFlight(
        settings.in_flight_articles, on_failure=lambda exc: asyncio.ensure_future(app.crash(exc))
    )
    _register_agent(AgentContext(app, settings, metrics, topics, board, runner, in_flight))
    _register_rebalance_hooks(app, metrics)
    _register_broker_probe(app, settings, metrics, board)
    _register_web(app, settings, metrics, board, web_socket)
    return app


class IdempotentProducer(AiokafkaProducer):
    """faust's aiokafka producer with idempotence on: a retried send is never written twice."""

    def _settings_extra(self) -> dict[str, Any]:
        return {**super()._settings_extra(), "enable_idempotence": True}


def _declare_topics(app: faust.App, settings: Settings) -> dict[str, Any]:
    def raw_topic(name: str) -> Any:
        return app.topic(
            settings.topic(name),
            key_type=bytes,
            value_type=bytes,
            key_serializer="raw",
            value_serializer="raw",
            internal=False,
        )

    names = [ARTICLES, DLQ, EVENTS, *(f"{EVENTS}.{category}" for category in CATEGORIES)]
    return {name: raw_topic(name) for name in names}


@dataclass(frozen=True)
class AgentContext:
    """What the agent needs besides the message: settings, metrics, topics, status board."""

    app: faust.App
    settings: Settings
    metrics: Metrics
    topics: dict[str, Any]
    board: StatusBoard
    runner: ExtractionRunner
    in_flight: InFlight


def _register_agent(context: AgentContext) -> None:
    app, metrics = context.app, context.metrics

    @app.agent(context.topics[ARTICLES], name="streams.extract-articles")
    async def extract_articles(stream: Any) -> AsyncIterator[None]:
        await _warm_up_producer(app, context.topics)
        acking = stream.noack()
        order = AckInOrder(acking.ack)
        async for event in acking.events():
            metrics.articles_received.inc()
            await context.in_flight.add(_settle(context, order, order.track(event)))
            _observe_lag(app, metrics, event.message)
            yield None

    @app.on_before_shutdown.connect  # type: ignore[arg-type]  # faust stub too narrow
    async def stop_extraction(_: Any, *args: Any, **kwargs: Any) -> None:
        context.runner.shutdown()


async def _settle(context: AgentContext, order: AckInOrder, pending: Any) -> None:
    """One article: extract, send, wait for every acknowledgement, count, ack in order."""
    context.metrics.in_flight.inc()
    try:
        await _handle(context, pending.event.message)
    finally:
        context.metrics.in_flight.dec()
    await order.finished(pending)


async def _warm_up_producer(app: faust.App, topics: dict[str, Any]) -> None:
    """Fetch the output topics' metadata once, before the first article.

    Otherwise the first send to each events.<category> topic waits for a metadata round
    (seconds, measured) while every article behind it queues up.
    """
    producer = cast(Any, app.producer)._ensure_producer()  # the aiokafka producer
    for name in (DLQ, EVENTS, *(f"{EVENTS}.{category}" for category in CATEGORIES)):
        try:
            await producer.partitions_for(topics[name].get_topic_name())
        except Exception as exc:  # a slow broker must not stop the worker; sends retry
            log.warning("no metadata yet for %s: %s", name, exc)


async def _handle(context: AgentContext, message: Any) -> None:
    metrics = context.metrics
    source = Source(message.topic, message.partition, message.offset, message.key)
    started = time.perf_counter()
    outcome = await context.runner.run(message.value, source, datetime.now(UTC))
    if outcome.rejected_reason is None:
        metrics.extraction_seconds.observe(time.perf_counter() - started)
    await _send_all(context.topics, outcome.records)
    _count(metrics, context.board, outcome, message.timestamp)


async def _send_all(topics: dict[str, Any], records: list[Record]) -> None:
    """Send every record now and wait until the broker acknowledged all of them."""
    pending = []
    for record in records:
        future = await topics[record.topic].send(
            key=record.key, value=record.value, headers=record.headers, force=True
        )
        pending.append(future)
    if pending:
        await asyncio.gather(*pending)


def _count(metrics: Metrics, board: StatusBoard, outcome: Outcome, produced_at: float) -> None:
    if outcome.rejected_reason is not None:
        metrics.articles_rejected.labels(reason=outcome.rejected_reason).inc()
        board.record_rejection(outcome.rejected_reason)
        log.warning("article rejected to DLQ: %s", outcome.rejected_reason)
        return
    for failure in outcome.failures:
        metrics.extractor_errors.labels(extractor=failure.extractor).inc()
        metrics.articles_rejected.labels(reason="extractor_error").inc()
        log.error("extractor %s failed: %s", failure.extractor, failure.error)
    for event in outcome.events:
        metrics.events_published.labels(category=event.category, event_type=event.event_type).inc()
    metrics.articles_processed.inc()
    if produced_at:
        metrics.end_to_end_latency.observe(max(0.0, time.time() - produced_at))
    board.record_article(outcome.events)


def _observe_lag(app: faust.App, metrics: Metrics, message: Any) -> None:
    try:
        highwater = app.consumer.highwater(message.tp)
    except (KeyError, AttributeError, AssertionError):
        return
    if highwater is not None:
        lag = max(0, highwater - message.offset - 1)
        metrics.consumer_lag.labels(topic=message.topic, partition=str(message.partition)).set(lag)


def _register_rebalance_hooks(app: faust.App, metrics: Metrics) -> None:
    @app.on_partitions_assigned.connect  # type: ignore[arg-type]  # faust stub too narrow
    async def on_assigned(_: Any, *args: Any, **kwargs: Any) -> None:
        assigned: set[Any] = args[0] if args else kwargs.get("assigned", set())
        metrics.rebalances.inc()
        metrics.assigned_partitions.set(len(assigned))
        log.info("partitions assigned: %s", sorted(f"{tp.topic}/{tp.partition}" for tp in assigned))

    @app.on_partitions_revoked.connect  # type: ignore[arg-type]  # faust stub too narrow
    async def on_revoked(_: Any, *args: Any, **kwargs: Any) -> None:
        revoked = args[0] if args else kwargs.get("revoked", ())
        log.info("partitions revoked: %d", len(revoked))


BROKER_PROBE_SECONDS = 2.0


async def broker_reachable(bootstrap: str, timeout: float = 1.5) -> bool:
    """True when a TCP connection to any bootstrap server opens within the timeout."""
    return await asyncio.to_thread(reachable, bootstrap, timeout)


def _register_broker_probe(
    app: faust.App, settings: Settings, metrics: Metrics, board: StatusBoard
) -> None:
    """broker_up gauge and health: logs one line when the broker goes away and comes back."""
    # Until the first probe, the gauge says what /health says (the worker reached Kafka to
    # start); a gauge left at 0 read as an outage that /health did not report.
    metrics.broker_up.set(1 if board.broker_up else 0)

    @app.timer(interval=BROKER_PROBE_SECONDS)  # type: ignore[untyped-decorator]
    async def probe_broker() -> None:
        up = await broker_reachable(settings.bootstrap)
        metrics.broker_up.set(1 if up else 0)
        if up != board.broker_up:
            if up:
                log.warning("Kafka at %s is reachable again", settings.bootstrap)
            else:
                log.error("Kafka at %s is unreachable; retrying", settings.bootstrap)
        board.broker_up = up


def _register_web(
    app: faust.App,
    settings: Settings,
    metrics: Metrics,
    board: StatusBoard,
    web_socket: socket.socket | None,
) -> None:
    """/metrics, /health and (unless switched off) the status page at /; nothing else."""

    async def metrics_view(_: web.Request) -> web.Response:
        return web.Response(body=metrics.render(), content_type="text/plain", charset="utf-8")

    async def health_view(_: web.Request) -> web.Response:
        body = board.health()
        return web.json_response(body, status=200 if body["status"] == "ok" else 503)

    async def page_view(_: web.Request) -> web.Response:
        return web.Response(text=status_page(board), content_type="text/html")

    async def board_view(_: web.Request) -> web.Response:
        return web.json_response(board.snapshot())

    web_app = web.Application()
    web_app.router.add_get("/metrics", metrics_view)
    web_app.router.add_get("/health", health_view)
    if settings.web_status_page:
        web_app.router.add_get("/", page_view)
        web_app.router.add_get("/status.json", board_view)
    runner = web.AppRunner(web_app, access_log=None)

    @app.task  # type: ignore[untyped-decorator]
    async def serve_web() -> None:
        await runner.setup()
        site: web.BaseSite
        if web_socket is None:
            site = web.TCPSite(runner, settings.web_host, settings.web_port)
            port = settings.web_port
        else:
            site = web.SockSite(runner, web_socket)
            port = web_socket.getsockname()[1]
        await site.start()
        board.mark_started()
        log.info("metrics on http://%s:%d/metrics", settings.web_host, port)

    @app.on_before_shutdown.connect  # type: ignore[arg-type]  # faust stub too narrow
    async def stop_web(_: Any, *args: Any, **kwargs: Any) -> None:
        await runner.cleanup()
