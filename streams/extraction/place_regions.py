"""Towns GeoNames gives no region take the region the text names right after them."""

from __future__ import annotations

import re
from dataclasses import replace

from streams.extraction.annotated import Annotated, PlaceMention
from streams.extraction.gazetteer import gazetteer
from streams.extraction.region_names import REGION_AFTER

_TOWN_THEN_REGION = re.compile(r"^(?:,\s*|\s+in\s+(?:[\w’'-]+\s+){0,3})$")


def fold_regions_into_towns(doc: Annotated) -> None:
    """'near Al-Manaqil in Sudan's Gezira state': when GeoNames gives the town no admin1, the
    region named right after it is the town's admin1, not a second place."""
    places = doc.places
    drop: set[int] = set()
    for i, mention in enumerate(places):
        region = mention.place
        if region.precision != "admin1":
            continue
        before = [
            j
            for j, p in enumerate(places)
            if p.end <= mention.start and p.place.precision == "city"
        ]
        if not before:
            continue
        j = max(before, key=lambda k: places[k].end)
        town = places[j]
        if (
            town.place.country3 == region.country3
            and town.place.admin1_code is None
            and _TOWN_THEN_REGION.match(doc.text[town.end : mention.start])
        ):
            place = replace(
                town.place, admin1_code=region.admin1_code, admin1_name=region.admin1_name
            )
            places[j] = replace(town, place=place)
            drop.add(i)
    doc.places[:] = [_with_named_region(doc, p) for i, p in enumerate(places) if i not in drop]


def _with_named_region(doc: Annotated, mention: PlaceMention) -> PlaceMention:
    """A town GeoNames gives no admin1 takes that of an ISO subdivision GeoNames cannot locate
    when the text names it right after the town."""
    if mention.place.precision != "city" or mention.place.admin1_code is not None:
        return mention
    found = REGION_AFTER.match(doc.text[mention.end : mention.end + 80])
    if found is None:
        return mention
    name = found.group(1)
    unlocated = gazetteer().admin1_unlocated
    # "Sudan's Gezira state": the possessive country is not part of the name
    regions = unlocated.get(name) or unlocated.get(name.split()[-1], [])
    region = next((r for r in regions if r.country3 == mention.place.country3), None)
    if region is None:
        return mention
    place = replace(mention.place, admin1_code=region.admin1_code, admin1_name=region.admin1_name)
    return replace(mention, place=place)
