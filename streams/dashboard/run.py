"""`streams dashboard`: the feed and scraper threads behind the HTTP server, until stopped."""

from __future__ import annotations

import signal
from types import FrameType

from streams.dashboard.feed import Feed
from streams.dashboard.server import make_server
from streams.dashboard.store import Store
from streams.dashboard.throughput import Scraper
from streams.kafka_clients import require_broker
from streams.settings import Settings


def run_dashboard(settings: Settings) -> int:
    require_broker(settings)
    store = Store(settings.dashboard_hours, settings.dashboard_max_events)
    feed = Feed(settings, store)
    scraper = Scraper(settings.metrics_urls, settings.dashboard_scrape_seconds, store)
    server = make_server(settings.dashboard_host, settings.dashboard_port, store)
    host, port = server.server_address[:2]
    feed.start()
    scraper.start()

    def stop(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    print(f"dashboard: http://{host!s}:{port}/", flush=True)
    try:
        server.serve_forever(poll_interval=0.5)
    except KeyboardInterrupt:
        pass
    finally:
        feed.stopping.set()
        scraper.stopping.set()
        store.closing.set()
        server.server_close()
    return 0
