"""What the family modules share: their cues (data/en/strategic.json), triggers grouped by
sentence, and a new Proto from a trigger and its syntactic roles."""

from __future__ import annotations

import json
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field
from spacy.tokens import Doc, Span

from streams.extraction.annotate import Annotated, Sentence
from streams.extraction.components.data import DATA
from streams.extraction.components.events import _mentions as mentions
from streams.extraction.components.events import _places as places
from streams.extraction.components.families.victim_words import civilians
from streams.extraction.components.roles import RoleHit
from streams.extraction.components.triggers import family_triggers
from streams.extraction.extractors.common import (
    Proto,
    actor_of,
    event_date,
    location_of,
    sentence_actors,
    sentence_places,
)


class Cues(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    comment: str = Field(alias="_comment")
    armed_words: frozenset[str]
    crowd_words: frozenset[str] = frozenset()
    requires_armed: frozenset[str]
    fighting_families: frozenset[str]
    harm_lemmas: frozenset[str]
    spoils_lemmas: frozenset[str] = frozenset()
    operation_lemmas: frozenset[str] = frozenset()
    violence_patterns: frozenset[str]
    violence_types: frozenset[str]
    territory_patterns: frozenset[str]
    territory_nouns: frozenset[str]
    demonstration_acts: frozenset[str] = frozenset()
    aftermath_words: frozenset[str] = frozenset()
    crowd_implied: frozenset[str] = frozenset()
    side_nouns: frozenset[str] = frozenset()
    communal_words: frozenset[str] = frozenset()
    community_nouns: frozenset[str] = frozenset()
    harm_labels: frozenset[str] = frozenset()
    demonstration_objects: frozenset[str] = frozenset()
    demonstration_verbs: frozenset[str] = frozenset()
    collective_heads: frozenset[str] = frozenset()
    yield_lemmas: frozenset[str] = frozenset()
    arms_words: frozenset[str] = frozenset()
    rival_words: frozenset[str] = frozenset()
    no_fighting: frozenset[str] = frozenset()
    grievance_words: frozenset[str] = frozenset()
    warning_fire: frozenset[str] = frozenset()
    state_posts: frozenset[str] = frozenset()
    identity_crowds: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def cues() -> Cues:
    raw = json.loads((DATA / "strategic.json").read_text(encoding="utf-8"))
    return Cues.model_validate(raw)


def by_sentence(doc: Doc, ann: Annotated, names: frozenset[str]) -> dict[int, list[Span]]:
    """The triggers of the named families, by sentence index."""
    out: dict[int, list[Span]] = {}
    starts = [s.start for s in ann.sentences]
    for trigger, start_char in family_triggers(doc, names):
        index = next((i for i in range(len(starts) - 1, -1, -1) if starts[i] <= start_char), None)
        if index is not None:
            out.setdefault(index, []).append(trigger)
    return out


def best(triggers: list[Span]) -> Span:
    return max(triggers, key=lambda t: (t._.pattern.priority, -t.start_char))


def armed_named(doc: Doc, ann: Annotated, sent: Sentence) -> bool:
    """Forces or an armed group named in the sentence."""
    words = cues().armed_words
    if any(a.forces or a.kind in ("group", "armed_forces") for a in sentence_actors(ann, sent)):
        return True
    span = doc.char_span(sent.start, sent.end, alignment_mode="expand")
    return span is not None and any(t.lower_ in words for t in span)


def new_proto(
    ann: Annotated, sent: Sentence, trigger: Span, hits: list[RoleHit], name: tuple[str, str]
) -> Proto:
    """An event of the trigger's type: actors from its roles, else the sentence's named actors
    before the trigger as initiator; the place of its roles, else of the sentence."""
    proto = Proto(trigger.label_, sent, (trigger.start_char, trigger.end_char), *name)
    for role in ("initiator", "target"):
        found = [actor_of(m, role) for h in hits if h.role == role for m in mentions(ann, h)]
        seen = {a.name for a in proto.actors}
        proto.actors += [a for a in found if a.name not in seen]
    if not proto.role("initiator"):
        before = [a for a in sentence_actors(ann, sent) if a.end <= trigger.start_char]
        if before:
            proto.actors.append(actor_of(before[-1], "initiator"))
    proto.when, proto.date_explicit = event_date(ann, sent, trigger.start_char)
    ordered = sorted((h for h in hits if h.role == "place"), key=lambda h: h.head)
    towns = [p for h in ordered for p in places(ann, h) if p.place.precision != "country"]
    towns += [p for p in sentence_places(ann, sent) if p.place.precision != "country"]
    proto.locations = [location_of(towns[0])] if towns else []
    proto.base_confidence = 0.5
    return proto


def crowd_acts(text: str, hits: list[RoleHit]) -> bool:
    """The act's doers are crowds of unarmed people (their head nouns), with no armed word."""

    found = cues()
    doers = [h for h in hits if h.role == "initiator"]
    heads = [text[h.head[0] : h.head[1]].lower() for h in doers]
    words = {w.lower().strip(".,") for h in doers for w in h.text.split()}
    armed = found.armed_words | civilians().armed
    # 'AIADMK and DMK cadres': one crowd noun names both sides
    return any(h in found.crowd_words for h in heads) and not (words & armed)


ARMED_KINDS = frozenset({"group", "armed_forces"})


def armed_doer(
    doc: Doc,
    ann: Annotated,
    trigger: Span,
    hits: list[RoleHit],
    words: frozenset[str] | None = None,
) -> bool:
    """The act's doer is armed: its subject or by-agent (in the passive 'were seen
    gathering', the subject before the verb) names forces or an armed group: one of `words`
    (default: the armed words of data/en/strategic.json and civilians.json) or a dictionary
    actor of that kind."""
    from streams.extraction.components.families.conflict import mentions as mentioned

    if words is None:
        words = cues().armed_words | civilians().armed
    passive = trigger[0].lemma_ == "be" or trigger[0].lower_ in ("was", "were", "is", "are")
    doers = [
        h
        for h in hits
        if h.role == "initiator"
        or (passive and h.role == "target" and h.phrase[1] <= trigger.start_char)
    ]
    phrases = [p for h in doers for p in (h.phrase, *of_complements(trigger, h))]
    for phrase in phrases:
        if any(a.forces or a.kind in ARMED_KINDS for a in mentioned(ann, phrase)):
            return True
        span = doc.char_span(*phrase, alignment_mode="expand")
        if span is not None and any(t.lower_ in words for t in span):
            return True
    return False


def of_complements(trigger: Span, hit: RoleHit) -> list[tuple[int, int]]:
    """Who a doer headed by a number or a collective noun is ('a large number of Al Shabaab',
    'a total of 36 members of the X Group'): the 'of' phrases under such heads (data/en/
    strategic.json collective_heads), as character spans of the text."""
    parsed = (trigger.doc._.parses or {}).get(trigger.sent.start_char)
    offset = trigger.sent.start_char
    token = None
    if parsed is not None:
        token = next((t for t in parsed if t.idx + offset == hit.head[0]), None)
    out = []
    heads = cues().collective_heads
    while token is not None and (token.lower_ in heads or token.like_num):
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        token = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        if token is not None:
            words = list(token.subtree)
            out.append((words[0].idx + offset, words[-1].idx + len(words[-1]) + offset))
    return out
