"""The type of a conflict event from its trigger and roles: the best trigger's own type for a
specific act, else who did what to whom (one-sided violence, a battle, mob violence, a riot)."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span

from streams.extraction import spec
from streams.extraction.components.annotation import annotated
from streams.extraction.components.families.acts import TERRITORY, acted_on, one_sided, took_people
from streams.extraction.components.families.agents import idle_agent
from streams.extraction.components.families.conflict import (
    armed_victims,
    civilian_victims,
    places,
)
from streams.extraction.components.families.summaries import parsed_token
from streams.extraction.components.roles import RoleHit
from streams.extraction.components.sides import PRONOUNS, crowds, demonstration, people
from streams.extraction.components.triggers import family_of
from streams.extraction.extractors.common import Proto, context_count
from streams.extraction.lexicons import UNTYPED_ATTACK

SPECIFIC = 5
"""Trigger priority from which a pattern names a specific act (data/en/triggers/*.jsonl)."""
GENERIC = "armed_clash"
MOB = "mob_violence"
RIOT = "riot"
TOLL = "casualty_report"
ONE_SIDED = "attack_on_civilians"


def consequence(doc: Doc, trigger: Span) -> bool:
    """'Israel struck the headquarters, killing three people': a participle clause tells the
    toll of the sentence's act, not an act of its own."""
    token = parsed_token(doc, trigger)
    return token is not None and token.tag_ == "VBG" and token.dep_ in ("advcl", "xcomp", "conj")


def best_trigger(triggers: list[Span]) -> Span:
    """The trigger of highest priority, the first of equals."""
    return max(triggers, key=lambda t: (t._.pattern.priority, -t.start_char))


def agent_kind(doc: Doc, trigger: Span, hits: list[RoleHit]) -> str | None:
    """The type of an act whose doer and victims are named: one-sided violence when every
    victim is unarmed, else a battle; None without a doer who names people (not a pronoun,
    not 'flooding') or a victim."""
    text = doc.text
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
    if civilian_victims(text, kinds):
        return ONE_SIDED
    # fighters killed are a battle; 'police beat the suspect's lawyer' is one-sided or nothing
    armed = armed_victims(text, kinds)
    return GENERIC if armed and trigger._.pattern.victims_die else None


def retyped(doc: Doc, proto: Proto, triggers: list[Span], hits: list[RoleHit]) -> str:
    """The type the sentence's syntax gives the legacy event (its own type when none)."""
    kind = proto.event_type
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
    if kind in (GENERIC, UNTYPED_ATTACK) and one_sided(doc.text, triggers, objects):
        background = context_count(proto.sentence.text, annotated(doc).published.year)
        return kind if background else ONE_SIDED
    return kind


def _trigger_type(doc: Doc, kind: str, triggers: list[Span], hits: list[RoleHit]) -> str | None:
    """The type the best trigger itself gives an event of type kind; None to look further."""
    best = best_trigger(triggers)
    pattern = best._.pattern
    if _specific(doc, triggers, hits) and pattern.event_type in spec.category_of():
        return str(pattern.event_type)  # a specific act's own type
    if kind in (TOLL, ONE_SIDED) and family_of(pattern.id) == "explosions" and pattern.priority > 0:
        return str(pattern.event_type)  # 'a bomb at a market kills five': done by an explosion
    if kind == ONE_SIDED and armed_victims(doc.text, hits):
        return GENERIC  # 'rescued 80 passengers and killed 12 militants': fighters killed
    if pattern.two_sided and kind in (GENERIC, UNTYPED_ATTACK):
        if demonstration(best):
            return RIOT  # 'students protesting clashed with police': a violent demonstration
        return MOB if crowds(doc.text, hits, best) else kind  # 'two rival families clashed'
    return None


def _specific(doc: Doc, triggers: list[Span], hits: list[RoleHit]) -> bool:
    """Whether the best trigger's own type stands: a specific act, told as done."""
    best = best_trigger(triggers)
    pattern = best._.pattern
    if pattern.fallback_type is None and pattern.priority < SPECIFIC:
        return False
    if pattern.event_type == ONE_SIDED and not one_sided(doc.text, triggers, hits, alone=True):
        return False  # 'a police captain was shot dead', 'shot dead in a shootout'
    if idle_agent(doc, best):
        return False  # 'suicide bombers were holding hostages': no bombing told
    # 'killed five attackers and captured one': people, not ground
    return not (pattern.event_type in TERRITORY and took_people(annotated(doc), hits))
