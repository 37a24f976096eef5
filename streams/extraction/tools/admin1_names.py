"""Name matching for the admin1 join (see gen_admin1): folding, stems, English display names,
and the scores of a GeoNames group's names and cities against an ISO 3166-2 subdivision."""

from __future__ import annotations

import csv
import difflib
import re
import unicodedata
from collections import Counter, defaultdict
from typing import Any

TYPE_WORDS = re.compile(
    r"\b(oblast'?|oblast|region|province|provincia|respublika|republic|kray|krai|avtonomnyy|"
    r"avtonomna|okrug|state|governorate|muhafazat|district|prefecture|county|department|"
    r"departamento|voivodeship|wojewodztwo|city|municipality|autonomous|of|the)\b",
    re.IGNORECASE,
)


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


def clean_english(name: str) -> str:
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
