"""A ceasefire proposal told again (codebook rule 2: one event per speaker, type and target in
a story). A story about a proposal names it many times: 'G7 ministers agree with the US
proposal', 'the Kremlin was slow to endorse the US proposal', 'in case such a ceasefire is
not agreed', 'a ceasefire is the first step'. None of these makes a proposal:

- a proposal or ceasefire that is what another side answers (the object of a verb of
  data/en/verbal_cues.json `proposal_responses`) is the proposer's proposal told again: its
  proposer is the side the noun's modifier names ('the US proposal', 'a US-proposed
  ceasefire'); with none named, the reading stands ('Putin rejected a full ceasefire');
- 'such a ceasefire' (a proposal referred back to), or a ceasefire that is the subject of a
  copula ('a ceasefire is the first step'), is talk about it, no event;
- of the proposals left, one per proposer in the story (the first told)."""

from __future__ import annotations

from spacy.tokens import Token

from streams.extraction.annotate import Annotated
from streams.extraction.components.families.cues import cues
from streams.extraction.components.families.verbal import Sentence, own_trigger
from streams.extraction.extractors.common import Proto, actor_of
from streams.schemas import Actor

_MODIFIERS = frozenset({"compound", "poss", "npadvmod", "nmod", "amod"})


def retold_proposals(
    ann: Annotated, protos: list[Proto], parsed: dict[int, Sentence]
) -> list[Proto]:
    dropped: set[int] = set()
    proposers: set[tuple[str, ...]] = set()
    for proto in sorted(protos, key=lambda p: p.trigger[0]):  # the first told is kept
        sent = parsed.get(proto.sentence.start)
        if proto.event_type != "ceasefire_proposal" or sent is None:
            continue
        if not _read_again(ann, sent, proto):  # may name its proposer anew
            dropped.add(id(proto))
            continue
        key = tuple(sorted(a.name for a in proto.role("initiator")))
        if key in proposers:
            dropped.add(id(proto))
        proposers.add(key)
    return [p for p in protos if id(p) not in dropped]


def _read_again(ann: Annotated, sent: Sentence, proto: Proto) -> bool:
    """False when the proposal is talk about one; a proposal answered takes the proposer its
    modifier names."""
    found = own_trigger(sent, proto)
    if found is None:
        return True
    if _talked_about(found[1]):
        return False
    tokens = (sent.token(t) for t in sent.of_type("ceasefire_proposal"))
    proposals = [_proposal_of(t) for t in tokens if t is not None]
    answered = [t for t in proposals if _answered(t)]
    if not answered:
        return True
    named = (_named_proposer(ann, sent, t) for t in answered)
    proposer = next((a for a in named if a is not None), None)
    if proposer is None:  # 'rejected a full ceasefire': whose, the sentence does not say
        return True
    # those who answer it are no side of it; the sides it is put to stay
    others = [a for a in proto.role("target") if a.name != proposer.name]
    proto.actors = [proposer, *others]
    return True


def _talked_about(token: Token) -> bool:
    """'such a ceasefire', 'a ceasefire is the first step'."""
    if any(c.dep_ == "predet" and c.lower_ == "such" for c in token.children):
        return True
    return token.dep_ == "nsubj" and token.head.lemma_ == "be"


def _proposal_of(token: Token) -> Token:
    """The proposal noun the ceasefire belongs to ('the US proposal of a ceasefire')."""
    nouns = cues().proposal_nouns
    head = token.head.head if token.dep_ == "pobj" else token.head
    if token.lemma_.lower() not in nouns and head.lemma_.lower() in nouns:
        return head
    return token


def _answered(token: Token) -> bool:
    """The noun is the object of a verb of answering (directly or through its preposition)."""
    verb = token.head.head if token.dep_ == "pobj" else token.head
    return token.dep_ in ("dobj", "pobj") and verb.lemma_.lower() in cues().proposal_responses


def _named_proposer(ann: Annotated, sent: Sentence, token: Token) -> Actor | None:
    """The side a modifier of the proposal names: 'the US proposal', 'US-proposed'."""
    nouns = cues().proposal_nouns
    modifiers = [c for c in token.children if c.dep_ in _MODIFIERS]
    words = list(modifiers)  # 'the US proposal', 'the Ethiopian proposal'
    for m in modifiers:  # 'a US-proposed ceasefire': the participle's own modifier
        if m.dep_ == "amod" and any(n in m.lower_ for n in nouns):
            words += [c for c in m.children if c.dep_ in _MODIFIERS]
    for word in words:
        char = word.idx + sent.offset
        mention = next((a for a in ann.actors if a.start <= char < a.end), None)
        if mention is not None:
            return actor_of(mention, "initiator")
    return None
