"""Resolving place candidates to one gazetteer place each, by the context the text gives."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import replace

from streams.extraction.annotated import Annotated, PlaceMention, RawPlace
from streams.extraction.gazetteer import Place, fold, gazetteer
from streams.extraction.name_lexicon import admin1_candidates
from streams.extraction.place_checks import (
    LOC_PREP,
    only_a_name,
    placed_by_words,
    runs_on,
    stands_alone,
)
from streams.extraction.place_coinage import unlisted_town
from streams.extraction.place_context import (
    common_words,
    context_country,
    in_context,
    town_of_one_country,
)
from streams.extraction.region_names import ADMIN_PAREN, REGION_AFTER
from streams.extraction.subdivisions import region_of_unit

COMPOUND_ADJECTIVE = re.compile(
    r"-(?:backed|led|allied|aligned|funded|brokered|made|supplied|sponsored|controlled|"
    r"held|based|born|bound)\b"
)

NAME_GOES_ON_LINKED = re.compile(r"\s+(?:del|de la|de|di|da|do|dos|das|du|des)\s+[A-Z][\w’'\-]*")

_QUALIFIER = re.compile(r"^,\s+([A-Z][\w’'\-]+(?:\s[A-Z][\w’'\-]+)?)")

_PAREN_REGION = re.compile(
    r"([A-Z][\w’'\-]+(?:[\s-](?:de\s|del\s)?[A-Z][\w’'\-]+)?)\s+"
    r"(?i:region|province|state|oblast|governorate)\b"
)

_NEAR_BETWEEN = re.compile(
    r"^,?\s+(?:near|outside|close to|north of|south of|east of|west of)\s+"
    r"(?:the\s+(?:town|city|village)\s+of\s+)?$"
)

# a town written before a town or region ("Karimabad, Karachi") lies within this of it
NEAR_KM = 60.0

_LIST_BEFORE = re.compile(r"[A-Z][\w’'\-]*,\s*$")

_LIST_AFTER = re.compile(r",?\s*(?:,\s*[A-Z]|(?:and|or|&)\s)")

_OWN_CITY_BEFORE = re.compile(r"\bthe (?:city|town|capital|village)(?:’s|'s)\s+$", re.I)

_DISTRICT_AFTER = re.compile(r"^\s+(?:district|county|municipality|township)\b", re.IGNORECASE)


def resolve_places(doc: Annotated, raw_places: list[RawPlace]) -> None:
    person_spans = [(a.start, a.end) for a in doc.actors if a.kind == "person"]
    # "İmamoğlu said": a surname of a person named earlier is that person, not a town
    surnames = {a.name.split()[-1] for a in doc.actors if a.kind == "person" and " " in a.name}
    named_regions = {
        c.admin1_code
        for raw in raw_places
        if raw.strong or len(raw.cands) == 1
        for c in raw.cands
        if c.precision == "admin1" and c.admin1_code
    }
    region_countries = {
        c.country3 for raw in raw_places for c in raw.cands if c.admin1_code in named_regions
    }
    # a text that names no country: its actors and unambiguous places may point to one
    country = context_country(doc, raw_places)
    home = frozenset(c for c, n in doc.focus.items() if c and n > 0) or frozenset(
        [country] if country else []
    )
    linked = _linked_units(doc, raw_places)
    for raw in raw_places:
        cands = _trusted(doc, raw, region_countries)
        if cands is not None:
            cands = in_context(doc, raw._replace(cands=cands), country)
        if cands is None:
            continue
        if any(a <= raw.start < b for a, b in person_spans) or raw.surface in surnames:
            continue
        if COMPOUND_ADJECTIVE.match(doc.text, raw.end):
            continue  # "the U.S.-backed forces", "a Qatar-brokered truce": not the scene
        if raw.start in linked:
            doc.places.append(linked[raw.start])
            continue
        if any(u.start < raw.start < u.end for u in linked.values()):
            continue  # "Lanao del Sur province": the tail of a unit's name, not Sur (Oman)
        mention = _resolve_one(doc, raw._replace(cands=cands), named_regions, home)
        if mention is not None:
            doc.places.append(_as_before(doc, mention))


def _as_before(doc: Annotated, mention: PlaceMention) -> PlaceMention:
    """A town written again is the town the text placed before ('in Kore, West Arsi ... in
    Kore'): the earlier mention's place."""
    if mention.place.precision != "city":
        return mention
    same = (p.place for p in doc.places if p.text == mention.text and p.place.precision == "city")
    earlier = next(same, None)
    return mention if earlier is None else replace(mention, place=earlier)


def _linked_units(doc: Annotated, raw_places: list[RawPlace]) -> dict[int, PlaceMention]:
    """Units whose names link two words ('Lanao del Sur', 'Surigao del Sur': provinces below a
    region), by where they start: each stands for its region when one region of one country
    holds a unit of that name; neither word is a town of its own."""
    found: dict[int, PlaceMention] = {}
    for raw in raw_places:
        linked = NAME_GOES_ON_LINKED.match(doc.text, raw.end)
        if linked is None:
            continue
        full = doc.text[raw.start : linked.end()]
        regions = region_of_unit(full, set())
        if len(regions) == 1:
            before = bool(LOC_PREP.search(doc.text[max(0, raw.start - 25) : raw.start]))
            found[raw.start] = PlaceMention(regions[0], raw.start, linked.end(), full, before)
    return found


def _trusted(doc: Annotated, raw: RawPlace, region_countries: set[str]) -> list[Place] | None:
    """The candidates to resolve among; None when a place found under another spelling has no
    candidate in the countries the article is about (such a spelling is trusted only there)."""
    if not raw.variant:
        return raw.cands
    cands = [
        c for c in raw.cands if doc.focus.get(c.country3, 0) > 0 or c.country3 in region_countries
    ]
    return cands or None


def _resolve_one(
    doc: Annotated, raw: RawPlace, named_regions: set[str], home: frozenset[str]
) -> PlaceMention | None:
    """The place one candidate name stands for here, or None when it is not a scene. `home`:
    the countries the text is about (stands_alone)."""
    start, end, surface, cands, strong, _ = raw
    before = doc.text[max(0, start - 25) : start]
    context = placed_by_words(doc.text, start, end) or strong
    district = bool(_DISTRICT_AFTER.match(doc.text[end : end + 20]))
    if district and _OWN_CITY_BEFORE.search(before):
        # "the city's Dniprovskyi district": a part of the city named before, whatever
        # namesake the gazetteer has
        town = next((p for p in reversed(doc.places) if p.place.precision == "city"), None)
        return None if town is None else PlaceMention(town.place, start, end, surface, True)
    narrowed = _narrowed(doc, cands, start, end, vouched=False)
    if narrowed is None or _not_a_scene(doc, start, surface):
        return None
    cands, vouched = narrowed
    if len(cands) > 1:
        # "Bijapur district of Chhattisgarh": the homonym in a region the article names
        cands = [c for c in cands if c.admin1_code in named_regions] or cands
    best = best_place(cands, doc.focus, surface)
    if only_a_name(doc, best, start, end):
        return None
    if not (strong or vouched) and not _likely(doc, best, cands, (start, end, surface), home):
        return None
    return PlaceMention(best, start, end, surface, context)


def _likely(
    doc: Annotated,
    best: Place,
    cands: list[Place],
    span: tuple[int, int, str],
    home: frozenset[str],
) -> bool:
    """A town or region nothing around it vouches for is likely the place (stands_alone). A
    unit word after it ('Mansi Township') vouches for a town at home, not for a small
    namesake abroad (Muncie, Indiana, in a Myanmar note)."""
    start, end, _surface = span
    if best.precision not in ("city", "admin1"):
        return True
    if _DISTRICT_AFTER.match(doc.text[end : end + 20]):
        return best.precision != "city" or stands_alone(
            doc, best, cands, span, context=True, home=home
        )
    if town_of_one_country(doc, best, cands, span):
        return True
    context = placed_by_words(doc.text, start, end)
    return stands_alone(doc, best, cands, span, context=context, home=home)


def _narrowed(
    doc: Annotated, cands: list[Place], start: int, end: int, *, vouched: bool
) -> tuple[list[Place], bool] | None:
    """The candidates the words around the name allow, and whether those words vouch for it;
    None when a region named after the town rules every candidate out."""
    owner = possessive_owner(doc, start)
    if owner is not None:
        # "Manipur's Jiribam district", "Colombia's Tibú": the town inside that owner
        inside = [c for c in cands if inside_owner(c, owner)]
        cands = inside or cands
        vouched = vouched or bool(inside)
    qualified = qualified_by_region(doc, cands, end)
    if qualified is None:
        return None  # "Zmiivka, Kherson oblast": not a namesake outside that region
    if qualified[1] is not None:
        return qualified[0], vouched or qualified[1]
    qualifier = _QUALIFIER.match(doc.text[end : end + 40])
    if qualifier:
        listed = _in_a_list(doc.text, start, end + qualifier.end())
        inside = narrow_to(cands, qualifier.group(1))
        if inside:
            return inside, vouched
        coin = _may_coin(doc, start, end)
        near = _near_town(cands, qualifier.group(1), doc.text[start:end], coin, listed=listed)
        if near is None:
            return None
        return near[0], vouched or near[1]
    return cands, vouched


def _in_a_list(text: str, start: int, end: int) -> bool:
    """'Aleppo, Homs and Hama', 'Sumy, Donetsk, Kharkiv': names in a list, not a town and the
    place it lies in."""
    return bool(_LIST_BEFORE.search(text[max(0, start - 40) : start])) or bool(
        _LIST_AFTER.match(text, end)
    )


def _may_coin(doc: Annotated, start: int, end: int) -> bool:
    """A name that may stand for a town the gazetteer lacks: no part of a longer name ('North
    Luwu', 'Laikipia West'), no common word, not the first name of a note's bracket of units
    (families/note_places reads those)."""
    surface = doc.text[start:end]
    return not (
        runs_on(doc, start, end, units=True)
        or surface.lower() in common_words()
        or doc.text[:start].rstrip().endswith("(")
    )


def _near_town(
    cands: list[Place], qualifier: str, surface: str, coin: bool, *, listed: bool
) -> tuple[list[Place], bool] | None:
    """The candidates a qualifier no candidate lies inside allows, and whether it vouches for
    the town: when it is a region, the town as written inside that region, with no
    coordinates ('Pagak, Upper Nile': not Pagak in Java; codebook: a place missing from
    GeoNames is coded by name and admin1) when `coin` allows, else none, and none when several
    regions have that name; those
    near it when it is a town ('Karimabad, Karachi': a part of Karachi, not the Karimabad of
    Gilgit-Baltistan), else none; all of them when it is neither or the names are a list."""
    if listed:
        return cands, False
    gaz = gazetteer()
    if qualifier in gaz.countries:
        return cands, False
    towns = [t for t in gaz.places.get(qualifier, []) if t.precision == "city"]
    if towns:
        near = [c for c in cands if any(_km(c, t) <= NEAR_KM for t in towns)]
        return (near, False) if near else None
    regions = gaz.admin1.get(qualifier) or region_of_unit(qualifier, set())
    if not regions:
        return cands, False
    return ([unlisted_town(surface, regions[0])], True) if coin and len(regions) == 1 else None


def _km(a: Place, b: Place) -> float:
    if a.latitude is None or a.longitude is None or b.latitude is None or b.longitude is None:
        return math.inf
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 6371 * 2 * math.asin(math.sqrt(h))


def _not_a_scene(doc: Annotated, start: int, surface: str) -> bool:
    """The name only qualifies or locates the city named just before it."""
    last = doc.places[-1:]
    # the "Texas" of "Paris, Texas" qualifies the city before it
    qualifies = any(
        p.end + 2 >= start - 1
        and p.end < start
        and p.place.precision == "city"
        and doc.text[p.end : start].strip() == ","
        and narrow_to([p.place], surface)
        for p in last
    )
    # "the village of Tammun, near Tubas": a landmark, not a second scene
    return qualifies or any(
        p.place.precision == "city" and _NEAR_BETWEEN.match(doc.text[p.end : start]) for p in last
    )


def qualified_by_region(
    doc: Annotated, cands: list[Place], end: int
) -> tuple[list[Place], bool | None] | None:
    """The candidates a region named right after the town allows, and whether that region
    vouches for it: (candidates, None) when no region follows, None when the town cannot be
    in the named region."""
    countries = {c.country3 for c in cands}
    if (paren := ADMIN_PAREN.match(doc.text, skip_spaces(doc.text, end))) is not None:
        # an event note's bracket after a town names its district and region
        names = [found.group(1) for found in _PAREN_REGION.finditer(paren.group(0))]
        codes = region_codes(names, countries)
        inside = [c for c in cands if c.admin1_code is not None and c.admin1_code in codes]
        return inside or cands, True
    region = REGION_AFTER.match(doc.text[end : end + 80])
    if region is None:
        return cands, None
    # "Novomykolaivka in Zaporizhzhia region": the homonym inside that region, and a town its
    # region vouches for is a place even without a location word before it
    name = region.group(1)
    codes = region_codes([name.split()[-1], name], countries)
    inside = [c for c in cands if c.admin1_code is not None and c.admin1_code in codes]
    if (codes or _a_region([name.split()[-1], name])) and not inside:
        return None  # "Jau in Unity State": not the Jaú of a country without that region
    return inside or cands, bool(inside)


def _a_region(names: list[str]) -> bool:
    return any(admin1_candidates(n) or region_of_unit(n, set(), exact=True) for n in names)


def skip_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] == " ":
        pos += 1
    return pos


def region_codes(names: list[str], countries: set[str]) -> set[str | None]:
    """ISO codes of the regions with these names, in the given countries ("Djibo, Soum
    province": not a Soum elsewhere)."""
    return {
        region.admin1_code
        for name in names
        for region in admin1_candidates(name) + region_of_unit(name, countries, exact=True)
        if region.country3 in countries
    }


def possessive_owner(doc: Annotated, start: int) -> Place | None:
    """The country or region of "Colombia's Tibú" / "Manipur's Jiribam", if named just before."""
    for mention in doc.places[-1:]:
        if mention.end < start and doc.text[mention.end : start].strip() in ("’s", "'s"):
            return mention.place if mention.place.precision != "city" else None
    return None


def inside_owner(place: Place, owner: Place) -> bool:
    if owner.precision == "country":
        return place.country3 == owner.country3 and place.precision == "city"
    return place.admin1_code is not None and place.admin1_code == owner.admin1_code


def best_place(cands: list[Place], focus: Counter[str], surface: str = "") -> Place:
    """Prefer the article's countries, then the place whose own name is the surface (not a
    historical alternate), then the bigger place."""
    folded = fold(surface)

    def score(place: Place) -> tuple[bool, float]:
        own = fold(place.name) == folded
        rank = math.log(max(place.population, 1)) + (2.08 if own else 0.0)
        if place.precision == "admin1":
            rank = 11.0  # above a village, below a city of ~60k with the same name
        return focus.get(place.country3, 0) > 0, rank

    return max(cands, key=score)


def narrow_to(cands: list[Place], qualifier: str) -> list[Place]:
    """'Paris, Texas' / 'Paris, France': keep the candidates inside the qualifier (a
    province below the region, 'San Jose, Nueva Ecija', stands for the region it lies in)."""
    gaz = gazetteer()
    country = gaz.countries.get(qualifier)
    regions = {
        p.admin1_code for p in gaz.admin1.get(qualifier, []) or region_of_unit(qualifier, set())
    }
    return [
        c
        for c in cands
        if (country is not None and c.country3 == country.country3)
        or (c.admin1_code is not None and c.admin1_code in regions)
    ]
