"""`streams worker`: one faust worker process around the app."""

from __future__ import annotations

import logging

from streams.settings import Settings

log = logging.getLogger("streams.worker")


def run_worker(settings: Settings) -> int:
    import faust

    from streams.app import create_app

    app = create_app(settings)
    log.info(
        "worker %s consuming %s from %s",
        settings.app_id,
        settings.topic("articles"),
        settings.bootstrap,
    )
    worker = faust.Worker(
        app,
        loglevel=settings.log_level,
        redirect_stdouts=False,
        override_logging=False,
    )
    worker.execute_from_commandline()
    return 0
