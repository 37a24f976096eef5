"""The message on `events.canonical` (key = canonical_id), as a pydantic model."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

from streams.schemas import Actor, Category, Codes, Location, Qualifier, Status, Weapon, When

CANONICAL_SCHEMA_VERSION = "1.0"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SourceCount(_Model):
    """One article's figure for a count, as that article stated it."""

    article_id: str
    event_id: str
    source: str | None = None
    value: int
    qualifier: Qualifier = "exact"
    confidence: float = Field(ge=0.0, le=1.0)


class MergedCount(_Model):
    """The merged figure: the highest well-sourced value, with every article's own figure."""

    value: int
    qualifier: Qualifier = "exact"
    sources: list[SourceCount] = Field(default_factory=list)


class MergedQuantities(_Model):
    killed: MergedCount | None = None
    injured: MergedCount | None = None
    arrested: MergedCount | None = None
    missing: MergedCount | None = None
    displaced: MergedCount | None = None
    weapons: list[Weapon] = Field(default_factory=list)


class Mention(_Model):
    """One article's event that reports this happening."""

    event_id: str
    article_id: str
    source: str | None = None
    url: str | None = None
    event_type: str
    published_at: datetime | None = None
    first_seen: datetime = Field(description="extracted_at of the first delivery of the event.")
    last_seen: datetime = Field(description="extracted_at of the latest delivery of the event.")


class CountChange(_Model):
    """A change of a merged count: which version, which count, the new value and its origin."""

    version: int
    count: str = Field(description="killed, injured, arrested, missing or displaced")
    value: int
    qualifier: Qualifier
    event_id: str
    source: str | None = None


class CanonicalEvent(_Model):
    """One real-world happening on `events.canonical` (compacted; key = canonical_id)."""

    canonical_id: str = Field(description="Deterministic: block key + earliest member event.")
    schema_version: str = CANONICAL_SCHEMA_VERSION
    version: int = Field(ge=0, description="1 when created, +1 on every change.")
    block: str = Field(description="Blocking key: family|country.")
    family: str
    event_type: str = Field(description="The member type of the highest merge rank.")
    category: Category
    status: Status = "occurred"
    codes: Codes = Field(default_factory=Codes)
    actors: list[Actor] = Field(default_factory=list)
    locations: list[Location] = Field(default_factory=list)
    when: When = Field(default_factory=When)
    quantities: MergedQuantities = Field(default_factory=MergedQuantities)
    mentions: list[Mention] = Field(default_factory=list)
    count_history: list[CountChange] = Field(default_factory=list)
    first_day: date = Field(description="First day the members' dates can mean.")
    last_day: date = Field(description="Last day the members' dates can mean.")
    late: bool = Field(default=False, description="Started by an event older than the window.")
    summary: str | None = None
    updated_at: datetime = Field(description="extracted_at of the member that made this version.")
