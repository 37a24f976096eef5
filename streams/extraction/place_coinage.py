"""Places the gazetteer has no town for, read from how the text writes them.

- A unit below a first-level region named alone ('in Swat', 'in Kossi Province', 'Nasir
  town'): ACLED codes a district or county at its seat, which often bears its name and which
  the gazetteer may lack. The place is the name as written inside the unit's region, with that
  region's admin1 and no coordinates (codebook, "Regions, districts and capitals": a place
  missing from GeoNames is coded by name and admin1 code).
- Two towns of one country joined by a hyphen ('the Kongoussi-Djibo axis', 'on the
  Eldoret-Kitale road'): a road between them, placed at the first town named, as ACLED codes
  a road or axis by its first end.

The unit names are data (ISO 3166-2 and data/units_below_regions.json, read by subdivisions);
this module is the mechanism."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from streams.errors import LexiconError
from streams.extraction.annotated import Annotated, RawPlace
from streams.extraction.gazetteer import Place, gazetteer
from streams.extraction.place_context import clue_votes
from streams.extraction.subdivisions import region_of_unit

DATA = Path(__file__).resolve().parent / "data" / "en"

LOCATION_WORD = re.compile(r"\b(?:[Ii]n|at|near|around|outside|into|to)\s+$")

_COMPASS = re.compile(r"North|South|East|West|Central|Northern|Southern|Eastern|Western")

_PAIR = re.compile(r"([A-Z][\w’']+)-([A-Z][\w’']+)$")


def unlisted_town(surface: str, region: Place) -> Place:
    """A town the gazetteer lacks, by its name as written, inside `region`."""
    return replace(
        region,
        name=surface,
        precision="city",
        population=0,
        latitude=None,
        longitude=None,
        geonames_id=None,
        area=False,
    )


def unit_seat(name: str, countries: set[str], *, exact: bool = True) -> Place | None:
    """The seat of the unit of this name, when one region (of `countries` when any) holds a
    unit so named and the gazetteer knows no place of that name."""
    if gazetteer().lookup(name):
        return None
    regions = region_of_unit(name, countries, exact=exact)
    if len(regions) != 1:
        return None
    return _town_of_head(name, regions[0]) or unlisted_town(name, regions[0])


def _town_of_head(name: str, region: Place) -> Place | None:
    """'Aweil West', 'Rumbek Central': a unit named after a town of its region and a compass
    point is that town, as ACLED codes it."""
    head, _, last = name.rpartition(" ")
    if not head or not _COMPASS.fullmatch(last):
        return None
    towns = [
        p
        for p in gazetteer().lookup(head)
        if p.precision == "city" and p.admin1_code == region.admin1_code
    ]
    return max(towns, key=lambda p: p.population, default=None)


def unit_at_home(doc: Annotated, surface: str, cands: list[Place]) -> list[Place]:
    """'Oromo protesters in Dallo Mana, Bale': a name that is a unit of the country the text is
    about (its focus, else its country clues) is that unit's seat, not a namesake abroad
    (Bâle, Basel), when no candidate lies in that country."""
    home = {c for c, n in doc.focus.items() if c and n > 0} or set(clue_votes(doc.text))
    if not home or any(c.country3 in home for c in cands):
        return cands
    regions = region_of_unit(surface, home, exact=True)
    if len(regions) != 1:
        return cands
    return [_town_of_head(surface, regions[0]) or unlisted_town(surface, regions[0])]


def bare_unit(doc: Annotated, start: int, surface: str) -> RawPlace | None:
    """'in Swat', 'In Munshiganj, ...': a unit written without a unit word, right after a
    location word; the unit's seat in its region."""
    if not LOCATION_WORD.search(doc.text[max(0, start - 10) : start]):
        return None
    countries = {c for c, n in doc.focus.items() if c and n > 0}
    seat = unit_seat(surface, countries)
    return None if seat is None else RawPlace(start, start + len(surface), surface, [seat], True)


def road_pair(text: str, start: int, surface: str) -> RawPlace | None:
    """'Kongoussi-Djibo': two towns of one country joined by a hyphen, the first of them (in
    that country), when that country holds the bigger namesake of one of the two. Next to a
    road word ('the Mayom-Bentiu road'), the first of the two the gazetteer knows."""
    pair = _PAIR.match(surface)
    if pair is None:
        return None
    gaz = gazetteer()
    first, second = (
        [p for p in gaz.lookup(pair.group(k)) if p.precision == "city"] for k in (1, 2)
    )
    shared = {p.country3 for p in first} & {p.country3 for p in second}
    # "Paris-Berlin": both have small namesakes in one country, but neither lies mainly there
    biggest = {
        max(towns, key=lambda p: p.population).country3 for towns in (first, second) if towns
    }
    if len(shared) == 1 and shared & biggest:
        cands = [p for p in first if p.country3 in shared]
        return RawPlace(start, start + len(pair.group(1)), pair.group(1), cands, True)
    if shared or not _road_next_to(text, start, start + len(surface)):
        return None
    k = 1 if first else 2
    towns = first or second
    if not towns:
        return None
    at = start + pair.start(k)
    one_country = len({p.country3 for p in towns}) == 1
    return RawPlace(at, at + len(pair.group(k)), pair.group(k), towns, one_country)


def _road_next_to(text: str, start: int, end: int) -> bool:
    after = re.match(r"\s+(\w+)", text[end : end + 20])
    before = re.search(r"(\w+)\s+(?:of\s+)?(?:the\s+)?$", text[max(0, start - 25) : start])
    words = road_words()
    return any(m is not None and m.group(1).lower() in words for m in (after, before))


@lru_cache(maxsize=1)
def road_words() -> frozenset[str]:
    """data/en/road_words.json: the words naming a road between two places."""
    raw = json.loads((DATA / "road_words.json").read_text(encoding="utf-8"))
    words = raw.get("words") if isinstance(raw, dict) else None
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise LexiconError("road_words.json: expected {'words': [str, ...]}")
    return frozenset(words)
