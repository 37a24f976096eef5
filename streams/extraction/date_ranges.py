"""Two full dates that make one range ('between 22 August and 31 August 2020')."""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from typing import Any, ClassVar, Protocol, TypeVar

from streams.extraction.date_words import alternation, date_words

RANGE_LEAD = re.compile(rf"\b{alternation(date_words().range_leads)}\s+$", re.IGNORECASE)
"""A word that opens a range ('between', 'from'), right before its first day."""
_RANGE_LINK = re.compile(rf"\s*{alternation(date_words().range_links)}\s*", re.IGNORECASE)


class _Mention(Protocol):
    """A dated mention (dates.DateMention, a dataclass), as far as ranges need it."""

    __dataclass_fields__: ClassVar[dict[str, dataclasses.Field[Any]]]

    @property
    def date(self) -> date: ...
    @property
    def precision(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


M = TypeVar("M", bound=_Mention)


def _in_year(day: date, year: int) -> date:
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February
        return day


def join_ranges(text: str, found: list[M], offset: int) -> list[M]:
    """'between 22 August and 31 August 2020', 'from 30 April to 2 May': one mention, dated by
    the first day, in the year the last day states when the first states none."""
    out: list[M] = []
    for mention in found:
        first = out[-1] if out else None
        if (
            first is None
            or first.precision != "day"
            or mention.precision != "day"
            or not _RANGE_LINK.fullmatch(text, first.end - offset, mention.start - offset)
            or not RANGE_LEAD.search(text, max(0, first.start - offset - 12), first.start - offset)
        ):
            out.append(mention)
            continue
        day = first.date
        if not re.search(r"\d{4}", first.text) and re.search(r"\d{4}", mention.text):
            day = _in_year(day, mention.date.year)
            if day > mention.date:
                day = _in_year(day, day.year - 1)
        joined = text[first.start - offset : mention.end - offset]
        out[-1] = dataclasses.replace(first, date=day, text=joined, end=mention.end)
    return out
