"""A legacy conflict event whose sentence tells only an act against things ('unknown
gunmen looted a motorbike', 'the army recovered landmines'): engine v2 sees no attack,
killing, clash or explosion in it, only looting, destruction or weapons seized, so the event
is that act (ACLED Looting/property destruction, Disrupted weapons use), not a clash, an
attack on people or a bombing. The word classes are data (data/en/property_acts.json)."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from streams.extraction.components.annotation import annotated
from streams.extraction.components.families.cuefile import CueFile, load
from streams.extraction.components.triggers import trigger_rows
from streams.extraction.extractors.common import Proto


class PropertyCues(CueFile):
    acts: dict[str, frozenset[str]]


def property_act(doc: Doc, base: Proto | None, triggers: list[Span]) -> None:
    """Retype the sentence's legacy event to the act against things its sentence tells
    (looting, destruction, weapons seized or defused), where the ported triggers of the
    sentence (`triggers`) are only words that may stand beside that act (a damage word, the
    name of an explosive device): no harm to people told."""
    if base is None:
        return
    cues: PropertyCues = load(PropertyCues, "property_acts.json")
    told = {t._.pattern.id for t in triggers}
    sentence = annotated(doc).sentences[base.sentence.index]
    for trigger, pattern, _family in trigger_rows(doc):
        kind = str(pattern.event_type)
        if (
            sentence.start <= trigger.start_char < sentence.end
            and kind in cues.acts
            and not pattern.needs_context
            and told <= cues.acts[kind]
        ):
            base.event_type = kind
            return
