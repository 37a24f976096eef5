"""Strategic developments in engine v2: arrests (the legacy arrest rules, unchanged) and the
types read from data/en/triggers/strategic.jsonl with the roles of data/en/roles/strategic.jsonl:
looting and property destruction, disrupted weapons use, a base established, a non-violent
transfer of territory, a group's change of activity."""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Doc, Span

from streams.extraction import spec
from streams.extraction.annotate import Annotated
from streams.extraction.components.annotation import annotated
from streams.extraction.components.events import _places as places
from streams.extraction.components.events import _reported_act
from streams.extraction.components.families.arrests import reported_arrests
from streams.extraction.components.families.base import (
    armed_named,
    best,
    by_sentence,
    crowd_acts,
    cues,
    new_proto,
)
from streams.extraction.components.families.conflict import references
from streams.extraction.components.roles import RoleHit
from streams.extraction.components.sides import people
from streams.extraction.extractors import accidents, unrest
from streams.extraction.extractors.common import (
    Proto,
    sentence_actors,
    sentence_places,
    status_for,
)

NAME = ("strategic_v2", "0.1.0")
FAMILIES = frozenset({"strategic"})
CONFLICT_TYPES = spec.types_in("conflict")
UNREST = frozenset({"protests", "riots"})
DISRUPTED = "disrupted_weapons_use"
WAVES = frozenset({"air_strike", "missile_attack"})
"""Types of a wave of drones or missiles whose interceptions told with it are part of it."""
UNREST_SPAN = 3
"""Sentences back in which a demonstration or riot makes later burning part of it."""
OWN_ACT = 4
"""Trigger priority from which the act is its own event even in a sentence that tells of
fighting (looting after an ambush, an IED defused); below it, the fighting is the event."""


def strategic_protos(doc: Doc) -> list[Proto]:
    ann = annotated(doc)
    out = reported_arrests(doc, unrest.extract_arrests(ann))
    fighting = by_sentence(doc, ann, cues().fighting_families)
    fought = set(fighting) | {p.sentence.index for p in doc._.legacy_conflict or []}
    # property burnt in a riot story is the riot's (merged there by normalize), not a new event
    rioting = {i + k for i in by_sentence(doc, ann, UNREST) for k in range(UNREST_SPAN + 1)}
    # a strike or launch told by the legacy conflict rules (codebook, Interceptions)
    waves = {p.sentence.index for p in doc._.legacy_conflict or [] if p.event_type in WAVES}
    # sentences telling an arrest or a typed conflict event (a raid alone is no such event)
    legacy = [p for p in doc._.legacy_conflict or [] if p.event_type in CONFLICT_TYPES]
    told = {p.sentence.index for p in out} | {p.sentence.index for p in legacy}
    roles: list[RoleHit] = doc._.roles or []
    for index, triggers in sorted(by_sentence(doc, ann, FAMILIES).items()):
        trigger = best(triggers)
        if trigger.label_ == "attack_on_infrastructure" and index in rioting:
            continue
        if trigger.label_ == DISRUPTED and (index in waves or _definite(trigger, waves, index)):
            continue  # interceptions told with the launch of a wave belong to its attack
        if trigger.label_ == DISRUPTED and _spoils(trigger) and _told(trigger, told, index):
            continue  # weapons seized in a fight or an arrest told here are its spoils
        if _damage_told(ann, trigger, roles, fought, index):
            continue  # 'debris fell on a building, setting fire to flats': the strike's damage
        proto = _event(doc, ann, index, trigger, roles, fought=index in fought)
        if proto is not None:
            out.append(proto)
    return out


def _event(
    doc: Doc, ann: Annotated, index: int, trigger: Span, roles: list[RoleHit], *, fought: bool
) -> Proto | None:
    sent = ann.sentences[index]
    pattern = trigger._.pattern
    if fought and pattern.priority < OWN_ACT:
        return None
    if trigger.label_ in cues().requires_armed and not armed_named(doc, ann, sent):
        return None
    if pattern.needs_context:
        # a weak cue ("deployed"): only with forces named and a place below country level
        if not any(p.place.precision != "country" for p in sentence_places(ann, sent)):
            return None
    elif not _reported_act(doc, trigger) or _described(doc, trigger):
        return None
    span = (trigger.start_char, trigger.end_char)
    if trigger.label_ in CONFLICT_TYPES and accidents.vetoed(
        ann, sent, span[0] - sent.start, span[1] - sent.start, generic=True
    ):
        return None  # homes destroyed by a flood, treasures looted in colonial times
    hits = [r for r in roles if r.trigger == span]
    if trigger.label_ == "territory_transfer" and not _territory(ann, hits):
        return None
    status = status_for(sent, *span)
    if status is None:
        return None
    proto = new_proto(ann, sent, trigger, hits, NAME)
    proto.status = status
    told = [r for r in roles if sent.start <= r.trigger[0] < sent.end]
    if trigger.label_ == "attack_on_infrastructure" and crowd_acts(doc.text, told):
        # 'residents torched the police post': a crowd's destruction is a riot (ACLED)
        proto.event_type = "riot" if _framed(doc, index) else "mob_violence"
    return proto


def _framed(doc: Doc, index: int) -> bool:
    """A demonstration word in the sentence: the crowd's violence is a violent demonstration."""
    ann = annotated(doc)
    return any(
        t._.pattern.id == "protests.crowd"
        for t in by_sentence(doc, ann, frozenset({"protests"})).get(index, [])
    )


def _definite(trigger: Span, waves: set[int], index: int) -> bool:
    """'the missile was intercepted' after a launch told before: the weapons named definite
    are that wave's (data/en/references.json determiners), no disruption of their own."""
    before = trigger.doc[trigger.start - 1] if trigger.start > 0 else None
    definite = before is not None and before.lower_ in references().determiners
    return definite and any(i < index for i in waves)


def _spoils(trigger: Span) -> bool:
    """Weapons taken ('seized rifles', 'recovered weapons'): data/en/strategic.json."""
    return any(t.lemma_ in cues().spoils_lemmas for t in trigger)


def _damage_told(
    ann: Annotated, trigger: Span, roles: list[RoleHit], fought: set[int], index: int
) -> bool:
    """Property burnt or destroyed with no one named who did it, after an attack told before
    in the text: that attack's damage, no destruction of its own (ACLED codes the attack)."""
    if trigger.label_ != "attack_on_infrastructure" or not any(i < index for i in fought):
        return False
    span = (trigger.start_char, trigger.end_char)
    doers = [r for r in roles if r.trigger == span and r.role == "initiator"]
    if any(people(ann, r) for r in doers):
        return False
    sent = ann.sentences[index]
    return not any(a.end <= trigger.start_char for a in sentence_actors(ann, sent))


def _told(trigger: Span, told: set[int], index: int) -> bool:
    """An arrest or a fight is told in the trigger's sentence, or before it when the sentence
    names a definite operation ('weapons were seized in the raids'): the seizure is its."""
    if index in told:
        return True
    if not any(i < index for i in told):
        return False
    words = list(trigger.sent)
    return any(
        t.lemma_.lower() in cues().operation_lemmas and before.lower_ in references().determiners
        for before, t in pairwise(words)
    )


def _described(doc: Doc, trigger: Span) -> bool:
    """The act names or describes rather than tells: a participle used as an adjective
    ('photographs of seized weapons'), or a relative clause about a group ('the ADF, which has
    pledged allegiance to ...'): background, no development of the day."""
    parsed = (doc._.parses or {}).get(trigger.sent.start_char)
    if parsed is None:
        return False
    offset = trigger.start_char - trigger.sent.start_char
    token = next((t for t in parsed if t.idx == offset), None)
    if token is None:
        return False
    if token.dep_ == "amod":
        return True
    return any(t.dep_ == "relcl" for t in [token, *token.ancestors])


def _territory(ann: Annotated, hits: list[RoleHit]) -> bool:
    """What changed hands is a place: a gazetteer place or a territory noun ("the area")."""
    found = cues()
    for hit in hits:
        if hit.pattern not in found.territory_patterns:
            continue
        if places(ann, hit) or any(w in found.territory_nouns for w in hit.text.lower().split()):
            return True
    return False
