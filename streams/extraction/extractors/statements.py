"""Statements, condemnations and appeals: who said / condemned / called on whom."""

from __future__ import annotations

import re

from streams.extraction.annotate import ActorMention, Annotated, Sentence
from streams.extraction.extractors.common import (
    Hit,
    Proto,
    actor_of,
    article_span,
    event_date,
    events_per_sentence,
    sentence_actors,
    triggers_in,
)
from streams.schemas import Actor

NAME = "statements"
VERSION = "1"

_ADDRESS_END = re.compile(r"\b(?:to|for|that)\s+(?!the\b)[a-z]+|[.;:]")
_ADDRESSEE = re.compile(
    r"^\s+(?:the\s+|its\s+|his\s+|her\s+|their\s+|all\s+)?"
    r"(?P<who>(?:[a-zA-Z-]+\s+){0,2}?(?:allies|supporters|partners|countries|nations|states|"
    r"governments|members|leaders|donors|parties|sides|residents|citizens|people|"
    r"international community|world|west))\s+(?:to|for)\b"
)
_OBJECT_END = re.compile(r"\s(?:and|but|while|saying|after)\s|[;:]|,\s+(?:and|but|saying)\b")
_NOT_ADDRESSEE = {"people", "world"}
# "urging people to stay indoors": safety advice to the public, not an appeal between actors
_SAFETY_ADVICE = re.compile(
    r"^\s+(?:the\s+)?(?:people|residents|public|citizens|motorists|drivers|travell?ers|"
    r"households|customers|everyone)\s+(?:not\s+)?to\s+(?:stay|remain|avoid|keep|take|use|boil|"
    r"limit|conserve|check|follow|be|wear|travel)\b",
    re.IGNORECASE,
)
_RELATIVE = re.compile(r",\s*(?:which|who|whose|whom)\b[^,]*,")
_SPEAKER_KINDS = ("person", "state", "organization", "group", "armed_forces")


def extract(doc: Annotated) -> list[Proto]:
    return events_per_sentence(doc, _sentence_event)


def _speaker(mentions: list[ActorMention], start: int, text: str, base: int) -> ActorMention | None:
    relative = [
        (base + m.start(), base + m.end()) for m in _RELATIVE.finditer(text[: start - base])
    ]
    before = [
        m
        for m in mentions
        if m.end <= start
        and m.kind in _SPEAKER_KINDS
        and not any(a <= m.start < b for a, b in relative)
    ]
    if not before:
        return None
    people = [m for m in before if m.kind == "person"]
    return people[-1] if people and start - people[-1].end < 60 else before[-1]


def _sentence_event(doc: Annotated, sent: Sentence) -> Proto | None:
    hits = triggers_in(doc, "statements", sent)
    if not hits:
        return None
    # an appeal or a condemnation first, else the first statement
    rule, trig = next(
        ((r, m) for r, m in hits if r.event_type in ("appeal", "condemnation")), hits[0]
    )
    text = sent.text
    if text.lstrip().startswith(('"', "“")) and rule.event_type == "statement":
        return None
    if rule.event_type == "appeal" and _SAFETY_ADVICE.match(text[trig.end() :]):
        return None
    start, end = article_span(sent, trig)
    mentions = sentence_actors(doc, sent, skip_attributed=False)
    speaker = _speaker(mentions, start, text, sent.start)
    if speaker is None:
        return None
    proto = Proto(rule.event_type, sent, (start, end), NAME, VERSION)
    proto.actors.append(actor_of(speaker, "initiator"))
    _add_targets(proto, mentions, speaker, trig)
    if rule.event_type == "statement" and len(proto.actors) < 1:
        return None
    proto.when, proto.date_explicit = event_date(doc, sent, start, verbal=True)
    proto.base_confidence = 0.55
    return proto


def _object_end(text: str, pos: int, event_type: str) -> int:
    """Where the addressed or condemned side can be named, from pos (the trigger's end)."""
    if event_type == "condemnation":
        # the condemned object runs to the end of its clause ("condemned the attack and said")
        object_end = _OBJECT_END.search(text, pos)
        return object_end.start() if object_end else len(text)
    stop = _ADDRESS_END.search(text, pos)
    return stop.start() if stop and event_type == "appeal" else len(text)


def _add_targets(
    proto: Proto, mentions: list[ActorMention], speaker: ActorMention, trig: Hit
) -> None:
    """The actors named after the trigger, else the group an appeal addresses ("urged its
    allies to ...")."""
    sent, end = proto.sentence, proto.trigger[1]
    text = sent.text
    limit = sent.start + _object_end(text, trig.end(), proto.event_type)
    seen = {speaker.name}
    for mention in mentions:
        if end <= mention.start < limit and mention.name not in seen:
            proto.actors.append(actor_of(mention, "target"))
            seen.add(mention.name)
    if proto.event_type == "appeal" and len(proto.actors) == 1:
        addressee = _ADDRESSEE.match(text[trig.end() :])
        if addressee and addressee.group("who").lower() not in _NOT_ADDRESSEE:
            country = speaker.country if addressee.group("who") == "supporters" else None
            proto.actors.append(
                Actor(role="target", name=addressee.group("who"), kind="group", country=country)
            )
