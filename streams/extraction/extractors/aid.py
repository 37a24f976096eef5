"""Military aid: weapons supplies and aid packages, donor -> recipient, with money."""

from __future__ import annotations

import re

from streams.extraction.annotate import Annotated
from streams.extraction.extractors.common import (
    Proto,
    actor_of,
    article_span,
    event_date,
    money,
    sentence_actors,
    status_for,
    triggers_in,
    weapons,
)

NAME = "military_aid"
VERSION = "1"
_RECIPIENT = re.compile(r"\b(?:to|for)\s+(?:the\s+)?$")
_REASON = re.compile(
    r"\b(?:over|for|because of|in response to|in retaliation for|accused of)\s+"
    r"(?:the\s+|its\s+|their\s+)?(?:alleged\s+|suspected\s+)?$",
    re.I,
)
_RELATIVE = re.compile(r",\s+(?:which|who)\b[^,.;]*$")


def extract(doc: Annotated) -> list[Proto]:
    out = []
    for sent in doc.sentences:
        hits = triggers_in(doc, "aid", sent)
        if not hits:
            continue
        _rule, trig = hits[0]
        head = sent.text[: trig.start()]
        if _REASON.search(head[-45:]) or _RELATIVE.search(head[-90:]):
            continue  # "sanctions over the transfer of missiles": the reason, told as context
        start, end = article_span(sent, trig)
        status = status_for(sent, start, end)
        if status is None:
            continue
        mentions = [m for m in sentence_actors(doc, sent) if m.kind in ("state", "organization")]
        donors = [m for m in mentions if m.end <= start]
        recipients = [
            m
            for m in mentions
            if m.start >= start
            and _RECIPIENT.search(doc.text[max(sent.start, m.start - 12) : m.start])
        ]
        if not donors and not recipients:
            continue
        partner = donors[-1] if donors else None
        if partner is not None and doc.text[max(0, partner.start - 5) : partner.start] == "with ":
            # "Belgium signed an agreement with Ukraine to supply jets": the partner receives
            donors = [m for m in donors if m.name != partner.name]
            recipients = [partner, *recipients]
        proto = Proto("military_aid", sent, (start, end), NAME, VERSION, status=status)
        if donors:
            proto.actors.append(actor_of(donors[-1], "initiator"))
        if recipients and (not donors or recipients[0].name != donors[-1].name):
            proto.actors.append(actor_of(recipients[0], "target"))
        proto.weapons = weapons(sent)
        proto.money = money(sent)
        proto.when, proto.date_explicit = event_date(doc, sent)
        proto.base_confidence = 0.5
        out.append(proto)
    return out
