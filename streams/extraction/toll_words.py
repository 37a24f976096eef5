"""The words that shape a toll (data/en/tolls.json), validated on load: read by the v2 toll
rules (components/families/tolls.py, toll_sides.py) and the counts of
extractors/casualties.py."""

from __future__ import annotations

import json
from functools import cache

from pydantic import BaseModel, ConfigDict, Field

from streams.extraction.lexicons import DATA_DIR


class TollWords(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    comment: str = Field(alias="_comment")
    additive: frozenset[str]
    more: frozenset[str]
    hurt: frozenset[str]
    be: tuple[str, ...]
    animals: frozenset[str]
    states: frozenset[str] = Field(min_length=1)
    accompanying: frozenset[str]
    hedges: frozenset[str]


@cache
def words() -> TollWords:
    path = DATA_DIR / "en" / "tolls.json"
    return TollWords.model_validate(json.loads(path.read_text(encoding="utf-8")))
