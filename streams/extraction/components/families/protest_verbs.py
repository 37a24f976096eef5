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
from streams.extraction.components.families.cuefile import CueFile, load
from streams.extraction.components.families.victim_words import civilians
from streams.extraction.extractors.attack import _in_quote as in_quote
from streams.extraction.extractors.common import Proto, sentence_actors, sentence_places, status_for

NAME = ("unrest_v2", "0.1.0")
CROWD_CUE = "protests.crowd"
DOER_WINDOW = 12
"""Words before the verb in which its doers are named ('Students and Excarcelados protested',
'several people, including boda boda riders, demonstrated', 'More than 40 employees at a
cable firm began a strike'); an armed word among them makes the doers armed ('troops began a
strike'), no crowd."""
PEOPLE_KINDS = frozenset({"organization", "group", "person", "civilians"})


class ProtestActs(CueFile):
    """data/en/protest_acts.json."""

    acts: frozenset[str]
    words: frozenset[str]
    gatherings: frozenset[str] = frozenset()
    purpose_words: frozenset[str] = frozenset()
    not_before: frozenset[str] = frozenset()
    doers: frozenset[str] = frozenset()


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
    """A past verb of demonstrating, a present one in a headline-style line, or an act of
    protest told in any tense."""
    pattern = trigger._.pattern.id
    if pattern == CROWD_CUE:
        return _past_verb(trigger) or _present_verb(trigger)
    return pattern in protest_acts().acts


def _past_verb(trigger: Span) -> bool:
    """'protested', 'demonstrated', 'marched': a past form of a verb of demonstrating (not
    'protest', a noun or a present habit, nor 'protesters', nor 'a crowded market')."""
    token = trigger[0]
    verb = token.lemma_ in cues().demonstration_verbs
    return len(trigger) == 1 and verb and token.lower_.endswith("ed")


def _present_verb(trigger: Span) -> bool:
    """'Traders in X protest a tax increase', 'Residents demonstrate over ...': a present
    form of a verb of demonstrating right after a word that leaves it a verb (not 'a
    protest', 'their march', 'mass rally': data/en/protest_acts.json not_before); its doers
    are checked by the caller."""
    token = trigger[0]
    if len(trigger) != 1 or token.lemma_ not in cues().demonstration_verbs:
        return False
    if token.lower_ not in (token.lemma_, token.lemma_ + "s") or token.i == trigger.sent.start:
        return False
    before = token.nbor(-1)
    return before.lower_ not in protest_acts().not_before and not before.is_punct


def _protest(doc: Doc, ann: Annotated, index: int, trigger: Span) -> Proto | None:
    sent = ann.sentences[index]
    if in_quote(sent.text, trigger.start_char - sent.start):
        return None
    acts = protest_acts()
    if not (_people_before(ann, trigger) or trigger._.pattern.id in acts.words):
        return None
    if trigger._.pattern.id in acts.gatherings and not _purpose(sent.text):
        return None  # 'people gathered at the scene': a crowd, no demand
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
    if words & (cues().armed_words | civilians().armed):
        return False
    known = cues().crowd_words | civilians().nouns | protest_acts().doers
    if any(w in known or w.removesuffix("s") in known for w in words):
        return True
    begin = doc[start].idx
    return any(
        a.kind in PEOPLE_KINDS and begin <= a.start and a.end <= trigger.start_char
        for a in sentence_actors(ann, _sentence(ann, trigger))
    )


def _sentence(ann: Annotated, trigger: Span) -> Sentence:
    return next(s for s in ann.sentences if s.start <= trigger.start_char < s.end)


def _purpose(text: str) -> bool:
    """A demand or grievance word in the sentence (data/en/protest_acts.json purpose_words)."""
    lowered = f" {text.lower()} "
    return any(f" {w} " in lowered or f" {w}," in lowered for w in protest_acts().purpose_words)
