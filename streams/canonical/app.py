"""The canonical worker's faust App: `events` -> re-key by block -> merge in a Table ->
`events.canonical`.

Two agents. `rekey` reads `events` (keyed by event id, so one happening's events are spread
over partitions) and forwards each event to an internal topic keyed by its block key
(family|country): every candidate of a merge lands on one partition, in one order. `merge`
reads that topic and runs `Canonicalizer.process` with a changelog-backed faust Table as its
state; every output (the whole canonical event) goes to the compacted `events.canonical`.
Each send is acknowledged before the input message is marked handled, and only handled
messages are committed (see `streams.canonical.delivery`, which also works around faust's
loss of records fetched while the tables restore), so a crash, restart or rebalance
redelivers the input; a redelivered event is found among the members and republished
unchanged.
"""

from __future__ import annotations

import json
import logging
import socket
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any, cast

import faust
from aiohttp import web
from pydantic import ValidationError

from streams.app import IdempotentProducer, broker_credentials, broker_urls
from streams.canonical.delivery import SeekFirstTableManager, guarded_consumer, mark_handled
from streams.canonical.match import block_key
from streams.canonical.model import CanonicalEvent
from streams.canonical.state import Canonicalizer, Outcome
from streams.metrics import CanonicalMetrics
from streams.schemas import Event
from streams.settings import Settings
from streams.topics import EVENTS, EVENTS_CANONICAL

log = logging.getLogger("streams.canonical")

BLOCKS_TABLE = "canonical-blocks"
CANONICALS_TABLE = "canonical-events"
TABLES = (BLOCKS_TABLE, CANONICALS_TABLE)
STATE_PROBE_SECONDS = 5.0
Headers = list[tuple[str, bytes]]


def blocks_topic_name(settings: Settings) -> str:
    """The internal re-keying topic (created by faust, like the table's changelog)."""
    return settings.topic(f"{settings.canonical_app_id}-events-by-block")


def changelog_topic_name(settings: Settings, table: str) -> str:
    """faust's name for a table's changelog: app id and table name, no topic prefix."""
    return f"{settings.canonical_app_id}-{table}-changelog"


def store_url(settings: Settings) -> str:
    return "rocksdb://" if settings.canonical_store == "rocksdb" else "memory://"


def canonical_headers(canonical: CanonicalEvent) -> Headers:
    """Like `events`: content type, schema version and CloudEvents binary-mode headers."""
    return [
        ("content-type", b"application/json"),
        ("schema-version", canonical.schema_version.encode()),
        ("ce_specversion", b"1.0"),
        ("ce_id", f"{canonical.canonical_id}:{canonical.version}".encode()),
        ("ce_source", b"urn:streams:canonical"),
        ("ce_type", f"org.streams.canonical.{canonical.event_type}.v1".encode()),
        ("ce_time", canonical.updated_at.isoformat().encode()),
        ("ce_subject", canonical.canonical_id.encode()),
        ("ce_datacontenttype", b"application/json"),
    ]


@dataclass(frozen=True)
class Wiring:
    app: faust.App
    settings: Settings
    metrics: CanonicalMetrics
    events: Any
    blocks: Any
    output: Any
    blocks_table: Any
    canonicals_table: Any


def create_canonical_app(
    settings: Settings,
    metrics: CanonicalMetrics | None = None,
    web_socket: socket.socket | None = None,
) -> faust.App:
    """Build the canonical App; nothing connects until the worker starts."""
    from prometheus_client import CollectorRegistry

    metrics = metrics or CanonicalMetrics(CollectorRegistry(auto_describe=True))
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    app = faust.App(
        settings.canonical_app_id,
        broker=broker_urls(settings),
        broker_credentials=broker_credentials(settings),
        key_serializer="raw",
        value_serializer="raw",
        web_enabled=False,
        topic_disable_leader=True,
        topic_allow_declare=True,  # faust creates its own internal topics (re-key, changelog)
        topic_partitions=settings.partitions,
        producer_acks=-1,
        consumer_auto_offset_reset="earliest",
        broker_commit_interval=1.0,
        broker_session_timeout=settings.session_timeout,
        broker_heartbeat_interval=max(1.0, settings.session_timeout / 4),
        store=store_url(settings),
        # No standby copies: a partition promoted from standby to active once stalled in
        # recovery ("No event received for active tp") in the two-worker fault test; a
        # fresh restore of these tables takes a second or two.
        table_standby_replicas=0,
        stream_wait_empty=True,
        worker_redirect_stdouts=False,
        datadir=str(settings.data_dir / settings.canonical_app_id),
        TableManager=SeekFirstTableManager,
    )
    transport = cast(Any, app.transport)
    transport.Producer = IdempotentProducer
    events, blocks, output = _topics(app, settings)
    transport.Consumer = guarded_consumer({events.get_topic_name(), blocks.get_topic_name()})
    wiring = Wiring(
        app,
        settings,
        metrics,
        events,
        blocks,
        output,
        _table(app, settings, BLOCKS_TABLE),
        _table(app, settings, CANONICALS_TABLE),
    )
    _register_agents(wiring)
    _register_state_probe(wiring)
    _register_restore_timer(wiring)
    _register_web(app, settings, metrics, web_socket)
    return app


def _topics(app: faust.App, settings: Settings) -> tuple[Any, Any, Any]:
    def raw(name: str, *, internal: bool) -> Any:
        return app.topic(
            name,
            key_type=bytes,
            value_type=bytes,
            key_serializer="raw",
            value_serializer="raw",
            internal=internal,
            partitions=settings.partitions,
        )

    return (
        raw(settings.topic(EVENTS), internal=False),
        raw(blocks_topic_name(settings), internal=True),
        raw(settings.topic(EVENTS_CANONICAL), internal=False),
    )


def _table(app: faust.App, settings: Settings, name: str) -> Any:
    """A changelog-backed table. Both are written while a `blocks` message is processed, so
    their changelog partitions follow that message's partition (co-partitioned)."""
    schema: Any = faust.Schema(key_type=str, key_serializer="json", value_serializer="json")
    return app.Table(name, default=None, partitions=settings.partitions, schema=schema)


def _register_agents(wiring: Wiring) -> None:
    app, metrics = wiring.app, wiring.metrics
    engine = Canonicalizer(
        blocks=wiring.blocks_table,
        canonicals=wiring.canonicals_table,
        window_days=wiring.settings.canonical_window_days,
    )

    @app.agent(wiring.events, name="streams.canonical-rekey")
    async def rekey(stream: Any) -> AsyncIterator[None]:
        async for message in stream.events():
            event = _decode(message.value)
            if event is not None:
                sent = await wiring.blocks.send(key=block_key(event).encode(), value=message.value)
                await sent
            mark_handled(app, message.message)
            yield None

    @app.agent(wiring.blocks, name="streams.canonical-merge")
    async def merge(stream: Any) -> AsyncIterator[None]:
        async for message in stream.events():
            event = _decode(message.value)
            if event is not None:
                outcome = engine.process(event)
                await _publish(wiring.output, outcome)
                _count(metrics, outcome)
            mark_handled(app, message.message)
            yield None


def _decode(value: bytes | None) -> Event | None:
    try:
        return Event.model_validate_json(value or b"")
    except ValidationError as exc:
        log.warning("not an event, skipped: %s", str(exc).splitlines()[0])
        return None


async def _publish(output: Any, outcome: Outcome) -> None:
    """Send every message of one merge and wait until the broker has them all."""
    pending = []
    for key, value in outcome.messages:
        body = value.model_dump_json(exclude_none=True).encode() if value else None
        headers = canonical_headers(value) if value else []
        pending.append(await output.send(key=key.encode(), value=body, headers=headers))
    for future in pending:
        await future


def _count(metrics: CanonicalMetrics, outcome: Outcome) -> None:
    metrics.events_in.inc()
    if outcome.created:
        metrics.created.inc()
    if outcome.updated and not outcome.duplicate:
        metrics.updated.inc()
    if outcome.late:
        metrics.late.inc()
    if outcome.duplicate:
        metrics.duplicates.inc()
    metrics.evicted.inc(outcome.evicted)


def state_figures(blocks: Any, canonicals: Any) -> tuple[int, int, int]:
    """(canonical events, blocks, JSON bytes) of the two tables' values."""
    live = [value for value in canonicals if value is not None]
    index = [value for value in blocks if value is not None]
    size = sum(len(json.dumps(v, separators=(",", ":"))) for v in (*live, *index))
    return len(live), len(index), size


def _register_state_probe(wiring: Wiring) -> None:
    @wiring.app.timer(interval=STATE_PROBE_SECONDS)  # type: ignore[untyped-decorator]
    async def probe_state() -> None:
        canonicals, blocks, size = state_figures(
            list(wiring.blocks_table.values()), list(wiring.canonicals_table.values())
        )
        wiring.metrics.state_size.set(canonicals)
        wiring.metrics.state_blocks.set(blocks)
        wiring.metrics.state_bytes.set(size)


def _register_restore_timer(wiring: Wiring) -> None:
    app = wiring.app

    @app.on_rebalance_complete.connect  # type: ignore[arg-type]  # faust stub too narrow
    async def on_restored(_: Any, *args: Any, **kwargs: Any) -> None:
        started = getattr(cast(Any, app.tables).recovery, "_recovery_started_at", None)
        if started is None:
            return
        seconds = max(0.0, time.monotonic() - started)
        wiring.metrics.restore_seconds.observe(seconds)
        wiring.metrics.last_restore_seconds.set(seconds)
        rows = len(list(wiring.canonicals_table.keys()))
        log.info("canonical tables restored in %.3f s (%d canonical events)", seconds, rows)


def _register_web(
    app: faust.App,
    settings: Settings,
    metrics: CanonicalMetrics,
    web_socket: socket.socket | None,
) -> None:
    async def metrics_view(_: web.Request) -> web.Response:
        return web.Response(body=metrics.render(), content_type="text/plain", charset="utf-8")

    async def health_view(_: web.Request) -> web.Response:
        return web.json_response({"status": "ok"})

    web_app = web.Application()
    web_app.router.add_get("/metrics", metrics_view)
    web_app.router.add_get("/health", health_view)
    runner = web.AppRunner(web_app, access_log=None)

    @app.task  # type: ignore[untyped-decorator]
    async def serve_web() -> None:
        await runner.setup()
        site: web.BaseSite
        if web_socket is None:
            site = web.TCPSite(runner, settings.web_host, settings.canonical_web_port)
        else:
            site = web.SockSite(runner, web_socket)
        await site.start()

    @app.on_before_shutdown.connect  # type: ignore[arg-type]  # faust stub too narrow
    async def stop_web(_: Any, *args: Any, **kwargs: Any) -> None:
        await runner.cleanup()
