"""Agreements (ACLED Strategic developments / Agreement) on engine v2: two or more sides that
signed or reached a ceasefire, peace, prisoner-exchange or power-sharing agreement, or agreed
to one. A proposal or an offer is a ceasefire_proposal (codebook, 'Agreement vs ceasefire
proposal'); an agreement talked about ('the difficulty of reaching a deal') is none."""

from __future__ import annotations

from spacy.tokens import Span, Token

from streams.extraction.annotate import ActorMention, Annotated
from streams.extraction.components.families.cues import cues
from streams.extraction.components.families.verbal import (
    Sentence,
    hypothetical,
    make_proto,
    mentions_in,
)
from streams.extraction.components.roles import RoleHit
from streams.extraction.components.sides import armed
from streams.extraction.extractors.common import Proto, actor_of
from streams.schemas import Actor

_PARTY_KINDS = frozenset({"state", "organization", "group", "armed_forces", "person"})
_DONE = frozenset({"VBD", "VBN"})
"""A past or perfect verb: the agreement was made, not planned ('will sign', 'to reach')."""


def _act(token: Token) -> Token | None:
    """The verb that makes the agreement: 'signed a truce' (the noun's verb), 'agreed to a
    truce' (the trigger itself)."""
    if token.pos_ == "VERB":
        return token if token.lemma_.lower() == "agree" else None
    head = token.head
    if token.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    if head.pos_ == "VERB" and head.lemma_.lower() in cues().agreement_verbs:
        return head
    return None


def _about_conflict(token: Token, act: Token) -> bool:
    """'a ceasefire agreement', 'agreed to a prisoner swap', 'a peace deal'."""
    words = list(token.subtree) if token is not act else list(act.subtree)
    return any(t.lemma_.lower() in cues().agreement_topics for t in words)


def agreement_events(ann: Annotated, sent: Sentence) -> list[Proto]:
    out: list[Proto] = []
    for trigger in sent.of_type("agreement"):
        proto = _agreement(ann, sent, trigger)
        if proto is not None:
            out.append(proto)
            break  # one agreement per sentence
    return out


def _agreement(ann: Annotated, sent: Sentence, trigger: Span) -> Proto | None:
    token = sent.token(trigger)
    act = _act(token) if token is not None else None
    if token is None or act is None or act.tag_ not in _DONE or act.dep_ == "relcl":
        return None
    hits = sent.role(trigger, "participant")
    joint = [a for h in hits for a in _joint(ann, h)]
    armed_sides = [h for h in hits if not mentions_in(ann, h) and _side(ann, h)]
    armed_sides = [h for h in armed_sides if not _joint(ann, h)]
    if hypothetical(act) or not (_about_conflict(token, act) or _armed_party(ann, hits)):
        return None
    parties: list[ActorMention] = []
    for hit in hits:
        for mention in mentions_in(ann, hit):
            known = {m.name for m in parties}
            if mention.kind in _PARTY_KINDS and mention.name not in known:
                parties.append(mention)
    if len(parties) + len(armed_sides) + len(joint) < 2:
        return None
    proto = make_proto(ann, trigger, "agreement")
    proto.actors = [actor_of(m, "participant") for m in parties[:4]]
    proto.actors += [_unlisted(ann, h) for h in armed_sides[: 4 - len(proto.actors)]]
    proto.actors += joint[: 4 - len(proto.actors)]
    return proto


def _armed_party(ann: Annotated, hits: list[RoleHit]) -> bool:
    """An armed group or forces take part ('militias reached an agreement'): an agreement
    between fighters is a conflict development whatever its topic (ACLED's Agreement)."""
    return any(armed(ann, h) for h in hits)


def _side(ann: Annotated, hit: RoleHit) -> bool:
    """A side no dictionary lists: fighters ('the clan militia') or a community named by its
    head noun ('the X sub-clan', 'an anti-balaka faction'; verbal_cues.json communal_sides)."""
    head = ann.text[hit.head[0] : hit.head[1]].lower()
    return armed(ann, hit) or head in cues().communal_sides


def _joint(ann: Annotated, hit: RoleHit) -> list[Actor]:
    """'the Mai-Mai and Raia Mutomboki militias signed': one phrase names two sides under one
    plural head; a conjunct no dictionary lists is a side of its own, named by its words."""
    before = ann.text[hit.phrase[0] : hit.head[0]]
    head = ann.text[hit.head[0] : hit.head[1]]
    plural = head.lower() in cues().joint_heads or (head.endswith("s") and _side(ann, hit))
    if not plural or " and " not in before:
        return []
    known = mentions_in(ann, hit)
    out = []
    for part in before.replace(",", " and ").split(" and "):
        start = ann.text.find(part, hit.phrase[0])
        end = start + len(part)
        if not part.strip() or any(m.start < end and start < m.end for m in known):
            continue
        name = _bare(part.strip())
        out.append(Actor(role="participant", name=name, kind="group", text=part.strip()))
    return out


def _bare(text: str) -> str:
    return text.removeprefix("the ").removeprefix("The ").removeprefix("an ").removeprefix("a ")


def _unlisted(ann: Annotated, hit: RoleHit) -> Actor:
    """A side no dictionary lists, named by its phrase ('the Majeerteen clan militia')."""
    text = ann.text[hit.phrase[0] : hit.phrase[1]]
    return Actor(role="participant", name=_bare(text), kind="group", text=text)
