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

from dataclasses import replace
from functools import lru_cache

from streams.extraction.annotate import Annotated
from streams.extraction.components.families.victim_words import civilian_victims
from streams.extraction.components.roles import RoleHit
from streams.extraction.extractors.common import Proto
from streams.extraction.lexicons import taxonomy
from streams.schemas import Actor

ONE_SIDED = "attack_on_civilians"
REMOTE = "Explosions/Remote violence"
VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
_VICTIMS = frozenset({"victims", "single_victim"})
_STATE_KINDS = frozenset({"state", "armed_forces"})


@lru_cache(maxsize=1)
def remote_types() -> frozenset[str]:
    """The event types of ACLED's remote violence (taxonomy.json)."""
    return frozenset(t.event_type for t in taxonomy().types if t.acled_event_type == REMOTE)


@lru_cache(maxsize=1)
def _taken_types() -> frozenset[str]:
    """Violence against civilians other than the attack (taxonomy.json): an abduction, a
    sexual assault. Its object is the victim whoever did it."""
    return frozenset(
        t.event_type
        for t in taxonomy().types
        if t.acled_event_type == VIOLENCE_AGAINST_CIVILIANS and t.event_type != ONE_SIDED
    )


def _victims_are_civilians(ann: Annotated, proto: Proto, hits: list[RoleHit]) -> bool:
    if proto.event_type == ONE_SIDED:
        return bool(proto.role("initiator"))
    if proto.event_type in _taken_types():  # 'two Canadians': people of a country
        rest = [h for h in hits if not _demonym_head(ann, h)]
        return not any(h.role in _VICTIMS for h in rest) or civilian_victims(ann.article.text, rest)
    return proto.event_type in remote_types() and civilian_victims(ann.article.text, hits)


def _demonym_head(ann: Annotated, hit: RoleHit) -> bool:
    """The victims phrase is headed by a demonym ('two Canadians', 'a Filipino')."""
    return hit.role in _VICTIMS and any(
        a.source == "demonym" and a.start <= hit.head[0] and hit.head[1] <= a.end
        for a in ann.actors
    )


def _unread_state(actor: Actor, hits: list[RoleHit]) -> bool:
    """A state target the parse gives no side: implied (the country where it happened) or
    read outside every role phrase ('a raid on a port in western Yemen'), or only as the
    demonym of a victim ('a Norwegian resort manager' is a person, not Norway)."""
    if actor.role != "target" or actor.kind != "state":
        return False
    if actor.start is None or actor.end is None:
        return True
    sides = ("initiator", "target", *_VICTIMS)
    return not any(
        h.role in sides
        and h.phrase[0] <= actor.start
        and actor.end <= h.phrase[1]
        and not _person_of(h, actor)
        for h in hits
    )


def _person_of(hit: RoleHit, actor: Actor) -> bool:
    """The victim phrase names a person of the actor's country by its demonym ('a Norwegian
    resort manager', 'two Canadians'): the demonym ends at or before the phrase's head."""
    return hit.role in _VICTIMS and actor.end is not None and actor.end <= hit.head[1]


def _demonym_of(actor: Actor, victims: list[RoleHit]) -> bool:
    """The state is read only as the demonym of a victim ('a Norwegian resort manager')."""
    return actor.start is not None and any(
        h.phrase[0] <= actor.start and _person_of(h, actor) for h in victims
    )


def _victim_hits(proto: Proto, hits: list[RoleHit]) -> list[RoleHit]:
    """The victims phrases; the objects of an abduction or a sexual assault are its victims."""
    taken = proto.event_type in _taken_types()
    return [
        replace(h, role="victims") if taken and h.role == "target" else h
        for h in hits
        if h.role in _VICTIMS or (taken and h.role == "target")
    ]


def _foreign_doer(proto: Proto, country: str | None) -> bool:
    """A state or its forces of another country than the place's did it ('Russian forces
    struck Pavlohrad': Ukraine is the target, not its people alone)."""
    return any(a.kind in _STATE_KINDS and a.country != country for a in proto.role("initiator"))


def add_civilians(ann: Annotated, proto: Proto, hits: list[RoleHit]) -> None:
    """The civilians the parse names as victims are the target, one per country their
    demonyms name ('a Norwegian manager and two Canadians': civilians of Norway and of
    Canada), else of the event's place. A state target the parse gives no side yields to
    them ('a raid on a port in western Yemen killed 20 Indian fishermen': civilians of India,
    not Yemen; 'rebels bombed a shrine in Kampala, killing two people': civilians, not
    Uganda); the state stays the target of a strike by another state's forces ('Russian
    forces struck Pavlohrad, killing one person': Ukraine) or by no one named."""
    victims = _victim_hits(proto, hits)
    taken = proto.event_type in _taken_types()
    seen = [h for h in hits if h.role not in _VICTIMS and not (taken and h.role == "target")]
    seen += victims
    if not victims or not _victims_are_civilians(ann, proto, seen):
        return
    phrases = [h.phrase for h in victims]
    named: list[str | None] = [
        a.country
        for a in ann.actors
        if a.source == "demonym" and a.country and any(s <= a.start < e for s, e in phrases)
    ]
    place = next((p.country for p in proto.locations if p.country), None)
    countries = list(dict.fromkeys(named)) or [place]
    unread = [a for a in proto.actors if _unread_state(a, seen)]
    if _foreign_doer(proto, place) or not proto.role("initiator"):
        # a state's own people struck from abroad or by no one named: the state stays
        unread = [
            a for a in unread if _demonym_of(a, victims) or (named and a.country not in named)
        ]
    unread += [a for a in proto.role("target") if a.kind == "civilians" and a not in unread]
    if len(proto.role("target")) > len(unread):
        return
    proto.actors = [a for a in proto.actors if a not in unread]
    proto.actors += [
        Actor(role="target", name="civilians", kind="civilians", country=country)
        for country in countries
    ]
