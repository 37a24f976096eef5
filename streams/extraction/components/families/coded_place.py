"""The place an event note says the event is coded at: 'The event took place within Dawa Sara
woreda (coordinates for Robe used)', 'Geo-precision 2 as coordinates are for Feni Sadar
upazila', 'in Ouaka prefecture (coded as Bambari)'.

ACLED's codebook ('Geography'): an event whose exact place is unknown is coded at the nearest
known place or at its unit's seat, and the note says which. That statement outranks every
place the sentences name: each event of the note ACLED codes with a place is placed there.

The name is read in the countries the text points to (its focus, its country clues, its
places), longest first ('Feni Sadar', then 'Feni'); a name the sentences already resolved keeps
that reading. The cue words are data (data/en/coded_place.json); this module is the mechanism.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pydantic import Field

from streams.extraction.annotate import Annotated, PlaceMention
from streams.extraction.components.families.cuefile import CueFile, load
from streams.extraction.components.families.note_place_fit import material, weak
from streams.extraction.extractors.common import Proto, location_of
from streams.extraction.gazetteer import Place, gazetteer
from streams.extraction.place_coinage import unit_seat
from streams.extraction.place_context import clue_votes
from streams.schemas import Location

_NAME = r"[A-Z][\w’'\-]*(?:\s[A-Z][\w’'\-]*){0,3}"


class CodingCues(CueFile):
    cues: list[str] = Field(min_length=1)


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    cues = load(CodingCues, "coded_place.json").cues
    alternatives = "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
    return re.compile(rf"\b(?i:{alternatives})\s+(?:the\s+)?(?:[a-z]+\s+){{0,3}}?(?P<name>{_NAME})")


def coded_place(ann: Annotated) -> Location | None:
    """The place the note's coding statement names, resolved; None without such a statement
    or when its name is no place the text's countries hold."""
    for match in _pattern().finditer(ann.text):
        found = _resolve(ann, match.group("name"), match.start("name"))
        if found is not None:
            return found
    return None


def _countries(ann: Annotated) -> set[str]:
    countries = {c for c, n in ann.focus.items() if c and n > 0} | set(clue_votes(ann.text))
    return countries | {p.place.country3 for p in ann.places if p.place.country3}


def _resolve(ann: Annotated, name: str, start: int) -> Location | None:
    words = name.split()
    countries = _countries(ann)
    for size in range(len(words), 0, -1):
        surface = " ".join(words[:size])
        end = start + len(surface)
        earlier = next(
            (p for p in ann.places if p.text == surface and p.place.precision == "city"), None
        )
        place = earlier.place if earlier is not None else _town(surface, countries)
        if place is not None:
            return location_of(PlaceMention(place, start, end, surface, True))
    return None


def _town(surface: str, countries: set[str]) -> Place | None:
    """The biggest town of the name in the text's countries (in its one country when the text
    points to none); else the seat of a unit so named."""
    towns = [p for p in gazetteer().lookup(surface) if p.precision == "city"]
    inside = [p for p in towns if p.country3 in countries]
    if not countries and len({p.country3 for p in towns}) == 1:
        inside = towns
    if inside:
        return max(inside, key=lambda p: p.population)
    seat = unit_seat(surface, countries)
    return seat if seat is not None and seat.admin1_code else None


def place_coded(ann: Annotated, protos: list[Proto]) -> None:
    """Place every event ACLED codes with a place at the note's coded place, when it has one."""
    found = coded_place(ann)
    if found is None:
        return
    for proto in protos:
        if material(proto.event_type) or weak(proto.event_type):
            proto.locations = [found]
