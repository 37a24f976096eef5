"""The verbal families' events on engine v2: the legacy events judged and completed by the
syntax of their sentences (components/families/verbal.py), plus the events only syntax finds."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span

from streams.extraction.annotate import ActorMention, Annotated
from streams.extraction.components.annotation import annotated
from streams.extraction.components.families import verbal
from streams.extraction.components.families.addressees import addressed_state
from streams.extraction.components.families.agreement import agreement_events
from streams.extraction.components.families.cues import cues
from streams.extraction.components.families.headlines import headline_statement
from streams.extraction.components.families.meetings import phone_meetings
from streams.extraction.components.families.proposals import retold_proposals
from streams.extraction.components.families.quoted_wrongs import quoted_wrong_events
from streams.extraction.components.families.rebuttals import rebuttal_events
from streams.extraction.components.families.speakers import private_speaker
from streams.extraction.components.families.threats import threat_events
from streams.extraction.components.families.verbal_acts import verbal_act_events
from streams.extraction.components.families.verbal_nouns import noun_act_events
from streams.extraction.components.roles import RoleHit, Roles
from streams.extraction.date_words import date_words
from streams.extraction.extractors import aid, diplomacy, humanitarian, sanctions, statements
from streams.extraction.extractors.common import Proto, actor_of, sentence_actors
from streams.schemas import Actor, When

LEGACY = (
    statements.extract,
    diplomacy.extract_meetings,
    diplomacy.extract_ceasefire,
    sanctions.extract,
    aid.extract,
    humanitarian.extract,
)
LEGACY_NAMES = frozenset(
    {
        statements.NAME,
        diplomacy.MEETING[0],
        diplomacy.CEASEFIRE[0],
        sanctions.NAME,
        aid.NAME,
        humanitarian.NAME,
    }
)
"""The legacy extractors these families replace inside v2 (they remain its fallback)."""


if not Doc.has_extension("legacy_verbal"):
    Doc.set_extension("legacy_verbal", default=None)


def legacy_protos(doc: Doc) -> list[Proto]:
    """The legacy rules' events of these families, found once per doc (streams_parse asks
    first, to parse their sentences in its one model pass)."""
    if doc._.legacy_verbal is None:
        ann = annotated(doc)
        doc._.legacy_verbal = [p for fn in LEGACY for p in fn(ann)]
    protos: list[Proto] = doc._.legacy_verbal
    return protos


def verbal_protos(doc: Doc, conflict: list[Proto], roles: Roles) -> list[Proto]:
    ann = annotated(doc)
    legacy = legacy_protos(doc)
    parsed = verbal.sentences(doc, legacy, roles)
    out: list[Proto] = []
    for proto in legacy:
        sent = parsed.get(proto.sentence.start)
        if sent is None or _judged(ann, proto, sent, conflict):
            out.append(proto)
    for start, sent in parsed.items():
        agreed = agreement_events(ann, sent)
        if agreed:  # the agreement is the event; a 'proposal' read from it is not
            out = [p for p in out if not _proposal_in(p, start)]
            out.extend(agreed)
    sides = verbal.story_sides(conflict)
    for start, sent in parsed.items():
        proposed = verbal.proposal_events(ann, sent, sides)
        if proposed:  # syntax read the proposal and its proposer: it replaces the legacy one
            out = [p for p in out if not _proposal_in(p, start)]
            out.extend(proposed)
        taken = {p.event_type for p in out if p.sentence.start == start}
        out.extend(verbal_act_events(ann, sent, conflict, taken))
        out.extend(noun_act_events(ann, sent, taken))
        out.extend(phone_meetings(ann, sent, taken))
        out.extend(rebuttal_events(ann, sent, taken))
        out.extend(threat_events(ann, sent, taken))
        out.extend(quoted_wrong_events(ann, sent, conflict, taken))
    out.extend(headline_statement(doc, ann, roles, out))
    out = retold_proposals(ann, out, parsed)
    speaker_days(out)
    for proto in out:
        sent = parsed.get(proto.sentence.start)
        if sent is not None and proto.event_type in ("condemnation", "appeal"):
            proto.actors += co_speakers(ann, sent, proto)
    return one_per_speaker(out)


def one_per_speaker(protos: list[Proto]) -> list[Proto]:
    """'The US and the UN condemned Thailand': one verbal act per speaker, type and target
    (codebook rule 2); speakers of one country (a minister and their government) are one."""
    out: list[Proto] = []
    for proto in protos:
        speakers = proto.role("initiator")
        if proto.event_type not in SPLIT_TYPES or len(speakers) < 2:
            out.append(proto)
            continue
        others = [a for a in proto.actors if a.role != "initiator"]
        kept: list[Actor] = []
        for speaker in speakers:
            if not any(_one_speaker(speaker, k) for k in kept):
                kept.append(speaker)
        proto.actors = [kept[0], *others]
        out.append(proto)
        out.extend(replace(proto, actors=[speaker, *others]) for speaker in kept[1:])
    return out


SPLIT_TYPES = frozenset({"condemnation", "appeal", "statement"})
"""The verbal acts said by one speaker each (codebook rule 2)."""


def _one_speaker(a: Actor, b: Actor) -> bool:
    return a.name == b.name or (a.country is not None and a.country == b.country)


def speaker_days(protos: list[Proto]) -> None:
    """'On Wednesday, the German government said ... The government's spokesperson condemned
    the attack.': a saying with no day of its own, by the country of a speaker whose saying
    told before states its day, goes on with that saying and takes its day (codebook rule 5:
    the day as the text states it); a saying by another country keeps the publication day."""
    material = frozenset(date_words().material_types)
    said: dict[str, When] = {}
    for proto in sorted(protos, key=lambda p: p.sentence.start):
        if proto.event_type in material:
            continue
        speaker = proto.role("initiator")[:1]
        country = speaker[0].country if speaker else None
        if country is None:
            continue
        if proto.date_explicit and proto.when.precision == "day":
            said.setdefault(country, proto.when)
        elif not proto.date_explicit and country in said:
            proto.when = said[country].model_copy(update={"text": None})


def co_speakers(ann: Annotated, sent: verbal.Sentence, proto: Proto) -> list[Actor]:
    """'A, B and C condemned X': the speakers coordinated with the event's own, as its
    initiators too (one act said together)."""
    found = verbal.own_trigger(sent, proto)
    if found is None:
        return []
    hits = sent.role(found[0], "initiator")
    named = {a.name for a in proto.actors}
    out = []
    for hit in hits:
        if not any(h.base == hit.base and h.head != hit.head for h in hits):
            continue  # not coordinated
        if not _conjunct(sent, hit):
            continue  # an apposition ('X, the UN coordinator') is the same speaker
        mentions = [m for m in verbal.mentions_in(ann, hit) if m.kind in verbal.SPEAKER_KINDS]
        # 'Japanese Prime Minister X': the speaker is the phrase's head, not its title's state
        mentions.sort(key=lambda m: not m.start <= hit.head[0] < m.end)
        if mentions and mentions[0].name not in named:
            named.add(mentions[0].name)
            out.append(actor_of(mentions[0], "initiator"))
    return out[:3]


def _conjunct(sent: verbal.Sentence, hit: RoleHit) -> bool:
    """The hit's head is the base itself or one of its conjuncts (not an apposition)."""
    token = next((t for t in sent.parsed if t.idx + sent.offset == hit.head[0]), None)
    while token is not None and token.idx + sent.offset != hit.base:
        if token.dep_ != "conj":
            return False
        token = token.head
    return token is not None


def _proposal_in(proto: Proto, start: int) -> bool:
    return proto.event_type == "ceasefire_proposal" and proto.sentence.start == start


def _judged(ann: Annotated, proto: Proto, sent: verbal.Sentence, conflict: list[Proto]) -> bool:
    """Keeps (and completes) a legacy event unless its sentence's syntax says it is none."""
    kind = proto.event_type
    if kind == "diplomatic_meeting" and verbal.halted_meeting(sent, proto):
        return False
    if kind == "ceasefire_proposal" and verbal.appealed_ceasefire(sent):
        return False
    hypothetical = ("ceasefire_proposal", "diplomatic_meeting", "sanctions_imposed")
    if kind in hypothetical and verbal.unstated(sent, proto):
        return False
    if verbal.background(sent, proto, ann):
        return False
    if kind.startswith("sanctions_"):
        _state_initiator(ann, proto, sent)
    if kind in ("condemnation", "appeal", "statement"):
        found = verbal.own_trigger(sent, proto)
        if found is not None and private_speaker(sent, found[0]):
            return False
        _speaker_and_target(ann, proto, sent, conflict)
    return True


def _state_initiator(ann: Annotated, proto: Proto, sent: verbal.Sentence) -> None:
    """'President X imposed sanctions': the state imposes (codebook rule 7)."""
    if any(a.kind in ("state", "organization") for a in proto.role("initiator")):
        return
    for trigger in sent.of_type("sanctions_imposed", "sanctions_lifted"):
        for hit in sent.role(trigger, "initiator"):
            for mention in verbal.mentions_in(ann, hit):
                state = (
                    actor_of(mention, "initiator")
                    if mention.kind in ("state", "organization")
                    else verbal.state_of(ann, mention.country)
                )
                if state is not None:
                    others = [a for a in proto.actors if a.role != "initiator"]
                    proto.actors = [state, *others]
                    return


def _speaker_and_target(
    ann: Annotated, proto: Proto, sent: verbal.Sentence, conflict: list[Proto]
) -> None:
    triggers = [
        t
        for t in sent.of_type(proto.event_type)
        if proto.trigger[0] <= t.start_char < max(proto.trigger[1], proto.trigger[0] + 1)
    ]
    if not triggers:
        return
    trigger = triggers[0]
    _passive_speaker(ann, proto, sent, trigger)
    speaker = proto.role("initiator")
    hits = sent.role(trigger, "target")
    named = [m for h in hits for m in verbal.mentions_in(ann, h)] + _listed_after(ann, proto, hits)
    found = [actor_of(m, "target") for m in named if not speaker or m.name != speaker[0].name]
    found = list({a.name: a for a in found}.values())  # one hit per pattern that reads it
    if found:  # 'condemned Uganda for sending refugees to Sudan': whom syntax names
        proto.actors = [*(a for a in proto.actors if a.role != "target"), *found[:3]]
    elif speaker and not proto.role("target"):
        _state_addressed(ann, proto, hits, speaker[0])
    if proto.event_type != "condemnation":
        return
    # a condemned happening with no perpetrator in its phrase: the story's perpetrator
    for hit in sent.role(trigger, "target"):
        head = hit.text.split()[-1].lower() if hit.text else ""
        if head.rstrip("s") in cues().happenings and not verbal.mentions_in(ann, hit):
            culprit = verbal.perpetrator_before(conflict, proto.trigger[0])
            if culprit is not None and (not speaker or culprit.name != speaker[0].name):
                kept = [a for a in proto.actors if a.role != "target"]
                proto.actors = [*kept, culprit.model_copy(update={"role": "target"})]
            return


def _state_addressed(ann: Annotated, proto: Proto, hits: list[RoleHit], speaker: Actor) -> None:
    """'Amnesty urged the authorities to free him': an unnamed state body addressed is the
    state the story is about (addressees.addressed_state)."""
    state = addressed_state(ann, hits, speaker)
    if state is not None:
        proto.actors.append(state)


_LIST_GLUE = re.compile(r"\s*(?:,\s*(?:(?:and|or)\s+)?|(?:and|or)\s+)(?:the\s+)?", re.IGNORECASE)
"""What joins one item of a list to the next: ', ', ', and the ', ' or '."""


def _listed_after(ann: Annotated, proto: Proto, hits: list[RoleHit]) -> list[ActorMention]:
    """'called on the EU, the US, and the G7 nations to ...': the actors that go on with the
    list of addressees syntax names, where the parse ends the list early."""
    if not hits:
        return []
    end = max(h.phrase[1] for h in hits)
    out: list[ActorMention] = []
    for mention in sorted(sentence_actors(ann, proto.sentence), key=lambda m: m.start):
        if mention.start < end:
            continue
        if not _LIST_GLUE.fullmatch(ann.text[end : mention.start]):
            break
        out.append(mention)
        end = mention.end
    return out


_AGENTS = frozenset({"statements.speaker_agent", "statements.speaker_agent_of"})


def _passive_speaker(ann: Annotated, proto: Proto, sent: verbal.Sentence, trigger: Span) -> None:
    """'Uganda was condemned by Kenya': the agent of a passive verbal act is its speaker and
    the passive subject what it was said of, whatever order the legacy rules read them in."""
    agents = [
        m
        for h in sent.role(trigger, "initiator")
        if h.pattern in _AGENTS
        for m in verbal.mentions_in(ann, h)
        if m.kind in verbal.SPEAKER_KINDS and m.source != "demonym"
    ]
    if not agents:
        return
    said_of = [
        actor_of(m, "target")
        for h in sent.role(trigger, "target")
        for m in verbal.mentions_in(ann, h)
        if m.name != agents[0].name and m.source != "demonym"
    ]
    proto.actors = [actor_of(agents[0], "initiator"), *said_of[:3]]
