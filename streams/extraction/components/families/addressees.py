"""A state's body addressed or charged with no state named ('urged the authorities to ...',
'alleged the central government is hiding the toll') is the state the story is about: the
country its actors and places name most, as a reader resolves it.
The heads are data/en/verbal_cues.json `state_bodies`; a body named with its state ('the
Kenyan government') is an actor mention already and needs no resolving."""

from __future__ import annotations

from collections import Counter

from streams.extraction.annotate import ActorMention, Annotated
from streams.extraction.components.families.cues import cues
from streams.extraction.components.families.verbal import mentions_in, state_of
from streams.extraction.components.roles import RoleHit
from streams.schemas import Actor

_OWN = frozenset({"state", "person", "armed_forces"})
"""Speakers who belong to a state: its own authorities are no addressee of theirs."""


def story_state(ann: Annotated) -> str | None:
    """The country code the story names most (its actors' and its places' countries)."""
    counts = Counter({c: n for c, n in ann.focus.items() if c and n > 0})
    counts.update(p.place.country3 for p in ann.places if p.place.country3)
    ranked = counts.most_common(1)
    return ranked[0][0] if ranked else None


def addressed_state(
    ann: Annotated, hits: list[RoleHit], speaker: ActorMention | Actor
) -> Actor | None:
    """The state of an unnamed state body among the hits, as a target; none when that state
    is the speaker's own: the state itself, or a person or force of its country ('President
    X said authorities should act' is a state talking to itself; 'Ms X, president of a
    women's rights group, said authorities should ...' a domestic voice, codebook rule 2).
    An armed group or an organisation addresses it ('the rebels demanded that the
    authorities free their members'); a release demanded ('demanded the release of its
    fighters') is asked of the state that holds them (data/en/verbal_cues.json `releases`)."""
    bodies = cues().state_bodies | cues().releases
    for hit in hits:
        words = hit.text.lower().split()
        if not words or words[-1] not in bodies or mentions_in(ann, hit):
            continue
        state = state_of(ann, story_state(ann))
        if state is None or state.name == speaker.name:
            return None
        if speaker.kind in _OWN and speaker.country == state.country:
            return None
        return state.model_copy(update={"role": "target"})
    return None
