"""Denials of a named claimant's claim are statements with a target (codebook rule 2: a
plain denial is a statement): 'The Kenyan government dismissed the claim from Mogadishu as
groundless', 'Uganda rejected the allegations made by Rwanda', 'X rejected Y's charges'.

The trigger is a past verb of denial (trigger `statements.rebut`) whose object is a claim
noun with its claimant (roles `statements.claimant_*`: the possessor, 'from'/'by' X, 'made by
X'); the speaker is read as for the other verbal acts. A denial that calls the claim a wrong
('dismissed the charges as propaganda', data/en/verbal_cues.json `pejoratives`) attacks the
claimant: a condemnation; so does a denial of the claimant's act or word (any object the
claimant possesses, roles `statements.claimant_act_poss`) that says what it is ('dismissed
Putin's response as stalling'); without an 'as' ('rejected X's request') it is none. A
habitual present ('the Taliban routinely deny ...'), a relative clause ('a charge X
rejected') or a hypothetical act is none. The legacy statement rules, when they found the
same statement, keep theirs."""

from __future__ import annotations

from spacy.tokens import Token

from streams.extraction.annotate import Annotated
from streams.extraction.components.families.cues import cues
from streams.extraction.components.families.verbal import (
    Sentence,
    _speakers,
    hypothetical,
    make_proto,
    mentions_in,
)
from streams.extraction.extractors.common import Proto, actor_of

REBUT = frozenset({"statements.rebut"})
CLAIMANT = "statements.claimant_"
ACT = "statements.claimant_act_poss"
"""The possessor of any object denied: a claimant only when the denial says what the object
is ('dismissed Putin's response as stalling'); 'rejected Somalia's request' is no denial."""
_DONE = frozenset({"VBD", "VBN"})


def rebuttal_events(ann: Annotated, sent: Sentence, taken: set[str]) -> list[Proto]:
    if "statement" in taken:
        return []
    for trigger, token in sent.with_ids(REBUT):
        if token.tag_ not in _DONE or token.dep_ in ("relcl", "acl") or hypothetical(token):
            continue
        speakers = _speakers(ann, sent, trigger)
        if not speakers:
            continue
        claimants = [
            m
            for h in sent.role(trigger, "target")
            if h.pattern.startswith(CLAIMANT) and (h.pattern != ACT or _act_called(token))
            for m in mentions_in(ann, h)
            if m.name != speakers[0].name and m.source != "demonym"
        ]
        if not claimants:
            continue
        attacks = _as_a_wrong(token) or _act_called(token)
        proto = make_proto(ann, trigger, "condemnation" if attacks else "statement")
        proto.actors = [actor_of(speakers[0], "initiator"), actor_of(claimants[0], "target")]
        taken.add("statement")
        return [proto]
    return []


def _as_a_wrong(token: Token) -> bool:
    """'dismissed the claims as propaganda': the denial attacks the claimant (codebook rule 2:
    a condemnation)."""
    wrongs = cues().pejoratives
    heads = [token, *(c for c in token.children if c.dep_ == "dobj")]
    return any(
        w.lemma_.lower() in wrongs
        for h in heads
        for c in h.children
        if c.dep_ == "prep" and c.lower_ == "as"
        for w in c.subtree
    )


def _act_called(token: Token) -> bool:
    """'dismissed Putin's response as stalling', 'rejected X's plan as a trap': the denied
    object is the claimant's act or word, not a claim of theirs, and the denial says what it
    is (an 'as' complement): it attacks the claimant (a condemnation). 'dismissed the claim
    as groundless' (a claim noun, data/en/verbal_cues.json `claims`) stays a plain denial."""
    claims = cues().claims
    objects = [c for c in token.children if c.dep_ == "dobj"]
    if not objects or any(o.lemma_.lower() in claims for o in objects):
        return False
    heads = [token, *objects]
    return any(c.dep_ == "prep" and c.lower_ == "as" for h in heads for c in h.children)
