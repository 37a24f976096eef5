"""Merging one event into a canonical event: fields, mentions, counts and their history."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar, get_args

from streams.canonical.match import COUNT_FIELDS, Span, date_span, event_day
from streams.canonical.model import (
    CanonicalEvent,
    CountChange,
    Mention,
    MergedCount,
    MergedQuantities,
    SourceCount,
)
from streams.extraction import spec
from streams.schemas import Actor, Codes, Count, Event, Location, Status, Weapon, When

T = TypeVar("T")

# A figure counts as well sourced when its extraction is at least this confident and it is
# not only a ceiling ("up to 10"); when no figure is, the highest figure is kept all the same.
WELL_SOURCED_CONFIDENCE = 0.5
_QUALIFIER_ORDER = {"exact": 0, "at_least": 1, "approximately": 2, "at_most": 3}
_PRECISION_ORDER = {"site": 0, "city": 1, "admin1": 2, "country": 3}
_DATE_PRECISION_ORDER = {"day": 0, "week": 1, "month": 2, "year": 3}
_STATUS_ORDER = {status: rank for rank, status in enumerate(get_args(Status))}


def found(block: str, family: str, event: Event, canonical_id: str) -> CanonicalEvent:
    """A new canonical event with one mention."""
    span = date_span(event) or Span(event_day(event), event_day(event))
    empty = CanonicalEvent(
        canonical_id=canonical_id,
        version=0,
        block=block,
        family=family,
        event_type=event.event_type,
        category=event.category,
        first_day=span.first,
        last_day=span.last,
        updated_at=event.extracted_at,
    )
    merged = absorb(empty, event)
    assert merged is not None  # a first mention always changes an empty canonical event
    return merged


def absorb(canonical: CanonicalEvent, event: Event) -> CanonicalEvent | None:
    """The canonical event with `event` merged in (version + 1), or None when nothing changed."""
    mentions, changed = _mentions(canonical.mentions, event)
    if not changed:
        return None
    version = canonical.version + 1
    span = date_span(event)
    first_day, last_day = canonical.first_day, canonical.last_day
    if span is not None:
        first_day, last_day = min(first_day, span.first), max(last_day, span.last)
    event_type = _chosen_type(canonical, event)
    quantities, history = _quantities(canonical, event, version)
    return canonical.model_copy(
        update={
            "version": version,
            "event_type": event_type,
            "codes": _codes(event_type),
            "status": min(canonical.status, event.status, key=_STATUS_ORDER.__getitem__)
            if canonical.mentions
            else event.status,
            "actors": _actors(canonical.actors, event.actors),
            "locations": _locations(canonical.locations, event.locations),
            "when": _when(canonical.when if canonical.mentions else None, event.when),
            "quantities": quantities,
            "mentions": mentions,
            "count_history": canonical.count_history + history,
            "summary": _summary(canonical, event, event_type),
            "first_day": first_day,
            "last_day": last_day,
            "updated_at": max(canonical.updated_at, event.extracted_at),
        }
    )


def _mentions(mentions: list[Mention], event: Event) -> tuple[list[Mention], bool]:
    for index, mention in enumerate(mentions):
        if mention.event_id != event.event_id:
            continue
        first = min(mention.first_seen, event.extracted_at)
        last = max(mention.last_seen, event.extracted_at)
        if (first, last) == (mention.first_seen, mention.last_seen):
            return mentions, False
        updated = mention.model_copy(update={"first_seen": first, "last_seen": last})
        return [*mentions[:index], updated, *mentions[index + 1 :]], True
    mention = Mention(
        event_id=event.event_id,
        article_id=event.article_id,
        source=event.source,
        url=event.url,
        event_type=event.event_type,
        published_at=event.published_at,
        first_seen=event.extracted_at,
        last_seen=event.extracted_at,
    )
    return sorted([*mentions, mention], key=lambda m: m.event_id), True


def _rank(event_type: str) -> int:
    return spec.merge_ranks().get(event_type, 0)


def _chosen_type(canonical: CanonicalEvent, event: Event) -> str:
    """The highest merge rank of the spec wins; ties go to the name first in order."""
    if not canonical.mentions:
        return event.event_type
    return min(canonical.event_type, event.event_type, key=lambda t: (-_rank(t), t))


def _codes(event_type: str) -> Codes:
    entry = spec.entry(event_type)
    return Codes(
        cameo=entry.cameo,
        plover=entry.plover,
        acled_event_type=entry.acled_event_type,
        acled_sub_event_type=entry.acled_sub_event_type,
    )


def _union(current: list[T], new: list[T], key: Callable[[T], Hashable]) -> list[T]:
    """`current` plus the items of `new` whose key it lacks, in order of arrival."""
    seen = {key(item) for item in current}
    merged = list(current)
    for item in new:
        if key(item) not in seen:
            seen.add(key(item))
            merged.append(item)
    return merged


def _actors(current: list[Actor], new: list[Actor]) -> list[Actor]:
    merged = _union(current, new, lambda a: (a.role, a.name))
    return sorted(merged, key=lambda a: (a.role, a.name))


def _locations(current: list[Location], new: list[Location]) -> list[Location]:
    merged = _union(current, new, lambda loc: (loc.name, loc.country))
    return sorted(merged, key=lambda loc: (_PRECISION_ORDER[loc.precision], loc.name))


def _when(current: When | None, new: When) -> When:
    """The most precise date; between equally precise ones, the earliest."""
    options = [w for w in (current, new) if w is not None and w.date]
    if not options:
        return current or new
    return min(options, key=lambda w: (_DATE_PRECISION_ORDER[w.precision], w.date or ""))


def _summary(canonical: CanonicalEvent, event: Event, event_type: str) -> str | None:
    if event.event_type == event_type and (canonical.summary is None or event.summary):
        keep_old = canonical.summary is not None and canonical.event_type == event_type
        return canonical.summary if keep_old else event.summary
    return canonical.summary or event.summary


def _quantities(
    canonical: CanonicalEvent, event: Event, version: int
) -> tuple[MergedQuantities, list[CountChange]]:
    values: dict[str, object] = {}
    history: list[CountChange] = []
    for name in COUNT_FIELDS:
        current: MergedCount | None = getattr(canonical.quantities, name)
        count: Count | None = getattr(event.quantities, name)
        merged = _merge_count(current, count, event)
        values[name] = merged
        if merged is not None and (
            current is None
            or (merged.value, merged.qualifier) != (current.value, current.qualifier)
        ):
            top = _best(merged.sources)
            history.append(
                CountChange(
                    version=version,
                    count=name,
                    value=merged.value,
                    qualifier=merged.qualifier,
                    event_id=top.event_id,
                    source=top.source,
                )
            )
    values["weapons"] = _weapons(canonical.quantities.weapons, event.quantities.weapons)
    return MergedQuantities.model_validate(values), history


def _merge_count(
    current: MergedCount | None, count: Count | None, event: Event
) -> MergedCount | None:
    sources = list(current.sources) if current else []
    if count is not None and all(s.event_id != event.event_id for s in sources):
        sources.append(
            SourceCount(
                article_id=event.article_id,
                event_id=event.event_id,
                source=event.source,
                value=count.value,
                qualifier=count.qualifier,
                confidence=event.confidence,
            )
        )
    if not sources:
        return None
    sources.sort(key=lambda s: s.event_id)
    best = _best(sources)
    return MergedCount(value=best.value, qualifier=best.qualifier, sources=sources)


def _best(sources: list[SourceCount]) -> SourceCount:
    """The highest well-sourced figure (exact before at_least ... on equal values)."""
    well = [
        s for s in sources if s.confidence >= WELL_SOURCED_CONFIDENCE and s.qualifier != "at_most"
    ]
    pool = well or sources
    return min(pool, key=lambda s: (-s.value, _QUALIFIER_ORDER[s.qualifier], s.event_id))


def _weapons(current: list[Weapon], new: list[Weapon]) -> list[Weapon]:
    by_key: dict[tuple[str, str | None], Weapon] = {(w.kind, w.name): w for w in current}
    for weapon in new:
        key = (weapon.kind, weapon.name)
        old = by_key.get(key)
        if old is None or (weapon.count or 0) > (old.count or 0):
            by_key[key] = weapon
    return [by_key[key] for key in sorted(by_key, key=lambda k: (k[0], k[1] or ""))]
