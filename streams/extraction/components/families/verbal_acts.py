"""Condemnations and appeals that syntax alone reads (engine v2, the statements family): a
verb whose subject is a speaker and whose object or addressee is named, a group asked to
act, or a condemned happening whose perpetrator the story names; a modal of what someone
is to do in reported speech ('said X should ...')."""

from __future__ import annotations

from spacy.tokens import Span, Token

from streams.extraction.annotate import ActorMention, Annotated
from streams.extraction.components.families.addressees import addressed_state
from streams.extraction.components.families.cues import cues
from streams.extraction.components.families.speakers import (
    addressed_group,
    private_speaker,
    speaks_for_state,
    standing_position,
)
from streams.extraction.components.families.verbal import (
    FAMILIES,
    OUGHT,
    Sentence,
    _speakers,
    hypothetical,
    make_proto,
    mentions_in,
    perpetrator_before,
)
from streams.extraction.components.triggers import trigger_rows
from streams.extraction.extractors.common import Proto, actor_of
from streams.schemas import Actor

NAMING = frozenset({"statements.call_names", "statements.label"})
"""'called the raid a crime', 'branded the rebels terrorists', 'named X as terrorists': a
condemnation only when what it is called is a wrong."""
ASKING = frozenset({"statements.ask", "statements.count_on"})
"""'asked X to ...', 'encouraged X to ...', 'we count on X to ...': an appeal only when X is
asked to act (an infinitive complement); 'asked X about Y' is a question, 'relied on X for
fuel' a dependence."""


def _names_an_act(sent: Sentence, token: Token) -> bool:
    """A claim's clause or an attribution's object holds a material act's trigger."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in cues().attributing_verbs:
        return True
    said = [c for c in token.children if c.dep_ in ("ccomp", "dobj")]
    spans = [(min(t.idx for t in c.subtree), max(t.idx + len(t) for t in c.subtree)) for c in said]
    spans = [(a + sent.offset, b + sent.offset) for a, b in spans]
    acts = [
        t.start_char for t, _pattern, family in trigger_rows(sent.doc) if family not in FAMILIES
    ]
    return any(a <= char < b for char in acts for a, b in spans)


def named_a_wrong(token: Token) -> bool:
    """'called the stabbing an act of barbarity', 'called the warrants a propaganda stunt':
    what the object is called (the object's own complement, or the verb's) is a wrong."""
    objects = [c for c in token.children if c.dep_ == "dobj"]
    named = [c for c in token.children if c.dep_ in ("oprd", "xcomp", "ccomp")]
    named += [c for h in (token, *objects) for c in h.children if c.lower_ == "as"]
    named += [g for o in objects for g in o.children if g.dep_ in ("dobj", "appos", "oprd")]
    wrongs = cues().pejoratives
    return any(w.lemma_.lower() in wrongs for n in named for w in n.subtree)


def _told_act(trigger: Span, token: Token, lead: bool = False) -> bool:
    """The trigger tells an act done: a past verb, not a relative clause, a possibility or a
    standing position; 'called X Y' naming a wrong; a modal of what someone is to do in a
    reported speech ('said X should ...'), whose roles need the speech verb. In the text's
    opening sentence a present verb tells the news too ('Armenia claims that ...')."""
    if trigger._.pattern.id == OUGHT:
        return token.tag_ == "MD"
    if trigger._.pattern.id in ASKING and not asked_to_act(token):
        return False
    if announced(token) or performative(token):
        return True
    present = ("VB",) if lead else ("VB", "VBP", "VBZ")
    if token.pos_ != "VERB" or token.dep_ == "relcl" or token.tag_ in present:
        return False
    if hypothetical(token) or standing_position(token):
        return False
    return trigger._.pattern.id not in NAMING or named_a_wrong(token)


def asked_to_act(token: Token) -> bool:
    """'encouraged the CIA to release the files': the verb has an infinitive complement (the
    parser may attach it as an adverbial clause: 'I count on Ankara to act')."""
    clauses = (
        c for c in token.children if c.dep_ in ("xcomp", "ccomp", "advcl") and c.tag_ == "VB"
    )
    return any(a.lower_ == "to" for c in clauses for a in c.children)


def announced(token: Token) -> bool:
    """'Ebrard said the Mexican government would press the U.S. to ...': a verbal act with a
    modal of intent (data/en/verbal_cues.json `intent_modals`), in the clause of a past verb
    of speech, is announced then: the act is told (not a condition: 'would press X if ...';
    not negated)."""
    if token.pos_ != "VERB" or token.tag_ != "VB" or token.dep_ != "ccomp":
        return False
    modals = cues().intent_modals
    if not any(c.dep_ == "aux" and c.lower_ in modals for c in token.children):
        return False
    if any(c.dep_ == "neg" for c in token.children):
        return False
    if any(t.dep_ == "advcl" and _conditional(t) for t in token.subtree):
        return False
    speech = token.head
    return speech.tag_ == "VBD" and speech.lemma_.lower() in cues().speech_verbs


def performative(token: Token) -> bool:
    """'"We condemn this attack," the minister said', '"I urge the Taliban to reverse their
    decision," he said': a verbal act in the first person present, quoted by a verb of
    speech, is done by saying it (its speaker is the speech verb's subject: roles
    `statements.speaker_of_quote`)."""
    if token.pos_ != "VERB" or token.tag_ != "VBP" or token.dep_ != "ccomp":
        return False
    if not any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in token.children):
        return False
    return token.head.lemma_.lower() in cues().speech_verbs


def _conditional(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in clause.children)


def _act_targets(
    ann: Annotated, sent: Sentence, trigger: Span, speaker: ActorMention, conflict: list[Proto]
) -> list[Actor]:
    """The named object or addressee; condemned, a happening whose perpetrator the story names."""
    hits = sent.role(trigger, "target")
    # 'accused the Nepalese government': a demonym on a state body names the state
    named = {
        m.name: actor_of(m, "target")
        for h in hits
        for m in mentions_in(ann, h)
        if m.name != speaker.name and (m.source != "demonym" or speaks_for_state(h))
    }  # a name and its abbreviation ('the Kurdistan Workers' Party (PKK)') name one side
    targets = list(named.values())
    if targets:
        return targets
    state = addressed_state(ann, hits, speaker)  # 'urged the authorities to ...'
    if state is not None:
        return [state]
    if trigger._.pattern.event_type != "condemnation":
        return targets
    culprit = perpetrator_before(conflict, trigger.start_char)
    happenings = cues().happenings
    happening = any(h.text.split()[-1].lower().rstrip("s") in happenings for h in hits if h.text)
    if culprit is not None and happening and culprit.name != speaker.name:
        return [culprit.model_copy(update={"role": "target"})]
    return []


def _untargeted_act(sent: Sentence, trigger: Span, kind: str) -> bool:
    """An act that counts with no named target: an appeal to a group of people asked to act
    (`speakers.addressed_group`); a condemnation of a happening whose perpetrator the story
    does not name ('called the stabbing an act of barbarity'; codebook rule 2)."""
    if kind == "appeal":
        return addressed_group(sent, trigger)
    if trigger._.pattern.id not in NAMING:
        return False  # an accusation or a claim names whom it charges
    happenings = cues().happenings
    hits = sent.role(trigger, "target")
    return any(h.text and h.text.split()[-1].lower().rstrip("s") in happenings for h in hits)


def verbal_act_events(
    ann: Annotated, sent: Sentence, conflict: list[Proto], taken: set[str]
) -> list[Proto]:
    """A condemnation or appeal that the legacy rules missed: a verb whose subject is a
    speaker of the dictionaries and whose object or addressee is named (or, condemned, a
    happening whose perpetrator the story names; or, an appeal, a group of people asked to
    act: `speakers.addressed_group`)."""
    out = []
    lead = _opening(ann, sent)
    for trigger in sent.of_type("condemnation", "appeal"):
        token = sent.token(trigger)
        kind = trigger._.pattern.event_type
        if token is None or kind in taken or not _told_act(trigger, token, lead):
            continue
        if not _names_an_act(sent, token) or private_speaker(sent, trigger):
            continue
        speakers = _speakers(ann, sent, trigger)
        if not speakers:
            continue
        targets = _act_targets(ann, sent, trigger, speakers[0], conflict)
        if not targets and not _untargeted_act(sent, trigger, kind):
            continue
        proto = make_proto(ann, trigger, kind)
        proto.actors = [actor_of(speakers[0], "initiator"), *targets[:3]]
        out.append(proto)
        taken.add(kind)
    return out


LEAD_WORDS = 5
"""Sentences shorter than this before the first one are labels or dates ('28 April.')."""


def _opening(ann: Annotated, sent: Sentence) -> bool:
    """The sentence opens the text: only labels or dates come before it."""
    before = [s for s in ann.sentences if s.start < sent.offset]
    return all(len(s.text.split()) < LEAD_WORDS for s in before)
