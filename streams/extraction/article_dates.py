"""The day an article counts dates from, and the month names a time word binds."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from functools import lru_cache

from streams.extraction import lexicons
from streams.extraction.annotated import Annotated
from streams.extraction.dates import (
    MONTH_ABBREVIATIONS,
    MONTH_RE,
    latest_explicit_date,
)
from streams.schemas import Article


def published_day(article: Article) -> date:
    """The publication day; with none given, the latest fully written date in the text (an
    event note "On 23 January 2024, ..." is dated by itself), else today."""
    if article.published_at is not None:
        return article.published_at.date()
    return latest_explicit_date(article.text) or datetime.now(UTC).date()


_LEAD_DATE = re.compile(r"\s*(?:On\s+)?$")


def lead_date(doc: Annotated) -> date | None:
    """The calendar date a text opens with ("On 23 January 2024, ...", "On Jan. 23, ...")."""
    first = next(iter(doc.dates), None)
    if first is None or first.precision != "day":
        return None
    calendar = first.text[:1].isdigit() or first.text[:3].lower() in MONTH_ABBREVIATIONS
    if not calendar or not _LEAD_DATE.match(doc.text[doc.dateline_end : first.start]):
        return None
    return first.date


@lru_cache(maxsize=1)
def month_phrase() -> re.Pattern[str]:
    """A month name a time word binds ("since August", "March to May"), from time_words.json."""
    words = lexicons.time_words()
    lead = "|".join(re.escape(w) for w in words.month_lead)
    link = "|".join(re.escape(w) for w in words.month_link)
    return re.compile(
        rf"\b(?:(?i:{lead})[\s-]+(?P<led>{MONTH_RE})"
        rf"|(?P<first>{MONTH_RE})(?:\s+(?i:{link})\s+|\s*[-–]\s*)(?P<second>{MONTH_RE}))(?!\w)"
    )


def month_words(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for match in month_phrase().finditer(text):
        spans.extend(match.span(g) for g in ("led", "first", "second") if match.group(g))
    return spans
