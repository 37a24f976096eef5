"""The group the story names as the doer of an act whose doer the rules read only as a common
word ('gunmen', 'militants'; data/en/responsibility.json):

- a group of the actor dictionaries written right before that word in the act's sentence
  ('six soldiers and 34 Boko Haram gunmen were killed in a shootout': Boko Haram);
- else the group the text says claimed it: a claim names the doer of the last such act told
  before it or in its sentence ('Gunmen stormed a hotel ... Al-Shabab claimed responsibility
  for the attack'); an act told after the claim is not its act, and an act two groups claim
  keeps the word.

The group keeps the country where the act happened when the dictionaries give it none."""

from __future__ import annotations

from streams.extraction.annotate import ActorMention, Annotated, Sentence
from streams.extraction.components.families.cuefile import CueFile, load
from streams.extraction.extractors.common import Proto, actor_of
from streams.schemas import Actor

_CLAIM_REACH = 3
"""Words from the claim verb to its object ('claimed full responsibility')."""


class Responsibility(CueFile):
    unnamed_doers: frozenset[str]
    unnamed_modifiers: frozenset[str]
    claim_verbs: frozenset[str]
    claim_objects: frozenset[str]


def _cues() -> Responsibility:
    cues: Responsibility = load(Responsibility, "responsibility.json")
    return cues


def unnamed(actor: Actor) -> bool:
    """A doer named only by a common word of armed people ('Gunmen', 'unidentified gunmen')."""
    words = actor.name.lower().split()
    while words and words[0] in _cues().unnamed_modifiers:
        words = words[1:]
    return actor.kind == "group" and " ".join(words) in _cues().unnamed_doers


def _groups(ann: Annotated, start: int, end: int) -> list[ActorMention]:
    return [m for m in ann.actors if m.kind == "group" and start <= m.start and m.end <= end]


def _written_before(ann: Annotated, sent: Sentence) -> ActorMention | None:
    """A group written right before a word of unnamed doers in the sentence ('Boko Haram
    gunmen', 'ISWAP fighters')."""
    for mention in _groups(ann, sent.start, sent.end):
        after = ann.text[mention.end : sent.end].lower().split()
        if not after:
            continue
        pair = " ".join(after[:2]).strip(".,;:")
        if after[0].strip(".,;:") in _cues().unnamed_doers or pair in _cues().unnamed_doers:
            return mention
    return None


def _claimant(ann: Annotated, sent: Sentence) -> ActorMention | None:
    """The group that claims responsibility in the sentence: the last group before a claim
    verb followed, within three words, by a word of responsibility."""
    cues = _cues()
    pos = sent.start
    for word in sent.text.split():
        at = ann.text.find(word, pos)
        pos = at + len(word)
        if word.lower().strip(".,;:") not in cues.claim_verbs:
            continue
        following = ann.text[pos : sent.end].lower().split()[:_CLAIM_REACH]
        if not {w.strip(".,;:") for w in following} & cues.claim_objects:
            continue
        before = _groups(ann, sent.start, at)
        if before:
            return before[-1]
    return None


def _claims(ann: Annotated) -> list[tuple[int, ActorMention]]:
    """The claims of the text: (sentence index, the group claiming)."""
    found = ((s.index, _claimant(ann, s)) for s in ann.sentences)
    return [(index, m) for index, m in found if m is not None]


def _claimed(ann: Annotated, unnamed_acts: list[Proto]) -> dict[int, ActorMention]:
    """A claim names the doer of the last act told before it or in its sentence; an act that
    two groups claim is left unnamed. {id(proto): group}."""
    by_act: dict[int, list[ActorMention]] = {}
    for index, group in _claims(ann):
        told = [p for p in unnamed_acts if p.sentence.index <= index]
        if told:
            last = max(told, key=lambda p: p.sentence.index)
            by_act.setdefault(id(last), []).append(group)
    return {act: groups[0] for act, groups in by_act.items() if len({g.name for g in groups}) == 1}


def name_unnamed_doers(ann: Annotated, protos: list[Proto]) -> None:
    """Each act whose doer is only a common word takes the group the story names (module
    docstring)."""
    acts = [p for p in protos if any(unnamed(a) for a in p.role("initiator"))]
    claimed = _claimed(ann, acts) if acts else {}
    for proto in acts:
        doers = [a for a in proto.role("initiator") if unnamed(a)]
        group = _written_before(ann, proto.sentence) or claimed.get(id(proto))
        if group is None or any(a.name == group.name for a in proto.actors):
            continue
        named = actor_of(group, "initiator")
        named = named.model_copy(update={"country": named.country or doers[0].country})
        proto.actors = [named if a is doers[0] else a for a in proto.actors if a not in doers[1:]]
