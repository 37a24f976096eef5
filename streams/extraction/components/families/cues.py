"""The word classes of the verbal families (data/en/verbal_cues.json), validated on load."""

from __future__ import annotations

import json
from functools import lru_cache

from pydantic import BaseModel, ConfigDict

from streams.extraction.components.data import DATA


class VerbalCues(BaseModel):
    """Lemmas whose meaning decides a verbal event (components/families/verbal.py)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    halted: frozenset[str]
    """Heads whose complement meeting is a state, not a meeting held: 'the delay in talks'."""
    appeal_heads: frozenset[str]
    """Heads under which a ceasefire is asked for, not proposed: 'urged X to agree to a truce'."""
    cessation: frozenset[str]
    """What a ceasefire proposal proposes: 'a proposal for both sides to halt'."""
    agreement_verbs: frozenset[str]
    agreement_topics: frozenset[str]
    happenings: frozenset[str]
    """Condemned happenings whose perpetrator the story names elsewhere."""
    sides: frozenset[str]
    """'both sides', 'all parties': the sides of the story's conflict."""
    pejoratives: frozenset[str]
    """What calling someone or something names as a wrong: 'called the raid a crime'."""
    communal_sides: frozenset[str] = frozenset()
    """Heads of a side named by its community ('the X sub-clan', 'an anti-balaka faction'): a
    party to an agreement though no dictionary lists it."""
    joint_heads: frozenset[str] = frozenset()
    """Plural heads under which one phrase names two sides ('the X and Y groups signed a
    peace deal'): each conjunct is a party to the agreement."""
    claims: frozenset[str] = frozenset()
    """Nouns of a claim or charge: denying one is a plain denial, a statement ('dismissed the
    claim as groundless'); denying another of the claimant's acts or words as something
    attacks the claimant (families/rebuttals.py)."""
    care_places: frozenset[str] = frozenset()
    """Places where people are treated or held: a visit to people there ('visited the prisoners
    in jail', 'to visit X, who was being treated in hospital') is care or a prison visit, no
    diplomatic meeting."""
    voicing: frozenset[str] = frozenset()
    """Verbs that voice an act named by a noun: 'reiterated its call to X', 'issued an appeal
    to X', 'repeated the claim that ...' (roles statements.voicer* name the same verbs)."""
    state_bodies: frozenset[str] = frozenset()
    """Heads of a state's body addressed with no state named ('the authorities', 'the central
    government'): the speaker's state, else the state the story is about."""
    releases: frozenset[str] = frozenset()
    """What is demanded of whoever holds people: 'demanded the release of prisoners' is
    addressed to the state that holds them, the state the story is about."""
    speech_verbs: frozenset[str] = frozenset()
    attributing_verbs: frozenset[str] = frozenset()
    """Verbs of saying that only accuse when what they say someone did is a happening (a trigger
    of the material families): 'claimed that X shelled a village', not 'claimed X won'."""
    intent_modals: frozenset[str] = frozenset()
    """'said the government would press X to ...': a modal of intent in a past speech verb's
    clause tells the act as announced (families/verbal_acts.py)."""
    proposal_responses: frozenset[str] = frozenset()
    """Verbs of answering a proposal ('agree with the US proposal', 'endorse the plan',
    'accept a ceasefire'): the proposal is told again, not made (families/proposals.py)."""
    proposal_nouns: frozenset[str] = frozenset()
    """Nouns (and the participle 'proposed') that name a proposal, whose modifier names the
    proposer: 'the US proposal', 'a US-proposed ceasefire'."""
    place_preps: frozenset[str] = frozenset()
    """Prepositions of place: a state named as their object ('a blow to journalism in X') is
    where, not whom, a quoted judgment is about (families/quoted_wrongs.py)."""


@lru_cache(maxsize=1)
def cues() -> VerbalCues:
    raw = json.loads((DATA / "verbal_cues.json").read_text(encoding="utf-8"))
    return VerbalCues.model_validate(raw)
