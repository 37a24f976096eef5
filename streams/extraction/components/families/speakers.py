"""Who speaks for a state: 'Kenyan officials', 'the Chadian foreign ministry' (a demonym on a
noun of data/en/speakers.json) speak for Kenya and Chad (codebook rules 2 and 7); and one
verbal act by several speakers ('A, B and C condemned X') is one event per speaker."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from streams.extraction.annotate import ActorMention, Annotated
from streams.extraction.components.families.cuefile import CueFile, load
from streams.extraction.components.roles import RoleHit
from streams.extraction.nlp import pipeline

if TYPE_CHECKING:
    from streams.extraction.components.families.verbal import Sentence


class SpeakerCues(CueFile):
    officials: frozenset[str]
    standing: frozenset[str]
    titles: frozenset[str]
    unaddressed: frozenset[str]
    private: frozenset[str] = frozenset()


def standing_position(token: Token) -> bool:
    """'X has accused Y of ...': a charge in the present perfect is a standing position."""
    if token.lemma_.lower() not in load(SpeakerCues, "speakers.json").standing:
        return False
    return any(
        c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBP", "VBZ") for c in token.children
    )


def speaks_for_state(hit: RoleHit) -> bool:
    """The speaker phrase's head is a noun of officials or a state body."""
    words = hit.text.lower().split()
    head = words[-1] if words else ""
    officials = load(SpeakerCues, "speakers.json").officials
    return head in officials or head.rstrip("s") in officials or head[:-3] + "y" in officials


def titled_person(ann: Annotated, parsed: Doc, offset: int, hit: RoleHit) -> ActorMention | None:
    """'Mexican Foreign Minister Marcelo Ebrard', 'Carla Diaz, the UN rapporteur': a person the
    dictionaries lack, named with an office, speaks (with the country the phrase names)."""
    head = next((t for t in parsed if t.idx + offset == hit.head[0]), None)
    if head is None or head.pos_ != "PROPN":
        return None
    titles = load(SpeakerCues, "speakers.json").titles
    names = [head]
    for token in reversed(parsed[head.left_edge.i : head.i]):
        if token.pos_ != "PROPN" or token.lower_ in titles or token.dep_ != "compound":
            break
        names.insert(0, token)
    if len(names) < 2:
        return None
    around = [*head.subtree]
    if not any(t.lower_ in titles for t in around):
        return None
    start, end = names[0].idx + offset, head.idx + len(head) + offset
    first, last = min(t.idx for t in around) + offset, max(t.idx + len(t) for t in around) + offset
    states = [a for a in ann.actors if first <= a.start < last and a.kind == "state"]
    office = next(t.lower_ for t in around if t.lower_ in titles)
    return ActorMention(
        name=" ".join(t.text for t in names),
        kind="person",
        country=states[0].country if states else None,
        start=start,
        end=end,
        text=" ".join(t.text for t in names),
        source="title",
        office=office,
    )


def surname_person(ann: Annotated, parsed: Doc, offset: int, hit: RoleHit) -> ActorMention | None:
    """'Bennett called for ...' after 'UN special rapporteur Richard Bennett': a surname alone
    names the person the story named in full before (a dictionary person, or one named with
    an office)."""
    head = next((t for t in parsed if t.idx + offset == hit.head[0]), None)
    if head is None or head.pos_ != "PROPN" or any(c.dep_ == "compound" for c in head.children):
        return None
    surname, at = head.text, hit.head[0]
    known = [a for a in ann.actors if a.kind == "person" and a.start < at]
    for mention in reversed(known):
        if mention.name.split()[-1] == surname:
            return replace(mention, start=at, end=hit.head[1], text=surname)
    titles = load(SpeakerCues, "speakers.json").titles
    text = ann.article.text[:at]
    for match in reversed(list(re.finditer(rf"\b((?:[A-Z][\w'’.-]+\s+){{1,2}}){surname}\b", text))):
        window = text[max(0, match.start() - 60) : match.end() + 60].lower()
        if any(re.search(rf"\b{t}\b", window) for t in titles):
            name = f"{match.group(1).strip()} {surname}"
            return ActorMention(name, "person", None, at, hit.head[1], surname, "title")
    return None


BODIES = frozenset({"organization", "group"})
"""Kinds of speaker a person may speak for: 'Zabihullah Mujahid, a Taliban spokesman', 'X,
the Africa director at Amnesty International' speak for their body (codebook rule 2: a
spokesperson counts as the body they speak for). A state's official keeps their name."""


def body_first(found: list[ActorMention]) -> list[ActorMention]:
    """A person named in one speaker phrase with an organisation or armed group speaks for it."""
    if not any(m.kind == "person" for m in found):
        return found
    return sorted(found, key=lambda m: m.kind not in BODIES)


_PRONOUNS = frozenset({"they", "he", "she"})


def pronoun_speaker(ann: Annotated, hit: RoleHit, kinds: frozenset[str]) -> ActorMention | None:
    """'The G7 urged Russia to ... They called on China to ...': a pronoun speaker is the
    subject of the sentence before, when that subject names a speaker."""
    if hit.text.lower() not in _PRONOUNS:
        return None
    index = next((s.index for s in ann.sentences if s.start <= hit.head[0] < s.end), 0)
    if index == 0:
        return None
    before = ann.sentences[index - 1]
    parsed = pipeline()(before.text)
    root = next((t for t in parsed if t.dep_ == "ROOT"), None)
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None) if root else None
    if subject is None:
        return None
    first = min(t.idx for t in subject.subtree) + before.start
    last = max(t.idx + len(t) for t in subject.subtree) + before.start
    named = body_first([a for a in ann.actors if first <= a.start < last and a.kind in kinds])
    if not named:
        return None
    return replace(named[0], start=hit.head[0], end=hit.head[1], text=hit.text)


def addressed_group(sent: Sentence, trigger: Span) -> bool:
    """'urged owners of food stalls to ...', 'called on residents to ...': the addressee is a
    group of people no dictionary names (a plural common noun) asked to act (the appeal verb
    has an infinitive clause; or 'said residents should ...', the subject of a modal of what
    is to be done): an identifiable addressee, so an appeal with no named target."""
    token = sent.token(trigger)
    if token is None:
        return False
    asked = token.tag_ == "MD" or any(c.dep_ == "xcomp" and c.tag_ == "VB" for c in token.children)
    if not asked:
        return False
    heads = {h.head[0] for h in sent.role(trigger, "target")}
    words = load(SpeakerCues, "speakers.json")
    named = words.officials | words.unaddressed  # a state's body; anyone at all
    return any(
        t.idx + sent.offset in heads and t.tag_ == "NNS" and t.lemma_.lower() not in named
        for t in sent.parsed
    )


_DESCRIBING = frozenset({"compound", "appos", "amod", "nmod"})


def private_speaker(sent: Sentence, trigger: Span) -> bool:
    """'Hatice Cengiz, fiancee of journalist X, called for ...', 'basketball star Y called for
    ...': a speaker described as a private person (kin, a celebrity, a bystander: data/en/
    speakers.json `private`) speaks for no state or organisation (codebook rule 2). Every
    phrase read as the speaker must be so described (a parse may split one speaker in two)."""
    hits = sent.role(trigger, "initiator")
    return bool(hits) and all(_private(sent, hit) for hit in hits)


def private_hit(sent: Sentence, hit: RoleHit) -> bool:
    """One speaker phrase described as a private person (as private_speaker)."""
    return _private(sent, hit)


def _private(sent: Sentence, hit: RoleHit) -> bool:
    head = next((t for t in sent.parsed if t.idx + sent.offset == hit.head[0]), None)
    if head is None:
        return False
    private = load(SpeakerCues, "speakers.json").private
    described = [c for c in head.children if c.dep_ in _DESCRIBING]
    return any(t.lemma_.lower() in private for t in (head, *described))
