"""The flat view of an event (gold or predicted), place and actor matching, and alignment."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from streams.evaluation.gold import EVENT_CATEGORY, GoldEvent
from streams.schemas import Event

T = TypeVar("T")

MATCH_KM = 25.0
EARTH_RADIUS_KM = 6371.0088

SCORED_ROLES = {
    "initiator": "initiator",
    "speaker": "initiator",
    "target": "target",
    "addressee": "target",
    "participant": "participant",
}


@dataclass(frozen=True)
class Place:
    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class Flat:
    """The scored fields of one event, from gold or from a prediction."""

    event_type: str
    category: str
    acled_event_type: str | None
    acled_sub_event_type: str | None
    status: str | None
    date: str | None
    killed: int | None
    injured: int | None
    actors: tuple[tuple[str, str, str | None], ...]  # (role, normalized name, country)
    places: tuple[Place, ...]

    def scalar(self, name: str) -> str | int | None:
        value: str | int | None = getattr(self, name)
        return value

    def summary(self) -> str:
        where = ", ".join(p.name for p in self.places) or "-"
        who = ", ".join(f"{r}={n}" for r, n, _ in self.actors) or "-"
        return (
            f"{self.event_type} [{self.status}] {self.date or '-'} @ {where}; {who}; "
            f"killed={self.killed} injured={self.injured}"
        )


def normalize_name(name: str) -> str:
    """Lower-case, strip accents and punctuation and a leading 'the'."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    return re.sub(r"^the ", "", text)


def _actors(
    pairs: Iterable[tuple[str, str, str | None]],
) -> tuple[tuple[str, str, str | None], ...]:
    return tuple(
        (SCORED_ROLES[role], normalize_name(name), country)
        for role, name, country in pairs
        if role in SCORED_ROLES
    )


def flat_gold(event: GoldEvent) -> Flat:
    return Flat(
        event_type=event.event_type,
        category=EVENT_CATEGORY[event.event_type],
        acled_event_type=event.acled_event_type,
        acled_sub_event_type=event.acled_sub_event_type,
        status=event.status,
        date=event.date,
        killed=event.killed.value if event.killed else None,
        injured=event.injured.value if event.injured else None,
        actors=_actors((a.role, a.name, a.country) for a in event.actors),
        places=tuple(
            Place(p.name, p.country, p.admin1_code, p.latitude, p.longitude)
            for p in event.locations
        ),
    )


def flat_event(event: Event) -> Flat:
    q = event.quantities
    return Flat(
        event_type=event.event_type,
        category=EVENT_CATEGORY.get(event.event_type, event.category),
        acled_event_type=event.codes.acled_event_type,
        acled_sub_event_type=event.codes.acled_sub_event_type,
        status=event.status,
        date=event.when.date,
        killed=q.killed.value if q.killed else None,
        injured=q.injured.value if q.injured else None,
        actors=_actors((a.role, a.name, a.country) for a in event.actors),
        places=tuple(
            Place(
                p.name,
                p.country,
                p.admin1.code if p.admin1 else None,
                p.latitude,
                p.longitude,
            )
            for p in event.locations
        ),
    )


# --------------------------------------------------------------------------- matching


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def place_distance(a: Place, b: Place) -> float | None:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    return haversine_km(a.lat or 0.0, a.lon or 0.0, b.lat or 0.0, b.lon or 0.0)


def places_match(a: Place, b: Place) -> bool:
    distance = place_distance(a, b)
    if distance is not None:
        return distance <= MATCH_KM
    return normalize_name(a.name) == normalize_name(b.name) and a.country == b.country


def actors_match(a: tuple[str, str, str | None], b: tuple[str, str, str | None]) -> bool:
    if a[0] != b[0] and "participant" not in (a[0], b[0]):
        return False
    if a[2] and b[2]:
        return a[2] == b[2]
    return a[1] == b[1]


def actor_names_match(a: tuple[str, str, str | None], b: tuple[str, str, str | None]) -> bool:
    """The stricter actor measure: the roles agree as in actors_match and the normalized
    names are the same; a shared country alone is no match ('Chad' for 'insurgents')."""
    if a[0] != b[0] and "participant" not in (a[0], b[0]):
        return False
    return a[1] == b[1]


def match_lists(
    expected: Sequence[T], predicted: Sequence[T], same: Callable[[T, T], bool]
) -> tuple[int, int, int]:
    """Greedy one-to-one matching of two lists: (TP, FP, FN)."""
    free = list(predicted)
    tp = 0
    for item in expected:
        hit = next((i for i, other in enumerate(free) if same(item, other)), None)
        if hit is not None:
            free.pop(hit)
            tp += 1
    return tp, len(free), len(expected) - tp


def _pair_rank(exp: Flat, pred: Flat) -> tuple[bool, bool, bool, float]:
    distances = [
        d for e in exp.places for p in pred.places if (d := place_distance(e, p)) is not None
    ]
    near = any(places_match(e, p) for e in exp.places for p in pred.places)
    closest = min(distances) if distances else math.inf
    return (
        exp.event_type == pred.event_type,
        near,
        exp.date is not None and exp.date == pred.date,
        -closest,
    )


def align(expected: Sequence[Flat], predicted: Sequence[Flat]) -> list[tuple[int, int]]:
    """Greedy best pairs (expected index, predicted index) within the same category."""
    candidates = [
        (_pair_rank(e, p), i, j)
        for i, e in enumerate(expected)
        for j, p in enumerate(predicted)
        if e.category == p.category
    ]
    candidates.sort(key=lambda c: c[0], reverse=True)
    used_e: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, i, j in candidates:
        if i not in used_e and j not in used_p:
            used_e.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return sorted(pairs)
