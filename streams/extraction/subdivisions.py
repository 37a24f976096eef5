"""Units below the first-level regions that ISO 3166-2 names: the provinces of Burkina Faso and
the Philippines, the districts of Bangladesh and Uganda; and those it does not, listed in
data/units_below_regions.json (South Sudan's counties, Ethiopia's zones, Nepal's districts).
Written with a town ('Kacham (Tin-Akoff, Oudalan)', 'Floridablanca town, Pampanga province'),
such a unit tells the town's first-level region (admin1), which is the region the gazetteer
knows the unit's ancestor by.

The names come from pycountry's ISO 3166-2 data and that table; this module only links them to
regions."""

from __future__ import annotations

import json
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any

import pycountry

from streams.errors import LexiconError
from streams.extraction import lexicons
from streams.extraction.gazetteer import Place, fold, gazetteer, skeleton
from streams.extraction.place_names import name_variants

SPELLED_ALIKE = 0.8
"""Likeness from which a written unit name is the ISO name spelled otherwise ('Laxmipur',
'Lakshmipur'), as for regions (note_places.regions)."""


def _known_regions() -> dict[str, Place]:
    gaz = gazetteer()
    by_code: dict[str, Place] = {}
    for bucket in (gaz.admin1, gaz.admin1_unlocated):
        for found in bucket.values():
            for region in found:
                if region.admin1_code:
                    by_code.setdefault(region.admin1_code, region)
    return by_code


def _ancestor(sub: Any, subs: dict[str, Any], regions: dict[str, Place]) -> Place | None:
    """The nearest enclosing unit the gazetteer knows as a first-level region."""
    code = getattr(sub, "parent_code", None)
    while code is not None:
        if code in regions:
            return regions[code]
        parent = subs.get(code)
        code = getattr(parent, "parent_code", None) if parent is not None else None
    return None


@lru_cache(maxsize=1)
def _units() -> dict[str, list[tuple[str, Place]]]:
    """Folded lower-case unit name -> (the name, the region it lies in), for the units that are
    not themselves a known first-level region."""
    regions = _known_regions()
    subs: dict[str, Any] = {sub.code: sub for sub in pycountry.subdivisions}
    out: dict[str, list[tuple[str, Place]]] = {}
    for sub in subs.values():
        if sub.code in regions:
            continue
        region = _ancestor(sub, subs, regions)
        if region is None:
            continue
        for name in name_variants(sub.name):
            out.setdefault(fold(name).lower(), []).append((name, region))
    for code, names in _listed_units().items():
        listed = regions.get(code)
        if listed is None:
            raise LexiconError(f"units_below_regions.json: no known region {code}")
        for unit in names:
            for name in name_variants(unit):
                out.setdefault(fold(name).lower(), []).append((name, listed))
    return out


def _listed_units() -> dict[str, list[str]]:
    """data/units_below_regions.json: the units ISO 3166-2 does not list, by region code."""
    raw = json.loads((lexicons.DATA_DIR / "units_below_regions.json").read_text(encoding="utf-8"))
    units = raw.get("units") if isinstance(raw, dict) else None
    if not isinstance(units, dict) or not all(
        isinstance(v, list) and all(isinstance(n, str) for n in v) for v in units.values()
    ):
        raise LexiconError("units_below_regions.json: expected {'units': {code: [name, ...]}}")
    return units


@lru_cache(maxsize=1)
def _by_skeleton() -> dict[str, list[tuple[str, Place]]]:
    out: dict[str, list[tuple[str, Place]]] = {}
    for found in _units().values():
        for name, region in found:
            out.setdefault(skeleton(name), []).append((name, region))
    return out


def region_of_unit(name: str, countries: set[str], *, exact: bool = False) -> list[Place]:
    """The first-level regions that hold a unit of this name (in the given countries when
    any): as written, else (unless `exact`) spelled alike."""
    folded = fold(name).lower()
    found = _units().get(folded)
    if found is None and exact:
        found = []
    if found is None:
        found = [
            (unit, region)
            for unit, region in _by_skeleton().get(skeleton(name), [])
            if SequenceMatcher(None, folded, fold(unit).lower()).ratio() >= SPELLED_ALIKE
        ]
    regions = {region.admin1_code: region for _unit, region in found}
    return [r for r in regions.values() if not countries or r.country3 in countries]
