"""Shared pieces of the extractors: the proto-event they return and small pure helpers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from streams.extraction.annotate import ActorMention, Annotated, PlaceMention, Sentence
from streams.extraction.extractors.arms import MONEY_RE, _add_weapon, money, weapons
from streams.extraction.extractors.casualties import (
    CASUALTY_AFTER,
    CASUALTY_BEFORE,
    CHILDREN,
    TOLL,
    casualties,
    context_count,
    event_casualties,
)
from streams.extraction.extractors.matching import (
    NUMBER_WORDS,
    Hit,
    Rule,
    article_span,
    compiled,
    cue_in,
    fast_finditer,
    found_in,
    rules,
    triggers_in,
)
from streams.extraction.extractors.places import antecedent_place, dateline_place, sentence_places
from streams.extraction.extractors.status import clause_before, status_for
from streams.extraction.extractors.timing import event_date, said_on
from streams.extraction.numbers import AMOUNT_RE
from streams.schemas import Actor, Count, Location, Money, Weapon, When


@dataclass
class Proto:
    """An event as an extractor sees it, before merging and normalization."""

    event_type: str
    sentence: Sentence
    trigger: tuple[int, int]
    extractor: str
    version: str
    status: str = "occurred"
    actors: list[Actor] = field(default_factory=list)
    locations: list[Location] = field(default_factory=list)
    when: When = field(default_factory=When)
    killed: Count | None = None
    injured: Count | None = None
    arrested: Count | None = None
    missing: Count | None = None
    displaced: Count | None = None
    weapons: list[Weapon] = field(default_factory=list)
    money: list[Money] = field(default_factory=list)
    date_explicit: bool = False
    base_confidence: float = 0.5
    published: date | None = None
    lead: bool = False  # the text's own news, told first: kept with no place or day named
    framed: bool | None = False
    """Told as no happening (hypothetical, habitual, of an earlier year: families/framing);
    None for a toll with no act of its own, which takes the framing of the act it merges into."""

    def role(self, role: str) -> list[Actor]:
        return [a for a in self.actors if a.role == role]


def events_per_sentence(
    doc: Annotated, sentence_event: Callable[[Annotated, Sentence], Proto | None]
) -> list[Proto]:
    """At most one event per sentence, for extractors whose rules look at one sentence."""
    return [proto for sent in doc.sentences if (proto := sentence_event(doc, sent)) is not None]


def actor_of(mention: ActorMention, role: str) -> Actor:
    kind = mention.kind
    if mention.forces:
        kind = "armed_forces"
    return Actor(
        role=role,
        name=mention.name,
        kind=kind,
        country=mention.country,
        office=mention.office,
        text=mention.text,
        start=mention.start,
        end=mention.end,
    )


def location_of(mention: PlaceMention) -> Location:
    place = mention.place
    from streams.schemas import Admin1

    admin1 = Admin1(name=place.admin1_name, code=place.admin1_code) if place.admin1_name else None
    return Location(
        name=place.name,
        country=place.country3 or None,
        admin1=admin1,
        latitude=place.latitude,
        longitude=place.longitude,
        geonames_id=place.geonames_id,
        precision="admin1" if place.area else place.precision,
        text=mention.text,
        start=mention.start,
        end=mention.end,
    )


def sentence_actors(
    doc: Annotated, sent: Sentence, *, skip_attributed: bool = True
) -> list[ActorMention]:
    out = [a for a in doc.actors if sent.start <= a.start < sent.end]
    if skip_attributed:
        out = [a for a in out if not doc.attributed(a.start)]
    return out


__all__ = [
    "AMOUNT_RE",
    "CASUALTY_AFTER",
    "CASUALTY_BEFORE",
    "CHILDREN",
    "MONEY_RE",
    "NUMBER_WORDS",
    "TOLL",
    "Hit",
    "Proto",
    "Rule",
    "_add_weapon",
    "actor_of",
    "antecedent_place",
    "article_span",
    "casualties",
    "clause_before",
    "compiled",
    "context_count",
    "cue_in",
    "dateline_place",
    "event_casualties",
    "event_date",
    "events_per_sentence",
    "fast_finditer",
    "found_in",
    "location_of",
    "money",
    "rules",
    "said_on",
    "sentence_actors",
    "sentence_places",
    "status_for",
    "triggers_in",
    "weapons",
]
