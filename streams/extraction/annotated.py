"""The structure an article is annotated into once: sentences, actor and place mentions,
dates, attribution clauses; read by every extractor and engine-v2 family."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

from streams.extraction.dates import (
    DateMention,
)
from streams.extraction.gazetteer import Place
from streams.schemas import Article


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class ActorMention:
    name: str
    kind: str
    country: str | None
    start: int
    end: int
    text: str
    source: str  # country | demonym | group | organization | person | metonym | title
    office: str | None = None
    forces: bool = False  # "Russian forces", "Russian drones": the military arm


@dataclass(frozen=True, slots=True)
class PlaceMention:
    place: Place
    start: int
    end: int
    text: str
    context: bool  # after a location preposition ("in", "near") or a region word


@dataclass
class Annotated:
    article: Article
    text: str
    published: date  # the day relative dates count from
    # the day the text was written: `published` too, unless an opening date moved `published`
    # back (an event note's later dated events are not in the future)
    reported: date
    sentences: list[Sentence]
    actors: list[ActorMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    attributions: list[tuple[int, int]] = field(default_factory=list)
    focus: Counter[str] = field(default_factory=Counter)
    english: bool = True
    dateline_end: int = 0
    cache: dict[str, Any] = field(default_factory=dict)  # per-article memo of derived data

    def in_sentence(self, items: list, sent: Sentence) -> list:  # type: ignore[type-arg]
        return [x for x in items if sent.start <= x.start < sent.end]

    def attributed(self, start: int) -> bool:
        return any(a <= start < b for a, b in self.attributions)


@dataclass(frozen=True)
class ActorEntry:
    name: str
    kind: str
    country: str | None
    source: str
    office: str | None = None


class RawPlace(NamedTuple):
    start: int
    end: int
    surface: str
    cands: list[Place]
    strong: bool
    variant: bool = False  # found under another spelling: only in the article's countries
