"""The dashboard's HTTP side: the page, its static files, two JSON views and one SSE stream.

Only GET: any other method is 405. Nothing from Settings is served, except the window
length; workers are named by host:port only.
"""

from __future__ import annotations

import queue
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import urlsplit

from streams.dashboard.store import Store, sse_json
from streams.schemas import CATEGORIES

STATIC = Path(__file__).parent / "static"
HEARTBEAT_SECONDS = 15.0
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".png": "image/png",
}
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def static_files() -> dict[str, Path]:
    """URL path -> file, fixed at start: a request can name nothing outside this list."""
    files = {f"/static/{p.relative_to(STATIC).as_posix()}": p for p in STATIC.rglob("*")}
    files["/"] = STATIC / "index.html"
    return {url: path for url, path in files.items() if path.suffix in TYPES}


class Handler(BaseHTTPRequestHandler):
    server_version = "streams-dashboard"
    sys_version = ""
    store: ClassVar[Store]
    files: ClassVar[dict[str, Path]]

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        if path in self.files:
            file = self.files[path]
            self._send(HTTPStatus.OK, TYPES[file.suffix], file.read_bytes())
        elif path == "/api/events":
            view = {
                "hours": self.store.hours,
                "source_topic": self.store.source_topic,
                "categories": list(CATEGORIES),
                "points": self.store.points(),
            }
            self._json(view)
        elif path == "/api/throughput":
            self._json(self.store.throughput)
        elif path == "/health":
            self._json({"status": "ok" if self.store.source_topic else "starting"})
        elif path == "/stream":
            self._stream()
        else:
            self._send(HTTPStatus.NOT_FOUND, "text/plain; charset=utf-8", b"not found\n")

    def _refuse(self) -> None:
        self.send_response(HTTPStatus.METHOD_NOT_ALLOWED)
        self.send_header("Allow", "GET")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _json(self, value: Any) -> None:
        self._send(HTTPStatus.OK, "application/json", sse_json(value).encode())

    def _send(self, status: HTTPStatus, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        for name, value in SECURITY_HEADERS.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _stream(self) -> None:
        """Server-sent events: `point` for each new or changed event, `throughput` per scrape."""
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        for name, value in SECURITY_HEADERS.items():
            self.send_header(name, value)
        self.end_headers()
        subscriber = self.store.subscribe()
        try:
            self.wfile.write(b"retry: 2000\n\n")
            self.wfile.flush()
            while not self.store.closing.is_set():
                try:
                    name, data = subscriber.messages.get(timeout=HEARTBEAT_SECONDS)
                    chunk = f"event: {name}\ndata: {data}\n\n"
                except queue.Empty:
                    chunk = ": heartbeat\n\n"
                self.wfile.write(chunk.encode())
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass
        finally:
            self.store.unsubscribe(subscriber)


for _method in ("POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "CONNECT"):
    setattr(Handler, f"do_{_method}", Handler._refuse)


def make_server(host: str, port: int, store: Store) -> ThreadingHTTPServer:
    handler = type(
        "DashboardHandler",
        (Handler,),
        {"store": store, "files": static_files()},
    )
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    return server
