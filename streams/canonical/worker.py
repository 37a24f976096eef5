"""`streams canonical`: the canonical worker, a faust worker of its own consumer group."""

from __future__ import annotations

import logging

from streams.settings import Settings

log = logging.getLogger("streams.canonical")


def run_canonical_worker(settings: Settings) -> int:
    import faust

    from streams.canonical.app import create_canonical_app
    from streams.worker import bind_web_port

    web_socket = bind_web_port(
        settings.model_copy(update={"web_port": settings.canonical_web_port})
    )
    app = create_canonical_app(settings, web_socket=web_socket)
    log.info(
        "canonical worker %s: %s -> %s (store %s, window %d days); /metrics on port %d",
        settings.canonical_app_id,
        settings.topic("events"),
        settings.topic("events.canonical"),
        settings.canonical_store,
        settings.canonical_window_days,
        web_socket.getsockname()[1],
    )
    worker = faust.Worker(
        app, loglevel=settings.log_level, redirect_stdouts=False, override_logging=False
    )
    worker.spinner = None
    worker.execute_from_commandline()
    return 0
