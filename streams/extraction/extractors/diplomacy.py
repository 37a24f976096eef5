"""Diplomatic meetings (talks, summits, visits, calls) and ceasefire / peace proposals."""

from __future__ import annotations

import re

from streams.extraction.annotate import ActorMention, Annotated, Sentence
from streams.extraction.extractors.common import (
    Proto,
    actor_of,
    article_span,
    compiled,
    event_date,
    events_per_sentence,
    location_of,
    said_on,
    sentence_actors,
    status_for,
    triggers_in,
)

MEETING = ("diplomacy", "1")
CEASEFIRE = ("ceasefire", "1")

_PARTY_KINDS = ("person", "state", "organization")
_PURPOSE = re.compile(
    r"\b(?:into|to pressure|in an effort|pressure|push(?:ing)? for|calls? for|urg\w+|"
    r"violat\w+|broke|breach\w*|collapse\w*)\b[^,;]{0,40}$",
    re.IGNORECASE,
)
_PROPOSE = re.compile(
    r"\b(?:propos\w+|offer\w*|agree\w*|accept\w*|announc\w+|declar\w+|brokered|reached|signed|"
    r"plan|deal|talks|negotiat\w+|framework|put forward|unveil\w*|present\w*|draft|terms)\b",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"^(?:’s|'s)\b")
_PRONOUN = re.compile(r"^\s*(?:He|She)\b")
_BUSINESS = re.compile(
    r"\b(?:shareholders?|board|annual|investors?|earnings|club|league|fans)\b", re.I
)


_VENUE = re.compile(r"\b(?:in|at)\s+$")


def extract_meetings(doc: Annotated) -> list[Proto]:
    return events_per_sentence(doc, _meeting_event)


def _meeting_event(doc: Annotated, sent: Sentence) -> Proto | None:
    hits = triggers_in(doc, "diplomacy", sent)
    if not hits or _BUSINESS.search(sent.text) or compiled()["blockers"].search(sent.text):
        return None
    _rule, trig = hits[0]
    start, end = article_span(sent, trig)
    chosen = _parties(doc, sent)
    visit = trig.group(0).lower().startswith("visit")
    if len(chosen) < 2 and not (visit and chosen):
        return None
    status = status_for(sent, start, end)
    if status is None:
        return None
    proto = Proto("diplomatic_meeting", sent, (start, end), *MEETING, status=status)
    proto.actors = [actor_of(m, "participant") for m in chosen[:4]]
    venues = [
        p
        for p in doc.places
        if sent.start <= p.start < sent.end and p.context and p.place.precision != "country"
    ]
    proto.locations = [location_of(p) for p in venues[:1]]
    proto.when, proto.date_explicit = event_date(doc, sent)
    # a planned meeting keeps the day it is planned for ("will travel ... on June 11"); a
    # called-off one is dated by the announcement ("said on Wednesday ... called off")
    if status != "occurred" and not (status == "planned" and proto.date_explicit):
        said = said_on(doc, sent)
        day = said.date.isoformat() if said and said.precision == "day" else None
        proto.when = proto.when.model_copy(
            update={"date": day or doc.published.isoformat(), "text": None, "precision": "day"}
        )
    proto.base_confidence = 0.55
    return proto


def _parties(doc: Annotated, sent: Sentence) -> list[ActorMention]:
    """The meeting's parties: the people named when two or more are, else every party; "He
    is due to meet X" adds the last person named before as "he"."""
    # a person in the attribution ("..., Pistorius said during a visit") is a party; an
    # institution there ("the White House said") is only the source
    mentions = [
        m
        for m in sentence_actors(doc, sent, skip_attributed=False)
        if m.kind in _PARTY_KINDS
        and m.source != "demonym"
        and (m.kind == "person" or not doc.attributed(m.start))
        # "due to meet in Tanzania": the venue's country is no party to the meeting
        and not (m.source == "country" and _VENUE.search(doc.text[max(0, m.start - 5) : m.start]))
    ]
    people = [m for m in mentions if m.kind == "person"]
    parties = people if len(people) >= 2 else mentions
    names: list[str] = []
    chosen = []
    for mention in parties:
        if mention.name not in names:
            names.append(mention.name)
            chosen.append(mention)
    if len(chosen) == 1 and _PRONOUN.match(sent.text):
        earlier = [
            m
            for m in doc.actors
            if m.kind == "person" and m.start < sent.start and m.name != chosen[0].name
        ]
        if earlier:
            chosen.insert(0, earlier[-1])  # "He is due to meet X": he = the last person named
    return chosen


_PROPOSED = re.compile(r"\b(?:proposed|floated|put forward|offered|tabled)\b[^.;]*$", re.I)


def extract_ceasefire(doc: Annotated) -> list[Proto]:
    out = []
    for sent in doc.sentences:
        hits = triggers_in(doc, "ceasefire", sent)
        if not hits:
            continue
        _rule, trig = hits[0]
        text = sent.text
        if _PURPOSE.search(text[: trig.start()]) or not _PROPOSE.search(text):
            continue
        start, end = article_span(sent, trig)
        mentions = [m for m in sentence_actors(doc, sent) if m.kind in (*_PARTY_KINDS, "group")]
        if not mentions:
            continue
        status = status_for(sent, start, end) or "cancelled"
        if status == "planned" and _PROPOSED.search(text[max(0, trig.start() - 30) : trig.start()]):
            status = "occurred"  # "Hamas proposed a truce": making the proposal is the event
        proto = Proto("ceasefire_proposal", sent, (start, end), *CEASEFIRE, status=status)
        # the parties named before the trigger propose/agree; those after are addressed
        before = [
            m for m in mentions if m.end <= start and not _POSSESSIVE.match(doc.text[m.end :])
        ]
        initiators = before[:3] or mentions[:1]
        names = {m.name for m in initiators}
        for mention in initiators:
            proto.actors.append(actor_of(mention, "initiator"))
        for mention in mentions:
            if mention.start >= end and mention.name not in names:
                proto.actors.append(actor_of(mention, "target"))
                names.add(mention.name)
        proto.when, proto.date_explicit = event_date(doc, sent)
        proto.base_confidence = 0.5
        out.append(proto)
    return out
