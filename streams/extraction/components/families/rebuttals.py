"""Denials of a named claimant's claim are statements with a target (codebook rule 2: a
plain denial is a statement): 'The Kenyan government dismissed the claim from Mogadishu as
groundless', 'Uganda rejected the allegations made by Rwanda', 'X rejected Y's charges'.

The trigger is a past verb of denial (trigger `statements.rebut`) whose object is a claim
noun with its claimant (roles `statements.claimant_*`: the possessor, 'from'/'by' X, 'made by
X'); the speaker is read as for the other verbal acts. A denial that calls the claim a wrong
('dismissed the charges as propaganda', data/en/verbal_cues.json `pejoratives`) attacks the
claimant: a condemnation. A habitual present ('the Taliban
routinely deny ...'), a relative clause ('a charge X rejected') or a hypothetical act is
none. The legacy statement rules, when they found the same statement, keep theirs."""

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
            if h.pattern.startswith(CLAIMANT)
            for m in mentions_in(ann, h)
            if m.name != speakers[0].name and m.source != "demonym"
        ]
        if not claimants:
            continue
        proto = make_proto(ann, trigger, "condemnation" if _as_a_wrong(token) else "statement")
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
