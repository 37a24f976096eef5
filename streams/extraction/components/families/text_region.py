"""The text's one region: a material event that no rule placed below the country takes the
text's place when every place the text names below the country lies in one first-level region
("Some believe the attack answered his articles on mining in Thai Nguyen province"; "Students
protested at the university. ... Police in Bahir Dar arrested ...").

A report about one happening names where it happened, often in another sentence than the verb
(a note's second sentence, an opening clause 'in the Tigray region, ...'). When all the places
it names agree on one region the event is in that region, whichever sentence names it: the
finest of them (a town before the region itself) is the event's place. Texts whose places
spread over several regions, or lie in several countries, give nothing (which one is the
scene is not said). Attributed clauses ('a spokesman in Nairobi said') and places before the
dateline's end are not the scene."""

from __future__ import annotations

from streams.extraction.annotate import Annotated, PlaceMention
from streams.extraction.components.families.note_place_fit import material
from streams.extraction.extractors.common import Proto, location_of
from streams.extraction.normalize import background_unrest

_PRECISION_ORDER = {"city": 0, "admin1": 1}


def text_places(ann: Annotated) -> list[PlaceMention]:
    """The text's places (countries too), in reading order, outside attributed clauses."""
    return [p for p in ann.places if p.start >= ann.dateline_end and not ann.attributed(p.start)]


def one_region(named: list[PlaceMention]) -> PlaceMention | None:
    """The finest place of the text when all its places lie in one region of one country (a
    country named besides, 'Saudi Arabia', leaves the scene open)."""
    places = [p for p in named if p.place.precision in _PRECISION_ORDER and not p.place.area]
    if not places:
        return None
    countries = {p.place.country3 for p in named}
    regions = {p.place.admin1_code for p in places}
    if len(countries) != 1 or len(regions) != 1 or None in regions:
        return None
    towns = [p for p in places if p.place.precision == "city" and p.place.latitude is not None]
    return towns[0] if towns else places[0]


def place_in_text_region(ann: Annotated, protos: list[Proto]) -> None:
    """Give each material event placed nowhere below the country the text's one region."""
    waiting = [
        p
        for p in protos
        if material(p.event_type)
        and all(loc.precision == "country" for loc in p.locations)
        and not background_unrest(p)  # dropped as background: no place makes it news
    ]
    if not waiting:
        return
    scene = one_region(text_places(ann))
    if scene is None:
        return
    for proto in waiting:
        if all(loc.country in (None, scene.place.country3) for loc in proto.locations):
            proto.locations = [location_of(scene)]
