"""The words of date ranges, possessive dates and report dates (data/en/date_words.json)."""

from __future__ import annotations

import json
import re
from functools import cache

from pydantic import BaseModel, ConfigDict, Field

from streams.extraction.lexicons import DATA_DIR


class DateWords(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    comment: str = Field(alias="_comment")
    range_links: list[str] = Field(min_length=1)
    list_links: list[str] = Field(min_length=1)
    range_links_month_first: list[str] = Field(min_length=1)
    range_leads: list[str] = Field(min_length=1)
    parts_of_day: list[str] = Field(min_length=1)
    within_happening: list[str] = Field(min_length=1)
    report_date_leads: list[str] = Field(min_length=1)
    relative_of: list[str] = Field(min_length=1)
    material_types: list[str] = Field(min_length=1)
    vague_past: list[str] = Field(min_length=1)
    background_nouns: list[str] = Field(min_length=1)
    simultaneous_marks: list[str] = Field(min_length=1)
    same_day_marks: list[str] = Field(min_length=1)
    next_day_marks: list[str] = Field(min_length=1)
    anaphora_determiners: list[str] = Field(min_length=1)
    anaphora_nouns: list[str] = Field(min_length=1)
    saying_verbs: list[str] = Field(min_length=1)
    telling_verbs: list[str] = Field(min_length=1)
    period_starts: list[str] = Field(min_length=1)
    future_marks: list[str] = Field(min_length=1)
    past_marks: list[str] = Field(min_length=1)
    future_leads: list[str] = Field(min_length=1)


class Outlet(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    names: list[str] = Field(min_length=1)
    domains: list[str]
    zone: str


class OutletZones(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    comment: str = Field(alias="_comment")
    outlets: list[Outlet] = Field(min_length=1)


@cache
def outlet_zones() -> OutletZones:
    path = DATA_DIR / "en" / "outlet_zones.json"
    return OutletZones.model_validate(json.loads(path.read_text(encoding="utf-8")))


@cache
def date_words() -> DateWords:
    path = DATA_DIR / "en" / "date_words.json"
    return DateWords.model_validate(json.loads(path.read_text(encoding="utf-8")))


def alternation(words: list[str]) -> str:
    """The words as one regex alternation, longest first, spaces matching any white space."""
    ordered = sorted(words, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + ")"
