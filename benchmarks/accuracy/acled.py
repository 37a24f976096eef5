"""Build the ACLED development set: ACLED-coded notes as gold for `streams evaluate`.

Reads every export listed in acled_sources.json from the local git mirrors (`fetch` brings a
repository to /work/.mirror/<owner>+<name>/), normalises the rows to `AcledRow`, dedupes them
by event id and by notes, drops every reserved row of the hold-out list, keeps at most `cap`
rows per (country, sub-event type) so that no single export dominates, gives each row its
fixed half and marks the fixed sample, and writes the rows to .cache/acled/rows.jsonl (outside
git: ACLED's terms forbid redistribution) with a manifest of counts beside it.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from benchmarks import mirrors as mirrors_io
from streams.evaluate import ACLED_SUB_EVENT_TYPES, half_of
from streams.evaluate_acled import AcledRow, country_alpha3, stable_digest

ROOT = Path(__file__).resolve().parents[2]
SOURCES_FILE = Path(__file__).with_name("acled_sources.json")
DEFAULT_MIRRORS = mirrors_io.DEFAULT_MIRRORS
DEFAULT_EXCLUDE = ROOT.parent / "shared" / "holdout-exclude.txt"
DEFAULT_CACHE = ROOT / ".cache" / "acled"
SAMPLE_SEED = "acled-sample-v1"
DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d %b %Y", "%d-%b-%y", "%d/%m/%Y")

# Pre-2019 ACLED event types -> (event type, sub-event type or None). "Riots/Protests" is split
# by the actor type of actor1 (inter1 5 = rioters, 6 = protesters), as ACLED's own recoding did.
LEGACY_TYPES: dict[str, tuple[str, str | None]] = {
    "battle-no change of territory": ("Battles", "Armed clash"),
    "battle-government regains territory": ("Battles", "Government regains territory"),
    "battle-non-state actor overtakes territory": (
        "Battles",
        "Non-state actor overtakes territory",
    ),
    "battle-non-state actors overtake territory": (
        "Battles",
        "Non-state actor overtakes territory",
    ),
    "remote violence": ("Explosions/Remote violence", None),
    "violence against civilians": ("Violence against civilians", None),
    "strategic development": ("Strategic developments", None),
    "headquarters or base established": (
        "Strategic developments",
        "Headquarters or base established",
    ),
    "non-violent transfer of territory": (
        "Strategic developments",
        "Non-violent transfer of territory",
    ),
}
LEGACY_RIOTS_PROTESTS = {"5": "Riots", "6": "Protests"}


# the set cannot be built (missing mirror, commit or exclusion list)
BuildError = mirrors_io.MirrorError
git_dir = mirrors_io.git_dir


class Source(BaseModel):
    """One entry of acled_sources.json."""

    model_config = ConfigDict(extra="forbid")
    repo: str = Field(pattern=r"^[\w.-]+/[\w.-]+$")
    path: str
    commit: str = Field(pattern=r"^[0-9a-f]{40}$")
    format: Literal["csv"]
    coding: Literal["current", "legacy"]
    licence: str
    note: str | None = None
    columns: dict[str, str] = Field(default_factory=dict, description="source column -> ACLED")
    defaults: dict[str, str] = Field(default_factory=dict, description="values of absent columns")

    @property
    def label(self) -> str:
        return f"{self.repo}:{self.path}"


class SourceList(BaseModel):
    model_config = ConfigDict(extra="forbid")
    about: str
    sources: list[Source]


def load_sources(path: Path = SOURCES_FILE) -> list[Source]:
    return SourceList.model_validate_json(path.read_text(encoding="utf-8")).sources


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- reading


def read_export(mirrors: Path, source: Source) -> str:
    return mirrors_io.show(mirrors, source.repo, source.commit, source.path).decode(
        "utf-8-sig", errors="replace"
    )


def csv_records(text: str, source: Source) -> Iterator[dict[str, str]]:
    """The export's records with lower-case ACLED column names (renamed per the source)."""
    header = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=header.count)
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    for record in reader:
        row = {k.strip().lower(): (v or "").strip() for k, v in record.items() if k}
        for old, new in source.columns.items():
            if old in row:
                row[new] = row.pop(old)
        for name, value in source.defaults.items():
            row.setdefault(name, value)
        yield row


# --------------------------------------------------------------------------- normalising


def parse_date(text: str) -> str | None:
    text = text.strip()
    if re.match(r"^\d{4}-\d{2}-\d{2}", text):
        return text[:10]
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def _float(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def _int(text: str) -> int:
    try:
        return max(0, int(float(text))) if text else 0
    except ValueError:
        return 0


def map_types(raw: dict[str, str], coding: str) -> tuple[str, str | None] | None:
    """(event type, sub-event type) in ACLED's current typology, or None when not mappable."""
    event_type, sub = raw.get("event_type", ""), raw.get("sub_event_type") or None
    if coding == "current":
        return (event_type, sub) if ACLED_SUB_EVENT_TYPES.get(sub or "") == event_type else None
    key = event_type.lower()
    if key == "riots/protests":
        mapped = LEGACY_RIOTS_PROTESTS.get(raw.get("inter1", ""))
        return (mapped, None) if mapped else None
    return LEGACY_TYPES.get(key)


def event_id(raw: dict[str, str], country: str, notes: str) -> str:
    given = raw.get("event_id_cnty", "").strip()
    if given:
        return given
    prefix = country_alpha3(country) or "XXX"
    return f"{prefix}-n{stable_digest(notes_key(notes))[:12]}"


def notes_key(notes: str) -> str:
    """The hold-out list's notes form: lower-cased, whitespace runs collapsed, stripped."""
    return re.sub(r"\s+", " ", notes.lower()).strip()


def normalise(raw: dict[str, str], source: Source) -> AcledRow | str:
    """An AcledRow, or the reason the record is left out."""
    notes = raw.get("notes", "").strip()
    if not notes:
        return "no notes"
    types = map_types(raw, source.coding)
    if types is None:
        return "type not mappable"
    day = parse_date(raw.get("event_date", ""))
    if day is None:
        return "no date"
    country = raw.get("country", "")
    if not country:
        return "no country"
    ident = event_id(raw, country, notes)
    return AcledRow(
        event_id_cnty=ident,
        event_date=day,
        event_type=types[0],
        sub_event_type=types[1],
        coding=source.coding,
        country=country,
        iso3=country_alpha3(country, raw.get("iso")),
        admin1=raw.get("admin1") or None,
        location=raw.get("location") or None,
        latitude=_float(raw.get("latitude", "")),
        longitude=_float(raw.get("longitude", "")),
        fatalities=_int(raw.get("fatalities", "")),
        notes=notes,
        source=source.label,
        half=half_of(ident),
    )


# --------------------------------------------------------------------------- selection


def load_exclusions(path: Path) -> tuple[set[str], set[str]]:
    """(id digests, notes digests) of the reserved rows."""
    if not path.is_file():
        raise BuildError(f"hold-out exclusion list {path} not found; pass --exclude PATH")
    ids: set[str] = set()
    notes: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        kind, _, digest = line.strip().partition(" ")
        if kind == "id":
            ids.add(digest.strip())
        elif kind == "notes":
            notes.add(digest.strip())
    return ids, notes


@dataclass
class Selection:
    rows: list[AcledRow] = field(default_factory=list)
    seen_ids: set[str] = field(default_factory=set)
    seen_notes: set[str] = field(default_factory=set)
    dropped: Counter[str] = field(default_factory=Counter)

    def offer(self, row: AcledRow, reserved: tuple[set[str], set[str]]) -> None:
        id_digest = stable_digest(row.event_id_cnty.strip())
        notes_digest = stable_digest(notes_key(row.notes))
        if id_digest in reserved[0] or notes_digest in reserved[1]:
            self.dropped["reserved (hold-out list)"] += 1
        elif row.event_id_cnty in self.seen_ids:
            self.dropped["duplicate event id"] += 1
        elif notes_digest in self.seen_notes:
            self.dropped["duplicate notes"] += 1
        else:
            self.seen_ids.add(row.event_id_cnty)
            self.seen_notes.add(notes_digest)
            self.rows.append(row)


def cap_rows(rows: Iterable[AcledRow], cap: int) -> list[AcledRow]:
    """At most `cap` rows per (country, sub-event type), chosen by a hash of the event id."""
    ranked = sorted(rows, key=lambda r: stable_digest(f"cap:{r.event_id_cnty}"))
    taken: Counter[tuple[str, str]] = Counter()
    kept: list[AcledRow] = []
    for row in ranked:
        stratum = (row.country, row.sub_event_type or row.event_type)
        if cap <= 0 or taken[stratum] < cap:
            taken[stratum] += 1
            kept.append(row)
    return sorted(kept, key=lambda r: (r.country, r.event_date, r.event_id_cnty))


def mark_sample(rows: list[AcledRow], size: int) -> list[AcledRow]:
    """The fixed sample: the `size` rows with the smallest sha256(seed + event id)."""
    chosen = {
        r.event_id_cnty
        for r in sorted(rows, key=lambda r: stable_digest(SAMPLE_SEED + r.event_id_cnty))[:size]
    }
    return [r.model_copy(update={"sample": r.event_id_cnty in chosen}) for r in rows]


# --------------------------------------------------------------------------- build


def collect(
    sources: list[Source], mirrors: Path, reserved: tuple[set[str], set[str]]
) -> tuple[Selection, list[dict[str, Any]]]:
    selection = Selection()
    per_source: list[dict[str, Any]] = []
    for number, source in enumerate(sources, start=1):
        text = read_export(mirrors, source)
        before, skipped = len(selection.rows), Counter[str]()
        dropped_before = Counter(selection.dropped)
        records = 0
        for raw in csv_records(text, source):
            records += 1
            row = normalise(raw, source)
            if isinstance(row, str):
                skipped[row] += 1
            else:
                selection.offer(row, reserved)
        selection.dropped.update(skipped)
        kept = len(selection.rows) - before
        dropped = dict(selection.dropped - dropped_before)
        per_source.append(
            {
                **source.model_dump(include={"repo", "path", "commit", "coding"}),
                "records": records,
                "kept": kept,
                "dropped": dropped,
            }
        )
        log(f"[{number}/{len(sources)}] {source.label}: {records} records, {kept} kept, {dropped}")
    return selection, per_source


def counts(rows: list[AcledRow]) -> dict[str, Any]:
    def tally(key: str) -> dict[str, int]:
        return dict(Counter(str(getattr(r, key)) for r in rows).most_common())

    return {
        "rows": len(rows),
        "countries": len({r.country for r in rows}),
        "by_country": tally("country"),
        "by_event_type": tally("event_type"),
        "by_sub_event_type": tally("sub_event_type"),
        "by_half": tally("half"),
        "by_coding": tally("coding"),
        "sample": sum(r.sample for r in rows),
    }


def build(
    *,
    mirrors: Path = DEFAULT_MIRRORS,
    exclude: Path = DEFAULT_EXCLUDE,
    cache: Path = DEFAULT_CACHE,
    cap: int = 150,
    sample_size: int = 400,
    sources_file: Path = SOURCES_FILE,
) -> dict[str, Any]:
    sources = load_sources(sources_file)
    reserved = load_exclusions(exclude)
    log(f"{len(sources)} sources; {len(reserved[0])} reserved ids, {len(reserved[1])} notes")
    selection, per_source = collect(sources, mirrors, reserved)
    rows = mark_sample(cap_rows(selection.rows, cap), sample_size)
    log(f"{len(selection.rows)} distinct rows; {len(rows)} after the cap of {cap} per stratum")
    cache.mkdir(parents=True, exist_ok=True)
    with (cache / "rows.jsonl").open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(row.model_dump_json(exclude_none=False) + "\n")
    manifest = {
        "built_at": datetime.now().astimezone().isoformat(timespec="seconds"),
        "cap_per_country_and_sub_event_type": cap,
        "sample_size": sample_size,
        "sample_seed": SAMPLE_SEED,
        "distinct_rows_before_cap": len(selection.rows),
        "dropped": dict(selection.dropped),
        "sources": per_source,
        **counts(rows),
    }
    (cache / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    log(f"wrote {cache / 'rows.jsonl'} and manifest.json")
    return manifest
