"""The verbal families on engine v2: statements, diplomacy, sanctions, aid, humanitarian.

Their legacy rules (extractors/statements.py, diplomacy.py, sanctions.py, aid.py,
humanitarian.py) run as the fallback on the same annotation; the trigger sentences of their
events are parsed here (on demand: a verbal trigger alone does not earn a parse in
streams_parse) and the roles of data/en/roles/<family>.jsonl decide what syntax says better:

- a meeting noun that is the complement of a halted state ("the delay in talks", "the lack of
  negotiations") is no meeting held;
- a ceasefire inside an appeal ("urged X to agree to a ceasefire") is the appeal, no proposal;
  "X's proposal for both sides to halt" is a ceasefire proposal by X, its sides the story's;
- a sanction whose subject is a state's official is imposed by the state (codebook rule 7);
- a condemned happening with no named perpetrator takes the story's perpetrator;
- the speaker and addressee from the subject and object when the legacy rules left them empty;
- an agreement (ceasefire, peace, prisoner exchange) signed or reached by two named sides.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from streams.extraction.annotate import ActorMention, Annotated
from streams.extraction.components.families.capital import capitals
from streams.extraction.components.families.cues import cues
from streams.extraction.components.families.framing import framing
from streams.extraction.components.families.speakers import (
    body_first,
    pronoun_speaker,
    speaks_for_state,
    surname_person,
    titled_person,
)
from streams.extraction.components.roles import RoleHit, Roles, token_at
from streams.extraction.components.triggers import trigger_rows
from streams.extraction.date_words import date_words
from streams.extraction.extractors.common import Proto, actor_of, event_date
from streams.extraction.gazetteer import gazetteer
from streams.extraction.gazetteer_model import Place
from streams.extraction.nlp import parse_spans
from streams.schemas import Actor

NAME = "verbal_v2"
VERSION = "0.1.0"
FAMILIES = frozenset({"statements", "diplomacy", "sanctions", "aid", "humanitarian"})
SYNTAX_ONLY = frozenset({"agreement", "ceasefire_proposal", "condemnation", "appeal"})
"""Types whose triggers are parsed even without a legacy event: syntax alone can find one."""
SYNTAX_IDS = frozenset({"diplomacy.phone", "statements.rebut", "statements.warn"})
"""Trigger ids (not whole types) that syntax can make an event of alone: a phone call, a
denial of a claim whose claimant is named (families/rebuttals.py), a warning to a named
side (families/threats.py)."""
OUGHT = "statements.ought"
"""'said X should / must ...': an appeal to X, only in a sentence of reported speech."""
SPEECH = frozenset({"statements.say", "statements.warn"})
"""Trigger ids of verbs of speech: a sentence with one is reported speech."""
SPEAKER_KINDS = frozenset({"person", "state", "organization", "group", "armed_forces"})


def _token(parsed: Doc, offset: int, char: int) -> Token | None:
    return token_at(parsed, char - offset)


def parse_sentences(doc: Doc, sents: list[Span]) -> None:
    """Parses the sentences not parsed yet (doc._.parses, shared with streams_parse), taking
    those streams_parse parsed ahead (doc._.verbal_parses)."""
    parses: dict[int, Doc] = doc._.parses if doc._.parses is not None else {}
    ahead: dict[int, Doc] = doc._.verbal_parses or {}
    todo = [s for s in sents if s.start_char not in parses and s.start_char not in ahead]
    fresh = dict(zip(todo, parse_spans(todo), strict=True)) if todo else {}
    for sent in sents:
        if sent.start_char not in parses:
            early = ahead.get(sent.start_char)
            parses[sent.start_char] = fresh[sent] if early is None else early
    doc._.parses = parses


class Sentence:
    """One parsed trigger sentence: its verbal triggers, their tokens and role hits."""

    def __init__(self, doc: Doc, sent: Span, triggers: list[Span], roles: Roles) -> None:
        self.doc = doc
        self.offset = sent.start_char
        self.parsed: Doc = doc._.parses[sent.start_char]
        self.triggers = triggers
        self.hits: list[RoleHit] = []
        for trigger in triggers:
            self.hits.extend(roles.roles_of(trigger, self.parsed, self.offset))

    def token(self, trigger: Span) -> Token | None:
        return _token(self.parsed, self.offset, trigger.start_char)

    def with_ids(self, ids: frozenset[str]) -> list[tuple[Span, Token]]:
        """The triggers of the given pattern ids, with their tokens."""
        found = ((t, self.token(t)) for t in self.triggers if t._.pattern.id in ids)
        return [(t, token) for t, token in found if token is not None]

    def of_type(self, *event_types: str) -> list[Span]:
        return [t for t in self.triggers if t._.pattern.event_type in event_types]

    def role(self, trigger: Span, role: str) -> list[RoleHit]:
        key = (trigger.start_char, trigger.end_char)
        return [h for h in self.hits if h.trigger == key and h.role == role]


def _ancestor_lemmas(token: Token, stop_at_clause: bool = False) -> list[str]:
    out = []
    for head in token.ancestors:
        out.append(head.lemma_.lower())
        if stop_at_clause and head.dep_ in ("ROOT",):
            break
    return out


def mentions_in(ann: Annotated, hit: RoleHit, whole: bool = False) -> list[ActorMention]:
    start, end = hit.phrase
    if whole:
        start, end = hit.phrase[0], max(hit.phrase[1], hit.head[1])
    found = [a for a in ann.actors if a.start < end and a.end > start]
    if found:
        return found
    capital = capital_state(ann, hit)
    return [capital] if capital is not None else []


def capital_state(ann: Annotated, hit: RoleHit) -> ActorMention | None:
    """'dismissed the claim from Berlin', 'Ankara rejected ...': a capital city that is the
    head of a verbal act's speaker or addressee speaks for (or is) its state, as the
    dictionaries' metonyms do ('Kremlin', 'Washington')."""
    start, end = hit.head
    surface = ann.text[start:end]
    state = capital_states().get(surface)
    if state is None:
        return None
    return ActorMention(state.name, "state", state.country3, start, end, surface, "metonym")


@lru_cache(maxsize=1)
def capital_states() -> dict[str, Place]:
    """A capital city's name -> its country (the gazetteer's country place)."""
    gaz = gazetteer()
    return {town.name: gaz.iso3[iso3] for iso3, town in capitals().items() if iso3 in gaz.iso3}


def state_of(ann: Annotated, country: str | None) -> Actor | None:
    """The state an official speaks or acts for: its mention in the story, else its name."""
    if not country:
        return None
    named = next((a for a in ann.actors if a.kind == "state" and a.country == country), None)
    if named is not None:
        return actor_of(named, "initiator").model_copy(update={"text": None, "start": None})
    place = gazetteer().iso3.get(country)
    if place is None:
        return None
    return Actor(role="initiator", name=place.name, kind="state", country=country)


def wanted_sentences(
    doc: Doc, protos: list[Proto]
) -> tuple[dict[int, list[Span]], dict[int, Span]]:
    """The verbal triggers that a legacy event or a v2-only type (agreement, a proposal noun)
    stands on, and their sentences, keyed by sentence start character."""
    wanted_starts = {p.sentence.start for p in protos}
    grouped: dict[int, list[Span]] = {}
    spans: dict[int, Span] = {}
    for trigger, pattern, family in trigger_rows(doc):
        if family not in FAMILIES:
            continue
        sent = trigger.sent
        own = pattern.event_type in SYNTAX_ONLY or pattern.id in SYNTAX_IDS
        own = own and (pattern.id != OUGHT or _reported(trigger))
        if sent.start_char in wanted_starts or own:
            grouped.setdefault(sent.start_char, []).append(trigger)
            spans[sent.start_char] = sent
    return grouped, spans


def _reported(trigger: Span) -> bool:
    """A sentence of reported speech: a statement verb among its triggers."""
    return any(
        t.sent.start == trigger.sent.start and t._.pattern.id in SPEECH
        for t in trigger.doc.spans.get("triggers", [])
    )


def sentences(doc: Doc, protos: list[Proto], roles: Roles) -> dict[int, Sentence]:
    """The parsed sentences of the verbal triggers that a legacy event or a v2-only type
    (agreement, a proposal noun) stands on, keyed by sentence start character."""
    grouped, spans = wanted_sentences(doc, protos)
    parse_sentences(doc, list(spans.values()))
    return {k: Sentence(doc, spans[k], v, roles) for k, v in grouped.items()}


def halted_meeting(sent: Sentence, proto: Proto) -> bool:
    """'The delay in talks between X and Y', 'the lack of negotiations': a state of the talks
    named by a noun, no meeting held."""
    found = own_trigger(sent, proto)
    if found is None or found[1].pos_ != "NOUN":
        return False
    token = found[1]
    head = token.head
    if token.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    return head is not token and head.pos_ == "NOUN" and head.lemma_.lower() in cues().halted


def appealed_ceasefire(sent: Sentence) -> bool:
    """'urged X to agree to an immediate ceasefire': the ceasefire is what is asked for."""
    for trigger in sent.of_type("ceasefire_proposal"):
        token = sent.token(trigger)
        if token is None or trigger._.pattern.id != "diplomacy.ceasefire":
            continue
        if any(lemma in cues().appeal_heads for lemma in _ancestor_lemmas(token)):
            return True
    return False


def proposal_events(ann: Annotated, sent: Sentence, sides: list[Actor]) -> list[Proto]:
    """'X's proposal for both sides to halt', 'X proposed a truce': X proposes a ceasefire."""
    out = []
    for trigger in sent.of_type("ceasefire_proposal"):
        token = sent.token(trigger)
        if token is None or trigger._.pattern.id != "diplomacy.proposal":
            continue
        words = _complement(token)
        if not any(t.lemma_.lower() in cues().cessation for t in words):
            continue
        if any(lemma in cues().appeal_heads for lemma in _ancestor_lemmas(token)):
            continue
        who = [m for h in sent.role(trigger, "initiator") for m in mentions_in(ann, h)]
        if not who:
            continue
        proto = make_proto(ann, trigger, "ceasefire_proposal")
        # 'A, B and C proposed a truce': the conjuncts of the proposer propose with it
        proposers = list({m.name: m for m in who}.values())
        proto.actors = [actor_of(m, "initiator") for m in proposers]
        names = {m.name for m in proposers}
        named = [a for t in words for a in _addressed(ann, sent, t) if a.name not in names]
        both = any(t.lemma_.lower() in cues().sides for t in words)
        targets = named or (sides if both else [])
        proto.actors += [a.model_copy(update={"role": "target"}) for a in targets]
        out.append(proto)
    return out


def _addressed(ann: Annotated, sent: Sentence, token: Token) -> list[Actor]:
    char = token.idx + sent.offset
    return [actor_of(a, "target") for a in ann.actors if a.start == char]


def make_proto(ann: Annotated, trigger: Span, event_type: str) -> Proto:
    sent = next(s for s in ann.sentences if s.start <= trigger.start_char < s.end)
    proto = Proto(event_type, sent, (trigger.start_char, trigger.end_char), NAME, VERSION)
    verbal = event_type not in date_words().material_types  # a meeting held is a material act
    proto.when, proto.date_explicit = event_date(ann, sent, trigger.start_char, verbal=verbal)
    proto.base_confidence = 0.5
    return proto


def story_sides(conflict: list[Proto]) -> list[Actor]:
    """The sides of the story's first conflict event that names both."""
    for proto in conflict:
        sides = proto.role("initiator")[:1] + proto.role("target")[:1]
        if len(sides) == 2:
            return sides
    return []


def hypothetical(token: Token) -> bool:
    """'the complexities of reaching a deal', 'hopes of holding talks': the act is the
    complement of a noun through a non-finite verb, talked about and not done. A past-tense
    verb states its act ('would end the sanctions, and met X': a modal governs a base form,
    not the past conjunct the parser hangs under it)."""
    if token.tag_ == "VBD":
        return False
    for head in token.ancestors:
        if any(c.tag_ == "MD" and c.lower_ in framing().modals for c in head.children):
            return True  # 'sanctions would be imposed if ...': a possibility
        if head.pos_ in ("VERB", "AUX") and head.tag_ not in ("VBG", "VB"):
            return False  # a finite verb: the clause states the act
        if head.tag_ in ("VBG", "VB") and head.dep_ in ("pcomp", "acl"):
            above = head.head.head if head.head.dep_ == "prep" else head.head
            return above.pos_ == "NOUN" or head.dep_ == "acl"
    return False


def unstated(sent: Sentence, proto: Proto) -> bool:
    """The legacy event's trigger is a hypothetical act in its sentence's syntax."""
    first, last = proto.trigger
    for trigger in sent.triggers:
        if first <= trigger.start_char < max(last, first + 1):
            token = sent.token(trigger)
            if token is not None and hypothetical(token):
                return True
    return False


def _complement(token: Token) -> list[Token]:
    """The proposal's complement: its subtree, or the words right after it when the parser
    hung 'for both sides to halt' elsewhere."""
    out = [t for t in token.subtree if t is not token]
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if nxt is not None and nxt.lower_ in ("for", "to", "that", "of"):
        for follower in token.doc[token.i + 1 : token.i + 9]:
            if follower.is_punct:
                break
            out.append(follower)
    return out


def perpetrator_before(conflict: list[Proto], start: int) -> Actor | None:
    """The initiator of the last conflict event told before a position."""
    # 'condemned the attack': the story's lead event, told first; no perpetrator if it has none
    told = sorted((p for p in conflict if p.trigger[0] < start), key=lambda p: p.trigger[0])
    initiators = told[0].role("initiator") if told else []
    return initiators[0] if initiators else None


def own_trigger(sent: Sentence, proto: Proto) -> tuple[Span, Token] | None:
    """The v2 trigger (and its token) that a legacy event's trigger starts with."""
    first, last = proto.trigger
    for trigger in sent.triggers:
        if first <= trigger.start_char < max(last, first + 1):
            token = sent.token(trigger)
            if token is not None:
                return trigger, token
    return None


def background(sent: Sentence, proto: Proto, ann: Annotated) -> bool:
    """What the sentence's syntax says is no verbal act of today: a relative clause ('a
    politician who criticized the president'), a nominal act with no speaker ('triggered
    global condemnation'), a meeting verb whose subject is no actor ('tourists visited')."""
    found = own_trigger(sent, proto)
    if found is None:
        return False
    trigger, token = found
    if proto.event_type in ("condemnation", "appeal", "statement"):
        if token.dep_ == "relcl":
            return True
        if token.pos_ == "NOUN" and not _speakers(ann, sent, trigger):
            return True
    if proto.event_type == "diplomatic_meeting" and token.pos_ == "VERB":
        subjects = [c for c in token.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
        if subjects and not any(_actor_at(ann, sent, t) for c in subjects for t in c.subtree):
            return True
        return _care_visit(token)
    return False


def _care_visit(token: Token) -> bool:
    """'visited the five detainees in prison', 'to visit X, who was treated in hospital': the
    visit's object or place is where people are treated or held."""
    visited = [c for c in token.children if c.dep_ in ("dobj", "prep")]
    return any(t.lemma_.lower() in cues().care_places for c in visited for t in c.subtree)


def _actor_at(ann: Annotated, sent: Sentence, token: Token) -> bool:
    char = token.idx + sent.offset
    return any(a.start <= char < a.end and a.source != "demonym" for a in ann.actors)


def _speakers(ann: Annotated, sent: Sentence, trigger: Span) -> list[ActorMention]:
    return speakers_of(ann, sent, sent.role(trigger, "initiator"))


def speakers_of(ann: Annotated, sent: Sentence, hits: list[RoleHit]) -> list[ActorMention]:
    """The speakers the initiator hits name: actors of the dictionaries, else a person named
    with an office, a surname named in full before, or a pronoun for the subject before."""
    found = [
        m
        for h in hits
        for m in mentions_in(ann, h)
        if m.kind in SPEAKER_KINDS and (m.source != "demonym" or speaks_for_state(h))
    ]
    if found:
        return body_first(found)
    titled = (titled_person(ann, sent.parsed, sent.offset, h) for h in hits)
    named = (surname_person(ann, sent.parsed, sent.offset, h) for h in hits)
    pronouns = (pronoun_speaker(ann, h, SPEAKER_KINDS) for h in hits)
    return [m for m in (*titled, *named, *pronouns) if m is not None][:1]
