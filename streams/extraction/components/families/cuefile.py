"""A small validated cue file of data/en/: a `_comment` and word lists (pydantic, no extras)."""

from __future__ import annotations

import json
from functools import cache
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, Field

from streams.extraction.components.data import DATA


class CueFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    comment: str = Field(alias="_comment")


T = TypeVar("T", bound=CueFile)


@cache
def load(model: type[T], name: str) -> T:
    """data/en/<name>, validated by the model (read once)."""
    return model.model_validate(json.loads((DATA / name).read_text(encoding="utf-8")))
