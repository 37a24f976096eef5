"""ACLED coding knowledge used in scoring: the validated data file streams/data/acled_scoring.json
(notes whose fatalities are coded elsewhere or imputed, country aliases, admin1 unit words) and
the admin1 / country look-ups through pycountry."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path
from typing import Literal

import pycountry
from pydantic import BaseModel, ConfigDict, Field, field_validator

DATA_FILE = Path(__file__).parent.parent / "data" / "acled_scoring.json"


class _Example(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str
    elsewhere: bool
    imputed: bool = False


class _FormerRegion(BaseModel):
    """An ACLED admin1 name the ISO regions no longer carry, with the regions now covering it."""

    model_config = ConfigDict(extra="forbid")
    country: str = Field(pattern=r"^[A-Z]{3}$")
    name: str
    codes: list[str] = Field(min_length=1)
    before: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    about: str


class ScoringData(BaseModel):
    """streams/data/acled_scoring.json, validated on load."""

    model_config = ConfigDict(extra="forbid")
    about: str
    admin1_unit_words: list[str] = Field(min_length=1)
    country_aliases: dict[str, str]
    admin1_former: list[_FormerRegion]
    fatalities_coded_elsewhere: list[str] = Field(min_length=1)
    fatalities_imputed: list[str] = Field(min_length=1)
    examples: list[_Example]

    @field_validator("fatalities_coded_elsewhere", "fatalities_imputed")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            re.compile(pattern)
        return patterns

    @field_validator("country_aliases")
    @classmethod
    def _alpha3(cls, aliases: dict[str, str]) -> dict[str, str]:
        for name, code in aliases.items():
            if not re.fullmatch(r"[A-Z]{3}", code):
                raise ValueError(f"alias {name!r}: {code!r} is not an alpha-3 code")
        return aliases


@cache
def scoring_data() -> ScoringData:
    return ScoringData.model_validate_json(DATA_FILE.read_text(encoding="utf-8"))


@cache
def _patterns(kind: Literal["elsewhere", "imputed"]) -> tuple[re.Pattern[str], ...]:
    data = scoring_data()
    listed = data.fatalities_coded_elsewhere if kind == "elsewhere" else data.fatalities_imputed
    return tuple(re.compile(p, re.IGNORECASE) for p in listed)


def fatalities_coded_elsewhere(notes: str) -> bool:
    """True when the note says its fatalities are coded or split in other events."""
    return any(p.search(notes) for p in _patterns("elsewhere"))


def fatalities_imputed(notes: str) -> bool:
    """True when the note says an unknown toll was coded as a number ("... coded as 3")."""
    return any(p.search(notes) for p in _patterns("imputed"))


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def admin1_key(name: str) -> str:
    """Compare key of an admin1 name: no accents, case, punctuation or unit words."""
    folded = _fold(name)
    units = set(scoring_data().admin1_unit_words)
    kept = " ".join(w for w in folded.split() if w not in units)
    return kept or folded


def country_alpha3(name: str, iso_numeric: str | None = None) -> str | None:
    """ISO 3166-1 alpha-3 of an ACLED country name (or of its numeric code)."""
    if iso_numeric and iso_numeric.strip().isdigit():
        found = pycountry.countries.get(numeric=iso_numeric.strip().zfill(3))
        if found is not None:
            return str(found.alpha_3)
    alias = scoring_data().country_aliases.get(name.strip())
    if alias:
        return alias
    try:
        return str(pycountry.countries.lookup(name.strip()).alpha_3)
    except LookupError:
        return None


@cache
def _admin1_codes(alpha3: str) -> dict[str, str]:
    country = pycountry.countries.get(alpha_3=alpha3)
    if country is None:
        return {}
    subs = pycountry.subdivisions.get(country_code=country.alpha_2) or []  # type: ignore[no-untyped-call]
    codes: dict[str, str] = {}
    # top-level subdivisions first: a region and a lower unit may share a name
    for sub in sorted(subs, key=lambda s: (getattr(s, "parent_code", None) is not None, s.code)):
        codes.setdefault(admin1_key(sub.name), sub.code)
    return codes


def admin1_code(alpha3: str | None, name: str) -> str | None:
    """ISO 3166-2 code of an admin1 name within a country, when pycountry knows it."""
    return _admin1_codes(alpha3).get(admin1_key(name)) if alpha3 else None


def admin1_compact(name: str) -> str:
    """The compare key with no spaces and no doubled vowels: "Ombella-M'Poko" = "Ombella-Mpoko",
    "Hiraan" = "Hiiraan", "Murang'a" = "Muranga" (one name written two ways)."""
    return re.sub(r"([aeiou])\1+", r"\1", admin1_key(name).replace(" ", ""))


@cache
def _gazetteer_admin1(alpha3: str) -> dict[str, frozenset[str]]:
    """Codes by written form in one country, from the engine's own admin1 names and aliases
    (GeoNames admin1 and every ISO 3166-2 form): keyed by the compact key, and for countries
    whose names come transliterated, also by the consonant skeleton the gazetteer uses."""
    from streams.extraction.gazetteer import gazetteer
    from streams.extraction.place_names import TRANSLIT_COUNTRIES, skeleton

    gaz = gazetteer()
    found: dict[str, set[str]] = {}
    for index in (gaz.admin1, gaz.admin1_unlocated):
        for alias, regions in index.items():
            for region in regions:
                if region.country3 != alpha3 or not region.admin1_code:
                    continue
                keys = {"=" + admin1_compact(alias)}
                if region.country2 in TRANSLIT_COUNTRIES and len(skeleton(alias)) >= 3:
                    keys.add("~" + skeleton(alias))
                for key in keys:
                    found.setdefault(key, set()).add(region.admin1_code)
    return {key: frozenset(codes) for key, codes in found.items()}


def admin1_former(alpha3: str | None, name: str, date: str) -> set[str]:
    """ISO codes of the regions now covering an ACLED admin1 name of a region since split,
    merged or renamed (or ACLED's own part of one region: "Shan-North"), for an event of this
    date (an entry with `before` holds only for earlier events: the old region's name lived on
    for its remaining part)."""
    if not alpha3:
        return set()
    key = admin1_compact(name)
    return {
        code
        for entry in scoring_data().admin1_former
        if entry.country == alpha3
        and admin1_compact(entry.name) == key
        and (entry.before is None or date < entry.before)
        for code in entry.codes
    }


def admin1_codes(alpha3: str | None, name: str, date: str) -> set[str]:
    """Every ISO code an ACLED admin1 name of an event of this date stands for: pycountry's,
    the gazetteer's, and those of the regions now covering a former one."""
    named = {admin1_code(alpha3, name), admin1_identity(alpha3, name)}
    return {code for code in named if code} | admin1_former(alpha3, name, date)


def admin1_identity(alpha3: str | None, name: str) -> str | None:
    """The one ISO 3166-2 code a written admin1 name stands for within a country: pycountry's
    name, else the gazetteer's admin1 names and aliases (compact key, then skeleton); None when
    unknown or when a form names two regions."""
    if not alpha3:
        return None
    code = admin1_code(alpha3, name)
    if code:
        return code
    from streams.extraction.place_names import skeleton

    index = _gazetteer_admin1(alpha3)
    for key in ("=" + admin1_compact(name), "~" + skeleton(name)):
        codes = index.get(key, frozenset())
        if len(codes) == 1:
            return next(iter(codes))
    return None
