"""Warnings and threats addressed to a named side are verbal acts with a target (codebook
rule 2: a statement with its addressee): 'Russia's foreign ministry warned Finland against
joining NATO', 'the defence minister threatened Taiwan with force'.

The trigger is a past verb of warning (trigger `statements.warn`), or its participle adjunct
to a past verb ('spoke on Monday, warning X ...'); the speaker is read as for
the other verbal acts and the target is the verb's named object (roles
`statements.condemned`). A warning with no named addressee ('warned that prices would
rise') is commentary, no event; a relative clause ('a group that threatened X'), a habitual
present or a hypothetical act is none either. The legacy statement rules, when they found a
statement in the sentence, keep theirs."""

from __future__ import annotations

from spacy.tokens import Token

from streams.extraction.annotate import Annotated
from streams.extraction.components.families.verbal import (
    Sentence,
    _speakers,
    hypothetical,
    make_proto,
    mentions_in,
)
from streams.extraction.extractors.common import Proto, actor_of

WARN = frozenset({"statements.warn"})
OBJECT = "statements.condemned"
_DONE = frozenset({"VBD", "VBN"})


def threat_events(ann: Annotated, sent: Sentence, taken: set[str]) -> list[Proto]:
    if "statement" in taken:
        return []
    for trigger, token in sent.with_ids(WARN):
        told = token.tag_ in _DONE or _said_while(token) or _progressive(token)
        if not told or token.dep_ in ("relcl", "acl"):
            continue
        if hypothetical(token):
            continue
        if any(c.dep_ == "nsubjpass" for c in token.children):
            continue  # 'X was warned': the speaker, if any, is not the subject
        speakers = _speakers(ann, sent, trigger)
        if not speakers:
            continue
        addressed = [
            m
            for h in sent.role(trigger, "target")
            if h.pattern == OBJECT
            for m in mentions_in(ann, h)
            if m.name != speakers[0].name and m.source != "demonym"
        ]
        if not addressed:
            continue
        proto = make_proto(ann, trigger, "statement")
        proto.actors = [actor_of(speakers[0], "initiator"), actor_of(addressed[0], "target")]
        taken.add("statement")
        return [proto]
    return []


def _said_while(token: Token) -> bool:
    """'spoke to reporters on Monday, warning Greece against ...': a participle adjunct of a
    past verb tells the warning as done then (its speaker the past verb's subject)."""
    return token.tag_ == "VBG" and token.dep_ in ("advcl", "xcomp") and token.head.tag_ == "VBD"


def _progressive(token: Token) -> bool:
    """'Ankara is warning Washington of ...': a present progressive tells the warning as made
    now, the news of the day (a past one, 'was warning', is background to another act)."""
    return token.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.lemma_ == "be" and c.tag_ in ("VBZ", "VBP") for c in token.children
    )
