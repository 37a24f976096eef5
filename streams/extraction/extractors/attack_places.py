"""Where a conflict event happened: the places of its clause, else the town referred back
to, a country, or the dateline city."""

from __future__ import annotations

import re

from streams.extraction.annotate import Annotated, PlaceMention, Sentence
from streams.extraction.extractors.common import (
    antecedent_place,
    dateline_place,
    location_of,
    sentence_places,
)
from streams.schemas import Actor, Location

_SUBORDINATE = re.compile(
    r",\s+(?:as|while|whereas|which|who|after|before|since|days after|hours after|a day after)\b|"
    r";|\b(?:in order to|to pressure|to force|to press)\b|\bsince\s+(?:a|an|the)\b"
)
"""What follows is another clause: its places are not the act's. 'since an assault in X' (the
deadliest since ...) names an earlier act."""
RELATIVE = re.compile(r",\s+(?:which|who|whose)\b")
"""A relative clause after the act ('protested in X, which ...'): what it tells is not the act's."""
_ASIDE = re.compile(r",\s+(?:which|who|whose)\b[^,;]*,")
"""A relative clause set off by commas ('Central Command, which oversees operations in the
Middle East, said ...'): it describes a noun, and its places are not the act's."""


_RELATIVE_PLACE = re.compile(
    r"\b(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?|"
    r"\d+\s*(?:km|kilometres|kilometers|miles)(?:\s+\([^)]*\))?(?:\s+\w+)?)\s+(?:of|from)\s+"
    r"(?:the\s+)?(?:city\s+of\s+|town\s+of\s+)?$",
    re.IGNORECASE,
)


def event_locations(
    doc: Annotated,
    sent: Sentence,
    actors: list[Actor],
    *,
    lead: bool = False,
    toll: bool = False,
    trigger_end: int | None = None,
) -> list[Location]:
    """lead: the article's first attack, which may happen in the dateline city (when its
    sentence names the city's country or a toll: a bare "fired" is no reason to place it)."""
    places = clause_places(doc, sent, trigger_end)
    initiator = next((a for a in actors if a.role == "initiator"), None)
    target = next((a for a in actors if a.role == "target"), None)
    keep = _named_places(doc, places, initiator, target)
    if not keep and (earlier := antecedent_place(doc, sent)) is not None:
        keep = [earlier]  # "Hours later, military aircraft bombed the town": that town
    if not keep:
        keep = _country_or_dateline(doc, sent, places, initiator, target, lead=lead, toll=toll)
    seen: set[str] = set()
    out = []
    for place in keep:
        if place.place.name in seen:
            continue
        seen.add(place.place.name)
        out.append(location_of(place))
    return out


def clause_places(
    doc: Annotated, sent: Sentence, trigger_end: int | None, cut: re.Pattern[str] = _SUBORDINATE
) -> list[PlaceMention]:
    """The sentence's places, but for those of a later, subordinate clause: "Israel struck
    Damascus, as it stepped up attacks to press for a withdrawal from Sweida" happened in
    Damascus."""
    places = sentence_places(doc, sent)
    if trigger_end is not None:
        other = cut.search(doc.text, trigger_end, sent.end)
        if other is not None:
            places = [p for p in places if p.start < other.start()]
        asides = [m.span() for m in _ASIDE.finditer(doc.text, sent.start, sent.end)]
        asides = [(a, b) for a, b in asides if not a <= trigger_end <= b]
        places = [p for p in places if not any(a <= p.start < b for a, b in asides)]
    return places


def _named_places(
    doc: Annotated, places: list[PlaceMention], initiator: Actor | None, target: Actor | None
) -> list[PlaceMention]:
    """The towns and regions named, not one named only as a bearing ("in Bilozerka, west of
    Kherson") nor one in the attacking state's own country when it strikes another."""
    sub = [p for p in places if p.place.precision != "country"]
    anchored = [
        p for p in sub if not _RELATIVE_PLACE.search(doc.text[max(0, p.start - 45) : p.start])
    ]
    abroad = (
        initiator is not None
        and initiator.kind in ("state", "armed_forces")
        and target is not None
        and target.country not in (None, initiator.country)
    )
    return [
        place
        for place in anchored or sub
        if not (abroad and initiator is not None and place.place.country3 == initiator.country)
    ]


def _country_or_dateline(
    doc: Annotated,
    sent: Sentence,
    places: list[PlaceMention],
    initiator: Actor | None,
    target: Actor | None,
    *,
    lead: bool,
    toll: bool,
) -> list[PlaceMention]:
    """With no town named: the attacked country, or the dateline city when it fits."""
    countries = [p for p in places if p.place.precision == "country"]
    if target is not None:
        countries = [p for p in countries if p.place.country3 == target.country]
    elif initiator is not None:
        countries = [p for p in countries if p.place.country3 != initiator.country]
    keep = countries[:1]
    # "soldiers were killed on the border": away from the capital the reporter is in
    city = dateline_place(doc) if lead and not _AWAY.search(sent.text) else None
    if (
        city is not None
        and (keep or toll)
        and _dateline_fits(city, places, keep, initiator, target)
    ):
        keep = [city]
    return keep


def _dateline_fits(
    city: PlaceMention,
    places: list[PlaceMention],
    chosen: list[PlaceMention],
    initiator: Actor | None,
    target: Actor | None,
) -> bool:
    """ "TRIPOLI, Libya - Clashes killed eight": a sentence naming no town happened in the
    dateline city when that city lies in the country the event is placed in (or, with no
    country named, in the attacked country and not in the attacker's own)."""
    country = city.place.country3
    if chosen:
        return chosen[0].place.country3 == country
    if places:
        return False  # the sentence names only other countries
    if target is not None and target.country is not None:
        return target.country == country
    return initiator is None or initiator.country != country or initiator.kind == "group"


_AWAY = re.compile(r"\b(?:border|front ?lines?|frontline|front|outskirts|province|region)\b", re.I)
