"""A statement that is the story's headline is an event even with no target (codebook rule
2: 'or when the verbal act is the story's headline'): the title's main verb is a verb of
saying whose subject names the speaker ('Germany says X was poisoned'), and the lead
sentence that reports it ('the German government said ...') is the event, read there with
its speaker (the same name, or the state it speaks for: a state or body, not a person) and
any target syntax names."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from streams.extraction.annotate import ActorMention, Annotated
from streams.extraction.components.families import verbal
from streams.extraction.components.roles import Roles
from streams.extraction.extractors.common import Proto, actor_of
from streams.extraction.nlp import pipeline

SAY = "statements.say"
BODIES = frozenset({"state", "organization", "group", "armed_forces"})
"""Speakers whose headline statement is news of itself: a state, a body, an armed group (a
person's is read with a target only, as the other statements)."""
LEAD = 3
"""The lead: the sentences a headline's statement is reported in."""


def _title_speaker(title: str) -> set[str]:
    """The proper-noun words of the subject of a title whose main verb is a verb of saying."""
    parsed = pipeline()(title)
    root = next((t for t in parsed if t.dep_ == "ROOT"), None)
    if root is None or root.lemma_.lower() not in ("say", "announce", "state"):
        return set()
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return set()
    return {t.text for t in subject.subtree if t.pos_ == "PROPN"}


def headline_statement(doc: Doc, ann: Annotated, roles: Roles, taken: list[Proto]) -> list[Proto]:
    title = ann.article.title or ""
    if not any(f" {w} " in f" {title.lower()} " for w in ("says", "said", "announces", "states")):
        return []
    if any(p.event_type == "statement" and p.sentence.index < LEAD for p in taken):
        return []
    lead = [
        t for t in doc.spans.get("triggers", []) if t._.pattern.id == SAY and _index(ann, t) < LEAD
    ]
    named = _title_speaker(title) if lead else set()
    for trigger in lead if named else []:
        proto = _reported(doc, ann, roles, trigger, named)
        if proto is not None:
            return [proto]
    return []


def _index(ann: Annotated, trigger: Span) -> int:
    return next((s.index for s in ann.sentences if s.start <= trigger.start_char < s.end), LEAD)


def _reported(
    doc: Doc, ann: Annotated, roles: Roles, trigger: Span, named: set[str]
) -> Proto | None:
    verbal.parse_sentences(doc, [trigger.sent])
    sent = verbal.Sentence(doc, trigger.sent, [trigger], roles)
    token = sent.token(trigger)
    if token is None or not _told(token):
        return None
    found = (m for m in verbal._speakers(ann, sent, trigger) if _title_names(ann, m, named))
    speaker = next(found, None)
    if speaker is None:
        return None
    targets = [
        actor_of(m, "target")
        for h in sent.role(trigger, "target")
        for m in verbal.mentions_in(ann, h)
        if m.name != speaker.name and m.source != "demonym"
    ]
    proto = verbal.make_proto(ann, trigger, "statement")
    proto.actors = [actor_of(speaker, "initiator"), *targets[:2]]
    return proto


def _told(token: Token) -> bool:
    """A saying told as done: a past verb, or a participle clause of one ('X said ...,
    announcing that', 'was first to share word, announcing ...'), not a relative clause."""
    if token.dep_ in ("relcl", "acl"):
        return False
    if token.tag_ == "VBG" and token.dep_ == "advcl":
        return token.head.tag_ in ("VBD", "VBN")
    return token.tag_ in ("VBD", "VBN")


def _title_names(ann: Annotated, speaker: ActorMention, named: set[str]) -> bool:
    """The title's speaker is the lead's: a state or body by its name; an official (a person
    the dictionaries give an office: 'US President Trump says') by name, or as speaking for
    the state the title names ('Iraq says ...': Iraq's prime minister said ...). A person
    without an office is read with a target only, as the other statements."""
    words = set(speaker.name.split())
    if speaker.kind in BODIES:
        return bool(words & named)
    if speaker.kind != "person" or speaker.office is None:
        return False
    if words & named:
        return True
    states = {a.country for a in ann.actors if a.kind == "state" and set(a.name.split()) & named}
    return speaker.country is not None and speaker.country in states


_NOUN_TAGS = frozenset({"NN", "NNS"})


def headline_verbs(parsed: Doc) -> Doc:
    """'Military reclaim Gao from rebels', 'Police gun down two robbers': in the clipped
    style of a headline the tagger reads the main verb as a noun, yet the parser gives it a
    subject and an object. A noun cannot have both: the word is the clause's verb in the
    present (a headline's present tells a past act), retagged so the role patterns read it."""
    for token in parsed:
        deps = {c.dep_ for c in token.children}
        if token.dep_ == "ROOT" and token.tag_ in _NOUN_TAGS and {"nsubj", "dobj"} <= deps:
            token.tag_ = "VBP"
            token.pos_ = "VERB"
    return parsed


_REDUCED_CLAUSES = frozenset({"ROOT", "conj", "ccomp"})
_ACTIVE_MARKS = frozenset({"aux", "auxpass", "dobj", "nsubjpass"})


def reduced_passives(parsed: Doc) -> Doc:
    """'9 soldiers killed, 3 injured', '5 suspected witches burned to death': the clipped
    passive of headlines and notes, which tells a count of people done to. A past participle
    heading its clause with a counted subject ('9 soldiers', '3') yet no auxiliary and no
    object, its own or a coordinated verb's, nor a partner ('400 villagers fought with police'
    is active: a verb of two sides has no passive), cannot be active ('have killed' has its
    auxiliary, 'killed five' and 'assaulted and wounded a man' their object): its subject is
    relabelled as the subject of the full passive ('9 soldiers were killed') so the role
    patterns read it so."""
    for token in parsed:
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is None or token.tag_ != "VBN" or token.dep_ not in _REDUCED_CLAUSES:
            continue
        if _counted(subject) and not _has_object(token):
            subject.dep_ = "nsubjpass"
    return parsed


def _counted(subject: Token) -> bool:
    return subject.tag_ == "CD" or any(c.dep_ == "nummod" for c in subject.children)


def _has_object(verb: Token) -> bool:
    deps = {c.dep_ for c in verb.children}
    joined = [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    partner = any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children)
    return (
        bool(deps & _ACTIVE_MARKS)
        or partner
        or any("dobj" in {g.dep_ for g in c.children} for c in joined)
    )
