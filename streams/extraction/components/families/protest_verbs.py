"""Demonstrations told by their verb that the legacy protest rules leave out: 'Residents
protested over a rise in crime at the market in Aweil', 'Businessmen in Aweil protested the
increase in robberies'. The legacy rules drop every sentence with a word of finance or sport
('market', 'league', 'concert'), which also names places and parties; here a past-tense
demonstration verb (data/en/triggers/protests.jsonl, protests.crowd) whose doers are people
named just before it (a crowd or unarmed-people word, or a dictionary actor) is a protest,
at a place below country level or as the text's opening news. So is an act of demonstrating or
of a collective stoppage in any tense ('workers went on strike', 'members staged a march'), and
a word that names a protest by itself ('a hartal'): data/en/protest_acts.json."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from streams.extraction.annotate import Annotated, Sentence
from streams.extraction.components.events import opens_text
from streams.extraction.components.families.base import cues, new_proto
from streams.extraction.components.families.conflict import civilians
from streams.extraction.components.families.cuefile import CueFile, load
from streams.extraction.extractors.attack import _in_quote as in_quote
from streams.extraction.extractors.common import Proto, sentence_actors, sentence_places, status_for

NAME = ("unrest_v2", "0.1.0")
CROWD_CUE = "protests.crowd"
DOER_WINDOW = 6
"""Words before the verb in which its doers are named ('Students and Excarcelados protested',
'several people, including boda boda riders, demonstrated')."""
PEOPLE_KINDS = frozenset({"organization", "group", "person", "civilians"})


class ProtestActs(CueFile):
    """data/en/protest_acts.json."""

    acts: frozenset[str]
    words: frozenset[str]


def protest_acts() -> ProtestActs:
    found: ProtestActs = load(ProtestActs, "protest_acts.json")
    return found


def verb_protests(
    doc: Doc, ann: Annotated, by_cue: dict[int, list[Span]], told: set[int]
) -> list[Proto]:
    """The protests told by a verb in the sentences (by index) no legacy protest covers."""
    out = []
    for index, triggers in sorted(by_cue.items()):
        if index in told:
            continue
        verbs = [t for t in triggers if _protest_act(t)]
        proto = next((p for t in verbs if (p := _protest(doc, ann, index, t)) is not None), None)
        if proto is not None:
            out.append(proto)
    return out


def _protest_act(trigger: Span) -> bool:
    """A past verb of demonstrating, or an act of protest told in any tense."""
    pattern = trigger._.pattern.id
    return (pattern == CROWD_CUE and _past_verb(trigger)) or pattern in protest_acts().acts


def _past_verb(trigger: Span) -> bool:
    """'protested', 'demonstrated', 'marched': a past form of a verb of demonstrating (not
    'protest', a noun or a present habit, nor 'protesters', nor 'a crowded market')."""
    token = trigger[0]
    verb = token.lemma_ in cues().demonstration_verbs
    return len(trigger) == 1 and verb and token.lower_.endswith("ed")


def _protest(doc: Doc, ann: Annotated, index: int, trigger: Span) -> Proto | None:
    sent = ann.sentences[index]
    if in_quote(sent.text, trigger.start_char - sent.start):
        return None
    if not (_people_before(ann, trigger) or trigger._.pattern.id in protest_acts().words):
        return None
    placed = any(p.place.precision != "country" for p in sentence_places(ann, sent))
    lead = opens_text(ann, index)
    if not (placed or lead):
        return None
    status = status_for(sent, trigger.start_char, trigger.end_char)
    if status is None:
        return None
    proto = new_proto(ann, sent, trigger, [], NAME)
    proto.event_type = "protest"
    proto.status = status
    proto.lead = lead and status == "occurred"
    return proto


def _people_before(ann: Annotated, trigger: Span) -> bool:
    """People named among the words just before the verb, in its sentence."""
    doc = trigger.doc
    start = max(trigger.sent.start, trigger.start - DOER_WINDOW)
    words = {t.lower_ for t in doc[start : trigger.start]}
    known = cues().crowd_words | civilians().nouns
    if any(w in known or w.removesuffix("s") in known for w in words):
        return True
    begin = doc[start].idx
    return any(
        a.kind in PEOPLE_KINDS and begin <= a.start and a.end <= trigger.start_char
        for a in sentence_actors(ann, _sentence(ann, trigger))
    )


def _sentence(ann: Annotated, trigger: Span) -> Sentence:
    return next(s for s in ann.sentences if s.start <= trigger.start_char < s.end)
