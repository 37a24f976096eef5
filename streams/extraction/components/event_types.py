"""The type of a conflict event from its trigger and roles: the best trigger's own type for a
specific act, else who did what to whom (one-sided violence, a battle, mob violence, a riot)."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span

from streams.extraction import spec
from streams.extraction.annotate import Annotated
from streams.extraction.components.annotation import annotated, doc_text
from streams.extraction.components.families.acts import TERRITORY, acted_on, one_sided, took_people
from streams.extraction.components.families.agents import idle_agent
from streams.extraction.components.families.captives import harmed_captives
from streams.extraction.components.families.conflict import mentions, places
from streams.extraction.components.families.protester_harm import protesters_harmed
from streams.extraction.components.families.summaries import parsed_token
from streams.extraction.components.families.victim_words import (
    armed_victims,
    civilian_victims,
    dwellings_attacked,
)
from streams.extraction.components.roles import RoleHit
from streams.extraction.components.sides import (
    PRONOUNS,
    armed,
    crowds,
    demonstration,
    people,
    two_sides,
)
from streams.extraction.components.triggers import family_of
from streams.extraction.extractors.common import Proto, context_count
from streams.extraction.lexicons import UNTYPED_ATTACK

SPECIFIC = 5
"""Trigger priority from which a pattern names a specific act (data/en/triggers/*.jsonl)."""
GENERIC = "armed_clash"
MOB = "mob_violence"
RIOT = "riot"
TOLL = "casualty_report"
GRENADE = "grenade_attack"
ONE_SIDED = "attack_on_civilians"
ABDUCTION = "abduction"


def consequence(doc: Doc, trigger: Span) -> bool:
    """'Israel struck the headquarters, killing three people': a participle clause tells the
    toll of the sentence's act, not an act of its own."""
    token = parsed_token(doc, trigger)
    return token is not None and token.tag_ == "VBG" and token.dep_ in ("advcl", "xcomp", "conj")


def armed_captives(doc: Doc, trigger: Span, hits: list[RoleHit]) -> bool:
    """'Rebels kidnapped two soldiers', 'a policeman was abducted': captives who are all
    fighters or state forces are no civilians, and ACLED's abduction is violence against
    civilians: the capture is no abduction (a battle where a fight is told)."""
    if trigger._.pattern.event_type != ABDUCTION:
        return False
    span = (trigger.start_char, trigger.end_char)
    taken = [
        replace(h, role="victims")
        for h in hits
        if h.trigger == span and h.role in ("target", "victims", "single_victim")
    ]
    return armed_victims(doc_text(doc), taken)


def best_trigger(triggers: list[Span]) -> Span:
    """The trigger of highest priority, the first of equals."""
    return max(triggers, key=lambda t: (t._.pattern.priority, -t.start_char))


def agent_kind(doc: Doc, trigger: Span, hits: list[RoleHit]) -> str | None:
    """The type of an act whose doer and victims are named: one-sided violence when every
    victim is unarmed, else a battle; None without a doer who names people (not a pronoun,
    not 'flooding') or a victim."""
    text = doc_text(doc)
    span = (trigger.start_char, trigger.end_char)
    own = [h for h in hits if h.trigger == span]
    ann = annotated(doc)
    doers = [h for h in own if h.role == "initiator" and people(ann, h)]
    # 'a police officer was killed at X, Toledo City, Cebu province': the places the parse
    # set beside the victim are no victims
    victims = [
        h
        for h in own
        if h.role in ("victims", "single_victim", "target")
        and not any(p.start <= h.head[0] < p.end for p in places(ann, h.phrase))
    ]
    if not doers or not victims or any(h.text.lower() in PRONOUNS for h in victims):
        return None
    kinds = [h if h.role != "target" else replace(h, role="victims") for h in victims]
    # 'militants attacked the village and wounded a civilian': the village's people harmed
    harmed = any(h.role in ("injured", "victims", "single_victim") for h in hits)
    if civilian_victims(text, kinds) or (harmed and dwellings_attacked(text, kinds)):
        return ONE_SIDED
    # fighters killed are a battle; 'police beat the suspect's lawyer' is one-sided or nothing
    armed = armed_victims(text, kinds)
    return GENERIC if armed and trigger._.pattern.victims_die else None


def retyped(doc: Doc, proto: Proto, triggers: list[Span], hits: list[RoleHit]) -> str:
    """The type the sentence's syntax gives the legacy event (its own type when none); an
    abduction whose captives are also raped or hurt is that harm (families/captives.py); an
    attack on demonstrators is excessive force (families/protester_harm.py)."""
    kind = harmed_captives(doc, proto.sentence.index, _retyped(doc, proto, triggers, hits))
    kind = protesters_harmed(doc, best_trigger(triggers), hits, kind)
    return crowd_harm(doc, triggers, hits, kind)


def crowd_harm(doc: Doc, triggers: list[Span], hits: list[RoleHit], kind: str) -> str:
    """'Villagers killed a suspected thief', 'people were killed in an attack by angry
    residents': ACLED's violence against civilians is done by an organised armed actor; harm
    done to unarmed people by a crowd of unarmed people (every doer named is a crowd word
    with no armed word: data/en/strategic.json crowd_words) is the crowd's riot, mob
    violence, or a violent demonstration where a demonstration is told in the sentence.
    Members of a named party or group ('BNP cadres beat a leader'), and crowds ACLED codes as
    a political or communal militia when they harm people (strategic.json identity_crowds:
    party cadres, activists; farmers and herders) are an organised actor: still violence
    against civilians."""
    from streams.extraction.components.families.base import crowd_acts, cues  # imports events

    if kind != ONE_SIDED:
        return kind
    text, ann = doc_text(doc), annotated(doc)
    doers = [h for h in hits if h.role == "initiator"]
    crowd = all(
        crowd_acts(text, [h]) and not mentions(ann, h.phrase) and not _named_body(text, h)
        for h in doers
    )
    heads = {text[h.head[0] : h.head[1]].lower() for h in doers}
    crowd = crowd and not heads & cues().identity_crowds  # 'cadres', 'farmers': a militia
    if not doers or not crowd:
        return kind
    return RIOT if demonstration(best_trigger(triggers)) else MOB


def _named_body(text: str, hit: RoleHit) -> bool:
    """A name before the doer's head word ('BNP cadres', 'ANC supporters'): the crowd is
    members of a named party or group (a word that opens the sentence is no name)."""
    for match in re.finditer(r"\S+", text[hit.phrase[0] : hit.head[0]]):
        start = hit.phrase[0] + match.start()
        opens = not text[:start].strip() or text[:start].rstrip()[-1] in ".!?"
        if match.group()[:1].isupper() and not opens:
            return True
    return False


def _retyped(doc: Doc, proto: Proto, triggers: list[Span], hits: list[RoleHit]) -> str:
    kind = proto.event_type
    if best_trigger(triggers)._.pattern.event_type == GRENADE and _fought(triggers):
        return GENERIC  # grenades thrown while the sides fought: ACLED codes the armed clash
    typed = _trigger_type(doc, kind, triggers, hits)
    if typed is not None:
        return typed
    best = best_trigger(triggers)
    pattern = best._.pattern
    toll = pattern.needs_agent and consequence(doc, best)
    agent = agent_kind(doc, best, hits) if pattern.needs_agent and not toll else None
    if agent is not None and kind in (GENERIC, UNTYPED_ATTACK, TOLL):
        return agent  # 'gunmen killed two traders': who did it to whom
    # 'struck the headquarters, killing three people': the objects of the act count too
    objects = acted_on(hits) if toll or kind == UNTYPED_ATTACK else hits
    if kind in (GENERIC, UNTYPED_ATTACK) and one_sided(doc_text(doc), triggers, objects):
        background = context_count(proto.sentence.text, annotated(doc).published.year)
        return kind if background else ONE_SIDED
    return kind


def _trigger_type(doc: Doc, kind: str, triggers: list[Span], hits: list[RoleHit]) -> str | None:
    """The type the best trigger itself gives an event of type kind; None to look further."""
    best = best_trigger(triggers)
    pattern = best._.pattern
    if _specific(doc, triggers, hits) and pattern.event_type in spec.category_of():
        return str(pattern.event_type)  # a specific act's own type
    if _done_by_explosion(kind, triggers):
        return str(pattern.event_type)  # 'a bomb at a market kills five', 'with mines'
    armed_hit = kind == ONE_SIDED and armed_victims(doc_text(doc), hits)
    harmed = kind in (ONE_SIDED, UNTYPED_ATTACK, TOLL)
    if armed_hit or (harmed and forces_attacked(doc, triggers, hits)):
        # 'killed 12 militants', 'militants attacked the gendarmerie and killed five': a
        # battle (an untyped attack is one already, its sides read later: events.py)
        return kind if kind == UNTYPED_ATTACK else GENERIC
    return _fight_type(doc, kind, triggers, hits)


def _fight_type(doc: Doc, kind: str, triggers: list[Span], hits: list[RoleHit]) -> str | None:
    """The type of a fight told in the sentence: a violent demonstration, mob violence
    between crowds, else kind; a toll told of the fight is the fight. None: no fight."""
    best = best_trigger(triggers)
    fight = next((t for t in triggers if t._.pattern.two_sided), None)
    if kind == TOLL and fight is not None and _fight_told(doc, fight, hits):
        best, kind = fight, GENERIC  # 'a clash between the army and rebels kills 12'
    if not (best._.pattern.two_sided and kind in (GENERIC, UNTYPED_ATTACK)):
        return None
    if demonstration(best):
        return RIOT  # 'students protesting clashed with police': a violent demonstration
    return MOB if crowds(doc_text(doc), hits, best) else kind  # 'two rival families clashed'


def _fight_told(doc: Doc, fight: Span, hits: list[RoleHit]) -> bool:
    """The sentence's toll is of a fight: a clash word, or a weak one ('fight', 'encounter')
    with two sides or an armed side named ('killed in an encounter with militants'); 'died
    in a fight with his neighbour' is no fight of armed sides."""
    if not fight._.pattern.needs_context or two_sides(hits, fight):
        return True
    span = (fight.start_char, fight.end_char)
    ann = annotated(doc)
    return any(h.trigger == span and h.role != "weapon" and armed(ann, h) for h in hits)


def forces_attacked(doc: Doc, triggers: list[Span], hits: list[RoleHit]) -> bool:
    """'Gunmen attacked the gendarmerie', 'an attack on security forces': the object of a
    battles act names state forces or fighters (an armed group or forces of the
    dictionaries, an armed word), who are never civilians: ACLED codes a battle, even when
    civilians die too. (A fight's sides are the crowds' rule: 'residents clashed with police'
    is mob violence.)"""
    ann = annotated(doc)
    acts = {
        (t.start_char, t.end_char)
        for t in triggers
        if family_of(t._.pattern.id) == "battles" and not t._.pattern.two_sided
    }
    return any(h.role == "target" and h.trigger in acts and armed(ann, h) for h in hits)


def _fought(triggers: list[Span]) -> bool:
    return any(t._.pattern.two_sided for t in triggers)


def _done_by_explosion(kind: str, triggers: list[Span]) -> bool:
    """'A bomb at a market kills five': a toll or a one-sided killing done by an explosion;
    'attacked a convoy with mines', 'dropped bombs': an untyped attack whose means the best
    trigger names on its own (an explosions pattern that needs no context), with no fight
    between sides told."""
    pattern = best_trigger(triggers)._.pattern
    explosive = family_of(pattern.id) == "explosions" and pattern.priority > 0
    if kind in (TOLL, ONE_SIDED):
        return explosive
    strong = explosive and not pattern.needs_context and not _fought(triggers)
    return kind in (GENERIC, UNTYPED_ATTACK) and strong


def _specific(doc: Doc, triggers: list[Span], hits: list[RoleHit]) -> bool:
    """Whether the best trigger's own type stands: a specific act, told as done."""
    best = best_trigger(triggers)
    pattern = best._.pattern
    if pattern.fallback_type is None and pattern.priority < SPECIFIC:
        return False
    if pattern.event_type == ONE_SIDED and not one_sided(doc_text(doc), triggers, hits, alone=True):
        return False  # 'a police captain was shot dead', 'shot dead in a shootout'
    if idle_agent(doc, best) or armed_captives(doc, best, hits):
        return False  # 'suicide bombers were holding hostages': no bombing told
    # 'killed five attackers and captured one': people, not ground
    return not (pattern.event_type in TERRITORY and took_people(annotated(doc), hits))


TRANSFER = "territory_transfer"
STATE_SIDES = frozenset({"state", "armed_forces"})


def territory_side(doc: Doc, proto: Proto) -> str:
    """The type of a takeover by who took the place (ACLED): a state or its forces retake it,
    any other side overtakes it; told with no fighting in its sentence or the next ('No clash
    was reported': data/en/strategic.json no_fighting) it is a non-violent transfer."""
    from streams.extraction.components.families.base import cues  # base imports events

    if proto.event_type not in TERRITORY:
        return proto.event_type
    sentences = annotated(doc).sentences[proto.sentence.index : proto.sentence.index + 2]
    words = "|".join(re.escape(w) for w in sorted(cues().no_fighting))
    told = " ".join(s.text for s in sentences)
    if words and re.search(rf"\b(?:{words})\b", told, re.IGNORECASE):
        return TRANSFER
    doers = proto.role("initiator")
    if not doers:
        return proto.event_type
    return "territory_regained" if doers[0].kind in STATE_SIDES else "territory_seized"


def takeover_after(
    doc: Doc, index: int, triggers: list[Span], hits: list[RoleHit], out: list[Proto]
) -> bool:
    """'A clashed with B in X village. A took control of the village.': a takeover told in
    the sentence right after a fight (a past act, of ground, not people) is that fight's
    outcome: the fight becomes the takeover, typed by who took the place."""
    best = best_trigger(triggers)
    token = parsed_token(doc, best)
    if best._.pattern.event_type not in TERRITORY or token is None or token.tag_ not in _PAST:
        return False
    fight = out[-1] if out else None
    if fight is None or fight.event_type != GENERIC or fight.sentence.index != index - 1:
        return False
    ann = annotated(doc)
    if _another_time(ann, index, fight):
        return False  # '... captured Avdiivka in February': a takeover of another time
    span = (best.start_char, best.end_char)
    own = [h for h in hits if h.trigger == span]
    if took_people(ann, own):
        return False  # 'captured two fighters': people, not ground
    takers = [m for h in own if h.role == "initiator" for m in mentions(ann, h.phrase)]
    fight.event_type = str(best._.pattern.event_type)
    if not takers:
        fight.event_type = territory_side(doc, fight)
    elif takers[0].kind in STATE_SIDES or takers[0].forces:
        fight.event_type = "territory_regained"
    else:
        fight.event_type = "territory_seized"
    return True


_PAST = frozenset({"VBD", "VBN"})
_PRECISION_CHARS = {"day": 10, "week": 10, "month": 7, "year": 4}


def _another_time(ann: Annotated, index: int, fight: Proto) -> bool:
    """The takeover's sentence states a date and none of them is the fight's: it tells of
    another time (background), not the fight's outcome."""
    sentence = ann.sentences[index]
    told = [d for d in ann.dates if sentence.start <= d.start < sentence.end]
    if not told or fight.when.date is None:
        return False
    return not any(
        d.date.isoformat()[: _PRECISION_CHARS.get(d.precision, 10)]
        == fight.when.date[: _PRECISION_CHARS.get(d.precision, 10)]
        for d in told
    )
