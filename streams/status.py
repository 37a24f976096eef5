"""In-memory view of what the worker did lately: health and the live status page."""

from __future__ import annotations

import time
from collections import Counter, deque
from html import escape
from typing import Any

from streams.schemas import Event

BUCKET_SECONDS = 10
BUCKETS_KEPT = 60
LAST_EVENTS_KEPT = 25


class StatusBoard:
    """Throughput per 10 s bucket, DLQ counts and the last events. Mutated by the agent only."""

    def __init__(self) -> None:
        self.started = False
        self.processed = 0
        self.events_total = 0
        self.rejections: Counter[str] = Counter()
        self.buckets: deque[tuple[int, int, int]] = deque(maxlen=BUCKETS_KEPT)
        self.last_events: deque[dict[str, Any]] = deque(maxlen=LAST_EVENTS_KEPT)
        self.last_activity = 0.0
        self.broker_up = True

    def mark_started(self) -> None:
        self.started = True

    def record_article(self, events: list[Event]) -> None:
        self.processed += 1
        self.events_total += len(events)
        self._bump(1, len(events))
        for event in events:
            self.last_events.appendleft(_brief(event))

    def record_rejection(self, reason: str) -> None:
        self.rejections[reason] += 1
        self._bump(0, 0)

    def _bump(self, articles: int, events: int) -> None:
        now = time.time()
        self.last_activity = now
        bucket = int(now // BUCKET_SECONDS) * BUCKET_SECONDS
        if self.buckets and self.buckets[-1][0] == bucket:
            _, seen_articles, seen_events = self.buckets[-1]
            self.buckets[-1] = (bucket, seen_articles + articles, seen_events + events)
        else:
            self.buckets.append((bucket, articles, events))

    def health(self) -> dict[str, Any]:
        return {
            "status": _health_status(self.started, self.broker_up),
            "broker_up": self.broker_up,
            "articles_processed": self.processed,
            "events_published": self.events_total,
            "rejected": dict(self.rejections),
        }

    def snapshot(self) -> dict[str, Any]:
        return {
            **self.health(),
            "throughput": [
                {"t": bucket, "articles": articles, "events": events}
                for bucket, articles, events in self.buckets
            ],
            "bucket_seconds": BUCKET_SECONDS,
            "last_events": list(self.last_events),
        }


def _health_status(started: bool, broker_up: bool) -> str:
    if not started:
        return "starting"
    return "ok" if broker_up else "broker_unreachable"


def _brief(event: Event) -> dict[str, Any]:
    quantities = event.quantities
    return {
        "event_type": event.event_type,
        "status": event.status,
        "actors": [f"{actor.role}: {actor.name}" for actor in event.actors],
        "places": [location.name for location in event.locations],
        "date": event.when.date,
        "killed": quantities.killed.value if quantities.killed else None,
        "injured": quantities.injured.value if quantities.injured else None,
        "summary": event.summary,
    }


def status_page(board: StatusBoard) -> str:
    """A self-contained page; its script polls /status.json every 2 s."""
    return _PAGE.replace("{{processed}}", escape(str(board.processed)))


_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>streams worker</title>
<style>
body{font-family:system-ui,sans-serif;margin:1.5rem;color:#222;background:#fafafa}
h1{font-size:1.3rem} .cards{display:flex;gap:1rem;margin:1rem 0}
.card{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.6rem 1rem;min-width:9rem}
.card b{display:block;font-size:1.6rem} table{border-collapse:collapse;width:100%;background:#fff}
td,th{border-bottom:1px solid #eee;padding:.3rem .5rem;text-align:left;font-size:.9rem}
canvas{background:#fff;border:1px solid #ddd;border-radius:6px}
</style></head><body>
<h1>streams worker &mdash; live status</h1>
<div class="cards">
 <div class="card">articles processed<b id="processed">{{processed}}</b></div>
 <div class="card">events published<b id="events">0</b></div>
 <div class="card">sent to DLQ<b id="dlq">0</b></div>
</div>
<h2>Throughput (articles per 10 s, last 10 minutes)</h2>
<canvas id="chart" width="900" height="180"></canvas>
<h2>DLQ by reason</h2><table id="reasons"><tr><th>reason</th><th>count</th></tr></table>
<h2>Last events</h2>
<table id="last"><tr><th>type</th><th>status</th><th>actors</th><th>places</th><th>date</th>
<th>killed</th><th>injured</th></tr></table>
<script>
function cell(row, text){const td=document.createElement('td');
 td.textContent=text??'';row.appendChild(td);}
function draw(points){const c=document.getElementById('chart'),g=c.getContext('2d');
 g.clearRect(0,0,c.width,c.height);const max=Math.max(1,...points.map(p=>p.articles));
 const w=c.width/60;g.fillStyle='#3b7dd8';
 points.forEach((p,i)=>{const h=(c.height-20)*p.articles/max;g.fillRect(i*w+1,c.height-h,w-2,h);});
 g.fillStyle='#555';g.fillText('max '+max,4,12);}
async function refresh(){const r=await fetch('status.json');const s=await r.json();
 document.getElementById('processed').textContent=s.articles_processed;
 document.getElementById('events').textContent=s.events_published;
 document.getElementById('dlq').textContent=Object.values(s.rejected).reduce((a,b)=>a+b,0);
 draw(s.throughput);
 const reasons=document.getElementById('reasons');while(reasons.rows.length>1)reasons.deleteRow(1);
 for(const [k,v] of Object.entries(s.rejected)){const tr=reasons.insertRow();cell(tr,k);cell(tr,v);}
 const last=document.getElementById('last');while(last.rows.length>1)last.deleteRow(1);
 for(const e of s.last_events){const tr=last.insertRow();cell(tr,e.event_type);cell(tr,e.status);
  cell(tr,e.actors.join('; '));cell(tr,e.places.join(', '));cell(tr,e.date);cell(tr,e.killed);
  cell(tr,e.injured);}}
refresh();setInterval(refresh,2000);
</script></body></html>
"""
