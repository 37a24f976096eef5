"""Humanitarian impact of conflict: power outages, blackouts, evacuations, displacement."""

from __future__ import annotations

import re

from streams.extraction.annotate import Annotated, PlaceMention
from streams.extraction.extractors.common import (
    Proto,
    antecedent_place,
    article_span,
    compiled,
    event_date,
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
    out = []
    context = compiled()["context"]
    for sent in doc.sentences:
        hits = triggers_in(doc, "humanitarian", sent)
        if not hits:
            continue
        window = doc.text[max(0, sent.start - 600) : sent.end]
        if not context.search(window) and "strike" not in window and "attack" not in window:
            continue  # an outage from a storm or a grid fault is not conflict impact
        if compiled()["disasters"].search(sent.text):
            continue  # "homes left without power after the storm": a disaster, not a war
        if compiled()["disasters"].search(window) and not _WAR_CAUSE.search(window):
            continue  # "customers could be without electricity for days", after the storm
        _rule, trig = hits[0]
        near = sent.text[max(0, trig.start() - 35) : trig.end() + 40]
        if trig.group(0).lower().startswith("evacuat") and not _POPULATION.search(near):
            continue  # "legislators were evacuated": not a humanitarian impact
        start, end = article_span(sent, trig)
        status = status_for(sent, start, end)
        if status is None:
            continue
        proto = Proto("humanitarian_impact", sent, (start, end), NAME, VERSION, status=status)
        # "fled north towards Sidon": where people went is not where it happened
        scenes = [
            p
            for p in sentence_places(doc, sent)
            if not _DESTINATION.search(doc.text[max(0, p.start - 20) : p.start])
        ]
        places = [p for p in scenes if p.place.precision != "country"]
        if not places:
            places = [p for p in scenes if p.place.precision == "country"][:1]
        if not places and (earlier := antecedent_place(doc, sent)) is not None:
            places = [earlier]  # "fighting in the area has forced ...": the place told before
        if not places:
            places = _scene_country(doc, sent.start)
        proto.locations = [location_of(p) for p in places]
        proto.when, proto.date_explicit = event_date(doc, sent)
        proto.base_confidence = 0.5
        out.append(proto)
    return out
