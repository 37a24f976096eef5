"""The merge as a state machine over blocks: one event in, the canonical events to publish out.

State is a mapping block key -> Block (a faust Table in the worker, a dict offline); the
same `Canonicalizer.process` runs in both, so `streams canonicalize` equals the agent.
"""

from __future__ import annotations

import hashlib
from collections.abc import MutableMapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from pydantic import BaseModel, Field

from streams.canonical.match import (
    COUNT_FIELDS,
    Span,
    actors_compatible,
    block_key,
    counts_compatible,
    date_span,
    dates_compatible,
    event_day,
    family_of,
    min_distance_km,
    places_compatible,
    types_compatible,
    when_span,
)
from streams.canonical.merge import absorb, found
from streams.canonical.model import CanonicalEvent, MergedCount
from streams.schemas import Count, Event

DEFAULT_WINDOW_DAYS = 7


class Block(BaseModel):
    """The live canonical events of one block key, and the latest event day seen there."""

    canonicals: list[CanonicalEvent] = Field(default_factory=list)
    watermark: date | None = None


@dataclass
class Outcome:
    """What one event did: messages to publish (key, value or None for a tombstone)."""

    messages: list[tuple[str, CanonicalEvent | None]] = field(default_factory=list)
    created: bool = False
    updated: bool = False
    late: bool = False
    duplicate: bool = False
    evicted: int = 0
    state_delta: int = 0


def canonical_id(block: str, members: list[str]) -> str:
    """Deterministic and order-free: the block and the smallest member event id."""
    basis = f"{block}|{min(members)}"
    return "c-" + hashlib.sha256(basis.encode("utf-8")).hexdigest()[:24]


class Canonicalizer:
    """Merges events into canonical events, block by block, over a window of event time.

    State is two mappings (two faust Tables in the agent, dicts offline): `blocks`, block
    key -> {"ids": [...], "watermark": day}, and `canonicals`, canonical id -> canonical
    event. Only what one event changed is written, so a changelog message stays small.
    """

    def __init__(
        self,
        blocks: MutableMapping[str, Any] | None = None,
        canonicals: MutableMapping[str, Any] | None = None,
        window_days: int = DEFAULT_WINDOW_DAYS,
    ) -> None:
        self.blocks: MutableMapping[str, Any] = {} if blocks is None else blocks
        self.canonicals: MutableMapping[str, Any] = {} if canonicals is None else canonicals
        self.window = timedelta(days=window_days)

    def load(self, key: str) -> Block:
        raw = self.blocks.get(key) or {}
        canonicals = [
            CanonicalEvent.model_validate(self.canonicals[cid])
            for cid in raw.get("ids", ())
            if self.canonicals.get(cid) is not None
        ]
        watermark = raw.get("watermark")
        return Block(
            canonicals=canonicals, watermark=date.fromisoformat(watermark) if watermark else None
        )

    def save(self, key: str, before: Block, after: Block) -> None:
        old = {c.canonical_id: c for c in before.canonicals}
        new_ids = {c.canonical_id for c in after.canonicals}
        for gone in old.keys() - new_ids:
            del self.canonicals[gone]
        for canonical in after.canonicals:
            if old.get(canonical.canonical_id) != canonical:
                self.canonicals[canonical.canonical_id] = canonical.model_dump(mode="json")
        self.blocks[key] = {
            "ids": sorted(new_ids),
            "watermark": after.watermark.isoformat() if after.watermark else None,
        }

    def size(self) -> int:
        """Live canonical events in the state."""
        return sum(1 for key in list(self.canonicals) if self.canonicals.get(key) is not None)

    def process(self, event: Event) -> Outcome:
        key = block_key(event)
        before = self.load(key)
        block = before.model_copy(update={"canonicals": list(before.canonicals)})
        outcome = Outcome()
        day = event_day(event)
        if block.watermark is not None and day < block.watermark - self.window:
            outcome.late = outcome.created = True
            late = _found(key, event).model_copy(update={"late": True})
            outcome.messages.append((late.canonical_id, late))
            return outcome
        block.watermark = max(block.watermark or day, day)
        outcome.evicted = _evict(block, block.watermark - self.window)
        self._place(key, block, event, outcome)
        self.save(key, before, block)
        outcome.state_delta = len(block.canonicals) - len(before.canonicals)
        return outcome

    def _place(self, key: str, block: Block, event: Event, outcome: Outcome) -> None:
        existing = _member_of(block, event.event_id)
        target = existing if existing is not None else best_candidate(block, event)
        if target is None:
            created = found(
                key, family_of(event.event_type), event, canonical_id(key, [event.event_id])
            )
            block.canonicals.append(created)
            outcome.created = True
            outcome.messages.append((created.canonical_id, created))
            return
        index = block.canonicals.index(target)
        merged = absorb(target, event)
        if merged is None:  # a redelivery that changed nothing: publish again, same version
            outcome.duplicate = True
            outcome.messages.append((target.canonical_id, target))
            return
        new_id = canonical_id(key, [m.event_id for m in merged.mentions])
        if new_id != merged.canonical_id:
            outcome.messages.append((merged.canonical_id, None))
            merged = merged.model_copy(update={"canonical_id": new_id})
        block.canonicals[index] = merged
        outcome.duplicate = existing is not None
        outcome.updated = True
        outcome.messages.append((merged.canonical_id, merged))


def _found(key: str, event: Event) -> CanonicalEvent:
    return found(key, family_of(event.event_type), event, canonical_id(key, [event.event_id]))


def _member_of(block: Block, event_id: str) -> CanonicalEvent | None:
    for canonical in block.canonicals:
        if any(m.event_id == event_id for m in canonical.mentions):
            return canonical
    return None


def _evict(block: Block, horizon: date) -> int:
    kept = [c for c in block.canonicals if c.last_day >= horizon]
    evicted = len(block.canonicals) - len(kept)
    block.canonicals = kept
    return evicted


def compatible(canonical: CanonicalEvent, event: Event) -> bool:
    """The matching rules of issue 14, each one a veto."""
    if any(m.article_id == event.article_id for m in canonical.mentions):
        return False  # one article's events are different happenings (extraction merged them)
    if not types_compatible(canonical.event_type, event.event_type):
        return False
    if not dates_compatible(_span_of(canonical), date_span(event)):
        return False
    if not places_compatible(canonical.locations, event.locations):
        return False
    if not actors_compatible(_actor_keys(canonical.actors), _actor_keys(event.actors)):
        return False
    return all(
        counts_compatible(
            _as_count(getattr(canonical.quantities, name)), getattr(event.quantities, name)
        )
        for name in COUNT_FIELDS
    )


def _span_of(canonical: CanonicalEvent) -> Span | None:
    """The days of a canonical event: those of its merged (most precise, earliest) date, not
    the union over members, so that a story told day after day does not chain into one
    happening. None when no member had any date (see dates_compatible)."""
    if canonical.when.date:
        return when_span(canonical.when)
    dated = any(m.published_at for m in canonical.mentions)
    return Span(canonical.first_day, canonical.last_day) if dated else None


def best_candidate(block: Block, event: Event) -> CanonicalEvent | None:
    """The compatible canonical event nearest in time, then in space, then by id."""
    span = date_span(event)
    scored = []
    for canonical in block.canonicals:
        if not compatible(canonical, event):
            continue
        gap = span.gap_days(Span(canonical.first_day, canonical.last_day)) if span else 0
        distance = min_distance_km(canonical.locations, event.locations)
        scored.append(
            (
                gap,
                distance if distance is not None else float("inf"),
                canonical.canonical_id,
                canonical,
            )
        )
    return min(scored, key=lambda item: item[:3])[3] if scored else None


def _actor_keys(actors: list[Any]) -> list[tuple[str, str | None, str]]:
    return [(a.role, a.country, a.name) for a in actors]


def _as_count(merged: MergedCount | None) -> Count | None:
    return None if merged is None else Count(value=merged.value, qualifier=merged.qualifier)
