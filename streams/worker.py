"""`streams worker`: one faust worker process around the app."""

from __future__ import annotations

import errno
import gc
import logging
import os
import socket
import sys
import time

from streams.errors import ConfigError
from streams.settings import Settings

log = logging.getLogger("streams.worker")


def _warm_up_extraction(gazetteer: str) -> None:
    """Load the gazetteer and lexicons before the first article, not during it.

    They take about 2 s to load; lazily, that stall was paid by the first article and every
    article queued behind it (measured: p99 latency in seconds at half load).
    """
    from streams.extraction import extract
    from streams.extraction.gazetteer import use_dataset
    from streams.schemas import Article

    use_dataset(gazetteer)
    started = time.perf_counter()
    extract(Article(id="warm-up", text="Russian drones struck Kharkiv on Monday, officials said."))
    # The gazetteer is millions of long-lived objects: freezing them keeps the garbage
    # collector's full passes from walking them (measured pauses of ~0.5 s under load).
    gc.collect()
    gc.freeze()
    log.info("extraction data (%s) loaded in %.1f s", gazetteer, time.perf_counter() - started)


def bind_web_port(settings: Settings) -> socket.socket:
    """Bind /metrics' port first, before anything joins the consumer group.

    A second worker on the same host used to join the group, crash on the taken port and
    cause two needless rebalances; now it stops here with one line. Port 0 picks a free one.
    """
    sock = socket.socket(socket.AF_INET6 if ":" in settings.web_host else socket.AF_INET)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((settings.web_host, settings.web_port))
    except OSError as exc:
        sock.close()
        taken = exc.errno == errno.EADDRINUSE
        why = "is already in use (another worker on this host?)" if taken else f"failed: {exc}"
        raise ConfigError(
            f"port {settings.web_port} on {settings.web_host} for /metrics {why}; give each "
            "worker its own with --web-port or STREAMS_WEB_PORT (0 = any free port)"
        ) from None
    sock.listen(128)
    sock.setblocking(False)
    return sock


def run_worker(settings: Settings) -> int:
    import faust

    from streams.app import create_app

    web_socket = bind_web_port(settings)
    _warm_up_extraction(settings.gazetteer)
    app = create_app(settings, web_socket=web_socket)
    log.info(
        "worker %s consuming %s from %s; /metrics on port %d",
        settings.app_id,
        settings.topic("articles"),
        settings.bootstrap,
        web_socket.getsockname()[1],
    )
    worker = faust.Worker(
        app,
        loglevel=settings.log_level,
        redirect_stdouts=False,
        override_logging=False,
    )
    # faust's progress spinner writes terminal escape codes even into a log file.
    worker.spinner = None
    try:
        worker.execute_from_commandline()
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    else:  # pragma: no cover  # execute_from_commandline always raises SystemExit
        code = 0
    # faust has committed and flushed. An extraction past its budget may still run in an
    # executor thread (threads cannot be stopped); the interpreter would wait for it at
    # exit, so the process ends here instead.
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
