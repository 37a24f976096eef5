"""Protests and riots in engine v2. The legacy protest rules (extractors/unrest.py) find the
demonstrations; the cues of data/en/triggers/protests.jsonl and riots.jsonl give the ACLED
sub-type: a peaceful protest, one the police broke up (intervention), one where protesters were
shot, killed or injured (excessive force), a violent demonstration, or mob violence (a crowd's
violence outside a demonstration, which the riots patterns also find alone)."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span

from streams.extraction.annotate import Annotated, Sentence
from streams.extraction.components.annotation import annotated, doc_text
from streams.extraction.components.events import opens_text
from streams.extraction.components.families.base import (
    armed_doer,
    best,
    by_sentence,
    cues,
    new_proto,
)
from streams.extraction.components.families.conflict import TOLL_GAP, count, mentions
from streams.extraction.components.families.crowd_violence import (
    armed_act,
    response_after,
    violence_after,
)
from streams.extraction.components.families.demonstrators import demonstrators
from streams.extraction.components.families.grievance import (
    aimed_at_no_one,
    grievance,
    harm_protested,
    protested_act,
)
from streams.extraction.components.families.note_places import units
from streams.extraction.components.families.protest_verbs import verb_protests
from streams.extraction.components.families.told import reported_act
from streams.extraction.components.families.tolls import same_places
from streams.extraction.components.roles import RoleHit
from streams.extraction.components.sides import faces_state, people
from streams.extraction.components.triggers import family_of
from streams.extraction.extractors import unrest
from streams.extraction.extractors.common import (
    Proto,
    context_count,
    location_of,
    sentence_places,
    status_for,
)
from streams.schemas import Actor, Count

NAME = ("unrest_v2", "0.1.0")
CUES = frozenset({"protests", "riots"})
HARM = frozenset({"casualties", "violence_against_civilians"})
VIOLENCE = frozenset({"battles", "strategic"})
INTERVENTION = "protest_with_intervention"
EXCESSIVE = "excessive_force_against_protesters"
MOB = "mob_violence"
STATE_KINDS = frozenset({"state", "armed_forces"})


def unrest_protos(doc: Doc) -> list[Proto]:
    ann = annotated(doc)
    by_cue = by_sentence(doc, ann, CUES)
    harm = by_sentence(doc, ann, HARM)
    violence = by_sentence(doc, ann, VIOLENCE)
    out = []
    legacy = unrest.extract_protests(ann)
    legacy += verb_protests(doc, ann, by_cue, {p.sentence.index for p in legacy})
    roles: list[RoleHit] = doc._.roles or []
    for proto in legacy:
        index = proto.sentence.index
        near = by_cue.get(index, []) + by_cue.get(index + 1, [])
        near += response_after(ann, index, by_cue)
        # 'demanded that the president intervene': a response asked for, not one made
        near = [t for t in near if t.label_ != INTERVENTION or not grievance(doc, t)]
        near = [t for t in near if not armed_act(doc, ann, t, roles)]  # 'police blocked roads'
        own = by_cue.get(index, []) + violence.get(index, [])
        own += violence_after(doc, ann, index, (by_cue, violence), roles)
        if proto.event_type != "riot":
            # 'protested against the bulldozing of homes': the act protested is no crowd's deed
            own = [t for t in own if not (_violent([t]) and protested_act(doc, t))]
        facing = any(a.kind in STATE_KINDS for a in proto.role("target"))
        facing = facing or faces_state(ann, _crowd_objects(proto.sentence, roles))
        # a toll told of another time ('victims of the 2024 collapse') harmed no protester
        harmed = (
            [] if context_count(proto.sentence.text, ann.published.year) else harm.get(index, [])
        )
        harmed = [t for t in harmed if not grievance(doc, t)]  # 'over the death of a student'
        harmed += _next_harm(doc, index, by_cue, harm)
        rivals = _rivals(ann, index)
        kind = "riot" if _crowd_attacks(own, roles) else proto.event_type
        proto.event_type = _subtype(kind, own, near, harmed, facing_state=facing, rivals=rivals)
        _crowds_town(ann, proto)
        proto.lead = proto.status == "occurred" and opens_text(ann, index)
        out.append(proto)
    told = {p.sentence.index for p in out}
    for index, triggers in sorted(by_cue.items()):
        if index not in told:
            mob = _crowd_event(doc, ann, index, triggers, roles)
            if mob is not None:
                out.append(mob)
    _tolls(doc, ann, out, roles)
    return out


def lead_unrest(ann: Annotated, protos: list[Proto]) -> None:
    """A riot, mob violence or force on protesters told in the sentence that opens the text,
    by whichever family found it ('residents of a quarter clashed with police', 'a crowd
    vandalised the court'), is the text's news: kept with no place, as the protest and crowd
    rules keep theirs."""
    for proto in protos:
        if proto.event_type in LEAD_TYPES and proto.status == "occurred":
            proto.lead = proto.lead or opens_text(ann, proto.sentence.index)


LEAD_TYPES = frozenset({"riot", MOB, EXCESSIVE})  # force on protesters: an attack retyped


def _tolls(doc: Doc, ann: Annotated, out: list[Proto], roles: list[RoleHit]) -> None:
    """The dead of a riot or demonstration: the victims of a killing or death in its sentence
    ('a student was killed during a riot'), or in one of the next sentences that names no doer
    and tells no event of its own ('A rioter died.'); a toll of another time is none."""
    harm = by_sentence(doc, ann, HARM)
    own = by_sentence(doc, ann, CUES)  # 'a mob lynched two thieves': the crowd's own killing
    told = {p.sentence.index for p in out}
    for proto in out:
        first = proto.sentence.index
        crowd = {proto.trigger} | {(t.start_char, t.end_char) for t in own.get(first, [])}
        for index in range(first, min(first + TOLL_GAP + 1, len(ann.sentences))):
            if proto.killed is not None or (index > first and index in told):
                break
            spans = {
                (t.start_char, t.end_char) for t in harm.get(index, []) if not grievance(doc, t)
            } | (crowd if index == first else set())
            hits = [r for r in roles if r.trigger in spans]
            if index > first and any(h.role == "initiator" for h in hits):
                break
            if not context_count(ann.sentences[index].text, ann.published.year):
                proto.killed = count(hits, "victims")
                sent = ann.sentences[index]  # 'Sixty-six were injured': the most wounded after
                if index > first and same_places(ann, sent, proto):  # not 'in the X clashes'
                    proto.injured = _more_wounded(proto.injured, count(hits, "injured"))


def _more_wounded(told: Count | None, found: Count | None) -> Count | None:
    """The larger of two counts of a crowd's wounded (one telling may name one of them)."""
    if told is None or (found is not None and found.value > told.value):
        return found or told
    return told


def _crowds_town(ann: Annotated, proto: Proto) -> None:
    """A demonstration with no place below the country takes the town its crowd is of:
    'residents of X protested', 'took to the streets of X', 'X residents marched'
    (place_units.json, dwellers), or the town a part of it is of: 'in the Y area of X', 'the
    fifth arrondissement of X' (place_units.json, settlement and unit words)."""
    if any(loc.precision != "country" for loc in proto.locations):
        return
    parts = units().dwellers | units().settlement | units().unit
    words = "|".join(sorted(re.escape(w) for w in parts))
    before = re.compile(rf"\b(?:{words}) of (?:the )?$", re.IGNORECASE)
    after = re.compile(rf"(?:'s)? (?:{words})\b", re.IGNORECASE)
    for mention in sentence_places(ann, proto.sentence):
        if mention.place.precision == "country":
            continue
        if before.search(ann.text[max(0, mention.start - 30) : mention.start]) or after.match(
            ann.text, mention.end
        ):
            proto.locations = [location_of(mention)]
            return


def _crowd_objects(sent: Sentence, roles: list[RoleHit]) -> list[RoleHit]:
    """The objects of the riots and fighting acts of the sentence ('rioters attacked the
    governor's home'): what the crowd's violence was aimed at."""
    return [
        r
        for r in roles
        if sent.start <= r.trigger[0] < sent.end and r.pattern.split(".")[0] in _CROWD_ACTS
    ]


_CROWD_ACTS = frozenset({"riots", "battles"})


def _ids(triggers: list[Span]) -> set[str]:
    return {t._.pattern.id for t in triggers}


def _subtype(
    kind: str,
    own: list[Span],
    near: list[Span],
    harm: list[Span],
    *,
    facing_state: bool = False,
    rivals: bool = False,
) -> str:
    """The ACLED sub-type of a legacy protest or riot from the cues of its sentence (and of the
    next one, where the police response is often told). facing_state: the riot's target is
    the state or its forces; rivals: the crowd fights another crowd."""
    crowd = "protests.crowd" in _ids(own)
    if kind == "riot":
        # rioting that no demonstration frames is mob violence (ACLED's distinction), unless
        # the crowd fights the state's forces (a crowd against police or troops confronts the
        # state) or its act is a way of demonstrating ('students rioted') and no rival crowd
        # is its other side; a mob turns on civilians, property or another crowd (codebook)
        demonstrating = _demonstration_act(own) and not rivals
        return kind if crowd or facing_state or demonstrating else MOB
    labels = {t.label_ for t in near}
    if _violent(own) or "riot" in labels:
        return "riot"  # the demonstrators' own violence: a violent demonstration
    harmed = _harmed(own, harm)
    if EXCESSIVE in labels or harmed:
        return EXCESSIVE
    return INTERVENTION if INTERVENTION in labels else kind


def _next_harm(
    doc: Doc, index: int, by_cue: dict[int, list[Span]], harm: dict[int, list[Span]]
) -> list[Span]:
    """'Oromo people protested in X. At least one protester was shot by soldiers.': harm in
    the next sentence that names demonstrators as its victims (not its doers) is force used
    on this demonstration."""
    told = [t for t in harm.get(index + 1, []) if not grievance(doc, t)]
    return told if _harmed(by_cue.get(index + 1, []), told) else []


def _crowd_attacks(own: list[Span], roles: list[RoleHit]) -> bool:
    """'Demonstrators attacked security forces', 'a number of protesters assaulted a guard':
    a fighting act (battles patterns) whose doer, read up to the verb, names the
    demonstrators: the crowd's own violence, a violent demonstration."""
    crowd = [t.start_char for t in own if t._.pattern.id == "protests.crowd"]
    for trigger in own:
        if family_of(trigger._.pattern.id) != "battles":
            continue
        span = (trigger.start_char, trigger.end_char)
        for hit in roles:
            if hit.trigger != span or hit.role != "initiator":
                continue
            end = trigger.start_char if hit.phrase[1] <= trigger.start_char else hit.phrase[1]
            if any(hit.phrase[0] <= start < end for start in crowd):
                return True
    return False


def _rivals(ann: Annotated, index: int) -> bool:
    """The sentence or the next names a second crowd the rioters fight ('a riot between two
    groups', 'attacked each other'; data/en/strategic.json rival_words)."""
    words = "|".join(re.escape(w) for w in sorted(cues().rival_words))
    text = " ".join(s.text for s in ann.sentences[index : index + 2])
    return bool(words) and re.search(rf"\b(?:{words})\b", text, re.IGNORECASE) is not None


def _demonstration_act(own: list[Span]) -> bool:
    """A riots act that is a way of demonstrating ('rioted', 'barricaded roads'; data/en/
    strategic.json demonstration_acts) and no mob's act in the sentence ('a mob lynched')."""
    found = cues()
    acts = _ids(own) & found.demonstration_acts
    return bool(acts) and not any(t.label_ == MOB for t in own)


def _harmed(own: list[Span], harm: list[Span]) -> bool:
    """Protesters harmed: a harm word in the sentence and demonstrators named other than as
    the agent ("attacked by protesters" is the crowd's violence)."""
    victims = [
        t
        for t in own
        if t._.pattern.id == "protests.crowd" and t.start > 0 and t.doc[t.start - 1].lower_ != "by"
    ]
    told = [t for t in harm if not harm_protested(t) and not aimed_at_no_one(t)]
    return bool(victims) and any(w.lemma_ in cues().harm_lemmas for t in told for w in t)


def _violent(triggers: list[Span]) -> bool:
    found = cues()
    return any(
        t.label_ in found.violence_types or t._.pattern.id in found.violence_patterns
        for t in triggers
    )


def _crowd_event(
    doc: Doc, ann: Annotated, index: int, triggers: list[Span], roles: list[RoleHit]
) -> Proto | None:
    """A crowd's violence that no demonstration rule found: a mob lynching a suspect (with the
    crowd as the act's subject, outside a demonstration), a riot breaking out in a named town."""
    acts = [t for t in triggers if family_of(t._.pattern.id) == "riots"]
    acts = [t for t in acts if not t._.pattern.needs_context]
    if not acts:
        return None
    trigger = best(acts)
    span = (trigger.start_char, trigger.end_char)
    hits = [r for r in roles if r.trigger == span]
    sent = ann.sentences[index]
    framed = "protests.crowd" in _ids(triggers)
    if not _crowd_doer(doc, ann, trigger, hits, framed=framed):
        return None
    if trigger.label_ == MOB and _state_doers(ann, hits):
        return None
    placed = any(p.place.precision != "country" for p in sentence_places(ann, sent))
    lead = opens_text(ann, index)  # 'Riot breaks out at funeral': the text's news, unlocated
    if trigger.label_ != MOB and not (placed or lead):
        return None
    status = status_for(sent, *span)
    if status is None or not reported_act(doc, trigger) or _act_is_noun(doc, trigger):
        return None
    proto = new_proto(ann, sent, trigger, hits, NAME)
    demonstrating = framed or (_demonstrating(doc, trigger, hits) and not _rivals(ann, index))
    # 'hartal supporters stoned a bus': the doers are a demonstration's
    demonstrating = demonstrating or demonstrators(doc, hits)
    proto.event_type = "riot" if demonstrating else MOB  # rioting no demonstration frames
    proto.status = status
    proto.lead = lead and status == "occurred"
    country = proto.locations[0].country if proto.locations else None
    if not proto.role("initiator"):
        crowd = Actor(role="initiator", name="Rioters", kind="civilians", country=country)
        proto.actors.append(crowd)
    return proto


def _state_doers(ann: Annotated, hits: list[RoleHit]) -> bool:
    """'Russian assault groups attacked': doers that a state or its forces name, and whose head
    is no crowd noun ('Russian villagers' are a crowd), are no mob (a mob is unarmed people)."""
    crowd = cues().crowd_words
    for hit in hits:
        if hit.role != "initiator" or ann.text[hit.head[0] : hit.head[1]].lower() in crowd:
            continue
        named = mentions(ann, hit.phrase)
        if any(m.forces or m.kind in STATE_KINDS | {"group"} for m in named):
            return True
    return False


def _crowd_doer(
    doc: Doc, ann: Annotated, trigger: Span, hits: list[RoleHit], *, framed: bool
) -> bool:
    """The crowd's act has the doer its pattern needs: a mob's act ('a group of locals
    attacked police') a doer that is not armed, outside a demonstration; an act that needs a
    doer (blocking roads, throwing stones) people who are not armed ('residents', not 'police'
    or 'a landslide')."""
    doers = [h for h in hits if h.role == "initiator"]
    if trigger.label_ == MOB:
        implied = trigger._.pattern.id in cues().crowd_implied  # 'a man was lynched'
        named = bool(doers) or implied
        return not framed and named and not armed_doer(doc, ann, trigger, hits)
    if trigger._.pattern.needs_agent:
        # 'a number of villagers barricaded roads': the doer is read up to the verb
        whole = [_to_verb(doc, h, trigger) for h in doers]
        return any(people(ann, h) for h in whole) and not armed_doer(doc, ann, trigger, whole)
    return True


def _to_verb(doc: Doc, hit: RoleHit, trigger: Span) -> RoleHit:
    """The doer's phrase stretched to the verb when it comes before it ('a number' of 'a
    number of villagers barricaded')."""
    if not hit.phrase[1] <= trigger.start_char or trigger.start_char - hit.phrase[0] > 80:
        return hit
    phrase = (hit.phrase[0], trigger.start_char)
    return replace(hit, phrase=phrase, text=doc_text(doc)[phrase[0] : phrase[1]].strip())


def _demonstrating(doc: Doc, trigger: Span, hits: list[RoleHit]) -> bool:
    """The crowd's act is a way of demonstrating: barricading, burning tyres (data/en/
    strategic.json demonstration_acts), or an act done to tyres, barricades or roads
    ('angry youths burned tyres': demonstration_objects)."""
    found = cues()
    if trigger._.pattern.id in found.demonstration_acts:
        return True
    heads = [doc_text(doc)[h.head[0] : h.head[1]].lower() for h in hits if h.role == "target"]
    return any(h in found.demonstration_objects for h in heads)


def _act_is_noun(doc: Doc, trigger: Span) -> bool:
    """'The group claimed the attack': the act word is a noun, no crowd's act told with the
    crowd as its doer (a mob's act is a verb: 'a mob attacked ...')."""
    parsed = (doc._.parses or {}).get(trigger.sent.start_char)
    if parsed is None:
        return False
    offsets = {t.idx - trigger.sent.start_char for t in trigger}
    tokens = [t for t in parsed if t.idx in offsets]
    if tokens and tokens[0].pos_ == "VERB":
        return False  # 'residents barricaded roads': the act is the verb that opens the cue
    return bool(tokens) and tokens[-1].pos_ in ("NOUN", "PROPN")
