"""Humanitarian impact of conflict: power outages, blackouts, evacuations, displacement."""

from __future__ import annotations

import re

from streams.extraction.annotate import Annotated, PlaceMention, Sentence
from streams.extraction.extractors.common import (
    Proto,
    antecedent_place,
    article_span,
    compiled,
    event_date,
    events_per_sentence,
    location_of,
    sentence_places,
    status_for,
    triggers_in,
)
from streams.extraction.gazetteer import gazetteer

NAME = "humanitarian"
VERSION = "1"


_POPULATION = re.compile(
    r"\b(?:residents|civilians|people|thousands|hundreds|families|villages?|towns?|"
    r"neighbourhoods?|neighborhoods?|hospitals?|patients|children|population)\b",
    re.IGNORECASE,
)


_WAR_CAUSE = re.compile(
    r"\b(?:strikes?|attacks?|shelling|drones?|missiles?|rockets?|bomb(?:s|ing|ed)?|war|fighting|"
    r"clashes|troops|militants?|rebels|offensive|invasion|siege|sabotage)\b",
    re.IGNORECASE,
)
_DESTINATION = re.compile(r"\b(?:towards?|heading (?:to|for)|fled to|flee to|into)\s+$")


def _scene_country(doc: Annotated, pos: int) -> list[PlaceMention]:
    """'outages in several regions': the country of the last place named before."""
    gaz = gazetteer()
    for mention in reversed(doc.places):
        if mention.start < pos and mention.place.country3 in gaz.iso3:
            country = gaz.iso3[mention.place.country3]
            return [PlaceMention(country, mention.start, mention.end, mention.text, False)]
    return []


def extract(doc: Annotated) -> list[Proto]:
    return events_per_sentence(doc, _sentence_event)


def _sentence_event(doc: Annotated, sent: Sentence) -> Proto | None:
    hits = triggers_in(doc, "humanitarian", sent)
    if not hits or not _war_impact(doc, sent):
        return None
    _rule, trig = hits[0]
    near = sent.text[max(0, trig.start() - 35) : trig.end() + 40]
    if trig.group(0).lower().startswith("evacuat") and not _POPULATION.search(near):
        return None  # "legislators were evacuated": not a humanitarian impact
    start, end = article_span(sent, trig)
    status = status_for(sent, start, end)
    if status is None:
        return None
    proto = Proto("humanitarian_impact", sent, (start, end), NAME, VERSION, status=status)
    proto.locations = [location_of(p) for p in _impact_places(doc, sent)]
    proto.when, proto.date_explicit = event_date(doc, sent)
    proto.base_confidence = 0.5
    return proto


def _war_impact(doc: Annotated, sent: Sentence) -> bool:
    """An impact told in the context of war, not of a storm or a grid fault."""
    window = doc.text[max(0, sent.start - 600) : sent.end]
    if (
        not compiled()["context"].search(window)
        and "strike" not in window
        and "attack" not in window
    ):
        return False  # an outage from a storm or a grid fault is not conflict impact
    disasters = compiled()["disasters"]
    if disasters.search(sent.text):
        return False  # "homes left without power after the storm": a disaster, not a war
    # "customers could be without electricity for days", after the storm
    return not (disasters.search(window) and not _WAR_CAUSE.search(window))


def _impact_places(doc: Annotated, sent: Sentence) -> list[PlaceMention]:
    """The towns named (else a country), the place told before, else the scene's country."""
    # "fled north towards Sidon": where people went is not where it happened
    scenes = [
        p
        for p in sentence_places(doc, sent)
        if not _DESTINATION.search(doc.text[max(0, p.start - 20) : p.start])
    ]
    places = [p for p in scenes if p.place.precision != "country"] or [
        p for p in scenes if p.place.precision == "country"
    ][:1]
    if not places and (earlier := antecedent_place(doc, sent)) is not None:
        return [earlier]  # "fighting in the area has forced ...": the place told before
    return places or _scene_country(doc, sent.start)
