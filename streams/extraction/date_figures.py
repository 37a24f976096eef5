"""A day and month written in figures without a year ('on 25/09', '(03/02)'), and a date
restated in brackets right after another ('today (21 April)': the calendar date)."""

from __future__ import annotations

import dataclasses
import re
from datetime import date, timedelta
from typing import TypeVar

from streams.extraction.date_ranges import _Mention

WINDOW = timedelta(days=90)
"""A yearless day in figures names a day at most this long before publication (or a week after)."""

M = TypeVar("M", bound=_Mention)


def _recent(day: int, month: int, pub: date) -> date | None:
    """The day and month in the year that puts it closest before publication (a week after at
    most), None when that is not within WINDOW or the figures are no date."""
    for year in (pub.year, pub.year - 1):
        try:
            found = date(year, month, day)
        except ValueError:
            return None
        if found <= pub + timedelta(days=7):
            return found if pub - found <= WINDOW else None
    return None


def day_month(first: str, second: str, pub: date) -> date | None:
    """'25/09' is 25 September (day first, as most of the world writes it) unless only the
    American reading, 'month/day', is a recent day."""
    a, b = int(first), int(second)
    return _recent(a, b, pub) or _recent(b, a, pub)


_BRACKET = re.compile(r"\s*[(\[]\s*")


def restated(text: str, found: list[M], offset: int) -> list[M]:
    """'early today (06/02)', 'on Monday [28 September]': a day word restated in brackets by a
    calendar day right after it takes that day (the figures the text gives, not a reading of
    'today' against the publication time)."""
    out: list[M] = []
    for mention in found:
        before = out[-1] if out else None
        if (
            before is not None
            and mention.precision == "day"
            and _BRACKET.fullmatch(text, before.end - offset, mention.start - offset)
        ):
            out[-1] = dataclasses.replace(before, date=mention.date, precision="day")
        out.append(mention)
    return out
