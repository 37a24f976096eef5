"""The target of one-sided violence that syntax found alone: its unarmed victims are the
civilians (codebook rule 7, target: who was acted upon), of the country their phrase names
('the killing of an Italian aid worker': civilians of Italy), else of the event's place. Only
when its doer is named: an event with no actor is left to the merge, which drops it."""

from __future__ import annotations

from streams.extraction.annotate import Annotated
from streams.extraction.components.roles import RoleHit
from streams.extraction.extractors.common import Proto
from streams.schemas import Actor

ONE_SIDED = "attack_on_civilians"
_VICTIMS = frozenset({"victims", "single_victim"})


def add_civilians(ann: Annotated, proto: Proto, hits: list[RoleHit]) -> None:
    if proto.event_type != ONE_SIDED or proto.role("target") or not proto.role("initiator"):
        return  # with no doer named, the merge judges the event as the legacy rules left it
    phrases = [h.phrase for h in hits if h.role in _VICTIMS]
    if not phrases:
        return
    named = [
        a.country
        for a in ann.actors
        if a.source == "demonym" and any(s <= a.start < e for s, e in phrases)
    ]
    country = next((c for c in named if c), None)
    country = country or next((p.country for p in proto.locations if p.country), None)
    proto.actors.append(Actor(role="target", name="civilians", kind="civilians", country=country))
