"""Strategic developments in engine v2: arrests (the legacy arrest rules, unchanged) and the
types read from data/en/triggers/strategic.jsonl with the roles of data/en/roles/strategic.jsonl:
looting and property destruction, disrupted weapons use, a base established, a non-violent
transfer of territory, a group's change of activity."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from streams.extraction import spec
from streams.extraction.annotate import Annotated, Sentence
from streams.extraction.components.annotation import annotated, doc_text
from streams.extraction.components.events import _places as places
from streams.extraction.components.families.arrests import forces_arrests, reported_arrests
from streams.extraction.components.families.base import (
    armed_doer,
    armed_named,
    by_sentence,
    crowd_acts,
    cues,
    new_proto,
)
from streams.extraction.components.families.captives import harmed_detainees
from streams.extraction.components.families.conflict import references
from streams.extraction.components.families.demonstrators import demonstrators
from streams.extraction.components.families.framing import clause_participle
from streams.extraction.components.families.told import reported_act
from streams.extraction.components.roles import RoleHit
from streams.extraction.components.sides import faces_state, people
from streams.extraction.components.triggers import family_of
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
    legacy_arrests = unrest.extract_arrests(ann)
    unnamed = forces_arrests(doc, {p.sentence.index for p in legacy_arrests})
    out = reported_arrests(doc, legacy_arrests + unnamed)
    _harmed_in_custody(doc, ann, out)
    fought = _fighting(doc, ann) | {p.sentence.index for p in doc._.legacy_conflict or []}
    rioting = _rioting(doc, ann)
    # a strike or launch told by the legacy conflict rules (codebook, Interceptions)
    waves = {p.sentence.index for p in doc._.legacy_conflict or [] if p.event_type in WAVES}
    # sentences telling an arrest or a typed conflict event (a raid alone is no such event)
    legacy = [p for p in doc._.legacy_conflict or [] if p.event_type in CONFLICT_TYPES]
    told = {p.sentence.index for p in out} | {p.sentence.index for p in legacy}
    roles: list[RoleHit] = doc._.roles or []
    skip = Skips(rioting, waves, told, fought)
    for index, triggers in sorted(by_sentence(doc, ann, FAMILIES).items()):
        # the strongest cue first; where its gates drop it, the next one of the sentence
        # ('militias were observed gathering and regrouping': the sighting, else the regrouping)
        for trigger in sorted(triggers, key=lambda t: (-t._.pattern.priority, t.start_char)):
            if _skipped(ann, trigger, roles, skip, index):
                continue
            proto = _event(doc, ann, index, trigger, roles, fought=index in fought)
            if proto is not None:
                out.append(proto)
                break
    return out


@dataclass(frozen=True)
class Skips:
    """Sentences (by index) whose triggers belong to another event: a riot told up to
    UNREST_SPAN before, a wave of drones or missiles, an arrest or typed conflict event, a
    fight."""

    rioting: set[int]
    waves: set[int]
    told: set[int]
    fought: set[int]


def _skipped(ann: Annotated, trigger: Span, roles: list[RoleHit], skip: Skips, index: int) -> bool:
    if trigger.label_ == "attack_on_infrastructure" and index in skip.rioting:
        return True
    waves = skip.waves
    if trigger.label_ == DISRUPTED and (index in waves or _definite(trigger, waves, index)):
        return True  # interceptions told with the launch of a wave belong to its attack
    if trigger.label_ == DISRUPTED and _spoils(trigger) and _spoils_here(trigger, skip.told, index):
        return True  # weapons seized in a fight or an arrest told here are its spoils
    # 'debris fell on a building, setting fire to flats': the strike's damage
    return _damage_told(ann, trigger, roles, skip.fought, index)


def _rioting(doc: Doc, ann: Annotated) -> set[int]:
    """Sentences in or after a riot or demonstration: property burnt there is the riot's
    (merged there by normalize), not a new event. A crowd word alone ('angry residents', 'a
    mob') tells no riot: the crowd's own act ('ransacked the offices') is the event."""
    told = [
        index
        for index, triggers in by_sentence(doc, ann, UNREST).items()
        if any(not _crowd_word(t) for t in triggers)
    ]
    return {i + k for i in told for k in range(UNREST_SPAN + 1)}


def _crowd_word(trigger: Span) -> bool:
    return family_of(trigger._.pattern.id) == "riots" and trigger._.pattern.needs_context


def _harmed_in_custody(doc: Doc, ann: Annotated, arrests: list[Proto]) -> None:
    """Detainees beaten or tortured in custody (families/captives.py): the arrest is an attack
    on civilians; not in a demonstration's sentence, where police beating and arresting
    protesters is the protest's intervention (families/unrest.py; an arrest word alone is
    one of its cues, no demonstration)."""
    unrest_told = {
        index
        for index, triggers in by_sentence(doc, ann, UNREST).items()
        if any(t.label_ != "protest_with_intervention" for t in triggers)
    }
    for proto in arrests:
        if proto.sentence.index not in unrest_told:
            proto.event_type = harmed_detainees(doc, proto.sentence.index, proto.event_type)


def _event(
    doc: Doc, ann: Annotated, index: int, trigger: Span, roles: list[RoleHit], *, fought: bool
) -> Proto | None:
    sent = ann.sentences[index]
    span = (trigger.start_char, trigger.end_char)
    hits = [r for r in roles if r.trigger == span] + _shared_doers(trigger, roles)
    if not _told(doc, ann, sent, trigger, hits, fought=fought):
        return None
    if trigger.label_ in CONFLICT_TYPES and accidents.vetoed(
        ann, sent, span[0] - sent.start, span[1] - sent.start, generic=True
    ):
        return None  # homes destroyed by a flood, treasures looted in colonial times
    if trigger.label_ == "territory_transfer" and not _territory(ann, hits):
        return None
    status = status_for(sent, *span)
    if status is None:
        return None
    proto = new_proto(ann, sent, trigger, hits, NAME)
    proto.status = status
    token = _token(trigger)
    if token is not None and _to_forces(token):
        proto.event_type = "agreement"  # a surrender to forces: a surrender deal
    told = [r for r in roles if sent.start <= r.trigger[0] < sent.end]
    marching = demonstrators(doc, hits)  # 'the bandh enforcers torched three vehicles'
    crowd = crowd_acts(doc_text(doc), told) or marching
    if trigger.label_ == "attack_on_infrastructure" and crowd:
        if fought and any(r.role in ("victims", "single_victim") for r in told):
            return None  # 'the farmers killed ten people and vandalized the camps': the attack
        # 'residents torched the police post': a crowd's destruction is a riot (ACLED)
        demonstrating = _framed(doc, index) or faces_state(ann, hits) or marching
        proto.event_type = "riot" if demonstrating else "mob_violence"
    return proto


def _told(
    doc: Doc, ann: Annotated, sent: Sentence, trigger: Span, hits: list[RoleHit], *, fought: bool
) -> bool:
    """The trigger tells a development of its own: not a minor act of a fight told in its
    sentence, by armed actors where its type or pattern needs them, reported (not described),
    and for a weak cue ('deployed', 'arrived') at a place below the country."""
    pattern = trigger._.pattern
    if fought and pattern.priority < OWN_ACT:
        return False
    if trigger.label_ in cues().requires_armed and not armed_named(doc, ann, sent):
        return False
    crowd = trigger.label_ == "attack_on_infrastructure" and crowd_acts(doc_text(doc), hits)
    if pattern.needs_agent and not (crowd or _armed_act(doc, ann, trigger, hits)):
        return False  # 'residents arrived', 'thieves stole a car': no armed actor's act
    if pattern.needs_context:
        return _placed(ann, sent, trigger, hits)
    return reported_act(doc, trigger) and not _described(doc, trigger)


def _placed(ann: Annotated, sent: Sentence, trigger: Span, hits: list[RoleHit]) -> bool:
    """A weak cue ('deployed', 'arrived') happens at a place below country level: its own
    'in X', else a gazetteer place of its sentence; a move with its doer named ('returned
    to') needs the place in its own phrase ('returned to Bocaranga', not 'returned to
    power')."""
    if any(h.role == "place" and _named(h.text) for h in hits):
        return True  # 'in Tedan village', not 'in 2021'

    towns = [p for p in sentence_places(ann, sent) if p.place.precision != "country"]
    # the place of a move is in its own phrase: after 'to', 'into' when the cue ends in one
    token = _token(trigger, trigger[-1].idx)
    if not trigger._.pattern.needs_agent or token is None:
        return bool(towns)
    offset = trigger.sent.start_char
    start = offset + min(t.idx for t in token.subtree)
    end = offset + max(t.idx + len(t) for t in token.subtree)
    return any(start <= p.start < end for p in towns)


def _named(text: str) -> bool:
    return any(w[:1].isupper() for w in text.split())


def _armed_act(doc: Doc, ann: Annotated, trigger: Span, hits: list[RoleHit]) -> bool:
    """A verb told as done, whose doer is forces or an armed group ('militants arrived in X';
    not 'the police station', 'Hungary started assembling firearms', 'Turkey would be moving
    in', nor 'the gunman surrendered': a lone criminal is no armed group's change)."""
    token = _token(trigger)
    if token is None or token.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("MD", "TO") for c in token.children):
        return False  # a modal or an infinitive: not told as done
    return armed_doer(doc, ann, trigger, hits, words=cues().armed_words) or _yields_to_forces(token)


def _yields_to_forces(token: Token) -> bool:
    """'36 members of the X Group surrendered their weapons to the military': who hands arms
    over to forces fought them, so the doer is fighters (data/en/strategic.json yield_lemmas,
    arms_words); 'the suspect surrendered to police' names no arms: no group's change."""
    return _to_forces(token) and any(t.lower_ in cues().arms_words for t in token.subtree)


def _shared_doers(trigger: Span, roles: list[RoleHit]) -> list[RoleHit]:
    """'a soldier defected and surrendered to the rebels': a verb joined to an earlier one
    with no subject of its own shares that verb's doers."""
    token = _token(trigger)
    if token is None or token.dep_ != "conj" or any(c.dep_ == "nsubj" for c in token.children):
        return []
    offset = trigger.sent.start_char
    start = offset + token.head.idx
    shared = [r for r in roles if r.trigger[0] == start and r.role == "initiator"]
    subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
    if shared or subject is None:
        return shared
    words = list(subject.subtree)
    phrase = (offset + words[0].idx, offset + words[-1].idx + len(words[-1]))
    head = (offset + subject.idx, offset + subject.idx + len(subject))
    span = (trigger.start_char, trigger.end_char)
    text = trigger.doc.text[phrase[0] : phrase[1]]
    return [RoleHit(span, "initiator", "strategic.shared_subject", head, phrase, text, head[0])]


def _to_forces(token: Token) -> bool:
    """A yielding to forces ('surrendered to the military'): a surrender deal, ACLED's
    Agreement (spec: agreement), not a group's change of activity."""
    found = cues()
    if token.lemma_.lower() not in found.yield_lemmas:
        return False
    to = [c for c in token.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"]
    heads = [c for p in to for c in p.children if c.dep_ == "pobj"]
    return any(t.lower_ in found.armed_words for h in heads for t in h.subtree)


def _fighting(doc: Doc, ann: Annotated) -> set[int]:
    """Sentences that tell fighting: a trigger of a fighting family that is a cue of its own
    (not a weak one such as 'seized', which needs context) and is not named as a circumstance
    ('following the killing of two civilians', 'in retaliation for the attack': data/en/
    strategic.json aftermath_words), which tells what led to the sentence's act."""
    out = set()
    for index, triggers in by_sentence(doc, ann, cues().fighting_families).items():
        acts = [t for t in triggers if not t._.pattern.needs_context and not circumstance(t)]
        if acts:
            out.add(index)
    return out


def circumstance(trigger: Span) -> bool:
    """The act is named as what led to another: the object of 'following', 'in retaliation
    for', or a clause opened by 'after', 'since' (a verb conjoined to it too: 'after it hit
    and killed one of them')."""
    words = cues().aftermath_words
    node = _token(trigger)
    while node is not None:
        if node.dep_ == "pobj" and (node.head.lower_ in words or node.head.head.lower_ in words):
            return True
        if node.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in words for c in node.children
        ):
            return True
        node = node.head if node.dep_ == "conj" else None
    return False


def _token(trigger: Span, start: int | None = None) -> Token | None:
    """The parsed token of the trigger's first word (or of the word at `start`)."""
    parsed = (trigger.doc._.parses or {}).get(trigger.sent.start_char)
    if parsed is None:
        return None
    offset = (trigger.start_char if start is None else start) - trigger.sent.start_char
    return next((t for t in parsed if t.idx == offset), None)


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


def _spoils_here(trigger: Span, told: set[int], index: int) -> bool:
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
    token = _token(trigger)
    if token is None:
        return False
    if token.dep_ == "amod":
        # 'unexploded ordnance': the trigger names the noun with its adjective
        inside = token.head.idx + trigger.sent.start_char < trigger.end_char
        return not inside and not clause_participle(token)
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
