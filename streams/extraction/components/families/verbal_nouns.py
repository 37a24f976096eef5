"""Verbal acts named by a noun that a speaker voices (engine v2, the statements family):
'Reporters Without Borders reiterated its call to the authorities to drop the charges', 'the
ministry issued an appeal to both sides', 'the group sent an ultimatum to the government' are
appeals; 'the generals repeated the claim that the attack was planned in Afghanistan' is an
accusation, a condemnation (codebook rule 2).

The noun is the object of a verb of voicing (data/en/verbal_cues.json `voicing`) told as done
(a past verb, or its participle adjunct); the speaker is that verb's subject (roles
`statements.voicer*`) or the noun's possessor, read as for the other verbal acts. An
appeal's addressee is whom the noun is addressed to ('to X', 'on X', 'for X to ...', 'sent a
plea to X': roles `statements.addressee_of_*`); an accusation's target is a side named in
what it claims
(the noun's clause). A state's body named with no state ('the authorities') is the state the
story is about (families/addressees.py). No addressee or target, no event (rule 2)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from streams.extraction.annotate import ActorMention, Annotated
from streams.extraction.components.families.addressees import addressed_state
from streams.extraction.components.families.cues import cues
from streams.extraction.components.families.verbal import (
    SPEAKER_KINDS,
    Sentence,
    _speakers,
    hypothetical,
    make_proto,
    mentions_in,
)
from streams.extraction.extractors.common import Proto, actor_of
from streams.schemas import Actor, When

APPEALS = frozenset(
    {
        "statements.appeal_noun",
        "statements.demand",
        "statements.call_names",
        "statements.call_on",
        "statements.ask",
        "statements.urge",
    }
)
"""Trigger ids whose noun names an appeal or demand ('call', 'appeal', 'demand', 'request')."""
CHARGES = frozenset({"statements.charge_noun"})
"""Trigger ids whose noun names a claim or charge ('claim', 'allegation', 'accusation')."""
ADDRESSEES = "statements.addressee_of_"
"""The noun's addressee ('an appeal to X') or its voicing verb's ('sent a plea to X')."""
_CONTENT = frozenset({"acl", "ccomp", "appos"})
_ASIDES = frozenset({"relcl", "appos", "acl"})
"""Clauses hung on a word, telling another act than the voicing verb's."""


def voiced(token: Token) -> bool:
    """The noun is the object of a verb of voicing told as done: 'reiterated its call',
    'issued an appeal' (a past verb, or a participle adjunct of one), not 'will issue an
    appeal' or 'a call it repeated' (a relative clause)."""
    verb = token.head
    if token.pos_ != "NOUN" or token.dep_ != "dobj" or verb.lemma_.lower() not in cues().voicing:
        return False
    if verb.dep_ in ("relcl", "acl") or hypothetical(verb):
        return False
    adjunct = verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp") and verb.head.tag_ == "VBD"
    return verb.tag_ == "VBD" or adjunct


def noun_act_events(ann: Annotated, sent: Sentence, taken: set[str]) -> list[Proto]:
    out = []
    for trigger, token in sent.with_ids(APPEALS | CHARGES):
        kind = "condemnation" if trigger._.pattern.id in CHARGES else "appeal"
        if kind in taken or not voiced(token):
            continue
        speakers = _speakers(ann, sent, trigger)
        if not speakers:
            continue
        speaker = speakers[0]
        if kind == "appeal":
            targets = _addressees(ann, sent, trigger, speaker)
        else:
            targets = _charged(ann, sent, token, speaker)
        if not targets:
            continue
        proto = make_proto(ann, trigger, kind)
        if _others_day(ann, sent, token.head):
            proto.when, proto.date_explicit = When(date=ann.published.isoformat()), False
        proto.actors = [actor_of(speaker, "initiator"), *targets[:3]]
        out.append(proto)
        taken.add(kind)
    return out


def _others_day(ann: Annotated, sent: Sentence, verb: Token) -> bool:
    """Every day the sentence states lies in a clause of someone else's act ('repeated the
    claim that ..., a charge Niger rejected on Tuesday'): none is the voicing's day, which is
    then the publication day (codebook rule 5)."""
    days = [d for d in ann.dates if sent.offset <= d.start < sent.offset + len(sent.parsed.text)]
    if not days:
        return False
    return all(_in_other_clause(sent, verb, d.start) for d in days)


def _in_other_clause(sent: Sentence, verb: Token, char: int) -> bool:
    token = next((t for t in sent.parsed if t.idx + sent.offset == char), None)
    if token is None:
        return False
    for head in (token, *token.ancestors):
        if head is verb:
            return False
        if head.dep_ in _ASIDES:
            return True
    return False


def _addressees(
    ann: Annotated, sent: Sentence, trigger: Span, speaker: ActorMention
) -> list[Actor]:
    hits = [h for h in sent.role(trigger, "target") if h.pattern.startswith(ADDRESSEES)]
    named = {
        m.name: actor_of(m, "target")
        for h in hits
        for m in mentions_in(ann, h)
        if m.name != speaker.name and m.source != "demonym" and m.kind in SPEAKER_KINDS
    }
    if named:
        return list(named.values())
    state = addressed_state(ann, hits, speaker)
    return [state] if state is not None else []


def _charged(ann: Annotated, sent: Sentence, token: Token, speaker: ActorMention) -> list[Actor]:
    """The sides named in what the claim says: 'the claim that the attack was orchestrated
    by militants with bases in Afghanistan' charges Afghanistan."""
    words = [t for c in token.children if c.dep_ in _CONTENT for t in c.subtree]
    if not words:
        return []
    first = min(t.idx for t in words) + sent.offset
    last = max(t.idx + len(t) for t in words) + sent.offset
    found = {
        m.name: actor_of(m, "target")
        for m in ann.actors
        if first <= m.start < last
        and m.name != speaker.name
        and m.kind in ("state", "group", "armed_forces", "organization")
        and m.country != speaker.country
    }
    return list(found.values())
