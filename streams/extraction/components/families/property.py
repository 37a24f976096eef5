"""A legacy conflict event whose sentence tells only an act against property ('unknown
gunmen looted a motorbike', 'rebels set fire to five motorbikes'): engine v2 sees no attack,
killing, clash or explosion in it, only looting or destruction, so the event is that act
(ACLED Looting/property destruction), not a clash or an attack on people. The word classes
are data (data/en/property_acts.json)."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from streams.extraction.components.annotation import annotated
from streams.extraction.components.families.cuefile import CueFile, load
from streams.extraction.components.triggers import trigger_rows
from streams.extraction.extractors.common import Proto


class PropertyCues(CueFile):
    property_types: frozenset[str]
    property_patterns: frozenset[str]


def property_act(doc: Doc, base: Proto | None, triggers: list[Span]) -> None:
    """Retype the sentence's legacy event to the act against property its sentence tells,
    where the ported triggers of the sentence (`triggers`) name no harm to people."""
    cues: PropertyCues = load(PropertyCues, "property_acts.json")
    if base is None or any(t._.pattern.id not in cues.property_patterns for t in triggers):
        return
    sentence = annotated(doc).sentences[base.sentence.index]
    acts = [
        pattern
        for trigger, pattern, _family in trigger_rows(doc)
        if sentence.start <= trigger.start_char < sentence.end
        and pattern.event_type in cues.property_types
        and not pattern.needs_context
    ]
    if acts:
        base.event_type = str(acts[0].event_type)
