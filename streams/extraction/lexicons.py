"""Data files of the extraction (taxonomy, actors, triggers, admin1 map), validated on load.

Every file under data/ is parsed into a pydantic model with extra="forbid"; any problem (missing
file, bad JSON, unknown key, regex that does not compile) raises LexiconError. Loaded once and
cached: the data are read-only.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from streams.errors import LexiconError
from streams.schemas import CATEGORIES, ActorKind

DATA_DIR = Path(__file__).resolve().parent / "data"

M = TypeVar("M", bound=BaseModel)
UNTYPED_ATTACK = "attack"
"""A trigger type for an attack whose kind is settled later (by the event it merges into)."""
SUMMARY_PLACEHOLDERS = frozenset(
    {"who", "type", "targets", "places_or_targets", "counts", "participants", "venue"}
)
Family = Literal[
    "battles",
    "explosions",
    "violence_against_civilians",
    "protests",
    "riots",
    "strategic",
    "sanctions",
    "statements",
    "diplomacy",
    "aid",
    "humanitarian",
    "casualties",
]
"""The pattern families: each names the triggers/roles files (data/<lang>/.../<family>.jsonl)."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_regex(value: str) -> str:
    try:
        re.compile(value)
    except re.error as exc:
        raise ValueError(f"bad regex {value!r}: {exc}") from exc
    return value


class TaxonomyEntry(_Strict):
    event_type: str = Field(pattern=r"^[a-z_]+$")
    category: str
    family: Family = Field(description="its patterns file: data/<lang>/triggers/<family>.jsonl")
    definition: str = Field(min_length=5)
    cameo: str | None
    plover: str | None
    acled_event_type: str | None
    acled_sub_event_type: str | None
    merge_rank: int | None = Field(
        description="which type a merged happening keeps (higher wins); None: not ranked"
    )
    summary: str = Field(min_length=3, description="template of Event.summary")

    @field_validator("summary")
    @classmethod
    def _known_placeholders(cls, value: str) -> str:
        unknown = set(re.findall(r"{(\w+)}", value)) - SUMMARY_PLACEHOLDERS
        if unknown:
            raise ValueError(f"unknown summary placeholders {sorted(unknown)}")
        return value

    @field_validator("category")
    @classmethod
    def _known_category(cls, value: str) -> str:
        if value not in CATEGORIES:
            raise ValueError(f"unknown category {value!r}")
        return value


class Taxonomy(_Strict):
    comment: str | None = Field(default=None, alias="_comment")
    version: str
    types: list[TaxonomyEntry] = Field(min_length=1)

    def by_type(self) -> dict[str, TaxonomyEntry]:
        return {t.event_type: t for t in self.types}


class NamedActor(_Strict):
    name: str
    aliases: list[str] = Field(min_length=1)
    kind: ActorKind
    country: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")


class Person(_Strict):
    name: str
    aliases: list[str] = Field(min_length=1)
    office: str
    country: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")


class ActorLexicon(_Strict):
    version: str
    country_aliases: dict[str, list[str]]
    metonyms: dict[str, str]
    demonyms: dict[str, str]
    groups: list[NamedActor]
    organizations: list[NamedActor]
    people: list[Person]
    titles: dict[str, Literal["state", "admin", "city", "military", "none"]]
    force_nouns: list[str]
    # irregular fighters: a demonym before one ('Palestinian gunmen', 'Sudanese rebels') names
    # an unnamed armed group of that nationality, not the state's forces
    irregular_nouns: list[str] = Field(default_factory=list)


class TriggerRule(_Strict):
    family: str
    event_type: str
    pattern: str
    needs_context: bool

    @field_validator("pattern")
    @classmethod
    def _regex(cls, value: str) -> str:
        return _check_regex(value)


class WeaponName(_Strict):
    name: str
    kind: str
    aliases: list[str] = Field(min_length=1)


class TriggerLexicon(_Strict):
    version: str
    rules: list[TriggerRule] = Field(min_length=1)
    weapons: list[WeaponName]
    weapon_nouns: dict[str, str]
    conflict_context: str
    blockers: str
    disasters: str  # natural disasters kill and displace too, but are no conflict events
    status_cues: dict[
        Literal["cancelled", "denied", "threatened", "demanded", "planned", "negated"], str
    ]
    non_english_markers: list[str]

    @field_validator("conflict_context", "blockers", "disasters")
    @classmethod
    def _regex(cls, value: str) -> str:
        return _check_regex(value)

    @field_validator("status_cues")
    @classmethod
    def _cue_regexes(cls, value: dict[str, str]) -> dict[str, str]:
        for pattern in value.values():
            _check_regex(pattern)
        return value


class Admin1Entry(_Strict):
    code: str = Field(pattern=r"^[A-Z]{2}-[A-Z0-9]{1,3}$")
    name: str
    aliases: list[str]


class Admin1Map(_Strict):
    version: str
    admin1: dict[str, Admin1Entry]


class TownFix(_Strict):
    """A town the GeoNames town file files under the wrong region or puts in the wrong place."""

    geonameid: int
    name: str
    country: str = Field(pattern=r"^[A-Z]{2}$")
    admin1code: str
    latitude: float | None = None
    longitude: float | None = None
    why: str = Field(min_length=1)


class TownFixes(_Strict):
    about: str
    towns: list[TownFix]


class RegionUnit(_Strict):
    word: str = Field(pattern=r"^[a-z]+$")
    plural: str = Field(pattern=r"^[a-z]+$")
    before_name: bool
    countries: list[str] = Field(default_factory=list)


class RegionWords(_Strict):
    version: str
    comment: str
    units: list[RegionUnit] = Field(min_length=1)


class TimeWords(_Strict):
    version: str
    comment: str
    month_lead: list[str] = Field(min_length=1)
    month_link: list[str] = Field(min_length=1)


def load_model(path: Path, model: type[M]) -> M:
    """Read and validate one JSON data file; any problem becomes a LexiconError."""
    try:
        raw: Any = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise LexiconError(f"{path.name}: cannot read JSON: {exc}") from exc
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        raise LexiconError(f"{path.name}: invalid data: {exc}") from exc


@lru_cache(maxsize=1)
def taxonomy() -> Taxonomy:
    tax = load_model(DATA_DIR / "taxonomy.json", Taxonomy)
    names = [t.event_type for t in tax.types]
    if len(set(names)) != len(names):
        raise LexiconError("taxonomy.json: duplicate event_type")
    subs = [t.acled_sub_event_type for t in tax.types if t.acled_sub_event_type]
    if len(set(subs)) != len(subs):
        raise LexiconError("taxonomy.json: two event types share an ACLED sub-event type")
    return tax


@lru_cache(maxsize=1)
def actors() -> ActorLexicon:
    return load_model(DATA_DIR / "actors.json", ActorLexicon)


@lru_cache(maxsize=1)
def triggers() -> TriggerLexicon:
    lex = load_model(DATA_DIR / "triggers.json", TriggerLexicon)
    known = set(taxonomy().by_type()) | {UNTYPED_ATTACK}
    for rule in lex.rules:
        if rule.event_type not in known:
            raise LexiconError(f"triggers.json: unknown event_type {rule.event_type!r}")
    return lex


@lru_cache(maxsize=1)
def admin1_map() -> Admin1Map:
    return load_model(DATA_DIR / "admin1.json", Admin1Map)


@lru_cache(maxsize=1)
def town_fixes() -> dict[int, TownFix]:
    """data/town_fixes.json by GeoNames id."""
    return {t.geonameid: t for t in load_model(DATA_DIR / "town_fixes.json", TownFixes).towns}


def fixed_town(row: dict[str, Any]) -> dict[str, Any]:
    """A town-file row with its region and coordinates corrected where town_fixes.json says."""
    fix = town_fixes().get(int(row["geonameid"]))
    if fix is None or fix.country != row["countrycode"]:
        return row
    out = {**row, "admin1code": fix.admin1code}
    if fix.latitude is not None and fix.longitude is not None:
        out |= {"latitude": fix.latitude, "longitude": fix.longitude}
    return out


@lru_cache(maxsize=1)
def region_words() -> RegionWords:
    return load_model(DATA_DIR / "region_words.json", RegionWords)


@lru_cache(maxsize=1)
def time_words() -> TimeWords:
    return load_model(DATA_DIR / "time_words.json", TimeWords)
