"""`streams worker`: one faust worker process around the app."""

from __future__ import annotations

import gc
import logging
import time

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


def run_worker(settings: Settings) -> int:
    import faust

    from streams.app import create_app

    _warm_up_extraction(settings.gazetteer)
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
