"""Blocking and matching: when do two events report the same real-world happening?

The type hierarchy comes from the event-type spec (data/taxonomy.json): family (the spec's
`family` where it has one, else the category) > PLOVER type > event type. Nothing here lists
event types by name.
"""

from __future__ import annotations

import calendar
import math
from dataclasses import dataclass
from datetime import date, timedelta

from streams.extraction import spec
from streams.schemas import Count, Event, Location, When

MATCH_KM = 25.0
EARTH_RADIUS_KM = 6371.0
NO_COUNTRY = "ZZZ"
COUNT_FIELDS = ("killed", "injured", "arrested", "missing", "displaced")
# Tolls rise as bodies are found: a later figure may be this many times the earlier one
# (plus a little) before the two are read as different happenings.
COUNT_GROWTH = 3.0
COUNT_SLACK = 5
DATE_SLACK_DAYS = 1
UNDATED_BEFORE_DAYS = 2
_WEEK_HALF = 3


def family_of(event_type: str) -> str:
    """The event family that blocks and matches: the spec's category (conflict, unrest, ...).

    Not the spec's pattern `family`: an air strike and an attack on civilians come from two
    pattern files but can be one happening told by two outlets.
    """
    return spec.entry(event_type).category


def plover_of(event_type: str) -> str | None:
    return spec.entry(event_type).plover


def types_compatible(a: str, b: str) -> bool:
    """Same type, or one is the other's ancestor (a generic type), along family > PLOVER."""
    if a == b:
        return True
    if family_of(a) != family_of(b):
        return False
    plover_a, plover_b = plover_of(a), plover_of(b)
    return plover_a is None or plover_b is None or plover_a == plover_b


def country_of(event: Event) -> str:
    """The happening's country: its first located place, else its first actor's country."""
    for location in event.locations:
        if location.country:
            return location.country
    for actor in event.actors:
        if actor.country:
            return actor.country
    return NO_COUNTRY


def block_key(event: Event) -> str:
    """family|country: the re-keying key; the date part is matched inside the block (±1 day)."""
    return f"{family_of(event.event_type)}|{country_of(event)}"


@dataclass(frozen=True)
class Span:
    """The days a date could mean, given its precision."""

    first: date
    last: date

    def gap_days(self, other: Span) -> int:
        if self.last < other.first:
            return (other.first - self.last).days
        if other.last < self.first:
            return (self.first - other.last).days
        return 0

    def union(self, other: Span) -> Span:
        return Span(min(self.first, other.first), max(self.last, other.last))


def date_span(event: Event) -> Span | None:
    """Day: that day; week: ±3 days; month or year: all of it; no date: the days before
    publication (a report tells what happened up to then)."""
    if event.when.date:
        return when_span(event.when)
    if event.published_at is not None:
        published = event.published_at.date()
        return Span(published - timedelta(days=UNDATED_BEFORE_DAYS), published)
    return None


def when_span(when: When) -> Span:
    """The days a resolved date can mean, given its precision."""
    if when.date:
        day = date.fromisoformat(when.date[:10])
        if when.precision == "day":
            return Span(day, day)
        if when.precision == "week":
            return Span(day - timedelta(days=_WEEK_HALF), day + timedelta(days=_WEEK_HALF))
        if when.precision == "month":
            last = calendar.monthrange(day.year, day.month)[1]
            return Span(day.replace(day=1), day.replace(day=last))
        return Span(date(day.year, 1, 1), date(day.year, 12, 31))
    raise ValueError("a When without a date has no span")


def event_day(event: Event) -> date:
    """The event-time day that moves a block's window: the day for a day-precise date, the
    first possible day of a coarser one (a "2025" must not push the window to December), never
    after publication; with no date at all, the publication or else the extraction day."""
    span = date_span(event)
    published = event.published_at.date() if event.published_at else None
    if span is None:
        return published or event.extracted_at.date()
    day = span.first if event.when.precision != "day" or not event.when.date else span.last
    return min(day, published) if published else day


def dates_compatible(a: Span | None, b: Span | None) -> bool:
    """Within a day of each other. No date at all (no resolved date, no publication time)
    cannot be placed in time, so it matches nothing: it stays a canonical event of its own."""
    return a is not None and b is not None and a.gap_days(b) <= DATE_SLACK_DAYS


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def _coarse(locations: list[Location]) -> bool:
    return all(loc.precision in ("admin1", "country") for loc in locations)


def _admin1_codes(locations: list[Location]) -> set[str]:
    return {loc.admin1.code or loc.admin1.name for loc in locations if loc.admin1}


def min_distance_km(a: list[Location], b: list[Location]) -> float | None:
    distances = [
        haversine_km(x.latitude, x.longitude, y.latitude, y.longitude)
        for x in a
        for y in b
        if x.latitude is not None
        and x.longitude is not None
        and y.latitude is not None
        and y.longitude is not None
        and x.precision in ("city", "site")
        and y.precision in ("city", "site")
    ]
    return min(distances) if distances else None


def places_compatible(a: list[Location], b: list[Location]) -> bool:
    """Within 25 km; or one side only known to admin1 and the admin1 is shared. A side with
    no place, or only its country, is compatible (the block already fixes the country)."""
    if not a or not b:
        return True
    distance = min_distance_km(a, b)
    if distance is not None and distance <= MATCH_KM:
        return True
    if all(loc.precision == "country" for loc in a) or all(loc.precision == "country" for loc in b):
        return True
    if _coarse(a) or _coarse(b):
        return bool(_admin1_codes(a) & _admin1_codes(b))
    return False


def _countries(actors: list[tuple[str, str | None, str]], role: str) -> set[str]:
    return {country for r, country, _ in actors if r == role and country}


def _speakers(actors: list[tuple[str, str | None, str]]) -> set[str]:
    return {name.casefold() for role, _, name in actors if role == "speaker"}


ActorKey = tuple[str, str | None, str]


def actors_compatible(a: list[ActorKey], b: list[ActorKey]) -> bool:
    """No contradiction: initiators (and targets) from disjoint countries, or different
    speakers, contradict; an actor missing on one side does not."""
    for role in ("initiator", "target"):
        ca, cb = _countries(a, role), _countries(b, role)
        if ca and cb and not ca & cb:
            return False
    sa, sb = _speakers(a), _speakers(b)
    return not (sa and sb and not sa & sb)


def count_bounds(count: Count) -> tuple[float, float]:
    value = float(count.value)
    if count.qualifier == "at_least":
        return value, math.inf
    if count.qualifier == "at_most":
        return 0.0, value
    if count.qualifier == "approximately":
        return value * 0.7, value * 1.3
    return value, value


def counts_compatible(a: Count | None, b: Count | None) -> bool:
    """Figures contradict only when one's floor is far above the other's ceiling."""
    if a is None or b is None:
        return True
    low_a, high_a = count_bounds(a)
    low_b, high_b = count_bounds(b)
    return low_a <= high_b * COUNT_GROWTH + COUNT_SLACK and (
        low_b <= high_a * COUNT_GROWTH + COUNT_SLACK
    )
