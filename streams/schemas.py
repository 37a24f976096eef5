"""The messages on the wire: Article (input) and Event (output), as pydantic models.

The Event keys are a contract with consumers and with the evaluation: keep them.
`streams schemas` writes the JSON Schema of each model into schemas/.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

SCHEMA_VERSION = "1.0"

Category = Literal[
    "conflict", "unrest", "security", "sanctions", "diplomacy", "statement", "aid", "humanitarian"
]
CATEGORIES: tuple[str, ...] = (
    "conflict",
    "unrest",
    "security",
    "sanctions",
    "diplomacy",
    "statement",
    "aid",
    "humanitarian",
)
Status = Literal["occurred", "planned", "cancelled", "denied", "threatened", "demanded"]
ActorKind = Literal["state", "armed_forces", "person", "organization", "civilians", "group"]
Qualifier = Literal["exact", "at_least", "at_most", "approximately"]
Precision = Literal["country", "admin1", "city", "site"]
DatePrecision = Literal["day", "week", "month", "year"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


_PUBLISHED_ALIASES = (
    "publishedAt",
    "published",
    "pub_date",
    "publication_date",
    "date",
    "datetime",
)


class Article(BaseModel):
    """A news article on the `articles` topic (key = article id)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)

    id: str = Field(default="", description="Article id; derived from url or text when absent.")
    text: str = Field(min_length=1, description="The article body (required, not blank).")
    title: str | None = Field(default=None, description="Headline.")
    url: str | None = Field(default=None, description="Canonical URL.")
    source: str | None = Field(default=None, description="Publisher, e.g. 'Reuters'.")
    language: str | None = Field(default=None, description="ISO 639-1 code when known.")
    published_at: datetime | None = Field(
        default=None, description="Publication time, RFC 3339.", examples=["2025-10-22T09:00:00Z"]
    )
    metadata: dict[str, Any] = Field(default_factory=dict, description="Free-form metadata.")

    @model_validator(mode="before")
    @classmethod
    def _keep_unknown_keys_as_metadata(cls, data: Any) -> Any:
        """Producers add fields we do not model (author, section...): keep them in metadata."""
        if not isinstance(data, dict):
            return data
        if data.get("published_at") is None:
            # other feeds' names for the publication time ("date", "publishedAt", ...)
            alias = next((k for k in _PUBLISHED_ALIASES if data.get(k) not in (None, "")), None)
            if alias is not None:
                data = {**data, "published_at": data[alias]}
        unknown = {key: value for key, value in data.items() if key not in cls.model_fields}
        if unknown:
            data = {key: value for key, value in data.items() if key in cls.model_fields}
            metadata = data.get("metadata")
            data["metadata"] = {**(metadata if isinstance(metadata, dict) else {}), **unknown}
        article_id = data.get("id")
        if isinstance(article_id, int) and not isinstance(article_id, bool):
            data = {**data, "id": str(article_id)}
        return data

    @field_validator("published_at")
    @classmethod
    def _naive_is_utc(cls, value: datetime | None) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value

    @field_validator("text")
    @classmethod
    def _text_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("text is blank")
        return value

    @model_validator(mode="after")
    def _derive_id(self) -> Article:
        if not self.id:
            basis = self.url or self.text
            self.id = "a-" + hashlib.sha256(basis.encode("utf-8")).hexdigest()[:20]
        return self


class Codes(_Model):
    cameo: str | None = Field(default=None, description="CAMEO event code.")
    plover: str | None = Field(default=None, description="PLOVER event type.")
    acled_event_type: str | None = Field(default=None, description="ACLED event_type.")
    acled_sub_event_type: str | None = Field(default=None, description="ACLED sub_event_type.")


class Actor(_Model):
    role: str = Field(description="initiator, target, speaker, addressee, participant, ...")
    name: str = Field(description="Canonical name.")
    kind: ActorKind
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-3.")
    office: str | None = Field(default=None, description="For people: their office.")
    text: str | None = Field(default=None, description="The words in the article.")
    start: int | None = None
    end: int | None = None


class Admin1(_Model):
    name: str
    code: str | None = Field(default=None, description="ISO 3166-2 code, e.g. UA-30.")


class Location(_Model):
    name: str
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-3.")
    admin1: Admin1 | None = None
    latitude: float | None = None
    longitude: float | None = None
    geonames_id: int | None = None
    precision: Precision = "city"
    text: str | None = None
    start: int | None = None
    end: int | None = None


class When(_Model):
    date: str | None = Field(default=None, description="Resolved date, YYYY-MM-DD.")
    precision: DatePrecision = "day"
    text: str | None = Field(default=None, description="The words the date came from.")


class Count(_Model):
    value: int
    qualifier: Qualifier = "exact"
    text: str | None = None
    children: int | None = Field(default=None, description="How many of them were children.")
    civilians: int | None = Field(default=None, description="How many were civilians.")


class Weapon(_Model):
    kind: str = Field(description="drone, missile, artillery, rocket, bomb, ...")
    count: int | None = None
    name: str | None = Field(default=None, description="Model name, e.g. 'Storm Shadow'.")
    text: str | None = None


class Money(_Model):
    amount: float
    currency: str = Field(description="ISO 4217 code.")
    text: str | None = None


class Quantities(_Model):
    killed: Count | None = None
    injured: Count | None = None
    arrested: Count | None = None
    missing: Count | None = None
    displaced: Count | None = None
    weapons: list[Weapon] = Field(default_factory=list)
    money: list[Money] = Field(default_factory=list)


class Evidence(_Model):
    sentence: str
    start: int
    end: int


class ExtractorRef(_Model):
    name: str
    version: str


class Event(_Model):
    """One normalized event on `events` and `events.<category>` (key = event_id)."""

    event_id: str = Field(description="Stable id derived from article id and event content.")
    schema_version: str = SCHEMA_VERSION
    article_id: str
    source: str | None = None
    url: str | None = None
    published_at: datetime | None = None
    extracted_at: datetime
    event_type: str = Field(description="Type from docs/taxonomy.md.", examples=["air_strike"])
    category: Category
    status: Status = "occurred"
    codes: Codes = Field(default_factory=Codes)
    actors: list[Actor] = Field(default_factory=list)
    locations: list[Location] = Field(default_factory=list)
    when: When = Field(default_factory=When)
    quantities: Quantities = Field(default_factory=Quantities)
    evidence: Evidence
    confidence: float = Field(ge=0.0, le=1.0)
    extractor: ExtractorRef
    summary: str | None = Field(default=None, description="One readable line about the event.")


MODELS: dict[str, type[BaseModel]] = {"article": Article, "event": Event}
