"""The text's one region: a material event that no rule placed below the country takes the
text's place when every place the text names below the country lies in one first-level region
("Some believe the attack answered his articles on mining in Thai Nguyen province"; "Students
protested at the university. ... Police in Bahir Dar arrested ...").

A report about one happening names where it happened, often in another sentence than the verb
(a note's second sentence, an opening clause 'in the Tigray region, ...'). When all the places
it names agree on one region the event is in that region, whichever sentence names it: the
finest of them (a town before the region itself) is the event's place, unless it stands in
a relative clause of the event's own sentence, whose rules passed it over ('a spokesman, who
commands troops in X, said'). Texts whose places
spread over several regions, or lie in several countries, give nothing (which one is the
scene is not said). It runs on the merged events, so an act named back ('the attack killed
nine') has already joined the event it names. Attributed clauses ('a spokesman in Nairobi
said') and places before the dateline's end are not the scene; an event whose sentence writes
its country ('arrested across France') keeps it."""

from __future__ import annotations

import re

from streams.extraction.annotate import Annotated, PlaceMention
from streams.extraction.components.families.note_place_fit import material, weak
from streams.extraction.extractors.common import Proto, location_of

_PRECISION_ORDER = {"city": 0, "admin1": 1}
_RELATIVE = re.compile(r",\s+(?:who|whose|whom|which)\b")


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


def _passed_over(ann: Annotated, proto: Proto, scene: PlaceMention) -> bool:
    """The place stands in the event's own sentence inside a relative clause set off by commas,
    an aside on someone the sentence names ('a spokesman, who commands troops in X, said')."""
    sent = proto.sentence
    if not sent.start <= scene.start < sent.end:
        return False
    before = ann.text[sent.start : scene.start]
    opened = before.rfind(",")
    return (
        opened >= 0
        and bool(_RELATIVE.match(before, opened))
        and "," in ann.text[scene.end : sent.end]
    )


def _country_written(proto: Proto) -> bool:
    """The event's country is written in its own sentence ('arrested across France'): the
    sentence places it there on purpose, nationwide or at no finer place."""
    sent = proto.sentence
    return any(
        loc.start is not None and sent.start <= loc.start < sent.end for loc in proto.locations
    )


def place_in_text_region(ann: Annotated, protos: list[Proto]) -> None:
    """Give each material event placed nowhere below the country the text's one region, and
    each placed only at that region its one town ('protests across Oromia region, including
    Dodola. In the city, rioters clashed')."""
    waiting = [p for p in protos if material(p.event_type) or weak(p.event_type)]
    if not waiting:
        return
    scene = one_region(text_places(ann))
    if scene is None:
        return
    for proto in waiting:
        if _passed_over(ann, proto, scene):
            continue
        if _unplaced_in(proto, scene) or _at_the_region_of(proto, scene):
            proto.locations = [location_of(scene)]


def _unplaced_in(proto: Proto, scene: PlaceMention) -> bool:
    """The event is placed nowhere below the country, at most in the scene's country, and its
    sentence writes no country."""
    return (
        all(loc.precision == "country" for loc in proto.locations)
        and not _country_written(proto)
        and all(loc.country in (None, scene.place.country3) for loc in proto.locations)
    )


def _at_the_region_of(proto: Proto, scene: PlaceMention) -> bool:
    """The event is placed only at the region the text's one town lies in."""
    return (
        scene.place.precision == "city"
        and scene.place.latitude is not None
        and bool(proto.locations)
        and all(
            loc.precision == "admin1"
            and loc.admin1 is not None
            and loc.admin1.code == scene.place.admin1_code
            for loc in proto.locations
        )
    )
