"""Places written with the units they lie in: "in Bacda village (Belet Weyne, Hiraan)", "in
Num Lang village (Momauk township, Bhamo district, Kachin State)", "in Bungursari district,
Purwakarta regency, West Java province".

Event notes and many wire reports qualify a settlement with its district and region, innermost
first. Read as a chain, the last link is the first-level region (admin1) and the first is the
settlement. A material event that the sentence rules left without a place below the country
gets that settlement: the gazetteer's town inside the named region (or the district's seat,
which often bears its name), else the name as written with the region's admin1 and no
coordinates (codebook, "Regions, districts and capitals": a place missing from GeoNames is
coded by name and admin1 code). A town found without its admin1 takes the region named.

The unit words are data (data/en/place_units.json); this module is the mechanism."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from pydantic import BaseModel, ConfigDict

from streams.extraction.annotate import Annotated, PlaceMention
from streams.extraction.components.data import DATA
from streams.extraction.components.families import note_place_fit as fit
from streams.extraction.components.families.note_place_fit import agrees, material, weak, within
from streams.extraction.extractors.common import Proto, location_of
from streams.extraction.gazetteer import Place, fold, gazetteer, skeleton
from streams.extraction.lexicons import UNTYPED_ATTACK
from streams.extraction.subdivisions import region_of_unit
from streams.schemas import Admin1, Location


class PlaceUnits(BaseModel):
    """data/en/place_units.json: the kinds of place a name can be followed by."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    about: str
    settlement: frozenset[str]
    unit: frozenset[str]
    region: frozenset[str]
    dwellers: frozenset[str]
    capital: frozenset[str] = frozenset()

    @property
    def all(self) -> frozenset[str]:
        return self.settlement | self.unit | self.region


@lru_cache(maxsize=1)
def units() -> PlaceUnits:
    raw = json.loads((DATA / "place_units.json").read_text(encoding="utf-8"))
    return PlaceUnits.model_validate(raw)


_LINK = r"(?:(?:de|du|des|el|al|la|le|di|ad|as|ash|an)[ \-])?"
_NAME = rf"[A-Z][\w’'\-.]*(?:[ \-]{_LINK}[A-Z][\w’'\-]*){{0,3}}"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    words = "|".join(sorted((re.escape(w) for w in units().all), key=len, reverse=True))
    kind = rf"(?:\s+(?i:{words})\b)?"
    bracket = re.compile(rf"(?P<name>{_NAME}){kind}\s*\((?P<inner>[A-Z][^()]{{1,160}})\)")
    link = rf"{_NAME}\s+(?i:{words})\b"
    chain = re.compile(rf"(?P<name>{_NAME})\s+(?i:{words})\b(?P<inner>(?:,\s+{link})+)")
    settlements = "|".join(re.escape(w) for w in sorted(units().settlement, key=len, reverse=True))
    unit = "|".join(re.escape(w) for w in sorted(units().unit, key=len, reverse=True))
    # "in X village": a settlement; "in X district", "of X upazila": a unit, whose seat often
    # bears its name and whose region ISO 3166-2 may tell
    single = re.compile(
        rf"\b(?P<prep>in|at|near|of) (?P<name>{_NAME})\s+(?i:(?P<settled>{settlements})|{unit})\b"
    )
    return bracket, chain, single


@dataclass(frozen=True)
class NamedPlace:
    """A settlement and the units it lies in, as written."""

    name: str
    start: int
    end: int
    parts: tuple[str, ...]  # the enclosing units, innermost first
    region_word: bool = False  # the last unit is written as a region ("West Java province")
    settlement_word: bool = False  # the name is written as a settlement ("Dawe town")
    alone: bool = False  # a unit written alone ("in Bijapur district"): its own only unit
    units_end: int = 0  # where the units written after the name end


def _strip_unit(part: str) -> str:
    words = part.strip().split()
    while len(words) > 1 and words[-1].lower() in units().all:
        words.pop()
    return " ".join(words).strip(" .")


def _last_word(part: str) -> str:
    return part.strip().split()[-1].lower() if part.strip() else ""


def named_places(text: str) -> list[NamedPlace]:
    """Every 'X (A, B)' and 'X village, A district, B province' of the text, in order."""
    bracket, chain, single = _patterns()
    found: list[NamedPlace] = []
    taken: set[int] = set()
    for pattern in (bracket, chain):
        for match in pattern.finditer(text):
            raw = [p for p in match.group("inner").strip(", ").split(",") if p.strip()]
            parts = tuple(_strip_unit(p) for p in raw)
            name = _strip_unit(match.group("name"))
            if not fit.units_written(name, parts):
                continue
            regional = _last_word(raw[-1]) in units().region
            span = (match.start("name"), match.end("name"))
            found.append(NamedPlace(name, *span, parts, regional, units_end=match.end()))
            taken.add(match.start("name"))
    for match in single.finditer(text):
        if match.start("name") not in taken:
            name = match.group("name")
            settled = match.group("settled") is not None
            if settled and match.group("prep") == "of":
                continue  # "the head of X village": an office, not where it happened
            parts = () if settled else (name,)
            span = (match.start("name"), match.end("name"))
            found.append(NamedPlace(name, *span, parts, False, settled, alone=not settled))
    return sorted(found, key=lambda p: p.start)


@lru_cache(maxsize=1)
def _regions_by_skeleton() -> dict[str, list[Place]]:
    gaz = gazetteer()
    out: dict[str, list[Place]] = {}
    for bucket in (gaz.admin1, gaz.admin1_unlocated):
        for name, regions in bucket.items():
            for region in regions:
                out.setdefault(skeleton(name), []).append(region)
    return out


def regions(name: str, countries: set[str]) -> list[Place]:
    """The first-level regions of this name (in the given countries when any): as written,
    else spelled alike ("Hiraan" for "Hiiraan"), else the regions that hold a unit of this name
    ("Oudalan": a province of the Sahel region)."""
    return _regions_named(name, countries) or region_of_unit(name, countries)


def _regions_named(name: str, countries: set[str]) -> list[Place]:
    gaz = gazetteer()
    found = gaz.admin1.get(name, []) + gaz.admin1_unlocated.get(name, [])
    if not found:
        folded = fold(name).lower()
        found = [
            r
            for r in _regions_by_skeleton().get(skeleton(name), [])
            if SequenceMatcher(None, folded, fold(r.admin1_name or r.name).lower()).ratio() >= 0.8
        ]
    return fit.in_countries(found, name, countries)


def _town(name: str, area: Place | None, countries: set[str]) -> Place | None:
    gaz = gazetteer()
    cands = [c for c in gaz.lookup(name) or gaz.lookup_variant(name) if c.precision == "city"]
    if area is not None:
        # a town the gazetteer has without admin1 may still be the one in the named country
        cands = [
            c
            for c in cands
            if c.admin1_code == area.admin1_code
            or (c.admin1_code is None and c.country3 == area.country3)
        ]
    else:
        cands = [c for c in cands if c.country3 in countries]
    return max(cands, key=lambda c: c.population, default=None)


def resolve(named: NamedPlace, countries: set[str]) -> Location | None:
    """The settlement as a Location: the gazetteer's town inside the named region (of the
    regions of that name, the one that has it), else the seat of an enclosing unit of the same
    name, else the name with the region's admin1 when the region is certain."""
    areas = regions(named.parts[-1], countries) if named.parts else []
    tried: list[Place | None] = [*areas] or [None]
    for area in tried:
        scope = {area.country3} if area is not None else countries
        for candidate in (named.name, *named.parts[:-1]):
            town = _town(candidate, area, scope)
            if town is not None:
                found = _location(town, named)
                admin1 = _admin1(area, named)
                if found.admin1 is None and admin1 is not None:
                    found = found.model_copy(update={"admin1": admin1})
                return found
    if len({a.country3 for a in areas}) > 1:  # "Central": a region in several countries
        return fit.by_region_name(named) if len(named.parts) >= 2 else None
    only = areas[0] if areas else None
    admin1 = _admin1(only, named)
    moved = _moved_town(named, only)
    if moved is not None:
        return moved.model_copy(update={"admin1": admin1})
    if admin1 is None and not named.settlement_word:
        return None
    country = only.country3 if only is not None else _only(countries)
    return Location(
        name=named.name,
        country=country or None,
        admin1=admin1,
        precision="city",
        text=named.name,
        start=named.start,
        end=named.end,
    )


def _chained(named: NamedPlace) -> bool:
    """Written with a chain of units ('X (A, B)', 'X town, Y province'), not one word in
    brackets ('KYIV, Ukraine (AP)')."""
    return len(named.parts) >= 2 or named.region_word


def _found_elsewhere(named: NamedPlace, countries: set[str]) -> Location | None:
    """A town found inside the units written with it, in a country the text's focus missed
    (the focus follows the doers: 'Al Shabaab militants bombed a mast in Banissa town
    (Banissa, Mandera)' is in Kenya, not Somalia). A located town, or a settlement the
    gazetteer lacks written with a bracket of units ('in Kpara (Kpara, Alibori)' while the
    doers crossed from Niger): the units are sure."""
    if not countries or not _chained(named):
        return None
    found = resolve(named, set())
    if found is None or (found.latitude is None and len(named.parts) < 2):
        return None
    return found


def _moved_town(named: NamedPlace, area: Place | None) -> Location | None:
    """The one town of the name in the region's country when the region written holds none: a
    region since split or renamed ('Merauke city, Papua province', Merauke now in South
    Papua). Several towns of the name in the country: none of them is sure."""
    if area is None or not named.region_word:
        return None
    cands = [
        c
        for c in gazetteer().lookup(named.name)
        if c.precision == "city" and c.country3 == area.country3
    ]
    return _location(cands[0], named) if len(cands) == 1 else None


def _admin1(area: Place | None, named: NamedPlace) -> Admin1 | None:
    if area is not None:
        return Admin1(name=area.admin1_name or area.name, code=area.admin1_code)
    if named.region_word:
        return Admin1(name=named.parts[-1])  # a region the gazetteer lacks, as written
    return None


def _only(countries: set[str]) -> str | None:
    return next(iter(countries)) if len(countries) == 1 else None


def _location(place: Place, named: NamedPlace) -> Location:
    mention = PlaceMention(place, named.start, named.end, named.name, True)
    return location_of(mention).model_copy(update={"precision": "city"})


def complete_places(ann: Annotated, protos: list[Proto]) -> None:
    """Give each material event without a place below the country the settlement written with
    its units in its sentence (else the text's first, when its sentence names no place), and
    a town without admin1 the region named with it."""
    # "ISLAMABAD (Reuters)": a dateline's bracket names the agency, not the units
    named = [n for n in named_places(ann.text) if n.start >= ann.dateline_end]
    if not named:
        return
    countries = {c for c, _n in ann.focus.most_common(3) if c}
    first = {n: resolve(n, countries) or _found_elsewhere(n, countries) for n in named}
    # a region name of several countries ("Plateau") is read in the country of the others
    sure = {loc.country for loc in first.values() if loc is not None and loc.country}
    if not countries and sure:  # also a settlement found by its region's name only
        first = {n: x if x and x.country else resolve(n, sure) or x for n, x in first.items()}
    resolved = [(n, loc) for n, loc in first.items() if loc is not None]
    if not resolved:
        return
    for proto in protos:
        sent = proto.sentence
        if not proto.locations and weak(proto.event_type):
            chained = [(n, loc) for n, loc in resolved if n.parts and not n.alone]
            inside = [loc for n, loc in chained if sent.start <= n.start < sent.end]
            proto.locations = (inside or [loc for _n, loc in chained])[:1]
            continue
        if not material(proto.event_type) and not (
            proto.event_type == UNTYPED_ATTACK and proto.locations
        ):
            continue
        own = [
            loc
            for n, loc in resolved
            if sent.start <= n.start < sent.end and agrees(n.alone, loc, proto.locations)
        ]
        # a settlement the gazetteer lacks gives way to a place of the sentence it can locate
        # ('Yamassore village, 46 km from Bozoum (Bozoum, Ouham Pende)'): stable otherwise
        own.sort(key=lambda loc: loc.latitude is None)
        if not any(loc.precision == "city" for loc in proto.locations):
            if own or not proto.locations:
                proto.locations = [within(own or [resolved[0][1]], proto.locations)]
            continue
        mine = [(n, loc) for n, loc in resolved if sent.start <= n.start < sent.end]
        if _displaced(proto.locations, mine, resolved):
            proto.locations = [own[0]]
            continue
        _prefer_qualified(proto, resolved)
        kept = [loc for loc in proto.locations if not _unit_abroad(loc, resolved)]
        proto.locations = kept or [within(own or [resolved[0][1]], kept)]
        _fill_admin1(proto, [loc for _n, loc in resolved])


def _displaced(
    places: list[Location],
    mine: list[tuple[NamedPlace, Location]],
    resolved: list[tuple[NamedPlace, Location]],
) -> bool:
    """The sentence's towns give way to the settlement it writes with its units when each is
    either a namesake abroad (no town of the text's qualified places' countries: 'looted the
    Koto mine, 16 km from Bria (Samba-Boungou, Haute-Kotto)' read as Koto in Japan) or one of
    the units the settlement is written with ('at Darkale centre in Banissa town (Banissa,
    Mandera)' read as the seat of Mandera)."""
    located = [(n, loc) for n, loc in mine if loc.latitude is not None and _chained(n)]
    sure = {loc.country for n, loc in resolved if loc.latitude is not None and _chained(n)}
    if not located:
        return False
    units_written = {fold(part).lower() for n, _loc in located for part in n.parts}
    settled = {fold(n.name).lower() for n, _loc in located}
    for loc in places:
        if loc.precision != "city":
            continue
        text = fold(loc.text or loc.name).lower()
        abroad = loc.country is not None and loc.country not in sure
        if not abroad and (text not in units_written or text in settled):
            return False
    return True


def _unit_abroad(loc: Location, resolved: list[tuple[NamedPlace, Location]]) -> bool:
    """A unit of a settlement's bracket read as a namesake town abroad ('Buur Hakaba, Bay)', in
    the Philippines; 'Central'): it only qualifies the settlement, which stands in for it."""
    return any(
        n.end <= (loc.start if loc.start is not None else -1) < n.units_end
        and (found.country is not None or found.admin1 is not None)
        and loc.country != found.country
        for n, found in resolved
    )


def _prefer_qualified(proto: Proto, resolved: list[tuple[NamedPlace, Location]]) -> None:
    """'Floridablanca town, Pampanga province': a town read elsewhere (a namesake in another
    country or region) is the one inside the units written with it. A region the gazetteer
    lacks (no admin1 code: spelled otherwise, or looked for in the country of the doers'
    adjective) that is spelled like the region of the town the context resolved names that
    town's region ('Russian forces struck X city, X oblast'): the town stays."""
    for i, loc in enumerate(proto.locations):
        for named, found in resolved:
            # "Buulo Fulaay village (...)" read as a town "Buulo": the same words
            same = loc.text == named.name or named.start <= (loc.start or -1) < named.end
            if not same or found.admin1 is None or found.country is None:
                continue
            if named.alone:
                continue  # a unit written alone qualifies nothing: the context's town stays
            if found.admin1.code is None and _same_region(loc.admin1, found.admin1):
                continue
            abroad = loc.country is not None and loc.country != found.country
            codes = (loc.admin1.code if loc.admin1 else None, found.admin1.code)
            elsewhere = found.latitude is not None and None not in codes and codes[0] != codes[1]
            if abroad or elsewhere:
                proto.locations[i] = found


TRANSLITERATED = 0.7
"""Likeness from which two region names are one name transliterated ('Zaporozhye',
'Zaporizhzhya'): looser than a spelling variant (regions(), 0.8)."""


def _same_region(own: Admin1 | None, written: Admin1) -> bool:
    """The written region is the town's own: by its former name ('Dnipropetrovsk' for Dnipro
    Oblast) in any country, or spelled alike."""
    if own is None:
        return False
    if own.code is not None and own.code in {r.admin1_code for r in regions(written.name, set())}:
        return True
    mine, theirs = (fold(_strip_unit(a.name)).lower() for a in (own, written))
    return SequenceMatcher(None, mine, theirs).ratio() >= TRANSLITERATED


def _fill_admin1(proto: Proto, found: list[Location]) -> None:
    regions = {(loc.country, loc.admin1.name): loc.admin1 for loc in found if loc.admin1}
    for i, loc in enumerate(proto.locations):
        if loc.admin1 is not None or loc.precision != "city":
            continue
        match = [a for (country, _n), a in regions.items() if country in (loc.country, None)]
        if len(match) == 1:
            proto.locations[i] = loc.model_copy(update={"admin1": match[0]})
