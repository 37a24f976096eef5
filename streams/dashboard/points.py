"""What the map draws: one point per event or canonical event, read tolerantly from JSON.

Both shapes are read with `.get`, so a message missing optional fields (or a newer schema
with more of them) still makes a point; a message with no located place makes none.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field

COUNT_NAMES = ("killed", "injured", "arrested", "missing", "displaced")


class Source(BaseModel):
    name: str | None = None
    url: str | None = None


class Point(BaseModel):
    """One dot on the map with what its click shows. `seen` is epoch seconds."""

    id: str
    canonical: bool
    event_type: str
    category: str
    status: str | None = None
    summary: str | None = None
    actors: list[str] = Field(default_factory=list)
    date: str | None = None
    counts: dict[str, int] = Field(default_factory=dict)
    mentions: int = 1
    evidence: list[str] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    place: str
    country: str | None = None
    latitude: float
    longitude: float
    seen: float
    member_ids: list[str] = Field(default_factory=list)


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _first_place(data: dict[str, Any]) -> dict[str, Any] | None:
    for location in map(_dict, _list(data.get("locations"))):
        lat, lon = location.get("latitude"), location.get("longitude")
        if isinstance(lat, int | float) and isinstance(lon, int | float):
            return location
    return None


def _epoch(value: Any, fallback: float) -> float:
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()
        except ValueError:
            return fallback
    return fallback


def _counts(quantities: dict[str, Any]) -> dict[str, int]:
    counts = {}
    for name in COUNT_NAMES:
        value = _dict(quantities.get(name)).get("value")
        if isinstance(value, int):
            counts[name] = value
    return counts


def _actors(data: dict[str, Any]) -> list[str]:
    actors = []
    for actor in map(_dict, _list(data.get("actors"))):
        name = _text(actor.get("name"))
        if name:
            role = _text(actor.get("role"))
            actors.append(f"{role}: {name}" if role else name)
    return actors


def _common(data: dict[str, Any], place: dict[str, Any]) -> dict[str, Any]:
    return {
        "event_type": _text(data.get("event_type")) or "unknown",
        "category": _text(data.get("category")) or "other",
        "status": _text(data.get("status")),
        "summary": _text(data.get("summary")),
        "actors": _actors(data),
        "date": _text(_dict(data.get("when")).get("date")),
        "counts": _counts(_dict(data.get("quantities"))),
        "place": _text(place.get("name")) or "?",
        "country": _text(place.get("country")),
        "latitude": float(place["latitude"]),
        "longitude": float(place["longitude"]),
    }


def point_from_event(data: dict[str, Any], received: float) -> Point | None:
    """A point for one message of `events`; None without an id or a located place."""
    place = _first_place(data)
    event_id = _text(data.get("event_id"))
    if place is None or event_id is None:
        return None
    sentence = _text(_dict(data.get("evidence")).get("sentence"))
    source = Source(name=_text(data.get("source")), url=_text(data.get("url")))
    return Point(
        id=event_id,
        canonical=False,
        evidence=[sentence] if sentence else [],
        sources=[source] if source.name or source.url else [],
        seen=_epoch(data.get("extracted_at"), received),
        member_ids=[event_id],
        **_common(data, place),
    )


def point_from_canonical(data: dict[str, Any], received: float) -> Point | None:
    """A point for one message of `events.canonical` (streams.canonical.model.CanonicalEvent)."""
    place = _first_place(data)
    canonical_id = _text(data.get("canonical_id"))
    if place is None or canonical_id is None:
        return None
    mentions = [_dict(mention) for mention in _list(data.get("mentions"))]
    sources = [
        Source(name=_text(m.get("source")), url=_text(m.get("url")))
        for m in mentions
        if _text(m.get("source")) or _text(m.get("url"))
    ]
    return Point(
        id=canonical_id,
        canonical=True,
        mentions=max(1, len(mentions)),
        sources=sources,
        seen=_epoch(data.get("updated_at"), received),
        member_ids=[m["event_id"] for m in mentions if _text(m.get("event_id"))],
        **_common(data, place),
    )
