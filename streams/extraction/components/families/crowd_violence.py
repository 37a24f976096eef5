"""A demonstration's own violence told after it (docs/codebook.md 'Protest with intervention vs
excessive force': once protesters turn violent, the event is a riot): a riot act or property
destroyed in the sentences after the demonstration's ('The protesters set up road blocks.',
'Property was burnt in front of the office.'), done by the crowd, a pronoun or no one named.
Acts of armed doers ('police blocked the road', 'gunmen torched a church') are not the
crowd's, and neither is property named as the grievance ('owners of the demolished houses')."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from streams.extraction.annotate import Annotated
from streams.extraction.components.families.base import armed_doer, armed_named, cues
from streams.extraction.components.families.grievance import grievance
from streams.extraction.components.families.summaries import parsed_token
from streams.extraction.components.roles import RoleHit
from streams.extraction.components.sides import PRONOUNS

LATER = 3
DEMONSTRATION = "protests.crowd"
INTERVENTION = "protest_with_intervention"
"""Sentences after a demonstration's in which the crowd's own violence is told of it."""


def violence_after(
    doc: Doc,
    ann: Annotated,
    index: int,
    found: tuple[dict[int, list[Span]], dict[int, list[Span]]],
    roles: list[RoleHit],
) -> list[Span]:
    """The crowd's violent acts (data/en/strategic.json violence_types) in the LATER sentences
    after the demonstration told in sentence `index`; a pronoun does them only where the
    demonstration's sentence names no armed actor ('The Seleka shot at the crowd ... After
    they looted houses' is the Seleka's looting). found: the protests and riots cues, and the
    violence cues, by sentence. The scan stops at a sentence that names a demonstration again
    ('The demonstrations were peaceful at first, but clashes broke out'): it tells its own."""
    types = cues().violence_types
    armed_before = armed_named(doc, ann, ann.sentences[index])
    out = []
    cue, violence = found
    for later in _later(ann, index, cue, first=index + 1):
        for trigger in set(cue.get(later, []) + violence.get(later, [])):
            if trigger.label_ not in types or armed_act(doc, ann, trigger, roles):
                continue
            if armed_before and _pronoun_doer(trigger, roles):
                continue
            if not _described(doc, trigger):
                out.append(trigger)
    return out


def response_after(ann: Annotated, index: int, cue: dict[int, list[Span]]) -> list[Span]:
    """The response to the demonstration told in sentence `index`, told in the LATER
    sentences after the next one (which its own rule reads): police intervening, dispersing
    or arresting ('... Traffic was blocked. Police intervened.'); the scan stops, as for
    violence, at a sentence that names a demonstration again."""
    return [
        t
        for later in _later(ann, index, cue, first=index + 2)
        for t in cue.get(later, [])
        if t.label_ == INTERVENTION
    ]


def _later(ann: Annotated, index: int, cue: dict[int, list[Span]], first: int) -> list[int]:
    """The sentences from `first` to LATER after `index`, up to one that names a
    demonstration again."""
    out = []
    for later in range(first, min(index + LATER + 1, len(ann.sentences))):
        if any(t._.pattern.id == DEMONSTRATION for t in cue.get(later, [])):
            break
        out.append(later)
    return out


def armed_act(doc: Doc, ann: Annotated, trigger: Span, roles: list[RoleHit]) -> bool:
    """A riot act or property destroyed whose doer is armed ('police blocked the road'): no
    act of the crowd."""
    if trigger.label_ not in cues().violence_types:
        return False
    span = (trigger.start_char, trigger.end_char)
    return armed_doer(doc, ann, trigger, [r for r in roles if r.trigger == span])


def _pronoun_doer(trigger: Span, roles: list[RoleHit]) -> bool:
    span = (trigger.start_char, trigger.end_char)
    return any(
        r.trigger == span and r.role == "initiator" and r.text.lower() in PRONOUNS for r in roles
    )


def _described(doc: Doc, trigger: Span) -> bool:
    """The act describes a thing ('the demolished houses': a participle before its noun) or
    is what the crowd protests ('against the demolition of their homes'), not a deed."""
    if grievance(doc, trigger):  # parses the sentence
        return True
    token = parsed_token(doc, trigger)
    return token is not None and token.dep_ == "amod"
