"""Which events take a place written with its units, how it fits the places they had
(note_places.complete_places), and which bracket or chain is a list of units at all."""

from __future__ import annotations

from typing import TYPE_CHECKING

from streams.extraction import spec
from streams.extraction.gazetteer import Place, fold
from streams.extraction.lexicons import UNTYPED_ATTACK
from streams.schemas import Admin1, Location

if TYPE_CHECKING:
    from streams.extraction.components.families.note_places import NamedPlace


def material(event_type: str) -> bool:
    """An event ACLED codes with a place: of an ACLED type."""
    try:
        return spec.entry(event_type).acled_event_type is not None
    except KeyError:
        return False


def weak(event_type: str) -> bool:
    """An attack whose kind is settled later, or a toll of the conflict category (a casualty
    report): left without a place by the sentence rules, it is dropped, unless the text
    writes a place with its units ('X (A, B)', 'X town, Y province'), which only an event
    note does (a dateline's bracket, 'ISLAMABAD (Reuters)', is no unit)."""
    if event_type == UNTYPED_ATTACK:
        return True
    try:
        entry = spec.entry(event_type)
    except KeyError:
        return False
    return entry.acled_event_type is None and entry.category == "conflict"


def agrees(alone: bool, found: Location, before: list[Location]) -> bool:
    """A unit written alone ('in Bijapur district') was read as the country's biggest town of
    its name: it stands only when no region the event is placed in says otherwise ('Bijapur
    district of Chhattisgarh')."""
    if not alone or found.admin1 is None:
        return True
    codes = {
        loc.admin1.code
        for loc in before
        if loc.precision != "city" and loc.admin1 is not None and loc.country == found.country
    }
    return not codes or found.admin1.code in codes


def within(own: list[Location], before: list[Location]) -> Location:
    """The settlement, with the region the event was placed in before when the settlement's
    units did not give one ('in X village under Y police station of Tripura')."""
    found = own[0]
    if found.admin1 is not None:
        return found
    regions = {
        (loc.country, loc.admin1.code or loc.admin1.name): loc
        for loc in before
        if loc.admin1 is not None and found.country in (None, loc.country)
    }
    if len(regions) != 1:
        return found
    region = next(iter(regions.values()))
    return found.model_copy(update={"admin1": region.admin1, "country": region.country})


def units_written(name: str, parts: tuple[str, ...]) -> bool:
    """A name and the units written after it: not '(described as ...)' (not a list of places),
    not an acronym ('the Lords Resistance Army (LRA)': the group's, no unit), and no sentence
    end inside the name ('30 August. In Wollo zone, ...')."""
    if not parts or not all(p[:1].isupper() for p in parts):
        return False
    return not any(p.isupper() and " " not in p for p in parts) and ". " not in name


def in_countries(found: list[Place], name: str, countries: set[str]) -> list[Place]:
    """The regions of a name in the given countries; with none to read it in, a region of that
    very name ('(Bossaso, Bari)': Somalia's Bari) before one that only carries it among its
    aliases (Apulia, around the city of Bari)."""
    if countries:
        return [r for r in found if r.country3 in countries]
    own = [r for r in found if fold(r.admin1_name or r.name).lower() == fold(name).lower()]
    return own or found


def by_region_name(named: NamedPlace) -> Location:
    """A settlement with its region as written and no country ('Assin Bereku town (Assin
    North, Central)': Central is a region of Ghana, Malawi, Uganda ...)."""
    return Location(
        name=named.name,
        admin1=Admin1(name=named.parts[-1]),
        precision="city",
        text=named.name,
        start=named.start,
        end=named.end,
    )
