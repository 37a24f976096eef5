"""The target of violence that syntax found alone: its unarmed victims are the civilians
(codebook rule 7, target: who was acted upon), of the country their phrase names ('the killing
of an Italian aid worker': civilians of Italy), else of the event's place.

- One-sided violence: only when its doer is named; an event with no actor is left to the
  merge, which drops it.
- Remote violence (ACLED's Explosions/Remote violence: a bomb, a strike, a shell): when every
  victim it killed is unarmed ('a car bomb killed nine shoppers'), with or without a doer, as
  the bomb is the event whoever set it.
"""

from __future__ import annotations

from functools import lru_cache

from streams.extraction.annotate import Annotated
from streams.extraction.components.families.victim_words import civilian_victims
from streams.extraction.components.roles import RoleHit
from streams.extraction.extractors.common import Proto
from streams.extraction.lexicons import taxonomy
from streams.schemas import Actor

ONE_SIDED = "attack_on_civilians"
REMOTE = "Explosions/Remote violence"
_VICTIMS = frozenset({"victims", "single_victim"})


@lru_cache(maxsize=1)
def remote_types() -> frozenset[str]:
    """The event types of ACLED's remote violence (taxonomy.json)."""
    return frozenset(t.event_type for t in taxonomy().types if t.acled_event_type == REMOTE)


def _victims_are_civilians(ann: Annotated, proto: Proto, hits: list[RoleHit]) -> bool:
    if proto.event_type == ONE_SIDED:
        return bool(proto.role("initiator"))
    return proto.event_type in remote_types() and civilian_victims(ann.article.text, hits)


def _unread_state(actor: Actor, hits: list[RoleHit]) -> bool:
    """A state target the parse gives no side: implied (the country where it happened) or
    read outside every role phrase ('a raid on a port in western Yemen')."""
    if actor.role != "target" or actor.kind != "state":
        return False
    if actor.start is None or actor.end is None:
        return True
    sides = ("initiator", "target", *_VICTIMS)
    return not any(
        h.role in sides and h.phrase[0] <= actor.start and actor.end <= h.phrase[1] for h in hits
    )


def add_civilians(ann: Annotated, proto: Proto, hits: list[RoleHit]) -> None:
    """The civilians the parse names as victims are the target. A state target the parse
    gives no side yields to civilians of another country named in the victims ('a raid on a
    port in western Yemen killed 20 Indian fishermen': civilians of India, not Yemen); the
    state itself stays the target of a strike on its own people."""
    if not _victims_are_civilians(ann, proto, hits):
        return
    phrases = [h.phrase for h in hits if h.role in _VICTIMS]
    if not phrases:
        return
    named = [
        a.country
        for a in ann.actors
        if a.source == "demonym" and any(s <= a.start < e for s, e in phrases)
    ]
    country = next((c for c in named if c), None)
    foreign = [a for a in proto.actors if country not in (None, a.country)]
    unread = [a for a in foreign if _unread_state(a, hits)]
    if len(proto.role("target")) > len(unread):
        return
    country = country or next((p.country for p in proto.locations if p.country), None)
    proto.actors = [a for a in proto.actors if a not in unread]
    proto.actors.append(Actor(role="target", name="civilians", kind="civilians", country=country))
