"""Score an extractor against ACLED-coded event notes (the cache `benchmarks.accuracy acled
build` writes; one `AcledRow` per line).

Each row's `notes` becomes an Article, published the morning after the event date (08:00 UTC):
a next-day report. The notes state their own date ("On 12 March 2024, ..."), so a resolver that
falls back to the publication day is scored wrong instead of right by accident.

Per row and field, the row counts as correct when ANY event extracted from the note has it:

- event type, sub-event type: `codes.acled_event_type` / `codes.acled_sub_event_type` equal to
  ACLED's (sub-event type only on rows that carry one; legacy-coded rows often do not);
- location: a place within 25 km of ACLED's coordinates;
- admin1: a place whose admin1 is the same region as ACLED's admin1: the same ISO 3166-2 code
  (ACLED's name looked up with pycountry, else through the gazetteer's admin1 names and aliases
  in the row's country: compact key, then the consonant skeleton for transliterated names;
  a place's admin1 without a code is resolved the same way), or the same name once accents,
  case, unit words (Oblast, Province, ...), spaces, punctuation and doubled vowels are dropped;
  a region since split or renamed also takes the regions now covering it (admin1_former);
- date: `when.date` equal to the event date; `date_stated` scores the same on the rows whose
  note names the event day (day and month name, or the ISO date): many older notes give no day
  at all, and for them only the publication day (the day after) is there to be read;
- fatalities: `killed` equal to ACLED's count, on rows above 0 whose notes do not say the
  fatalities were coded or split elsewhere (those rows are counted apart);
- no event: the share of notes that give no event at all.

Scores are split by country, event type, sub-event type, half (tune / check) and coding.
"""

from __future__ import annotations

import calendar
import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from streams.errors import StreamsError
from streams.evaluation.acled_codes import (
    DATA_FILE,
    ScoringData,
    admin1_code,
    admin1_codes,
    admin1_compact,
    admin1_identity,
    admin1_key,
    country_alpha3,
    fatalities_coded_elsewhere,
    fatalities_imputed,
    scoring_data,
)
from streams.evaluation.gold import ACLED_EVENT_TYPES, ACLED_SUB_EVENT_TYPES
from streams.evaluation.match import haversine_km
from streams.schemas import Article, Event

__all__ = [
    "DATA_FILE",
    "FIELDS",
    "MATCH_KM",
    "PUBLISHED_AT_TIME",
    "SPLITS",
    "AcledFileError",
    "AcledReport",
    "AcledRow",
    "RowResult",
    "ScoringData",
    "Tally",
    "admin1_code",
    "admin1_key",
    "country_alpha3",
    "evaluate_rows",
    "fatalities_coded_elsewhere",
    "fatalities_imputed",
    "fatalities_left_out",
    "format_report",
    "is_acled_file",
    "load_rows",
    "names_event_day",
    "score_row",
    "scoring_data",
    "stable_digest",
]

MATCH_KM = 25.0
PUBLISHED_AT_TIME = time(8, 0, tzinfo=UTC)
FIELDS = (
    "event_type",
    "sub_event_type",
    "location",
    "admin1",
    "date",
    "date_stated",
    "fatalities",
)
SPLITS = ("country", "event_type", "sub_event_type", "half", "coding")

Predictor = Callable[[Article], list[Event]]


class AcledFileError(StreamsError):
    """An ACLED cache file could not be read or a line failed validation."""


# --------------------------------------------------------------------------- knowledge


def fatalities_left_out(row: AcledRow) -> str | None:
    """Why a row's fatalities cannot be read from its note, or None when they can."""
    if row.fatalities <= 0:
        return None
    if fatalities_coded_elsewhere(row.notes):
        return "coded or split elsewhere"
    if fatalities_imputed(row.notes):
        return "unknown toll coded as a number"
    return None


# --------------------------------------------------------------------------- rows


def stable_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class AcledRow(BaseModel):
    """One ACLED event in the development cache (rows are never committed)."""

    model_config = ConfigDict(extra="forbid")
    event_id_cnty: str = Field(min_length=1)
    event_date: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")
    event_type: str
    sub_event_type: str | None = None
    coding: Literal["current", "legacy"] = Field(
        description="current: ACLED's 2019+ types; legacy: older types mapped to current ones"
    )
    country: str = Field(min_length=1)
    iso3: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    admin1: str | None = None
    location: str | None = None
    latitude: float | None = Field(default=None, ge=-90, le=90)
    longitude: float | None = Field(default=None, ge=-180, le=180)
    fatalities: int = Field(ge=0)
    notes: str = Field(min_length=1)
    source: str = Field(description="owner/name:path of the export the row came from")
    half: Literal["tune", "check"]
    sample: bool = False

    @model_validator(mode="after")
    def _known_types(self) -> AcledRow:
        if self.event_type not in ACLED_EVENT_TYPES:
            raise ValueError(f"unknown ACLED event type {self.event_type!r}")
        sub = self.sub_event_type
        if sub is not None and ACLED_SUB_EVENT_TYPES.get(sub) != self.event_type:
            raise ValueError(f"sub-event type {sub!r} is not a kind of {self.event_type!r}")
        return self

    def article(self) -> Article:
        published = datetime.combine(
            date.fromisoformat(self.event_date) + timedelta(days=1), PUBLISHED_AT_TIME
        )
        return Article(
            id=self.event_id_cnty,
            text=self.notes,
            source="ACLED notes",
            language="en",
            published_at=published,
        )


def is_acled_file(path: Path) -> bool:
    """True when the first non-blank line of a .jsonl file is an ACLED row, not a gold text."""
    if path.is_dir():
        return False
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                try:
                    first = json.loads(line)
                except ValueError:
                    return False
                return isinstance(first, dict) and {"event_id_cnty", "notes"} <= first.keys()
    return False


def load_rows(
    path: Path, *, sample: bool = False, half: Literal["tune", "check"] | None = None
) -> list[AcledRow]:
    """Read an ACLED cache file, optionally only the fixed sample and/or one half."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise AcledFileError(f"cannot read {path}: {exc}") from exc
    rows: list[AcledRow] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = AcledRow.model_validate_json(line)
        except ValueError as exc:
            raise AcledFileError(f"{path}:{number}: {exc}") from exc
        if (not sample or row.sample) and (half is None or row.half == half):
            rows.append(row)
    return rows


# --------------------------------------------------------------------------- scoring


@dataclass
class Tally:
    correct: int = 0
    total: int = 0

    def add(self, hit: bool) -> None:
        self.total += 1
        self.correct += int(hit)

    @property
    def share(self) -> float | None:
        return self.correct / self.total if self.total else None

    def as_dict(self) -> dict[str, Any]:
        share = self.share
        return {
            "correct": self.correct,
            "total": self.total,
            "share": None if share is None else round(share, 4),
        }


@dataclass
class RowResult:
    """Which fields one row scored (None: the field is not scored on this row)."""

    row: AcledRow
    hits: dict[str, bool | None]
    no_event: bool
    fatalities_left_out: str | None = None


def names_event_day(row: AcledRow) -> bool:
    """True when the note names the event's day: "12 March", "March 12th", "12 Mar." or ISO."""
    day = date.fromisoformat(row.event_date)
    month = f"(?:{calendar.month_name[day.month]}|{calendar.month_abbr[day.month]}\\.?)"
    number = f"0?{day.day}(?:st|nd|rd|th)?"
    pattern = rf"\b{number}\s+(?:of\s+)?{month}\b|\b{month}\s+{number}\b|{row.event_date}"
    return re.search(pattern, row.notes, re.IGNORECASE) is not None


def _event_admin1_match(event: Event, codes: set[str], key: str) -> bool:
    for place in event.locations:
        if place.admin1 is None:
            continue
        code = place.admin1.code or admin1_identity(place.country, place.admin1.name)
        if code in codes or admin1_compact(place.admin1.name) == key:
            return True
    return False


def _near(event: Event, lat: float, lon: float) -> bool:
    return any(
        p.latitude is not None
        and p.longitude is not None
        and haversine_km(lat, lon, p.latitude, p.longitude) <= MATCH_KM
        for p in event.locations
    )


def score_row(row: AcledRow, events: Sequence[Event]) -> RowResult:
    left_out = fatalities_left_out(row)
    hits: dict[str, bool | None] = dict.fromkeys(FIELDS)
    hits["event_type"] = any(e.codes.acled_event_type == row.event_type for e in events)
    if row.sub_event_type:
        hits["sub_event_type"] = any(
            e.codes.acled_sub_event_type == row.sub_event_type for e in events
        )
    if row.latitude is not None and row.longitude is not None:
        lat, lon = row.latitude, row.longitude
        hits["location"] = any(_near(e, lat, lon) for e in events)
    if row.admin1:
        codes = admin1_codes(row.iso3, row.admin1, row.event_date)
        key = admin1_compact(row.admin1)
        hits["admin1"] = any(_event_admin1_match(e, codes, key) for e in events)
    hits["date"] = any(e.when.date == row.event_date for e in events)
    if names_event_day(row):
        hits["date_stated"] = hits["date"]
    if row.fatalities > 0 and left_out is None:
        hits["fatalities"] = any(
            e.quantities.killed is not None and e.quantities.killed.value == row.fatalities
            for e in events
        )
    return RowResult(row, hits, no_event=not events, fatalities_left_out=left_out)


def _new_tallies() -> dict[str, Tally]:
    return {name: Tally() for name in (*FIELDS, "no_event")}


@dataclass
class AcledReport:
    rows: int = 0
    fields: dict[str, Tally] = field(default_factory=_new_tallies)
    fatalities_left_out: Counter[str] = field(default_factory=Counter)
    splits: dict[str, dict[str, dict[str, Tally]]] = field(
        default_factory=lambda: {name: defaultdict(_new_tallies) for name in SPLITS}
    )
    misses: list[RowResult] = field(default_factory=list)

    def add(self, result: RowResult) -> None:
        self.rows += 1
        if result.fatalities_left_out:
            self.fatalities_left_out[result.fatalities_left_out] += 1
        row = result.row
        keys = {
            "country": row.country,
            "event_type": row.event_type,
            "sub_event_type": row.sub_event_type or "(none: legacy coding)",
            "half": row.half,
            "coding": row.coding,
        }
        for tallies in (self.fields, *(self.splits[s][keys[s]] for s in SPLITS)):
            for name, hit in result.hits.items():
                if hit is not None:
                    tallies[name].add(hit)
            tallies["no_event"].add(result.no_event)
        if not result.hits["event_type"]:
            self.misses.append(result)

    def as_dict(self, worst: int = 0) -> dict[str, Any]:
        return {
            "format": "acled",
            "rows": self.rows,
            "fields": {name: t.as_dict() for name, t in self.fields.items()},
            "fatalities_left_out": dict(self.fatalities_left_out),
            "splits": {
                split: {
                    key: {n: t.as_dict() for n, t in tallies.items()}
                    for key, tallies in groups.items()
                }
                for split, groups in self.splits.items()
            },
            "misses": [_miss_dict(m) for m in self.misses[:worst]],
        }


def _miss_dict(result: RowResult) -> dict[str, Any]:
    row = result.row
    return {
        "event_id_cnty": row.event_id_cnty,
        "country": row.country,
        "event_type": row.event_type,
        "sub_event_type": row.sub_event_type,
        "hits": result.hits,
    }


def evaluate_rows(rows: Iterable[AcledRow], predict: Predictor) -> AcledReport:
    report = AcledReport()
    for row in rows:
        report.add(score_row(row, predict(row.article())))
    return report


# --------------------------------------------------------------------------- text output


def _share(tally: Tally) -> str:
    share = tally.share
    return "     -" if share is None else f"{share:6.3f}"


def _table(title: str, groups: dict[str, dict[str, Tally]], min_rows: int) -> list[str]:
    names = (*FIELDS, "no_event")
    head = f"{title:<38}{'rows':>6}" + "".join(f"{n[:9]:>10}" for n in names)
    lines = ["", head]
    ranked = sorted(groups.items(), key=lambda kv: (kv[1]["event_type"].share or 0.0, kv[0]))
    for key, tallies in ranked:
        if tallies["no_event"].total < min_rows:
            continue
        cells = "".join(f"{_share(tallies[n]):>10}" for n in names)
        lines.append(f"{key[:37]:<38}{tallies['no_event'].total:>6}{cells}")
    return lines


def format_report(report: AcledReport, *, min_rows: int = 20) -> str:
    lines = [f"ACLED rows: {report.rows}", "", f"{'field':<16}{'correct':>9}{'of':>8}{'share':>9}"]
    for name, tally in report.fields.items():
        lines.append(f"{name:<16}{tally.correct:>9}{tally.total:>8}{_share(tally):>9}")
    left_out = ", ".join(f"{n} {why}" for why, n in report.fatalities_left_out.items())
    lines.append(f"\nrows above 0 left out of fatalities: {left_out or 'none'}")
    lines.append(f"splits list groups of {min_rows}+ rows, worst event-type share first")
    for split in SPLITS:
        lines += _table(f"by {split.replace('_', ' ')}", report.splits[split], min_rows)
    return "\n".join(lines)
