"""Gold sets: the validated models of a gold line, ACLED's event types, halves, loading."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from streams.errors import StreamsError
from streams.extraction import spec
from streams.schemas import Article

EVENT_CATEGORY: dict[str, str] = spec.category_of()
ACLED_EVENT_TYPES = (
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
)
# ACLED's 25 sub-event types (codebook 2023), each with the event type it belongs to.
ACLED_SUB_EVENT_TYPES: dict[str, str] = {
    "Armed clash": "Battles",
    "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Chemical weapon": "Explosions/Remote violence",
    "Air/drone strike": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Grenade": "Explosions/Remote violence",
    "Sexual violence": "Violence against civilians",
    "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
    "Peaceful protest": "Protests",
    "Protest with intervention": "Protests",
    "Excessive force against protesters": "Protests",
    "Violent demonstration": "Riots",
    "Mob violence": "Riots",
    "Agreement": "Strategic developments",
    "Arrests": "Strategic developments",
    "Change to group/activity": "Strategic developments",
    "Disrupted weapons use": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Looting/property destruction": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments",
    "Other": "Strategic developments",
}


class GoldFileError(StreamsError):
    """A gold file could not be read or a line failed validation."""


# --------------------------------------------------------------------------- gold models


class _Gold(BaseModel):
    model_config = ConfigDict(extra="forbid")


class GoldActor(_Gold):
    role: str
    name: str
    country: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")


class GoldLocation(_Gold):
    name: str
    country: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    admin1_code: str | None = Field(default=None, pattern=r"^[A-Z]{2}-[A-Z0-9]{1,3}$")
    latitude: float | None = Field(default=None, ge=-90, le=90)
    longitude: float | None = Field(default=None, ge=-180, le=180)


class GoldCount(_Gold):
    value: int = Field(ge=0)
    qualifier: Literal["exact", "at_least", "at_most", "approximately"] = "exact"


class GoldEvent(_Gold):
    event_type: str
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    status: Literal["occurred", "planned", "cancelled", "denied", "threatened", "demanded"] = (
        "occurred"
    )
    actors: list[GoldActor] = Field(default_factory=list)
    locations: list[GoldLocation] = Field(default_factory=list)
    date: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    killed: GoldCount | None = None
    injured: GoldCount | None = None
    note: str | None = None

    @field_validator("killed", "injured", mode="before")
    @classmethod
    def _int_shorthand(cls, value: Any) -> Any:
        return {"value": value} if isinstance(value, int) else value

    @field_validator("event_type")
    @classmethod
    def _known_type(cls, value: str) -> str:
        if value not in EVENT_CATEGORY:
            raise ValueError(f"unknown event_type {value!r}")
        return value

    @field_validator("acled_event_type")
    @classmethod
    def _known_acled(cls, value: str | None) -> str | None:
        if value is not None and value not in ACLED_EVENT_TYPES:
            raise ValueError(f"unknown ACLED event type {value!r}")
        return value

    @field_validator("acled_sub_event_type")
    @classmethod
    def _known_acled_sub(cls, value: str | None) -> str | None:
        if value is not None and value not in ACLED_SUB_EVENT_TYPES:
            raise ValueError(f"unknown ACLED sub-event type {value!r}")
        return value

    @model_validator(mode="after")
    def _sub_type_in_type(self) -> GoldEvent:
        sub, main = self.acled_sub_event_type, self.acled_event_type
        if sub and main and ACLED_SUB_EVENT_TYPES[sub] != main:
            raise ValueError(f"ACLED sub-event type {sub!r} is not a kind of {main!r}")
        return self


class _GoldLine(_Gold):
    """Everything of a gold line but its text: ours (ids, coding, provenance)."""

    id: str = Field(min_length=1)
    published_at: datetime
    title: str | None = None
    source: str | None = None
    url: str | None = None
    license: str | None = Field(default=None, description="the text's licence, for real text")
    language: str | None = None
    expected: list[GoldEvent]
    uncoded: list[str] = Field(
        default_factory=list,
        description="happenings a reader would code that the taxonomy has no type for yet "
        "(codebook rule 4); not scored",
    )


class Locator(_Gold):
    """Where a stand-off line's text is: a record of a file at a commit of a public repository
    (read from its fetched mirror by `python -m benchmarks.realtext build`), and its sha256."""

    repo: str = Field(pattern=r"^[\w.-]+/[\w.-]+$")
    path: str = Field(min_length=1)
    commit: str = Field(pattern=r"^[0-9a-f]{40}$")
    format: Literal["csv", "jsonl", "json", "lines"]
    record: dict[str, str | int] = Field(
        min_length=1, description="the record's key: field -> value; {'line': n} for lines"
    )
    field: str | None = Field(default=None, description="the record's field holding the text")
    transform: Literal["none", "strip", "cep_description", "portal_bullet", "wikinews_body"] = (
        "none"
    )
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="of the text, UTF-8")


class StandOffItem(_GoldLine):
    """A gold line whose text stays in its source: tests/gold/README.md, 'Stand-off sets'."""

    locator: Locator


class GoldItem(_GoldLine):
    text: str = Field(min_length=1)

    def article(self) -> Article:
        return Article(
            id=self.id,
            text=self.text,
            title=self.title,
            source=self.source,
            url=self.url,
            language=self.language,
            published_at=self.published_at,
        )


Half = Literal["tune", "check"]


def half_of(key: str) -> Half:
    """The fixed half of a text or row: sha256 of its id's first hex digit, 0-7 tune, 8-f check.

    Rules are tuned on the tune half; the check half measures how well they carry over.
    """
    return (
        "tune"
        if hashlib.sha256(key.strip().encode("utf-8")).hexdigest()[0] in "01234567"
        else "check"
    )


def _files(path: Path) -> list[Path]:
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    if not files:
        raise GoldFileError(f"no *.jsonl gold files in {path}")
    return files


def _read_lines(file: Path) -> list[tuple[int, str]]:
    try:
        lines = file.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise GoldFileError(f"cannot read {file}: {exc}") from exc
    return [(number, line) for number, line in enumerate(lines, start=1) if line.strip()]


def _is_standoff_line(line: str) -> bool:
    try:
        row = json.loads(line)
    except ValueError:
        return False
    return isinstance(row, dict) and "locator" in row and "text" not in row


def is_standoff(file: Path) -> bool:
    """A stand-off set: (some of) its lines carry a `locator` instead of the text."""
    return any(_is_standoff_line(line) for _, line in _read_lines(file))


def load_annotations(path: Path) -> list[GoldItem | StandOffItem]:
    """Every line of a gold file or folder as annotated, texts not resolved: what the team
    wrote (ids, events, provenance), for checks that need no text."""
    items: list[GoldItem | StandOffItem] = []
    for file in _files(path):
        for number, line in _read_lines(file):
            model = StandOffItem if _is_standoff_line(line) else GoldItem
            try:
                items.append(model.model_validate_json(line))
            except ValueError as exc:
                raise GoldFileError(f"{file}:{number}: {exc}") from exc
    return items


def load_gold(path: Path) -> list[GoldItem]:
    """Read a gold .jsonl file, or every *.jsonl in a folder (sorted by name). A stand-off
    file's texts come from its built cache (streams.evaluation.standoff)."""
    from streams.evaluation import standoff

    items: list[GoldItem] = []
    for file in _files(path):
        lines = load_annotations(file)
        items += standoff.resolve(file, lines) if is_standoff(file) else lines  # type: ignore[arg-type]
    return items
