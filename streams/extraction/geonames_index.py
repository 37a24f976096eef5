"""A compact, read-only index of a full GeoNames dump: the villages the packaged town files lack.

`build_index` reads allCountries.txt or a per-country file (XX.txt, or the .zip GeoNames serves
them in): tab-separated, the 19 columns of GeoNames' `geoname` table. It keeps populated places
(feature class P) and administrative areas (class A) and writes them to an SQLite file: a place
table (name, ASCII name, a bounded set of alternate names, latitude, longitude, country, admin1
code, population, feature code) and a table from every name to its places. `GeoNamesIndex`
answers lookups from that file without loading it into memory, so even allCountries (millions
of places) costs a worker almost no RSS.
"""

from __future__ import annotations

import io
import os
import sqlite3
import threading
import time
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import IO, NamedTuple

from streams.errors import DumpError, LexiconError

FORMAT = "streams-geonames-index/1"
COLUMNS = 19
KEPT_CLASSES = frozenset({"P", "A"})
MAX_ALTERNATES = 10
"""Alternate names kept per place: the first Latin-script ones, in GeoNames' order."""
PROGRESS_EVERY = 500_000
_BATCH = 20_000

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE place (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, ascii TEXT NOT NULL, alternates TEXT NOT NULL,
    latitude REAL NOT NULL, longitude REAL NOT NULL, feature_class TEXT NOT NULL,
    feature_code TEXT NOT NULL, country TEXT NOT NULL, admin1 TEXT NOT NULL,
    population INTEGER NOT NULL
);
CREATE TABLE name (key TEXT NOT NULL, id INTEGER NOT NULL, PRIMARY KEY (key, id)) WITHOUT ROWID;
CREATE TABLE first_word (word TEXT PRIMARY KEY) WITHOUT ROWID;
"""


class Row(NamedTuple):
    """One kept line of the dump."""

    geonames_id: int
    name: str
    ascii: str
    alternates: tuple[str, ...]
    latitude: float
    longitude: float
    feature_class: str
    feature_code: str
    country: str
    admin1: str
    population: int


@dataclass(frozen=True, slots=True)
class ImportReport:
    source: Path
    target: Path
    lines: int
    places: int
    areas: int
    names: int
    seconds: float

    def describe(self) -> str:
        size = self.target.stat().st_size / 1e6
        return (
            f"indexed {self.places:,} populated places and {self.areas:,} admin areas "
            f"({self.names:,} names) from {self.lines:,} lines of {self.source.name} into "
            f"{self.target} ({size:.1f} MB) in {self.seconds:.1f} s"
        )


def latin_script(name: str) -> bool:
    """Every letter is Latin (accents allowed): a name English news may print."""
    return all(ch.isascii() or "LATIN" in unicodedata.name(ch, "") for ch in name if ch.isalpha())


def _alternates(field: str, name: str, ascii_name: str) -> tuple[str, ...]:
    out: list[str] = []
    for raw in field.split(","):
        alt = raw.strip()
        if (
            3 <= len(alt) <= 60
            and alt not in (name, ascii_name)
            and alt not in out
            and not alt.isupper()
            and not any(ch.isdigit() for ch in alt)
            and latin_script(alt)
        ):
            out.append(alt)
            if len(out) == MAX_ALTERNATES:
                break
    return tuple(out)


def parse_line(line: str, number: int) -> Row | None:
    """A kept row, None for another feature class; DumpError for a line that is not GeoNames'."""
    cols = line.rstrip("\r\n").split("\t")
    if len(cols) != COLUMNS:
        raise DumpError(
            f"line {number}: {len(cols)} tab-separated columns, a GeoNames dump has {COLUMNS} "
            "(geonameid, name, asciiname, alternatenames, latitude, longitude, ...)"
        )
    if cols[6] not in KEPT_CLASSES:
        return None
    try:
        return Row(
            int(cols[0]),
            cols[1],
            cols[2] or cols[1],
            _alternates(cols[3], cols[1], cols[2]),
            float(cols[4]),
            float(cols[5]),
            cols[6],
            cols[7],
            cols[8],
            cols[10],
            int(cols[14] or 0),
        )
    except ValueError as exc:
        raise DumpError(f"line {number}: bad number in a GeoNames row: {exc}") from exc


def _zip_member(archive: zipfile.ZipFile, path: Path) -> str:
    names = [
        n
        for n in archive.namelist()
        if n.endswith(".txt") and not Path(n).name.lower().startswith("readme")
    ]
    preferred = f"{path.stem}.txt"
    if preferred in names:
        return preferred
    if len(names) != 1:
        found = ", ".join(archive.namelist()) or "nothing"
        raise DumpError(f"{path}: expected one GeoNames .txt file in the zip, found {found}")
    return names[0]


@contextmanager
def open_dump(path: Path) -> Iterator[IO[str]]:
    """The dump's text, from a .txt file or from the .txt inside a .zip."""
    if not path.is_file():
        raise DumpError(f"{path}: no such file")
    try:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                member = _zip_member(archive, path)
                with archive.open(member) as raw:
                    yield io.TextIOWrapper(raw, encoding="utf-8", newline="")
        else:
            with open(path, encoding="utf-8", newline="") as fh:
                yield fh
    except UnicodeDecodeError as exc:
        raise DumpError(f"{path}: not UTF-8 text, so not a GeoNames dump ({exc})") from exc


def _keys(row: Row) -> set[str]:
    return {row.name, row.ascii, *row.alternates}


def _flush(db: sqlite3.Connection, rows: list[Row]) -> int:
    db.executemany(
        "INSERT OR REPLACE INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        [(*r[:3], "|".join(r.alternates), *r[4:]) for r in rows],
    )
    names = [(key, r.geonames_id) for r in rows for key in _keys(r)]
    db.executemany("INSERT OR IGNORE INTO name VALUES (?, ?)", names)
    words = {(key.split()[0],) for key, _ in names if key.split()}
    db.executemany("INSERT OR IGNORE INTO first_word VALUES (?)", words)
    rows.clear()
    return len(names)


def build_index(
    source: Path,
    target: Path,
    *,
    countries: frozenset[str] = frozenset(),
    progress: Callable[[str], None] | None = None,
) -> ImportReport:
    """Index `source` into `target` (replaced only once the new index is complete)."""
    started = time.monotonic()
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    counts = {"lines": 0, "P": 0, "A": 0, "names": 0}
    try:
        with closing(sqlite3.connect(partial)) as db, open_dump(source) as text:
            db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
            _load_rows(
                db, text, countries=countries, counts=counts, progress=progress, started=started
            )
            _write_meta(db, source, counts)
            db.commit()
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    if counts["P"] + counts["A"] == 0:
        partial.unlink(missing_ok=True)
        raise DumpError(f"{source}: no populated place or admin area (feature class P or A)")
    os.replace(partial, target)
    return ImportReport(
        source,
        target,
        counts["lines"],
        counts["P"],
        counts["A"],
        counts["names"],
        time.monotonic() - started,
    )


def _load_rows(
    db: sqlite3.Connection,
    text: IO[str],
    *,
    countries: frozenset[str],
    counts: dict[str, int],
    progress: Callable[[str], None] | None,
    started: float,
) -> None:
    batch: list[Row] = []
    for number, line in enumerate(text, start=1):
        row = parse_line(line, number) if line.strip() else None
        if row is not None and (not countries or row.country in countries):
            batch.append(row)
            counts[row.feature_class] += 1
            if len(batch) >= _BATCH:
                counts["names"] += _flush(db, batch)
        counts["lines"] = number
        if number % PROGRESS_EVERY == 0 and progress is not None:
            rate = number / max(time.monotonic() - started, 1e-9)
            kept = counts["P"] + counts["A"]
            progress(f"{number:,} lines read, {kept:,} places kept ({rate:,.0f} lines/s)")
    counts["names"] += _flush(db, batch)


def _write_meta(db: sqlite3.Connection, source: Path, counts: dict[str, int]) -> None:
    meta = {
        "format": FORMAT,
        "source": source.name,
        "imported": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        **{key: str(value) for key, value in counts.items()},
    }
    db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())


class GeoNamesIndex:
    """Lookups in an index file written by `build_index`; read-only, safe across threads."""

    def __init__(self, path: Path) -> None:
        if not path.is_file():
            raise LexiconError(
                f"gazetteer index {path} does not exist; build it with `streams gazetteer import`"
            )
        self.path = path
        self._db = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
        )
        try:
            found = self._db.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise LexiconError(f"{path} is not a gazetteer index: {exc}") from exc
        if found is None or found[0] != FORMAT:
            self._db.close()
            raise LexiconError(f"{path} is not a {FORMAT} file (found {found})")
        self._lock = threading.Lock()  # one connection, shared by the worker's threads
        self.places = lru_cache(maxsize=65_536)(self._places)
        self.has_first_word = lru_cache(maxsize=65_536)(self._has_first_word)

    def _places(self, key: str) -> tuple[Row, ...]:
        with self._lock:
            rows = self._db.execute(
                "SELECT p.* FROM name n JOIN place p ON p.id = n.id WHERE n.key = ?", (key,)
            ).fetchall()
        return tuple(
            Row(r[0], r[1], r[2], tuple(filter(None, r[3].split("|"))), *r[4:]) for r in rows
        )

    def _has_first_word(self, word: str) -> bool:
        with self._lock:
            found = self._db.execute("SELECT 1 FROM first_word WHERE word = ?", (word,))
            return found.fetchone() is not None
