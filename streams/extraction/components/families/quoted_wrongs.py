"""Criticism told only inside a quote (codebook rule 2): '"This raid is a cowardly crime," the
Chadian foreign minister said', '"It is a propaganda stunt by Tehran," said X, the envoy'.

The trigger is a word that judges something a wrong (trigger `statements.quoted_wrong`)
inside quotation marks, in the clause a verb of speech (data/en/verbal_cues.json
`speech_verbs`, told as done) reports from outside them; the speaker is that verb's subject,
before or after the quote, read as for the other verbal acts (a person with an office, a
surname, a pronoun; an apposition naming the body they speak for). The target is a side
named in the quote other than the speaker and the speaker's own state; with none named, the
perpetrator of the happening the story told before (what the wrong is about). A negated
judgment ('this is no crime') or no target is no event."""

from __future__ import annotations

from spacy.tokens import Span, Token

from streams.extraction.annotate import Annotated
from streams.extraction.components.families.cuefile import load
from streams.extraction.components.families.cues import cues
from streams.extraction.components.families.speakers import SpeakerCues, private_hit
from streams.extraction.components.families.verbal import (
    Sentence,
    make_proto,
    perpetrator_before,
    speakers_of,
)
from streams.extraction.components.roles import RoleHit
from streams.extraction.extractors.common import Proto, actor_of
from streams.schemas import Actor

QUOTED = frozenset({"statements.quoted_wrong"})
_OPEN = "“"
_CLOSE = "”"
_STRAIGHT = '"'
_TOLD = frozenset({"VBD", "VBZ"})
_PREDICATE = frozenset({"attr", "acomp", "oprd"})


def quoted_wrong_events(
    ann: Annotated, sent: Sentence, conflict: list[Proto], taken: set[str]
) -> list[Proto]:
    if "condemnation" in taken:
        return []
    for trigger, token in sent.with_ids(QUOTED):
        quote = _quote_span(sent, token)
        verb = _speech_verb(sent, token, quote)
        if quote is None or verb is None or _negated(token):
            continue
        hit = _subject_hit(sent, trigger, verb)
        if hit is None or private_hit(sent, hit):
            continue
        speakers = speakers_of(ann, sent, [hit])
        if not speakers:
            continue
        speaker = actor_of(speakers[0], "initiator")
        targets = _targets(ann, sent, token, quote, speaker) or _culprit(conflict, trigger, speaker)
        if not targets:
            continue
        proto = make_proto(ann, trigger, "condemnation")
        proto.actors = [speaker, *targets[:3]]
        taken.add("condemnation")
        return [proto]
    return []


def _quote_span(sent: Sentence, token: Token) -> tuple[int, int] | None:
    """The article characters of the quotation the token stands in, within its sentence."""
    text = sent.parsed.text
    at = token.idx
    before, after = text[:at], text[at:]
    if before.count(_OPEN) > before.count(_CLOSE):
        start, end = before.rfind(_OPEN), after.find(_CLOSE)
    elif before.count(_STRAIGHT) % 2 == 1:
        start, end = before.rfind(_STRAIGHT), after.find(_STRAIGHT)
    else:
        return None
    if end < 0:
        return None
    return start + sent.offset, at + end + sent.offset


def _speech_verb(sent: Sentence, token: Token, quote: tuple[int, int] | None) -> Token | None:
    """The nearest verb of speech above the token, outside the quote, told as done."""
    if quote is None:
        return None
    for head in token.ancestors:
        char = head.idx + sent.offset
        if quote[0] <= char < quote[1]:
            continue
        if head.lemma_.lower() in cues().speech_verbs and head.tag_ in _TOLD:
            return head
        return None
    return None


def _negated(token: Token) -> bool:
    """'this is no crime', 'it was not a provocation'."""
    if any(c.lower_ in ("no", "not", "never") for c in token.children):
        return True
    head = token.head
    return any(c.dep_ == "neg" for c in head.children) if head is not token else False


def _subject_hit(sent: Sentence, trigger: Span, verb: Token) -> RoleHit | None:
    """The speech verb's subject as a speaker role hit: its whole phrase, so an apposition
    naming whom the speaker speaks for ('X, the Africa director at Amnesty International')
    counts."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    offset = sent.offset
    first = min(t.idx for t in subject.subtree)
    last = max(t.idx + len(t) for t in subject.subtree)
    return RoleHit(
        trigger=(trigger.start_char, trigger.end_char),
        role="initiator",
        pattern="statements.speaker_of_quoted",
        head=(subject.idx + offset, subject.idx + len(subject) + offset),
        phrase=(first + offset, last + offset),
        text=sent.parsed.text[first:last],
        base=subject.idx + offset,
    )


def _targets(
    ann: Annotated, sent: Sentence, token: Token, quote: tuple[int, int], speaker: Actor
) -> list[Actor]:
    """The sides the judged wrong names ('a provocation by X', 'X's crime'), else the sides
    named in the quote; never the speaker, the speaker's own state or a place's state."""
    judged = [*token.subtree]
    if token.dep_ in _PREDICATE:  # 'X's claims are propaganda': what the subject names
        subjects = (c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass"))
        judged += [t for c in subjects for t in c.subtree]
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if nxt is not None and nxt.lower_ == "by":  # 'this provocation by X', hung on the verb
        judged += [*nxt.subtree]
    starts = {t.idx + sent.offset for t in judged}
    own = _sides_within(ann, sent, starts, speaker)
    in_quote = {t.idx + sent.offset for t in sent.parsed}
    in_quote = {c for c in in_quote if quote[0] <= c < quote[1]}
    return own or _sides_within(ann, sent, in_quote, speaker)


def _sides_within(ann: Annotated, sent: Sentence, starts: set[int], speaker: Actor) -> list[Actor]:
    out: dict[str, Actor] = {}
    for mention in ann.actors:
        if mention.start not in starts or mention.name == speaker.name:
            continue
        token = next((t for t in sent.parsed if t.idx + sent.offset == mention.start), None)
        if token is None or _placed(token):
            continue
        if mention.source == "demonym" and token.head.lemma_.lower() not in _officials():
            continue  # 'the Sudanese army' names the state; 'Sudanese journalists' none
        if speaker.country and mention.kind == "state" and mention.country == speaker.country:
            continue
        out.setdefault(mention.name, actor_of(mention, "target"))
    return list(out.values())


def _placed(token: Token) -> bool:
    """'journalism in Yemen': the name is the object of a preposition of place."""
    head = token.head
    return token.dep_ == "pobj" and head.lower_ in cues().place_preps


def _officials() -> frozenset[str]:
    officials: frozenset[str] = load(SpeakerCues, "speakers.json").officials
    return officials


def _culprit(conflict: list[Proto], trigger: Span, speaker: Actor) -> list[Actor]:
    culprit = perpetrator_before(conflict, trigger.start_char)
    if culprit is None or culprit.name == speaker.name:
        return []
    if speaker.country and culprit.country == speaker.country and culprit.kind == "state":
        return []
    return [culprit.model_copy(update={"role": "target"})]
