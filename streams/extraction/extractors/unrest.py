"""Arrests, protests and riots."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from streams.extraction.annotate import ActorMention, Annotated, PlaceMention, Sentence
from streams.extraction.extractors.attack_places import RELATIVE, clause_places
from streams.extraction.extractors.common import (
    AMOUNT_RE,
    Hit,
    Proto,
    Rule,
    actor_of,
    article_span,
    dateline_place,
    event_casualties,
    event_date,
    events_per_sentence,
    location_of,
    sentence_actors,
    sentence_places,
    status_for,
    triggers_in,
)
from streams.extraction.gazetteer import gazetteer
from streams.extraction.numbers import parse_amount
from streams.schemas import Actor, Count, When

ARREST = ("arrest", "1")
PROTEST = ("protest", "1")

_NOT_ARREST = re.compile(r"\b(?:cardiac arrest|arrest warrants?|warrant for|house arrest)\b", re.I)
_ARRESTED_N = re.compile(
    r"(?P<amt>\b[\w,-]+(?:\s+[\w-]+)?)\s+(?:people|persons|protesters|demonstrators|suspects|men|"
    r"women|activists|students|individuals|others)?\s*(?:were|have been|had been|was)?\s*"
    r"(?:arrested|detained)",
    re.IGNORECASE,
)
_PEOPLE = re.compile(
    r"\b(?:protesters|demonstrators|crowds?|people|residents|students|workers|activists|"
    r"opposition|supporters|farmers|thousands|hundreds|dozens|marchers|rioters|mob)\b",
    re.IGNORECASE,
)
_ARRESTED_ACTIVE = re.compile(
    r"(?:arrested|detained|rounded up)\s+(?P<amt>(?:at least |more than |about |some |over )?"
    r"[\w,-]+)\s+(?:people|persons|protesters|demonstrators|suspects|men|women|activists|"
    r"students|individuals|others|members|militants)",
    re.IGNORECASE,
)
_CROWD = re.compile(
    r"\b(?:protesters|demonstrators|rioters|crowds?|mobs?|supporters|students|youths|fans|"
    r"marchers|looters|hooligans)\b",
    re.IGNORECASE,
)
_ARMED = re.compile(
    r"\b(?:fighters|militants|gunmen|rebels|jihadists|insurgents|militiamen)\b", re.IGNORECASE
)
_AT_PLACE = re.compile(
    r"\b(?:in|across|outside|through|throughout|at|near|on|to|and|of central|downtown|capital|"
    r"(?:city|town|village|capital|port city|port) of)\s+"
    r"(?:the\s+|central\s+|downtown\s+)?$|,\s*$",
    re.IGNORECASE,
)
_PROTEST_CUE = re.compile(
    r"\b(?:against|demand\w*|protest\w*|anger|angry|outrage\w*|chant\w*|slogans|placards|"
    r"banners|denounc\w+|opposition to|calling for|called for|condemn\w*)\b",
    re.IGNORECASE,
)
_OFF_TOPIC = Path(__file__).resolve().parent.parent / "data" / "en" / "off_topic.json"


@lru_cache(maxsize=1)
def _off_topic() -> tuple[re.Pattern[str], ...]:
    """data/en/off_topic.json: a market price story, a sports match, or a protest that is a
    resignation, withdrawal or boycott: no demonstration."""
    cues = json.loads(_OFF_TOPIC.read_text(encoding="utf-8"))
    names = ("market_story", "sport_story", "symbolic_act")
    return tuple(re.compile(cues[name], re.IGNORECASE) for name in names)


def _not_a_demonstration(text: str) -> bool:
    return any(cue.search(text) for cue in _off_topic())


_PROTESTERS = frozenset(("protesters", "demonstrators", "rioters"))
_ARRESTED_GROUPS = r"protesters|demonstrators|rioters|activists|journalists"
# who was arrested, when the text names a group of people (not bare "people" or "suspects")
_ARRESTED_WHO = re.compile(
    r"\b(?:arrested|detained|rounded up)\s+(?:(?:at least|more than|about|some|over|nearly|"
    rf"dozens of|hundreds of|scores of|several|\d[\d,]*)\s+)*(?P<who>{_ARRESTED_GROUPS})\b|"
    rf"\b(?P<who2>{_ARRESTED_GROUPS})\s+(?:were|had been|have been)\s+(?:\w+\s+)?"
    r"(?:arrested|detained)\b",
    re.IGNORECASE,
)


_BACK_REFERENCE = re.compile(r"\b(?:the|his|her|their|its|this|that)\s+(?:arrest|detention)$", re.I)


def extract_arrests(doc: Annotated) -> list[Proto]:
    return events_per_sentence(doc, _arrest_event)


def _arrest_event(doc: Annotated, sent: Sentence) -> Proto | None:
    hits = triggers_in(doc, "arrest", sent)
    if not hits or _NOT_ARREST.search(sent.text):
        return None
    _rule, trig = hits[0]
    start, end = article_span(sent, trig)
    status = status_for(sent, start, end)
    if status is None:
        return None
    proto = Proto("arrest", sent, (start, end), *ARREST, status=status)
    mentions = sentence_actors(doc, sent)
    _add_arrester(doc, sent, proto, mentions)
    _add_arrested(doc, sent, proto, mentions)
    proto.arrested = _arrested_count(sent)
    if _told_before(proto, sent, trig):
        return None
    places = [p for p in sentence_places(doc, sent) if p.place.precision != "country"][:2]
    if not places and sent.index == 0 and (dateline := dateline_place(doc)) is not None:
        places = [dateline]  # "ISTANBUL — Turkish police detained ...": the dateline city
    if not places:
        places = _scene(doc, sent)
    proto.locations = [location_of(p) for p in places]
    proto.when, proto.date_explicit = event_date(doc, sent)
    proto.base_confidence = 0.55
    return proto


def _add_arrester(
    doc: Annotated, sent: Sentence, proto: Proto, mentions: list[ActorMention]
) -> None:
    """The agency named before the trigger, else the state of the country it happened in."""
    start = proto.trigger[0]
    agency = [
        m
        for m in mentions
        if m.end <= start and m.kind in ("organization", "state", "armed_forces")
    ]
    if agency:
        proto.actors.append(actor_of(agency[-1], "initiator"))
        return
    # "police arrested ...", "Rangers arrested ...": the state's security forces
    country = _country(doc, sent)
    state = gazetteer().iso3.get(country or "")
    if state is not None:
        proto.actors.append(Actor(role="initiator", name=state.name, kind="state", country=country))


def _add_arrested(
    doc: Annotated, sent: Sentence, proto: Proto, mentions: list[ActorMention]
) -> None:
    """The person named after the trigger, else the group arrested."""
    people = [m for m in mentions if m.kind == "person" and m.start >= proto.trigger[1]]
    if people:
        proto.actors.append(actor_of(people[0], "target"))
    elif (who := _ARRESTED_WHO.search(sent.text)) is not None:
        # "detained dozens of protesters": who was arrested, as a group of the country
        country = _country(doc, sent)
        group = (who.group("who") or who.group("who2")).lower()
        name = "Protesters" if group in _PROTESTERS else group.capitalize()
        proto.actors.append(Actor(role="target", name=name, kind="civilians", country=country))


def _told_before(proto: Proto, sent: Sentence, trig: Hit) -> bool:
    """No one named and no count, or 'the arrest had been carried out on orders': the arrest
    told before."""
    if not proto.actors and proto.arrested is None:
        return True
    named = any(a.role == "target" for a in proto.actors) or proto.arrested is not None
    return not named and bool(
        _BACK_REFERENCE.search(sent.text[max(0, trig.start() - 12) : trig.end()])
    )


def _arrested_count(sent: Sentence) -> Count | None:
    for pattern in (_ARRESTED_N, _ARRESTED_ACTIVE):
        for match in pattern.finditer(sent.text):
            for amt in AMOUNT_RE.finditer(match.group("amt")):
                parsed = parse_amount(amt)
                if parsed is not None:
                    return Count(
                        value=parsed.value, qualifier=parsed.qualifier, text=match.group(0)
                    )
    return None


_NATIONWIDE = re.compile(
    r"\b(?:across|throughout|all over|nationwide|around the country|across the country)\b", re.I
)


def _scene(doc: Annotated, sent: Sentence) -> list[PlaceMention]:
    """No place in the sentence: the city where the story was last set (a story about protests
    in Tbilisi keeps talking about Tbilisi), else the country named in the sentence; arrests
    "across France" are the country's."""
    countries = [p for p in sentence_places(doc, sent) if p.place.precision == "country"][:1]
    if countries and _NATIONWIDE.search(sent.text):
        return countries
    for mention in reversed(doc.places):
        if mention.start < sent.start and mention.place.precision == "city" and mention.context:
            return [mention]
    return [p for p in sentence_places(doc, sent) if p.place.precision == "country"][:1]


def _country(doc: Annotated, sent: Sentence) -> str | None:
    """The country of the sentence's places, else of the last place named before it."""
    places = sentence_places(doc, sent)
    if places:
        return places[0].place.country3 or None
    for mention in reversed(doc.places):
        if mention.start < sent.start and mention.place.country3:
            return mention.place.country3
    top = doc.focus.most_common(1)
    return top[0][0] if top else None


_SECURITY = re.compile(
    r"\b(?:police|riot police|security forces|troops|soldiers|army|National Guard|"
    r"gendarmes|riot squads?)\b",
    re.IGNORECASE,
)


def extract_protests(doc: Annotated) -> list[Proto]:
    return [proto for sent in doc.sentences for proto in _protest_events(doc, sent)]


def _protest_events(doc: Annotated, sent: Sentence) -> list[Proto]:
    """The protest or riot of a sentence: one event per city (marches in Lagos and Abuja are
    two protests)."""
    hits = triggers_in(doc, "protest", sent)
    if not hits or _not_a_demonstration(sent.text):
        return []
    picked = _protest_trigger(sent, hits)
    if picked is None:
        return []
    trig, event_type = picked
    start, end = article_span(sent, trig)
    status = status_for(sent, start, end)
    if status is None:
        return []
    places = [
        p
        for p in clause_places(doc, sent, end, RELATIVE)  # not of 'which ...' after it
        if p.place.precision != "country"
        and _AT_PLACE.search(doc.text[max(0, p.start - 24) : p.start])
    ]
    if not places:
        places = [p for p in sentence_places(doc, sent) if p.place.precision == "country"][:1]
    when = event_date(doc, sent, start)
    targets: list[PlaceMention | None] = list(places[:4]) or [None]
    return [
        _protest_at(
            doc,
            Proto(event_type, sent, (start, end), *PROTEST, status=status),
            place,
            when=when,
            first=not places or place is places[0],
        )
        for place in targets
    ]


def _protest_trigger(sent: Sentence, hits: list[tuple[Rule, Hit]]) -> tuple[Hit, str] | None:
    """The trigger of a protest (or a riot, when a crowd is named), and the event's type."""
    text = sent.text
    protest = [m for r, m in hits if r.event_type == "protest"]
    riot = [m for r, m in hits if r.event_type == "riot"]
    if not protest and not (riot and _CROWD.search(text)):
        return None
    if not protest and _ARMED.search(text):
        return None  # fighters storming a village is an attack, not a riot
    rally_only = protest and all(m.group(0).lower().startswith("rall") for m in protest)
    if rally_only and not riot and not _PROTEST_CUE.search(text):
        return None  # a campaign rally is not a protest
    if not _PEOPLE.search(text) and not protest:
        return None
    return (protest or riot)[0], "riot" if riot else "protest"


def _protest_at(
    doc: Annotated,
    proto: Proto,
    place: PlaceMention | None,
    *,
    when: tuple[When, bool],
    first: bool,
) -> Proto:
    """The protesters (and, in a riot against police or troops, the state) at one place; the
    toll goes to the first place only."""
    sent = proto.sentence
    proto.locations = [location_of(place)] if place is not None else []
    country = proto.locations[0].country if proto.locations else _country(doc, sent)
    proto.actors.append(
        Actor(role="initiator", name="Protesters", kind="civilians", country=country)
    )
    state = gazetteer().iso3.get(country or "")
    if proto.event_type == "riot" and state is not None and _SECURITY.search(sent.text):
        # rioters against police or troops: the state's forces are the other side
        proto.actors.append(Actor(role="target", name=state.name, kind="state", country=country))
    proto.when, proto.date_explicit = when
    proto.killed, proto.injured = (
        event_casualties(sent, doc.published.year) if first else (None, None)
    )
    proto.base_confidence = 0.5
    return proto
