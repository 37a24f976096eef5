"""Sanctions imposed or lifted: who sanctions whom (companies, people, states), with money."""

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
    money,
    sentence_actors,
    status_for,
    triggers_in,
)
from streams.schemas import Actor

NAME = "sanctions"
VERSION = "1"

_IMPOSE = re.compile(
    r"\b(?:impos\w*|announc\w*|slapp?\w*|introduc\w*|unveil\w*|adopt\w*|approv\w*|expand\w*|"
    r"extend\w*|tighten\w*|levied|levy|new|fresh|additional|more|sanctioned|sanctioning|"
    r"blacklist\w*|froze|freez\w*|targets?|targeted|hit|package|round|lift\w*|eas\w*|remov\w*|"
    r"relax\w*|waiv\w*|suspend\w*)\b",
    re.IGNORECASE,
)
_APPEAL_BEFORE = re.compile(
    r"\b(?:call(?:ed|s|ing)? (?:on|for|upon)|urg\w+|appeal\w*|demand\w*|press\w* for|to pressure|"
    r"pressure on)\b[^.]*$",
    re.IGNORECASE,
)
_TARGET_END = re.compile(
    r"\b(?:in an effort|to pressure|aimed|which|that|because|after|as part)\b|[;—]"
)


def _coordinated(doc: Annotated, before: list[ActorMention]) -> list[ActorMention]:
    """'Britain, France and Germany imposed ...': every member of the list that ends just
    before the trigger, not only the last."""
    if not before:
        return []
    chain = [before[-1]]
    for mention in reversed(before[:-1]):
        between = doc.text[mention.end : chain[0].start]
        if not _LIST_JOINT.match(between) or mention.name in {m.name for m in chain}:
            break
        chain.insert(0, mention)
    return chain


_LIST_JOINT = re.compile(r"^(?:,\s*|,?\s+and\s+|\s+and\s+)(?:the\s+)?$")


def extract(doc: Annotated) -> list[Proto]:
    return events_per_sentence(doc, _sentence_event)


def _sentence_event(doc: Annotated, sent: Sentence) -> Proto | None:
    hits = triggers_in(doc, "sanctions", sent)
    if not hits:
        return None
    lifted = [m for r, m in hits if r.event_type == "sanctions_lifted"]
    imposed = [m for r, m in hits if r.event_type == "sanctions_imposed"]
    trig = lifted[0] if lifted else imposed[0]
    event_type = "sanctions_lifted" if lifted else "sanctions_imposed"
    text = sent.text
    if _APPEAL_BEFORE.search(text[: trig.start()]):
        return None  # "called on the EU to impose sanctions": the appeal is the event
    if not _IMPOSE.search(text):
        return None
    start, end = article_span(sent, trig)
    status = status_for(sent, start, end)
    if status is None:
        return None
    proto = Proto(event_type, sent, (start, end), NAME, VERSION, status=status)
    proto.actors = _sanction_actors(doc, sent, trig)
    if not proto.actors:
        return None
    proto.when, proto.date_explicit = event_date(doc, sent)
    proto.money = money(sent)
    proto.base_confidence = 0.6
    return proto


def _sanction_actors(doc: Annotated, sent: Sentence, trig: Hit) -> list[Actor]:
    """Who imposes (the states or bodies before the trigger, or the agent after "by") and
    who is targeted (the organizations or people named after it, else a state)."""
    text = sent.text
    start, end = article_span(sent, trig)
    mentions = sentence_actors(doc, sent)
    before = [m for m in mentions if m.end <= start and m.kind in ("state", "organization")]
    stop = _TARGET_END.search(text, trig.end())
    limit = sent.start + (stop.start() if stop else len(text))
    after = [m for m in mentions if end <= m.start < limit]
    if not before:
        # "Lukoil and Rosneft were sanctioned by the US": agent after "by"
        by = re.search(r"\bby\s+(?:the\s+)?", text[trig.end() :])
        if by:
            agents = [m for m in after if m.start >= end + by.start()]
            before, after = agents[:1], [m for m in after if m not in agents[:1]]
    actors = [actor_of(mention, "initiator") for mention in _coordinated(doc, before)]
    orgs = [m for m in after if m.kind in ("organization", "person", "group")]
    chosen = orgs or [m for m in after if m.kind == "state"][:1]
    seen = {a.name for a in actors}
    for mention in chosen:
        if mention.name not in seen:
            actors.append(actor_of(mention, "target"))
            seen.add(mention.name)
    return actors
