"""The day an article counts dates from, and the month names a time word binds."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from functools import lru_cache
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from streams.extraction import lexicons
from streams.extraction.annotated import Annotated
from streams.extraction.date_words import outlet_zones
from streams.extraction.dates import (
    MONTH_ABBREVIATIONS,
    MONTH_RE,
    latest_explicit_date,
)
from streams.schemas import Article


def published_day(article: Article) -> date:
    """The publication day, in the outlet's local day when its zone is known (codebook rule 5);
    with none given, the latest fully written date in the text (an event note "On 23 January
    2024, ..." is dated by itself), else today."""
    published = article.published_at
    if published is not None:
        zone = outlet_zone(article)
        if zone is not None and published.tzinfo is not None:
            return published.astimezone(zone).date()
        return published.date()
    return latest_explicit_date(article.text) or datetime.now(UTC).date()


def outlet_zone(article: Article) -> ZoneInfo | None:
    """The time zone of the article's outlet (data/en/outlet_zones.json), by source or URL."""
    source = (article.source or "").strip().lower()
    host = (urlsplit(article.url).hostname or "").lower() if article.url else ""
    for outlet in outlet_zones().outlets:
        by_host = any(host == d or host.endswith("." + d) for d in outlet.domains)
        if source in outlet.names or by_host:
            return ZoneInfo(outlet.zone)
    return None


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
