"""The dashboard's memory: the points of the time window, and the live streams that follow it."""

from __future__ import annotations

import json
import queue
import threading
import time
from collections import OrderedDict
from typing import Any

from streams.dashboard.points import Point

SUBSCRIBER_BACKLOG = 1000
EVIDENCE_KEPT = 50_000


def sse_json(value: Any) -> str:
    """JSON that cannot close a <script> or an HTML comment wherever it is pasted."""
    text = json.dumps(value, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


class Subscriber:
    """One open /stream: a bounded queue of (event name, JSON text)."""

    def __init__(self) -> None:
        self.messages: queue.Queue[tuple[str, str]] = queue.Queue(SUBSCRIBER_BACKLOG)

    def offer(self, name: str, data: str) -> bool:
        try:
            self.messages.put_nowait((name, data))
        except queue.Full:
            return False
        return True


class Store:
    """Points by id (newest last), the evidence of events by id, and the subscribers."""

    def __init__(self, hours: float, max_points: int) -> None:
        self.hours = hours
        self.max_points = max_points
        self.source_topic = ""  # set by the feed once it reads; until then /health: starting
        self._points: OrderedDict[str, Point] = OrderedDict()
        self._evidence: OrderedDict[str, str] = OrderedDict()
        self._subscribers: list[Subscriber] = []
        self._lock = threading.Lock()
        self.throughput: dict[str, Any] = {}
        self.closing = threading.Event()  # set on shutdown: every open /stream ends

    def remember_evidence(self, event_id: str, sentence: str) -> None:
        with self._lock:
            self._evidence[event_id] = sentence
            while len(self._evidence) > EVIDENCE_KEPT:
                self._evidence.popitem(last=False)

    def upsert(self, point: Point) -> None:
        with self._lock:
            self._points.pop(point.id, None)
            self._points[point.id] = point
            while len(self._points) > self.max_points:
                self._points.popitem(last=False)
            shown = self._shown(point)
        self._broadcast("point", sse_json(shown))

    def set_source(self, topic: str) -> None:
        self.source_topic = topic
        self._broadcast("source", sse_json(topic))

    def set_throughput(self, throughput: dict[str, Any]) -> None:
        self.throughput = throughput
        self._broadcast("throughput", sse_json(throughput))

    def points(self) -> list[dict[str, Any]]:
        """The points seen within the window, oldest first."""
        since = time.time() - self.hours * 3600
        with self._lock:
            return [self._shown(p) for p in self._points.values() if p.seen >= since]

    def _shown(self, point: Point) -> dict[str, Any]:
        if point.canonical and not point.evidence:
            found = [self._evidence[i] for i in point.member_ids if i in self._evidence]
            point = point.model_copy(update={"evidence": list(dict.fromkeys(found))})
        return point.model_dump(exclude={"member_ids"})

    def subscribe(self) -> Subscriber:
        subscriber = Subscriber()
        with self._lock:
            self._subscribers.append(subscriber)
        return subscriber

    def unsubscribe(self, subscriber: Subscriber) -> None:
        with self._lock:
            if subscriber in self._subscribers:
                self._subscribers.remove(subscriber)

    def _broadcast(self, name: str, data: str) -> None:
        with self._lock:
            subscribers = list(self._subscribers)
        for subscriber in subscribers:
            if not subscriber.offer(name, data):
                self.unsubscribe(subscriber)  # a stalled page reconnects and reloads the list
